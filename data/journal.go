package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/steadyapp/steady/data/guide"
)

// Store is the journal: one SQLite file in the data directory holding the
// user's check-ins and settings. Its methods are safe for concurrent use.
type Store struct {
	db    *journalDB // the handles a transition replaces, behind their lock (handles.go)
	dir   string
	guide guide.Guide
	now   func() time.Time
	check *soundCheck // Open's quick_check of a plain journal, in the background (soundcheck.go)
	notes noteCache   // the note index as last read (search.go)
}

// Open opens the journal in dir, creating the directory (owner-only) and the
// file if they do not exist, and migrates it to the current schema. A file
// that is damaged, not a database, or from a newer Steady is never changed:
// Open returns ErrNotJournal or ErrNewerSchema and leaves it as it was.
//
// Open first takes the folder's single-instance lock (LockName): when the
// journal is already open, here or in another Steady, it returns ErrLocked
// at once, having read and changed nothing. A folder that cannot be written
// gives ErrReadOnly, a full disk ErrDiskFull. It then starts, in the
// background, the check of every page (see Checked) and, on the first start
// of a day, the day's backup (see BackupIfDue). OpenDeferred leaves both for
// later.
func Open(dir string) (*Store, error) {
	s, err := OpenDeferred(dir)
	if err != nil {
		return nil, err
	}
	s.StartBackground()
	return s, nil
}

// OpenDeferred opens the journal in dir as Open does, but starts no
// background work until StartBackground is called (background.go).
func OpenDeferred(dir string) (_ *Store, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open journal: create data directory: %w", Classify(err))
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	if IsEncrypted(dir) {
		lock.release()
		return nil, fmt.Errorf("open journal: %w", ErrEncrypted)
	}
	removeSaveTemps(dir)
	defer func() {
		if err != nil {
			lock.release()
		}
	}()
	path := filepath.Join(dir, FileName)
	ctx := context.Background()
	// Decide, reading only, whether the file may be used (check.go); only
	// an accepted file is opened for writing, set to WAL and migrated. The
	// full check of its pages runs in the background (soundcheck.go), or
	// first when a migration is to write to it.
	if err := createOrphaned(path); err != nil {
		return nil, fmt.Errorf("open journal: %w", Classify(err))
	}
	version, err := inspectFile(ctx, path, checkNone)
	if err == nil && version > 0 && version < schemaVersion() {
		_, err = inspectFile(ctx, path, checkQuick)
	}
	if err != nil {
		return nil, fmt.Errorf("open journal %s: %w", path, Classify(err))
	}
	if err := prepareFile(path); err != nil {
		return nil, fmt.Errorf("open journal: %w", Classify(err))
	}
	db, err := sql.Open(driverName, dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	s := &Store{db: plainDB(db, path), dir: dir, guide: guide.TheGuide(), now: time.Now}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open journal %s: %w", path, Classify(err))
	}
	if version == schemaVersion() {
		s.check = newSoundCheck(path, s.db.saveFailed)
	}
	lock.adopt(s)
	return s, nil
}

// dsn builds the go-sqlite3 connection string: WAL, foreign keys, full
// synchronous commits (an acknowledged entry survives a power cut), immediate
// write transactions, a busy timeout, and a page cache of 1 MiB per
// connection instead of SQLite's 2 MiB: a screen reads one page of check-ins
// or one period's aggregates through the indexes (docs/performance.md).
func dsn(path string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
	return "file:" + esc + "?_journal_mode=WAL&_foreign_keys=on&_synchronous=FULL" +
		"&_busy_timeout=5000&_txlock=immediate&_secure_delete=on&_cache_size=-1024"
}

// createOrphaned gives a write-ahead log left beside no journal (a journal
// moved or deleted after a crash) an empty journal file, so that Open
// refuses the pair as damage and the log can be kept aside with it
// (SetAside), instead of SQLite dropping it silently into a new journal.
func createOrphaned(path string) error {
	if !nonEmpty(path + "-wal") {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// prepareFile makes an accepted journal file owner-only, creating it (empty:
// SQLite makes it a database) if it does not exist.
func prepareFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil && !errors.Is(err, os.ErrPermission) {
		return err
	}
	return nil
}

// Path returns the journal file's path.
func (s *Store) Path() string {
	_, path, _ := s.db.current()
	return path
}

// Dir returns the data directory the journal lives in.
func (s *Store) Dir() string { return s.dir }

// Close writes what is not on disk yet, checkpoints the write-ahead log,
// closes the file and gives up the single-instance lock; a backup still
// running is stopped first.
func (s *Store) Close() error {
	lock := lockOf(s)
	s.check.stop() // the background check and backup read the journal: end them first
	lock.stopBackup()
	defer lock.release()
	return s.close()
}

// Add validates e, assigns its ID, UUID and times, marks it back-dated when
// its time is well before now, and stores it durably in one transaction.
func (s *Store) Add(e *Entry) error {
	now := s.now()
	if err := e.validate(s.guide, now); err != nil {
		return fmt.Errorf("add entry: %w", err)
	}
	if e.UUID == "" {
		e.UUID = newUUID()
	}
	stamp := now.UTC().Truncate(time.Millisecond)
	e.Created, e.Updated = stamp, stamp
	e.Backdated = now.Sub(e.At) > BackdateAfter
	if err := s.insert(e); err != nil {
		return fmt.Errorf("add entry: %w", err)
	}
	return nil
}

// AddAll adds many check-ins in one transaction: all of them or, when one is
// invalid, none (its index is in the error). IDs, UUIDs and times are
// assigned as by Add. It is for bulk imports of generated or migrated data;
// one check-in at a time goes through Add.
func (s *Store) AddAll(entries []Entry) error {
	now := s.now()
	stamp := now.UTC().Truncate(time.Millisecond)
	for i := range entries {
		e := &entries[i]
		if err := e.validate(s.guide, now); err != nil {
			return fmt.Errorf("add entry %d of %d: %w", i+1, len(entries), err)
		}
		if e.UUID == "" {
			e.UUID = newUUID()
		}
		e.Created, e.Updated = stamp, stamp
		e.Backdated = now.Sub(e.At) > BackdateAfter
	}
	err := s.tx(func(tx *sql.Tx) error {
		for i := range entries {
			if err := insertEntry(tx, &entries[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("add %d entries: %w", len(entries), err)
	}
	return nil
}

// Restore puts back an entry exactly as it was (same UUID and times), as
// after an undone delete or an import.
func (s *Store) Restore(e *Entry) error {
	if err := e.validate(s.guide, s.now()); err != nil {
		return fmt.Errorf("restore entry: %w", err)
	}
	if e.UUID == "" || e.Created.IsZero() {
		return fmt.Errorf("restore entry: %w", &FieldError{Field: "uuid", Reason: "missing"})
	}
	if e.Updated.IsZero() {
		e.Updated = e.Created
	}
	if err := s.insert(e); err != nil {
		return fmt.Errorf("restore entry: %w", err)
	}
	return nil
}

func (s *Store) insert(e *Entry) error {
	return s.tx(func(tx *sql.Tx) error { return insertEntry(tx, e) })
}

// insertEntry stores e and its tags in tx and sets e.ID.
func insertEntry(tx *sql.Tx, e *Entry) error {
	_, off := e.At.Zone()
	res, err := tx.Exec(`INSERT INTO entries
		(uuid, at_ms, tz_offset, created_ms, updated_ms, mood, craving, note,
		 sleep_hours, sleep_quality, craving_passed, used, self_harm, backdated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.UUID, e.At.UnixMilli(), off, e.Created.UnixMilli(), e.Updated.UnixMilli(),
		e.Mood, e.Craving, e.Note, e.SleepHours, e.SleepQuality, nullBool(e.CravingPassed),
		e.Used, e.SelfHarm, e.Backdated)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if err := insertTags(tx, id, e); err != nil {
		return err
	}
	if err := writeBody(tx, id, e.Body); err != nil {
		return err
	}
	if err := writeNoteSig(tx, id, e.Note, true); err != nil {
		return err
	}
	e.ID = id
	e.At = e.At.Truncate(time.Millisecond)
	return nil
}

func insertTags(tx *sql.Tx, id int64, e *Entry) error {
	st, err := tx.Prepare(`INSERT INTO entry_tags (entry_id, kind, tag) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, l := range []struct {
		kind string
		tags []string
	}{{KindTrigger, e.Triggers}, {KindSymptom, e.Symptoms}, {KindCoping, e.Coping}} {
		for _, t := range l.tags {
			if _, err := st.Exec(id, l.kind, t); err != nil {
				return err
			}
		}
	}
	return nil
}

func nullBool(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

// Update replaces the stored fields of the entry with e.ID. Its UUID,
// creation time and back-dated mark stay as they were.
func (s *Store) Update(e *Entry) error {
	now := s.now()
	if err := e.validate(s.guide, now); err != nil {
		return fmt.Errorf("update entry: %w", err)
	}
	stamp := now.UTC().Truncate(time.Millisecond)
	err := s.tx(func(tx *sql.Tx) error {
		_, off := e.At.Zone()
		res, err := tx.Exec(`UPDATE entries SET at_ms = ?, tz_offset = ?, updated_ms = ?,
			mood = ?, craving = ?, note = ?, sleep_hours = ?, sleep_quality = ?,
			craving_passed = ?, used = ?, self_harm = ? WHERE id = ?`,
			e.At.UnixMilli(), off, stamp.UnixMilli(), e.Mood, e.Craving, e.Note,
			e.SleepHours, e.SleepQuality, nullBool(e.CravingPassed), e.Used, e.SelfHarm, e.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if _, err := tx.Exec(`DELETE FROM entry_tags WHERE entry_id = ?`, e.ID); err != nil {
			return err
		}
		if err := writeBody(tx, e.ID, e.Body); err != nil {
			return err
		}
		if err := writeNoteSig(tx, e.ID, e.Note, false); err != nil {
			return err
		}
		return insertTags(tx, e.ID, e)
	})
	if err != nil {
		return fmt.Errorf("update entry %d: %w", e.ID, err)
	}
	e.Updated = stamp
	return nil
}

// Delete removes the entry with the given ID and returns it as it was, so
// that it can be put back with Restore.
func (s *Store) Delete(id int64) (Entry, error) {
	e, err := s.Get(id)
	if err != nil {
		return Entry{}, fmt.Errorf("delete entry %d: %w", id, err) // ErrNotFound, or why it could not be read
	}
	res, err := s.exec(`DELETE FROM entries WHERE id = ?`, id)
	if err != nil {
		return Entry{}, fmt.Errorf("delete entry %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Entry{}, fmt.Errorf("delete entry %d: %w", id, ErrNotFound)
	}
	return e, nil
}

const entryColumns = `id, uuid, at_ms, tz_offset, created_ms, updated_ms, mood, craving, note,
	sleep_hours, sleep_quality, craving_passed, used, self_harm, backdated`

func scanEntry(row interface{ Scan(...any) error }) (Entry, error) {
	var e Entry
	var at, created, updated int64
	var off int
	var sleepH sql.NullFloat64
	var sleepQ sql.NullInt64
	var passed sql.NullBool
	if err := row.Scan(&e.ID, &e.UUID, &at, &off, &created, &updated, &e.Mood, &e.Craving, &e.Note,
		&sleepH, &sleepQ, &passed, &e.Used, &e.SelfHarm, &e.Backdated); err != nil {
		return Entry{}, err
	}
	e.At = time.UnixMilli(at).In(zoneFor(off))
	e.Created = time.UnixMilli(created).UTC()
	e.Updated = time.UnixMilli(updated).UTC()
	if sleepH.Valid {
		e.SleepHours = &sleepH.Float64
	}
	if sleepQ.Valid {
		q := int(sleepQ.Int64)
		e.SleepQuality = &q
	}
	if passed.Valid {
		e.CravingPassed = &passed.Bool
	}
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
	list := []Entry{e}
	if err := s.loadTags(list); err != nil {
		return Entry{}, fmt.Errorf("get entry %d: %w", id, err)
	}
	return list[0], nil
}

// loadTags fills the tag lists of entries with one query.
func (s *Store) loadTags(entries []Entry) error {
	if len(entries) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(entries))
	args := make([]any, len(entries))
	for i, e := range entries {
		idx[e.ID] = i
		args[i] = e.ID
	}
	q := `SELECT entry_id, kind, tag FROM entry_tags WHERE entry_id IN (?` +
		strings.Repeat(",?", len(entries)-1) + `)`
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var kind, tag string
		if err := rows.Scan(&id, &kind, &tag); err != nil {
			return err
		}
		e := &entries[idx[id]]
		switch kind {
		case KindTrigger:
			e.Triggers = append(e.Triggers, tag)
		case KindSymptom:
			e.Symptoms = append(e.Symptoms, tag)
		case KindCoping:
			e.Coping = append(e.Coping, tag)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return s.loadBody(entries)
}

// Filter narrows the history. The zero Filter shows everything.
type Filter struct {
	From, To time.Time // entries at or after From and before To; zero = open
	Trigger  string    // only entries with this trigger; "" = any

	// Mood, craving, lapse and note text (filter.go); zero values keep all.
	Moods    MoodSet
	Cravings CravingSet
	Lapse    LapseFilter
	Text     string

	BodyLogged bool // only entries with a body log (body.go)
}

// Cursor marks a position in the history, newest first. The zero Cursor is
// the start (the newest entry).
type Cursor struct {
	atMS int64
	id   int64
}

// Page returns up to limit entries older than cursor that match f, newest
// first, and the cursor for the next page. It reads only the rows it
// returns (keyset pagination over an index), so it stays fast however long
// the journal is.
func (s *Store) Page(f Filter, cursor Cursor, limit int) ([]Entry, Cursor, error) {
	var where []string
	var args []any
	if cursor != (Cursor{}) {
		where = append(where, `(at_ms, id) < (?, ?)`)
		args = append(args, cursor.atMS, cursor.id)
	}
	if !f.From.IsZero() {
		where = append(where, `at_ms >= ?`)
		args = append(args, f.From.UnixMilli())
	}
	if !f.To.IsZero() {
		where = append(where, `at_ms < ?`)
		args = append(args, f.To.UnixMilli())
	}
	if f.Trigger != "" {
		where = append(where, `EXISTS (SELECT 1 FROM entry_tags t
			WHERE t.entry_id = entries.id AND t.kind = 'trigger' AND t.tag = ?)`)
		args = append(args, f.Trigger)
	}
	if f.BodyLogged {
		where = append(where, `EXISTS (SELECT 1 FROM entry_body b WHERE b.entry_id = entries.id)`)
	}
	where, args = f.conditions(where, args)
	q := `SELECT ` + entryColumns + ` FROM entries`
	ids, few, err := s.noteCandidates(f.Text)
	if err != nil {
		return nil, cursor, fmt.Errorf("read history: %w", err)
	}
	if few {
		// Only these notes can hold the text (search.go): read them by ID
		// and sort them, rather than every check-in in time order.
		q += ` NOT INDEXED`
		where = append(where, `id IN (SELECT value FROM json_each(?))`)
		args = append(args, ids)
	}
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY at_ms DESC, id DESC LIMIT ?`
	args = append(args, limit)
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, cursor, fmt.Errorf("read history: %w", err)
	}
	var out []Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			rows.Close()
			return nil, cursor, fmt.Errorf("read history: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, cursor, fmt.Errorf("read history: %w", err)
	}
	if err := s.loadTags(out); err != nil {
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
