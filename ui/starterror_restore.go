package ui

import (
	"errors"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// backupRestore is the start-up error's offer, for a damaged journal, to
// put the newest backup that opens in its place: a button, for an encrypted
// journal the backup's passphrase, and what became of the attempt. The
// damaged journal is then kept aside, renamed and unchanged, and the window
// says where.
type backupRestore struct {
	box    *fyne.Container
	pass   *widget.Entry
	button *widget.Button
	status *widget.Label
	busy   func(bool) // told while a restore runs: nothing else may move the files meanwhile
}

// newVaultRestore builds the offer for a damaged encrypted journal, or
// returns nil when the folder has no encrypted backup whose header is sound.
func (u *UI) newVaultRestore(d *details) *backupRestore {
	backups, err := data.VaultBackups(u.dir)
	if err != nil || len(backups) == 0 {
		return nil
	}
	tr, dir := u.tr, u.dir
	r := &backupRestore{pass: u.secret(widget.NewPasswordEntry()), status: wrapped("")}
	r.pass.PlaceHolder = tr.T("passphrase.current")
	try := func() {
		if wait := time.Until(u.retryAt); wait > 0 {
			r.say(widget.DangerImportance, tr.T("passphrase.wait", "Seconds", int(math.Ceil(wait.Seconds()))))
			return
		}
		entered := r.pass.Text
		r.pass.SetText("")
		r.button.Disable()
		r.setBusy(true)
		r.say(widget.MediumImportance, tr.T("lock.opening"))
		go func() {
			b, kept, err := data.RestoreNewestVaultBackup(dir, entered)
			var store *data.Store
			var openErr error
			if err == nil {
				store, openErr = data.OpenEncrypted(dir, entered)
			}
			fyne.Do(func() { u.backupRestored(r, d, b, kept, store, err, openErr) })
		}()
	}
	r.button = widget.NewButton(tr.T("starterror.restore"), try)
	r.button.Importance = widget.HighImportance
	r.pass.OnSubmitted = func(string) { try() }
	r.box = container.NewVBox(
		wrapped(tr.T("starterror.vault_backup", "Date", tr.DateTime(backups[0].Time.Local()))),
		r.pass, container.NewHBox(r.button), r.status)
	r.status.Hide() // shown by say: until then it would only leave a gap
	return r
}

// setBusy tells busy, if set, whether a restore is running.
func (r *backupRestore) setBusy(b bool) {
	if r.busy != nil {
		r.busy(b)
	}
}

// say shows msg under the button.
func (r *backupRestore) say(imp widget.Importance, msg string) {
	r.status.Importance = imp
	r.status.SetText(msg)
	r.status.Show()
}

// backupRestored shows what came of restoring backup b: the journal it put
// back, opened, with where the damaged one was kept; or why nothing was
// changed.
func (u *UI) backupRestored(r *backupRestore, d *details, b data.BackupInfo, kept string, store *data.Store, err, openErr error) {
	tr := u.tr
	if u.state != stateStartupError {
		if store != nil {
			store.Close() //nolint:errcheck // nothing was changed in it
		}
		return
	}
	r.button.Enable()
	r.setBusy(false)
	switch {
	case err == nil && openErr != nil:
		// The backup is in place but does not open now: say why, afresh.
		u.enterStartupError(openErr)
		u.showMessage(tr.T("restore.title"), tr.T("restore.done", "Date", tr.DateTime(b.Time.Local()), "Path", kept))
	case err == nil:
		u.failures = 0
		u.unlocked(store)
		u.showMessage(tr.T("restore.title"), tr.T("restore.done", "Date", tr.DateTime(b.Time.Local()), "Path", kept))
		u.announce("restored")
		return
	case errors.Is(err, data.ErrWrongPassphrase):
		u.failures++
		u.retryAt = time.Now().Add(unlockDelay(u.failures))
		r.say(widget.DangerImportance, tr.T("passphrase.wrong"))
		u.win.Canvas().Focus(r.pass)
	case errors.Is(err, data.ErrNoBackup), errors.Is(err, data.ErrVaultDamaged), errors.Is(err, data.ErrNotJournal),
		errors.Is(err, data.ErrNewerSchema), errors.Is(err, data.ErrNewerVault):
		r.say(widget.DangerImportance, tr.T("starterror.no_backup_opens"))
		d.set(err)
	default:
		r.say(widget.DangerImportance, startupErrorMessage(tr, u.dir, err))
		d.set(err)
	}
	u.announce("restore refused")
}

// newPlainRestore builds the offer for a damaged plain journal, or returns
// nil when the folder has no plain backup.
func (u *UI) newPlainRestore(d *details) *backupRestore {
	backups, err := data.PlainBackups(u.dir)
	if err != nil || len(backups) == 0 {
		return nil
	}
	tr, dir := u.tr, u.dir
	r := &backupRestore{status: wrapped("")}
	r.button = widget.NewButton(tr.T("starterror.restore"), func() {
		r.button.Disable()
		r.setBusy(true)
		r.say(widget.MediumImportance, tr.T("lock.opening"))
		go func() {
			b, kept, err := data.RestoreNewestBackup(dir)
			var store *data.Store
			var openErr error
			if err == nil {
				store, openErr = data.Open(dir)
			}
			fyne.Do(func() { u.backupRestored(r, d, b, kept, store, err, openErr) })
		}()
	})
	r.button.Importance = widget.HighImportance
	r.box = container.NewVBox(
		wrapped(tr.T("starterror.plain.backup", "Date", tr.DateTime(backups[0].Time.Local()))),
		container.NewHBox(r.button), r.status)
	r.status.Hide() // shown by say: until then it would only leave a gap
	return r
}
