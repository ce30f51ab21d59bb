package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Backups are whole copies of the journal, one a day, made on the first
// start of each day and kept in <data dir>/backups (owner-only), the newest
// KeepBackups only.
const (
	BackupDirName = "backups"
	KeepBackups   = 7
)

// backupName matches a backup's file name: steady-YYYY-MM-DD.db.
var backupName = regexp.MustCompile(`^steady-(\d{4}-\d{2}-\d{2})\.db$`)

// backupTemp starts the name of a backup being written.
const backupTemp = ".steady-backup-"

// BackupInfo describes one backup.
type BackupInfo struct {
	Name string    // the file name in the backups folder, e.g. steady-2026-11-25.db
	Time time.Time // when it was written
	Size int64     // in bytes
}

// BackupDir returns the folder that holds the backups of the journal in dir.
func BackupDir(dir string) string { return filepath.Join(dir, BackupDirName) }

// BackupIfDue makes today's backup (the date of now, in now's zone) unless
// there already is one, then removes all but the newest KeepBackups. The
// copy of a plain journal is a consistent snapshot made with VACUUM INTO;
// that of an encrypted journal is a copy of its encrypted file, saved first
// (never a plaintext image). It is written beside its final name, synced
// and renamed into place, so a crash leaves either no backup for today or a
// whole one. Open starts it in the background; adding check-ins while it
// runs is fine.
func (s *Store) BackupIfDue(now time.Time) error {
	if s.Encrypted() {
		if err := s.waitSaved(); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
	}
	return backupIfDue(context.Background(), s.dir, s.snapshotter(), now)
}

// snapshotter returns how to copy the journal as it is on disk: VACUUM INTO
// for a plain journal, a copy of the encrypted file for an encrypted one. It
// reads the Store's fields now, so that the copy can run in the background
// while they change.
func (s *Store) snapshotter() func(ctx context.Context, path string) error {
	if s.Encrypted() {
		vault := vaultPath(s.dir)
		return func(ctx context.Context, path string) error { return copyFile(path, vault) }
	}
	db, check := s.db.handle(), s.check
	return func(ctx context.Context, path string) error {
		// A journal Open's check finds damaged is not backed up: the copy
		// would push a sound backup out.
		if err := check.wait(); err != nil {
			return err
		}
		return vacuumInto(ctx, db, path)
	}
}

// backingUp lets one backup of this process run at a time. A second one
// (BackupIfDue while the background backup of Open runs) would otherwise
// take the first one's temporary file for one a crash left behind and
// delete it under it.
var backingUp sync.Mutex

// backupIfDue makes today's backup of the journal in dir with snapshot.
func backupIfDue(ctx context.Context, dir string, snapshot func(ctx context.Context, path string) error, now time.Time) error {
	backingUp.Lock()
	defer backingUp.Unlock()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	bdir := BackupDir(dir)
	if err := os.MkdirAll(bdir, 0o700); err != nil {
		return fmt.Errorf("backup: %w", Classify(err))
	}
	if err := os.Chmod(bdir, 0o700); err != nil {
		return fmt.Errorf("backup: %w", Classify(err))
	}
	removeStaleTemps(bdir)
	final := filepath.Join(bdir, "steady-"+now.Format(dateLayout)+".db")
	if _, err := os.Lstat(final); err == nil {
		return pruneBackups(bdir, now)
	}
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	tmp := filepath.Join(bdir, backupTemp+hex.EncodeToString(rnd[:])+".tmp")
	if err := snapshot(ctx, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup: %w", Classify(err))
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup: %w", Classify(err))
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup: %w", Classify(err))
	}
	syncDir(bdir)
	return pruneBackups(bdir, now)
}

// vacuumInto writes a compact, consistent copy of the journal open as db to
// path, which must not exist, readable by the owner only.
func vacuumInto(ctx context.Context, db *sql.DB, path string) error {
	// SQLite creates the file with the process umask; make it owner-only
	// before anything is written into it (the folder is owner-only too).
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return err
	}
	return os.Chmod(path, 0o600)
}

// syncFile flushes the file at path to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// removeStaleTemps deletes backups a crash interrupted.
func removeStaleTemps(bdir string) {
	names, _ := filepath.Glob(filepath.Join(bdir, backupTemp+"*.tmp"))
	for _, n := range names {
		os.Remove(n)
	}
}

// futureBackupsDir is the folder inside the backups folder where backups
// dated after today are kept aside.
const futureBackupsDir = "future-dated"

// backupLog reports what pruning did that the user may want to know.
var backupLog = log.Printf

// pruneBackups removes all but the newest KeepBackups backups, as of now.
// A backup dated after now's date was made while the clock was ahead: it is
// not counted, or the backups made once the clock is right again would be
// the ones removed, every day. It is moved into futureBackupsDir instead,
// never deleted, and logged. Today's backup is therefore always the newest
// and always kept.
func pruneBackups(bdir string, now time.Time) error {
	list, err := Backups(filepath.Dir(bdir))
	if err != nil {
		return err
	}
	today := now.Format(dateLayout)
	current := list[:0]
	for _, b := range list {
		if date := backupName.FindStringSubmatch(b.Name)[1]; date > today {
			kept, err := keepFutureAside(bdir, b.Name)
			if err != nil {
				return fmt.Errorf("backup: keep a future-dated backup aside: %w", Classify(err))
			}
			backupLog("steady: backup %s is dated after today (%s): the clock was ahead when it was made; kept aside as %s",
				b.Name, today, kept)
			continue
		}
		current = append(current, b)
	}
	for _, b := range current[min(len(current), KeepBackups):] {
		if err := os.Remove(filepath.Join(bdir, b.Name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("backup: remove old backup: %w", err)
		}
	}
	return nil
}

// keepFutureAside moves the backup called name into futureBackupsDir
// (owner-only), under its own name or, if that is taken, with -2, -3…
// before .db; nothing there is overwritten. It returns the new path.
func keepFutureAside(bdir, name string) (string, error) {
	fdir := filepath.Join(bdir, futureBackupsDir)
	if err := os.MkdirAll(fdir, 0o700); err != nil {
		return "", err
	}
	base := strings.TrimSuffix(name, ".db")
	for n := 1; ; n++ {
		dst := filepath.Join(fdir, name)
		if n > 1 {
			dst = filepath.Join(fdir, base+"-"+strconv.Itoa(n)+".db")
		}
		if _, err := os.Lstat(dst); !errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err := os.Rename(filepath.Join(bdir, name), dst); err != nil {
			return "", err
		}
		syncDir(fdir)
		syncDir(bdir)
		return dst, nil
	}
}

// Backups lists the backups of the journal in dir, newest first. A missing
// backups folder means none.
func Backups(dir string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(BackupDir(dir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	var out []BackupInfo
	for _, e := range entries {
		if !e.Type().IsRegular() || !backupName.MatchString(e.Name()) {
			continue
		}
		if _, err := time.Parse(dateLayout, backupName.FindStringSubmatch(e.Name())[1]); err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		out = append(out, BackupInfo{Name: e.Name(), Time: info.ModTime(), Size: info.Size()})
	}
	// The date in the name orders them, whatever the clock said.
	slices.SortFunc(out, func(a, b BackupInfo) int { return strings.Compare(b.Name, a.Name) })
	return out, nil
}

// RestoreBackup replaces the journal in dir with the backup called name
// (as listed by Backups) and returns where the journal it replaced was kept
// (steady-before-restore-YYYYMMDD-HHMMSS.db beside it; "" when there was
// none). The journal must be closed: if it is open, in this process or
// another, RestoreBackup fails with ErrLocked. The backup is copied beside
// the journal, synced and checked as Open checks a journal, with SQLite's
// full integrity check (a damaged backup gives ErrDamaged, someone else's
// file ErrForeign, one from a newer Steady ErrNewerSchema) before anything
// is moved; the backup itself is only read, and the old journal is renamed,
// never deleted.
func RestoreBackup(dir, name string) (string, error) {
	if !backupName.MatchString(name) {
		return "", fmt.Errorf("restore backup %q: %w", name, os.ErrNotExist)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return "", fmt.Errorf("restore backup: %w", err)
	}
	defer lock.release()
	src := filepath.Join(BackupDir(dir), name)
	if _, err := os.Lstat(src); err != nil {
		return "", fmt.Errorf("restore backup %s: %w", name, err)
	}
	journal := filepath.Join(dir, FileName)
	staged := filepath.Join(dir, "."+FileName+".restore.tmp")
	os.Remove(staged)
	if err := copyFile(staged, src); err != nil {
		os.Remove(staged)
		return "", fmt.Errorf("restore backup %s: %w", name, Classify(err))
	}
	// Check the copy, which is what will become the journal: the backup
	// itself is only read.
	if err := checkBackup(staged); err != nil {
		os.Remove(staged)
		return "", fmt.Errorf("restore backup %s: %w", name, err)
	}
	kept := ""
	if _, err := os.Lstat(journal); err == nil {
		if kept, err = setAside(dir, replacedPrefix, time.Now()); err != nil {
			os.Remove(staged)
			return "", fmt.Errorf("restore backup %s: keep the current journal: %w", name, err)
		}
	}
	if err := os.Rename(staged, journal); err != nil {
		return kept, fmt.Errorf("restore backup %s: %w", name, Classify(err))
	}
	syncDir(dir)
	return kept, nil
}

// checkBackup checks, reading only, that the backup at path is a sound
// Steady journal this Steady can open: the checks Open makes (check.go),
// with SQLite's full integrity check. An empty file is no backup.
func checkBackup(path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() || st.Size() == 0 {
		return damaged(fmt.Errorf("%s: empty or not a file", filepath.Base(path)))
	}
	_, err = inspectFile(context.Background(), path, checkFull)
	return err
}

// copyFile copies src to a new owner-only file dst and syncs it.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// RemoveBackups deletes every backup of the journal in dir, and the backups
// folder, for "Delete all my data". A backup being made in the background
// is stopped first. Each file is overwritten with zeros before it is
// removed, as far as the file system allows.
func RemoveBackups(dir string) error {
	lockIn(dir).stopBackup()
	bdir := BackupDir(dir)
	entries, err := os.ReadDir(bdir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("remove backups: %w", err)
	}
	for _, e := range entries {
		p := filepath.Join(bdir, e.Name())
		// Backups kept aside (futureBackupsDir) are in a folder: zero
		// every file under it too.
		filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error { //nolint:errcheck // best effort; RemoveAll reports
			if err == nil && d.Type().IsRegular() {
				zeroFile(q)
			}
			return nil
		})
		if err := os.RemoveAll(p); err != nil {
			return fmt.Errorf("remove backups: %w", err)
		}
	}
	if err := os.Remove(bdir); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove backups: %w", err)
	}
	syncDir(dir)
	return nil
}

// zeroFile overwrites a file's bytes with zeros and syncs it, best effort.
func zeroFile(p string) {
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return
	}
	zero := make([]byte, 64<<10)
	for left := st.Size(); left > 0; {
		n := min(left, int64(len(zero)))
		if _, err := f.Write(zero[:n]); err != nil {
			return
		}
		left -= n
	}
	f.Sync() //nolint:errcheck // best effort
}
