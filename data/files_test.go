package data

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// grepDir returns every file under dir (sub-folders included) whose bytes
// contain marker.
func grepDir(t *testing.T, dir, marker string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(marker)) {
			rel, _ := filepath.Rel(dir, p)
			found = append(found, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// addNotes adds n check-ins with note.
func addNotes(t *testing.T, s *Store, n int, note string) {
	t.Helper()
	for i := 0; i < n; i++ {
		e := Entry{At: time.Now().Add(-time.Duration(i) * time.Minute), Mood: 3, Craving: 2, Note: note}
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
}

// leaveCopies makes, beside the plain journal in dir, what issue 13 found
// left behind: a backup, a journal kept aside after a restore and one set
// aside as damaged, all holding marker.
func leaveCopies(t *testing.T, dir, marker string) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addNotes(t, s, 5, marker)
	if err := s.BackupError(); err != nil { // wait for the backup Open started
		t.Fatal(err)
	}
	if err := s.BackupIfDue(time.Now().AddDate(0, 0, 1)); err != nil { // one with the notes
		t.Fatal(err)
	}
	s.Close()
	list, err := Backups(dir) // the one Open made in the background
	if err != nil || len(list) == 0 {
		t.Fatalf("no backup: %v", err)
	}
	if _, err := RestoreBackup(dir, list[0].Name); err != nil { // keeps steady-before-restore-*
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(dir, "steady-damaged-20261101-120000.db")
	if err := os.WriteFile(damaged, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(damaged+"-wal", []byte("wal of "+marker), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := grepDir(t, dir, marker); len(got) < 4 {
		t.Fatalf("the set-up left only %v", got)
	}
}

// TestNothingReadableLeftBehind: restore → set a passphrase → delete all,
// grepping the whole data folder for a note after each step.
func TestNothingReadableLeftBehind(t *testing.T) {
	const marker = "MARKER-7f3e-nothing-left"
	dir := filepath.Join(t.TempDir(), "steady")
	leaveCopies(t, dir, marker)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassphrase(testPass); err != nil {
		t.Fatal(err)
	}
	if got := grepDir(t, dir, marker); len(got) > 0 {
		t.Errorf("after SetPassphrase, readable copies: %v", got)
	}
	// The aside copies were sealed, not lost: they open with the passphrase.
	sealed, _ := filepath.Glob(filepath.Join(dir, "steady-*.vault"))
	if len(sealed) < 2 {
		t.Errorf("aside copies sealed: %v", sealed)
	}
	for _, p := range sealed {
		image, err := openSealed(p, s.db.vaultState().key)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
		} else if !bytes.Contains(image, []byte(marker)) {
			t.Errorf("%s lost what it held", filepath.Base(p))
		}
	}
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if got := grepDir(t, dir, marker); len(got) > 0 {
		t.Errorf("after DeleteAll, readable copies: %v", got)
	}
	files, _ := steadyFiles(dir)
	for _, f := range files {
		if f.kind != fileVault && f.kind != fileLock {
			t.Errorf("left after DeleteAll: %s", f.path)
		}
	}
	s.Close()
	s, err = OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(); n != 0 {
		t.Errorf("%d check-ins after DeleteAll", n)
	}
}

// TestPlainDeleteAllOverwritesTheLog: a plain journal's DeleteAll leaves the
// note nowhere in the folder, its write-ahead log included.
func TestPlainDeleteAllOverwritesTheLog(t *testing.T) {
	const marker = "MARKER-wal-0c1d"
	dir := filepath.Join(t.TempDir(), "steady")
	leaveCopies(t, dir, marker)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addNotes(t, s, 20, marker) // in the log now
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if got := grepDir(t, dir, marker); len(got) > 0 {
		t.Errorf("after DeleteAll, readable copies: %v", got)
	}
	if err := s.Add(&Entry{At: time.Now(), Mood: 3}); err != nil {
		t.Fatalf("the journal after DeleteAll: %v", err)
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		rel  string
		want fileKind
	}{
		{"steady.db", fileJournal},
		{"steady.db-wal", fileCompanion},
		{"steady.db-shm", fileCompanion},
		{"steady.db-journal", fileCompanion},
		{"steady.vault", fileVault},
		{"steady.lock", fileLock},
		{".steady.rekey", fileRekey},
		{"backups/future-dated/steady-2027-01-01-2.db", fileBackup},
		{".steady.vault.123456.tmp", fileSaveTemp},
		{".steady.db.99.tmp", fileSaveTemp},
		{".steady.db.restore.tmp", fileSaveTemp},
		{"steady-damaged-20261101-120000.db", fileAside},
		{"steady-damaged-20261101-120000-2.db-wal", fileAside},
		{"steady-before-restore-20261101-120000.db", fileAside},
		{"steady-before-restore-20261101-120000.db.vault", fileAside},
		{"steady-before-restore-20261101-120000.vault", fileAside},
		{"backups/steady-2026-11-01.db", fileBackup},
		{"backups/.steady-backup-abc.tmp", fileBackupTemp},
		{"backups/.steady-2026-11-01.db.123.tmp", fileBackupTemp},
		{".steady-damaged-20261101-120000.db.42.tmp", fileSaveTemp},
		{"backups/notes.txt", fileOther},
		{"notes.txt", fileOther},
		{"steady-damaged-x.db", fileOther},
		{"other/steady.db", fileOther},
		{"export.csv", fileOther},
	}
	for _, tt := range tests {
		if got := classify(tt.rel); got != tt.want {
			t.Errorf("classify(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}
