package data

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/hkdf"
	"golang.org/x/text/unicode/norm"
)

// An encrypted journal is one file, VaultName, in the data directory. Its
// format (version 2; docs/reliability.md, "Vault format", has the full
// description) is
//
//	magic "STEADY-VAULT\x00" (13 bytes) | format version (1 byte)
//	| header length n (uint32, big-endian) | header (JSON, n bytes)
//	| SHA-256 of everything before it (32 bytes: the header checksum)
//	| the database image sealed in chunks (vault_chunks.go)
//
// The header is plaintext: the KDF parameters and salt, a passphrase check,
// the chunking, the image size, a nonce prefix and the preferences the lock
// screen needs before unlock (VaultPrefs). Its checksum tells damage from a
// wrong passphrase before any key is derived; every chunk's associated data
// holds the checksum, so the header is authenticated too. Version 1 files
// (one XChaCha20-Poly1305 message, no checksum, one key for the check and
// the cipher) are still read, and written as version 2 by the next save.

// VaultName is the encrypted journal's file name.
const VaultName = "steady.vault"

// vaultMagic starts every vault; the format version byte follows it.
const vaultMagic = "STEADY-VAULT\x00"

// Format versions.
const (
	vaultV1      = 1 // one AEAD message; read only
	vaultV2      = 2 // chunked, header checksum, HKDF subkeys; written
	vaultVersion = vaultV2
)

const (
	vaultPrefixLen = len(vaultMagic) + 1 + 4 // magic, version, header length
	vaultSumLen    = sha256.Size
	maxVaultHeader = 64 << 10 // bytes of header JSON
)

// Argon2id parameters for new vaults (stored in each file's header, so they
// can change without breaking old files).
const (
	kdfMemoryKiB = 64 * 1024
	kdfTime      = 4
	kdfThreads   = 2
	keyLen       = chacha20poly1305.KeySize
)

// The largest KDF parameters a vault may ask for. A header beyond them is
// refused as damaged before any key is derived, so a forged header cannot
// make unlocking take gigabytes or minutes: at most four times the work of
// what Steady writes.
const (
	maxKDFMemoryKiB = 256 * 1024
	minKDFMemoryKiB = 8 * 1024
	maxKDFTime      = 8
	maxKDFThreads   = 4
	maxKDFWork      = 4 * kdfMemoryKiB * kdfTime // memory (KiB) × passes
	minSaltLen      = 16
	maxSaltLen      = 64
)

// MinPassphrase is the shortest passphrase Steady accepts, in characters.
const MinPassphrase = 8

// vaultPrefKeys are the settings kept readable in the vault's header.
var vaultPrefKeys = [...]string{SettingLanguage, SettingTheme, SettingTextScale, SettingWelcomeDone,
	SettingDiscreet, SettingLockMinutes}

// VaultPrefs returns the keys of the settings kept readable in the vault's
// header, for the lock screen: nothing from the journal itself.
func VaultPrefs() []string { return append([]string(nil), vaultPrefKeys[:]...) }

// Errors of encrypted journals. The file is never changed when they are
// returned.
var (
	// ErrWrongPassphrase reports a passphrase that does not open the vault.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrVaultDamaged reports an encrypted journal whose header or contents
	// were changed or damaged after it was written (or a file that is not a
	// vault at all).
	ErrVaultDamaged = errors.New("encrypted journal is damaged or was changed")
	// ErrNewerVault reports an encrypted journal made by a newer Steady, in
	// a format this one cannot read.
	ErrNewerVault = errors.New("encrypted journal was made by a newer Steady")
	// ErrEncrypted reports that the journal is encrypted: open it with
	// OpenEncrypted.
	ErrEncrypted = errors.New("journal is encrypted")

	// ErrPassphrase is ErrWrongPassphrase, under the name ui used first.
	ErrPassphrase = ErrWrongPassphrase
	// ErrTampered is ErrVaultDamaged, under the name ui used first.
	ErrTampered = ErrVaultDamaged
)

type vaultKDF struct {
	Alg       string `json:"alg"`
	MemoryKiB uint32 `json:"memory_kib"`
	Time      uint32 `json:"time"`
	Threads   uint8  `json:"threads"`
	Salt      []byte `json:"salt"`
}

// vaultHeader is the JSON header. Version 1 files have no chunk size and no
// size, and their nonce is the whole 24-byte XChaCha20 nonce.
type vaultHeader struct {
	Version   int               `json:"version"`
	KDF       vaultKDF          `json:"kdf"`
	Check     []byte            `json:"check"` // tells a wrong passphrase from a right one
	Cipher    string            `json:"cipher"`
	ChunkSize int               `json:"chunk_size,omitempty"` // plaintext bytes per chunk (v2)
	Size      int64             `json:"size,omitempty"`       // plaintext bytes in all (v2)
	Nonce     []byte            `json:"nonce"`                // v2: the 16-byte prefix of every chunk's nonce
	Prefs     map[string]string `json:"prefs"`

	head []byte // v1: the raw bytes before the ciphertext (the associated data)
	sum  []byte // v2: the header checksum (in every chunk's associated data)
}

// Labels of the derivations.
const (
	checkLabelV1 = "steady passphrase check v1"
	checkInfo    = "steady vault v2 passphrase check"
	aeadInfo     = "steady vault v2 chunk key"
)

// vaultKey is what a passphrase gives for one salt and KDF parameters: the
// Argon2id output (master) and, from it by HKDF-SHA256, the chunk cipher's
// key and the passphrase check, so that the check and the cipher never share
// a key. wipe overwrites all three.
type vaultKey struct {
	kdf    vaultKDF
	master []byte // Argon2id(NFC(passphrase)); a version 1 vault's cipher key
	aead   []byte // HKDF(master, salt, aeadInfo)
	check  []byte // HMAC-SHA256(HKDF(master, salt, checkInfo), checkInfo)
	// legacy is the cipher key of a version 1 vault sealed with a passphrase
	// that was not in NFC (Argon2id of it as typed), when that is what
	// opened it; the next save seals with the NFC key above, so that the
	// vault opens however the passphrase is typed from then on.
	legacy []byte
}

// kdfRuns counts key derivations, for the tests that prove a refused header
// derives nothing.
var kdfRuns atomic.Int64

// kdfFunc derives the master key from a passphrase; argonKDF is the real one.
type kdfFunc func(pass []byte, kdf vaultKDF) []byte

func argonKDF(pass []byte, kdf vaultKDF) []byte {
	kdfRuns.Add(1)
	return argon2.IDKey(pass, kdf.Salt, kdf.Time, kdf.MemoryKiB, kdf.Threads, keyLen)
}

// normPass is how a passphrase is spelled for key derivation: Unicode NFC,
// so that the same characters typed through different keyboards or input
// methods give the same key.
func normPass(pass string) []byte { return []byte(norm.NFC.String(pass)) }

// newVaultCost is the Argon2id cost of new vaults: always the constants
// above in Steady. The data package's tests lower it (kdfcost_test.go) to
// save minutes of key derivation; each vault records its own cost, and one
// test keeps the production cost.
var newVaultCost = vaultKDF{Alg: "argon2id", MemoryKiB: kdfMemoryKiB, Time: kdfTime, Threads: kdfThreads}

// newVaultKey derives a key from a passphrase with a fresh salt.
func newVaultKey(pass string) (*vaultKey, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	kdf := newVaultCost
	kdf.Salt = salt
	p := normPass(pass)
	defer clear(p)
	return keyFrom(argonKDF(p, kdf), kdf), nil
}

// keyFrom completes a key from its master key (which it keeps).
func keyFrom(master []byte, kdf vaultKDF) *vaultKey {
	k := &vaultKey{kdf: kdf, master: master, aead: make([]byte, keyLen)}
	if _, err := io.ReadFull(hkdf.New(sha256.New, master, kdf.Salt, []byte(aeadInfo)), k.aead); err != nil {
		panic(err) // HKDF-SHA256 gives up to 8160 bytes
	}
	ck := make([]byte, sha256.Size)
	if _, err := io.ReadFull(hkdf.New(sha256.New, master, kdf.Salt, []byte(checkInfo)), ck); err != nil {
		panic(err)
	}
	m := hmac.New(sha256.New, ck)
	m.Write([]byte(checkInfo))
	k.check = m.Sum(nil)
	clear(ck)
	return k
}

// checkV1 is a version 1 vault's passphrase check: HMAC-SHA256 keyed with
// the cipher key itself.
func (k *vaultKey) checkV1() []byte {
	m := hmac.New(sha256.New, k.v1Key())
	m.Write([]byte(checkLabelV1))
	return m.Sum(nil)
}

// v1Key is the cipher key of a version 1 vault with k's salt.
func (k *vaultKey) v1Key() []byte {
	if k.legacy != nil {
		return k.legacy
	}
	return k.master
}

// matches reports whether k is the key of a vault with header h (same salt
// and parameters, and the passphrase check agrees).
func (k *vaultKey) matches(h vaultHeader) bool {
	if k == nil || k.master == nil || !bytes.Equal(k.kdf.Salt, h.KDF.Salt) || k.kdf.MemoryKiB != h.KDF.MemoryKiB ||
		k.kdf.Time != h.KDF.Time || k.kdf.Threads != h.KDF.Threads {
		return false
	}
	if h.Version == vaultV1 {
		return hmac.Equal(k.checkV1(), h.Check)
	}
	return hmac.Equal(k.check, h.Check)
}

// wipe overwrites the key's bytes; the key is unusable afterwards. The
// Store calls it when the journal is closed or locked, and when a
// passphrase change retires the old key. (The cipher keeps a copy of the
// chunk key only for the length of one save or open.)
func (k *vaultKey) wipe() {
	if k == nil {
		return
	}
	clear(k.master)
	clear(k.aead)
	clear(k.check)
	clear(k.legacy)
	k.master, k.aead, k.check, k.legacy = nil, nil, nil, nil
}

// checkKey derives the key for a vault's header from pass and checks it:
// ErrWrongPassphrase when it does not open the vault. The passphrase is
// NFC-normalised; a version 1 vault, made before that, is also tried with
// the passphrase as typed.
func checkKey(h vaultHeader, pass string) (*vaultKey, error) {
	return unlockHeader(h, pass, argonKDF)
}

func unlockHeader(h vaultHeader, pass string, derive kdfFunc) (*vaultKey, error) {
	if err := h.validKDF(); err != nil {
		return nil, err // never derive with parameters from a damaged header
	}
	p := normPass(pass)
	defer clear(p)
	k := keyFrom(derive(p, h.KDF), h.KDF)
	if k.matches(h) {
		return k, nil
	}
	if raw := []byte(pass); h.Version == vaultV1 && !bytes.Equal(raw, p) {
		// Made before passphrases were normalised: try it as typed.
		k.legacy = derive(raw, h.KDF)
		clear(raw)
		if k.matches(h) {
			return k, nil
		}
	}
	k.wipe()
	return nil, ErrWrongPassphrase
}

// validKDF checks the KDF parameters against what Steady accepts.
func (h vaultHeader) validKDF() error {
	k := h.KDF
	if k.Alg != "argon2id" || len(k.Salt) < minSaltLen || len(k.Salt) > maxSaltLen ||
		k.MemoryKiB < minKDFMemoryKiB || k.MemoryKiB > maxKDFMemoryKiB || k.Time < 1 || k.Time > maxKDFTime ||
		k.Threads < 1 || k.Threads > maxKDFThreads || uint64(k.MemoryKiB)*uint64(k.Time) > maxKDFWork {
		return fmt.Errorf("%w: key derivation parameters out of range", ErrVaultDamaged)
	}
	return nil
}

// readVaultHead reads and checks a vault's header from r, leaving r at the
// first byte of the ciphertext. It derives nothing: a damaged header gives
// ErrVaultDamaged, a newer format ErrNewerVault.
func readVaultHead(r io.Reader) (vaultHeader, error) {
	var h vaultHeader
	pre := make([]byte, vaultPrefixLen)
	if _, err := io.ReadFull(r, pre); err != nil {
		return h, fmt.Errorf("%w: too short for a header", ErrVaultDamaged)
	}
	if string(pre[:len(vaultMagic)]) != vaultMagic {
		return h, fmt.Errorf("%w: not a Steady vault", ErrVaultDamaged)
	}
	version := int(pre[len(vaultMagic)])
	n := binary.BigEndian.Uint32(pre[len(vaultMagic)+1:])
	if version == 0 || n < 2 || n > maxVaultHeader {
		return h, fmt.Errorf("%w: header length %d", ErrVaultDamaged, n)
	}
	body := make([]byte, int(n))
	if _, err := io.ReadFull(r, body); err != nil {
		return h, fmt.Errorf("%w: header cut short", ErrVaultDamaged)
	}
	head := append(pre, body...)
	if version == vaultV1 {
		return parseHeaderV1(head)
	}
	// Version 2 and every later one start with the same layout, so a
	// checksum that holds tells "newer" from "damaged".
	sum := make([]byte, vaultSumLen)
	if _, err := io.ReadFull(r, sum); err != nil {
		return h, fmt.Errorf("%w: header cut short", ErrVaultDamaged)
	}
	if want := sha256.Sum256(head); !hmac.Equal(sum, want[:]) {
		return h, fmt.Errorf("%w: header checksum", ErrVaultDamaged)
	}
	if version > vaultVersion {
		return h, fmt.Errorf("format %d: %w", version, ErrNewerVault)
	}
	if err := strictJSON(body, &h); err != nil {
		return h, fmt.Errorf("%w: header: %v", ErrVaultDamaged, err)
	}
	h.sum = sum
	if h.Version != version || h.Cipher != "xchacha20poly1305" || len(h.Check) != sha256.Size ||
		len(h.Nonce) != chunkNoncePrefix || h.ChunkSize < minVaultChunk || h.ChunkSize > maxVaultChunk ||
		h.Size <= 0 || h.Size > maxVaultSize {
		return h, fmt.Errorf("%w: header fields", ErrVaultDamaged)
	}
	if err := h.validKDF(); err != nil {
		return h, err
	}
	return h, nil
}

// parseHeaderV1 checks a version 1 header (no checksum: damage in the salt
// or the check reads as a wrong passphrase there, and in the rest as
// damage once the key is known).
func parseHeaderV1(head []byte) (vaultHeader, error) {
	var h vaultHeader
	if err := strictJSON(head[vaultPrefixLen:], &h); err != nil {
		return h, fmt.Errorf("%w: header: %v", ErrVaultDamaged, err)
	}
	if h.Version > vaultV1 {
		return h, fmt.Errorf("header version %d: %w", h.Version, ErrNewerVault)
	}
	if h.Version != vaultV1 || h.Cipher != "xchacha20poly1305" || len(h.Check) != sha256.Size ||
		len(h.Nonce) != chacha20poly1305.NonceSizeX || h.ChunkSize != 0 || h.Size != 0 {
		return h, fmt.Errorf("%w: header fields", ErrVaultDamaged)
	}
	if err := h.validKDF(); err != nil {
		return h, err
	}
	h.head = head
	return h, nil
}

// strictJSON decodes one JSON object and nothing after it.
func strictJSON(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	if err := d.Decode(v); err != nil {
		return err
	}
	if d.More() {
		return errors.New("trailing data")
	}
	return nil
}

// encodeHead returns a version 2 head: magic, version, length, header and
// checksum.
func encodeHead(h vaultHeader) ([]byte, error) {
	body, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	if len(body) > maxVaultHeader {
		return nil, errors.New("vault header too large")
	}
	head := make([]byte, 0, vaultPrefixLen+len(body)+vaultSumLen)
	head = append(head, vaultMagic...)
	head = append(head, vaultV2)
	head = binary.BigEndian.AppendUint32(head, uint32(len(body)))
	head = append(head, body...)
	sum := sha256.Sum256(head)
	return append(head, sum[:]...), nil
}

// readVaultHeader reads only the header of the vault file at path.
func readVaultHeader(path string) (vaultHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		return vaultHeader{}, err
	}
	defer f.Close()
	return readVaultHead(bufio.NewReader(f))
}

// unlockVault reads the header of the vault at path and derives and checks
// its key from pass.
func unlockVault(path, pass string) (*vaultKey, error) {
	h, err := readVaultHeader(path)
	if err != nil {
		return nil, err
	}
	return checkKey(h, pass)
}

// IsEncrypted reports whether the journal in dir is encrypted.
func IsEncrypted(dir string) bool {
	_, err := os.Stat(vaultPath(dir))
	return err == nil
}

func vaultPath(dir string) string { return dir + string(os.PathSeparator) + VaultName }

// ReadVaultPrefs returns the preferences kept readable in an encrypted
// journal's header (language, theme, …), for the lock screen, with the
// choices made on an earlier lock screen laid over them (WriteVaultPrefs).
// It reads nothing else.
func ReadVaultPrefs(dir string) (map[string]string, error) {
	h, err := readVaultHeader(vaultPath(dir))
	if err != nil {
		return nil, fmt.Errorf("read encrypted journal: %w", err)
	}
	return overlayPending(dir, h), nil
}

// VerifyPassphrase reports whether pass opens the encrypted journal in dir
// (ErrWrongPassphrase when it does not), without opening it.
func VerifyPassphrase(dir, pass string) error {
	k, err := unlockVault(vaultPath(dir), pass)
	if err != nil {
		return fmt.Errorf("verify passphrase: %w", err)
	}
	k.wipe()
	return nil
}
