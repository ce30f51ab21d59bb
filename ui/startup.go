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
	case errors.Is(err, data.ErrNewerSchema):
		return tr.T("error.journal_newer", "Path", path)
	case errors.Is(err, data.ErrNotJournal):
		return tr.T("error.journal_damaged", "Path", path, "Detail", err.Error())
	default:
		return tr.T("error.journal_open", "Path", path, "Detail", err.Error())
	}
}

// ShowStartupError shows a window that says why the journal could not be
// opened, and runs the app until the user closes it.
func ShowStartupError(a fyne.App, tr *i18n.Translator, dir string, err error) {
	w := a.NewWindow(tr.T("app.name"))
	msg := widget.NewLabel(StartupErrorMessage(tr, dir, err))
	msg.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButton(tr.T("dialog.close"), a.Quit)
	w.SetContent(container.NewBorder(
		widget.NewLabelWithStyle(tr.T("error.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(layout.NewSpacer(), closeBtn), nil, nil, msg))
	w.Resize(fyne.NewSize(520, 240))
	w.ShowAndRun()
}
