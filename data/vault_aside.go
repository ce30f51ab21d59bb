package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// An encrypted journal that cannot be read (its header or contents were
// damaged or changed: ErrVaultDamaged) is never deleted or changed by
// Steady. The user can keep it aside (SetVaultAside), renamed beside the new
// journal, or put the newest sealed backup that opens in its place
// (RestoreNewestVaultBackup), which keeps it aside as every restore does.

// SetVaultAside keeps an encrypted journal that cannot be opened out of the
// way, so that Steady can start a new one: it renames steady.vault in dir to
// steady-damaged-YYYYMMDD-HHMMSS.vault beside it (adding -2, -3… if that
// name is taken) and returns the new path. The file's bytes are not touched
// and nothing is deleted. The journal must not be open (else ErrLocked,
// and nothing is moved).
func SetVaultAside(dir string) (string, error) {
	return moveAsideLocked(dir, "set encrypted journal aside", renameVaultAside)
}

// renameVaultAside renames the vault in dir to prefix+stamp+".vault" (with
// -2, -3… when taken), syncs the folder and returns the new path. The
// caller holds the lock.
func renameVaultAside(dir, prefix string, now time.Time) (string, error) {
	if _, err := os.Lstat(vaultPath(dir)); err != nil {
		return "", Classify(err)
	}
	base := prefix + now.Format(asideStamp)
	for n := 1; ; n++ {
		name := base
		if n > 1 {
			name += "-" + strconv.Itoa(n)
		}
		dst := filepath.Join(dir, name+".vault")
		if _, err := os.Lstat(dst); !errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err := os.Rename(vaultPath(dir), dst); err != nil {
			return "", Classify(err)
		}
		syncDir(dir)
		return dst, nil
	}
}

// VaultBackups lists the encrypted backups in dir whose header is sound,
// newest first: the ones RestoreNewestVaultBackup may put back. Whether one
// opens is known only with its passphrase.
func VaultBackups(dir string) ([]BackupInfo, error) {
	all, err := Backups(dir)
	if err != nil {
		return nil, err
	}
	var out []BackupInfo
	for _, b := range all {
		if _, err := readVaultHeader(filepath.Join(BackupDir(dir), b.Name)); err == nil {
			out = append(out, b)
		}
	}
	return out, nil
}

// ErrNoBackup reports that there is no backup to restore.
var ErrNoBackup = errors.New("no backup to restore")

// RestoreNewestVaultBackup puts the newest encrypted backup in dir that
// opens with pass and holds a sound journal in place of the encrypted
// journal (see RestoreVaultBackup), and returns which backup it was and where
// the journal it replaced was kept, renamed and unchanged. Backups that are
// damaged, or from a newer Steady, are passed over and left as they are. It
// returns ErrWrongPassphrase when pass opens none of the sound ones, and
// ErrNoBackup when there is none; nothing is moved then.
func RestoreNewestVaultBackup(dir, pass string) (BackupInfo, string, error) {
	backups, err := VaultBackups(dir)
	if err != nil {
		return BackupInfo{}, "", fmt.Errorf("restore the newest backup: %w", err)
	}
	wrong := map[string]bool{} // salts pass was found not to open: derived once each
	var last error
	for _, b := range backups {
		h, err := readVaultHeader(filepath.Join(BackupDir(dir), b.Name))
		if err != nil {
			continue // changed since it was listed
		}
		if wrong[string(h.KDF.Salt)] {
			continue
		}
		kept, err := RestoreVaultBackup(dir, b.Name, pass)
		switch {
		case err == nil:
			return b, kept, nil
		case errors.Is(err, ErrWrongPassphrase):
			wrong[string(h.KDF.Salt)] = true
			last = err
		case errors.Is(err, ErrVaultDamaged), errors.Is(err, ErrNotJournal),
			errors.Is(err, ErrNewerSchema), errors.Is(err, ErrNewerVault):
			if last == nil || !errors.Is(last, ErrWrongPassphrase) {
				last = err
			}
		default:
			return BackupInfo{}, "", err // the folder (locked, read-only, full): stop here
		}
	}
	if last == nil {
		last = ErrNoBackup
	}
	return BackupInfo{}, "", fmt.Errorf("restore the newest backup: %w", last)
}
