package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// damageVault flips one byte in the first chunk of the vault at path (the
// header stays readable: only the passphrase shows the damage) and returns
// the damaged bytes.
func damageVault(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, _, body := headerOf(t, b)
	b[body+3] ^= 0x10
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return b
}

// sameBytes fails the test unless the file at path holds want.
func sameBytes(t *testing.T, what, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: %s changed (%d bytes, was %d)", what, path, len(got), len(want))
	}
}

// TestSetVaultAside: a damaged encrypted journal is renamed aside, byte for
// byte as it was, never while it is open; a new plain journal then starts,
// and locking that one with a passphrase (even the same one) or removing it
// again leaves the damaged file exactly as it was.
func TestSetVaultAside(t *testing.T) {
	dir, path, _ := closedVault(t)
	bad := damageVault(t, path)
	if _, err := OpenEncrypted(dir, testPass); !errors.Is(err, ErrVaultDamaged) {
		t.Fatalf("OpenEncrypted of a damaged vault = %v, want ErrVaultDamaged", err)
	}
	sameBytes(t, "a refused open", path, bad)

	// Not while the folder is locked by a Steady that has it open.
	held, err := lockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := SetVaultAside(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("SetVaultAside while locked = %v, want ErrLocked", err)
	}
	held.release()
	sameBytes(t, "a refused SetVaultAside", path, bad)

	kept, err := SetVaultAside(dir)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(kept) != dir || !strings.HasPrefix(filepath.Base(kept), damagedPrefix) ||
		!strings.HasSuffix(kept, ".vault") || classify(filepath.Base(kept)) != fileAside {
		t.Errorf("kept at %s, want %s…vault beside the journal, classified as kept aside", kept, damagedPrefix)
	}
	sameBytes(t, "the kept file", kept, bad)
	if IsEncrypted(dir) {
		t.Error("steady.vault is still there")
	}
	if _, err := SetVaultAside(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("SetVaultAside with no vault = %v, want ErrNotExist", err)
	}

	s, err := Open(dir)
	if err != nil {
		t.Fatalf("a new journal after the damaged one was kept aside: %v", err)
	}
	if n, err := s.Count(); err != nil || n != 0 {
		t.Errorf("new journal: %d entries, %v; want an empty one", n, err)
	}
	addNotes(t, s, 2, "after")
	if err := s.SetPassphrase(testPass); err != nil {
		t.Fatalf("SetPassphrase beside a damaged vault kept aside: %v", err)
	}
	sameBytes(t, "after SetPassphrase", kept, bad)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatalf("OpenEncrypted beside a damaged vault kept aside: %v", err)
	}
	if err := s.RemovePassphrase(); err != nil {
		t.Fatalf("RemovePassphrase beside a damaged vault kept aside: %v", err)
	}
	if n, _ := s.Count(); n != 2 {
		t.Errorf("%d entries, want 2", n)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	sameBytes(t, "after RemovePassphrase", kept, bad)
}

// TestRenameVaultAsideNumbers: a name already taken gets -2, -3…; nothing
// is written over.
func TestRenameVaultAsideNumbers(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC)
	taken := filepath.Join(dir, damagedPrefix+now.Format(asideStamp)+".vault")
	if err := os.WriteFile(taken, []byte("first"), 0o600); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"-2.vault", "-3.vault"} {
		content := []byte{'v', byte('0' + i)}
		if err := os.WriteFile(vaultPath(dir), content, 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := renameVaultAside(dir, damagedPrefix, now)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(got, want) {
			t.Errorf("kept at %s, want …%s", got, want)
		}
		sameBytes(t, "renamed", got, content)
	}
	sameBytes(t, "the name taken first", taken, []byte("first"))
}

// TestRestoreNewestVaultBackup: the newest encrypted backup that opens
// replaces a damaged vault; a damaged newer backup is passed over and left
// as it was; a wrong passphrase or no backup moves nothing.
func TestRestoreNewestVaultBackup(t *testing.T) {
	s, dir := encryptedJournal(t, "before")
	if err := RemoveBackups(dir); err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Now().AddDate(0, 0, d) }
	names := backupDays(t, s, day(-3), day(-2), day(-1)) // 51, 52, 53 entries
	if len(names) != 3 {
		t.Fatalf("backups %v, want 3", names)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	bdir := BackupDir(dir)
	newest := filepath.Join(bdir, "steady-"+day(-1).Format(dateLayout)+".db")
	badBackup := damageVault(t, newest)
	badVault := damageVault(t, vaultPath(dir))

	listed, err := VaultBackups(dir)
	if err != nil || len(listed) != 3 || listed[0].Name != filepath.Base(newest) {
		t.Fatalf("VaultBackups = %v, %v; want all 3, newest first", listed, err)
	}
	for _, wrong := range []string{"", "not the passphrase"} {
		if _, _, err := RestoreNewestVaultBackup(dir, wrong); !errors.Is(err, ErrWrongPassphrase) {
			t.Errorf("restore with %q = %v, want ErrWrongPassphrase", wrong, err)
		}
		sameBytes(t, "a refused restore", vaultPath(dir), badVault)
	}
	got, kept, err := RestoreNewestVaultBackup(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	if want := "steady-" + day(-2).Format(dateLayout) + ".db"; got.Name != want {
		t.Errorf("restored %s, want %s (the newest that opens)", got.Name, want)
	}
	sameBytes(t, "the damaged journal kept", kept, badVault)
	sameBytes(t, "the damaged backup passed over", newest, badBackup)
	s, err = OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(); n != 52 {
		t.Errorf("%d entries after the restore, want the backup's 52", n)
	}
	// The kept file is sealed with the same key as the restored journal:
	// removing the passphrase must neither fail on it nor change it.
	if err := s.RemovePassphrase(); err != nil {
		t.Errorf("RemovePassphrase beside the damaged journal kept: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	sameBytes(t, "the damaged journal kept, after an open", kept, badVault)

	empty := t.TempDir()
	if _, _, err := RestoreNewestVaultBackup(empty, testPass); !errors.Is(err, ErrNoBackup) {
		t.Errorf("restore with no backups = %v, want ErrNoBackup", err)
	}
}
