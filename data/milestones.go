package data

import "time"

// Phase is a stage of withdrawal as the guide's FAQ describes it: acute
// symptoms may last for a week or two; cravings and mood changes can persist
// for several months.
type Phase int

// The phases, in order.
const (
	PhaseUnknown   Phase = iota // no date to count from, or it is still ahead
	PhaseFirstDays              // days 0 to 13: when acute symptoms may be strongest
	PhaseWeeks                  // days 14 to 59: acute symptoms usually ease
	PhaseMonths                 // day 60 on: cravings and mood changes can still come and go
)

// Where the phases start, in days.
const (
	weeksFrom  = 14
	monthsFrom = 60
)

// PhaseOf returns the phase of a day count.
func PhaseOf(days int) Phase {
	switch {
	case days < 0:
		return PhaseUnknown
	case days < weeksFrom:
		return PhaseFirstDays
	case days < monthsFrom:
		return PhaseWeeks
	}
	return PhaseMonths
}

// Milestone is a number of days worth marking, with its phase.
type Milestone struct {
	Days  int
	Phase Phase
}

// Milestones returns the milestones Steady marks: 1, 3, 7, 14, 30, 60, 90,
// 180 and 365 days.
func Milestones() []Milestone {
	days := []int{1, 3, 7, 14, 30, 60, 90, 180, 365}
	out := make([]Milestone, len(days))
	for i, d := range days {
		out[i] = Milestone{Days: d, Phase: PhaseOf(d)}
	}
	return out
}

// Count is a run of days from a date: since the quit date, or since the
// last use.
type Count struct {
	Known   bool
	Days    int         // calendar days from the date to now; negative while the date is ahead
	Reached []Milestone // the milestones reached, oldest first
	Next    Milestone   // the next milestone; Days is 0 after the last one
}

// CountFrom counts the calendar days from the date of from to the date of
// now (each in its own zone) and the milestones reached.
func CountFrom(from, now time.Time) Count {
	c := Count{Known: true, Days: DaysBetween(from, now)}
	for _, m := range Milestones() {
		if c.Days >= m.Days {
			c.Reached = append(c.Reached, m)
		} else if c.Next.Days == 0 {
			c.Next = m
		}
	}
	return c
}

// Progress is the two counts shown side by side: days since the quit date
// and days since the last recorded use. A lapse restarts only the second;
// the first, and its milestones, stay.
type Progress struct {
	Quit, SinceUse Count
	// Phase counts from the later of the quit date and the last use.
	Phase Phase
	// RecentLapse is set when the last use is within LapseNoteDays, so the
	// screens can say a kind word.
	RecentLapse bool
}

// LapseNoteDays is how long after a recorded use the screens add their
// encouraging note.
const LapseNoteDays = 7

// ProgressAt works out the progress at now from the quit date and the last
// recorded use (either may be unknown). It is a pure function: now is
// passed in.
func ProgressAt(quit time.Time, hasQuit bool, lastUse time.Time, hasUse bool, now time.Time) Progress {
	var p Progress
	if hasQuit {
		p.Quit = CountFrom(quit, now)
	}
	if hasUse {
		p.SinceUse = CountFrom(lastUse, now)
		p.RecentLapse = p.SinceUse.Days >= 0 && p.SinceUse.Days <= LapseNoteDays
	}
	// The phase runs from the later date: a lapse after the quit date starts
	// the early days again, but not the count since the quit date.
	from := p.Quit
	if hasUse && (!hasQuit || p.SinceUse.Days < p.Quit.Days) {
		from = p.SinceUse
	}
	p.Phase = PhaseUnknown
	if from.Known {
		p.Phase = PhaseOf(from.Days)
	}
	return p
}

// Progress reads the quit date and the last use and works out the progress
// at now.
func (s *Store) Progress(now time.Time) (Progress, error) {
	quit, hasQuit, err := s.QuitDate()
	if err != nil {
		return Progress{}, err
	}
	last, hasUse, err := s.LastUse()
	if err != nil {
		return Progress{}, err
	}
	return ProgressAt(quit, hasQuit, last, hasUse, now), nil
}
