package data

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Setting keys kept in the journal file.
const (
	SettingLanguage    = "language"     // a BCP 47 tag, e.g. "es"
	SettingTheme       = "theme"        // "system", "light" or "dark"
	SettingTextScale   = "text_scale"   // "1", "1.25", "1.5"
	SettingWelcomeDone = "welcome_done" // "1" once the first-run welcome was finished or skipped
	SettingReminder    = "reminder"     // "HH:MM" for a daily check-in reminder; absent for none
	SettingWindowSize  = "window_size"  // "WIDTHxHEIGHT" of the main window
	SettingDiscreet    = "discreet"     // "1": neutral window title and notifications
	SettingLockMinutes = "lock_minutes" // idle minutes before an encrypted journal locks; "0" = never
	SettingRegion      = "region"       // the region whose helplines Get help shows (guide.Region ID)
	// SettingTray is "1" when Steady keeps running in the system tray after
	// its window is closed, so that reminders still arrive (opt-in).
	SettingTray = "tray"
	// SettingBreathingMotion is "0" when the craving companion's breathing
	// guide must not move (for people sensitive to motion); anything else
	// or absent: it moves.
	SettingBreathingMotion = "breathing_motion"
)

// Setting returns the value stored under key, and whether there was one.
func (s *Store) Setting(key string) (string, bool, error) {
	var v string
	err := s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read setting %q: %w", key, err)
	}
	return v, true, nil
}

// SetSetting stores value under key, replacing any earlier value.
func (s *Store) SetSetting(key, value string) error {
	_, err := s.exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("save setting %q: %w", key, err)
	}
	return nil
}

// SettingQuitDate is the day the user stopped or plans to stop, as
// YYYY-MM-DD.
const SettingQuitDate = "quit_date"

// dateLayout is how calendar dates are stored: ISO 8601, no time.
const dateLayout = "2006-01-02"

// QuitDate returns the user's quit date (midnight UTC of that date) and
// whether one is set.
func (s *Store) QuitDate() (time.Time, bool, error) {
	v, ok, err := s.Setting(SettingQuitDate)
	if err != nil || !ok {
		return time.Time{}, false, err
	}
	d, err := time.Parse(dateLayout, v)
	if err != nil {
		return time.Time{}, false, nil // an unreadable date counts as unset
	}
	return d, true, nil
}

// SetQuitDate stores the calendar date of d as the quit date; the zero time
// clears it.
func (s *Store) SetQuitDate(d time.Time) error {
	if d.IsZero() {
		if _, err := s.exec(`DELETE FROM settings WHERE key = ?`, SettingQuitDate); err != nil {
			return fmt.Errorf("clear quit date: %w", err)
		}
		return nil
	}
	return s.SetSetting(SettingQuitDate, d.Format(dateLayout))
}

// DeleteSetting removes a setting; removing one that is not set is fine.
func (s *Store) DeleteSetting(key string) error {
	if _, err := s.exec(`DELETE FROM settings WHERE key = ?`, key); err != nil {
		return fmt.Errorf("clear setting %q: %w", key, err)
	}
	return nil
}
