package report

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/steadyapp/steady/data"
)

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(v float64, prec int) string { return strconv.FormatFloat(v, 'f', prec, 64) }

// notRecorded is shown for a value nothing was recorded for.
const notRecorded = "–"

// write draws the whole report, then the footers.
func (d *doc) write(s summary) {
	d.header(s)
	d.recovery(s)
	d.warningSigns(s)
	d.moodCharts(s)
	d.bladder(s)
	d.painBySite(s)
	d.triggers(s)
	d.helped(s)
	d.symptoms(s)
	d.medical(s)
	if d.opt.Notes {
		d.notes(s)
	}
	if d.opt.Plan {
		d.planSection()
	}
	d.footers()
}

// isoDate names a day compactly and unambiguously in tables: 2026-09-03 Th.
func (d *doc) isoDate(t time.Time) string {
	return t.Format("2006-01-02") + " " + d.tr.T("date.weekday_short."+itoa(int(t.Weekday())))
}

func (d *doc) header(s summary) {
	d.text(d.tr.T("report.title"), sizeTitle, true)
	d.pdf.Ln(1)
	d.text(d.tr.T("report.period", "From", d.tr.Date(s.first), "To", d.tr.Date(s.last)), sizeText, true)
	d.text(d.tr.T("report.generated", "Date", d.tr.DateTime(d.opt.Now)), sizeText, false)
	d.text(d.tr.N("report.checkins", s.checkins), sizeText, false)
	logged := 0
	for _, b := range s.body {
		if b.Logged > 0 {
			logged++
		}
	}
	d.text(d.tr.N("report.body_days", logged), sizeText, false)
	d.pdf.Ln(1)
	d.text(d.tr.T("report.kept_by"), sizeText, false)
}

func (d *doc) recovery(s summary) {
	d.heading(d.tr.T("report.section.recovery"))
	if s.quit.IsZero() {
		d.text(d.tr.T("report.no_quit"), sizeText, false)
	} else {
		d.text(d.tr.T("report.quit_date", "Date", d.tr.Date(s.quit)), sizeText, false)
		if n := data.DaysBetween(s.quit, d.opt.Now); n >= 0 {
			d.text(d.tr.N("report.days_since_quit", n), sizeText, false)
		}
	}
	if !s.lastUse.IsZero() {
		d.text(d.tr.T("report.last_use", "Date", d.tr.Date(s.lastUse)), sizeText, false)
	}
	if len(s.lapses) == 0 {
		d.text(d.tr.T("report.no_lapses"), sizeText, false)
		return
	}
	d.text(d.tr.N("report.lapses", len(s.lapses)), sizeText, false)
	for _, e := range s.lapses {
		line := "• " + d.tr.DateTime(e.At)
		if details := d.lapseDetails(e.Body); details != "" {
			line += " — " + details
		}
		d.textAt(margin+3, d.cw-3, line, sizeText, false)
	}
}

// lapseDetails names what the body log says about a lapse.
func (d *doc) lapseDetails(b *data.Body) string {
	if b == nil {
		return ""
	}
	var parts []string
	for _, f := range []struct {
		v  *bool
		id string
	}{{b.ForPain, "for_pain"}, {b.WithAlcohol, "with_alcohol"}, {b.WithBenzos, "with_benzos"}, {b.WithOpioids, "with_opioids"}} {
		if f.v != nil && *f.v {
			parts = append(parts, d.tr.T("body.field."+f.id))
		}
	}
	return strings.Join(parts, d.tr.T("report.list_sep"))
}

func (d *doc) warningSigns(s summary) {
	d.heading(d.tr.T("report.section.flags"))
	d.text(d.tr.T("report.flags_intro"), sizeSmall, false)
	d.pdf.Ln(1)
	if len(s.flags) == 0 {
		d.text(d.tr.T("report.flags_none"), sizeText, false)
		return
	}
	var rows [][]string
	for _, r := range s.flags {
		level := d.tr.T("report.flag_soon")
		if r.level == data.FlagNow {
			level = d.tr.T("report.flag_now")
		}
		last := ""
		if !r.last.Equal(r.first) {
			last = d.isoDate(r.last)
		}
		rows = append(rows, []string{d.isoDate(r.first), last, itoa(r.days), level,
			d.tr.T(data.Flag{Sign: r.sign}.SignID())})
	}
	d.table([]string{d.tr.T("report.col.date"), d.tr.T("report.col.until"), d.tr.T("report.col.days"),
		d.tr.T("report.col.level"), d.tr.T("report.col.sign")},
		[]float64{0.15, 0.15, 0.08, 0.2, 0.42}, "LLRLL", rows)
}

// axis names the period's days for the charts.
func (d *doc) axis(s summary) []dateLabel {
	out := make([]dateLabel, len(s.days))
	for i, t := range s.days {
		out[i] = dateLabel{day: itoa(t.Day()), monthStart: t.Day() == 1}
		if i == 0 || t.Day() == 1 {
			out[i].month = d.tr.MonthHeading(t.Month())
		}
	}
	return out
}

func lapseDays(s summary) []bool {
	out := make([]bool, len(s.daily))
	for i, x := range s.daily {
		out[i] = x.lapse
	}
	return out
}

func (d *doc) moodCharts(s summary) {
	d.headingKeep(d.tr.T("report.section.mood"), chartKeep)
	mood, craving, sleep := make([]float64, len(s.daily)), make([]float64, len(s.daily)), make([]float64, len(s.daily))
	maxSleep := 12.0
	for i, x := range s.daily {
		mood[i], craving[i], sleep[i] = x.mood, x.craving, x.sleep
		if !math.IsNaN(x.sleep) && x.sleep > maxSleep {
			maxSleep = 24
		}
	}
	axis, lapses := d.axis(s), lapseDays(s)
	d.drawChart(chart{title: d.tr.T("report.chart.mood"), min: 1, max: 5, ticks: []float64{1, 2, 3, 4, 5},
		series: []series{{values: mood}}, lapses: lapses}, axis)
	d.drawChart(chart{title: d.tr.T("report.chart.craving"), min: 0, max: 10, ticks: []float64{0, 2, 4, 6, 8, 10},
		series: []series{{values: craving, style: styleDashed}}, lapses: lapses}, axis)
	ticks := []float64{0, 3, 6, 9, 12}
	if maxSleep > 12 {
		ticks = []float64{0, 6, 12, 18, 24}
	}
	d.drawChart(chart{title: d.tr.T("report.chart.sleep"), min: 0, max: maxSleep, ticks: ticks,
		series: []series{{values: sleep, style: styleDotted}}, lapses: lapses}, axis)
	if len(s.lapses) > 0 && s.checkins > 0 {
		d.legendLapse()
	}
}

// legendLapse explains the lapse marker once under a group of charts.
func (d *doc) legendLapse() {
	d.font(false, sizeSmall)
	lh := lineH(sizeSmall)
	d.need(lh + 2)
	y := d.pdf.GetY()
	d.lapseMark(margin+2, y+lh/2)
	d.pdf.SetXY(margin+4.5, y)
	label := d.tr.T("report.chart.lapse")
	d.pdf.CellFormat(d.pdf.GetStringWidth(label)+1, lh, label, "", 0, "L", false, 0, "")
	d.pdf.SetY(y + lh + 2)
}

func values(s data.BodySeries, days []data.BodyDay) []float64 {
	out := make([]float64, len(days))
	for i, v := range s.Points(days) {
		out[i] = math.NaN()
		if v != data.NotRecorded {
			out[i] = float64(v)
		}
	}
	return out
}

// countTicks returns a scale for counts up to at least top.
func countTicks(top float64) (float64, []float64) {
	step := 2.0
	for top/step > 6 {
		step *= 2
	}
	m := math.Max(step*2, math.Ceil(top/step)*step)
	var t []float64
	for v := 0.0; v <= m; v += step {
		t = append(t, v)
	}
	return m, t
}

func (d *doc) bladder(s summary) {
	d.headingKeep(d.tr.T("report.section.bladder"), chartKeep)
	day, night := values(data.SeriesUrinationsDay, s.body), values(data.SeriesUrinationsNight, s.body)
	top := 4.0
	for i := range day {
		for _, v := range []float64{day[i], night[i]} {
			if !math.IsNaN(v) && v > top {
				top = v
			}
		}
	}
	m, ticks := countTicks(top)
	axis, lapses := d.axis(s), lapseDays(s)
	d.drawChart(chart{title: d.tr.T("report.chart.urination"), min: 0, max: m, ticks: ticks, lapses: lapses,
		showLegend: true, series: []series{
			{label: d.tr.T("body.short.day"), values: day, style: styleSolid},
			{label: d.tr.T("body.short.night"), values: night, style: styleDashed},
		}}, axis)
	d.drawChart(chart{title: d.tr.T("report.chart.urine_pain"), min: 0, max: 10, ticks: []float64{0, 2, 4, 6, 8, 10},
		lapses: lapses, series: []series{{values: values(data.SeriesUrinePain, s.body), style: styleDotted}}}, axis)

	// The trend: first half of the period against the second.
	d.subheading(d.tr.T("report.trend.title"), 40)
	var rows [][]string
	for _, r := range []struct {
		s  data.BodySeries
		id string
	}{
		{data.SeriesUrinationsDay, "body.short.day"}, {data.SeriesUrinationsNight, "body.short.night"},
		{data.SeriesUrinePain, "body.short.urine_pain"}, {data.SeriesPainBladder, "body.short.bladder"},
		{data.SeriesPainFlank, "body.short.flank"}, {data.SeriesPainUpper, "body.short.upper"},
	} {
		a, b, n := halves(r.s, s.body)
		rows = append(rows, []string{d.tr.T(r.id), avg(a), avg(b), itoa(n)})
	}
	d.table([]string{d.tr.T("report.trend.measure"), d.tr.T("report.trend.first"), d.tr.T("report.trend.second"),
		d.tr.T("report.trend.days")}, []float64{0.4, 0.2, 0.2, 0.2}, "LRRR", rows)

	// The diary, by day.
	d.subheading(d.tr.T("report.diary.title"), 40)
	d.text(d.tr.T("report.diary.intro"), sizeSmall, false)
	d.pdf.Ln(1)
	rows = nil
	num := func(v int) string {
		if v == data.NotRecorded {
			return notRecorded
		}
		return itoa(v)
	}
	scale := func(kind, v string) string {
		if v == "" {
			return notRecorded
		}
		return d.tr.T("body." + kind + "." + v)
	}
	for _, b := range s.body {
		if !b.Recorded() {
			continue
		}
		lapse := ""
		if b.Lapse {
			lapse = d.tr.T("report.yes")
		}
		rows = append(rows, []string{d.isoDate(b.Date), num(b.UrinationsDay), num(b.UrinationsNight),
			scale("urgency", b.Urgency), scale("leaks", b.Leaks), num(b.UrinePain), scale("blood", b.Blood),
			num(b.PainBladder), num(b.PainFlank), num(b.PainUpper), lapse})
	}
	if len(rows) == 0 {
		d.text(d.tr.T("report.none"), sizeText, false)
		return
	}
	d.table([]string{d.tr.T("report.col.date"), d.tr.T("body.short.day"), d.tr.T("body.short.night"),
		d.tr.T("body.short.urgency"), d.tr.T("body.short.leaks"), d.tr.T("body.short.urine_pain"),
		d.tr.T("body.short.blood"), d.tr.T("body.short.bladder"), d.tr.T("body.short.flank"),
		d.tr.T("body.short.upper"), d.tr.T("report.col.lapse")},
		[]float64{0.13, 0.075, 0.075, 0.1, 0.1, 0.09, 0.095, 0.095, 0.08, 0.08, 0.08}, "LRRLLRLRRRL", rows)
}

func avg(a data.BodyAverage) string {
	if a.Days == 0 {
		return notRecorded
	}
	return ftoa(a.Mean, 1)
}

func (d *doc) painBySite(s summary) {
	d.headingKeep(d.tr.T("report.section.pain"), chartKeep)
	d.drawChart(chart{title: d.tr.T("report.chart.pain"), min: 0, max: 10, ticks: []float64{0, 2, 4, 6, 8, 10},
		lapses: lapseDays(s), showLegend: true, series: []series{
			{label: d.tr.T("body.short.bladder"), values: values(data.SeriesPainBladder, s.body), style: styleSolid},
			{label: d.tr.T("body.short.flank"), values: values(data.SeriesPainFlank, s.body), style: styleDashed},
			{label: d.tr.T("body.short.upper"), values: values(data.SeriesPainUpper, s.body), style: styleDotted},
		}}, d.axis(s))
}

// label names a tag: a catalog trigger, symptom or coping action, or one of
// the user's own (by name only when the plan is included).
func (d *doc) label(tag string) string {
	switch {
	case strings.HasPrefix(tag, data.PlanTagPrefix):
		if p, ok := d.plan[tag]; ok {
			return p.Text
		}
		return d.tr.T("report.own_item")
	case strings.HasPrefix(tag, "strategy."):
		return d.tr.T(tag + ".title")
	}
	return d.tr.T(tag)
}

func (d *doc) triggers(s summary) {
	d.heading(d.tr.T("report.section.triggers"))
	if len(s.triggers) == 0 {
		d.text(d.tr.T("report.none"), sizeText, false)
		return
	}
	var rows [][]string
	for _, t := range s.triggers {
		rows = append(rows, []string{d.label(t.Tag), itoa(t.Count)})
	}
	d.table([]string{d.tr.T("report.col.trigger"), d.tr.T("report.col.times")}, []float64{0.8, 0.2}, "LR", rows)
}

func (d *doc) helped(s summary) {
	d.heading(d.tr.T("report.section.helped"))
	if len(s.coping) == 0 {
		d.text(d.tr.T("report.none"), sizeText, false)
		return
	}
	var rows [][]string
	for _, c := range s.coping {
		rows = append(rows, []string{d.label(c.tag), itoa(c.times), itoa(c.passed), itoa(c.notYet)})
	}
	d.table([]string{d.tr.T("report.col.coping"), d.tr.T("report.col.times"), d.tr.T("report.col.passed"),
		d.tr.T("report.col.not_passed")}, []float64{0.52, 0.16, 0.16, 0.16}, "LRRR", rows)
}

func (d *doc) symptoms(s summary) {
	d.heading(d.tr.T("report.section.symptoms"))
	if len(s.symptoms) == 0 {
		d.text(d.tr.T("report.none"), sizeText, false)
		return
	}
	var rows [][]string
	for _, t := range s.symptoms {
		rows = append(rows, []string{d.label(t.Tag), itoa(t.Count)})
	}
	d.table([]string{d.tr.T("report.col.symptom"), d.tr.T("report.col.days")}, []float64{0.8, 0.2}, "LR", rows)
}

func (d *doc) medical(s summary) {
	d.heading(d.tr.T("report.section.medical"))
	if len(s.medical) == 0 {
		d.text(d.tr.T("report.none"), sizeText, false)
		return
	}
	for _, e := range s.medical {
		d.textAt(margin+3, d.cw-3, "• "+d.isoDate(localDate(e.At))+" — "+e.Body.Medical, sizeText, false)
	}
}

func (d *doc) notes(s summary) {
	d.heading(d.tr.T("report.section.notes"))
	if len(s.notes) == 0 {
		d.text(d.tr.T("report.none"), sizeText, false)
		return
	}
	for _, e := range s.notes {
		d.text(d.tr.DateTime(e.At), sizeSmall, true)
		d.textAt(margin+3, d.cw-3, e.Note, sizeText, false)
		d.pdf.Ln(1)
	}
}

func (d *doc) planSection() {
	d.heading(d.tr.T("report.section.plan"))
	byKind := map[string][]data.PlanItem{}
	for _, p := range d.plan {
		byKind[p.Kind] = append(byKind[p.Kind], p)
	}
	if len(d.plan) == 0 {
		d.text(d.tr.T("report.none"), sizeText, false)
		return
	}
	for _, kind := range []string{data.PlanReason, data.PlanPerson, data.PlanTrigger, data.PlanCoping} {
		items := byKind[kind]
		if len(items) == 0 {
			continue
		}
		sortPlan(items)
		d.text(d.tr.T("plan."+kind+".title"), sizeText, true)
		for _, p := range items {
			line := "• " + p.Text
			if p.Phone != "" {
				line += " — " + p.Phone
			}
			d.textAt(margin+3, d.cw-3, line, sizeText, false)
		}
	}
}

// sortPlan orders plan items as the user made them.
func sortPlan(items []data.PlanItem) {
	slices.SortStableFunc(items, func(a, b data.PlanItem) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID))
	})
}

// footers writes, on every page, what the document is and the page number.
func (d *doc) footers() {
	n := d.pdf.PageCount()
	note := d.tr.T("report.footer")
	for p := 1; p <= n; p++ {
		d.pdf.SetPage(p)
		d.font(false, sizeSmall)
		y := d.h - margin - lineH(sizeSmall)
		d.pdf.SetDrawColor(0, 0, 0)
		d.pdf.SetLineWidth(0.2)
		d.pdf.Line(margin, y-1.5, margin+d.cw, y-1.5)
		page := d.tr.T("report.page", "Page", itoa(p), "Pages", itoa(n))
		pw := d.pdf.GetStringWidth(page) + 1
		d.pdf.SetXY(margin, y)
		d.pdf.CellFormat(d.cw-pw-4, lineH(sizeSmall), d.fit(note, d.cw-pw-4), "", 0, "L", false, 0, "")
		d.pdf.SetXY(margin+d.cw-pw, y)
		d.pdf.CellFormat(pw, lineH(sizeSmall), page, "", 0, "R", false, 0, "")
	}
}
