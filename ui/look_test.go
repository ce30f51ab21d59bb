package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// TestHistoryRowTextReadsInBothThemes: every word a History row draws — the
// time, the mood, the craving, "lapse" and the quiet "written later" — is
// at least 4.5:1 against the window in the light and the dark theme (a
// low-importance label is Fyne's disabled grey, about 1.6:1 on dark).
func TestHistoryRowTextReadsInBothThemes(t *testing.T) {
	a := newTestApp(t)
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, variant := range []string{themeLight, themeDark} {
		t.Run(variant, func(t *testing.T) {
			th := newTheme(language.English, variant, 1)
			a.Settings().SetTheme(th)
			v := a.Settings().ThemeVariant()
			window := th.Color(theme.ColorNameBackground, v)
			r := newHistoryEntryRow(tr)
			r.set(tr, data.Entry{At: time.Date(2026, 3, 4, 21, 5, 0, 0, time.UTC), Mood: 2, Craving: 6,
				Used: true, Backdated: true, Note: "a long evening"})
			w := test.NewWindow(r)
			defer w.Close()
			w.Resize(fyne.NewSize(700, 60))
			seen := map[string]bool{}
			var walk func(o fyne.CanvasObject)
			walk = func(o fyne.CanvasObject) {
				if o == nil || !o.Visible() {
					return
				}
				switch x := o.(type) {
				case *valueGlyph:
					return // the badge's digit sits on the mood's own colour
				case *canvas.Text:
					if x.Text == "" {
						return
					}
					seen[x.Text] = true
					if c := contrast(over(x.Color, window), window); c < 4.5 {
						t.Errorf("%q drawn at %.2f:1, want ≥ 4.5", x.Text, c)
					}
				case *fyne.Container:
					for _, c := range x.Objects {
						walk(c)
					}
				case fyne.Widget:
					for _, c := range test.WidgetRenderer(x).Objects() {
						walk(c)
					}
				}
			}
			walk(r)
			for _, want := range []string{tr.T("history.backdated"), tr.T("history.lapse")} {
				if !seen[want] {
					t.Errorf("the row does not draw %q (drew %v)", want, seen)
				}
			}
		})
	}
}

// TestCtrlFTypesIntoHistorySearch: Ctrl+F, then typing, filters History by
// the notes at once — the keys go to the search field, not to a drop-down
// where typing does nothing.
func TestCtrlFTypesIntoHistorySearch(t *testing.T) {
	u, store := newTestUI(t)
	for _, note := range []string{"went for a walk", "slept badly"} {
		e := data.Entry{At: time.Now().Add(-time.Hour), Mood: 3, Craving: 2, Note: note}
		if err := store.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(shortcutFilter)
	focused := u.win.Canvas().Focused()
	if focused != fyne.Focusable(u.history.bar.text) {
		t.Fatalf("Ctrl+F focused %T, not the note search", u.win.Canvas().Focused())
	}
	for _, r := range "walk" {
		focused.TypedRune(r)
	}
	if got := u.history.bar.text.Text; got != "walk" {
		t.Fatalf("the search holds %q after typing walk", got)
	}
	if got := u.model.filter.Text; got != "walk" {
		t.Errorf("History filters by %q, want walk", got)
	}
}

// TestSelfHarmWithoutMoodStillGetsHelp: someone ticks "I had thoughts of
// harming myself" and presses Save without choosing a mood. The form asks
// for the mood and keeps everything, and the urgent-help dialog shows now,
// not after the form is complete. Nothing is saved yet.
func TestSelfHarmWithoutMoodStillGetsHelp(t *testing.T) {
	u, store := crisisUI(t, "GB", "GB")
	wait := announcements(u)
	u.selectSection(sectionCheckin)
	test.Tap(u.checkin.selfHarm)
	test.Tap(u.checkin.save)
	wait(t, "crisis")
	if u.care.crisisBody == nil {
		t.Fatal("no urgent-help dialog")
	}
	got := strings.Join(texts(u.care.crisisBody), " | ")
	if !strings.Contains(got, "116 123") {
		t.Errorf("the dialog does not lead with the crisis line: %q", got)
	}
	if strings.Contains(got, u.tr.T("crisis.lead")) {
		t.Errorf("the dialog says the check-in is saved when it is not: %q", got)
	}
	if !u.checkin.draft.selfHarm || !u.checkin.moodPrompt.Visible() {
		t.Errorf("the form lost the tick (%v) or does not ask for the mood (%v)", u.checkin.draft.selfHarm, u.checkin.moodPrompt.Visible())
	}
	if n, err := store.Count(); err != nil || n != 0 {
		t.Errorf("%d entries saved (%v), want none before the mood is chosen", n, err)
	}
}
