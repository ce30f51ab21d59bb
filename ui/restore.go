package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/steadyapp/steady/data"
)

// restoreDialog lists the daily backups and puts the chosen one back in
// place of the journal. The journal it replaces is kept aside, never
// deleted.
func (u *UI) restoreDialog() {
	tr := u.tr
	backups, err := data.Backups(u.journal.Dir())
	if err != nil {
		u.showError(tr.T("error.read", "Detail", err.Error()))
		return
	}
	if len(backups) == 0 {
		u.showMessage(tr.T("restore.title"), tr.T("restore.none"))
		return
	}
	names := make([]string, len(backups))
	for i, b := range backups {
		names[i] = tr.T("restore.item", "Date", tr.DateTime(b.Time.Local()), "Size", fmt.Sprintf("%d kB", (b.Size+999)/1000))
	}
	pick := newEscSelect(names, nil)
	pick.SetSelectedIndex(0)
	content := container.NewVBox(wrapped(tr.T("restore.question")), fitted(pick))
	d := newEscConfirm(tr.T("restore.title"), tr.T("restore.confirm"), tr.T("dialog.cancel"), content, func(ok bool) {
		if !ok {
			return
		}
		b := backups[pick.SelectedIndex()]
		if data.IsEncryptedFile(filepath.Join(data.BackupDir(u.journal.Dir()), b.Name)) {
			u.askPassphrase(tr.T("restore.title"), tr.T("restore_encrypted.prompt"), func(pass string, answer func(string)) {
				answer("")
				u.restoreVault(b, pass)
			})
			return
		}
		u.restore(b)
	}, u.win)
	d.Resize(fyne.NewSize(480, 0))
	u.showDialog(d)
}

// restore closes the journal, puts the backup in its place and opens it.
func (u *UI) restore(b data.BackupInfo) {
	tr, dir := u.tr, u.journal.Dir()
	if err := u.close(); err != nil {
		u.showError(tr.T("error.save", "Detail", err.Error()))
	}
	kept, restoreErr := data.RestoreBackup(dir, b.Name)
	store, err := data.Open(dir)
	if err != nil {
		// The journal could not be opened again: say why and stop here; the
		// files are as RestoreBackup left them.
		u.enterStartupError(err)
		return
	}
	u.model.draft = newDraft()
	u.enterOpen(store)
	if restoreErr != nil {
		u.showError(tr.T("error.save", "Detail", restoreErr.Error()))
		return
	}
	u.showMessage(tr.T("restore.title"), tr.T("restore.done", "Date", tr.DateTime(b.Time.Local()), "Path", kept))
}

// restoreVault closes the journal and puts the encrypted backup b in its
// place, sealed with pass (the passphrase the backup was made with); the
// journal then opens with pass. A wrong passphrase or a damaged backup
// changes nothing: the journal is opened again as it was (on the lock
// screen if it needs a passphrase Steady no longer has).
func (u *UI) restoreVault(b data.BackupInfo, pass string) {
	tr, dir := u.tr, u.journal.Dir()
	wasEncrypted := u.journal.Encrypted()
	prefs := u.prefsFromStore()
	u.reminders.stop()
	for _, cancel := range u.screenSubs {
		cancel()
	}
	u.screenSubs = nil
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}
	// No journal while the backup is checked and put back: nothing that
	// needs one (menu, shortcuts, tray items) stays reachable.
	u.setState(stateNone)
	u.win.SetMainMenu(nil)
	u.win.SetContent(wrapped(tr.T("lock.opening")))
	if err := u.close(); err != nil {
		u.showError(tr.T("error.save", "Detail", err.Error()))
	}
	go func() {
		kept, err := data.RestoreVaultBackup(dir, b.Name, pass)
		var store *data.Store
		if err == nil {
			store, err = data.OpenEncrypted(dir, pass)
		}
		fyne.Do(func() {
			if err == nil {
				u.model.draft = newDraft()
				u.enterOpen(store)
				u.showMessage(tr.T("restore.title"), tr.T("restore.done", "Date", tr.DateTime(b.Time.Local()), "Path", kept))
				u.announce("restored")
				return
			}
			msg, ok := u.vaultError(err)
			if !ok {
				msg = tr.T("error.save", "Detail", err.Error())
			}
			u.reopenAfterRefusal(wasEncrypted, prefs, pass)
			u.showError(msg)
			u.announce("restore refused")
		})
	}()
}

// reopenAfterRefusal opens the journal again after a refused restore: a
// plain one at once, an encrypted one with pass if that is its passphrase,
// else on the lock screen.
func (u *UI) reopenAfterRefusal(wasEncrypted bool, prefs map[string]string, pass string) {
	if !wasEncrypted {
		store, err := data.Open(u.dir)
		if err != nil {
			u.enterStartupError(err)
			return
		}
		u.enterOpen(store)
		return
	}
	if store, err := data.OpenEncrypted(u.dir, pass); err == nil {
		u.enterOpen(store)
		return
	}
	u.enterLocked(prefs)
}
