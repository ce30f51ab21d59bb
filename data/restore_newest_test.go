package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestRestoreNewestBackup: a damaged journal is replaced by the newest
// plain backup that is sound; a damaged newer backup and an encrypted one
// are passed over and left as they were; the damaged journal is kept,
// renamed, byte for byte.
func TestRestoreNewestBackup(t *testing.T) {
	s, dir := openTemp(t)
	if err := RemoveBackups(dir); err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Now().AddDate(0, 0, d) }
	names := backupDays(t, s, day(-3), day(-2), day(-1)) // 1, 2, 3 check-ins
	if len(names) != 3 {
		t.Fatalf("backups %v", names)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	bdir := BackupDir(dir)
	newest := filepath.Join(bdir, "steady-"+day(-1).Format(dateLayout)+".db")
	b, _ := os.ReadFile(newest)
	for i := len(b) / 2; i < len(b); i++ {
		b[i] = 0x5a // pages past the middle overwritten
	}
	if err := os.WriteFile(newest, b, 0o600); err != nil {
		t.Fatal(err)
	}
	// An encrypted backup from the day before the others: never a plain one.
	sealed := filepath.Join(bdir, "steady-"+day(-4).Format(dateLayout)+".db")
	if err := os.WriteFile(sealed, []byte(vaultMagic+"\x02 not really"), 0o600); err != nil {
		t.Fatal(err)
	}
	journal := filepath.Join(dir, FileName)
	bad := []byte("not a journal at all, a damaged file")
	if err := os.WriteFile(journal, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	if plain, _ := PlainBackups(dir); len(plain) != 3 {
		t.Errorf("PlainBackups = %v, want the 3 plain ones", plain)
	}

	got, kept, err := RestoreNewestBackup(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := "steady-" + day(-2).Format(dateLayout) + ".db"; got.Name != want {
		t.Errorf("restored %s, want %s", got.Name, want)
	}
	sameBytes(t, "the damaged journal kept", kept, bad)
	sameBytes(t, "the damaged backup passed over", newest, b)
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(); n != 2 {
		t.Errorf("%d check-ins, want the backup's 2", n)
	}

	empty := t.TempDir()
	if _, _, err := RestoreNewestBackup(empty); !errors.Is(err, ErrNoBackup) {
		t.Errorf("with no backup: %v, want ErrNoBackup", err)
	}
}
