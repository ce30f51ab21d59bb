package ui

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// The smallest window Steady must work in.
var smallWindow = fyne.NewSize(800, 600)

// pseudoTag is the pseudo-locale: every message accented, padded by about
// 40 % and wrapped in ⟦ ⟧, to find clipping and text that bypasses the bundle.
var pseudoTag = language.MustParse("en-XA")

var tmplOrWord = regexp.MustCompile(`\{\{[^}]*\}\}|[^{]+|\{`)

// pseudo turns an English message into its pseudo-locale form.
func pseudo(s string) string {
	accents := map[rune]rune{'a': 'á', 'e': 'é', 'i': 'î', 'o': 'ö', 'u': 'ü', 'c': 'ç', 'n': 'ñ',
		'A': 'Å', 'E': 'É', 'I': 'Î', 'O': 'Ø', 'U': 'Ü', 'C': 'Ç', 'N': 'Ñ', 'y': 'ý', 's': 'š'}
	var b strings.Builder
	letters := 0
	for _, part := range tmplOrWord.FindAllString(s, -1) {
		if strings.HasPrefix(part, "{{") {
			b.WriteString(part)
			continue
		}
		for _, r := range part {
			if a, ok := accents[r]; ok {
				r = a
			}
			if unicode.IsLetter(r) {
				letters++
			}
			b.WriteRune(r)
		}
	}
	pad := strings.Repeat("·", (letters*2+4)/5)
	return "⟦" + b.String() + pad + "⟧"
}

// pseudoFS is the shipped message files plus the pseudo-locale made from
// English.
func pseudoFS(t testing.TB) fs.FS {
	t.Helper()
	dir := filepath.Join("..", "i18n", "locales")
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m["locales/"+f.Name()] = &fstest.MapFile{Data: b}
	}
	en, _ := os.ReadFile(filepath.Join(dir, "en.toml"))
	var out []string
	val := regexp.MustCompile(`^(\s*[\w]+\s*=\s*)"((?:[^"\\]|\\.)*)"\s*$`)
	for _, line := range strings.Split(string(en), "\n") {
		if mm := val.FindStringSubmatch(line); mm != nil && !strings.Contains(line, "first_weekday") {
			line = mm[1] + `"` + strings.ReplaceAll(pseudo(strings.ReplaceAll(mm[2], `\"`, `"`)), `"`, `\"`) + `"`
		}
		out = append(out, line)
	}
	m["locales/en-XA.toml"] = &fstest.MapFile{Data: []byte(strings.Join(out, "\n"))}
	return m
}

// newLayoutUI builds Steady in tag at 800×600 with some journal content.
func newLayoutUI(t *testing.T, tag language.Tag) *UI {
	t.Helper()
	a := newTestApp(t)
	t.Cleanup(a.Quit)
	store, err := data.Open(filepath.Join(t.TempDir(), "steady"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	tr, err := i18n.Load(pseudoFS(t), "locales")
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Set(tag); err != nil && tag != i18n.Source {
		t.Fatal(err)
	}
	start := time.Now().AddDate(0, 0, -5)
	store.SetQuitDate(start)
	for i := 0; i < 3; i++ {
		e := data.Entry{At: start.AddDate(0, 0, i), Mood: 2 + i, Craving: 3 * i, Used: i == 1,
			Triggers: []string{"trigger.stress"}, Note: "a note"}
		store.Add(&e)
	}
	u := openUI(a, store, tr, Options{SystemRegion: "GB", Version: "test"})
	u.win.Resize(smallWindow)
	return u
}

// problems lists objects on screen that are smaller than they need to be, or
// labels cut short with "…".
func problems(root fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject, path string)
	walk = func(o fyne.CanvasObject, path string) {
		if o == nil || !o.Visible() {
			return
		}
		name := fmt.Sprintf("%T", o)
		if l, ok := o.(*widget.Label); ok {
			name += fmt.Sprintf("(%q)", l.Text)
			if l.Truncation != fyne.TextTruncateOff && !strings.Contains(path, "List") {
				for _, c := range test.WidgetRenderer(l).Objects() {
					if tx, ok := c.(*canvas.Text); ok && strings.HasSuffix(tx.Text, "…") && !strings.HasSuffix(l.Text, "…") {
						out = append(out, path+"/"+name+": cut short")
					}
				}
			}
		}
		if b, ok := o.(*widget.Button); ok {
			name += fmt.Sprintf("(%q)", b.Text)
		}
		min, size := o.MinSize(), o.Size()
		if min.Width > 1 && min.Height > 1 && (size.Width+0.5 < min.Width || size.Height+0.5 < min.Height) {
			out = append(out, fmt.Sprintf("%s/%s: size %v < min %v", path, name, size, min))
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c, path+"/"+name)
			}
		case fyne.Widget:
			if _, scroll := o.(interface{ ScrollToTop() }); scroll {
				// Scrolled content may be larger than its viewport.
				return
			}
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c, path+"/"+name)
			}
		}
	}
	walk(root, "")
	return out
}

// settle lays the window out again: a wrapped label's height depends on the
// width it was given, which it learns in the first layout.
func settle(u *UI) {
	c := u.win.Content()
	for i := 0; i < 3; i++ {
		c.Resize(c.Size().AddWidthHeight(0, 1))
		c.Resize(c.Size().SubtractWidthHeight(0, 1))
	}
}

// TestLayoutAt800x600 opens every section in every language and in the
// pseudo-locale at 800×600 and fails when something is squeezed below its
// minimum size or a label is cut short.
func TestLayoutAt800x600(t *testing.T) {
	tr, err := i18n.Load(pseudoFS(t), "locales")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range tr.Languages() {
		t.Run(l.Tag.String(), func(t *testing.T) {
			checkLayout(t, newLayoutUI(t, l.Tag), smallWindow)
		})
	}
}

// checkLayout resizes the window and opens every section, failing on
// anything squeezed or cut short.
func checkLayout(t *testing.T, u *UI, size fyne.Size) {
	t.Helper()
	u.win.Resize(size)
	if min := u.win.Content().MinSize(); min.Width > size.Width || min.Height > size.Height {
		t.Errorf("window needs %v, more than %v", min, size)
	}
	for _, id := range u.ids {
		u.selectSection(id)
		settle(u)
		for _, p := range problems(u.win.Content()) {
			t.Errorf("%s: %s", id, p)
		}
	}
}

// TestLayoutAtScale150 checks the larger text size: every section at 150 %
// text in a 1024×768 window, in English and German (long words) and the
// pseudo-locale.
func TestLayoutAtScale150(t *testing.T) {
	for _, tag := range []language.Tag{language.English, language.German, pseudoTag} {
		t.Run(tag.String(), func(t *testing.T) {
			u := newLayoutUI(t, tag)
			u.journal.SetSetting(data.SettingTextScale, "1.5")
			u.applyTheme()
			checkLayout(t, u, fyne.NewSize(1024, 768))
		})
	}
}

// TestEveryVisibleTextIsTranslated shows every section in the pseudo-locale:
// text that is not in ⟦ ⟧ did not come from the message files.
func TestEveryVisibleTextIsTranslated(t *testing.T) {
	u := newLayoutUI(t, pseudoTag)
	allowed := regexp.MustCompile(`^[\d\s:./%,+()-]*$`) // numbers, times and phone numbers
	userText := map[string]bool{"a note": true, "Steady": true}
	for _, l := range u.tr.Languages() {
		userText[l.Name] = true // the picker names each language in itself
	}
	for _, r := range guide.Regions() {
		for _, l := range r.Lines {
			userText[l.Name] = true
		}
	}
	for _, id := range u.ids {
		u.selectSection(id)
		for _, s := range texts(u.win.Content()) {
			s = strings.TrimSpace(s)
			if s == "" || allowed.MatchString(s) || userText[s] || strings.Contains(s, "⟦") || strings.Contains(s, u.journal.Dir()) {
				continue
			}
			t.Errorf("%s: %q is not from the message files", id, s)
		}
	}
}
