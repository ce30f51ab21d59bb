package ui

import (
	"fmt"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// hourChart shows the average craving for each hour of the day as a bar on
// a 0 … 10 scale, the hours under the axis every three hours and, where
// there is room, how many check-ins each bar is based on. The cursor works
// as in dayChart.
type hourChart struct {
	widget.BaseWidget
	chartCursor
	hours [24]data.HourPoint
	color fyne.ThemeColorName
}

func newHourChart(color fyne.ThemeColorName) *hourChart {
	c := &hourChart{color: color}
	c.index, c.count = -1, 24
	c.bind(c, c.geometry)
	for h := range c.hours {
		c.hours[h].Craving = math.NaN()
	}
	c.ExtendBaseWidget(c)
	return c
}

func (c *hourChart) setHours(h [24]data.HourPoint) {
	c.hours = h
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *hourChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{layout: c.draw, min: fyne.NewSize(260, 180)}
}

func (c *hourChart) geometry(size fyne.Size) plot {
	ts := theme.CaptionTextSize()
	left := fyne.MeasureText("10", ts, fyne.TextStyle{}).Width + 8
	line := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height
	return plot{left: left, top: 6, w: size.Width - left - 4, h: size.Height - 6 - 2*line - 8, n: 24}
}

func (c *hourChart) draw(size fyne.Size) []fyne.CanvasObject {
	p := c.geometry(size)
	if p.w <= 0 || p.h <= 0 {
		return nil
	}
	ts := theme.CaptionTextSize()
	line := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height
	muted := chartColor(theme.ColorNamePlaceHolder)
	y := func(v float64) float32 { return p.top + p.h - float32(math.Min(math.Max(v/10, 0), 1))*p.h }
	var objs []fyne.CanvasObject
	if c.focused {
		frame := canvas.NewRectangle(nil)
		frame.StrokeColor, frame.StrokeWidth, frame.CornerRadius = theme.Color(theme.ColorNameFocus), 2, 4
		frame.Resize(size)
		objs = append(objs, frame)
	}
	for _, tk := range []float64{0, 5, 10} {
		l := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		l.Position1, l.Position2 = fyne.NewPos(p.left, y(tk)), fyne.NewPos(p.left+p.w, y(tk))
		t := canvas.NewText(formatTick(tk), muted)
		t.TextSize, t.Alignment = ts, fyne.TextAlignTrailing
		t.Move(fyne.NewPos(0, y(tk)-ts*0.7))
		t.Resize(fyne.NewSize(p.left-6, ts*1.4))
		objs = append(objs, l, t)
	}
	col := chartColor(c.color)
	slot := p.w / 24
	// The counts fit under the bars only when the widest of them does.
	widest := float32(0)
	for _, h := range c.hours {
		widest = max(widest, fyne.MeasureText(strconv.Itoa(h.N), ts, fyne.TextStyle{}).Width)
	}
	showN := widest+2 <= slot
	for h, v := range c.hours {
		if v.N > 0 && !math.IsNaN(v.Craving) {
			r := canvas.NewRectangle(col)
			r.CornerRadius = 2
			top := y(v.Craving)
			r.Move(fyne.NewPos(p.x(h)-slot*0.35, top))
			r.Resize(fyne.NewSize(slot*0.7, max(p.top+p.h-top, 1)))
			objs = append(objs, r)
		}
		if h%3 == 0 {
			t := canvas.NewText(fmt.Sprintf("%02d", h), muted)
			t.TextSize, t.Alignment = ts, fyne.TextAlignCenter
			t.Move(fyne.NewPos(p.x(h)-slot, p.top+p.h+2))
			t.Resize(fyne.NewSize(2*slot, line))
			objs = append(objs, t)
		}
		if showN {
			t := canvas.NewText(strconv.Itoa(v.N), muted)
			t.TextSize, t.Alignment = ts, fyne.TextAlignCenter
			t.Move(fyne.NewPos(p.x(h)-slot/2, p.top+p.h+4+line))
			t.Resize(fyne.NewSize(slot, line))
			objs = append(objs, t)
		}
	}
	if c.index >= 0 {
		r := canvas.NewRectangle(nil)
		r.StrokeColor, r.StrokeWidth = theme.Color(theme.ColorNameForeground), 2
		r.Move(fyne.NewPos(p.x(c.index)-slot/2, p.top))
		r.Resize(fyne.NewSize(slot, p.h))
		objs = append(objs, r)
	}
	return objs
}
