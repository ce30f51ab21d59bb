package data

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"golang.org/x/crypto/chacha20poly1305"
)

// A version 2 vault seals the database image in chunks of ChunkSize bytes
// (the last one shorter), each on its own with XChaCha20-Poly1305 under the
// chunk key:
//
//	nonce(i) = header nonce prefix (16 bytes) | i (uint64, big-endian)
//	ad(i)    = header checksum (32 bytes) | i (uint64) | chunk count (uint64)
//	chunk(i) = Seal(plaintext bytes [i·ChunkSize, (i+1)·ChunkSize)) + 16-byte tag
//
// Binding the header checksum authenticates the header; binding the index
// and the count makes reordered, dropped, repeated or appended chunks fail,
// and the count together with the size in the header a truncated file. A
// save and an open therefore need one chunk of memory besides the journal.

const (
	vaultChunk       = 64 << 10 // what Steady writes
	minVaultChunk    = 4 << 10
	maxVaultChunk    = 1 << 20
	maxVaultSize     = 1 << 30 // SQLite's memdb holds at most 1 GiB
	chunkNoncePrefix = 16
	chunkTag         = chacha20poly1305.Overhead
)

func chunkCount(size int64, chunk int) int64 { return (size + int64(chunk) - 1) / int64(chunk) }

func chunkNonce(prefix []byte, i int64) []byte {
	return binary.BigEndian.AppendUint64(append(make([]byte, 0, chacha20poly1305.NonceSizeX), prefix...), uint64(i))
}

func chunkAD(sum []byte, i, count int64) []byte {
	ad := append(make([]byte, 0, len(sum)+16), sum...)
	ad = binary.BigEndian.AppendUint64(ad, uint64(i))
	return binary.BigEndian.AppendUint64(ad, uint64(count))
}

// sealStream writes a version 2 vault of size plaintext bytes to w, reading
// them chunk by chunk with readAt; prefs go into the header.
func (k *vaultKey) sealStream(w io.Writer, size int64, prefs map[string]string, readAt func(p []byte, off int64) error) error {
	if k == nil || k.aead == nil {
		return errors.New("seal: the key was wiped")
	}
	if size <= 0 || size > maxVaultSize {
		return fmt.Errorf("seal: a journal of %d bytes", size)
	}
	prefix := make([]byte, chunkNoncePrefix)
	if _, err := rand.Read(prefix); err != nil {
		return err
	}
	head, err := encodeHead(vaultHeader{Version: vaultV2, KDF: k.kdf, Check: k.check, Cipher: "xchacha20poly1305",
		ChunkSize: vaultChunk, Size: size, Nonce: prefix, Prefs: prefs})
	if err != nil {
		return err
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	sum := head[len(head)-vaultSumLen:]
	aead, err := chacha20poly1305.NewX(k.aead)
	if err != nil {
		return err
	}
	buf := make([]byte, vaultChunk+chunkTag)
	defer clear(buf)
	count := chunkCount(size, vaultChunk)
	for i := int64(0); i < count; i++ {
		off := i * vaultChunk
		n := int(min(vaultChunk, size-off))
		if err := readAt(buf[:n], off); err != nil {
			return err
		}
		ct := aead.Seal(buf[:0], chunkNonce(prefix, i), buf[:n], chunkAD(sum, i, count))
		if _, err := w.Write(ct); err != nil {
			return err
		}
	}
	return nil
}

// openStream decrypts the vault whose header h was read from r, which is
// at the first byte after the header, with its checked key k, and hands the
// plaintext to writeAt chunk by chunk (the first one at offset 0). Anything
// that does not authenticate, or bytes after the last chunk, give
// ErrVaultDamaged. The plaintext buffers are wiped before it returns.
func (k *vaultKey) openStream(r io.Reader, h vaultHeader, writeAt func(p []byte, off int64) error) error {
	if k == nil || k.master == nil {
		return errors.New("open: the key was wiped")
	}
	if !k.matches(h) {
		return fmt.Errorf("%w: the file changed since its header was read", ErrVaultDamaged)
	}
	if h.Version == vaultV1 {
		return k.openV1(r, h, writeAt)
	}
	aead, err := chacha20poly1305.NewX(k.aead)
	if err != nil {
		return err
	}
	buf := make([]byte, h.ChunkSize+chunkTag)
	defer clear(buf)
	count := chunkCount(h.Size, h.ChunkSize)
	for i := int64(0); i < count; i++ {
		off := i * int64(h.ChunkSize)
		n := int(min(int64(h.ChunkSize), h.Size-off)) + chunkTag
		if _, err := io.ReadFull(r, buf[:n]); err != nil {
			return fmt.Errorf("%w: cut short at chunk %d of %d", ErrVaultDamaged, i+1, count)
		}
		pt, err := aead.Open(buf[:0], chunkNonce(h.Nonce, i), buf[:n], chunkAD(h.sum, i, count))
		if err != nil {
			return fmt.Errorf("%w: chunk %d of %d", ErrVaultDamaged, i+1, count)
		}
		if err := writeAt(pt, off); err != nil {
			return err
		}
	}
	if n, _ := io.ReadFull(r, buf[:1]); n != 0 {
		return fmt.Errorf("%w: bytes after the last chunk", ErrVaultDamaged)
	}
	return nil
}

// openV1 decrypts a version 1 vault: one message, so the whole ciphertext
// is read and decrypted in place before it is handed on in chunks.
func (k *vaultKey) openV1(r io.Reader, h vaultHeader, writeAt func(p []byte, off int64) error) error {
	aead, err := chacha20poly1305.NewX(k.v1Key())
	if err != nil {
		return err
	}
	ct, err := io.ReadAll(io.LimitReader(r, maxVaultSize+chunkTag+1))
	if err != nil {
		return err
	}
	defer clear(ct)
	if len(ct) > maxVaultSize+chunkTag {
		return fmt.Errorf("%w: too large", ErrVaultDamaged)
	}
	image, err := aead.Open(ct[:0], h.Nonce, ct, h.head)
	if err != nil || len(image) == 0 {
		return fmt.Errorf("%w: contents", ErrVaultDamaged)
	}
	for off := 0; off < len(image); off += vaultChunk {
		if err := writeAt(image[off:min(off+vaultChunk, len(image))], int64(off)); err != nil {
			return err
		}
	}
	return nil
}

// seal seals a database image into a vault file's bytes.
func (k *vaultKey) seal(image []byte, prefs map[string]string) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(image) + len(image)/vaultChunk*chunkTag + 1024)
	if err := k.sealStream(&b, int64(len(image)), prefs, imageReader(image)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// sealInPlace seals image and returns the vault file's bytes as parts to
// write in order; image is wiped. (The chunks are sealed one at a time; the
// name is from the version 1 format, which sealed the image in its own
// memory.)
func (k *vaultKey) sealInPlace(image []byte, prefs map[string]string) ([][]byte, error) {
	defer clear(image)
	b, err := k.seal(image, prefs)
	if err != nil {
		return nil, err
	}
	return [][]byte{b}, nil
}

func imageReader(image []byte) func(p []byte, off int64) error {
	return func(p []byte, off int64) error { copy(p, image[off:]); return nil }
}

// openWithKey decrypts the vault file b with a checked key and returns the
// image.
func openWithKey(b []byte, k *vaultKey) ([]byte, *vaultKey, error) {
	r := bytes.NewReader(b)
	h, err := readVaultHead(r)
	if err != nil {
		return nil, nil, err
	}
	var image []byte
	if h.Version == vaultV1 {
		image = make([]byte, 0, len(b))
	} else {
		image = make([]byte, 0, h.Size)
	}
	err = k.openStream(bufio.NewReader(r), h, func(p []byte, off int64) error {
		image = append(image[:off], p...)
		return nil
	})
	if err != nil {
		clear(image)
		return nil, nil, err
	}
	return image, k, nil
}
