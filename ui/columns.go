package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columnsLayout places its objects in as many equal columns as fit the width
// it was last given (at least one, at most maxCols), row by row. Its minimum
// width is one column's, so long labels in any language wrap onto more rows
// instead of pushing the window wider.
type columnsLayout struct {
	maxCols int
	width   float32 // the width of the last layout; 0 before the first
}

func newColumns(maxCols int, objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &columnsLayout{maxCols: maxCols}, Objects: objs}
}

func (l *columnsLayout) cell(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	return s
}

func (l *columnsLayout) cols(objs []fyne.CanvasObject, width float32) int {
	cell := l.cell(objs)
	pad := theme.Padding()
	n := 1
	if cell.Width > 0 && width > 0 {
		n = int((width + pad) / (cell.Width + pad))
	}
	visible := 0
	for _, o := range objs {
		if o.Visible() {
			visible++
		}
	}
	if n > l.maxCols {
		n = l.maxCols
	}
	if n > visible {
		n = visible
	}
	if n < 1 {
		n = 1
	}
	return n
}

// MinSize implements fyne.Layout.
func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	cell := l.cell(objs)
	cols := l.cols(objs, l.width)
	visible := 0
	for _, o := range objs {
		if o.Visible() {
			visible++
		}
	}
	rows := (visible + cols - 1) / cols
	pad := theme.Padding()
	h := float32(rows)*cell.Height + float32(max(rows-1, 0))*pad
	return fyne.NewSize(cell.Width, h)
}

// Layout implements fyne.Layout.
func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	cell := l.cell(objs)
	cols := l.cols(objs, size.Width)
	pad := theme.Padding()
	w := (size.Width - float32(cols-1)*pad) / float32(cols)
	i := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		r, c := i/cols, i%cols
		o.Move(fyne.NewPos(float32(c)*(w+pad), float32(r)*(cell.Height+pad)))
		o.Resize(fyne.NewSize(w, cell.Height))
		i++
	}
}

// fitLayout gives a Select the width of its longest option: Fyne sizes a
// Select by its placeholder, and cuts longer choices short.
type fitLayout struct{ sel *widget.Select }

// fitted wraps sel (Fyne's Select or Steady's escSelect) so that every
// option shows whole.
func fitted[S interface {
	*widget.Select | *escSelect
	fyne.CanvasObject
}](sel S) *fyne.Container {
	inner, _ := any(sel).(*widget.Select)
	if e, ok := any(sel).(*escSelect); ok {
		inner = &e.Select
	}
	return container.New(&fitLayout{sel: inner}, sel)
}

// MinSize implements fyne.Layout.
func (l *fitLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	th := l.sel.Theme()
	w := float32(0)
	for _, o := range append([]string{l.sel.PlaceHolder}, l.sel.Options...) {
		w = max(w, fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width)
	}
	pad := th.Size(theme.SizeNameInnerPadding)
	min := l.sel.MinSize()
	return fyne.NewSize(max(min.Width, w+pad*4+th.Size(theme.SizeNameInlineIcon)), min.Height)
}

// Layout implements fyne.Layout.
func (l *fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
