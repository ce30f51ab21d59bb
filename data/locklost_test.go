package data

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestLockLost deletes or replaces the lock file under an open journal,
// plain and encrypted: the next write fails with ErrLockLost and changes
// nothing, and OnSaveFailed hears of it once.
func TestLockLost(t *testing.T) {
	tests := []struct {
		name      string
		encrypted bool
		replace   bool
	}{
		{"plain, deleted", false, false},
		{"plain, replaced", false, true},
		{"encrypted, deleted", true, false},
		{"encrypted, replaced", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s *Store
			var dir string
			if tt.encrypted {
				s, dir = encryptedJournal(t, "lock")
			} else {
				s, dir = openTemp(t)
				addNotes(t, s, 50, "lock")
			}
			lost := make(chan error, 4)
			s.OnSaveFailed(func(err error) { lost <- err })
			lockPath := filepath.Join(dir, LockName)
			if lockFileGuarded {
				lockStaysHeld(t, s, dir, tt.replace, 50)
				return
			}
			if err := os.Remove(lockPath); err != nil {
				t.Fatal(err)
			}
			if tt.replace {
				if err := os.WriteFile(lockPath, nil, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			for _, write := range []func() error{
				func() error { return s.Add(&Entry{At: time.Now(), Mood: 1, Note: "after the loss"}) },
				func() error { return s.SetSetting(SettingTheme, "light") },
				s.DeleteAll,
			} {
				if err := write(); !errors.Is(err, ErrLockLost) {
					t.Errorf("write after the lock was lost = %v, want ErrLockLost", err)
				}
			}
			if err := <-lost; !errors.Is(err, ErrLockLost) {
				t.Errorf("OnSaveFailed got %v", err)
			}
			if len(lost) != 0 {
				t.Errorf("OnSaveFailed called %d more times", len(lost))
			}
			if n, _ := s.Count(); n != 50 {
				t.Errorf("%d check-ins, want the 50 from before", n)
			}
		})
	}
}

// TestLockLostTwoProcesses: the lock file is deleted under this process's
// journal and a second Steady (a child process) opens the journal and adds
// a check-in; this process must then stop writing, so that the child's
// check-in survives.
func TestLockLostTwoProcesses(t *testing.T) {
	for _, pass := range []string{"", testPass} {
		name := "plain"
		if pass != "" {
			name = "encrypted"
		}
		t.Run(name, func(t *testing.T) {
			var s *Store
			var dir string
			if pass != "" {
				s, dir = encryptedJournal(t, "two")
			} else {
				s, dir = openTemp(t)
				addNotes(t, s, 50, "two")
			}
			if lockFileGuarded {
				lockStaysHeld(t, s, dir, true, 50)
				if _, err := Open(dir); !errors.Is(err, ErrLocked) {
					t.Errorf("a second Open while the lock is held = %v, want ErrLocked", err)
				}
				return
			}
			if err := os.Remove(filepath.Join(dir, LockName)); err != nil {
				t.Fatal(err)
			}
			child := startProc(t, childSpec{dir: dir, op: "hold", pass: pass})
			child.waitFor(t, "held")
			if err := s.Add(&Entry{At: time.Now(), Mood: 1}); !errors.Is(err, ErrLockLost) {
				t.Errorf("first Steady's Add = %v, want ErrLockLost", err)
			}
			child.finish(t)
			s.Close()
			open := func() (*Store, error) { return Open(dir) }
			if pass != "" {
				open = func() (*Store, error) { return OpenEncrypted(dir, pass) }
			}
			s2, err := open()
			if err != nil {
				t.Fatal(err)
			}
			defer s2.Close()
			if n, _ := s2.Count(); n != 51 {
				t.Errorf("%d check-ins, want 50 and the second Steady's", n)
			}
		})
	}
}

// TestLooseFolderIsTightened: a data folder others could read becomes
// owner-only at open, and the Store says it was loose.
func TestLooseFolderIsTightened(t *testing.T) {
	if !unixModes {
		t.Skip("no Unix permission bits here")
	}
	dir := filepath.Join(t.TempDir(), "given-with-data-dir")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755) // whatever the umask
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if mode, loose := s.LooseFolder(); !loose || mode != 0o755 {
		t.Errorf("LooseFolder() = %v, %v; want 0755, true", mode, loose)
	}
	st, _ := os.Stat(dir)
	if st.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v after open, want 0700", st.Mode().Perm())
	}
	s.Close()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, loose := s.LooseFolder(); loose {
		t.Error("an owner-only folder reported loose")
	}
}

// lockFileGuarded is true where the system itself keeps the held lock file
// from being deleted or replaced (Windows: Steady opens it without
// FILE_SHARE_DELETE), so the lock cannot be lost that way.
const lockFileGuarded = runtime.GOOS == "windows"

// lockStaysHeld checks the Windows guarantee on the open journal s in dir
// (with n check-ins): deleting the held lock file fails, and so does renaming
// another file over it when replace is set; the journal stays writable,
// OnSaveFailed is not called.
func lockStaysHeld(t *testing.T, s *Store, dir string, replace bool, n int) {
	t.Helper()
	t.Cleanup(func() { s.Close() }) // before t.TempDir's: Windows cannot remove a held file
	failed := make(chan error, 4)
	s.OnSaveFailed(func(err error) { failed <- err })
	lockPath := filepath.Join(dir, LockName)
	if err := os.Remove(lockPath); err == nil {
		t.Fatal("deleting the held lock file succeeded")
	}
	if replace {
		other := filepath.Join(dir, "other.lock")
		if err := os.WriteFile(other, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(other, lockPath); err == nil {
			t.Fatal("renaming a file over the held lock file succeeded")
		}
		os.Remove(other)
	}
	if _, err := os.Stat(lockPath); err != nil {
		t.Fatalf("the lock file is gone: %v", err)
	}
	if err := s.Add(&Entry{At: time.Now(), Mood: 1, Note: "after the attempt"}); err != nil {
		t.Fatalf("Add after the attempt = %v", err)
	}
	if err := s.SetSetting(SettingTheme, "light"); err != nil {
		t.Fatalf("SetSetting after the attempt = %v", err)
	}
	if c, _ := s.Count(); c != n+1 {
		t.Errorf("%d check-ins, want %d", c, n+1)
	}
	if len(failed) != 0 {
		t.Errorf("OnSaveFailed called: %v", <-failed)
	}
}
