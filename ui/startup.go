package ui

import (
	"errors"
	"io/fs"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// The start-up error says, in the user's language and plain words, why the
// journal could not be opened and what they can do; SQLite's or the
// system's own (English, technical) text is only behind Details, for
// someone who helps them. What it offers depends on the kind of problem:
//
//	damaged journal      keep it aside (renamed, unchanged) and start afresh
//	damaged vault        restore the newest encrypted backup that opens, or
//	                     keep it aside and start afresh
//	someone else's file  nothing to move: it is left exactly as it is
//	anything else        what to do about it (close the other Steady, free
//	                     some space, update Steady, …)

// startupKind is the kind of problem that kept the journal from opening.
type startupKind int

const (
	kindUnknown      startupKind = iota // anything else
	kindLocked                          // another Steady has it open
	kindReadOnly                        // the folder or file cannot be written, or not read
	kindDiskFull                        // the disk is full
	kindNewer                           // a journal from a newer Steady
	kindDamaged                         // a plain journal that is damaged
	kindForeign                         // a sound file that is not a Steady journal
	kindVaultDamaged                    // an encrypted journal that is damaged or was changed
	kindVaultNewer                      // an encrypted journal from a newer Steady
)

// startupKindOf classifies err, from opening the journal in dir.
func startupKindOf(dir string, err error) startupKind {
	switch {
	case errors.Is(err, data.ErrLocked):
		return kindLocked
	case errors.Is(err, data.ErrDiskFull):
		return kindDiskFull
	case errors.Is(err, data.ErrReadOnly), errors.Is(err, fs.ErrPermission):
		return kindReadOnly
	case errors.Is(err, data.ErrNewerVault):
		return kindVaultNewer
	case errors.Is(err, data.ErrNewerSchema):
		return kindNewer
	case errors.Is(err, data.ErrVaultDamaged):
		return kindVaultDamaged
	case errors.Is(err, data.ErrForeign):
		return kindForeign
	case errors.Is(err, data.ErrNotJournal):
		if data.IsEncrypted(dir) {
			return kindVaultDamaged // the journal a vault holds
		}
		return kindDamaged
	}
	return kindUnknown
}

// startupErrorMessage explains, in the user's language and without
// technical detail, why the journal in dir could not be opened and what can
// be done. The file is never changed in these cases.
func startupErrorMessage(tr *i18n.Translator, dir string, err error) string {
	path := filepath.Join(dir, data.FileName)
	switch startupKindOf(dir, err) {
	case kindLocked:
		return tr.T("error.journal_locked")
	case kindReadOnly:
		return tr.T("starterror.readonly", "Path", dir)
	case kindDiskFull:
		return tr.T("error.journal_disk_full", "Path", dir)
	case kindNewer:
		return tr.T("error.journal_newer", "Path", path)
	case kindVaultNewer:
		return tr.T("vault_error.newer")
	case kindDamaged:
		return tr.T("starterror.damaged", "Path", path)
	case kindForeign:
		return tr.T("starterror.foreign", "Path", path)
	case kindVaultDamaged:
		return tr.T("starterror.vault_damaged", "Path", filepath.Join(dir, data.VaultName))
	}
	return tr.T("starterror.unknown", "Path", path)
}

// startupErrorSize is the start-up error window's first size: room for the
// message and the offers under it without scrolling, in most languages.
var startupErrorSize = fyne.NewSize(640, 500)

// startupError is the window's content while there is no journal. Each
// offer sits in the scrolled body under the words that explain it, so that
// the bar at the bottom holds only short buttons (Get help, Continue, Close)
// and Get help stays in view at every size and in every language.
func (u *UI) startupError(err error) fyne.CanvasObject {
	tr := u.tr
	kind := startupKindOf(u.dir, err)
	title := widget.NewLabelWithStyle(tr.T("error.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := wrapped(startupErrorMessage(tr, u.dir, err))
	details := newDetails(u.tr, err, u.copyText)
	buttons := container.NewHBox(u.getHelpButton(), layout.NewSpacer())
	body, scroll := newFlow(msg)

	start := widget.NewButton(tr.T("dialog.continue"), nil)
	start.Importance = widget.HighImportance
	start.Hide()
	start.OnTapped = func() {
		store, err := data.Open(u.dir)
		if err != nil {
			title.SetText(tr.T("error.title"))
			msg.SetText(startupErrorMessage(tr, u.dir, err))
			details.set(err)
			details.accordion.Show()
			start.Hide()
			return
		}
		u.unlocked(store)
	}
	if kind == kindDamaged || kind == kindVaultDamaged {
		var restore *backupRestore
		if kind == kindVaultDamaged {
			restore = u.newVaultRestore(details)
		} else {
			restore = u.newPlainRestore(details)
		}
		if restore != nil {
			body.Add(restore.box)
		}
		var aside *widget.Button
		aside = widget.NewButton(tr.T("error.set_aside"), func() {
			keep, done := data.SetAside, "error.set_aside_done"
			if kind == kindVaultDamaged {
				keep, done = data.SetVaultAside, "starterror.vault_aside_done"
			}
			kept, err := keep(u.dir)
			if err != nil {
				msg.SetText(setAsideFailed(tr, u.dir, err))
				details.set(err)
				return
			}
			aside.Hide()
			details.accordion.Hide() // it told why the file could not be read: that is over
			if restore != nil {
				restore.box.Hide()
			}
			title.SetText(tr.T("error.set_aside_title"))
			msg.SetText(tr.T(done, "Path", kept))
			start.Show()
			u.announce("kept aside")
		})
		if restore != nil {
			restore.busy = func(b bool) {
				if b {
					aside.Disable()
				} else {
					aside.Enable()
				}
			}
		}
		body.Add(container.NewHBox(aside))
	}
	buttons.Add(start)
	buttons.Add(widget.NewButton(tr.T("dialog.close"), u.app.Quit))
	body.Add(details.accordion)
	return container.NewBorder(title, buttons, nil, nil, scroll)
}

// details is the technical text of an error, folded away under Details,
// selectable and with a button to copy it: for someone who helps the user,
// never instead of the plain message.
type details struct {
	accordion *widget.Accordion
	text      *widget.Label
}

// newDetails folds err's text away; copyText puts it on the clipboard.
func newDetails(tr *i18n.Translator, err error, copyText func(string)) *details {
	d := &details{text: widget.NewLabel(err.Error())}
	d.text.Wrapping = fyne.TextWrapWord
	d.text.Selectable = true
	copyButton := widget.NewButton(tr.T("starterror.copy"), func() { copyText(d.text.Text) })
	d.accordion = widget.NewAccordion(widget.NewAccordionItem(tr.T("starterror.details"),
		container.NewVBox(d.text, container.NewHBox(copyButton))))
	return d
}

// set shows err's text.
func (d *details) set(err error) { d.text.SetText(err.Error()) }

// setAsideFailed says that keeping the file aside failed with err, and
// what to do about it where there is something to do.
func setAsideFailed(tr *i18n.Translator, dir string, err error) string {
	msg := tr.T("starterror.set_aside_failed")
	switch startupKindOf(dir, err) {
	case kindLocked, kindReadOnly, kindDiskFull:
		msg += "\n\n" + startupErrorMessage(tr, dir, err)
	}
	return msg
}
