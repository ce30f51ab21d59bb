package ui

import (
	"slices"

	"fyne.io/fyne/v2"
)

// A dialog that a shortcut (or the menu item carrying it) opens is opened
// once: pressing Ctrl+N, Ctrl+E or Ctrl+R again while it shows does
// nothing, instead of stacking a second copy over the first, which would
// wait for an answer of its own and, once closed, reveal the first as if
// the press had not worked.

// The actions single knows by name.
const (
	openQuick     = "quick"     // the quick check-in
	openExport    = "export"    // exporting CSV (a warning first when encrypted, then the file dialog)
	openCompanion = "companion" // Ride it out
)

// single returns do wrapped so that it does nothing while the dialog that
// its last call showed is still shown.
func (u *UI) single(name string, do func()) func() {
	return func() {
		c := u.win.Canvas()
		if o := u.opened[name]; o != nil && slices.Contains(c.Overlays().List(), o) {
			return
		}
		before := c.Overlays().Top()
		do()
		top := c.Overlays().Top()
		if top == nil || top == before {
			delete(u.opened, name)
			return
		}
		if u.opened == nil {
			u.opened = map[string]fyne.CanvasObject{}
		}
		u.opened[name] = top
	}
}
