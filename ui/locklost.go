package ui

import (
	"errors"

	"github.com/steadyapp/steady/data"
)

// saveFailedMessage is what the user is told when a change could not be
// saved. A lost lock (data.ErrLockLost: steady.lock was deleted or replaced
// while Steady ran, by a clean-up or sync tool, say) gets words of its own:
// Steady writes nothing more until it is opened again, everything it said
// was saved is safe, and what was just entered is still in its form.
func (u *UI) saveFailedMessage(err error) string {
	if errors.Is(err, data.ErrLockLost) {
		return u.tr.T("locklost.message")
	}
	return u.tr.T("error.save", "Detail", err.Error())
}
