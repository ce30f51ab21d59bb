package data

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
)

// The vault API the Store uses (encrypted.go, transition.go):
//
//	unlockVault(path, pass) → key        read the header, derive, check
//	openVaultMemdb(path, key) → db       decrypt the vault into a new memdb journal, chunk by chunk
//	sealMemdb(w, db, key, prefs)         seal a memdb journal (or any other) to w, chunk by chunk
//	writeVaultFile(path, db, key, prefs) sealMemdb into a file, atomically
//	copyToMemdb(db) → mem                a plain journal copied into a new memdb journal
//	key.wipe()                           overwrite the key (Close, lock, passphrase change)

// openVaultMemdb decrypts the vault at path, sealed with the checked key k,
// into a new memdb journal.
func openVaultMemdb(path string, k *vaultKey) (*sql.DB, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Classify(err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64<<10)
	h, err := readVaultHead(r)
	if err != nil {
		return nil, err
	}
	return fillMemdb(func(writeAt func(p []byte, off int64) error) error {
		return k.openStream(r, h, writeAt)
	})
}

// fillMemdb opens a new memdb journal and lets fill write its bytes before
// anything reads them.
func fillMemdb(fill func(writeAt func(p []byte, off int64) error) error) (*sql.DB, error) {
	db, err := newMemJournal()
	if err != nil {
		return nil, err
	}
	m := memFileOf(db)
	err = fill(func(p []byte, off int64) error {
		if off == 0 && len(p) > 19 {
			// An image of a WAL database reads as WAL; memory databases
			// use a rollback journal.
			p[18], p[19] = 1, 1
		}
		return m.writeAt(p, off)
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// sealMemdb seals the journal db to w with k. For a memdb journal (from
// newMemJournal) it reads the database's bytes in place, holding the pool's
// only connection so that no change can happen meanwhile; the caller must
// not hold that connection itself. Any other database is first copied into
// a memdb journal.
func sealMemdb(w io.Writer, db *sql.DB, k *vaultKey, prefs map[string]string) error {
	m := memFileOf(db)
	if m == nil {
		mem, err := copyToMemdb(db)
		if err != nil {
			return err
		}
		defer mem.Close()
		return sealMemdb(w, mem, k, prefs)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		return err
	}
	defer conn.Close()
	size, err := m.size()
	if err != nil {
		return err
	}
	return k.sealStream(w, size, prefs, m.readAt)
}

// writeVaultFile seals the journal db with k and writes it atomically to
// path (a temporary file, synced, renamed over path, the folder synced).
func writeVaultFile(path string, db *sql.DB, k *vaultKey, prefs map[string]string) error {
	return Classify(WriteFileAtomic(path, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 256<<10)
		if err := sealMemdb(bw, db, k, prefs); err != nil {
			return err
		}
		return bw.Flush()
	}))
}

// copyToMemdb copies the journal db into a new memdb journal: a compact,
// consistent snapshot made by VACUUM INTO, in rollback-journal mode.
func copyToMemdb(db *sql.DB) (*sql.DB, error) {
	mem, err := newMemJournal()
	if err != nil {
		return nil, err
	}
	uri, _ := memURI(mem)
	if _, err := db.Exec(`VACUUM INTO ?`, uri); err != nil {
		mem.Close()
		return nil, fmt.Errorf("copy the journal into memory: %w", err)
	}
	return mem, nil
}

// verifyVaultFile reads the vault at path back and checks every chunk
// authenticates under k, holding one chunk at a time.
func verifyVaultFile(path string, k *vaultKey) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64<<10)
	h, err := readVaultHead(r)
	if err != nil {
		return err
	}
	return k.openStream(r, h, func([]byte, int64) error { return nil })
}
