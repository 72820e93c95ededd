package indicator

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
)

// ErrBadBands: a band table that cannot classify scores (*BandError).
var ErrBadBands = errors.New("indicator: invalid band table")

// BandError reports a problem with a band table: the band's index, the field and why.
type BandError struct {
	Index  int    // the band's position in the table (-1 for the table as a whole)
	Field  string // "Min", "Code" or "" for the table
	Reason string // human-readable explanation
}

func (e *BandError) Error() string {
	if e.Index < 0 {
		return "indicator: band table: " + e.Reason
	}
	return fmt.Sprintf("indicator: band #%d field %s: %s", e.Index, e.Field, e.Reason)
}

// Unwrap returns ErrBadBands.
func (e *BandError) Unwrap() error { return ErrBadBands }

// Band is one class of a band table (xếp loại): a total at or above Min falls into the band, unless a
// higher band takes it. Code is a stable machine-readable code.
type Band struct {
	Min    decimal.Decimal `json:"min"`
	Code   string          `json:"code"`
	NameVI string          `json:"nameVI"`
	NameEN string          `json:"nameEN"`
}

// Bands is a band table ordered from the highest band to the lowest (strictly decreasing Min). It is a
// plain value the caller may build or modify; Validate checks it.
//
// No official thresholds exist (docs/rules.md, Ranks and bands) [Policy]: DefaultBands is the table third-party
// dashboards use, not an official classification.
type Bands []Band

// DefaultBands returns the unofficial default table (docs/rules.md, Ranks and bands): ≥ 90 excellent (Xuất
// sắc), ≥ 80 good (Tốt), ≥ 70 fair (Khá), ≥ 50 average (Trung bình), below 50 weak (Yếu). The thresholds are
// points of the total (out of 100 in the built-in editions). It is not official: no official thresholds were
// found; a district at 83.8 was called "tốt" in 2024, which the table agrees with. Cost: a few small
// allocations; the result is a fresh slice.
func DefaultBands() Bands {
	return Bands{
		{Min: decimal.NewFromInt(90), Code: "excellent", NameVI: "Xuất sắc", NameEN: "excellent"},
		{Min: decimal.NewFromInt(80), Code: "good", NameVI: "Tốt", NameEN: "good"},
		{Min: decimal.NewFromInt(70), Code: "fair", NameVI: "Khá", NameEN: "fair"},
		{Min: decimal.NewFromInt(50), Code: "average", NameVI: "Trung bình", NameEN: "average"},
		{Min: decimal.Zero, Code: "weak", NameVI: "Yếu", NameEN: "weak"},
	}
}

// Validate checks that the table is non-empty, that every band has a code, that codes are unique and
// that Min strictly decreases. It returns a *BandError matching ErrBadBands. Cost: O(bands²) for the
// uniqueness check (tables are short).
func (b Bands) Validate() error {
	if len(b) == 0 {
		return &BandError{Index: -1, Reason: "no bands"}
	}
	for i, x := range b {
		if x.Code == "" {
			return &BandError{Index: i, Field: "Code", Reason: "empty code"}
		}
		for j := 0; j < i; j++ {
			if b[j].Code == x.Code {
				return &BandError{Index: i, Field: "Code", Reason: fmt.Sprintf("code %q repeats band #%d", x.Code, j)}
			}
		}
		if i > 0 && x.Min.Cmp(b[i-1].Min) >= 0 {
			return &BandError{Index: i, Field: "Min", Reason: fmt.Sprintf("%s is not below the previous band's %s", x.Min, b[i-1].Min)}
		}
	}
	return nil
}

// Classify returns the first band (from the top) whose Min the score reaches; ok is false when the score
// is below every band (never for DefaultBands and a non-negative score) or the table is empty. It assumes
// a valid table (see Validate). Cost: O(bands), no allocation.
func (b Bands) Classify(score decimal.Decimal) (band Band, ok bool) {
	for _, x := range b {
		if score.Cmp(x.Min) >= 0 {
			return x, true
		}
	}
	return Band{}, false
}
