package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// One Esc closes the dialog on top, whatever has the keyboard focus (issue
// 14).
//
// Fyne's window gives a key to the focused widget, and to the canvas's
// OnTypedKey only when nothing has focus (internal/driver/glfw/window.go,
// processKeyPressed: Escape is no shortcut, so nothing else sees it); and
// Fyne's Entry, Select, Slider, Check and Button ignore Escape. So Esc did
// nothing on a dialog while one of its fields or buttons had focus.
//
// The one mechanism: the focusable widgets of Steady's dialogs are built as
// the esc* types below, Fyne's widgets with a TypedKey that passes Escape on
// to the canvas's OnTypedKey (passEscape), the handler that also gets it when
// nothing has focus (watchKeys → closeTopDialog). Every Esc therefore takes
// one path, whatever has focus: the quick check-in with something chosen
// asks first (escapeQuick), and any other dialog shown with showDialog is
// dismissed as its Cancel or Close button would dismiss it, so its
// callbacks run (a passphrase dialog empties its fields).
//
// Two cases are left to Fyne on purpose: an open Select list (a pop-up menu
// holding the focus) closes on the first Esc, like a system list, and the
// next Esc closes the dialog; a multi-line entry has no use for Esc, so it
// closes the dialog like any other field.

// passEscape hands ev to the canvas's OnTypedKey if it is Escape, and
// reports whether it did.
func passEscape(obj fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyEscape {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(obj)
	if c == nil {
		return false
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
	return true
}

// escEntry is a widget.Entry that passes Escape on (passEscape).
type escEntry struct{ widget.Entry }

// TypedKey implements fyne.Focusable.
func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if !passEscape(e, ev) {
		e.Entry.TypedKey(ev)
	}
}

// newEscEntry is widget.NewEntry that passes Escape on.
func newEscEntry() *escEntry {
	e := &escEntry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// newEscPasswordEntry is widget.NewPasswordEntry that passes Escape on, with
// the same eye button to show what was typed.
func newEscPasswordEntry() *escEntry {
	e := newEscEntry()
	e.Password = true
	e.ActionItem = newRevealer(e)
	return e
}

// secretEntry is a passphrase field, emptied on close and on lock (secret).
func (u *UI) secretEntry() *escEntry {
	e := newEscPasswordEntry()
	u.secret(&e.Entry)
	return e
}

// escSelect is a widget.Select that passes Escape on (passEscape) and opens
// its list only once it is on a canvas (canOpen). Every Select Steady shows
// is one (newEscSelect).
type escSelect struct{ widget.Select }

// canOpen reports whether s may open its list: whether Fyne knows the canvas
// s is on. Fyne records an object's canvas only when it next paints it
// (cache.SetCanvasForObject in the paint's EnsureMinSize), so a Select in
// content or a dialog that was just shown, tapped before that paint, has
// none; Fyne's Select opens its list all the same with a nil canvas
// (showPopUp, fyne v2.7.1 widget/select.go:283) and NewPopUpMenu then panics
// (overlay MinSize, widget/popup_menu.go:31): Steady crashed under random
// clicks after a start-up error's Continue swapped the window's content.
func (s *escSelect) canOpen() bool {
	return fyne.CurrentApp().Driver().CanvasForObject(s) != nil
}

// Tapped implements fyne.Tappable: a tap before the Select's first paint
// does nothing (canOpen).
func (s *escSelect) Tapped(ev *fyne.PointEvent) {
	if s.canOpen() {
		s.Select.Tapped(ev)
	}
}

// TypedKey implements fyne.Focusable. Space, Up and Down open the list in
// Fyne's Select (widget/select.go:236): they do nothing before the first
// paint (canOpen).
func (s *escSelect) TypedKey(ev *fyne.KeyEvent) {
	if passEscape(s, ev) {
		return
	}
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown:
		if !s.canOpen() {
			return
		}
	}
	s.Select.TypedKey(ev)
}

// newEscSelect is widget.NewSelect that passes Escape on and opens only on
// a canvas (escSelect).
func newEscSelect(options []string, changed func(string)) *escSelect {
	s := &escSelect{}
	s.Options = options
	s.OnChanged = changed
	s.PlaceHolder = widget.NewSelect(nil, nil).PlaceHolder // Fyne's translated "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// escSlider is a widget.Slider that passes Escape on (passEscape).
type escSlider struct{ widget.Slider }

// TypedKey implements fyne.Focusable.
func (s *escSlider) TypedKey(ev *fyne.KeyEvent) {
	if !passEscape(s, ev) {
		s.Slider.TypedKey(ev)
	}
}

// newEscSlider is widget.NewSlider that passes Escape on.
func newEscSlider(min, max float64) *escSlider {
	s := &escSlider{}
	s.Min, s.Max, s.Step = min, max, 1
	s.Orientation = widget.Horizontal
	s.ExtendBaseWidget(s)
	return s
}

// escCheck is a widget.Check that passes Escape on (passEscape).
type escCheck struct{ widget.Check }

// TypedKey implements fyne.Focusable.
func (c *escCheck) TypedKey(ev *fyne.KeyEvent) {
	if !passEscape(c, ev) {
		c.Check.TypedKey(ev)
	}
}

// newEscCheck is widget.NewCheck that passes Escape on.
func newEscCheck(label string, changed func(bool)) *escCheck {
	c := &escCheck{}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// wrappedEscCheck is wrappedCheck whose box passes Escape on.
func wrappedEscCheck(label string, changed func(bool)) (*escCheck, fyne.CanvasObject) {
	c := newEscCheck("", changed)
	return c, container.NewBorder(nil, nil, container.NewVBox(c), nil, wrapped(label))
}

// escButton is a widget.Button that passes Escape on (passEscape).
type escButton struct{ widget.Button }

// TypedKey implements fyne.Focusable.
func (b *escButton) TypedKey(ev *fyne.KeyEvent) {
	if !passEscape(b, ev) {
		b.Button.TypedKey(ev)
	}
}

// newEscButton is widget.NewButtonWithIcon that passes Escape on (icon may
// be nil).
func newEscButton(label string, icon fyne.Resource, tapped func()) *escButton {
	b := &escButton{}
	b.Text = label
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// getHelpEscButton is getHelpButton, with its look, for a dialog.
func (u *UI) getHelpEscButton() *escButton {
	b := newEscButton(u.tr.T("help.button"), theme.WarningIcon(), u.getHelp)
	b.Importance = widget.WarningImportance
	return b
}

// newEscDialog is dialog.NewCustom with a dismiss button that passes Escape
// on.
func newEscDialog(title, dismiss string, content fyne.CanvasObject, win fyne.Window) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	d.SetButtons([]fyne.CanvasObject{newEscButton(dismiss, nil, d.Hide)})
	return d
}

// newEscConfirm is dialog.NewCustomConfirm with buttons that pass Escape on:
// a plain dismiss button and a highlighted confirm button; callback gets
// true for confirm, false for dismiss, Esc or any other way of closing.
func newEscConfirm(title, confirm, dismiss string, content fyne.CanvasObject, callback func(bool), win fyne.Window) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	confirmed := false
	no := newEscButton(dismiss, theme.CancelIcon(), d.Hide)
	yes := newEscButton(confirm, theme.ConfirmIcon(), func() {
		confirmed = true
		d.Hide()
	})
	yes.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{no, yes})
	d.SetOnClosed(func() {
		ok := confirmed
		confirmed = false
		if callback != nil {
			callback(ok)
		}
	})
	return d
}

// openDialogs maps the overlay of each dialog shown with showDialog to the
// dialog, so that Esc dismisses it as its own button would.
type openDialogs map[fyne.CanvasObject]dialog.Dialog

// showDialog shows d and lets Esc dismiss it (closeTopDialog): through
// d.Dismiss, so its callbacks and SetOnClosed hooks run, not only its
// overlay hidden.
func (u *UI) showDialog(d dialog.Dialog) {
	d.Show()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	if u.dialogs == nil {
		u.dialogs = openDialogs{}
	}
	shown := u.win.Canvas().Overlays().List()
	for o := range u.dialogs {
		if !slices.Contains(shown, o) { // hidden without Dismiss (the lock hides every overlay)
			delete(u.dialogs, o)
		}
	}
	u.dialogs[top] = d
	d.SetOnClosed(func() { delete(u.dialogs, top) })
}

// dismissTop dismisses the dialog whose overlay is top, if it was shown with
// showDialog, and reports whether it did.
func (u *UI) dismissTop(top fyne.CanvasObject) bool {
	d, ok := u.dialogs[top]
	if !ok {
		return false
	}
	delete(u.dialogs, top)
	d.Dismiss()
	if u.win.Canvas().Overlays().Top() == top { // hidden some other way before
		top.Hide()
	}
	return true
}

// revealer is the eye button of a passphrase field: it shows or hides what
// was typed. Like Fyne's own (which only Fyne's constructor can attach), it
// is tapped with the pointer and takes no keyboard focus.
type revealer struct {
	widget.BaseWidget
	entry *escEntry
	icon  *canvas.Image
}

func newRevealer(e *escEntry) *revealer {
	r := &revealer{entry: e, icon: canvas.NewImageFromResource(theme.VisibilityOffIcon())}
	r.icon.FillMode = canvas.ImageFillContain
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *revealer) CreateRenderer() fyne.WidgetRenderer {
	return &revealerRenderer{r: r}
}

// Cursor implements desktop.Cursorable.
func (r *revealer) Cursor() desktop.Cursor { return desktop.DefaultCursor }

// Tapped shows or hides the passphrase and gives the field the focus back.
func (r *revealer) Tapped(*fyne.PointEvent) {
	if r.entry.Disabled() {
		return
	}
	r.entry.Password = !r.entry.Password
	r.entry.Refresh()
	r.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r.entry)
	}
}

type revealerRenderer struct{ r *revealer }

func (rr *revealerRenderer) Destroy() {}

func (rr *revealerRenderer) Layout(size fyne.Size) {
	s := rr.r.Theme().Size(theme.SizeNameInlineIcon)
	rr.r.icon.Resize(fyne.NewSquareSize(s))
	rr.r.icon.Move(fyne.NewPos((size.Width-s)/2, (size.Height-s)/2))
}

func (rr *revealerRenderer) MinSize() fyne.Size {
	th := rr.r.Theme()
	return fyne.NewSquareSize(th.Size(theme.SizeNameInlineIcon) + 2*th.Size(theme.SizeNameInnerPadding))
}

func (rr *revealerRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{rr.r.icon} }

func (rr *revealerRenderer) Refresh() {
	res := theme.VisibilityOffIcon()
	if !rr.r.entry.Password {
		res = theme.VisibilityIcon()
	}
	if rr.r.entry.Disabled() {
		res = theme.NewDisabledResource(res)
	}
	rr.r.icon.Resource = res
	rr.r.icon.Refresh()
}
