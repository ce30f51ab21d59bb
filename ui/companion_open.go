package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// shortcutRideOut opens the "Ride it out" companion (Ctrl+R, ⌘R on macOS);
// it is registered in the open state only, like every journal shortcut.
var shortcutRideOut = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}

// rideOutButton opens the companion from a screen.
func (u *UI) rideOutButton() *widget.Button { return u.rideOutButtonFor(-1) }

// rideOutButtonFor opens the companion after a check-in whose craving was
// craving: the companion's last question starts from it. The gentle note
// under a check-in with a strong craving offers it (savenote.go).
func (u *UI) rideOutButtonFor(craving int) *widget.Button {
	return widget.NewButtonWithIcon(u.tr.T("companion.open"), theme.MediaPlayIcon(), func() { u.showCompanion(craving) })
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
	d := newEscDialog(u.tr.T("companion.title"), u.tr.T("dialog.close"), container.NewVScroll(c.content), u.win)
	// The companion covers the window, and with it the footer's Get help:
	// it carries its own, which closes it and opens Get help.
	help := u.getHelpEscButton()
	help.OnTapped = func() {
		d.Hide()
		u.getHelp()
	}
	d.SetButtons([]fyne.CanvasObject{help, newEscButton(u.tr.T("dialog.close"), nil, d.Hide)})
	d.SetOnClosed(c.close)
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-40, 640), size.Height-40))
	u.showDialog(d)
}
