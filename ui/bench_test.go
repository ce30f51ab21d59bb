package ui

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// benchUI builds Steady on the test driver with a journal of n check-ins.
func benchUI(b *testing.B, n int) (*UI, *i18n.Translator) {
	b.Helper()
	a := newTestApp(b)
	b.Cleanup(a.Quit)
	store, err := data.Open(filepath.Join(b.TempDir(), "steady"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	if n > 0 {
		fill(b, store, n)
	}
	tr, err := i18n.New()
	if err != nil {
		b.Fatal(err)
	}
	u := openUI(a, store, tr, Options{SystemRegion: "GB"})
	u.win.Resize(fyne.NewSize(1000, 700))
	return u, tr
}

// fill adds n check-ins, one every 13 minutes back from now, in one
// transaction.
func fill(b *testing.B, store *data.Store, n int) {
	b.Helper()
	now := time.Now().Add(-time.Minute)
	entries, triggers := make([]data.Entry, n), guide.Triggers()
	for i := range entries {
		entries[i] = data.Entry{At: now.Add(-time.Duration(i) * 13 * time.Minute), Mood: 1 + i%5, Craving: i % 11,
			Triggers: []string{triggers[i%len(triggers)]}, Note: fmt.Sprint("note ", i)}
	}
	if err := store.AddAll(entries); err != nil {
		b.Fatal(err)
	}
}

// switchLanguage switches between English and Spanish as the language menu
// does; every screen is rebuilt in the new language (target ≤ 100 ms).
func switchLanguage(b *testing.B, tr *i18n.Translator) {
	tags := []language.Tag{language.Spanish, language.English}
	i := 0
	for b.Loop() {
		if err := tr.Set(tags[i%2]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkLanguageSwitch measures a language switch on an empty journal.
func BenchmarkLanguageSwitch(b *testing.B) {
	_, tr := benchUI(b, 0)
	switchLanguage(b, tr)
}

// BenchmarkLanguageSwitch100k measures a language switch with 100 000
// check-ins in the journal (the screens re-read what they show).
func BenchmarkLanguageSwitch100k(b *testing.B) {
	_, tr := benchUI(b, 100_000)
	switchLanguage(b, tr)
}

// BenchmarkLanguageSwitchEverySectionBuilt measures the switch after every
// section has been visited (so every screen is built, the guide's long
// pages among them) between two languages with fonts of their own, English
// and Japanese: the new language brings a new theme, and a theme is applied
// to whatever the window holds.
func BenchmarkLanguageSwitchEverySectionBuilt(b *testing.B) {
	u, tr := benchUI(b, 0)
	tags := []language.Tag{language.Japanese, language.English}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		buildAll(u)
		b.StartTimer()
		if err := tr.Set(tags[i%2]); err != nil {
			b.Fatal(err)
		}
	}
}
