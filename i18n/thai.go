package i18n

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// Thai is written without spaces between words, and Fyne wraps text only at
// spaces (unicode.IsSpace). Steady's Thai messages are therefore cut into
// words by a dictionary segmenter, and a break mark is put between the words
// when a Thai message is served (Translator.T and N). The mark is U+200A
// HAIR SPACE: Fyne breaks lines at it like at any space, and Steady's Thai
// faces (assets.Fonts, built by scripts/fonts) draw it with zero width, so a
// line reads as Thai should, with no gaps. U+200B ZERO WIDTH SPACE would be
// the natural mark, but it is not a space for unicode.IsSpace, so Fyne 2.7.1
// never breaks at it (widget/richtext.go, findSpaceIndex).

// BreakMark is the character Breakable puts between Thai words.
const BreakMark = '\u200A'

//go:embed thai/words.txt
var thaiWordList string

// thaiDict is the word list of Steady's Thai messages (i18n/thai/words.txt,
// made by scripts/thai-words), read once.
var thaiDict = newDictionary(thaiWordList)

// dictionary is a set of words with the length of the longest, in runes.
type dictionary struct {
	words   map[string]bool
	longest int
}

func newDictionary(list string) *dictionary {
	d := &dictionary{words: map[string]bool{}}
	for _, line := range strings.Split(list, "\n") {
		w := strings.TrimSpace(line)
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		d.words[w] = true
		d.longest = max(d.longest, utf8.RuneCountInString(w))
	}
	return d
}

// isThai reports whether r is in the Thai block, except the repetition mark
// ๆ, which stands apart (it is written after a space: "ต่าง ๆ").
func isThai(r rune) bool { return r >= 0x0E00 && r <= 0x0E7F && r != 'ๆ' }

// segment cuts a run of Thai letters into dictionary words by maximal
// matching: of all the ways to cover the run with words and unknown runes,
// the one with the fewest unknown runes, then the fewest words. An unknown
// stretch is joined to the words on both sides of it, because its edges may
// not be word boundaries; so a run is never cut next to text the list does
// not know. The pieces join back to run.
func (d *dictionary) segment(run []rune) []string {
	n := len(run)
	// Look words up as substrings of one string (no allocation per try):
	// at[i] is the byte offset of run[i].
	str := string(run)
	at := make([]int, n+1)
	for i, b := 0, 0; i < n; i++ {
		at[i] = b
		b += utf8.RuneLen(run[i])
		at[i+1] = b
	}
	const unknown = 1 << 20 // an unknown rune costs more than any number of words
	// best[i]: cost of covering run[i:]; next[i]: end of the first piece
	// (i+1 with known[i] false for an unknown rune).
	best := make([]int, n+1)
	next := make([]int, n)
	known := make([]bool, n)
	for i := n - 1; i >= 0; i-- {
		best[i], next[i] = unknown+best[i+1], i+1
		for j := i + 1; j <= n && j-i <= d.longest; j++ {
			if 1+best[j] < best[i] && d.words[str[at[i]:at[j]]] {
				best[i], next[i], known[i] = 1+best[j], j, true
			}
		}
	}
	var out []string
	glue := false // the next piece joins the last one
	for i := 0; i < n; i = next[i] {
		piece := str[at[i]:at[next[i]]]
		if !known[i] && len(out) > 0 {
			glue = true
		}
		if glue && len(out) > 0 {
			out[len(out)-1] += piece
		} else {
			out = append(out, piece)
		}
		glue = !known[i]
	}
	return out
}

// Breakable returns s with BreakMark between the Thai words of every Thai
// run, so that Fyne can wrap a long Thai line between words. Text that is not
// Thai is returned unchanged; so is a run the word list does not know (it is
// never cut inside an unknown word).
func Breakable(s string) string { return thaiDict.breakable(s) }

func (d *dictionary) breakable(s string) string {
	if !strings.ContainsFunc(s, isThai) {
		return s
	}
	s = keepNameWithSentence(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isThai(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && isThai(rs[j]) {
			j++
		}
		for k, w := range d.segment(rs[i:j]) {
			if k > 0 {
				b.WriteRune(BreakMark)
			}
			b.WriteString(w)
		}
		i = j
	}
	return b.String()
}

// Unbreakable removes the marks Breakable adds, for text that leaves Steady
// (a file, the clipboard) rather than being drawn in a window.
func Unbreakable(s string) string {
	return unbreak.Replace(s)
}

// unbreak drops the break marks and turns the name joiners back into spaces.
var unbreak = strings.NewReplacer(string(BreakMark), "", string(NameJoiner), " ")

// ThaiWords returns how Breakable cuts each Thai run of s into words, for
// checks and tools: one slice of words per run.
func ThaiWords(s string) [][]string {
	rs := []rune(s)
	var out [][]string
	for i := 0; i < len(rs); {
		if !isThai(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isThai(rs[j]) {
			j++
		}
		out = append(out, thaiDict.segment(rs[i:j]))
		i = j
	}
	return out
}

// KnownThaiWord reports whether w is in the Thai word list.
func KnownThaiWord(w string) bool { return thaiDict.words[w] }

// productName is the name Thai text must never leave alone on a line.
const productName = "Steady"

// NameJoiner is the character Breakable puts in place of the space between
// "Steady" and the Thai word it belongs with: U+2060 WORD JOINER, which is
// not a space for unicode.IsSpace, so Fyne never breaks a line at it, and
// which the text shaper draws with no width. Unbreakable turns it back into
// the space.
const NameJoiner = '\u2060'

// keepNameWithSentence joins "Steady" to the Thai words around it, so that no
// line starts or ends with the name split from its sentence (issues 14, 18).
// Thai sets a Latin word off with spaces, and Fyne breaks at every space, so
// "Steady ไม่ใช่…" could end a line with a lone "Steady" and "…สู่ Steady"
// start one with it. The name binds to the Thai word after it; where it ends
// its Thai clause (no Thai follows it across the space), it binds to the
// Thai word before it. The space between them becomes NameJoiner: the line
// reads "Steadyไม่ใช่…", as Japanese and Chinese read "Steadyは、…".
func keepNameWithSentence(s string) string {
	if !strings.Contains(s, productName) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	rest := s
	for {
		i := strings.Index(rest, productName)
		if i < 0 {
			b.WriteString(rest)
			return b.String()
		}
		before, after := rest[:i], rest[i+len(productName):]
		spaced := strings.HasPrefix(after, " ")
		next, _ := utf8.DecodeRuneInString(strings.TrimPrefix(after, " "))
		prev, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(before, " "))
		switch {
		case spaced && isThai(next): // bind to the word after
			b.WriteString(before)
			b.WriteString(productName)
			b.WriteRune(NameJoiner)
			after = after[1:]
		case strings.HasSuffix(before, " ") && isThai(prev) && !isThai(next): // it ends its clause: bind to the word before
			b.WriteString(before[:len(before)-1])
			b.WriteRune(NameJoiner)
			b.WriteString(productName)
		default:
			b.WriteString(before)
			b.WriteString(productName)
		}
		rest = after
	}
}
