package report

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/steadyapp/steady/data"
)

// SampleDays is the length of the sample journal, ending on SampleLast.
const SampleDays = 90

// SampleLast is the last day of the sample journal (in the sample's zone,
// UTC+2), and SampleDay the day whose body log SampleBody is.
var (
	sampleZone = time.FixedZone("", 2*3600)
	// SampleLast is noon of the sample's last day.
	SampleLast = time.Date(2026, 11, 29, 12, 0, 0, 0, sampleZone)
	// SampleDay is the morning of the known day.
	SampleDay = time.Date(2026, 10, 15, 8, 30, 0, 0, sampleZone)
)

// SampleBody is the body log recorded on SampleDay, the day's only one.
func SampleBody() data.Body {
	n := func(v int) *int { return &v }
	return data.Body{UrinationsDay: n(17), UrinationsNight: n(4), Urgency: data.UrgencyStrong,
		Leaks: data.LeaksSome, UrinePain: n(7), Blood: data.BloodPink, PainBladder: n(6), PainFlank: n(2),
		PainUpper: n(3), Medical: "Urine test at the GP; trimethoprim 3 days"}
}

// Sample fills an empty journal with a deterministic 90-day history ending
// on SampleLast: check-ins once to three times a day, body logs that ease
// over the weeks, a few lapses (one taken to ease pain, with alcohol), a
// day with clots and the known day SampleDay. It returns the number of
// check-ins written. It is for the sample reports (scripts/report-sample),
// tests and benchmarks.
func Sample(s *data.Store) (int, error) {
	r := rand.New(rand.NewPCG(15, 2026))
	first := SampleLast.AddDate(0, 0, 1-SampleDays)
	if err := s.SetQuitDate(time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, time.UTC)); err != nil {
		return 0, fmt.Errorf("sample: %w", err)
	}
	n := func(v int) *int { return &v }
	clamp := func(v, lo, hi int) int { return max(lo, min(hi, v)) }
	triggers := []string{"trigger.stress", "trigger.tiredness", "trigger.pain", "trigger.loneliness", "trigger.payday", "trigger.cant_sleep"}
	coping := []string{"coping.walk", "coping.call_someone", "coping.urge_surfing", "coping.breathing", "strategy.support"}
	symptoms := []string{"symptom.sleep.insomnia", "symptom.psychological.anxiety", "symptom.physical.fatigue",
		"symptom.psychological.irritability", "symptom.cravings.craving"}
	var entries []data.Entry
	for day := 0; day < SampleDays; day++ {
		date := first.AddDate(0, 0, day)
		ease := float64(day) / SampleDays // 0 at the start, 1 at the end
		checkins := 1 + r.IntN(3)
		for c := 0; c < checkins; c++ {
			at := time.Date(date.Year(), date.Month(), date.Day(), 8+c*6, r.IntN(60), 0, 0, sampleZone)
			e := data.Entry{At: at, Mood: clamp(2+int(ease*2.5)+r.IntN(2), 1, 5), Craving: clamp(8-int(ease*6)+r.IntN(3)-1, 0, 10)}
			if c == 0 {
				sleep := 4.5 + ease*3 + float64(r.IntN(5))/2
				q := clamp(2+int(ease*2)+r.IntN(2)-1, 1, 5)
				e.SleepHours, e.SleepQuality = &sleep, &q
			}
			e.Triggers = []string{triggers[r.IntN(len(triggers))]}
			if r.IntN(2) == 0 {
				e.Coping = []string{coping[r.IntN(len(coping))]}
				passed := r.IntN(4) != 0
				e.CravingPassed = &passed
			}
			if r.IntN(3) == 0 {
				e.Symptoms = []string{symptoms[r.IntN(len(symptoms))]}
			}
			if c == 0 && r.IntN(6) != 0 { // most mornings record the body log
				pain := 7 - int(ease*6)
				e.Body = &data.Body{
					UrinationsDay: n(clamp(16-int(ease*8)+r.IntN(3), 0, 99)), UrinationsNight: n(clamp(4-int(ease*3)+r.IntN(2), 0, 30)),
					Urgency:   []string{data.UrgencyStrong, data.UrgencySome, data.UrgencyNone}[clamp(int(ease*3), 0, 2)],
					Leaks:     []string{data.LeaksSome, data.LeaksNone}[clamp(int(ease*2.2), 0, 1)],
					UrinePain: n(clamp(pain+r.IntN(2), 0, 10)), Blood: data.BloodNone,
					PainBladder: n(clamp(pain-1+r.IntN(2), 0, 10)), PainFlank: n(clamp(2-int(ease*3)+r.IntN(2), 0, 10)),
					PainUpper: n(clamp(3-int(ease*4)+r.IntN(2), 0, 10)),
				}
			}
			entries = append(entries, e)
		}
	}
	// The known day: exactly one check-in with SampleBody.
	known := SampleBody()
	for i := range entries {
		if sameDate(entries[i].At, SampleDay) {
			entries[i].Body = nil
		}
	}
	kept := entries[:0]
	for _, e := range entries {
		if !sameDate(e.At, SampleDay) {
			kept = append(kept, e)
		}
	}
	entries = append(kept, data.Entry{At: SampleDay, Mood: 2, Craving: 6, Body: &known,
		Triggers: []string{"trigger.pain"}, Note: "Bad morning, rang the GP."})
	// Lapses: one taken for pain, with alcohol; one plain.
	lapse := func(at time.Time, b *data.Body) {
		entries = append(entries, data.Entry{At: at, Mood: 1, Craving: 9, Used: true, Body: b,
			Triggers: []string{"trigger.pain"}, Note: "Used again."})
	}
	yes := true
	lapse(time.Date(2026, 9, 19, 22, 10, 0, 0, sampleZone), &data.Body{ForPain: &yes, WithAlcohol: &yes, PainUpper: n(8)})
	lapse(time.Date(2026, 10, 24, 23, 40, 0, 0, sampleZone), nil)
	// A day with clots.
	entries = append(entries, data.Entry{At: time.Date(2026, 9, 8, 19, 0, 0, 0, sampleZone), Mood: 2, Craving: 5,
		Body: &data.Body{Blood: data.BloodClots, UrinePain: n(8)}})
	if err := s.AddAll(entries); err != nil {
		return 0, fmt.Errorf("sample: %w", err)
	}
	return len(entries), nil
}

func sameDate(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}
