package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPassphraseChangeRevokesBackups: after a change, every backup refuses
// the old passphrase and opens with the new one.
func TestPassphraseChangeRevokesBackups(t *testing.T) {
	s, dir := encryptedJournal(t, "backup-revoke")
	for d := 1; d <= 3; d++ {
		if err := s.BackupIfDue(time.Now().AddDate(0, 0, d)); err != nil {
			t.Fatal(err)
		}
	}
	const newPass = "a brand new passphrase"
	if err := s.SetPassphrase(newPass); err != nil {
		t.Fatal(err)
	}
	list, err := Backups(dir)
	if err != nil || len(list) < 3 {
		t.Fatalf("backups %v, %v", list, err)
	}
	for _, b := range list {
		other := filepath.Join(t.TempDir(), "copy")
		os.MkdirAll(other, 0o700)
		copyFile(filepath.Join(other, VaultName), filepath.Join(BackupDir(dir), b.Name))
		if err := VerifyPassphrase(other, testPass); !errors.Is(err, ErrPassphrase) {
			t.Errorf("%s with the old passphrase: %v, want ErrPassphrase", b.Name, err)
		}
		c, err := OpenEncrypted(other, newPass)
		if err != nil {
			t.Errorf("%s with the new passphrase: %v", b.Name, err)
			continue
		}
		// The backup Open made holds the journal before the 50 check-ins.
		if n, _ := c.Count(); n != 50 && b.Name != "steady-"+time.Now().Format(dateLayout)+".db" {
			t.Errorf("%s holds %d check-ins", b.Name, n)
		}
		c.Close()
	}
	s.Close()
}

// TestRemovePassphraseUnsealsBackups: backups become plain journals again,
// which RestoreBackup accepts.
func TestRemovePassphraseUnsealsBackups(t *testing.T) {
	s, dir := encryptedJournal(t, "unseal")
	day := time.Now().AddDate(0, 0, 1)
	if err := s.BackupIfDue(day); err != nil {
		t.Fatal(err)
	}
	if err := s.RemovePassphrase(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if IsEncrypted(dir) {
		t.Fatal("still encrypted")
	}
	if _, err := RestoreBackup(dir, "steady-"+day.Format(dateLayout)+".db"); err != nil {
		t.Fatalf("restore the unsealed backup: %v", err)
	}
}

// TestForeignBackupsAtOpen: a backup sealed under another passphrase (left
// by restoring an older encrypted backup, say) stays at the next open, unless
// an interrupted passphrase change retired exactly that key.
func TestForeignBackupsAtOpen(t *testing.T) {
	other, otherDir := encryptedJournal(t, "other")
	if err := other.SetPassphrase("someone else's passphrase"); err != nil {
		t.Fatal(err)
	}
	otherSalt := other.db.vaultState().key.kdf.Salt
	other.Close()
	for _, retired := range []bool{false, true} {
		s, dir := encryptedJournal(t, "mine")
		s.Close()
		name := filepath.Join(BackupDir(dir), "steady-2026-01-01.db")
		os.MkdirAll(BackupDir(dir), 0o700)
		if err := copyFile(name, filepath.Join(otherDir, VaultName)); err != nil {
			t.Fatal(err)
		}
		if retired {
			if err := writeRekey(dir, otherSalt); err != nil {
				t.Fatal(err)
			}
		}
		s, err := OpenEncrypted(dir, testPass)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		_, statErr := os.Stat(name)
		if kept := statErr == nil; kept == retired {
			t.Errorf("retired=%v: foreign backup kept=%v", retired, kept)
		}
		if _, err := os.Stat(filepath.Join(dir, rekeyName)); err == nil {
			t.Errorf("retired=%v: the marker is still there", retired)
		}
	}
}
