package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// A history row is scanned at a glance: the mood as a coloured badge with
// its number (so it reads without colour too) and its name, the craving as
// a small bar with its value, a lapse with its own icon and colour, and
// "written later" in a quiet grey with a clock, so the two never look
// alike.

// moodColor is the colour of a mood, from very low (red) to very good
// (green), made readable on the background.
func moodColor(mood int) fyne.ThemeColorName {
	switch mood {
	case 1:
		return theme.ColorNameError
	case 2:
		return theme.ColorNameWarning
	case 3:
		return theme.ColorNamePlaceHolder
	case 4:
		return theme.ColorNamePrimary
	}
	return theme.ColorNameSuccess
}

// valueGlyph is a small drawing of one value, redrawn when the value
// changes: a mood badge or a craving bar.
type valueGlyph struct {
	widget.BaseWidget
	value int
	min   fyne.Size
	paint func(size fyne.Size, value int) []fyne.CanvasObject
}

func newValueGlyph(value int, min fyne.Size, paint func(fyne.Size, int) []fyne.CanvasObject) *valueGlyph {
	g := &valueGlyph{value: value, min: min, paint: paint}
	g.ExtendBaseWidget(g)
	return g
}

func (g *valueGlyph) set(v int) {
	if g.value != v {
		g.value = v
		g.Refresh()
	}
}

// CreateRenderer implements fyne.Widget.
func (g *valueGlyph) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{layout: func(size fyne.Size) []fyne.CanvasObject { return g.paint(size, g.value) }, min: g.min}
}

// newMoodBadge shows a mood's number in a circle of its colour.
func newMoodBadge() *valueGlyph { return newValueGlyph(3, fyne.NewSize(24, 24), drawMoodBadge) }

func drawMoodBadge(size fyne.Size, mood int) []fyne.CanvasObject {
	d := min(size.Width, size.Height)
	c := canvas.NewCircle(chartColor(moodColor(mood)))
	c.Move(fyne.NewPos((size.Width-d)/2, (size.Height-d)/2))
	c.Resize(fyne.NewSize(d, d))
	t := canvas.NewText(strconv.Itoa(mood), theme.Color(theme.ColorNameBackground))
	t.TextStyle.Bold = true
	t.TextSize = theme.CaptionTextSize()
	t.Alignment = fyne.TextAlignCenter
	t.Move(fyne.NewPos(0, (size.Height-t.MinSize().Height)/2))
	t.Resize(fyne.NewSize(size.Width, t.MinSize().Height))
	return []fyne.CanvasObject{c, t}
}

// newCravingBar shows a craving 0 … 10 as a short filled bar.
func newCravingBar() *valueGlyph { return newValueGlyph(0, fyne.NewSize(50, 12), drawCravingBar) }

func drawCravingBar(size fyne.Size, craving int) []fyne.CanvasObject {
	track := canvas.NewRectangle(nil)
	track.StrokeColor, track.StrokeWidth, track.CornerRadius = chartColor(theme.ColorNamePlaceHolder), 1, 3
	track.Move(fyne.NewPos(0, size.Height/2-5))
	track.Resize(fyne.NewSize(size.Width, 10))
	fill := canvas.NewRectangle(chartColor(theme.ColorNameWarning))
	fill.CornerRadius = 3
	fill.Move(fyne.NewPos(0, size.Height/2-5))
	fill.Resize(fyne.NewSize(size.Width*float32(craving)/data.MaxCraving, 10))
	return []fyne.CanvasObject{track, fill}
}

// quietText is a quiet grey text that still reads at 4.5:1 in both themes:
// the placeholder colour, not a low-importance label's, which is Fyne's
// disabled grey (about 1.6:1 on the dark background).
func quietText(s string) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: s,
		Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
}

// historyEntryRow is one entry row of the history.
type historyEntryRow struct {
	widget.BaseWidget
	root                *fyne.Container
	when, mood, craving *widget.Label
	badge, bar          *valueGlyph
	lapse, later        *fyne.Container
	lapseLabel          *widget.Label
	laterLabel          *widget.RichText
	note                *widget.Label
}

func newHistoryEntryRow(tr *i18n.Translator) *historyEntryRow {
	r := &historyEntryRow{
		when: widget.NewLabel(""), mood: widget.NewLabel(""), craving: widget.NewLabel(""),
		badge: newMoodBadge(), bar: newCravingBar(),
		lapseLabel: widget.NewLabel(tr.T("history.lapse")), laterLabel: quietText(tr.T("history.backdated")),
		note: widget.NewLabel(""),
	}
	r.lapseLabel.Importance = widget.DangerImportance
	r.lapse = container.NewHBox(widget.NewIcon(theme.NewColoredResource(theme.WarningIcon(), theme.ColorNameError)), r.lapseLabel)
	r.later = container.NewHBox(widget.NewIcon(theme.NewColoredResource(theme.HistoryIcon(), theme.ColorNamePlaceHolder)), r.laterLabel)
	r.note.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewGridWrap(fyne.NewSize(50, r.when.MinSize().Height), container.NewCenter(r.bar))
	left := container.NewHBox(r.when, container.NewCenter(r.badge), r.mood, bar, r.craving, r.lapse, r.later)
	r.root = container.NewBorder(nil, nil, left, nil, r.note)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *historyEntryRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.root)
}

// set shows e.
func (r *historyEntryRow) set(tr *i18n.Translator, e data.Entry) {
	r.when.SetText(tr.Time(e.At))
	r.badge.set(e.Mood)
	// The mood's name, and the craving as a bar with its value: short
	// enough for a narrow window in every language.
	r.mood.SetText(tr.T("mood." + strconv.Itoa(e.Mood)))
	r.bar.set(e.Craving)
	r.craving.SetText(strconv.Itoa(e.Craving) + "/10")
	r.lapse.Hidden = !e.Used
	r.later.Hidden = !e.Backdated
	first, _, _ := strings.Cut(e.Note, "\n")
	r.note.SetText(first)
	r.Refresh()
}

// stickyDay keeps the day of the topmost row of a list on show above it.
// The list tells it the top row whenever it binds a row as it scrolls
// (historyScreen.topRow): a row coming into view at either edge is how a
// Fyne list reports that its top row changed.
type stickyDay struct {
	label *widget.Label
	shown int // the top row shown, or -1
}

func newStickyDay() *stickyDay {
	l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return &stickyDay{label: l, shown: -1}
}

// show shows the day of row top; day gives the day heading of a row.
func (s *stickyDay) show(top int, day func(id int) string) {
	if top == s.shown {
		return
	}
	s.shown = top
	// At the top of the list its own first heading shows the day.
	if top > 0 {
		s.label.SetText(day(top))
		s.label.Show()
	} else {
		s.label.Hide()
	}
}

// reset forgets the rows (the list is read again).
func (s *stickyDay) reset() {
	s.shown = -1
	s.label.SetText("")
	s.label.Hide()
}
