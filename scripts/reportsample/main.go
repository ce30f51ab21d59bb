// Command reportsample seeds a 90-day sample journal with body logs
// (report.Sample: deterministic, fixed dates) in a temporary folder and
// writes its report for a clinician in English, Spanish, Traditional
// Chinese (Taiwan), Thai and Japanese into OUTDIR, as report-<tag>.pdf.
// Beside each it writes expect-<tag>.txt: lines the PDF's text must hold
// (the period, the number of check-ins, the known day's row), which
// scripts/report-sample checks with pdftotext.
//
//	go run ./scripts/reportsample OUTDIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
	"github.com/steadyapp/steady/ui/report"
	"golang.org/x/text/language"
)

// Languages are the sample reports' languages.
var languages = []string{"en", "es", "zh-Hant-TW", "th", "ja"}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: reportsample OUTDIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "reportsample:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "steady-report-sample-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	s, err := data.Open(filepath.Join(tmp, "journal"))
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := report.Sample(s)
	if err != nil {
		return err
	}
	from, to := report.LastDays(report.SampleLast, report.SampleDays)
	now := time.Date(2026, 11, 29, 18, 0, 0, 0, time.FixedZone("", 2*3600))
	tr, err := i18n.New()
	if err != nil {
		return err
	}
	for _, l := range languages {
		tag := language.MustParse(l)
		opt := report.Options{From: from, To: to, Language: tag, Now: now}
		path := filepath.Join(out, "report-"+l+".pdf")
		if err := report.WriteFile(s, opt, path); err != nil {
			return fmt.Errorf("%s: %w", l, err)
		}
		if err := tr.Set(tag); err != nil {
			return err
		}
		b := report.SampleBody()
		expect := []string{
			tr.T("report.period", "From", tr.Date(from), "To", tr.Date(to)),
			tr.N("report.checkins", n),
			// The known day's row of the bladder diary: date, weekday, day
			// and night counts, urgency, leaks, pain passing urine, blood,
			// pain by site.
			strings.Join([]string{report.SampleDay.Format("2006-01-02"),
				tr.T(fmt.Sprintf("date.weekday_short.%d", int(report.SampleDay.Weekday()))),
				fmt.Sprint(*b.UrinationsDay), fmt.Sprint(*b.UrinationsNight), tr.T("body.urgency." + b.Urgency),
				tr.T("body.leaks." + b.Leaks), fmt.Sprint(*b.UrinePain), tr.T("body.blood." + b.Blood),
				fmt.Sprint(*b.PainBladder), fmt.Sprint(*b.PainFlank), fmt.Sprint(*b.PainUpper)}, " "),
		}
		if err := os.WriteFile(filepath.Join(out, "expect-"+l+".txt"), []byte(strings.Join(expect, "\n")+"\n"), 0o644); err != nil {
			return err
		}
		fmt.Printf("reportsample: %s (%d check-ins, %s to %s)\n", path, n, from.Format("2006-01-02"), to.Format("2006-01-02"))
	}
	return nil
}
