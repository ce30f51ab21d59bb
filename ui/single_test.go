package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestShortcutOpensItsDialogOnce presses each shortcut that opens a dialog
// twice: the second press leaves the first dialog alone instead of stacking
// a copy; once it is closed, the shortcut opens it again.
func TestShortcutOpensItsDialogOnce(t *testing.T) {
	for _, tc := range []struct {
		name string
		sc   fyne.Shortcut
	}{
		{"Ctrl+N, the quick check-in", shortcutQuick},
		{"Ctrl+E, export", shortcutExport},
		{"Ctrl+R, Ride it out", shortcutRideOut},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := newTestUI(t)
			u.pickFile = nil // Fyne's own file dialog, as in the app
			c := u.win.Canvas()
			typer := c.(interface{ TypedShortcut(fyne.Shortcut) })
			typer.TypedShortcut(tc.sc)
			first := c.Overlays().Top()
			if first == nil || len(c.Overlays().List()) != 1 {
				t.Fatalf("the first press showed %d dialogs, want 1", len(c.Overlays().List()))
			}
			typer.TypedShortcut(tc.sc)
			if n := len(c.Overlays().List()); n != 1 || c.Overlays().Top() != first {
				t.Fatalf("the second press: %d dialogs, the first on top: %v", n, c.Overlays().Top() == first)
			}
			first.Hide()
			if c.Overlays().Top() != nil {
				t.Fatal("a dialog is left after closing the one shown")
			}
			typer.TypedShortcut(tc.sc)
			if n := len(c.Overlays().List()); n != 1 {
				t.Errorf("after closing it, the shortcut showed %d dialogs, want 1", n)
			}
		})
	}
}
