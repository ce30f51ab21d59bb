package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// The first 100 bytes of every SQLite database file are its header
// (https://www.sqlite.org/fileformat.html#the_database_header). Steady reads
// it itself, with a read-only file handle, before SQLite opens the file: so a
// file that is not a sound database is refused before anything could write
// to it.
const (
	headerSize   = 100
	sqliteHeader = "SQLite format 3\x00" // the magic string every database starts with
)

// dbHeader is what Steady needs of a database file's header.
type dbHeader struct {
	pageSize      int    // bytes per page: a power of two, 512 to 65536
	writeVersion  byte   // 1 rollback journal, 2 write-ahead log
	readVersion   byte   // the same values
	changeCounter uint32 // bumped by each committed change in rollback mode
	pages         uint32 // the database's size in pages, when sizeValid
	versionValid  uint32 // the change counter pages was written with
	userVersion   int32  // PRAGMA user_version: Steady's schema version
	applicationID uint32 // PRAGMA application_id: applicationID for Steady
	schemaFormat  uint32 // 1 to 4; 0 for a database with no schema yet
	textEncoding  uint32 // 1 UTF-8, 2 UTF-16le, 3 UTF-16be; 0 with no schema
	reserved      byte   // bytes reserved at the end of each page
}

// sizeValid reports whether the in-header size (pages) can be trusted: the
// format says it is only when it is not zero and was written with the
// current change counter.
func (h dbHeader) sizeValid() bool { return h.pages != 0 && h.changeCounter == h.versionValid }

// parseHeader decodes and checks a database header. Anything that is not
// what SQLite itself writes is damage.
func parseHeader(b []byte) (dbHeader, error) {
	if len(b) < headerSize {
		return dbHeader{}, damaged(fmt.Errorf("%d bytes, shorter than a database header", len(b)))
	}
	if string(b[:len(sqliteHeader)]) != sqliteHeader {
		return dbHeader{}, damaged(errors.New("no SQLite header"))
	}
	be := binary.BigEndian
	h := dbHeader{
		pageSize:      int(be.Uint16(b[16:])),
		writeVersion:  b[18],
		readVersion:   b[19],
		reserved:      b[20],
		changeCounter: be.Uint32(b[24:]),
		pages:         be.Uint32(b[28:]),
		schemaFormat:  be.Uint32(b[44:]),
		textEncoding:  be.Uint32(b[56:]),
		userVersion:   int32(be.Uint32(b[60:])),
		applicationID: be.Uint32(b[68:]),
		versionValid:  be.Uint32(b[92:]),
	}
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	switch {
	case h.pageSize < 512 || h.pageSize > 65536 || h.pageSize&(h.pageSize-1) != 0:
		return h, damaged(fmt.Errorf("page size %d", h.pageSize))
	case h.writeVersion < 1 || h.writeVersion > 2 || h.readVersion < 1 || h.readVersion > 2:
		return h, damaged(fmt.Errorf("file format versions %d/%d", h.writeVersion, h.readVersion))
	case b[21] != 64 || b[22] != 32 || b[23] != 32:
		return h, damaged(errors.New("payload fractions"))
	case h.schemaFormat > 4:
		return h, damaged(fmt.Errorf("schema format %d", h.schemaFormat))
	case h.textEncoding > 3:
		return h, damaged(fmt.Errorf("text encoding %d", h.textEncoding))
	case int(h.reserved) > h.pageSize-480:
		return h, damaged(fmt.Errorf("%d reserved bytes a page", h.reserved))
	}
	return h, nil
}

// readHeader reads the header of the database file at path through a
// read-only handle, and checks the file's length against it: a database is
// a whole number of pages, and, unless a write-ahead log holds part of it,
// at least as long as its header says. It returns size 0 and no error for
// an empty file.
func readHeader(path string, withLog bool) (h dbHeader, size int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return h, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return h, 0, err
	}
	if !st.Mode().IsRegular() {
		return h, 0, damaged(fmt.Errorf("%s is not a regular file", path))
	}
	size = st.Size()
	if size == 0 {
		return h, 0, nil
	}
	b := make([]byte, headerSize)
	n, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return h, size, err
	}
	if h, err = parseHeader(b[:n]); err != nil {
		return h, size, err
	}
	if size%int64(h.pageSize) != 0 {
		return h, size, damaged(fmt.Errorf("%d bytes: not a whole number of %d-byte pages", size, h.pageSize))
	}
	if !withLog && h.sizeValid() && size < int64(h.pages)*int64(h.pageSize) {
		return h, size, damaged(fmt.Errorf("%d pages, the header says %d", size/int64(h.pageSize), h.pages))
	}
	return h, size, nil
}
