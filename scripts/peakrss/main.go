// Command peakrss opens a journal the way Steady does — plain, or encrypted
// with -pass — reads it (the Today figures and the first history page), adds
// one check-in and saves it, then prints the process's peak resident memory
// (VmHWM) and the journal's size, for scripts/bench's check that encrypted
// mode costs at most three times the database size in memory. With -encrypt
// it first sets -pass as the journal's passphrase and exits.
//
//	go run ./scripts/peakrss -data-dir DIR [-pass P] [-encrypt]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/steadyapp/steady/data"
)

func main() {
	dir := flag.String("data-dir", "", "the journal's data directory (required)")
	pass := flag.String("pass", "", "the passphrase of an encrypted journal")
	encrypt := flag.Bool("encrypt", false, "encrypt the plain journal with -pass, then exit")
	flag.Parse()
	if err := run(*dir, *pass, *encrypt); err != nil {
		fmt.Fprintln(os.Stderr, "peakrss:", err)
		os.Exit(1)
	}
}

func run(dir, pass string, encrypt bool) error {
	if encrypt {
		s, err := data.Open(dir)
		if err != nil {
			return err
		}
		if err := s.SetPassphrase(pass); err != nil {
			return err
		}
		return s.Close()
	}
	var s *data.Store
	var err error
	if pass != "" {
		s, err = data.OpenEncrypted(dir, pass)
	} else {
		s, err = data.Open(dir)
	}
	if err != nil {
		return err
	}
	if _, _, err := s.LastUse(); err != nil {
		return err
	}
	if _, _, err := s.Page(data.Filter{}, data.Cursor{}, 50); err != nil {
		return err
	}
	e := data.Entry{At: time.Now(), Mood: 3, Craving: 2}
	if err := s.Add(&e); err != nil { // returns once the check-in is durable
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	st, err := os.Stat(s.Path())
	if err != nil {
		return err
	}
	hwm, err := peak()
	if err != nil {
		return err
	}
	fmt.Printf("peak_kb %d journal_bytes %d\n", hwm, st.Size())
	return nil
}

// peak reads VmHWM (kB) from /proc/self/status.
func peak() (int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			var kb int64
			_, err := fmt.Sscanf(strings.TrimSpace(rest), "%d kB", &kb)
			return kb, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}
