package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// chartCursor is the day (or hour) a chart points at: chosen by hovering,
// tapping, or the arrow keys once the chart has the keyboard focus. The
// charts embed it; index is -1 when nothing is chosen.
type chartCursor struct {
	index    int
	count    int
	focused  bool
	onChange func(index int) // told of every move, -1 when the cursor leaves

	owner  cursorOwner          // the chart the cursor is on
	plotOf func(fyne.Size) plot // the chart's geometry at a size
}

// cursorOwner is the chart widget a cursor belongs to.
type cursorOwner interface {
	fyne.Widget
	fyne.Focusable
}

// bind ties the cursor to its chart and the chart's geometry; each chart
// calls it once, in its constructor. The chart then takes its pointer and
// keyboard handling from the cursor's methods below.
func (c *chartCursor) bind(owner cursorOwner, plotOf func(fyne.Size) plot) {
	c.owner, c.plotOf = owner, plotOf
}

// pointAt moves the cursor to the day (or hour) under a pointer position.
func (c *chartCursor) pointAt(pos fyne.Position) {
	if c.move(c.plotOf(c.owner.Size()).index(pos.X)) {
		c.owner.Refresh()
	}
}

// Tapped implements fyne.Tappable: a tap shows the day and takes the
// keyboard focus, so the arrow keys go on from there.
func (c *chartCursor) Tapped(e *fyne.PointEvent) {
	c.pointAt(e.Position)
	focusWidget(c.owner)
}

// MouseIn implements desktop.Hoverable.
func (c *chartCursor) MouseIn(e *desktop.MouseEvent) { c.pointAt(e.Position) }

// MouseMoved implements desktop.Hoverable.
func (c *chartCursor) MouseMoved(e *desktop.MouseEvent) { c.pointAt(e.Position) }

// MouseOut implements desktop.Hoverable; the cursor stays where it was, so
// what it shows can still be read.
func (c *chartCursor) MouseOut() {}

// FocusGained implements fyne.Focusable.
func (c *chartCursor) FocusGained() {
	c.focused = true
	c.owner.Refresh()
}

// FocusLost implements fyne.Focusable.
func (c *chartCursor) FocusLost() {
	c.focused = false
	c.owner.Refresh()
}

// TypedRune implements fyne.Focusable.
func (c *chartCursor) TypedRune(rune) {}

// TypedKey implements fyne.Focusable: the arrow keys move the cursor a day,
// Page Up and Down a week, Home and End to the ends.
func (c *chartCursor) TypedKey(e *fyne.KeyEvent) {
	if c.key(e.Name) {
		c.owner.Refresh()
	}
}

// move sets the cursor to i (clamped to the chart) and tells onChange.
func (c *chartCursor) move(i int) bool {
	if c.count == 0 {
		i = -1
	} else {
		i = min(max(i, 0), c.count-1)
	}
	if i == c.index {
		return false
	}
	c.index = i
	if c.onChange != nil {
		c.onChange(i)
	}
	return true
}

// key moves the cursor for an arrow, Home or End key; it reports whether
// the key was one of them.
func (c *chartCursor) key(k fyne.KeyName) bool {
	step := map[fyne.KeyName]int{fyne.KeyLeft: -1, fyne.KeyUp: -1, fyne.KeyRight: 1, fyne.KeyDown: 1,
		fyne.KeyPageUp: -7, fyne.KeyPageDown: 7}
	switch d, ok := step[k]; {
	case k == fyne.KeyHome:
		c.move(0)
	case k == fyne.KeyEnd:
		c.move(c.count - 1)
	case !ok:
		return false
	case c.index < 0:
		c.move(c.count - 1) // the first key lands on the newest day
	default:
		c.move(c.index + d)
	}
	return true
}

// focusWidget gives the keyboard focus to a chart when it is tapped.
func focusWidget(w cursorOwner) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(w); c != nil {
		c.Focus(w)
	}
}

// Contrast: the charts' colours come from the theme and are darkened (light
// theme) or lightened (dark theme) until they stand out from the background
// by at least minContrast, the WCAG figure for graphics.
const minContrast = 3

// luminance is the relative luminance of c (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).(color.NRGBA).RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours, 1 … 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// readable returns c, or c mixed towards black or white (whichever is
// further from bg) just enough to reach minContrast against bg.
func readable(c, bg color.Color) color.Color {
	if contrast(c, bg) >= minContrast {
		return c
	}
	target := color.NRGBA{A: 0xff}
	if luminance(bg) < 0.5 {
		target = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
	src := color.NRGBAModel.Convert(c).(color.NRGBA)
	mix := func(a, b uint8, t float64) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	for t := 0.05; t <= 1; t += 0.05 {
		m := color.NRGBA{R: mix(src.R, target.R, t), G: mix(src.G, target.G, t), B: mix(src.B, target.B, t), A: 0xff}
		if contrast(m, bg) >= minContrast {
			return m
		}
	}
	return target
}

// chartColor is a theme colour made readable on the theme's background.
func chartColor(name fyne.ThemeColorName) color.Color {
	return readable(theme.Color(name), theme.Color(theme.ColorNameBackground))
}
