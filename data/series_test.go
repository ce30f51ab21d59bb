package data

import (
	"math"
	"testing"
	"time"
)

func TestSeries(t *testing.T) {
	tokyo := time.FixedZone("", 9*3600)
	entries := []Entry{
		ck(on(2, 8), 1, 10),              // before the moving averages' lead-in
		ck(on(3, 8), 1, 9),               // lead-in: only in 9 March's average
		ck(on(9, 8), 2, 4, withSleep(6)), // 9 March: mood 3, craving 5, highest 6
		ck(on(9, 22), 4, 6),
		// 1:00 on 10 March in Tokyo is 16:00 on 9 March UTC: it is 10 March's.
		ck(time.Date(2026, 3, 10, 1, 0, 0, 0, tokyo), 3, 7),
		ck(on(11, 8), 4, 2, withUse()),
		ck(on(15, 8), 5, 1, withSleep(8)),
	}
	s := statsStore(t, statsNow, entries)
	got, err := s.Series(LastDays(statsNow, 7))
	if err != nil {
		t.Fatal(err)
	}
	n := math.NaN()
	want := []DayPoint{
		{N: 2, Mood: 3, Craving: 5, MaxCraving: 6, Sleep: 6, SleepN: 1, MoodAvg: 2, CravingAvg: 7, SleepAvg: 6},
		{N: 1, Mood: 3, Craving: 7, MaxCraving: 7, Sleep: n, MoodAvg: 3, CravingAvg: 6, SleepAvg: 6},
		{N: 1, Mood: 4, Craving: 2, MaxCraving: 2, Sleep: n, Lapse: true, MoodAvg: 10.0 / 3, CravingAvg: 14.0 / 3, SleepAvg: 6},
		{Mood: n, Craving: n, Sleep: n, MoodAvg: 10.0 / 3, CravingAvg: 14.0 / 3, SleepAvg: 6},
		{Mood: n, Craving: n, Sleep: n, MoodAvg: 10.0 / 3, CravingAvg: 14.0 / 3, SleepAvg: 6},
		{Mood: n, Craving: n, Sleep: n, MoodAvg: 10.0 / 3, CravingAvg: 14.0 / 3, SleepAvg: 6},
		{N: 1, Mood: 5, Craving: 1, MaxCraving: 1, Sleep: 8, SleepN: 1, MoodAvg: 3.75, CravingAvg: 3.75, SleepAvg: 7},
	}
	if len(got.Days) != len(want) {
		t.Fatalf("%d days, want %d", len(got.Days), len(want))
	}
	for i, w := range want {
		g := got.Days[i]
		if d := time.Date(2026, 3, 9+i, 0, 0, 0, 0, time.UTC); !g.Date.Equal(d) {
			t.Errorf("day %d: Date %v, want %v", i, g.Date, d)
		}
		if g.N != w.N || g.MaxCraving != w.MaxCraving || g.SleepN != w.SleepN || g.Lapse != w.Lapse ||
			!near(g.Mood, w.Mood) || !near(g.Craving, w.Craving) || !near(g.Sleep, w.Sleep) ||
			!near(g.MoodAvg, w.MoodAvg) || !near(g.CravingAvg, w.CravingAvg) || !near(g.SleepAvg, w.SleepAvg) {
			t.Errorf("day %d = %+v\nwant %+v", i, g, w)
		}
	}
	// Hours count the period's check-ins only (not the lead-in's 8:00).
	wantHours := map[int]HourPoint{8: {3, 7.0 / 3}, 22: {1, 6}, 1: {1, 7}}
	for h, g := range got.Hours {
		w, ok := wantHours[h]
		if !ok {
			w = HourPoint{Craving: n}
		}
		if g.N != w.N || !near(g.Craving, w.Craving) {
			t.Errorf("hour %d = %+v, want %+v", h, g, w)
		}
	}
}

func TestSeriesEmptyAndLengths(t *testing.T) {
	s := statsStore(t, statsNow, nil)
	for _, days := range []int{7, 30, 90} {
		got, err := s.Series(LastDays(statsNow, days))
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Days) != days {
			t.Fatalf("%d days: got %d points", days, len(got.Days))
		}
		if first := time.Date(2026, 3, 16-days, 0, 0, 0, 0, time.UTC); !got.Days[0].Date.Equal(first) {
			t.Errorf("%d days: first %v, want %v", days, got.Days[0].Date, first)
		}
		if last := got.Days[days-1].Date; !last.Equal(time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%d days: last %v", days, last)
		}
		for _, d := range got.Days {
			if d.N != 0 || !math.IsNaN(d.Mood) || !math.IsNaN(d.CravingAvg) || d.Lapse {
				t.Fatalf("%d days: empty journal gave %+v", days, d)
			}
		}
		for h, p := range got.Hours {
			if p.N != 0 || !math.IsNaN(p.Craving) {
				t.Errorf("hour %d = %+v", h, p)
			}
		}
	}
}

func TestPeriodIndex(t *testing.T) {
	p := LastDays(time.Date(2026, 3, 15, 23, 59, 0, 0, time.FixedZone("", -5*3600)), 7)
	if got := p.Index(time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)); got != 0 {
		t.Errorf("Index(9 March) = %d, want 0", got)
	}
	if got := p.Index(time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)); got != 6 {
		t.Errorf("Index(15 March) = %d, want 6", got)
	}
}
