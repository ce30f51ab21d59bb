package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// insightPeriods are the chart periods on offer, in days.
var insightPeriods = []int{7, 30, 90}

// topN is how many triggers and symptoms the ranked lists show.
const topN = 8

// insightsScreen shows the journal over the chosen period: the weekly
// summary, what the journal shows (coping, triggers, sleep), mood, craving
// and sleep by day with their 7-day averages, craving by hour of day, and
// the most frequent triggers and symptoms.
type insightsScreen struct {
	u        *UI
	content  fyne.CanvasObject
	period   *widget.Select
	panel    *insightsPanel
	triggers *fyne.Container
	symptoms *fyne.Container
	summary  *widget.Label
	body     *bodyTrends // insights_body.go
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
	// The labels of plan tags are read again at each refresh.
	label := func(tag string) string { return u.labeler()(tag) }
	s.panel = newInsightsPanel(tr, u.journal, u.now, label, u.model.insightDays)
	s.triggers = container.NewVBox()
	s.symptoms = container.NewVBox()
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord

	week, helps, mood, craving, sleep, hours := s.panel.cards()
	trigCard := widget.NewCard(tr.T("insights.triggers_title"), "", s.triggers)
	sympCard := widget.NewCard(tr.T("insights.symptoms_title"), "", s.symptoms)

	top := container.NewVBox(container.NewHBox(fitted(s.period)), s.summary, s.panel.errText)
	charts := newColumns(2, mood, craving, sleep, trigCard)
	s.content = container.NewVScroll(container.NewPadded(container.NewVBox(top, week, charts, hours, s.bodyCard(), helps, sympCard)))
	s.refresh()
	u.subscribe(func(e event) {
		if e.isEntry() || e == planChanged {
			s.refresh()
		}
	})
	return s
}

// refresh reads the period's figures and redraws the charts.
func (s *insightsScreen) refresh() {
	if s == nil {
		return
	}
	u, tr := s.u, s.u.tr
	days := u.model.insightDays
	s.panel.setDays(days)
	s.body.refresh(days)
	count := 0
	for _, d := range s.panel.series.Days {
		count += d.N
	}
	p := data.LastDays(u.now(), days)
	// The tag lists count by instants: the period's first local midnight
	// to the end of today, in the zone of now.
	now := u.now()
	to := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, now.Location())
	from := to.AddDate(0, 0, -p.Days)
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
