package ui

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// privacy is the Settings card for the passphrase, the idle lock,
// discreet mode and captureRow (the screen-capture switch).
func (s *settingsScreen) privacy(captureRow fyne.CanvasObject) fyne.CanvasObject {
	shell, tr := s.shell, s.tr
	enc := s.journal.Encrypted()
	state := wrapped(tr.T("settings.passphrase_off"))
	if enc {
		state.SetText(tr.T("settings.passphrase_on"))
	}
	var buttons []fyne.CanvasObject
	if enc {
		buttons = append(buttons,
			widget.NewButton(tr.T("settings.passphrase_change"), func() { shell.passphraseDialog(true) }),
			widget.NewButton(tr.T("settings.passphrase_remove"), shell.removePassphraseDialog))
	} else {
		set := widget.NewButton(tr.T("settings.passphrase_set"), func() { shell.passphraseDialog(false) })
		set.Importance = widget.HighImportance
		buttons = append(buttons, set)
	}

	names := make([]string, len(lockMinutes))
	for i, m := range lockMinutes {
		if m == 0 {
			names[i] = tr.T("settings.lock_never")
		} else {
			names[i] = tr.N("settings.lock_minutes", m)
		}
	}
	s.lockAfter = newEscSelect(names, nil)
	cur := shell.setting(data.SettingLockMinutes, strconv.Itoa(defaultLockMinutes))
	for i, m := range lockMinutes {
		if strconv.Itoa(m) == cur {
			s.lockAfter.SetSelectedIndex(i)
		}
	}
	s.lockAfter.OnChanged = func(string) {
		shell.save(data.SettingLockMinutes, strconv.Itoa(lockMinutes[s.lockAfter.SelectedIndex()]))
	}
	if !enc {
		s.lockAfter.Disable()
	}
	var discreetRow fyne.CanvasObject
	s.discreet, discreetRow = wrappedCheck(tr.T("settings.discreet"), func(on bool) {
		v := "0"
		if on {
			v = "1"
		}
		if shell.save(data.SettingDiscreet, v) {
			shell.discreetChanged()
		}
	})
	s.discreet.Checked = shell.setting(data.SettingDiscreet, "") == "1"
	privacy := widget.NewButton(tr.T("menu.privacy"), shell.showPrivacy)
	return container.NewVBox(state, newColumns(3, buttons...),
		field(tr.T("settings.lock_after"), container.NewHBox(fitted(s.lockAfter))),
		discreetRow, captureRow, container.NewHBox(privacy))
}

// passphraseDialog sets a passphrase, or changes it (asking for the current
// one first).
func (u *UI) passphraseDialog(change bool) {
	tr := u.tr
	current := u.secretEntry()
	next := u.secretEntry()
	again := u.secretEntry()
	status := wrapped("")
	status.Importance = widget.DangerImportance
	warning := wrapped(tr.T("passphrase.warning"))
	warning.TextStyle.Bold = true
	items := []fyne.CanvasObject{warning}
	if change {
		items = append(items, field(tr.T("passphrase.current"), current))
	}
	items = append(items, field(tr.T("passphrase.new"), next), field(tr.T("passphrase.repeat"), again), status)
	var d *dialog.CustomDialog
	save := newEscButton(tr.T("passphrase.save"), nil, nil)
	save.Importance = widget.HighImportance
	cancel := newEscButton(tr.T("dialog.cancel"), nil, func() { d.Hide() })
	save.OnTapped = func() {
		switch {
		case len([]rune(next.Text)) < data.MinPassphrase:
			status.SetText(tr.T("passphrase.too_short", "Min", data.MinPassphrase))
			return
		case next.Text != again.Text:
			status.SetText(tr.T("passphrase.mismatch"))
			return
		}
		if change {
			if err := data.VerifyPassphrase(u.journal.Dir(), current.Text); err != nil {
				status.SetText(tr.T("passphrase.wrong"))
				return
			}
		}
		status.Importance = widget.MediumImportance
		status.SetText(tr.T("passphrase.working"))
		save.Disable()
		pass := next.Text
		go func() {
			err := u.journal.SetPassphrase(pass)
			fyne.Do(func() {
				save.Enable()
				if err != nil {
					status.Importance = widget.DangerImportance
					status.SetText(tr.T("error.save", "Detail", err.Error()))
					u.announce("passphrase refused")
					return
				}
				d.Hide()
				if !change {
					u.defaultLock()
				}
				u.privacyChanged()
				u.showMessage(tr.T("passphrase.title"), tr.T("passphrase.set_done"))
				u.announce("passphrase set")
			})
		}()
	}
	content := container.NewBorder(nil, container.NewHBox(cancel, save), nil, nil, container.NewVBox(items...))
	d = dialog.NewCustomWithoutButtons(tr.T("passphrase.title"), content, u.win)
	d.SetOnClosed(u.clearSecrets)
	d.Resize(fyne.NewSize(460, 0))
	u.showDialog(d)
	u.passDialog = &passphraseForm{current: current, next: next, again: again, save: save, status: status}
}

// passphraseForm is the open passphrase dialog's fields (for tests).
type passphraseForm struct {
	current, next, again *escEntry
	save                 *escButton
	status               *widget.Label
}

// removePassphraseDialog asks for the passphrase, then decrypts the
// journal.
func (u *UI) removePassphraseDialog() {
	tr := u.tr
	current := u.secretEntry()
	status := wrapped("")
	status.Importance = widget.DangerImportance
	content := container.NewVBox(wrapped(tr.T("settings.passphrase_off")), field(tr.T("passphrase.current"), current), status)
	d := newEscConfirm(tr.T("settings.passphrase_remove"), tr.T("settings.passphrase_remove"), tr.T("dialog.cancel"), content, func(ok bool) {
		entered := current.Text
		u.clearSecrets()
		if !ok {
			return
		}
		if err := data.VerifyPassphrase(u.journal.Dir(), entered); err != nil {
			if errors.Is(err, data.ErrPassphrase) {
				u.showError(tr.T("passphrase.wrong"))
			} else {
				u.showError(tr.T("error.save", "Detail", err.Error()))
			}
			return
		}
		if err := u.journal.RemovePassphrase(); err != nil {
			u.showError(tr.T("error.save", "Detail", err.Error()))
			return
		}
		u.privacyChanged()
		u.showMessage(tr.T("passphrase.title"), tr.T("passphrase.removed"))
	}, u.win)
	d.Resize(fyne.NewSize(460, 0))
	u.showDialog(d)
}

// privacyChanged shows the journal's new encryption state: the Lock menu
// item and the Settings page.
func (u *UI) privacyChanged() {
	u.win.SetMainMenu(u.mainMenu())
	if u.settings != nil {
		u.rebuildPage(sectionSettings, u.buildSettings)
	}
}

// defaultLock makes "Lock after" five minutes when a passphrase is first
// set and no choice was ever made (the choice can be changed in Settings).
func (u *UI) defaultLock() {
	if _, ok, _ := u.journal.Setting(data.SettingLockMinutes); ok {
		return
	}
	u.save(data.SettingLockMinutes, strconv.Itoa(defaultLockMinutes))
}

// captureRow is the option "Hide Steady from screenshots and screen
// sharing" (capture.go); where the system cannot, it says so and is off.
func (u *UI) captureRow() fyne.CanvasObject {
	tr := u.tr
	check, row := wrappedCheck(tr.T("capture.option"), func(on bool) {
		v := "0"
		if on {
			v = "1"
		}
		if u.save(settingHideCapture, v) {
			u.applyCapture()
		}
	})
	if !captureSupported() {
		check.Disable()
		note := wrapped(tr.T("capture.unavailable"))
		note.Importance = widget.LowImportance
		return container.NewVBox(row, note)
	}
	check.Checked = u.hideCapture()
	return row
}

// discreetChanged shows discreet mode's choice at once: the section names,
// the check-in and Today are drawn again, and capture follows it unless
// chosen on its own.
func (u *UI) discreetChanged() {
	u.rebuild()
}
