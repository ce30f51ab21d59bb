package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// Feedback the check-in form gives before and after a save (issue 14):
// what is missing is a calm prompt beside its field, never an error dialog;
// a form that was opened before midnight says which day it will save under
// before it saves; an edit opened from History goes back to the same place
// in History on Save or Cancel.

// newPrompt is a hidden, neutral, word-wrapped line shown beside a field.
func newPrompt() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// prompted checks the draft before it is saved. It shows a prompt beside
// each field that needs an answer and reports whether the draft may be
// saved now. A new check-in for "now" on a form that showed an earlier day
// is not saved at the first press of Save: the form names the day it will
// save under, and the next press saves.
func (c *checkinScreen) prompted() bool {
	tr := c.tr
	d := c.draft
	ok := true
	if d.at.IsZero() && !c.shownDay.IsZero() && !sameDay(c.shownDay, c.now()) {
		c.dayNotice.SetText(tr.T("save.new_day", "Day", tr.Date(c.now())))
		c.dayNotice.Show()
		c.showWhen()
		ok = false
	}
	if d.mood < data.MinMood || d.mood > data.MaxMood {
		c.moodPrompt.SetText(tr.T("error.mood_range"))
		c.moodPrompt.Show()
		ok = false
	}
	c.hoursPrompt.Hide()
	if !ok {
		c.scroll.ScrollToTop()
		c.shell.announce("prompted")
	}
	return ok
}

// historyPlace is where History was when an entry was opened from it.
type historyPlace struct {
	id     int64   // the entry opened
	offset float32 // History's scroll offset
}

// historyPlace records where History is, for an edit of entry id opened
// from it; nil when History is not on screen.
func (u *UI) historyPlace(id int64) *historyPlace {
	if u.history == nil || u.model.section != sectionHistory {
		return nil
	}
	return &historyPlace{id: id, offset: u.history.list.GetScrollOffset()}
}

// backToHistory shows History again at place (nothing for nil): the pages
// down to the edited entry are loaded again and the list scrolled back.
func (u *UI) backToHistory(place *historyPlace) {
	if place == nil {
		return
	}
	u.selectSection(sectionHistory)
	h := u.history
	if h == nil {
		return
	}
	for !h.holds(place.id) && h.more {
		before := len(h.entries)
		h.loadMore()
		if len(h.entries) == before {
			break
		}
	}
	h.list.Refresh()
	h.list.ScrollToOffset(place.offset)
	u.announce("back to history")
}

// holds reports whether the loaded history shows entry id.
func (h *historyScreen) holds(id int64) bool {
	for _, e := range h.entries {
		if e.ID == id {
			return true
		}
	}
	return false
}
