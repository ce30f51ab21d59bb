package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// afterSave is called once after each saved check-in. When it records the
// lowest mood or thoughts of self-harm, Steady gently offers help; the
// check-in is already saved.
func (u *UI) afterSave(e data.Entry) {
	if e.Mood == data.MinMood || e.SelfHarm {
		u.selectSection(SectionHelp)
		u.showSupport()
		return
	}
	u.offerCompanion(e) // a strong craving: offer to ride it out
}

// showSupport is the gentle note shown after a very hard check-in, with the
// region's emergency number and the way to the Get help page.
func (u *UI) showSupport() {
	var d *dialog.CustomDialog
	help := u.getHelpButton()
	help.OnTapped = func() {
		d.Hide()
		u.selectSection(SectionHelp)
	}
	content := container.NewVBox(wrapped(u.tr.T("support.body")),
		widget.NewLabelWithStyle(u.tr.T("help.emergency_number", "Number", u.region().Emergency), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(help))
	d = dialog.NewCustom(u.tr.T("support.title"), u.tr.T("dialog.close"), content, u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
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
