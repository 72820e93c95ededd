package indicator

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"
)

// RankScope selects which units are ranked together by Edition.ScoreTree [Policy]. Roots (provinces,
// ministries) are always ranked among the roots of the tree.
type RankScope uint8

const (
	// RankWithinRoot ranks every sub-unit with all other sub-units of the same root, whatever its depth:
	// the portal ranks the departments and communes of a province together. Default. (In the two-tier
	// structure since 1/7/2025 every sub-unit is a child of its province, so this equals RankSiblings.)
	RankWithinRoot RankScope = iota
	// RankSiblings ranks a unit among the units with the same parent.
	RankSiblings
	// RankWithinRootByKind ranks a sub-unit among the sub-units of the same root and the same kind
	// (departments apart from communes), as some provincial reports do.
	RankWithinRootByKind
)

// String returns "within-root", "siblings" or "within-root-by-kind".
func (s RankScope) String() string {
	switch s {
	case RankWithinRoot:
		return "within-root"
	case RankSiblings:
		return "siblings"
	case RankWithinRootByKind:
		return "within-root-by-kind"
	}
	return fmt.Sprintf("RankScope(%d)", uint8(s))
}

// MarshalText encodes the scope as its String form, so TreeResult's JSON names it.
func (s RankScope) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// RankPool identifies a set of units ranked together: Anchor is the id of the root (RankWithinRoot,
// RankWithinRootByKind) or of the parent (RankSiblings) whose sub-units are ranked, "" for the pool of
// roots; Kind is set under RankWithinRootByKind only.
type RankPool struct {
	Anchor string   `json:"anchor"`
	Kind   UnitKind `json:"kind,omitempty"`
}

// CompetitionRanks ranks values in descending order with standard competition ranking: equal values
// share a rank and the next rank skips (1, 2, 2, 4). Values are compared exactly (with Cmp), so pass the
// published, rounded scores. The result is parallel to values. Cost: O(n log n), two allocations.
func CompetitionRanks(values []decimal.Decimal) []int {
	idx := make([]int, len(values))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return values[idx[a]].Cmp(values[idx[b]]) > 0 })
	ranks := make([]int, len(values))
	for k, i := range idx {
		if k > 0 && values[i].Cmp(values[idx[k-1]]) == 0 {
			ranks[i] = ranks[idx[k-1]]
		} else {
			ranks[i] = k + 1
		}
	}
	return ranks
}
