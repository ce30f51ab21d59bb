package ui

import (
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

// Body trends in Insights (issue 15): bladder pain, getting up at night to
// pass urine, and pain in the side or back and in the upper belly, day by
// day over the chosen period, on the mood and craving charts' conventions
// (the day's value as a dot, lapse days as a red stroke, the day's values
// under the chart at its cursor). A day without a body log is a gap, not a
// zero.

// bodyChart is one body measure's chart and the line under it.
type bodyChart struct {
	title, sub string
	value      func(data.BodyDay) int
	chart      *dayChart
	read       *widget.Label
	days       []data.BodyDay
}

// bodyJournal is what the Body card reads.
type bodyJournal interface {
	Entries(from, to time.Time) ([]data.Entry, error)
}

// bodyTrends is the Body card of Insights.
type bodyTrends struct {
	journal bodyJournal
	tr      *i18n.Translator
	now     func() time.Time
	card    *widget.Card
	empty   *widget.Label
	charts  []*bodyChart
}

func newBodyTrends(journal bodyJournal, tr *i18n.Translator, now func() time.Time) *bodyTrends {
	b := &bodyTrends{journal: journal, tr: tr, now: now}
	pain := []float64{0, 2, 4, 6, 8, 10}
	add := func(title, sub string, yMax float64, ticks []float64, value func(data.BodyDay) int) {
		c := &bodyChart{title: title, sub: sub, value: value}
		// Not red: red marks the lapse days.
		c.chart = newDayChart(0, yMax, ticks, theme.ColorNamePrimary,
			func(d data.DayPoint) float64 { return d.Craving },
			func(data.DayPoint) float64 { return math.NaN() })
		c.chart.xLabel = b.dayLabel
		c.read = wrapped(tr.T("chart.hint"))
		c.chart.onChange = func(i int) { b.showDay(c, i) }
		b.charts = append(b.charts, c)
	}
	add(tr.T("body.short.bladder"), tr.T("insights.body.pain_sub"), 10, pain, func(d data.BodyDay) int { return d.PainBladder })
	add(tr.T("insights.body.night_title"), tr.T("insights.body.night_sub"), 10, []float64{0, 2, 4, 6, 8, 10}, func(d data.BodyDay) int { return d.UrinationsNight })
	add(tr.T("body.short.flank"), tr.T("insights.body.pain_sub"), 10, pain, func(d data.BodyDay) int { return d.PainFlank })
	add(tr.T("body.short.upper"), tr.T("insights.body.pain_sub"), 10, pain, func(d data.BodyDay) int { return d.PainUpper })
	b.empty = wrapped(tr.T("insights.body.empty"))
	var cards []fyne.CanvasObject
	mark := canvas.NewRectangle(chartColor(theme.ColorNameError))
	mark.SetMinSize(fyne.NewSize(2, 14))
	lapse := widget.NewLabel(tr.T("chart.lapse"))
	lapse.SizeName = theme.SizeNameCaptionText
	legend := container.NewHBox(container.NewCenter(mark), lapse)
	for _, c := range b.charts {
		top := container.NewVBox(heading(c.title), wrapped(c.sub))
		cards = append(cards, container.NewBorder(top, c.read, nil, nil, c.chart))
	}
	b.card = widget.NewCard(tr.T("insights.body.title"), "",
		container.NewVBox(b.empty, legend, newColumns(2, cards...)))
	return b
}

// dayLabel is a chart's date tick, as the other charts label them.
func (b *bodyTrends) dayLabel(i int, d data.DayPoint) string {
	return (&insightsPanel{tr: b.tr, days: len(b.charts[0].days)}).dayLabel(i, d)
}

// refresh reads the last days days of the body log and redraws the charts.
func (b *bodyTrends) refresh(days int) {
	if b == nil {
		return
	}
	tr := b.tr
	now := b.now()
	entries, err := b.journal.Entries(now.AddDate(0, 0, -days).Add(-14*time.Hour), now.Add(14*time.Hour))
	if err != nil {
		b.empty.SetText(tr.T("error.read", "Detail", err.Error()))
		b.empty.Show()
		return
	}
	trend := data.BodyTrend(entries, now, days)
	logged := 0
	for _, d := range trend {
		logged += d.Logged
	}
	b.empty.SetText(tr.T("insights.body.empty"))
	if logged == 0 {
		b.empty.Show()
	} else {
		b.empty.Hide()
	}
	for _, c := range b.charts {
		c.days = trend
		points := make([]data.DayPoint, len(trend))
		for i, d := range trend {
			v := math.NaN()
			if n := c.value(d); n != data.NotRecorded {
				v = float64(n)
			}
			points[i] = data.DayPoint{Date: d.Date, N: d.Logged, Craving: v, Lapse: d.Lapse}
		}
		c.fitScale()
		c.chart.setDays(points)
		b.showDay(c, c.chart.index)
	}
}

// showDay writes what the chart's cursor is on: the date, the value or
// "nothing recorded", and a lapse.
func (b *bodyTrends) showDay(c *bodyChart, i int) {
	tr := b.tr
	if i < 0 || i >= len(c.days) {
		c.read.SetText(tr.T("chart.hint"))
		return
	}
	d := c.days[i]
	parts := []string{tr.Date(d.Date)}
	if v := c.value(d); v == data.NotRecorded {
		parts = append(parts, tr.T("insights.body.none"))
	} else {
		parts = append(parts, c.title+": "+strconv.Itoa(v))
	}
	if d.Lapse {
		parts = append(parts, tr.T("chart.lapse"))
	}
	c.read.SetText(strings.Join(parts, " · "))
}

// bodyCard builds the Body card of the Insights screen; nothing when the
// body section is turned off (bodyOn false) and no body log was ever kept
// in the period.
func (s *insightsScreen) bodyCard(bodyOn bool) fyne.CanvasObject {
	s.body = newBodyTrends(s.journal, s.tr, s.now)
	if !bodyOn {
		s.body.card.Hide()
	}
	return s.body.card
}

// fitScale widens a count chart's scale when a day went past its usual
// top (getting up more than 10 times a night), so no dot is cut off.
func (c *bodyChart) fitScale() {
	top := 0
	for _, d := range c.days {
		top = max(top, c.value(d))
	}
	if top > 10 {
		c.chart.yMax, c.chart.ticks = data.MaxUrinationsNight, []float64{0, 10, 20, 30}
	} else {
		c.chart.yMax, c.chart.ticks = 10, []float64{0, 2, 4, 6, 8, 10}
	}
}
