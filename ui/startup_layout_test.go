package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// startupCase is one state of the start-up error window: the folder it is
// built from and the error that opening it gave.
type startupCase struct {
	name string
	dir  string
	err  error
}

// startupCases makes, once, a folder for each kind of start-up error that
// offers something (a damaged plain journal and a damaged encrypted one,
// both with a backup to restore) and names the other kinds by their error
// alone: their window depends on nothing else.
func startupCases(t *testing.T) []startupCase {
	t.Helper()
	plain := filepath.Join(t.TempDir(), "steady")
	s, err := data.Open(plain)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(&data.Entry{At: time.Now(), Mood: 3}); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupIfDue(time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(plain, data.FileName), []byte(strings.Repeat("damaged ", 600)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, damaged := data.Open(plain)
	vault := encryptedJournal(t, nil)
	if b, _ := data.VaultBackups(vault); len(b) == 0 {
		t.Fatal("the encrypted journal has no backup to offer")
	}
	damageVaultAt(t, vault, func(header, _ int) int { return header + 10 })
	_, vaultErr := data.ReadVaultPrefs(vault)
	other := t.TempDir()
	wrap := func(err error) error { return fmt.Errorf("open journal %s: %w", other, err) }
	return []startupCase{
		{"damaged", plain, damaged},
		{"vault", vault, vaultErr},
		{"foreign", other, wrap(data.ErrForeign)},
		{"newer", other, wrap(data.ErrNewerSchema)},
		{"vault-newer", other, wrap(data.ErrNewerVault)},
		{"locked", other, wrap(data.ErrLocked)},
		{"readonly", other, wrap(data.ErrReadOnly)},
		{"disk-full", other, wrap(data.ErrDiskFull)},
		{"unknown", other, wrap(os.ErrInvalid)},
	}
}

// TestStartupErrorLayoutAt600x400 builds the start-up error window for each
// kind of error in every language and the pseudo-locale at 600×400 and
// fails when it needs more room, when something is squeezed below its
// minimum size or cut short, or when Get help, Close or an offer's button is
// not in view without scrolling to it sideways.
func TestStartupErrorLayoutAt600x400(t *testing.T) {
	cases := startupCases(t)
	langs, err := i18n.Load(pseudoFS(t), "locales")
	if err != nil {
		t.Fatal(err)
	}
	size := fyne.NewSize(600, 400)
	for _, c := range cases {
		for _, l := range langs.Languages() {
			t.Run(c.name+"/"+l.Tag.String(), func(t *testing.T) {
				tr, err := i18n.Load(pseudoFS(t), "locales")
				if err != nil {
					t.Fatal(err)
				}
				if err := tr.Set(l.Tag); err != nil && l.Tag != i18n.Source {
					t.Fatal(err)
				}
				a := newTestApp(t)
				u := newUI(a, tr, c.dir, Options{SystemRegion: "GB"})
				t.Cleanup(func() { u.close() })
				u.enterStartupError(c.err)
				u.win.Resize(size)
				settle(u)
				if min := u.win.Content().MinSize(); min.Width > size.Width || min.Height > size.Height {
					t.Errorf("window needs %v, more than %v", min, size)
				}
				for _, p := range problems(u.win.Content()) {
					t.Error(p)
				}
				for _, label := range []string{tr.T("help.button"), tr.T("dialog.close"), tr.T("error.set_aside"), tr.T("starterror.restore")} {
					b := findButton(u.win.Content(), label)
					if b == nil {
						continue
					}
					pos := a.Driver().AbsolutePositionForObject(b)
					if pos.X < 0 || pos.X+b.Size().Width > size.Width+0.5 {
						t.Errorf("button %q at x %v..%v, outside the window's %v", label, pos.X, pos.X+b.Size().Width, size.Width)
					}
				}
				help := findButton(u.win.Content(), tr.T("help.button"))
				if help == nil || !help.Visible() {
					t.Fatal("no Get help button")
				}
				if pos := a.Driver().AbsolutePositionForObject(help); pos.Y+help.Size().Height > size.Height+0.5 {
					t.Errorf("Get help at y %v, below the window's %v", pos.Y, size.Height)
				}
			})
		}
	}
}

// TestStartupErrorOffersSitUnderTheirWords: the restore and keep-aside
// buttons are in the scrolled body, after the words that explain them, so
// the bar at the bottom holds only Get help and Close.
func TestStartupErrorOffersSitUnderTheirWords(t *testing.T) {
	c := startupCases(t)[0]
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t)
	u := newUI(a, tr, c.dir, Options{SystemRegion: "GB"})
	t.Cleanup(func() { u.close() })
	u.enterStartupError(c.err)
	border := u.win.Content().(*fyne.Container)
	var bar []string
	for _, o := range border.Objects {
		if _, scrolled := o.(interface{ ScrollToTop() }); scrolled {
			continue
		}
		for _, b := range find[*widget.Button](o) {
			if b.Visible() {
				bar = append(bar, b.Text)
			}
		}
	}
	want := []string{tr.T("help.button"), tr.T("dialog.close")}
	if strings.Join(bar, "|") != strings.Join(want, "|") {
		t.Errorf("outside the scrolled body: %q, want %q", bar, want)
	}
	shown := texts(u.win.Content())
	at := func(s string) int {
		for i, x := range shown {
			if x == s {
				return i
			}
		}
		t.Fatalf("%q not shown in %q", s, shown)
		return -1
	}
	msg := at(startupErrorMessage(tr, c.dir, c.err))
	restore, aside := at(tr.T("starterror.restore")), at(tr.T("error.set_aside"))
	if !(msg < restore && restore < aside) {
		t.Errorf("order: message %d, restore %d, keep aside %d; want the message, then the restore, then keeping aside", msg, restore, aside)
	}
}

// TestStartupErrorFirstSizeShowsTheOffers: at the size the window opens
// with, a damaged journal's offers (restore, keep aside) are in view without
// scrolling, in English and German; once the file is kept aside, the Details
// of the old error are folded away with it.
func TestStartupErrorFirstSizeShowsTheOffers(t *testing.T) {
	for _, c := range startupCases(t)[:2] {
		for _, tag := range []string{"en", "de"} {
			t.Run(c.name+"/"+tag, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "copy")
				if err := os.CopyFS(dir, os.DirFS(c.dir)); err != nil {
					t.Fatal(err)
				}
				tr, err := i18n.New()
				if err != nil {
					t.Fatal(err)
				}
				if err := tr.Set(tr.Pick(tag, "", "")); err != nil {
					t.Fatal(err)
				}
				a := newTestApp(t)
				u := newUI(a, tr, dir, Options{SystemRegion: "GB"})
				t.Cleanup(func() { u.close() })
				u.enterStartupError(c.err)
				settle(u)
				var body *container.Scroll
				for _, o := range u.win.Content().(*fyne.Container).Objects {
					if s, ok := o.(*container.Scroll); ok {
						body = s
					}
				}
				if body == nil {
					t.Fatal("no scrolled body")
				}
				bottom := a.Driver().AbsolutePositionForObject(body).Y + body.Size().Height
				for _, label := range []string{tr.T("starterror.restore"), tr.T("error.set_aside")} {
					b := findButton(u.win.Content(), label)
					if b == nil {
						t.Fatalf("no %q", label)
					}
					if pos := a.Driver().AbsolutePositionForObject(b); pos.Y+b.Size().Height > bottom+0.5 {
						t.Errorf("%q at y %v..%v: below the body's %v at the first size %v", label, pos.Y, pos.Y+b.Size().Height, bottom, startupErrorSize)
					}
				}
				wait := announcements(u)
				test.Tap(findButton(u.win.Content(), tr.T("error.set_aside")))
				wait(t, "kept aside")
				if accs := find[*widget.Accordion](u.win.Content()); len(accs) != 1 || accs[0].Visible() {
					t.Error("the Details of the old error are still shown once the file is kept aside")
				}
			})
		}
	}
}

// TestStartupErrorReflowsWhenNarrowed: made narrower in one step, as a
// window is, the start-up error gives each paragraph the height it needs at
// its new width: none runs into the next.
func TestStartupErrorReflowsWhenNarrowed(t *testing.T) {
	for _, c := range startupCases(t)[:2] {
		for _, tag := range []string{"en", "de", "ja"} {
			t.Run(c.name+"/"+tag, func(t *testing.T) {
				tr, err := i18n.New()
				if err != nil {
					t.Fatal(err)
				}
				if err := tr.Set(tr.Pick(tag, "", "")); err != nil {
					t.Fatal(err)
				}
				a := newTestApp(t)
				u := newUI(a, tr, c.dir, Options{SystemRegion: "GB"})
				t.Cleanup(func() { u.close() })
				u.enterStartupError(c.err)
				u.win.Resize(fyne.NewSize(900, 500))
				u.win.Resize(fyne.NewSize(600, 400))
				var body *container.Scroll
				for _, o := range u.win.Content().(*fyne.Container).Objects {
					if s, ok := o.(*container.Scroll); ok {
						body = s
					}
				}
				if body == nil {
					t.Fatal("no scrolled body")
				}
				end := float32(0)
				for i, o := range body.Content.(*fyne.Container).Objects {
					if !o.Visible() {
						continue
					}
					if o.Position().Y+0.5 < end {
						t.Errorf("object %d starts at y %v, inside the one above (ends at %v)", i, o.Position().Y, end)
					}
					if min := o.MinSize().Height; o.Size().Height+0.5 < min {
						t.Errorf("object %d is %v high, needs %v at its width %v", i, o.Size().Height, min, o.Size().Width)
					}
					end = o.Position().Y + o.Size().Height
				}
				if body.Content.Size().Height+0.5 < end {
					t.Errorf("the body is %v high, its content ends at %v: the rest cannot be scrolled to", body.Content.Size().Height, end)
				}
			})
		}
	}
}

// TestStartupErrorDetailsCanBeScrolledTo: opened at 600×400, the Details
// (a long technical text) make the body taller, and its end, the Copy
// button, can still be scrolled to.
func TestStartupErrorDetailsCanBeScrolledTo(t *testing.T) {
	for _, c := range startupCases(t)[:2] {
		t.Run(c.name, func(t *testing.T) {
			tr, err := i18n.New()
			if err != nil {
				t.Fatal(err)
			}
			a := newTestApp(t)
			u := newUI(a, tr, c.dir, Options{SystemRegion: "GB"})
			t.Cleanup(func() { u.close() })
			u.enterStartupError(c.err)
			u.win.Resize(fyne.NewSize(600, 400))
			accs := find[*widget.Accordion](u.win.Content())
			if len(accs) != 1 {
				t.Fatalf("%d Details", len(accs))
			}
			test.Tap(test.WidgetRenderer(accs[0]).Objects()[0].(fyne.Tappable))
			if !accs[0].Items[0].Open {
				t.Fatal("Details did not open")
			}
			var body *container.Scroll
			for _, o := range u.win.Content().(*fyne.Container).Objects {
				if s, ok := o.(*container.Scroll); ok {
					body = s
				}
			}
			// What the window's canvas does in its next frame when an
			// object's minimum size changed: lay out its parent again (the
			// test canvas has no frames).
			body.Content.(*fyne.Container).Refresh()
			body.ScrollToBottom()
			copyButton := findButton(u.win.Content(), tr.T("starterror.copy"))
			pos := a.Driver().AbsolutePositionForObject(copyButton)
			top := a.Driver().AbsolutePositionForObject(body)
			if bottom := top.Y + body.Size().Height; pos.Y+copyButton.Size().Height > bottom+0.5 {
				t.Errorf("scrolled to the bottom, Copy ends at y %v, below the body's %v", pos.Y+copyButton.Size().Height, bottom)
			}
		})
	}
}
