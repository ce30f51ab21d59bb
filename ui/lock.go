package ui

import (
	"errors"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// lockMinutes are the idle times after which an encrypted journal locks;
// 0 means never.
var lockMinutes = [...]int{0, 1, 5, 15}

// locked reports whether the lock screen is showing.
func (u *UI) locked() bool { return u.state == stateLocked }

// lock closes the encrypted journal, forgets its key and shows the lock
// screen; what was on screen is hidden at once.
func (u *UI) lock() {
	if u.state != stateOpen || !u.journal.Encrypted() {
		return
	}
	prefs := u.prefsFromStore()
	u.reminders.stop()
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}
	u.saveErr = nil
	u.forgetSecrets() // idle.go: passphrase fields, Steady's clipboard
	u.win.SetContent(widget.NewLabel(""))
	for _, cancel := range u.screenSubs {
		cancel()
	}
	u.screenSubs = nil
	err := u.close()
	u.enterLocked(prefs)
	if err != nil {
		u.showError(u.tr.T("error.save", "Detail", err.Error()))
	}
}

// prefsFromStore returns the header preferences, for the lock screen.
func (u *UI) prefsFromStore() map[string]string {
	prefs := map[string]string{}
	for _, k := range data.VaultPrefs() {
		if v, ok, _ := u.journal.Setting(k); ok {
			prefs[k] = v
		}
	}
	return prefs
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
					case errors.Is(err, data.ErrVaultDamaged), errors.Is(err, data.ErrNewerVault):
						// Nothing to retry here: say what can be done (starterror_vault.go).
						pass.SetText("")
						u.enterStartupError(err)
						return
					default:
						status.SetText(startupErrorMessage(tr, u.dir, err))
					}
					pass.SetText("")
					u.announce("refused")
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
	u.lockTheme = newThemePicker(u)
	top := container.NewHBox(u.getHelpButton(), layout.NewSpacer(), fitted(u.lockTheme), fitted(picker))
	u.win.SetContent(container.NewBorder(top, nil, nil, nil,
		container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 260), box))))
	u.win.Canvas().Focus(pass)
}

// unlocked shows the journal after the lock screen (or after a damaged
// file was kept aside): the open state.
func (u *UI) unlocked(store *data.Store) {
	if u.lockEntry != nil {
		u.lockEntry.SetText("")
	}
	u.lockEntry, u.lockTheme = nil, nil
	u.enterOpen(store)
	if u.opts.ShowWelcome {
		u.showWelcomeIfNew()
	}
}
