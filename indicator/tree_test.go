package indicator

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func cnt(num, den int64) Tally {
	var t Tally
	t.Add(M21, num, den)
	return t
}

func TestNewTreeErrors(t *testing.T) {
	neg := Tally{}
	neg.Counts[M41] = Count{Num: -1, Den: 3}
	over := Tally{}
	over.Counts[M41] = Count{Num: 4, Den: 3}
	big := Tally{}
	big.Counts[M41] = Count{Num: 0, Den: MaxCount}
	huge := Tally{}
	huge.Counts[M41] = Count{Num: 0, Den: math.MaxInt64}
	badAgg := DefaultAggregation()
	badAgg.Modes[M21] = 7
	emptyKind := Aggregation{ComputingKinds: []UnitKind{""}}
	slot0 := Aggregation{}
	slot0.Modes[0] = PoolOwn

	p := UnitNode{ID: "P", Kind: KindProvince}
	a := UnitNode{ID: "A", Parent: "P"}
	tests := []struct {
		name   string
		nodes  []UnitNode
		counts map[string]Tally
		agg    *Aggregation
		want   error
		index  int
		unit   string
		field  string
		value  string
	}{
		{name: "no id", nodes: []UnitNode{p, {Name: "x"}}, want: ErrNoUnitID, index: 1, field: "id"},
		{name: "duplicate", nodes: []UnitNode{p, a, {ID: "A"}}, want: ErrDuplicateUnit, index: 2, unit: "A", field: "id", value: "also unit #1"},
		{name: "unknown parent", nodes: []UnitNode{p, {ID: "B", Parent: "Q"}}, want: ErrUnknownParent, index: 1, unit: "B", field: "parent", value: "Q"},
		{name: "self parent", nodes: []UnitNode{p, {ID: "S", Parent: "S"}}, want: ErrCycle, index: 1, unit: "S", field: "parent", value: "S → S"},
		{name: "three-cycle with a tail", nodes: []UnitNode{p, {ID: "T", Parent: "Y"}, {ID: "X", Parent: "Z"}, {ID: "Y", Parent: "X"}, {ID: "Z", Parent: "Y"}},
			want: ErrCycle, index: 2, unit: "X", field: "parent", value: "X → Z → Y → X"},
		{name: "only a cycle", nodes: []UnitNode{{ID: "A", Parent: "B"}, {ID: "B", Parent: "A"}}, want: ErrCycle, index: 0, unit: "A", value: "A → B → A", field: "parent"},
		{name: "unknown unit", nodes: []UnitNode{p}, counts: map[string]Tally{"Z": {}, "Y": {}}, want: ErrUnknownUnit, index: -1, unit: "Y", field: "counts"},
		{name: "negative count", nodes: []UnitNode{p, a}, counts: map[string]Tally{"A": neg}, want: ErrNegative, index: 1, unit: "A", field: "counts"},
		{name: "num exceeds den", nodes: []UnitNode{p, a}, counts: map[string]Tally{"A": over}, want: ErrNumExceedsDen, index: 1, unit: "A", field: "counts"},
		{name: "overflow", nodes: []UnitNode{p, a, {ID: "B", Parent: "P"}}, counts: map[string]Tally{"A": big, "B": big}, want: ErrOverflow, index: 0, unit: "P", field: "counts"},
		{name: "count above MaxCount", nodes: []UnitNode{p, a}, counts: map[string]Tally{"A": huge}, want: ErrOverflow, index: 1, unit: "A", field: "counts"},
		{name: "children exceed pooled parent", nodes: []UnitNode{{ID: "P", Kind: KindProvince, Pooled: true}, a}, counts: map[string]Tally{"P": cnt(5, 10), "A": cnt(6, 8)},
			want: ErrChildrenExceedParent, index: 0, unit: "P", field: "counts.2.1.num", value: "pooled 5 < sub-units 6"},
		{name: "derived own invalid", nodes: []UnitNode{{ID: "P", Kind: KindProvince, Pooled: true}, a}, counts: map[string]Tally{"P": cnt(9, 10), "A": cnt(1, 8)},
			want: ErrNumExceedsDen, index: 0, unit: "P", field: "counts (own = pooled − sub-units)"},
		{name: "bad pooling mode", nodes: []UnitNode{p}, agg: &badAgg, want: ErrBadRule, index: -2},
		{name: "empty computing kind", nodes: []UnitNode{p}, agg: &emptyKind, want: ErrBadRule, index: -2},
		{name: "slot 0", nodes: []UnitNode{p}, agg: &slot0, want: ErrBadRule, index: -2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := NewTree(tc.nodes, tc.counts, TreeOptions{Aggregation: tc.agg})
			require.Error(t, err)
			assert.Nil(t, tr)
			assert.ErrorIs(t, err, tc.want)
			t.Log(err)
			if tc.index == -2 {
				var re *RuleError
				require.ErrorAs(t, err, &re)
				return
			}
			var te *TreeError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tc.index, te.Index)
			assert.Equal(t, tc.unit, te.Unit)
			assert.Equal(t, tc.field, te.Field)
			if tc.value != "" {
				assert.Equal(t, tc.value, te.Value)
			}
			if errors.Is(tc.want, ErrNegative) || errors.Is(tc.want, ErrNumExceedsDen) || errors.Is(tc.want, ErrOverflow) {
				var ce *CountError
				require.ErrorAs(t, err, &ce)
				assert.NotZero(t, ce.Metric)
			}
			assert.False(t, strings.HasPrefix(err.Error(), "indicator: indicator:"), "nested prefix")
		})
	}
}

func TestTreeErrorMessages(t *testing.T) {
	tests := []struct {
		e    *TreeError
		want string
	}{
		{&TreeError{Index: 2, Unit: "A", Field: "parent", Value: "Q", Err: ErrUnknownParent}, `indicator: unit #2 "A" field parent (Q): unknown parent unit`},
		{&TreeError{Index: 1, Field: "id", Err: ErrNoUnitID}, `indicator: unit #1 field id: unit without id`},
		{&TreeError{Index: -1, Unit: "Z", Field: "counts", Err: ErrUnknownUnit}, `indicator: unit "Z" field counts: counts for an unknown unit`},
		{&TreeError{Index: -1, Err: &DecodeError{Err: errTrailing}}, `indicator: unit tree: malformed JSON: data after the document`},
		{&TreeError{Index: -1}, `indicator: unit tree: <nil>`},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.e.Error())
	}
}

// sampleTree: a province with a department and a (pre-2025) district holding two communes, plus a second
// root (a ministry) with one branch.
func sampleTree(t *testing.T, agg *Aggregation) *Tree {
	t.Helper()
	nodes := []UnitNode{
		{ID: "C2", Parent: "D", Kind: KindCommune},
		{ID: "P", Kind: KindProvince, Name: "Province"},
		{ID: "S", Parent: "P", Kind: KindDepartment},
		{ID: "D", Parent: "P", Kind: KindDistrict},
		{ID: "C1", Parent: "D", Kind: KindCommune},
		{ID: "M", Kind: KindMinistry},
		{ID: "MB", Parent: "M", Kind: KindDepartment},
	}
	mk := func(seed int64) Tally {
		var tl Tally
		tl.Add(M21, seed, 2*seed)
		tl.Add(M13, seed%3, 3)
		tl.Add(M34, seed%5, 5)
		tl.Add(M50, seed, 2*seed)
		tl.PetitionsStaff = seed / 2
		tl.Completed = seed
		return tl
	}
	counts := map[string]Tally{"P": mk(10), "S": mk(20), "D": mk(30), "C1": mk(40), "C2": mk(50), "M": mk(60), "MB": mk(70)}
	tr, err := NewTree(nodes, counts, TreeOptions{Aggregation: agg, Period: "2026-08", Edition: "portal"})
	require.NoError(t, err)
	return tr
}

func TestTreeStructure(t *testing.T) {
	tr := sampleTree(t, nil)
	assert.Equal(t, 7, tr.Len())
	assert.Equal(t, []string{"P", "M"}, tr.Roots())
	assert.Equal(t, []string{"S", "D"}, tr.Children("P"))
	assert.Equal(t, []string{"C2", "C1"}, tr.Children("D"))
	assert.Nil(t, tr.Children("C1"))
	assert.Nil(t, tr.Children("nope"))
	assert.Equal(t, 2, tr.Depth("C2"))
	assert.Equal(t, 0, tr.Depth("M"))
	assert.Equal(t, -1, tr.Depth("nope"))
	assert.Equal(t, "2026-08", tr.Period())
	assert.Equal(t, "portal", tr.Edition())
	u, ok := tr.Unit("P")
	assert.True(t, ok)
	assert.Equal(t, "Province", u.Name)
	_, ok = tr.Unit("nope")
	assert.False(t, ok)
	_, ok = tr.Own("nope")
	assert.False(t, ok)
	assert.Equal(t, Tally{}, tr.Pooled("nope"))
	// Accessors return copies.
	us := tr.Units()
	us[0].ID = "changed"
	assert.Equal(t, "C2", tr.Units()[0].ID)
	a := tr.Aggregation()
	a.ComputingKinds[0] = "x"
	a.Modes[M21] = PoolOwn
	assert.Equal(t, DefaultAggregation(), tr.Aggregation())
}

func TestPooledModes(t *testing.T) {
	tr := sampleTree(t, nil)
	own := func(id string) Tally { tl, ok := tr.Own(id); require.True(t, ok); return tl }
	// PoolSum: 2.1 and petitions over the subtree, with their extras.
	assert.Equal(t, Count{Num: 150, Den: 300}, tr.Pooled("P").Counts[M21])
	assert.Equal(t, int64(150), tr.Pooled("P").Completed)
	assert.Equal(t, Count{Num: 120, Den: 240}, tr.Pooled("D").Counts[M21])
	assert.Equal(t, int64(5+10+15+20+25), tr.Pooled("P").PetitionsStaff)
	assert.Equal(t, Count{Num: 130, Den: 260}, tr.Pooled("M").Counts[M50])
	// PoolCarryDown: 1.3 from the province (10 % 3 = 1) on every unit below it, from the ministry below it.
	for _, id := range []string{"P", "S", "D", "C1", "C2"} {
		assert.Equal(t, Count{Num: 1, Den: 3}, tr.Pooled(id).Counts[M13], id)
	}
	assert.Equal(t, own("M").Counts[M13], tr.Pooled("MB").Counts[M13])
	// PoolOwn: 3.4 is each unit's own (distinct procedures).
	for _, id := range []string{"P", "S", "D", "C1", "C2", "M", "MB"} {
		assert.Equal(t, own(id).Counts[M34], tr.Pooled(id).Counts[M34], id)
	}
	// Own counts are as given.
	assert.Equal(t, Count{Num: 30, Den: 60}, own("D").Counts[M21])

	// A district that computes (ComputingKinds includes it) sources 1.3 for its communes; a root of a
	// non-computing kind sources its own subtree.
	agg := DefaultAggregation()
	agg.ComputingKinds = []UnitKind{KindDistrict}
	tr = sampleTree(t, &agg)
	assert.Equal(t, Count{Num: 0, Den: 3}, tr.Pooled("C1").Counts[M13]) // D: 30 % 3
	assert.Equal(t, Count{Num: 1, Den: 3}, tr.Pooled("S").Counts[M13])  // root P (not computing)
	assert.Equal(t, Count{Num: 1, Den: 3}, tr.Pooled("P").Counts[M13])
	assert.Equal(t, Count{Num: 0, Den: 3}, tr.Pooled("MB").Counts[M13]) // root M: 60 % 3
}

func TestPooledFlagDerivesOwn(t *testing.T) {
	// The portal's parent row already includes the sub-units: own = pooled − sub-units for PoolSum metrics;
	// 1.3 (carry-down) and 3.4 (own) are taken as given.
	var parent, a, b Tally
	parent.Add(M21, 100, 150)
	parent.Add(M51, 20, 30)
	parent.Add(M13, 87, 89)
	parent.Add(M34, 3, 10)
	a.Add(M21, 60, 90)
	a.Add(M51, 5, 6)
	a.Add(M13, 87, 89)
	a.Add(M34, 2, 4)
	b.Add(M21, 40, 60)
	b.Add(M34, 1, 8)
	nodes := []UnitNode{{ID: "P", Kind: KindProvince, Pooled: true}, {ID: "A", Parent: "P"}, {ID: "B", Parent: "P"}}
	tr, err := NewTree(nodes, map[string]Tally{"P": parent, "A": a, "B": b}, TreeOptions{})
	require.NoError(t, err)
	own, _ := tr.Own("P")
	assert.Equal(t, Count{}, own.Counts[M21])
	assert.Equal(t, Count{Num: 15, Den: 24}, own.Counts[M51])
	assert.Equal(t, Count{Num: 87, Den: 89}, own.Counts[M13])
	assert.Equal(t, Count{Num: 3, Den: 10}, own.Counts[M34])
	assert.Equal(t, parent, tr.Pooled("P"))

	// The same tree built from the derived own counts, unflagged, pools identically.
	nodes[0].Pooled = false
	tr2, err := NewTree(nodes, map[string]Tally{"P": own, "A": a, "B": b}, TreeOptions{})
	require.NoError(t, err)
	for _, id := range []string{"P", "A", "B"} {
		assert.Equal(t, tr.Pooled(id), tr2.Pooled(id), id)
	}
}

// randomForest builds n units with random parent links (several roots, units listed in shuffled order),
// random kinds and random valid tallies.
func randomForest(rng *rand.Rand, n int, max int64) ([]UnitNode, map[string]Tally) {
	kinds := []UnitKind{KindProvince, KindMinistry, KindDepartment, KindCommune, KindDistrict, ""}
	nodes := make([]UnitNode, n)
	counts := make(map[string]Tally, n)
	for i := range nodes {
		nodes[i] = UnitNode{ID: fmt.Sprintf("U%d", i), Kind: kinds[rng.Intn(len(kinds))]}
		if i > 0 && rng.Intn(6) != 0 {
			nodes[i].Parent = fmt.Sprintf("U%d", rng.Intn(i))
		}
		if rng.Intn(8) != 0 {
			counts[nodes[i].ID] = randomTally(rng, max)
		}
	}
	rng.Shuffle(n, func(i, j int) { nodes[i], nodes[j] = nodes[j], nodes[i] })
	return nodes, counts
}

// subtreeSum sums the own tallies of the unit and all its descendants by walking every unit's ancestors
// (an independent, quadratic oracle).
func subtreeSum(t *testing.T, nodes []UnitNode, counts map[string]Tally, id string) Tally {
	parent := map[string]string{}
	for _, u := range nodes {
		parent[u.ID] = u.Parent
	}
	var sum Tally
	for _, u := range nodes {
		for x := u.ID; x != ""; x = parent[x] {
			if x == id {
				require.NoError(t, sum.MergeChecked(counts[u.ID]))
				break
			}
		}
	}
	return sum
}

// TestPooledProperty (acceptance 3): with sum pooling, every unit's pooled tally equals the sum of the own
// tallies of its subtree, and scoring it equals scoring the summed counts; every metric, group and total
// score lies within [0, max]. With the default policy, PoolSum metrics still equal the sums, PoolOwn
// metrics the unit's own counts and PoolCarryDown metrics the computing unit's own counts.
func TestPooledProperty(t *testing.T) {
	rng := rand.New(rand.NewSource(766))
	rounds := 60
	if testing.Short() {
		rounds = 15
	}
	editions := []Edition{Portal(), Document()}
	sumAll := Aggregation{}
	def := DefaultAggregation()
	for r := 0; r < rounds; r++ {
		nodes, counts := randomForest(rng, 1+rng.Intn(25), []int64{3, 1000, 1 << 40}[r%3])
		trSum, err := NewTree(nodes, counts, TreeOptions{Aggregation: &sumAll})
		require.NoError(t, err)
		trDef, err := NewTree(nodes, counts, TreeOptions{})
		require.NoError(t, err)
		e := editions[r%2]
		for _, u := range nodes {
			want := subtreeSum(t, nodes, counts, u.ID)
			got := trSum.Pooled(u.ID)
			require.Equal(t, want, got, "unit %s", u.ID)
			resTree, err := e.Score(got)
			require.NoError(t, err)
			resSum, err := e.Score(want)
			require.NoError(t, err)
			require.True(t, resTree.Total.Equal(resSum.Total), "unit %s: %s vs %s", u.ID, resTree.Total, resSum.Total)
			assertWithinBounds(t, resTree, u.ID)

			// Default policy, metric by metric.
			pd := trDef.Pooled(u.ID)
			own := counts[u.ID]
			src := carrySource(nodes, u.ID, def)
			for id := M11; id <= M53; id++ {
				var w Count
				switch def.Modes[id] {
				case PoolSum:
					w = want.Counts[id]
				case PoolOwn:
					w = own.Counts[id]
				case PoolCarryDown:
					w = counts[src].Counts[id]
				}
				require.Equal(t, w, pd.Counts[id], "unit %s metric %s (%s)", u.ID, id, def.Modes[id])
			}
			rd, err := e.Score(pd)
			require.NoError(t, err)
			assertWithinBounds(t, rd, u.ID)
		}
	}
}

// carrySource finds the nearest ancestor-or-self of a computing kind, else the root.
func carrySource(nodes []UnitNode, id string, a Aggregation) string {
	byID := map[string]UnitNode{}
	for _, u := range nodes {
		byID[u.ID] = u
	}
	x := id
	for {
		u := byID[x]
		if a.computes(u.Kind) || u.Parent == "" {
			return x
		}
		x = u.Parent
	}
}

func assertWithinBounds(t *testing.T, r Result, unit string) {
	t.Helper()
	for id := M11; id <= M53; id++ {
		m := r.Metrics[id]
		if m.Score.Sign() < 0 || m.Score.Cmp(m.Max) > 0 {
			t.Fatalf("unit %s metric %s score %s outside [0, %s]", unit, id, m.Score, m.Max)
		}
	}
	for _, g := range r.Groups {
		if g.Score.Sign() < 0 || g.Score.Cmp(g.Max) > 0 {
			t.Fatalf("unit %s group %s score %s outside [0, %s]", unit, g.Group, g.Score, g.Max)
		}
	}
	if r.Total.Sign() < 0 || r.Total.Cmp(r.Max) > 0 {
		t.Fatalf("unit %s total %s outside [0, %s]", unit, r.Total, r.Max)
	}
}

// TestPooledParentIsMergeOfChildren: a parent's pooled tally (sum policy) is its own tally merged with its
// children's pooled tallies, in any order (Merge is commutative).
func TestPooledParentIsMergeOfChildren(t *testing.T) {
	rng := rand.New(rand.NewSource(2026))
	for r := 0; r < 20; r++ {
		nodes, counts := randomForest(rng, 2+rng.Intn(30), 500)
		tr, err := NewTree(nodes, counts, TreeOptions{Aggregation: &Aggregation{}})
		require.NoError(t, err)
		for _, u := range nodes {
			want, _ := tr.Own(u.ID)
			kids := tr.Children(u.ID)
			rng.Shuffle(len(kids), func(i, j int) { kids[i], kids[j] = kids[j], kids[i] })
			for _, c := range kids {
				want.Merge(tr.Pooled(c))
			}
			require.Equal(t, want, tr.Pooled(u.ID))
		}
	}
}

func TestNewTreeDoesNotAlias(t *testing.T) {
	nodes := []UnitNode{{ID: "P", Kind: KindProvince}, {ID: "A", Parent: "P"}}
	counts := map[string]Tally{"A": cnt(1, 2)}
	agg := DefaultAggregation()
	tr, err := NewTree(nodes, counts, TreeOptions{Aggregation: &agg})
	require.NoError(t, err)
	nodes[1].Parent = ""
	counts["A"] = cnt(2, 2)
	agg.ComputingKinds[0] = "changed"
	assert.Equal(t, []string{"A"}, tr.Children("P"))
	assert.Equal(t, Count{Num: 1, Den: 2}, tr.Pooled("P").Counts[M21])
	assert.Equal(t, KindProvince, tr.Aggregation().ComputingKinds[0])
}

func TestPortalKind(t *testing.T) {
	for in, want := range map[string]UnitKind{"PROVINCE": KindProvince, "PROVINCIAL_DEPARTMENT": KindDepartment,
		" commune_people_committee ": KindCommune, "MINISTRY": KindMinistry, "DISTRICT_PEOPLE_COMMITTEE": KindDistrict} {
		k, ok := PortalKind(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, k, in)
	}
	_, ok := PortalKind("VILLAGE")
	assert.False(t, ok)
}

func TestPoolingString(t *testing.T) {
	assert.Equal(t, "sum", PoolSum.String())
	assert.Equal(t, "carry-down", PoolCarryDown.String())
	assert.Equal(t, "own", PoolOwn.String())
	assert.Equal(t, "Pooling(9)", Pooling(9).String())
}

func TestDefaultAggregation(t *testing.T) {
	a := DefaultAggregation()
	require.NoError(t, a.Validate())
	want := map[ID]Pooling{M11: PoolOwn, M12: PoolCarryDown, M13: PoolCarryDown, M31: PoolOwn, M32: PoolOwn,
		M34: PoolOwn, M35: PoolOwn, M46a: PoolOwn}
	for id := M11; id <= M53; id++ {
		assert.Equal(t, want[id], a.Modes[id], "metric %s", id) // missing entries are PoolSum (0)
	}
	assert.Equal(t, []UnitKind{KindProvince, KindMinistry}, a.ComputingKinds)
	assert.Equal(t, ParentCatalogue, a.ParentProcedures, "decided: a top parent counts the catalogue (issue 13)")
	a.ParentProcedures = ParentOffered
	require.NoError(t, a.Validate())
	a.ParentProcedures = 7
	assert.ErrorContains(t, a.Validate(), "ParentProcedureRule(7)")
	assert.Equal(t, "catalogue", ParentCatalogue.String())
}
