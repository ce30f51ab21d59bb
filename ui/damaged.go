package ui

import (
	"errors"

	"fyne.io/fyne/v2"

	"github.com/steadyapp/steady/data"
)

// A plain journal whose header, version and schema are sound opens at once;
// data checks every page in the background (Store.Checked) and writes
// nothing to a file that check finds damaged. Until it ends, the screens may
// read a damaged file as nearly empty. watchDamage waits for the check and,
// when it found damage, leaves the open state for the start-up error, which
// says the file is damaged and offers to keep it aside and start afresh.
// The check can end before OnSaveFailed is set, so the UI asks for its
// result instead of waiting to be told.

// watchDamage waits, off the UI thread, for the background check of store's
// journal file and hands a damaged result to journalDamaged.
func (u *UI) watchDamage(store *data.Store) {
	go func() {
		err := store.Checked()
		if !errors.Is(err, data.ErrNotJournal) {
			return
		}
		fyne.Do(func() { u.journalDamaged(store, err) })
	}()
}

// journalDamaged closes store, found damaged with err, and shows the
// start-up error for it, if store is still the open journal.
func (u *UI) journalDamaged(store *data.Store, err error) {
	if u.state != stateOpen || u.journal == nil || u.journal.Store != store {
		return
	}
	// As lock does: no dialog, form or screen that writes to the journal
	// outlives it (a check-in dialog's Save would find no journal).
	u.reminders.stop()
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}
	u.saveErr = nil
	u.forgetSecrets() // idle.go
	for _, cancel := range u.screenSubs {
		cancel()
	}
	u.screenSubs = nil
	// Nothing was written to the damaged file; closing it can only report
	// the same damage again.
	u.close() //nolint:errcheck // see above
	u.enterStartupError(err)
}
