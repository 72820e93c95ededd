package portal

import "github.com/vn-dvc/chiso766/model/internal/limits"

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

// Option configures a decoder: its size limits (MaxRecordBytes, MaxFieldBytes) and the payload sync
// rule (PayloadSync, payload decoders only); portal's and csvio's are one type.
type Option = limits.Option

type config = limits.Config

// MaxRecordBytes sets the record limit (default DefaultMaxRecordBytes); n ≤ 0 keeps the default. Memory held
// by a decoder is about twice this limit.
func MaxRecordBytes(n int) Option { return limits.MaxRecord(n) }

// MaxFieldBytes sets the field limit (default DefaultMaxFieldBytes); n ≤ 0 keeps the default. A field cannot be
// longer than its record.
func MaxFieldBytes(n int) Option { return limits.MaxField(n) }

// PayloadSync sets the payload sync rule of DecodeDossiers and SplitDossiers (policy "payload_sync",
// default on): a dossier read from a DongBoHoSoMC payload was sent to the portal, so its Sync is set to
// a sending at its reception time with ErrorCode "" (accepted) when the record carries no sync answer.
// PayloadSync(false) leaves Sync absent, for a local export in the payload's format of dossiers that
// were not all sent (1.4 then reads them as never sent).
func PayloadSync(on bool) Option {
	return func(c *limits.Config) { c.NoPayloadSync = !on }
}

func newConfig(opts []Option) config {
	return limits.New(DefaultMaxRecordBytes, DefaultMaxFieldBytes, opts)
}
