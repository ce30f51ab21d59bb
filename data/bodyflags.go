package data

import (
	"slices"
	"time"
)

// Red and amber flags: signs in the body log that mean "get help now" or
// "see a GP or a urology service soon", from the NHS, US Surgeon General
// and urology sources cited in Get help. Steady does not diagnose: a flag
// names the sign it saw and why it matters, and points to care.

// FlagLevel says how soon to get help.
type FlagLevel int

const (
	// FlagNow: call the emergency number now.
	FlagNow FlagLevel = iota + 1
	// FlagSoon: see a GP, family doctor or urology service soon.
	FlagSoon
)

// String returns "now" or "soon".
func (l FlagLevel) String() string {
	switch l {
	case FlagNow:
		return "now"
	case FlagSoon:
		return "soon"
	}
	return "unknown"
}

// Signs a flag names. Each has the message IDs "body.flag.<sign>.name" (the
// sign, in a few words) and "body.flag.<sign>.why" (why it matters, what to
// do); see Flag.SignID and Flag.WhyID.
const (
	SignClots      = "clots"       // now: clots in the urine
	SignRetention  = "retention"   // now: cannot pass urine, the bladder full and painful
	SignFeverFlank = "fever_flank" // now: fever or shivering with pain in the side or back
	SignSeverePain = "severe_pain" // now: severe belly pain (SeverePain or more)
	SignBlood      = "blood"       // soon: visible blood in the urine (pink or red)
	SignPainDays   = "pain_days"   // soon: bladder pain on PainDaysMin of the last 7 days
	SignLasting    = "lasting"     // soon: bladder symptoms more than LastingAfter after the quit date
)

// Thresholds of the flags.
const (
	// SeverePain is the pain score, in the bladder or lower belly or the
	// upper belly, counted as severe.
	SeverePain = 8
	// PainDaysMin is how many of the last PainDaysWindow days with bladder
	// pain raise SignPainDays.
	PainDaysMin    = 3
	PainDaysWindow = 7
	// LastingAfter is how long after the quit date bladder symptoms mean
	// "see a urology service" (NHS: more than 4 weeks after stopping).
	LastingAfter = 28 * 24 * time.Hour
)

// NowSigns lists the signs of FlagNow level, most urgent first.
func NowSigns() []string {
	return []string{SignRetention, SignClots, SignFeverFlank, SignSeverePain}
}

// SoonSigns lists the signs of FlagSoon level.
func SoonSigns() []string { return []string{SignBlood, SignPainDays, SignLasting} }

// Flag is one sign seen in the body log.
type Flag struct {
	Level FlagLevel
	Sign  string    // SignClots, …
	At    time.Time // the check-in that showed it (the latest one, for rules over days)
	// Days is, for SignPainDays, the number of days with bladder pain in the
	// window; for SignLasting, the days from the quit date to At. Zero
	// otherwise.
	Days int
}

// SignID is the message ID naming the flag's sign.
func (f Flag) SignID() string { return "body.flag." + f.Sign + ".name" }

// WhyID is the message ID saying why the sign matters and what to do.
func (f Flag) WhyID() string { return "body.flag." + f.Sign + ".why" }

// bodyDay is the local calendar date of t (read in t's own zone), in days
// since 1970-01-01.
func bodyDay(t time.Time) int64 {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func isTrue(b *bool) bool { return b != nil && *b }

func atLeast(p *int, n int) bool { return p != nil && *p >= n }

// CheckinFlags returns the flags one check-in raises by itself: the "now"
// signs (in NowSigns order) and visible blood. A check-in that raises any
// FlagNow should lead straight to the urgent-help response naming the sign.
func CheckinFlags(e Entry) []Flag {
	b := e.Body
	if b.IsZero() {
		return nil
	}
	var out []Flag
	add := func(l FlagLevel, sign string) { out = append(out, Flag{Level: l, Sign: sign, At: e.At}) }
	if isTrue(b.Retention) {
		add(FlagNow, SignRetention)
	}
	if b.Blood == BloodClots {
		add(FlagNow, SignClots)
	}
	if isTrue(b.Fever) && atLeast(b.PainFlank, 1) {
		add(FlagNow, SignFeverFlank)
	}
	if atLeast(b.PainBladder, SeverePain) || atLeast(b.PainUpper, SeverePain) {
		add(FlagNow, SignSeverePain)
	}
	if b.Blood == BloodPink || b.Blood == BloodRed {
		add(FlagSoon, SignBlood)
	}
	return out
}

// HasNow reports whether flags hold a FlagNow.
func HasNow(flags []Flag) bool {
	return slices.ContainsFunc(flags, func(f Flag) bool { return f.Level == FlagNow })
}

// bladderPain reports whether b records bladder pain: in the bladder or
// lower belly, or when passing urine.
func bladderPain(b *Body) bool {
	return b != nil && (atLeast(b.PainBladder, 1) || atLeast(b.UrinePain, 1))
}

// bladderSymptoms reports whether b records any bladder symptom: pain,
// urgency, leaks, blood, retention, or getting up more than once at night.
func bladderSymptoms(b *Body) bool {
	if b == nil {
		return false
	}
	return bladderPain(b) || b.Urgency == UrgencySome || b.Urgency == UrgencyStrong ||
		b.Leaks == LeaksSome || b.Leaks == LeaksPads ||
		(b.Blood != "" && b.Blood != BloodNone) || isTrue(b.Retention) || atLeast(b.UrinationsNight, 2)
}

// BodyFlags returns the flags that stand at now, given the journal's
// check-ins (in any order) and the quit date (zero when there is none):
//
//   - the flags each check-in of the last PainDaysWindow days raised
//     (CheckinFlags), the latest of each sign;
//   - SignPainDays when bladder pain was recorded on PainDaysMin or more of
//     the last PainDaysWindow calendar days (today included);
//   - SignLasting when the latest check-in of that window recording any
//     bladder symptom is more than LastingAfter after the quit date.
//
// FlagNow flags come first, then FlagSoon, each in NowSigns and SoonSigns
// order. Entries after now are ignored.
func BodyFlags(entries []Entry, quit, now time.Time) []Flag {
	return flagsAt(entries, quit, now)
}

func flagsAt(entries []Entry, quit, now time.Time) []Flag {
	today := bodyDay(now)
	from := today - PainDaysWindow + 1
	latest := map[string]Flag{}
	painDays := map[int64]bool{}
	var lastPain, lastSymptom time.Time
	for _, e := range entries {
		if e.Body.IsZero() || e.At.After(now) {
			continue
		}
		d := bodyDay(e.At)
		if d < from || d > today {
			continue
		}
		for _, f := range CheckinFlags(e) {
			if old, ok := latest[f.Sign]; !ok || f.At.After(old.At) {
				latest[f.Sign] = f
			}
		}
		if bladderPain(e.Body) {
			painDays[d] = true
			if e.At.After(lastPain) {
				lastPain = e.At
			}
		}
		if bladderSymptoms(e.Body) && e.At.After(lastSymptom) {
			lastSymptom = e.At
		}
	}
	if len(painDays) >= PainDaysMin {
		latest[SignPainDays] = Flag{Level: FlagSoon, Sign: SignPainDays, At: lastPain, Days: len(painDays)}
	}
	if !quit.IsZero() && !lastSymptom.IsZero() && lastSymptom.Sub(quit) > LastingAfter {
		latest[SignLasting] = Flag{Level: FlagSoon, Sign: SignLasting, At: lastSymptom,
			Days: DaysBetween(quit, lastSymptom)}
	}
	var out []Flag
	for _, sign := range append(NowSigns(), SoonSigns()...) {
		if f, ok := latest[sign]; ok {
			out = append(out, f)
		}
	}
	return out
}

// FlagHistory returns every flag that stood during [from, to), for a
// report: each check-in's own flags (CheckinFlags) at their time, and the
// rules over days (SignPainDays, SignLasting) once per calendar day on which
// they held, judged at that day's last check-in with a body log. entries must include
// the PainDaysWindow days before from for the first days to be judged right.
// The result is oldest first.
func FlagHistory(entries []Entry, quit, from, to time.Time) []Flag {
	var sorted []Entry
	for _, e := range entries {
		if !e.Body.IsZero() && e.At.Before(to) {
			sorted = append(sorted, e)
		}
	}
	slices.SortStableFunc(sorted, func(a, b Entry) int { return a.At.Compare(b.At) })
	var out []Flag
	lo := 0
	for i, e := range sorted {
		if e.At.Before(from) {
			continue
		}
		out = append(out, CheckinFlags(e)...)
		day := bodyDay(e.At)
		if i+1 < len(sorted) && bodyDay(sorted[i+1].At) == day {
			continue // the rules over days are judged at the day's last check-in
		}
		for lo < i && bodyDay(sorted[lo].At) < day-PainDaysWindow {
			lo++
		}
		for _, f := range flagsAt(sorted[lo:i+1], quit, e.At) {
			if f.Sign == SignPainDays || f.Sign == SignLasting {
				out = append(out, f)
			}
		}
	}
	return out
}
