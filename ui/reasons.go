package ui

import (
	"errors"
	"unicode/utf8"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// Why data refused a value, as message IDs: the one table from data's typed
// reasons to what the user reads. A refusal not listed here falls back to
// error.save with the error's text.

// fieldReason is a field of an entry or plan item and why it was refused.
type fieldReason struct {
	field  string
	reason data.Reason
}

// fieldMessages maps a refused field to its message ID.
var fieldMessages = map[fieldReason]string{
	{"mood", data.ReasonRange}:        "error.mood_range",
	{"craving", data.ReasonRange}:     "error.craving_range",
	{"note", data.ReasonTooLong}:      "error.note_too_long",
	{"note", data.ReasonUTF8}:         "error.note_utf8",
	{"at", data.ReasonFuture}:         "error.future",
	{"sleep_hours", data.ReasonRange}: "error.sleep_hours",
	{"plan_text", data.ReasonMissing}: "error.plan_empty",
	{"plan_text", data.ReasonTooLong}: "error.plan_too_long",
	{"phone", data.ReasonInvalid}:     "error.phone",
}

// importMessages maps why an import was refused to its message ID.
var importMessages = map[data.Reason]string{
	data.ReasonJSON:    "import.refused.json",
	data.ReasonFormat:  "import.refused.format",
	data.ReasonVersion: "import.refused.version",
	data.ReasonUTF8:    "import.refused.utf8",
	data.ReasonSize:    "import.refused.size",
	data.ReasonEntry:   "import.refused.entry",
	data.ReasonPlan:    "import.refused.plan",
}

// refusal returns the message for a value data refused, and whether err was
// such a refusal. note is the text of the note being saved (for its length).
func refusal(tr *i18n.Translator, err error, note string) (string, bool) {
	var fe *data.FieldError
	if !errors.As(err, &fe) {
		return "", false
	}
	id, ok := fieldMessages[fieldReason{fe.Field, fe.Reason}]
	if !ok {
		return "", false
	}
	return tr.T(id, "Count", utf8.RuneCountInString(note), "Max", maxFor(fe.Field)), true
}

// maxFor is the limit a too-long message names.
func maxFor(field string) int {
	if field == "plan_text" {
		return data.MaxPlanText
	}
	return data.MaxNoteLength
}

// importError turns a refused import into a message for people.
func (u *UI) importError(err error, name string) string {
	var ie *data.ImportError
	if errors.As(err, &ie) {
		if id, ok := importMessages[ie.Reason]; ok {
			return u.tr.T(id, "File", name, "Number", ie.Index+1)
		}
	}
	return u.tr.T("error.import", "Detail", err.Error())
}
