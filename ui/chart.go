package ui

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A chart is drawn with Fyne's canvas primitives in the theme's colours, so
// it reads in light and dark. Its objects are laid out again whenever its
// size or data change.

// lineSeries is one line of a line chart: a value per x step, NaN where
// there is none (the line breaks there).
type lineSeries struct {
	values []float64
	color  fyne.ThemeColorName
	dashed bool // drawn thinner, for a secondary series
}

// lineChart plots series over evenly spaced steps (days) between yMin and
// yMax, with the first and last x labels under the axis.
type lineChart struct {
	widget.BaseWidget
	series     []lineSeries
	yMin, yMax float64
	yTicks     []float64
	xFrom, xTo string
	minH       float32
}

func newLineChart(yMin, yMax float64, ticks []float64) *lineChart {
	c := &lineChart{yMin: yMin, yMax: yMax, yTicks: ticks, minH: 160}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *lineChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{layout: c.draw, min: fyne.NewSize(200, c.minH)}
}

func text(s string, name fyne.ThemeColorName, align fyne.TextAlign) *canvas.Text {
	t := canvas.NewText(s, theme.Color(name))
	t.TextSize = theme.CaptionTextSize()
	t.Alignment = align
	return t
}

func (c *lineChart) draw(size fyne.Size) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	left, bottom, top := float32(28), float32(20), float32(6)
	w, h := size.Width-left-6, size.Height-bottom-top
	if w <= 0 || h <= 0 {
		return nil
	}
	y := func(v float64) float32 { return top + h - float32((v-c.yMin)/(c.yMax-c.yMin))*h }
	for _, tk := range c.yTicks {
		line := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		line.Position1, line.Position2 = fyne.NewPos(left, y(tk)), fyne.NewPos(left+w, y(tk))
		label := text(formatTick(tk), theme.ColorNamePlaceHolder, fyne.TextAlignTrailing)
		label.Move(fyne.NewPos(0, y(tk)-8))
		label.Resize(fyne.NewSize(left-4, 16))
		objs = append(objs, line, label)
	}
	for _, s := range c.series {
		n := len(s.values)
		if n == 0 {
			continue
		}
		x := func(i int) float32 {
			if n == 1 {
				return left + w/2
			}
			return left + float32(i)*w/float32(n-1)
		}
		col := theme.Color(s.color)
		width := float32(2.5)
		if s.dashed {
			width = 1.2
			col = withAlpha(col, 0xb0)
		}
		for i, v := range s.values {
			if math.IsNaN(v) {
				continue
			}
			if i+1 < n && !math.IsNaN(s.values[i+1]) {
				l := canvas.NewLine(col)
				l.StrokeWidth = width
				l.Position1, l.Position2 = fyne.NewPos(x(i), y(v)), fyne.NewPos(x(i+1), y(s.values[i+1]))
				objs = append(objs, l)
			}
			dot := canvas.NewCircle(col)
			r := width + 1
			dot.Move(fyne.NewPos(x(i)-r, y(v)-r))
			dot.Resize(fyne.NewSize(2*r, 2*r))
			objs = append(objs, dot)
		}
	}
	from := text(c.xFrom, theme.ColorNamePlaceHolder, fyne.TextAlignLeading)
	from.Move(fyne.NewPos(left, top+h+2))
	to := text(c.xTo, theme.ColorNamePlaceHolder, fyne.TextAlignTrailing)
	to.Move(fyne.NewPos(left, top+h+2))
	to.Resize(fyne.NewSize(w, 16))
	return append(objs, from, to)
}

// barChart draws one vertical bar per value, from 0 to max, with optional
// labels under some bars.
type barChart struct {
	widget.BaseWidget
	values []float64
	labels []string // same length as values; "" for none
	max    float64
	color  fyne.ThemeColorName
}

func newBarChart(max float64, color fyne.ThemeColorName) *barChart {
	c := &barChart{max: max, color: color}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{layout: c.draw, min: fyne.NewSize(240, 140)}
}

func (c *barChart) draw(size fyne.Size) []fyne.CanvasObject {
	n := len(c.values)
	bottom := float32(18)
	h := size.Height - bottom
	if n == 0 || h <= 0 {
		return nil
	}
	slot := size.Width / float32(n)
	base := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
	base.Position1, base.Position2 = fyne.NewPos(0, h), fyne.NewPos(size.Width, h)
	objs := []fyne.CanvasObject{base}
	for i, v := range c.values {
		bh := float32(0)
		if c.max > 0 {
			bh = float32(v/c.max) * (h - 4)
		}
		r := canvas.NewRectangle(theme.Color(c.color))
		r.CornerRadius = 2
		r.Move(fyne.NewPos(float32(i)*slot+slot*0.15, h-bh))
		r.Resize(fyne.NewSize(slot*0.7, bh))
		objs = append(objs, r)
		if i < len(c.labels) && c.labels[i] != "" {
			l := text(c.labels[i], theme.ColorNamePlaceHolder, fyne.TextAlignCenter)
			l.Move(fyne.NewPos(float32(i)*slot-slot, h+1))
			l.Resize(fyne.NewSize(3*slot, 16))
			objs = append(objs, l)
		}
	}
	return objs
}

// meter is a horizontal bar filled to value/max, for ranked lists.
type meter struct {
	widget.BaseWidget
	value, max float64
}

func newMeter(value, max float64) *meter {
	m := &meter{value: value, max: max}
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer implements fyne.Widget.
func (m *meter) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{layout: m.draw, min: fyne.NewSize(60, 14)}
}

func (m *meter) draw(size fyne.Size) []fyne.CanvasObject {
	track := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	track.CornerRadius = 3
	track.Move(fyne.NewPos(0, size.Height/2-5))
	track.Resize(fyne.NewSize(size.Width, 10))
	fill := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	fill.CornerRadius = 3
	f := float32(0)
	if m.max > 0 {
		f = float32(m.value / m.max)
	}
	fill.Move(fyne.NewPos(0, size.Height/2-5))
	fill.Resize(fyne.NewSize(size.Width*f, 10))
	return []fyne.CanvasObject{track, fill}
}

// chartRenderer rebuilds its objects whenever the widget is laid out or
// refreshed (theme changes included).
type chartRenderer struct {
	layout  func(fyne.Size) []fyne.CanvasObject
	objects []fyne.CanvasObject
	size    fyne.Size
	min     fyne.Size
}

func (r *chartRenderer) Layout(s fyne.Size) {
	r.size = s
	r.objects = r.layout(s)
}
func (r *chartRenderer) MinSize() fyne.Size           { return r.min }
func (r *chartRenderer) Refresh()                     { r.Layout(r.size) }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) Destroy()                     {}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

func formatTick(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
