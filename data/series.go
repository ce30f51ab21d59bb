package data

import (
	"math"
	"time"
)

// AverageDays is the width of the moving average drawn over the daily
// values: the day itself and the six before it.
const AverageDays = 7

// DayPoint is one calendar day of a chart: the day's averages, and the
// moving averages of the AverageDays days ending on it. Values are NaN when
// there is nothing to average.
type DayPoint struct {
	Date       time.Time // midnight UTC of the local date
	N          int       // check-ins that day
	Mood       float64   // 1 … 5
	Craving    float64   // 0 … 10
	MaxCraving int       // 0 when N is 0
	Sleep      float64   // hours recorded that day (their average)
	SleepN     int       // check-ins that recorded sleep
	Lapse      bool      // a check-in that day recorded use

	// The moving averages: the mean of the daily values of the days with a
	// value among the AverageDays days ending on this one.
	MoodAvg, CravingAvg, SleepAvg float64
}

// HourPoint is the cravings recorded in one local hour of the day.
type HourPoint struct {
	N       int
	Craving float64 // average; NaN when N is 0
}

// Series is a period's daily values, one DayPoint for every day of the
// period (days without check-ins included, oldest first), and its craving
// by hour of day.
type Series struct {
	Period Period
	Days   []DayPoint
	Hours  [24]HourPoint
}

// Series reads the period's check-ins, and the AverageDays-1 days before it
// for the first moving averages.
func (s *Store) Series(p Period) (Series, error) {
	days, err := s.days(p.First().AddDate(0, 0, 1-AverageDays), p.Last())
	if err != nil {
		return Series{Period: p}, err
	}
	hours, err := s.hours(p.First(), p.Last())
	if err != nil {
		return Series{Period: p}, err
	}
	return computeSeries(p, days, hours), nil
}

func computeSeries(p Period, sums []daySums, hours [24]Mean) Series {
	p.Days = max(p.Days, 0)
	out := Series{Period: p, Days: make([]DayPoint, p.Days)}
	for h, m := range hours {
		out.Hours[h] = HourPoint{N: m.N, Craving: math.NaN()}
		if m.N > 0 {
			out.Hours[h].Craving = m.Avg
		}
	}
	// Every day of the period and of the lead-in before it, in order.
	lead := AverageDays - 1
	days := make([]daySums, lead+p.Days)
	first := p.First().Unix()/86400 - int64(lead)
	for _, d := range sums {
		if i := int(d.day - first); i >= 0 && i < len(days) {
			days[i] = d
		}
	}
	avg := func(sum float64, n int) float64 {
		if n == 0 {
			return math.NaN()
		}
		return sum / float64(n)
	}
	mood, craving, sleep := make([]float64, len(days)), make([]float64, len(days)), make([]float64, len(days))
	for i, d := range days {
		mood[i], craving[i], sleep[i] = avg(d.mood, d.n), avg(d.craving, d.n), avg(d.sleep, d.sleepN)
	}
	// moving is the mean of the daily values with a value among the
	// AverageDays days ending on v[end].
	moving := func(v []float64, end int) float64 {
		var m Mean
		for _, x := range v[end-lead : end+1] {
			if !math.IsNaN(x) {
				m.add(x)
			}
		}
		if m.N == 0 {
			return math.NaN()
		}
		return m.Avg
	}
	for i := range out.Days {
		j := i + lead
		d := days[j]
		out.Days[i] = DayPoint{
			Date: p.First().AddDate(0, 0, i), N: d.n,
			Mood: mood[j], Craving: craving[j], MaxCraving: d.maxCraving,
			Sleep: sleep[j], SleepN: d.sleepN, Lapse: d.lapse,
			MoodAvg: moving(mood, j), CravingAvg: moving(craving, j), SleepAvg: moving(sleep, j),
		}
	}
	return out
}
