package ui

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// foreignJournal writes, as dir's journal, a sound SQLite database that is
// not Steady's: a Steady journal whose header names another application.
func foreignJournal(t *testing.T, dir string) {
	t.Helper()
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, data.FileName)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	binary.BigEndian.PutUint32(b[68:], 0x0f0e0d0c) // PRAGMA application_id of someone else
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// checkDetails checks that the technical text of err is behind a folded
// Details item, selectable, and that its Copy button copies it.
func checkDetails(t *testing.T, u *UI, err error) {
	t.Helper()
	accs := find[*widget.Accordion](u.win.Content())
	if len(accs) != 1 || len(accs[0].Items) != 1 {
		t.Fatalf("%d Details accordions, want 1", len(accs))
	}
	item := accs[0].Items[0]
	if item.Title != u.tr.T("starterror.details") || item.Open {
		t.Errorf("Details item %q open %v, want %q folded", item.Title, item.Open, u.tr.T("starterror.details"))
	}
	labels := find[*widget.Label](item.Detail)
	if len(labels) == 0 || labels[0].Text != err.Error() || !labels[0].Selectable {
		t.Errorf("Details hold %v, want the selectable text %q", labels, err.Error())
	}
	copyButton := findButton(item.Detail, u.tr.T("starterror.copy"))
	if copyButton == nil {
		t.Fatal("no Copy button under Details")
	}
	test.Tap(copyButton)
	if got := u.app.Clipboard().Content(); got != err.Error() {
		t.Errorf("copied %q, want %q", got, err.Error())
	}
}

// TestForeignFileIsLeftAlone: a sound SQLite file that is not a Steady
// journal is said to be someone else's, is not offered to be kept aside (it
// is not damaged), and stays byte for byte as it was, in every language.
func TestForeignFileIsLeftAlone(t *testing.T) {
	all, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "steady")
	foreignJournal(t, dir)
	path := filepath.Join(dir, data.FileName)
	before, _ := os.ReadFile(path)
	for _, l := range all.Languages() {
		tr, _ := i18n.New()
		if err := tr.Set(l.Tag); err != nil {
			t.Fatal(err)
		}
		u, err := startupUI(t, dir, tr)
		if !errors.Is(err, data.ErrForeign) {
			t.Fatalf("Open = %v, want ErrForeign", err)
		}
		shown := texts(u.win.Content())
		if !slices.Contains(shown, tr.T("starterror.foreign", "Path", path)) {
			t.Errorf("%s: window shows %q", l.Tag, shown)
		}
		if findButton(u.win.Content(), tr.T("error.set_aside")) != nil {
			t.Errorf("%s: someone else's file is offered to be kept aside as damaged", l.Tag)
		}
		u.close()
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("someone else's file was changed")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "steady-damaged-*")); len(left) != 0 {
		t.Errorf("files made: %v", left)
	}
}

// TestStartupKinds: every kind of failure gets its own plain message, never
// the technical text.
func TestStartupKinds(t *testing.T) {
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tests := []struct {
		err  error
		kind startupKind
	}{
		{data.ErrLocked, kindLocked},
		{data.ErrDiskFull, kindDiskFull},
		{data.ErrReadOnly, kindReadOnly},
		{os.ErrPermission, kindReadOnly},
		{data.ErrNewerSchema, kindNewer},
		{data.ErrNewerVault, kindVaultNewer},
		{data.ErrDamaged, kindDamaged},
		{data.ErrForeign, kindForeign},
		{data.ErrVaultDamaged, kindVaultDamaged},
		{errors.New("database disk image is malformed (or anything else)"), kindUnknown},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		wrapped := fmt.Errorf("xyzzy technical words: %w", tt.err)
		if got := startupKindOf(dir, wrapped); got != tt.kind {
			t.Errorf("kind of %v = %v, want %v", tt.err, got, tt.kind)
		}
		msg := startupErrorMessage(tr, dir, wrapped)
		if strings.Contains(msg, "xyzzy") || seen[msg] && tt.kind != kindReadOnly {
			t.Errorf("%v: message %q", tt.err, msg)
		}
		seen[msg] = true
	}
}

// vaultOffsets returns the offsets in a version 2 vault of its header JSON
// and of its first chunk.
func vaultOffsets(t *testing.T, b []byte) (header, body int) {
	t.Helper()
	const prefix = len("STEADY-VAULT\x00") + 1 + 4
	if len(b) < prefix || b[prefix-5] != 2 {
		t.Fatal("not a version 2 vault")
	}
	n := int(binary.BigEndian.Uint32(b[prefix-4:]))
	return prefix, prefix + n + 32
}

// damageVaultAt flips a byte of dir's vault, at the offset at picks, and
// returns the damaged bytes.
func damageVaultAt(t *testing.T, dir string, at func(header, body int) int) []byte {
	t.Helper()
	path := filepath.Join(dir, data.VaultName)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[at(vaultOffsets(t, b))] ^= 0x20
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDamagedVaultHeaderAtStart: a vault whose header is damaged starts on
// the start-up error (no passphrase can help), which says so in plain words
// and offers to keep it aside; nothing is changed until the user chooses.
func TestDamagedVaultHeaderAtStart(t *testing.T) {
	dir := encryptedJournal(t, nil)
	bad := damageVaultAt(t, dir, func(header, _ int) int { return header + 10 })
	a := newTestApp(t)
	tr, _ := i18n.New()
	u := start(a, dir, tr, Options{SystemRegion: "GB", SystemLanguage: "en-GB"})
	t.Cleanup(func() { u.close() })
	if u.state != stateStartupError || !errors.Is(u.startErr, data.ErrVaultDamaged) {
		t.Fatalf("state %v (%v), want the start-up error for a damaged vault", u.state, u.startErr)
	}
	vault := filepath.Join(dir, data.VaultName)
	if shown := texts(u.win.Content()); !slices.Contains(shown, tr.T("starterror.vault_damaged", "Path", vault)) {
		t.Errorf("window shows %q", shown)
	}
	if findButton(u.win.Content(), tr.T("error.set_aside")) == nil {
		t.Error("keeping the damaged vault aside is not offered")
	}
	checkDetails(t, u, u.startErr)
	if after, _ := os.ReadFile(vault); !bytes.Equal(after, bad) {
		t.Error("the damaged vault was changed")
	}
}

// TestDamagedVaultKeptAside: a vault whose contents are damaged is found at
// unlock; the lock screen gives way to the start-up error, which keeps the
// file aside, byte for byte, says where, and starts a new, plain journal.
func TestDamagedVaultKeptAside(t *testing.T) {
	dir := encryptedJournal(t, nil)
	if err := data.RemoveBackups(dir); err != nil {
		t.Fatal(err)
	}
	bad := damageVaultAt(t, dir, func(_, body int) int { return body + 3 })
	u, _ := startLocked(t, dir)
	tr := u.tr
	wait := announcements(u)
	u.lockEntry.SetText(uiPass)
	u.lockEntry.OnSubmitted(uiPass)
	wait(t, "start-up error")
	if u.state != stateStartupError || u.lockEntry != nil && u.lockEntry.Text != "" {
		t.Fatalf("state %v after unlocking a damaged vault, want the start-up error with the passphrase gone", u.state)
	}
	if findButton(u.win.Content(), tr.T("starterror.restore")) != nil {
		t.Error("a restore is offered with no backup")
	}
	aside := findButton(u.win.Content(), tr.T("error.set_aside"))
	start := findButton(u.win.Content(), tr.T("dialog.continue"))
	if aside == nil || start == nil {
		t.Fatal("no keep-aside or Continue button")
	}
	test.Tap(aside)
	wait(t, "kept aside")
	kept, _ := filepath.Glob(filepath.Join(dir, "steady-damaged-*.vault"))
	if len(kept) != 1 {
		t.Fatalf("kept files: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, bad) {
		t.Error("the kept file is not the damaged vault, byte for byte")
	}
	if shown := texts(u.win.Content()); !slices.Contains(shown, tr.T("starterror.vault_aside_done", "Path", kept[0])) {
		t.Errorf("window shows %q", shown)
	}
	test.Tap(start)
	if u.state != stateOpen || u.journal.Encrypted() {
		t.Fatalf("after Continue: %v, encrypted %v; want a new plain journal", u.state, u.journal != nil && u.journal.Encrypted())
	}
	if n, err := u.journal.Count(); n != 0 || err != nil {
		t.Errorf("new journal: %d entries, %v", n, err)
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, bad) {
		t.Error("the kept file changed once the new journal opened")
	}
}

// TestDamagedVaultRestoresNewestBackup: with an encrypted backup, the
// start-up error asks for its passphrase; a wrong one changes nothing, the
// right one puts the backup back, opens it and says where the damaged
// journal was kept, byte for byte.
func TestDamagedVaultRestoresNewestBackup(t *testing.T) {
	dir := encryptedJournal(t, nil)
	s, err := data.OpenEncrypted(dir, uiPass)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.RemoveBackups(dir); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupIfDue(time.Now()); err != nil { // one check-in
		t.Fatal(err)
	}
	if err := s.Add(&data.Entry{At: time.Now(), Mood: 4, Note: "after the backup"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	bad := damageVaultAt(t, dir, func(_, body int) int { return body + 3 })
	u, _ := startLocked(t, dir)
	tr := u.tr
	wait := announcements(u)
	u.lockEntry.SetText(uiPass)
	u.lockEntry.OnSubmitted(uiPass)
	wait(t, "start-up error")

	restore := findButton(u.win.Content(), tr.T("starterror.restore"))
	if restore == nil {
		t.Fatalf("no restore offered: %q", texts(u.win.Content()))
	}
	var pass *widget.Entry
	for _, e := range find[*widget.Entry](u.win.Content()) {
		if e.Password {
			pass = e
		}
	}
	if pass == nil {
		t.Fatal("no passphrase field")
	}
	vault := filepath.Join(dir, data.VaultName)
	pass.SetText("not the passphrase")
	test.Tap(restore)
	wait(t, "restore refused")
	if shown := texts(u.win.Content()); !slices.Contains(shown, tr.T("passphrase.wrong")) || u.state != stateStartupError {
		t.Errorf("after a wrong passphrase: %v, %q", u.state, shown)
	}
	if b, _ := os.ReadFile(vault); !bytes.Equal(b, bad) {
		t.Fatal("a refused restore changed the damaged vault")
	}
	if a := findButton(u.win.Content(), tr.T("error.set_aside")); a == nil || a.Disabled() || restore.Disabled() {
		t.Error("after a refused restore, keeping aside or trying again is not possible")
	}

	pass.SetText(uiPass)
	test.Tap(restore)
	wait(t, "restored")
	if u.state != stateOpen || !u.journal.Encrypted() {
		t.Fatalf("after the restore: %v", u.state)
	}
	if n, _ := u.journal.Count(); n != 1 {
		t.Errorf("%d check-ins, want the backup's 1", n)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "steady-before-restore-*.vault"))
	if len(kept) != 1 {
		t.Fatalf("kept files: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, bad) {
		t.Error("the kept file is not the damaged vault, byte for byte")
	}
	backups, _ := data.Backups(dir)
	if len(backups) == 0 {
		t.Fatal("the backup is gone")
	}
	want := tr.T("restore.done", "Date", tr.DateTime(backups[len(backups)-1].Time.Local()), "Path", kept[0])
	if got := overlayText(u); !strings.Contains(got, want) {
		t.Errorf("message %q, want %q", got, want)
	}
}

// TestDamagedJournalRestoresNewestBackup: a damaged plain journal with a
// sound backup is offered the backup; restoring it opens it, says where the
// damaged journal was kept, byte for byte, and leaves the backup as it was.
func TestDamagedJournalRestoresNewestBackup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(&data.Entry{At: time.Now(), Mood: 3, Note: "in the backup"}); err != nil {
		t.Fatal(err)
	}
	if err := data.RemoveBackups(dir); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupIfDue(time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(&data.Entry{At: time.Now(), Mood: 4, Note: "after the backup"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	backups, _ := data.Backups(dir)
	if len(backups) != 1 {
		t.Fatalf("backups %v", backups)
	}
	backup := filepath.Join(data.BackupDir(dir), backups[0].Name)
	backupBytes, _ := os.ReadFile(backup)
	bad := bytes.Repeat([]byte("SQLite format 3\x00 but not really "), 300)
	if err := os.WriteFile(filepath.Join(dir, data.FileName), bad, 0o600); err != nil {
		t.Fatal(err)
	}
	tr, _ := i18n.New()
	u, _ := startupUI(t, dir, tr)
	wait := announcements(u)
	if shown := texts(u.win.Content()); !slices.Contains(shown, tr.T("starterror.plain.backup", "Date", tr.DateTime(backups[0].Time.Local()))) {
		t.Errorf("window shows %q", shown)
	}
	restore := findButton(u.win.Content(), tr.T("starterror.restore"))
	if restore == nil {
		t.Fatal("no restore offered")
	}
	test.Tap(restore)
	wait(t, "restored")
	if u.state != stateOpen {
		t.Fatalf("after the restore: %v", u.state)
	}
	if n, _ := u.journal.Count(); n != 1 {
		t.Errorf("%d check-ins, want the backup's 1", n)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "steady-before-restore-*.db"))
	if len(kept) != 1 {
		t.Fatalf("kept files: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, bad) {
		t.Error("the kept file is not the damaged journal, byte for byte")
	}
	if b, _ := os.ReadFile(backup); !bytes.Equal(b, backupBytes) {
		t.Error("the backup was changed")
	}
	want := tr.T("restore.done", "Date", tr.DateTime(backups[0].Time.Local()), "Path", kept[0])
	if got := overlayText(u); !strings.Contains(got, want) {
		t.Errorf("message %q, want %q", got, want)
	}
}
