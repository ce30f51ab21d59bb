package report

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/steadyapp/steady/assets"
	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// Page geometry and type sizes, in millimetres and points.
const (
	margin     = 16.0
	footerH    = 12.0
	sizeTitle  = 17.0
	sizeHead   = 12.5
	sizeText   = 9.5
	sizeSmall  = 7.5
	lineFactor = 0.52 // line height in mm per point of type size
	family     = "steady"
)

// doc is a report being drawn.
type doc struct {
	pdf  *fpdf.Fpdf
	tr   *i18n.Translator
	opt  Options
	plan map[string]data.PlanItem // by tag, when the plan is included
	w, h float64                  // page size
	cw   float64                  // content width
}

func newDoc(tr *i18n.Translator, opt Options, plan []data.PlanItem) *doc {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: PaperFor(opt.Region, opt.Language)})
	regular, bold := assets.PDFFonts(opt.Language)
	pdf.AddUTF8FontFromBytes(family, "", regular)
	pdf.AddUTF8FontFromBytes(family, "B", bold)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin+footerH)
	pdf.SetCellMargin(0)
	pdf.SetCreationDate(opt.Now)
	pdf.SetModificationDate(opt.Now)
	pdf.SetCatalogSort(true)
	pdf.SetLang(opt.Language.String())
	pdf.SetTitle(tr.T("report.title"), true)
	pdf.SetCreator("Steady", true)
	pdf.SetProducer("Steady", true)
	d := &doc{pdf: pdf, tr: tr, opt: opt, plan: map[string]data.PlanItem{}}
	for _, p := range plan {
		d.plan[p.Tag()] = p
	}
	d.w, d.h = pdf.GetPageSize()
	d.cw = d.w - 2*margin
	pdf.AddPage()
	return d
}

// bottom is the lowest y content may reach on a page.
func (d *doc) bottom() float64 { return d.h - margin - footerH }

// need starts a new page unless h millimetres are left on this one.
func (d *doc) need(h float64) {
	if d.pdf.GetY()+h > d.bottom() {
		d.pdf.AddPage()
	}
}

func (d *doc) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont(family, style, size)
}

func lineH(size float64) float64 { return size * lineFactor }

// text writes wrapped text across the content width at the current y.
func (d *doc) text(s string, size float64, bold bool) {
	d.textAt(margin, d.cw, s, size, bold)
}

// textAt writes wrapped text in the column [x, x+w), from the current y,
// starting new pages as needed.
func (d *doc) textAt(x, w float64, s string, size float64, bold bool) {
	d.font(bold, size)
	lh := lineH(size)
	for _, line := range d.wrap(s, w) {
		d.need(lh)
		d.pdf.SetXY(x, d.pdf.GetY())
		d.pdf.CellFormat(w, lh, line, "", 1, "L", false, 0, "")
	}
}

// heading starts a section: a little space, the title in bold and a rule,
// kept on one page with the start of the section.
func (d *doc) heading(s string) { d.headingKeep(s, 22) }

// chartKeep is the height of a chart with its title and axis, which a
// heading is kept with.
const chartKeep = 62

// headingKeep is heading, kept with the keep millimetres that follow it.
func (d *doc) headingKeep(s string, keep float64) {
	d.need(lineH(sizeHead) + 6 + keep)
	d.pdf.Ln(3)
	d.text(s, sizeHead, true)
	y := d.pdf.GetY() + 0.5
	d.pdf.SetLineWidth(0.3)
	d.pdf.SetDrawColor(0, 0, 0)
	d.pdf.Line(margin, y, margin+d.cw, y)
	d.pdf.SetY(y + 2)
}

// subheading writes a bold line kept on the same page as the keep
// millimetres that follow it.
func (d *doc) subheading(s string, keep float64) {
	d.need(lineH(sizeText) + keep)
	d.text(s, sizeText, true)
}

// breakBefore reports whether a line may break before r, which follows
// prev: at spaces and around Chinese and Japanese characters, never before
// a combining mark. Thai is broken at its spaces (Steady's Thai texts put
// one between phrases); a Thai phrase wider than the line is cut by
// characters (cutAt) as a last resort.
func breakBefore(prev, r rune) bool {
	switch {
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
		return false
	case unicode.IsSpace(prev):
		return true
	case strings.ContainsRune("、。，．・：；！？）」』】〕ー々％", r) || strings.ContainsRune("（「『【〔", prev):
		return false
	case wide(r) || wide(prev):
		return true
	}
	return false
}

func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// wrap breaks s into lines no wider than w in the current font, at the
// places breakBefore allows (anywhere when a single word is too wide).
// Newlines in s always break.
func (d *doc) wrap(s string, w float64) []string {
	s = strings.ReplaceAll(s, string(i18n.NameJoiner), "") // the PDF fonts have no glyph for it; "Steady" stays joined
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, d.wrapLine(para, w)...)
	}
	return out
}

func (d *doc) wrapLine(s string, w float64) []string {
	if d.pdf.GetStringWidth(s) <= w {
		return []string{s}
	}
	// Split into pieces that may not be broken.
	var pieces []string
	rs := []rune(s)
	start := 0
	for i := 1; i < len(rs); i++ {
		if breakBefore(rs[i-1], rs[i]) {
			pieces = append(pieces, string(rs[start:i]))
			start = i
		}
	}
	pieces = append(pieces, string(rs[start:]))
	var lines []string
	cur := ""
	for _, p := range pieces {
		if cur == "" {
			p = strings.TrimLeft(p, " ")
		}
		if d.pdf.GetStringWidth(cur+p) <= w {
			cur += p
			continue
		}
		if cur != "" {
			lines = append(lines, strings.TrimRight(cur, " "))
			cur = ""
			p = strings.TrimLeft(p, " ")
		}
		// A piece wider than the line: cut it by characters.
		for d.pdf.GetStringWidth(p) > w {
			n := cutAt(d.pdf, p, w)
			lines = append(lines, p[:n])
			p = p[n:]
		}
		cur = p
	}
	if strings.TrimSpace(cur) != "" {
		lines = append(lines, strings.TrimRight(cur, " "))
	}
	return lines
}

// minHeadSize is the smallest type a table heading is shrunk to.
const minHeadSize = 6.5

// widestPiece is the width of the widest part of s that wrap may not break.
func (d *doc) widestPiece(s string) float64 {
	w := 0.0
	rs := []rune(s)
	start := 0
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || breakBefore(rs[i-1], rs[i]) {
			w = max(w, d.pdf.GetStringWidth(strings.TrimSpace(string(rs[start:i]))))
			start = i
		}
	}
	return w
}

// cutAt returns the byte length of the longest prefix of s that fits in w
// (at least one character, never leaving a combining mark to the next
// line). In Thai, which has no spaces between words, it prefers a place
// that is likely a syllable's end (thaiBreak); elsewhere any character.
func cutAt(pdf *fpdf.Fpdf, s string, w float64) int {
	best, bestScore := 0, -1
	prev := []rune{}
	for i, r := range s {
		if i > 0 && pdf.GetStringWidth(s[:i]) > w {
			break
		}
		if i > 0 && !unicode.Is(unicode.Mn, r) && !strings.ContainsRune("ะาำๅ", r) && !leadingVowel(s[:i]) {
			score := 0
			if isThai(r) {
				score = thaiBreak(prev, r)
			}
			if score >= bestScore {
				best, bestScore = i, score
			}
		}
		prev = append(prev, r)
	}
	if best == 0 {
		return len(s)
	}
	return best
}

func isThai(r rune) bool { return r >= 0x0E00 && r <= 0x0E7F }

// thaiBreak scores a break before r after the runes before: 2 where a
// syllable most likely ended (after ะ, า or ำ, or after a final consonant
// that follows a vowel sign or tone mark), 1 before any other consonant or
// leading vowel, 0 elsewhere. Without a dictionary this is a guess: good
// enough for a table heading, not for running text (which breaks at the
// spaces between Thai phrases).
func thaiBreak(before []rune, r rune) int {
	consonant := func(c rune) bool { return c >= 0x0E01 && c <= 0x0E2E }
	if !consonant(r) && !(r >= 0x0E40 && r <= 0x0E44) {
		return 0
	}
	n := len(before)
	if n == 0 {
		return 0
	}
	p := before[n-1]
	switch {
	case strings.ContainsRune("ะาำ", p):
		return 2
	case consonant(p) && n >= 2 && unicode.Is(unicode.Mn, before[n-2]):
		return 2
	}
	return 1
}

// leadingVowel reports whether s ends with a Thai vowel written before its
// consonant (เ แ โ ใ ไ), which must stay with what follows.
func leadingVowel(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r >= 0x0E40 && r <= 0x0E44
}

// fit shortens s with "…" until it fits in w (for table cells).
func (d *doc) fit(s string, w float64) string {
	if d.pdf.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && d.pdf.GetStringWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

// table draws rows under a header, repeating the header on each new page.
// widths are fractions of the content width; align is "L", "C" or "R" per
// column. Every other row is shaded lightly, so rows can be followed
// printed in black and white.
func (d *doc) table(header []string, widths []float64, align string, rows [][]string) {
	const pad = 1.2
	cols := make([]float64, len(widths))
	for i, f := range widths {
		cols[i] = f * d.cw
	}
	// A heading whose longest word does not fit its column is set smaller
	// rather than cut inside the word (Thai, German compounds).
	hl := lineH(sizeSmall)
	var heads [][]string
	sizes := make([]float64, len(header))
	headH := hl + 2*pad
	for i, h := range header {
		sizes[i] = sizeSmall
		for d.font(true, sizes[i]); sizes[i] > minHeadSize && d.widestPiece(h) > cols[i]-2*pad; d.font(true, sizes[i]) {
			sizes[i] -= 0.25
		}
		ls := d.wrap(h, cols[i]-2*pad)
		heads = append(heads, ls)
		headH = max(headH, float64(len(ls))*lineH(sizes[i])+2*pad)
	}
	rowH := lineH(sizeSmall) + 1.6
	drawHead := func() {
		y := d.pdf.GetY()
		d.pdf.SetFillColor(225, 225, 225)
		d.pdf.Rect(margin, y, d.cw, headH, "F")
		x := margin
		for i, ls := range heads {
			d.font(true, sizes[i])
			lh := lineH(sizes[i])
			for j, l := range ls {
				d.pdf.SetXY(x+pad, y+pad+float64(j)*lh)
				d.pdf.CellFormat(cols[i]-2*pad, lh, l, "", 0, string(align[i]), false, 0, "")
			}
			x += cols[i]
		}
		d.pdf.SetLineWidth(0.3)
		d.pdf.Line(margin, y+headH, margin+d.cw, y+headH)
		d.pdf.SetY(y + headH)
	}
	d.need(headH + 2*rowH)
	drawHead()
	d.font(false, sizeSmall)
	for r, row := range rows {
		// A cell too long for its column wraps; the row grows to fit.
		cells := make([][]string, len(row))
		lines := 1
		for i, c := range row {
			cells[i] = d.wrap(c, cols[i]-2*pad)
			lines = max(lines, len(cells[i]))
		}
		h := rowH + float64(lines-1)*hl
		if d.pdf.GetY()+h > d.bottom() {
			d.pdf.AddPage()
			drawHead()
			d.font(false, sizeSmall)
		}
		y := d.pdf.GetY()
		if r%2 == 1 {
			d.pdf.SetFillColor(242, 242, 242)
			d.pdf.Rect(margin, y, d.cw, h, "F")
		}
		x := margin
		for i, ls := range cells {
			for j, l := range ls {
				d.pdf.SetXY(x+pad, y+0.8+float64(j)*hl)
				d.pdf.CellFormat(cols[i]-2*pad, hl, l, "", 0, string(align[i]), false, 0, "")
			}
			x += cols[i]
		}
		d.pdf.SetY(y + h)
	}
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(margin, d.pdf.GetY(), margin+d.cw, d.pdf.GetY())
	d.pdf.Ln(2)
}

// Series styles: line pattern and marker, so charts read in black and white.
type style int

const (
	styleSolid  style = iota // solid line, filled circles
	styleDashed              // dashed line, open squares
	styleDotted              // dotted line, filled triangles
)

// series is one line of a chart; NaN values are gaps.
type series struct {
	label  string
	values []float64
	style  style
}

// chart is a line chart over the report's days.
type chart struct {
	title      string
	min, max   float64
	ticks      []float64
	series     []series
	lapses     []bool // days with a lapse, marked on the axis
	showLegend bool
}

// hasData reports whether any series has a value.
func (c chart) hasData() bool {
	for _, s := range c.series {
		for _, v := range s.values {
			if !math.IsNaN(v) {
				return true
			}
		}
	}
	return false
}

func (d *doc) dash(s style) {
	switch s {
	case styleDashed:
		d.pdf.SetDashPattern([]float64{1.6, 1.0}, 0)
	case styleDotted:
		d.pdf.SetDashPattern([]float64{0.35, 0.7}, 0)
	default:
		d.pdf.SetDashPattern(nil, 0)
	}
}

func (d *doc) marker(s style, x, y, r float64) {
	d.pdf.SetDashPattern(nil, 0)
	switch s {
	case styleDashed:
		d.pdf.SetFillColor(255, 255, 255)
		d.pdf.Rect(x-r, y-r, 2*r, 2*r, "FD")
	case styleDotted:
		d.pdf.SetFillColor(0, 0, 0)
		d.pdf.Polygon([]fpdf.PointType{{X: x, Y: y - r*1.2}, {X: x - r*1.1, Y: y + r*0.8}, {X: x + r*1.1, Y: y + r*0.8}}, "F")
	default:
		d.pdf.SetFillColor(0, 0, 0)
		d.pdf.Circle(x, y, r, "F")
	}
}

// lapseMark draws the lapse marker: a hollow downward triangle.
func (d *doc) lapseMark(x, y float64) {
	d.pdf.SetDashPattern(nil, 0)
	d.pdf.SetLineWidth(0.25)
	d.pdf.SetFillColor(255, 255, 255)
	d.pdf.Polygon([]fpdf.PointType{{X: x - 1.1, Y: y - 1}, {X: x + 1.1, Y: y - 1}, {X: x, Y: y + 0.9}}, "FD")
}

// drawChart draws c at the current y across the content width, with the
// days of the period on the x axis (day numbers, month names where a month
// starts) and lapses marked below the plot.
func (d *doc) drawChart(c chart, days []dateLabel) {
	const plotH, axisW = 30.0, 9.0
	if !c.hasData() {
		d.subheading(c.title, lineH(sizeText))
		d.text(d.tr.T("report.none"), sizeText, false)
		d.pdf.Ln(1)
		return
	}
	titleH := lineH(sizeText)
	legendH := 0.0
	if c.showLegend {
		legendH = lineH(sizeSmall) + 1.5
	}
	total := titleH + 2 + plotH + 11 + legendH
	d.need(total)
	d.text(c.title, sizeText, true)
	top := d.pdf.GetY() + 2
	left := margin + axisW
	w := d.cw - axisW
	n := len(days)
	xOf := func(i int) float64 {
		if n == 1 {
			return left + w/2
		}
		return left + w*(float64(i)+0.5)/float64(n)
	}
	yOf := func(v float64) float64 { return top + plotH - (v-c.min)/(c.max-c.min)*plotH }

	// Grid and y axis.
	d.font(false, sizeSmall)
	d.pdf.SetDrawColor(170, 170, 170)
	d.pdf.SetLineWidth(0.15)
	for _, t := range c.ticks {
		y := yOf(t)
		d.pdf.SetDashPattern([]float64{0.5, 0.8}, 0)
		d.pdf.Line(left, y, left+w, y)
		d.pdf.SetDashPattern(nil, 0)
		d.pdf.SetXY(margin, y-lineH(sizeSmall)/2)
		d.pdf.CellFormat(axisW-1.5, lineH(sizeSmall), trimFloat(t), "", 0, "R", false, 0, "")
	}
	d.pdf.SetDrawColor(0, 0, 0)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(left, top, left, top+plotH)
	d.pdf.Line(left, top+plotH, left+w, top+plotH)

	// X axis: a tick each day, a label each week and where a month starts.
	every := 1
	switch {
	case n > 60:
		every = 7
	case n > 20:
		every = 3
	}
	lh := lineH(sizeSmall)
	// Day labels every few days and where a month starts, never two so
	// close that they run together.
	labelled := make([]bool, n)
	lastLabel := -n - every
	for i, dl := range days {
		next := -1 // the next month start within reach
		for j := i + 1; j < n && j < i+every; j++ {
			if days[j].monthStart {
				next = j
				break
			}
		}
		if dl.monthStart || (i%every == 0 && next < 0 && i-lastLabel >= max(2, every/2)) {
			labelled[i] = true
			lastLabel = i
		}
	}
	for i, dl := range days {
		x := xOf(i)
		d.pdf.SetLineWidth(0.15)
		d.pdf.Line(x, top+plotH, x, top+plotH+0.8)
		if labelled[i] {
			d.pdf.SetXY(x-5, top+plotH+1)
			d.pdf.CellFormat(10, lh, dl.day, "", 0, "C", false, 0, "")
		}
		if dl.month != "" {
			d.pdf.SetXY(x-1, top+plotH+1+lh)
			d.pdf.CellFormat(40, lh, dl.month, "", 0, "L", false, 0, "")
		}
	}
	// Lapses: a hollow triangle under the axis.
	for i, l := range c.lapses {
		if l {
			d.lapseMark(xOf(i), top+plotH+2*lh+2.5)
		}
	}

	// The series.
	r := 0.55
	if n > 45 {
		r = 0.42
	}
	for _, s := range c.series {
		d.pdf.SetDrawColor(0, 0, 0)
		d.pdf.SetLineWidth(0.35)
		d.dash(s.style)
		prev := -1
		for i, v := range s.values {
			if math.IsNaN(v) {
				prev = -1
				continue
			}
			if prev >= 0 {
				d.pdf.Line(xOf(prev), yOf(s.values[prev]), xOf(i), yOf(v))
			}
			prev = i
		}
		d.pdf.SetLineWidth(0.25)
		for i, v := range s.values {
			if !math.IsNaN(v) {
				d.marker(s.style, xOf(i), yOf(v), r)
			}
		}
	}
	d.pdf.SetDashPattern(nil, 0)
	y := top + plotH + 2*lh + 5
	if c.showLegend {
		x := left
		d.font(false, sizeSmall)
		items := append([]series{}, c.series...)
		for _, s := range items {
			d.pdf.SetLineWidth(0.35)
			d.dash(s.style)
			d.pdf.Line(x, y+lh/2, x+7, y+lh/2)
			d.pdf.SetLineWidth(0.25)
			d.marker(s.style, x+3.5, y+lh/2, 0.6)
			d.pdf.SetXY(x+8.5, y)
			d.pdf.CellFormat(d.pdf.GetStringWidth(s.label)+1, lh, s.label, "", 0, "L", false, 0, "")
			x += 8.5 + d.pdf.GetStringWidth(s.label) + 5
		}
		d.lapseMark(x+2, y+lh/2)
		label := d.tr.T("report.chart.lapse")
		d.pdf.SetXY(x+4.5, y)
		d.pdf.CellFormat(d.pdf.GetStringWidth(label)+1, lh, label, "", 0, "L", false, 0, "")
		y += legendH
	}
	d.pdf.SetDashPattern(nil, 0)
	d.pdf.SetY(y + 1)
}

// dateLabel is how a day is named on a chart's axis.
type dateLabel struct {
	day        string // day of the month
	month      string // the month's name, where a month starts (and on the first day)
	monthStart bool
}

func trimFloat(v float64) string {
	if v == math.Trunc(v) {
		return itoa(int(v))
	}
	return ftoa(v, 1)
}
