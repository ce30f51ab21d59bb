package ui

import (
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// newLanguagePicker lists the languages by their own names. Choosing one
// switches the whole window at once and remembers the choice in the journal
// file (on the lock screen: in the preferences carried into the journal on
// unlock).
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
			if u.state == stateOpen {
				if err := u.journal.SetSetting(data.SettingLanguage, l.Tag.String()); err != nil {
					u.reportWrite(err, func(err error) string { return u.tr.T("error.language", "Detail", err.Error()) })
					return
				}
			} else {
				// Locked: kept for the lock screen, written into the
				// journal on unlock.
				u.setLockPref(data.SettingLanguage, l.Tag.String())
			}
			// Set rebuilds the window through the Translator's listener.
			_ = u.tr.Set(l.Tag)
			return
		}
	}
	return sel
}
