package ui

import "fyne.io/fyne/v2"

// ownClipboardApp is the app as the UI sees it: the same app, with a
// clipboard that remembers what Steady itself last put there (a helpline, a
// contact's number), so that locking can take exactly that away again.
// What the user copies from a text field goes through Fyne's own clipboard
// and is never touched.
type ownClipboardApp struct {
	fyne.App
	clip *ownClipboard
}

// Clipboard returns the clipboard that remembers Steady's copies.
func (a *ownClipboardApp) Clipboard() fyne.Clipboard { return a.clip }

// ownClipboard is the system clipboard plus what Steady last copied.
type ownClipboard struct {
	fyne.Clipboard
	copied string
}

// SetContent puts s in the clipboard and remembers it as Steady's.
func (c *ownClipboard) SetContent(s string) {
	c.Clipboard.SetContent(s)
	c.copied = s
}

// withOwnClipboard wraps a so that the UI's copies are remembered.
func withOwnClipboard(a fyne.App) fyne.App {
	return &ownClipboardApp{App: a, clip: &ownClipboard{Clipboard: a.Clipboard()}}
}

// baseApp is the app without the wrapper, for its optional interfaces
// (desktop.App for the tray).
func (u *UI) baseApp() fyne.App {
	if w, ok := u.app.(*ownClipboardApp); ok {
		return w.App
	}
	return u.app
}

// clearOwnClipboard empties the clipboard if it still holds what Steady
// last copied; anything copied since, from anywhere, is left as it is.
func (u *UI) clearOwnClipboard() {
	w, ok := u.app.(*ownClipboardApp)
	if !ok || w.clip.copied == "" {
		return
	}
	if w.clip.Clipboard.Content() == w.clip.copied {
		w.clip.Clipboard.SetContent("")
	}
	w.clip.copied = ""
}
