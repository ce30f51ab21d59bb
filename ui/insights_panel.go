package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// insightsJournal is what the Insights charts and findings read.
type insightsJournal interface {
	Series(data.Period) (data.Series, error)
	Stats(data.Period) (data.Stats, error)
	Weekly(now time.Time) (data.WeekSummary, error)
}

// insightsPanel is the charts and findings of the Insights screen for a
// period: the weekly summary, what the journal shows, mood, craving and
// sleep by day with their 7-day averages and lapse days, and craving by
// hour. Each chart has a line under it that shows the values of the day (or
// hour) its cursor is on.
type insightsPanel struct {
	tr    *i18n.Translator
	j     insightsJournal
	now   func() time.Time
	label func(tag string) string
	days  int

	week, helps                   *fyne.Container
	mood, craving, sleep          *dayChart
	hours                         *hourChart
	moodRead, cravingRead         *widget.Label
	sleepRead, hoursRead, errText *widget.Label
	series                        data.Series
}

func newInsightsPanel(tr *i18n.Translator, j insightsJournal, now func() time.Time, label func(string) string, days int) *insightsPanel {
	p := &insightsPanel{tr: tr, j: j, now: now, label: label, days: days}
	p.mood = newDayChart(1, 5, []float64{1, 2, 3, 4, 5}, theme.ColorNamePrimary,
		func(d data.DayPoint) float64 { return d.Mood }, func(d data.DayPoint) float64 { return d.MoodAvg })
	p.craving = newDayChart(0, 10, []float64{0, 2, 4, 6, 8, 10}, theme.ColorNameWarning,
		func(d data.DayPoint) float64 { return d.Craving }, func(d data.DayPoint) float64 { return d.CravingAvg })
	p.sleep = newDayChart(0, 12, []float64{0, 4, 8, 12}, theme.ColorNameSuccess,
		func(d data.DayPoint) float64 { return d.Sleep }, func(d data.DayPoint) float64 { return d.SleepAvg })
	p.sleep.bars = true
	p.hours = newHourChart(theme.ColorNameWarning)
	read := func() *widget.Label {
		l := widget.NewLabel(tr.T("chart.hint"))
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	p.moodRead, p.cravingRead, p.sleepRead, p.hoursRead = read(), read(), read(), read()
	p.errText = wrapped("")
	p.errText.Hide()
	for _, c := range []*dayChart{p.mood, p.craving, p.sleep} {
		c.xLabel = p.dayLabel
	}
	p.mood.onChange = func(i int) { p.showDay(p.moodRead, i, p.moodLine) }
	p.craving.onChange = func(i int) { p.showDay(p.cravingRead, i, p.cravingLine) }
	p.sleep.onChange = func(i int) { p.showDay(p.sleepRead, i, p.sleepLine) }
	p.hours.onChange = p.showHour
	p.week = container.NewVBox()
	p.helps = container.NewVBox()
	return p
}

// cards returns the panel's cards, in reading order.
func (p *insightsPanel) cards() (week, helps, mood, craving, sleep, hours fyne.CanvasObject) {
	tr := p.tr
	chart := func(title, sub string, c fyne.CanvasObject, legend fyne.CanvasObject, read *widget.Label) fyne.CanvasObject {
		top := container.NewVBox(wrapped(sub))
		if legend != nil {
			top.Add(legend)
		}
		return widget.NewCard(title, "", container.NewBorder(top, read, nil, nil, c))
	}
	week = widget.NewCard(tr.T("week.title"), "", p.week)
	helps = widget.NewCard(tr.T("helps.title"), "", p.helps)
	mood = chart(tr.T("insights.mood_title"), tr.T("insights.mood_sub"), p.mood, p.legend(theme.ColorNamePrimary), p.moodRead)
	craving = chart(tr.T("insights.craving_title"), tr.T("chart.sub.craving"), p.craving, p.legend(theme.ColorNameWarning), p.cravingRead)
	sleep = chart(tr.T("chart.sleep_title"), tr.T("chart.sleep_sub"), p.sleep, p.legend(theme.ColorNameSuccess), p.sleepRead)
	hours = chart(tr.T("insights.hours_title"), tr.T("insights.hours_sub")+"\n"+tr.T("chart.hours_n"), p.hours, nil, p.hoursRead)
	return
}

// legend is the key under a day chart: the 7-day average line and the mark
// of a day with use.
func (p *insightsPanel) legend(color fyne.ThemeColorName) fyne.CanvasObject {
	swatch := func(c fyne.ThemeColorName, w, h float32) fyne.CanvasObject {
		r := canvas.NewRectangle(chartColor(c))
		r.SetMinSize(fyne.NewSize(w, h))
		return container.NewCenter(r)
	}
	small := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.SizeName = theme.SizeNameCaptionText
		return l
	}
	return container.NewHBox(
		swatch(color, 18, 3), small(p.tr.T("chart.average")),
		swatch(theme.ColorNameError, 2, 14), small(p.tr.T("chart.lapse")),
	)
}

// dayLabel is a date tick: the weekday and day for a week, the day (with
// the month in its first week) for longer periods.
func (p *insightsPanel) dayLabel(_ int, d data.DayPoint) string {
	tr := p.tr
	if p.days <= 7 {
		return tr.T(fmt.Sprintf("date.weekday_short.%d", int(d.Date.Weekday()))) + " " + strconv.Itoa(d.Date.Day())
	}
	if d.Date.Day() <= 7 {
		return tr.T("format.day_month", "Day", d.Date.Day(), "Month", tr.MonthName(d.Date.Month()))
	}
	return strconv.Itoa(d.Date.Day())
}

func (p *insightsPanel) moodLine(d data.DayPoint) string {
	return p.tr.T("chart.mood", "Value", num(p.tr, d.Mood))
}

func (p *insightsPanel) cravingLine(d data.DayPoint) string {
	return p.tr.T("chart.craving", "Value", num(p.tr, d.Craving), "Max", d.MaxCraving)
}

func (p *insightsPanel) sleepLine(d data.DayPoint) string {
	return p.tr.T("chart.sleep", "Value", num(p.tr, d.Sleep))
}

// dayText is what a chart's cursor shows for the day i of the period.
func (p *insightsPanel) dayText(i int, value func(data.DayPoint) string, avg float64) string {
	tr := p.tr
	d := p.series.Days[i]
	parts := []string{tr.T("chart.day", "Date", tr.Date(d.Date), "N", d.N)}
	if d.N == 0 {
		parts = append(parts, tr.T("chart.none"))
	} else {
		parts = append(parts, value(d))
	}
	if !math.IsNaN(avg) {
		parts = append(parts, tr.T("chart.average")+": "+num(tr, avg))
	}
	if d.Lapse {
		parts = append(parts, tr.T("chart.lapse"))
	}
	return strings.Join(parts, " · ")
}

func (p *insightsPanel) showDay(l *widget.Label, i int, value func(data.DayPoint) string) {
	if i < 0 || i >= len(p.series.Days) {
		l.SetText(p.tr.T("chart.hint"))
		return
	}
	d := p.series.Days[i]
	avg := d.MoodAvg
	switch l {
	case p.cravingRead:
		avg = d.CravingAvg
	case p.sleepRead:
		avg = d.SleepAvg
	}
	l.SetText(p.dayText(i, value, avg))
}

func (p *insightsPanel) showHour(h int) {
	if h < 0 || h >= 24 {
		p.hoursRead.SetText(p.tr.T("chart.hint"))
		return
	}
	v := p.series.Hours[h]
	p.hoursRead.SetText(p.tr.T("chart.hour", "Hour", fmt.Sprintf("%02d", h), "Value", num(p.tr, v.Craving), "N", v.N))
}

// setDays changes the period and reads it.
func (p *insightsPanel) setDays(days int) {
	p.days = days
	p.refresh()
}

// refresh reads the period's figures again and redraws everything.
func (p *insightsPanel) refresh() {
	tr := p.tr
	now := p.now()
	period := data.LastDays(now, p.days)
	series, err := p.j.Series(period)
	if err == nil {
		var st data.Stats
		var w data.WeekSummary
		if st, err = p.j.Stats(period); err == nil {
			if w, err = p.j.Weekly(now); err == nil {
				p.fill(series, st, w)
			}
		}
	}
	if err != nil {
		p.errText.SetText(tr.T("error.read", "Detail", err.Error()))
		p.errText.Show()
		return
	}
	p.errText.Hide()
}

func (p *insightsPanel) fill(series data.Series, st data.Stats, w data.WeekSummary) {
	tr := p.tr
	p.series = series
	p.mood.setDays(series.Days)
	p.craving.setDays(series.Days)
	p.sleep.setDays(series.Days)
	p.hours.setHours(series.Hours)
	// Keep what each cursor shows in step with the new figures.
	p.showDay(p.moodRead, p.mood.index, p.moodLine)
	p.showDay(p.cravingRead, p.craving.index, p.cravingLine)
	p.showDay(p.sleepRead, p.sleep.index, p.sleepLine)
	p.showHour(p.hours.index)

	p.week.Objects = nil
	for _, l := range weekLines(tr, w, p.label) {
		p.week.Add(wrapped(l))
	}
	p.week.Refresh()
	p.helps.Objects = helpsContent(tr, st, p.label)
	p.helps.Refresh()
}
