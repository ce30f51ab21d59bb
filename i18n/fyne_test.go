package i18n

import (
	"encoding/json"
	"io/fs"
	"testing"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/language"
)

func fyneCancel(t *testing.T, file string) string {
	t.Helper()
	buf, err := fs.ReadFile(FyneTranslations, "fyne/"+file)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf, &m); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	s, _ := m["Cancel"].(string)
	return s
}

// TestFollowFyne switches Steady's language and checks that Fyne's own
// strings follow it, whatever the system's locale.
func TestFollowFyne(t *testing.T) {
	for _, system := range []string{"C", "fr_FR.UTF-8", "en_GB.UTF-8", "th_TH.UTF-8"} {
		t.Run(system, func(t *testing.T) {
			t.Setenv("LANGUAGE", "")
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", system)
			tr, err := New()
			if err != nil {
				t.Fatal(err)
			}
			if err := tr.FollowFyne(); err != nil {
				t.Fatal(err)
			}
			if got := lang.L("Cancel"); got != "Cancel" {
				t.Errorf("English: Fyne says %q", got)
			}
			for _, tc := range []struct{ tag, file string }{
				{"th", "base.th.json"}, {"pl", "base.pl.json"}, {"zh-Hant-HK", "base.zh_Hant_HK.json"},
				{"zh-Hant-TW", "base.zh_Hant.json"}, {"ja", "base.ja.json"}, {"de", "base.de.json"},
				{"en", "base.en.json"},
			} {
				if err := tr.Set(language.MustParse(tc.tag)); err != nil {
					t.Fatal(err)
				}
				want := fyneCancel(t, tc.file)
				if got := lang.L("Cancel"); got != want {
					t.Errorf("%s: Fyne says %q, want %q", tc.tag, got, want)
				}
			}
		})
	}
}

// TestFyneFilesForEveryLanguage checks every language Steady speaks has
// Fyne's strings of its own (English only for English).
func TestFyneFilesForEveryLanguage(t *testing.T) {
	tr, err := New()
	if err != nil {
		t.Fatal(err)
	}
	english := fyneCancel(t, "base.en.json")
	for _, l := range tr.Languages() {
		_, name, err := fyneFile(l.Tag)
		if err != nil {
			t.Fatal(err)
		}
		if l.Tag != language.English && (name == "base.en.json" || fyneCancel(t, name) == english) {
			t.Errorf("%s: no Fyne strings of its own (%s)", l.Tag, name)
		}
	}
}
