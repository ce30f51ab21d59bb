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

// startupErrorMessage explains, in the user's language, why the journal in
// dir could not be opened. The file is never changed in these cases.
func startupErrorMessage(tr *i18n.Translator, dir string, err error) string {
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

// startupError is the window's content while there is no journal.
func (u *UI) startupError(err error) fyne.CanvasObject {
	tr := u.tr
	title := widget.NewLabelWithStyle(tr.T("error.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(startupErrorMessage(tr, u.dir, err))
	msg.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(u.getHelpButton(), layout.NewSpacer())

	start := widget.NewButton(tr.T("dialog.continue"), nil)
	start.Importance = widget.HighImportance
	start.Hide()
	start.OnTapped = func() {
		store, err := data.Open(u.dir)
		if err != nil {
			title.SetText(tr.T("error.title"))
			msg.SetText(startupErrorMessage(tr, u.dir, err))
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
