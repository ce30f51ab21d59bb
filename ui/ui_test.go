package ui

import (
	"path/filepath"
	"strconv"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// newTestUI builds Steady on Fyne's test driver with a journal in a temp dir.
func newTestUI(t *testing.T) (*UI, *data.Store) {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	store, err := data.Open(filepath.Join(t.TempDir(), "steady"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	u := New(a, store, tr)
	u.win.Resize(fyne.NewSize(960, 700))
	return u, store
}

// texts collects the text a person can read in o and everything inside it.
func texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case nil:
			return
		case *widget.Label:
			out = append(out, w.Text)
			return
		case *widget.RichText:
			for _, s := range w.Segments {
				walkSegment(s, &out)
			}
			return
		case *widget.Accordion:
			for _, it := range w.Items {
				out = append(out, it.Title)
				walk(it.Detail)
			}
			return
		case *widget.Card:
			out = append(out, w.Title, w.Subtitle)
			walk(w.Content)
			return
		case *widget.Button:
			out = append(out, w.Text)
			return
		case *widget.Select:
			out = append(out, w.Selected)
			return
		case *widget.RadioGroup:
			out = append(out, w.Options...)
			return
		case *widget.Entry:
			out = append(out, w.Text, w.PlaceHolder)
			return
		case *container.AppTabs:
			for _, it := range w.Items {
				out = append(out, it.Text)
				walk(it.Content)
			}
			return
		case *canvas.Text:
			out = append(out, w.Text)
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func walkSegment(s widget.RichTextSegment, out *[]string) {
	switch s := s.(type) {
	case *widget.TextSegment:
		*out = append(*out, s.Text)
	case *widget.ListSegment:
		for _, it := range s.Items {
			walkSegment(it, out)
		}
	}
}

func tabTitles(u *UI) []string {
	var titles []string
	for _, it := range u.tabs.Items {
		titles = append(titles, it.Text)
	}
	return titles
}

func TestSectionsInOrder(t *testing.T) {
	u, _ := newTestUI(t)
	want := []string{"Symptoms", "Managing withdrawal", "FAQ", "Journal"}
	if got := tabTitles(u); !slices.Equal(got, want) {
		t.Fatalf("tabs = %v, want %v", got, want)
	}
	for i := range want {
		u.SelectSection(i)
		if u.tabs.SelectedIndex() != i || u.model.section != i {
			t.Errorf("SelectSection(%d): selected %d", i, u.tabs.SelectedIndex())
		}
	}
}

// TestWholeGuideIsShown checks, in every language, that every item of the
// guide's catalog is on screen in its section.
func TestWholeGuideIsShown(t *testing.T) {
	u, _ := newTestUI(t)
	g := data.TheGuide()
	for _, l := range u.tr.Languages() {
		if err := u.tr.Set(l.Tag); err != nil {
			t.Fatal(err)
		}
		shown := strings.Join(texts(u.win.Content()), "\n")
		for _, id := range g.MessageIDs() {
			text := u.tr.T(id)
			if text == id || !strings.Contains(shown, text) {
				t.Errorf("%s: %s (%q) is not shown", l.Tag, id, text)
			}
		}
		if !strings.Contains(shown, u.tr.T("notice.medical")) {
			t.Errorf("%s: the not-medical-advice notice is not shown", l.Tag)
		}
	}
}

func TestJournalAddsAndLists(t *testing.T) {
	u, store := newTestUI(t)
	u.SelectSection(SectionJournal)
	j := u.journal
	if j.empty.Hidden || j.list.Length() != 0 {
		t.Fatal("a new journal should say it is empty")
	}

	// Saving without a mood is refused with a message, and saves nothing.
	test.Tap(j.save)
	if n, _ := store.Count(); n != 0 {
		t.Fatalf("saved %d entries without a mood", n)
	}
	if ov := u.win.Canvas().Overlays().Top(); ov == nil || !slices.Contains(texts(ov), u.tr.T("error.mood_range")) {
		t.Fatal("no message about the missing mood")
	}
	u.win.Canvas().Overlays().Top().Hide()

	j.mood.SetSelected("Low")
	j.craving.SetValue(7)
	test.Type(j.note, "Rough evening\nbut I held on")
	if got := j.value.Text; got != "7 of 10" {
		t.Errorf("craving value label = %q", got)
	}
	test.Tap(j.save)

	page, _, err := store.Page(data.Filter{}, data.Cursor{}, 10)
	if err != nil || len(page) != 1 {
		t.Fatalf("Page = %v, %v", page, err)
	}
	e := page[0]
	if e.Mood != 2 || e.Craving != 7 || e.Note != "Rough evening\nbut I held on" {
		t.Errorf("stored %+v", e)
	}
	if j.list.Length() != 1 || !j.empty.Hidden {
		t.Fatalf("history shows %d entries", j.list.Length())
	}
	row := j.list.CreateItem()
	j.list.UpdateItem(0, row)
	got := strings.Join(texts(row), " | ")
	for _, want := range []string{"Mood: Low", "Craving: 7/10", "Rough evening"} {
		if !strings.Contains(got, want) {
			t.Errorf("row %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "held on") {
		t.Errorf("row shows more than the note's first line: %q", got)
	}
	if j.status.Text != "Check-in saved." || j.note.Text != "" || j.mood.Selected != "" || j.craving.Value != 0 {
		t.Errorf("form not reset after saving: status %q note %q", j.status.Text, j.note.Text)
	}
}

func TestNoteTooLongIsRefused(t *testing.T) {
	u, store := newTestUI(t)
	j := u.journal
	j.mood.SetSelected("Okay")
	j.note.SetText(strings.Repeat("a", data.MaxNoteLength+5))
	test.Tap(j.save)
	if n, _ := store.Count(); n != 0 {
		t.Fatal("an over-long note was saved")
	}
	ov := u.win.Canvas().Overlays().Top()
	if ov == nil || !strings.Contains(strings.Join(texts(ov), " "), "10005") {
		t.Error("no message giving the note's length")
	}
	if j.note.Text == "" {
		t.Error("the note was thrown away")
	}
}

// TestLanguageSwitchIsLiveAndRemembered switches through the picker, as a
// person would, and checks the window, the saved setting and the draft.
func TestLanguageSwitchIsLiveAndRemembered(t *testing.T) {
	u, store := newTestUI(t)
	if !u.tr.Supported(language.Spanish) {
		t.Skip("no Spanish messages")
	}
	u.SelectSection(SectionJournal)
	u.journal.mood.SetSelected("Good")
	u.journal.craving.SetValue(4)
	test.Type(u.journal.note, "half-written")

	u.language.SetSelected("Español")

	if u.tr.Language() != language.Spanish {
		t.Fatalf("language = %s", u.tr.Language())
	}
	titles := tabTitles(u)
	for i, id := range []string{"tab.symptoms", "tab.managing", "tab.faq", "tab.journal"} {
		if titles[i] != u.tr.T(id) || titles[i] == "" {
			t.Errorf("tab %d = %q, want %q", i, titles[i], u.tr.T(id))
		}
	}
	if slices.Contains(titles, "Symptoms") || slices.Contains(titles, "Journal") {
		t.Errorf("tabs still in English: %v", titles)
	}
	if v, ok, _ := store.Setting(data.SettingLanguage); !ok || v != "es" {
		t.Errorf("saved language = %q, %v", v, ok)
	}
	if u.tabs.SelectedIndex() != SectionJournal {
		t.Errorf("section after switch = %d", u.tabs.SelectedIndex())
	}
	j := u.journal
	if j.note.Text != "half-written" || j.mood.Selected != u.tr.T("mood.4") || j.craving.Value != 4 {
		t.Errorf("draft lost: note %q mood %q craving %v", j.note.Text, j.mood.Selected, j.craving.Value)
	}
	if u.language.Selected != "Español" {
		t.Errorf("picker shows %q", u.language.Selected)
	}

	u.language.SetSelected("English")
	if got := tabTitles(u)[0]; got != "Symptoms" {
		t.Errorf("back to English: tab 0 = %q", got)
	}
}

func TestSectionShortcuts(t *testing.T) {
	u, _ := newTestUI(t)
	sh, ok := u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Fatal("test canvas takes no shortcuts")
	}
	for i := len(u.tabs.Items) - 1; i >= 0; i-- {
		sh.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyName(strconv.Itoa(i + 1)), Modifier: fyne.KeyModifierShortcutDefault})
		if got := u.tabs.SelectedIndex(); got != i {
			t.Errorf("Ctrl+%d selected section %d", i+1, got)
		}
	}
}
