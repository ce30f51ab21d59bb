//go:build !unix

package data

import (
	"os/exec"
	"testing"
)

// asNobody would run the harness as another user (uid 65534): there are no
// such users to switch to here, and the cases it serves are about Unix
// permission bits.
func asNobody(t *testing.T, _ ...string) *exec.Cmd {
	t.Helper()
	t.Skip("running the harness as another user (uid 65534) is Unix-only")
	return nil
}

// needFileSizeLimit skips: the harness's -fsize sets RLIMIT_FSIZE, a Unix
// resource limit with no Windows counterpart.
func needFileSizeLimit(t *testing.T) {
	t.Helper()
	t.Skip("the file size limit (RLIMIT_FSIZE) is Unix-only")
}
