// Package report writes the report for a clinician: a PDF summary of a
// period of the journal (recovery, warning signs, mood, craving and sleep,
// the bladder diary and pain by site, triggers, what helped, symptoms) in
// any of Steady's languages, readable printed in black and white.
//
// It reads the journal through data and its words through i18n, and draws
// with fpdf in Steady's bundled fonts (assets.PDFFonts), so Chinese,
// Japanese and Thai render. It uses no Fyne widgets.
//
// The file is the user's to share: it is written owner-only (0600) but is
// not encrypted, even when the journal is.
package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
	"golang.org/x/text/language"
)

// Options choose what a report covers and how it reads.
type Options struct {
	// From and To are the first and last days of the period, both included;
	// only their calendar dates count. Each check-in belongs to the date it
	// was written on, where it was written.
	From, To time.Time
	// Language is the report's language: any of Steady's languages.
	Language language.Tag
	// Region is the country (ISO 3166, e.g. "US") whose paper size to use:
	// Letter in North and Central America, the Philippines and Chile and
	// Colombia, A4 elsewhere. Empty: the country the language suggests.
	Region string
	// Notes and Plan add the check-ins' notes and the personal plan (the
	// user's own triggers and coping by name). Both are off by default: they
	// are the most personal parts of the journal.
	Notes, Plan bool
	// Now is when the report is made, for "generated on" and the days since
	// the quit date. Zero means time.Now().
	Now time.Time
}

// LastDays returns the period of the last days calendar days, today
// included: for "last 2 weeks" (14), "30 days" and "90 days".
func LastDays(now time.Time, days int) (from, to time.Time) {
	return now.AddDate(0, 0, 1-days), now
}

// MaxDays bounds a report's period.
const MaxDays = 366

// ErrPeriod reports a period that ends before it starts or is longer than
// MaxDays.
var ErrPeriod = fmt.Errorf("report: the period must be 1 to %d days", MaxDays)

// Generate writes the report of s described by opt to w as a PDF.
func Generate(s *data.Store, opt Options, w io.Writer) error {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	first, last := localDate(opt.From), localDate(opt.To)
	if last.Before(first) || last.Sub(first) >= MaxDays*24*time.Hour {
		return ErrPeriod
	}
	tr, err := i18n.New()
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := tr.Set(opt.Language); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	// Local dates are at most 14 hours from UTC; the flags look back a week.
	from := first.AddDate(0, 0, -data.PainDaysWindow).Add(-14 * time.Hour)
	to := last.AddDate(0, 0, 1).Add(14 * time.Hour)
	entries, err := s.Entries(from, to)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	quit, ok, err := s.QuitDate()
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if !ok {
		quit = time.Time{}
	}
	lastUse, ok, err := s.LastUse()
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if !ok {
		lastUse = time.Time{}
	}
	var plan []data.PlanItem
	if opt.Plan {
		if plan, err = s.Plan(""); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	sum := summarize(entries, first, last, quit, lastUse)
	d := newDoc(tr, opt, plan)
	d.write(sum)
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// WriteFile writes the report to path, owner-only (0600), atomically: a
// failure leaves no half-written file and any earlier file as it was.
func WriteFile(s *data.Store, opt Options, path string) error {
	return data.WriteFileAtomic(path, func(w io.Writer) error { return Generate(s, opt, w) })
}

// letterRegions are the countries that use US Letter paper.
var letterRegions = map[string]bool{
	"US": true, "CA": true, "MX": true, "PH": true, "CL": true, "CO": true, "VE": true, "GT": true,
	"CR": true, "DO": true, "SV": true, "HN": true, "NI": true, "PA": true, "PR": true, "BZ": true,
}

// PaperFor returns "Letter" or "A4" for a region, an ISO 3166 country code
// such as Steady's region setting holds; for "" or anything else that is
// not a country code, the country the language suggests (en → US).
func PaperFor(region string, lang language.Tag) string {
	region = strings.ToUpper(region)
	if _, err := language.ParseRegion(region); err != nil || len(region) != 2 {
		r, _ := lang.Region()
		region = r.String()
	}
	if letterRegions[region] {
		return "Letter"
	}
	return "A4"
}
