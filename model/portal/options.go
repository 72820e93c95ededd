package portal

// Default size limits of the decoders. A realistic dossier record is about
// 2 KB and a LayThuTuc procedure tens of KB, so the defaults leave two to
// three orders of magnitude of headroom while bounding what one hostile
// record can cost.
const (
	// DefaultMaxRecordBytes bounds one element of data[] (its JSON text,
	// including white space before it) and any other single value of the
	// envelope: 1 MiB.
	DefaultMaxRecordBytes = 1 << 20
	// DefaultMaxFieldBytes bounds the JSON text of one value of a record or
	// of a nested object (a nested list counts as one value of its key):
	// 256 KiB.
	DefaultMaxFieldBytes = 256 << 10
)

// Option configures a decoder (DecodeDossiers, DecodeSteps,
// DecodeProcedures, DecodeProcedure).
type Option func(*config)

type config struct {
	maxRecord, maxField int
}

// MaxRecordBytes sets the record limit (default DefaultMaxRecordBytes); n ≤ 0
// keeps the default. Memory held by a decoder is about twice this limit.
func MaxRecordBytes(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxRecord = n
		}
	}
}

// MaxFieldBytes sets the field limit (default DefaultMaxFieldBytes); n ≤ 0
// keeps the default. A field cannot be longer than its record, so raising
// the field limit above the record limit has no further effect.
func MaxFieldBytes(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxField = n
		}
	}
}

func newConfig(opts []Option) config {
	c := config{maxRecord: DefaultMaxRecordBytes, maxField: DefaultMaxFieldBytes}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}
