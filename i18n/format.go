package i18n

import (
	"fmt"
	"strconv"
	"time"
)

// Dates are written from the message files, never with Go's English
// time.Format names: each language says how its dates look (format.date,
// format.time, format.date_time) and names its months and weekdays
// (date.month.1 … date.month.12, date.weekday.0 … date.weekday.6, Sunday = 0).

func (t *Translator) dateFields(d time.Time) []any {
	return []any{
		"Year", strconv.Itoa(d.Year()),
		"Month", t.T(fmt.Sprintf("date.month.%d", int(d.Month()))),
		"Day", strconv.Itoa(d.Day()),
		"Weekday", t.T(fmt.Sprintf("date.weekday.%d", int(d.Weekday()))),
	}
}

// Date formats the calendar date of d, e.g. "Tuesday 3 March 2026".
func (t *Translator) Date(d time.Time) string {
	return t.T("format.date", t.dateFields(d)...)
}

// Time formats the clock time of d, e.g. "14:05".
func (t *Translator) Time(d time.Time) string {
	return t.T("format.time", "Hour", fmt.Sprintf("%02d", d.Hour()), "Minute", fmt.Sprintf("%02d", d.Minute()))
}

// DateTime formats d as a date and a time.
func (t *Translator) DateTime(d time.Time) string {
	return t.T("format.date_time", "Date", t.Date(d), "Time", t.Time(d))
}

// MonthName returns the name of month m in the current language.
func (t *Translator) MonthName(m time.Month) string {
	return t.T(fmt.Sprintf("date.month.%d", int(m)))
}

// FirstWeekday is the day calendars start on in the current language
// (message date.first_weekday: 0 = Sunday, 1 = Monday).
func (t *Translator) FirstWeekday() time.Weekday {
	n, err := strconv.Atoi(t.T("date.first_weekday"))
	if err != nil || n < 0 || n > 6 {
		return time.Monday
	}
	return time.Weekday(n)
}

// MonthHeading returns month m's name as it stands alone, for a calendar's
// heading.
func (t *Translator) MonthHeading(m time.Month) string {
	return t.T(fmt.Sprintf("date.month_standalone.%d", int(m)))
}
