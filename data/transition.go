package data

import (
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Transitions turn encryption on (SetPassphrase on a plain journal), change
// the passphrase, or turn it off (RemovePassphrase). Each holds the Store's
// write lock from the moment it reads the journal until the new handles are
// in place, so no change is lost or made twice, and no reader sees a closed
// handle it was not told about.
//
// A crash (or a SIGKILL) can stop a transition anywhere. The order of the
// steps makes every stop safe: the new file is whole (written aside, synced,
// renamed) before the old one is touched, and the only state in which both a
// plain journal and a vault exist holds the same journal in both. Then
// Steady starts on the lock screen (a vault exists), and OpenEncrypted, once
// the vault has opened with the passphrase (so it is whole), overwrites and
// removes the plain journal and seals or removes every other readable copy
// (secureLeftovers): an interrupted SetPassphrase is finished, an
// interrupted RemovePassphrase undone.

// SetPassphrase encrypts the journal with pass, or changes the passphrase
// of an encrypted one. It returns once the vault is on disk and every other
// copy of the journal in the data folder is safe:
//
//   - turning encryption on, the plain journal and its write-ahead log are
//     overwritten with zeros and removed; plain backups are sealed under the
//     new key; journals kept aside (steady-damaged-*, steady-before-restore-*)
//     are sealed into NAME.vault and their plain files overwritten;
//   - changing the passphrase, every backup and aside copy is sealed anew
//     under the new key, so none opens with the old passphrase (a backup
//     that does not open with the old key either is overwritten and
//     removed).
//
// Copies outside the data folder (system backups, sync folders, exports)
// are beyond Steady's reach and still open with what they were made with.
func (s *Store) SetPassphrase(pass string) error {
	if len([]rune(pass)) < MinPassphrase {
		return &FieldError{Field: "passphrase", Reason: "too_short"}
	}
	key, err := newVaultKey(pass)
	if err != nil {
		return fmt.Errorf("set passphrase: %w", err)
	}
	// Open's check of the plain file (soundcheck.go) ends first: a damaged
	// journal is not sealed into a vault, and its connection is closed
	// before the file is shredded.
	if err := s.check.wait(); err != nil {
		return fmt.Errorf("set passphrase: %w", err)
	}
	j := s.db
	j.lock.stopBackup() // the day's backup reads the journal: end it first
	j.mu.Lock()
	defer j.mu.Unlock()
	if err := j.lock.check(); err != nil {
		return fmt.Errorf("set passphrase: %w", err)
	}
	if j.vault != nil {
		err = s.changePassphrase(key)
	} else {
		err = s.encrypt(key)
	}
	if err != nil {
		return fmt.Errorf("set passphrase: %w", err)
	}
	return nil
}

// encrypt turns the plain journal into a vault sealed with key. The caller
// holds s.db.mu.
func (s *Store) encrypt(key *vaultKey) error {
	j := s.db
	j.stepped("encrypt")
	prefs := prefsOf(j.db)
	if err := writeVaultFile(vaultPath(s.dir), j.db, key, prefs); err != nil {
		return err
	}
	j.stepped("vault-written")
	if err := verifyVaultFile(vaultPath(s.dir), key); err != nil {
		os.Remove(vaultPath(s.dir))
		return fmt.Errorf("check the new encrypted journal: %w", err)
	}
	mem, err := openVaultMemdb(vaultPath(s.dir), key)
	if err != nil {
		os.Remove(vaultPath(s.dir))
		return err
	}
	plain := filepath.Join(s.dir, FileName)
	held := holdFiles(append([]string{plain}, companions(plain)...)...)
	old := j.db
	v := newVaultState(mem, key, s.dir, j)
	j.swap(mem, vaultPath(s.dir), v)
	v.start()
	// Closing checkpoints the log into the file and unlinks it; the held
	// descriptors let the zeros reach the log's own blocks all the same.
	old.Close()
	j.stepped("swapped")
	if err := held.shred(); err != nil {
		return fmt.Errorf("overwrite the plain journal: %w", err)
	}
	j.stepped("plain-removed")
	if err := secureLeftovers(s.dir, key, "", prefs); err != nil {
		return err
	}
	j.stepped("done")
	return nil
}

// changePassphrase seals the journal, its backups and its aside copies under
// key. The caller holds s.db.mu.
func (s *Store) changePassphrase(key *vaultKey) error {
	j := s.db
	v := j.vault
	j.stepped("change")
	if err := v.finish(); err != nil {
		v.start()
		return err
	}
	// Until every backup is sealed anew, a crash must not leave backups that
	// open with the old passphrase: the marker tells the next start which
	// key was retired (secureLeftovers).
	if err := writeRekey(s.dir, v.key.kdf.Salt); err != nil {
		v.start()
		return err
	}
	if err := writeVault(s.dir, j.db, key); err != nil {
		os.Remove(filepath.Join(s.dir, rekeyName))
		v.start()
		return err
	}
	j.stepped("vault-written")
	if err := verifyVaultFile(vaultPath(s.dir), key); err != nil {
		// The vault on disk may be the new one or the old: seal it again
		// under the old key, which is the one the user still knows.
		if rerr := writeVault(s.dir, j.db, v.key); rerr != nil {
			return fmt.Errorf("check the new encrypted journal: %w (and restoring the old one: %v)", err, rerr)
		}
		v.start()
		return fmt.Errorf("check the new encrypted journal: %w", err)
	}
	nv := newVaultState(j.db, key, s.dir, j)
	j.swap(j.db, j.path, nv)
	nv.start()
	j.stepped("swapped")
	err := resealLeftovers(s.dir, v.key, key, prefsOf(j.db))
	v.key.wipe()
	if err != nil {
		return err
	}
	j.stepped("done")
	return nil
}

// RemovePassphrase decrypts the journal back into a plain file and removes
// the encrypted one; backups and aside copies sealed with its key become
// plain again too (the passphrase will not exist any more to open them).
func (s *Store) RemovePassphrase() error {
	j := s.db
	j.lock.stopBackup()
	j.mu.Lock()
	defer j.mu.Unlock()
	v := j.vault
	if v == nil {
		return nil
	}
	if err := j.lock.check(); err != nil {
		return fmt.Errorf("remove passphrase: %w", err)
	}
	if err := s.decrypt(v); err != nil {
		return fmt.Errorf("remove passphrase: %w", err)
	}
	return nil
}

// decrypt writes the memory journal to a plain file and removes the vault.
// The caller holds s.db.mu.
func (s *Store) decrypt(v *vaultState) error {
	j := s.db
	j.stepped("decrypt")
	if err := v.finish(); err != nil {
		v.start()
		return err
	}
	restart := func(err error) error { v.start(); return err }
	image, err := serializeDB(j.db)
	if err != nil {
		return restart(err)
	}
	path := filepath.Join(s.dir, FileName)
	for _, p := range companions(path) {
		if err := shred(p); err != nil {
			return restart(err)
		}
	}
	if err := writeParts(path, [][]byte{image}); err != nil {
		return restart(Classify(err))
	}
	clear(image)
	j.stepped("plain-written")
	db, err := sql.Open(driverName, dsn(path))
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		shred(path) //nolint:errcheck // the vault is still the journal
		return restart(err)
	}
	if err := unsealLeftovers(s.dir, v.key); err != nil {
		db.Close()
		shred(path) //nolint:errcheck // the vault is still the journal
		return restart(err)
	}
	j.stepped("leftovers-plain")
	mem := j.db
	j.swap(db, path, nil)
	mem.Close()
	v.key.wipe()
	if err := os.Remove(vaultPath(s.dir)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	syncDir(s.dir)
	j.stepped("done")
	return nil
}

// sealedWith reports whether the vault file at path is sealed with key,
// from its header alone.
func sealedWith(path string, key *vaultKey) bool {
	h, err := readVaultHeader(path)
	return err == nil && key.matches(h)
}

// openSealed returns the plaintext of the vault file at path, sealed with
// key.
func openSealed(path string, key *vaultKey) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	image, _, err := openWithKey(b, key)
	return image, err
}

// replaceFile writes data to dst atomically, then overwrites and removes
// src: when src is dst, its old bytes are overwritten through a descriptor
// held across the rename (where the system allows: see replaceOver).
func replaceFile(dst, src string, data [][]byte) error {
	if renameOverOpenRefused && filepath.Clean(dst) == filepath.Clean(src) {
		return replaceOver(dst, data)
	}
	old := holdFiles(src)
	if err := writeParts(dst, data); err != nil {
		old.close()
		return Classify(err)
	}
	return old.shred()
}

// sealFile seals the plain file src under key into dst (which may be src)
// and overwrites src.
func sealFile(dst, src string, key *vaultKey, prefs map[string]string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	parts, err := key.sealInPlace(b, prefs)
	if err != nil {
		return err
	}
	return replaceFile(dst, src, parts)
}

// secureLeftovers makes sure nothing readable is left beside the verified
// vault of the journal sealed with key: the plain journal, its companions
// and temporary files are overwritten and removed; plain backups are sealed
// under key; backups sealed under another key are sealed anew when pass
// opens them, overwritten and removed when a passphrase change retired
// their key (.steady.rekey), and else left as they are; plain aside copies
// are sealed into NAME.vault. prefs go into the backups' headers.
func secureLeftovers(dir string, key *vaultKey, pass string, prefs map[string]string) error {
	files, err := steadyFiles(dir)
	if err != nil {
		return err
	}
	var first error
	keep := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	derived := map[string]*vaultKey{} // by salt: at most one derivation each
	retired := readRekey(dir)
	for _, f := range files {
		switch f.kind {
		case fileJournal, fileCompanion, fileSaveTemp, fileBackupTemp:
			keep(shred(f.path))
		case fileBackup:
			switch {
			case !f.sealed():
				keep(sealFile(f.path, f.path, key, prefs))
			case sealedWith(f.path, key):
			default:
				if other := otherKey(f.path, pass, derived); other != nil {
					keep(resealFile(f.path, other, key, prefs))
				} else if retired != "" && saltOf(f.path) == retired {
					keep(shred(f.path)) // sealed under the passphrase a change retired
				}
				// Otherwise it is sealed under a passphrase of its own (a
				// restored backup's journal had another one): it stays.
			}
		case fileAside:
			switch {
			case strings.HasSuffix(f.path, "-shm"):
				keep(shred(f.path)) // an index of the log: nothing to keep
			case !f.sealed():
				keep(sealFile(f.path+".vault", f.path, key, nil))
			case sealedWith(f.path, key):
			default:
				// An aside copy sealed under another passphrase stays as it
				// is: it is not readable without it, and it may be the
				// only copy of what it holds.
				if other := otherKey(f.path, pass, derived); other != nil {
					keep(resealFile(f.path, other, key, nil))
				}
			}
		}
	}
	if first == nil {
		os.Remove(filepath.Join(dir, rekeyName))
	}
	syncDir(dir)
	return first
}

// writeRekey records, durably, that the key with salt is being retired.
func writeRekey(dir string, salt []byte) error {
	return WriteFileAtomic(filepath.Join(dir, rekeyName), func(w io.Writer) error {
		_, err := io.WriteString(w, hex.EncodeToString(salt))
		return err
	})
}

// readRekey returns the hex salt of the key a passphrase change retires,
// or "" when no change is in progress.
func readRekey(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, rekeyName))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// saltOf returns the hex salt in the header of the vault file at path.
func saltOf(path string) string {
	h, err := readVaultHeader(path)
	if err != nil {
		return ""
	}
	return hex.EncodeToString(h.KDF.Salt)
}

// otherKey derives the key of the vault file at path from pass, or returns
// nil when pass is empty or does not open it.
func otherKey(path, pass string, derived map[string]*vaultKey) *vaultKey {
	if pass == "" {
		return nil
	}
	h, err := readVaultHeader(path)
	if err != nil {
		return nil
	}
	k, ok := derived[string(h.KDF.Salt)]
	if !ok {
		k, _ = checkKey(h, pass) // nil when pass does not open it
		derived[string(h.KDF.Salt)] = k
	}
	return k
}

// resealFile seals the vault file at path, sealed with from, anew with to.
func resealFile(path string, from, to *vaultKey, prefs map[string]string) error {
	image, err := openSealed(path, from)
	if err != nil {
		return err
	}
	parts, err := to.sealInPlace(image, prefs)
	if err != nil {
		return err
	}
	return replaceFile(path, path, parts)
}

// resealLeftovers seals every backup and aside copy sealed with from anew
// with to; a backup that does not open with from is overwritten and
// removed, and anything plain is sealed (see secureLeftovers).
func resealLeftovers(dir string, from, to *vaultKey, prefs map[string]string) error {
	files, err := steadyFiles(dir)
	if err != nil {
		return err
	}
	var first error
	for _, f := range files {
		if (f.kind == fileBackup || f.kind == fileAside) && f.sealed() && sealedWith(f.path, from) {
			// A damaged one stays as it is (see unsealLeftovers).
			if err := resealFile(f.path, from, to, prefs); err != nil && !errors.Is(err, ErrVaultDamaged) && first == nil {
				first = err
			}
		}
	}
	if err := secureLeftovers(dir, to, "", prefs); err != nil && first == nil {
		first = err
	}
	return first
}

// unsealLeftovers turns every backup and aside copy sealed with key back
// into a plain file, for RemovePassphrase: a backup in place, an aside copy
// NAME.vault into NAME (unless NAME exists). Temporary files of saves, and
// the lock screen's choices (there will be no lock screen), are removed.
func unsealLeftovers(dir string, key *vaultKey) error {
	files, err := steadyFiles(dir)
	if err != nil {
		return err
	}
	for _, f := range files {
		switch {
		case f.kind == fileSaveTemp || f.kind == fileBackupTemp || f.kind == filePrefs:
			if err := shred(f.path); err != nil {
				return err
			}
		case (f.kind == fileBackup || f.kind == fileAside) && f.sealed() && sealedWith(f.path, key):
			dst := f.path
			if f.kind == fileAside {
				dst = strings.TrimSuffix(f.path, ".vault")
				if !strings.Contains(filepath.Base(dst), ".db") {
					dst += ".db" // an encrypted journal a restore replaced
				}
				if _, err := os.Lstat(dst); err == nil {
					continue
				}
			}
			image, err := openSealed(f.path, key)
			if errors.Is(err, ErrVaultDamaged) {
				continue // damaged (a journal kept aside as such): it stays as it is
			}
			if err != nil {
				return err
			}
			if err := replaceFile(dst, f.path, [][]byte{image}); err != nil {
				return err
			}
		}
	}
	syncDir(dir)
	return nil
}

// removeSaveTemps overwrites and removes the temporary files a save or a
// restore left behind when Steady was killed in the middle of one. Only the
// process holding the folder's lock calls it, so no save is running.
func removeSaveTemps(dir string) {
	files, _ := steadyFiles(dir)
	for _, f := range files {
		if f.kind == fileSaveTemp {
			shred(f.path) //nolint:errcheck // best effort; the next start tries again
		}
	}
}
