package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Store is the journal: one SQLite file in the data directory holding the
// user's check-ins and settings. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

// Open opens the journal in dir, creating the directory (owner-only) and the
// file if they do not exist, and migrates it to the current schema. A file
// that is damaged, not a database, or from a newer Steady is never changed:
// Open returns ErrNotJournal or ErrNewerSchema and leaves it as it was.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open journal: create data directory: %w", err)
	}
	path := filepath.Join(dir, FileName)
	if err := prepareFile(path); err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	s := &Store{db: db, path: path, now: time.Now}
	ctx := context.Background()
	if err := migrate(ctx, db); err != nil {
		db.Close()
		if isNotADB(err) {
			err = fmt.Errorf("%w (%v)", ErrNotJournal, err)
		}
		return nil, fmt.Errorf("open journal %s: %w", path, err)
	}
	return s, nil
}

// dsn builds the go-sqlite3 connection string: WAL, foreign keys, full
// synchronous commits (an acknowledged entry survives a power cut), immediate
// write transactions and a busy timeout.
func dsn(path string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
	return "file:" + esc + "?_journal_mode=WAL&_foreign_keys=on&_synchronous=FULL" +
		"&_busy_timeout=5000&_txlock=immediate"
}

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// prepareFile creates the journal file owner-only if it does not exist, and
// refuses, without touching it, a non-empty file that is not a database.
func prepareFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil && !errors.Is(err, os.ErrPermission) {
		return err
	}
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && (err == io.EOF):
		return nil // new or empty file: SQLite makes it a database
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return err
	case string(head[:n]) != sqliteHeader:
		return ErrNotJournal
	}
	return nil
}

func isNotADB(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt
	}
	return false
}

// Path returns the journal file's path.
func (s *Store) Path() string { return s.path }

// Close checkpoints the write-ahead log and closes the file.
func (s *Store) Close() error {
	_, _ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close journal: %w", err)
	}
	return nil
}

// Add validates e, assigns its ID, UUID and times, and stores it durably.
func (s *Store) Add(e *Entry) error {
	if err := e.Validate(); err != nil {
		return fmt.Errorf("add entry: %w", err)
	}
	if e.UUID == "" {
		e.UUID = newUUID()
	}
	now := s.now().UTC().Truncate(time.Millisecond)
	_, off := e.At.Zone()
	res, err := s.db.Exec(`INSERT INTO entries
		(uuid, at_ms, tz_offset, created_ms, updated_ms, mood, craving, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		e.UUID, e.At.UnixMilli(), off, now.UnixMilli(), now.UnixMilli(), e.Mood, e.Craving, e.Note)
	if err != nil {
		return fmt.Errorf("add entry: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("add entry: %w", err)
	}
	e.ID, e.Created, e.Updated = id, now, now
	e.At = e.At.Truncate(time.Millisecond)
	return nil
}

// Update replaces the stored fields of the entry with e.ID.
func (s *Store) Update(e *Entry) error {
	if err := e.Validate(); err != nil {
		return fmt.Errorf("update entry: %w", err)
	}
	now := s.now().UTC().Truncate(time.Millisecond)
	_, off := e.At.Zone()
	res, err := s.db.Exec(`UPDATE entries SET at_ms = ?, tz_offset = ?, updated_ms = ?,
		mood = ?, craving = ?, note = ? WHERE id = ?`,
		e.At.UnixMilli(), off, now.UnixMilli(), e.Mood, e.Craving, e.Note, e.ID)
	if err != nil {
		return fmt.Errorf("update entry %d: %w", e.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("update entry %d: %w", e.ID, ErrNotFound)
	}
	e.Updated = now
	return nil
}

// Delete removes the entry with the given ID.
func (s *Store) Delete(id int64) error {
	res, err := s.db.Exec(`DELETE FROM entries WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete entry %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delete entry %d: %w", id, ErrNotFound)
	}
	return nil
}

const entryColumns = `id, uuid, at_ms, tz_offset, created_ms, updated_ms, mood, craving, note`

func scanEntry(row interface{ Scan(...any) error }) (Entry, error) {
	var e Entry
	var at, created, updated int64
	var off int
	if err := row.Scan(&e.ID, &e.UUID, &at, &off, &created, &updated, &e.Mood, &e.Craving, &e.Note); err != nil {
		return Entry{}, err
	}
	e.At = time.UnixMilli(at).In(zoneFor(off))
	e.Created = time.UnixMilli(created).UTC()
	e.Updated = time.UnixMilli(updated).UTC()
	return e, nil
}

// Get returns the entry with the given ID.
func (s *Store) Get(id int64) (Entry, error) {
	e, err := scanEntry(s.db.QueryRow(`SELECT `+entryColumns+` FROM entries WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, fmt.Errorf("get entry %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Entry{}, fmt.Errorf("get entry %d: %w", id, err)
	}
	return e, nil
}

// Cursor marks a position in the history, newest first. The zero Cursor is
// the start (the newest entry).
type Cursor struct {
	atMS int64
	id   int64
}

// Page returns up to limit entries older than cursor, newest first, and the
// cursor for the next page. It reads only the rows it returns (keyset
// pagination over an index), so it stays fast however long the journal is.
func (s *Store) Page(cursor Cursor, limit int) ([]Entry, Cursor, error) {
	q := `SELECT ` + entryColumns + ` FROM entries`
	args := []any{}
	if cursor != (Cursor{}) {
		q += ` WHERE (at_ms, id) < (?, ?)`
		args = append(args, cursor.atMS, cursor.id)
	}
	q += ` ORDER BY at_ms DESC, id DESC LIMIT ?`
	args = append(args, limit)
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, cursor, fmt.Errorf("read history: %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, cursor, fmt.Errorf("read history: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, cursor, fmt.Errorf("read history: %w", err)
	}
	next := cursor
	if len(out) > 0 {
		last := out[len(out)-1]
		next = Cursor{atMS: last.At.UnixMilli(), id: last.ID}
	}
	return out, next, nil
}

// Count returns the number of entries in the journal.
func (s *Store) Count() (int, error) {
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM entries`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count entries: %w", err)
	}
	return n, nil
}
