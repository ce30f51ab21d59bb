package data

/*
#include <stdlib.h>

// The few declarations of SQLite's C API this file needs. The functions are
// the ones go-sqlite3 compiles into the program (its amalgamation); their
// signatures and these structures' first members are SQLite's stable ABI.
typedef struct sqlite3 sqlite3;
typedef long long steady_i64;
typedef struct sqlite3_file sqlite3_file;
struct steady_io_methods {
	int iVersion;
	int (*xClose)(sqlite3_file*);
	int (*xRead)(sqlite3_file*, void*, int, steady_i64);
	int (*xWrite)(sqlite3_file*, const void*, int, steady_i64);
	int (*xTruncate)(sqlite3_file*, steady_i64);
	int (*xSync)(sqlite3_file*, int);
	int (*xFileSize)(sqlite3_file*, steady_i64*);
};
struct sqlite3_file { const struct steady_io_methods *pMethods; };

extern int sqlite3_open_v2(const char*, sqlite3**, int, const char*);
extern int sqlite3_close(sqlite3*);
extern int sqlite3_file_control(sqlite3*, const char*, int, void*);

enum {
	STEADY_OPEN_READWRITE = 0x2,
	STEADY_OPEN_URI = 0x40,
	STEADY_FCNTL_FILE_POINTER = 7,
};

static int steady_memdb_open(const char *uri, sqlite3 **db, sqlite3_file **f) {
	int rc = sqlite3_open_v2(uri, db, STEADY_OPEN_READWRITE | STEADY_OPEN_URI, 0);
	if (rc) return rc;
	rc = sqlite3_file_control(*db, "main", STEADY_FCNTL_FILE_POINTER, f);
	if (rc == 0 && (*f == 0 || (*f)->pMethods == 0)) rc = 1;
	return rc;
}
static int steady_size(sqlite3_file *f, steady_i64 *n) { return f->pMethods->xFileSize(f, n); }
static int steady_read(sqlite3_file *f, void *p, int n, steady_i64 off) { return f->pMethods->xRead(f, p, n, off); }
static int steady_write(sqlite3_file *f, const void *p, int n, steady_i64 off) { return f->pMethods->xWrite(f, p, n, off); }
*/
import "C"

import (
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"unsafe"

	"github.com/mattn/go-sqlite3"
)

// An encrypted journal lives in SQLite's memdb VFS under a private shared
// name ("/steady-<random>"). go-sqlite3's Serialize copies the whole
// database (SQLite's copy, then Go's) and its Deserialize makes a database
// that cannot grow, so the vault code reaches the memdb file's bytes
// directly instead: a second, C-level connection to the same shared memdb
// gets the file through SQLITE_FCNTL_FILE_POINTER and reads or writes it
// chunk by chunk. Nothing holds a second copy of the journal.

// memConnector opens connections to one shared memdb database. It holds a
// C-level connection of its own (file) for as long as the *sql.DB is open:
// that keeps the memory database alive even if the pool drops its
// connection and opens another, and it is how the vault code reaches the
// bytes. DB.Close calls Close, which frees the memory. Its Driver carries
// the URI and the file, so that memURI and memFileOf find them from the
// *sql.DB.
type memConnector struct{ drv memDriver }

type memDriver struct {
	uri  string
	file *memFile
	*sqlite3.SQLiteDriver
}

func (c memConnector) Connect(context.Context) (driver.Conn, error) {
	return c.drv.Open(c.drv.uri + "&_foreign_keys=on&_txlock=immediate&_busy_timeout=5000&_secure_delete=on")
}

func (c memConnector) Driver() driver.Driver { return c.drv }

// Close closes the C-level connection; sql.DB.Close calls it after its own
// connections are closed, so the memory database is freed.
func (c memConnector) Close() error {
	c.drv.file.close()
	return nil
}

// newMemJournal opens an empty database in the memdb VFS under a fresh
// name. The pool keeps exactly one connection; the database lives as long
// as the *sql.DB (closing it frees the memory).
func newMemJournal() (*sql.DB, error) {
	var name [12]byte
	if _, err := rand.Read(name[:]); err != nil {
		return nil, err
	}
	uri := "file:/steady-" + hex.EncodeToString(name[:]) + "?vfs=memdb"
	file, err := openMemFile(uri)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(memConnector{memDriver{uri: uri, file: file, SQLiteDriver: &sqlite3.SQLiteDriver{}}})
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// memURI returns the URI of a database opened by newMemJournal.
func memURI(db *sql.DB) (string, bool) {
	d, ok := db.Driver().(memDriver)
	return d.uri, ok
}

// memFileOf returns the direct access to the bytes of a database opened by
// newMemJournal (nil for any other).
func memFileOf(db *sql.DB) *memFile {
	d, _ := db.Driver().(memDriver)
	return d.file
}

// memFile is direct access to a memdb database's bytes, through a C-level
// connection of its own. Its methods are safe for concurrent use, and fail
// once it is closed.
type memFile struct {
	mu sync.Mutex
	db *C.sqlite3
	f  *C.sqlite3_file
}

var errMemFileClosed = errors.New("the journal in memory is closed")

func openMemFile(uri string) (*memFile, error) {
	curi := C.CString(uri)
	defer C.free(unsafe.Pointer(curi))
	var db *C.sqlite3
	var f *C.sqlite3_file
	if rc := C.steady_memdb_open(curi, &db, &f); rc != 0 {
		C.sqlite3_close(db)
		return nil, fmt.Errorf("open the journal in memory: SQLite error %d", int(rc))
	}
	return &memFile{db: db, f: f}, nil
}

// close closes the connection; a second call does nothing.
func (m *memFile) close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.db != nil {
		C.sqlite3_close(m.db)
		m.db, m.f = nil, nil
	}
}

func (m *memFile) size() (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.f == nil {
		return 0, errMemFileClosed
	}
	var n C.steady_i64
	if rc := C.steady_size(m.f, &n); rc != 0 {
		return 0, fmt.Errorf("journal size in memory: SQLite error %d", int(rc))
	}
	return int64(n), nil
}

func (m *memFile) readAt(p []byte, off int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.f == nil {
		return errMemFileClosed
	}
	if len(p) == 0 {
		return nil
	}
	if rc := C.steady_read(m.f, unsafe.Pointer(&p[0]), C.int(len(p)), C.steady_i64(off)); rc != 0 {
		return fmt.Errorf("read the journal in memory: SQLite error %d", int(rc))
	}
	return nil
}

func (m *memFile) writeAt(p []byte, off int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.f == nil {
		return errMemFileClosed
	}
	if len(p) == 0 {
		return nil
	}
	if rc := C.steady_write(m.f, unsafe.Pointer(&p[0]), C.int(len(p)), C.steady_i64(off)); rc != 0 {
		return fmt.Errorf("write the journal in memory: SQLite error %d", int(rc))
	}
	return nil
}
