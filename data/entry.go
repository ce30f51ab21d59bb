package data

import (
	"crypto/rand"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/steadyapp/steady/data/guide"
)

// Limits of an entry's fields.
const (
	MinMood         = 1
	MaxMood         = 5
	MinCraving      = 0
	MaxCraving      = 10
	MinSleepQuality = 1
	MaxSleepQuality = 5
	MaxSleepHours   = 24
	MaxNoteLength   = 10000 // characters (runes), not bytes
	// BackdateAfter is how far in the past an entry's time must be, when it
	// is written, to be marked as back-dated.
	BackdateAfter = 30 * time.Minute
	// futureSlack allows for clocks that disagree a little.
	futureSlack = 5 * time.Minute
)

// Entry is one check-in: how the user felt at a moment, in their own words.
type Entry struct {
	ID      int64     // assigned by the store
	UUID    string    // stable across export and import; assigned if empty
	At      time.Time // when it happened, in the zone the user was in
	Created time.Time // assigned by the store
	Updated time.Time // assigned by the store

	Mood    int // 1 (very low) … 5 (very good)
	Craving int // 0 (none) … 10 (strongest ever)

	SleepHours   *float64 // nil when not recorded
	SleepQuality *int     // 1 … 5, nil when not recorded

	Triggers []string // trigger IDs (Triggers) or plan tags ("plan:…")
	Symptoms []string // symptom IDs from the guide
	Coping   []string // strategy or coping IDs, or plan tags

	CravingPassed *bool // did the craving pass? nil when not said
	Used          bool  // used ketamine (a lapse), recorded without judgement
	SelfHarm      bool  // had thoughts of harming themselves
	Backdated     bool  // written well after the moment it describes; set by the store

	Note string

	Body *Body // the body log (body.go); nil when nothing is recorded
}

// Validate reports the first field that is out of range, as a *FieldError.
func (e *Entry) Validate() error {
	return e.validate(guide.TheGuide(), time.Now())
}

func (e *Entry) validate(g guide.Guide, now time.Time) error {
	switch {
	case e.At.IsZero():
		return &FieldError{Field: "at", Reason: "missing"}
	case e.At.After(now.Add(futureSlack)):
		return &FieldError{Field: "at", Reason: "future"}
	case e.At.Year() < 2000:
		return &FieldError{Field: "at", Reason: "range"}
	case e.Mood < MinMood || e.Mood > MaxMood:
		return &FieldError{Field: "mood", Reason: "range"}
	case e.Craving < MinCraving || e.Craving > MaxCraving:
		return &FieldError{Field: "craving", Reason: "range"}
	case e.SleepHours != nil && (*e.SleepHours < 0 || *e.SleepHours > MaxSleepHours || *e.SleepHours != *e.SleepHours):
		return &FieldError{Field: "sleep_hours", Reason: "range"}
	case e.SleepQuality != nil && (*e.SleepQuality < MinSleepQuality || *e.SleepQuality > MaxSleepQuality):
		return &FieldError{Field: "sleep_quality", Reason: "range"}
	case !utf8.ValidString(e.Note):
		return &FieldError{Field: "note", Reason: "utf8"}
	case utf8.RuneCountInString(e.Note) > MaxNoteLength:
		return &FieldError{Field: "note", Reason: "too_long"}
	}
	if err := e.Body.validate(e.Used); err != nil {
		return err
	}
	for _, l := range []struct {
		kind string
		tags []string
	}{{KindTrigger, e.Triggers}, {KindSymptom, e.Symptoms}, {KindCoping, e.Coping}} {
		seen := map[string]bool{}
		for _, t := range l.tags {
			if !knownTag(g, l.kind, t) || seen[t] {
				return &FieldError{Field: l.kind, Reason: "unknown"}
			}
			seen[t] = true
		}
	}
	return nil
}

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// zoneFor returns the fixed zone of a stored offset, so an entry shows the
// wall-clock time the user saw when they wrote it.
func zoneFor(offset int) *time.Location {
	if offset == 0 {
		return time.UTC
	}
	return time.FixedZone("", offset)
}
