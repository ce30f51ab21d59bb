package data

import (
	"fmt"
	"time"
)

// Period is the last Days calendar days up to and including the day of
// Now. Check-ins belong to the day they were written on, read in the zone
// the user was in then, so a journal written while travelling still adds up
// day by day.
type Period struct {
	Now  time.Time
	Days int
}

// LastDays returns the period of the last days calendar days up to and
// including the day of now.
func LastDays(now time.Time, days int) Period { return Period{Now: now, Days: days} }

// Last is the date (midnight UTC) of the period's last day, the day of Now.
func (p Period) Last() time.Time {
	return time.Date(p.Now.Year(), p.Now.Month(), p.Now.Day(), 0, 0, 0, 0, time.UTC)
}

// First is the date (midnight UTC) of the period's first day.
func (p Period) First() time.Time { return p.Last().AddDate(0, 0, 1-p.Days) }

// Index returns the position of date (midnight UTC, as Day.Date) in the
// period, 0 for its first day; it is outside [0, Days) for other dates.
func (p Period) Index(date time.Time) int { return int(date.Sub(p.First()).Hours() / 24) }

// maxZoneOffset bounds how far a stored local time may be from UTC (±14 h),
// so a query by UTC instant can cover every check-in of a range of local
// dates.
const maxZoneOffset = 14 * time.Hour

// localDay is an entry's local date in days since 1970-01-01, as SQL
// (entries are from 2000 on, so the division never meets a negative).
const localDay = `(` + localSeconds + ` / 86400)`

// dateRange is the SQL condition, and its arguments, for the check-ins
// whose local date is between the dates first and last (midnight UTC,
// inclusive): a range of instants the time index can serve, then the
// exact local dates.
func dateRange(first, last time.Time) (string, []any) {
	return `at_ms >= ? AND at_ms < ? AND ` + localDay + ` BETWEEN ? AND ?`, []any{
		first.Add(-maxZoneOffset).UnixMilli(), last.AddDate(0, 0, 1).Add(maxZoneOffset).UnixMilli(),
		first.Unix() / 86400, last.Unix() / 86400,
	}
}

// daySums is one local day's check-ins added up.
type daySums struct {
	day           int64 // local date, in days since 1970-01-01
	n, sleepN     int
	mood, craving float64 // sums
	sleep         float64 // sum of the recorded hours
	maxCraving    int
	lapse         bool
}

// days reads the check-ins of the local dates first to last, added up by
// day, oldest first; days without check-ins are left out.
func (s *Store) days(first, last time.Time) ([]daySums, error) {
	cond, args := dateRange(first, last)
	rows, err := s.db.Query(`SELECT `+localDay+` AS day, count(*), sum(mood), sum(craving), max(craving),
		count(sleep_hours), coalesce(sum(sleep_hours), 0), max(used)
		FROM entries WHERE `+cond+` GROUP BY day ORDER BY day`, args...)
	if err != nil {
		return nil, fmt.Errorf("read days: %w", err)
	}
	defer rows.Close()
	var out []daySums
	for rows.Next() {
		var d daySums
		if err := rows.Scan(&d.day, &d.n, &d.mood, &d.craving, &d.maxCraving, &d.sleepN, &d.sleep, &d.lapse); err != nil {
			return nil, fmt.Errorf("read days: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read days: %w", err)
	}
	return out, nil
}

// hours reads the check-ins of the local dates first to last, averaged by
// local hour of day.
func (s *Store) hours(first, last time.Time) ([24]Mean, error) {
	var out [24]Mean
	cond, args := dateRange(first, last)
	rows, err := s.db.Query(`SELECT `+localSeconds+` % 86400 / 3600 AS hour, count(*), avg(craving)
		FROM entries WHERE `+cond+` GROUP BY hour`, args...)
	if err != nil {
		return out, fmt.Errorf("read hours: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h int
		var m Mean
		if err := rows.Scan(&h, &m.N, &m.Avg); err != nil {
			return out, fmt.Errorf("read hours: %w", err)
		}
		if h >= 0 && h < 24 {
			out[h] = m
		}
	}
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("read hours: %w", err)
	}
	return out, nil
}

// tagSums is what the check-ins that recorded one tag add up to.
type tagSums struct {
	kind, tag        string
	n                int
	craving          float64 // sum
	answered, passed int     // said whether the craving passed; said it did
}

// tags reads, for each trigger and coping tag recorded on the local dates
// first to last, its check-ins added up, most recorded first; kind limits
// it to one kind ("" for both, in one pass over the period).
func (s *Store) tags(kind string, first, last time.Time) ([]tagSums, error) {
	cond, args := dateRange(first, last)
	kinds := `t.kind IN ('trigger', 'coping')`
	if kind != "" {
		kinds = `t.kind = ?`
		args = append(args, kind)
	}
	// CROSS JOIN keeps entries as the outer loop (the time index), as in
	// TopTags.
	rows, err := s.db.Query(`SELECT t.kind, t.tag, count(*) AS n, sum(e.craving), count(e.craving_passed),
		coalesce(sum(e.craving_passed), 0)
		FROM (SELECT id, craving, craving_passed FROM entries WHERE `+cond+`) e
		CROSS JOIN entry_tags t ON t.entry_id = e.id
		WHERE `+kinds+` GROUP BY t.kind, t.tag ORDER BY n DESC, t.tag`, args...)
	if err != nil {
		return nil, fmt.Errorf("read tags: %w", err)
	}
	defer rows.Close()
	var out []tagSums
	for rows.Next() {
		var t tagSums
		if err := rows.Scan(&t.kind, &t.tag, &t.n, &t.craving, &t.answered, &t.passed); err != nil {
			return nil, fmt.Errorf("read tags: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read tags: %w", err)
	}
	return out, nil
}
