package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The tests in this file cover issue 12's findings 1–3: a journal file is
// recognised, checked and refused, reading only, before anything writes to
// it; a refused file is left byte for byte (and mtime, and mode) as it was;
// damage found later is reported as ErrDamaged by every Store method.

// makeJournal writes a closed journal with n check-ins into dir. (It is
// here, in a file that builds everywhere, for damaged_test.go too.)
func makeJournal(t *testing.T, dir string, n int) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if err := s.Add(&Entry{At: time.Now(), Mood: 1 + i%5, Note: fmt.Sprintf("kept %d ", i) + strings.Repeat("·", 300)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// closedJournal writes a closed journal of n check-ins into a new data
// folder and returns the folder and the journal's path.
func closedJournal(t *testing.T, n int) (dir, path string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "steady")
	makeJournal(t, dir, n)
	return dir, filepath.Join(dir, FileName)
}

// rawExec runs SQL on the file at path with plain go-sqlite3, as another
// program (or a damaged disk) would, outside Steady's checks.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", fileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// patchFile overwrites len(b) bytes of the file at path at off.
func patchFile(t *testing.T, path string, off int64, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

// noise returns n bytes of seeded random noise.
func noise(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 12))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// openRefused opens dir and requires Open to refuse it with want, without
// a panic, leaving every file in dir as it was.
func openRefused(t *testing.T, dir string, want error) error {
	t.Helper()
	before := snapshot(t, dir)
	var err error
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("Open panicked: %v", p)
			}
		}()
		var s *Store
		if s, err = Open(dir); err == nil {
			s.Close()
		}
	}()
	if !errors.Is(err, want) {
		t.Fatalf("Open = %v, want %v", err, want)
	}
	sameFiles(t, "a refused Open", before, snapshot(t, dir))
	return err
}

// TestNegativeSchemaVersion is finding 1: a negative user_version (one
// flipped high bit in header byte 60 is enough) made Open panic with index
// out of range [-1] in migrate. It is damage: refused, untouched.
func TestNegativeSchemaVersion(t *testing.T) {
	tests := []struct {
		name string
		edit func(t *testing.T, path string)
	}{
		{"high bit of byte 60 flipped", func(t *testing.T, path string) {
			b, _ := os.ReadFile(path)
			patchFile(t, path, 60, []byte{b[60] | 0x80})
		}},
		{"user_version = -1", func(t *testing.T, path string) { rawExec(t, path, "PRAGMA user_version = -1") }},
		{"user_version = -2147483648", func(t *testing.T, path string) {
			rawExec(t, path, "PRAGMA user_version = -2147483648")
		}},
		{"pre-ID journal (v1) at -1", func(t *testing.T, path string) {
			b, _ := os.ReadFile("testdata/v1.db")
			os.WriteFile(path, b, 0o600)
			rawExec(t, path, "PRAGMA user_version = -1")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, path := closedJournal(t, 3)
			tt.edit(t, path)
			err := openRefused(t, dir, ErrDamaged)
			if !errors.Is(err, ErrNotJournal) {
				t.Errorf("%v does not wrap ErrNotJournal (the keep-aside offer)", err)
			}
		})
	}
	t.Run("migrate refuses it too", func(t *testing.T) {
		db, err := sql.Open("sqlite3", ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.SetMaxOpenConns(1)
		db.Exec("PRAGMA user_version = -1")
		if err := migrate(context.Background(), db); !errors.Is(err, ErrDamaged) {
			t.Errorf("migrate = %v, want ErrDamaged", err)
		}
	})
}

// TestRefusedFilesAreUntouched is finding 2: a newer journal in rollback
// mode had its header rewritten before ErrNewerSchema; another program's
// database with an entries table was modified and given no sentinel; one
// without was silently made into a Steady journal. Each is now refused
// with its sentinel, every file byte-, mtime- and mode-identical, nothing
// created beside it.
func TestRefusedFilesAreUntouched(t *testing.T) {
	foreign := func(stmts ...string) func(t *testing.T, dir, path string) {
		return func(t *testing.T, dir, path string) {
			os.MkdirAll(dir, 0o700)
			rawExec(t, path, stmts...)
			os.Chmod(path, 0o644) // another program's mode: Open must not tighten it
		}
	}
	steady := func(stmts ...string) func(t *testing.T, dir, path string) {
		return func(t *testing.T, dir, path string) {
			makeJournal(t, dir, 3)
			rawExec(t, path, stmts...)
		}
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir, path string)
		want  error
	}{
		{"newer, rollback journal", steady("PRAGMA journal_mode = DELETE", "PRAGMA user_version = 99"), ErrNewerSchema},
		{"newer, write-ahead log", steady("PRAGMA user_version = 99"), ErrNewerSchema},
		{"foreign, with an entries table", foreign("PRAGMA journal_mode = DELETE",
			"CREATE TABLE entries (id INTEGER PRIMARY KEY, title TEXT, body TEXT)",
			"INSERT INTO entries (title, body) VALUES ('groceries', 'milk'), ('todo', 'call')"), ErrForeign},
		{"foreign, without one", foreign("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)",
			"INSERT INTO photos (path) VALUES ('/a.jpg')"), ErrForeign},
		{"foreign, in WAL mode", foreign("PRAGMA journal_mode = WAL", "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)"), ErrForeign},
		{"foreign, another application ID", foreign("PRAGMA application_id = 252006673",
			"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)"), ErrForeign},
		{"foreign, an ID and no tables", foreign("PRAGMA application_id = 1"), ErrForeign},
		{"foreign, at version 2", foreign("PRAGMA user_version = 2", "CREATE TABLE entries (x)"), ErrForeign},
		{"foreign, Steady's v1 tables and one more", func(t *testing.T, dir, path string) {
			os.MkdirAll(dir, 0o700)
			b, _ := os.ReadFile("testdata/v1.db")
			os.WriteFile(path, b, 0o600)
			rawExec(t, path, "CREATE TABLE extra (x)")
		}, ErrForeign},
		{"Steady's ID cleared", steady("PRAGMA application_id = 0"), ErrDamaged},
		{"Steady's ID, version 0", steady("PRAGMA user_version = 0"), ErrDamaged},
		{"v2 journal without ID at version 7", func(t *testing.T, dir, path string) {
			os.MkdirAll(dir, 0o700)
			b, _ := os.ReadFile("testdata/v2.db")
			os.WriteFile(path, b, 0o600)
			rawExec(t, path, "PRAGMA user_version = 7")
		}, ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "steady")
			path := filepath.Join(dir, FileName)
			tt.setup(t, dir, path)
			if tt.name == "foreign, in WAL mode" {
				// Leave the other program's log beside it, as a crash would.
				keepLog(t, path)
			}
			openRefused(t, dir, tt.want)
		})
	}
}

// keepLog leaves a write-ahead log with committed pages beside the
// database at path, as a program that crashed would.
func keepLog(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", fileURI(path)+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	db.Exec("PRAGMA wal_autocheckpoint = 0")
	db.Exec("INSERT INTO t VALUES (2)")
	// Copy the files while the log is still there: the copy is what a
	// crash leaves.
	dir := filepath.Dir(path)
	crashed := t.TempDir()
	for _, suf := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suf)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(crashed, FileName+suf), b, 0o644)
	}
	db.Close()
	for _, suf := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suf)
	}
	for _, suf := range []string{"", "-wal"} {
		if err := os.Rename(filepath.Join(crashed, FileName+suf), filepath.Join(dir, FileName+suf)); err != nil {
			t.Fatal(err)
		}
	}
	if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("no log left beside the file: %v", err)
	}
}

// TestDamagedJournalsAreNeverWritten is finding 3: half-random files,
// journals truncated by a byte or more, damaged pages. Each is either
// refused by Open (ErrDamaged, every file as it was) or, where only the
// full check of every page can tell, opened and then refused at the first
// write with ErrDamaged — and the journal file is never written to.
func TestDamagedJournalsAreNeverWritten(t *testing.T) {
	const page = 4096
	tests := []struct {
		name    string
		damage  func(b []byte) []byte
		atOpen  bool // the cheap checks at Open must refuse it
		pages   int  // at least this many pages needed
		comment string
	}{
		{name: "first 4 KiB kept, the rest random", damage: func(b []byte) []byte {
			return append(b[:page:page], noise(1, len(b)-page)...)
		}},
		{name: "truncated by 1 byte", atOpen: true, damage: func(b []byte) []byte { return b[:len(b)-1] }},
		{name: "truncated by 100 bytes", atOpen: true, damage: func(b []byte) []byte { return b[:len(b)-100] }},
		{name: "truncated by 4095 bytes", atOpen: true, damage: func(b []byte) []byte { return b[:len(b)-4095] }},
		{name: "truncated by one page", atOpen: true, damage: func(b []byte) []byte { return b[:len(b)-page] }},
		{name: "truncated to half its pages", atOpen: true, damage: func(b []byte) []byte { return b[:len(b)/page/2*page] }},
		{name: "truncated to its first page", atOpen: true, damage: func(b []byte) []byte { return b[:page] }},
		{name: "truncated inside the header", atOpen: true, damage: func(b []byte) []byte { return b[:60] }},
		{name: "page 2 random", damage: func(b []byte) []byte { copy(b[page:2*page], noise(2, page)); return b }},
		{name: "page 2 zeroed", damage: func(b []byte) []byte { clear(b[page : 2*page]); return b }},
		{name: "a middle page random", damage: func(b []byte) []byte {
			m := len(b) / page / 2 * page
			copy(b[m:m+page], noise(3, page))
			return b
		}},
		{name: "middle pages random", damage: func(b []byte) []byte {
			for p := 3; p < len(b)/page-2; p += 3 {
				copy(b[p*page:(p+1)*page], noise(uint64(p), page))
			}
			return b
		}},
		{name: "the last page random", damage: func(b []byte) []byte {
			copy(b[len(b)-page:], noise(4, page))
			return b
		}},
		{name: "page size in the header", atOpen: true, damage: func(b []byte) []byte { b[16], b[17] = 0x03, 0xE8; return b }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, path := closedJournal(t, 300)
			good, _ := os.ReadFile(path)
			if len(good) < 20*page {
				t.Fatalf("journal of %d bytes: too small for the test", len(good))
			}
			bad := tt.damage(bytes.Clone(good))
			if err := os.WriteFile(path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			s, err := Open(dir)
			if err != nil {
				if !errors.Is(err, ErrDamaged) || !errors.Is(err, ErrNotJournal) {
					t.Fatalf("Open = %v, want ErrDamaged", err)
				}
				sameFiles(t, "a refused Open", before, snapshot(t, dir))
				return
			}
			if tt.atOpen {
				s.Close()
				t.Fatal("Open took it; its header and length are enough to refuse it")
			}
			e := Entry{At: time.Now(), Mood: 3, Note: "must not be written"}
			werr := s.Add(&e)
			s.Close()
			if !errors.Is(werr, ErrDamaged) {
				t.Errorf("Add = %v, want ErrDamaged", werr)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, bad) {
				t.Error("the damaged journal was written to")
			}
		})
	}
}

// damageInPlace overwrites every page of the journal file at path after
// the first two with noise, while it is open.
func damageInPlace(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	for p := 2; p < len(b)/page; p++ {
		patchFile(t, path, int64(p*page), noise(uint64(p), page))
	}
}

// TestDamageFoundLaterIsClassified: damage found after Open, by any Store
// method, is ErrDamaged (and so ErrNotJournal), not a bare "database disk
// image is malformed" the UI cannot tell from any other failure.
func TestDamageFoundLaterIsClassified(t *testing.T) {
	methods := []struct {
		name string
		call func(s *Store) error
	}{
		{"Count", func(s *Store) error { _, err := s.Count(); return err }},
		{"Page", func(s *Store) error { _, _, err := s.Page(Filter{}, Cursor{}, 50); return err }},
		{"Get", func(s *Store) error { _, err := s.Get(150); return err }},
		{"Add", func(s *Store) error { return s.Add(&Entry{At: time.Now(), Mood: 2, Note: strings.Repeat("n", 900)}) }},
		{"Delete", func(s *Store) error { _, err := s.Delete(150); return err }},
		{"ExportJSON", func(s *Store) error { return s.ExportJSON(io.Discard) }},
		{"ExportCSV", func(s *Store) error { return s.ExportCSV(io.Discard, func(t string) string { return t }) }},
		{"DailySeries", func(s *Store) error {
			_, err := s.DailySeries(time.Now().AddDate(0, 0, -30), time.Now().Add(time.Hour))
			return err
		}},
	}
	for _, m := range methods {
		t.Run(m.name, func(t *testing.T) {
			dir, path := closedJournal(t, 300)
			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.check.wait(); err != nil {
				t.Fatalf("the sound journal failed its check: %v", err)
			}
			damageInPlace(t, path)
			err = m.call(s)
			if !errors.Is(err, ErrDamaged) || !errors.Is(err, ErrNotJournal) {
				t.Errorf("%s on a damaged journal = %v, want ErrDamaged", m.name, err)
			}
		})
	}
}

// TestBackgroundCheckReportsDamage: damage only quick_check finds (one
// page of noise in the middle of the file) is found by Open's check in the
// background, and every write is refused with it.
func TestBackgroundCheckReportsDamage(t *testing.T) {
	dir, path := closedJournal(t, 300)
	b, _ := os.ReadFile(path)
	m := len(b) / 4096 / 2 * 4096
	patchFile(t, path, int64(m), noise(9, 4096))
	bad, _ := os.ReadFile(path)
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open = %v; this damage is for the background check", err)
	}
	defer s.Close()
	if err := s.Checked(); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Checked = %v, want ErrDamaged", err)
	}
	for i := 0; i < 2; i++ {
		if err := s.SetSetting(SettingQuitDate, "2026-09-01"); !errors.Is(err, ErrDamaged) {
			t.Errorf("write %d = %v, want ErrDamaged", i, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, bad) {
		t.Error("the damaged journal was written to")
	}
}

// TestOldJournalsAreRecognised: the journals older Steady wrote, without an
// application ID, are recognised by their exact schema, migrated, and get
// the ID; a new journal has it from the start.
func TestOldJournalsAreRecognised(t *testing.T) {
	for _, fixture := range []string{"testdata/v1.db", "testdata/v2.db"} {
		t.Run(filepath.Base(fixture), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "steady")
			os.MkdirAll(dir, 0o700)
			b, err := os.ReadFile(fixture)
			if err != nil {
				t.Fatal(err)
			}
			if binary.BigEndian.Uint32(b[68:]) != 0 {
				t.Fatal("the fixture has an application ID already")
			}
			os.WriteFile(filepath.Join(dir, FileName), b, 0o600)
			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if n, err := s.Count(); n == 0 || err != nil {
				t.Errorf("%d entries, %v", n, err)
			}
			s.Close()
			h, err := os.ReadFile(filepath.Join(dir, FileName))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(h[68:72]); got != "Stdy" {
				t.Errorf("application ID %q after migration, want Stdy", got)
			}
		})
	}
	t.Run("new journal", func(t *testing.T) {
		_, path := closedJournal(t, 0)
		h, _ := os.ReadFile(path)
		if got := string(h[68:72]); got != "Stdy" {
			t.Errorf("application ID %q, want Stdy", got)
		}
		if v := int32(binary.BigEndian.Uint32(h[60:])); int(v) != schemaVersion() {
			t.Errorf("user_version %d, want %d", v, schemaVersion())
		}
	})
}

// TestFirstStartCutShort: what a first start killed at any moment leaves (an
// empty file beside a hot rollback journal; a header-only database beside a
// log) opens as a new journal.
func TestFirstStartCutShort(t *testing.T) {
	hotJournalOf := func(t *testing.T, path string, withPage bool) {
		// A rollback journal's header: magic, page count, nonce, the
		// database's size before the transaction (0), sector and page size.
		h := make([]byte, 512)
		copy(h, "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7")
		binary.BigEndian.PutUint32(h[20:], 512)
		binary.BigEndian.PutUint32(h[24:], 4096)
		os.WriteFile(path+"-journal", h, 0o600)
		var main []byte
		if withPage {
			main = append([]byte(sqliteHeader), make([]byte, 4096-len(sqliteHeader))...)
		}
		os.WriteFile(path, main, 0o600)
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, path string)
	}{
		{"empty file", func(t *testing.T, path string) { os.WriteFile(path, nil, 0o600) }},
		{"empty file, hot journal", func(t *testing.T, path string) { hotJournalOf(t, path, false) }},
		{"half-written first page, hot journal", func(t *testing.T, path string) { hotJournalOf(t, path, true) }},
		{"empty database in WAL mode", func(t *testing.T, path string) {
			rawExec(t, path, "PRAGMA journal_mode = WAL")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "steady")
			os.MkdirAll(dir, 0o700)
			tt.setup(t, filepath.Join(dir, FileName))
			s, err := Open(dir)
			if err != nil {
				t.Fatalf("Open = %v", err)
			}
			defer s.Close()
			e := Entry{At: time.Now(), Mood: 4}
			if err := s.Add(&e); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestParseHeader checks the header checks one by one.
func TestParseHeader(t *testing.T) {
	good := func() []byte {
		b := make([]byte, headerSize)
		copy(b, sqliteHeader)
		b[16], b[17] = 0x10, 0x00 // 4096
		b[18], b[19] = 2, 2
		b[21], b[22], b[23] = 64, 32, 32
		binary.BigEndian.PutUint32(b[44:], 4)
		binary.BigEndian.PutUint32(b[56:], 1)
		return b
	}
	tests := []struct {
		name string
		edit func(b []byte) []byte
		ok   bool
	}{
		{"good", func(b []byte) []byte { return b }, true},
		{"page size 65536", func(b []byte) []byte { b[16], b[17] = 0, 1; return b }, true},
		{"short", func(b []byte) []byte { return b[:99] }, false},
		{"magic", func(b []byte) []byte { b[0] = 's'; return b }, false},
		{"page size not a power of two", func(b []byte) []byte { b[16], b[17] = 0x03, 0xE8; return b }, false},
		{"page size 256", func(b []byte) []byte { b[16], b[17] = 1, 0; return b }, false},
		{"format version 3", func(b []byte) []byte { b[18] = 3; return b }, false},
		{"payload fraction", func(b []byte) []byte { b[21] = 63; return b }, false},
		{"schema format 5", func(b []byte) []byte { b[47] = 5; return b }, false},
		{"text encoding 4", func(b []byte) []byte { b[59] = 4; return b }, false},
		{"reserved bytes", func(b []byte) []byte { b[20] = 255; b[16], b[17] = 2, 0; return b }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseHeader(tt.edit(good()))
			if tt.ok != (err == nil) {
				t.Fatalf("parseHeader = %v, want ok=%v", err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrDamaged) {
				t.Errorf("%v is not ErrDamaged", err)
			}
		})
	}
}

// TestMarkDamage: only SQLite's damage codes become ErrDamaged.
func TestMarkDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(path, bytes.Repeat([]byte("not a database "), 400), 0o600)
	db, err := sql.Open(driverName, fileURI(path)+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.Exec("SELECT count(*) FROM sqlite_schema")
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("a file that is not a database: %v, want ErrDamaged", err)
	}
	mem, err := sql.Open(driverName, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if _, err := mem.Exec("SELECT no_such_function()"); err == nil || errors.Is(err, ErrDamaged) {
		t.Errorf("a bad query: %v, want an error that is not ErrDamaged", err)
	}
	if markDamage(nil) != nil || markDamage(io.EOF) != io.EOF {
		t.Error("markDamage changed an error that is not damage")
	}
}

// TestLogWithoutItsJournal: a write-ahead log left after a crash beside no
// journal (the journal was moved away) is refused as damage, not dropped
// silently into a new journal as SQLite would; it can then be kept aside,
// byte for byte, and a new journal opens.
func TestLogWithoutItsJournal(t *testing.T) {
	dir, path := closedJournal(t, 3)
	// A crash with changes only in the log: copy the files while a writer
	// has them open.
	db, err := sql.Open("sqlite3", fileURI(path)+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	db.Exec("PRAGMA wal_autocheckpoint = 0")
	if _, err := db.Exec("UPDATE entries SET note = 'changed in the log'"); err != nil {
		t.Fatal(err)
	}
	wal, err := os.ReadFile(path + "-wal")
	if err != nil || len(wal) == 0 {
		t.Fatalf("no log: %v", err)
	}
	db.Close()
	for _, suf := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suf)
	}
	os.WriteFile(path+"-wal", wal, 0o600)
	s, err := Open(dir)
	if err == nil {
		s.Close()
		t.Fatal("Open took a log without its journal")
	}
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open = %v, want ErrDamaged (the keep-aside offer)", err)
	}
	if b, _ := os.ReadFile(path + "-wal"); !bytes.Equal(b, wal) {
		t.Fatal("Open changed the log")
	}
	kept, err := SetAside(dir)
	if err != nil {
		t.Fatalf("SetAside: %v", err)
	}
	if b, _ := os.ReadFile(kept + "-wal"); !bytes.Equal(b, wal) {
		t.Error("the log was not kept aside byte for byte")
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatalf("a new journal does not open: %v", err)
	}
	s.Close()
}
