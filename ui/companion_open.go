package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// shortcutRideOut opens the "Ride it out" companion (Ctrl+R, ⌘R on macOS);
// it is registered in the open state only, like every journal shortcut.
var shortcutRideOut = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}

// rideOutButton opens the companion from a screen.
func (u *UI) rideOutButton() *widget.Button {
	b := widget.NewButtonWithIcon(u.tr.T("companion.open"), theme.MediaPlayIcon(), func() { u.showCompanion(-1) })
	return b
}

// showCompanion opens the "Ride it out" companion in a dialog over the
// window; craving is the craving that led there, or -1. Closing the dialog
// stops the timer.
func (u *UI) showCompanion(craving int) {
	if u.journal == nil {
		return
	}
	c := newCompanion(u.tr, u.journal, u.now, newRealTicker,
		func(s string) { u.app.Clipboard().SetContent(s) }, craving)
	c.onSaved = func(e data.Entry) {
		if e.Mood == data.MinMood {
			u.afterSave(e)
		}
	}
	d := dialog.NewCustom(u.tr.T("companion.title"), u.tr.T("dialog.close"), container.NewVScroll(c.content), u.win)
	d.SetOnClosed(c.close)
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-40, 640), size.Height-40))
	d.Show()
}

// offerCompanion asks, after a check-in with a strong craving, whether the
// person would like to ride it out with Steady.
func (u *UI) offerCompanion(e data.Entry) {
	if e.Craving < cravingOffer || e.Used {
		return
	}
	msg := widget.NewLabel(u.tr.T("companion.suggest"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(u.tr.T("companion.title"), u.tr.T("companion.open"), u.tr.T("dialog.close"), msg,
		func(ok bool) {
			if ok {
				u.showCompanion(e.Craving)
			}
		}, u.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}
