package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// unwrapEsc returns the Fyne widget inside an esc* widget (esc.go), or nil,
// so that tests looking for a *widget.Button, *widget.Entry … find them.
func unwrapEsc(o fyne.CanvasObject) fyne.CanvasObject {
	switch w := o.(type) {
	case *escEntry:
		return &w.Entry
	case *escSelect:
		return &w.Select
	case *escSlider:
		return &w.Slider
	case *escCheck:
		return &w.Check
	case *escButton:
		return &w.Button
	case *escRadioGroup:
		return &w.RadioGroup
	}
	return nil
}

// pressKey delivers a key as Fyne's desktop driver delivers a real key press
// (internal/driver/glfw/window.go, processKeyPressed): KeyDown to the focused
// widget if it is desktop.Keyable; then, the key being no shortcut, TypedKey
// to the focused widget, or to the canvas's OnTypedKey when nothing has
// focus; then KeyUp to what has focus by then. Fyne's test canvas has no
// such path of its own (test.Type only types runes).
func pressKey(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if k, ok := c.Focused().(desktop.Keyable); ok {
		k.KeyDown(ev)
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
	if k, ok := c.Focused().(desktop.Keyable); ok {
		k.KeyUp(ev)
	}
}

// focusables returns the widgets in o that can take the keyboard focus, in
// Tab order: visible and enabled.
func focusables(o fyne.CanvasObject) []fyne.Focusable {
	var out []fyne.Focusable
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		if f, ok := o.(fyne.Focusable); ok {
			if d, ok := o.(fyne.Disableable); !ok || !d.Disabled() {
				out = append(out, f)
			}
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// dismissAll closes every overlay as its own Cancel would where it can, so
// that what closing does (forgetting an open error message) happens.
func dismissAll(u *UI) {
	for top := u.win.Canvas().Overlays().Top(); top != nil; top = u.win.Canvas().Overlays().Top() {
		if !u.dismissTop(top) {
			top.Hide()
		}
	}
}

// describe names a focusable widget for a failure message.
func describe(f fyne.Focusable) string {
	switch w := f.(type) {
	case *escButton:
		return fmt.Sprintf("button %q", w.Text)
	case *escEntry:
		return fmt.Sprintf("entry (password %v)", w.Password)
	case *escSelect:
		return fmt.Sprintf("select %q", w.Selected)
	case *escCheck:
		return fmt.Sprintf("check %q", w.Text)
	case *escSlider:
		return "slider"
	case *escRadio:
		return fmt.Sprintf("radio option %q", w.label)
	case *widget.Button:
		return fmt.Sprintf("Fyne button %q", w.Text)
	}
	return fmt.Sprintf("%T", f)
}

// TestOneEscClosesEveryDialogWhateverHasFocus opens each kind of dialog,
// gives the keyboard focus to each widget in it that can take it (an entry,
// a select, a slider, a check box, a button) and presses Esc once, as a real
// key press arrives: the dialog must be gone. With nothing focused too.
func TestOneEscClosesEveryDialogWhateverHasFocus(t *testing.T) {
	tests := []struct {
		name string
		open func(u *UI)
		// kinds the dialog must offer to the focus (a check that the
		// table looks at the widgets the brief names)
		kinds []string
	}{
		{"about", func(u *UI) { u.showAbout() }, []string{"*ui.escButton"}},
		{"privacy", func(u *UI) { u.showPrivacy() }, []string{"*ui.escButton"}},
		{"message", func(u *UI) { u.showMessage("title", "message") }, []string{"*ui.escButton"}},
		{"confirm", func(u *UI) { u.confirm("title", "message", "yes", func() {}) }, []string{"*ui.escButton"}},
		{"save failed", func(u *UI) { u.saveFailed(errors.New("disk")) }, []string{"*ui.escButton"}},
		{"quick check-in, nothing chosen", func(u *UI) { u.showQuickCheckin() }, []string{"*ui.escSlider", "*ui.escButton"}},
		{"set passphrase", func(u *UI) { u.passphraseDialog(false) }, []string{"*ui.escEntry", "*ui.escButton"}},
		{"remove passphrase", func(u *UI) { u.removePassphraseDialog() }, []string{"*ui.escEntry", "*ui.escButton"}},
		{"encrypted export", func(u *UI) { u.exportEncrypted() }, []string{"*ui.escEntry", "*ui.escRadio", "*ui.escButton"}},
		{"passphrase of a file", func(u *UI) {
			u.askPassphrase("title", "prompt", func(string, func(string)) {})
		}, []string{"*ui.escEntry", "*ui.escButton"}},
		{"delete all", func(u *UI) { u.deleteAll() }, []string{"*ui.escEntry", "*ui.escButton"}},
		{"confirm a deletion", func(u *UI) { u.confirmDanger("title", "message", "delete", func() {}) }, []string{"*ui.escButton"}},
		{"undo a deletion", func(u *UI) { u.offerUndo(data.Entry{At: time.Now(), Mood: 3}) }, []string{"*ui.escButton"}},
		{"where are you", func(u *UI) { u.askRegion(func() {}) }, []string{"*ui.escSelect", "*ui.escButton"}},
		{"crisis", func(u *UI) { u.openCrisis(true, nil) }, []string{"*ui.escButton"}},
		{"companion", func(u *UI) { u.showCompanion(-1) }, []string{"*ui.escSelect", "*ui.escCheck", "*ui.escButton"}},
		{"progress", func(u *UI) { u.showProgress() }, []string{"*ui.escButton"}},
		{"report", func(u *UI) { u.showReportDialog() }, []string{"*ui.escRadio", "*ui.escSelect", "*ui.escCheck", "*ui.escButton"}},
		{"welcome", func(u *UI) { u.showWelcome() }, []string{"*ui.escButton"}},
		{"calendar", func(u *UI) {
			newDateButton(u.tr, u.now, u.win, time.Time{}, "date", false, func(time.Time) {}).open()
		}, []string{"*ui.escButton"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := newTestUI(t)
			c := u.win.Canvas()
			tt.open(u)
			top := c.Overlays().Top()
			if top == nil {
				t.Fatal("the dialog did not open")
			}
			all := focusables(top)
			kinds := map[string]bool{}
			for _, f := range all {
				kinds[fmt.Sprintf("%T", f)] = true
			}
			for _, k := range tt.kinds {
				if !kinds[k] {
					t.Errorf("no %s in the dialog to focus (has %v)", k, kinds)
				}
			}
			dismissAll(u)
			// Nothing focused, then each focusable widget in turn: one Esc.
			for i := -1; i < len(all); i++ {
				tt.open(u)
				top := c.Overlays().Top()
				if top == nil {
					t.Fatal("the dialog did not open again")
				}
				what := "nothing"
				if i >= 0 {
					f := focusables(top)[i]
					what = describe(f)
					c.Focus(f)
					if c.Focused() != f {
						t.Fatalf("%s took no focus", what)
					}
				}
				pressKey(c, fyne.KeyEscape)
				if now := c.Overlays().Top(); now != nil {
					t.Errorf("focus on %s: one Esc left the dialog open (%q)", what, overlayText(u))
					dismissAll(u)
				}
			}
		})
	}
}

// TestEscDismissesLikeCancel checks that Esc closes a dialog the way its own
// Cancel does, so what closing does still happens: a passphrase dialog
// empties its fields, the welcome is closed for now (not marked as seen),
// and "Where are you?" goes on as after "Later".
func TestEscDismissesLikeCancel(t *testing.T) {
	u, _ := newTestUI(t)
	c := u.win.Canvas()
	u.passphraseDialog(false)
	test.Type(u.passDialog.next, "a long passphrase")
	c.Focus(u.passDialog.next)
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Esc left the passphrase dialog open")
	}
	if got := u.passDialog.next.Text; got != "" {
		t.Errorf("Esc kept the typed passphrase in its field: %q", got)
	}

	u.showWelcome()
	c.Focus(u.welcome.next)
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || u.welcome != nil {
		t.Errorf("Esc on the welcome: dialog %q, welcome kept %v", overlayText(u), u.welcome != nil)
	}
	if _, done, _ := u.journal.Setting(data.SettingWelcomeDone); done {
		t.Error("Esc marked the welcome as seen: it is closed for now, not skipped")
	}

	asked := false
	u.askRegion(func() { asked = true })
	c.Focus(u.care.regionPicker)
	pressKey(c, fyne.KeyEscape)
	if !asked || c.Overlays().Top() != nil {
		t.Errorf("Esc on Where are you?: went on %v, dialog %q", asked, overlayText(u))
	}
}

// TestEscOnFilledQuickCheckinAsksWhateverHasFocus presses Esc on a quick
// check-in with a mood chosen, with the focus on each of its widgets: it
// asks first every time, and Esc on the question keeps the check-in.
func TestEscOnFilledQuickCheckinAsksWhateverHasFocus(t *testing.T) {
	u, store := newTestUI(t)
	c := u.win.Canvas()
	u.showQuickCheckin()
	test.Tap(u.quickDialog.mood.buttons[3])
	quick := c.Overlays().Top()
	all := focusables(quick)
	if len(all) < 7 { // five moods, the slider, Save, Cancel
		t.Fatalf("only %d focusable widgets in the quick check-in", len(all))
	}
	for i, f := range all {
		c.Focus(f)
		pressKey(c, fyne.KeyEscape)
		if !strings.Contains(overlayText(u), u.tr.T("quick.discard.title")) {
			t.Fatalf("focus on %s (%d): Esc did not ask: %q", describe(f), i, overlayText(u))
		}
		// Esc on the question, with its Keep focused: back to the check-in.
		c.Focus(focusables(c.Overlays().Top())[0])
		pressKey(c, fyne.KeyEscape)
		if c.Overlays().Top() != quick || u.model.quickDialog.mood != 4 {
			t.Fatalf("focus on %s: Esc on the question lost the check-in (draft %+v)", describe(f), u.model.quickDialog)
		}
	}
	if n, _ := store.Count(); n != 0 {
		t.Errorf("Esc saved %d check-ins", n)
	}
}

// TestEscClosesAnOpenSelectListFirst documents the one case with two
// presses: Esc on an open drop-down list closes the list (Fyne's pop-up menu
// has the focus), and the next Esc closes the dialog.
func TestEscClosesAnOpenSelectListFirst(t *testing.T) {
	u, _ := newTestUI(t)
	c := u.win.Canvas()
	u.askRegion(func() {})
	dialogTop := c.Overlays().Top()
	c.Focus(u.care.regionPicker)
	pressKey(c, fyne.KeySpace) // opens the list, as Space does
	if c.Overlays().Top() == dialogTop {
		t.Fatal("Space did not open the list")
	}
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != dialogTop {
		t.Fatalf("the first Esc did not close just the list: %q", overlayText(u))
	}
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Errorf("the second Esc left the dialog: %q", overlayText(u))
	}
}

// TestRevealerShowsThePassphrase checks the eye button of Steady's
// passphrase fields (Fyne's own cannot be attached to them).
func TestRevealerShowsThePassphrase(t *testing.T) {
	u, _ := newTestUI(t)
	u.passphraseDialog(false)
	e := u.passDialog.next
	r, ok := e.ActionItem.(*revealer)
	if !ok {
		t.Fatalf("the passphrase field's action item is %T", e.ActionItem)
	}
	test.Tap(r)
	if e.Password {
		t.Error("the eye did not show the passphrase")
	}
	if u.win.Canvas().Focused() != e {
		t.Error("the field lost the focus to the eye")
	}
	test.Tap(r)
	if !e.Password {
		t.Error("the eye did not hide the passphrase again")
	}
}
