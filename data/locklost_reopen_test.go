package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestLockLostThenReopen is the promise the UI makes when the lock is lost
// ("everything Steady said was saved is safe; close Steady and open it
// again"): after the loss, the refused change is not made, closing writes
// nothing (an encrypted journal's vault keeps its bytes), and opening again
// takes the lock anew and finds every acknowledged change.
func TestLockLostThenReopen(t *testing.T) {
	if lockFileGuarded {
		t.Skip("the held lock file cannot be deleted here")
	}
	for _, encrypted := range []bool{false, true} {
		name := "plain"
		if encrypted {
			name = "encrypted"
		}
		t.Run(name, func(t *testing.T) {
			var s *Store
			var dir string
			if encrypted {
				s, dir = encryptedJournal(t, "acknowledged") // 50 check-ins
			} else {
				s, dir = openTemp(t)
				addNotes(t, s, 50, "acknowledged")
			}
			addNotes(t, s, 5, "acknowledged too") // each returned: saved
			vault := filepath.Join(dir, VaultName)
			before, _ := os.ReadFile(vault)
			if err := os.Remove(filepath.Join(dir, LockName)); err != nil {
				t.Fatal(err)
			}
			if err := s.Add(&Entry{At: time.Now(), Mood: 1, Note: "refused"}); !errors.Is(err, ErrLockLost) {
				t.Fatalf("Add after the loss = %v, want ErrLockLost", err)
			}
			s.Close() //nolint:errcheck // it may report the loss again
			if encrypted {
				if after, _ := os.ReadFile(vault); !bytes.Equal(after, before) {
					t.Error("the vault was written after the lock was lost")
				}
			}
			open := func() (*Store, error) { return Open(dir) }
			if encrypted {
				open = func() (*Store, error) { return OpenEncrypted(dir, testPass) }
			}
			again, err := open()
			if err != nil {
				t.Fatalf("opening again: %v", err)
			}
			defer again.Close()
			if n, _ := again.Count(); n != 55 {
				t.Errorf("%d check-ins after opening again, want the 55 acknowledged", n)
			}
			if _, err := os.Stat(filepath.Join(dir, LockName)); err != nil {
				t.Errorf("no lock file after opening again: %v", err)
			}
			if err := again.Add(&Entry{At: time.Now(), Mood: 3}); err != nil {
				t.Errorf("Add after opening again: %v", err)
			}
		})
	}
}
