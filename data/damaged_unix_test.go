//go:build unix

package data

import (
	"os/exec"
	"syscall"
	"testing"
)

// asNobody runs the harness as uid/gid 65534.
func asNobody(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(harness(t), args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	return cmd
}

// needFileSizeLimit is a no-op here: the harness's -fsize sets RLIMIT_FSIZE.
func needFileSizeLimit(t *testing.T) { t.Helper() }
