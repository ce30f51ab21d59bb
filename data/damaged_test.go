package data

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// childOpen runs the harness's open mode as cmd describes (stdin closed: if
// it opens the journal it adds one check-in and quits) and returns Open's
// error as the child saw it, or nil.
func childOpen(t *testing.T, cmd *exec.Cmd) error {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if cmd.ProcessState == nil { // it never started (say, a user who cannot reach the harness)
		t.Fatalf("the child did not start: %v\n%s", err, stderr.String())
	}
	out := parseOutput(t, &stdout)
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("the child crashed: %v\n%s%s", ws.Signal(), stdout.String(), stderr.String())
	}
	if line, ok := out.errs["open-error"]; ok {
		if !strings.Contains(stderr.String(), "steady: ") {
			t.Errorf("the child did not explain itself on stderr: %q", stderr.String())
		}
		return kindError(line)
	}
	if err != nil || !out.opened {
		t.Fatalf("child: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	return nil
}

// mountNamespace skips the test unless this process may make a private
// mount namespace with unshare(1) (root, or CAP_SYS_ADMIN).
var mountNamespace = sync.OnceValue(func() error {
	if _, err := exec.LookPath("unshare"); err != nil {
		return err
	}
	out, err := exec.Command("unshare", "-m", "--propagation", "private", "true").CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v: %s", err, out)
	}
	return nil
})

func needMountNamespace(t *testing.T) {
	t.Helper()
	if err := mountNamespace(); err != nil {
		t.Skip("cannot make a mount namespace (needs root or CAP_SYS_ADMIN and util-linux's unshare):", err)
	}
}

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root, to run the child as another user")
	}
}

// inNamespace runs a shell script in a private mount namespace; the script
// gets the harness as $BIN and the arguments as $1….
func inNamespace(t *testing.T, script string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command("unshare", append([]string{"-m", "--propagation", "private", "sh", "-ec", script, "sh"}, args...)...)
	cmd.Env = append(os.Environ(), "BIN="+harness(t))
	return cmd
}

// worldDir returns a new folder every user can reach (t.TempDir is
// owner-only), removed after the test.
func worldDir(t *testing.T) string {
	t.Helper()
	d, err := os.MkdirTemp("", "steady-world-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	if err := os.Chmod(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

// asideName matches what SetAside names a journal.
var asideName = regexp.MustCompile(`^steady-damaged-\d{8}-\d{6}(-\d+)?\.db$`)

// TestOpenRefusesWhatItCannotUse covers every way the journal can be
// unusable at start: Open returns the typed error the UI explains, never
// changes, deletes or overwrites the user's files, and never crashes; where
// the folder can be written, SetAside then keeps the file, byte for byte,
// and a new journal opens.
func TestOpenRefusesWhatItCannotUse(t *testing.T) {
	inProcess := func(t *testing.T, dir string) error {
		s, err := Open(dir)
		if err == nil {
			s.Close()
		}
		return err
	}
	tests := []struct {
		name     string
		world    bool // the data folder must be reachable by uid 65534
		setup    func(t *testing.T, dir string)
		open     func(t *testing.T, dir string) error
		want     error
		setAside bool // SetAside must then work here
	}{
		{name: "truncated inside the header", setup: func(t *testing.T, dir string) {
			makeJournal(t, dir, 30)
			p := filepath.Join(dir, FileName)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:60], 0o600)
		}, open: inProcess, want: ErrNotJournal, setAside: true},
		{name: "random bytes", setup: func(t *testing.T, dir string) {
			os.MkdirAll(dir, 0o700)
			b := make([]byte, 20000)
			r := rand.New(rand.NewPCG(1, 2))
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			os.WriteFile(filepath.Join(dir, FileName), b, 0o600)
		}, open: inProcess, want: ErrNotJournal, setAside: true},
		{name: "SQLite header then garbage", setup: func(t *testing.T, dir string) {
			os.MkdirAll(dir, 0o700)
			b := append([]byte(sqliteHeader), bytes.Repeat([]byte{0xA5, 0x5A, 0x00, 0xFF}, 3000)...)
			os.WriteFile(filepath.Join(dir, FileName), b, 0o600)
		}, open: inProcess, want: ErrNotJournal, setAside: true},
		{name: "first page zeroed", setup: func(t *testing.T, dir string) {
			makeJournal(t, dir, 30)
			p := filepath.Join(dir, FileName)
			b, _ := os.ReadFile(p)
			copy(b, make([]byte, 4096))
			os.WriteFile(p, b, 0o600)
		}, open: inProcess, want: ErrNotJournal, setAside: true},
		{name: "newer schema", setup: func(t *testing.T, dir string) {
			makeJournal(t, dir, 3)
			s, _ := Open(dir)
			s.db.Exec("PRAGMA user_version = 999")
			s.Close()
		}, open: inProcess, want: ErrNewerSchema, setAside: true},
		{name: "read-only mount", setup: func(t *testing.T, dir string) {
			needMountNamespace(t)
			makeJournal(t, dir, 3)
		}, open: func(t *testing.T, dir string) error {
			return childOpen(t, inNamespace(t, `mount --bind "$1" "$1"; mount -o remount,bind,ro "$1"; exec "$BIN" -mode open -dir "$1"`, dir))
		}, want: ErrReadOnly},
		{name: "read-only mount, no lock file yet", setup: func(t *testing.T, dir string) {
			needMountNamespace(t)
			makeJournal(t, dir, 3)
			os.Remove(filepath.Join(dir, LockName))
		}, open: func(t *testing.T, dir string) error {
			return childOpen(t, inNamespace(t, `mount --bind "$1" "$1"; mount -o remount,bind,ro "$1"; exec "$BIN" -mode open -dir "$1"`, dir))
		}, want: ErrReadOnly},
		{name: "folder not writable by the user", world: true, setup: func(t *testing.T, dir string) {
			needRoot(t)
			makeJournal(t, dir, 3)
			for _, n := range []string{FileName, LockName} {
				os.Chmod(filepath.Join(dir, n), 0o644)
			}
			os.Chmod(dir, 0o555)
		}, open: func(t *testing.T, dir string) error {
			return childOpen(t, asNobody(t, "-mode", "open", "-dir", dir))
		}, want: ErrReadOnly},
		{name: "journal not writable by the user", world: true, setup: func(t *testing.T, dir string) {
			needRoot(t)
			makeJournal(t, dir, 3)
			os.Chmod(filepath.Join(dir, FileName), 0o644) // root's, read-only to others
			os.Remove(filepath.Join(dir, LockName))
			os.Chown(dir, 65534, 65534) // the folder is the user's
		}, open: func(t *testing.T, dir string) error {
			return childOpen(t, asNobody(t, "-mode", "open", "-dir", dir))
		}, want: ErrReadOnly},
		{name: "new journal on a full disk", setup: func(t *testing.T, dir string) {
			needMountNamespace(t)
			os.MkdirAll(dir, 0o700)
		}, open: func(t *testing.T, dir string) error {
			return childOpen(t, inNamespace(t, `mount -t tmpfs -o size=256k tmpfs "$1"
				dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true
				exec "$BIN" -mode open -dir "$1/steady"`, dir))
		}, want: ErrDiskFull},
		{name: "new journal past the file size limit", setup: func(t *testing.T, dir string) {}, open: func(t *testing.T, dir string) error {
			needFileSizeLimit(t)
			return childOpen(t, exec.Command(harness(t), "-mode", "open", "-fsize", "1000", "-dir", dir))
		}, want: ErrDiskFull},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			if tt.world {
				base = worldDir(t)
			}
			dir := filepath.Join(base, "steady")
			tt.setup(t, dir)
			var before map[string]fileState
			if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
				before = snapshot(t, dir)
			}
			err := tt.open(t, dir)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open = %v, want %v", err, tt.want)
			}
			if before == nil {
				return
			}
			os.Chmod(dir, 0o700)
			sameFiles(t, "a refused Open", before, snapshot(t, dir))
			if !tt.setAside {
				return
			}
			kept, err := SetAside(dir)
			if err != nil {
				t.Fatalf("SetAside: %v", err)
			}
			if filepath.Dir(kept) != dir || !asideName.MatchString(filepath.Base(kept)) {
				t.Errorf("kept at %s", kept)
			}
			moved := snapshot(t, dir)
			if moved[filepath.Base(kept)] != before[FileName] {
				t.Errorf("the file kept aside is not the user's file, byte for byte")
			}
			if _, ok := moved[FileName]; ok {
				t.Errorf("%s still there after SetAside", FileName)
			}
			s, err := Open(dir)
			if err != nil {
				t.Fatalf("a new journal does not open after SetAside: %v", err)
			}
			defer s.Close()
			if n, err := s.Count(); n != 0 || err != nil {
				t.Errorf("new journal: %d entries, %v", n, err)
			}
			if _, err := os.Stat(kept); err != nil {
				t.Errorf("the kept file went away: %v", err)
			}
		})
	}
}

// TestTruncatedJournalFailsSafely cuts a journal's body short (its header
// intact). Open may still succeed, since it reads only the header; reading
// must then fail with an error, never a crash, and SetAside keeps the file.
func TestTruncatedJournalFailsSafely(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	makeJournal(t, dir, 200)
	p := filepath.Join(dir, FileName)
	b, _ := os.ReadFile(p)
	os.WriteFile(p, b[:len(b)/3], 0o600)
	s, err := Open(dir)
	if err != nil {
		if !errors.Is(err, ErrNotJournal) {
			t.Fatalf("Open = %v, want ErrNotJournal or success", err)
		}
	} else {
		_, _, perr := s.Page(Filter{}, Cursor{}, 1000)
		var check string
		s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check) //nolint:errcheck // either the scan fails or check is not ok
		s.Close()
		if perr == nil && check == "ok" {
			t.Fatal("a truncated journal reads as sound")
		}
		t.Logf("Open succeeded; reading failed: %v; integrity_check: %.60q", perr, check)
	}
	kept, err := SetAside(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(kept); !bytes.Equal(got, b[:len(b)/3]) {
		t.Error("the kept file differs from the truncated journal")
	}
}

// TestDiskFullWhileWriting fills the disk under a running Steady: the save
// that does not fit fails with an error Classify calls ErrDiskFull, the
// process does not crash, and every check-in saved before is intact.
func TestDiskFullWhileWriting(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T, dir string) *exec.Cmd
		// where the journal is afterwards, for the check
		after func(dir string) string
	}{
		{"tmpfs", func(t *testing.T, dir string) *exec.Cmd {
			needMountNamespace(t)
			os.MkdirAll(filepath.Join(dir, "mnt"), 0o700)
			return inNamespace(t, `mount -t tmpfs -o size=1m tmpfs "$1/mnt"
				rc=0; "$BIN" -mode fill -dir "$1/mnt/steady" || rc=$?
				cp -a "$1/mnt/steady" "$1/copy"; exit $rc`, dir)
		}, func(dir string) string { return filepath.Join(dir, "copy") }},
		{"file size limit", func(t *testing.T, dir string) *exec.Cmd {
			needFileSizeLimit(t)
			return exec.Command(harness(t), "-mode", "fill", "-fsize", "300000", "-dir", filepath.Join(dir, "steady"))
		}, func(dir string) string { return filepath.Join(dir, "steady") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cmd := tt.run(t, dir)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				t.Fatalf("Steady crashed: %v\n%s", ws.Signal(), stderr.String())
			}
			out := parseOutput(t, &stdout)
			if err != nil {
				t.Fatalf("child: %v\n%q\n%s", err, out.lines, stderr.String())
			}
			if !errors.Is(kindError(out.errs["add-error"]), ErrDiskFull) {
				t.Fatalf("last save failed with %q, want ErrDiskFull", out.errs["add-error"])
			}
			if len(out.acks) == 0 {
				t.Fatal("nothing was saved before the disk filled")
			}
			acked := map[int64]Entry{}
			for _, e := range out.acks {
				acked[e.ID] = e
			}
			checkJournal(t, tt.after(dir), acked)
		})
	}
}

// TestSetAside checks the names SetAside chooses and that the write-ahead
// log travels with its journal.
func TestSetAside(t *testing.T) {
	stamp := time.Date(2026, 11, 25, 9, 8, 7, 0, time.Local)
	t.Run("log and index move with the journal", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "steady")
		// A writer killed mid-way leaves steady.db-wal holding saved
		// entries that the main file does not have yet.
		cmd := exec.Command(harness(t), "-mode", "write", "-dir", dir)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it once it has acknowledged a few check-ins (they are then
		// in the log), whatever the machine's speed.
		acks, killed := 0, false
		got := make(chan childOutput, 1)
		go func() {
			got <- parseOutput(t, stdout, func(line string) {
				if strings.HasPrefix(line, "ack ") {
					acks++
				}
				if acks >= 5 && !killed {
					killed = true
					cmd.Process.Kill() //nolint:errcheck // checked by Wait
				}
			})
		}()
		out := <-got
		cmd.Wait() //nolint:errcheck // killed on purpose
		if _, err := os.Stat(filepath.Join(dir, FileName+"-wal")); err != nil || len(out.acks) == 0 {
			t.Fatalf("no log to move (%v) or no entries (%d)", err, len(out.acks))
		}
		kept, err := SetAside(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, suf := range []string{"", "-wal", "-shm"} {
			if _, err := os.Stat(filepath.Join(dir, FileName+suf)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s%s left behind: %v", FileName, suf, err)
			}
		}
		// Put the kept set in a folder of its own as steady.db: every
		// acknowledged entry is in it.
		other := filepath.Join(t.TempDir(), "steady")
		os.MkdirAll(other, 0o700)
		for _, suf := range []string{"", "-wal", "-shm"} {
			if err := os.Rename(kept+suf, filepath.Join(other, FileName+suf)); err != nil {
				t.Fatal(err)
			}
		}
		acked := map[int64]Entry{}
		for _, e := range out.acks {
			acked[e.ID] = e
		}
		checkJournal(t, other, acked)
	})
	t.Run("a taken name is never overwritten", func(t *testing.T) {
		dir := t.TempDir()
		base := filepath.Join(dir, "steady-damaged-20261125-090807")
		for _, p := range []string{base + ".db", base + "-2.db-wal"} {
			os.WriteFile(p, []byte("earlier"), 0o600)
		}
		os.WriteFile(filepath.Join(dir, FileName), []byte("now"), 0o600)
		kept, err := setAside(dir, damagedPrefix, stamp)
		if err != nil {
			t.Fatal(err)
		}
		if want := base + "-3.db"; kept != want {
			t.Errorf("kept at %s, want %s", kept, want)
		}
		for _, p := range []string{base + ".db", base + "-2.db-wal"} {
			if b, _ := os.ReadFile(p); string(b) != "earlier" {
				t.Errorf("%s overwritten", p)
			}
		}
	})
	t.Run("nothing to set aside", func(t *testing.T) {
		if _, err := SetAside(t.TempDir()); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("SetAside of an empty folder = %v, want ErrNotExist", err)
		}
	})
}
