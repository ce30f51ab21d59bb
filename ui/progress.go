package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// progressJournal is what the progress view reads.
type progressJournal interface {
	Progress(now time.Time) (data.Progress, error)
}

// milestoneName is the short name of a milestone ("1 week").
func milestoneName(tr *i18n.Translator, m data.Milestone) string {
	return tr.T(fmt.Sprintf("milestone.d%d", m.Days))
}

// phaseNote is the guide's note for a phase, or "" for an unknown one.
func phaseNote(tr *i18n.Translator, p data.Phase) string {
	switch p {
	case data.PhaseFirstDays:
		return tr.T("milestone.phase.first_days")
	case data.PhaseWeeks:
		return tr.T("milestone.phase.weeks")
	case data.PhaseMonths:
		return tr.T("milestone.phase.months")
	}
	return ""
}

// progressView shows the days since the quit date and since the last use
// side by side, the milestones of each, the next one, and the phase's note.
// After a lapse it says, kindly, that the count since the quit date and its
// milestones stay.
type progressView struct {
	tr      *i18n.Translator
	j       progressJournal
	now     func() time.Time
	content *fyne.Container

	// What is shown, for tests.
	quitText, useText, nextText, phaseText, lapseText string
	reached                                           []int // days of the quit date's milestones reached
}

func newProgressView(tr *i18n.Translator, j progressJournal, now func() time.Time) *progressView {
	v := &progressView{tr: tr, j: j, now: now, content: container.NewVBox()}
	v.refresh()
	return v
}

// refresh reads the dates again and redraws.
func (v *progressView) refresh() {
	tr := v.tr
	v.content.Objects = nil
	v.quitText, v.useText, v.nextText, v.phaseText, v.lapseText, v.reached = "", "", "", "", "", nil
	p, err := v.j.Progress(v.now())
	if err != nil {
		v.content.Add(wrapped(tr.T("error.read", "Detail", err.Error())))
		v.content.Refresh()
		return
	}
	// The two counts, side by side (one above the other when narrow).
	count := func(title, text string) fyne.CanvasObject {
		big := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		big.Wrapping = fyne.TextWrapWord
		big.SizeName = theme.SizeNameSubHeadingText
		return container.NewVBox(widget.NewLabel(title), big)
	}
	switch {
	case !p.Quit.Known:
		v.quitText = tr.T("progress.no_dates")
	case p.Quit.Days < 0:
		v.quitText = tr.N("today.days_until_quit", -p.Quit.Days)
	default:
		v.quitText = tr.N("today.days_since_quit", p.Quit.Days)
	}
	if p.SinceUse.Known {
		v.useText = tr.N("today.days_since_use", max(p.SinceUse.Days, 0))
	} else {
		v.useText = tr.T("today.no_use")
	}
	v.content.Add(newColumns(2, count(tr.T("progress.since_quit"), v.quitText), count(tr.T("progress.since_use"), v.useText)))

	// The milestones since the quit date (a lapse never takes them away);
	// without a quit date, those since the last use.
	c := p.Quit
	if !c.Known {
		c = p.SinceUse
	}
	if c.Known {
		for _, m := range c.Reached {
			v.reached = append(v.reached, m.Days)
		}
		v.content.Add(widget.NewLabelWithStyle(tr.T("progress.reached"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		v.content.Add(milestoneChips(tr, c))
		if c.Next.Days > 0 {
			v.nextText = tr.T("progress.next", "Milestone", milestoneName(tr, c.Next))
		} else {
			v.nextText = tr.T("progress.all_reached")
		}
		v.content.Add(wrapped(v.nextText))
	}
	if v.phaseText = phaseNote(tr, p.Phase); v.phaseText != "" {
		v.content.Add(wrapped(v.phaseText))
	}
	if p.RecentLapse && p.Quit.Known {
		v.lapseText = tr.T("progress.lapse_note")
		l := wrapped(v.lapseText)
		l.Importance = widget.SuccessImportance
		v.content.Add(l)
	}
	v.content.Refresh()
}

// milestoneChips draws every milestone: reached ones filled, with a tick;
// the others as an outline.
func milestoneChips(tr *i18n.Translator, c data.Count) fyne.CanvasObject {
	box := container.New(layout.NewGridWrapLayout(fyne.NewSize(0, 0)))
	var chips []fyne.CanvasObject
	widest := float32(0)
	for _, m := range data.Milestones() {
		reached := c.Days >= m.Days
		name := milestoneName(tr, m)
		label := canvas.NewText(name, theme.Color(theme.ColorNameForeground))
		label.TextSize = theme.TextSize()
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		bg.CornerRadius = 12
		bg.StrokeWidth = 1.5
		bg.StrokeColor = chartColor(theme.ColorNamePrimary)
		var icon fyne.CanvasObject = layout.NewSpacer()
		if reached {
			bg.FillColor = theme.Color(theme.ColorNamePrimary)
			label.Color = theme.Color(theme.ColorNameForegroundOnPrimary)
			icon = widget.NewIcon(theme.NewInvertedThemedResource(theme.ConfirmIcon()))
		}
		w := fyne.MeasureText(name, label.TextSize, fyne.TextStyle{}).Width + 40
		widest = max(widest, w)
		chips = append(chips, container.NewStack(bg, container.NewPadded(container.NewBorder(nil, nil, icon, nil, label))))
	}
	h := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.Padding() + 4
	box.Layout = layout.NewGridWrapLayout(fyne.NewSize(widest, h))
	box.Objects = chips
	return box
}

// showMilestones fills Today's milestones: those of the quit date (or, with
// no quit date, of the last use) and the next one.
func (t *todayScreen) showMilestones(p data.Progress) {
	tr := t.tr
	t.milestones.Objects = nil
	c := p.Quit
	if !c.Known {
		c = p.SinceUse
	}
	if c.Known && c.Days >= 0 {
		t.milestones.Add(milestoneChips(tr, c))
		if c.Next.Days > 0 {
			t.milestones.Add(wrapped(tr.T("progress.next", "Milestone", milestoneName(tr, c.Next))))
		} else {
			t.milestones.Add(wrapped(tr.T("progress.all_reached")))
		}
	}
	t.milestones.Refresh()
}

// showProgress opens the Progress view: both counts, every milestone, the
// phase's note. It opens over the section on screen, from Today's Progress
// button and from the View menu, rather than being a section itself: the
// navigation's first nine sections have Ctrl+1 … Ctrl+9, with Get help on
// Ctrl+9, which one more section before it would move, and what Progress
// shows is short and read at a glance, then closed (Esc).
func (u *UI) showProgress() {
	if u.journal == nil {
		return
	}
	v := newProgressView(u.tr, u.journal, u.now)
	d := newEscDialog(u.tr.T("progress.title"), u.tr.T("dialog.close"), container.NewVScroll(v.content), u.win)
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-40, 640), min(size.Height-40, 520)))
	u.showDialog(d)
}
