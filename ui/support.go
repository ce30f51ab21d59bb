package ui

import (
	"github.com/steadyapp/steady/data"
)

// afterSave is called once after each saved check-in; the check-in is
// already durable. The response is graduated (crisis.go): thoughts of
// self-harm or a sign that needs help now open the urgent-help dialog; a
// low mood or a strong craving alone gets the gentle note under the saved
// check-in; any other save just names its time.
func (u *UI) afterSave(e data.Entry) {
	if hard, signs := urgent(e); hard {
		u.showSaved(e, false)
		u.showCrisis(e.SelfHarm, signs)
		return
	}
	u.showSaved(e, gentleFor(e))
	u.showSoonFlags(e) // "see a GP or urology service" (bodyflags_ui.go)
}
