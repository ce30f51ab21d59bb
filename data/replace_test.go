package data

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestReplaceOver: the file is replaced by the new bytes, the old file's
// bytes are overwritten (seen through another name of it, a hard link made
// beforehand) and no other file is left in the folder. This is how
// replaceFile replaces a file by itself on Windows; it runs everywhere.
func TestReplaceOver(t *testing.T) {
	for _, sub := range []string{"", BackupDirName, filepath.Join(BackupDirName, futureBackupsDir)} {
		t.Run("in "+filepath.ToSlash(filepath.Join("data", sub)), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), sub)
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "steady-2026-05-01.db")
			old := bytes.Repeat([]byte("readable old words "), 500)
			if err := os.WriteFile(path, old, 0o600); err != nil {
				t.Fatal(err)
			}
			witness := filepath.Join(t.TempDir(), "witness")
			if err := os.Link(path, witness); err != nil {
				t.Skipf("no hard links here: %v", err)
			}
			if err := replaceOver(path, [][]byte{[]byte("new "), []byte("sealed bytes")}); err != nil {
				t.Fatal(err)
			}
			if b, err := os.ReadFile(path); err != nil || string(b) != "new sealed bytes" {
				t.Errorf("the file holds %q, %v", b, err)
			}
			b, err := os.ReadFile(witness)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(b, []byte("readable")) || len(bytes.Trim(b, "\x00")) != 0 {
				t.Errorf("the old file was not overwritten: %q…", b[:min(len(b), 40)])
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if !e.IsDir() && e.Name() != filepath.Base(path) {
					t.Errorf("%s left in the folder", e.Name())
				}
			}
		})
	}
}

// TestAsideTempName: the second name of a file being replaced is one that a
// later start overwrites and removes if Steady was killed in between.
func TestAsideTempName(t *testing.T) {
	tests := []struct {
		path string
		want fileKind
	}{
		{VaultName, fileSaveTemp},
		{"steady-damaged-20261125-090807.db.vault", fileSaveTemp},
		{BackupDirName + "/steady-2026-05-01.db", fileBackupTemp},
		{BackupDirName + "/" + futureBackupsDir + "/steady-2030-01-01.db", fileBackupTemp},
	}
	for _, tt := range tests {
		name, err := asideTempName(filepath.Join("data", filepath.FromSlash(tt.path)))
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel("data", name)
		if got := classify(filepath.ToSlash(rel)); got != tt.want {
			t.Errorf("%s: aside name %s is kind %d, want %d", tt.path, rel, got, tt.want)
		}
	}
}
