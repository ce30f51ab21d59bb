package data

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// journalPrint is what a refused import must leave exactly as it was.
type journalPrint struct {
	entries, tags, plan int
	maxID               int64
	settings            string
}

func fingerprint(tb testing.TB, s *Store) journalPrint {
	tb.Helper()
	var p journalPrint
	err := s.db.QueryRow(`SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM entry_tags),
		(SELECT count(*) FROM plan_items), (SELECT coalesce(max(id), 0) FROM entries),
		(SELECT coalesce(group_concat(key || '=' || value, ';'), '') FROM (SELECT * FROM settings ORDER BY key))`).
		Scan(&p.entries, &p.tags, &p.plan, &p.maxID, &p.settings)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// fuzzStore opens a journal for a fuzz target, once per fuzzing process.
func fuzzStore(f *testing.F) *Store {
	f.Helper()
	s, err := Open(filepath.Join(f.TempDir(), "steady"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	return s
}

// freshExport is an export made now by the store, with every field used,
// added to the seeds beside the committed corpus (testdata/fuzz/FuzzImport).
func freshExport(f *testing.F) []byte {
	f.Helper()
	s := fuzzStore(f)
	p := PlanItem{Kind: PlanCoping, Text: "Cold shower"}
	if err := s.AddPlanItem(&p); err != nil {
		f.Fatal(err)
	}
	s.AddPlanItem(&PlanItem{Kind: PlanPerson, Text: "Ana", Phone: "+34 600 000 000"})
	s.SetQuitDate(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	e := fullEntry(time.Date(2026, 9, 2, 23, 15, 0, 0, time.FixedZone("", 9*3600)))
	e.Coping = append(e.Coping, p.Tag())
	e.Note = "emoji 🙂, RTL שלום, \"quoted\"\nline"
	if err := s.Add(&e); err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.ExportJSON(&buf); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzImport feeds Import arbitrary files: it must never panic, and an
// import it refuses must leave the journal exactly as it was; one it takes
// must add what it says it added.
func FuzzImport(f *testing.F) {
	export := freshExport(f)
	f.Add(export)
	f.Add(export[:len(export)/2])
	f.Add([]byte(`{"format":"steady-journal","version":1,"entries":[],"plan":[]}`))
	f.Add([]byte(`{"format":"steady-journal","version":1,"quit_date":"2026-02-30"}`))
	f.Add([]byte(`{"format":"steady-journal","version":1}{"format":"steady-journal","version":1}`))
	s := fuzzStore(f)
	f.Fuzz(func(t *testing.T, file []byte) {
		before := fingerprint(t, s)
		res, err := s.Import(bytes.NewReader(file))
		after := fingerprint(t, s)
		if err != nil {
			if after != before {
				t.Fatalf("a refused import (%v) changed the journal: %+v → %+v", err, before, after)
			}
			return
		}
		if after.entries != before.entries+res.Added || after.plan != before.plan+res.PlanAdded {
			t.Fatalf("import said %+v, journal went %+v → %+v", res, before, after)
		}
	})
}

// FuzzValidPhone checks validPhone against what it promises: digits,
// spaces, dashes, dots, brackets and one leading +, at least two digits, at
// most 40 bytes; empty is fine.
func FuzzValidPhone(f *testing.F) {
	for _, s := range []string{"", "+44 (0)20 7946-0958", "988", "1-800-662-4357", "0800.111.0111", "+", "++44",
		"12a", "٠١٢٣", "１２３", "+1 234 567 8901 234 567 8901 234 567 8901", "1\x002", "12\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := validPhone(s)
		want := len(s) <= 40
		digits := 0
		for i, r := range s {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case strings.ContainsRune(" -.()", r):
			case r == '+' && i == 0:
			default:
				want = false
			}
		}
		want = want && (s == "" || digits >= 2)
		if got != want {
			t.Fatalf("validPhone(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzPlanItem stores arbitrary plan text and phone numbers: each is either
// refused with a FieldError and not stored, or stored exactly as validated
// (trimmed).
func FuzzPlanItem(f *testing.F) {
	f.Add("reason", "My sister's wedding", "")
	f.Add("person", "Ana", "+44 (0)20 7946-0958")
	f.Add("person", "  Bo  ", " 12 ")
	f.Add("trigger", "'); DROP TABLE plan_items;--", "")
	f.Add("coping", strings.Repeat("é", MaxPlanText), "")
	f.Add("coping", "\xff", "")
	s := fuzzStore(f)
	f.Fuzz(func(t *testing.T, kind, text, phone string) {
		before := fingerprint(t, s)
		p := PlanItem{Kind: kind, Text: text, Phone: phone}
		err := s.AddPlanItem(&p)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("AddPlanItem = %v, want a FieldError", err)
			}
			if after := fingerprint(t, s); after != before {
				t.Fatalf("a refused plan item was stored")
			}
			return
		}
		items, err := s.Plan(kind)
		if err != nil {
			t.Fatal(err)
		}
		last := items[len(items)-1]
		if last.Text != strings.TrimSpace(text) || last.Phone != strings.TrimSpace(phone) || last.UUID != p.UUID {
			t.Fatalf("stored %q/%q, want %q/%q", last.Text, last.Phone, strings.TrimSpace(text), strings.TrimSpace(phone))
		}
	})
}

// FuzzNote stores arbitrary notes: valid UTF-8 within the limit is stored
// and read back byte for byte; anything else is refused with a FieldError
// and not stored.
func FuzzNote(f *testing.F) {
	for _, tt := range hostileNotes {
		if len(tt.note) < 200 {
			f.Add(tt.note)
		}
	}
	s := fuzzStore(f)
	at := time.Now().Add(-time.Hour)
	f.Fuzz(func(t *testing.T, note string) {
		before := fingerprint(t, s)
		e := Entry{At: at, Mood: 3, Note: note}
		err := s.Add(&e)
		valid := utf8.ValidString(note) && utf8.RuneCountInString(note) <= MaxNoteLength
		if !valid {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != "note" {
				t.Fatalf("Add(%q) = %v, want a note FieldError", note, err)
			}
			if fingerprint(t, s) != before {
				t.Fatal("a refused note was stored")
			}
			return
		}
		if err != nil {
			t.Fatalf("Add(%q): %v", note, err)
		}
		got, err := s.Get(e.ID)
		if err != nil || got.Note != note {
			t.Fatalf("stored %q, read back %q (%v)", note, got.Note, err)
		}
	})
}

// FuzzQuitDate reads arbitrary stored quit dates: never a panic; a date
// that reads is a midnight in UTC that writes back as the same text.
func FuzzQuitDate(f *testing.F) {
	for _, s := range []string{"2026-09-01", "2026-02-30", "0000-01-01", "9999-12-31", "2026-9-1", "", "2026-09-01T00:00:00Z"} {
		f.Add(s)
	}
	s := fuzzStore(f)
	f.Fuzz(func(t *testing.T, v string) {
		if !utf8.ValidString(v) {
			return // settings are written by Steady, as UTF-8 text
		}
		if err := s.SetSetting(SettingQuitDate, v); err != nil {
			t.Fatal(err)
		}
		d, ok, err := s.QuitDate()
		if err != nil {
			t.Fatal(err)
		}
		if ok && (d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Format(dateLayout) != v) {
			t.Fatalf("quit date %q read as %v", v, d)
		}
	})
}
