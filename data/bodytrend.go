package data

import (
	"fmt"
	"time"
)

// NotRecorded marks a BodyDay value nothing was recorded for.
const NotRecorded = -1

// BodyDay is one calendar day of the body log, for trends and the bladder
// diary: the highest value recorded that day for each number (NotRecorded
// when none was), the worst value of each scale ("" when none was), and
// whether a lapse was recorded that day (with or without a body log).
type BodyDay struct {
	Date   time.Time // midnight UTC of the local date
	Logged int       // check-ins with a body log that day

	UrinationsDay   int
	UrinationsNight int
	UrinePain       int
	PainBladder     int
	PainFlank       int
	PainUpper       int

	Urgency, Leaks, Blood string

	Lapse bool
}

// Recorded reports whether the day has a body log or a lapse.
func (d BodyDay) Recorded() bool { return d.Logged > 0 || d.Lapse }

// BodyTrend returns one BodyDay for each of the days calendar days up to
// and including the date of last, oldest first, from entries in any order.
// Each check-in counts on its own local date (read in the zone it was
// written in). Days without a body log have every value NotRecorded, so a
// chart shows a gap rather than a zero.
func BodyTrend(entries []Entry, last time.Time, days int) []BodyDay {
	if days <= 0 {
		return nil
	}
	lastDay := bodyDay(last)
	first := lastDay - int64(days) + 1
	out := make([]BodyDay, days)
	for i := range out {
		out[i] = BodyDay{Date: time.Unix((first+int64(i))*86400, 0).UTC(),
			UrinationsDay: NotRecorded, UrinationsNight: NotRecorded, UrinePain: NotRecorded,
			PainBladder: NotRecorded, PainFlank: NotRecorded, PainUpper: NotRecorded}
	}
	for _, e := range entries {
		d := bodyDay(e.At)
		if d < first || d > lastDay {
			continue
		}
		day := &out[d-first]
		if e.Used {
			day.Lapse = true
		}
		b := e.Body
		if b.IsZero() {
			continue
		}
		day.Logged++
		for _, n := range []struct {
			to *int
			v  *int
		}{
			{&day.UrinationsDay, b.UrinationsDay}, {&day.UrinationsNight, b.UrinationsNight},
			{&day.UrinePain, b.UrinePain}, {&day.PainBladder, b.PainBladder},
			{&day.PainFlank, b.PainFlank}, {&day.PainUpper, b.PainUpper},
		} {
			if n.v != nil && *n.v > *n.to {
				*n.to = *n.v
			}
		}
		day.Urgency = worse(Urgencies(), day.Urgency, b.Urgency)
		day.Leaks = worse(LeakLevels(), day.Leaks, b.Leaks)
		day.Blood = worse(BloodLevels(), day.Blood, b.Blood)
	}
	return out
}

// worse returns the later of a and b on the scale; "" is below everything.
func worse(scale []string, a, b string) string {
	if scaleIndex(scale, b) > scaleIndex(scale, a) {
		return b
	}
	return a
}

// BodySeries picks one number out of each day of a trend.
type BodySeries int

// The series Insights and the report chart.
const (
	SeriesUrinePain BodySeries = iota
	SeriesPainBladder
	SeriesPainFlank
	SeriesPainUpper
	SeriesUrinationsDay
	SeriesUrinationsNight
)

// Value returns the series' value on day d, or NotRecorded.
func (s BodySeries) Value(d BodyDay) int {
	switch s {
	case SeriesUrinePain:
		return d.UrinePain
	case SeriesPainBladder:
		return d.PainBladder
	case SeriesPainFlank:
		return d.PainFlank
	case SeriesPainUpper:
		return d.PainUpper
	case SeriesUrinationsDay:
		return d.UrinationsDay
	case SeriesUrinationsNight:
		return d.UrinationsNight
	}
	return NotRecorded
}

// Max is the top of the series' scale: MaxPain for pain, the highest
// count for urinations.
func (s BodySeries) Max() int {
	switch s {
	case SeriesUrinationsDay:
		return MaxUrinationsDay
	case SeriesUrinationsNight:
		return MaxUrinationsNight
	}
	return MaxPain
}

// Points returns the series over the trend: one value per day, NotRecorded
// for the days without one.
func (s BodySeries) Points(days []BodyDay) []int {
	out := make([]int, len(days))
	for i, d := range days {
		out[i] = s.Value(d)
	}
	return out
}

// BodyAverage is a series' mean over the days that recorded it, and how many
// days did (0 when none did, Mean then 0).
type BodyAverage struct {
	Mean float64
	Days int
}

// Average returns the series' mean over the days of the trend that recorded it.
func (s BodySeries) Average(days []BodyDay) BodyAverage {
	var sum, n int
	for _, d := range days {
		if v := s.Value(d); v != NotRecorded {
			sum += v
			n++
		}
	}
	if n == 0 {
		return BodyAverage{}
	}
	return BodyAverage{Mean: float64(sum) / float64(n), Days: n}
}

// Entries returns the check-ins in [from, to), oldest first, with their tags
// and body logs: what a report or a trend over a period reads.
func (s *Store) Entries(from, to time.Time) ([]Entry, error) {
	return s.period(Filter{From: from, To: to})
}

// BodyEntries returns the check-ins in [from, to) that have a body log,
// oldest first, with their tags and body logs: all that BodyFlags reads.
// It reads no other check-in, however many the period holds.
func (s *Store) BodyEntries(from, to time.Time) ([]Entry, error) {
	return s.period(Filter{From: from, To: to, BodyLogged: true})
}

// period returns every entry matching f, oldest first.
func (s *Store) period(f Filter) ([]Entry, error) {
	var out []Entry
	cur := Cursor{}
	for {
		page, next, err := s.Page(f, cur, 2000)
		if err != nil {
			return nil, fmt.Errorf("entries of a period: %w", err)
		}
		out = append(out, page...)
		if len(page) < 2000 {
			break
		}
		cur = next
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}
