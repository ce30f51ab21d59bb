package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"github.com/steadyapp/steady/data/guide"
)

// While an encrypted journal is open it lives only in memory, in SQLite's
// memdb VFS; every change is sealed and written to VaultName by a saver
// goroutine off the caller's thread (save.go), and the caller waits for it.
// A save writes a temporary file, syncs it, renames it over the vault and
// syncs the directory, so a crash leaves the old or the new file, never a
// torn one. Turning encryption on or off or changing the passphrase is in
// transition.go.

// serializeDB returns the image of db's main database.
func serializeDB(db *sql.DB) ([]byte, error) {
	conn, err := db.Conn(context.Background())
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var image []byte
	err = conn.Raw(func(dc any) error {
		c, ok := sqliteConn(dc)
		if !ok {
			return errors.New("not a SQLite connection")
		}
		image, err = c.Serialize("main")
		return err
	})
	return image, err
}

// prefsOf reads from db the settings the vault's header keeps readable.
func prefsOf(db *sql.DB) map[string]string {
	prefs := map[string]string{}
	for _, k := range VaultPrefs() {
		var v string
		if err := db.QueryRow(`SELECT value FROM settings WHERE key = ?`, k).Scan(&v); err == nil {
			prefs[k] = v
		}
	}
	return prefs
}

// writeVault seals the database db and writes it over the vault in dir.
func writeVault(dir string, db *sql.DB, key *vaultKey) error {
	err := writeVaultFile(vaultPath(dir), db, key, prefsOf(db))
	releaseMemory() // a save may hold a copy of the journal; give it back at once
	if err == nil {
		// The new header carries the journal's preferences; the lock
		// screen's earlier choices are stale (and ignored if this fails).
		dropPendingPrefs(dir) //nolint:errcheck // see above
	}
	return err
}

// writeParts writes the parts of a sealed file atomically to path.
func writeParts(path string, parts [][]byte) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		for _, part := range parts {
			if _, err := w.Write(part); err != nil {
				return err
			}
		}
		return nil
	})
}

// OpenEncrypted opens the encrypted journal in dir with its passphrase. A
// wrong passphrase gives ErrPassphrase; a vault whose header or contents were
// changed gives ErrTampered; the file is left as it was in both cases.
//
// Once the vault has opened (so it is known to be whole and the passphrase
// right), a transition that a crash interrupted is finished: a plain journal
// left beside the vault, plain backups and aside copies, and temporary files
// are sealed under this key or overwritten and removed (see transition.go).
// The data folder is made owner-only (LooseFolder says if it was not).
func OpenEncrypted(dir, pass string) (_ *Store, err error) {
	lock, err := lockDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open encrypted journal: %w", err)
	}
	defer func() {
		if err != nil {
			lock.release()
		}
	}()
	// Derive the key from the header alone, then give the KDF's memory back
	// before reading the journal: the two never take memory at once.
	key, err := unlockVault(vaultPath(dir), pass)
	if err != nil {
		return nil, fmt.Errorf("open encrypted journal: %w", Classify(err))
	}
	releaseMemory()
	db, err := openVaultMemdb(vaultPath(dir), key)
	if err != nil {
		key.wipe()
		return nil, fmt.Errorf("open encrypted journal: %w", err)
	}
	var before int
	db.QueryRow(`PRAGMA user_version`).Scan(&before) //nolint:errcheck // 0 only makes the migration count as a change
	if err := migrate(context.Background(), db); err != nil {
		db.Close()
		key.wipe()
		return nil, fmt.Errorf("open encrypted journal: %w", err)
	}
	var after int
	db.QueryRow(`PRAGMA user_version`).Scan(&after) //nolint:errcheck // see above
	// The language or theme chosen on the lock screen (lockprefs.go); one
	// that cannot be taken stays a choice of the next lock screen.
	folded, _ := foldPendingPrefs(dir, db)
	s := &Store{db: &journalDB{db: db, path: vaultPath(dir)}, dir: dir, guide: guide.TheGuide(), now: time.Now}
	s.db.lock = lock
	v := newVaultState(db, key, dir, s.db)
	s.db.vault = v
	v.start()
	if after != before || folded {
		v.changed() // save the migrated journal; an open must not wait for it
	}
	// The vault is verified: nothing readable may stay beside it. A failure
	// here leaves files for the next open to finish; the journal works.
	s.db.cleanupErr = secureLeftovers(dir, key, pass, prefsOf(db))
	lock.own(s)
	return s, nil
}

// releaseMemory returns freed Go memory to the operating system, between the
// large steps of opening an encrypted journal, so that their peaks do not
// add up. FreeOSMemory collects before it returns memory; a runtime.GC
// before it would be a second full collection that frees nothing more.
func releaseMemory() {
	debug.FreeOSMemory()
}
