package data

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/steadyapp/steady/data/guide"
)

// An encrypted export is a file in the vault format (the journal's whole
// database, sealed) with no readable preferences in its header. Import reads
// it back with its passphrase; an encrypted backup is restored the same way.

// IsEncryptedFile reports whether the file at path is in the vault format
// (an encrypted export, an encrypted backup or a vault), so that the caller
// knows to ask for a passphrase.
func IsEncryptedFile(path string) bool { return isVaultFile(path) }

// ExportEncrypted writes the whole journal to w in the vault format, sealed
// with pass (NFC-normalised; at least MinPassphrase characters). An empty
// pass seals it with the encrypted journal's own passphrase (its key; the
// passphrase itself is never kept), which a plain journal does not have.
func (s *Store) ExportEncrypted(w io.Writer, pass string) error {
	j := s.db
	j.mu.RLock() // no transition may swap the handles or wipe the key meanwhile
	defer j.mu.RUnlock()
	var key *vaultKey
	switch {
	case pass != "":
		if len([]rune(pass)) < MinPassphrase {
			return &FieldError{Field: "passphrase", Reason: "too_short"}
		}
		k, err := newVaultKey(pass)
		if err != nil {
			return fmt.Errorf("encrypted export: %w", err)
		}
		defer k.wipe()
		key = k
	case j.vault != nil:
		key = j.vault.key
	default:
		return fmt.Errorf("encrypted export: %w", &FieldError{Field: "passphrase", Reason: "too_short"})
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	if err := sealMemdb(bw, j.db, key, nil); err != nil {
		return fmt.Errorf("encrypted export: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("encrypted export: %w", err)
	}
	return nil
}

// openSealedJournal decrypts a vault-format file from r with pass into a
// memdb journal checked to be a sound Steady journal (quick_check, a schema
// version this Steady knows, migrated to it), for Import and restores. A
// wrong passphrase gives ErrWrongPassphrase, a damaged file ErrVaultDamaged,
// one made by a newer Steady ErrNewerVault or ErrNewerSchema.
func openSealedJournal(r io.Reader, pass string) (*sql.DB, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	h, err := readVaultHead(br)
	if err != nil {
		return nil, err
	}
	key, err := checkKey(h, pass)
	if err != nil {
		return nil, err
	}
	defer key.wipe()
	db, err := fillMemdb(func(writeAt func(p []byte, off int64) error) error {
		return key.openStream(br, h, writeAt)
	})
	if err != nil {
		return nil, err
	}
	if err := checkSealedJournal(db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// checkSealedJournal checks a decrypted journal the way a plain one is
// checked before it is trusted, then migrates it (it is a private copy).
func checkSealedJournal(db *sql.DB) error {
	var check string
	if err := db.QueryRow(`PRAGMA quick_check`).Scan(&check); err != nil {
		if isDamage(err) {
			return fmt.Errorf("%w: %w", ErrNotJournal, err)
		}
		return err
	}
	if check != "ok" {
		return fmt.Errorf("%w: quick_check: %s", ErrNotJournal, check)
	}
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return err
	}
	switch {
	case v < 0:
		return fmt.Errorf("%w: schema version %d", ErrNotJournal, v)
	case v > schemaVersion():
		return fmt.Errorf("schema version %d: %w", v, ErrNewerSchema)
	}
	return migrate(context.Background(), db)
}

// ImportEncrypted imports an encrypted export (see ExportEncrypted) read
// from r with its passphrase: its check-ins, plan and quit date are added
// as Import adds those of a JSON export. A missing or wrong passphrase gives
// ErrWrongPassphrase, a damaged file ErrVaultDamaged; the journal is left
// as it was then, and the file is only read.
func (s *Store) ImportEncrypted(r io.Reader, pass string) (ImportResult, error) {
	db, err := openSealedJournal(r, pass)
	if err != nil {
		return ImportResult{}, fmt.Errorf("import encrypted export: %w", err)
	}
	defer db.Close()
	src := &Store{db: &journalDB{db: db}, guide: guide.TheGuide(), now: s.now}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(src.ExportJSON(pw)) }()
	res, err := s.Import(pr)
	pr.CloseWithError(errors.New("import ended")) // lets the export end if Import stopped early
	if err != nil {
		return res, fmt.Errorf("import encrypted export: %w", err)
	}
	return res, nil
}

// RestoreVaultBackup replaces the journal in dir with the encrypted backup
// called name (as listed by Backups), which must open with pass, the
// passphrase it was sealed with; the journal then opens with that
// passphrase. It returns where the journal it replaced was kept
// (steady-before-restore-YYYYMMDD-HHMMSS.vault, or .db for a plain one,
// beside it; "" when there was none). The journal must be closed (else
// ErrLocked). The backup is decrypted and checked first (ErrWrongPassphrase,
// ErrVaultDamaged, ErrNotJournal, ErrNewerSchema leave everything as it
// was); the copy is written beside the journal and synced before anything
// is moved, and nothing is deleted.
func RestoreVaultBackup(dir, name, pass string) (string, error) {
	if !backupName.MatchString(name) {
		return "", fmt.Errorf("restore backup %q: %w", name, os.ErrNotExist)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return "", fmt.Errorf("restore backup: %w", err)
	}
	defer lock.release()
	src := filepath.Join(BackupDir(dir), name)
	if !isVaultFile(src) {
		return "", fmt.Errorf("restore backup %s: %w: not an encrypted backup", name, ErrVaultDamaged)
	}
	f, err := os.Open(src)
	if err != nil {
		return "", fmt.Errorf("restore backup %s: %w", name, err)
	}
	db, err := openSealedJournal(f, pass)
	f.Close()
	if err != nil {
		return "", fmt.Errorf("restore backup %s: %w", name, err)
	}
	db.Close()
	staged := filepath.Join(dir, "."+VaultName+".restore.tmp")
	os.Remove(staged)
	if err := copyFile(staged, src); err != nil {
		os.Remove(staged)
		return "", fmt.Errorf("restore backup %s: %w", name, Classify(err))
	}
	kept, err := keepReplaced(dir, time.Now())
	if err != nil {
		os.Remove(staged)
		return "", fmt.Errorf("restore backup %s: keep the current journal: %w", name, err)
	}
	if err := os.Rename(staged, vaultPath(dir)); err != nil {
		return kept, fmt.Errorf("restore backup %s: %w", name, Classify(err))
	}
	syncDir(dir)
	return kept, nil
}

// keepReplaced renames the journal in dir, encrypted or plain, out of the
// way of a restore (steady-before-restore-STAMP.vault or .db) and returns
// its new path ("" when there is none). The caller holds the lock.
func keepReplaced(dir string, now time.Time) (string, error) {
	kept := ""
	if _, err := os.Lstat(filepath.Join(dir, FileName)); err == nil {
		p, err := setAside(dir, replacedPrefix, now)
		if err != nil {
			return "", err
		}
		kept = p
	}
	if _, err := os.Lstat(vaultPath(dir)); err == nil {
		p, err := renameVaultAside(dir, replacedPrefix, now)
		if err != nil {
			return kept, err
		}
		kept = p
	}
	syncDir(dir)
	return kept, nil
}
