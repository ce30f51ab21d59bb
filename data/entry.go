package data

import (
	"crypto/rand"
	"fmt"
	"time"
	"unicode/utf8"
)

// Limits of an entry's fields.
const (
	MinMood       = 1
	MaxMood       = 5
	MinCraving    = 0
	MaxCraving    = 10
	MaxNoteLength = 10000 // characters (runes), not bytes
)

// Entry is one check-in: how the user felt at a moment, in their own words.
type Entry struct {
	ID      int64     // assigned by the store
	UUID    string    // stable across export and import; assigned if empty
	At      time.Time // when it happened, in the zone the user was in
	Created time.Time // assigned by the store
	Updated time.Time // assigned by the store
	Mood    int       // 1 (very low) … 5 (very good)
	Craving int       // 0 (none) … 10 (strongest ever)
	Note    string
}

// Validate reports the first field that is out of range, as a *FieldError.
func (e *Entry) Validate() error {
	switch {
	case e.Mood < MinMood || e.Mood > MaxMood:
		return &FieldError{Field: "mood", Reason: "range"}
	case e.Craving < MinCraving || e.Craving > MaxCraving:
		return &FieldError{Field: "craving", Reason: "range"}
	case !utf8.ValidString(e.Note):
		return &FieldError{Field: "note", Reason: "utf8"}
	case utf8.RuneCountInString(e.Note) > MaxNoteLength:
		return &FieldError{Field: "note", Reason: "too_long"}
	case e.At.IsZero():
		return &FieldError{Field: "at", Reason: "missing"}
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
