package data

import (
	"database/sql"
	"fmt"
)

// DeleteAll wipes the journal: every check-in, the plan and every setting
// but the language. Deleted pages are overwritten (secure_delete), the file
// is rebuilt (VACUUM) and the write-ahead log truncated, and the backups are
// overwritten and removed, so no copy of what was written stays in the data
// directory.
func (s *Store) DeleteAll() error {
	if err := RemoveBackups(s.dir); err != nil {
		return fmt.Errorf("delete all: %w", err)
	}
	err := s.tx(func(tx *sql.Tx) error {
		for _, q := range []string{
			`DELETE FROM entry_tags`,
			`DELETE FROM entries`,
			`DELETE FROM plan_items`,
			`DELETE FROM settings WHERE key <> '` + SettingLanguage + `'`,
		} {
			if _, err := tx.Exec(q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete all: %w", err)
	}
	if s.vault != nil {
		// The vault is rewritten whole from memory; VACUUM drops the freed
		// pages from the image first.
		if _, err := s.db.Exec(`VACUUM`); err != nil {
			return fmt.Errorf("delete all: %w", err)
		}
		s.changed()
		return s.Sync()
	}
	for _, q := range []string{`PRAGMA wal_checkpoint(TRUNCATE)`, `VACUUM`, `PRAGMA wal_checkpoint(TRUNCATE)`} {
		if _, err := s.db.Exec(q); err != nil {
			return fmt.Errorf("delete all: %s: %w", q, err)
		}
	}
	return nil
}
