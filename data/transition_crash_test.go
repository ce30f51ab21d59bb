package data

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// unixModes reports whether files have Unix permission bits here.
const unixModes = runtime.GOOS != "windows"

// The transition crash tests run this test binary again as a child process
// (TestTransitionChild), which can reach the Store's unexported step seam:
// it stops at a named step of SetPassphrase or RemovePassphrase, says so on
// stdout and waits, and the parent kills it with SIGKILL right there. The
// kill is driven by the child's progress, never by a timer.

// childSpec is what a child process does.
type childSpec struct {
	dir     string
	op      string // "hold", "set", "change" or "remove"
	pass    string // the passphrase to open with ("" = plain)
	newPass string // for "set" and "change"
	step    string // the step to stop at
}

// proc is a running child process.
type proc struct {
	cmd   *exec.Cmd
	out   *bufio.Scanner
	stdin io.WriteCloser
	lines []string
}

func startProc(t *testing.T, spec childSpec) *proc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestTransitionChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "STEADY_CHILD_DIR="+spec.dir, "STEADY_CHILD_OP="+spec.op,
		"STEADY_CHILD_PASS="+spec.pass, "STEADY_CHILD_NEWPASS="+spec.newPass, "STEADY_CHILD_STEP="+spec.step)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &proc{cmd: cmd, out: bufio.NewScanner(stdout), stdin: stdin}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return c
}

// waitFor reads the child's lines until one equals want.
func (c *proc) waitFor(t *testing.T, want string) {
	t.Helper()
	for c.out.Scan() {
		line := c.out.Text()
		c.lines = append(c.lines, line)
		if line == want {
			return
		}
		if strings.HasPrefix(line, "error ") {
			t.Fatalf("child: %s", line)
		}
	}
	t.Fatalf("child ended before %q; it said %q", want, c.lines)
}

// kill ends the child with SIGKILL and reaps it.
func (c *proc) kill() {
	c.cmd.Process.Kill()
	c.cmd.Wait() //nolint:errcheck // killed: the error says so
}

// finish closes the child's stdin, so that it closes its journal, and waits
// for it.
func (c *proc) finish(t *testing.T) {
	t.Helper()
	c.stdin.Close()
	c.waitFor(t, "closed")
	if err := c.cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
}

// TestTransitionChild is the child process; it does nothing in a normal run.
func TestTransitionChild(t *testing.T) {
	dir := os.Getenv("STEADY_CHILD_DIR")
	if dir == "" {
		t.Skip("the child process of the transition crash tests")
	}
	op, pass, newPass, step := os.Getenv("STEADY_CHILD_OP"), os.Getenv("STEADY_CHILD_PASS"),
		os.Getenv("STEADY_CHILD_NEWPASS"), os.Getenv("STEADY_CHILD_STEP")
	fail := func(err error) {
		fmt.Println("error", strings.ReplaceAll(err.Error(), "\n", " "))
		os.Exit(3)
	}
	var s *Store
	var err error
	if pass != "" {
		s, err = OpenEncrypted(dir, pass)
	} else {
		s, err = Open(dir)
	}
	if err != nil {
		fail(err)
	}
	s.db.step = func(name string) {
		if name == step {
			fmt.Println("at", name)
			io.Copy(io.Discard, os.Stdin) //nolint:errcheck // waits here until killed
		}
	}
	switch op {
	case "hold":
		if err := s.Add(&Entry{At: time.Now(), Mood: 4, Note: "from the second Steady"}); err != nil {
			fail(err)
		}
		fmt.Println("held")
		io.Copy(io.Discard, os.Stdin) //nolint:errcheck // until the parent closes stdin
	case "set", "change":
		err = s.SetPassphrase(newPass)
	case "remove":
		err = s.RemovePassphrase()
	}
	if err != nil {
		fail(err)
	}
	fmt.Println("done")
	if err := s.Close(); err != nil {
		fail(err)
	}
	fmt.Println("closed")
}

// copyTree copies the folder src to dst.
func copyTree(t *testing.T, dst, src string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o700)
		}
		return copyFile(filepath.Join(dst, rel), p)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTransitionCrash kills Steady with SIGKILL at every step of setting,
// changing and removing a passphrase, 30 rounds in all, and checks the next
// start: the journal opens with one of the passphrases (or plain, when the
// kill came before the vault existed or after it was removed), holds every
// check-in, and once an encrypted journal has opened no readable copy of any
// note is left in the data folder — no plain journal beside the vault.
func TestTransitionCrash(t *testing.T) {
	t.Parallel() // its own folders; child processes, mostly waiting
	if testing.Short() {
		t.Skip("30 child processes")
	}
	const marker = "MARKER-crash-5e11"
	const newPass = "the new passphrase"
	plainTmpl := filepath.Join(t.TempDir(), "plain")
	leaveCopies(t, plainTmpl, marker)
	encTmpl := filepath.Join(t.TempDir(), "enc")
	copyTree(t, encTmpl, plainTmpl)
	s, err := Open(encTmpl)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.Count()
	if err := s.SetPassphrase(testPass); err != nil {
		t.Fatal(err)
	}
	for d := 2; d <= 3; d++ {
		if err := s.BackupIfDue(time.Now().AddDate(0, 0, d)); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	plan := []struct{ op, step string }{
		{"set", "encrypt"}, {"set", "vault-written"}, {"set", "swapped"}, {"set", "plain-removed"}, {"set", "done"},
		{"change", "change"}, {"change", "vault-written"}, {"change", "swapped"}, {"change", "done"},
		{"remove", "decrypt"}, {"remove", "plain-written"}, {"remove", "leftovers-plain"}, {"remove", "done"},
	}
	beside := 0
	for round := range 30 {
		p := plan[round%len(plan)]
		dir := filepath.Join(t.TempDir(), "steady")
		spec := childSpec{dir: dir, op: p.op, step: p.step, newPass: newPass}
		if p.op == "set" {
			copyTree(t, dir, plainTmpl)
		} else {
			copyTree(t, dir, encTmpl)
			spec.pass = testPass
		}
		c := startProc(t, spec)
		c.waitFor(t, "at "+p.step)
		c.kill()

		if IsEncrypted(dir) {
			if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
				beside++ // the state the next start must clean up
			}
			s, err := OpenEncrypted(dir, testPass)
			if err != nil {
				s, err = OpenEncrypted(dir, newPass)
			}
			if err != nil {
				t.Fatalf("round %d (%s at %s): the journal opens with neither passphrase: %v", round, p.op, p.step, err)
			}
			if n, _ := s.Count(); n != want {
				t.Errorf("round %d (%s at %s): %d check-ins, want %d", round, p.op, p.step, n, want)
			}
			// Every backup, the future-dated ones kept aside included, is
			// sealed with the key the journal opened with: none opens with a
			// passphrase a change retired. The day's backup, which Open
			// starts in the background, moves future-dated backups aside:
			// it ends first (under Wine it was still moving one while the
			// folder was read).
			if err := s.BackupError(); err != nil {
				t.Errorf("round %d (%s at %s): the day's backup: %v", round, p.op, p.step, err)
			}
			key := s.db.vaultState().key
			err = filepath.WalkDir(BackupDir(dir), func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				if !sealedWith(path, key) {
					t.Errorf("round %d (%s at %s): backup %s not sealed with the current key", round, p.op, p.step, path)
				}
				return nil
			})
			if err != nil {
				t.Errorf("round %d (%s at %s): %v", round, p.op, p.step, err)
			}
			s.Close()
			if got := grepDir(t, dir, marker); len(got) > 0 {
				t.Errorf("round %d (%s at %s): readable after the next start: %v", round, p.op, p.step, got)
			}
			for _, suf := range []string{"", "-wal", "-shm", "-journal"} {
				if _, err := os.Stat(filepath.Join(dir, FileName+suf)); err == nil {
					t.Errorf("round %d (%s at %s): %s beside the vault", round, p.op, p.step, FileName+suf)
				}
			}
			continue
		}
		s, err := Open(dir)
		if err != nil {
			t.Fatalf("round %d (%s at %s): %v", round, p.op, p.step, err)
		}
		if n, _ := s.Count(); n != want {
			t.Errorf("round %d (%s at %s): %d check-ins, want %d", round, p.op, p.step, n, want)
		}
		s.Close()
	}
	t.Logf("30 rounds; %d left a plain journal beside the vault for the next start to remove", beside)
}
