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
	// ErrNotJournal reports a file that is not a readable SQLite database
	// (truncated, damaged or something else entirely). The file is left
	// exactly as it was.
	ErrNotJournal = errors.New("journal file is damaged or not a Steady journal")
)

// FieldError says which field of an entry is invalid and why. It wraps
// ErrInvalid.
type FieldError struct {
	Field  string // "mood", "craving", "note", …
	Reason string // "range", "too_long", "utf8"
}

func (e *FieldError) Error() string { return "invalid " + e.Field + ": " + e.Reason }

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *FieldError) Unwrap() error { return ErrInvalid }
