package ui

import (
	"fmt"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// insightPeriods are the chart periods on offer, in days.
var insightPeriods = []int{7, 30, 90}

// topN is how many triggers and symptoms the ranked lists show.
const topN = 8

// insightsScreen shows charts of the journal over the chosen period: mood and
// craving by day, craving by hour of day, the most frequent triggers and
// symptoms.
type insightsScreen struct {
	u        *UI
	content  fyne.CanvasObject
	period   *widget.Select
	mood     *lineChart
	craving  *lineChart
	hours    *barChart
	triggers *fyne.Container
	symptoms *fyne.Container
	summary  *widget.Label
}

func newInsightsScreen(u *UI) *insightsScreen {
	s := &insightsScreen{u: u}
	tr := u.tr
	var names []string
	for _, d := range insightPeriods {
		names = append(names, tr.N("insights.last_days", d))
	}
	s.period = widget.NewSelect(names, nil)
	for i, d := range insightPeriods {
		if d == u.model.insightDays {
			s.period.SetSelectedIndex(i)
		}
	}
	s.period.OnChanged = func(string) {
		u.model.insightDays = insightPeriods[s.period.SelectedIndex()]
		s.refresh()
	}

	s.mood = newLineChart(1, 5, []float64{1, 2, 3, 4, 5})
	s.craving = newLineChart(0, 10, []float64{0, 5, 10})
	s.hours = newBarChart(10, theme.ColorNameWarning)
	s.triggers = container.NewVBox()
	s.symptoms = container.NewVBox()
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord

	moodCard := widget.NewCard(tr.T("insights.mood_title"), "", container.NewBorder(wrapped(tr.T("insights.mood_sub")), nil, nil, nil, s.mood))
	cravingCard := widget.NewCard(tr.T("insights.craving_title"), "", container.NewBorder(wrapped(tr.T("insights.craving_sub")), nil, nil, nil, s.craving))
	hourCard := widget.NewCard(tr.T("insights.hours_title"), "", container.NewBorder(wrapped(tr.T("insights.hours_sub")), nil, nil, nil, s.hours))
	trigCard := widget.NewCard(tr.T("insights.triggers_title"), "", s.triggers)
	sympCard := widget.NewCard(tr.T("insights.symptoms_title"), "", s.symptoms)

	top := container.NewVBox(container.NewHBox(fitted(s.period)), s.summary)
	grid := newColumns(2, moodCard, cravingCard, hourCard, trigCard)
	s.content = container.NewVScroll(container.NewPadded(container.NewVBox(top, grid, sympCard)))
	s.refresh()
	u.subscribe(func(e event) {
		if e.isEntry() || e == planChanged {
			s.refresh()
		}
	})
	return s
}

// window returns the chart period: the last n local days, today included.
func (s *insightsScreen) window() (from, to time.Time, days int) {
	now := s.u.now()
	days = s.u.model.insightDays
	to = time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, now.Location())
	return to.AddDate(0, 0, -days), to, days
}

// refresh reads the period's figures and redraws the charts.
func (s *insightsScreen) refresh() {
	if s == nil {
		return
	}
	u, tr := s.u, s.u.tr
	from, to, days := s.window()
	// Query a day wider on each side: the series groups by each entry's own
	// local day, which can fall outside the window in UTC.
	series, err := u.journal.DailySeries(from.AddDate(0, 0, -1), to.AddDate(0, 0, 1))
	if err != nil {
		s.summary.SetText(tr.T("error.read", "Detail", err.Error()))
		return
	}
	mood, avg, maxC := nan(days), nan(days), nan(days)
	count := 0
	for _, d := range series {
		i := data.DaysBetween(from, d.Date)
		if i < 0 || i >= days {
			continue
		}
		mood[i], avg[i], maxC[i] = d.AvgMood, d.AvgCraving, float64(d.MaxCraving)
		count += d.Count
	}
	s.mood.series = []lineSeries{{values: mood, color: theme.ColorNamePrimary}}
	s.craving.series = []lineSeries{
		{values: maxC, color: theme.ColorNameError, dashed: true},
		{values: avg, color: theme.ColorNameWarning},
	}
	first, last := from, to.AddDate(0, 0, -1)
	for _, c := range []*lineChart{s.mood, s.craving} {
		c.xFrom = tr.T("format.day_month", "Day", first.Day(), "Month", tr.MonthName(first.Month()))
		c.xTo = tr.T("format.day_month", "Day", last.Day(), "Month", tr.MonthName(last.Month()))
		c.Refresh()
	}

	hours, err := u.journal.HourProfile(from, to)
	if err == nil {
		s.hours.values = make([]float64, 24)
		s.hours.labels = make([]string, 24)
		for h, v := range hours {
			s.hours.values[h] = v.AvgCraving
			if h%6 == 0 {
				s.hours.labels[h] = fmt.Sprintf("%02d", h)
			}
		}
		s.hours.Refresh()
	}
	s.fillTop(s.triggers, data.KindTrigger, from, to)
	s.fillTop(s.symptoms, data.KindSymptom, from, to)
	if count == 0 {
		s.summary.SetText(tr.T("insights.empty"))
	} else {
		s.summary.SetText(tr.N("insights.summary", count, "Days", days))
	}
}

func (s *insightsScreen) fillTop(box *fyne.Container, kind string, from, to time.Time) {
	tr := s.u.tr
	box.Objects = nil
	top, err := s.u.journal.TopTags(kind, from, to, topN)
	if err != nil || len(top) == 0 {
		l := widget.NewLabel(tr.T("insights.none"))
		box.Add(l)
		box.Refresh()
		return
	}
	max := float64(top[0].Count)
	label := s.u.labeler()
	for _, t := range top {
		name := wrapped(label(t.Tag))
		n := widget.NewLabel(tr.N("insights.times", t.Count))
		box.Add(container.NewVBox(container.NewBorder(nil, nil, nil, n, name), newMeter(float64(t.Count), max)))
	}
	box.Refresh()
}

func nan(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = math.NaN()
	}
	return v
}
