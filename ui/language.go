package ui

import (
	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// languageShell is what the language picker asks of the shell: the
// translator, and to keep a choice where the current state keeps it.
type languageShell interface {
	translator() *i18n.Translator
	// keepLanguage remembers the language tag, reporting a failure to
	// the user; false when it could not be kept.
	keepLanguage(tag string) bool
}

var _ languageShell = (*UI)(nil)

// newLanguagePicker lists the languages by their own names. Choosing one
// switches the whole window at once and remembers the choice (keepLanguage).
func newLanguagePicker(s languageShell) *escSelect {
	tr := s.translator()
	langs := tr.Languages()
	names := make([]string, len(langs))
	current := ""
	for i, l := range langs {
		names[i] = l.Name
		if l.Tag == tr.Language() {
			current = l.Name
		}
	}
	sel := newEscSelect(names, nil)
	sel.SetSelected(current)
	sel.OnChanged = func(name string) {
		for _, l := range langs {
			if l.Name != name || l.Tag == tr.Language() {
				continue
			}
			if s.keepLanguage(l.Tag.String()) {
				// Set rebuilds the window through the Translator's listener.
				_ = tr.Set(l.Tag)
			}
			return
		}
	}
	return sel
}

// translator is the shell's translator.
func (u *UI) translator() *i18n.Translator { return u.tr }

// keepLanguage remembers the language: in the open journal, else as a
// choice of the lock screen (kept beside the vault and carried into the
// journal on unlock: setLockPref).
func (u *UI) keepLanguage(tag string) bool {
	if u.state != stateOpen {
		u.setLockPref(data.SettingLanguage, tag)
		return true
	}
	if err := u.journal.SetSetting(data.SettingLanguage, tag); err != nil {
		u.reportWrite(err, func(err error) string { return u.tr.T("error.language", "Detail", err.Error()) })
		return false
	}
	return true
}
