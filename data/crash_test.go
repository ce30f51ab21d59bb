package data

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The harness (testdata/harness) is built once per test binary, into a
// folder TestMain removes.
var (
	harnessOnce sync.Once
	harnessDir  string
	harnessBin  string
	harnessErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if harnessDir != "" {
		os.RemoveAll(harnessDir)
	}
	os.Exit(code)
}

// harness returns the path of the built harness. The folder is readable by
// everyone, so that a test can run it as another user.
func harness(t *testing.T) string {
	t.Helper()
	harnessOnce.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			harnessErr = err
			return
		}
		if harnessDir, harnessErr = os.MkdirTemp("", "steady-harness-"); harnessErr != nil {
			return
		}
		if harnessErr = os.Chmod(harnessDir, 0o755); harnessErr != nil {
			return
		}
		harnessBin = filepath.Join(harnessDir, "harness")
		out, err := exec.Command(goTool, "build", "-o", harnessBin, "./testdata/harness").CombinedOutput()
		if err != nil {
			harnessErr = fmt.Errorf("build harness: %v\n%s", err, out)
		}
	})
	if harnessErr != nil {
		if errors.Is(harnessErr, exec.ErrNotFound) {
			t.Skip("no go tool to build the harness:", harnessErr)
		}
		t.Fatal(harnessErr)
	}
	return harnessBin
}

// childOutput is what a harness run printed, line by line; a last line
// without its newline (the child died while printing it) is dropped.
type childOutput struct {
	acks   []Entry
	opened bool
	errs   map[string]string // "open-error", "add-error", "close-error" → the rest of the line
	lines  []string
}

// parseOutput reads a child's stdout to the end, calling each onLine with
// every complete line as it comes.
func parseOutput(t *testing.T, r io.Reader, onLine ...func(string)) childOutput {
	t.Helper()
	out := childOutput{errs: map[string]string{}}
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			break // EOF, with or without a partial line
		}
		line = strings.TrimSuffix(line, "\n")
		out.lines = append(out.lines, line)
		for _, f := range onLine {
			f(line)
		}
		word, rest, _ := strings.Cut(line, " ")
		switch word {
		case "ack":
			var e Entry
			if err := json.Unmarshal([]byte(rest), &e); err != nil {
				t.Fatalf("bad ack line %q: %v", line, err)
			}
			out.acks = append(out.acks, e)
		case "opened":
			out.opened = true
		case "open-error", "add-error", "close-error":
			out.errs[word] = rest
		}
	}
	return out
}

// kindError turns the KIND a child printed back into the error it names.
func kindError(line string) error {
	kind, rest, _ := strings.Cut(line, " ")
	sentinel := map[string]error{"locked": ErrLocked, "readonly": ErrReadOnly, "diskfull": ErrDiskFull,
		"notjournal": ErrNotJournal, "newer": ErrNewerSchema}[kind]
	if sentinel == nil {
		return errors.New(line)
	}
	return fmt.Errorf("%w (in the child: %s)", sentinel, rest)
}

// checkJournal opens the journal in dir and checks that SQLite finds it
// sound and that every acknowledged entry is there, field for field.
func checkJournal(t *testing.T, dir string, acked map[int64]Entry, pass ...string) {
	t.Helper()
	s, err := Open(dir)
	if len(pass) > 0 {
		s, err = OpenEncrypted(dir, pass[0])
	}
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	for id, want := range acked {
		got, err := s.Get(id)
		if err != nil {
			t.Fatalf("acknowledged entry %d lost: %v", id, err)
		}
		equalEntries(t, got, want)
		if !got.Created.Equal(want.Created) || !got.Updated.Equal(want.Updated) {
			t.Errorf("entry %d times %v/%v, want %v/%v", id, got.Created, got.Updated, want.Created, want.Updated)
		}
		if _, off := got.At.Zone(); func() int { _, o := want.At.Zone(); return o }() != off {
			t.Errorf("entry %d offset %d, want the one it was written with", id, off)
		}
	}
	if n, _ := s.Count(); n < len(acked) {
		t.Errorf("%d entries, %d acknowledged", n, len(acked))
	}
}

// TestCrashSafety runs a writer and kills it with SIGKILL at random moments
// (while opening, migrating, backing up, writing), then checks that the
// journal is sound and holds every entry the writer was told was saved.
func TestCrashSafety(t *testing.T) {
	rounds := 40
	if testing.Short() {
		rounds = 30
	}
	crashRounds(t, filepath.Join(t.TempDir(), "steady"), "", rounds, 200*time.Millisecond)
}

// TestCrashSafetyEncrypted does the same with an encrypted journal, whose
// saves (seal, write, rename, sync) run in the background: every entry
// acknowledged after its save must be in the file after a kill.
func TestCrashSafetyEncrypted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassphrase(testPass); err != nil {
		t.Fatal(err)
	}
	s.Close()
	crashRounds(t, dir, testPass, 30, 900*time.Millisecond)
}

// crashRounds kills a writer rounds times, after a random delay up to
// maxDelay, and checks the journal after each kill.
func crashRounds(t *testing.T, dir, pass string, rounds int, maxDelay time.Duration) {
	t.Helper()
	bin := harness(t)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 7))
	acked := map[int64]Entry{}
	killedBeforeOpen := 0
	for round := 0; round < rounds; round++ {
		args := []string{"-mode", "write", "-dir", dir, "-seed", fmt.Sprint(seed + uint64(round))}
		if pass != "" {
			args = append(args, "-pass", pass)
		}
		cmd := exec.Command(bin, args...)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		got := make(chan childOutput, 1)
		go func() { got <- parseOutput(t, stdout) }()
		// One round in four dies early: during Open, the migration or the
		// day's backup.
		delay := time.Duration(r.Int64N(int64(maxDelay)))
		if round%4 == 0 {
			delay = time.Duration(r.IntN(6000)) * time.Microsecond
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL) //nolint:errcheck // it may have died already, which the check below reports
		out := <-got
		err = cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: writer ended with %v before it was killed: %q", round, err, out.lines)
		}
		if !out.opened {
			killedBeforeOpen++
		}
		for _, e := range out.acks {
			if _, dup := acked[e.ID]; dup {
				t.Fatalf("round %d: ID %d acknowledged twice", round, e.ID)
			}
			acked[e.ID] = e
		}
		if pass != "" {
			checkJournal(t, dir, acked, pass)
			if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
				t.Fatalf("round %d: temporary files left after reopening: %v", round, left)
			}
		} else {
			checkJournal(t, dir, acked)
		}
	}
	t.Logf("%d rounds, %d entries acknowledged, %d kills before Open returned", rounds, len(acked), killedBeforeOpen)
	if len(acked) < rounds {
		t.Errorf("only %d entries acknowledged in %d rounds: the writer hardly ran", len(acked), rounds)
	}
}
