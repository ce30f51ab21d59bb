package ui

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// Encrypted copies: "Export an encrypted copy…" writes the journal in the
// vault format, sealed with the journal's own passphrase or a new one;
// Import reads one back after asking for its passphrase; an encrypted
// backup is restored after asking for the passphrase it was sealed with.

// encryptedExt is the extension of an encrypted export.
const encryptedExt = "vault"

// exportEncrypted asks which passphrase seals the copy, then where to save
// it.
func (u *UI) exportEncrypted() {
	tr := u.tr
	enc := u.journal.Encrypted()
	next := u.secretEntry()
	again := u.secretEntry()
	fields := container.NewVBox(field(tr.T("passphrase.new"), next), field(tr.T("passphrase.repeat"), again))
	same, other := tr.T("export_encrypted.same"), tr.T("export_encrypted.new")
	choice := newEscRadioGroup([]string{same, other}, func(v string) {
		if v == same {
			fields.Hide()
		} else {
			fields.Show()
		}
	})
	choice.Required = true
	if enc {
		choice.SetSelected(same)
	} else {
		// A plain journal has no passphrase of its own to reuse.
		choice.Options = []string{other}
		choice.SetSelected(other)
	}
	status := wrapped("")
	status.Importance = widget.DangerImportance
	var d *dialog.CustomDialog
	export := newEscButton(tr.T("export_encrypted.save"), nil, func() {
		pass := ""
		if choice.Selected == other {
			switch {
			case len([]rune(next.Text)) < data.MinPassphrase:
				status.SetText(tr.T("passphrase.too_short", "Min", data.MinPassphrase))
				return
			case next.Text != again.Text:
				status.SetText(tr.T("passphrase.mismatch"))
				return
			}
			pass = next.Text
		}
		d.Hide()
		u.pickSave(exportName(encryptedExt, u.now()), func(path string) { u.writeEncrypted(path, pass) })
	})
	export.Importance = widget.HighImportance
	cancel := newEscButton(tr.T("dialog.cancel"), nil, func() { d.Hide() })
	content := container.NewBorder(nil, container.NewHBox(cancel, export), nil, nil,
		container.NewVBox(wrapped(tr.T("export_encrypted.intro")), choice, fields, status))
	d = dialog.NewCustomWithoutButtons(tr.T("export_encrypted.title"), content, u.win)
	d.SetOnClosed(u.clearSecrets)
	d.Resize(fyne.NewSize(480, 0))
	u.showDialog(d)
	u.exportForm = &exportForm{choice: choice, next: next, again: again, export: export, status: status}
}

// exportForm is the open encrypted-export dialog (for tests).
type exportForm struct {
	choice      *escRadioGroup
	next, again *escEntry
	export      *escButton
	status      *widget.Label
}

// writeEncrypted seals the journal into path on a goroutine (a new
// passphrase costs a key derivation) and says where it went.
func (u *UI) writeEncrypted(path, pass string) {
	journal := u.journal
	go func() {
		err := data.WriteFileAtomic(path, func(w io.Writer) error { return journal.ExportEncrypted(w, pass) })
		fyne.Do(func() {
			if err != nil {
				u.showError(u.tr.T("error.export", "Detail", err.Error()))
				u.announce("export failed")
				return
			}
			u.showMessage(u.tr.T("export.done_title"), u.tr.T("export_encrypted.done", "Path", path))
			u.announce("exported")
		})
	}()
}

// importFile imports a JSON export, or an encrypted one after asking for
// its passphrase.
func (u *UI) importFile() {
	u.pickOpen([]string{".json", "." + encryptedExt}, u.importPath)
}

// importPath imports the file at path.
func (u *UI) importPath(path string) {
	name := filepath.Base(path)
	if data.IsEncryptedFile(path) {
		u.askPassphrase(u.tr.T("import_encrypted.title"), u.tr.T("import_encrypted.prompt"), func(pass string, answer func(string)) {
			u.importEncrypted(path, pass, answer)
		})
		return
	}
	f, err := os.Open(path)
	if err != nil {
		u.showError(u.tr.T("error.import", "Detail", err.Error()))
		return
	}
	defer f.Close()
	u.importFrom(f, name)
}

// importEncrypted adds an encrypted export's check-ins; a wrong passphrase
// asks again (answer) and changes nothing.
func (u *UI) importEncrypted(path, pass string, answer func(msg string)) {
	journal := u.journal
	go func() {
		f, err := os.Open(path)
		var res data.ImportResult
		if err == nil {
			res, err = journal.ImportEncrypted(f, pass)
			f.Close()
		}
		fyne.Do(func() {
			if u.journal != journal {
				return // locked meanwhile
			}
			if err != nil {
				if msg, ok := u.vaultError(err); ok && errors.Is(err, data.ErrWrongPassphrase) {
					answer(msg)
				} else if answer(""); ok {
					u.showError(msg)
				} else {
					u.reportWrite(err, func(err error) string { return u.importError(err, filepath.Base(path)) })
				}
				u.announce("import refused")
				return
			}
			answer("")
			journal.publish(planChanged)
			journal.publish(journalReplaced)
			u.showMessage(u.tr.T("import.done_title"), u.tr.N("import.done", res.Added, "Skipped", res.Skipped))
			u.announce("imported")
		})
	}()
}

// vaultError is the message for a vault-format file that could not be
// opened, if err is one of those.
func (u *UI) vaultError(err error) (string, bool) {
	switch {
	case errors.Is(err, data.ErrWrongPassphrase):
		return u.tr.T("passphrase.wrong"), true
	case errors.Is(err, data.ErrNewerVault):
		return u.tr.T("vault_error.newer"), true
	case errors.Is(err, data.ErrVaultDamaged):
		return u.tr.T("vault_error.damaged"), true
	}
	return "", false
}

// askPassphrase asks for the passphrase of a file. then gets what was typed
// and answer: answer("") closes the question, answer(msg) shows msg and
// asks again.
func (u *UI) askPassphrase(title, prompt string, then func(pass string, answer func(msg string))) {
	tr := u.tr
	pass := u.secretEntry()
	status := wrapped("")
	status.Importance = widget.DangerImportance
	var d *dialog.CustomDialog
	var ok *escButton
	submit := func() {
		entered := pass.Text
		pass.SetText("")
		ok.Disable()
		status.Importance = widget.MediumImportance
		status.SetText(tr.T("lock.opening"))
		then(entered, func(msg string) {
			if msg == "" {
				d.Hide()
				return
			}
			ok.Enable()
			status.Importance = widget.DangerImportance
			status.SetText(msg)
			u.win.Canvas().Focus(pass)
		})
	}
	ok = newEscButton(tr.T("import_encrypted.open"), nil, submit)
	ok.Importance = widget.HighImportance
	pass.OnSubmitted = func(string) { submit() }
	cancel := newEscButton(tr.T("dialog.cancel"), nil, func() { d.Hide() })
	content := container.NewBorder(nil, container.NewHBox(cancel, ok), nil, nil,
		container.NewVBox(wrapped(prompt), pass, status))
	d = dialog.NewCustomWithoutButtons(title, content, u.win)
	d.SetOnClosed(u.clearSecrets)
	d.Resize(fyne.NewSize(460, 0))
	u.showDialog(d)
	u.win.Canvas().Focus(pass)
	u.askForm = &askForm{dialog: d, pass: pass, ok: ok, status: status}
}

// askForm is the open passphrase question (for tests).
type askForm struct {
	dialog *dialog.CustomDialog
	pass   *escEntry
	ok     *escButton
	status *widget.Label
}
