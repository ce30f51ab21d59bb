package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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
	pick := widget.NewSelect(names, nil)
	pick.SetSelectedIndex(0)
	content := container.NewVBox(wrapped(tr.T("restore.question")), fitted(pick))
	d := dialog.NewCustomConfirm(tr.T("restore.title"), tr.T("restore.confirm"), tr.T("dialog.cancel"), content, func(ok bool) {
		if ok {
			u.restore(backups[pick.SelectedIndex()])
		}
	}, u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
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
