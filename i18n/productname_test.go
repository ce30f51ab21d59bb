package i18n

import (
	"regexp"
	"strings"
	"testing"
)

// TestProductNameKeptWithItsSentence checks that in languages written without
// spaces between words, "Steady" is never followed by a space. Fyne breaks
// lines only at spaces, so "Steady は、…" could leave "Steady" alone at the end
// of one line and the sentence on the next (seen in the Japanese welcome).
func TestProductNameKeptWithItsSentence(t *testing.T) {
	loose := regexp.MustCompile(`Steady\s+[^\x00-\x7F]`)
	for _, name := range []string{"ja", "zh-Hans", "zh-Hant-TW", "zh-Hant-HK"} {
		buf, err := localeFS.ReadFile("locales/" + name + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(buf), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			if loose.MatchString(line) {
				t.Errorf("%s.toml:%d: %q: \"Steady\" is followed by a space", name, i+1, line)
			}
		}
	}
}
