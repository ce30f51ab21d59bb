package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// flowLayout stacks objects one under the other, as a VBox does, but gives
// each its width before asking the height it needs: a wrapped label's
// minimum height depends on its width, and a VBox asks it before the width
// changes, so after the window narrows a paragraph ran into the next one.
// When the heights at the new width no longer fit (the window narrowed, or
// Details opened), it grows its container to what they need and tells its
// scroll, so that the end can be scrolled to.
type flowLayout struct {
	box    *fyne.Container   // the container laid out
	scroll *container.Scroll // the scroll that holds box
	busy   bool              // in Layout: growing box lays it out again
}

// newFlow returns a scroll holding objs laid out by a flowLayout.
func newFlow(objs ...fyne.CanvasObject) (*fyne.Container, *container.Scroll) {
	l := &flowLayout{}
	l.box = container.New(l, objs...)
	l.scroll = container.NewVScroll(l.box)
	return l.box, l.scroll
}

// MinSize implements fyne.Layout.
func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		min := o.MinSize()
		size.Width = max(size.Width, min.Width)
		size.Height += min.Height
		n++
	}
	if n > 1 {
		size.Height += theme.Padding() * float32(n-1)
	}
	return size
}

// Layout implements fyne.Layout.
func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if l.busy {
		return
	}
	l.busy = true
	defer func() { l.busy = false }()
	pad := theme.Padding()
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		if h := o.MinSize().Height; h != o.Size().Height { // its height at this width
			o.Resize(fyne.NewSize(size.Width, h))
		}
		o.Move(fyne.NewPos(0, y))
		y += o.Size().Height + pad
	}
	if need := y - pad; need > size.Height+0.5 && l.box != nil {
		l.box.Resize(fyne.NewSize(size.Width, need))
		if l.scroll != nil {
			l.scroll.Refresh()
		}
	}
}
