package ui

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
)

// TestLayoutKeepsProductNameWithItsSentence lays out the welcome (each of
// its steps) and Settings, where the reminder text is, in the languages
// written without spaces between words, at 800×600 and 600×400 and then with
// the welcome from 300 to 960 px wide, so that lines break in many places.
// It fails when a wrapped label leaves "Steady" as a word alone at a line
// break, split from its sentence (issues 14, 18: "Steady は、…" in Japanese;
// Thai sets the name off with spaces, which Fyne breaks at). Words are what
// lies between spaces, so "Steadyは", or "Steady" joined to Thai by i18n's
// NameJoiner, is one word with its sentence. (Without the Thai joiner this
// test finds a lone Steady in Thai about twenty times.)
func TestLayoutKeepsProductNameWithItsSentence(t *testing.T) {
	for _, tag := range []string{"th", "ja", "zh-Hans", "zh-Hant-TW", "zh-Hant-HK"} {
		t.Run(tag, func(t *testing.T) {
			u := newLayoutUI(t, language.MustParse(tag))
			named := 0
			sizes := []fyne.Size{smallWindow, tinyWindow}
			for w := float32(340); w < 1000; w += 6 { // the sweep (window at least 600 wide)
				sizes = append(sizes, fyne.NewSize(w, 700))
			}
			for _, size := range sizes {
				u.win.Resize(fyne.NewSize(max(size.Width, tinyWindow.Width), size.Height))
				u.selectSection(sectionSettings)
				settle(u)
				named += checkNameRows(t, fmt.Sprintf("%v Settings", size), u.win.Content())
				u.showWelcome()
				if size.Height == 700 { // the sweep
					u.welcome.dialog.Resize(fyne.NewSize(size.Width-40, 420))
				}
				for page := 0; page < welcomePages; page++ {
					u.welcome.show(page)
					top := u.win.Canvas().Overlays().Top()
					relayout(top)
					settle(u)
					named += checkNameRows(t, fmt.Sprintf("%v welcome step %d", size, page+1), top)
				}
				closeOverlays(u)
			}
			// At every size the reminder text and three welcome steps
			// (the last one twice) name Steady.
			if named < 8*len(sizes) {
				t.Errorf("only %d laid-out labels name Steady: the check looked at the wrong text", named)
			}
		})
	}
}

// checkNameRows checks every visible wrapped label under o and returns how
// many of them name Steady.
func checkNameRows(t *testing.T, where string, o fyne.CanvasObject) (named int) {
	t.Helper()
	for _, l := range find[*widget.Label](o) {
		if !l.Visible() || l.Wrapping == fyne.TextWrapOff || !strings.Contains(l.Text, "Steady") {
			continue
		}
		named++
		rows := labelRows(l)
		for i := 0; i+1 < len(rows); i++ {
			end := strings.FieldsFunc(rows[i], unicode.IsSpace)
			start := strings.FieldsFunc(rows[i+1], unicode.IsSpace)
			if len(end) > 0 && end[len(end)-1] == "Steady" || len(start) > 0 && start[0] == "Steady" {
				t.Errorf("%s: a line break leaves Steady alone: %q | %q", where, rows[i], rows[i+1])
			}
		}
	}
	return named
}

// labelRows returns the lines a label is drawn in, as Fyne lays them out.
func labelRows(l *widget.Label) []string {
	var out []string
	for _, o := range test.WidgetRenderer(l).Objects() {
		rt, ok := o.(*widget.RichText)
		if !ok {
			continue
		}
		for _, ro := range test.WidgetRenderer(rt).Objects() {
			if txt, ok := ro.(*canvas.Text); ok {
				out = append(out, txt.Text)
			}
		}
	}
	return out
}
