package sqlio

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// Sentinel errors of this package. A *RowError wraps one of them, or the cause
// reported by package csvio (portal.ErrBadDate, portal.ErrBadNumber,
// portal.ErrBadFlag, portal.ErrInvalidUTF8, csvio.ErrMissingKey,
// csvio.ErrBadList, csvio.ErrTooLarge), or the database's own error.
var (
	// ErrColumns: a query's result lacks its key column, has a column twice,
	// has a column outside its layout (unless AllowUnknownColumns), or
	// delivers a nested list both as a dossier column and as its own query.
	// It ends the sequence.
	ErrColumns = errors.New("bad result columns")
	// ErrOrder: the ORDER BY contract is broken — a query's codes are not in
	// ascending byte order (fatal), or the dossier query repeats a code (a
	// record error for the repeated row).
	ErrOrder = errors.New("codes out of order")
	// ErrOrphan: a nested row (step, supplement, fee, file, result) whose
	// dossier code is not in the dossier stream.
	ErrOrphan = errors.New("nested row of no dossier")
	// ErrType: a database value of a Go type this package does not read
	// (anything but nil, string, []byte, integers, floats, bool and
	// time.Time).
	ErrType = errors.New("unsupported value type")
	// ErrTooManyRows: a dossier has more nested rows in one query than
	// MaxNestedRows allows.
	ErrTooManyRows = errors.New("too many nested rows")
	// ErrReused: a sequence over *sql.Rows was ranged over a second time.
	ErrReused = errors.New("rows already consumed")
)

// RowError reports a bad row, column or result: the query it comes from
// ("dossiers", "steps", "supplements", "fees", "files", "results",
// "procedures", "offerings", "units", "petitions", "ratings"), the 0-based
// row index within that query's result (-1 for the result as a whole: the
// query itself, its columns), the column, the record's key (dossier code,
// procedure code, petition or unit id) when it could be read, and the cause.
// errors.Is and errors.As see through it to the cause.
type RowError struct {
	// Query names the query.
	Query string
	// Row is the 0-based row index within the query's result; -1 for the
	// result as a whole.
	Row int
	// Column is the column name ("" for the whole row).
	Column string
	// Code is the record's key, if it could be read.
	Code string
	// Err is the cause.
	Err error

	fatal bool // the error ended its sequence
}

// Error implements error.
func (e *RowError) Error() string {
	return fmt.Sprintf("sqlio: %s row %d (key %q) column %q: %v", e.Query, e.Row, e.Code, e.Column, e.Err)
}

// Unwrap returns the cause.
func (e *RowError) Unwrap() error { return e.Err }

// Query is one SQL statement with its arguments (placeholders in the
// driver's syntax: $1 for PostgreSQL, ? for SQLite and MySQL, @p1 for SQL
// Server).
type Query struct {
	SQL  string
	Args []any
}

// Querier runs a query: *sql.DB does. The dossier functions keep one result
// per query open at the same time, which needs one connection each: pass a
// *sql.DB whose pool allows them (SetMaxOpenConns ≥ the number of queries),
// not a *sql.Tx or *sql.Conn (one connection serves one open result).
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Option configures a decoder.
type Option func(*config)

type config struct {
	csv          []csvio.Option
	allowUnknown bool
	maxNested    int
}

// DefaultMaxNestedRows bounds the nested rows (steps, or items of one list)
// one dossier may have in one query.
const DefaultMaxNestedRows = 10_000

// MaxRecordBytes sets the limit of one row's text, nested lists included
// (csvio.MaxRecordBytes; default csvio.DefaultMaxRecordBytes). A longer row
// ends the sequence with a *RowError wrapping csvio.ErrTooLarge.
func MaxRecordBytes(n int) Option {
	return func(c *config) { c.csv = append(c.csv, csvio.MaxRecordBytes(n)) }
}

// MaxFieldBytes sets the limit of one value (csvio.MaxFieldBytes; default
// csvio.DefaultMaxFieldBytes). A longer value is a record error.
func MaxFieldBytes(n int) Option {
	return func(c *config) { c.csv = append(c.csv, csvio.MaxFieldBytes(n)) }
}

// MaxNestedRows sets the number of nested rows one dossier may have in one
// nested query (default DefaultMaxNestedRows; n ≤ 0 keeps it). The rows
// beyond it are read and counted, not kept: the dossier comes with a
// *RowError wrapping ErrTooManyRows.
func MaxNestedRows(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxNested = n
		}
	}
}

// AllowUnknownColumns ignores result columns outside the layout instead of
// failing with ErrColumns (e.g. for SELECT * over a wider view).
func AllowUnknownColumns() Option { return func(c *config) { c.allowUnknown = true } }

func newConfig(opts []Option) config {
	c := config{maxNested: DefaultMaxNestedRows}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// result is one query's open result, read row by row into cells in the
// csvio vocabulary.
type result struct {
	query    string
	rows     *sql.Rows
	names    []string // lower-cased column names
	zoneless []bool   // time values are Vietnam wall-clock times
	pos      map[string]int
	vals     []any
	ptrs     []any
	buf      []byte // the current row's cells as text, one after the other
	ends     []int  // cell i is buf[ends[i-1]:ends[i]]
	row      int    // index of the row in cells; -1 before the first
	cellErr  error  // a *RowError for the row in cells (ErrType, bad UTF-8 in a key)
	done     bool
}

// open validates the columns of rows against layout (key first) and extra
// columns; it returns a fatal *RowError on a bad column set.
func open(query string, rows *sql.Rows, layout []string, key string, cfg config) (*result, error) {
	cols, err := rows.ColumnTypes()
	if err != nil {
		return nil, &RowError{fatal: true, Query: query, Row: -1, Err: err}
	}
	known := make(map[string]bool, len(layout))
	for _, c := range layout {
		known[c] = true
	}
	r := &result{query: query, rows: rows, row: -1, pos: make(map[string]int, len(cols))}
	for i, c := range cols {
		name := strings.ToLower(strings.TrimSpace(c.Name()))
		if _, dup := r.pos[name]; dup {
			return nil, &RowError{fatal: true, Query: query, Row: -1, Column: name, Err: fmt.Errorf("%w: column %q twice", ErrColumns, name)}
		}
		if !known[name] && !cfg.allowUnknown {
			return nil, &RowError{fatal: true, Query: query, Row: -1, Column: name, Err: fmt.Errorf("%w: column %q is not in the layout (%s)", ErrColumns, name, strings.Join(layout, ", "))}
		}
		r.pos[name] = i
		r.names = append(r.names, name)
		r.zoneless = append(r.zoneless, zoneless(c.DatabaseTypeName()))
	}
	if _, ok := r.pos[key]; !ok {
		return nil, &RowError{fatal: true, Query: query, Row: -1, Column: key, Err: fmt.Errorf("%w: no %q column", ErrColumns, key)}
	}
	r.vals = make([]any, len(cols))
	r.ptrs = make([]any, len(cols))
	for i := range r.vals {
		r.ptrs[i] = &r.vals[i]
	}
	r.ends = make([]int, len(cols))
	return r, nil
}

// zoneless reports a database type whose time values carry no zone
// (PostgreSQL timestamp and date, MySQL DATETIME, SQL Server datetime2,
// SQLite DATETIME): their wall clock is read as Vietnam time, as csvio reads
// a time without offset.
func zoneless(typeName string) bool {
	t := strings.ToUpper(typeName)
	return !strings.Contains(t, "TZ") && !strings.Contains(t, "ZONE") && !strings.Contains(t, "OFFSET")
}

// next reads the next row into cells; it returns false at the end of the
// result and a fatal *RowError when the database fails.
func (r *result) next() (bool, error) {
	if r.done {
		return false, nil
	}
	if !r.rows.Next() {
		r.done = true
		if err := r.rows.Err(); err != nil {
			return false, &RowError{fatal: true, Query: r.query, Row: r.row + 1, Err: err}
		}
		return false, nil
	}
	r.row++
	r.cellErr = nil
	if err := r.rows.Scan(r.ptrs...); err != nil {
		r.done = true
		return false, &RowError{fatal: true, Query: r.query, Row: r.row, Err: err}
	}
	r.buf = r.buf[:0]
	for i, v := range r.vals {
		var err error
		if r.buf, err = appendText(r.buf, v, r.zoneless[i]); err != nil && r.cellErr == nil {
			r.cellErr = &RowError{Query: r.query, Row: r.row, Column: r.names[i], Err: err}
		}
		r.ends[i] = len(r.buf)
	}
	return true, nil
}

// withCode returns the current row's cell error (nil if none) naming code.
func (r *result) withCode(code string) error {
	if r.cellErr == nil {
		return nil
	}
	var re *RowError
	if errors.As(r.cellErr, &re) {
		re.Code = code
	}
	return r.cellErr
}

// cell returns the current row's cell i; valid until the next row.
func (r *result) cell(i int) []byte {
	start := 0
	if i > 0 {
		start = r.ends[i-1]
	}
	return r.buf[start:r.ends[i]]
}

// get returns the current row's cell of column name (empty when the result
// has no such column); valid until the next row.
func (r *result) get(name string) []byte {
	if i, ok := r.pos[name]; ok {
		return r.cell(i)
	}
	return nil
}

// appendText appends a database value as csvio's cell text: NULL is "",
// integers decimal, floats shortest decimal, bool 1/0, times RFC 3339 in
// Vietnam time (a zoneless time's wall clock taken as Vietnam time).
func appendText(dst []byte, v any, zoneless bool) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return dst, nil
	case string:
		return append(dst, x...), nil
	case []byte:
		return append(dst, x...), nil
	case int64:
		return strconv.AppendInt(dst, x, 10), nil
	case int32:
		return strconv.AppendInt(dst, int64(x), 10), nil
	case int16:
		return strconv.AppendInt(dst, int64(x), 10), nil
	case int8:
		return strconv.AppendInt(dst, int64(x), 10), nil
	case int:
		return strconv.AppendInt(dst, int64(x), 10), nil
	case uint64:
		return strconv.AppendUint(dst, x, 10), nil
	case uint32:
		return strconv.AppendUint(dst, uint64(x), 10), nil
	case float64:
		return strconv.AppendFloat(dst, x, 'f', -1, 64), nil
	case float32:
		return strconv.AppendFloat(dst, float64(x), 'f', -1, 32), nil
	case bool:
		if x {
			return append(dst, '1'), nil
		}
		return append(dst, '0'), nil
	case time.Time:
		vn := model.Vietnam()
		if zoneless {
			x = time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), x.Nanosecond(), vn)
		}
		return x.In(vn).AppendFormat(dst, time.RFC3339Nano), nil
	}
	return dst, fmt.Errorf("%w: %T", ErrType, v)
}

// pipe serves the rows of a result as CSV text to a csvio decoder, one line
// per row: the header line first, then each line made by line on demand.
// csvio's reader reads ahead at most a few KiB, so pipe holds O(1) rows.
type pipe struct {
	buf   bytes.Buffer
	line  func(p *pipe) (bool, error) // writes the next row with write; false at the end
	fatal error                       // the error that ended the pipe
}

// errPipe is what csvio sees when the database failed; the sequence then
// reports pipe.fatal instead.
var errPipe = errors.New("sqlio: source failed")

func newPipe(header []string, line func(*pipe) (bool, error)) *pipe {
	p := &pipe{line: line}
	p.row(len(header), func(i int) []byte { return []byte(header[i]) })
	return p
}

// row appends one RFC 4180 line of n cells (what encoding/csv reads back to
// the same cells). A cell with a comma, quote or line break is quoted,
// quotes doubled; a single empty cell is written "" (an empty line would be
// skipped by the reader).
func (p *pipe) row(n int, cell func(i int) []byte) {
	if n == 1 && len(cell(0)) == 0 {
		p.buf.WriteString("\"\"\n")
		return
	}
	for i := range n {
		c := cell(i)
		if i > 0 {
			p.buf.WriteByte(',')
		}
		if !bytes.ContainsAny(c, ",\"\r\n") {
			p.buf.Write(c)
			continue
		}
		p.buf.WriteByte('"')
		for {
			j := bytes.IndexByte(c, '"')
			if j < 0 {
				break
			}
			p.buf.Write(c[:j+1])
			p.buf.WriteByte('"')
			c = c[j+1:]
		}
		p.buf.Write(c)
		p.buf.WriteByte('"')
	}
	p.buf.WriteByte('\n')
}

// Read implements io.Reader.
func (p *pipe) Read(b []byte) (int, error) {
	for p.buf.Len() == 0 {
		if p.fatal != nil {
			return 0, errPipe
		}
		ok, err := p.line(p)
		if err != nil {
			p.fatal = err
			return 0, errPipe
		}
		if !ok {
			return 0, io.EOF
		}
	}
	return p.buf.Read(b)
}

// fromCSV converts csvio's record error of a row into a *RowError of query.
func fromCSV(query string, err error) error {
	var ce *csvio.RecordError
	if errors.As(err, &ce) {
		return &RowError{Query: query, Row: ce.Index, Column: ce.Field, Code: ce.Code, Err: ce.Err}
	}
	return &RowError{Query: query, Row: -1, Err: err}
}

// endOf returns the fatal *RowError when err, yielded by csvio over p, ended
// the sequence: the database failed (p.fatal) or a row is over the record
// limit. It returns nil for an error of one row.
func endOf(query string, p *pipe, err error) error {
	if p.fatal != nil {
		return markFatal(p.fatal)
	}
	var ce *csvio.RecordError
	if errors.As(err, &ce) && (ce.Index < 0 || (ce.Field == "" && errors.Is(ce.Err, csvio.ErrTooLarge))) {
		return markFatal(fromCSV(query, err))
	}
	return nil
}

// markFatal marks a *RowError as the end of its sequence.
func markFatal(err error) error {
	var re *RowError
	if errors.As(err, &re) {
		re.fatal = true
	}
	return err
}

// isFatal reports an error that ended its sequence.
func isFatal(err error) bool {
	var re *RowError
	return errors.As(err, &re) && re.fatal
}

// once guards a sequence over *sql.Rows against a second range.
type once struct{ used bool }

func (o *once) take() bool {
	if o.used {
		return false
	}
	o.used = true
	return true
}

// decodeFlat streams the records of one flat layout from rows through the
// csvio decoder dec; the per-row cell errors of the pipe come first.
func decodeFlat[T any](query string, rows *sql.Rows, layout []string, key string, opts []Option,
	dec func(io.Reader, ...csvio.Option) iter.Seq2[T, error]) iter.Seq2[T, error] {
	var o once
	return func(yield func(T, error) bool) {
		var zero T
		if rows == nil {
			yield(zero, &RowError{fatal: true, Query: query, Row: -1, Err: errors.New("nil *sql.Rows")})
			return
		}
		defer rows.Close()
		if !o.take() {
			yield(zero, &RowError{fatal: true, Query: query, Row: -1, Err: ErrReused})
			return
		}
		cfg := newConfig(opts)
		r, err := open(query, rows, layout, key, cfg)
		if err != nil {
			yield(zero, err)
			return
		}
		var pending queue[error]
		p := newPipe(r.names, func(p *pipe) (bool, error) {
			ok, err := r.next()
			if ok {
				pending.push(r.withCode(string(r.get(key))))
				p.row(len(r.ends), r.cell)
			}
			return ok, err
		})
		for v, err := range dec(p, cfg.csv...) {
			if err != nil {
				if f := endOf(query, p, err); f != nil {
					yield(zero, f)
					return
				}
			}
			cellErr, _ := pending.pop()
			switch {
			case cellErr != nil:
				err = cellErr
			case err != nil:
				err = fromCSV(query, err)
			}
			if !yield(v, err) {
				return
			}
		}
	}
}

// queue is a FIFO whose storage is reused once drained: it holds the rows
// csvio's reader has read ahead, a handful at most.
type queue[T any] struct {
	items []T
	head  int
}

func (q *queue[T]) push(v T) { q.items = append(q.items, v) }

func (q *queue[T]) pop() (T, bool) {
	var zero T
	if q.head >= len(q.items) {
		return zero, false
	}
	v := q.items[q.head]
	q.items[q.head] = zero
	q.head++
	if q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	}
	return v, true
}

// query runs q on db and returns its rows, or a fatal *RowError.
func query(ctx context.Context, db Querier, name string, q Query) (*sql.Rows, error) {
	if db == nil {
		return nil, &RowError{fatal: true, Query: name, Row: -1, Err: errors.New("nil Querier")}
	}
	rows, err := db.QueryContext(ctx, q.SQL, q.Args...)
	if err != nil {
		return nil, &RowError{fatal: true, Query: name, Row: -1, Err: err}
	}
	return rows, nil
}

// queryFlat runs q and streams its records with decode.
func queryFlat[T any](ctx context.Context, db Querier, name string, q Query, opts []Option,
	decode func(*sql.Rows, ...Option) iter.Seq2[T, error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		rows, err := query(ctx, db, name, q)
		if err != nil {
			var zero T
			yield(zero, err)
			return
		}
		decode(rows, opts...)(yield)
	}
}
