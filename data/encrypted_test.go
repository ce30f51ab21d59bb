package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

const testPass = "correct horse battery"

// encryptedJournal makes a journal with a marker note and encrypts it.
func encryptedJournal(t *testing.T, marker string) (*Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "steady")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.SetSetting(SettingLanguage, "es")
	s.SetQuitDate(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	for i := 0; i < 50; i++ {
		e := Entry{At: time.Now().Add(-time.Duration(i) * time.Hour), Mood: 2, Craving: 7,
			Triggers: []string{"trigger.paraphernalia"}, Note: marker}
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	s.AddPlanItem(&PlanItem{Kind: PlanPerson, Text: marker + " person", Phone: "+44 1234 567"})
	if err := s.SetPassphrase(testPass); err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func TestEncryptedFilesHoldNoPlaintext(t *testing.T) {
	const marker = "SECRET-4b1d-note"
	s, dir := encryptedJournal(t, marker)
	e := Entry{At: time.Now(), Mood: 1, Note: marker + " after"}
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	if err := s.waitSaved(); err != nil {
		t.Fatal(err)
	}
	if !s.Encrypted() || !IsEncrypted(dir) {
		t.Fatal("not encrypted")
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the plaintext journal is still there: %v", err)
	}
	files, _ := os.ReadDir(dir)
	for _, f := range files {
		if f.IsDir() {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, f.Name()))
		for _, secret := range []string{marker, "trigger.paraphernalia", "2026-09-01", "+44 1234 567", "SQLite format"} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s holds %q", f.Name(), secret)
			}
		}
		if info, _ := f.Info(); unixModes && info.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s mode %o", f.Name(), info.Mode().Perm())
		}
	}
	prefs, err := ReadVaultPrefs(dir)
	if err != nil || prefs[SettingLanguage] != "es" {
		t.Errorf("prefs = %v, %v", prefs, err)
	}
	if _, ok := prefs[SettingQuitDate]; ok {
		t.Error("the quit date is readable without the passphrase")
	}
	s.Close()

	if _, err := Open(dir); !errors.Is(err, ErrEncrypted) {
		t.Errorf("Open = %v, want ErrEncrypted", err)
	}
	if _, err := OpenEncrypted(dir, "wrong horse battery"); !errors.Is(err, ErrPassphrase) {
		t.Errorf("wrong passphrase: %v", err)
	}
	s2, err := OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if n, _ := s2.Count(); n != 51 {
		t.Errorf("%d entries after unlock", n)
	}
	if q, ok, _ := s2.QuitDate(); !ok || q.Day() != 1 {
		t.Error("quit date lost")
	}
	page, _, _ := s2.Page(Filter{}, Cursor{}, 1)
	if page[0].Note != marker+" after" || page[0].Mood != 1 {
		t.Errorf("newest entry %+v", page[0])
	}
}

func TestTamperedVaultIsRefusedAndKept(t *testing.T) {
	s, dir := encryptedJournal(t, "note")
	s.Close()
	path := filepath.Join(dir, VaultName)
	good, _ := os.ReadFile(path)
	_, _, body := headerOf(t, good)
	tests := []struct {
		name string
		at   int
		want error
	}{
		{"magic", 2, ErrTampered},
		{"header prefs", bytes.Index(good, []byte(`"es"`)) + 1, ErrTampered},
		{"nonce", bytes.Index(good, []byte(`"nonce":"`)) + 10, ErrTampered},
		{"body start", body + 5, ErrTampered},
		{"body end", len(good) - 3, ErrTampered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := bytes.Clone(good)
			bad[tt.at] ^= 0x01
			os.WriteFile(path, bad, 0o600)
			if _, err := OpenEncrypted(dir, testPass); !errors.Is(err, tt.want) {
				t.Errorf("OpenEncrypted = %v, want %v", err, tt.want)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, bad) {
				t.Error("the damaged file was changed")
			}
		})
	}
	os.WriteFile(path, good, 0o600)
	if s, err := OpenEncrypted(dir, testPass); err != nil {
		t.Errorf("the good file no longer opens: %v", err)
	} else {
		s.Close()
	}
}

func TestChangeAndRemovePassphrase(t *testing.T) {
	s, dir := encryptedJournal(t, "note")
	if err := s.SetPassphrase("short"); !errors.Is(err, ErrInvalid) {
		t.Errorf("short passphrase: %v", err)
	}
	if err := s.SetPassphrase("a new passphrase"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := OpenEncrypted(dir, testPass); !errors.Is(err, ErrPassphrase) {
		t.Errorf("old passphrase still opens: %v", err)
	}
	s, err := OpenEncrypted(dir, "a new passphrase")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RemovePassphrase(); err != nil {
		t.Fatal(err)
	}
	e := Entry{At: time.Now(), Mood: 4, Note: "plain again"}
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if IsEncrypted(dir) {
		t.Error("the vault is still there")
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(); n != 51 {
		t.Errorf("%d entries after removing the passphrase", n)
	}
}

func TestEncryptedDeleteAll(t *testing.T) {
	const marker = "WIPE-ME-marker"
	s, dir := encryptedJournal(t, marker)
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(); n != 0 {
		t.Errorf("%d entries after delete all", n)
	}
}

// BenchmarkUnlock measures unlocking an encrypted journal of 100 000
// entries, key derivation included (target ≤ 1.5 s).
func BenchmarkUnlock(b *testing.B) {
	s, dir := encryptedBenchJournal(b)
	s.Close()
	b.ResetTimer()
	for b.Loop() {
		s, err := OpenEncrypted(dir, testPass)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkEncryptedSave measures a check-in plus the save that makes it
// durable (off the UI thread in the app; target ≤ 250 ms).
func BenchmarkEncryptedSave(b *testing.B) {
	s, _ := encryptedBenchJournal(b)
	defer s.Close()
	b.ResetTimer()
	for b.Loop() {
		e := Entry{At: time.Now(), Mood: 3, Craving: 2}
		if err := s.Add(&e); err != nil {
			b.Fatal(err)
		}
		if err := s.waitSaved(); err != nil {
			b.Fatal(err)
		}
	}
}

// encryptedBenchJournal is an encrypted journal of benchEntries check-ins.
func encryptedBenchJournal(b *testing.B) (*Store, string) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "steady")
	s, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	fillJournal(b, s, benchEntries)
	if err := s.SetPassphrase(testPass); err != nil {
		b.Fatal(err)
	}
	return s, dir
}
