package csvio

import (
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

// Option configures a decoder's size limits: it is portal.Option.
type Option = portal.Option

// MaxRecordBytes is portal.MaxRecordBytes: the row limit (a decoder holds about three times it at most).
func MaxRecordBytes(n int) Option { return portal.MaxRecordBytes(n) }

// MaxFieldBytes is portal.MaxFieldBytes: the cell limit (a cell cannot be longer than its row).
func MaxFieldBytes(n int) Option { return portal.MaxFieldBytes(n) }

func newConfig(opts []Option) limits.Config {
	return limits.New(DefaultMaxRecordBytes, DefaultMaxFieldBytes, opts)
}
