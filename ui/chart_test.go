package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data"
)

func TestChartCursorByKeyboardShowsTheDay(t *testing.T) {
	store, tr := newJournalTest(t)
	now := time.Now().UTC()
	yesterday, before := pastDay(now, 1), pastDay(now, 2)
	entries := []data.Entry{
		{At: yesterday, Mood: 4, Craving: 2},
		{At: yesterday.Add(time.Hour), Mood: 4, Craving: 6, SleepHours: ptr(7.5)},
		{At: before, Mood: 2, Craving: 8, Used: true},
	}
	if err := store.AddAll(entries); err != nil {
		t.Fatal(err)
	}
	p := newInsightsPanel(tr, store, func() time.Time { return now }, func(s string) string { return tr.T(s) }, 7)
	_, _, mood, craving, sleep, hours := p.cards()
	w := test.NewWindow(container.NewVBox(mood, craving, sleep, hours))
	defer w.Close()
	w.Resize(fyne.NewSize(700, 1400))
	p.refresh()

	if got := p.moodRead.Text; got != tr.T("chart.hint") {
		t.Errorf("before any key: %q", got)
	}
	w.Canvas().Focus(p.mood)
	if !p.mood.focused {
		t.Fatal("the mood chart did not take the focus")
	}
	key := func(c fyne.Focusable, k fyne.KeyName) { c.TypedKey(&fyne.KeyEvent{Name: k}) }

	// The first Left lands on today (no check-in), the next on yesterday.
	key(p.mood, fyne.KeyLeft)
	if got := p.moodRead.Text; !strings.Contains(got, "No check-in this day") || !strings.Contains(got, "check-ins: 0") {
		t.Errorf("today: %q", got)
	}
	key(p.mood, fyne.KeyLeft)
	got := p.moodRead.Text
	for _, want := range []string{tr.Date(time.Date(yesterday.Year(), yesterday.Month(), yesterday.Day(), 0, 0, 0, 0, time.UTC)),
		"check-ins: 2", "Mood 4.0 of 5", "7-day average: 3.0"} {
		if !strings.Contains(got, want) {
			t.Errorf("yesterday: %q lacks %q", got, want)
		}
	}
	key(p.mood, fyne.KeyLeft)
	if got := p.moodRead.Text; !strings.Contains(got, "Mood 2.0 of 5") || !strings.Contains(got, "Day with use") {
		t.Errorf("the day before: %q", got)
	}
	key(p.mood, fyne.KeyEnd)
	if p.mood.index != 6 {
		t.Errorf("End: cursor at %d, want 6", p.mood.index)
	}
	key(p.mood, fyne.KeyHome)
	if p.mood.index != 0 {
		t.Errorf("Home: cursor at %d, want 0", p.mood.index)
	}

	// The craving chart says the day's highest; the sleep chart its hours.
	w.Canvas().Focus(p.craving)
	key(p.craving, fyne.KeyLeft)
	key(p.craving, fyne.KeyLeft)
	if got := p.cravingRead.Text; !strings.Contains(got, "Craving 4.0 of 10 (highest 6)") {
		t.Errorf("craving: %q", got)
	}
	w.Canvas().Focus(p.sleep)
	key(p.sleep, fyne.KeyLeft)
	key(p.sleep, fyne.KeyLeft)
	if got := p.sleepRead.Text; !strings.Contains(got, "Sleep 7.5 h") {
		t.Errorf("sleep: %q", got)
	}

	// Craving by hour: the hour and how many check-ins it is based on.
	w.Canvas().Focus(p.hours)
	key(p.hours, fyne.KeyHome)
	key(p.hours, fyne.KeyRight)
	if got := p.hoursRead.Text; !strings.Contains(got, "01:00") || !strings.Contains(got, "average craving 5.0") || !strings.Contains(got, "check-ins: 2") {
		t.Errorf("01:00: %q", got)
	}
}

func TestChartTicksSuitThePeriod(t *testing.T) {
	_, tr := newJournalTest(t)
	p := &insightsPanel{tr: tr, days: 7}
	d := data.DayPoint{Date: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)} // a Tuesday
	if got := p.dayLabel(0, d); got != "Tu 10" {
		t.Errorf("7 days: %q", got)
	}
	p.days = 30
	if got := p.dayLabel(0, d); got != "10" {
		t.Errorf("30 days, mid-month: %q", got)
	}
	d.Date = time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	if got := p.dayLabel(0, d); got != "3 March" {
		t.Errorf("30 days, first week: %q", got)
	}
}

func TestChartColoursContrast(t *testing.T) {
	a := newTestApp(t)
	defer a.Quit()
	for _, variant := range []string{themeLight, themeDark} {
		a.Settings().SetTheme(newTheme(language.English, variant, 1))
		bg := theme.Color(theme.ColorNameBackground)
		for _, n := range []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameWarning, theme.ColorNameError,
			theme.ColorNameSuccess, theme.ColorNamePlaceHolder} {
			if c := contrast(chartColor(n), bg); c < minContrast {
				t.Errorf("%s %s: contrast %.2f", variant, n, c)
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }
