package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A chart is drawn with Fyne's canvas primitives in the theme's colours, so
// it reads in light and dark. Its objects are laid out again whenever its
// size or data change. The day and hour charts are in chart_days.go and
// chart_hours.go.

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
