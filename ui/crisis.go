package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
)

// A graduated response to a saved check-in (issue 14):
//
//   - thoughts of self-harm ticked, or a sign in the body log that needs
//     help now (data.CheckinFlags, FlagNow): the urgent-help dialog — the
//     region's crisis line first (for thoughts of self-harm), then the
//     emergency number, then the user's own people from My plan (tap to
//     copy), and Get help. When Steady does not know where the user is, it
//     asks once first.
//   - the lowest mood or a strong craving alone: a gentle note under the
//     saved check-in (savenote.go) — no page switch, no dialog, no
//     emergency number.

// care is what the shell keeps of the urgent-help response, for tests and
// so that one dialog is shown at a time.
type care struct {
	crisis       dialog.Dialog     // the urgent-help dialog on screen, or nil
	crisisBody   *fyne.Container   // its content, for tests
	regionPicker *escSelect        // the "Where are you?" picker on screen
	helpDialog   dialog.Dialog     // Get help shown over the lock screen or start-up error
	helpScreen   *helpScreen       // its content, for tests
	note         *saveNote         // the note under the sections after a save
	footerHelp   *widget.Button    // Get help in the open journal's footer
	deleteAll    *deleteAllForm    // the last "Delete all my data" dialog
	quickTop     fyne.CanvasObject // the quick check-in dialog's overlay
	navIcons     *widget.List      // the icon-only navigation of narrow windows (navlayout.go)
	unsaved      bool              // the next urgent-help dialog answers a check-in not saved yet
}

// urgent reports whether a saved check-in needs the urgent-help response,
// and which body-log signs it names.
func urgent(e data.Entry) (bool, []data.Flag) {
	var now []data.Flag
	for _, f := range data.CheckinFlags(e) {
		if f.Level == data.FlagNow {
			now = append(now, f)
		}
	}
	return e.SelfHarm || len(now) > 0, now
}

// showCrisis shows the urgent-help dialog for a saved check-in: the signs
// it names, the crisis line (selfHarm), the emergency number, the user's
// people and Get help. An unknown region is asked for first.
func (u *UI) showCrisis(selfHarm bool, signs []data.Flag) {
	if u.care.crisis != nil {
		u.care.crisis.Hide()
	}
	if !u.regionKnown() {
		u.askRegion(func() { u.openCrisis(selfHarm, signs) })
		return
	}
	u.openCrisis(selfHarm, signs)
}

// crisisBeforeSave shows the urgent-help dialog for thoughts of self-harm
// ticked on a check-in that cannot be saved yet (no mood chosen): help does
// not wait for a complete form. The dialog does not say "saved".
func (u *UI) crisisBeforeSave() {
	u.care.unsaved = true
	u.showCrisis(true, nil)
}

func (u *UI) openCrisis(selfHarm bool, signs []data.Flag) {
	tr := u.tr
	body := container.NewVBox()
	if !u.care.unsaved { // the lead says the check-in is saved
		body.Add(wrapped(tr.T("crisis.lead")))
	}
	u.care.unsaved = false
	for _, f := range signs {
		name := widget.NewLabelWithStyle(tr.T(f.SignID()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Wrapping = fyne.TextWrapWord
		body.Add(name)
		body.Add(wrapped(tr.T(f.WhyID())))
	}
	r := u.region()
	known := u.regionKnown() && r.ID != guide.RegionOther
	if selfHarm && known {
		if lines := r.CrisisLines(); len(lines) > 0 {
			body.Add(heading(tr.T("crisis.talk_now")))
			for _, l := range lines {
				body.Add(u.numberRow(l.Name, tr.T(l.NoteID), l.Number))
			}
		}
	}
	body.Add(heading(tr.T("crisis.danger")))
	if known {
		body.Add(u.numberRow(tr.T("crisis.emergency"), noteOf(tr.T, r.EmergNote), r.Emergency))
	} else {
		body.Add(wrapped(tr.T("crisis.emergency_local")))
	}
	if people := u.planPeople(); len(people) > 0 {
		body.Add(heading(tr.T("companion.people")))
		for _, p := range people {
			body.Add(u.numberRow(p.Text, "", p.Phone))
		}
	}
	var d dialog.Dialog
	help := u.getHelpEscButton()
	help.OnTapped = func() {
		d.Hide()
		u.getHelp()
	}
	body.Add(container.NewHBox(help))
	d = newEscDialog(tr.T("support.title"), tr.T("dialog.close"), container.NewVScroll(body), u.win)
	d.SetOnClosed(func() { u.care.crisis, u.care.crisisBody = nil, nil })
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-32, 520), min(size.Height-32, 560)))
	u.care.crisis, u.care.crisisBody = d, body
	u.showDialog(d)
	u.announce("crisis")
}

// noteOf translates id, or returns "" for none.
func noteOf(t func(string, ...any) string, id string) string {
	if id == "" {
		return ""
	}
	return t(id)
}

// heading is a bold label.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// numberRow is a name, what it is, and its number on a button that copies
// it (a desktop cannot dial; the number is ready to paste into a phone app
// or read out). A person without a number shows the name only.
func (u *UI) numberRow(name, note, number string) fyne.CanvasObject {
	text := container.NewVBox(wrapped(name))
	if note != "" {
		n := wrapped(note) // full contrast: a faint line is hard to read in a hard moment
		n.TextStyle = fyne.TextStyle{Italic: true}
		text.Add(n)
	}
	if number == "" {
		return text
	}
	copyBtn := newEscButton(number, theme.ContentCopyIcon(), func() {
		u.app.Clipboard().SetContent(number)
		u.announce("copied " + number)
	})
	return container.NewBorder(nil, nil, nil, copyBtn, text)
}

// planPeople returns the people in My plan, or none when no journal is
// open.
func (u *UI) planPeople() []data.PlanItem {
	if u.journal == nil {
		return nil
	}
	people, _ := u.journal.Plan(data.PlanPerson)
	return people
}
