package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/steadyapp/steady/data"
)

func TestHistoryFiltersCombine(t *testing.T) {
	store, tr := newJournalTest(t)
	now := time.Now().UTC()
	entries := []data.Entry{
		{At: pastDay(now, 5), Mood: 1, Craving: 9, Note: "rough night, called Sam"},
		{At: pastDay(now, 4), Mood: 2, Craving: 8, Used: true, Note: "at the party"},
		{At: pastDay(now, 3), Mood: 2, Craving: 2, Note: "walked with Sam"},
		{At: pastDay(now, 2), Mood: 4, Craving: 7, Used: true},
		{At: pastDay(now, 1), Mood: 5, Craving: 0},
	}
	if err := store.AddAll(entries); err != nil {
		t.Fatal(err)
	}
	var f data.Filter
	changes := 0
	b := newHistoryFilterBar(tr, &f, func() { changes++ })
	w := test.NewWindow(nil)
	defer w.Close()
	notes := func() []int {
		t.Helper()
		page, _, err := store.Page(f, data.Cursor{}, 50)
		if err != nil {
			t.Fatal(err)
		}
		var moods []int
		for _, e := range page {
			moods = append(moods, e.Mood)
		}
		return moods
	}
	if got := notes(); !slices.Equal(got, []int{5, 4, 2, 2, 1}) {
		t.Fatalf("no filter: %v", got)
	}
	b.mood.SetSelected(tr.T("history_filter.low_moods"))
	if got := notes(); !slices.Equal(got, []int{2, 2, 1}) {
		t.Errorf("low moods: %v", got)
	}
	b.craving.SetSelected(tr.T("history_filter.craving_high"))
	if got := notes(); !slices.Equal(got, []int{2, 1}) {
		t.Errorf("low moods, craving 7 to 10: %v", got)
	}
	b.lapse.SetSelected(tr.T("history_filter.lapse_none"))
	if got := notes(); !slices.Equal(got, []int{1}) {
		t.Errorf("… and without use: %v", got)
	}
	b.craving.SetSelectedIndex(0)
	test.Type(b.text, "SAM")
	if got := notes(); !slices.Equal(got, []int{2, 1}) {
		t.Errorf("low moods, without use, notes with “sam”: %v (filter %+v)", got, f)
	}
	b.lapse.SetSelected(tr.T("history_filter.lapse_only"))
	if got := notes(); len(got) != 0 {
		t.Errorf("nothing should match: %v", got)
	}
	if changes < 6 {
		t.Errorf("changed called %d times", changes)
	}
	// A fresh bar shows the filter as it is.
	b2 := newHistoryFilterBar(tr, &f, func() {})
	if b2.mood.SelectedIndex() != 1 || b2.lapse.SelectedIndex() != 1 || b2.craving.SelectedIndex() != 0 || b2.text.Text != "SAM" {
		t.Errorf("a new bar shows %d %d %d %q", b2.mood.SelectedIndex(), b2.lapse.SelectedIndex(), b2.craving.SelectedIndex(), b2.text.Text)
	}
}
