package data

import (
	"database/sql"
	"fmt"
	"path/filepath"
)

// DeleteAll wipes the journal: every check-in, the plan and every setting
// but the language. It returns once no copy of what was written is left in
// the data folder (files.go lists every file it looks at):
//
//   - deleted rows are overwritten in their pages (secure_delete) and the
//     file is rebuilt (VACUUM);
//   - a plain journal is then closed and opened again, so that SQLite
//     checkpoints its write-ahead log into the file, and the log's old
//     bytes are overwritten with zeros before it is removed;
//   - an encrypted journal is sealed again from memory, and its old vault
//     replaced;
//   - every backup, every journal kept aside (steady-damaged-*,
//     steady-before-restore-*, plain or sealed) and every temporary file is
//     overwritten with zeros and removed.
func (s *Store) DeleteAll() error {
	j := s.db
	j.lock.stopBackup() // the day's backup reads the journal: end it first
	if err := s.deleteRows(); err != nil {
		return fmt.Errorf("delete all: %w", err)
	}
	if err := shredLeftovers(s.dir); err != nil {
		return fmt.Errorf("delete all: %w", err)
	}
	return nil
}

// deleteRows deletes the rows, rebuilds the file and, for a plain journal,
// overwrites the write-ahead log.
func (s *Store) deleteRows() error {
	j := s.db
	j.mu.Lock()
	if err := j.lock.check(); err != nil {
		j.mu.Unlock()
		if j.lock.firstReport() {
			j.saveFailed(err)
		}
		return err
	}
	del := func(db *sql.DB) error {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		for _, q := range []string{
			`DELETE FROM entry_tags`,
			`DELETE FROM entries`,
			`DELETE FROM plan_items`,
			`DELETE FROM settings WHERE key <> '` + SettingLanguage + `'`,
		} {
			if _, err := tx.Exec(q); err != nil {
				tx.Rollback() //nolint:errcheck // the error that matters is the delete's
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		_, err = db.Exec(`VACUUM`)
		return err
	}
	if v := j.vault; v != nil {
		err := del(j.db)
		var target uint64
		if err == nil {
			target = v.changed()
		}
		j.mu.Unlock()
		if err != nil {
			return Classify(err)
		}
		return v.wait(target)
	}
	defer j.mu.Unlock()
	if err := del(j.db); err != nil {
		return Classify(err)
	}
	// Reopen so that the log is checkpointed and unlinked by SQLite, then
	// overwrite it through the descriptors held across the close.
	path := j.path
	held := holdFiles(companions(path)...)
	if err := j.db.Close(); err != nil {
		held.close()
		return err
	}
	if err := held.shred(); err != nil {
		return err
	}
	db, err := sql.Open(driverName, dsn(path))
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		return Classify(err)
	}
	j.swap(db, path, nil)
	return nil
}

// shredLeftovers overwrites and removes every copy of the journal in dir
// but the journal itself: backups, aside copies, temporary files.
func shredLeftovers(dir string) error {
	files, err := steadyFiles(dir)
	if err != nil {
		return err
	}
	var first error
	for _, f := range files {
		switch f.kind {
		case fileBackup, fileBackupTemp, fileAside, fileSaveTemp, fileRekey, filePrefs:
			if err := shred(f.path); err != nil && first == nil {
				first = err
			}
		}
	}
	if err := RemoveBackups(dir); err != nil && first == nil {
		first = err
	}
	syncDir(dir)
	syncDir(filepath.Join(dir, BackupDirName))
	return first
}
