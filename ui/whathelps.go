package ui

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// The "what helps" cards put the journal's findings in plain words. They say
// what was recorded together, never what caused what, and a finding without
// enough check-ins behind it says so, with the count.

// maxFindings is how many coping strategies and triggers a card lists.
const maxFindings = 6

// num formats a figure with one decimal in the language's way (3.2, 3,2).
func num(tr *i18n.Translator, v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", tr.T("chart.decimal"), 1)
}

// weekLines is the weekly summary: the two weeks' average cravings, then the
// best-supported coping strategy of the week, if any.
func weekLines(tr *i18n.Translator, w data.WeekSummary, label func(string) string) []string {
	var lines []string
	if !w.Enough {
		lines = append(lines, tr.T("week.not_enough", "This", w.This.N, "Last", w.Last.N, "Min", data.MinWeekCheckins))
	} else {
		this, last := num(tr, w.This.Avg), num(tr, w.Last.Avg)
		id := "week.same"
		// Compared as shown, to one decimal: "about the same" when the
		// figures read alike.
		switch {
		case this == last:
		case w.This.Avg < w.Last.Avg:
			id = "week.down"
		default:
			id = "week.up"
		}
		lines = append(lines, tr.T(id, "This", this, "Last", last))
	}
	if w.HasBest {
		lines = append(lines, tr.T("week.best", "Passed", w.Best.Passed, "Answered", w.Best.Answered,
			"Name", label(w.Best.Tag)))
	}
	return lines
}

// copingLines says, for each coping strategy of the period, how often the
// craving passed afterwards, or that there are not enough answers yet.
func copingLines(tr *i18n.Translator, st data.Stats, label func(string) string) []string {
	var lines []string
	for i, c := range st.Coping {
		if i == maxFindings {
			break
		}
		if !c.Enough {
			lines = append(lines, tr.T("helps.not_enough_named", "Name", label(c.Tag), "N", c.Answered, "Min", data.MinCheckins))
			continue
		}
		lines = append(lines, tr.T("helps.coping_line", "Passed", c.Passed, "Answered", c.Answered,
			"Name", label(c.Tag), "Percent", c.Percent()))
	}
	return lines
}

// triggerLines compares the craving with and without each trigger.
func triggerLines(tr *i18n.Translator, st data.Stats, label func(string) string) []string {
	var lines []string
	for i, t := range st.Triggers {
		if i == maxFindings {
			break
		}
		if !t.Enough {
			lines = append(lines, tr.T("helps.not_enough_named", "Name", label(t.Tag),
				"N", min(t.With.N, t.Without.N), "Min", data.MinCheckins))
			continue
		}
		lines = append(lines, tr.T("helps.trigger_line", "Name", label(t.Tag),
			"With", num(tr, t.With.Avg), "WithN", t.With.N, "Without", num(tr, t.Without.Avg), "WithoutN", t.Without.N))
	}
	return lines
}

// sleepLines compares the days after short nights with the others.
func sleepLines(tr *i18n.Translator, st data.Stats) []string {
	s := st.Sleep
	if !s.Enough {
		if s.Short.Days+s.Rested.Days == 0 {
			return nil
		}
		return []string{tr.T("helps.not_enough", "N", min(s.Short.Days, s.Rested.Days), "Min", data.MinCheckins)}
	}
	return []string{
		tr.T("helps.sleep_short", "Hours", data.ShortSleepHours, "Days", s.Short.Days,
			"Mood", num(tr, s.Short.Mood), "Craving", num(tr, s.Short.Craving)),
		tr.T("helps.sleep_rested", "Hours", data.ShortSleepHours, "Days", s.Rested.Days,
			"Mood", num(tr, s.Rested.Mood), "Craving", num(tr, s.Rested.Craving)),
	}
}

// findingsBox lists lines under a bold title, or says nothing is recorded.
func findingsBox(tr *i18n.Translator, title string, lines []string) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(lines) == 0 {
		lines = []string{tr.T("helps.none")}
	}
	for _, l := range lines {
		box.Add(wrapped(l))
	}
	return box
}

// helpsContent is the "what your journal shows" card's content for st.
func helpsContent(tr *i18n.Translator, st data.Stats, label func(string) string) []fyne.CanvasObject {
	return []fyne.CanvasObject{
		wrapped(tr.T("helps.intro")),
		findingsBox(tr, tr.T("helps.coping_title"), copingLines(tr, st, label)),
		findingsBox(tr, tr.T("helps.trigger_title"), triggerLines(tr, st, label)),
		findingsBox(tr, tr.T("helps.sleep_title"), sleepLines(tr, st)),
	}
}
