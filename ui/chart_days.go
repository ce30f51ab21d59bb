package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// dayChart plots one value of a period's days: each day's value as a dot
// (or a bar), its 7-day moving average as a line, the days with use marked
// by a vertical stroke, a value scale on the left and date ticks under the
// axis (every day for a week, every week for longer periods, the newest day
// always labelled). Pointing at, tapping or moving the keyboard cursor to a
// day tells onChange, which shows the day's values beside the chart.
type dayChart struct {
	widget.BaseWidget
	chartCursor

	days       []data.DayPoint
	daily, avg func(data.DayPoint) float64 // NaN where there is no value
	yMin, yMax float64
	ticks      []float64
	color      fyne.ThemeColorName
	bars       bool                                // draw the daily values as bars (sleep)
	xLabel     func(i int, d data.DayPoint) string // the label of a tick
	tickLabel  func(v float64) string              // the label of a value tick
}

func newDayChart(yMin, yMax float64, ticks []float64, color fyne.ThemeColorName,
	daily, avg func(data.DayPoint) float64) *dayChart {
	c := &dayChart{yMin: yMin, yMax: yMax, ticks: ticks, color: color, daily: daily, avg: avg,
		tickLabel: formatTick}
	c.index = -1
	c.bind(c, c.geometry)
	c.ExtendBaseWidget(c)
	return c
}

// setDays shows new days; the cursor stays on the same position if it can.
func (c *dayChart) setDays(days []data.DayPoint) {
	c.days = days
	c.count = len(days)
	if c.index >= c.count {
		c.index = -1
	}
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *dayChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{layout: c.draw, min: fyne.NewSize(220, 170)}
}

// plot is where a chart's data area lies within it.
type plot struct {
	left, top, w, h float32
	n               int
}

func (p plot) x(i int) float32 { return p.left + (float32(i)+0.5)*p.w/float32(p.n) }

// index is the day under the horizontal position px.
func (p plot) index(px float32) int {
	if p.n == 0 || p.w <= 0 {
		return -1
	}
	return min(max(int((px-p.left)/p.w*float32(p.n)), 0), p.n-1)
}

// geometry lays out the plot area for size: room on the left for the value
// labels and under the axis for the date labels.
func (c *dayChart) geometry(size fyne.Size) plot {
	ts := theme.CaptionTextSize()
	left := float32(0)
	for _, tk := range c.ticks {
		left = max(left, fyne.MeasureText(c.tickLabel(tk), ts, fyne.TextStyle{}).Width)
	}
	left += 8
	bottom := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height + 6
	top := float32(8)
	return plot{left: left, top: top, w: size.Width - left - 4, h: size.Height - top - bottom, n: len(c.days)}
}

func (c *dayChart) y(p plot, v float64) float32 {
	f := (v - c.yMin) / (c.yMax - c.yMin)
	f = math.Min(math.Max(f, 0), 1)
	return p.top + p.h - float32(f)*p.h
}

func (c *dayChart) draw(size fyne.Size) []fyne.CanvasObject {
	p := c.geometry(size)
	if p.w <= 0 || p.h <= 0 {
		return nil
	}
	var objs []fyne.CanvasObject
	ts := theme.CaptionTextSize()
	muted := chartColor(theme.ColorNamePlaceHolder)
	if c.focused {
		frame := canvas.NewRectangle(nil)
		frame.StrokeColor = theme.Color(theme.ColorNameFocus)
		frame.StrokeWidth = 2
		frame.CornerRadius = 4
		frame.Resize(size)
		objs = append(objs, frame)
	}
	// Value scale: a grid line and a label for each tick.
	for _, tk := range c.ticks {
		line := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		line.Position1, line.Position2 = fyne.NewPos(p.left, c.y(p, tk)), fyne.NewPos(p.left+p.w, c.y(p, tk))
		label := canvas.NewText(c.tickLabel(tk), muted)
		label.TextSize = ts
		label.Alignment = fyne.TextAlignTrailing
		label.Move(fyne.NewPos(0, c.y(p, tk)-ts*0.7))
		label.Resize(fyne.NewSize(p.left-6, ts*1.4))
		objs = append(objs, line, label)
	}
	if p.n == 0 {
		return objs
	}
	// Lapse days: a stroke across the plot, behind the data.
	lapse := chartColor(theme.ColorNameError)
	for i, d := range c.days {
		if d.Lapse {
			r := canvas.NewRectangle(lapse)
			r.Move(fyne.NewPos(p.x(i)-1, p.top))
			r.Resize(fyne.NewSize(2, p.h))
			objs = append(objs, r)
		}
	}
	col := chartColor(c.color)
	slot := p.w / float32(p.n)
	// Daily values: bars or dots.
	for i, d := range c.days {
		v := c.daily(d)
		if math.IsNaN(v) {
			continue
		}
		if c.bars {
			bw := max(slot*0.6, 1)
			r := canvas.NewRectangle(withAlpha(col, 0x70))
			top := c.y(p, v)
			r.Move(fyne.NewPos(p.x(i)-bw/2, top))
			r.Resize(fyne.NewSize(bw, p.top+p.h-top))
			objs = append(objs, r)
			continue
		}
		rad := min(max(slot*0.3, 1.5), 3.5)
		dot := canvas.NewCircle(col)
		dot.Move(fyne.NewPos(p.x(i)-rad, c.y(p, v)-rad))
		dot.Resize(fyne.NewSize(2*rad, 2*rad))
		objs = append(objs, dot)
	}
	// The moving average: a line, broken where there is none.
	for i := 0; i+1 < p.n; i++ {
		a, b := c.avg(c.days[i]), c.avg(c.days[i+1])
		if math.IsNaN(a) || math.IsNaN(b) {
			continue
		}
		l := canvas.NewLine(col)
		l.StrokeWidth = 2.5
		l.Position1, l.Position2 = fyne.NewPos(p.x(i), c.y(p, a)), fyne.NewPos(p.x(i+1), c.y(p, b))
		objs = append(objs, l)
	}
	// Date ticks: every day for a week, every 7th day back from the
	// newest otherwise; a label is left out where it would touch the one
	// before.
	step := 1
	if p.n > 14 {
		step = 7
	}
	lastRight := float32(math.Inf(-1))
	var labels []fyne.CanvasObject
	for i := p.n - 1; i >= 0; i -= step {
		tick := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		tick.Position1, tick.Position2 = fyne.NewPos(p.x(i), p.top+p.h), fyne.NewPos(p.x(i), p.top+p.h+4)
		objs = append(objs, tick)
		if c.xLabel == nil {
			continue
		}
		text := c.xLabel(i, c.days[i])
		w := fyne.MeasureText(text, ts, fyne.TextStyle{}).Width
		x := min(max(p.x(i)-w/2, 0), size.Width-w)
		// Labels are placed right to left: skip one that would overlap.
		if lastRight != float32(math.Inf(-1)) && x+w+6 > lastRight {
			continue
		}
		lastRight = x
		t := canvas.NewText(text, muted)
		t.TextSize = ts
		t.Move(fyne.NewPos(x, p.top+p.h+3))
		labels = append(labels, t)
	}
	objs = append(objs, labels...)
	// The cursor: a vertical line and a ring on the day's value.
	if c.index >= 0 && c.index < p.n {
		fg := theme.Color(theme.ColorNameForeground)
		l := canvas.NewLine(fg)
		l.StrokeWidth = 1
		l.Position1, l.Position2 = fyne.NewPos(p.x(c.index), p.top), fyne.NewPos(p.x(c.index), p.top+p.h)
		objs = append(objs, l)
		if v := c.daily(c.days[c.index]); !math.IsNaN(v) {
			ring := canvas.NewCircle(nil)
			ring.StrokeColor, ring.StrokeWidth = fg, 2
			ring.Move(fyne.NewPos(p.x(c.index)-6, c.y(p, v)-6))
			ring.Resize(fyne.NewSize(12, 12))
			objs = append(objs, ring)
		}
	}
	return objs
}
