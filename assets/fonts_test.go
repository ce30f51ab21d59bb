package assets

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	gotext "github.com/go-text/typesetting/font"
	toml "github.com/pelletier/go-toml/v2"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/internal/showable"
)

// localesDir is where the message files are: ../i18n/locales, or
// $LOCALES_DIR (as for scripts/fonts), to check translations not yet there.
func localesDir() string {
	if d := os.Getenv("LOCALES_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "i18n", "locales")
}

// messageFile is one language's messages, flattened.
type messageFile struct {
	stem   string // file name without .toml: the language tag
	tag    language.Tag
	name   string   // [language] name
	values []string // every string value, nested tables and plurals included
}

func loadMessageFiles(t *testing.T) []messageFile {
	t.Helper()
	dir := localesDir()
	paths, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no message files in %s (err %v)", dir, err)
	}
	var files []messageFile
	for _, p := range paths {
		var doc map[string]any
		if err := decodeTOMLFile(p, &doc); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		stem := strings.TrimSuffix(filepath.Base(p), ".toml")
		tag, err := language.Parse(stem)
		if err != nil {
			t.Fatalf("%s: file name is not a language tag: %v", p, err)
		}
		mf := messageFile{stem: stem, tag: tag}
		if l, ok := doc["language"].(map[string]any); ok {
			mf.name, _ = l["name"].(string)
		}
		if mf.name == "" {
			t.Fatalf("%s: no [language] name", p)
		}
		flatten(doc, &mf.values)
		files = append(files, mf)
	}
	return files
}

func flatten(v any, out *[]string) {
	switch v := v.(type) {
	case string:
		*out = append(*out, v)
	case map[string]any:
		for _, x := range v {
			flatten(x, out)
		}
	case []map[string]any:
		for _, x := range v {
			flatten(x, out)
		}
	case []any:
		for _, x := range v {
			flatten(x, out)
		}
	}
}

// drawn reports whether r needs a glyph: control characters (\n, \t) and
// format characters (zero-width space and joiners, which the shaper hides)
// do not. Spaces such as U+00A0 and U+202F do.
func drawn(r rune) bool {
	return !unicode.IsControl(r) && !unicode.Is(unicode.Cf, r)
}

// font is a parsed face; has reports whether it maps a rune to a glyph.
type font struct {
	name string
	f    *sfnt.Font
	buf  sfnt.Buffer
}

func parse(t *testing.T, res fyne.Resource) *font {
	t.Helper()
	f, err := sfnt.Parse(res.Content())
	if err != nil {
		t.Fatalf("%s: %v", res.Name(), err)
	}
	return &font{name: res.Name(), f: f}
}

func (f *font) has(r rune) bool {
	i, err := f.f.GlyphIndex(&f.buf, r)
	return err == nil && i != 0
}

// missing returns the runes of texts that none of fonts has, as a sorted
// string.
func missing(texts []string, fonts ...*font) string {
	seen := map[rune]bool{}
	var out []rune
	for _, s := range texts {
		for _, r := range s {
			if seen[r] || !drawn(r) {
				continue
			}
			seen[r] = true
			if !slices.ContainsFunc(fonts, func(f *font) bool { return f.has(r) }) {
				out = append(out, r)
			}
		}
	}
	slices.Sort(out)
	var b strings.Builder
	for _, r := range out {
		fmt.Fprintf(&b, " %c(U+%04X)", r, r)
	}
	return b.String()
}

// showableSet is every string Steady can show (internal/showable): the
// message files of $LOCALES_DIR if set (as for scripts/fonts), else the
// embedded ones, and the guide's data.
func showableSet(t *testing.T) showable.Set {
	t.Helper()
	var (
		set showable.Set
		err error
	)
	if d := os.Getenv("LOCALES_DIR"); d != "" {
		set, err = showable.CollectFrom(os.DirFS(d), ".")
	} else {
		set, err = showable.Collect()
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Languages) == 0 || len(set.Everywhere) == 0 {
		t.Fatalf("showable strings: %d languages, %d shown everywhere", len(set.Languages), len(set.Everywhere))
	}
	return set
}

// TestFontsCoverEveryShowableString checks that every character Steady can
// show in a language — its messages (Thai with line-break marks), Fyne's
// strings, and what every language shows (languages' own names, helpline
// names, numbers and sources) — is in the bundled faces that language uses:
// its own faces, or Fyne's built-in font with LanguageNameFonts in front (as
// the UI's theme does). Only bundled fonts count, never the system's, so a
// pass means nothing depends on fonts installed on the machine. Regenerate
// with scripts/fonts when it fails.
func TestFontsCoverEveryShowableString(t *testing.T) {
	set := showableSet(t)
	namesRegular, namesBold := LanguageNameFonts()
	for tag, texts := range set.Languages {
		t.Run(tag, func(t *testing.T) {
			all := append(slices.Clone(texts), set.Everywhere...)
			if regular, bold, ok := Fonts(language.MustParse(tag)); ok {
				for _, res := range []fyne.Resource{regular, bold} {
					if m := missing(all, parse(t, res)); m != "" {
						t.Errorf("%s lacks characters Steady shows in %s (run scripts/fonts):%s", res.Name(), tag, m)
					}
				}
				return
			}
			for _, pair := range [][2]fyne.Resource{
				{namesRegular, theme.DefaultTextFont()},
				{namesBold, theme.DefaultTextBoldFont()},
			} {
				if m := missing(all, parse(t, pair[0]), parse(t, pair[1])); m != "" {
					t.Errorf("%s with %s lacks characters Steady shows in %s (run scripts/fonts):%s",
						pair[0].Name(), pair[1].Name(), tag, m)
				}
			}
		})
	}
}

// TestFontsHaveLanguageNames checks that every face can show every
// language's own name, so a language list shows them all whatever the
// current language: the faces from Fonts on their own, and Fyne's built-in
// font together with LanguageNameFonts.
func TestFontsHaveLanguageNames(t *testing.T) {
	files := loadMessageFiles(t)
	var names []string
	for _, mf := range files {
		names = append(names, mf.name)
	}
	for _, tag := range []string{"zh-Hans", "zh-Hant-TW", "zh-Hant-HK", "ja", "th"} {
		regular, bold, ok := Fonts(language.MustParse(tag))
		if !ok {
			t.Fatalf("Fonts(%s): no faces", tag)
		}
		for _, res := range []fyne.Resource{regular, bold} {
			if m := missing(names, parse(t, res)); m != "" {
				t.Errorf("%s lacks characters of language names (run scripts/fonts):%s", res.Name(), m)
			}
		}
	}
	namesRegular, namesBold := LanguageNameFonts()
	for _, pair := range [][2]fyne.Resource{
		{namesRegular, theme.DefaultTextFont()},
		{namesBold, theme.DefaultTextBoldFont()},
	} {
		if m := missing(names, parse(t, pair[0]), parse(t, pair[1])); m != "" {
			t.Errorf("%s with %s lacks characters of language names (run scripts/fonts):%s",
				pair[0].Name(), pair[1].Name(), m)
		}
	}
}

// TestLanguageNameFontsFitBuiltin checks the names faces can stand in front
// of Fyne's built-in font: the shaper keeps a space in the run of the text
// before it, so they need the spaces (else a box follows 日本語), and Fyne
// measures lines with the first face that has a space, so they need the
// built-in font's line metrics.
func TestLanguageNameFontsFitBuiltin(t *testing.T) {
	regular, bold := LanguageNameFonts()
	for _, pair := range [][2]fyne.Resource{
		{regular, theme.DefaultTextFont()},
		{bold, theme.DefaultTextBoldFont()},
	} {
		names, builtin := parseGoText(t, pair[0]), parseGoText(t, pair[1])
		for _, r := range " \u00a0\u202f\u3000" {
			if _, ok := names.NominalGlyph(r); !ok {
				t.Errorf("%s lacks space U+%04X", pair[0].Name(), r)
			}
		}
		got, _ := names.FontHExtents()
		want, _ := builtin.FontHExtents()
		if got != want {
			t.Errorf("%s line metrics %+v, want %+v as %s", pair[0].Name(), got, want, pair[1].Name())
		}
	}
}

func parseGoText(t *testing.T, res fyne.Resource) *gotext.Face {
	t.Helper()
	face, err := gotext.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		t.Fatalf("%s: go-text: %v", res.Name(), err)
	}
	return face
}

func TestFontsForTags(t *testing.T) {
	for _, tc := range []struct{ tag, want string }{
		{"zh", "NotoSansSC"},
		{"zh-Hans", "NotoSansSC"},
		{"zh-CN", "NotoSansSC"},
		{"zh-SG", "NotoSansSC"},
		{"zh-Hans-HK", "NotoSansSC"},
		{"zh-Hant", "NotoSansTC"},
		{"zh-Hant-TW", "NotoSansTC"},
		{"zh-TW", "NotoSansTC"},
		{"zh-Hant-HK", "NotoSansHK"},
		{"zh-HK", "NotoSansHK"},
		{"zh-MO", "NotoSansHK"},
		{"zh-Hant-MO", "NotoSansHK"},
		{"ja", "NotoSansJP"},
		{"ja-JP", "NotoSansJP"},
		{"th", "NotoSansThai"},
		{"th-TH", "NotoSansThai"},
		{"en", ""},
		{"es", ""},
		{"vi", ""},
		{"ko", ""},
		{"und", ""},
	} {
		regular, bold, ok := Fonts(language.MustParse(tc.tag))
		if tc.want == "" {
			if ok || regular != nil || bold != nil {
				t.Errorf("Fonts(%s) = %v, %v, %v; want built-in", tc.tag, regular, bold, ok)
			}
			continue
		}
		if !ok || regular.Name() != tc.want+"-Regular.ttf" || bold.Name() != tc.want+"-Bold.ttf" {
			t.Errorf("Fonts(%s) = %v, %v, %v; want %s", tc.tag, name(regular), name(bold), ok, tc.want)
		}
	}
}

func name(r fyne.Resource) string {
	if r == nil {
		return "nil"
	}
	return r.Name()
}

// TestFontsLoadInFyne parses every face with go-text, as Fyne does, and
// checks a few characters reach a glyph.
func TestFontsLoadInFyne(t *testing.T) {
	samples := map[string]string{
		"NotoSansSC": "简体中文症状", "NotoSansTC": "繁體中文症狀", "NotoSansHK": "繁體中文（香港）",
		"NotoSansJP": "日本語のひらがなカタカナ", "NotoSansThai": "ภาษาไทย Steady", "LanguageNames": "日本語ไทย",
	}
	regular, bold := LanguageNameFonts()
	resources := []fyne.Resource{regular, bold}
	for _, tag := range []string{"zh-Hans", "zh-Hant-TW", "zh-Hant-HK", "ja", "th"} {
		r, b, _ := Fonts(language.MustParse(tag))
		resources = append(resources, r, b)
	}
	for _, res := range resources {
		face, err := gotext.ParseTTF(bytes.NewReader(res.Content()))
		if err != nil {
			t.Errorf("%s: go-text: %v", res.Name(), err)
			continue
		}
		family := res.Name()[:strings.LastIndex(res.Name(), "-")]
		for _, r := range samples[family] {
			if _, ok := face.NominalGlyph(r); !ok && r != ' ' {
				t.Errorf("%s: go-text finds no glyph for %c", res.Name(), r)
			}
		}
	}
}

// decodeTOMLFile reads the TOML file at path into v.
func decodeTOMLFile(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return toml.Unmarshal(b, v)
}
