package ui

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// moodPicker is a row of five buttons, very low … very good; one tap picks.
type moodPicker struct {
	buttons  []*widget.Button
	value    int
	onChange func(int)
	content  fyne.CanvasObject
}

func newMoodPicker(tr *i18n.Translator, value int, onChange func(int)) *moodPicker {
	p := &moodPicker{onChange: onChange}
	objs := make([]fyne.CanvasObject, 0, data.MaxMood)
	for m := data.MinMood; m <= data.MaxMood; m++ {
		mood := m
		b := newEscButton(tr.T("mood."+strconv.Itoa(m)), nil, func() { p.Set(mood); p.onChange(mood) })
		p.buttons = append(p.buttons, &b.Button)
		objs = append(objs, b)
	}
	p.content = newColumns(len(objs), objs...)
	p.Set(value)
	return p
}

// Set shows mood m as chosen (0 = none).
func (p *moodPicker) Set(m int) {
	p.value = m
	for i, b := range p.buttons {
		if i+1 == m {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
}

// cravingInput is the 0–10 slider with its value shown beside it.
type cravingInput struct {
	slider  *widget.Slider
	value   *widget.Label
	content fyne.CanvasObject
}

func newCravingInput(tr *i18n.Translator, v int, onChange func(int)) *cravingInput {
	c := &cravingInput{value: widget.NewLabel("")}
	slider := newEscSlider(data.MinCraving, data.MaxCraving)
	c.slider = &slider.Slider
	c.slider.Step = 1
	c.slider.SetValue(float64(v))
	c.value.SetText(tr.T("journal.craving_value", "Value", v))
	c.slider.OnChanged = func(f float64) {
		c.value.SetText(tr.T("journal.craving_value", "Value", int(f)))
		onChange(int(f))
	}
	hint := widget.NewLabel(tr.T("journal.craving_hint"))
	hint.Wrapping = fyne.TextWrapWord
	c.content = container.NewVBox(container.NewBorder(nil, nil, nil, c.value, slider), hint)
	return c
}

// tagOption is one choice in a multi-select list.
type tagOption struct {
	tag, label string
}

// tagChecks is one check box per option, in two columns. selected returns
// the set the boxes read and write (the draft's, which a reset replaces).
type tagChecks struct {
	options  []tagOption
	checks   []*widget.Check
	selected func() map[string]bool
	content  fyne.CanvasObject
}

func newTagChecks(options []tagOption, selected func() map[string]bool) *tagChecks {
	t := &tagChecks{options: options, selected: selected}
	objs := make([]fyne.CanvasObject, 0, len(options))
	for _, o := range options {
		tag := o.tag
		c := newEscCheck(o.label, func(on bool) {
			if on {
				t.selected()[tag] = true
			} else {
				delete(t.selected(), tag)
			}
		})
		t.checks = append(t.checks, &c.Check)
		objs = append(objs, c)
	}
	t.content = newColumns(3, objs...)
	t.show()
	return t
}

// show ticks the boxes of the selected tags.
func (t *tagChecks) show() {
	sel := t.selected()
	for i, o := range t.options {
		t.checks[i].SetChecked(sel[o.tag])
	}
}

// dateButton shows a date and opens Steady's own calendar when tapped (Fyne's
// calendar names months in English only).
type dateButton struct {
	tr       *i18n.Translator
	now      func() time.Time
	win      fyne.Window // the calendar's window
	value    time.Time   // zero = none chosen
	empty    string      // text when no date is chosen
	future   bool        // may a date after today be chosen?
	onPick   func(time.Time)
	button   *escButton
	calendar dialog.Dialog
}

// newDateButton shows value (or empty when it is zero); a date picked in the
// calendar on win is passed to onPick.
func newDateButton(tr *i18n.Translator, now func() time.Time, win fyne.Window, value time.Time, empty string, future bool, onPick func(time.Time)) *dateButton {
	d := &dateButton{tr: tr, now: now, win: win, value: value, empty: empty, future: future, onPick: onPick}
	d.button = newEscButton("", theme.CalendarIcon(), d.open)
	d.show()
	return d
}

func (d *dateButton) show() {
	if d.value.IsZero() {
		d.button.SetText(d.empty)
	} else {
		d.button.SetText(d.tr.Date(d.value))
	}
}

// Set shows t as the chosen date.
func (d *dateButton) Set(t time.Time) {
	d.value = t
	d.show()
}

func (d *dateButton) open() {
	shown := d.value
	if shown.IsZero() {
		shown = d.now()
	}
	var page *fyne.Container
	title := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	var draw func()
	prev := newEscButton("", theme.NavigateBackIcon(), func() { shown = shown.AddDate(0, -1, 0); draw() })
	next := newEscButton("", theme.NavigateNextIcon(), func() { shown = shown.AddDate(0, 1, 0); draw() })
	page = container.NewGridWithColumns(7)
	draw = func() {
		shown = time.Date(shown.Year(), shown.Month(), 1, 12, 0, 0, 0, time.Local)
		title.SetText(d.tr.T("format.month_year", "Month", d.tr.MonthHeading(shown.Month()), "Year", strconv.Itoa(shown.Year())))
		page.Objects = page.Objects[:0]
		first := d.tr.FirstWeekday()
		for i := 0; i < 7; i++ {
			wd := time.Weekday((int(first) + i) % 7)
			page.Objects = append(page.Objects, widget.NewLabelWithStyle(d.tr.T(fmt.Sprintf("date.weekday_short.%d", wd)), fyne.TextAlignCenter, fyne.TextStyle{}))
		}
		lead := (int(shown.Weekday()) - int(first) + 7) % 7
		for i := 0; i < lead; i++ {
			page.Objects = append(page.Objects, layout.NewSpacer())
		}
		today := d.now()
		days := time.Date(shown.Year(), shown.Month()+1, 0, 0, 0, 0, 0, time.Local).Day()
		for day := 1; day <= days; day++ {
			date := time.Date(shown.Year(), shown.Month(), day, 12, 0, 0, 0, time.Local)
			b := newEscButton(strconv.Itoa(day), nil, func() {
				d.Set(date)
				d.calendar.Hide()
				d.onPick(date)
			})
			if !d.value.IsZero() && sameDay(date, d.value) {
				b.Importance = widget.HighImportance
			} else if sameDay(date, today) {
				b.Importance = widget.SuccessImportance
			}
			if !d.future && data.DaysBetween(today, date) > 0 {
				b.Disable()
			}
			page.Objects = append(page.Objects, b)
		}
		page.Refresh()
	}
	draw()
	content := container.NewBorder(container.NewBorder(nil, nil, prev, next, title), nil, nil, nil, page)
	d.calendar = newEscDialog(d.tr.T("date.pick"), d.tr.T("dialog.cancel"), content, d.win)
	d.calendar.Show()
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.Month() == b.Month() && a.Day() == b.Day()
}

// twoDigits lists "00" … "n-1" for hour and minute pickers.
func twoDigits(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%02d", i)
	}
	return out
}
