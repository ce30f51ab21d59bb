package data

import (
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
	"slices"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// An encrypted journal is one file, VaultName, in the data directory:
//
//	magic (14 bytes) | header length (uint32, big-endian) | header (JSON) | ciphertext
//
// The header is plaintext but authenticated: everything before the
// ciphertext is the AEAD's associated data, so changing a byte of it is
// detected. It holds only the KDF parameters and salt, a passphrase check,
// the nonce and the preferences the lock screen needs before unlock
// (VaultPrefs). The ciphertext is the SQLite database image sealed with
// XChaCha20-Poly1305 under a key derived from the passphrase with Argon2id.
// See docs/privacy.md.

// VaultName is the encrypted journal's file name.
const VaultName = "steady.vault"

const vaultMagic = "STEADY-VAULT\x00\x01"

// Argon2id parameters for new vaults (stored in each file's header, so they
// can change without breaking old files).
const (
	kdfMemoryKiB = 64 * 1024
	kdfTime      = 4
	kdfThreads   = 2
	keyLen       = chacha20poly1305.KeySize
)

// MinPassphrase is the shortest passphrase Steady accepts, in characters.
const MinPassphrase = 8

// VaultPrefs are the settings kept readable in the vault's header, for the
// lock screen: nothing from the journal itself.
var VaultPrefs = []string{SettingLanguage, SettingTheme, SettingTextScale, SettingWelcomeDone,
	SettingDiscreet, SettingLockMinutes}

// Errors of encrypted journals. The file is never changed when they are
// returned.
var (
	// ErrPassphrase reports a wrong passphrase.
	ErrPassphrase = errors.New("wrong passphrase")
	// ErrTampered reports an encrypted journal whose header or contents were
	// changed or damaged after it was written.
	ErrTampered = errors.New("encrypted journal was changed or damaged")
	// ErrEncrypted reports that the journal is encrypted: open it with
	// OpenEncrypted.
	ErrEncrypted = errors.New("journal is encrypted")
)

type vaultKDF struct {
	Alg       string `json:"alg"`
	MemoryKiB uint32 `json:"memory_kib"`
	Time      uint32 `json:"time"`
	Threads   uint8  `json:"threads"`
	Salt      []byte `json:"salt"`
}

type vaultHeader struct {
	Version int               `json:"version"`
	KDF     vaultKDF          `json:"kdf"`
	Check   []byte            `json:"check"` // HMAC-SHA256(key, checkLabel): tells a wrong passphrase from damage
	Cipher  string            `json:"cipher"`
	Nonce   []byte            `json:"nonce"`
	Prefs   map[string]string `json:"prefs"`
}

const checkLabel = "steady passphrase check v1"

// vaultKey is a derived key with the KDF parameters it came from.
type vaultKey struct {
	key []byte
	kdf vaultKDF
}

// newVaultKey derives a key from a passphrase with a fresh salt.
func newVaultKey(pass string) (*vaultKey, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	kdf := vaultKDF{Alg: "argon2id", MemoryKiB: kdfMemoryKiB, Time: kdfTime, Threads: kdfThreads, Salt: salt}
	return &vaultKey{key: derive(pass, kdf), kdf: kdf}, nil
}

func derive(pass string, kdf vaultKDF) []byte {
	return argon2.IDKey([]byte(pass), kdf.Salt, kdf.Time, kdf.MemoryKiB, kdf.Threads, keyLen)
}

func (k *vaultKey) check() []byte {
	m := hmac.New(sha256.New, k.key)
	m.Write([]byte(checkLabel))
	return m.Sum(nil)
}

// seal encrypts a copy of a database image into a vault file's bytes.
func (k *vaultKey) seal(image []byte, prefs map[string]string) ([]byte, error) {
	parts, err := k.sealInPlace(slices.Clone(image), prefs)
	if err != nil {
		return nil, err
	}
	return append(parts[0], parts[1]...), nil
}

// sealInPlace encrypts image in its own memory (growing it only by the
// authentication tag) and returns the file's two parts: the plaintext head
// (magic, length, header), which is the associated data, and the
// ciphertext. Saving uses it to keep the memory of a save close to one copy
// of the journal.
func (k *vaultKey) sealInPlace(image []byte, prefs map[string]string) ([][]byte, error) {
	aead, err := chacha20poly1305.NewX(k.key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	hdr, err := json.Marshal(vaultHeader{Version: 1, KDF: k.kdf, Check: k.check(), Cipher: "xchacha20poly1305",
		Nonce: nonce, Prefs: prefs})
	if err != nil {
		return nil, err
	}
	var head bytes.Buffer
	head.WriteString(vaultMagic)
	binary.Write(&head, binary.BigEndian, uint32(len(hdr))) //nolint:errcheck // bytes.Buffer does not fail
	head.Write(hdr)
	if cap(image)-len(image) < aead.Overhead() {
		image = slices.Grow(image, aead.Overhead())
	}
	return [][]byte{head.Bytes(), aead.Seal(image[:0], nonce, image, head.Bytes())}, nil
}

// parseVault splits a vault file into its header, associated data and
// ciphertext.
func parseVault(b []byte) (vaultHeader, []byte, []byte, error) {
	var h vaultHeader
	if len(b) < len(vaultMagic)+4 || string(b[:len(vaultMagic)]) != vaultMagic {
		return h, nil, nil, ErrTampered
	}
	n := binary.BigEndian.Uint32(b[len(vaultMagic):])
	end := len(vaultMagic) + 4 + int(n)
	if n > 1<<20 || end > len(b) {
		return h, nil, nil, ErrTampered
	}
	if err := json.Unmarshal(b[len(vaultMagic)+4:end], &h); err != nil || h.Version != 1 ||
		h.KDF.Alg != "argon2id" || h.Cipher != "xchacha20poly1305" || len(h.KDF.Salt) < 16 ||
		h.KDF.MemoryKiB < 8*1024 || h.KDF.MemoryKiB > 1024*1024 || h.KDF.Time < 1 || h.KDF.Time > 16 ||
		h.KDF.Threads < 1 {
		return h, nil, nil, ErrTampered
	}
	return h, b[:end], b[end:], nil
}

// checkKey derives the key for a vault's header and checks it.
func checkKey(h vaultHeader, pass string) (*vaultKey, error) {
	k := &vaultKey{key: derive(pass, h.KDF), kdf: h.KDF}
	if !hmac.Equal(k.check(), h.Check) {
		return nil, ErrPassphrase
	}
	return k, nil
}

// readVaultHeader reads only the header of the vault file at path.
func readVaultHeader(path string) (vaultHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		return vaultHeader{}, err
	}
	defer f.Close()
	head := make([]byte, len(vaultMagic)+4)
	if _, err := io.ReadFull(f, head); err != nil {
		return vaultHeader{}, ErrTampered
	}
	n := binary.BigEndian.Uint32(head[len(vaultMagic):])
	if n > 1<<20 {
		return vaultHeader{}, ErrTampered
	}
	rest := make([]byte, n)
	if _, err := io.ReadFull(f, rest); err != nil {
		return vaultHeader{}, ErrTampered
	}
	h, _, _, err := parseVault(append(head, rest...))
	return h, err
}

// openWithKey decrypts a whole vault file, in place, with a checked key.
func openWithKey(b []byte, k *vaultKey) ([]byte, *vaultKey, error) {
	h, ad, ct, err := parseVault(b)
	if err != nil {
		return nil, nil, err
	}
	if !hmac.Equal(k.check(), h.Check) || !slices.Equal(k.kdf.Salt, h.KDF.Salt) {
		return nil, nil, ErrTampered // the file changed since its header was read
	}
	aead, err := chacha20poly1305.NewX(k.key)
	if err != nil {
		return nil, nil, err
	}
	if len(h.Nonce) != aead.NonceSize() {
		return nil, nil, ErrTampered
	}
	image, err := aead.Open(ct[:0], h.Nonce, ct, ad)
	if err != nil {
		return nil, nil, ErrTampered
	}
	return image, k, nil
}

// IsEncrypted reports whether the journal in dir is encrypted.
func IsEncrypted(dir string) bool {
	_, err := os.Stat(vaultPath(dir))
	return err == nil
}

func vaultPath(dir string) string { return dir + string(os.PathSeparator) + VaultName }

// ReadVaultPrefs returns the preferences kept readable in an encrypted
// journal's header (language, theme, …), for the lock screen. It reads
// nothing else.
func ReadVaultPrefs(dir string) (map[string]string, error) {
	b, err := os.ReadFile(vaultPath(dir))
	if err != nil {
		return nil, fmt.Errorf("read encrypted journal: %w", err)
	}
	h, _, _, err := parseVault(b)
	if err != nil {
		return nil, fmt.Errorf("read encrypted journal: %w", err)
	}
	if h.Prefs == nil {
		h.Prefs = map[string]string{}
	}
	return h.Prefs, nil
}

// VerifyPassphrase reports whether pass opens the encrypted journal in dir
// (ErrPassphrase when it does not), without opening it.
func VerifyPassphrase(dir, pass string) error {
	h, err := readVaultHeader(vaultPath(dir))
	if err != nil {
		return fmt.Errorf("verify passphrase: %w", err)
	}
	_, err = checkKey(h, pass)
	return err
}
