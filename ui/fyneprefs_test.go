package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

func TestFynePrefsFileIsOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "a", fynePrefsName)
	if err := os.MkdirAll(filepath.Dir(existing), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(existing, []byte(`{"fyne:fileDialogViewLayout":1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "b", fynePrefsName)
	for _, path := range []string{existing, missing} {
		if err := ownerOnlyPrefs(path); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v", path, fi.Mode().Perm())
		}
	}
	if raw, _ := os.ReadFile(existing); string(raw) != `{"fyne:fileDialogViewLayout":1}` {
		t.Errorf("an existing file's content changed: %q", raw)
	}
}

func TestExportFolderIsKeptInTheJournalNotInFyne(t *testing.T) {
	u, _ := newTestUI(t)
	prefs := u.app.Preferences()
	prefs.SetString(fyneLastFolderKey, "file:///home/someone/private")
	u.privateFynePrefs()
	if v := prefs.String(fyneLastFolderKey); v != "" {
		t.Errorf("Fyne still remembers %q", v)
	}
	out := filepath.Join(t.TempDir(), "steady.csv")
	u.rememberFolder(out)
	if got := u.setting(settingExportFolder, ""); got != filepath.Dir(out) {
		t.Errorf("export folder in the journal: %q", got)
	}
	if l := u.startIn(); l == nil || l.Path() != filepath.Dir(out) {
		t.Errorf("the next dialog starts in %v", l)
	}
}

func TestLooseFolderIsSaid(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	dir := filepath.Join(t.TempDir(), "steady")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	store, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if _, loose := store.LooseFolder(); !loose {
		t.Skip("data does not report a loose folder here")
	}
	a := newTestApp(t)
	t.Cleanup(a.Quit)
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	u := openUI(a, store, tr, Options{SystemRegion: "GB"})
	if got := overlayText(u); !strings.Contains(got, u.tr.T("folder.loose")) {
		t.Errorf("no word about the loosened folder: %q", got)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", fi.Mode().Perm())
	}
}

// Fyne rewrites its preferences file on every change, removals included:
// a start with no folder to forget changes nothing.
func TestForgetFyneFolderWritesOnlyWhenThere(t *testing.T) {
	u, _ := newTestUI(t)
	prefs := u.app.Preferences()
	changes := 0
	prefs.AddChangeListener(func() { changes++ })
	u.forgetFyneFolder()
	if changes != 0 {
		t.Errorf("no folder to forget: %d preference changes", changes)
	}
	prefs.SetString(fyneLastFolderKey, "file:///home/someone/private")
	changes = 0
	u.forgetFyneFolder()
	if changes == 0 || prefs.String(fyneLastFolderKey) != "" {
		t.Errorf("a folder to forget: %d changes, %q left", changes, prefs.String(fyneLastFolderKey))
	}
}
