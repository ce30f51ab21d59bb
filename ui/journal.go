package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// historyPage is how many entries the history reads at a time.
const historyPage = 50

// draft is the check-in being written; it lives in the model so that a
// language switch keeps it.
type draft struct {
	mood    int // 0 = not chosen yet
	craving int
	note    string
}

func newDraft() draft { return draft{} }

// journalScreen is the check-in form above the list of past check-ins.
type journalScreen struct {
	u       *UI
	content fyne.CanvasObject

	mood    *widget.RadioGroup
	craving *widget.Slider
	value   *widget.Label
	note    *widget.Entry
	status  *widget.Label
	save    *widget.Button

	list    *widget.List
	empty   *widget.Label
	entries []data.Entry
	cursor  data.Cursor
	more    bool
}

func newJournalScreen(u *UI) *journalScreen {
	j := &journalScreen{u: u}
	tr := u.tr
	d := &u.model.draft

	moods := make([]string, data.MaxMood)
	for i := range moods {
		moods[i] = tr.T("mood." + strconv.Itoa(i+1))
	}
	j.mood = widget.NewRadioGroup(moods, func(s string) {
		d.mood = 0
		for i, m := range moods {
			if m == s {
				d.mood = i + 1
			}
		}
	})
	j.mood.Horizontal = true
	if d.mood > 0 {
		j.mood.SetSelected(moods[d.mood-1])
	}

	j.value = widget.NewLabel("")
	j.craving = widget.NewSlider(data.MinCraving, data.MaxCraving)
	j.craving.Step = 1
	j.craving.OnChanged = func(v float64) {
		d.craving = int(v)
		j.value.SetText(tr.T("journal.craving_value", "Value", d.craving))
	}
	j.craving.SetValue(float64(d.craving))
	j.value.SetText(tr.T("journal.craving_value", "Value", d.craving))
	hint := widget.NewLabel(tr.T("journal.craving_hint"))
	hint.Importance = widget.LowImportance

	j.note = widget.NewMultiLineEntry()
	j.note.Wrapping = fyne.TextWrapWord
	j.note.SetMinRowsVisible(2)
	j.note.PlaceHolder = tr.T("journal.note_placeholder")
	j.note.SetText(d.note)
	j.note.OnChanged = func(s string) { d.note = s }

	j.status = widget.NewLabel("")
	j.status.Wrapping = fyne.TextWrapWord
	j.save = widget.NewButton(tr.T("journal.save"), j.submit)
	j.save.Importance = widget.HighImportance

	cravingRow := container.NewBorder(nil, nil, j.value, nil, j.craving)
	form := container.NewVBox(
		widget.NewLabelWithStyle(tr.T("journal.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.New(layout.NewFormLayout(),
			widget.NewLabel(tr.T("journal.mood")), j.mood,
			widget.NewLabel(tr.T("journal.craving")), container.NewVBox(cravingRow, hint),
			widget.NewLabel(tr.T("journal.note")), j.note,
		),
		container.NewBorder(nil, nil, nil, j.save, j.status),
	)

	j.empty = widget.NewLabel(tr.T("journal.empty"))
	j.empty.Wrapping = fyne.TextWrapWord
	j.list = widget.NewList(j.length, j.createRow, j.updateRow)
	history := container.NewBorder(
		widget.NewLabelWithStyle(tr.T("journal.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil,
		container.NewStack(j.list, j.empty),
	)
	j.content = container.NewBorder(container.NewPadded(form), nil, nil, nil, container.NewPadded(history))
	j.reload()
	return j
}

// submit validates the draft and saves it as a new check-in.
func (j *journalScreen) submit() {
	tr := j.u.tr
	d := &j.u.model.draft
	e := &data.Entry{At: time.Now(), Mood: d.mood, Craving: d.craving, Note: d.note}
	if err := j.u.store.Add(e); err != nil {
		j.status.SetText("")
		j.u.showError(j.u.entryError(err))
		return
	}
	*d = newDraft()
	j.mood.SetSelected("")
	j.craving.SetValue(0)
	j.note.SetText("")
	j.status.SetText(tr.T("journal.saved"))
	j.reload()
}

// entryError turns a store error into a message for people.
func (u *UI) entryError(err error) string {
	var fe *data.FieldError
	if errors.As(err, &fe) {
		switch fe.Field + "." + fe.Reason {
		case "mood.range":
			return u.tr.T("error.mood_range")
		case "craving.range":
			return u.tr.T("error.craving_range")
		case "note.too_long":
			return u.tr.T("error.note_too_long", "Count", utf8.RuneCountInString(u.model.draft.note), "Max", data.MaxNoteLength)
		case "note.utf8":
			return u.tr.T("error.note_utf8")
		}
	}
	return u.tr.T("error.save", "Detail", err.Error())
}

// reload reads the newest page of history again.
func (j *journalScreen) reload() {
	j.entries, j.cursor, j.more = nil, data.Cursor{}, true
	j.loadMore()
	j.list.Refresh()
}

// loadMore appends the next page of history, if there is one.
func (j *journalScreen) loadMore() {
	if !j.more {
		return
	}
	page, next, err := j.u.store.Page(data.Filter{}, j.cursor, historyPage)
	if err != nil {
		j.more = false
		j.u.showError(j.u.tr.T("error.save", "Detail", err.Error()))
		return
	}
	j.entries = append(j.entries, page...)
	j.cursor, j.more = next, len(page) == historyPage
	if len(j.entries) == 0 {
		j.empty.Show()
	} else {
		j.empty.Hide()
	}
}

func (j *journalScreen) length() int { return len(j.entries) }

func (j *journalScreen) createRow() fyne.CanvasObject {
	when := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	summary := widget.NewLabel("")
	note := widget.NewLabel("")
	note.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, container.NewHBox(when, summary), nil, note)
}

func (j *journalScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(j.entries)-10 && j.more {
		// Read the next page before the user reaches the end; the list
		// asks for the new length on its next refresh.
		fyne.Do(func() {
			j.loadMore()
			j.list.Refresh()
		})
	}
	if id >= len(j.entries) {
		return
	}
	e := j.entries[id]
	row := o.(*fyne.Container)
	note := row.Objects[0].(*widget.Label)
	left := row.Objects[1].(*fyne.Container)
	left.Objects[0].(*widget.Label).SetText(j.u.tr.DateTime(e.At))
	left.Objects[1].(*widget.Label).SetText(j.u.tr.T("journal.entry_summary",
		"Mood", j.u.tr.T("mood."+strconv.Itoa(e.Mood)), "Craving", e.Craving))
	first, _, _ := strings.Cut(e.Note, "\n")
	note.SetText(first)
}
