package data

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CSV exports are opened in spreadsheets, which run a cell that starts with
// a formula character as a formula (CSV injection): a note or a plan label
// such as =HYPERLINK("http://…") would become a live link, or worse. Every
// cell of a CSV export goes through csvSafe, so no free text — notes, plan
// labels in the trigger and coping cells, translated names, the medical
// note — can start one.

// formulaStarts are the characters a spreadsheet may read as the start of a
// formula: OWASP's list (= + - @ tab CR) and their full-width forms, which
// some spreadsheets accept too.
const formulaStarts = "=+-@\t\r\n＝＋－＠"

// csvSafe returns s as a cell no spreadsheet runs as a formula: a cell that
// starts with a formula character, after any leading spaces, gets a leading
// apostrophe (which spreadsheets show as a text marker). Numbers, including
// negative ones, are left as they are.
func csvSafe(s string) string {
	t := strings.TrimLeftFunc(s, func(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u3000' })
	r, _ := utf8.DecodeRuneInString(t)
	if t == "" || !strings.ContainsRune(formulaStarts, r) && !unicode.Is(unicode.Cc, r) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// csvRow returns row with every cell made safe by csvSafe.
func csvRow(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = csvSafe(c)
	}
	return out
}
