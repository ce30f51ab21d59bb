package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/steadyapp/steady/data"
)

// wallClock is an injected clock on the wall-clock time only: a suspend is
// a jump of its time with nothing in between.
type wallClock struct{ t time.Time }

func (c *wallClock) now() time.Time       { return c.t }
func (c *wallClock) jump(d time.Duration) { c.t = c.t.Add(d) }

// encryptedUI is an open encrypted journal with an injected wall clock.
func encryptedUI(t *testing.T) (*UI, *wallClock) {
	t.Helper()
	u, _ := newTestUI(t)
	c := &wallClock{t: time.Date(2026, 3, 2, 22, 0, 0, 0, time.UTC)}
	u.now = c.now
	encrypt(t, u)
	u.touch()
	return u, c
}

func TestIdleLockAfterSuspend(t *testing.T) {
	u, c := encryptedUI(t)
	// Setting a passphrase makes "Lock after" five minutes.
	if v, ok, _ := u.journal.Setting(data.SettingLockMinutes); !ok || v != "5" {
		t.Fatalf("lock after a passphrase was set: %q %v, want 5", v, ok)
	}
	c.jump(4 * time.Minute)
	if u.checkIdle() || u.locked() {
		t.Fatal("locked before five idle minutes")
	}
	// The lid closes for two hours: the first check after waking locks.
	c.jump(2 * time.Hour)
	u.checkIdle()
	if !u.locked() {
		t.Fatal("still open after a two-hour suspend")
	}
}

func TestFocusDoesNotResetIdlenessFirst(t *testing.T) {
	u, c := encryptedUI(t)
	c.jump(2 * time.Hour)
	// Bringing the window to the front is checked before it counts.
	u.enteredForeground()
	if !u.locked() {
		t.Fatal("coming to the front after two idle hours counted as activity")
	}

	// Within the idle time, coming to the front is activity.
	u2, c2 := encryptedUI(t)
	c2.jump(4 * time.Minute)
	u2.enteredForeground()
	c2.jump(4 * time.Minute)
	u2.checkIdle()
	if u2.locked() {
		t.Fatal("coming to the front did not count as activity")
	}
}

func TestLockForgetsSecrets(t *testing.T) {
	u, _ := encryptedUI(t)
	// A helpline copied by Steady is taken out of the clipboard on lock.
	u.app.Clipboard().SetContent("0300 123 6600")
	u.selectSection(sectionSettings)
	tapButton(t, u.settings.content, u.tr.T("settings.passphrase_change"))
	f := u.passDialog
	test.Type(f.current, uiPass)
	u.lock()
	if !u.locked() {
		t.Fatal("not locked")
	}
	if got := u.baseApp().Clipboard().Content(); got != "" {
		t.Errorf("clipboard after lock: %q", got)
	}
	if f.current.Text != "" {
		t.Errorf("the passphrase field keeps %q after locking", f.current.Text)
	}
}

func TestLockLeavesTheUsersClipboard(t *testing.T) {
	u, _ := encryptedUI(t)
	u.app.Clipboard().SetContent("0300 123 6600")
	// Something the user copied since is theirs.
	u.baseApp().Clipboard().SetContent("my own words")
	u.lock()
	if got := u.baseApp().Clipboard().Content(); got != "my own words" {
		t.Errorf("lock replaced the user's clipboard: %q", got)
	}
}

func TestHidingToTheTrayLocks(t *testing.T) {
	u, _ := encryptedUI(t)
	u.trayActive = true
	u.closeWindow()
	if !u.locked() {
		t.Fatal("hiding to the tray left the journal open")
	}
}
