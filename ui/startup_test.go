package ui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// findButton returns the button labelled label in o, or nil.
func findButton(o fyne.CanvasObject, label string) *widget.Button {
	for _, b := range find[*widget.Button](o) {
		if b.Text == label {
			return b
		}
	}
	return nil
}

// startupUI opens the journal in dir, which must fail, and builds the
// startup error window for that failure.
func startupUI(t *testing.T, dir string, tr *i18n.Translator) (*UI, error) {
	t.Helper()
	a := newTestApp(t)
	t.Cleanup(a.Quit)
	s, err := data.Open(dir)
	if err == nil {
		s.Close()
		t.Fatal("the journal opened")
	}
	u := newUI(a, tr, dir, Options{ShowWelcome: true})
	u.enterStartupError(err)
	t.Cleanup(func() { u.close() })
	u.win.Resize(fyne.NewSize(560, 280))
	return u, err
}

// TestStartupErrorWindow checks what the window says for each way the
// journal can fail to open, in every language, and that only a damaged file
// is offered to be kept aside.
func TestStartupErrorWindow(t *testing.T) {
	garbage := func(t *testing.T, dir string) {
		os.MkdirAll(dir, 0o700)
		os.WriteFile(filepath.Join(dir, data.FileName), bytes.Repeat([]byte("not a journal "), 500), 0o600)
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  error
		id    string
		args  func(dir string, err error) []any
		aside bool
	}{
		{"damaged", garbage, data.ErrNotJournal, "starterror.damaged", func(dir string, err error) []any {
			return []any{"Path", filepath.Join(dir, data.FileName)}
		}, true},
		{"foreign", foreignJournal, data.ErrForeign, "starterror.foreign", func(dir string, err error) []any {
			return []any{"Path", filepath.Join(dir, data.FileName)}
		}, false},
		{"newer", func(t *testing.T, dir string) {
			s, err := data.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			// A journal written by a future Steady: schema version 999.
			b, _ := os.ReadFile(filepath.Join(dir, data.FileName))
			b[60], b[61], b[62], b[63] = 0, 0, 0x03, 0xE7
			os.WriteFile(filepath.Join(dir, data.FileName), b, 0o600)
		}, data.ErrNewerSchema, "error.journal_newer", func(dir string, err error) []any {
			return []any{"Path", filepath.Join(dir, data.FileName)}
		}, false},
		{"already open", func(t *testing.T, dir string) {
			s, err := data.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
		}, data.ErrLocked, "error.journal_locked", func(string, error) []any { return nil }, false},
	}
	all, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		for _, l := range all.Languages() {
			t.Run(tt.name+"/"+l.Tag.String(), func(t *testing.T) {
				// A Translator of its own: each window listens to it.
				tr, err := i18n.New()
				if err != nil {
					t.Fatal(err)
				}
				if err := tr.Set(l.Tag); err != nil {
					t.Fatal(err)
				}
				dir := filepath.Join(t.TempDir(), "steady")
				tt.setup(t, dir)
				u, err := startupUI(t, dir, tr)
				if !errors.Is(err, tt.want) {
					t.Fatalf("Open = %v, want %v", err, tt.want)
				}
				want := tr.T(tt.id, tt.args(dir, err)...)
				if got := startupErrorMessage(tr, dir, err); got != want {
					t.Errorf("message %q, want %q", got, want)
				}
				shown := texts(u.win.Content())
				if !slices.Contains(shown, want) || !slices.Contains(shown, tr.T("error.title")) {
					t.Errorf("window shows %q, want %q", shown, want)
				}
				if strings.Contains(want, err.Error()) {
					t.Errorf("the message shows the technical text %q", err.Error())
				}
				checkDetails(t, u, err)
				if b := findButton(u.win.Content(), tr.T("dialog.close")); b == nil || !b.Visible() {
					t.Error("no Close button")
				}
				b := findButton(u.win.Content(), tr.T("error.set_aside"))
				if got := b != nil && b.Visible(); got != tt.aside {
					t.Errorf("set-aside button shown: %v, want %v", got, tt.aside)
				}
				if u.state == stateOpen {
					t.Error("a journal is open")
				}
			})
		}
	}
}

// TestStartupSetAside keeps a damaged journal aside from the startup
// window: the file is moved, unchanged, and the window says where; Continue
// then opens a new journal in the same window.
func TestStartupSetAside(t *testing.T) {
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "steady")
	os.MkdirAll(dir, 0o700)
	damaged := bytes.Repeat([]byte("SQLite format 3\x00 but not really "), 300)
	os.WriteFile(filepath.Join(dir, data.FileName), damaged, 0o600)
	u, _ := startupUI(t, dir, tr)

	aside := findButton(u.win.Content(), tr.T("error.set_aside"))
	start := findButton(u.win.Content(), tr.T("dialog.continue"))
	if aside == nil || start == nil || start.Visible() {
		t.Fatalf("buttons: set aside %v, continue %v", aside, start)
	}
	test.Tap(aside)
	kept, _ := filepath.Glob(filepath.Join(dir, "steady-damaged-*.db"))
	if len(kept) != 1 {
		t.Fatalf("kept files: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, damaged) {
		t.Error("the kept file is not the damaged file, byte for byte")
	}
	shown := texts(u.win.Content())
	if want := tr.T("error.set_aside_done", "Path", kept[0]); !slices.Contains(shown, want) {
		t.Errorf("window shows %q, want %q", shown, want)
	}
	if !slices.Contains(shown, tr.T("error.set_aside_title")) {
		t.Errorf("window shows %q, want the title %q", shown, tr.T("error.set_aside_title"))
	}
	if aside.Visible() || !start.Visible() {
		t.Errorf("after setting aside: set-aside button shown %v, continue shown %v", aside.Visible(), start.Visible())
	}
	if u.state == stateOpen {
		t.Error("a journal was opened before Continue")
	}

	test.Tap(start)
	if u.state != stateOpen {
		t.Fatal("Continue did not open the new journal")
	}
	if n, err := u.journal.Count(); n != 0 || err != nil {
		t.Errorf("new journal: %d entries, %v", n, err)
	}
	if !slices.Contains(texts(u.win.Content()), tr.T("tab.today")) {
		t.Errorf("the main window is not shown: %q", texts(u.win.Content()))
	}
	e := data.Entry{At: u.now(), Mood: 4, Note: "a new start"}
	if err := u.journal.Add(&e); err != nil {
		t.Errorf("the new journal does not save: %v", err)
	}
	if _, err := os.Stat(kept[0]); err != nil {
		t.Errorf("the kept file went away: %v", err)
	}
}

// TestStartupSetAsideFails shows the failure in the window, changes nothing
// and keeps the button for another try.
func TestStartupSetAsideFails(t *testing.T) {
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "steady")
	os.MkdirAll(dir, 0o700)
	os.WriteFile(filepath.Join(dir, data.FileName), []byte(strings.Repeat("x", 5000)), 0o600)
	u, _ := startupUI(t, dir, tr)
	// The file goes away before the user taps: SetAside has nothing to move.
	os.Remove(filepath.Join(dir, data.FileName))
	aside := findButton(u.win.Content(), tr.T("error.set_aside"))
	test.Tap(aside)
	_, serr := data.SetAside(dir)
	want := setAsideFailed(tr, dir, serr)
	if shown := texts(u.win.Content()); !slices.Contains(shown, want) {
		t.Errorf("window shows %q, want %q", shown, want)
	}
	if !aside.Visible() || u.state == stateOpen {
		t.Errorf("after a failure: button shown %v, journal open %v", aside.Visible(), u.state == stateOpen)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "steady-damaged-*")); len(left) != 0 {
		t.Errorf("files made: %v", left)
	}
}
