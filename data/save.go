package data

import (
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// The save protocol. Every method that changes the journal (Add, AddAll,
// Update, Delete, Restore, the plan and settings writers, Import, DeleteAll)
// goes through Store.tx or Store.exec, which return only once the change is
// durable, or with an error:
//
//   - plain journal: the change is committed (synchronous=FULL), so it is on
//     disk when the commit returns;
//   - encrypted journal: the change is made in the memory database, then the
//     caller waits until a save that includes it has been sealed and written
//     over the vault. Changes from several goroutines at once are coalesced
//     into one save; each caller still waits for its own.
//
// When a save of an encrypted journal fails, every caller waiting for it gets
// an error wrapping ErrNotSaved, and the callback set with OnSaveFailed is
// called too. The change stays in the open journal and is written by the
// next save that succeeds (the next change, or Close); the caller must
// not make it again.
//
// Before every change, and before every save of an encrypted journal, the
// single-instance lock is checked (see ErrLockLost): a Store that lost its
// lock writes nothing more.

// ErrNotSaved reports that a change was made in the open encrypted journal
// but could not be written to disk (the wrapped error says why: a full disk,
// a folder that cannot be written, ErrLockLost, …). The change is kept in
// memory and written by the next save that succeeds; do not repeat it.
var ErrNotSaved = errors.New("the change could not be saved to disk")

// saveCoalesce is how long the saver waits for more changes before saving,
// so that a burst of changes is sealed once.
const saveCoalesce = 30 * time.Millisecond

// vaultState is what an encrypted Store needs to save itself. The saver uses
// db directly, never the Store's lock, so a transition holding that lock can
// wait for the saver.
type vaultState struct {
	db    *sql.DB   // the memory database
	key   *vaultKey // the key the vault is sealed with
	dir   string
	lock  *dirLock      // checked before every save
	fail  func(error)   // reports a failed save (OnSaveFailed)
	kick  chan struct{} // wakes the saver
	alive atomic.Bool   // the saver is running

	mu    sync.Mutex    // guards what follows
	cond  *sync.Cond    // signalled when a save ends
	gen   uint64        // changes made
	tried uint64        // changes the last finished save covered
	saved uint64        // changes on disk
	err   error         // the last save's error, nil once a save succeeds
	stop  bool          // Close or a transition asked the saver to end
	done  chan struct{} // closed when the saver ends
	write func() error  // test seam: called before writing; an error fails the save
}

// newVaultState returns the save state of the encrypted journal db in dir
// sealed with key, not yet saving.
func newVaultState(db *sql.DB, key *vaultKey, dir string, j *journalDB) *vaultState {
	v := &vaultState{db: db, key: key, dir: dir, lock: j.lock, fail: j.saveFailed}
	v.cond = sync.NewCond(&v.mu)
	v.kick = make(chan struct{}, 1)
	return v
}

// changed records one change and wakes the saver; it returns the generation
// a caller waits for.
func (v *vaultState) changed() uint64 {
	v.mu.Lock()
	v.gen++
	g := v.gen
	v.mu.Unlock()
	v.wake()
	return g
}

func (v *vaultState) wake() {
	select {
	case v.kick <- struct{}{}:
	default:
	}
}

// wait blocks until a save that covers generation target has ended, and
// returns its error.
func (v *vaultState) wait(target uint64) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	for v.tried < target && v.saved < target {
		v.cond.Wait()
	}
	if v.saved >= target {
		return nil
	}
	if v.err == nil {
		return fmt.Errorf("save encrypted journal: %w", ErrNotSaved)
	}
	return fmt.Errorf("save encrypted journal: %w: %w", ErrNotSaved, v.err)
}

// pending returns the latest generation, waking the saver when part of it
// is not on disk (after a failed save, this retries).
func (v *vaultState) pending() uint64 {
	v.mu.Lock()
	// Without a saver (the journal is closed) nothing can retry: wait then
	// returns the last save's error at once.
	g, behind := v.gen, v.saved < v.gen && v.alive.Load()
	if behind {
		v.tried = v.saved // a new attempt is due
	}
	v.mu.Unlock()
	if behind {
		v.wake()
	}
	return g
}

// start runs the saver (again, after finish).
func (v *vaultState) start() {
	v.mu.Lock()
	v.stop = false
	done := make(chan struct{})
	v.done = done
	v.mu.Unlock()
	v.alive.Store(true)
	go func() {
		defer close(done)
		for range v.kick {
			v.mu.Lock()
			stop := v.stop
			v.mu.Unlock()
			if !stop {
				time.Sleep(saveCoalesce) // let a burst of changes arrive
			}
			v.mu.Lock()
			target, saved, stop := v.gen, v.saved, v.stop
			v.mu.Unlock()
			var err error
			if target > saved {
				err = v.save()
			}
			if err != nil && v.fail != nil {
				// Before the waiters wake: whoever hears of the failure
				// from a write method has heard it here too.
				v.fail(fmt.Errorf("save encrypted journal: %w: %w", ErrNotSaved, err))
			}
			v.mu.Lock()
			v.tried = max(v.tried, target)
			if err == nil {
				v.saved = max(v.saved, target)
			}
			v.err = err
			v.cond.Broadcast()
			v.mu.Unlock()
			if stop {
				return
			}
		}
	}()
}

// finish ends the saver after a last save of what is not on disk yet, and
// returns that save's error.
func (v *vaultState) finish() error {
	if !v.alive.Load() {
		return nil
	}
	v.mu.Lock()
	v.stop = true
	done := v.done
	v.mu.Unlock()
	// Never block on the kick: either the saver sees stop in the round it is
	// in, or the kick waiting in the channel starts its last round.
	v.wake()
	<-done
	v.alive.Store(false)
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.saved < v.gen {
		if v.err == nil {
			return ErrNotSaved
		}
		return fmt.Errorf("%w: %w", ErrNotSaved, v.err)
	}
	return nil
}

// save seals the memory database and writes it over the vault file.
func (v *vaultState) save() error {
	if err := v.lock.check(); err != nil {
		v.lock.firstReport() // the failed save is reported (v.fail)
		return err
	}
	v.mu.Lock()
	hook := v.write
	v.mu.Unlock()
	if hook != nil {
		if err := hook(); err != nil {
			return err
		}
	}
	return writeVault(v.dir, v.db, v.key)
}

// tx runs f in one write transaction, committed only if f succeeds, and
// returns once the change is durable (see the save protocol above).
func (s *Store) tx(f func(*sql.Tx) error) error {
	return s.write(func(db *sql.DB) error {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		if err := f(tx); err != nil {
			tx.Rollback() //nolint:errcheck // the error that matters is f's
			return err
		}
		return tx.Commit()
	})
}

// exec runs one statement that changes the journal and returns once the
// change is durable.
func (s *Store) exec(q string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := s.write(func(db *sql.DB) error {
		var err error
		res, err = db.Exec(q, args...)
		return err
	})
	return res, err
}

// write runs f on the current handle while no transition can start, after
// checking the single-instance lock, then waits until what f changed is
// durable.
func (s *Store) write(f func(*sql.DB) error) error {
	if err := s.check.wait(); err != nil {
		return err // damage: never write to it (soundcheck.go)
	}
	j := s.db
	j.mu.RLock()
	if err := j.lock.check(); err != nil {
		j.mu.RUnlock()
		if j.lock.firstReport() {
			j.saveFailed(err) // before returning, and with no lock held
		}
		return err
	}
	err := f(j.db)
	v := j.vault
	var target uint64
	if err == nil && v != nil {
		target = v.changed()
	}
	j.mu.RUnlock()
	if err != nil {
		return Classify(err)
	}
	if v == nil {
		return nil
	}
	return v.wait(target)
}

// Encrypted reports whether the journal is encrypted with a passphrase.
func (s *Store) Encrypted() bool { return s.db.vaultState() != nil }

// OnSaveFailed sets f to be called, from any goroutine, whenever a save of
// the encrypted journal fails (the error wraps ErrNotSaved and the cause,
// e.g. ErrDiskFull, ErrReadOnly or ErrLockLost), and when a plain journal
// first finds its lock lost (ErrLockLost). It is the one place the UI needs
// to listen to for failed saves it did not wait for itself; a write method
// that waited for the failed save returns the same error too (a failed
// save's callback, and the lost lock's, run before that method returns).
// f runs on the saver's goroutine or the writer's, with no lock of the
// Store held, but the writer waits for it: it must not block for long and
// must not call the Store's write methods synchronously — hand the error to
// the UI thread (fyne.Do) and return. nil removes it.
func (s *Store) OnSaveFailed(f func(error)) {
	if f == nil {
		s.db.onFail.Store(nil)
		return
	}
	s.db.onFail.Store(&f)
}

// saveFailed calls the OnSaveFailed callback, if any.
func (j *journalDB) saveFailed(err error) {
	if f := j.onFail.Load(); f != nil {
		(*f)(err)
	}
}

// waitSaved waits until every change made so far is written to disk,
// retrying a save that failed, and returns the error of that save, if any. A
// plain journal is durable after each change already, so it returns nil at
// once. Write methods already wait for their own change to be durable, so
// no caller outside data needs it: the backup uses it to copy a vault that
// holds every change.
func (s *Store) waitSaved() error {
	v := s.db.vaultState()
	if v == nil {
		return nil
	}
	return v.wait(v.pending())
}

// close ends the saver after a last save, closes the database and wipes the
// key. Reads after it fail with sql's "database is closed".
func (s *Store) close() error {
	j := s.db
	j.mu.Lock()
	defer j.mu.Unlock()
	if v := j.vault; v != nil {
		err := v.finish()
		if cerr := j.db.Close(); err == nil {
			err = cerr
		}
		v.key.wipe()
		if err != nil {
			return fmt.Errorf("close journal: %w", err)
		}
		return nil
	}
	_, _ = j.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if err := j.db.Close(); err != nil {
		return fmt.Errorf("close journal: %w", err)
	}
	return nil
}
