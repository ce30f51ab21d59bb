package data

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// The statistics below describe what the journal shows: which things were
// recorded together. They never say that one thing caused another, and a
// finding is only marked Enough when enough check-ins stand behind it; the
// screens say "not enough check-ins yet" otherwise, with the count.

// MinCheckins is the fewest check-ins behind each side of a finding before it
// is shown: check-ins that said whether the craving passed, for a coping
// strategy; check-ins with and without a trigger, for a trigger; days, for
// each sleep group.
const MinCheckins = 5

// MinWeekCheckins is the fewest check-ins each of the two weeks of the
// weekly summary needs before their average cravings are compared.
const MinWeekCheckins = 3

// ShortSleepHours divides the nights: fewer hours than this is short sleep,
// this many or more is enough (seven hours is the least usually advised for
// adults).
const ShortSleepHours = 7

// Mean is an average and how many values it is over; Avg is 0 when N is 0.
type Mean struct {
	N   int
	Avg float64
}

func (m *Mean) add(v float64) {
	m.N++
	m.Avg += (v - m.Avg) / float64(m.N)
}

// CopingFinding is how often the craving passed after check-ins that
// recorded a coping strategy.
type CopingFinding struct {
	Tag      string // coping ID or plan tag
	Used     int    // check-ins that recorded it
	Answered int    // of those, the ones that said whether the craving passed: the finding's n
	Passed   int    // of those, the ones where it passed
	Enough   bool   // Answered ≥ MinCheckins
}

// Percent is Passed out of Answered, rounded to a whole percent; 0 when
// nothing was answered.
func (c CopingFinding) Percent() int {
	if c.Answered == 0 {
		return 0
	}
	return int(math.Round(100 * float64(c.Passed) / float64(c.Answered)))
}

// TriggerFinding compares the craving of check-ins that recorded a trigger
// with that of the period's other check-ins.
type TriggerFinding struct {
	Tag           string
	With, Without Mean // craving, 0 … 10
	Enough        bool // With.N and Without.N ≥ MinCheckins
}

// SleepGroup is the days after nights of one kind: how many, and their
// average mood and craving.
type SleepGroup struct {
	Days    int
	Mood    float64 // 0 when Days is 0
	Craving float64
}

// SleepFinding compares the days after short nights with the days after
// nights of enough sleep. Sleep is recorded in a check-in about the night
// before, so a day's recorded hours (their average, when recorded more than
// once) belong with that same day's mood and craving: the "next day" after
// the night.
type SleepFinding struct {
	Short, Rested SleepGroup // under ShortSleepHours; ShortSleepHours or more
	Enough        bool       // both groups have ≥ MinCheckins days
}

// Stats is what the journal shows over a period.
type Stats struct {
	Period   Period
	Checkins int
	Coping   []CopingFinding  // enough first, then the most answered
	Triggers []TriggerFinding // enough first, then the most recorded
	Sleep    SleepFinding
}

// Best returns the best-supported coping finding: of those with enough
// check-ins, the one with the most answers (then the highest share passed);
// false when none has enough.
func (st Stats) Best() (CopingFinding, bool) {
	var best CopingFinding
	found := false
	for _, c := range st.Coping {
		if !c.Enough {
			continue
		}
		if !found || c.Answered > best.Answered ||
			c.Answered == best.Answered && c.Passed*best.Answered > best.Passed*c.Answered {
			best, found = c, true
		}
	}
	return best, found
}

// Stats reads the period's check-ins and works out the findings.
func (s *Store) Stats(p Period) (Stats, error) {
	days, err := s.days(p.First(), p.Last())
	if err != nil {
		return Stats{Period: p}, err
	}
	tags, err := s.tags("", p.First(), p.Last())
	if err != nil {
		return Stats{Period: p}, err
	}
	var triggers, coping []tagSums
	for _, t := range tags {
		if t.kind == KindTrigger {
			triggers = append(triggers, t)
		} else {
			coping = append(coping, t)
		}
	}
	return computeStats(p, days, triggers, coping), nil
}

func computeStats(p Period, days []daySums, triggers, coping []tagSums) Stats {
	st := Stats{Period: p}
	var total float64 // craving, summed over every check-in
	for _, d := range days {
		st.Checkins += d.n
		total += d.craving
	}
	for _, t := range coping {
		st.Coping = append(st.Coping, CopingFinding{Tag: t.tag, Used: t.n, Answered: t.answered,
			Passed: t.passed, Enough: t.answered >= MinCheckins})
	}
	slices.SortFunc(st.Coping, func(a, b CopingFinding) int {
		if a.Enough != b.Enough {
			return boolFirst(a.Enough)
		}
		return cmp.Or(cmp.Compare(b.Answered, a.Answered), cmp.Compare(b.Used, a.Used), cmp.Compare(a.Tag, b.Tag))
	})
	for _, t := range triggers {
		f := TriggerFinding{Tag: t.tag, With: Mean{N: t.n, Avg: t.craving / float64(t.n)}}
		// The check-ins without the trigger: all of them less those with it.
		if f.Without.N = st.Checkins - t.n; f.Without.N > 0 {
			f.Without.Avg = (total - t.craving) / float64(f.Without.N)
		}
		f.Enough = f.With.N >= MinCheckins && f.Without.N >= MinCheckins
		st.Triggers = append(st.Triggers, f)
	}
	slices.SortFunc(st.Triggers, func(a, b TriggerFinding) int {
		if a.Enough != b.Enough {
			return boolFirst(a.Enough)
		}
		return cmp.Or(cmp.Compare(b.With.N, a.With.N), cmp.Compare(a.Tag, b.Tag))
	})
	st.Sleep = sleepFinding(days)
	return st
}

// boolFirst orders true before false.
func boolFirst(a bool) int {
	if a {
		return -1
	}
	return 1
}

// sleepFinding groups the days that recorded sleep.
func sleepFinding(days []daySums) SleepFinding {
	var f SleepFinding
	var short, rested struct{ mood, craving Mean }
	for _, d := range days {
		if d.sleepN == 0 {
			continue
		}
		g := &rested
		if d.sleep/float64(d.sleepN) < ShortSleepHours {
			g = &short
		}
		g.mood.add(d.mood / float64(d.n))
		g.craving.add(d.craving / float64(d.n))
	}
	f.Short = SleepGroup{Days: short.mood.N, Mood: short.mood.Avg, Craving: short.craving.Avg}
	f.Rested = SleepGroup{Days: rested.mood.N, Mood: rested.mood.Avg, Craving: rested.craving.Avg}
	f.Enough = f.Short.Days >= MinCheckins && f.Rested.Days >= MinCheckins
	return f
}

// WeekSummary compares the last 7 days (today included) with the 7 days
// before, and names the best-supported coping strategy of the last 7 days.
type WeekSummary struct {
	This, Last Mean // craving, 0 … 10
	Enough     bool // This.N and Last.N ≥ MinWeekCheckins
	Best       CopingFinding
	HasBest    bool // a coping strategy had enough check-ins this week
}

// Weekly works out the weekly summary for the week ending on the day of now.
func (s *Store) Weekly(now time.Time) (WeekSummary, error) {
	week := LastDays(now, 7)
	days, err := s.days(LastDays(now, 14).First(), week.Last())
	if err != nil {
		return WeekSummary{}, err
	}
	coping, err := s.tags(KindCoping, week.First(), week.Last())
	if err != nil {
		return WeekSummary{}, err
	}
	var w WeekSummary
	split := week.First().Unix() / 86400
	for _, d := range days {
		m := &w.Last
		if d.day >= split {
			m = &w.This
		}
		// Weighted by check-ins: the average over every check-in of the week.
		m.Avg = (m.Avg*float64(m.N) + d.craving) / float64(m.N+d.n)
		m.N += d.n
	}
	w.Enough = w.This.N >= MinWeekCheckins && w.Last.N >= MinWeekCheckins
	w.Best, w.HasBest = computeStats(week, nil, nil, coping).Best()
	return w, nil
}
