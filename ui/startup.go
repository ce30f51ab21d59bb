package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// StartupErrorMessage explains, in the user's language, why the journal in
// dir could not be opened. The file is never changed in these cases.
func StartupErrorMessage(tr *i18n.Translator, dir string, err error) string {
	path := filepath.Join(dir, data.FileName)
	switch {
	case errors.Is(err, data.ErrLocked):
		return tr.T("error.journal_locked")
	case errors.Is(err, data.ErrReadOnly):
		return tr.T("error.journal_readonly", "Path", dir, "Detail", err.Error())
	case errors.Is(err, data.ErrDiskFull):
		return tr.T("error.journal_disk_full", "Path", dir)
	case errors.Is(err, data.ErrNewerSchema):
		return tr.T("error.journal_newer", "Path", path)
	case errors.Is(err, data.ErrNotJournal):
		return tr.T("error.journal_damaged", "Path", path, "Detail", err.Error())
	default:
		return tr.T("error.journal_open", "Path", path, "Detail", err.Error())
	}
}

// ShowStartupError shows NewStartupError's window and runs the app until it
// quits. It reports whether the user went on with a new journal (after
// keeping a damaged one aside), and closes that journal before returning.
func ShowStartupError(a fyne.App, tr *i18n.Translator, dir string, err error, opts Options) (bool, error) {
	u := NewStartupError(a, tr, dir, err, opts)
	u.ShowAndRun()
	started := !u.Locked()
	return started, u.Close()
}

// NewStartupError builds Steady's window for a journal in dir that could not
// be opened: it says why, in tr's language. When the file is damaged it
// offers to keep it aside (data.SetAside) and start a new journal, says
// where the old file was kept, and then shows the new journal in the same
// window. Nothing is changed unless the user asks.
func NewStartupError(a fyne.App, tr *i18n.Translator, dir string, err error, opts Options) *UI {
	u := newUI(a, tr, dir, opts)
	u.win.Resize(fyne.NewSize(560, 280))
	u.win.CenterOnScreen()
	u.win.SetContent(u.startupError(err))
	return u
}

// startupError is the window's content while there is no journal.
func (u *UI) startupError(err error) fyne.CanvasObject {
	tr := u.tr
	title := widget.NewLabelWithStyle(tr.T("error.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(StartupErrorMessage(tr, u.dir, err))
	msg.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(layout.NewSpacer())

	start := widget.NewButton(tr.T("dialog.continue"), nil)
	start.Importance = widget.HighImportance
	start.Hide()
	start.OnTapped = func() {
		store, err := data.Open(u.dir)
		if err != nil {
			title.SetText(tr.T("error.title"))
			msg.SetText(StartupErrorMessage(tr, u.dir, err))
			start.Hide()
			return
		}
		u.unlocked(store)
		u.win.Resize(u.savedWindowSize())
		u.win.CenterOnScreen()
	}
	if errors.Is(err, data.ErrNotJournal) {
		var aside *widget.Button
		aside = widget.NewButton(tr.T("error.set_aside"), func() {
			kept, err := data.SetAside(u.dir)
			if err != nil {
				msg.SetText(tr.T("error.set_aside_failed", "Detail", err.Error()))
				return
			}
			aside.Hide()
			title.SetText(tr.T("error.set_aside_title"))
			msg.SetText(tr.T("error.set_aside_done", "Path", kept))
			start.Show()
		})
		buttons.Add(aside)
	}
	buttons.Add(start)
	buttons.Add(widget.NewButton(tr.T("dialog.close"), u.app.Quit))
	return container.NewBorder(title, buttons, nil, nil, container.NewVScroll(msg))
}
