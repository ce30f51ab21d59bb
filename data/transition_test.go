package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// grepDir returns every file under dir (sub-folders included) whose bytes
// contain marker.
func grepDir(t *testing.T, dir, marker string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(marker)) {
			rel, _ := filepath.Rel(dir, p)
			found = append(found, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// addNotes adds n check-ins with note.
func addNotes(t *testing.T, s *Store, n int, note string) {
	t.Helper()
	for i := 0; i < n; i++ {
		e := Entry{At: time.Now().Add(-time.Duration(i) * time.Minute), Mood: 3, Craving: 2, Note: note}
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
}

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
	if err := s.Sync(); err != nil {
		t.Fatalf("Sync once saves work again: %v", err)
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
// Sync.
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

// leaveCopies makes, beside the plain journal in dir, what issue 13 found
// left behind: a backup, a journal kept aside after a restore and one set
// aside as damaged, all holding marker.
func leaveCopies(t *testing.T, dir, marker string) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addNotes(t, s, 5, marker)
	if err := s.BackupError(); err != nil { // wait for the backup Open started
		t.Fatal(err)
	}
	if err := s.BackupIfDue(time.Now().AddDate(0, 0, 1)); err != nil { // one with the notes
		t.Fatal(err)
	}
	s.Close()
	list, err := Backups(dir) // the one Open made in the background
	if err != nil || len(list) == 0 {
		t.Fatalf("no backup: %v", err)
	}
	if _, err := RestoreBackup(dir, list[0].Name); err != nil { // keeps steady-before-restore-*
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(dir, "steady-damaged-20261101-120000.db")
	if err := os.WriteFile(damaged, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(damaged+"-wal", []byte("wal of "+marker), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := grepDir(t, dir, marker); len(got) < 4 {
		t.Fatalf("the set-up left only %v", got)
	}
}

// TestNothingReadableLeftBehind: restore → set a passphrase → delete all,
// grepping the whole data folder for a note after each step.
func TestNothingReadableLeftBehind(t *testing.T) {
	const marker = "MARKER-7f3e-nothing-left"
	dir := filepath.Join(t.TempDir(), "steady")
	leaveCopies(t, dir, marker)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassphrase(testPass); err != nil {
		t.Fatal(err)
	}
	if got := grepDir(t, dir, marker); len(got) > 0 {
		t.Errorf("after SetPassphrase, readable copies: %v", got)
	}
	// The aside copies were sealed, not lost: they open with the passphrase.
	sealed, _ := filepath.Glob(filepath.Join(dir, "steady-*.vault"))
	if len(sealed) < 2 {
		t.Errorf("aside copies sealed: %v", sealed)
	}
	for _, p := range sealed {
		image, err := openSealed(p, s.db.vaultState().key)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
		} else if !bytes.Contains(image, []byte(marker)) {
			t.Errorf("%s lost what it held", filepath.Base(p))
		}
	}
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if got := grepDir(t, dir, marker); len(got) > 0 {
		t.Errorf("after DeleteAll, readable copies: %v", got)
	}
	files, _ := steadyFiles(dir)
	for _, f := range files {
		if f.kind != fileVault && f.kind != fileLock {
			t.Errorf("left after DeleteAll: %s", f.path)
		}
	}
	s.Close()
	s, err = OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(); n != 0 {
		t.Errorf("%d check-ins after DeleteAll", n)
	}
}

// TestPlainDeleteAllOverwritesTheLog: a plain journal's DeleteAll leaves the
// note nowhere in the folder, its write-ahead log included.
func TestPlainDeleteAllOverwritesTheLog(t *testing.T) {
	const marker = "MARKER-wal-0c1d"
	dir := filepath.Join(t.TempDir(), "steady")
	leaveCopies(t, dir, marker)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addNotes(t, s, 20, marker) // in the log now
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if got := grepDir(t, dir, marker); len(got) > 0 {
		t.Errorf("after DeleteAll, readable copies: %v", got)
	}
	if err := s.Add(&Entry{At: time.Now(), Mood: 3}); err != nil {
		t.Fatalf("the journal after DeleteAll: %v", err)
	}
}

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

func TestClassify(t *testing.T) {
	tests := []struct {
		rel  string
		want fileKind
	}{
		{"steady.db", fileJournal},
		{"steady.db-wal", fileCompanion},
		{"steady.db-shm", fileCompanion},
		{"steady.db-journal", fileCompanion},
		{"steady.vault", fileVault},
		{"steady.lock", fileLock},
		{".steady.rekey", fileRekey},
		{"backups/future-dated/steady-2027-01-01-2.db", fileBackup},
		{".steady.vault.123456.tmp", fileSaveTemp},
		{".steady.db.99.tmp", fileSaveTemp},
		{".steady.db.restore.tmp", fileSaveTemp},
		{"steady-damaged-20261101-120000.db", fileAside},
		{"steady-damaged-20261101-120000-2.db-wal", fileAside},
		{"steady-before-restore-20261101-120000.db", fileAside},
		{"steady-before-restore-20261101-120000.db.vault", fileAside},
		{"steady-before-restore-20261101-120000.vault", fileAside},
		{"backups/steady-2026-11-01.db", fileBackup},
		{"backups/.steady-backup-abc.tmp", fileBackupTemp},
		{"backups/notes.txt", fileOther},
		{"notes.txt", fileOther},
		{"steady-damaged-x.db", fileOther},
		{"other/steady.db", fileOther},
		{"export.csv", fileOther},
	}
	for _, tt := range tests {
		if got := classify(tt.rel); got != tt.want {
			t.Errorf("classify(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

func TestCSVSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+A1", "'+A1"},
		{"+1", "+1"},
		{"-1+2", "'-1+2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"  =1+1", "'  =1+1"},
		{"＝1+1", "'＝1+1"},
		{"-3.5", "-3.5"},
		{"2026-11-01T10:00:00Z", "2026-11-01T10:00:00Z"},
		{"a walk", "a walk"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := csvSafe(tt.in); got != tt.want {
			t.Errorf("csvSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCSVExportEscapesEveryCell exports plan labels used as a trigger and a
// coping action, and a note, each starting with a formula character.
func TestCSVExportEscapesEveryCell(t *testing.T) {
	s, _ := openTemp(t)
	starts := []string{"=", "+", "-", "@", "\t", "\r"}
	for _, c := range starts {
		trig := PlanItem{Kind: PlanTrigger, Text: c + "HYPERLINK(\"http://evil\")"}
		cope := PlanItem{Kind: PlanCoping, Text: c + "cmd|' /C calc'!A0"}
		if err := s.AddPlanItem(&trig); err != nil {
			t.Fatal(err)
		}
		if err := s.AddPlanItem(&cope); err != nil {
			t.Fatal(err)
		}
		e := Entry{At: time.Now(), Mood: 3, Triggers: []string{trig.Tag()}, Coping: []string{cope.Tag()},
			Note: c + "1+1"}
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	plan, _ := s.Plan("")
	labels := map[string]string{}
	for _, p := range plan {
		labels[p.Tag()] = p.Text
	}
	var out bytes.Buffer
	if err := s.ExportCSV(&out, func(tag string) string { return labels[tag] }); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(starts)+1 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, row := range rows[1:] {
		for i, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("column %s starts with a formula character: %q", rows[0][i], cell)
			}
		}
		// The plan trims spaces (tab and CR included) from a label; the
		// four other starts must be escaped.
		if strings.ContainsRune("=+-@", rune(strings.TrimLeft(row[12], "'")[0])) &&
			(!strings.HasPrefix(row[5], "'") || !strings.HasPrefix(row[7], "'")) {
			t.Errorf("trigger %q and coping %q cells not escaped", row[5], row[7])
		}
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
