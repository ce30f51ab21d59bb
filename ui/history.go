package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// historyPage is how many entries the history reads at a time.
const historyPage = 50

// historyRow is one row of the history list: a day heading, or an entry.
type historyRow struct {
	day   time.Time // set for a heading
	entry int       // index into entries, for an entry row
}

// historyJournal is what History reads from the journal.
type historyJournal interface {
	Page(f data.Filter, cursor data.Cursor, limit int) ([]data.Entry, data.Cursor, error)
}

// historyScreen lists past check-ins, newest first, with a heading for each
// day, read a page at a time as the user scrolls.
type historyScreen struct {
	journal historyJournal
	nav     navigator
	tr      *i18n.Translator
	filter  *data.Filter // the filters, kept in the model
	content fyne.CanvasObject

	from, to *dateButton
	trigger  *escSelect
	list     *widget.List
	empty    *widget.Label
	entries  []data.Entry
	rows     []historyRow
	cursor   data.Cursor
	more     bool
	loading  bool
	// The mood, craving, lapse and text filters, and the day heading
	// that stays above the list (history_filter.go, history_rows.go).
	bar    *historyFilterBar
	sticky *stickyDay
}

// newHistoryScreen builds History over the filters in f; triggers lists the
// trigger filter's choices. Choosing an entry asks nav to open it in the
// check-in form.
func newHistoryScreen(journal historyJournal, nav navigator, tr *i18n.Translator, now func() time.Time, f *data.Filter, triggers func() []tagOption) *historyScreen {
	h := &historyScreen{journal: journal, nav: nav, tr: tr, filter: f}

	h.from = newDateButton(tr, now, nav.window(), f.From, tr.T("history.from_any"), false, func(d time.Time) {
		f.From = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.Local)
		h.reload()
	})
	h.to = newDateButton(tr, now, nav.window(), f.To, tr.T("history.to_any"), false, func(d time.Time) {
		f.To = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, time.Local)
		h.reload()
	})
	if !f.To.IsZero() {
		h.to.Set(f.To.AddDate(0, 0, -1))
	}
	opts := triggers()
	names := []string{tr.T("history.any_trigger")}
	for _, o := range opts {
		names = append(names, o.label)
	}
	h.trigger = newEscSelect(names, nil)
	h.trigger.SetSelectedIndex(0)
	for i, o := range opts {
		if o.tag == f.Trigger {
			h.trigger.SetSelectedIndex(i + 1)
		}
	}
	h.trigger.OnChanged = func(s string) {
		f.Trigger = ""
		for _, o := range opts {
			if o.label == s {
				f.Trigger = o.tag
			}
		}
		h.reload()
	}
	h.bar = newHistoryFilterBar(tr, f, h.reload)
	h.sticky = newStickyDay()
	clear := widget.NewButton(tr.T("history.clear_filters"), func() {
		*f = data.Filter{}
		h.bar.show()
		h.from.Set(time.Time{})
		h.to.Set(time.Time{})
		h.trigger.SetSelectedIndex(0) // reloads
	})
	// The date, trigger and clear filters wrap onto more rows when the
	// window is narrow: History never scrolls sideways (issue 14).
	filters := newColumns(4,
		container.NewHBox(widget.NewLabel(tr.T("history.from")), h.from.button),
		container.NewHBox(widget.NewLabel(tr.T("history.to")), h.to.button),
		fitted(h.trigger), container.NewHBox(clear),
	)

	h.empty = widget.NewLabel("")
	h.empty.Wrapping = fyne.TextWrapWord
	h.list = widget.NewList(func() int { return len(h.rows) }, h.createRow, h.updateRow)
	h.list.OnSelected = func(id widget.ListItemID) {
		h.list.UnselectAll()
		if id < len(h.rows) && h.rows[id].day.IsZero() {
			nav.editEntry(h.entries[h.rows[id].entry])
		}
	}
	title := widget.NewLabelWithStyle(tr.T("journal.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(tr.T("history.hint"))
	hint.Wrapping = fyne.TextWrapWord
	// The mood, craving, lapse and text filters wrap onto two rows when
	// the window is narrow.
	top := container.NewVBox(title, hint, filters, newColumns(4, h.bar.objects...))
	list := container.NewBorder(container.NewPadded(h.sticky.label), nil, nil, nil, h.list)
	h.content = topThenRest(container.NewPadded(top), container.NewStack(list, container.NewPadded(h.empty))) // navlayout.go
	h.reload()
	nav.subscribe(func(e event) {
		if e.isEntry() {
			h.reload()
		}
	})
	return h
}

// reload reads the newest page of history again.
func (h *historyScreen) reload() {
	if h == nil {
		return
	}
	h.entries, h.rows, h.cursor, h.more = nil, nil, data.Cursor{}, true
	h.sticky.reset()
	h.loadMore()
	h.list.Refresh()
}

// loadMore appends the next page of history, if there is one.
func (h *historyScreen) loadMore() {
	if !h.more || h.loading {
		return
	}
	h.loading = true
	defer func() { h.loading = false }()
	page, next, err := h.journal.Page(*h.filter, h.cursor, historyPage)
	if err != nil {
		h.more = false
		h.nav.showError(h.tr.T("error.read", "Detail", err.Error()))
		return
	}
	for _, e := range page {
		if len(h.entries) == 0 || !sameDay(h.entries[len(h.entries)-1].At, e.At) {
			h.rows = append(h.rows, historyRow{day: e.At})
		}
		h.entries = append(h.entries, e)
		h.rows = append(h.rows, historyRow{entry: len(h.entries) - 1})
	}
	h.cursor, h.more = next, len(page) == historyPage
	switch {
	case len(h.entries) > 0:
		h.empty.Hide()
	case *h.filter != (data.Filter{}):
		h.empty.SetText(h.tr.T("history.none_match"))
		h.empty.Show()
	default:
		h.empty.SetText(h.tr.T("journal.empty"))
		h.empty.Show()
	}
}

func (h *historyScreen) createRow() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewStack(heading, newHistoryEntryRow(h.tr))
}

// rowDay is the day heading of row id, for the sticky heading.
func (h *historyScreen) rowDay(id int) string {
	if id < 0 || id >= len(h.rows) {
		return ""
	}
	if r := h.rows[id]; !r.day.IsZero() {
		return h.tr.Date(r.day)
	}
	return h.tr.Date(h.entries[h.rows[id].entry].At)
}

// topRow is the row at the top of the list's view: every row is as tall
// as o, the row being bound, with the theme's padding between rows, as the
// list lays them out.
func (h *historyScreen) topRow(o fyne.CanvasObject) int {
	pitch := o.Size().Height + h.list.Theme().Size(theme.SizeNamePadding)
	if pitch <= 0 || len(h.rows) == 0 {
		return 0
	}
	return min(int(h.list.GetScrollOffset()/pitch), len(h.rows)-1)
}

func (h *historyScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(h.rows)-10 && h.more {
		// Read the next page before the user reaches the end.
		fyne.Do(func() {
			h.loadMore()
			h.list.Refresh()
		})
	}
	if id >= len(h.rows) {
		return
	}
	h.sticky.show(h.topRow(o), h.rowDay)
	tr := h.tr
	row := h.rows[id]
	stack := o.(*fyne.Container)
	heading := stack.Objects[0].(*widget.Label)
	entry := stack.Objects[1].(*historyEntryRow)
	if !row.day.IsZero() {
		heading.SetText(tr.Date(row.day))
		heading.Show()
		entry.Hide()
		return
	}
	heading.Hide()
	entry.Show()
	entry.set(tr, h.entries[row.entry])
}

// focusFilter opens the history with the keyboard in its search of the
// notes (Ctrl+F, as "find" everywhere): what is typed next filters at once.
func (u *UI) focusFilter() {
	u.selectSection(sectionHistory)
	u.win.Canvas().Focus(u.history.bar.text)
}
