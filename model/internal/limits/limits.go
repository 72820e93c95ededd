// Package limits holds the size limits that the record decoders of package model share (portal's JSON
// payloads and csvio's CSV layouts): one Option type, so that a limit means the same in both.
package limits

// Config is a decoder's limits, in bytes: one record (a data[] element, a CSV row) and one field.
type Config struct {
	Record, Field int
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
