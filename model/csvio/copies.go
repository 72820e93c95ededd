package csvio

import (
	"io"
	"iter"

	"github.com/vn-dvc/chiso766/model"
)

// CertifiedCopy is one commune's row of the certified-copy layout, the input of metric 4.4: whether the
// commune offers electronic certified copies from originals (chứng thực bản sao điện tử từ bản chính).
type CertifiedCopy struct {
	// UnitID is the commune's unit id (the unit layout's id).
	UnitID string
	// Electronic says the commune offers the electronic service (flag 1/0; absent = 0).
	Electronic bool
	// Since is when the service was first offered (optional, informational).
	Since model.Time
}

func copyColumns() []column[CertifiedCopy] {
	type C = CertifiedCopy
	return []column[C]{
		str("unit_id", func(c *C) *string { return &c.UnitID }),
		boolean("electronic", func(c *C) *bool { return &c.Electronic }),
		tm("since", func(c *C) *model.Time { return &c.Since }),
	}
}

// CopyColumns returns the header of the certified-copy layout (4.4): unit_id (required), electronic (1/0),
// since (time, optional).
func CopyColumns() []string { return names(copyColumns()) }

// DecodeCopies streams certified-copy rows with the rules of DecodeDossiers ("unit_id" required). Cost and
// failure modes are DecodeDossiers': a bad cell is a record error naming the column, a missing unit_id
// column is an error before the first record.
func DecodeCopies(r io.Reader, opts ...Option) iter.Seq2[CertifiedCopy, error] {
	return decode(r, newConfig(opts), copyColumns(), "unit_id", func(c *CertifiedCopy) string { return c.UnitID }, CertifiedCopy{})
}

// CopyWriter writes certified-copy rows in the certified-copy layout.
type CopyWriter struct{ w *writer[CertifiedCopy] }

// NewCopyWriter returns a writer to w.
func NewCopyWriter(w io.Writer) *CopyWriter {
	return &CopyWriter{newWriter(w, copyColumns(), func(c *CertifiedCopy) string { return c.UnitID })}
}

// Write writes one row.
func (w *CopyWriter) Write(c *CertifiedCopy) error { return w.w.write(c) }

// Flush writes buffered rows and reports any write error.
func (w *CopyWriter) Flush() error { return w.w.flush() }
