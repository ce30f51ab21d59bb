package data

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// localSeconds is an entry's wall-clock time, in seconds, as SQL: the UTC
// instant shifted by the offset the user was at when they wrote it.
const localSeconds = `(at_ms / 1000 + tz_offset)`

// Day is one calendar day of the journal (the user's local day).
type Day struct {
	Date       time.Time // midnight UTC of the local date
	Count      int
	AvgMood    float64
	AvgCraving float64
	MaxCraving int
}

// DailySeries returns, for each local day in [from, to) that has check-ins,
// the average mood and the average and highest craving, oldest first.
func (s *Store) DailySeries(from, to time.Time) ([]Day, error) {
	rows, err := s.db.Query(`SELECT `+localSeconds+` / 86400 AS day, count(*), avg(mood), avg(craving), max(craving)
		FROM entries WHERE at_ms >= ? AND at_ms < ? GROUP BY day ORDER BY day`,
		from.UnixMilli(), to.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("daily series: %w", err)
	}
	defer rows.Close()
	var out []Day
	for rows.Next() {
		var d Day
		var day int64
		if err := rows.Scan(&day, &d.Count, &d.AvgMood, &d.AvgCraving, &d.MaxCraving); err != nil {
			return nil, fmt.Errorf("daily series: %w", err)
		}
		d.Date = time.Unix(day*86400, 0).UTC()
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("daily series: %w", err)
	}
	return out, nil
}

// Hour is the cravings recorded in one hour of the (local) day.
type Hour struct {
	Count      int
	AvgCraving float64
}

// HourProfile returns the average craving by local hour of day (0 … 23) for
// the check-ins in [from, to): when cravings are worst.
func (s *Store) HourProfile(from, to time.Time) ([24]Hour, error) {
	var out [24]Hour
	rows, err := s.db.Query(`SELECT (`+localSeconds+` % 86400 + 86400) % 86400 / 3600 AS hour, count(*), avg(craving)
		FROM entries WHERE at_ms >= ? AND at_ms < ? GROUP BY hour`,
		from.UnixMilli(), to.UnixMilli())
	if err != nil {
		return out, fmt.Errorf("hour profile: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h int
		var v Hour
		if err := rows.Scan(&h, &v.Count, &v.AvgCraving); err != nil {
			return out, fmt.Errorf("hour profile: %w", err)
		}
		if h >= 0 && h < 24 {
			out[h] = v
		}
	}
	return out, rows.Err()
}

// TagCount is how often a tag was recorded.
type TagCount struct {
	Tag   string
	Count int
}

// TopTags returns the most recorded tags of a kind (KindTrigger, …) in
// [from, to), most frequent first, at most limit.
func (s *Store) TopTags(kind string, from, to time.Time, limit int) ([]TagCount, error) {
	// CROSS JOIN keeps entries as the outer loop, so SQLite reads only the
	// period's entries through the time index, then their tags: a plain JOIN
	// may scan every tag of the journal instead.
	rows, err := s.db.Query(`SELECT t.tag, count(*) AS n FROM entries e
		CROSS JOIN entry_tags t ON t.entry_id = e.id
		WHERE t.kind = ? AND e.at_ms >= ? AND e.at_ms < ?
		GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT ?`, kind, from.UnixMilli(), to.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("top %s tags: %w", kind, err)
	}
	defer rows.Close()
	var out []TagCount
	for rows.Next() {
		var tc TagCount
		if err := rows.Scan(&tc.Tag, &tc.Count); err != nil {
			return nil, fmt.Errorf("top %s tags: %w", kind, err)
		}
		out = append(out, tc)
	}
	return out, rows.Err()
}

// LastUse returns the time of the most recent check-in that recorded use,
// and false when there is none.
func (s *Store) LastUse() (time.Time, bool, error) {
	var at int64
	var off int
	err := s.db.QueryRow(`SELECT at_ms, tz_offset FROM entries WHERE used = 1 ORDER BY at_ms DESC LIMIT 1`).Scan(&at, &off)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("last use: %w", err)
	}
	return time.UnixMilli(at).In(zoneFor(off)), true, nil
}

// DaysBetween counts calendar days from the date of a to the date of b,
// each read in its own zone (so "yesterday" is 1 whatever the hour).
func DaysBetween(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}
