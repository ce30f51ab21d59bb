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
// When the heights at the new width no longer fit, it asks its scroll to
// lay it out again, which now gets the right minimum size.
type flowLayout struct {
	scroll *container.Scroll // the scroll that holds the flow's container
}

// newFlow returns a scroll holding objs laid out by a flowLayout.
func newFlow(objs ...fyne.CanvasObject) (*fyne.Container, *container.Scroll) {
	l := &flowLayout{}
	box := container.New(l, objs...)
	l.scroll = container.NewVScroll(box)
	return box, l.scroll
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
	if need := y - pad; need > size.Height+0.5 && l.scroll != nil {
		l.scroll.Refresh()
	}
}
