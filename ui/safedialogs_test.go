package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// topButton returns the button labelled label in the top dialog.
func topButton(t *testing.T, u *UI, label string) *widget.Button {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog, looking for %q", label)
	}
	b := findButton(top, label)
	if b == nil {
		t.Fatalf("no button %q in %q", label, overlayText(u))
	}
	return b
}

func TestDestructiveButtonsAreRedAndUndoIsPlain(t *testing.T) {
	u, store := newTestUI(t)
	e := data.Entry{At: time.Now().Add(-time.Hour), Mood: 3}
	if err := store.Add(&e); err != nil {
		t.Fatal(err)
	}
	u.screen(sectionCheckin)
	u.checkin.edit(e)
	test.Tap(u.checkin.delete)
	del := topButton(t, u, u.tr.T("checkin.delete"))
	if del.Importance != widget.DangerImportance || del.Icon != theme.DeleteIcon() {
		t.Errorf("delete confirmation: importance %v, icon %v", del.Importance, del.Icon)
	}
	if cancel := topButton(t, u, u.tr.T("dialog.cancel")); cancel.Importance != widget.MediumImportance || cancel.Icon != nil {
		t.Errorf("cancel is not a plain button: importance %v icon %v", cancel.Importance, cancel.Icon)
	}
	test.Tap(del)
	undo := topButton(t, u, u.tr.T("checkin.undo"))
	closeBtn := topButton(t, u, u.tr.T("dialog.close"))
	for _, b := range []*widget.Button{undo, closeBtn} {
		if b.Importance != widget.MediumImportance || b.Icon == theme.ConfirmIcon() || b.Icon == theme.CancelIcon() {
			t.Errorf("%q after a delete: importance %v icon %v", b.Text, b.Importance, b.Icon)
		}
	}
	test.Tap(undo)
	if n, _ := store.Count(); n != 1 {
		t.Errorf("undo left %d check-ins", n)
	}
}

func TestDeleteAllPlainAsksForTheWord(t *testing.T) {
	u, store := newTestUI(t)
	if err := store.Add(&data.Entry{At: time.Now(), Mood: 3}); err != nil {
		t.Fatal(err)
	}
	wait := announcements(u)
	u.deleteAll()
	got := overlayText(u)
	for _, id := range []string{"delete_all.safe.goes", "delete_all.safe.stays"} {
		if !strings.Contains(got, u.tr.T(id)) {
			t.Errorf("the dialog does not say %s: %q", id, got)
		}
	}
	f := u.care.deleteAll
	if !f.confirm.Disabled() || f.confirm.Importance != widget.DangerImportance || f.confirm.Icon != theme.DeleteIcon() {
		t.Errorf("Delete everything: disabled %v importance %v", f.confirm.Disabled(), f.confirm.Importance)
	}
	f.entry.SetText("yes")
	test.Tap(f.confirm)
	wait(t, "delete refused")
	if n, _ := store.Count(); n != 1 || !f.status.Visible() {
		t.Fatalf("a wrong word: %d check-ins left, prompt shown %v", n, f.status.Visible())
	}
	f.entry.SetText(" " + strings.ToLower(u.tr.T("delete_all.safe.word")) + " ")
	test.Tap(f.confirm)
	wait(t, "deleted all")
	if n, _ := store.Count(); n != 0 {
		t.Errorf("%d check-ins after delete all", n)
	}
}

func TestDeleteAllEncryptedAsksForThePassphrase(t *testing.T) {
	u, _ := startLocked(t, encryptedJournal(t, nil))
	unlock(t, u)
	wait := announcements(u)
	u.deleteAll()
	f := u.care.deleteAll
	if !strings.Contains(overlayText(u), u.tr.T("delete_all.safe.passphrase")) {
		t.Fatalf("no passphrase asked: %q", overlayText(u))
	}
	if !f.entry.Password {
		t.Error("the passphrase is shown as typed")
	}
	f.entry.SetText(u.tr.T("delete_all.safe.word")) // the plain journal's word is not enough
	test.Tap(f.confirm)
	wait(t, "delete refused")
	if n, _ := u.journal.Count(); n != 1 {
		t.Fatalf("a wrong passphrase deleted: %d left", n)
	}
	if f.status.Text != u.tr.T("delete_all.safe.wrong_passphrase") {
		t.Errorf("after a wrong passphrase: %q", f.status.Text)
	}
	f.entry.SetText(uiPass)
	test.Tap(f.confirm)
	wait(t, "deleted all")
	if n, _ := u.journal.Count(); n != 0 {
		t.Errorf("%d check-ins after delete all", n)
	}
}

func TestEscOnFilledQuickCheckinAsksFirst(t *testing.T) {
	u, store := newTestUI(t)
	esc := func() { u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

	// Nothing chosen: one Esc closes it.
	u.showQuickCheckin()
	esc()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("an empty quick check-in stays after Esc: %q", overlayText(u))
	}

	u.showQuickCheckin()
	test.Tap(u.quickDialog.mood.buttons[1])
	esc()
	if !strings.Contains(overlayText(u), u.tr.T("quick.discard.title")) {
		t.Fatalf("Esc on a filled quick check-in did not ask: %q", overlayText(u))
	}
	test.Tap(topButton(t, u, u.tr.T("quick.discard.keep")))
	if u.win.Canvas().Overlays().Top() != u.care.quickTop || u.model.quickDialog.mood != 2 {
		t.Fatalf("Keep it lost the quick check-in (draft %+v)", u.model.quickDialog)
	}
	esc()
	drop := topButton(t, u, u.tr.T("quick.discard.discard"))
	if drop.Importance != widget.DangerImportance {
		t.Errorf("Discard importance %v", drop.Importance)
	}
	test.Tap(drop)
	if u.win.Canvas().Overlays().Top() != nil || u.model.quickDialog != (quickDraft{}) {
		t.Errorf("after Discard: dialog %q, draft %+v", overlayText(u), u.model.quickDialog)
	}
	if n, _ := store.Count(); n != 0 {
		t.Errorf("Discard saved %d check-ins", n)
	}
}
