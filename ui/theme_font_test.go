package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/assets"
)

// TestThemeFontsAtStart pins what the theme costs Fyne's text measuring at
// start (docs/performance.md, "The theme's share of the first frame"):
//   - every call and every new theme for the same language returns the very
//     same font resource, and two such themes are the same(), so applyTheme
//     never sets the theme a second time (once Fyne runs, SetTheme clears its
//     font cache and measures every widget again);
//   - a language Fyne's font covers gets only the tiny language-name faces,
//     never a Chinese, Japanese or Thai face (hundreds of KiB each to parse);
//   - monospace and symbol text keep Fyne's own fonts.
func TestThemeFontsAtStart(t *testing.T) {
	styles := []fyne.TextStyle{
		{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true},
		{Monospace: true}, {Symbol: true},
	}
	names, namesBold := assets.LanguageNameFonts()
	var scripts []fyne.Resource // every Chinese, Japanese and Thai face
	for _, tag := range []string{"ja", "th", "zh-Hans", "zh-Hant-TW", "zh-Hant-HK"} {
		r, b, ok := assets.Fonts(language.MustParse(tag))
		if !ok {
			t.Fatalf("assets.Fonts(%s): no face", tag)
		}
		scripts = append(scripts, r, b)
	}
	tests := []struct {
		tag   string
		latin bool // Fyne's own font covers it
	}{
		{tag: "en", latin: true},
		{tag: "de", latin: true},
		{tag: "pl", latin: true},
		{tag: "vi", latin: true},
		{tag: "pt-BR", latin: true},
		{tag: "ja"},
		{tag: "th"},
		{tag: "zh-Hans"},
		{tag: "zh-Hant-HK"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			lang := language.MustParse(tt.tag)
			regular, bold, own := assets.Fonts(lang)
			if own == tt.latin {
				t.Fatalf("assets.Fonts(%s) ok = %v, want %v", tt.tag, own, !tt.latin)
			}
			if tt.latin {
				regular, bold = names, namesBold
			}
			first := newTheme(lang, themeSystem, 1)
			again := newTheme(lang, themeSystem, 1)
			if !first.same(again) {
				t.Errorf("two themes for %s are not the same(): applyTheme would set the theme again", tt.tag)
			}
			for _, s := range styles {
				f := first.Font(s)
				if f == nil {
					t.Fatalf("Font(%+v) = nil", s)
				}
				if g, h := first.Font(s), again.Font(s); g != f || h != f {
					t.Errorf("Font(%+v) gives a different resource on another call (%p, %p, %p): Fyne's font cache would parse it again", s, f, g, h)
				}
				if s.Monospace || s.Symbol {
					if want := theme.DefaultTheme().Font(s); f != want {
						t.Errorf("Font(%+v) = %s, want Fyne's own %s", s, f.Name(), want.Name())
					}
					continue
				}
				want := regular
				if s.Bold {
					want = bold
				}
				if f != want {
					t.Errorf("Font(%+v) = %s, want %s", s, f.Name(), want.Name())
				}
				for _, c := range scripts {
					if f == c && f != want {
						t.Errorf("Font(%+v) = %s for %s: a face of another script would be parsed at start", s, f.Name(), tt.tag)
					}
				}
			}
		})
	}
}
