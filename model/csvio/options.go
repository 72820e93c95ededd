package csvio

import (
	"errors"
	"io"

	"github.com/vn-dvc/chiso766/model/internal/limits"
	"github.com/vn-dvc/chiso766/model/portal"
)

// Default size limits of the decoders: a realistic row is well under 2 KB.
const (
	// DefaultMaxRecordBytes bounds the text of one row (header included),
	// quoted line breaks and all: 1 MiB.
	DefaultMaxRecordBytes = portal.DefaultMaxRecordBytes
	// DefaultMaxFieldBytes bounds one cell: 256 KiB.
	DefaultMaxFieldBytes = portal.DefaultMaxFieldBytes
)

// ErrTooLarge is portal.ErrTooLarge: a row longer than the record limit
// (found without reading past it; ends the sequence) or a cell longer than
// the field limit (a record error naming the column; reading goes on).
var ErrTooLarge = portal.ErrTooLarge

// Option configures a decoder's size limits (MaxRecordBytes, MaxFieldBytes); portal's and csvio's are one
// type.
type Option = limits.Option

type config = limits.Config

// MaxRecordBytes sets the record limit (default DefaultMaxRecordBytes); n ≤ 0 keeps the default. A decoder
// holds about three times this limit at most.
func MaxRecordBytes(n int) Option { return limits.MaxRecord(n) }

// MaxFieldBytes sets the field limit (default DefaultMaxFieldBytes); n ≤ 0 keeps the default. A cell cannot be longer
// than its row.
func MaxFieldBytes(n int) Option { return limits.MaxField(n) }

func newConfig(opts []Option) config {
	return limits.New(DefaultMaxRecordBytes, DefaultMaxFieldBytes, opts)
}

// limitReader hands the CSV reader at most allow bytes in all; decode moves
// allow to the reader's offset plus the record limit before each row.
type limitReader struct {
	r     io.Reader
	n     int64
	allow int64
}

var errLimit = errors.New("csvio: record limit reached")

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n >= l.allow {
		return 0, errLimit
	}
	if rem := l.allow - l.n; int64(len(p)) > rem {
		p = p[:rem]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	return n, err
}
