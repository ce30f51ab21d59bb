package report

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/steadyapp/steady/data"
)

// summary is what a report shows, worked out from the journal before any
// drawing or translation.
type summary struct {
	first, last time.Time // the period's first and last dates (midnight UTC)
	days        []time.Time
	checkins    int

	quit, lastUse time.Time // zero when there is none

	lapses   []data.Entry    // check-ins of the period recording use, oldest first
	daily    []dayStats      // one per day of the period
	body     []data.BodyDay  // one per day of the period
	triggers []data.TagCount // most recorded triggers, most first
	coping   []copingStat    // what helped, most used first
	symptoms []data.TagCount // days each symptom was recorded, most first
	flags    []flagRun       // warning signs that stood during the period, by first date
	medical  []data.Entry    // check-ins with a medicines/tests/appointments line
	notes    []data.Entry    // check-ins with a note
}

// dayStats is one day's mood, craving and sleep; NaN when not recorded.
type dayStats struct {
	mood, craving, sleep float64
	lapse                bool
}

// copingStat is how often a coping action was used and, of those times,
// how often the craving passed, did not, or was not said.
type copingStat struct {
	tag                   string
	times, passed, notYet int
}

const (
	topTriggers = 8
	topCoping   = 10
)

// localDate is t's calendar date, read in t's own zone, as midnight UTC.
func localDate(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// summarize works out the report of the period [first, last] (dates) from
// entries, which must cover the period and the data.PainDaysWindow days
// before it (for the flags), in any order.
func summarize(entries []data.Entry, first, last, quit, lastUse time.Time) summary {
	first, last = localDate(first), localDate(last)
	n := int(last.Sub(first).Hours()/24) + 1
	s := summary{first: first, last: last, quit: quit, lastUse: lastUse}
	s.days = make([]time.Time, n)
	for i := range s.days {
		s.days[i] = first.AddDate(0, 0, i)
	}
	type acc struct {
		mood, sleep       float64
		moods, sleeps     int
		craving           int
		anyCraving, lapse bool
	}
	accs := make([]acc, n)
	triggers := map[string]int{}
	coping := map[string]*copingStat{}
	symptomDays := map[string]map[time.Time]bool{}
	var period []data.Entry
	for _, e := range entries {
		d := localDate(e.At)
		if d.Before(first) || d.After(last) {
			continue
		}
		period = append(period, e)
	}
	slices.SortStableFunc(period, func(a, b data.Entry) int { return a.At.Compare(b.At) })
	for _, e := range period {
		i := int(localDate(e.At).Sub(first).Hours() / 24)
		a := &accs[i]
		s.checkins++
		a.mood += float64(e.Mood)
		a.moods++
		if !a.anyCraving || e.Craving > a.craving {
			a.craving, a.anyCraving = e.Craving, true
		}
		if e.SleepHours != nil {
			a.sleep += *e.SleepHours
			a.sleeps++
		}
		if e.Used {
			a.lapse = true
			s.lapses = append(s.lapses, e)
		}
		for _, t := range e.Triggers {
			triggers[t]++
		}
		for _, t := range e.Coping {
			c := coping[t]
			if c == nil {
				c = &copingStat{tag: t}
				coping[t] = c
			}
			c.times++
			if e.CravingPassed != nil {
				if *e.CravingPassed {
					c.passed++
				} else {
					c.notYet++
				}
			}
		}
		for _, t := range e.Symptoms {
			if symptomDays[t] == nil {
				symptomDays[t] = map[time.Time]bool{}
			}
			symptomDays[t][localDate(e.At)] = true
		}
		if e.Body != nil && strings.TrimSpace(e.Body.Medical) != "" {
			s.medical = append(s.medical, e)
		}
		if strings.TrimSpace(e.Note) != "" {
			s.notes = append(s.notes, e)
		}
	}
	s.daily = make([]dayStats, n)
	for i, a := range accs {
		d := dayStats{mood: math.NaN(), craving: math.NaN(), sleep: math.NaN(), lapse: a.lapse}
		if a.moods > 0 {
			d.mood = a.mood / float64(a.moods)
			d.craving = float64(a.craving)
		}
		if a.sleeps > 0 {
			d.sleep = a.sleep / float64(a.sleeps)
		}
		s.daily[i] = d
	}
	s.body = data.BodyTrend(period, last, n)
	s.triggers = topCounts(triggers, topTriggers)
	for _, c := range coping {
		s.coping = append(s.coping, *c)
	}
	slices.SortFunc(s.coping, func(a, b copingStat) int {
		return cmp.Or(cmp.Compare(b.times, a.times), cmp.Compare(a.tag, b.tag))
	})
	if len(s.coping) > topCoping {
		s.coping = s.coping[:topCoping]
	}
	days := map[string]int{}
	for t, ds := range symptomDays {
		days[t] = len(ds)
	}
	s.symptoms = topCounts(days, -1)
	to := last.AddDate(0, 0, 1)
	var flags []data.Flag
	for _, f := range data.FlagHistory(entries, quit, first.Add(-14*time.Hour), to.Add(14*time.Hour)) {
		if d := localDate(f.At); !d.Before(first) && !d.After(last) {
			flags = append(flags, f)
		}
	}
	s.flags = runs(flags)
	return s
}

// flagRun is a warning sign seen on one day or on days close together: a
// sign that held for weeks is one row of the report, not one a day.
type flagRun struct {
	level       data.FlagLevel
	sign        string
	first, last time.Time // dates (midnight UTC)
	days        int       // days the sign was seen
}

// runGap is the longest gap, in days, between two days a sign was seen that
// still joins them into one run (a day without a check-in does not end it).
const runGap = 2

// runs groups flags (oldest first) into runs of the same sign, ordered by
// their first day, then by urgency.
func runs(flags []data.Flag) []flagRun {
	var out []flagRun
	open := map[string]int{} // sign → index of its latest run
	for _, f := range flags {
		d := localDate(f.At)
		if i, ok := open[f.Sign]; ok {
			r := &out[i]
			if d.Equal(r.last) {
				continue
			}
			if d.Sub(r.last) <= runGap*24*time.Hour {
				r.last = d
				r.days++
				continue
			}
		}
		open[f.Sign] = len(out)
		out = append(out, flagRun{level: f.Level, sign: f.Sign, first: d, last: d, days: 1})
	}
	slices.SortStableFunc(out, func(a, b flagRun) int {
		return cmp.Or(a.first.Compare(b.first), cmp.Compare(a.level, b.level))
	})
	return out
}

// topCounts sorts counts, most first (then by tag), keeping at most limit
// (all when limit < 0).
func topCounts(counts map[string]int, limit int) []data.TagCount {
	out := make([]data.TagCount, 0, len(counts))
	for t, n := range counts {
		out = append(out, data.TagCount{Tag: t, Count: n})
	}
	slices.SortFunc(out, func(a, b data.TagCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Tag, b.Tag))
	})
	if limit >= 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// halves returns a body series' averages over the first and the second half
// of the period's days, and the days that recorded it.
func halves(s data.BodySeries, days []data.BodyDay) (first, second data.BodyAverage, recorded int) {
	mid := len(days) / 2
	first, second = s.Average(days[:mid]), s.Average(days[mid:])
	return first, second, first.Days + second.Days
}
