package ui

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// newJournalTest opens a journal in a temporary folder and an English
// translator, on Fyne's test app, for the tests of single screens.
func newJournalTest(t *testing.T) (*data.Store, *i18n.Translator) {
	t.Helper()
	a := newTestApp(t)
	t.Cleanup(a.Quit)
	store, err := data.Open(filepath.Join(t.TempDir(), "steady"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return store, tr
}

// pastDay is 01:00 UTC k days (k ≥ 1) before the day of now: always in the
// past, whatever the hour of now.
func pastDay(now time.Time, k int) time.Time {
	d := now.AddDate(0, 0, -k)
	return time.Date(d.Year(), d.Month(), d.Day(), 1, 0, 0, 0, time.UTC)
}
