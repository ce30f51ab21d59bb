package data

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// fileState is what a test remembers of a file to tell whether it changed.
type fileState struct {
	sum   [32]byte
	size  int64
	mtime time.Time
	mode  fs.FileMode
}

// snapshot records every regular file directly in dir except the lock file
// (which Open may create, empty). It leaves the backups folder out.
func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || e.Name() == LockName {
			continue
		}
		p := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = fileState{sha256.Sum256(b), st.Size(), st.ModTime(), st.Mode()}
	}
	return out
}

func sameFiles(t *testing.T, what string, before, after map[string]fileState) {
	t.Helper()
	for name, b := range before {
		a, ok := after[name]
		switch {
		case !ok:
			t.Errorf("%s removed %s", what, name)
		case a != b:
			t.Errorf("%s changed %s: %+v → %+v", what, name, b, a)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s created %s", what, name)
		}
	}
}

// TestLockFileRefusesSecondDescriptor checks the platform lock itself: a
// second descriptor of the lock file, in the same process, cannot take it
// while the first holds it (flock locks belong to the open file
// description, not to the process), and can once it is given up.
func TestLockFileRefusesSecondDescriptor(t *testing.T) {
	p := filepath.Join(t.TempDir(), LockName)
	open := func() *os.File {
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	f1, f2 := open(), open()
	if err := lockFile(f1); err != nil {
		t.Fatalf("first lock: %v", err)
	}
	if err := lockFile(f2); !errors.Is(err, errWouldBlock) {
		t.Fatalf("second descriptor's lock = %v, want errWouldBlock", err)
	}
	if err := unlockFile(f1); err != nil {
		t.Fatal(err)
	}
	if err := lockFile(f2); err != nil {
		t.Fatalf("lock after the first was given up: %v", err)
	}
}

// TestSecondOpenInProcess opens the journal a second time in the same
// process, by several spellings of its folder: each fails at once with
// ErrLocked and leaves every file as it was; after Close it opens again.
func TestSecondOpenInProcess(t *testing.T) {
	s, dir := openTemp(t)
	if err := s.Add(&Entry{At: time.Now(), Mood: 3, Note: "first"}); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupError(); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link")
	noLink := ""
	if err := os.Symlink(dir, link); err != nil {
		if runtime.GOOS != "windows" {
			t.Fatal(err)
		}
		// Windows lets only administrators and developer mode make them.
		noLink = "no symbolic link here: " + err.Error()
	} else if _, err := os.Lstat(link); err != nil {
		// Wine 8's CreateSymbolicLinkW is a stub: it reports success and
		// makes nothing, so Open would make a new journal at the name.
		noLink = "os.Symlink reported success but made no link (Wine 8 has no symbolic links)"
	}
	before := snapshot(t, dir)
	tests := []struct {
		name string
		dir  string
	}{
		{"same path", dir},
		{"trailing slash", dir + string(filepath.Separator)},
		{"dot dot", filepath.Join(dir, "..", filepath.Base(dir)) + string(filepath.Separator) + "."},
		{"symbolic link", link},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.dir == link && noLink != "" {
				t.Skip(noLink)
			}
			s2, err := Open(tt.dir)
			if err == nil {
				s2.Close()
				t.Fatal("a second Open succeeded")
			}
			if !errors.Is(err, ErrLocked) {
				t.Fatalf("second Open = %v, want ErrLocked", err)
			}
			if _, err := SetAside(tt.dir); !errors.Is(err, ErrLocked) {
				t.Errorf("SetAside of an open journal = %v, want ErrLocked", err)
			}
			if _, err := RestoreBackup(tt.dir, "steady-"+time.Now().Format(dateLayout)+".db"); !errors.Is(err, ErrLocked) {
				t.Errorf("RestoreBackup over an open journal = %v, want ErrLocked", err)
			}
			sameFiles(t, "a refused Open", before, snapshot(t, dir))
		})
	}
	if err := s.Add(&Entry{At: time.Now(), Mood: 4, Note: "still mine"}); err != nil {
		t.Errorf("the first Store stopped working: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s3, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	defer s3.Close()
	if n, _ := s3.Count(); n != 2 {
		t.Errorf("%d entries, want 2", n)
	}
	// Closing the first Store again must not free the lock s3 holds.
	s.Close()
	if s4, err := Open(dir); !errors.Is(err, ErrLocked) {
		if err == nil {
			s4.Close()
		}
		t.Errorf("Open after a stale Close = %v, want ErrLocked", err)
	}
}

// startChild starts the harness in open mode, which holds the journal
// until its stdin is closed. wait waits for it to end and returns what it
// printed; acked is closed once it has acknowledged its entry.
func startChild(t *testing.T, dir string, extra ...string) (cmd *exec.Cmd, wait func() childOutput, acked <-chan struct{}) {
	t.Helper()
	cmd = exec.Command(harness(t), append([]string{"-mode", "open", "-dir", dir}, extra...)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ack := make(chan struct{})
	var once sync.Once
	got := make(chan childOutput, 1)
	go func() {
		got <- parseOutput(t, stdout, func(line string) {
			if strings.HasPrefix(line, "ack ") {
				once.Do(func() { close(ack) })
			}
		})
	}()
	var out *childOutput
	wait = func() childOutput {
		if out == nil {
			o := <-got
			out = &o
			cmd.Wait() //nolint:errcheck // the caller checks ProcessState
		}
		return *out
	}
	t.Cleanup(func() {
		stdin.Close()
		cmd.Process.Kill() //nolint:errcheck // it usually ended already
		wait()
	})
	return cmd, wait, ack
}

// TestTwoProcessesAtOnce starts several Steadys at the same instant on one
// folder, again and again: each time exactly one gets the journal, the
// others fail at once with ErrLocked, and no entry is lost.
func TestTwoProcessesAtOnce(t *testing.T) {
	bin := harness(t)
	dir := filepath.Join(t.TempDir(), "steady")
	const rounds, procs = 8, 3
	acked := map[int64]Entry{}
	for round := 0; round < rounds; round++ {
		at := time.Now().Add(300 * time.Millisecond).UnixNano()
		type child struct {
			cmd   *exec.Cmd
			stdin interface{ Close() error }
		}
		var kids []child
		outs := make([]childOutput, procs)
		ended := make(chan int, procs)
		for i := 0; i < procs; i++ {
			cmd := exec.Command(bin, "-mode", "open", "-dir", dir, "-at", strconv.FormatInt(at, 10))
			stdin, _ := cmd.StdinPipe()
			stdout, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			kids = append(kids, child{cmd, stdin})
			go func() {
				outs[i] = parseOutput(t, stdout)
				ended <- i
			}()
		}
		// The losers end by themselves; the winner waits for its stdin.
		// No deadline of our own: a child that never ends is caught by
		// go test's -timeout, which also prints where it stuck.
		for n := 0; n < procs-1; n++ {
			<-ended
		}
		winners := 0
		for _, c := range kids {
			c.stdin.Close()
		}
		<-ended
		for i, c := range kids {
			c.cmd.Wait() //nolint:errcheck // the exit status is checked below
			o := outs[i]
			code := c.cmd.ProcessState.ExitCode()
			switch {
			case o.opened:
				winners++
				if code != 0 || len(o.acks) != 1 {
					t.Errorf("round %d: the winner exited %d with %q", round, code, o.lines)
				}
				for _, e := range o.acks {
					acked[e.ID] = e
				}
			default:
				if code != 3 || !errors.Is(kindError(o.errs["open-error"]), ErrLocked) {
					t.Errorf("round %d: a loser exited %d with %q, want ErrLocked", round, code, o.lines)
				}
				f := strings.Fields(o.errs["open-error"])
				if us, _ := strconv.Atoi(f[min(1, len(f)-1)]); us > 500_000 {
					t.Errorf("round %d: refusing took %d µs, want at once", round, us)
				}
			}
		}
		if winners != 1 {
			t.Fatalf("round %d: %d processes got the journal, want exactly 1", round, winners)
		}
	}
	checkJournal(t, dir, acked)
	if len(acked) != rounds {
		t.Errorf("%d entries, want %d (one per round)", len(acked), rounds)
	}
}

// TestLockedOutProcessTouchesNothing holds the journal in this process and
// starts a second Steady on it: it fails with ErrLocked and every file in
// the folder stays exactly as it was.
func TestLockedOutProcessTouchesNothing(t *testing.T) {
	s, dir := openTemp(t)
	for i := 0; i < 20; i++ {
		if err := s.Add(&Entry{At: time.Now(), Mood: 2, Note: fmt.Sprint("entry ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.BackupError(); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	if _, ok := before[FileName+"-wal"]; !ok {
		t.Fatal("no write-ahead log: the test would not see it touched")
	}
	cmd, wait, _ := startChild(t, dir)
	out := wait()
	if code := cmd.ProcessState.ExitCode(); code != 3 || !errors.Is(kindError(out.errs["open-error"]), ErrLocked) {
		t.Fatalf("second process exited %d: %q, want ErrLocked", code, out.lines)
	}
	sameFiles(t, "a locked-out process", before, snapshot(t, dir))
}

// TestStaleLockAfterKill kills a Steady that holds the journal; the next one
// opens at once, with the entry the first acknowledged.
func TestStaleLockAfterKill(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	cmd, wait, acked := startChild(t, dir)
	<-acked // no deadline of our own: go test's -timeout catches a child that never writes
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	out := wait()
	if len(out.acks) != 1 {
		t.Fatalf("child printed %q", out.lines)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after the holder was killed: %v", err)
	}
	s.Close()
	checkJournal(t, dir, map[int64]Entry{out.acks[0].ID: out.acks[0]})
}
