package i18n

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
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

// TestThaiProductNameKeptWithItsSentence checks every Thai message as it is
// served: "Steady" is never set off by a space from the Thai word after it,
// and where it ends its Thai clause, never from the Thai word before it. So
// Fyne, which breaks lines at spaces, can neither end a line with a lone
// "Steady" nor start one with the name split from its sentence.
func TestThaiProductNameKeptWithItsSentence(t *testing.T) {
	tr, err := New()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, m := range tr.Messages(language.Thai) {
		for _, v := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
			if !strings.Contains(v, productName) {
				continue
			}
			seen++
			if msg := looseProductName(Breakable(v)); msg != "" {
				t.Errorf("th %s: %s in %q", m.ID, msg, Breakable(v))
			}
		}
	}
	if seen < 20 {
		t.Fatalf("only %d Thai messages name Steady; the check looked at the wrong text", seen)
	}
}

// looseProductName says how s lets a line break split "Steady" from the Thai
// text of its sentence, or "" if it does not.
func looseProductName(s string) string {
	for rest := s; ; {
		i := strings.Index(rest, productName)
		if i < 0 {
			return ""
		}
		before, after := rest[:i], rest[i+len(productName):]
		spaceAfter := strings.TrimLeftFunc(after, unicode.IsSpace)
		next, _ := utf8.DecodeRuneInString(spaceAfter)
		if len(spaceAfter) < len(after) && isThai(next) {
			return "a space after Steady, before Thai"
		}
		direct, _ := utf8.DecodeRuneInString(after)
		bound := isThai(direct) || direct == NameJoiner // held to the word after
		spaceBefore := strings.TrimRightFunc(before, unicode.IsSpace)
		prev, _ := utf8.DecodeLastRuneInString(spaceBefore)
		if len(spaceBefore) < len(before) && isThai(prev) && !bound {
			return "Steady ends its clause but a space sets it off from the Thai before it"
		}
		rest = after
	}
}

func TestKeepNameWithSentence(t *testing.T) {
	j := string(NameJoiner)
	tests := []struct{ in, want string }{
		{"Steady ไม่ใช่", "Steady" + j + "ไม่ใช่"},                                   // binds to the word after
		{"ยินดีต้อนรับสู่ Steady", "ยินดีต้อนรับสู่" + j + "Steady"},                 // ends its clause: binds to the word before
		{"หน้าต่าง Steady ที่เปิด", "หน้าต่าง Steady" + j + "ที่เปิด"},               // mid-sentence: with what follows
		{"ของ Steady ({{.Minutes}} นาที)", "ของ" + j + "Steady ({{.Minutes}} นาที)"}, // a bracket follows
		{"“Steady”", "“Steady”"},         // quoted: left alone
		{"About Steady", "About Steady"}, // no Thai: left alone
		{"Steady: สรุป", "Steady: สรุป"}, // punctuation between: left alone
	}
	for _, tt := range tests {
		if got := keepNameWithSentence(tt.in); got != tt.want {
			t.Errorf("keepNameWithSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if msg := looseProductName(keepNameWithSentence(tt.in)); msg != "" {
			t.Errorf("%q: %s", tt.in, msg)
		}
		if got := Unbreakable(keepNameWithSentence(tt.in)); got != tt.in {
			t.Errorf("Unbreakable(keepNameWithSentence(%q)) = %q", tt.in, got)
		}
	}
}
