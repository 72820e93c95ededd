package csvio

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/internal/limits"
	"github.com/vn-dvc/chiso766/model/portal"
)

// Sentinel errors of this package; a *RecordError wraps them or one of
// portal.ErrBadDate, portal.ErrBadNumber, portal.ErrBadFlag, portal.ErrSyntax.
var (
	// ErrHeader: the header row is missing, has a duplicate column or lacks the
	// key column.
	ErrHeader = errors.New("bad CSV header")
	// ErrBadList: a list cell has the wrong number of '|' parts, or an item to
	// encode contains ';' or '|'.
	ErrBadList = errors.New("bad list cell")
	// ErrMissingKey: the key column (code, id) is empty.
	ErrMissingKey = errors.New("missing record key")
)

// RecordError reports a bad CSV row: its 0-based record index (header
// excluded), its 1-based line number, the record key (dossier or procedure
// code, petition id), the column and the cause.
type RecordError struct {
	// Index is the data row's 0-based position.
	Index int
	// Line is the 1-based line in the file (0 when unknown).
	Line int
	// Code is the record's key, if it could be read.
	Code string
	// Field is the column name ("" for the whole row).
	Field string
	// Err is the cause.
	Err error
	// Terminal is set on the error that ended the sequence (a header error, CSV syntax, a row over the
	// record limit, a read error, UTF-16 input): no record follows it. Any other error concerns its row
	// alone, and reading goes on with the next one.
	Terminal bool
}

// Error implements error. A header error (Index -1) reads "csvio: header (line 1): …", with the
// column when one is at fault.
func (e *RecordError) Error() string {
	switch {
	case e.Index < 0 && e.Field != "":
		return fmt.Sprintf("csvio: header (line %d) column %q: %v", max(e.Line, 1), e.Field, e.Err)
	case e.Index < 0:
		return fmt.Sprintf("csvio: header (line %d): %v", max(e.Line, 1), e.Err)
	}
	return fmt.Sprintf("csvio: record %d (line %d, key %q) column %q: %v", e.Index, e.Line, e.Code, e.Field, e.Err)
}

// IsTerminal reports whether err is a decoder error that ended its sequence (RecordError.Terminal, or a
// portal decoder's); false means the row it names is bad and the rows after it are still read.
func IsTerminal(err error) bool {
	var re *RecordError
	if errors.As(err, &re) {
		return re.Terminal
	}
	return portal.IsTerminal(err)
}

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }

// column maps one CSV column to a record field.
type column[T any] struct {
	name string
	get  func(*T) (string, error)
	set  func(*T, string) error
}

// timeLayout is the layout written for times: RFC 3339 in Vietnam time with
// optional fraction, e.g. 2026-08-03T09:30:00+07:00.
const timeLayout = "2006-01-02T15:04:05.999999999Z07:00"

func fmtTime(t model.Time) string {
	if !t.Valid {
		return ""
	}
	return t.T.In(model.Vietnam()).Format(timeLayout)
}

func parseTime(s string) (model.Time, error) {
	if strings.TrimSpace(s) == "" {
		return model.Time{}, nil
	}
	t, _, err := portal.ParseTime(s)
	if err != nil {
		return model.Time{}, err
	}
	return model.Some(t), nil
}

func parseFlag(s string) (model.Flag, error) {
	f, ok := model.ParseFlag(s)
	if !ok {
		return model.FlagAbsent, fmt.Errorf("%w: %q", portal.ErrBadFlag, s)
	}
	return f, nil
}

func parseBool(s string) (bool, error) {
	f, err := parseFlag(s)
	return f.True(), err
}

func fmtBool(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func parseInt(s string) (int64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return portal.ParseAmount(s)
}

// Column helpers.

func str[T any](name string, p func(*T) *string) column[T] {
	return column[T]{name,
		func(r *T) (string, error) { return *p(r), nil },
		func(r *T, s string) error { *p(r) = s; return nil }}
}

func tm[T any](name string, p func(*T) *model.Time) column[T] {
	return column[T]{name,
		func(r *T) (string, error) { return fmtTime(*p(r)), nil },
		func(r *T, s string) (err error) { *p(r), err = parseTime(s); return err }}
}

func flag[T any](name string, p func(*T) *model.Flag) column[T] {
	return column[T]{name,
		func(r *T) (string, error) { return p(r).String(), nil },
		func(r *T, s string) (err error) { *p(r), err = parseFlag(s); return err }}
}

func boolean[T any](name string, p func(*T) *bool) column[T] {
	return column[T]{name,
		func(r *T) (string, error) { return fmtBool(*p(r)), nil },
		func(r *T, s string) (err error) { *p(r), err = parseBool(s); return err }}
}

func integer[T any](name string, p func(*T) *int64) column[T] {
	return column[T]{name,
		func(r *T) (string, error) { return strconv.FormatInt(*p(r), 10), nil },
		func(r *T, s string) (err error) { *p(r), err = parseInt(s); return err }}
}

func strList[T any](name string, p func(*T) *[]string) column[T] {
	var sl slab[string]
	return column[T]{name,
		func(r *T) (string, error) { return joinItems(*p(r)) },
		func(r *T, s string) error {
			if strings.TrimSpace(s) == "" {
				*p(r) = nil
				return nil
			}
			out := sl.take(strings.Count(s, ";") + 1)
			for i := range out {
				it, rest := cut(s, ';')
				out[i], s = strings.TrimSpace(it), rest
			}
			*p(r) = out
			return nil
		}}
}

// cut is strings.Cut for a one-byte separator (without the found result): the list cells' hot path.
func cut(s string, sep byte) (before, after string) {
	if i := strings.IndexByte(s, sep); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// slab hands out the slices of list cells from one larger allocation: a decoder's list cells cost an
// allocation per slabBytes of items (at least 16 items), not one per cell. A slab belongs to one
// decoder (one goroutine); the slices it hands out have their capacity capped at their length.
type slab[E any] struct{ free []E }

// slabBytes keeps a slab among the small objects the allocator serves from its per-thread caches
// (larger ones take the heap lock and fresh pages each time).
const slabBytes = 16 << 10

// take returns a slice of n items (zeroed unless filled through peek).
func (sl *slab[E]) take(n int) []E {
	out := sl.peek(n)
	sl.free = sl.free[n:]
	return out
}

// item returns free item i, for a list cell read item by item whose items 0..i-1 are filled: when
// the slab is full, the filled items move to the start of a new one.
func (sl *slab[E]) item(i int) *E {
	if i >= len(sl.free) {
		free := make([]E, max(2*i, 16, slabBytes/int(unsafe.Sizeof(*new(E)))))
		copy(free, sl.free[:i])
		sl.free = free
	}
	return &sl.free[i]
}

// drop clears the first n free items (those of a list cell that failed), keeping them zero.
func (sl *slab[E]) drop(n int) { clear(sl.free[:min(n, len(sl.free))]) }

// peek returns the slice take(n) will return, without taking it.
func (sl *slab[E]) peek(n int) []E {
	if n > len(sl.free) {
		sl.free = make([]E, max(n, 16, slabBytes/int(unsafe.Sizeof(*new(E)))))
	}
	return sl.free[:n:n]
}

// joinItems joins list items with ';', refusing items that contain ';' or '|'.
func joinItems(items []string) (string, error) {
	for _, it := range items {
		if strings.ContainsAny(it, ";|") {
			return "", fmt.Errorf("%w: item %q contains ';' or '|'", ErrBadList, it)
		}
	}
	return strings.Join(items, ";"), nil
}

// structList is a list cell of items with n '|'-separated parts.
func structList[T, E any](name string, n int, p func(*T) *[]E, enc func(*E) []string, dec func([]string) (E, error)) column[T] {
	return structListRange(name, n, n, p, enc, dec)
}

// structListRange is a list cell of items with min to max '|'-separated parts:
// trailing optional parts let a layout grow without breaking older files. dec
// always receives max parts (missing trailing parts are ""); enc may return
// fewer than max parts (it should drop empty optional trailing parts so that
// older readers still accept the file).
func structListRange[T, E any](name string, min, max int, p func(*T) *[]E, enc func(*E) []string, dec func([]string) (E, error)) column[T] {
	var sl slab[E]
	parts := make([]string, max) // reused: dec must not retain it
	return column[T]{name,
		func(r *T) (string, error) {
			items := make([]string, 0, len(*p(r)))
			for i := range *p(r) {
				parts := enc(&(*p(r))[i])
				for _, x := range parts {
					if strings.ContainsAny(x, ";|") {
						return "", fmt.Errorf("%w: value %q contains ';' or '|'", ErrBadList, x)
					}
				}
				items = append(items, strings.Join(parts, "|"))
			}
			return strings.Join(items, ";"), nil
		},
		func(r *T, s string) error {
			if strings.TrimSpace(s) == "" {
				*p(r) = nil
				return nil
			}
			out := sl.peek(strings.Count(s, ";") + 1) // taken only when every item decodes
			for i := range out {
				it, rest := cut(s, ';')
				s = rest
				if got := strings.Count(it, "|") + 1; got < min || got > max {
					if min == max {
						return fmt.Errorf("%w: item %d has %d parts, want %d", ErrBadList, i, got, min)
					}
					return fmt.Errorf("%w: item %d has %d parts, want %d to %d", ErrBadList, i, got, min, max)
				}
				for j := range parts {
					var part string
					part, it = cut(it, '|')
					parts[j] = strings.TrimSpace(part)
				}
				e, err := dec(parts)
				if err != nil {
					return fmt.Errorf("item %d: %w", i, err)
				}
				out[i] = e
			}
			*p(r) = sl.take(len(out))
			return nil
		}}
}

// decode streams records of layout cols from r. key names the key column. Each record starts as a copy of
// zero (the layout's values for columns the file does not have) and gets the cells of its row.
func decode[T any](r io.Reader, cfg limits.Config, cols []column[T], key string, keyOf func(*T) string, zero T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		rr := newRowReader(r, cfg.Record)
		h, err := readHeader(rr, cols, key)
		if err != nil {
			yield(zero, err)
			return
		}
		rec := new(T) // one record reused: the setters take its address
		for n := 0; ; n++ {
			row, err := rr.next()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(zero, rowErr(rr, n, err, cfg))
				return
			}
			*rec = zero
			if re := fillRow(h, rec, row, rr.row, n, rr.rowAt, cols, key, keyOf, cfg); re != nil {
				if !yield(*rec, re) {
					return
				}
				continue
			}
			if !yield(*rec, nil) {
				return
			}
		}
	}
}

// header is a file's header mapped to a layout's columns.
type header struct {
	pos     []int    // column index per cell, -1 = ignored
	headers []string // the header's cell names
}

// readHeader reads the header row: it picks the delimiter (';' when the header line has more ';' than
// ',' outside quotes: what a spreadsheet saves under a Vietnamese or European locale), skips a UTF-8
// byte order mark, refuses UTF-16 input, and maps the header to cols. Errors are terminal
// *RecordErrors with Index -1.
func readHeader[T any](rr *rowReader, cols []column[T], key string) (*header, error) {
	if err := rr.sniff(); err != nil {
		return nil, &RecordError{Index: -1, Line: 1, Err: err, Terminal: true}
	}
	row, err := rr.next()
	if err != nil {
		switch {
		case err == io.EOF:
			err = fmt.Errorf("%w: empty input", ErrHeader)
		case err == errRowLimit:
			err = fmt.Errorf("%w: the row at byte 0 is longer than %d bytes (MaxRecordBytes)", ErrTooLarge, rr.limit)
		default:
			var pe *rowError
			if errors.As(err, &pe) {
				err = fmt.Errorf("%w: %v", portal.ErrSyntax, err)
			}
		}
		return nil, &RecordError{Index: -1, Line: 1, Err: err, Terminal: true}
	}
	index := make(map[string]int, len(cols))
	for i, c := range cols {
		index[c.name] = i
	}
	h := &header{pos: make([]int, len(row)), headers: make([]string, len(row))}
	seen := make(map[string]bool, len(row))
	hasKey := false
	for i, name := range row {
		name = strings.TrimSpace(strings.TrimPrefix(name, "\ufeff"))
		h.headers[i] = name
		if seen[name] {
			return nil, &RecordError{Index: -1, Line: 1, Field: name, Err: fmt.Errorf("%w: duplicate column %q", ErrHeader, name), Terminal: true}
		}
		seen[name] = true
		h.pos[i] = -1
		if j, ok := index[name]; ok {
			h.pos[i] = j
			hasKey = hasKey || name == key
		}
	}
	if !hasKey {
		return nil, &RecordError{Index: -1, Line: 1, Field: key, Err: fmt.Errorf("%w: no %q column", ErrHeader, key), Terminal: true}
	}
	return h, nil
}

// rowErr is the terminal error of row n.
func rowErr(rr *rowReader, n int, err error, cfg limits.Config) error {
	line := 0
	var pe *rowError
	switch {
	case err == errRowLimit:
		err = fmt.Errorf("%w: the row at byte %d is longer than %d bytes (MaxRecordBytes)", ErrTooLarge, rr.Base+int64(rr.Pos), cfg.Record)
	case errors.As(err, &pe):
		line = pe.line
		err = fmt.Errorf("%w: %v", portal.ErrSyntax, err)
	}
	return &RecordError{Index: n, Line: line, Err: err, Terminal: true}
}

// fillRow sets rec from the cells of row n (on line; raw is the row's text); it returns the row's *RecordError (the first bad
// cell, named by its column) or nil.
func fillRow[T any](h *header, rec *T, row []string, raw string, n, line int, cols []column[T], key string, keyOf func(*T) string, cfg limits.Config) *RecordError {
	if len(row) != len(h.headers) {
		return &RecordError{Index: n, Line: line, Err: fmt.Errorf("%w: %d cells, header has %d", portal.ErrSyntax, len(row), len(h.headers))}
	}
	var re *RecordError
	bad := func(field string, err error) {
		if re == nil {
			re = &RecordError{Index: n, Line: line, Field: field, Err: err}
		}
	}
	utf8Row := validUTF8(raw) // cells are substrings of raw, or unescaped from them
	for i, cell := range row {
		switch {
		case len(cell) > cfg.Field:
			bad(h.headers[i], fmt.Errorf("%w: cell of %d bytes, limit %d (MaxFieldBytes)", ErrTooLarge, len(cell), cfg.Field))
			continue
		case h.pos[i] < 0:
			continue
		case !utf8Row && !utf8.ValidString(cell):
			bad(cols[h.pos[i]].name, fmt.Errorf("%w: cell %.40q", portal.ErrInvalidUTF8, cell))
			continue
		}
		c := &cols[h.pos[i]]
		if err := c.set(rec, cell); err != nil {
			bad(c.name, err)
		}
	}
	code := keyOf(rec)
	if re == nil && strings.TrimSpace(code) == "" {
		bad(key, ErrMissingKey)
	}
	if re != nil {
		re.Code = code
	}
	return re
}

// writer writes records of one layout.
type writer[T any] struct {
	cw     *csv.Writer
	cols   []column[T]
	row    []string
	header bool
	n      int
	keyOf  func(*T) string
}

func newWriter[T any](w io.Writer, cols []column[T], keyOf func(*T) string) *writer[T] {
	return &writer[T]{cw: csv.NewWriter(w), cols: cols, row: make([]string, len(cols)), keyOf: keyOf}
}

func (w *writer[T]) write(r *T) error {
	if !w.header {
		w.header = true
		for i, c := range w.cols {
			w.row[i] = c.name
		}
		if err := w.cw.Write(w.row); err != nil {
			return err
		}
	}
	for i, c := range w.cols {
		s, err := c.get(r)
		if err != nil {
			return &RecordError{Index: w.n, Code: w.keyOf(r), Field: c.name, Err: err}
		}
		w.row[i] = s
	}
	w.n++
	return w.cw.Write(w.row)
}

func (w *writer[T]) flush() error {
	if !w.header {
		w.header = true
		for i, c := range w.cols {
			w.row[i] = c.name
		}
		if err := w.cw.Write(w.row); err != nil {
			return err
		}
	}
	w.cw.Flush()
	return w.cw.Error()
}

func names[T any](cols []column[T]) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
	}
	return out
}

func errBadNumber(s string) error { return fmt.Errorf("%w: %q", portal.ErrBadNumber, s) }

func errBadComponents(s string) error {
	return fmt.Errorf("%w: components %q must be 7 characters of 0/1 (a b c d đ e g)", ErrBadList, s)
}
