package data

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
)

// journalDB is the Store's way to its database. SetPassphrase and
// RemovePassphrase replace what is behind it (a SQLite file becomes a memory
// database sealed into a vault, and back); the RWMutex makes that swap safe
// while other goroutines read and write:
//
//   - a read takes the current handle under the read lock and runs with it;
//   - a write (Store.tx, Store.exec) holds the read lock from the lock check
//     to the commit, so a transition never starts in the middle of one and
//     never loses one;
//   - a transition holds the write lock from the moment it reads the journal
//     until the new handles are in place.
//
// Its query methods mirror *sql.DB's, so the Store's readers call s.db.Query
// as they would on a *sql.DB.
type journalDB struct {
	mu    sync.RWMutex
	db    *sql.DB     // guarded by mu
	path  string      // guarded by mu: the journal file or the vault
	vault *vaultState // guarded by mu: set while the journal is encrypted
	lock  *dirLock    // set once, before the Store is returned

	onFail     atomic.Pointer[func(error)] // OnSaveFailed's callback
	cleanupErr error                       // what OpenEncrypted's secureLeftovers returned
	step       func(string)                // test seam: called at each step of a transition
}

// plainDB wraps the handle of a plain journal file at path.
func plainDB(db *sql.DB, path string) *journalDB { return &journalDB{db: db, path: path} }

// current returns the handles in use now.
func (j *journalDB) current() (*sql.DB, string, *vaultState) {
	j.mu.RLock()
	defer j.mu.RUnlock()
	return j.db, j.path, j.vault
}

// handle returns the *sql.DB in use now.
func (j *journalDB) handle() *sql.DB {
	db, _, _ := j.current()
	return db
}

// vaultState returns the encrypted journal's save state, or nil for a plain
// journal.
func (j *journalDB) vaultState() *vaultState {
	_, _, v := j.current()
	return v
}

// stepped reports that a transition reached the named step, for the tests
// that kill Steady in the middle of one.
func (j *journalDB) stepped(name string) {
	if j.step != nil {
		j.step(name)
	}
}

// swap replaces the handles; the caller holds j.mu for writing.
func (j *journalDB) swap(db *sql.DB, path string, v *vaultState) {
	j.db, j.path, j.vault = db, path, v
}

// The query methods hold the read lock until the query has started, so a
// transition cannot close the handle between the moment a reader takes it
// and the moment its query runs. Rows already returned stay readable: a
// closed *sql.DB closes a connection only once its rows are done.

// Query runs a query on the current handle (see sql.DB.Query).
func (j *journalDB) Query(q string, args ...any) (*sql.Rows, error) {
	j.mu.RLock()
	defer j.mu.RUnlock()
	return j.db.Query(q, args...)
}

// QueryContext runs a query on the current handle (see sql.DB.QueryContext).
func (j *journalDB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	j.mu.RLock()
	defer j.mu.RUnlock()
	return j.db.QueryContext(ctx, q, args...)
}

// QueryRow runs a query for one row on the current handle (see
// sql.DB.QueryRow).
func (j *journalDB) QueryRow(q string, args ...any) *sql.Row {
	j.mu.RLock()
	defer j.mu.RUnlock()
	return j.db.QueryRow(q, args...)
}

// Exec runs a statement on the current handle without the save protocol:
// for pragmas and tests. Changes to the journal go through Store.exec.
func (j *journalDB) Exec(q string, args ...any) (sql.Result, error) {
	j.mu.RLock()
	defer j.mu.RUnlock()
	return j.db.Exec(q, args...)
}

// ExecContext is Exec with a context.
func (j *journalDB) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	j.mu.RLock()
	defer j.mu.RUnlock()
	return j.db.ExecContext(ctx, q, args...)
}

// Conn returns a connection of the current handle (see sql.DB.Conn).
func (j *journalDB) Conn(ctx context.Context) (*sql.Conn, error) {
	j.mu.RLock()
	defer j.mu.RUnlock()
	return j.db.Conn(ctx)
}
