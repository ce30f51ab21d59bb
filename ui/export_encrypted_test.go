package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/steadyapp/steady/data"
)

// pickInto makes the file dialogs answer with path.
func pickInto(u *UI, path string) {
	u.pickFile = func(_ bool, _ string, then func(string)) { then(path) }
}

func TestEncryptedExportImportsBackWithItsPassphrase(t *testing.T) {
	const copyPass = "river stone lantern"
	src, _ := newTestUI(t)
	for _, note := range []string{"first private note", "second private note"} {
		e := data.Entry{At: time.Now().Add(-time.Hour), Mood: 3, Note: note}
		if err := src.journal.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "copy.vault")
	pickInto(src, out)
	// A plain journal has no passphrase of its own: a new one is asked for.
	src.exportEncrypted()
	f := src.exportForm
	if len(f.choice.Options) != 1 {
		t.Fatalf("a plain journal offers %v", f.choice.Options)
	}
	test.Type(f.next, "short")
	test.Type(f.again, "short")
	test.Tap(f.export)
	if !strings.Contains(f.status.Text, "8") {
		t.Fatalf("short passphrase accepted: %q", f.status.Text)
	}
	f.next.SetText(copyPass)
	f.again.SetText(copyPass)
	wait := announcements(src)
	test.Tap(f.export)
	wait(t, "exported")
	if f.next.Text != "" || f.again.Text != "" {
		t.Error("the passphrase stays in the closed dialog's fields")
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !data.IsEncryptedFile(out) || bytes.Contains(raw, []byte("private note")) {
		t.Fatal("the encrypted copy is not encrypted")
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("copy mode %v", fi.Mode().Perm())
	}

	// Import asks for the passphrase; a wrong one changes nothing.
	dst, _ := newTestUI(t)
	pickInto(dst, out)
	wait = announcements(dst)
	dst.importJSON()
	a := dst.askForm
	if a == nil {
		t.Fatal("no passphrase question for an encrypted file")
	}
	test.Type(a.pass, "not the passphrase")
	test.Tap(a.ok)
	wait(t, "import refused")
	if a.status.Text != dst.tr.T("passphrase.wrong") {
		t.Errorf("wrong passphrase: %q", a.status.Text)
	}
	if n, _ := dst.journal.Count(); n != 0 {
		t.Fatalf("%d check-ins after a wrong passphrase", n)
	}
	after, _ := os.ReadFile(out)
	if !bytes.Equal(raw, after) {
		t.Fatal("the refused file was changed")
	}
	test.Type(a.pass, copyPass)
	test.Tap(a.ok)
	wait(t, "imported")
	if n, _ := dst.journal.Count(); n != 2 {
		t.Fatalf("%d check-ins imported, want 2", n)
	}
}

func TestEncryptedExportWithTheJournalsPassphrase(t *testing.T) {
	u, _ := encryptedUI(t)
	e := data.Entry{At: time.Now().Add(-time.Hour), Mood: 2, Note: "kept sealed"}
	if err := u.journal.Add(&e); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "same.vault")
	pickInto(u, out)
	wait := announcements(u)
	u.exportEncrypted()
	if u.exportForm.choice.Selected != u.tr.T("export_encrypted.same") {
		t.Fatalf("an encrypted journal's copy starts with %q", u.exportForm.choice.Selected)
	}
	test.Tap(u.exportForm.export)
	wait(t, "exported")

	dst, _ := newTestUI(t)
	pickInto(dst, out)
	wait = announcements(dst)
	dst.importJSON()
	test.Type(dst.askForm.pass, uiPass)
	test.Tap(dst.askForm.ok)
	wait(t, "imported")
	if n, _ := dst.journal.Count(); n != 1 {
		t.Fatalf("%d check-ins imported, want 1", n)
	}
}

// sealedBackup returns a copy of the journal's vault, as a backup's bytes.
func sealedBackup(t *testing.T, dir string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, data.VaultName))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// onlyBackup makes raw the only backup, as day's (opening a journal makes
// today's backup: it is removed).
func onlyBackup(t *testing.T, dir, day string, raw []byte) {
	t.Helper()
	if err := os.RemoveAll(data.BackupDir(dir)); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(data.BackupDir(dir), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data.BackupDir(dir), "steady-"+day+".db"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// restoreFromSettings taps Restore in Settings and confirms the only backup.
func restoreFromSettings(t *testing.T, u *UI, pass string) {
	t.Helper()
	u.selectSection(sectionSettings)
	tapButton(t, u.settings.content, u.tr.T("restore.button"))
	tapButton(t, u.win.Canvas().Overlays().Top(), u.tr.T("restore.confirm"))
	if u.askForm == nil {
		t.Fatal("no passphrase question for an encrypted backup")
	}
	test.Type(u.askForm.pass, pass)
	test.Tap(u.askForm.ok)
}

func TestEncryptedBackupRestores(t *testing.T) {
	u, _ := encryptedUI(t)
	dir := u.dir
	e := data.Entry{At: time.Now().Add(-2 * time.Hour), Mood: 3, Note: "in the backup"}
	if err := u.journal.Add(&e); err != nil {
		t.Fatal(err)
	}
	backup := sealedBackup(t, dir)
	onlyBackup(t, dir, "2026-01-01", backup)
	later := data.Entry{At: time.Now().Add(-time.Hour), Mood: 1, Note: "after the backup"}
	if err := u.journal.Add(&later); err != nil {
		t.Fatal(err)
	}

	// A wrong passphrase changes nothing; the journal needs its own
	// passphrase again.
	wait := announcements(u)
	restoreFromSettings(t, u, "not the passphrase")
	wait(t, "restore refused")
	if !u.locked() {
		t.Fatalf("after a refused restore the state is %v", u.state)
	}
	u.lockEntry.SetText(uiPass)
	u.lockEntry.OnSubmitted(uiPass)
	wait(t, "open")
	if n, _ := u.journal.Count(); n != 2 {
		t.Fatalf("%d check-ins after a refused restore, want 2", n)
	}

	onlyBackup(t, dir, "2026-01-01", backup)
	restoreFromSettings(t, u, uiPass)
	wait(t, "restored")
	if !u.journal.Encrypted() {
		t.Fatal("the restored journal is not encrypted")
	}
	if n, _ := u.journal.Count(); n != 1 {
		t.Fatalf("%d check-ins after restoring, want the backup's 1", n)
	}
}
