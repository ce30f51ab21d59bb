//go:build windows

package data

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

// errWouldBlock reports that another handle holds the lock.
var errWouldBlock = errors.New("lock is held")

var (
	kernel32         = syscall.NewLazyDLL("kernel32.dll")
	procLockFileEx   = kernel32.NewProc("LockFileEx")
	procUnlockFileEx = kernel32.NewProc("UnlockFileEx")
)

// Flags of LockFileEx and the Windows errors Steady tells apart.
const (
	lockfileFailImmediately = 0x1
	lockfileExclusiveLock   = 0x2

	errorAccessDenied   syscall.Errno = 5
	errorWriteProtect   syscall.Errno = 19
	errorLockViolation  syscall.Errno = 33
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
	errorDiskQuota      syscall.Errno = 1295
)

// openLockFile opens (creating it) the lock file without FILE_SHARE_DELETE:
// while Steady holds this handle, Windows refuses to delete, rename or
// replace the file, so another Steady cannot take a lock on a new file of
// the same name. dirLock.check still compares the file at the path with the
// handle (volume serial number and file index), as on Unix.
func openLockFile(name string) (*os.File, error) {
	p, err := syscall.UTF16PtrFromString(name)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE,
		syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE, nil, syscall.OPEN_ALWAYS,
		syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(h), name), nil
}

// lockFile takes an exclusive lock on the first byte of f without waiting.
// LockFileEx locks belong to the handle, so a second handle, even in this
// process, is refused; Windows drops the lock when the process ends.
func lockFile(f *os.File) error {
	var ol syscall.Overlapped
	r, _, err := procLockFileEx.Call(f.Fd(), lockfileExclusiveLock|lockfileFailImmediately, 0, 1, 0,
		uintptr(unsafe.Pointer(&ol)))
	if r != 0 {
		return nil
	}
	if errors.Is(err, errorLockViolation) {
		return errWouldBlock
	}
	return &os.PathError{Op: "LockFileEx", Path: f.Name(), Err: err}
}

// unlockFile gives up the lock on f.
func unlockFile(f *os.File) error {
	var ol syscall.Overlapped
	r, _, err := procUnlockFileEx.Call(f.Fd(), 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
	if r == 0 {
		return err
	}
	return nil
}

// errnoDiskFull reports a system error that means no space is left.
func errnoDiskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull) || errors.Is(err, errorDiskQuota)
}

// errnoReadOnly reports a system error that means the file or folder cannot
// be written.
func errnoReadOnly(err error) bool {
	return errors.Is(err, errorWriteProtect) || errors.Is(err, errorAccessDenied)
}
