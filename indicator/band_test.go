package indicator

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultBands(t *testing.T) {
	b := DefaultBands()
	require.NoError(t, b.Validate())
	tests := []struct {
		score, code, vi string
	}{
		{"100", "excellent", "Xuất sắc"},
		{"90", "excellent", "Xuất sắc"},
		{"89.99", "good", "Tốt"},
		{"83.8", "good", "Tốt"}, // the district called "tốt" in 2024 (docs/rules.md, Ranks and bands)
		{"80.00", "good", "Tốt"},
		{"79.99", "fair", "Khá"},
		{"70", "fair", "Khá"},
		{"69.99", "average", "Trung bình"},
		{"59.92", "average", "Trung bình"}, // Phú Thọ, 8/2026
		{"50", "average", "Trung bình"},
		{"49.99", "weak", "Yếu"},
		{"0", "weak", "Yếu"},
	}
	for _, tc := range tests {
		got, ok := b.Classify(decimal.RequireFromString(tc.score))
		assert.True(t, ok, tc.score)
		assert.Equal(t, tc.code, got.Code, tc.score)
		assert.Equal(t, tc.vi, got.NameVI, tc.score)
	}
	_, ok := b.Classify(decimal.RequireFromString("-0.01"))
	assert.False(t, ok, "below every band")
	_, ok = Bands{}.Classify(decimal.Zero)
	assert.False(t, ok, "empty table")
	// A fresh table each call.
	b[0].Code = "changed"
	assert.Equal(t, "excellent", DefaultBands()[0].Code)
}

func TestBandsValidateErrors(t *testing.T) {
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	tests := []struct {
		name  string
		b     Bands
		index int
		field string
	}{
		{"empty", Bands{}, -1, ""},
		{"nil", nil, -1, ""},
		{"no code", Bands{{Min: d("50"), Code: "a"}, {Min: d("0")}}, 1, "Code"},
		{"duplicate code", Bands{{Min: d("50"), Code: "a"}, {Min: d("0"), Code: "a"}}, 1, "Code"},
		{"not decreasing", Bands{{Min: d("50"), Code: "a"}, {Min: d("60"), Code: "b"}}, 1, "Min"},
		{"equal minima", Bands{{Min: d("50"), Code: "a"}, {Min: d("50.0"), Code: "b"}}, 1, "Min"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.b.Validate()
			require.ErrorIs(t, err, ErrBadBands)
			var be *BandError
			require.ErrorAs(t, err, &be)
			assert.Equal(t, tc.index, be.Index)
			assert.Equal(t, tc.field, be.Field)
			assert.Contains(t, err.Error(), "indicator: band")
		})
	}
}

func TestCustomBands(t *testing.T) {
	b := Bands{
		{Min: decimal.NewFromInt(85), Code: "A"},
		{Min: decimal.NewFromInt(60), Code: "B"},
	}
	require.NoError(t, b.Validate())
	got, ok := b.Classify(decimal.NewFromInt(85))
	assert.True(t, ok)
	assert.Equal(t, "A", got.Code)
	_, ok = b.Classify(decimal.NewFromInt(59))
	assert.False(t, ok)
}
