package data

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The body log: what ketamine does to the bladder, the kidneys and the
// belly, recorded the way a urology or addiction clinic asks for it (a
// bladder diary, pain by site, how a lapse happened). See the sources in
// Get help; Steady records and shows trends, it does not diagnose.

// Limits of the body log's fields.
const (
	MaxUrinationsDay   = 99  // times passed urine in a day
	MaxUrinationsNight = 30  // times got up to pass urine in a night
	MaxPain            = 10  // every pain score is 0 (none) … 10 (worst imaginable)
	MaxBodyMedical     = 200 // characters (runes) of the medicines/tests/appointments line
)

// Urgency: how strongly the user had to rush to pass urine.
const (
	UrgencyNone   = "none"
	UrgencySome   = "some"
	UrgencyStrong = "strong"
)

// Leaks: whether urine leaked.
const (
	LeaksNone = "none"
	LeaksSome = "some"
	LeaksPads = "pads" // needed pads
)

// Blood in the urine, from none to clots.
const (
	BloodNone  = "none"
	BloodPink  = "pink"
	BloodRed   = "red" // visible red
	BloodClots = "clots"
)

// Urgencies, LeakLevels and BloodLevels list each scale's values in order,
// mildest first, for pickers and charts.
func Urgencies() []string   { return []string{UrgencyNone, UrgencySome, UrgencyStrong} }
func LeakLevels() []string  { return []string{LeaksNone, LeaksSome, LeaksPads} }
func BloodLevels() []string { return []string{BloodNone, BloodPink, BloodRed, BloodClots} }

// Body is the body log of one check-in. Every field is optional: nil (or ""
// for the scales and the medical line) means "not recorded", which is not
// the same as "none". An entry with nothing recorded has a nil *Body.
//
// The bladder diary is a daily one: UrinationsDay counts the times the user
// passed urine during the day of the check-in so far, UrinationsNight the
// times they got up to pass urine in the night before it.
type Body struct {
	UrinationsDay   *int   `json:"urinations_day,omitempty"`   // 0 … MaxUrinationsDay
	UrinationsNight *int   `json:"urinations_night,omitempty"` // 0 … MaxUrinationsNight
	Urgency         string `json:"urgency,omitempty"`          // UrgencyNone … UrgencyStrong, "" = not recorded
	Leaks           string `json:"leaks,omitempty"`            // LeaksNone … LeaksPads
	UrinePain       *int   `json:"urine_pain,omitempty"`       // pain when passing urine, 0 … MaxPain
	Blood           string `json:"blood,omitempty"`            // BloodNone … BloodClots
	Retention       *bool  `json:"retention,omitempty"`        // could not pass urine though the bladder felt full
	Fever           *bool  `json:"fever,omitempty"`            // fever or shivering

	PainBladder *int `json:"pain_bladder,omitempty"` // bladder or lower belly, 0 … MaxPain
	PainFlank   *int `json:"pain_flank,omitempty"`   // side or back (kidneys), 0 … MaxPain
	PainUpper   *int `json:"pain_upper,omitempty"`   // upper belly ("K-cramps"), 0 … MaxPain

	// About a lapse; set only on a check-in that records use (Entry.Used).
	ForPain     *bool `json:"for_pain,omitempty"`     // taken to ease pain
	WithAlcohol *bool `json:"with_alcohol,omitempty"` // mixed with alcohol
	WithBenzos  *bool `json:"with_benzos,omitempty"`  // mixed with benzodiazepines
	WithOpioids *bool `json:"with_opioids,omitempty"` // mixed with opioids

	Medical string `json:"medical,omitempty"` // medicines, tests, appointments: one short line
}

// IsZero reports whether nothing is recorded in b (b may be nil).
func (b *Body) IsZero() bool {
	return b == nil || *b == Body{}
}

// hasLapseFields reports whether b records anything about a lapse.
func (b *Body) hasLapseFields() bool {
	return b.ForPain != nil || b.WithAlcohol != nil || b.WithBenzos != nil || b.WithOpioids != nil
}

// validate reports the first body field out of range as a *FieldError, with
// the field named "body.<json name>". used is whether the check-in records a
// lapse: the lapse fields are refused without one.
func (b *Body) validate(used bool) error {
	if b == nil {
		return nil
	}
	for _, n := range []struct {
		field string
		v     *int
		max   int
	}{
		{"urinations_day", b.UrinationsDay, MaxUrinationsDay},
		{"urinations_night", b.UrinationsNight, MaxUrinationsNight},
		{"urine_pain", b.UrinePain, MaxPain},
		{"pain_bladder", b.PainBladder, MaxPain},
		{"pain_flank", b.PainFlank, MaxPain},
		{"pain_upper", b.PainUpper, MaxPain},
	} {
		if n.v != nil && (*n.v < 0 || *n.v > n.max) {
			return &FieldError{Field: "body." + n.field, Reason: "range"}
		}
	}
	for _, s := range []struct {
		field, v string
		values   []string
	}{
		{"urgency", b.Urgency, Urgencies()},
		{"leaks", b.Leaks, LeakLevels()},
		{"blood", b.Blood, BloodLevels()},
	} {
		if s.v != "" && scaleIndex(s.values, s.v) < 0 {
			return &FieldError{Field: "body." + s.field, Reason: "unknown"}
		}
	}
	switch {
	case !used && b.hasLapseFields():
		return &FieldError{Field: "body.for_pain", Reason: "invalid"} // only a lapse has these
	case !utf8.ValidString(b.Medical):
		return &FieldError{Field: "body.medical", Reason: "utf8"}
	case utf8.RuneCountInString(b.Medical) > MaxBodyMedical:
		return &FieldError{Field: "body.medical", Reason: "too_long"}
	case strings.ContainsAny(b.Medical, "\n\r\x00"):
		return &FieldError{Field: "body.medical", Reason: "invalid"} // one line
	}
	return nil
}

// scaleIndex returns the position of v on a scale, or -1.
func scaleIndex(values []string, v string) int {
	for i, x := range values {
		if x == v {
			return i
		}
	}
	return -1
}

// bodyColumns are entry_body's columns after entry_id, in the order of
// bodyArgs and scanBody.
const bodyColumns = `urinations_day, urinations_night, urgency, leaks, urine_pain, blood,
	retention, fever, pain_bladder, pain_flank, pain_upper,
	for_pain, with_alcohol, with_benzos, with_opioids, medical`

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (b *Body) args() []any {
	return []any{nullInt(b.UrinationsDay), nullInt(b.UrinationsNight), nullString(b.Urgency),
		nullString(b.Leaks), nullInt(b.UrinePain), nullString(b.Blood), nullBool(b.Retention),
		nullBool(b.Fever), nullInt(b.PainBladder), nullInt(b.PainFlank), nullInt(b.PainUpper),
		nullBool(b.ForPain), nullBool(b.WithAlcohol), nullBool(b.WithBenzos), nullBool(b.WithOpioids),
		b.Medical}
}

// writeBody stores the body log of entry id in tx, replacing what was there;
// an empty log removes the row.
func writeBody(tx *sql.Tx, id int64, b *Body) error {
	if _, err := tx.Exec(`DELETE FROM entry_body WHERE entry_id = ?`, id); err != nil {
		return fmt.Errorf("body log: %w", err)
	}
	if b.IsZero() {
		return nil
	}
	args := append([]any{id}, b.args()...)
	if _, err := tx.Exec(`INSERT INTO entry_body (entry_id, `+bodyColumns+`)
		VALUES (?`+strings.Repeat(", ?", len(args)-1)+`)`, args...); err != nil {
		return fmt.Errorf("body log: %w", err)
	}
	return nil
}

// loadBody fills the body logs of entries with one query.
func (s *Store) loadBody(entries []Entry) error {
	if len(entries) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(entries))
	args := make([]any, len(entries))
	for i, e := range entries {
		idx[e.ID] = i
		args[i] = e.ID
	}
	rows, err := s.db.Query(`SELECT entry_id, `+bodyColumns+` FROM entry_body WHERE entry_id IN (?`+
		strings.Repeat(",?", len(entries)-1)+`)`, args...)
	if err != nil {
		return fmt.Errorf("body log: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		b, err := scanBody(rows, &id)
		if err != nil {
			return fmt.Errorf("body log: %w", err)
		}
		if i, ok := idx[id]; ok {
			entries[i].Body = b
		}
	}
	return rows.Err()
}

func scanBody(row interface{ Scan(...any) error }, id *int64) (*Body, error) {
	var day, night, urinePain, bladder, flank, upper sql.NullInt64
	var urgency, leaks, blood sql.NullString
	var retention, fever, forPain, alcohol, benzos, opioids sql.NullBool
	b := &Body{}
	if err := row.Scan(id, &day, &night, &urgency, &leaks, &urinePain, &blood, &retention, &fever,
		&bladder, &flank, &upper, &forPain, &alcohol, &benzos, &opioids, &b.Medical); err != nil {
		return nil, err
	}
	b.UrinationsDay, b.UrinationsNight, b.UrinePain = intOf(day), intOf(night), intOf(urinePain)
	b.PainBladder, b.PainFlank, b.PainUpper = intOf(bladder), intOf(flank), intOf(upper)
	b.Urgency, b.Leaks, b.Blood = urgency.String, leaks.String, blood.String
	b.Retention, b.Fever = boolOf(retention), boolOf(fever)
	b.ForPain, b.WithAlcohol, b.WithBenzos, b.WithOpioids = boolOf(forPain), boolOf(alcohol), boolOf(benzos), boolOf(opioids)
	return b, nil
}

func intOf(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

func boolOf(n sql.NullBool) *bool {
	if !n.Valid {
		return nil
	}
	v := n.Bool
	return &v
}

// bodyCSVColumns is the number of the body log's columns at the end of
// csvHeader (from "urinations_day" to "medical").
const bodyCSVColumns = 16

// csvFields returns the body log's cells of a CSV row, in csvHeader's
// order; a field not recorded is an empty cell. The medical line is free
// text: ExportCSV makes every cell safe from formula injection (csvRow).
func (b *Body) csvFields() []string {
	out := make([]string, bodyCSVColumns)
	if b == nil {
		return out
	}
	num := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	yes := func(p *bool) string {
		switch {
		case p == nil:
			return ""
		case *p:
			return "yes"
		}
		return "no"
	}
	copy(out, []string{num(b.UrinationsDay), num(b.UrinationsNight), b.Urgency, b.Leaks,
		num(b.UrinePain), b.Blood, yes(b.Retention), yes(b.Fever), num(b.PainBladder),
		num(b.PainFlank), num(b.PainUpper), yes(b.ForPain), yes(b.WithAlcohol), yes(b.WithBenzos),
		yes(b.WithOpioids), b.Medical})
	return out
}
