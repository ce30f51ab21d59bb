//go:build unix

package main

import (
	"os/signal"
	"syscall"
)

// limitFileSize limits the size of the files this process writes
// (RLIMIT_FSIZE); past the limit, write(2) fails with EFBIG instead of the
// process being killed by SIGXFSZ.
func limitFileSize(n int64) error {
	signal.Ignore(syscall.SIGXFSZ)
	lim := syscall.Rlimit{Cur: uint64(n), Max: uint64(n)}
	return syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim)
}
