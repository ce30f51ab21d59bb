package data

import (
	"database/sql"
	"encoding/binary"
	"fmt"
	"strconv"
	"sync"
)

// The history's text filter keeps a note when it holds the text, ignoring
// the case of ASCII letters (filter.go's LIKE). With nothing to narrow it
// down, finding that no note holds a text reads every note. The note index
// here narrows it down without changing what is found.
//
// Each note has a signature: the set of its byte trigrams (three bytes in a
// row, A–Z folded to a–z, as LIKE folds them), each hashed to one of
// sigBits bits. A note that holds the text holds every trigram of the text,
// so its signature has every bit of the text's: a note whose signature
// lacks one cannot match, and the rest are checked by LIKE as before. The
// index can only leave notes out that would not match; it never decides a
// match. Trigrams of bytes, not letters: a Japanese or Thai letter is three
// bytes in UTF-8, so even one letter narrows the search.
//
// The signatures are kept 64 check-ins to a row (note_sigs, keyed by the
// entry ID's block), so reading all of them is a few thousand rows, and a
// search keeps what it read until a note changes (noteCache). A
// signature is written with its check-in (insertEntry, Update); a deleted
// check-in's is zeroed by a trigger (migration 4), so nothing of a deleted
// note stays behind — and a signature holds no text, only hashed bits.

const (
	sigBytes    = 32                     // one note's signature
	sigBits     = sigBytes * 8           // bits in it
	sigPerBlock = 64                     // signatures in a note_sigs row
	sigBlock    = sigBytes * sigPerBlock // bytes in a note_sigs row

	// maxCandidates is the most notes the index hands to the query by ID;
	// when more might match, the plain reading in time order is as quick
	// (most of them do match, so a page fills soon).
	maxCandidates = 2000
)

// signature is the set of hashed byte trigrams of a text.
type signature [sigBytes]byte

// signatureOf returns the signature of text folded as LIKE folds it, and
// whether it has any trigram (a text under three bytes has none).
func signatureOf(text string) (signature, bool) {
	var s signature
	if len(text) < 3 {
		return s, false
	}
	fold := func(b byte) uint32 {
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return uint32(b)
	}
	for i := 0; i+3 <= len(text); i++ {
		g := fold(text[i])<<16 | fold(text[i+1])<<8 | fold(text[i+2])
		bit := (g * 2654435761) >> (32 - 8) // Knuth's multiplicative hash to 0 … 255
		s[bit/8] |= 1 << (bit % 8)
	}
	return s, true
}

// covers reports whether every bit of q is set in s.
func (s *signature) covers(q *signature) bool {
	for i := 0; i < sigBytes; i += 8 {
		a, b := binary.LittleEndian.Uint64(s[i:]), binary.LittleEndian.Uint64(q[i:])
		if a&b != b {
			return false
		}
	}
	return true
}

// writeNoteSig stores the signature of note for entry id in tx. An empty
// note on a new check-in needs none: its slot is zero, whether its row is
// new (made of zeros) or its ID was freed (zeroed by the delete trigger).
func writeNoteSig(tx *sql.Tx, id int64, note string, isNew bool) error {
	sig, _ := signatureOf(note)
	if isNew && sig == (signature{}) {
		return nil
	}
	block, off := id/sigPerBlock, id%sigPerBlock*sigBytes
	// One statement: a new block row is made whole with zeros, an existing
	// one has this signature's 32 bytes replaced.
	if _, err := tx.Exec(`INSERT INTO note_sigs (block, sigs)
		VALUES (?1, CAST(zeroblob(?2) || ?3 || zeroblob(?4) AS BLOB))
		ON CONFLICT (block) DO UPDATE SET
		sigs = CAST(substr(sigs, 1, ?2) || ?3 || substr(sigs, ?2 + ?5) AS BLOB)`,
		block, off, sig[:], sigBlock-off-sigBytes, sigBytes+1); err != nil {
		return fmt.Errorf("note index: %w", err)
	}
	return nil
}

// fillNoteSigs writes the signature of every note in tx: migration 4's
// part that SQL cannot do, in the same transaction as the new table.
func fillNoteSigs(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT id, note FROM entries WHERE note != '' ORDER BY id`)
	if err != nil {
		return fmt.Errorf("note index: %w", err)
	}
	blocks := map[int64][]byte{}
	for rows.Next() {
		var id int64
		var note string
		if err := rows.Scan(&id, &note); err != nil {
			rows.Close()
			return fmt.Errorf("note index: %w", err)
		}
		b := blocks[id/sigPerBlock]
		if b == nil {
			b = make([]byte, sigBlock)
			blocks[id/sigPerBlock] = b
		}
		sig, _ := signatureOf(note)
		copy(b[(id%sigPerBlock)*sigBytes:], sig[:])
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("note index: %w", err)
	}
	st, err := tx.Prepare(`INSERT INTO note_sigs (block, sigs) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("note index: %w", err)
	}
	defer st.Close()
	for block, b := range blocks {
		if _, err := st.Exec(block, b); err != nil {
			return fmt.Errorf("note index: %w", err)
		}
	}
	return nil
}

// noteCache is the note index as last read: reading it is most of what a
// text search costs, and it changes only when a note does. It is keyed by
// the database handle (a new passphrase or its removal swaps the handle)
// and note_sigs_version, which every change of note_sigs counts (migration
// 4's triggers) and a rolled-back change leaves as it was.
type noteCache struct {
	mu     sync.Mutex
	db     *sql.DB // the handle it was read from
	gen    int64   // note_sigs_version when it was read
	blocks []int64 // note_sigs.block, row by row
	sigs   []byte  // note_sigs.sigs, row by row, sigBlock bytes each
}

// read returns the note index, read again only if it changed. The version
// is read before the rows: a change in between makes the copy newer than
// its version, never older, and the next call reads it again.
func (c *noteCache) read(j *journalDB) (blocks []int64, sigs []byte, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	db := j.handle()
	var gen int64
	if err := j.QueryRow(`SELECT n FROM note_sigs_version`).Scan(&gen); err != nil {
		return nil, nil, fmt.Errorf("note index: %w", err)
	}
	if c.db == db && c.gen == gen && c.blocks != nil {
		return c.blocks, c.sigs, nil
	}
	// Room for every block up to the last, found in the table's key.
	var last sql.NullInt64
	if err := j.QueryRow(`SELECT max(block) FROM note_sigs`).Scan(&last); err != nil {
		return nil, nil, fmt.Errorf("note index: %w", err)
	}
	n := int(max(last.Int64+1, 0))
	blocks, sigs = make([]int64, 0, n), make([]byte, 0, n*sigBlock)
	rows, err := j.Query(`SELECT block, sigs FROM note_sigs`)
	if err != nil {
		return nil, nil, fmt.Errorf("note index: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var block int64
		var b sql.RawBytes
		if err := rows.Scan(&block, &b); err != nil {
			return nil, nil, fmt.Errorf("note index: %w", err)
		}
		b = b[:min(len(b), sigBlock)]
		sigs = append(sigs, b...)
		sigs = append(sigs, make([]byte, sigBlock-len(b))...) // whole, whatever was stored
		blocks = append(blocks, block)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("note index: %w", err)
	}
	c.db, c.gen, c.blocks, c.sigs = db, gen, blocks, sigs
	return blocks, sigs, nil
}

// forget drops the copy (the benchmarks measure a first search with it).
func (c *noteCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.db, c.blocks, c.sigs = nil, nil, nil
}

// noteCandidates returns, as a JSON array for json_each, the IDs of the
// check-ins whose notes might hold text (as the filter reads it: searchText),
// and ok = false when the index cannot narrow the search: no text, a text
// under three bytes, or more than maxCandidates notes that might hold it.
func (s *Store) noteCandidates(text string) (ids string, ok bool, err error) {
	q, ok := signatureOf(searchText(text))
	if !ok {
		return "", false, nil
	}
	blocks, sigs, err := s.notes.read(s.db)
	if err != nil {
		return "", false, err
	}
	out := []byte{'['}
	n := 0
	for r, block := range blocks {
		row := sigs[r*sigBlock : (r+1)*sigBlock]
		for slot := 0; slot < sigBlock; slot += sigBytes {
			if !(*signature)(row[slot:]).covers(&q) {
				continue
			}
			if n++; n > maxCandidates {
				return "", false, nil
			}
			if n > 1 {
				out = append(out, ',')
			}
			out = strconv.AppendInt(out, block*sigPerBlock+int64(slot/sigBytes), 10)
		}
	}
	return string(append(out, ']')), true, nil
}
