package data

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied in order; migrations[i] takes the schema from
// version i to i+1. They are forward-only: never edit one that has shipped,
// append a new one at the end (its index + 1 is its version).
var migrations = []string{
	// 1: the foundation — settings and check-ins.
	`CREATE TABLE settings (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	) WITHOUT ROWID;
	CREATE TABLE entries (
		id         INTEGER PRIMARY KEY,
		uuid       TEXT    NOT NULL UNIQUE,
		at_ms      INTEGER NOT NULL,           -- when it happened, Unix ms (UTC)
		tz_offset  INTEGER NOT NULL,           -- the local offset then, seconds east of UTC
		created_ms INTEGER NOT NULL,
		updated_ms INTEGER NOT NULL,
		mood       INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
		craving    INTEGER NOT NULL CHECK (craving BETWEEN 0 AND 10),
		note       TEXT    NOT NULL DEFAULT ''
	);
	CREATE INDEX entries_by_time ON entries (at_ms DESC, id DESC);`,

	// 2: the full check-in (sleep, lapse, tags) and the personal plan.
	`ALTER TABLE entries ADD COLUMN sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24);
	ALTER TABLE entries ADD COLUMN sleep_quality INTEGER CHECK (sleep_quality BETWEEN 1 AND 5);
	ALTER TABLE entries ADD COLUMN craving_passed INTEGER CHECK (craving_passed IN (0, 1));
	ALTER TABLE entries ADD COLUMN used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1));
	ALTER TABLE entries ADD COLUMN self_harm INTEGER NOT NULL DEFAULT 0 CHECK (self_harm IN (0, 1));
	ALTER TABLE entries ADD COLUMN backdated INTEGER NOT NULL DEFAULT 0 CHECK (backdated IN (0, 1));
	CREATE INDEX entries_used ON entries (at_ms) WHERE used = 1;
	CREATE TABLE entry_tags (
		entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
		kind     TEXT    NOT NULL CHECK (kind IN ('trigger', 'symptom', 'coping')),
		tag      TEXT    NOT NULL,
		PRIMARY KEY (entry_id, kind, tag)
	) WITHOUT ROWID;
	CREATE INDEX entry_tags_by_tag ON entry_tags (kind, tag, entry_id);
	CREATE TABLE plan_items (
		id         INTEGER PRIMARY KEY,
		uuid       TEXT    NOT NULL UNIQUE,
		kind       TEXT    NOT NULL CHECK (kind IN ('reason', 'person', 'trigger', 'coping')),
		text       TEXT    NOT NULL,
		phone      TEXT    NOT NULL DEFAULT '',
		position   INTEGER NOT NULL DEFAULT 0,
		created_ms INTEGER NOT NULL
	);`,

	// 3: the body log (bladder diary, pain by site, how a lapse happened);
	// one row per check-in that records any of it (see body.go).
	`CREATE TABLE entry_body (
		entry_id         INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
		urinations_day   INTEGER CHECK (urinations_day BETWEEN 0 AND 99),
		urinations_night INTEGER CHECK (urinations_night BETWEEN 0 AND 30),
		urgency          TEXT    CHECK (urgency IN ('none', 'some', 'strong')),
		leaks            TEXT    CHECK (leaks IN ('none', 'some', 'pads')),
		urine_pain       INTEGER CHECK (urine_pain BETWEEN 0 AND 10),
		blood            TEXT    CHECK (blood IN ('none', 'pink', 'red', 'clots')),
		retention        INTEGER CHECK (retention IN (0, 1)),
		fever            INTEGER CHECK (fever IN (0, 1)),
		pain_bladder     INTEGER CHECK (pain_bladder BETWEEN 0 AND 10),
		pain_flank       INTEGER CHECK (pain_flank BETWEEN 0 AND 10),
		pain_upper       INTEGER CHECK (pain_upper BETWEEN 0 AND 10),
		for_pain         INTEGER CHECK (for_pain IN (0, 1)),
		with_alcohol     INTEGER CHECK (with_alcohol IN (0, 1)),
		with_benzos      INTEGER CHECK (with_benzos IN (0, 1)),
		with_opioids     INTEGER CHECK (with_opioids IN (0, 1)),
		medical          TEXT    NOT NULL DEFAULT ''
	) WITHOUT ROWID;`,

	// 4: the note index of the history's text filter (search.go): the
	// signatures of 64 check-ins' notes to a row, filled by fillNoteSigs;
	// a deleted check-in's signature is zeroed with it; every change of a
	// row counts in note_sigs_version, so a copy read once stays good
	// until the next change.
	`CREATE TABLE note_sigs (
		block INTEGER PRIMARY KEY,             -- entry ID / 64
		sigs  BLOB    NOT NULL                 -- 64 signatures of 32 bytes, by entry ID % 64
	);
	CREATE TABLE note_sigs_version (n INTEGER NOT NULL);
	INSERT INTO note_sigs_version (n) VALUES (0);
	CREATE TRIGGER note_sigs_delete AFTER DELETE ON entries BEGIN
		UPDATE note_sigs
		SET sigs = CAST(substr(sigs, 1, (old.id % 64) * 32) || zeroblob(32) || substr(sigs, (old.id % 64) * 32 + 33) AS BLOB)
		WHERE block = old.id / 64;
	END;
	CREATE TRIGGER note_sigs_inserted AFTER INSERT ON note_sigs BEGIN
		UPDATE note_sigs_version SET n = n + 1;
	END;
	CREATE TRIGGER note_sigs_updated AFTER UPDATE ON note_sigs BEGIN
		UPDATE note_sigs_version SET n = n + 1;
	END;
	CREATE TRIGGER note_sigs_deleted AFTER DELETE ON note_sigs BEGIN
		UPDATE note_sigs_version SET n = n + 1;
	END;`,
}

// fillAt returns what migration to version v does that SQL cannot, run in
// the same transaction after its SQL, or nil.
func fillAt(v int) func(*sql.Tx) error {
	if v == 4 {
		return fillNoteSigs
	}
	return nil
}

// applicationID is PRAGMA application_id of every Steady journal: "Stdy"
// read as a big-endian 32-bit number, kept at offset 68 of the file.
const applicationID = 0x53746479

// idVersion is the first schema version that carries applicationID: every
// step sets it (see step), and version 2 was the last one made without it.
// A file at an earlier version has no application ID and is recognised by
// its exact schema instead (see schemaAt).
const idVersion = 3

// schemaVersion returns the schema version this build of Steady writes.
func schemaVersion() int { return len(migrations) }

// migrate brings the database up to schemaVersion, one transaction per step,
// so a failure leaves the file at the last complete version. The caller has
// checked the file (checkJournal); migrate still refuses a version it does
// not know rather than guess.
func migrate(ctx context.Context, db *sql.DB) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if err := knownVersion(v); err != nil {
		return err
	}
	for ; v < schemaVersion(); v++ {
		if err := step(ctx, db, v+1, migrations[v]); err != nil {
			return err
		}
	}
	return nil
}

// knownVersion refuses a schema version this Steady cannot migrate from: a
// negative one (a damaged header) or one from a newer Steady.
func knownVersion(v int) error {
	switch {
	case v < 0:
		return damaged(fmt.Errorf("schema version %d", v))
	case v > schemaVersion():
		return fmt.Errorf("schema version %d, this Steady knows %d: %w", v, schemaVersion(), ErrNewerSchema)
	}
	return nil
}

// step runs one migration and sets the version it reaches, in one
// transaction.
func step(ctx context.Context, db *sql.DB, to int, stmt string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate to version %d: %w", to, err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("migrate to version %d: %w", to, err)
	}
	if fill := fillAt(to); fill != nil {
		if err := fill(tx); err != nil {
			return fmt.Errorf("migrate to version %d: %w", to, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", to)); err != nil {
		return fmt.Errorf("migrate to version %d: set version: %w", to, err)
	}
	// Mark the file as Steady's in the same transaction: a file is never at
	// a version without its application ID.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
		return fmt.Errorf("migrate to version %d: set application ID: %w", to, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate to version %d: commit: %w", to, err)
	}
	return nil
}
