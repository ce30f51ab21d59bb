package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// journalWithoutBackups writes a closed journal of n check-ins and removes
// the backup Open made of it today, so that the next open's backup is due.
func journalWithoutBackups(t *testing.T, n int) (dir, path string) {
	t.Helper()
	dir, path = closedJournal(t, n)
	if err := os.RemoveAll(BackupDir(dir)); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// damageMidFile puts a page of noise in the middle of the journal file at
// path: damage that only the check of every page finds (Open accepts the
// file), as in TestBackgroundCheckReportsDamage. It returns the damaged
// bytes.
func damageMidFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	patchFile(t, path, int64(len(b)/4096/2*4096), noise(9, 4096))
	bad, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bad
}

// TestOpenDeferredBacksUpOnStart: OpenDeferred makes no backup until
// StartBackground, which makes today's once, however often it is called.
func TestOpenDeferredBacksUpOnStart(t *testing.T) {
	dir, _ := journalWithoutBackups(t, 5)
	s, err := OpenDeferred(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.BackupError(); err != nil {
		t.Fatalf("BackupError before StartBackground = %v, want nil (none started)", err)
	}
	if got := backupNames(t, dir); len(got) != 0 {
		t.Fatalf("backups before StartBackground: %v, want none", got)
	}
	today := "steady-" + time.Now().Format(dateLayout) + ".db"
	for i := range 3 {
		s.StartBackground()
		if err := s.BackupError(); err != nil {
			t.Fatalf("start %d: BackupError = %v", i, err)
		}
		if err := s.Checked(); err != nil {
			t.Fatalf("start %d: Checked = %v", i, err)
		}
		if got := backupNames(t, dir); !slices.Equal(got, []string{today}) {
			t.Fatalf("start %d: backups %v, want %v", i, got, []string{today})
		}
	}
	if err := checkBackup(filepath.Join(BackupDir(dir), today)); err != nil {
		t.Errorf("today's backup: %v", err)
	}
	if err := s.Add(&Entry{At: time.Now(), Mood: 3}); err != nil {
		t.Errorf("Add after the check passed: %v", err)
	}
}

// TestOpenDeferredKeepsTheCheck: a journal OpenDeferred accepts but whose
// pages are damaged is never written to, whether the check is started by
// StartBackground or by the first write; Checked, waiting before the check
// has started, reports the damage once it has run; and no backup is made of
// it (it would push a sound one out).
func TestOpenDeferredKeepsTheCheck(t *testing.T) {
	tests := []struct {
		name  string
		start func(s *Store)
	}{
		{"StartBackground", func(s *Store) { s.StartBackground() }},
		{"the first write", func(s *Store) { s.SetSetting(SettingQuitDate, "2026-09-01") }}, //nolint:errcheck // judged below
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, path := journalWithoutBackups(t, 300)
			bad := damageMidFile(t, path)
			s, err := OpenDeferred(dir)
			if err != nil {
				t.Fatalf("OpenDeferred = %v; this damage is for the background check", err)
			}
			defer s.Close()
			reported := make(chan error, 1)
			s.OnSaveFailed(func(err error) {
				select {
				case reported <- err:
				default:
				}
			})
			checked := make(chan error, 1)
			go func() { checked <- s.Checked() }() // waits for the check to start and end
			tt.start(s)
			if err := <-checked; !errors.Is(err, ErrDamaged) {
				t.Fatalf("Checked = %v, want ErrDamaged", err)
			}
			if err := <-reported; !errors.Is(err, ErrDamaged) {
				t.Errorf("OnSaveFailed heard %v, want ErrDamaged", err)
			}
			for i := range 2 {
				if err := s.SetSetting(SettingQuitDate, "2026-09-01"); !errors.Is(err, ErrDamaged) {
					t.Errorf("write %d = %v, want ErrDamaged", i, err)
				}
			}
			s.StartBackground()
			if err := s.BackupError(); !errors.Is(err, ErrDamaged) {
				t.Errorf("BackupError = %v, want the check's ErrDamaged", err)
			}
			if got := backupNames(t, dir); len(got) != 0 {
				t.Errorf("the damaged journal was backed up: %v", got)
			}
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, bad) {
				t.Error("the damaged journal was written to")
			}
		})
	}
}

// TestCloseStopsBackgroundWork: Close returns whether the check and the
// backup have not started, were just started, or have ended, and gives the
// folder up (it opens again); a Store closed before StartBackground never
// starts them, and Checked does not wait for a check that will not run.
func TestCloseStopsBackgroundWork(t *testing.T) {
	tests := []struct {
		name  string
		open  func(dir string) (*Store, error)
		start bool // call StartBackground before Close
		wait  bool // wait for the check and the backup before Close
	}{
		{"deferred, never started", OpenDeferred, false, false},
		{"deferred, started", OpenDeferred, true, false},
		{"Open, running", Open, false, false},
		{"Open, ended", Open, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, _ := journalWithoutBackups(t, 300)
			s, err := tt.open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if tt.start {
				s.StartBackground()
			}
			if tt.wait {
				if err := s.Checked(); err != nil {
					t.Fatal(err)
				}
				if err := s.BackupError(); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			if err := s.Checked(); err != nil {
				t.Errorf("Checked after Close = %v, want nil", err)
			}
			if err := s.BackupError(); err != nil {
				t.Errorf("BackupError after Close = %v, want nil", err)
			}
			s.StartBackground() // after Close: does nothing
			if tt.name == "deferred, never started" {
				if got := backupNames(t, dir); len(got) != 0 {
					t.Errorf("backups of a Store closed before StartBackground: %v", got)
				}
			}
			// A backup stopped half-way leaves no file under today's name
			// that is not whole: every listed backup passes its check.
			list, err := Backups(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range list {
				if err := checkBackup(filepath.Join(BackupDir(dir), b.Name)); err != nil {
					t.Errorf("%s: %v", b.Name, err)
				}
			}
			again, err := Open(dir)
			if err != nil {
				t.Fatalf("open again after Close: %v", err)
			}
			if err := again.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
