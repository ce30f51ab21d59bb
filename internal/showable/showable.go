// Package showable lists every string Steady can show, so that the bundled
// font subsets can be cut from them (scripts/fonts, through
// scripts/showable) and checked against them (assets/fonts_test.go).
package showable

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// Set is every string Steady can show.
type Set struct {
	// Languages holds, per language tag (as the message file is named:
	// "zh-Hant-TW"), the strings shown only in that language: every form of
	// every message, as served (Thai with i18n.BreakMark between words),
	// and Fyne's own strings where Steady ships them.
	Languages map[string][]string `json:"languages"`
	// Everywhere holds the strings shown whatever the language: every
	// language's own name (the language picker), the helplines' own names,
	// their numbers and sources, and the date they were checked.
	Everywhere []string `json:"everywhere"`
}

// Collect gathers the set from the embedded message files and the guide's
// data.
func Collect() (Set, error) {
	tr, err := i18n.New()
	if err != nil {
		return Set{}, fmt.Errorf("showable strings: %w", err)
	}
	return collect(tr)
}

// CollectFrom gathers the set with the message files of dir in fsys instead
// of the embedded ones (to cut fonts for translations not yet in place).
func CollectFrom(fsys fs.FS, dir string) (Set, error) {
	tr, err := i18n.Load(fsys, dir)
	if err != nil {
		return Set{}, fmt.Errorf("showable strings: %w", err)
	}
	return collect(tr)
}

func collect(tr *i18n.Translator) (Set, error) {
	set := Set{Languages: map[string][]string{}}
	for _, l := range tr.Languages() {
		msgs := tr.Messages(l.Tag)
		if msgs == nil {
			return Set{}, fmt.Errorf("showable strings: %s: messages do not parse", l.Tag)
		}
		var out []string
		for _, m := range msgs {
			for _, v := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
				if v == "" {
					continue
				}
				out = append(out, v)
				if b := i18n.Breakable(v); b != v {
					out = append(out, b)
				}
			}
		}
		fyneStrings, err := fyneTranslations(l.Tag)
		if err != nil {
			return Set{}, err
		}
		set.Languages[l.Tag.String()] = append(out, fyneStrings...)
		set.Everywhere = append(set.Everywhere, l.Name)
	}
	set.Everywhere = append(set.Everywhere, guide.HelplinesChecked)
	for _, r := range guide.Regions() {
		set.Everywhere = append(set.Everywhere, r.Emergency, r.Source)
		for _, h := range r.Lines {
			set.Everywhere = append(set.Everywhere, h.Name, h.Number)
		}
	}
	return set, nil
}

// fyneTranslations returns the values of the Fyne translation file Steady
// ships for tag (i18n/fyne/base.<locale>.json), if any.
func fyneTranslations(tag language.Tag) ([]string, error) {
	var name string
	var buf []byte
	parts := strings.Split(tag.String(), "-")
	for n := len(parts); n > 0 && buf == nil; n-- { // zh_Hant_TW, then zh_Hant
		name = "base." + strings.Join(parts[:n], "_") + ".json"
		buf, _ = fs.ReadFile(i18n.FyneTranslations, path.Join("fyne", name))
	}
	if buf == nil {
		return nil, nil // no Fyne strings for this language: Fyne shows English
	}
	var m map[string]any
	if err := json.Unmarshal(buf, &m); err != nil {
		return nil, fmt.Errorf("showable strings: %s: %w", name, err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(m)
	slices.Sort(out)
	return out, nil
}
