package data

import (
	"context"
	"fmt"
)

// A full structural check of the journal (PRAGMA quick_check) reads every
// page: about a quarter of a second for 100 000 check-ins (BenchmarkOpenCheck
// in `make bench`), too long to add to every start. So Open makes the cheap
// checks itself (the header, the file's length, the application ID, the
// version and the schema: enough to refuse every foreign, newer, negative or
// truncated file before anything is written) and runs quick_check in the
// background on a read-only connection of its own. Nothing is written to the
// journal before it has passed: the first write waits for it, and a journal
// it finds damaged is never written to (every write returns the ErrDamaged it
// found, and OnSaveFailed hears of it at once, so the UI can offer to keep
// the file aside). A migration is a write too: when a journal needs one, Open
// runs quick_check first, before it.

// soundCheck is one background quick_check of a plain journal file.
type soundCheck struct {
	cancel context.CancelFunc
	done   chan struct{}
	err    error // set before done is closed
}

// startSoundCheck checks the journal file at path in the background and
// calls onDamage with what it found if it is not sound.
func startSoundCheck(path string, onDamage func(error)) *soundCheck {
	ctx, cancel := context.WithCancel(context.Background())
	c := &soundCheck{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		err := checkOpenFile(ctx, path)
		if ctx.Err() != nil {
			return // stopped by Close: nothing to report
		}
		if err != nil {
			c.err = fmt.Errorf("check journal %s: %w", path, err)
			onDamage(c.err)
		}
	}()
	return c
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

// wait returns once the check has ended, with the damage it found. It may
// be called on nil (no check: an encrypted journal).
func (c *soundCheck) wait() error {
	if c == nil {
		return nil
	}
	<-c.done
	return c.err
}

// stop ends the check early and waits for it. It may be called on nil.
func (c *soundCheck) stop() {
	if c == nil {
		return
	}
	c.cancel()
	<-c.done
}

// Checked waits for the check of every page that Open runs in the
// background (it takes about a quarter of a second for 100 000 check-ins)
// and returns the damage it found, an error wrapping ErrDamaged, or nil.
// The UI can call it off the UI thread after Open, to offer to keep a
// damaged journal aside before the user writes anything; writes wait for
// the same check and fail with the same error. An encrypted journal, or
// one checked before a migration, returns nil at once.
func (s *Store) Checked() error { return s.check.wait() }
