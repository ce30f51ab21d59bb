package data

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"
)

// richStore opens a journal of benchEntries check-ins over the last three
// years, like fillJournal's, but with everything the statistics read:
// triggers, coping, whether the craving passed, sleep and lapses.
func richStore(b *testing.B) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "steady"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	r := rand.New(rand.NewPCG(3, 4))
	triggers := []string{"trigger.stress", "trigger.boredom", "trigger.loneliness", "trigger.tiredness", "trigger.parties"}
	coping := []string{"coping.call_someone", "coping.urge_surfing", "coping.walk", "coping.delay", "coping.breathing"}
	now := time.Now()
	entries := make([]Entry, benchEntries)
	for i := range entries {
		e := Entry{
			At:   now.Add(-time.Duration(i) * 47 * time.Minute),
			Mood: 1 + r.IntN(5), Craving: r.IntN(11), Used: r.IntN(200) == 0,
			Triggers: []string{triggers[r.IntN(len(triggers))]},
			Coping:   []string{coping[r.IntN(len(coping))]},
			Note:     fmt.Sprintf("generated note %d with some ordinary words in it", i),
		}
		if r.IntN(10) < 7 {
			p := r.IntN(3) > 0
			e.CravingPassed = &p
		}
		if i%30 == 0 {
			h := 3 + 6*r.Float64()
			e.SleepHours = &h
		}
		entries[i] = e
	}
	if err := s.AddAll(entries); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkSeries90 measures the 90-day charts: daily values, moving
// averages, lapses and craving by hour (target ≤ 30 ms).
func BenchmarkSeries90(b *testing.B) {
	s := richStore(b)
	p := LastDays(time.Now(), 90)
	for b.Loop() {
		if _, err := s.Series(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWhatHelps90 measures the "what helps" figures over 90 days and
// the weekly summary (target ≤ 30 ms).
func BenchmarkWhatHelps90(b *testing.B) {
	s := richStore(b)
	now := time.Now()
	p := LastDays(now, 90)
	for b.Loop() {
		if _, err := s.Stats(p); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Weekly(now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFilteredPage measures a history page under the combined filters
// at their slowest: a text that matches nothing (the note index rules out
// every note), that one note holds, and that every note holds (too many for
// the index: read in time order), and the first search after a change
// (the index read again) (target ≤ 20 ms).
func BenchmarkFilteredPage(b *testing.B) {
	s := richStore(b)
	filters := []struct {
		name string
		f    Filter
	}{
		{"mood+craving", Filter{Moods: MoodsOf(1, 2), Cravings: CravingBetween(7, 10)}},
		{"lapses", Filter{Lapse: LapseOnly}},
		{"text-no-match", Filter{Moods: MoodsOf(1, 2), Lapse: LapseNone, Text: "nowhere in any note"}},
		// One note holds it: the note index (search.go) finds it.
		{"text-one-match", Filter{Text: "NOTE 4242 WITH"}},
		// Every note holds it: too many for the index, read in time order.
		{"text-every-note", Filter{Moods: MoodsOf(1), Text: "ordinary"}},
	}
	for _, f := range filters {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.Page(f.f, Cursor{}, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// The first search after a note changed reads the note index again.
	b.Run("text-no-match-first", func(b *testing.B) {
		f := filters[2].f
		for b.Loop() {
			s.notes.forget()
			if _, _, err := s.Page(f, Cursor{}, 50); err != nil {
				b.Fatal(err)
			}
		}
	})
}
