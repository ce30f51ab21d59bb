package data

import "strings"

// MoodSet is a set of moods (MinMood … MaxMood) for the history filter; the
// empty set means any mood.
type MoodSet uint8

// MoodsOf returns the set of the given moods; moods out of range are left out.
func MoodsOf(moods ...int) MoodSet {
	var s MoodSet
	for _, m := range moods {
		if m >= MinMood && m <= MaxMood {
			s |= 1 << m
		}
	}
	return s
}

// Has reports whether mood is in the set.
func (s MoodSet) Has(mood int) bool { return mood >= MinMood && mood <= MaxMood && s&(1<<mood) != 0 }

// CravingSet is a set of craving values (MinCraving … MaxCraving) for the
// history filter; the empty set means any craving.
type CravingSet uint16

// CravingBetween returns the set of cravings from lo to hi, inclusive,
// clamped to MinCraving … MaxCraving.
func CravingBetween(lo, hi int) CravingSet {
	var s CravingSet
	for c := max(lo, MinCraving); c <= min(hi, MaxCraving); c++ {
		s |= 1 << c
	}
	return s
}

// Has reports whether craving is in the set.
func (s CravingSet) Has(craving int) bool {
	return craving >= MinCraving && craving <= MaxCraving && s&(1<<craving) != 0
}

// LapseFilter narrows the history by recorded use.
type LapseFilter int

// The lapse filters.
const (
	LapseAny  LapseFilter = iota // every check-in
	LapseOnly                    // only check-ins that recorded use
	LapseNone                    // only check-ins that did not
)

// conditions appends the SQL conditions of f's mood, craving, lapse and
// text filters (Page adds those of the dates and the trigger).
func (f Filter) conditions(where []string, args []any) ([]string, []any) {
	if f.Moods != 0 {
		where = append(where, `((1 << mood) & ?) != 0`)
		args = append(args, int(f.Moods))
	}
	if f.Cravings != 0 {
		where = append(where, `((1 << craving) & ?) != 0`)
		args = append(args, int(f.Cravings))
	}
	switch f.Lapse {
	case LapseOnly:
		where = append(where, `used = 1`)
	case LapseNone:
		where = append(where, `used = 0`)
	}
	if t := searchText(f.Text); t != "" {
		// LIKE ignores the case of ASCII letters only; other letters match
		// exactly as written. The note index (search.go) only narrows
		// which notes Page reads: what matches is decided here.
		esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(t)
		where = append(where, `note LIKE ? ESCAPE '\'`)
		args = append(args, "%"+esc+"%")
	}
	return where, args
}

// searchText is the text the filter looks for: f.Text up to a NUL byte
// (SQLite's LIKE would stop there, and with its closing % cut off it would
// find notes that end with the text, or every note), bytes that are not
// UTF-8 as U+FFFD (LIKE would read them as some other letter), without the
// spaces around it. Text typed in Steady is never cut or changed.
func searchText(text string) string {
	if i := strings.IndexByte(text, 0); i >= 0 {
		text = text[:i]
	}
	return strings.TrimSpace(strings.ToValidUTF8(text, "\uFFFD"))
}
