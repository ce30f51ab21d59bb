package data

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/steadyapp/steady/data/guide"
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

// fuzzStore makes a journal for a fuzz target, once per fuzzing process. It
// lives in SQLite's memory (the memdb VFS an encrypted journal uses), so
// that each input's work stays off the disk: a target that wrote and
// synced a file per input (synchronous=FULL) ran at a few inputs a second
// on a slow disk. Durability is the crash tests' job, not the fuzzers'.
func fuzzStore(f *testing.F) *Store {
	f.Helper()
	var name [8]byte
	_, _ = crand.Read(name[:])
	db, err := sql.Open(driverName, "file:/fuzz-"+hex.EncodeToString(name[:])+
		"?vfs=memdb&_foreign_keys=on&_txlock=immediate")
	if err != nil {
		f.Fatal(err)
	}
	// One connection that never closes: the memory database lives as long
	// as it does.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := migrate(context.Background(), db); err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	return &Store{db: plainDB(db, ""), guide: guide.TheGuide(), now: time.Now}
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

// fileSeeds are the open-bytes targets' seeds: a sound journal of every
// kind Steady can meet (new, v1, v2, current), and each damaged as issue 12
// found them.
func fileSeeds(f *testing.F) {
	f.Helper()
	dir := filepath.Join(f.TempDir(), "steady")
	s, err := Open(dir)
	if err != nil {
		f.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		s.Add(&Entry{At: time.Now(), Mood: 1 + i%5, Note: strings.Repeat("seed ", 40)})
	}
	s.Close()
	cur, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{})
	f.Add(cur)
	for _, p := range []string{"testdata/v1.db", "testdata/v2.db"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	neg := bytes.Clone(cur)
	neg[60] |= 0x80
	f.Add(neg)
	f.Add(cur[:len(cur)-1])
	f.Add(cur[:4096])
	half := bytes.Clone(cur)
	copy(half[4096:], bytes.Repeat([]byte{0xA5}, len(half)-4096))
	f.Add(half)
	f.Add([]byte(sqliteHeader))
}

// soundFile opens the file at path read-only, as Steady's Store reads
// it, and requires it to be sound at level (what Open promises is
// quick_check's soundness: every page's structure; a restored backup,
// integrity_check's: its indexes match their tables too) and every table to
// read.
func soundFile(t *testing.T, path string, level checkLevel) {
	t.Helper()
	db, err := sql.Open(driverName, fileURI(path)+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pragma := map[checkLevel]string{checkQuick: `PRAGMA quick_check`, checkFull: `PRAGMA integrity_check`}[level]
	var check string
	if err := db.QueryRow(pragma).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("an accepted file is not sound (%s): %q, %v", pragma, check, err)
	}
	for _, q := range []string{`SELECT count(*) FROM entries`, `SELECT count(*) FROM settings`} {
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("an accepted file does not read (%s): %v", q, err)
		}
	}
}

// FuzzOpenFile opens arbitrary bytes as steady.db: Open's decision
// (inspectFile, read-only, with quick_check, as Open and its background
// check make it) must be an error — one the UI can explain, the file left
// byte for byte — or a file that is a sound journal. Never a panic. It
// writes each input to a file (no sync) and opens it read-only: the part
// of Open that writes (the migration) runs only on an accepted file, which
// the other tests cover.
func FuzzOpenFile(f *testing.F) {
	fileSeeds(f)
	f.Fuzz(func(t *testing.T, file []byte) {
		path := filepath.Join(t.TempDir(), FileName)
		if err := os.WriteFile(path, file, 0o600); err != nil {
			t.Fatal(err)
		}
		v, err := inspectFile(context.Background(), path, checkQuick)
		after, rerr := os.ReadFile(path)
		if rerr != nil || !bytes.Equal(after, file) {
			t.Fatalf("the file changed (%v)", rerr)
		}
		if err != nil {
			if !errors.Is(err, ErrNotJournal) && !errors.Is(err, ErrNewerSchema) {
				t.Fatalf("refused with %v: not an error the UI explains", err)
			}
			return
		}
		if v < 0 || v > schemaVersion() {
			t.Fatalf("accepted at version %d", v)
		}
		if len(file) > 0 && v > 0 {
			soundFile(t, path, checkQuick)
		}
	})
}

// FuzzRestoreFile offers arbitrary bytes as a backup to restore: the check
// RestoreBackup makes (checkBackup, read-only, integrity_check) must refuse
// it with an error the UI explains, or it must be a sound journal. Never a
// panic, and the backup is never changed.
func FuzzRestoreFile(f *testing.F) {
	fileSeeds(f)
	f.Fuzz(func(t *testing.T, file []byte) {
		path := filepath.Join(t.TempDir(), "steady-2026-01-01.db")
		if err := os.WriteFile(path, file, 0o600); err != nil {
			t.Fatal(err)
		}
		err := checkBackup(path)
		if after, _ := os.ReadFile(path); !bytes.Equal(after, file) {
			t.Fatal("the backup changed")
		}
		if err != nil {
			if !errors.Is(err, ErrNotJournal) && !errors.Is(err, ErrNewerSchema) {
				t.Fatalf("refused with %v: not an error the UI explains", err)
			}
			return
		}
		soundFile(t, path, checkFull)
	})
}
