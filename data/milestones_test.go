package data

import (
	"slices"
	"testing"
	"time"
)

func milestoneDays(ms []Milestone) []int {
	var d []int
	for _, m := range ms {
		d = append(d, m.Days)
	}
	return d
}

func TestPhaseOf(t *testing.T) {
	for _, tt := range []struct {
		days int
		want Phase
	}{
		{-1, PhaseUnknown}, {0, PhaseFirstDays}, {13, PhaseFirstDays}, {14, PhaseWeeks},
		{59, PhaseWeeks}, {60, PhaseMonths}, {365, PhaseMonths},
	} {
		if got := PhaseOf(tt.days); got != tt.want {
			t.Errorf("PhaseOf(%d) = %v, want %v", tt.days, got, tt.want)
		}
	}
	want := map[int]Phase{1: PhaseFirstDays, 3: PhaseFirstDays, 7: PhaseFirstDays, 14: PhaseWeeks,
		30: PhaseWeeks, 60: PhaseMonths, 90: PhaseMonths, 180: PhaseMonths, 365: PhaseMonths}
	ms := Milestones()
	if got := milestoneDays(ms); !slices.Equal(got, []int{1, 3, 7, 14, 30, 60, 90, 180, 365}) {
		t.Errorf("Milestones = %v", got)
	}
	for _, m := range ms {
		if m.Phase != want[m.Days] {
			t.Errorf("milestone %d: phase %v, want %v", m.Days, m.Phase, want[m.Days])
		}
	}
}

func TestProgressAt(t *testing.T) {
	quit := time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC) // as the store keeps it
	local := time.FixedZone("", -7*3600)
	at := func(days int) time.Time { return time.Date(2025, 3, 15+days, 22, 30, 0, 0, local) }
	tests := []struct {
		name        string
		hasQuit     bool
		lastUse     time.Time
		hasUse      bool
		now         time.Time
		quitDays    int
		reached     []int
		next        int
		useDays     int
		useReached  []int
		phase       Phase
		recentLapse bool
	}{
		{name: "nothing known", now: at(5), phase: PhaseUnknown},
		{name: "quit date ahead", hasQuit: true, now: at(-3), quitDays: -3, next: 1, phase: PhaseUnknown},
		{name: "day 0", hasQuit: true, now: at(0), quitDays: 0, next: 1, phase: PhaseFirstDays},
		{name: "day 1", hasQuit: true, now: at(1), quitDays: 1, reached: []int{1}, next: 3, phase: PhaseFirstDays},
		{name: "day 7", hasQuit: true, now: at(7), quitDays: 7, reached: []int{1, 3, 7}, next: 14, phase: PhaseFirstDays},
		{name: "day 30", hasQuit: true, now: at(30), quitDays: 30, reached: []int{1, 3, 7, 14, 30}, next: 60, phase: PhaseWeeks},
		{
			name: "day 365", hasQuit: true, now: at(365), quitDays: 365,
			reached: []int{1, 3, 7, 14, 30, 60, 90, 180, 365}, phase: PhaseMonths,
		},
		{
			// A lapse two days ago: the quit date's 73 days and milestones
			// stay; the count since the last use starts again, and so do
			// the first days.
			name: "after a lapse", hasQuit: true, now: at(73),
			lastUse: at(71).Add(-3 * time.Hour), hasUse: true,
			quitDays: 73, reached: []int{1, 3, 7, 14, 30, 60}, next: 90,
			useDays: 2, useReached: []int{1}, phase: PhaseFirstDays, recentLapse: true,
		},
		{
			name: "lapse before the quit date", hasQuit: true, now: at(20),
			lastUse: at(-10), hasUse: true,
			quitDays: 20, reached: []int{1, 3, 7, 14}, next: 30,
			useDays: 30, useReached: []int{1, 3, 7, 14, 30}, phase: PhaseWeeks,
		},
		{
			name: "use recorded, no quit date", now: at(8), lastUse: at(0), hasUse: true,
			useDays: 8, useReached: []int{1, 3, 7}, phase: PhaseFirstDays,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ProgressAt(quit, tt.hasQuit, tt.lastUse, tt.hasUse, tt.now)
			if p.Quit.Known != tt.hasQuit || p.SinceUse.Known != tt.hasUse {
				t.Fatalf("Known = %v, %v", p.Quit.Known, p.SinceUse.Known)
			}
			if p.Quit.Days != tt.quitDays || !slices.Equal(milestoneDays(p.Quit.Reached), tt.reached) || p.Quit.Next.Days != tt.next {
				t.Errorf("quit count = %d days, reached %v, next %d; want %d, %v, %d",
					p.Quit.Days, milestoneDays(p.Quit.Reached), p.Quit.Next.Days, tt.quitDays, tt.reached, tt.next)
			}
			if p.SinceUse.Days != tt.useDays || !slices.Equal(milestoneDays(p.SinceUse.Reached), tt.useReached) {
				t.Errorf("since use = %d days, reached %v; want %d, %v",
					p.SinceUse.Days, milestoneDays(p.SinceUse.Reached), tt.useDays, tt.useReached)
			}
			if p.Phase != tt.phase || p.RecentLapse != tt.recentLapse {
				t.Errorf("phase %v, recent lapse %v; want %v, %v", p.Phase, p.RecentLapse, tt.phase, tt.recentLapse)
			}
		})
	}
}

func TestStoreProgress(t *testing.T) {
	now := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	s := statsStore(t, now, []Entry{ck(on(13, 9), 2, 8, withUse()), ck(on(14, 9), 3, 3)})
	if err := s.SetQuitDate(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	p, err := s.Progress(now)
	if err != nil {
		t.Fatal(err)
	}
	if p.Quit.Days != 73 || p.SinceUse.Days != 2 || p.Phase != PhaseFirstDays || !p.RecentLapse {
		t.Errorf("Progress = %+v", p)
	}
}
