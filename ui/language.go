package ui

import (
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// newLanguagePicker lists the languages by their own names. Choosing one
// switches the whole window at once and remembers the choice in the journal
// file.
func newLanguagePicker(u *UI) *widget.Select {
	langs := u.tr.Languages()
	names := make([]string, len(langs))
	current := ""
	for i, l := range langs {
		names[i] = l.Name
		if l.Tag == u.tr.Language() {
			current = l.Name
		}
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelected(current)
	sel.OnChanged = func(name string) {
		for _, l := range langs {
			if l.Name != name || l.Tag == u.tr.Language() {
				continue
			}
			if err := u.store.SetSetting(data.SettingLanguage, l.Tag.String()); err != nil {
				u.showError(u.tr.T("error.language", "Detail", err.Error()))
				return
			}
			// Set rebuilds the window through the Translator's listener.
			_ = u.tr.Set(l.Tag)
			return
		}
	}
	return sel
}
