package assets

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/i18n"
)

// thaiTheme is Fyne's default theme, sizes included, with the Thai faces.
type thaiTheme struct{ regular, bold fyne.Resource }

func (p thaiTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Bold:
		return p.bold
	}
	return p.regular
}

func (p thaiTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (p thaiTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (p thaiTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// rows returns the lines a wrapping label is drawn in: the canvas.Text
// objects of its RichText, as Fyne's renderer lays them out.
func rows(t *testing.T, l *widget.Label) []string {
	t.Helper()
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

// checkRows finds each row of a wrapped label in text, in order, and fails
// when a line starts or ends inside a word: every row must end where text
// ends or at a space or break mark that Fyne dropped, since the segmenter's
// words are the only runs with no space or mark inside.
func checkRows(t *testing.T, id string, width float32, text string, got []string) (marks int) {
	t.Helper()
	rs := []rune(text)
	pos := 0
	for i, row := range got {
		rr := []rune(row)
		if pos+len(rr) > len(rs) || string(rs[pos:pos+len(rr)]) != row {
			t.Errorf("%s at %.0f: row %d %q is not the text at %d", id, width, i, row, pos)
			return marks
		}
		pos += len(rr)
		if pos == len(rs) {
			if i != len(got)-1 {
				t.Errorf("%s at %.0f: rows after the end of the text", id, width)
			}
			return marks
		}
		if !unicode.IsSpace(rs[pos]) {
			t.Errorf("%s at %.0f: row %d ends inside a word: %q | %q", id, width, i, row,
				string(rs[pos:min(len(rs), pos+8)]))
			return marks
		}
		if rs[pos] == i18n.BreakMark {
			marks++
		}
		pos++ // the space Fyne drops at a line break
	}
	if pos < len(rs) {
		t.Errorf("%s at %.0f: rows stop at %d of %d runes", id, width, pos, len(rs))
	}
	return marks
}

// TestThaiWrapsBetweenWords lays out every long Thai message in wrapping
// labels with Fyne's own layout, in windows of 800×600 and 1000×700 and at
// a sweep of narrower widths, and checks that no line starts or ends inside
// a word of the Thai word list: lines break only at spaces and at the
// zero-width break marks i18n puts between words. It also checks that the
// marks are drawn with zero width by the Thai faces.
func TestThaiWrapsBetweenWords(t *testing.T) {
	a := test.NewTempApp(t)
	regular, bold, ok := Fonts(language.Thai)
	if !ok {
		t.Fatal("no Thai faces")
	}
	a.Settings().SetTheme(thaiTheme{regular, bold})
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Set(language.Thai); err != nil {
		t.Fatal(err)
	}
	type msg struct{ id, text string }
	var msgs []msg
	for _, m := range tr.Messages(language.Thai) {
		if m.Other == "" || m.One != "" || strings.Contains(m.Other, "{{") {
			continue
		}
		if utf8.RuneCountInString(m.Other) >= 40 {
			msgs = append(msgs, msg{m.ID, tr.T(m.ID)})
		}
	}
	if len(msgs) < 50 {
		t.Fatalf("only %d long Thai messages", len(msgs))
	}

	// The marks take no room: a line measures the same with and without.
	size := theme.DefaultTheme().Size(theme.SizeNameText)
	for _, m := range msgs[:10] {
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			with := fyne.MeasureText(m.text, size, style).Width
			without := fyne.MeasureText(strings.ReplaceAll(m.text, string(i18n.BreakMark), ""), size, style).Width
			if math.Abs(float64(with-without)) > 0.5 {
				t.Errorf("%s: break marks take %.1f px (bold %v): the Thai face must draw U+200A with zero width (run scripts/fonts)",
					m.id, with-without, style.Bold)
			}
		}
	}

	labels := make([]*widget.Label, len(msgs))
	box := container.NewVBox()
	for i, m := range msgs {
		labels[i] = widget.NewLabel(m.text)
		labels[i].Wrapping = fyne.TextWrapWord
		box.Add(labels[i])
	}
	marks := 0
	for _, win := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1000, Height: 700}} {
		t.Run(fmt.Sprintf("%.0fx%.0f", win.Width, win.Height), func(t *testing.T) {
			w := test.NewWindow(container.NewVScroll(box))
			defer w.Close()
			w.Resize(win)
			for i, m := range msgs {
				got := rows(t, labels[i])
				width := labels[i].Size().Width
				if width > win.Width || width < win.Width/2 {
					t.Fatalf("%s: label is %.0f wide in a %.0f window", m.id, width, win.Width)
				}
				marks += checkRows(t, m.id, width, m.text, got)
			}
		})
	}
	for width := float32(240); width <= 1000; width += 37 {
		for _, m := range msgs {
			l := widget.NewLabel(m.text)
			l.Wrapping = fyne.TextWrapWord
			test.WidgetRenderer(l) // create the renderer before sizing
			l.Resize(fyne.NewSize(width, 2000))
			marks += checkRows(t, m.id, width, m.text, rows(t, l))
		}
	}
	if marks == 0 {
		t.Error("no line broke at a break mark: Fyne wrapped only at spaces")
	}
	t.Logf("%d messages, %d line breaks between Thai words", len(msgs), marks)
}
