package data

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"testing"
	"time"
)

// fuzzKDF stands in for Argon2id in the fuzz target, so that an input whose
// header is sound costs microseconds, not a 64 MiB derivation; everything
// after the derivation is the real code.
func fuzzKDF(pass []byte, kdf vaultKDF) []byte {
	h := sha256.New()
	h.Write(kdf.Salt)
	h.Write(pass)
	return h.Sum(nil)
}

// fuzzSeal seals a small real journal with fuzzKDF, in the current format,
// for the seeds.
func fuzzSeal(f *testing.F, pass string) []byte {
	f.Helper()
	mem, err := newMemJournal()
	if err != nil {
		f.Fatal(err)
	}
	defer mem.Close()
	if err := migrate(f.Context(), mem); err != nil {
		f.Fatal(err)
	}
	if _, err := mem.Exec(`INSERT INTO settings (key, value) VALUES ('language', 'es')`); err != nil {
		f.Fatal(err)
	}
	kdf := vaultKDF{Alg: "argon2id", MemoryKiB: kdfMemoryKiB, Time: kdfTime, Threads: kdfThreads, Salt: bytes.Repeat([]byte{7}, 16)}
	k := keyFrom(fuzzKDF(normPass(pass), kdf), kdf)
	var b bytes.Buffer
	if err := sealMemdb(&b, mem, k, map[string]string{SettingLanguage: "es"}); err != nil {
		f.Fatal(err)
	}
	return b.Bytes()
}

// FuzzVault feeds arbitrary bytes to everything that reads a steady.vault:
// the header alone (ReadVaultPrefs' path), the passphrase check, and the
// whole open with the right passphrase (decrypt into memory, then the
// checks a journal gets before it is trusted and its migration). It must
// only ever return an error of the vault's kinds, or a sound journal; never
// panic. (OpenEncrypted on files is covered by the tests in vault_test.go;
// here the work per input stays in memory.)
func FuzzVault(f *testing.F) {
	const pass = "fuzz passphrase"
	good := fuzzSeal(f, pass)
	f.Add(good, pass)
	f.Add(good, "wrong")
	f.Add(good[:len(good)/2], pass)
	f.Add(good[:vaultPrefixLen+10], pass)
	f.Add([]byte(vaultMagic+"\x03"), pass)
	f.Add([]byte(vaultMagic+"\x01\x00\x00\x00\x02{}"), pass)
	f.Add([]byte(sqliteHeader), pass)
	if !fuzzOpen(f, good, pass) {
		f.Fatal("the good seed does not open")
	}
	f.Fuzz(func(t *testing.T, file []byte, pass string) { fuzzOpen(t, file, pass) })
}

// fuzzOpen runs one input through the vault's readers and reports whether
// it opened as a sound journal.
func fuzzOpen(t testing.TB, file []byte, pass string) bool {
	t.Helper()
	r := bufio.NewReader(bytes.NewReader(file))
	h, err := readVaultHead(r)
	if err != nil {
		if !errors.Is(err, ErrVaultDamaged) && !errors.Is(err, ErrNewerVault) {
			t.Fatalf("header: unexpected error %v", err)
		}
		return false
	}
	if err := h.validKDF(); err != nil {
		t.Fatalf("a header with out-of-range KDF parameters was accepted: %+v", h.KDF)
	}
	k, err := unlockHeader(h, pass, fuzzKDF)
	if err != nil {
		if !errors.Is(err, ErrWrongPassphrase) && !errors.Is(err, ErrVaultDamaged) {
			t.Fatalf("unlock: unexpected error %v", err)
		}
		return false
	}
	defer k.wipe()
	db, err := fillMemdb(func(writeAt func(p []byte, off int64) error) error {
		return k.openStream(r, h, writeAt)
	})
	if err != nil {
		if !errors.Is(err, ErrVaultDamaged) {
			t.Fatalf("open: unexpected error %v", err)
		}
		return false
	}
	defer db.Close()
	if err := checkSealedJournal(db); err != nil {
		return false // refused as a journal: an error is all that is asked
	}
	soundJournal(t, db)
	return true
}

// soundJournal checks that an accepted journal answers the Store's reads.
func soundJournal(t testing.TB, db *sql.DB) {
	t.Helper()
	s := &Store{db: &journalDB{db: db}, now: time.Now}
	if _, err := s.Count(); err != nil {
		t.Fatalf("an accepted journal fails Count: %v", err)
	}
	if _, _, err := s.Page(Filter{}, Cursor{}, 10); err != nil {
		t.Fatalf("an accepted journal fails Page: %v", err)
	}
}
