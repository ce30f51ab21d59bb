package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/language"
)

// FyneTranslations holds translations of Fyne's own strings (the file dialog
// and the text-field menu) as fyne/base.<locale>.json, for every language
// Steady speaks: Steady's own for the languages Fyne lacks, and copies of
// Fyne's for the others (en, de, es, fr, pl, pt_BR, zh_Hans; Fyne 2.7.1,
// BSD-3-Clause), so that FollowFyne can load any of them.
//
//go:embed fyne/*.json
var FyneTranslations embed.FS

// fyneFile returns the Fyne translation file that fits tag best: the whole
// tag ("zh_Hant_HK"), then shorter ("zh_Hant", "zh"); English when none.
func fyneFile(tag language.Tag) (data []byte, name string, err error) {
	parts := strings.Split(tag.String(), "-")
	for n := len(parts); n > 0; n-- {
		name = "base." + strings.Join(parts[:n], "_") + ".json"
		if data, err = fs.ReadFile(FyneTranslations, path.Join("fyne", name)); err == nil {
			return data, name, nil
		}
	}
	name = "base.en.json"
	data, err = fs.ReadFile(FyneTranslations, path.Join("fyne", name))
	return data, name, err
}

// FollowFyne makes Fyne's own strings (the file dialog, the text-field
// menu: Cut, Copy, Paste…) speak the translator's language, now and after
// every Set, instead of the system's language. Call it once, from the UI
// goroutine, after the start-up language is set.
//
// Fyne picks its strings by matching the system's locales against the
// languages it has loaded (fyne.io/fyne/v2/lang), and has no call to choose
// a language. So FollowFyne loads the chosen language's strings under the
// system locale's own tag (and under "en", which Fyne falls back to when the
// system names no locale): Fyne then finds them as the best match. Menus and
// dialogs made after a change show the new language; one already open keeps
// its words until it is made again.
func (t *Translator) FollowFyne() error {
	if err := useFyneLanguage(t.current, lang.SystemLocale()); err != nil {
		return err
	}
	t.OnChange(func(tag language.Tag) {
		if err := useFyneLanguage(tag, lang.SystemLocale()); err != nil {
			fyne.LogError("Fyne's strings stay in the previous language", err)
		}
	})
	return nil
}

// useFyneLanguage loads tag's Fyne strings under the tags Fyne matches the
// system locale against.
func useFyneLanguage(tag language.Tag, system fyne.Locale) error {
	data, name, err := fyneFile(tag)
	if err != nil {
		return fmt.Errorf("fyne strings in %s: %w", tag, err)
	}
	targets := []fyne.Locale{"en"}
	if s := string(system); s != "" && s != "en" {
		if _, err := language.Parse(s); err == nil {
			targets = append(targets, system)
		}
		if base := system.LanguageString(); base != s && base != "en" && base != "" {
			targets = append(targets, fyne.Locale(base))
		}
	}
	for _, l := range targets {
		if err := lang.AddTranslationsForLocale(data, l); err != nil {
			return fmt.Errorf("fyne strings in %s (%s as %s): %w", tag, name, l, err)
		}
	}
	return nil
}
