package ui

import (
	"math"
	"testing"
	"time"

	"github.com/steadyapp/steady/data"
)

func TestBodyTrendsInInsights(t *testing.T) {
	u, _ := newTestUI(t)
	now := time.Date(2026, 4, 15, 20, 0, 0, 0, time.Local)
	u.now = func() time.Time { return now }
	u.model.insightDays = 7
	u.rebuild()
	buildAll(u)
	b := u.insights.body
	if !b.empty.Visible() {
		t.Error("no body log: the card should say so")
	}
	for _, e := range []data.Entry{
		{At: now.AddDate(0, 0, -1), Mood: 3, Body: &data.Body{PainBladder: intp(6), UrinationsNight: intp(4), PainUpper: intp(2)}},
		{At: now.AddDate(0, 0, -3), Mood: 2, Used: true},
		{At: now.AddDate(0, 0, -9), Mood: 2, Body: &data.Body{PainBladder: intp(9)}}, // outside 7 days
	} {
		if err := u.journal.Add(&e); err != nil { // through the session: Insights hears it
			t.Fatal(err)
		}
	}
	if b.empty.Visible() {
		t.Error("the card still says there is no body log")
	}
	want := []struct {
		chart int
		day   int // index in the 7 days, 6 = today
		value float64
	}{
		{0, 5, 6}, {1, 5, 4}, {3, 5, 2}, {2, 5, math.NaN()}, {0, 6, math.NaN()}, {0, 0, math.NaN()},
	}
	for _, w := range want {
		c := b.charts[w.chart]
		if len(c.chart.days) != 7 {
			t.Fatalf("chart %d has %d days", w.chart, len(c.chart.days))
		}
		got := c.chart.days[w.day].Craving
		if math.IsNaN(w.value) != math.IsNaN(got) || (!math.IsNaN(got) && got != w.value) {
			t.Errorf("chart %d day %d = %v, want %v", w.chart, w.day, got, w.value)
		}
	}
	for i, c := range b.charts {
		if !c.chart.days[3].Lapse || c.chart.days[5].Lapse {
			t.Errorf("chart %d: lapse days not marked right", i)
		}
	}
	// The cursor reads the day out.
	b.showDay(b.charts[0], 5)
	if got, want := b.charts[0].read.Text, u.tr.Date(b.charts[0].days[5].Date)+" · "+b.charts[0].title+": 6"; got != want {
		t.Errorf("cursor line %q, want %q", got, want)
	}
	b.showDay(b.charts[0], 3)
	if got := b.charts[0].read.Text; got != u.tr.Date(b.charts[0].days[3].Date)+" · "+u.tr.T("insights.body.none")+" · "+u.tr.T("chart.lapse") {
		t.Errorf("lapse day line %q", got)
	}
}

// TestBodyNightScaleFits: a night with more than 10 times widens the
// night chart's scale instead of cutting the dot off.
func TestBodyNightScaleFits(t *testing.T) {
	u, _ := newTestUI(t)
	e := data.Entry{At: u.now().Add(-time.Hour), Mood: 3, Body: &data.Body{UrinationsNight: intp(20)}}
	if err := u.journal.Add(&e); err != nil {
		t.Fatal(err)
	}
	night := u.insights.body.charts[1]
	if night.chart.yMax != data.MaxUrinationsNight {
		t.Errorf("night scale tops at %v with a night of 20", night.chart.yMax)
	}
}
