package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// Phases of withdrawal, from the guide's FAQ: acute symptoms typically last a
// week or two; cravings and mood changes can persist for several months.
const acuteDays = 14

// lapseDays is how long after a recorded use Today shows its encouraging
// line.
const lapseDays = 7

// todayScreen is where Steady opens: progress since the quit date and the
// last use, the phase note, the quick check-in and today's check-ins.
type todayScreen struct {
	journal  *session
	nav      navigator
	tr       *i18n.Translator
	now      func() time.Time
	discreet func() bool // discreet mode: no withdrawal line (discreet.go)
	content  fyne.CanvasObject
	quit     *widget.Label
	lastUse  *widget.Label
	phase    *widget.Label
	lapse    *widget.Label
	quitDate *dateButton
	clear    *widget.Button
	todayBox *fyne.Container
	quick    *quickForm
	// milestones shows the milestones reached and the next (progress.go).
	milestones *fyne.Container
}

// todayParts are what Today shows that the shell provides: the body log's
// "see a GP" card, the Ride out and Get help buttons, the Progress view and
// whether discreet mode is on.
type todayParts struct {
	soon         fyne.CanvasObject // bodyflags_ui.go
	rideOut      fyne.CanvasObject
	getHelp      fyne.CanvasObject
	showProgress func()
	discreet     func() bool
	quickDraft   *quickDraft // Today's quick check-in, kept in the model
}

// newTodayScreen builds Today over the journal.
func newTodayScreen(journal *session, nav navigator, tr *i18n.Translator, now func() time.Time, parts todayParts) *todayScreen {
	t := &todayScreen{journal: journal, nav: nav, tr: tr, now: now, discreet: parts.discreet}
	saveError := func(err error) string { return tr.T("error.save", "Detail", err.Error()) }
	wrap := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	t.quit, t.lastUse, t.phase, t.lapse = wrap(), wrap(), wrap(), wrap()
	t.quit.TextStyle.Bold = true
	t.lastUse.TextStyle.Bold = true
	t.lapse.Importance = widget.SuccessImportance

	t.quitDate = newDateButton(tr, now, nav.window(), time.Time{}, tr.T("today.quit_date_set"), true, func(d time.Time) {
		if err := journal.SetQuitDate(d); err != nil {
			nav.reportWrite(err, saveError)
		}
	})
	t.clear = widget.NewButton(tr.T("today.quit_date_clear"), func() {
		if err := journal.SetQuitDate(time.Time{}); err != nil {
			nav.reportWrite(err, saveError)
		}
	})
	t.quick = newQuickForm(journal, nav, tr, now, parts.quickDraft, nil)
	t.todayBox = container.NewVBox()
	t.milestones = container.NewVBox()

	progress := widget.NewCard(tr.T("today.progress"), "", container.NewVBox(
		newColumns(2, t.quit, t.lastUse), t.milestones, t.phase, t.lapse,
		widget.NewLabel(tr.T("today.quit_date")), container.NewHBox(t.quitDate.button, t.clear),
		container.NewHBox(widget.NewButton(tr.T("progress.title"), parts.showProgress)),
	))
	checkin := widget.NewCard(tr.T("journal.title"), "", t.quick.content)
	todays := widget.NewCard(tr.T("today.checkins"), "", t.todayBox)
	help := container.NewHBox(parts.rideOut, parts.getHelp)
	t.content = container.NewVScroll(container.NewPadded(container.NewVBox(checkin, parts.soon, progress, todays, help)))
	t.refresh()
	nav.subscribe(func(e event) {
		if e.isEntry() || e == settingsChanged {
			t.refresh()
		}
	})
	return t
}

// refresh re-reads progress and today's check-ins.
func (t *todayScreen) refresh() {
	if t == nil {
		return
	}
	tr := t.tr
	now := t.now()
	quit, hasQuit, _ := t.journal.QuitDate()
	last, hasUse, _ := t.journal.LastUse()

	t.clear.Hidden = !hasQuit
	if hasQuit {
		t.quitDate.Set(quit)
		days := data.DaysBetween(quit, now)
		if days >= 0 {
			t.quit.SetText(tr.N("today.days_since_quit", days))
		} else {
			t.quit.SetText(tr.N("today.days_until_quit", -days))
		}
	} else {
		t.quitDate.Set(time.Time{})
		t.quit.SetText(tr.T("today.no_quit_date"))
	}
	if hasUse {
		t.lastUse.SetText(tr.N("today.days_since_use", data.DaysBetween(last, now)))
	} else {
		t.lastUse.SetText(tr.T("today.no_use"))
	}

	// The phase counts from the later of the quit date and the last use.
	start, known := quit, hasQuit
	if hasUse && (!known || last.After(start)) {
		start, known = last, true
	}
	switch days := data.DaysBetween(start, now); {
	case !known || days < 0:
		t.phase.SetText(tr.T("phase.unknown"))
	case days < acuteDays:
		t.phase.SetText(tr.T("phase.acute"))
	default:
		t.phase.SetText(tr.T("phase.later"))
	}
	t.phase.Hidden = t.discreet() // discreet.go: no withdrawal line on Today
	if hasUse && data.DaysBetween(last, now) <= lapseDays {
		t.lapse.SetText(tr.T("today.after_lapse"))
		t.lapse.Show()
	} else {
		t.lapse.Hide()
	}
	t.showMilestones(data.ProgressAt(quit, hasQuit, last, hasUse, now))

	midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	entries, _, err := t.journal.Page(data.Filter{From: midnight}, data.Cursor{}, 20)
	// The rows go in at once: Container.Add lays the box out again for
	// each one.
	var rows []fyne.CanvasObject
	if err != nil {
		rows = append(rows, widget.NewLabel(tr.T("error.save", "Detail", err.Error())))
	}
	if len(entries) == 0 && err == nil {
		empty := widget.NewLabel(tr.T("today.none_yet"))
		empty.Wrapping = fyne.TextWrapWord
		rows = append(rows, empty)
	}
	for _, e := range entries {
		rows = append(rows, widget.NewLabel(tr.T("today.checkin_line", "Time", tr.Time(e.At),
			"Mood", tr.T("mood."+strconv.Itoa(e.Mood)), "Craving", e.Craving)))
	}
	t.todayBox.Objects = rows
	refreshLaidOut(t.todayBox) // not yet when newTodayScreen calls it
	refreshLaidOut(t.content)
}
