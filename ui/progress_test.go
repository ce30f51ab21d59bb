package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/steadyapp/steady/data"
)

func TestMilestonesWithAnInjectedClock(t *testing.T) {
	store, tr := newJournalTest(t)
	quit := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := store.SetQuitDate(quit); err != nil {
		t.Fatal(err)
	}
	var now time.Time
	v := newProgressView(tr, store, func() time.Time { return now })
	at := func(days int) time.Time { return quit.AddDate(0, 0, days).Add(15 * time.Hour) }
	tests := []struct {
		days    int
		quit    string
		reached []int
		next    string
		phase   string
	}{
		{0, "0 days since your quit date", nil, "Next milestone: 1 day", "milestone.phase.first_days"},
		{1, "1 day since your quit date", []int{1}, "Next milestone: 3 days", "milestone.phase.first_days"},
		{7, "7 days since your quit date", []int{1, 3, 7}, "Next milestone: 2 weeks", "milestone.phase.first_days"},
		{30, "30 days since your quit date", []int{1, 3, 7, 14, 30}, "Next milestone: 60 days", "milestone.phase.weeks"},
		{365, "365 days since your quit date", []int{1, 3, 7, 14, 30, 60, 90, 180, 365}, tr.T("progress.all_reached"), "milestone.phase.months"},
	}
	for _, tt := range tests {
		now = at(tt.days)
		v.refresh()
		if v.quitText != tt.quit || !slices.Equal(v.reached, tt.reached) || v.nextText != tt.next || v.phaseText != tr.T(tt.phase) {
			t.Errorf("day %d: %q, reached %v, %q, %q", tt.days, v.quitText, v.reached, v.nextText, v.phaseText)
		}
		if v.useText != tr.T("today.no_use") || v.lapseText != "" {
			t.Errorf("day %d: use %q, lapse note %q", tt.days, v.useText, v.lapseText)
		}
		if got := texts(v.content); !slices.Contains(got, tt.quit) {
			t.Errorf("day %d: the view shows %q", tt.days, got)
		}
	}

	// A lapse on day 71: the 73 days since the quit date and their
	// milestones stay; the count since the lapse starts again, the early
	// days' note comes back, with a kind word and nothing shaming.
	if err := store.Add(&data.Entry{At: at(71), Mood: 2, Craving: 9, Used: true}); err != nil {
		t.Fatal(err)
	}
	now = at(73)
	v.refresh()
	if v.quitText != "73 days since your quit date" || !slices.Equal(v.reached, []int{1, 3, 7, 14, 30, 60}) ||
		v.nextText != "Next milestone: 90 days" {
		t.Errorf("after a lapse: %q, reached %v, %q", v.quitText, v.reached, v.nextText)
	}
	if v.useText != "2 days since you last used" || v.phaseText != tr.T("milestone.phase.first_days") || v.lapseText != tr.T("progress.lapse_note") {
		t.Errorf("after a lapse: %q, %q, %q", v.useText, v.phaseText, v.lapseText)
	}
	for _, s := range texts(v.content) {
		for _, bad := range []string{"fail", "reset to zero", "start over", "lost"} {
			if strings.Contains(strings.ToLower(s), bad) {
				t.Errorf("after a lapse the view says %q", s)
			}
		}
	}
}

// TestProgressFromTheViewMenu opens Progress from the View menu, over a
// section other than Today: it shows both counts and the milestones.
func TestProgressFromTheViewMenu(t *testing.T) {
	u, store := newTestUI(t)
	quit := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := store.SetQuitDate(quit); err != nil {
		t.Fatal(err)
	}
	u.now = func() time.Time { return quit.AddDate(0, 0, 8).Add(15 * time.Hour) }
	u.selectSection(sectionHistory)
	var open func()
	for _, m := range u.mainMenu().Items {
		if m.Label != u.tr.T("menu.view") {
			continue
		}
		for _, it := range m.Items {
			if it.Label == u.tr.T("progress.title") {
				open = it.Action
			}
		}
	}
	if open == nil {
		t.Fatal("the View menu has no Progress item")
	}
	open()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Progress did not open")
	}
	shown := strings.Join(texts(top), " | ")
	for _, want := range []string{u.tr.T("progress.title"), "8 days since your quit date", u.tr.T("today.no_use"), "Next milestone: 2 weeks"} {
		if !strings.Contains(shown, want) {
			t.Errorf("Progress lacks %q: %s", want, shown)
		}
	}
	if u.model.section != sectionHistory {
		t.Errorf("opening Progress left History for %s", u.model.section)
	}
}
