package data

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// backupEntries reads the notes of every check-in in a backup file.
func backupEntries(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT note FROM entries ORDER BY id`)
	if err != nil {
		t.Fatalf("read backup %s: %v", path, err)
	}
	defer rows.Close()
	var notes []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		notes = append(notes, n)
	}
	return notes
}

func backupNames(t *testing.T, dir string) []string {
	t.Helper()
	list, err := Backups(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range list {
		names = append(names, b.Name)
	}
	return names
}

// TestBackupIfDue makes backups over ten days: one a day however often it
// is called, owner-only, each a sound copy of the journal as it was, and
// only the newest seven kept.
func TestBackupIfDue(t *testing.T) {
	s, dir := openTemp(t)
	if err := s.BackupError(); err != nil {
		t.Fatal(err)
	}
	if err := RemoveBackups(dir); err != nil { // the one Open made today
		t.Fatal(err)
	}
	day0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.Local)
	for d := 0; d < 10; d++ {
		now := day0.AddDate(0, 0, d)
		if err := s.Add(&Entry{At: time.Now(), Mood: 3, Note: fmt.Sprint("day ", d)}); err != nil {
			t.Fatal(err)
		}
		for range 3 { // later starts the same day change nothing
			if err := s.BackupIfDue(now.Add(time.Duration(d) * time.Hour)); err != nil {
				t.Fatalf("day %d: %v", d, err)
			}
		}
		name := "steady-" + now.Format("2006-01-02") + ".db"
		p := filepath.Join(BackupDir(dir), name)
		notes := backupEntries(t, p)
		if len(notes) != d+1 || notes[d] != fmt.Sprint("day ", d) {
			t.Fatalf("day %d: backup holds %q", d, notes)
		}
		if err := checkBackup(p); err != nil {
			t.Errorf("day %d: %v", d, err)
		}
	}
	var want []string
	for d := 9; d >= 3; d-- {
		want = append(want, "steady-"+day0.AddDate(0, 0, d).Format("2006-01-02")+".db")
	}
	if got := backupNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("backups %v, want the newest 7: %v", got, want)
	}
	st, err := os.Stat(BackupDir(dir))
	if err != nil || (unixModes && st.Mode().Perm() != 0o700) {
		t.Errorf("backups folder mode %v, %v; want 0700", st.Mode().Perm(), err)
	}
	list, _ := Backups(dir)
	for _, b := range list {
		st, err := os.Stat(filepath.Join(BackupDir(dir), b.Name))
		if err != nil || (unixModes && st.Mode().Perm() != 0o600) || st.Size() != b.Size || b.Size == 0 || b.Time.IsZero() {
			t.Errorf("%s: %+v, mode %v, %v", b.Name, b, st.Mode().Perm(), err)
		}
	}
}

// TestOpenBacksUpInBackground checks that Open makes today's backup without
// waiting for it, and that a backup interrupted by a crash (its temporary
// file) is cleaned up by the next one.
func TestOpenBacksUpInBackground(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	makeJournal(t, dir, 5)
	os.WriteFile(filepath.Join(BackupDir(dir), backupTemp+"deadbeef.tmp"), []byte("half a backup"), 0o600)
	today := "steady-" + time.Now().Format("2006-01-02") + ".db"
	os.Remove(filepath.Join(BackupDir(dir), today))
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.BackupError(); err != nil {
		t.Fatal(err)
	}
	if got := backupNames(t, dir); !slices.Equal(got, []string{today}) {
		t.Errorf("backups %v, want [%s]", got, today)
	}
	if left, _ := filepath.Glob(filepath.Join(BackupDir(dir), "*.tmp")); len(left) != 0 {
		t.Errorf("stale temporary files left: %v", left)
	}
	if n := len(backupEntries(t, filepath.Join(BackupDir(dir), today))); n != 5 {
		t.Errorf("today's backup has %d entries, want 5", n)
	}
}

// TestBackupsList checks that Backups lists only backups, newest first.
func TestBackupsList(t *testing.T) {
	dir := t.TempDir()
	if list, err := Backups(dir); err != nil || len(list) != 0 {
		t.Fatalf("no backups folder: %v, %v", list, err)
	}
	bdir := BackupDir(dir)
	os.MkdirAll(filepath.Join(bdir, "steady-2026-01-09.db"), 0o700) // a folder, not a backup
	for _, n := range []string{"steady-2026-01-02.db", "steady-2026-01-10.db", "steady-2025-12-31.db",
		"steady-2026-13-45.db", "notes.txt", "steady-2026-01-03.db-wal", backupTemp + "x.tmp", "steady.db"} {
		os.WriteFile(filepath.Join(bdir, n), []byte(n), 0o600)
	}
	want := []string{"steady-2026-01-10.db", "steady-2026-01-02.db", "steady-2025-12-31.db"}
	if got := backupNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("Backups = %v, want %v", got, want)
	}
}

// TestRestoreBackup restores backups over the journal: the one asked for
// replaces it, the journal it replaced is kept aside byte for byte, and
// refused restores change nothing.
func TestRestoreBackup(t *testing.T) {
	setup := func(t *testing.T) (dir, backup string) {
		dir = filepath.Join(t.TempDir(), "steady")
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		s.Add(&Entry{At: time.Now(), Mood: 3, Note: "in the backup"})
		if err := s.BackupError(); err != nil {
			t.Fatal(err)
		}
		RemoveBackups(dir)
		if err := s.BackupIfDue(time.Date(2026, 5, 1, 9, 0, 0, 0, time.Local)); err != nil {
			t.Fatal(err)
		}
		s.Add(&Entry{At: time.Now(), Mood: 4, Note: "after the backup"})
		s.Close()
		return dir, "steady-2026-05-01.db"
	}
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir, backup string) (name string)
		want    error // nil: restored
	}{
		{"restored", func(t *testing.T, dir, backup string) string { return backup }, nil},
		{"no current journal", func(t *testing.T, dir, backup string) string {
			os.Remove(filepath.Join(dir, FileName))
			return backup
		}, nil},
		{"missing backup", func(t *testing.T, dir, backup string) string { return "steady-2020-01-01.db" }, os.ErrNotExist},
		{"not a backup name", func(t *testing.T, dir, backup string) string { return "../steady.db" }, os.ErrNotExist},
		{"path in the name", func(t *testing.T, dir, backup string) string { return "backups/" + backup }, os.ErrNotExist},
		{"damaged backup", func(t *testing.T, dir, backup string) string {
			p := filepath.Join(BackupDir(dir), backup)
			b, _ := os.ReadFile(p)
			copy(b[len(b)/2:], bytes.Repeat([]byte{0xEE}, len(b)/2))
			os.WriteFile(p, b, 0o600)
			return backup
		}, ErrNotJournal},
		{"not a database", func(t *testing.T, dir, backup string) string {
			os.WriteFile(filepath.Join(BackupDir(dir), backup), []byte("hello"), 0o600)
			return backup
		}, ErrNotJournal},
		{"backup from a newer Steady", func(t *testing.T, dir, backup string) string {
			db, _ := sql.Open("sqlite3", filepath.Join(BackupDir(dir), backup))
			db.Exec(`PRAGMA user_version = 99`)
			db.Close()
			return backup
		}, ErrNewerSchema},
		// Issue 12, finding 1: a backup with a negative schema version was
		// restored, and the next Open panicked.
		{"negative schema version", func(t *testing.T, dir, backup string) string {
			rawExec(t, filepath.Join(BackupDir(dir), backup), "PRAGMA user_version = -1")
			return backup
		}, ErrDamaged},
		{"another program's database", func(t *testing.T, dir, backup string) string {
			p := filepath.Join(BackupDir(dir), backup)
			os.Remove(p)
			rawExec(t, p, "PRAGMA journal_mode = DELETE", "CREATE TABLE entries (id INTEGER PRIMARY KEY, text TEXT)")
			return backup
		}, ErrForeign},
		{"truncated by one byte", func(t *testing.T, dir, backup string) string {
			p := filepath.Join(BackupDir(dir), backup)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)-1], 0o600)
			return backup
		}, ErrDamaged},
		{"first 4 KiB kept, the rest random", func(t *testing.T, dir, backup string) string {
			p := filepath.Join(BackupDir(dir), backup)
			b, _ := os.ReadFile(p)
			copy(b[4096:], noise(5, len(b)-4096))
			os.WriteFile(p, b, 0o600)
			return backup
		}, ErrDamaged},
		{"empty", func(t *testing.T, dir, backup string) string {
			os.WriteFile(filepath.Join(BackupDir(dir), backup), nil, 0o600)
			return backup
		}, ErrDamaged},
		{"journal open", func(t *testing.T, dir, backup string) string {
			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			// Let Open's background backup finish: the test reads the
			// backups folder, where it writes its temporary file.
			if err := s.BackupError(); err != nil {
				t.Fatal(err)
			}
			return backup
		}, ErrLocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, backup := setup(t)
			name := tt.prepare(t, dir, backup)
			before, backups := snapshot(t, dir), snapshot(t, BackupDir(dir))
			kept, err := RestoreBackup(dir, name)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("RestoreBackup = %v, want %v", err, tt.want)
				}
				if tt.want != ErrLocked {
					sameFiles(t, "a refused restore", before, snapshot(t, dir))
					sameFiles(t, "a refused restore", backups, snapshot(t, BackupDir(dir)))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if old, ok := before[FileName]; ok {
				if !strings.HasPrefix(filepath.Base(kept), replacedPrefix) {
					t.Errorf("replaced journal kept at %q", kept)
				}
				if snapshot(t, dir)[filepath.Base(kept)] != old {
					t.Error("the replaced journal was not kept byte for byte")
				}
			} else if kept != "" {
				t.Errorf("kept %q, but there was no journal", kept)
			}
			st, _ := os.Stat(filepath.Join(dir, FileName))
			if unixModes && st.Mode().Perm() != 0o600 {
				t.Errorf("restored journal mode %v", st.Mode().Perm())
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) != 0 {
				t.Errorf("temporary files left: %v", left)
			}
			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			list := allEntries(t, s)
			if len(list) != 1 || list[0].Note != "in the backup" {
				t.Errorf("after restore: %d entries %+v", len(list), list)
			}
		})
	}
}

// TestRemoveBackups checks that Delete all — RemoveBackups, then DeleteAll —
// leaves no copy of what was written anywhere under the data folder, even
// when today's backup is being made at that moment. (RemoveBackups goes
// first: it stops the background backup, whose read snapshot would
// otherwise keep DeleteAll's final checkpoint from emptying the log.)
func TestRemoveBackups(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	const marker = "MARKER-backup-5d1e-private"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ {
		s.Add(&Entry{At: time.Now(), Mood: 2, Note: marker + strings.Repeat(" filler", 30)})
	}
	s.Close()
	os.RemoveAll(BackupDir(dir))
	s, err = Open(dir) // starts today's backup, with the marker, in the background
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := RemoveBackups(dir); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupError(); err != nil {
		t.Errorf("BackupError after the backup was stopped = %v, want nil", err)
	}
	if _, err := os.Stat(BackupDir(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("backups folder still there: %v", err)
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if b, _ := os.ReadFile(p); bytes.Contains(b, []byte(marker)) {
			t.Errorf("%s still holds the marker", p)
		}
		return nil
	})
	if err := RemoveBackups(dir); err != nil {
		t.Errorf("RemoveBackups with nothing to remove: %v", err)
	}
	if err := s.Add(&Entry{At: time.Now(), Mood: 3}); err != nil {
		t.Errorf("journal unusable after RemoveBackups: %v", err)
	}
}

// TestEncryptedJournalBackup checks that the day's backup of an encrypted
// journal is a copy of its encrypted file, with nothing readable in it.
func TestEncryptedJournalBackup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	const marker = "MARKER-encrypted-backup-91c2"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Add(&Entry{At: time.Now(), Mood: 2, Note: marker})
	if err := s.SetPassphrase(testPass); err != nil { // seals the plaintext backups
		t.Fatal(err)
	}
	s.Close()
	if err := RemoveBackups(dir); err != nil { // so that the next start makes today's
		t.Fatal(err)
	}
	vault, err := os.ReadFile(filepath.Join(dir, VaultName))
	if err != nil {
		t.Fatal(err)
	}
	s, err = OpenEncrypted(dir, testPass) // first start of the day: backs up
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.BackupError(); err != nil {
		t.Fatal(err)
	}
	today := filepath.Join(BackupDir(dir), "steady-"+time.Now().Format("2006-01-02")+".db")
	b, err := os.ReadFile(today)
	if err != nil {
		t.Fatalf("no backup of the encrypted journal: %v", err)
	}
	if bytes.Contains(b, []byte(marker)) || bytes.Contains(b, []byte(sqliteHeader)) {
		t.Error("the backup of an encrypted journal is readable")
	}
	if !bytes.Equal(b, vault) {
		t.Error("the backup is not a copy of the encrypted file")
	}
	if _, err := RestoreBackup(dir, filepath.Base(today)); !errors.Is(err, ErrLocked) {
		t.Errorf("RestoreBackup over an open journal = %v, want ErrLocked", err)
	}
}

// backupDays makes, on a journal whose own backup of today was removed, one
// backup per clock reading, and returns the names Backups lists after the
// last one.
func backupDays(t *testing.T, s *Store, days ...time.Time) []string {
	t.Helper()
	for _, now := range days {
		if err := s.Add(&Entry{At: time.Now(), Mood: 3, Note: "on " + now.Format(dateLayout)}); err != nil {
			t.Fatal(err)
		}
		if err := s.BackupIfDue(now); err != nil {
			t.Fatalf("backup on %s: %v", now.Format(dateLayout), err)
		}
		today := "steady-" + now.Format(dateLayout) + ".db"
		if !slices.Contains(backupNames(t, s.Dir()), today) {
			t.Fatalf("the backup made on %s is gone", now.Format(dateLayout))
		}
	}
	return backupNames(t, s.Dir())
}

// captureBackupLog collects what pruning logs during the test.
func captureBackupLog(t *testing.T) *[]string {
	t.Helper()
	var lines []string
	saved := backupLog
	backupLog = func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
	t.Cleanup(func() { backupLog = saved })
	return &lines
}

// TestFutureDatedBackupsAreKeptAside is issue 12, finding 5: after a clock
// that ran ahead left seven future-dated backups, every new backup was
// deleted right after it was made, with no error. Now a new backup is never
// the one pruned; the future-dated ones are moved into future-dated/,
// never deleted, with a log line.
func TestFutureDatedBackupsAreKeptAside(t *testing.T) {
	s, dir := openTemp(t)
	if err := s.BackupError(); err != nil {
		t.Fatal(err)
	}
	RemoveBackups(dir)
	logged := captureBackupLog(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 0, 0, 0, time.Local) }
	// The clock ran a year ahead for a week.
	var ahead []time.Time
	for d := 1; d <= 7; d++ {
		ahead = append(ahead, day(2027, 6, d))
	}
	backupDays(t, s, ahead...)
	future := map[string][]byte{}
	for _, n := range backupNames(t, dir) {
		future[n], _ = os.ReadFile(filepath.Join(BackupDir(dir), n))
	}
	// Back to the right time: each day's backup is kept.
	got := backupDays(t, s, day(2026, 6, 1), day(2026, 6, 2), day(2026, 6, 3))
	want := []string{"steady-2026-06-03.db", "steady-2026-06-02.db", "steady-2026-06-01.db"}
	if !slices.Equal(got, want) {
		t.Errorf("backups %v, want %v", got, want)
	}
	for n, b := range future {
		kept, err := os.ReadFile(filepath.Join(BackupDir(dir), futureBackupsDir, n))
		if err != nil || !bytes.Equal(kept, b) {
			t.Errorf("future-dated %s not kept aside byte for byte: %v", n, err)
		}
	}
	if len(*logged) != len(future) {
		t.Errorf("%d log lines for %d future-dated backups: %q", len(*logged), len(future), *logged)
	}
	for _, l := range *logged {
		if !strings.Contains(l, "dated after today") {
			t.Errorf("log line %q", l)
		}
	}
}

// TestPruningWithAClockThatJumps: the clock jumps forward and back (and
// forward again over days already backed up); the newest backup is always
// kept, at most KeepBackups are counted, and nothing dated after today is
// ever deleted.
func TestPruningWithAClockThatJumps(t *testing.T) {
	s, dir := openTemp(t)
	if err := s.BackupError(); err != nil {
		t.Fatal(err)
	}
	RemoveBackups(dir)
	captureBackupLog(t)
	base := time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)
	var days []time.Time
	for d := 0; d < 10; d++ {
		days = append(days, base.AddDate(0, 0, d))
	}
	got := backupDays(t, s, days...)
	if len(got) != KeepBackups || got[0] != "steady-2026-03-10.db" || got[6] != "steady-2026-03-04.db" {
		t.Fatalf("after ten days: %v", got)
	}
	// Forward a month: that backup is the newest, one old one goes.
	got = backupDays(t, s, base.AddDate(0, 1, 0))
	if len(got) != KeepBackups || got[0] != "steady-2026-04-01.db" || slices.Contains(got, "steady-2026-03-04.db") {
		t.Fatalf("after a jump forward: %v", got)
	}
	// Back to March 11th: April 1st is in the future now and kept aside.
	got = backupDays(t, s, base.AddDate(0, 0, 10))
	if got[0] != "steady-2026-03-11.db" || slices.Contains(got, "steady-2026-04-01.db") || len(got) != KeepBackups {
		t.Fatalf("after a jump back: %v", got)
	}
	if _, err := os.Stat(filepath.Join(BackupDir(dir), futureBackupsDir, "steady-2026-04-01.db")); err != nil {
		t.Errorf("April 1st not kept aside: %v", err)
	}
	// Forward to April 1st again: a new backup of that day, and the one
	// kept aside stays, under its own name.
	got = backupDays(t, s, base.AddDate(0, 1, 0))
	if got[0] != "steady-2026-04-01.db" {
		t.Fatalf("back on April 1st: %v", got)
	}
	if _, err := os.Stat(filepath.Join(BackupDir(dir), futureBackupsDir, "steady-2026-04-01.db")); err != nil {
		t.Errorf("the April 1st kept aside is gone: %v", err)
	}
	// And back once more: the new April 1st joins the old one aside.
	backupDays(t, s, base.AddDate(0, 0, 11))
	if _, err := os.Stat(filepath.Join(BackupDir(dir), futureBackupsDir, "steady-2026-04-01-2.db")); err != nil {
		t.Errorf("the second April 1st overwrote the first: %v", err)
	}
	// RemoveBackups takes the kept-aside ones too.
	if err := RemoveBackups(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(BackupDir(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("backups folder left: %v", err)
	}
}

// TestBackupsAtTheSameTime runs BackupIfDue from several goroutines while
// Open's own background backup runs: each must succeed and leave one whole
// backup for the day and no temporary file (a second backup once deleted
// the first one's temporary file, taking it for a crash's leftover).
func TestBackupsAtTheSameTime(t *testing.T) {
	s, dir := openTemp(t)
	for i := range 200 {
		if err := s.Add(&Entry{At: time.Now(), Mood: 3, Note: fmt.Sprint("note ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	day := time.Date(2026, 3, 1, 8, 0, 0, 0, time.Local)
	for round := range 5 {
		now := day.AddDate(0, 0, round)
		errs := make(chan error, 4)
		for range cap(errs) {
			go func() { errs <- s.BackupIfDue(now) }()
		}
		for range cap(errs) {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		p := filepath.Join(BackupDir(dir), "steady-"+now.Format("2006-01-02")+".db")
		if err := checkBackup(p); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if n := len(backupEntries(t, p)); n != 200 {
			t.Fatalf("round %d: the backup holds %d check-ins, want 200", round, n)
		}
		temps, _ := filepath.Glob(filepath.Join(BackupDir(dir), backupTemp+"*"))
		if len(temps) != 0 {
			t.Fatalf("round %d: temporary files left: %v", round, temps)
		}
	}
	if err := s.BackupError(); err != nil {
		t.Fatal(err)
	}
}
