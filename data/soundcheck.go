package data

import (
	"context"
	"fmt"
	"sync"
)

// A full structural check of the journal (PRAGMA quick_check) reads every
// page: about a quarter of a second for 100 000 check-ins (BenchmarkOpenCheck
// in `make bench`), too long to add to every start. So Open makes the cheap
// checks itself (the header, the file's length, the application ID, the
// version and the schema: enough to refuse every foreign, newer, negative or
// truncated file before anything is written) and runs quick_check in the
// background on a read-only connection of its own. Nothing is written to the
// journal before it has passed: the first write waits for it (and starts it,
// when OpenDeferred left it for StartBackground), and a journal it finds
// damaged is never written to (every write returns the ErrDamaged it found,
// and OnSaveFailed hears of it at once, so the UI can offer to keep the file
// aside). A migration is a write too: when a journal needs one, Open runs
// quick_check first, before it.

// soundCheck is one background quick_check of a plain journal file. It is
// made pending and runs from its first start (or wait) on, at most once.
type soundCheck struct {
	path     string
	onDamage func(error)
	ctx      context.Context
	cancel   context.CancelFunc
	once     sync.Once     // starts the check, or marks it stopped before it started
	done     chan struct{} // closed when the check has ended or was stopped
	err      error         // set before done is closed
}

// newSoundCheck returns the check of the journal file at path, not started:
// once started, it calls onDamage with what it found if the file is not
// sound.
func newSoundCheck(path string, onDamage func(error)) *soundCheck {
	ctx, cancel := context.WithCancel(context.Background())
	return &soundCheck{path: path, onDamage: onDamage, ctx: ctx, cancel: cancel, done: make(chan struct{})}
}

// start runs the check in the background, unless it has already started or
// been stopped. It may be called on nil.
func (c *soundCheck) start() {
	if c == nil {
		return
	}
	c.once.Do(func() { go c.run() })
}

// run checks the file and reports damage.
func (c *soundCheck) run() {
	defer close(c.done)
	err := checkOpenFile(c.ctx, c.path)
	if c.ctx.Err() != nil {
		return // stopped by Close: nothing to report
	}
	if err != nil {
		c.err = fmt.Errorf("check journal %s: %w", c.path, err)
		c.onDamage(c.err)
	}
}

// checkOpenFile runs quick_check on the journal file at path, which the
// Store has open for writing, through a read-only connection.
func checkOpenFile(ctx context.Context, path string) error {
	db, cleanup, err := openReadOnly(path, true, false)
	if err != nil {
		return err
	}
	defer cleanup()
	return soundness(ctx, db, checkQuick)
}

// wait starts the check if it has not started yet, and returns once it has
// ended, with the damage it found. Writers call it: nothing is written
// before the check has passed. It may be called on nil (no check: an
// encrypted journal).
func (c *soundCheck) wait() error {
	if c == nil {
		return nil
	}
	c.start()
	return c.result()
}

// result waits for the check to end, without starting it, and returns the
// damage it found. It may be called on nil.
func (c *soundCheck) result() error {
	if c == nil {
		return nil
	}
	<-c.done
	return c.err
}

// stop ends the check early and waits for it; a check that has not started
// never will. It may be called on nil and more than once.
func (c *soundCheck) stop() {
	if c == nil {
		return
	}
	c.cancel()
	c.once.Do(func() { close(c.done) })
	<-c.done
}

// Checked waits for the check of every page that runs in the background
// (it takes about a quarter of a second for 100 000 check-ins) and returns
// the damage it found, an error wrapping ErrDamaged, or nil. The UI can call
// it off the UI thread after Open, to offer to keep a damaged journal aside
// before the user writes anything; writes wait for the same check and fail
// with the same error. Checked does not start the check: after OpenDeferred
// it waits for StartBackground (or the first write) to start it, and
// returns nil if the Store is closed first. An encrypted journal, or one
// checked before a migration, returns nil at once.
func (s *Store) Checked() error { return s.check.result() }
