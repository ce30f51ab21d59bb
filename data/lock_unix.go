//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package data

import (
	"errors"
	"os"
	"syscall"
)

// errWouldBlock reports that another descriptor holds the lock.
var errWouldBlock = errors.New("lock is held")

// openLockFile opens (creating it owner-only) the lock file. On Unix an open
// file does not stop others from deleting or replacing the name, so the
// Store checks the name still leads to this file (dirLock.check) before it
// writes.
func openLockFile(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
}

// lockFile takes an exclusive flock on f without waiting. flock locks belong
// to the open file description, so a second open of the same file, even in
// this process, is refused; the kernel drops the lock when the process
// ends.
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return errWouldBlock
		}
		return &os.PathError{Op: "flock", Path: f.Name(), Err: err}
	}
}

// unlockFile gives up the lock on f.
func unlockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}

// errnoDiskFull reports a system error that means no space is left.
func errnoDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG)
}

// errnoReadOnly reports a system error that means the file or folder cannot
// be written.
func errnoReadOnly(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM)
}
