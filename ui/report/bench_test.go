package report

import (
	"io"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/steadyapp/steady/data"
	"golang.org/x/text/language"
)

// benchEntries is the journal the report benchmark reads: about three
// years of check-ins every 16 minutes, a body log on every third, so the
// 90-day report reads some 8 000 check-ins.
const benchEntries = 100_000

// BenchmarkReport90Days measures the report of the last 90 days of a
// 100 000-entry journal, from reading the journal to the finished PDF.
// Target: under 2 s (scripts/bench prints it against the target).
func BenchmarkReport90Days(b *testing.B) {
	s, err := data.Open(filepath.Join(b.TempDir(), "journal"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	r := rand.New(rand.NewPCG(90, 2))
	now := time.Now().Add(-time.Hour)
	n := func(v int) *int { return &v }
	entries := make([]data.Entry, benchEntries)
	for i := range entries {
		e := data.Entry{At: now.Add(-time.Duration(i) * 16 * time.Minute), Mood: 1 + r.IntN(5), Craving: r.IntN(11),
			Used: r.IntN(300) == 0, Triggers: []string{"trigger.stress"}, Coping: []string{"coping.walk"},
			Symptoms: []string{"symptom.sleep.insomnia"}, Note: "a generated note"}
		if i%3 == 0 {
			e.Body = &data.Body{UrinationsDay: n(r.IntN(20)), UrinationsNight: n(r.IntN(5)), UrinePain: n(r.IntN(11)),
				PainBladder: n(r.IntN(11)), PainFlank: n(r.IntN(4)), PainUpper: n(r.IntN(6)),
				Urgency: data.UrgencySome, Leaks: data.LeaksNone, Blood: data.BloodNone}
		}
		entries[i] = e
	}
	if err := s.AddAll(entries); err != nil {
		b.Fatal(err)
	}
	from, to := LastDays(now, 90)
	opt := Options{From: from, To: to, Language: language.Japanese, Now: now}
	for b.Loop() {
		if err := Generate(s, opt, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
