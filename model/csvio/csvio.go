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
}

// Error implements error.
func (e *RecordError) Error() string {
	return fmt.Sprintf("csvio: record %d (line %d, key %q) column %q: %v", e.Index, e.Line, e.Code, e.Field, e.Err)
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
	return column[T]{name,
		func(r *T) (string, error) { return joinItems(*p(r)) },
		func(r *T, s string) error { *p(r) = splitItems(s); return nil }}
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

func splitItems(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ";")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
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
			var out []E
			for i, it := range splitItems(s) {
				parts := strings.Split(it, "|")
				switch {
				case len(parts) < min || len(parts) > max:
					if min == max {
						return fmt.Errorf("%w: item %d has %d parts, want %d", ErrBadList, i, len(parts), min)
					}
					return fmt.Errorf("%w: item %d has %d parts, want %d to %d", ErrBadList, i, len(parts), min, max)
				case len(parts) < max:
					parts = append(parts, make([]string, max-len(parts))...)
				}
				for j := range parts {
					parts[j] = strings.TrimSpace(parts[j])
				}
				e, err := dec(parts)
				if err != nil {
					return fmt.Errorf("item %d: %w", i, err)
				}
				out = append(out, e)
			}
			*p(r) = out
			return nil
		}}
}

// decode streams records of layout cols from r. key names the key column. Each record starts as a copy of
// zero (the layout's values for columns the file does not have) and gets the cells of its row.
func decode[T any](r io.Reader, cfg limits.Config, cols []column[T], key string, keyOf func(*T) string, zero T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		lr := &limits.Reader{R: r}
		cr := csv.NewReader(lr)
		cr.ReuseRecord = true
		cr.FieldsPerRecord = -1
		// bound allows the next row at most cfg.Record bytes, so that no
		// row longer than that is ever buffered whole.
		bound := func() { lr.Allow = cr.InputOffset() + int64(cfg.Record) }
		tooLarge := func(err error, start int64) error {
			if !errors.Is(err, limits.ErrReached) {
				return nil
			}
			return fmt.Errorf("%w: the row at byte %d is longer than %d bytes (MaxRecordBytes)", ErrTooLarge, start, cfg.Record)
		}
		bound()
		header, err := cr.Read()
		if err != nil {
			if e := tooLarge(err, 0); e != nil {
				err = e
			} else if err == io.EOF {
				err = fmt.Errorf("%w: empty input", ErrHeader)
			} else {
				err = fmt.Errorf("%w: %v", portal.ErrSyntax, err)
			}
			var zero T
			yield(zero, &RecordError{Index: -1, Line: 1, Err: err})
			return
		}
		// Map header positions to columns; unknown columns are ignored.
		index := make(map[string]int, len(cols))
		for i, c := range cols {
			index[c.name] = i
		}
		pos := make([]int, len(header))        // column index per cell, -1 = ignored
		headers := make([]string, len(header)) // the row slice is reused by Read
		seen := make(map[string]bool, len(header))
		hasKey := false
		for i, h := range header {
			h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
			headers[i] = h
			if seen[h] {
				var zero T
				yield(zero, &RecordError{Index: -1, Line: 1, Field: h, Err: fmt.Errorf("%w: duplicate column %q", ErrHeader, h)})
				return
			}
			seen[h] = true
			pos[i] = -1
			if j, ok := index[h]; ok {
				pos[i] = j
				hasKey = hasKey || h == key
			}
		}
		if !hasKey {
			var zero T
			yield(zero, &RecordError{Index: -1, Line: 1, Field: key, Err: fmt.Errorf("%w: no %q column", ErrHeader, key)})
			return
		}
		for n := 0; ; n++ {
			start := cr.InputOffset()
			bound()
			row, err := cr.Read()
			if err == io.EOF {
				return
			}
			rec := zero
			if err != nil {
				line := 0
				var pe *csv.ParseError
				if e := tooLarge(err, start); e != nil {
					err = e
				} else if errors.As(err, &pe) {
					line = pe.Line
					err = fmt.Errorf("%w: %v", portal.ErrSyntax, err)
				}
				yield(rec, &RecordError{Index: n, Line: line, Err: err})
				return
			}
			line, _ := cr.FieldPos(0)
			re := &RecordError{Index: n, Line: line}
			if len(row) != len(headers) {
				re.Err = fmt.Errorf("%w: %d cells, header has %d", portal.ErrSyntax, len(row), len(headers))
				if !yield(rec, re) {
					return
				}
				continue
			}
			for i, cell := range row {
				switch {
				case len(cell) > cfg.Field:
					if re.Err == nil {
						re.Field = headers[i]
						re.Err = fmt.Errorf("%w: cell of %d bytes, limit %d (MaxFieldBytes)", ErrTooLarge, len(cell), cfg.Field)
					}
					continue
				case pos[i] < 0:
					continue
				case !utf8.ValidString(cell):
					if re.Err == nil {
						re.Field, re.Err = cols[pos[i]].name, fmt.Errorf("%w: cell %.40q", portal.ErrInvalidUTF8, cell)
					}
					continue
				}
				c := cols[pos[i]]
				if err := c.set(&rec, cell); err != nil && re.Err == nil {
					re.Field, re.Err = c.name, err
				}
			}
			re.Code = keyOf(&rec)
			if re.Err == nil && strings.TrimSpace(re.Code) == "" {
				re.Field, re.Err = key, ErrMissingKey
			}
			if re.Err != nil {
				if !yield(rec, re) {
					return
				}
				continue
			}
			if !yield(rec, nil) {
				return
			}
		}
	}
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
