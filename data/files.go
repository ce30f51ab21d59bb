package data

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// This file is the one place that knows every file Steady may leave in its
// data folder, and what each may hold. DeleteAll, SetPassphrase,
// RemovePassphrase and opening an encrypted journal go through it, so that
// after encrypting or deleting no readable copy of the journal is left in
// the folder, whatever file a Steady before or a crash left there.
//
//	steady.db                      the plain journal
//	steady.db-wal, -shm, -journal  SQLite's companions of the plain journal
//	steady.vault                   the encrypted journal
//	.steady.db.*.tmp, .steady.vault.*.tmp, .steady.db.restore.tmp
//	                               a save or a restore in progress (or killed)
//	steady-damaged-*.db[-wal…]     a journal set aside after a failed start
//	steady-before-restore-*.db[-wal…]
//	                               the journal a restored backup replaced
//	   … + ".vault"                the same, sealed (an encrypted journal's aside copies)
//	steady-before-restore-*.vault  an encrypted journal a restore replaced
//	backups/steady-YYYY-MM-DD.db   a daily backup: a plain journal or a vault
//	backups/.steady-backup-*.tmp   a backup in progress (or killed)
//	backups/.steady-*.tmp          a backup being re-sealed or replaced (or killed)
//	.steady-*.tmp                  an aside copy being sealed or unsealed (or killed)
//	backups/future-dated/steady-YYYY-MM-DD[-N].db
//	                               a backup made while the clock was ahead, kept aside
//	steady.lock                    the single-instance lock (empty)
//	steady.prefs, .steady.prefs.*.tmp
//	                               the language and theme chosen on a lock screen (lockprefs.go)
//	.steady.rekey                  a passphrase change in progress: the old key's salt (hex)
//
// Anything else in the folder is not Steady's and is never touched.

// fileKind is what a file in the data folder is.
type fileKind int

const (
	fileOther      fileKind = iota // not Steady's: left alone
	fileJournal                    // steady.db
	fileCompanion                  // steady.db-wal, -shm, -journal
	fileVault                      // steady.vault
	fileSaveTemp                   // a save or a restore in progress
	fileAside                      // a journal (or one of its companions) kept aside, plain or sealed
	fileBackup                     // a daily backup
	fileBackupTemp                 // a backup in progress
	fileLock                       // steady.lock
	fileRekey                      // .steady.rekey
	filePrefs                      // steady.prefs
)

// rekeyName marks a passphrase change in progress (see changePassphrase).
const rekeyName = ".steady.rekey"

var (
	saveTempName = regexp.MustCompile(`^\.steady\.(db|vault|prefs)\.(.+\.tmp|restore\.tmp)$`)
	futureFile   = regexp.MustCompile(`^steady-\d{4}-\d{2}-\d{2}(-\d+)?\.db$`)
	asideFile    = regexp.MustCompile(`^(steady-damaged-|steady-before-restore-)\d{8}-\d{6}(-\d+)?\.(db(-wal|-shm|-journal)?(\.vault)?|vault)$`)
)

// classify returns the kind of the file at rel, a slash-separated path
// relative to the data folder.
func classify(rel string) fileKind {
	dir, name := "", rel
	if i := strings.LastIndexByte(rel, '/'); i >= 0 {
		dir, name = rel[:i], rel[i+1:]
	}
	switch dir {
	case "":
	case BackupDirName:
		switch {
		case backupName.MatchString(name):
			return fileBackup
		case strings.HasPrefix(name, backupTemp) && strings.HasSuffix(name, ".tmp"),
			strings.HasPrefix(name, ".steady-") && strings.HasSuffix(name, ".tmp"):
			// A backup in progress, or one being re-sealed or replaced
			// (.steady-YYYY-MM-DD.db.*.tmp).
			return fileBackupTemp
		}
		return fileOther
	case BackupDirName + "/" + futureBackupsDir:
		if futureFile.MatchString(name) {
			return fileBackup
		}
		return fileOther
	default:
		return fileOther
	}
	switch {
	case name == FileName:
		return fileJournal
	case name == FileName+"-wal" || name == FileName+"-shm" || name == FileName+"-journal":
		return fileCompanion
	case name == VaultName:
		return fileVault
	case name == LockName:
		return fileLock
	case name == rekeyName:
		return fileRekey
	case name == PrefsName:
		return filePrefs
	case saveTempName.MatchString(name),
		strings.HasPrefix(name, ".steady-") && strings.HasSuffix(name, ".tmp"):
		// A save, a restore, or an aside copy being sealed or unsealed
		// (.steady-damaged-….db.*.tmp) in progress.
		return fileSaveTemp
	case asideFile.MatchString(name):
		return fileAside
	}
	return fileOther
}

// steadyFile is one of Steady's files in a data folder.
type steadyFile struct {
	path string
	kind fileKind
}

// sealed reports whether the file holds a vault (an encrypted journal or
// backup) rather than plain bytes.
func (f steadyFile) sealed() bool { return isVaultFile(f.path) }

// steadyFiles lists Steady's files in the data folder dir (its backups
// folder and the future-dated backups in it included), regular files only.
func steadyFiles(dir string) ([]steadyFile, error) {
	var out []steadyFile
	for _, sub := range []string{"", BackupDirName, BackupDirName + "/" + futureBackupsDir} {
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(sub)))
		if errors.Is(err, os.ErrNotExist) && sub != "" {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if !e.Type().IsRegular() {
				continue
			}
			rel := e.Name()
			if sub != "" {
				rel = sub + "/" + rel
			}
			if k := classify(rel); k != fileOther {
				out = append(out, steadyFile{path: filepath.Join(dir, filepath.FromSlash(rel)), kind: k})
			}
		}
	}
	return out, nil
}

// isVaultFile reports whether the file at path starts like a vault.
func isVaultFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(vaultMagic))
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return string(head) == vaultMagic
}

// shred overwrites the file at path with zeros, syncs it and removes it. The
// zeros go into the file's own blocks, so the old bytes are gone from the
// disk as far as the file system allows (an SSD's wear levelling or a
// copy-on-write file system may still keep them: docs/privacy.md). A file
// that does not exist is fine.
func shred(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		// Cannot open it for writing (read-only file): still remove it.
		if rerr := os.Remove(path); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			return err
		}
		return nil
	}
	if err := overwrite(f); err != nil {
		f.Close()
		return err
	}
	f.Close()
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// overwrite writes zeros over the whole of f, from its start, and syncs it.
func overwrite(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	zero := make([]byte, 64<<10)
	for left := st.Size(); left > 0; {
		n := min(left, int64(len(zero)))
		if _, err := f.Write(zero[:n]); err != nil {
			return err
		}
		left -= n
	}
	return f.Sync()
}

// heldFiles opens the given files, where they exist, so that they can be
// overwritten after SQLite deleted them: closing a journal checkpoints its
// write-ahead log and unlinks it, which would otherwise leave the log's old
// bytes in free blocks that nothing overwrites (issue 13.5).
type heldFiles []*os.File

func holdFiles(paths ...string) heldFiles {
	var h heldFiles
	for _, p := range paths {
		if f, err := os.OpenFile(p, os.O_RDWR, 0); err == nil {
			h = append(h, f)
		}
	}
	return h
}

// shred overwrites every held file with zeros, closes it and removes its
// name if that still leads to it.
func (h heldFiles) shred() error {
	var first error
	for _, f := range h {
		if err := overwrite(f); err != nil && first == nil {
			first = err
		}
		held, herr := f.Stat()
		f.Close()
		// Remove the name only while it still leads to this file: a file
		// written over it (replaceFile) must stay.
		if now, err := os.Stat(f.Name()); herr != nil || err != nil || !os.SameFile(held, now) {
			continue
		}
		if err := os.Remove(f.Name()); err != nil && !errors.Is(err, os.ErrNotExist) && first == nil {
			first = err
		}
	}
	return first
}

// close closes the held files without changing them.
func (h heldFiles) close() {
	for _, f := range h {
		f.Close()
	}
}

// companions returns the paths of the files SQLite keeps beside the journal
// file at path.
func companions(path string) []string {
	out := make([]string, 0, len(journalSuffixes))
	for _, suf := range journalSuffixes {
		out = append(out, path+suf)
	}
	return out
}
