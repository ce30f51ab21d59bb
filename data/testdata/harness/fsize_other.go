//go:build !unix

package main

import "errors"

// limitFileSize is not available here: there is no RLIMIT_FSIZE.
func limitFileSize(int64) error {
	return errors.New("-fsize needs RLIMIT_FSIZE (Unix only)")
}
