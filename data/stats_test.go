package data

import (
	"math"
	"slices"
	"testing"
	"time"
)

// statsNow is "now" in the statistics tests: Sunday 15 March 2026, 20:00 UTC.
var statsNow = time.Date(2026, 3, 15, 20, 0, 0, 0, time.UTC)

// on returns a time on day of March 2026 at hour, in UTC.
func on(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, time.UTC) }

type opt func(*Entry)

func ck(at time.Time, mood, craving int, opts ...opt) Entry {
	e := Entry{At: at, Mood: mood, Craving: craving}
	for _, o := range opts {
		o(&e)
	}
	return e
}

func withCoping(tags ...string) opt  { return func(e *Entry) { e.Coping = tags } }
func withTrigger(tags ...string) opt { return func(e *Entry) { e.Triggers = tags } }
func withPassed(b bool) opt          { return func(e *Entry) { e.CravingPassed = &b } }
func withSleep(h float64) opt        { return func(e *Entry) { e.SleepHours = &h } }
func withUse() opt                   { return func(e *Entry) { e.Used = true } }
func withNote(n string) opt          { return func(e *Entry) { e.Note = n } }

// statsStore opens a journal in a temporary folder whose clock reads now,
// holding entries.
func statsStore(t *testing.T, now time.Time, entries []Entry) *Store {
	t.Helper()
	s, _ := openTemp(t)
	s.now = func() time.Time { return now }
	if len(entries) > 0 {
		if err := s.AddAll(entries); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 || math.IsNaN(a) && math.IsNaN(b) }

const (
	call    = "coping.call_someone"
	walk    = "coping.walk"
	stress  = "trigger.stress"
	boredom = "trigger.boredom"
)

func TestStatsCopingAndTriggers(t *testing.T) {
	zone := time.FixedZone("", 2*3600)
	// Ten check-ins between 10 and 14 March, and two just outside the
	// period's first day (9 March), read by their own local date.
	entries := []Entry{
		ck(on(10, 9), 2, 8, withTrigger(stress), withCoping(call), withPassed(true)),
		ck(on(10, 15), 3, 8, withTrigger(stress), withCoping(call), withPassed(true)),
		ck(on(11, 9), 3, 6, withTrigger(stress), withCoping(call), withPassed(true)),
		ck(on(11, 15), 2, 7, withTrigger(stress), withCoping(call), withPassed(false)),
		ck(on(12, 9), 3, 6, withTrigger(stress), withCoping(call)), // did not say
		ck(on(12, 15), 4, 2, withTrigger(boredom), withCoping(call), withPassed(true)),
		ck(on(13, 9), 4, 3, withTrigger(boredom), withCoping(walk), withPassed(true)),
		ck(on(13, 15), 4, 4, withTrigger(boredom), withCoping(walk), withPassed(true)),
		ck(on(14, 9), 5, 1, withTrigger(boredom), withCoping(walk), withPassed(true)),
		ck(on(14, 15), 5, 0, withCoping(walk), withPassed(false)),
		// 8 March 23:30 local: outside.
		ck(time.Date(2026, 3, 8, 23, 30, 0, 0, zone), 1, 10, withTrigger(stress), withCoping(call), withPassed(false)),
	}
	s := statsStore(t, statsNow, entries)
	st, err := s.Stats(LastDays(statsNow, 7))
	if err != nil {
		t.Fatal(err)
	}
	if st.Checkins != 10 {
		t.Errorf("Checkins = %d, want 10", st.Checkins)
	}
	wantCoping := []CopingFinding{
		// 6 used, 5 said, 4 passed: 80 %, enough (5 ≥ MinCheckins).
		{Tag: call, Used: 6, Answered: 5, Passed: 4, Enough: true},
		// 4 said, 3 passed: 75 %, one short of the minimum.
		{Tag: walk, Used: 4, Answered: 4, Passed: 3, Enough: false},
	}
	if !slices.Equal(st.Coping, wantCoping) {
		t.Errorf("Coping = %+v\nwant %+v", st.Coping, wantCoping)
	}
	if len(st.Coping) == 2 && (st.Coping[0].Percent() != 80 || st.Coping[1].Percent() != 75) {
		t.Errorf("percents %d, %d; want 80, 75", st.Coping[0].Percent(), st.Coping[1].Percent())
	}
	wantTriggers := []TriggerFinding{
		// With: 8, 8, 6, 7, 6 → 7.0; without: 2, 3, 4, 1, 0 → 2.0.
		{Tag: stress, With: Mean{5, 7}, Without: Mean{5, 2}, Enough: true},
		// With: 2, 3, 4, 1 → 2.5; without: 8, 8, 6, 7, 6, 0 → 35/6.
		{Tag: boredom, With: Mean{4, 2.5}, Without: Mean{6, 35.0 / 6}, Enough: false},
	}
	if len(st.Triggers) != len(wantTriggers) {
		t.Fatalf("Triggers = %+v, want %+v", st.Triggers, wantTriggers)
	}
	for i, w := range wantTriggers {
		g := st.Triggers[i]
		if g.Tag != w.Tag || g.Enough != w.Enough || g.With.N != w.With.N || g.Without.N != w.Without.N ||
			!near(g.With.Avg, w.With.Avg) || !near(g.Without.Avg, w.Without.Avg) {
			t.Errorf("Triggers[%d] = %+v, want %+v", i, g, w)
		}
	}
	best, ok := st.Best()
	if !ok || best.Tag != call {
		t.Errorf("Best = %+v, %v; want %s", best, ok, call)
	}
}

func TestStatsThresholdsAndEmpty(t *testing.T) {
	tests := []struct {
		name     string
		entries  []Entry
		checkins int
		coping   []CopingFinding
		trigger  *TriggerFinding
		best     bool
	}{
		{name: "empty journal"},
		{
			name:    "only outside the period",
			entries: []Entry{ck(on(8, 12), 3, 5, withCoping(call), withPassed(true)), ck(on(1, 12), 3, 5)},
		},
		{
			name: "a trigger in every check-in has nothing to compare with",
			entries: []Entry{
				ck(on(10, 9), 3, 1, withTrigger(stress)), ck(on(11, 9), 3, 2, withTrigger(stress)),
				ck(on(12, 9), 3, 3, withTrigger(stress)), ck(on(13, 9), 3, 4, withTrigger(stress)),
				ck(on(14, 9), 3, 5, withTrigger(stress)), ck(on(15, 9), 3, 6, withTrigger(stress)),
			},
			checkins: 6,
			trigger:  &TriggerFinding{Tag: stress, With: Mean{6, 3.5}, Without: Mean{0, 0}},
		},
		{
			name: "coping used but never said whether it passed",
			entries: []Entry{
				ck(on(10, 9), 3, 1, withCoping(walk)), ck(on(11, 9), 3, 2, withCoping(walk)),
				ck(on(12, 9), 3, 3, withCoping(walk)), ck(on(13, 9), 3, 4, withCoping(walk)),
				ck(on(14, 9), 3, 5, withCoping(walk)),
			},
			checkins: 5,
			coping:   []CopingFinding{{Tag: walk, Used: 5}},
		},
		{
			name: "exactly the minimum, none passed",
			entries: []Entry{
				ck(on(10, 9), 3, 1, withCoping(walk), withPassed(false)), ck(on(11, 9), 3, 2, withCoping(walk), withPassed(false)),
				ck(on(12, 9), 3, 3, withCoping(walk), withPassed(false)), ck(on(13, 9), 3, 4, withCoping(walk), withPassed(false)),
				ck(on(14, 9), 3, 5, withCoping(walk), withPassed(false)),
			},
			checkins: 5,
			coping:   []CopingFinding{{Tag: walk, Used: 5, Answered: 5, Enough: true}},
			best:     true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := statsStore(t, statsNow, tt.entries)
			st, err := s.Stats(LastDays(statsNow, 7))
			if err != nil {
				t.Fatal(err)
			}
			if st.Checkins != tt.checkins {
				t.Errorf("Checkins = %d, want %d", st.Checkins, tt.checkins)
			}
			if !slices.Equal(st.Coping, tt.coping) {
				t.Errorf("Coping = %+v, want %+v", st.Coping, tt.coping)
			}
			if tt.trigger == nil && len(st.Triggers) != 0 {
				t.Errorf("Triggers = %+v, want none", st.Triggers)
			}
			if tt.trigger != nil && (len(st.Triggers) != 1 || st.Triggers[0] != *tt.trigger) {
				t.Errorf("Triggers = %+v, want %+v", st.Triggers, *tt.trigger)
			}
			if _, ok := st.Best(); ok != tt.best {
				t.Errorf("Best found = %v, want %v", ok, tt.best)
			}
			if tt.checkins == 0 && (st.Sleep != SleepFinding{}) {
				t.Errorf("Sleep = %+v, want zero", st.Sleep)
			}
			for _, c := range st.Coping {
				if c.Answered == 0 && c.Percent() != 0 {
					t.Errorf("%s: Percent = %d with nothing answered", c.Tag, c.Percent())
				}
			}
		})
	}
}

func TestStatsSleep(t *testing.T) {
	short := []Entry{
		// 9 March: slept 5 h; two check-ins, mood 2.5 and craving 6 on average.
		ck(on(9, 8), 2, 7, withSleep(5)), ck(on(9, 20), 3, 5),
		ck(on(10, 8), 2, 8, withSleep(6.9)), // just under the threshold
		ck(on(11, 8), 3, 6, withSleep(6)),
		ck(on(12, 8), 1, 9, withSleep(4)),
	}
	fifthShort := ck(on(13, 8), 2, 7, withSleep(5.5))
	rested := []Entry{
		ck(on(2, 8), 4, 2, withSleep(9)),
		ck(on(3, 8), 3, 4, withSleep(7.5)),
		// 4 March: 6 h and 8 h recorded, 7 h on average: enough.
		ck(on(4, 8), 4, 2, withSleep(6)), ck(on(4, 12), 5, 1, withSleep(8)),
		ck(on(14, 8), 4, 3, withSleep(7)), // exactly the threshold
		ck(on(15, 8), 5, 1, withSleep(8)),
		// Outside the 14 days.
		ck(on(1, 8), 1, 10, withSleep(2)),
	}
	tests := []struct {
		name    string
		entries []Entry
		want    SleepFinding
	}{
		{
			name:    "five days each",
			entries: append(append(slices.Clone(short), fifthShort), rested...),
			want: SleepFinding{
				// Moods 2.5, 2, 3, 1, 2; cravings 6, 8, 6, 9, 7.
				Short: SleepGroup{Days: 5, Mood: 2.1, Craving: 7.2},
				// Moods 4, 3, 4.5, 4, 5; cravings 2, 4, 1.5, 3, 1.
				Rested: SleepGroup{Days: 5, Mood: 4.1, Craving: 2.3},
				Enough: true,
			},
		},
		{
			name:    "one short day too few",
			entries: append(slices.Clone(short), rested...),
			want: SleepFinding{
				Short:  SleepGroup{Days: 4, Mood: 2.125, Craving: 7.25},
				Rested: SleepGroup{Days: 5, Mood: 4.1, Craving: 2.3},
			},
		},
		{
			name:    "no sleep recorded",
			entries: []Entry{ck(on(10, 8), 3, 3), ck(on(11, 8), 3, 3)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := statsStore(t, statsNow, tt.entries)
			st, err := s.Stats(LastDays(statsNow, 14))
			if err != nil {
				t.Fatal(err)
			}
			g := st.Sleep
			same := func(a, b SleepGroup) bool {
				return a.Days == b.Days && near(a.Mood, b.Mood) && near(a.Craving, b.Craving)
			}
			if g.Enough != tt.want.Enough || !same(g.Short, tt.want.Short) || !same(g.Rested, tt.want.Rested) {
				t.Errorf("Sleep = %+v\nwant %+v", g, tt.want)
			}
		})
	}
}

func TestWeekly(t *testing.T) {
	lastWeek := []Entry{
		ck(on(3, 9), 3, 5, withCoping(call), withPassed(false)),
		ck(on(5, 9), 3, 4, withCoping(call), withPassed(false)),
		ck(on(7, 9), 3, 3, withCoping(call), withPassed(false)),
	}
	thisWeek := []Entry{
		ck(on(9, 9), 3, 3, withCoping(call), withPassed(true)),
		ck(on(10, 9), 3, 3, withCoping(call), withPassed(true)),
		ck(on(12, 9), 3, 2, withCoping(call), withPassed(false)),
		ck(on(14, 9), 3, 4, withCoping(call), withPassed(true)),
		ck(on(15, 9), 3, 3, withCoping(call), withPassed(true)),
	}
	tests := []struct {
		name    string
		entries []Entry
		want    WeekSummary
	}{
		{name: "empty"},
		{
			name:    "two weeks",
			entries: append(slices.Clone(lastWeek), thisWeek...),
			want: WeekSummary{
				This: Mean{5, 3}, Last: Mean{3, 4}, Enough: true,
				// This week only: 4 of 5 (last week's three "no" left out).
				Best: CopingFinding{Tag: call, Used: 5, Answered: 5, Passed: 4, Enough: true}, HasBest: true,
			},
		},
		{
			name:    "too few last week",
			entries: append(slices.Clone(lastWeek[:2]), thisWeek[:4]...),
			want: WeekSummary{
				This: Mean{4, 3}, Last: Mean{2, 4.5},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := statsStore(t, statsNow, tt.entries)
			w, err := s.Weekly(statsNow)
			if err != nil {
				t.Fatal(err)
			}
			if w.This.N != tt.want.This.N || w.Last.N != tt.want.Last.N || !near(w.This.Avg, tt.want.This.Avg) ||
				!near(w.Last.Avg, tt.want.Last.Avg) || w.Enough != tt.want.Enough ||
				w.HasBest != tt.want.HasBest || w.Best != tt.want.Best {
				t.Errorf("Weekly = %+v\nwant %+v", w, tt.want)
			}
		})
	}
}
