// Command harness is a child process for the data package's reliability
// tests: it opens a journal and writes to it the way Steady does, and says
// on stdout what it did, one line at a time, so the test can kill it, lock
// it out or starve it and then check what it acknowledged. Tests build it
// with `go build -o DIR/harness ./testdata/harness`.
//
//	harness -mode write -dir D [-pass P] add check-ins until killed; print "adding N" before each
//	                                     and "ack JSON" once it is durable (with -pass, into the
//	                                     encrypted journal: Add then includes the save)
//	harness -mode open  -dir D [-at NS]  open (at wall-clock NS), add one check-in, wait for stdin to close
//	harness -mode fill  -dir D           add check-ins with long notes until one fails
//
// Every mode prints "opening" before it opens the journal and "opened
// MICROSECONDS" once it has. Errors from Open are printed as "open-error KIND MICROSECONDS message"
// (KIND is locked, readonly, diskfull, notjournal, newer or other) and exit
// with status 3.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
)

func main() {
	mode := flag.String("mode", "write", "write, open or fill")
	dir := flag.String("dir", "", "the data directory")
	at := flag.Int64("at", 0, "open at this wall-clock time (Unix nanoseconds)")
	fsize := flag.Int64("fsize", 0, "limit the size of files this process writes (RLIMIT_FSIZE), in bytes")
	seed := flag.Uint64("seed", 1, "random seed for the generated check-ins")
	pass := flag.String("pass", "", "open the encrypted journal with this passphrase")
	flag.Parse()
	if *fsize > 0 {
		if err := limitFileSize(*fsize); err != nil {
			fmt.Println("setup-error", err)
			os.Exit(2)
		}
	}
	if *at > 0 {
		time.Sleep(time.Until(time.Unix(0, *at)))
	}
	fmt.Println("opening")
	start := time.Now()
	open := data.Open
	if *pass != "" {
		open = func(dir string) (*data.Store, error) { return data.OpenEncrypted(dir, *pass) }
	}
	s, err := open(*dir)
	if err != nil {
		fmt.Printf("open-error %s %d %v\n", kind(err), time.Since(start).Microseconds(), err)
		fmt.Fprintf(os.Stderr, "steady: %v\n", err)
		os.Exit(3)
	}
	fmt.Printf("opened %d\n", time.Since(start).Microseconds())
	r := rand.New(rand.NewPCG(*seed, uint64(os.Getpid())))
	switch *mode {
	case "write":
		for i := 0; ; i++ {
			add(s, r, i, 1+r.IntN(400))
		}
	case "open":
		add(s, r, 0, 20)
		io.Copy(io.Discard, os.Stdin) //nolint:errcheck // returns when the test closes stdin
	case "fill":
		for i := 0; ; i++ {
			if err := addErr(s, r, i, 2000); err != nil {
				fmt.Printf("add-error %s %v\n", kind(data.Classify(err)), err)
				break
			}
		}
	}
	if err := s.Close(); err != nil {
		fmt.Printf("close-error %s %v\n", kind(data.Classify(err)), err)
		os.Exit(4)
	}
	fmt.Println("closed")
}

// add stores one generated check-in and acknowledges it, or exits.
func add(s *data.Store, r *rand.Rand, i, noteLen int) {
	if err := addErr(s, r, i, noteLen); err != nil {
		fmt.Printf("add-error %s %v\n", kind(data.Classify(err)), err)
		os.Exit(5)
	}
}

// addErr stores one generated check-in; once Add has returned without an
// error it prints "ack " and the entry as JSON on one line.
func addErr(s *data.Store, r *rand.Rand, i, noteLen int) error {
	g := guide.TheGuide()
	symptoms := g.AllSymptoms()
	coping := g.CopingActions()
	zones := []*time.Location{time.UTC, time.FixedZone("", 9*3600), time.FixedZone("", -5*3600-1800)}
	e := data.Entry{
		At:      time.Now().Add(-time.Duration(r.IntN(3*24*60)) * time.Minute).In(zones[r.IntN(len(zones))]),
		Mood:    1 + r.IntN(5),
		Craving: r.IntN(11),
		Used:    r.IntN(10) == 0, SelfHarm: r.IntN(20) == 0,
		Triggers: []string{guide.Triggers()[r.IntN(len(guide.Triggers()))]},
		Symptoms: []string{symptoms[r.IntN(len(symptoms))].ID},
		Coping:   []string{coping[r.IntN(len(coping))]},
		Note:     fmt.Sprintf("#%d 🙂 שלום '; DROP TABLE entries;-- ", i) + strings.Repeat("x", noteLen),
	}
	if r.IntN(2) == 0 {
		h, q, p := float64(r.IntN(49))/2, 1+r.IntN(5), r.IntN(2) == 0
		e.SleepHours, e.SleepQuality, e.CravingPassed = &h, &q, &p
	}
	// Announce the write: with -pass, Add seals the journal and writes it
	// over the vault before it returns, so this line also says "a save is
	// under way" (the crash test kills the writer during it).
	fmt.Printf("adding %d\n", i)
	// Add returns once the check-in is durable: for an encrypted journal,
	// once a vault holding it is on disk.
	if err := s.Add(&e); err != nil {
		return err
	}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	fmt.Printf("ack %s\n", b)
	return nil
}

// kind names the class of an error for the test to check.
func kind(err error) string {
	switch {
	case errors.Is(err, data.ErrLocked):
		return "locked"
	case errors.Is(err, data.ErrReadOnly):
		return "readonly"
	case errors.Is(err, data.ErrDiskFull):
		return "diskfull"
	case errors.Is(err, data.ErrNotJournal):
		return "notjournal"
	case errors.Is(err, data.ErrNewerSchema):
		return "newer"
	}
	return "other"
}
