package data

import (
	"database/sql"
	"errors"
	"fmt"
)

// Setting keys kept in the journal file.
const (
	SettingLanguage = "language" // a BCP 47 tag, e.g. "es"
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
	_, err := s.db.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("save setting %q: %w", key, err)
	}
	return nil
}
