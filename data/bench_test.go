package data

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/steadyapp/steady/data/guide"
)

// benchEntries is the size of the journal the benchmarks run against: about
// three years of heavy use.
const benchEntries = 100_000

// fillJournal adds n generated check-ins over the last n/30 days, in one
// transaction (the benchmarks measure use, not set-up).
func fillJournal(tb testing.TB, s *Store, n int) {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	now := time.Now()
	symptoms, triggers := guide.TheGuide().AllSymptoms(), guide.Triggers()
	entries := make([]Entry, n)
	for i := range entries {
		entries[i] = Entry{
			At:   now.Add(-time.Duration(i) * 47 * time.Minute),
			Mood: 1 + r.IntN(5), Craving: r.IntN(11), Used: r.IntN(200) == 0,
			Triggers: []string{triggers[r.IntN(len(triggers))]},
			Symptoms: []string{symptoms[r.IntN(len(symptoms))].ID},
			Note:     fmt.Sprintf("generated note %d with some ordinary words in it", i),
		}
	}
	if err := s.AddAll(entries); err != nil {
		tb.Fatal(err)
	}
}

func benchStore(b *testing.B) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "steady"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	fillJournal(b, s, benchEntries)
	return s
}

// BenchmarkAdd measures one durable check-in (synchronous=FULL, WAL).
func BenchmarkAdd(b *testing.B) {
	s := benchStore(b)
	b.ResetTimer()
	for b.Loop() {
		e := Entry{At: time.Now(), Mood: 3, Craving: 4, Triggers: []string{"trigger.stress"}, Note: "bench"}
		if err := s.Add(&e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstPage measures opening the history.
func BenchmarkFirstPage(b *testing.B) {
	s := benchStore(b)
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := s.Page(Filter{}, Cursor{}, 50); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScrollPage measures reading a page deep in the history.
func BenchmarkScrollPage(b *testing.B) {
	s := benchStore(b)
	_, cur, _ := s.Page(Filter{}, Cursor{}, 50_000)
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := s.Page(Filter{}, cur, 50); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDailySeries90 measures the 90-day mood and craving chart.
func BenchmarkDailySeries90(b *testing.B) {
	s := benchStore(b)
	to := time.Now()
	from := to.AddDate(0, 0, -90)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.DailySeries(from, to); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHourProfile measures the craving-by-hour chart over 90 days.
func BenchmarkHourProfile(b *testing.B) {
	s := benchStore(b)
	to := time.Now()
	from := to.AddDate(0, 0, -90)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.HourProfile(from, to); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportCSV measures exporting all 100 000 entries.
func BenchmarkExportCSV(b *testing.B) {
	s := benchStore(b)
	b.ResetTimer()
	for b.Loop() {
		if err := s.ExportCSV(io.Discard, func(t string) string { return t }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTopTriggers30 measures the Insights page's most frequent triggers
// over 30 days.
func BenchmarkTopTriggers30(b *testing.B) {
	s := benchStore(b)
	to := time.Now()
	from := to.AddDate(0, 0, -30)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.TopTags(KindTrigger, from, to, 8); err != nil {
			b.Fatal(err)
		}
	}
}

// benchJournalFile writes a closed journal of benchEntries check-ins and
// returns its path.
func benchJournalFile(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "steady")
	s, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	fillJournal(b, s, benchEntries)
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return filepath.Join(dir, FileName)
}

// BenchmarkOpenRecognise measures what Open waits for on every start
// before it opens the journal for writing: reading the header, checking the
// file's length, recognising its application ID, version and schema,
// read-only, on 100 000 entries.
func BenchmarkOpenRecognise(b *testing.B) {
	path := benchJournalFile(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := inspectFile(context.Background(), path, checkNone); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenCheck measures the full check of every page Open runs in the
// background (soundcheck.go): the header and recognition, then PRAGMA
// quick_check, read-only, on 100 000 entries.
func BenchmarkOpenCheck(b *testing.B) {
	path := benchJournalFile(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := inspectFile(context.Background(), path, checkQuick); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBackupCheck measures the check of a backup before it is
// restored (PRAGMA integrity_check) on 100 000 entries.
func BenchmarkBackupCheck(b *testing.B) {
	path := benchJournalFile(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := inspectFile(context.Background(), path, checkFull); err != nil {
			b.Fatal(err)
		}
	}
}
