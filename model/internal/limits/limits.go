// Package limits holds the size limits that the record decoders of package model share (portal's JSON
// payloads and csvio's CSV layouts): one Option type, so that a limit means the same in both.
package limits

import (
	"errors"
	"io"
)

// Config is a decoder's limits, in bytes: one record (a data[] element, a CSV row) and one field; and
// the one reading policy a decoder option sets (portal.PayloadSync).
type Config struct {
	Record, Field int
	// NoPayloadSync turns off portal's payload sync rule (a DongBoHoSoMC record counts as sent).
	NoPayloadSync bool
}

// Option sets a limit; the decoders' own packages name them (MaxRecordBytes, MaxFieldBytes).
type Option func(*Config)

// MaxRecord sets the record limit; n ≤ 0 keeps the default.
func MaxRecord(n int) Option {
	return func(c *Config) {
		if n > 0 {
			c.Record = n
		}
	}
}

// MaxField sets the field limit; n ≤ 0 keeps the default.
func MaxField(n int) Option {
	return func(c *Config) {
		if n > 0 {
			c.Field = n
		}
	}
}

// New returns the defaults record and field with opts applied in order (nil options are skipped).
func New(record, field int, opts []Option) Config {
	c := Config{Record: record, Field: field}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// ErrReached is returned by a Reader at its allowance.
var ErrReached = errors.New("record limit reached")

// Reader hands its reader's bytes out up to Allow in all: a decoder moves Allow to its offset plus the
// record limit before each record, so that no record longer than the limit is ever buffered whole.
type Reader struct {
	R     io.Reader
	N     int64 // bytes handed out
	Allow int64
}

// Read reads at most Allow − N bytes; at the allowance it returns ErrReached.
func (l *Reader) Read(p []byte) (int, error) {
	if l.N >= l.Allow {
		return 0, ErrReached
	}
	if rem := l.Allow - l.N; int64(len(p)) > rem {
		p = p[:rem]
	}
	n, err := l.R.Read(p)
	l.N += int64(n)
	return n, err
}
