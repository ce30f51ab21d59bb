package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
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
	journal  insightsScreenJournal
	tr       *i18n.Translator
	now      func() time.Time
	days     *int                           // the chosen period, kept in the model
	labeler  func() func(tag string) string // a check-in tag's text (see UI.labeler)
	content  fyne.CanvasObject
	period   *escSelect
	panel    *insightsPanel
	triggers *fyne.Container
	symptoms *fyne.Container
	summary  *widget.Label
	body     *bodyTrends // insights_body.go
}

// insightsScreenJournal is what the Insights screen reads: the charts'
// figures, the ranked tags and the body log.
type insightsScreenJournal interface {
	insightsJournal
	TopTags(kind string, from, to time.Time, limit int) ([]data.TagCount, error)
	Entries(from, to time.Time) ([]data.Entry, error)
}

// newInsightsScreen builds Insights over the period in days (kept in the
// model); labeler gives the text of check-in tags, read again at each
// refresh; bodyOn shows the Body card.
func newInsightsScreen(journal insightsScreenJournal, nav navigator, tr *i18n.Translator, now func() time.Time, days *int, labeler func() func(tag string) string, bodyOn bool) *insightsScreen {
	s := &insightsScreen{journal: journal, tr: tr, now: now, days: days, labeler: labeler}
	var names []string
	for _, d := range insightPeriods {
		names = append(names, tr.N("insights.last_days", d))
	}
	s.period = newEscSelect(names, nil)
	for i, d := range insightPeriods {
		if d == *days {
			s.period.SetSelectedIndex(i)
		}
	}
	s.period.OnChanged = func(string) {
		*days = insightPeriods[s.period.SelectedIndex()]
		s.refresh()
	}
	// The labels of plan tags are read again at each refresh.
	label := func(tag string) string { return labeler()(tag) }
	s.panel = newInsightsPanel(tr, journal, now, label, *days)
	s.triggers = container.NewVBox()
	s.symptoms = container.NewVBox()
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord

	week, helps, mood, craving, sleep, hours := s.panel.cards()
	trigCard := widget.NewCard(tr.T("insights.triggers_title"), "", s.triggers)
	sympCard := widget.NewCard(tr.T("insights.symptoms_title"), "", s.symptoms)

	top := container.NewVBox(container.NewHBox(fitted(s.period)), s.summary, s.panel.errText)
	charts := newColumns(2, mood, craving, sleep, trigCard)
	s.content = container.NewVScroll(container.NewPadded(container.NewVBox(top, week, charts, hours, s.bodyCard(bodyOn), helps, sympCard)))
	s.refresh()
	nav.subscribe(func(e event) {
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
	tr := s.tr
	days := *s.days
	s.panel.setDays(days)
	s.body.refresh(days)
	count := 0
	for _, d := range s.panel.series.Days {
		count += d.N
	}
	p := data.LastDays(s.now(), days)
	// The tag lists count by instants: the period's first local midnight
	// to the end of today, in the zone of now.
	now := s.now()
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
	tr := s.tr
	box.Objects = nil
	top, err := s.journal.TopTags(kind, from, to, topN)
	if err != nil || len(top) == 0 {
		l := widget.NewLabel(tr.T("insights.none"))
		box.Add(l)
		box.Refresh()
		return
	}
	max := float64(top[0].Count)
	label := s.labeler()
	for _, t := range top {
		name := wrapped(label(t.Tag))
		n := widget.NewLabel(tr.N("insights.times", t.Count))
		box.Add(container.NewVBox(container.NewBorder(nil, nil, nil, n, name), newMeter(float64(t.Count), max)))
	}
	box.Refresh()
}
