package indicator

import (
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func decs(ss ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = decimal.RequireFromString(s)
	}
	return out
}

func TestCompetitionRanks(t *testing.T) {
	tests := []struct {
		name string
		in   []decimal.Decimal
		want []int
	}{
		{"empty", nil, []int{}},
		{"one", decs("50"), []int{1}},
		{"1 2 2 4", decs("90", "80", "80", "70"), []int{1, 2, 2, 4}},
		{"unsorted", decs("70", "80", "90", "80"), []int{4, 2, 1, 2}},
		{"all equal", decs("5", "5.00", "5.0"), []int{1, 1, 1}},
		{"ties at the top", decs("99.99", "99.99", "12.5", "0"), []int{1, 1, 3, 4}},
		{"cent apart", decs("80.01", "80.00", "80.01"), []int{1, 3, 1}},
		{"three-way tie in the middle", decs("9", "8", "8", "8", "7"), []int{1, 2, 2, 2, 5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, CompetitionRanks(tc.in))
		})
	}
}

// TestCompetitionRanksProperty: rank = 1 + number of strictly greater values, for random inputs with many
// ties.
func TestCompetitionRanksProperty(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for r := 0; r < 200; r++ {
		n := rng.Intn(40)
		vals := make([]decimal.Decimal, n)
		for i := range vals {
			vals[i] = decimal.New(rng.Int63n(20), -1)
		}
		got := CompetitionRanks(vals)
		for i, v := range vals {
			greater := 0
			for _, w := range vals {
				if w.Cmp(v) > 0 {
					greater++
				}
			}
			if got[i] != greater+1 {
				t.Fatalf("%v: rank of #%d = %d, want %d", vals, i, got[i], greater+1)
			}
		}
	}
}

func TestRankScopeString(t *testing.T) {
	assert.Equal(t, "within-root", RankWithinRoot.String())
	assert.Equal(t, "siblings", RankSiblings.String())
	assert.Equal(t, "within-root-by-kind", RankWithinRootByKind.String())
	assert.Equal(t, "RankScope(9)", RankScope(9).String())
	b, err := RankSiblings.MarshalText()
	assert.NoError(t, err)
	assert.Equal(t, "siblings", string(b))
}
