package i18n_test

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

func load(t *testing.T) *i18n.Translator {
	t.Helper()
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// forms lists the plural forms a message defines, or "" for a plain one.
func forms(m *goi18n.Message) map[string]string {
	f := map[string]string{}
	for name, v := range map[string]string{
		"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other,
	} {
		if v != "" {
			f[name] = v
		}
	}
	return f
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func placeholders(m *goi18n.Message) []string {
	var all []string
	for _, v := range forms(m) {
		for _, p := range placeholder.FindAllStringSubmatch(v, -1) {
			if !slices.Contains(all, p[1]) {
				all = append(all, p[1])
			}
		}
	}
	slices.Sort(all)
	return all
}

func byID(msgs []*goi18n.Message) map[string]*goi18n.Message {
	m := map[string]*goi18n.Message{}
	for _, msg := range msgs {
		m[msg.ID] = msg
	}
	return m
}

// TestEveryLanguageIsComplete fails when a language lacks a message, has one
// the source does not, leaves one empty, or changes a placeholder.
func TestEveryLanguageIsComplete(t *testing.T) {
	tr := load(t)
	src := byID(tr.Messages(i18n.Source))
	if len(src) < 100 {
		t.Fatalf("only %d source messages", len(src))
	}
	for _, l := range tr.Languages() {
		t.Run(l.Tag.String(), func(t *testing.T) {
			msgs := byID(tr.Messages(l.Tag))
			for id, sm := range src {
				m, ok := msgs[id]
				if !ok {
					t.Errorf("missing %s", id)
					continue
				}
				for name, v := range forms(m) {
					if strings.TrimSpace(v) == "" {
						t.Errorf("%s: empty %s form", id, name)
					}
				}
				if len(forms(m)) == 0 {
					t.Errorf("%s: empty", id)
				}
				if got, want := placeholders(m), placeholders(sm); !slices.Equal(got, want) {
					t.Errorf("%s: placeholders %v, source has %v", id, got, want)
				}
			}
			for id := range msgs {
				if _, ok := src[id]; !ok {
					t.Errorf("extra %s (not in the source)", id)
				}
			}
		})
	}
}

// TestGuideIsTranslated walks the guide's catalog: every item has a
// non-empty message in every language.
func TestGuideIsTranslated(t *testing.T) {
	tr := load(t)
	ids := guide.TheGuide().MessageIDs()
	for _, l := range tr.Languages() {
		msgs := byID(tr.Messages(l.Tag))
		for _, id := range ids {
			m, ok := msgs[id]
			if !ok || strings.TrimSpace(m.Other) == "" {
				t.Errorf("%s: guide item %s has no text", l.Tag, id)
			}
		}
	}
}

func TestNativeNames(t *testing.T) {
	tr := load(t)
	if got := tr.Languages()[0]; got.Tag != language.English || got.Name != "English" {
		t.Errorf("first language = %v", got)
	}
	seen := map[string]bool{}
	for _, l := range tr.Languages() {
		if l.Name == "" || seen[l.Name] {
			t.Errorf("%s: empty or repeated native name %q", l.Tag, l.Name)
		}
		seen[l.Name] = true
	}
}

func TestMatchSystemLocale(t *testing.T) {
	tr := load(t)
	has := func(tag string) bool { return tr.Supported(language.MustParse(tag)) }
	tests := []struct{ locale, want string }{
		{"", "en"}, {"C", "en"}, {"C.UTF-8", "en"}, {"POSIX", "en"}, {"und", "en"},
		{"en-US", "en"}, {"en_GB.UTF-8", "en"}, {"xx-YY", "en"}, {"sw-KE", "en"},
		{"es-MX", "es"}, {"es_ES.UTF-8", "es"}, {"es", "es"},
	}
	for _, tt := range tests {
		if !has(tt.want) {
			continue
		}
		if got := tr.Match(tt.locale).String(); got != tt.want {
			t.Errorf("Match(%q) = %s, want %s", tt.locale, got, tt.want)
		}
	}
}

func TestPick(t *testing.T) {
	tr := load(t)
	if !tr.Supported(language.Spanish) {
		t.Skip("no Spanish")
	}
	tests := []struct{ flag, saved, system, want string }{
		{"", "", "es-AR", "es"},
		{"", "en", "es-AR", "en"},
		{"es", "en", "en-US", "es"},
		{"", "", "C", "en"},
		{"bogus!!", "es", "en-US", "es"},
	}
	for _, tt := range tests {
		if got := tr.Pick(tt.flag, tt.saved, tt.system).String(); got != tt.want {
			t.Errorf("Pick(%q,%q,%q) = %s, want %s", tt.flag, tt.saved, tt.system, got, tt.want)
		}
	}
}

func TestSetTellsListeners(t *testing.T) {
	tr := load(t)
	var got []language.Tag
	tr.OnChange(func(tag language.Tag) { got = append(got, tag) })
	if err := tr.Set(language.English); err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("setting the current language notified %v", got)
	}
	if err := tr.Set(language.Swahili); err == nil {
		t.Error("Set(unsupported) succeeded")
	}
	for _, l := range tr.Languages()[1:] {
		if err := tr.Set(l.Tag); err != nil {
			t.Fatal(err)
		}
		if tr.Language() != l.Tag || got[len(got)-1] != l.Tag {
			t.Errorf("after Set(%s): language %s, told %v", l.Tag, tr.Language(), got)
		}
		if name := tr.T("language.name"); name != l.Name {
			t.Errorf("T(language.name) = %q in %s", name, l.Tag)
		}
	}
}

func TestTemplatesAndDates(t *testing.T) {
	tr := load(t)
	if got := tr.T("journal.craving_value", "Value", 7); got != "7 of 10" {
		t.Errorf("craving_value = %q", got)
	}
	if got := tr.T("no.such.message"); got != "no.such.message" {
		t.Errorf("unknown ID gave %q", got)
	}
	d := time.Date(2026, 3, 3, 9, 5, 0, 0, time.UTC)
	if got := tr.DateTime(d); got != "Tuesday 3 March 2026, 09:05" {
		t.Errorf("DateTime = %q", got)
	}
	for _, l := range tr.Languages() {
		tr.Set(l.Tag)
		english := 0
		for m := time.January; m <= time.December; m++ {
			got := tr.Date(time.Date(2026, m, 1+int(m), 0, 0, 0, 0, time.UTC))
			if strings.Contains(got, "{{") || strings.Contains(got, "date.") {
				t.Errorf("%s: Date gave %q", l.Tag, got)
			}
			if tr.MonthName(m) == m.String() {
				english++
			}
		}
		// Some month names are the same as in English (German "April");
		// all twelve are not.
		if l.Tag != language.English && english == 12 {
			t.Errorf("%s: month names left in English", l.Tag)
		}
	}
}

// pluralCounts reach every CLDR plural form of every language Steady ships
// (one, few, many, other; 1 000 000 is "many" in es, fr, it and pt).
var pluralCounts = []int{0, 1, 2, 3, 4, 5, 7, 11, 12, 14, 21, 22, 25, 100, 101, 102, 111, 112, 1000, 1000000}

// TestPluralForms checks every plural message in every language against
// go-i18n's own CLDR rules: each count must find its form, so a missing form
// fails here rather than in the app.
func TestPluralForms(t *testing.T) {
	tr := load(t)
	var plural []string
	for _, m := range tr.Messages(i18n.Source) {
		if m.One != "" {
			plural = append(plural, m.ID)
		}
	}
	if len(plural) < 5 {
		t.Fatalf("only %d plural messages", len(plural))
	}
	for _, l := range tr.Languages() {
		for _, id := range plural {
			for _, n := range pluralCounts {
				s, err := tr.LocalizeStrict(l.Tag, id, n)
				if err != nil {
					t.Errorf("%s %s count %d: %v", l.Tag, id, n, err)
					break
				}
				if !strings.Contains(s, strconv.Itoa(n)) && strings.Contains(byID(tr.Messages(l.Tag))[id].Other, "{{.Count}}") {
					t.Errorf("%s %s count %d: %q does not show the count", l.Tag, id, n, s)
					break
				}
			}
		}
	}
}

// TestNativeNamesMatchFiles checks the language names read at start-up
// (without parsing the files) against the parsed files.
func TestNativeNamesMatchFiles(t *testing.T) {
	tr := load(t)
	for _, l := range tr.Languages() {
		if got := byID(tr.Messages(l.Tag))["language.name"]; got == nil || got.Other != l.Name {
			t.Errorf("%s: start-up name %q, file says %v", l.Tag, l.Name, got)
		}
	}
}

// TestNativeNameBeyondTheHead: a message file's own name is found wherever
// its [language] table is (start-up reads only a file's head, then the
// whole file if the name is not there), and a file without one is refused.
func TestNativeNameBeyondTheHead(t *testing.T) {
	en, err := fs.ReadFile(os.DirFS("locales"), "en.toml")
	if err != nil {
		t.Fatal(err)
	}
	long := "# " + strings.Repeat("a long opening comment ", 400) + "\n" // past the 4 KiB head
	cases := []struct {
		name, es string
		want     string // the name, or "" when Load must fail
	}{
		{"at the top", "[language]\nname = \"Español\"\n", "Español"},
		{"after a long comment", long + "[language]\nname = \"Español\"\n", "Español"},
		{"cut by the head's end", long[:4096-len("[language]\nname = \"Esp")] + "\n[language]\nname = \"Español\"\n", "Español"},
		{"none", long + "[app]\nname = \"Steady\"\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"locales/en.toml": &fstest.MapFile{Data: en},
				"locales/es.toml": &fstest.MapFile{Data: []byte(c.es)},
			}
			tr, err := i18n.Load(fsys, "locales")
			if c.want == "" {
				if err == nil || !strings.Contains(err.Error(), "no [language] name") {
					t.Fatalf("Load = %v, want no [language] name", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tr.Languages()[1]; got.Tag != language.Spanish || got.Name != c.want {
				t.Errorf("second language %v %q, want es %q", got.Tag, got.Name, c.want)
			}
		})
	}
}
