package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// The smallest window Steady supports, and what must hold there in every
// language and the pseudo-locale (issue 14): every section and the dialogs
// that matter most without anything squeezed, History without a sideways
// scroll, menus whose labels keep clear of their shortcuts.

var tinyWindow = fyne.NewSize(600, 400)

// shortLayoutTags are the languages checked under -short: a Latin script,
// CJK and the long pseudo-locale.
var shortLayoutTags = map[string]bool{"en": true, "ja": true, "en-XA": true}

func TestLayoutAt600x400AndDialogs(t *testing.T) {
	tr, err := i18n.Load(pseudoFS(t), "locales")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range tr.Languages() {
		t.Run(l.Tag.String(), func(t *testing.T) {
			if testing.Short() && !shortLayoutTags[l.Tag.String()] {
				t.Skip("-short: English, Japanese and the pseudo-locale only")
			}
			u := newLayoutUI(t, l.Tag)
			if err := u.journal.AddPlanItem(&data.PlanItem{Kind: data.PlanPerson, Text: "Ana", Phone: "+44 7700 900123"}); err != nil {
				t.Fatal(err)
			}
			checkLayout(t, u, tinyWindow)
			for _, size := range []fyne.Size{smallWindow, tinyWindow} {
				u.win.Resize(size)
				checkHistoryFits(t, u, size)
			}
			// A dialog that fits 600×400 fits 800×600.
			checkDialogs(t, u, tinyWindow)
			checkMenus(t, u)
		})
	}
}

// checkDialogs opens the dialogs that matter most and fails on anything
// squeezed or cut short in them.
func checkDialogs(t *testing.T, u *UI, size fyne.Size) {
	t.Helper()
	dialogs := []struct {
		name string
		open func()
	}{
		{"urgent help", func() { u.openCrisis(true, []data.Flag{{Level: data.FlagNow, Sign: data.SignRetention}}) }},
		{"where are you", func() { u.askRegion(func() {}) }},
		{"delete all", u.deleteAll},
		{"quick check-in", u.showQuickCheckin},
		{"get help without a journal", u.showHelpDialog},
	}
	for _, d := range dialogs {
		d.open()
		top := u.win.Canvas().Overlays().Top()
		if top == nil {
			t.Errorf("%v %s: no dialog", size, d.name)
			continue
		}
		// Lay the dialog out, as the canvas does when it draws.
		relayout(top)
		settle(u)
		if min := top.MinSize(); min.Width > size.Width || min.Height > size.Height {
			t.Errorf("%v %s: the dialog needs %v", size, d.name, min)
		}
		for _, p := range problems(top) {
			// The dialog sizes its title itself when the window draws it;
			// the test canvas leaves it at zero. A squeeze is never zero.
			if strings.Contains(p, "size {0 0}") {
				continue
			}
			t.Errorf("%v %s: %s", size, d.name, p)
		}
		closeOverlays(u)
	}
}

// checkHistoryFits fails when History scrolls sideways: everything above the
// list fits the window's width.
func checkHistoryFits(t *testing.T, u *UI, size fyne.Size) {
	t.Helper()
	u.selectSection(sectionHistory)
	settle(u)
	for _, s := range find[*container.Scroll](u.pages[u.sectionIndex(sectionHistory)]) {
		if s.Direction == container.ScrollVerticalOnly || !s.Visible() {
			continue
		}
		if need := s.Content.MinSize().Width; need > s.Size().Width+0.5 {
			t.Errorf("%v: History scrolls sideways (%v of content in %v)", size, need, s.Size().Width)
		}
	}
}

// checkMenus lays out each menu at its own width and fails when a label
// runs into its shortcut.
func checkMenus(t *testing.T, u *UI) {
	t.Helper()
	gap := theme.Size(theme.SizeNameInnerPadding)
	for _, m := range u.mainMenu().Items {
		menu := widget.NewMenu(m)
		menu.Resize(menu.MinSize())
		for _, item := range find[fyne.Widget](menu) {
			if fmt.Sprintf("%T", item) != "*widget.menuItem" {
				continue
			}
			texts := find[*canvas.Text](item)
			if len(texts) < 2 {
				continue
			}
			label := texts[0]
			for _, s := range texts[1:] {
				if end := label.Position().X + label.MinSize().Width; end+gap > s.Position().X+0.5 {
					t.Errorf("menu %q: %q ends at %.0f, its shortcut %q starts at %.0f", m.Label, label.Text, end, s.Text, s.Position().X)
				}
			}
		}
	}
}

// TestFooterNoticeIsWholeOnGetHelp: the footer's medical notice — a
// disclaimer and a pointer to help — is never cut with "…": in every language
// at 800×600 and 600×400 it wraps and every word of it is drawn, beside Get
// help, and the window still fits. Get help shows it whole too.
func TestFooterNoticeIsWholeOnGetHelp(t *testing.T) {
	tr, err := i18n.Load(pseudoFS(t), "locales")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range tr.Languages() {
		t.Run(l.Tag.String(), func(t *testing.T) {
			if testing.Short() && !shortLayoutTags[l.Tag.String()] {
				t.Skip("-short: English, Japanese and the pseudo-locale only")
			}
			u := newLayoutUI(t, l.Tag)
			want := u.tr.T("notice.medical")
			for _, size := range []fyne.Size{smallWindow, tinyWindow} {
				u.win.Resize(size)
				settle(u)
				if min := u.win.Content().MinSize(); min.Width > size.Width || min.Height > size.Height {
					t.Errorf("%v: the window needs %v", size, min)
				}
				notice := findLabel(u.win.Content(), want)
				if notice == nil {
					t.Fatalf("%v: no medical notice in the footer", size)
				}
				if notice.Size().Height+0.5 < notice.MinSize().Height {
					t.Errorf("%v: the notice is %v high, needs %v", size, notice.Size().Height, notice.MinSize().Height)
				}
				drawn := drawnTexts(notice)
				if got := strings.Join(strings.Fields(strings.Join(drawn, " ")), ""); got != strings.Join(strings.Fields(want), "") {
					t.Errorf("%v: the footer draws %q, not the whole notice %q", size, drawn, want)
				}
				if h := u.care.footerHelp.Size().Height; h == 0 {
					t.Errorf("%v: Get help is not shown beside the notice", size)
				}
			}
			u.selectSection(sectionHelp)
			if !strings.Contains(strings.Join(texts(u.pages[u.sectionIndex(sectionHelp)]), " "), want) {
				t.Error("Get help does not show the medical notice in full")
			}
		})
	}
}

// drawnTexts are the texts o draws, in order.
func drawnTexts(o fyne.CanvasObject) []string {
	switch w := o.(type) {
	case *canvas.Text:
		return []string{w.Text}
	case *fyne.Container:
		var out []string
		for _, c := range w.Objects {
			out = append(out, drawnTexts(c)...)
		}
		return out
	case fyne.Widget:
		var out []string
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, drawnTexts(c)...)
		}
		return out
	}
	return nil
}

// findLabel is the first visible label under o whose text is text.
func findLabel(o fyne.CanvasObject, text string) *widget.Label {
	if o == nil || !o.Visible() {
		return nil
	}
	if l, ok := o.(*widget.Label); ok && l.Text == text {
		return l
	}
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			if l := findLabel(c, text); l != nil {
				return l
			}
		}
	case fyne.Widget:
		if _, scroll := o.(interface{ ScrollToTop() }); scroll {
			return nil // a page, not the window's chrome
		}
		for _, c := range test.WidgetRenderer(w).Objects() {
			if l := findLabel(c, text); l != nil {
				return l
			}
		}
	}
	return nil
}

// relayout lays out o and everything inside it at their current sizes.
func relayout(o fyne.CanvasObject) {
	switch w := o.(type) {
	case *fyne.Container:
		if w.Layout != nil {
			w.Layout.Layout(w.Objects, w.Size())
		}
		for _, c := range w.Objects {
			relayout(c)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(w)
		r.Layout(w.Size())
		for _, c := range r.Objects() {
			relayout(c)
		}
	}
}
