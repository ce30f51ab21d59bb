package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
	"github.com/steadyapp/steady/data/guide"
)

// While an encrypted journal is open it lives only in memory, in SQLite's
// memdb VFS; every change is sealed and written to VaultName by a saver
// goroutine off the caller's thread. Bursts of changes are coalesced into
// one save. A save writes a temporary file, syncs it, renames it over the
// vault and syncs the directory, so a crash leaves the old or the new file,
// never a torn one. Sync waits until every change made so far is on disk.

// saveCoalesce is how long the saver waits for more changes before saving.
const saveCoalesce = 30 * time.Millisecond

// vaultState is what an encrypted Store needs to save itself.
type vaultState struct {
	key  *vaultKey
	kick chan struct{}
	done chan struct{}

	mu    sync.Mutex
	cond  *sync.Cond
	gen   uint64 // changes made
	saved uint64 // changes on disk
	err   error  // the last save's error, nil once a save succeeds
	stop  bool
}

// Encrypted reports whether the journal is encrypted with a passphrase.
func (s *Store) Encrypted() bool { return s.vault != nil }

// changed tells an encrypted store's saver that the journal changed.
func (s *Store) changed() {
	v := s.vault
	if v == nil {
		return
	}
	v.mu.Lock()
	v.gen++
	v.mu.Unlock()
	select {
	case v.kick <- struct{}{}:
	default:
	}
}

// Sync waits until every change made so far is written to disk, and returns
// the error of the save that failed, if any. A plain journal is durable
// after each call already, so Sync returns nil at once.
func (s *Store) Sync() error {
	v := s.vault
	if v == nil {
		return nil
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	target := v.gen
	for v.saved < target && v.err == nil && !v.stop {
		v.cond.Wait()
	}
	if v.err != nil {
		return fmt.Errorf("save encrypted journal: %w", v.err)
	}
	return nil
}

func (s *Store) startSaver() {
	v := s.vault
	v.cond = sync.NewCond(&v.mu)
	v.kick = make(chan struct{}, 1)
	v.done = make(chan struct{})
	go func() {
		defer close(v.done)
		for range v.kick {
			time.Sleep(saveCoalesce)
			v.mu.Lock()
			target, stop := v.gen, v.stop
			v.mu.Unlock()
			err := s.saveVault()
			v.mu.Lock()
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

// stopSaver ends the saver after one last save.
func (s *Store) stopSaver() error {
	v := s.vault
	v.mu.Lock()
	v.stop = true
	v.gen++
	v.mu.Unlock()
	v.kick <- struct{}{}
	<-v.done
	return v.err
}

// serialize returns the database image.
func (s *Store) serialize() ([]byte, error) {
	conn, err := s.db.Conn(context.Background())
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var image []byte
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return errors.New("not a SQLite connection")
		}
		image, err = c.Serialize("main")
		return err
	})
	return image, err
}

// vaultPrefs reads the settings the vault's header keeps readable.
func (s *Store) vaultPrefs() map[string]string {
	prefs := map[string]string{}
	for _, k := range VaultPrefs {
		if v, ok, err := s.Setting(k); err == nil && ok {
			prefs[k] = v
		}
	}
	return prefs
}

// saveVault seals the current database and writes it over the vault file.
func (s *Store) saveVault() error {
	prefs := s.vaultPrefs()
	image, err := s.serialize()
	if err != nil {
		return err
	}
	sealed, err := s.vault.key.sealInPlace(image, prefs)
	if err != nil {
		return err
	}
	err = WriteFileAtomic(vaultPath(s.dir), func(w io.Writer) error {
		for _, part := range sealed {
			if _, err := w.Write(part); err != nil {
				return err
			}
		}
		return nil
	})
	sealed = nil
	releaseMemory() // a save holds the journal twice; give that back at once
	return Classify(err)
}

// openMemdb opens a database in SQLite's in-memory VFS holding image (or an
// empty one for nil). The pool keeps exactly one connection, so the memory
// database lives as long as the Store.
func openMemdb(image []byte) (*sql.DB, error) {
	var name [8]byte
	_, _ = rand.Read(name[:])
	db, err := sql.Open("sqlite3", "file:/steady-"+hex.EncodeToString(name[:])+
		"?vfs=memdb&_foreign_keys=on&_txlock=immediate&_busy_timeout=5000&_secure_delete=on")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if len(image) == 0 {
		return db, db.Ping()
	}
	if len(image) > 19 {
		// An image of a WAL database reads as WAL; memory databases use a
		// rollback journal.
		image[18], image[19] = 1, 1
	}
	// A deserialized database cannot grow, so load the image into a scratch
	// connection and copy it into the memdb database with the backup API.
	scratch, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		db.Close()
		return nil, err
	}
	defer scratch.Close()
	ctx := context.Background()
	src, err := scratch.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	defer src.Close()
	dst, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	defer dst.Close()
	err = src.Raw(func(sc any) error {
		s := sc.(*sqlite3.SQLiteConn)
		err := s.Deserialize(image, "main")
		// SQLite has its own copy now: wipe this one and hand the memory
		// back before the copy into memdb takes as much again.
		clear(image)
		image = nil
		releaseMemory()
		if err != nil {
			return err
		}
		return dst.Raw(func(dc any) error {
			b, err := dc.(*sqlite3.SQLiteConn).Backup("main", s, "main")
			if err != nil {
				return err
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return err
			}
			return b.Finish()
		})
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("load journal into memory: %w", err)
	}
	return db, nil
}

// OpenEncrypted opens the encrypted journal in dir with its passphrase. A
// wrong passphrase gives ErrPassphrase; a vault whose header or contents were
// changed gives ErrTampered; the file is left as it was in both cases.
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
	removeSaveTemps(dir)
	// Derive the key from the header alone, then give the KDF's memory back
	// before reading the journal: the two never take memory at once.
	h, err := readVaultHeader(vaultPath(dir))
	if err != nil {
		return nil, fmt.Errorf("open encrypted journal: %w", Classify(err))
	}
	key, err := checkKey(h, pass)
	if err != nil {
		return nil, fmt.Errorf("open encrypted journal: %w", err)
	}
	releaseMemory()
	b, err := os.ReadFile(vaultPath(dir))
	if err != nil {
		return nil, fmt.Errorf("open encrypted journal: %w", Classify(err))
	}
	image, key, err := openWithKey(b, key)
	if err != nil {
		return nil, fmt.Errorf("open encrypted journal: %w", err)
	}
	db, err := openMemdb(image) // clears image
	if err != nil {
		return nil, fmt.Errorf("open encrypted journal: %w", err)
	}
	s := &Store{db: db, path: vaultPath(dir), dir: dir, guide: guide.TheGuide(), now: time.Now,
		vault: &vaultState{key: key}}
	if err := migrate(context.Background(), db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open encrypted journal: %w", err)
	}
	s.startSaver()
	lock.own(s)
	return s, nil
}

// SetPassphrase encrypts the journal with pass, or changes the passphrase
// of an encrypted one. The plaintext file is then overwritten and removed,
// with its write-ahead log and the plaintext backups, so no readable copy is
// left on disk.
func (s *Store) SetPassphrase(pass string) error {
	if len([]rune(pass)) < MinPassphrase {
		return &FieldError{Field: "passphrase", Reason: "too_short"}
	}
	key, err := newVaultKey(pass)
	if err != nil {
		return fmt.Errorf("set passphrase: %w", err)
	}
	if s.vault != nil {
		if err := s.stopSaver(); err != nil {
			return fmt.Errorf("set passphrase: %w", err)
		}
		s.vault = &vaultState{key: key}
		s.startSaver()
		s.changed()
		return s.Sync()
	}
	image, err := s.serialize()
	if err != nil {
		return fmt.Errorf("set passphrase: %w", err)
	}
	sealed, err := key.seal(image, s.vaultPrefs())
	if err != nil {
		return fmt.Errorf("set passphrase: %w", err)
	}
	if err := WriteFileAtomic(vaultPath(s.dir), func(w io.Writer) error { _, err := w.Write(sealed); return err }); err != nil {
		return fmt.Errorf("set passphrase: %w", Classify(err))
	}
	mem, err := openMemdb(image) // clears image
	if err != nil {
		os.Remove(vaultPath(s.dir))
		return fmt.Errorf("set passphrase: %w", err)
	}
	old := s.db
	s.db, s.path, s.vault = mem, vaultPath(s.dir), &vaultState{key: key}
	s.startSaver()
	_, _ = old.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	old.Close()
	for _, name := range []string{FileName, FileName + "-wal", FileName + "-shm", FileName + "-journal"} {
		shred(filepath.Join(s.dir, name))
	}
	if err := RemoveBackups(s.dir); err != nil {
		return fmt.Errorf("set passphrase: remove plaintext backups: %w", err)
	}
	return nil
}

// RemovePassphrase decrypts the journal back into a plain file and removes
// the encrypted one.
func (s *Store) RemovePassphrase() error {
	if s.vault == nil {
		return nil
	}
	if err := s.stopSaver(); err != nil {
		return fmt.Errorf("remove passphrase: %w", err)
	}
	image, err := s.serialize()
	if err != nil {
		return fmt.Errorf("remove passphrase: %w", err)
	}
	path := filepath.Join(s.dir, FileName)
	if err := WriteFileAtomic(path, func(w io.Writer) error { _, err := w.Write(image); return err }); err != nil {
		s.startSaver()
		return fmt.Errorf("remove passphrase: %w", Classify(err))
	}
	db, err := sql.Open("sqlite3", dsn(path))
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		s.startSaver()
		return fmt.Errorf("remove passphrase: %w", err)
	}
	s.db.Close()
	s.db, s.path, s.vault = db, path, nil
	if err := os.Remove(vaultPath(s.dir)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove passphrase: %w", err)
	}
	return nil
}

// shred overwrites a file with zeros before removing it (best effort: an SSD
// or a copy-on-write file system may keep the old blocks).
func shred(path string) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if st, err := f.Stat(); err == nil {
		zero := make([]byte, 64<<10)
		for left := st.Size(); left > 0; left -= int64(len(zero)) {
			n := min(left, int64(len(zero)))
			if _, err := f.Write(zero[:n]); err != nil {
				break
			}
		}
		f.Sync()
	}
	f.Close()
	os.Remove(path)
}

// removeSaveTemps deletes temporary files a save left behind when Steady was
// killed in the middle of it (WriteFileAtomic names them .NAME.*.tmp). Only
// the process holding the directory's lock calls it, so no save is running.
func removeSaveTemps(dir string) {
	for _, name := range []string{VaultName, FileName} {
		left, _ := filepath.Glob(filepath.Join(dir, "."+name+".*.tmp"))
		for _, p := range left {
			os.Remove(p)
		}
	}
}

// releaseMemory returns freed Go memory to the operating system, between the
// large steps of opening an encrypted journal, so that their peaks do not
// add up.
func releaseMemory() {
	runtime.GC()
	debug.FreeOSMemory()
}
