package ui

import (
	"errors"

	"fyne.io/fyne/v2"

	"github.com/steadyapp/steady/data"
)

// keepLockPref writes a language or theme chosen on the lock screen beside
// the vault (data.WriteVaultPrefs), so that the next lock screen shows it
// even if the journal is not unlocked first. What data does not keep
// outside the vault (the region: it says where the user is) stays in memory
// until unlock, as does a choice that cannot be written now: it still
// applies at once and is carried into the journal on unlock, where a
// failed save is reported.
func (u *UI) keepLockPref(key, value string) {
	if u.state != stateLocked {
		return
	}
	err := data.WriteVaultPrefs(u.dir, map[string]string{key: value})
	if err != nil && !errors.Is(err, data.ErrNotLockPref) {
		fyne.LogError("the lock screen's choice is kept until unlock only", err)
	}
}
