package i18n

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func TestSegmentThai(t *testing.T) {
	d := newDictionary("เค\nตา\nมีน\nเคตามีน\nเป็น\nยา\nที่\nมี\nฤทธิ์\nแรง\nความ\nรู้สึก\nความรู้\nสึก\n")
	tests := []struct {
		in   string
		want []string
	}{
		{"เคตามีนเป็นยา", []string{"เคตามีน", "เป็น", "ยา"}},     // longest whole word, not เค|ตา|มีน
		{"ที่มีฤทธิ์แรง", []string{"ที่", "มี", "ฤทธิ์", "แรง"}}, // every word known
		{"ความรู้สึก", []string{"ความ", "รู้สึก"}},               // fewest words: ความ|รู้สึก = ความรู้|สึก; either
		{"ยาขมมาก", []string{"ยาขมมาก"}},                         // unknown ขมมาก glues to ยา: no cut next to it
		{"เป็นยาขมที่แรง", []string{"เป็น", "ยาขมที่", "แรง"}},   // unknown ขม glues to both neighbours
		{"ขม", []string{"ขม"}}, // all unknown: whole
	}
	for _, tt := range tests {
		got := d.segment([]rune(tt.in))
		if strings.Join(got, "") != tt.in {
			t.Errorf("segment(%q) = %q: pieces do not join back", tt.in, got)
		}
		if tt.in == "ความรู้สึก" {
			if len(got) != 2 {
				t.Errorf("segment(%q) = %q, want two words", tt.in, got)
			}
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("segment(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBreakable(t *testing.T) {
	mark := string(BreakMark)
	tests := []struct{ in, want string }{
		{"Steady keeps it", "Steady keeps it"},
		{"", ""},
		{"เคตามีนเป็นยา", "เคตามีน" + mark + "เป็น" + mark + "ยา"},
		{"ใช้ Steady เพื่อเปิดไฟล์นี้", "ใช้ Steady" + string(NameJoiner) + "เพื่อ" + mark + "เปิด" + mark + "ไฟล์" + mark + "นี้"}, // the name kept with its sentence (productname_test.go)
		{"อื่น ๆ", "อื่น ๆ"}, // the repetition mark stands apart
		{"{{.Count}} วัน", "{{.Count}} วัน"},
	}
	for _, tt := range tests {
		if got := Breakable(tt.in); got != tt.want {
			t.Errorf("Breakable(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Unbreakable(Breakable(tt.in)); got != tt.in {
			t.Errorf("Unbreakable(Breakable(%q)) = %q", tt.in, got)
		}
	}
	if !unicode.IsSpace(BreakMark) {
		t.Error("BreakMark is not a space for unicode.IsSpace: Fyne will not break lines at it")
	}
}

// TestThaiMessagesSegment checks the word list against the Thai messages:
// every Thai run long enough to need a line break inside it (more than
// maxUnbroken letters) is covered by known words, so it can be wrapped
// between words. A failure means new Thai text: run scripts/thai-words.
func TestThaiMessagesSegment(t *testing.T) {
	const maxUnbroken = 12
	tr, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range tr.Messages(language.Thai) {
		for _, v := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
			for _, words := range ThaiWords(v) {
				for _, w := range words {
					if utf8.RuneCountInString(w) > maxUnbroken && !KnownThaiWord(w) {
						t.Errorf("%s: %q is not cut into known words: run scripts/thai-words, which adds the words of new Thai text to i18n/thai/words.txt", m.ID, w)
					}
				}
			}
		}
	}
}

func TestThaiMessagesServedBreakable(t *testing.T) {
	tr, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Set(language.Thai); err != nil {
		t.Fatal(err)
	}
	got := tr.T("phase.later")
	if !strings.ContainsRune(got, BreakMark) {
		t.Fatalf("Thai phase.later has no break marks: %q", got)
	}
	raw := ""
	for _, m := range tr.Messages(language.Thai) {
		if m.ID == "phase.later" {
			raw = m.Other
		}
	}
	if Unbreakable(got) != raw {
		t.Errorf("served text differs from the message beyond break marks:\n%q\n%q", Unbreakable(got), raw)
	}
	if err := tr.Set(language.English); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(tr.T("phase.later"), BreakMark) {
		t.Error("English text got break marks")
	}
}

// BenchmarkBreakable measures cutting the longest Thai paragraph (the
// guide's introduction) into words, as T does for every Thai message.
func BenchmarkBreakable(b *testing.B) {
	tr, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var text string
	for _, m := range tr.Messages(language.Thai) {
		if m.ID == "guide.symptoms.intro" {
			text = m.Other
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		Breakable(text)
	}
}
