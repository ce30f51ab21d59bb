package assets

import (
	"image/color"
	"image/png"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/go-text/typesetting/fontscan"
	"golang.org/x/text/language"
)

// proofTheme is Fyne's light theme with the given text faces (nil: built-in)
// and large text, so the pictures are easy to read.
type proofTheme struct{ regular, bold fyne.Resource }

func (p proofTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol || p.regular == nil:
		return theme.DefaultTheme().Font(s)
	case s.Bold:
		return p.bold
	}
	return p.regular
}

func (p proofTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (p proofTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (p proofTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 20
	}
	return theme.DefaultTheme().Size(n)
}

// TestFontProof draws each language's messages with its faces through
// Fyne's software painter and writes PNGs to $FONT_PROOF_OUT, for a person
// to look at. Run it with scripts/font-proof, which hides the system fonts
// so that a missing glyph shows as a box instead of a system font's glyph.
// Also written: control-builtin.png (zh-Hans, ja, th with Fyne's built-in
// font only: boxes expected) and names-en.png (English with
// LanguageNameFonts: every language's name).
func TestFontProof(t *testing.T) {
	out := os.Getenv("FONT_PROOF_OUT")
	if out == "" {
		t.Skip("set FONT_PROOF_OUT to a folder to draw the faces (see scripts/font-proof)")
	}
	if fonts := systemFonts(); len(fonts) > 0 {
		t.Fatalf("system fonts are visible (%s …): run through scripts/font-proof, which hides them", fonts[0])
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	docs := map[string]map[string]any{}
	var stems, names []string
	for _, mf := range loadMessageFiles(t) {
		var doc map[string]any
		if err := decodeTOMLFile(filepath.Join(localesDir(), mf.stem+".toml"), &doc); err != nil {
			t.Fatal(err)
		}
		docs[mf.stem] = doc
		stems = append(stems, mf.stem)
		names = append(names, mf.name)
	}
	for _, stem := range stems {
		regular, bold, ok := Fonts(language.MustParse(stem))
		if !ok {
			continue
		}
		capture(t, filepath.Join(out, stem+".png"), proofTheme{regular, bold}, sample(docs[stem], names))
	}
	var control []fyne.CanvasObject
	for _, stem := range []string{"zh-Hans", "ja", "th"} {
		if doc, ok := docs[stem]; ok {
			control = append(control, label(stem+" (built-in font): "+get(doc, "guide.symptoms.title")+" "+get(doc, "symptom.psychological.anxiety"), false))
		}
	}
	capture(t, filepath.Join(out, "control-builtin.png"), proofTheme{}, control)
	if doc, ok := docs["en"]; ok {
		regular, bold := LanguageNameFonts()
		capture(t, filepath.Join(out, "names-en.png"), proofTheme{regular, bold}, sample(doc, names))
	}
	// What every language shows (helpline names, numbers, sources), in a
	// Latin-script window (Fyne's font behind LanguageNameFonts) and with each
	// language's own faces: every glyph must come from a bundled face.
	everywhere := strings.Join(showableSet(t).Everywhere, " · ")
	regular, bold := LanguageNameFonts()
	capture(t, filepath.Join(out, "everywhere-en.png"), proofTheme{regular, bold},
		[]fyne.CanvasObject{label(everywhere, false), label(everywhere, true)})
	for _, stem := range stems {
		if regular, bold, ok := Fonts(language.MustParse(stem)); ok {
			capture(t, filepath.Join(out, "everywhere-"+stem+".png"), proofTheme{regular, bold},
				[]fyne.CanvasObject{label(everywhere, false)})
		}
	}
}

// sample is a language's name and tagline, the symptom list and a question
// with its answer, and the list of every language's name.
func sample(doc map[string]any, names []string) []fyne.CanvasObject {
	var symptoms []string
	walkStrings(doc["symptom"], &symptoms)
	return []fyne.CanvasObject{
		label(get(doc, "language.name")+" — "+get(doc, "app.tagline"), true),
		label(get(doc, "guide.symptoms.common"), true),
		label(strings.Join(symptoms, " · "), false),
		label(get(doc, "faq.duration.question"), true),
		label(get(doc, "faq.duration.answer"), false),
		label(strings.Join(names, " · "), false),
	}
}

func label(s string, bold bool) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// get returns the string at a dotted path such as "faq.duration.answer".
func get(doc map[string]any, path string) string {
	var v any = doc
	for _, k := range strings.Split(path, ".") {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	s, _ := v.(string)
	return s
}

// walkStrings collects string values in a stable order (sorted keys).
func walkStrings(v any, out *[]string) {
	switch v := v.(type) {
	case string:
		*out = append(*out, v)
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			walkStrings(v[k], out)
		}
	}
}

func capture(t *testing.T, path string, th fyne.Theme, objs []fyne.CanvasObject) {
	t.Helper()
	a := test.NewTempApp(t) // a new app clears Fyne's font cache
	a.Settings().SetTheme(th)
	w := test.NewTempWindow(t, container.NewVBox(objs...))
	w.Resize(fyne.NewSize(900, 640))
	w.Content().Refresh() // wrapped labels measure again at the new width
	w.Resize(fyne.NewSize(900, 640))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// systemFonts lists font files where Fyne (go-text's fontscan) looks for
// system fonts to fall back on.
func systemFonts() []string {
	dirs, _ := fontscan.DefaultFontDirectories(log.New(io.Discard, "", 0))
	var found []string
	for _, dir := range dirs {
		if strings.HasPrefix(dir, "~/") {
			home, _ := os.UserHomeDir()
			dir = filepath.Join(home, dir[2:])
		}
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				switch strings.ToLower(filepath.Ext(p)) {
				case ".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2", ".pfb", ".pcf", ".gz":
					found = append(found, p)
				}
			}
			return nil
		})
	}
	return found
}
