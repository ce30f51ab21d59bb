package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// The idle lock. Idle time is measured on the wall clock (u.now with its
// monotonic reading stripped): the monotonic clock stops while the computer
// sleeps, so a journal left open over a suspend would otherwise stay open
// after waking. The check runs every few seconds (the ticker's first tick
// after waking), and whenever the window comes back to the front — before
// that counts as activity.

// defaultLockMinutes is "Lock after" for an encrypted journal whose choice
// was never made; setting a passphrase also writes it.
const defaultLockMinutes = 5

// idleTick is how often the idle time is checked.
const idleTick = 2 * time.Second

// wallNow is u.now on the wall clock alone.
func (u *UI) wallNow() time.Time { return u.now().Round(0) }

// touch records activity, for the idle lock.
func (u *UI) touch() { u.lastActive = u.wallNow() }

// lockAfter is the chosen idle time before locking; 0 means never. An
// encrypted journal whose choice was never made locks after five minutes.
func (u *UI) lockAfter() time.Duration {
	n, err := strconv.Atoi(u.setting(data.SettingLockMinutes, strconv.Itoa(defaultLockMinutes)))
	if err != nil || n < 0 {
		return 0
	}
	return time.Duration(n) * time.Minute
}

// watchIdle locks an encrypted journal after the chosen idle time. "Idle"
// is what Fyne lets Steady see: no key typed while nothing has the focus, no
// change of section, no edit of a check-in or setting, and the window not
// brought to the front. Pointer moves and scrolling are not reported to
// Steady, so they do not count as activity. The ticker runs on the
// monotonic clock, which pauses during suspend; its first tick after waking
// compares wall-clock times and locks. It returns the function that stops
// the checks: once Fyne's run loop has ended, fyne.Do runs its function
// on the calling goroutine, so a tick then would race with closing the
// journal.
func (u *UI) watchIdle() (stop func()) {
	tick := time.NewTicker(idleTick)
	go func() {
		for range tick.C {
			fyne.Do(func() { u.checkIdle() })
		}
	}()
	return tick.Stop
}

// checkIdle locks an encrypted journal that has been idle long enough. It
// reports whether it locked.
func (u *UI) checkIdle() bool {
	if u.state != stateOpen || u.journal == nil || !u.journal.Encrypted() {
		return false
	}
	if d := u.lockAfter(); d > 0 && u.wallNow().Sub(u.lastActive) >= d {
		u.lock()
		return true
	}
	return false
}

// enteredForeground is the window coming to the front (or the app waking,
// where the system tells Fyne): the idle time is checked first, and only a
// journal still open counts it as activity.
func (u *UI) enteredForeground() {
	u.applyCapture() // the native window exists by now
	if !u.checkIdle() {
		u.touch()
	}
}

// watchLifecycle hooks the idle lock to what the system tells Fyne: coming
// to the front checks the idle time before counting as activity. Fyne's
// desktop drivers report focus changes only, not suspend: the wall-clock
// check above does the work on waking.
func (u *UI) watchLifecycle() {
	u.app.Lifecycle().SetOnEnteredForeground(u.enteredForeground)
}

// secret registers a field that holds a passphrase: it is emptied when its
// dialog closes and when the journal locks, so the typed passphrase does
// not stay in a widget for the rest of the process.
func (u *UI) secret(e *widget.Entry) *widget.Entry {
	u.secrets = append(u.secrets, e)
	return e
}

// clearSecrets empties every registered passphrase field.
func (u *UI) clearSecrets() {
	for _, e := range u.secrets {
		e.SetText("")
	}
	u.secrets = nil
}

// forgetSecrets is what locking forgets besides the key (which data zeroes
// on Close): the passphrase fields and what Steady put in the clipboard.
func (u *UI) forgetSecrets() {
	u.clearSecrets()
	u.clearOwnClipboard()
}
