package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// startPlain starts the shell on the plain journal in dir, as Run does,
// with its started hook registered but not yet called.
func startPlain(t *testing.T, dir string) (*UI, fyne.App) {
	t.Helper()
	a := newTestApp(t)
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	u := start(a, dir, tr, Options{SystemRegion: "GB", SystemLanguage: "en-GB"})
	t.Cleanup(func() { u.close() })
	u.hookStarted()
	return u, a
}

// fireStarted calls the app's started hook, as Fyne's driver does once its
// run loop starts (after the first frame is painted).
func fireStarted(t *testing.T, a fyne.App) {
	t.Helper()
	lc, ok := a.Lifecycle().(interface{ OnStarted() func() })
	if !ok {
		t.Fatalf("Fyne's lifecycle %T has no OnStarted", a.Lifecycle())
	}
	f := lc.OnStarted()
	if f == nil {
		t.Fatal("the shell registered no started hook")
	}
	f()
}

// TestBackupWaitsForFirstFrame checks that the day's backup of a plain
// journal is not made while the first frame is being drawn, and is made
// once Fyne says the app has started.
func TestBackupWaitsForFirstFrame(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(&data.Entry{At: time.Now(), Mood: 3, Note: "kept"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(data.BackupDir(dir)); err != nil { // today's, made by Open
		t.Fatal(err)
	}

	u, a := startPlain(t, dir)
	if u.state != stateOpen {
		t.Fatalf("a plain journal started %s, want open", u.state)
	}
	if list, _ := data.Backups(dir); len(list) != 0 {
		t.Fatalf("backups before the first frame: %v, want none", list)
	}
	wait := announcements(u)
	fireStarted(t, a)
	wait(t, "started")
	if err := u.journal.BackupError(); err != nil {
		t.Fatalf("the day's backup: %v", err)
	}
	if err := u.journal.Checked(); err != nil {
		t.Fatalf("the check of a sound journal: %v", err)
	}
	list, err := data.Backups(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range list {
		names = append(names, b.Name)
	}
	if want := []string{"steady-" + time.Now().Format("2006-01-02") + ".db"}; !slices.Equal(names, want) {
		t.Errorf("backups after the first frame: %v, want %v", names, want)
	}
	if u.state != stateOpen {
		t.Errorf("after the first frame the shell is %s, want open", u.state)
	}
}

// TestDamageFoundAfterFirstFrame checks that a journal whose pages are
// damaged, opened by the shell with its check left until the first frame,
// is still found damaged once the check runs: the shell leaves the open
// state for the start-up error, and the file is left as it was.
func TestDamageFoundAfterFirstFrame(t *testing.T) {
	dir := damagedJournal(t) // damaged_test.go
	path := filepath.Join(dir, data.FileName)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	u, a := startPlain(t, dir)
	if u.state != stateOpen {
		t.Skipf("the shell started %s (Open refused the damage itself): nothing left for the check", u.state)
	}
	wait := announcements(u)
	fireStarted(t, a)
	wait(t, "start-up error")
	if u.state != stateStartupError || u.journal != nil {
		t.Fatalf("state %v, journal open %v: want the start-up error with no journal", u.state, u.journal != nil)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(after, before) {
		t.Error("the damaged journal was changed")
	}
}

// The collector runs less often while the first frame is built, and its
// usual target comes back when start-up's memory is handed back. A target
// the user set higher, or GOGC=off, is left alone.
func TestGCRelaxedUntilStarted(t *testing.T) {
	was := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(was) })
	for _, tc := range []struct{ before, during int }{
		{100, startupGCPercent},
		{50, startupGCPercent},
		{800, 800},
		{-1, -1},
	} {
		debug.SetGCPercent(tc.before)
		restore := relaxGCForStart()
		if now := debug.SetGCPercent(tc.during); now != tc.during {
			t.Errorf("GOGC %d: during start-up the target is %d, want %d", tc.before, now, tc.during)
		}
		settleGC(restore)
		if now := debug.SetGCPercent(100); now != tc.before {
			t.Errorf("GOGC %d: after start-up the target is %d, want %d again", tc.before, now, tc.before)
		}
	}
}
