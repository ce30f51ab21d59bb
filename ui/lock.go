package ui

import (
	"errors"
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// LockMinutes are the idle times after which an encrypted journal locks;
// 0 means never.
var LockMinutes = []int{0, 1, 5, 15}

// NewLocked builds Steady for an encrypted journal in dir: the window opens
// on the lock screen, in the language and theme kept readable in the
// journal's header, and shows the journal once the passphrase is entered.
func NewLocked(a fyne.App, dir string, tr *i18n.Translator, opts Options) *UI {
	u := newUI(a, tr, dir, opts)
	u.prefs, _ = data.ReadVaultPrefs(dir)
	u.win.Resize(fyne.NewSize(1000, 700))
	u.win.CenterOnScreen()
	u.showLockScreen()
	return u
}

// Locked reports whether the lock screen is showing.
func (u *UI) Locked() bool { return u.store == nil }

// lock closes the encrypted journal, forgets its key and shows the lock
// screen; what was on screen is hidden at once.
func (u *UI) lock() {
	if u.store == nil || !u.store.Encrypted() {
		return
	}
	u.prefsFromStore()
	u.reminders.stop()
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}
	u.win.SetContent(widget.NewLabel(""))
	if err := u.store.Close(); err != nil {
		u.showError(u.tr.T("error.save", "Detail", err.Error()))
	}
	u.store = nil
	u.showLockScreen()
}

// prefsFromStore keeps the header preferences for the lock screen.
func (u *UI) prefsFromStore() {
	u.prefs = map[string]string{}
	for _, k := range data.VaultPrefs {
		if v, ok, _ := u.store.Setting(k); ok {
			u.prefs[k] = v
		}
	}
}

// unlockDelay is how long to wait after n failed attempts: nothing for the
// first three, then doubling up to a minute.
func unlockDelay(failures int) time.Duration {
	if failures < 3 {
		return 0
	}
	return time.Duration(math.Min(60, math.Pow(2, float64(failures-3)))) * time.Second
}

// showLockScreen asks for the passphrase.
func (u *UI) showLockScreen() {
	tr := u.tr
	u.applyTheme()
	u.win.SetMainMenu(nil)
	u.win.SetTitle(tr.T("app.name"))
	pass := widget.NewPasswordEntry()
	pass.PlaceHolder = tr.T("passphrase.current")
	status := wrapped("")
	status.Importance = widget.DangerImportance
	var unlock *widget.Button
	try := func() {
		if wait := time.Until(u.retryAt); wait > 0 {
			status.SetText(tr.T("passphrase.wait", "Seconds", int(math.Ceil(wait.Seconds()))))
			return
		}
		entered := pass.Text
		unlock.Disable()
		status.SetText(tr.T("lock.opening"))
		go func() {
			store, err := data.OpenEncrypted(u.dir, entered)
			fyne.Do(func() {
				unlock.Enable()
				if err != nil {
					u.failures++
					u.retryAt = time.Now().Add(unlockDelay(u.failures))
					switch {
					case errors.Is(err, data.ErrPassphrase):
						status.SetText(tr.T("passphrase.wrong"))
					case errors.Is(err, data.ErrTampered):
						status.SetText(tr.T("lock.damaged", "Path", u.dir))
					default:
						status.SetText(StartupErrorMessage(tr, u.dir, err))
					}
					pass.SetText("")
					return
				}
				u.failures = 0
				u.unlocked(store)
			})
		}()
	}
	unlock = widget.NewButtonWithIcon(tr.T("lock.unlock"), theme.LoginIcon(), try)
	unlock.Importance = widget.HighImportance
	pass.OnSubmitted = func(string) { try() }
	u.lockEntry = pass
	box := container.NewVBox(
		widget.NewLabelWithStyle(tr.T("lock.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		wrapped(tr.T("lock.prompt")),
		pass,
		container.NewHBox(layout.NewSpacer(), unlock),
		status,
	)
	picker := newLanguagePicker(u)
	u.language = picker
	top := container.NewHBox(layout.NewSpacer(), fitted(picker))
	u.win.SetContent(container.NewBorder(top, nil, nil, nil,
		container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 260), box))))
	u.win.Canvas().Focus(pass)
}

// unlocked shows the journal after the lock screen.
func (u *UI) unlocked(store *data.Store) {
	u.store = store
	u.rebuild()
	u.reminders.reset()
	u.touch()
	if u.opts.ShowWelcome {
		u.showWelcomeIfNew()
	}
	u.lockEntry = nil // last: tests wait for it
}

// touch records activity, for the idle lock.
func (u *UI) touch() { u.lastActive = u.now() }

// lockAfter is the chosen idle time before locking; 0 means never.
func (u *UI) lockAfter() time.Duration {
	n, err := strconv.Atoi(u.setting(data.SettingLockMinutes, "0"))
	if err != nil || n < 0 {
		return 0
	}
	return time.Duration(n) * time.Minute
}

// watchIdle locks an encrypted journal after the chosen idle time. "Idle"
// is what Fyne lets Steady see: no key typed while nothing has the focus, no
// change of section, no edit of a check-in or setting, and the window not
// brought to the front. Pointer moves and scrolling are not reported to
// Steady, so they do not count as activity.
func (u *UI) watchIdle() {
	tick := time.NewTicker(10 * time.Second)
	go func() {
		for range tick.C {
			fyne.Do(u.checkIdle)
		}
	}()
}

// checkIdle locks an encrypted journal that has been idle long enough.
func (u *UI) checkIdle() {
	if u.store == nil || !u.store.Encrypted() {
		return
	}
	if d := u.lockAfter(); d > 0 && u.now().Sub(u.lastActive) >= d {
		u.lock()
	}
}
