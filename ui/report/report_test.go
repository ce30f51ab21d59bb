package report

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
	"golang.org/x/text/language"
)

// sampleStore opens a journal in a temporary folder and fills it with the
// sample history.
func sampleStore(t testing.TB) (*data.Store, int) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "journal"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	n, err := Sample(s)
	if err != nil {
		t.Fatal(err)
	}
	return s, n
}

func sampleOptions(tag language.Tag) Options {
	from, to := LastDays(SampleLast, SampleDays)
	return Options{From: from, To: to, Language: tag, Now: SampleLast.Add(6 * time.Hour)}
}

// pdfText returns the text of a PDF by pdftotext, with all white space
// removed (so wrapped lines and table spacing do not matter), or skips the
// test when poppler-utils is not installed (scripts/deps installs it).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (scripts/deps installs poppler-utils)")
	}
	p := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return squash(string(out))
}

// space is any white space, including the thin spaces Thai texts use
// between words.
var space = regexp.MustCompile(`[\s\p{Zs}\x{200B}\x{2060}]+`)

func squash(s string) string { return space.ReplaceAllString(s, "") }

func translator(t testing.TB, tag language.Tag) *i18n.Translator {
	t.Helper()
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Set(tag); err != nil {
		t.Fatal(err)
	}
	return tr
}

// TestEveryLanguage writes the sample report in each of Steady's languages
// and finds in its text the period, the number of check-ins and the known
// day's row of the bladder diary.
func TestEveryLanguage(t *testing.T) {
	s, n := sampleStore(t)
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range tr.Languages() {
		t.Run(l.Tag.String(), func(t *testing.T) {
			var buf bytes.Buffer
			opt := sampleOptions(l.Tag)
			if err := Generate(s, opt, &buf); err != nil {
				t.Fatal(err)
			}
			pdf := buf.Bytes()
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[len(pdf)-16:], []byte("%%EOF")) {
				t.Fatal("not a whole PDF")
			}
			text := pdfText(t, pdf)
			lt := translator(t, l.Tag)
			b := SampleBody()
			row := SampleDay.Format("2006-01-02") + lt.T(fmt.Sprintf("date.weekday_short.%d", int(SampleDay.Weekday()))) +
				fmt.Sprint(*b.UrinationsDay, *b.UrinationsNight) + lt.T("body.urgency."+b.Urgency)
			for _, want := range []string{
				lt.T("report.period", "From", lt.Date(opt.From), "To", lt.Date(opt.To)),
				lt.N("report.checkins", n),
				lt.T("report.kept_by"),
				row,
			} {
				if !strings.Contains(text, squash(want)) {
					t.Errorf("the report's text lacks %q", want)
				}
			}
			page := regexp.QuoteMeta(squash(lt.T("report.page", "Page", "1", "Pages", "999999")))
			page = strings.ReplaceAll(page, "999999", "[0-9]+")
			if !regexp.MustCompile(page).MatchString(text) {
				t.Errorf("the report's text lacks a page number like %q", lt.T("report.page", "Page", "1", "Pages", "9"))
			}
		})
	}
}

// TestSampleReportText reads the English sample closely: the header, the
// lapses with what they were mixed with, the clots, the known day.
func TestSampleReportText(t *testing.T) {
	s, n := sampleStore(t)
	var buf bytes.Buffer
	if err := Generate(s, sampleOptions(language.English), &buf); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	for _, want := range []string{
		"Period: Tuesday 1 September 2026 to Sunday 29 November 2026",
		fmt.Sprintf("%d check-ins in this period", n),
		"Generated on Sunday 29 November 2026, 18:00",
		"Quit date: Tuesday 1 September 2026",
		"89 days since the quit date",
		"2 lapses recorded in this period",
		"Saturday 19 September 2026, 22:10 — taken to ease pain, with alcohol",
		"2026-09-08 Tu 1 Now: emergency Clots in the urine",
		"2026-10-15 Th 17 4 Strong Some 7 Pink 6 2 3",
		"Visible blood in the urine",
		"Urine test at the GP; trimethoprim 3 days",
		"Page 1 of",
	} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// Notes and the plan are off by default.
	if strings.Contains(text, squash("Bad morning, rang the GP.")) {
		t.Error("a note is in a report without notes")
	}
}

func TestNotesAndPlan(t *testing.T) {
	s, _ := sampleStore(t)
	own := data.PlanItem{Kind: data.PlanTrigger, Text: "Seeing my old flatmate"}
	if err := s.AddPlanItem(&own); err != nil {
		t.Fatal(err)
	}
	reason := data.PlanItem{Kind: data.PlanReason, Text: "Keep my bladder"}
	if err := s.AddPlanItem(&reason); err != nil {
		t.Fatal(err)
	}
	e := data.Entry{At: SampleLast.Add(-time.Hour), Mood: 3, Triggers: []string{own.Tag()}}
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		notes, plan bool
		has, hasNot []string
	}{
		{"default", false, false, []string{"Their own (from their personal plan)"},
			[]string{"Bad morning, rang the GP.", "Seeing my old flatmate", "Keep my bladder", "Personal plan"}},
		{"notes", true, false, []string{"Bad morning, rang the GP.", "Notes"}, []string{"Keep my bladder"}},
		{"plan", false, true, []string{"Seeing my old flatmate", "Keep my bladder", "My reasons to stop"},
			[]string{"Bad morning", "Their own"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := sampleOptions(language.English)
			opt.Notes, opt.Plan = tt.notes, tt.plan
			var buf bytes.Buffer
			if err := Generate(s, opt, &buf); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, buf.Bytes())
			for _, w := range tt.has {
				if !strings.Contains(text, squash(w)) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range tt.hasNot {
				if strings.Contains(text, squash(w)) {
					t.Errorf("has %q", w)
				}
			}
		})
	}
}

func TestWriteFile(t *testing.T) {
	s, _ := sampleStore(t)
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, []byte("an older report"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(s, sampleOptions(language.Spanish), path); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %o, want 600", st.Mode().Perm())
	}
	first, _ := os.ReadFile(path)
	if !bytes.HasPrefix(first, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	// The same report again is the same file, byte for byte.
	var again bytes.Buffer
	if err := Generate(s, sampleOptions(language.Spanish), &again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again.Bytes()) {
		t.Error("the same report came out different")
	}
	// A report that cannot be made leaves the file as it was.
	bad := sampleOptions(language.MustParse("tlh"))
	if err := WriteFile(s, bad, path); err == nil {
		t.Fatal("a report in an unknown language was written")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, first) {
		t.Error("a failed report changed the file")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestPeriods(t *testing.T) {
	s, _ := sampleStore(t)
	day := SampleLast
	tests := []struct {
		name     string
		from, to time.Time
		err      error
	}{
		{"one day", day, day, nil},
		{"last 2 weeks", day.AddDate(0, 0, -13), day, nil},
		{"a year", day.AddDate(0, 0, 1-MaxDays), day, nil},
		{"longer than a year", day.AddDate(0, 0, -MaxDays), day, ErrPeriod},
		{"backwards", day, day.AddDate(0, 0, -1), ErrPeriod},
		{"before the journal", day.AddDate(-2, 0, 0), day.AddDate(-2, 0, 5), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Generate(s, Options{From: tt.from, To: tt.to, Language: language.English, Now: day}, &buf)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Generate = %v, want %v", err, tt.err)
			}
			if err == nil && !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
				t.Error("not a PDF")
			}
		})
	}
	from, to := LastDays(day, 30)
	if got := int(localDate(to).Sub(localDate(from)).Hours()/24) + 1; got != 30 {
		t.Errorf("LastDays(30) covers %d days", got)
	}
}

func TestPaperFor(t *testing.T) {
	tests := []struct {
		region string
		lang   string
		want   string
	}{
		{"", "en", "Letter"}, // English without a region: the United States
		{"GB", "en", "A4"},
		{"US", "es", "Letter"},
		{"", "es", "A4"},
		{"MX", "es", "Letter"},
		{"CA", "fr", "Letter"},
		{"PH", "en", "Letter"},
		{"", "ja", "A4"},
		{"", "zh-Hant-TW", "A4"},
		{"", "pt-BR", "A4"},
		{"TH", "th", "A4"},
		{"us", "de", "Letter"},        // case does not matter
		{"elsewhere", "en", "Letter"}, // not a country: the language's
		{"elsewhere", "fr", "A4"},
	}
	for _, tt := range tests {
		if got := PaperFor(tt.region, language.MustParse(tt.lang)); got != tt.want {
			t.Errorf("PaperFor(%q, %s) = %s, want %s", tt.region, tt.lang, got, tt.want)
		}
	}
}

// TestEmptyJournal writes the report of a journal with nothing in it, with
// notes and plan asked for: every section says so in words.
func TestEmptyJournal(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "journal"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	opt := sampleOptions(language.English)
	opt.Notes, opt.Plan = true, true
	var buf bytes.Buffer
	if err := Generate(s, opt, &buf); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	for _, want := range []string{"0 check-ins in this period", "Body log kept on 0 days", "No quit date set.",
		"No lapses recorded in this period.", "None in this period.",
		"Mood, daily average (1 very low, 5 very good)Nothing recorded in this period.",
		"Most frequent triggersNothing recorded in this period.", "Personal planNothing recorded in this period."} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("lacks %q", want)
		}
	}
	if strings.Contains(text, "Lapse") {
		t.Error("a lapse legend without lapses")
	}
}
