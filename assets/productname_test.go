package assets

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/i18n"
)

// TestProductNameNeverAloneOnALine lays out, with Fyne's own wrapping and
// Steady's faces, the texts that name Steady in the languages written
// without spaces between words: the welcome and the reminder texts, and in
// Thai every message that names Steady. At a sweep of widths no line may
// end with "Steady" as a word of its own, or start with it, split from the
// sentence it belongs to (issues 14 and 18: "Steady は、…" in Japanese,
// "Steady ไม่ใช่…" in Thai). It also checks that the joiner i18n puts between
// "Steady" and Thai takes no room.
func TestProductNameNeverAloneOnALine(t *testing.T) {
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	always := map[string]bool{"welcome.title": true, "welcome.intro": true, "welcome.quit": true,
		"welcome.private": true, "settings.reminder_hint": true}
	for _, tag := range []language.Tag{language.Thai, language.Japanese,
		language.MustParse("zh-Hans"), language.MustParse("zh-Hant-TW"), language.MustParse("zh-Hant-HK")} {
		t.Run(tag.String(), func(t *testing.T) {
			a := test.NewTempApp(t)
			regular, bold, ok := Fonts(tag)
			if !ok {
				t.Fatalf("no faces for %s", tag)
			}
			a.Settings().SetTheme(thaiTheme{regular, bold})
			if err := tr.Set(tag); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, m := range tr.Messages(tag) {
				if always[m.ID] || (tag == language.Thai && strings.Contains(m.Other, "Steady") &&
					m.One == "" && !strings.Contains(m.Other, "{{")) {
					ids = append(ids, m.ID)
				}
			}
			if len(ids) < len(always) {
				t.Fatalf("only %d texts to lay out: %v", len(ids), ids)
			}
			size := theme.DefaultTheme().Size(theme.SizeNameText)
			labels := make([]*widget.Label, len(ids))
			box := container.NewVBox()
			for i, id := range ids {
				text := tr.T(id)
				if tag == language.Thai {
					joined := strings.ReplaceAll(text, string(i18n.NameJoiner), "")
					for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
						if d := fyne.MeasureText(text, size, style).Width - fyne.MeasureText(joined, size, style).Width; math.Abs(float64(d)) > 0.5 {
							t.Errorf("%s: the name joiner takes %.1f px (bold %v)", id, d, style.Bold)
						}
					}
				}
				labels[i] = widget.NewLabel(text)
				labels[i].Wrapping = fyne.TextWrapWord
				box.Add(labels[i])
			}
			w := test.NewWindow(container.NewVScroll(box))
			defer w.Close()
			breaks := 0
			for width := float32(1000); width >= 180; width -= 7 {
				w.Resize(fyne.NewSize(width, 600))
				for i, id := range ids {
					got := rows(t, labels[i])
					breaks += len(got) - 1
					if msg := loneName(got); msg != "" {
						t.Errorf("%s at %.0f px: %s: %q", id, width, msg, got)
					}
				}
			}
			if breaks == 0 {
				t.Fatal("no line was ever broken: the sweep checked nothing")
			}
		})
	}
}

// loneName says where rows leave "Steady" as a word alone at a line break,
// or "" if they never do. Words are what lies between spaces (the Thai break
// mark is one); the joiner is not a space, so "Steady" joined to Thai is
// part of a longer word.
func loneName(rows []string) string {
	for i := 0; i+1 < len(rows); i++ {
		end := strings.FieldsFunc(rows[i], unicode.IsSpace)
		start := strings.FieldsFunc(rows[i+1], unicode.IsSpace)
		if len(end) > 0 && end[len(end)-1] == "Steady" {
			return fmt.Sprintf("line %d ends with a lone Steady", i+1)
		}
		if len(start) > 0 && start[0] == "Steady" {
			return fmt.Sprintf("line %d starts with a lone Steady", i+2)
		}
	}
	return ""
}
