package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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
}

// offerUndo says an entry was deleted and offers to put it back.
func (u *UI) offerUndo(gone data.Entry) {
	l := widget.NewLabel(u.tr.T("checkin.deleted"))
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(u.tr.T("checkin.delete_title"), u.tr.T("checkin.undo"), u.tr.T("dialog.ok"), l, func(undo bool) {
		if !undo {
			return
		}
		if err := u.journal.Restore(&gone); err != nil {
			u.reportWrite(err, u.saveError)
		}
	}, u.win)
	d.Show()
}
