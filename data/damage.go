package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"reflect"

	"github.com/mattn/go-sqlite3"
)

// driverName is the database/sql driver Steady opens journal files with:
// go-sqlite3, with every error that reports damage ("database disk image is
// malformed", SQLITE_CORRUPT; "file is not a database", SQLITE_NOTADB)
// wrapped as ErrDamaged wherever SQLite finds it — at Open, in a query's
// rows, at a commit, in a backup — so that every Store method reports damage
// the same way and the UI can offer to keep the file aside wherever it is
// found.
const driverName = "steady-sqlite3"

func init() {
	sql.Register(driverName, damageDriver{&sqlite3.SQLiteDriver{}})
}

// isDamage reports whether err is SQLite reporting a damaged file.
func isDamage(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// markDamage wraps err as damage (ErrDamaged) when SQLite reported damage,
// and returns every other error as it is.
func markDamage(err error) error {
	if err == nil || !isDamage(err) || errors.Is(err, ErrDamaged) {
		return err
	}
	return damaged(err)
}

// sqliteConn returns the go-sqlite3 connection behind a driver connection
// that database/sql's Conn.Raw hands out, for its serialize and backup API.
func sqliteConn(dc any) (*sqlite3.SQLiteConn, bool) {
	switch c := dc.(type) {
	case *damageConn:
		return c.c, true
	case *sqlite3.SQLiteConn:
		return c, true
	}
	return nil, false
}

type damageDriver struct{ d *sqlite3.SQLiteDriver }

func (d damageDriver) Open(dsn string) (driver.Conn, error) {
	c, err := d.d.Open(dsn)
	if err != nil {
		return nil, markDamage(err)
	}
	return &damageConn{c.(*sqlite3.SQLiteConn)}, nil
}

// damageConn passes everything to go-sqlite3 and marks damage in what comes
// back. It implements the same optional interfaces as *sqlite3.SQLiteConn.
type damageConn struct{ c *sqlite3.SQLiteConn }

var (
	_ driver.ConnBeginTx        = (*damageConn)(nil)
	_ driver.ConnPrepareContext = (*damageConn)(nil)
	_ driver.ExecerContext      = (*damageConn)(nil)
	_ driver.QueryerContext     = (*damageConn)(nil)
	_ driver.Pinger             = (*damageConn)(nil)
)

func (c *damageConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *damageConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.c.PrepareContext(ctx, query)
	if err != nil {
		return nil, markDamage(err)
	}
	return &damageStmt{st}, nil
}

func (c *damageConn) Close() error { return markDamage(c.c.Close()) }

func (c *damageConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *damageConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := c.c.BeginTx(ctx, opts)
	if err != nil {
		return nil, markDamage(err)
	}
	return damageTx{tx}, nil
}

func (c *damageConn) Ping(ctx context.Context) error { return markDamage(c.c.Ping(ctx)) }

func (c *damageConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	res, err := c.c.ExecContext(ctx, query, args)
	return res, markDamage(err)
}

func (c *damageConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := c.c.QueryContext(ctx, query, args)
	if err != nil {
		return nil, markDamage(err)
	}
	return wrapRows(rows), nil
}

type damageStmt struct{ s driver.Stmt }

var (
	_ driver.StmtExecContext  = (*damageStmt)(nil)
	_ driver.StmtQueryContext = (*damageStmt)(nil)
)

func (s *damageStmt) Close() error  { return markDamage(s.s.Close()) }
func (s *damageStmt) NumInput() int { return s.s.NumInput() }

// Exec and Query are driver.Stmt's methods from before contexts;
// database/sql calls the Context ones, which these pass to.
func (s *damageStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), named(args))
}

func (s *damageStmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), named(args))
}

// named numbers positional arguments as database/sql does.
func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, v := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return out
}

func (s *damageStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	res, err := s.s.(driver.StmtExecContext).ExecContext(ctx, args)
	return res, markDamage(err)
}

func (s *damageStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := s.s.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, markDamage(err)
	}
	return wrapRows(rows), nil
}

type damageTx struct{ tx driver.Tx }

func (t damageTx) Commit() error   { return markDamage(t.tx.Commit()) }
func (t damageTx) Rollback() error { return markDamage(t.tx.Rollback()) }

// damageRows marks damage found while stepping through a query's rows,
// where most of it shows (a count over a damaged table fails at Next).
type damageRows struct{ r driver.Rows }

func wrapRows(r driver.Rows) driver.Rows { return &damageRows{r} }

var (
	_ driver.RowsColumnTypeDatabaseTypeName = (*damageRows)(nil)
	_ driver.RowsColumnTypeNullable         = (*damageRows)(nil)
	_ driver.RowsColumnTypeScanType         = (*damageRows)(nil)
)

func (r *damageRows) Columns() []string { return r.r.Columns() }
func (r *damageRows) Close() error      { return markDamage(r.r.Close()) }

func (r *damageRows) Next(dest []driver.Value) error {
	err := r.r.Next(dest)
	if err == io.EOF {
		return err // the end, as database/sql expects it: not wrapped
	}
	return markDamage(err)
}

func (r *damageRows) ColumnTypeDatabaseTypeName(i int) string {
	if t, ok := r.r.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return t.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

func (r *damageRows) ColumnTypeNullable(i int) (nullable, ok bool) {
	if t, ok := r.r.(driver.RowsColumnTypeNullable); ok {
		return t.ColumnTypeNullable(i)
	}
	return false, false
}

func (r *damageRows) ColumnTypeScanType(i int) reflect.Type {
	if t, ok := r.r.(driver.RowsColumnTypeScanType); ok {
		return t.ColumnTypeScanType(i)
	}
	return reflect.TypeFor[any]()
}
