package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/steadyapp/steady/data"
)

// clock is an injected clock a test moves by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestSaveConfirmationNamesTimeAndIsNewEachSave(t *testing.T) {
	u, store := newTestUI(t)
	clk := &clock{time.Date(2026, 3, 4, 14, 32, 0, 0, time.Local)}
	u.now = clk.now
	u.selectSection(sectionCheckin)
	u.checkin.reset()
	c := u.checkin
	var seen []string
	for i, at := range []time.Time{clk.t, clk.t.Add(20 * time.Second), clk.t.Add(8 * time.Minute)} {
		clk.t = at
		c.scroll.ScrollToBottom()
		test.Tap(c.mood.buttons[3])
		test.Tap(c.save)
		if n, _ := store.Count(); n != i+1 {
			t.Fatalf("save %d: %d check-ins", i+1, n)
		}
		if c.scroll.Offset.Y != 0 {
			t.Errorf("save %d: the form stays scrolled at %v", i+1, c.scroll.Offset)
		}
		got := u.care.note.saved.Text
		if !u.care.note.box.Visible() || !strings.Contains(got, u.tr.Time(at)) {
			t.Errorf("save %d: confirmation %q does not name %s", i+1, got, u.tr.Time(at))
		}
		for _, before := range seen {
			if got == before {
				t.Errorf("save %d: confirmation %q looks like an earlier one", i+1, got)
			}
		}
		seen = append(seen, got)
	}
	if seen[0] != u.tr.T("save.saved_at", "Time", "14:32") {
		t.Errorf("first confirmation %q", seen[0])
	}
}

func TestEditFromHistoryRoundTrip(t *testing.T) {
	u, store := newTestUI(t)
	u.win.Resize(fyne.NewSize(800, 600))
	base := time.Now().Add(-90 * 24 * time.Hour)
	for i := 0; i < 80; i++ {
		e := data.Entry{At: base.Add(time.Duration(i) * 25 * time.Hour), Mood: 3, Note: "day"}
		if err := store.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	for _, action := range []string{"save", "cancel"} {
		u.selectSection(sectionHistory)
		h := u.history
		h.reload()
		for len(h.rows) < 120 && h.more {
			h.loadMore()
		}
		h.list.Refresh()
		// An entry well down the list, scrolled into view as a person would.
		row := -1
		for i := 60; i >= 0; i-- {
			if h.rows[i].day.IsZero() {
				row = i
				break
			}
		}
		h.list.ScrollTo(row)
		offset := h.list.GetScrollOffset()
		if offset < 1000 {
			t.Fatalf("history did not scroll: %v", offset)
		}
		u.checkin.scroll.ScrollToBottom()
		wait := announcements(u)
		h.list.Select(row)
		if u.model.section != sectionCheckin || u.model.draft.editing.ID == 0 {
			t.Fatalf("%s: the entry did not open for editing", action)
		}
		if u.checkin.scroll.Offset.Y != 0 {
			t.Errorf("%s: the edit opens mid-form at %v", action, u.checkin.scroll.Offset)
		}
		if action == "save" {
			test.Tap(u.checkin.mood.buttons[4])
			test.Tap(u.checkin.save)
		} else {
			test.Tap(u.checkin.cancel)
		}
		wait(t, "back to history")
		if u.model.section != sectionHistory {
			t.Errorf("%s: back on %s, want History", action, u.model.section)
		}
		if got := u.history.list.GetScrollOffset(); got != offset {
			t.Errorf("%s: History at %v, was at %v", action, got, offset)
		}
		if u.model.draft.editing.ID != 0 {
			t.Errorf("%s: the form still holds the edit", action)
		}
	}
}

func TestFormOpenAcrossMidnightNamesTheDay(t *testing.T) {
	u, store := newTestUI(t)
	clk := &clock{time.Date(2026, 5, 1, 23, 59, 0, 0, time.Local)}
	u.now = clk.now
	u.selectSection(sectionCheckin)
	u.checkin.reset() // the form is shown at 23:59
	c := u.checkin
	test.Tap(c.mood.buttons[2])
	clk.t = time.Date(2026, 5, 2, 0, 1, 0, 0, time.Local)
	test.Tap(c.save)
	if n, _ := store.Count(); n != 0 {
		t.Fatal("saved under the new day without a word")
	}
	if !c.dayNotice.Visible() || !strings.Contains(c.dayNotice.Text, u.tr.Date(clk.t)) {
		t.Fatalf("no notice naming %s: %q", u.tr.Date(clk.t), c.dayNotice.Text)
	}
	test.Tap(c.save)
	es, _, err := store.Page(data.Filter{}, data.Cursor{}, 10)
	if err != nil || len(es) != 1 {
		t.Fatalf("after the second Save: %d entries, %v", len(es), err)
	}
	if !sameDay(es[0].At, clk.t) {
		t.Errorf("saved under %v, the notice said %v", es[0].At, clk.t)
	}
	if c.dayNotice.Visible() {
		t.Error("the notice stays after the save")
	}
}

func TestMissingMoodIsAPromptNotAnError(t *testing.T) {
	u, store := newTestUI(t)
	u.selectSection(sectionCheckin)
	c := u.checkin
	c.scroll.ScrollToBottom()
	test.Tap(c.save)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("a dialog for a missing mood: %q", overlayText(u))
	}
	if !c.moodPrompt.Visible() || c.moodPrompt.Text != u.tr.T("error.mood_range") || c.scroll.Offset.Y != 0 {
		t.Errorf("no prompt beside the mood (shown %v, %q, offset %v)", c.moodPrompt.Visible(), c.moodPrompt.Text, c.scroll.Offset)
	}
	if n, _ := store.Count(); n != 0 {
		t.Error("a check-in without a mood was saved")
	}
	test.Tap(c.mood.buttons[1])
	if c.moodPrompt.Visible() {
		t.Error("the prompt stays after choosing a mood")
	}
	// Bad hours of sleep: a prompt beside the field too.
	test.Tap(c.sleep)
	c.hours.SetText("lots")
	test.Tap(c.save)
	if u.win.Canvas().Overlays().Top() != nil || !c.hoursPrompt.Visible() {
		t.Errorf("bad hours: dialog %q, prompt shown %v", overlayText(u), c.hoursPrompt.Visible())
	}
}
