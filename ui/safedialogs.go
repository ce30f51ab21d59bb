package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"github.com/steadyapp/steady/data"
)

// Dialogs that cannot be mistaken (issue 14): a destructive action is a
// red button with a delete icon, never a highlighted ✓; its way out is a
// plain button; Undo is a plain button; "Delete all my data" says what goes
// and what stays and asks for the passphrase (or a typed word) first; Esc
// on a quick check-in with something chosen asks before it is dropped.

// confirmDanger asks before a destructive action: a plain Cancel and a red
// button with a delete icon labelled yes.
func (u *UI) confirmDanger(title, msg, yes string, then func()) {
	var d *dialog.CustomDialog
	cancel := newEscButton(u.tr.T("dialog.cancel"), nil, func() { d.Hide() })
	do := newEscButton(yes, theme.DeleteIcon(), func() {
		d.Hide()
		then()
	})
	do.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons(title, wrapped(msg), u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, do})
	d.Resize(fyne.NewSize(min(u.win.Canvas().Size().Width-32, 440), 0))
	u.showDialog(d)
}

// offerUndo says an entry was deleted and offers to put it back: Undo and
// Close are plain buttons, neither one looks like "confirm".
func (u *UI) offerUndo(gone data.Entry) {
	var d *dialog.CustomDialog
	undo := newEscButton(u.tr.T("checkin.undo"), theme.ContentUndoIcon(), func() {
		d.Hide()
		if err := u.journal.Restore(&gone); err != nil {
			u.reportWrite(err, u.saveError)
		}
	})
	closeBtn := newEscButton(u.tr.T("dialog.close"), nil, func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(u.tr.T("checkin.delete_title"), wrapped(u.tr.T("checkin.deleted")), u.win)
	d.SetButtons([]fyne.CanvasObject{closeBtn, undo})
	u.showDialog(d)
}

// deleteAllForm is the "Delete all my data" dialog.
type deleteAllForm struct {
	dialog  *dialog.CustomDialog
	entry   *escEntry     // the passphrase, or the typed word
	status  *widget.Label // why nothing was deleted
	confirm *escButton    // "Delete everything"
}

// deleteAll asks before deleting the whole journal: what goes, what stays
// (files exported elsewhere), and the passphrase of an encrypted journal or
// a typed word for a plain one.
func (u *UI) deleteAll() {
	tr := u.tr
	f := &deleteAllForm{status: newPrompt()}
	encrypted := u.journal.Encrypted()
	word := tr.T("delete_all.safe.word")
	var ask string
	if encrypted {
		f.entry = newEscPasswordEntry()
		ask = tr.T("delete_all.safe.passphrase")
	} else {
		f.entry = newEscEntry()
		ask = tr.T("delete_all.safe.word_prompt", "Word", word)
	}
	f.confirm = newEscButton(tr.T("delete_all.confirm"), theme.DeleteIcon(), nil)
	f.confirm.Importance = widget.DangerImportance
	f.confirm.Disable()
	f.entry.OnChanged = func(s string) {
		f.status.Hide()
		if strings.TrimSpace(s) == "" {
			f.confirm.Disable()
		} else {
			f.confirm.Enable()
		}
	}
	cancel := newEscButton(tr.T("dialog.cancel"), nil, func() { f.dialog.Hide() })
	done := func() {
		f.dialog.Hide()
		if err := u.journal.DeleteAll(); err != nil {
			u.reportWrite(err, u.saveError)
			return
		}
		u.model.draft = newDraft()
		if u.checkin != nil {
			u.checkin.reset()
		}
		u.showMessage(tr.T("delete_all.title"), tr.T("delete_all.done"))
		u.announce("deleted all")
	}
	refuse := func(msg string) {
		f.entry.SetText("") // hides the last prompt: show this one after
		f.status.SetText(msg)
		f.status.Show()
		f.confirm.Disable()
		u.announce("delete refused")
	}
	f.confirm.OnTapped = func() {
		typed := f.entry.Text
		if !encrypted {
			if !sameWord(typed, word) {
				refuse(tr.T("delete_all.safe.wrong_word"))
				return
			}
			done()
			return
		}
		// Checking a passphrase takes a moment (key derivation): off the UI
		// thread, back through fyne.Do.
		f.confirm.Disable()
		f.status.SetText(tr.T("delete_all.safe.checking"))
		f.status.Show()
		dir := u.dir
		go func() {
			err := data.VerifyPassphrase(dir, typed)
			fyne.Do(func() {
				switch {
				case err == nil:
					done()
				case errors.Is(err, data.ErrWrongPassphrase):
					refuse(tr.T("delete_all.safe.wrong_passphrase"))
				default:
					refuse(tr.T("error.save", "Detail", err.Error()))
				}
			})
		}()
	}
	f.entry.OnSubmitted = func(string) {
		if !f.confirm.Disabled() {
			f.confirm.OnTapped()
		}
	}
	goes := wrapped(tr.T("delete_all.safe.goes"))
	stays := wrapped(tr.T("delete_all.safe.stays"))
	body := container.NewVBox(
		wrapped(tr.T("delete_all.question")),
		goes, stays,
		widget.NewSeparator(),
		wrapped(ask), f.entry, f.status,
	)
	f.dialog = dialog.NewCustomWithoutButtons(tr.T("delete_all.title"), container.NewVScroll(body), u.win)
	f.dialog.SetButtons([]fyne.CanvasObject{cancel, f.confirm})
	size := u.win.Canvas().Size()
	f.dialog.Resize(fyne.NewSize(min(size.Width-32, 500), min(size.Height-32, 520)))
	u.care.deleteAll = f
	u.showDialog(f.dialog)
	u.win.Canvas().Focus(f.entry)
}

// sameWord reports whether typed is word, ignoring case, spaces around it
// and Unicode normalisation.
func sameWord(typed, word string) bool {
	a := norm.NFC.String(strings.TrimSpace(typed))
	b := norm.NFC.String(word)
	return strings.EqualFold(a, b)
}

// escapeQuick handles Esc on the quick check-in dialog: with nothing chosen
// it closes; with a mood or a craving chosen it asks first. It reports
// whether the top overlay was the quick check-in.
func (u *UI) escapeQuick() bool {
	top := u.win.Canvas().Overlays().Top()
	if top == nil || top != u.care.quickTop {
		return false
	}
	d := u.model.quickDialog
	if d == (quickDraft{}) {
		top.Hide()
		return true
	}
	tr := u.tr
	var ask *dialog.CustomDialog
	keep := newEscButton(tr.T("quick.discard.keep"), nil, func() { ask.Hide() })
	drop := newEscButton(tr.T("quick.discard.discard"), theme.DeleteIcon(), func() {
		ask.Hide()
		u.model.quickDialog = quickDraft{}
		top.Hide()
		u.announce("quick discarded")
	})
	drop.Importance = widget.DangerImportance
	ask = dialog.NewCustomWithoutButtons(tr.T("quick.discard.title"), wrapped(tr.T("quick.discard.body")), u.win)
	ask.SetButtons([]fyne.CanvasObject{keep, drop})
	u.showDialog(ask)
	u.announce("quick asks")
	return true
}
