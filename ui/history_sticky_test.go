package ui

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// listedRow is one row the history list has on screen, as a person sees it.
type listedRow struct {
	y, height float32 // in the list's scrolled content
	heading   string  // a day heading's text, or ""
	note      string  // an entry's note, or ""
}

// listedRows returns the rows the list has laid out, top first, read from
// what Fyne renders rather than from the screen's own bookkeeping.
func listedRows(t *testing.T, l *widget.List) []listedRow {
	t.Helper()
	var scroll fyne.CanvasObject
	for _, o := range test.WidgetRenderer(l).Objects() {
		if _, ok := o.(fyne.Scrollable); ok {
			scroll = o
		}
	}
	if scroll == nil {
		t.Fatal("the list has no scroller")
	}
	var content *fyne.Container
	for _, o := range test.WidgetRenderer(scroll.(fyne.Widget)).Objects() {
		if c, ok := o.(*fyne.Container); ok {
			content = c
		}
	}
	if content == nil {
		t.Fatal("the list's scroller has no content")
	}
	var rows []listedRow
	for _, item := range content.Objects {
		w, ok := item.(fyne.Widget)
		if !ok || !item.Visible() {
			continue
		}
		for _, o := range test.WidgetRenderer(w).Objects() {
			stack, ok := o.(*fyne.Container)
			if !ok || len(stack.Objects) != 2 {
				continue
			}
			heading, ok1 := stack.Objects[0].(*widget.Label)
			entry, ok2 := stack.Objects[1].(*historyEntryRow)
			if !ok1 || !ok2 {
				continue
			}
			r := listedRow{y: item.Position().Y, height: item.Size().Height}
			if heading.Visible() {
				r.heading = heading.Text
			} else {
				r.note = entry.note.Text
			}
			rows = append(rows, r)
		}
	}
	slices.SortFunc(rows, func(a, b listedRow) int {
		switch {
		case a.y < b.y:
			return -1
		case a.y > b.y:
			return 1
		}
		return 0
	})
	return rows
}

// TestHistoryKeepsTheDayOfTheTopRowInView scrolls History through twelve
// days of check-ins and checks, at every position, that the heading above
// the list names the day of the row at the top of the view — whether that
// row is a day heading or a check-in — and that at the very top, where the
// list's own first heading shows, it is hidden.
func TestHistoryKeepsTheDayOfTheTopRowInView(t *testing.T) {
	u, store := newTestUI(t)
	u.win.Resize(fyne.NewSize(800, 600))
	now := time.Now()
	dayOf := map[string]string{} // note → the day heading it is listed under
	var entries []data.Entry
	for d := 1; d <= 12; d++ {
		for k := range 3 {
			at := time.Date(now.Year(), now.Month(), now.Day()-d, 9+3*k, 0, 0, 0, time.Local)
			note := fmt.Sprintf("day %d, check-in %d", d, k+1)
			entries = append(entries, data.Entry{At: at, Mood: 1 + k, Craving: d % 11, Note: note})
			dayOf[note] = u.tr.Date(at)
		}
	}
	if err := store.AddAll(entries); err != nil {
		t.Fatal(err)
	}
	u.selectSection(sectionHistory)
	h := u.history
	h.reload()
	if got := h.list.Length(); got != 12*4 {
		t.Fatalf("history lists %d rows, want 12 headings and 36 check-ins", got)
	}

	// top is the row at the top edge of the view (or the gap under it), and
	// whether the list's last row is in view.
	last := "day 12, check-in 1"
	top := func() (listedRow, []listedRow) {
		t.Helper()
		rows := listedRows(t, h.list)
		off := h.list.GetScrollOffset()
		for i := len(rows) - 1; i >= 0; i-- {
			if rows[i].y <= off {
				return rows[i], rows
			}
		}
		t.Fatalf("no row in view at offset %v (%d rows laid out)", off, len(rows))
		return listedRow{}, nil
	}
	dayOfRow := func(r listedRow) string {
		if r.heading != "" {
			return r.heading
		}
		return dayOf[r.note]
	}

	if r, _ := top(); r.heading != dayOf["day 1, check-in 1"] {
		t.Fatalf("at the top the first row is %+v, want the heading of day 1", r)
	}
	if h.sticky.label.Visible() {
		t.Errorf("at the top the sticky heading shows %q; the list's own heading is in view", h.sticky.label.Text)
	}

	rowHeight := listedRows(t, h.list)[0].height
	seen := map[string]bool{}
	// Down a third of a row at a time to the end, then back up to the top.
	var offsets []float32
	for y := float32(0); y < rowHeight*48; y += rowHeight / 3 {
		offsets = append(offsets, y)
	}
	for i := len(offsets) - 1; i >= 0; i-- {
		offsets = append(offsets, offsets[i])
	}
	for _, y := range offsets {
		h.list.ScrollToOffset(y)
		r, rows := top()
		want := dayOfRow(r)
		if want == "" {
			t.Fatalf("at offset %v the top row %+v is neither a heading nor a known check-in", y, r)
		}
		if rows[len(rows)-1].note == last && h.sticky.label.Visible() {
			// With the list's end in view no row comes into view as the
			// top row changes, so the heading may still name the day of
			// the row just above the top one: it must at least be a day
			// in view.
			var inView []string
			for _, r := range rows {
				inView = append(inView, dayOfRow(r))
			}
			if !slices.Contains(inView, h.sticky.label.Text) {
				t.Errorf("offset %v, the end in view: the sticky heading shows %q, not a day in view %v", y, h.sticky.label.Text, inView)
			}
			continue
		}
		atStart := r.y == 0 // the list's own first heading
		switch {
		case atStart:
			if h.sticky.label.Visible() {
				t.Errorf("offset %v: the first heading is in view, yet the sticky heading shows %q", y, h.sticky.label.Text)
			}
		case !h.sticky.label.Visible():
			t.Errorf("offset %v: the top row is %+v, yet the sticky heading is hidden", y, r)
		case h.sticky.label.Text != want:
			t.Errorf("offset %v: the top row is %+v (day %q), the sticky heading shows %q", y, r, want, h.sticky.label.Text)
		default:
			seen[want] = true
		}
	}
	if len(seen) < 10 {
		t.Errorf("the sticky heading showed only %d of 12 days while scrolling", len(seen))
	}
}
