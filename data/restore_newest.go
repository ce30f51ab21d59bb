package data

import (
	"errors"
	"fmt"
	"path/filepath"
)

// PlainBackups lists the backups in dir that are plain journals (not
// sealed), newest first: the ones RestoreNewestBackup may put back.
func PlainBackups(dir string) ([]BackupInfo, error) {
	all, err := Backups(dir)
	if err != nil {
		return nil, err
	}
	var out []BackupInfo
	for _, b := range all {
		if !isVaultFile(filepath.Join(BackupDir(dir), b.Name)) {
			out = append(out, b)
		}
	}
	return out, nil
}

// RestoreNewestBackup puts the newest plain backup in dir that is a sound
// Steady journal in place of the journal (see RestoreBackup, which checks
// each one fully before anything is moved) and returns which backup it was
// and where the journal it replaced was kept, renamed and unchanged ("" when
// there was none). Backups that are damaged, someone else's or from a newer
// Steady are passed over and left as they are; ErrNoBackup says none was
// sound, and nothing was moved.
func RestoreNewestBackup(dir string) (BackupInfo, string, error) {
	backups, err := PlainBackups(dir)
	if err != nil {
		return BackupInfo{}, "", fmt.Errorf("restore the newest backup: %w", err)
	}
	for _, b := range backups {
		kept, err := RestoreBackup(dir, b.Name)
		switch {
		case err == nil:
			return b, kept, nil
		case errors.Is(err, ErrNotJournal), errors.Is(err, ErrNewerSchema):
			continue
		default:
			return BackupInfo{}, "", err // the folder (locked, read-only, full): stop here
		}
	}
	return BackupInfo{}, "", fmt.Errorf("restore the newest backup: %w", ErrNoBackup)
}
