package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/mattn/go-sqlite3"
)

// LockName is the lock file in the data directory. One running Steady holds
// an operating-system lock on it (flock on Unix, LockFileEx on Windows) for
// as long as its journal is open. The kernel drops the lock when the process
// ends, however it ends, so a crash never leaves a stale lock behind. The
// file itself is empty and stays.
const LockName = "steady.lock"

// Errors about the data directory, returned by Open, SetAside, RestoreBackup
// and Classify. Like the others, they are tested with errors.Is; the UI turns
// them into translated messages.
var (
	// ErrLocked reports that the journal is already open, in another Steady
	// or in this one. Nothing was read or changed.
	ErrLocked = errors.New("journal is already open in another Steady")
	// ErrReadOnly reports that the data directory or the journal cannot be
	// written: a read-only disk or folder, or missing permissions. Nothing
	// was changed.
	ErrReadOnly = errors.New("the journal or its folder cannot be written to")
	// ErrDiskFull reports that the disk (or the user's quota) is full. What
	// was already saved is intact; what was being saved was not.
	ErrDiskFull = errors.New("the disk is full")
	// ErrLockLost reports that the lock file this Steady held was deleted or
	// replaced while the journal was open (by a clean-up or sync tool, say),
	// so another Steady may have opened the same journal. The Store writes
	// nothing more: the change that got this error was not made (the UI keeps
	// it in its form); what was saved before is intact. Close the journal and
	// open it again to take the lock anew.
	ErrLockLost = errors.New("the journal's lock was lost: another Steady may have opened it")
)

// Classify returns err wrapped with ErrDiskFull or ErrReadOnly when it was
// caused by a full disk or a file system that cannot be written, so that
// errors.Is can test it; any other error, and nil, come back unchanged. Open
// classifies its errors already; the UI may use Classify on what Add, Update
// and the other writers return.
func Classify(err error) error {
	if err == nil || errors.Is(err, ErrDiskFull) || errors.Is(err, ErrReadOnly) {
		return err
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch {
		case se.Code == sqlite3.ErrFull || errnoDiskFull(se.SystemErrno):
			return fmt.Errorf("%w: %w", ErrDiskFull, err)
		case se.Code == sqlite3.ErrReadonly || errnoReadOnly(se.SystemErrno):
			return fmt.Errorf("%w: %w", ErrReadOnly, err)
		}
		return err
	}
	switch {
	case errnoDiskFull(err):
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	case errnoReadOnly(err):
		return fmt.Errorf("%w: %w", ErrReadOnly, err)
	}
	return err
}

// dirLock is one data directory locked by this process: the locked file,
// the Store that owns it once Open succeeds, and that Store's background
// backup.
type dirLock struct {
	key  string   // the directory's canonical path
	name string   // the lock file's path
	file *os.File // the locked file
	lost atomic.Bool

	reported atomic.Bool // OnSaveFailed heard of the loss

	// loose is the folder's permission bits before lockDir made it
	// owner-only, or 0 when it already was.
	loose fs.FileMode

	owner     *Store
	cancel    context.CancelFunc // stops the background backup; nil until it starts
	done      chan struct{}      // closed when the background backup ends
	backupErr error              // what the background backup returned
	stopped   bool               // the backup was stopped: it does not start any more
}

// locked is every data directory this process holds. flock and LockFileEx
// already refuse a second lock taken through a new descriptor in the same
// process; the set makes that refusal immediate and independent of the
// platform, and lets Close and RemoveBackups find a Store's backup.
var locked = struct {
	sync.Mutex
	dirs map[string]*dirLock
}{dirs: map[string]*dirLock{}}

// lockKey is the canonical name of a directory, so that two spellings of
// the same folder (a trailing slash, "..", a symbolic link) are one key.
func lockKey(dir string) string {
	p, err := filepath.Abs(dir)
	if err != nil {
		p = filepath.Clean(dir)
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	return p
}

// lockDir takes the single-instance lock of dir, which must exist. It fails
// at once, with ErrLocked, when the journal is open in this process or in
// another one; it never waits. It then checks that the journal and its
// companion files, where they exist, can be written (SQLite would otherwise
// open them read-only and fail only when the user saves), and fails with
// ErrReadOnly when they cannot.
func lockDir(dir string) (*dirLock, error) {
	key := lockKey(dir)
	locked.Lock()
	defer locked.Unlock()
	if _, ok := locked.dirs[key]; ok {
		return nil, fmt.Errorf("lock %s: %w", dir, ErrLocked)
	}
	loose, err := tightenDir(dir)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, Classify(err))
	}
	name := filepath.Join(dir, LockName)
	f, err := openLockFile(name)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, Classify(err))
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, fmt.Errorf("lock %s: %w", dir, ErrLocked)
		}
		return nil, fmt.Errorf("lock %s: %w", dir, Classify(err))
	}
	l := &dirLock{key: key, name: name, file: f, loose: loose}
	// Between the open and the lock, another Steady may have replaced the
	// file: then this lock guards nothing.
	if err := l.check(); err != nil {
		unlockFile(f) //nolint:errcheck // closing the file drops the lock anyway
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", dir, ErrLocked)
	}
	if err := checkWritable(dir); err != nil {
		unlockFile(f) //nolint:errcheck // closing the file drops the lock anyway
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	locked.dirs[key] = l
	return l, nil
}

// check reports ErrLockLost when the file at the lock's path is no longer
// the file this process locked: it was deleted, or replaced by another (a
// second Steady would then lock that one and open the journal). Once lost,
// a lock stays lost. It may be called on nil (no lock: nothing to check).
func (l *dirLock) check() error {
	if l == nil {
		return nil
	}
	if l.lost.Load() {
		return ErrLockLost
	}
	if sameLockFile(l.file, l.name) {
		return nil
	}
	l.lost.Store(true)
	return ErrLockLost
}

// firstReport reports whether the loss of the lock has not been reported
// to OnSaveFailed yet, and marks it reported. It may be called on nil.
func (l *dirLock) firstReport() bool {
	return l != nil && l.reported.CompareAndSwap(false, true)
}

// sameLockFile reports whether the file at name is the open file f.
func sameLockFile(f *os.File, name string) bool {
	held, err := f.Stat()
	if err != nil {
		return false
	}
	now, err := os.Stat(name)
	if err != nil {
		return false
	}
	return os.SameFile(held, now)
}

// checkWritable opens the journal and its companion files for writing, and
// closes them again, without changing them.
func checkWritable(dir string) error {
	for _, suf := range append([]string{""}, journalSuffixes...) {
		f, err := os.OpenFile(filepath.Join(dir, FileName+suf), os.O_RDWR, 0)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return Classify(err)
		}
		f.Close()
	}
	return nil
}

// release stops the background backup, if any, and gives the lock up. It
// may be called on nil and more than once.
func (l *dirLock) release() {
	if l == nil {
		return
	}
	l.stopBackup()
	locked.Lock()
	defer locked.Unlock()
	if locked.dirs[l.key] != l {
		return
	}
	delete(locked.dirs, l.key)
	unlockFile(l.file) //nolint:errcheck // closing the file drops the lock anyway
	l.file.Close()
}

// own makes s the owner of the lock and starts the first-start-of-the-day
// backup in the background, so that opening never waits for it.
func (l *dirLock) own(s *Store) {
	l.adopt(s)
	l.startBackup()
}

// adopt makes s the owner of the lock, leaving the day's backup for
// startBackup (OpenDeferred).
func (l *dirLock) adopt(s *Store) {
	locked.Lock()
	l.owner = s
	locked.Unlock()
	s.db.lock = l
}

// startBackup starts the first-start-of-the-day backup in the background,
// unless it has already started or the lock's backup was stopped (Close,
// RemoveBackups). It may be called on nil (a closed Store has no lock).
func (l *dirLock) startBackup() {
	if l == nil {
		return
	}
	locked.Lock()
	s := l.owner
	idle := l.cancel == nil && !l.stopped && s != nil
	locked.Unlock()
	if !idle {
		return
	}
	// Read the Store now, outside the set's lock: its fields may change
	// while the backup runs.
	dir, snapshot, now := s.dir, s.snapshotter(), s.now()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	locked.Lock()
	if l.cancel != nil || l.stopped { // started or stopped meanwhile
		locked.Unlock()
		cancel()
		return
	}
	l.cancel, l.done = cancel, done
	locked.Unlock()
	go func() {
		defer close(done)
		err := backupIfDue(ctx, dir, snapshot, now)
		if ctx.Err() != nil {
			err = nil // stopped by Close or RemoveBackups: nothing to report
		}
		locked.Lock()
		l.backupErr = err
		locked.Unlock()
	}()
}

// stopBackup cancels the background backup and waits for it to end; a
// backup that has not started yet never will. It may be called on nil.
func (l *dirLock) stopBackup() {
	if l == nil {
		return
	}
	locked.Lock()
	l.stopped = true
	cancel, done := l.cancel, l.done
	locked.Unlock()
	if cancel == nil {
		return
	}
	cancel()
	<-done
}

// lockOf returns the lock s holds, or nil when s is closed.
func lockOf(s *Store) *dirLock {
	locked.Lock()
	defer locked.Unlock()
	for _, l := range locked.dirs {
		if l.owner == s {
			return l
		}
	}
	return nil
}

// lockIn returns the lock this process holds on dir, or nil.
func lockIn(dir string) *dirLock {
	key := lockKey(dir)
	locked.Lock()
	defer locked.Unlock()
	return locked.dirs[key]
}

// BackupError waits for the backup Open (or StartBackground) started in
// the background and returns its error: nil when it succeeded, none was due
// or none has started. The UI may show it; the journal works either way.
func (s *Store) BackupError() error {
	l := lockOf(s)
	if l == nil {
		return nil
	}
	locked.Lock()
	done := l.done
	locked.Unlock()
	if done != nil {
		<-done
	}
	locked.Lock()
	defer locked.Unlock()
	return l.backupErr
}

// LooseFolder reports whether the data folder was readable or writable by
// others when the journal was opened, and its permission bits then. Steady
// made it owner-only (0700) at once; the UI may say so. Always false on
// Windows, where the folder's access is inherited from the user's profile.
func (s *Store) LooseFolder() (fs.FileMode, bool) {
	l := s.db.lock
	if l == nil || l.loose == 0 {
		return 0, false
	}
	return l.loose, true
}
