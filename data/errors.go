package data

import "errors"

// Errors returned by the store. The UI turns them into translated messages;
// wrap-aware callers test them with errors.Is.
var (
	// ErrInvalid reports a value outside what an entry allows.
	ErrInvalid = errors.New("invalid entry")
	// ErrNotFound reports that no entry has the given ID.
	ErrNotFound = errors.New("entry not found")
	// ErrNewerSchema reports a journal written by a newer Steady. The file is
	// left exactly as it was.
	ErrNewerSchema = errors.New("journal was written by a newer version of Steady")
	// ErrNotJournal reports a file Steady cannot use as its journal: damaged
	// (ErrDamaged) or someone else's (ErrForeign). Both wrap it, so one test
	// for ErrNotJournal finds every file that should be kept aside. A file
	// refused at Open is left exactly as it was.
	ErrNotJournal = errors.New("journal file is damaged or not a Steady journal")
	// ErrDamaged reports damage: a file that is not a sound SQLite database
	// (truncated, overwritten, a bad header or page), found when the file is
	// opened or checked, or later by any Store method ("database disk image
	// is malformed", "file is not a database"). errors.Is(err, ErrNotJournal)
	// is true as well. Where it is found, the journal should be closed and
	// kept aside (SetAside); it is never written to by Open.
	ErrDamaged error = &sentinel{"journal file is damaged", ErrNotJournal}
	// ErrForeign reports a sound SQLite database that is not a Steady
	// journal: another application's file. errors.Is(err, ErrNotJournal) is
	// true as well. It is left exactly as it was.
	ErrForeign error = &sentinel{"file is not a Steady journal", ErrNotJournal}
)

// sentinel is an error value that is also one of a broader kind.
type sentinel struct {
	msg  string
	kind error
}

func (e *sentinel) Error() string { return e.msg }

// Unwrap makes errors.Is(e, e.kind) true.
func (e *sentinel) Unwrap() error { return e.kind }

// damageError is damage SQLite or Steady's own checks found in a file; it
// wraps ErrDamaged and what was found.
type damageError struct{ err error }

func (e *damageError) Error() string { return "journal file is damaged: " + e.err.Error() }

// Unwrap makes errors.Is(err, ErrDamaged) true and keeps the cause
// reachable (errors.As to a sqlite3.Error).
func (e *damageError) Unwrap() []error { return []error{ErrDamaged, e.err} }

// damaged wraps err as damage.
func damaged(err error) error { return &damageError{err} }

// Reason says why a value was refused, in a FieldError or an ImportError.
// The values are stable: the UI maps each to a message ID in one table.
type Reason string

// Reasons of a FieldError.
const (
	ReasonMissing  Reason = "missing"   // a required value is empty
	ReasonRange    Reason = "range"     // a number or time out of range
	ReasonFuture   Reason = "future"    // a time in the future
	ReasonTooLong  Reason = "too_long"  // text over its limit
	ReasonTooShort Reason = "too_short" // text under its minimum (a passphrase)
	ReasonUTF8     Reason = "utf8"      // text that is not valid UTF-8
	ReasonUnknown  Reason = "unknown"   // a tag or kind Steady does not know
	ReasonInvalid  Reason = "invalid"   // malformed (a phone number)
)

// Reasons of an ImportError (ReasonUTF8 too).
const (
	ReasonFormat  Reason = "format"  // not a Steady export
	ReasonVersion Reason = "version" // an export version this Steady cannot read
	ReasonJSON    Reason = "json"    // not well-formed JSON, or a field of the wrong type
	ReasonEntry   Reason = "entry"   // a check-in with a value out of range (see Index)
	ReasonPlan    Reason = "plan"    // a plan item that is not valid (see Index)
	ReasonSize    Reason = "size"    // larger than MaxImportSize
)

// FieldError says which field of an entry is invalid and why. It wraps
// ErrInvalid.
type FieldError struct {
	Field  string // "mood", "craving", "note", …
	Reason Reason
}

func (e *FieldError) Error() string { return "invalid " + e.Field + ": " + string(e.Reason) }

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *FieldError) Unwrap() error { return ErrInvalid }
