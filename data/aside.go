package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// journalSuffixes are the files SQLite keeps beside the journal: the
// write-ahead log and its index, and the rollback journal of an old file.
// The log goes first when files are moved, so that a journal is never left
// beside a log that is not its own.
var journalSuffixes = []string{"-wal", "-shm", "-journal"}

// Prefixes of the names of journals kept aside.
const (
	damagedPrefix  = "steady-damaged-"        // set aside by the user after a failed start
	replacedPrefix = "steady-before-restore-" // kept when a backup was restored over it
	asideStamp     = "20060102-150405"
)

// SetAside keeps a journal that cannot be opened out of the way, so that
// Steady can start a new one: it renames steady.db in dir, with its -wal and
// -shm files, to steady-damaged-YYYYMMDD-HHMMSS.db beside it (adding -2, -3…
// if that name is taken) and returns the new path. Nothing is deleted or
// overwritten. The journal must not be open: if it is, in this process or
// another, SetAside fails with ErrLocked and moves nothing.
func SetAside(dir string) (string, error) {
	return moveAsideLocked(dir, "set journal aside", setAside)
}

// moveAsideLocked takes the lock of dir and, holding it, keeps its journal
// aside as damaged with move (setAside or renameVaultAside); errors are
// wrapped with what.
func moveAsideLocked(dir, what string, move func(dir, prefix string, now time.Time) (string, error)) (string, error) {
	lock, err := lockDir(dir)
	if err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	defer lock.release()
	p, err := move(dir, damagedPrefix, time.Now())
	if err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	return p, nil
}

// setAside renames the journal in dir and its companion files to
// prefix+stamp+".db". The caller holds the directory lock.
func setAside(dir, prefix string, now time.Time) (string, error) {
	src := filepath.Join(dir, FileName)
	if _, err := os.Lstat(src); err != nil {
		return "", Classify(err)
	}
	base := prefix + now.Format(asideStamp)
	var dst string
	for n := 1; ; n++ {
		name := base
		if n > 1 {
			name += "-" + strconv.Itoa(n)
		}
		dst = filepath.Join(dir, name+".db")
		if !anyExists(dst) {
			break
		}
	}
	for _, suf := range journalSuffixes {
		err := os.Rename(src+suf, dst+suf)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", Classify(err)
		}
	}
	if err := os.Rename(src, dst); err != nil {
		return "", Classify(err)
	}
	syncDir(dir)
	return dst, nil
}

// anyExists reports whether the journal path p or any of its companion
// files exists (or cannot be checked, which counts as taken).
func anyExists(p string) bool {
	for _, suf := range append([]string{""}, journalSuffixes...) {
		if _, err := os.Lstat(p + suf); !errors.Is(err, os.ErrNotExist) {
			return true
		}
	}
	return false
}

// syncDir makes renames in dir durable, where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() //nolint:errcheck // best effort: not every system syncs directories
		d.Close()
	}
}
