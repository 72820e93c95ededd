package sqlio_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"testing"
)

// A test-only database/sql driver serving fixed tables: the query text is
// the table's name. It keeps the tests of the main module free of any
// database.

type table struct {
	cols  []string
	types []string // DatabaseTypeName per column ("" = TEXT)
	rows  [][]driver.Value
	// failAt > 0 makes Next fail when asked for that row index.
	failAt int
	// gen, when set, produces row i of n rows instead of rows (benchmarks).
	gen func(i int, dst []driver.Value)
	n   int
}

type fakeDB map[string]*table

func (f fakeDB) Connect(context.Context) (driver.Conn, error) { return conn{f}, nil }
func (f fakeDB) Driver() driver.Driver                        { return drv{f} }

type drv struct{ f fakeDB }

func (d drv) Open(string) (driver.Conn, error) { return conn(d), nil }

type conn struct{ f fakeDB }

func (c conn) Prepare(q string) (driver.Stmt, error) {
	t, ok := c.f[q]
	if !ok {
		return nil, fmt.Errorf("no table %q", q)
	}
	return stmt{t}, nil
}
func (c conn) Close() error              { return nil }
func (c conn) Begin() (driver.Tx, error) { return nil, errors.New("no transactions") }

type stmt struct{ t *table }

func (s stmt) Close() error                               { return nil }
func (s stmt) NumInput() int                              { return -1 }
func (s stmt) Exec([]driver.Value) (driver.Result, error) { return nil, errors.New("read only") }
func (s stmt) Query([]driver.Value) (driver.Rows, error)  { return &rows{t: s.t}, nil }

type rows struct {
	t *table
	i int
}

func (r *rows) Columns() []string { return r.t.cols }
func (r *rows) Close() error      { return nil }
func (r *rows) ColumnTypeDatabaseTypeName(i int) string {
	if i < len(r.t.types) && r.t.types[i] != "" {
		return r.t.types[i]
	}
	return "TEXT"
}

var errDisk = errors.New("disk on fire")

func (r *rows) Next(dst []driver.Value) error {
	if r.t.failAt > 0 && r.i == r.t.failAt {
		return errDisk
	}
	if r.t.gen != nil {
		if r.i >= r.t.n {
			return io.EOF
		}
		r.t.gen(r.i, dst)
		r.i++
		return nil
	}
	if r.i >= len(r.t.rows) {
		return io.EOF
	}
	copy(dst, r.t.rows[r.i])
	r.i++
	return nil
}

func openFake(tb testing.TB, f fakeDB) *sql.DB {
	tb.Helper()
	db := sql.OpenDB(f)
	tb.Cleanup(func() { db.Close() })
	return db
}

// vals turns test literals into driver values (nil stays NULL).
func vals(v ...any) []driver.Value {
	out := make([]driver.Value, len(v))
	for i, x := range v {
		out[i] = x
	}
	return out
}
