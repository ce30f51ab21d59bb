package data

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Before Steady writes to a journal file it decides, reading only, whether
// the file is a sound Steady journal it can use:
//
//  1. its header (read by Steady itself through a read-only handle) is one
//     SQLite writes, and its length a whole number of pages, at least what
//     the header says (header.go);
//  2. read by SQLite opened read-only (immutable when no log is beside it,
//     so SQLite creates and locks nothing): PRAGMA application_id says
//     Steady, with a schema version from 1 to this Steady's, or, for a file
//     older Steady made before the ID existed, no ID and exactly the schema
//     that version had;
//  3. SQLite finds it sound: PRAGMA quick_check at Open, integrity_check for
//     a backup before it is restored.
//
// Only then does Open let SQLite open it for writing, apply the write-ahead
// log setting and migrate. A refused file is left exactly as it was.

// checkLevel says how thoroughly inspectFile checks a file it recognises.
type checkLevel int

const (
	checkNone  checkLevel = iota // header, length, application ID, version and schema only
	checkQuick                   // and PRAGMA quick_check: every page's structure
	checkFull                    // and PRAGMA integrity_check: also indexes against their tables
)

// inspectFile checks, without writing to it, that the database file at path
// is a sound Steady journal this Steady can open (see above), and returns its
// schema version. A missing or empty file passes, at version 0: Open makes a
// new journal of it. It returns an error wrapping ErrDamaged, ErrForeign or
// ErrNewerSchema for a file Steady must not use.
func inspectFile(ctx context.Context, path string, level checkLevel) (version int, err error) {
	withLog := nonEmpty(path + "-wal")
	hot, initial := hotJournal(path + "-journal")
	if hot && initial == 0 {
		// The first write to a new file was cut short (the switch to the
		// write-ahead log is written through a rollback journal): SQLite
		// rolls it back to the empty file it was.
		return 0, nil
	}
	_, size, err := readHeader(path, withLog || hot)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && !withLog {
			return 0, nil
		}
		return 0, err
	}
	if size == 0 {
		if withLog {
			// A first start cut short never leaves this (SQLite writes the
			// first page before any log): the log belongs to a journal moved
			// or deleted after a crash. SQLite would drop it silently; keep
			// it for the user to set aside instead.
			return 0, damaged(errors.New("a write-ahead log beside an empty journal"))
		}
		return 0, nil
	}
	db, cleanup, err := openReadOnly(path, withLog, true)
	if err != nil {
		return 0, err
	}
	defer cleanup()
	return inspectDB(ctx, db, level)
}

// hotJournal reports whether the file at p is a rollback journal SQLite
// would play back (it starts with the journal's magic number), and the size
// in pages the database had before the interrupted transaction.
func hotJournal(p string) (hot bool, initialPages uint32) {
	f, err := os.Open(p)
	if err != nil {
		return false, 0
	}
	defer f.Close()
	var b [28]byte
	if _, err := io.ReadFull(f, b[:]); err != nil {
		return false, 0
	}
	if string(b[:8]) != "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" {
		return false, 0
	}
	return true, binary.BigEndian.Uint32(b[16:])
}

// fileURI is the file: URI of path for SQLite, its %, ? and # escaped.
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
}

// nonEmpty reports whether the file at p exists with at least one byte.
func nonEmpty(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && st.Size() > 0
}

// openReadOnly opens the database at path so that SQLite cannot change it.
// Without a write-ahead log beside it the file is opened immutable: SQLite
// then creates, locks and writes nothing (and ignores a rollback journal,
// which it would play back only when Open opens an accepted file for
// writing). With a log (a journal Steady left open at a crash) it is opened
// read-only, so that the log's committed pages are read: SQLite may then
// make the shared-memory index beside it, which cleanup removes again if it
// was not there before.
//
// closed says that no other connection has the file open; when one has
// (Open's check in the background), it is opened read-only, never
// immutable.
func openReadOnly(path string, withLog, closed bool) (*sql.DB, func(), error) {
	mode := "?mode=ro&immutable=1"
	shm := path + "-shm"
	_, shmErr := os.Lstat(shm)
	if withLog || !closed {
		mode = "?mode=ro"
	}
	db, err := sql.Open(driverName, fileURI(path)+mode)
	if err != nil {
		return nil, nil, err
	}
	db.SetMaxOpenConns(1)
	cleanup := func() {
		db.Close()
		if withLog && closed && errors.Is(shmErr, os.ErrNotExist) {
			os.Remove(shm)
		}
	}
	return db, cleanup, nil
}

// inspectDB checks an open database the way inspectFile does, from step 2:
// that it is a Steady journal of a version this Steady knows, and sound.
// OpenEncrypted can use it on the database a vault holds.
func inspectDB(ctx context.Context, db *sql.DB, level checkLevel) (version int, err error) {
	var id int64
	var v int
	if err := db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&id); err != nil {
		return 0, fmt.Errorf("read application ID: %w", markDamage(err))
	}
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", markDamage(err))
	}
	schema, err := readSchema(ctx, db)
	if err != nil {
		return 0, fmt.Errorf("read schema: %w", markDamage(err))
	}
	if err := recognise(id, v, schema); err != nil {
		return 0, err
	}
	return v, soundness(ctx, db, level)
}

// recognise decides from a file's application ID, schema version and schema
// whether it is a Steady journal this Steady can open.
func recognise(id int64, v int, schema []schemaObject) error {
	switch id {
	case applicationID:
		if v < 1 {
			return damaged(fmt.Errorf("schema version %d in a Steady journal", v))
		}
		return knownVersion(v)
	case 0:
		if v == 0 && len(schema) == 0 {
			return nil // an empty database: a first start cut short
		}
		if v >= 1 && v < idVersion && v <= schemaVersion() && slices.Equal(schema, schemaAt(v)) {
			return nil // made by a Steady from before the application ID
		}
		for at := 1; at <= schemaVersion(); at++ {
			if slices.Equal(schema, schemaAt(at)) {
				// Steady's own schema without the ID or under another
				// version: the header was damaged.
				return damaged(fmt.Errorf("version %d schema with application ID 0 and version %d", at, v))
			}
		}
	}
	return fmt.Errorf("application ID %#x, schema version %d: %w", id, v, ErrForeign)
}

// schemaObject is one row of sqlite_schema: a table, index, view or trigger.
type schemaObject struct {
	typ, name, table, sql string
}

// readSchema lists a database's schema objects in a fixed order.
func readSchema(ctx context.Context, db *sql.DB) ([]schemaObject, error) {
	rows, err := db.QueryContext(ctx, `SELECT type, name, tbl_name, coalesce(sql, '')
		FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// schemaAt returns the exact schema of a journal at version v, made by the
// migrations up to v in a scratch database in memory: for v < idVersion,
// the schema older Steady wrote before files carried an application ID. The
// migrations are never edited once shipped, so this is what those versions
// wrote.
func schemaAt(v int) []schemaObject {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		return nil
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	for _, m := range migrations[:v] {
		if _, err := db.ExecContext(ctx, m); err != nil {
			return nil
		}
	}
	schema, err := readSchema(ctx, db)
	if err != nil {
		return nil
	}
	return schema
}

// soundness runs SQLite's own check of the database's structure.
func soundness(ctx context.Context, db *sql.DB, level checkLevel) error {
	var pragma string
	switch level {
	case checkNone:
		return nil
	case checkQuick:
		pragma = `PRAGMA quick_check(1)`
	default:
		pragma = `PRAGMA integrity_check(1)`
	}
	var res string
	if err := db.QueryRowContext(ctx, pragma).Scan(&res); err != nil {
		return fmt.Errorf("check journal: %w", markDamage(err))
	}
	if res != "ok" {
		return damaged(fmt.Errorf("SQLite's check: %s", res))
	}
	return nil
}
