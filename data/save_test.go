package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestConcurrentTransitions reads Encrypted and the journal, and writes to
// it, from other goroutines while the passphrase is set, changed and
// removed. Run with -race: the swap of the store's handles is guarded. No
// acknowledged write may be lost across the transitions.
func TestConcurrentTransitions(t *testing.T) {
	s, dir := openTemp(t)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	acked := 0
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				_ = s.Encrypted()
				_ = s.Path()
				if _, err := s.Count(); err != nil {
					t.Errorf("Count during a transition: %v", err)
					return
				}
				e := Entry{At: time.Now(), Mood: 3, Note: "during"}
				if err := s.Add(&e); err != nil {
					t.Errorf("Add during a transition: %v", err)
					return
				}
				mu.Lock()
				acked++
				mu.Unlock()
			}
		}()
	}
	steps := []func() error{
		func() error { return s.SetPassphrase(testPass) },
		func() error { return s.SetPassphrase("another passphrase") },
		s.RemovePassphrase,
		func() error { return s.SetPassphrase(testPass) },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	close(stop)
	wg.Wait()
	if !s.Encrypted() {
		t.Fatal("not encrypted after the last SetPassphrase")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	n, _ := s2.Count()
	if n != acked {
		t.Errorf("%d check-ins in the journal, %d acknowledged", n, acked)
	}
}

// TestSaveFailureIsReported makes the encrypted journal's saves fail (through
// the saver's test seam, as a full disk would) and checks that the write
// methods and OnSaveFailed report it, and that the change is saved by the
// next save that succeeds.
func TestSaveFailureIsReported(t *testing.T) {
	s, dir := encryptedJournal(t, "save-failure")
	failed := make(chan error, 10)
	s.OnSaveFailed(func(err error) { failed <- err })
	v := s.db.vaultState()
	v.mu.Lock()
	v.write = func() error { return ErrDiskFull }
	v.mu.Unlock()

	tests := []struct {
		name  string
		write func() error
	}{
		{"Add", func() error { return s.Add(&Entry{At: time.Now(), Mood: 4, Note: "kept in memory"}) }},
		{"SetSetting", func() error { return s.SetSetting(SettingTheme, "dark") }},
		{"AddPlanItem", func() error { return s.AddPlanItem(&PlanItem{Kind: PlanReason, Text: "my kids"}) }},
	}
	for _, tt := range tests {
		err := tt.write()
		if !errors.Is(err, ErrNotSaved) || !errors.Is(err, ErrDiskFull) {
			t.Errorf("%s with a failing save = %v, want ErrNotSaved and ErrDiskFull", tt.name, err)
		}
		select {
		case err := <-failed:
			if !errors.Is(err, ErrNotSaved) || !errors.Is(err, ErrDiskFull) {
				t.Errorf("%s: OnSaveFailed got %v", tt.name, err)
			}
		default:
			t.Errorf("%s: OnSaveFailed was not called", tt.name)
		}
	}
	v.mu.Lock()
	v.write = nil
	v.mu.Unlock()
	if err := s.waitSaved(); err != nil {
		t.Fatalf("waitSaved once saves work again: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(); n != 51 {
		t.Errorf("%d check-ins after the retried save, want 51", n)
	}
	if v, _, _ := s.Setting(SettingTheme); v != "dark" {
		t.Errorf("theme %q after the retried save", v)
	}
}

// TestWritesAreDurableOnReturn checks that an encrypted journal's write is on
// disk when the method returns: the vault changes before Add returns, without
// waiting for it otherwise.
func TestWritesAreDurableOnReturn(t *testing.T) {
	s, dir := encryptedJournal(t, "durable")
	before, err := os.ReadFile(filepath.Join(dir, VaultName))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(&Entry{At: time.Now(), Mood: 5}); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(filepath.Join(dir, VaultName))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(before, after) {
		t.Error("the vault did not change before Add returned")
	}
	s.Close()
}
