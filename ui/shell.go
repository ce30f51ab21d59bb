package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// The shell is the UI type: it owns the window, the main menu, the
// navigation, the shortcuts and the tray, and holds exactly one state at a
// time. Each state builds its own content, menu, shortcuts and tray menu;
// entering a state replaces all of them, so nothing that needs the journal
// exists while there is no open journal.
//
//	start ──► locked (vault)      ──passphrase──► open
//	      ──► open (plain)        ──Ctrl+L, idle──► locked
//	      ──► start-up error      ──keep aside, start afresh──► open
//
// See docs/architecture.md.

// state is what the window shows.
type state int

const (
	stateNone         state = iota // before the first state is entered
	stateStartupError              // the journal could not be opened: the error and what can be offered
	stateLocked                    // an encrypted journal, not yet unlocked: only its header preferences
	stateOpen                      // a journal session
)

// String names the state, for test messages.
func (s state) String() string {
	switch s {
	case stateStartupError:
		return "start-up error"
	case stateLocked:
		return "locked"
	case stateOpen:
		return "open"
	}
	return "none"
}

// Run shows Steady's window for the journal in dir and runs the app until it
// quits. The shell decides the first state: the lock screen for an
// encrypted journal (in the language and theme kept in its header), the
// journal for a plain one, or the start-up error when the file cannot be
// opened. tr is switched to the language chosen from opts.Language, the
// journal's saved choice and opts.SystemLanguage. Run returns the error of
// closing the journal, or the start-up error when the user quit without
// opening a journal.
func Run(a fyne.App, dir string, tr *i18n.Translator, opts Options) error {
	indexFonts()            // on the other core, while the window system starts (fontindex.go)
	gc := relaxGCForStart() // until the first frame (started.go)
	u := start(a, dir, tr, opts)
	u.gcAfterStart = gc
	// Fyne's own words (the file dialog, Cut/Copy/Paste) follow Steady's
	// language from here on, not the system's.
	if err := tr.FollowFyne(); err != nil {
		fyne.LogError("Fyne's own strings stay in the system language", err)
	}
	u.showAndRun()
	if err := u.close(); err != nil {
		return err
	}
	if u.state == stateStartupError {
		return u.startErr
	}
	return nil
}

// start builds the window for the journal in dir in its first state.
func start(a fyne.App, dir string, tr *i18n.Translator, opts Options) *UI {
	u := newUI(a, tr, dir, opts)
	if data.IsEncrypted(dir) {
		// An unreadable header leaves no preferences; unlocking then says
		// what is wrong with the file.
		prefs, err := data.ReadVaultPrefs(dir)
		_ = tr.Set(tr.Pick(opts.Language, prefs[data.SettingLanguage], opts.SystemLanguage))
		if errors.Is(err, data.ErrVaultDamaged) || errors.Is(err, data.ErrNewerVault) {
			u.enterStartupError(err) // its header says so: no passphrase can help
			return u
		}
		u.enterLocked(prefs)
		return u
	}
	store, err := data.OpenDeferred(dir) // its check and backup start after the first frame (started.go)
	if err != nil {
		_ = tr.Set(tr.Pick(opts.Language, "", opts.SystemLanguage))
		u.enterStartupError(err)
		return u
	}
	saved, _, _ := store.Setting(data.SettingLanguage)
	_ = tr.Set(tr.Pick(opts.Language, saved, opts.SystemLanguage))
	u.enterOpen(store)
	return u
}

// setState records the new state and replaces the shortcuts with the
// state's own.
func (u *UI) setState(s state) {
	u.state = s
	u.setShortcuts(u.shortcutsFor(s))
}

// enterOpen makes store the open journal: the session, the journal's
// content, menu, shortcuts and tray, the reminders, and the listener for
// saves that fail in the background.
func (u *UI) enterOpen(store *data.Store) {
	from := u.state
	u.journal = newSession(store)
	store.OnSaveFailed(func(err error) { fyne.Do(func() { u.saveFailed(err) }) })
	if from == stateNone || from == stateStartupError {
		u.win.Resize(u.savedWindowSize())
		u.win.CenterOnScreen()
	}
	u.carryLockPrefs()
	u.setState(stateOpen)
	u.rebuild()
	u.reminders.reset()
	u.touch()
	u.sayLooseFolder(store) // fyneprefs.go
	u.announce("open")
	u.watchDamage(store) // damaged.go: last, as it may leave this state
}

// enterLocked shows the lock screen with the header preferences prefs.
// There is no session: no screen, menu, shortcut, tray item or reminder
// that needs the journal exists in this state.
func (u *UI) enterLocked(prefs map[string]string) {
	u.prefs = map[string]string{}
	for k, v := range prefs {
		u.prefs[k] = v
	}
	u.chosen = map[string]bool{}
	u.reminders.stop()
	u.setState(stateLocked)
	u.win.Resize(fyne.NewSize(1000, 700))
	u.showLockScreen()
	u.applyTray()
	u.announce("locked")
}

// enterStartupError shows why the journal could not be opened and what can
// be done about it.
func (u *UI) enterStartupError(err error) {
	u.startErr = err
	u.reminders.stop()
	u.setState(stateStartupError)
	u.applyTheme()
	u.win.SetMainMenu(nil)
	u.win.SetTitle(u.tr.T("app.name"))
	u.win.SetContent(u.startupError(err))
	u.win.Resize(startupErrorSize) // startup.go
	u.applyTray()
	u.announce("start-up error")
}

// setLockPref keeps a preference chosen on the lock screen. It is shown at
// once, kept beside the vault for the next lock screen (lockprefs.go) and
// written into the journal when it is unlocked (the vault's header then
// keeps it).
func (u *UI) setLockPref(key, value string) {
	u.prefs[key] = value
	u.chosen[key] = true
	u.keepLockPref(key, value)
}

// carryLockPrefs writes the preferences chosen on the lock screen into the
// journal that was just opened.
func (u *UI) carryLockPrefs() {
	for k := range u.chosen {
		if err := u.journal.SetSetting(k, u.prefs[k]); err != nil {
			u.showError(u.tr.T("error.save", "Detail", err.Error()))
		}
	}
	u.chosen = map[string]bool{}
}

// saveFailed tells the user that a change could not be written to disk.
// A write method that waited for the failed save and data's OnSaveFailed
// callback both report the same failure: one message is shown at a time.
func (u *UI) saveFailed(err error) {
	u.announce("save failed")
	if u.saveErr != nil {
		return
	}
	l := widget.NewLabel(u.saveFailedMessage(err)) // locklost.go
	l.Wrapping = fyne.TextWrapWord
	d := newEscDialog(u.tr.T("error.title"), u.tr.T("dialog.ok"), l, u.win)
	d.SetOnClosed(func() { u.saveErr = nil })
	d.Resize(fyne.NewSize(440, 0))
	u.saveErr = d
	u.showDialog(d)
}

// reportWrite shows what went wrong with a write: a failed save through
// saveFailed, anything else (a refused entry, …) as msg(err).
func (u *UI) reportWrite(err error, msg func(error) string) {
	if errors.Is(err, data.ErrNotSaved) || errors.Is(err, data.ErrLockLost) {
		u.saveFailed(err)
		return
	}
	u.showError(msg(err))
}

// saveError is the message for a write that failed for another reason.
func (u *UI) saveError(err error) string {
	return u.tr.T("error.save", "Detail", err.Error())
}

// announce tells a test what just happened (nil in the app). Tests wait on
// these announcements, never on the clock.
func (u *UI) announce(what string) {
	if u.onAnnounce != nil {
		u.onAnnounce(what)
	}
}

// showAndRun shows the window and runs the app until it quits.
func (u *UI) showAndRun() {
	u.win.SetCloseIntercept(u.closeWindow)
	u.watchLifecycle()   // idle.go
	u.privateFynePrefs() // fyneprefs.go
	u.touch()
	stopIdle := u.watchIdle()
	u.hookStarted() // started.go
	u.win.Show()
	if u.state == stateOpen && u.opts.ShowWelcome {
		u.showWelcomeIfNew()
	}
	stopped := takeStoppedHook(u.app.Lifecycle()) // quit.go: Fyne could hang at quit
	u.app.Run()
	stopIdle()
	stopped()
}

// close stops the reminders and closes the journal, if it is open.
func (u *UI) close() error {
	u.reminders.stop()
	if u.journal == nil {
		return nil
	}
	u.journal.OnSaveFailed(nil)
	err := u.journal.Close()
	u.journal = nil
	return err
}
