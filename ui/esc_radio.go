package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// escRadioGroup is a widget.RadioGroup whose options pass Escape on
// (passEscape, esc.go). Fyne's options are its own unexported widgets, which
// take the focus and ignore Escape, so this group draws its options with
// escRadio, drawn as Fyne draws them; everything else (Options, Selected,
// Required, Horizontal, SetSelected, OnChanged) is Fyne's.
type escRadioGroup struct{ widget.RadioGroup }

// newEscRadioGroup is widget.NewRadioGroup whose options pass Escape on.
func newEscRadioGroup(options []string, changed func(string)) *escRadioGroup {
	g := &escRadioGroup{}
	g.Options = options
	g.OnChanged = changed
	g.ExtendBaseWidget(g)
	return g
}

// CreateRenderer implements fyne.Widget.
func (g *escRadioGroup) CreateRenderer() fyne.WidgetRenderer {
	r := &escRadioGroupRenderer{g: g}
	r.update()
	return r
}

// tapped chooses label as Fyne's group does: a second tap on the chosen
// option clears it unless an answer is required.
func (g *escRadioGroup) tapped(label string) {
	if g.Disabled() {
		return
	}
	if g.Selected == label {
		if !g.Required {
			g.SetSelected("")
		}
		return
	}
	g.SetSelected(label)
}

type escRadioGroupRenderer struct {
	g     *escRadioGroup
	items []*escRadio
}

func (r *escRadioGroupRenderer) Destroy() {}

func (r *escRadioGroupRenderer) Objects() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(r.items))
	for i, it := range r.items {
		out[i] = it
	}
	return out
}

// Layout gives every option the same size, in a column or a row.
func (r *escRadioGroupRenderer) Layout(size fyne.Size) {
	n := max(len(r.items), 1)
	w, h := size.Width, r.MinSize().Height/float32(n)
	if r.g.Horizontal {
		w, h = size.Width/float32(n), size.Height
	}
	var x, y float32
	for _, it := range r.items {
		it.Resize(fyne.NewSize(w, h))
		it.Move(fyne.NewPos(x, y))
		if r.g.Horizontal {
			x += w
		} else {
			y += h
		}
	}
}

func (r *escRadioGroupRenderer) MinSize() fyne.Size {
	var w, h float32
	for _, it := range r.items {
		m := it.MinSize()
		w, h = max(w, m.Width), max(h, m.Height)
	}
	if r.g.Horizontal {
		return fyne.NewSize(w*float32(len(r.items)), h)
	}
	return fyne.NewSize(w, h*float32(len(r.items)))
}

func (r *escRadioGroupRenderer) Refresh() {
	r.update()
	r.Layout(r.g.Size())
	for _, it := range r.items {
		it.Refresh()
	}
	canvas.Refresh(r.g)
}

// update makes one option per label, showing the group's choice and state.
func (r *escRadioGroupRenderer) update() {
	for len(r.items) < len(r.g.Options) {
		r.items = append(r.items, newEscRadio(r.g))
	}
	r.items = r.items[:len(r.g.Options)]
	for i, it := range r.items {
		it.label = r.g.Options[i]
		it.selected = it.label == r.g.Selected
		it.disabled = r.g.Disabled()
	}
}

// escRadio is one option of an escRadioGroup.
type escRadio struct {
	widget.BaseWidget
	group    *escRadioGroup
	label    string
	selected bool
	disabled bool
	focused  bool
	hovered  bool
}

func newEscRadio(g *escRadioGroup) *escRadio {
	o := &escRadio{group: g}
	o.ExtendBaseWidget(o)
	return o
}

// Tapped chooses this option and takes the focus, like Fyne's.
func (o *escRadio) Tapped(*fyne.PointEvent) {
	if o.disabled {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && !o.focused && !fyne.CurrentDevice().IsMobile() {
		c.Focus(o)
	}
	o.group.tapped(o.label)
}

// FocusGained implements fyne.Focusable.
func (o *escRadio) FocusGained() { o.focused = true; o.Refresh() }

// FocusLost implements fyne.Focusable.
func (o *escRadio) FocusLost() { o.focused = false; o.Refresh() }

// TypedRune chooses this option on Space, like Fyne's.
func (o *escRadio) TypedRune(r rune) {
	if r == ' ' && !o.disabled {
		o.group.tapped(o.label)
	}
}

// TypedKey passes Escape on (passEscape).
func (o *escRadio) TypedKey(ev *fyne.KeyEvent) { passEscape(o, ev) }

// MouseIn implements desktop.Hoverable.
func (o *escRadio) MouseIn(*desktop.MouseEvent) { o.hovered = !o.disabled; o.Refresh() }

// MouseMoved implements desktop.Hoverable.
func (o *escRadio) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (o *escRadio) MouseOut() { o.hovered = false; o.Refresh() }

// CreateRenderer implements fyne.Widget: Fyne's radio item, as drawn by
// widget/radio_item.go.
func (o *escRadio) CreateRenderer() fyne.WidgetRenderer {
	r := &escRadioRenderer{o: o, focus: &canvas.Circle{}, icon: &canvas.Image{}, over: &canvas.Image{},
		text: &canvas.Text{Alignment: fyne.TextAlignLeading}}
	r.Refresh()
	return r
}

type escRadioRenderer struct {
	o          *escRadio
	focus      *canvas.Circle
	icon, over *canvas.Image
	text       *canvas.Text
}

func (r *escRadioRenderer) Destroy() {}

func (r *escRadioRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.focus, r.icon, r.over, r.text}
}

func (r *escRadioRenderer) Layout(size fyne.Size) {
	th := r.o.Theme()
	inner, border, icon := th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNameInputBorder), th.Size(theme.SizeNameInlineIcon)
	focus := fyne.NewSquareSize(icon + inner)
	r.focus.Resize(focus)
	r.focus.Move(fyne.NewPos(border, (size.Height-focus.Height)/2))
	r.text.Resize(size)
	r.text.Move(fyne.NewPos(focus.Width+th.Size(theme.SizeNamePadding), 0))
	pos := fyne.NewPos(inner/2+border, (size.Height-icon)/2)
	for _, img := range []*canvas.Image{r.icon, r.over} {
		img.Resize(fyne.NewSquareSize(icon))
		img.Move(pos)
	}
}

func (r *escRadioRenderer) MinSize() fyne.Size {
	th := r.o.Theme()
	pad := th.Size(theme.SizeNameInnerPadding) * 2
	return r.text.MinSize().AddWidthHeight(pad+th.Size(theme.SizeNameInlineIcon)+th.Size(theme.SizeNamePadding), pad)
}

func (r *escRadioRenderer) Refresh() {
	o := r.o
	th := o.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.text.Text = o.label
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	out := theme.NewThemedResource(th.Icon(theme.IconNameRadioButton))
	out.ColorName = theme.ColorNameInputBorder
	in := theme.NewThemedResource(th.Icon(theme.IconNameRadioButtonFill))
	in.ColorName = theme.ColorNameInputBackground
	if o.selected {
		in.ColorName, out.ColorName = theme.ColorNamePrimary, theme.ColorNameForeground
	}
	r.focus.FillColor = color.Transparent
	switch {
	case o.disabled:
		r.text.Color = th.Color(theme.ColorNameDisabled, v)
		in.ColorName, out.ColorName = theme.ColorNameBackground, theme.ColorNameDisabled
		if o.selected {
			in.ColorName = theme.ColorNameDisabled
		}
	case o.focused:
		r.focus.FillColor = th.Color(theme.ColorNameFocus, v)
	case o.hovered:
		r.focus.FillColor = th.Color(theme.ColorNameHover, v)
	}
	r.icon.Resource, r.over.Resource = in, out
	r.icon.Refresh()
	r.over.Refresh()
	r.text.Refresh()
	r.focus.Refresh()
}
