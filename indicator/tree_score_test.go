package indicator

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rankTree: province P with departments S1, S2 and a district D holding communes C1, C2; province Q with
// one commune. 2.1 counts (of 100) set the totals; everything else is empty.
func rankTree(t *testing.T, onTime map[string]int64) *Tree {
	t.Helper()
	nodes := []UnitNode{
		{ID: "P", Kind: KindProvince}, {ID: "S1", Parent: "P", Kind: KindDepartment},
		{ID: "S2", Parent: "P", Kind: KindDepartment}, {ID: "D", Parent: "P", Kind: KindDistrict},
		{ID: "C1", Parent: "D", Kind: KindCommune}, {ID: "C2", Parent: "D", Kind: KindCommune},
		{ID: "Q", Kind: KindProvince}, {ID: "QC", Parent: "Q", Kind: KindCommune},
	}
	counts := map[string]Tally{}
	for id, n := range onTime {
		counts[id] = cnt(n, 100)
	}
	tr, err := NewTree(nodes, counts, TreeOptions{Period: "p"})
	require.NoError(t, err)
	return tr
}

func TestScoreTreeRanks(t *testing.T) {
	// 2.1 scores (20·R): S1 18, S2 10, D 10 own, C1 18, C2 4; QC 10; Q 0 own.
	tr := rankTree(t, map[string]int64{"S1": 90, "S2": 50, "D": 50, "C1": 90, "C2": 20, "QC": 50})
	type want struct {
		pool       RankPool
		rank, size int
	}
	tests := []struct {
		scope RankScope
		want  map[string]want
	}{
		{RankWithinRoot, map[string]want{
			"P": {RankPool{}, 1, 2}, "Q": {RankPool{}, 2, 2}, // 2.1: P 300/500 → 12, Q 50/100 → 10
			"S1": {RankPool{Anchor: "P"}, 1, 5}, "C1": {RankPool{Anchor: "P"}, 1, 5},
			"D":  {RankPool{Anchor: "P"}, 3, 5}, // D pooled: 160/300 → 10.67
			"S2": {RankPool{Anchor: "P"}, 4, 5}, "C2": {RankPool{Anchor: "P"}, 5, 5},
			"QC": {RankPool{Anchor: "Q"}, 1, 1},
		}},
		{RankSiblings, map[string]want{
			"S1": {RankPool{Anchor: "P"}, 1, 3}, "D": {RankPool{Anchor: "P"}, 2, 3}, "S2": {RankPool{Anchor: "P"}, 3, 3},
			"C1": {RankPool{Anchor: "D"}, 1, 2}, "C2": {RankPool{Anchor: "D"}, 2, 2},
		}},
		{RankWithinRootByKind, map[string]want{
			"S1": {RankPool{Anchor: "P", Kind: KindDepartment}, 1, 2}, "S2": {RankPool{Anchor: "P", Kind: KindDepartment}, 2, 2},
			"C1": {RankPool{Anchor: "P", Kind: KindCommune}, 1, 2}, "C2": {RankPool{Anchor: "P", Kind: KindCommune}, 2, 2},
			"D": {RankPool{Anchor: "P", Kind: KindDistrict}, 1, 1}, "QC": {RankPool{Anchor: "Q", Kind: KindCommune}, 1, 1},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.scope.String(), func(t *testing.T) {
			res, err := Portal().ScoreTreeWith(tr, TreeScoreOptions{Rank: tc.scope})
			require.NoError(t, err)
			assert.Equal(t, tc.scope, res.Rank)
			for id, w := range tc.want {
				u, ok := res.Unit(id)
				require.True(t, ok, id)
				assert.Equal(t, w.pool, u.Pool, id)
				assert.Equal(t, w.rank, u.Rank, "%s total %s", id, u.Pooled.Total)
				assert.Equal(t, w.size, u.PoolSize, id)
				// Only group 2 and the zero-rule groups score here, so the group-2 rank equals the rank
				// whenever the other groups tie — they do (same empty counts everywhere).
				assert.Equal(t, w.rank, u.GroupRanks[G2-1], id)
				assert.Equal(t, 1, u.GroupRanks[G3a-1], "%s: everyone ties on 3a", id)
			}
			// Ranking lists a pool by rank, ties in input order.
			if tc.scope == RankWithinRoot {
				var ids []string
				for _, u := range res.Ranking(RankPool{Anchor: "P"}) {
					ids = append(ids, u.Unit.ID)
				}
				assert.Equal(t, []string{"S1", "C1", "D", "S2", "C2"}, ids)
				assert.Empty(t, res.Ranking(RankPool{Anchor: "nope"}))
			}
		})
	}
}

func TestScoreTreeRootsTie(t *testing.T) {
	// P pools 300/600 (10 points on 2.1), Q 50/100 (10 points): the roots tie at rank 1.
	tr := rankTree(t, map[string]int64{"S1": 90, "S2": 50, "D": 50, "C1": 90, "C2": 20, "QC": 50, "P": 0})
	res, err := Portal().ScoreTree(tr)
	require.NoError(t, err)
	p, _ := res.Unit("P")
	q, _ := res.Unit("Q")
	m := p.Pooled.Metric(M21)
	assert.Equal(t, int64(300), m.Num)
	assert.Equal(t, int64(600), m.Den)
	// 10 points on 2.1 plus the zero-rule full marks of 4.4, 5.1 and 5.2 (14): 24 each.
	assert.True(t, p.Pooled.Total.Equal(decimal.NewFromInt(24)), p.Pooled.Total.String())
	assert.True(t, q.Pooled.Total.Equal(decimal.NewFromInt(24)), q.Pooled.Total.String())
	assert.Equal(t, 1, p.Rank)
	assert.Equal(t, 1, q.Rank)
	// Own: P has no own dossiers, so its own 2.1 scores 0 while its pooled score does not.
	assert.True(t, p.Own.Metric(M21).Score.IsZero())
	assert.False(t, p.Pooled.Metric(M21).Score.IsZero())
}

func TestScoreTreeChange(t *testing.T) {
	cur := rankTree(t, map[string]int64{"S1": 90, "S2": 50, "D": 50, "C1": 90, "C2": 20, "QC": 50})
	// The previous period has no QC (a new commune) and different counts.
	prevNodes := []UnitNode{{ID: "P", Kind: KindProvince}, {ID: "S1", Parent: "P"}, {ID: "S2", Parent: "P"}, {ID: "Q", Kind: KindProvince}}
	prev, err := NewTree(prevNodes, map[string]Tally{"S1": cnt(40, 100), "S2": cnt(80, 100)}, TreeOptions{Period: "prev"})
	require.NoError(t, err)
	res, err := Portal().ScoreTreeWith(cur, TreeScoreOptions{Previous: prev})
	require.NoError(t, err)
	assert.Equal(t, "p", res.Period)
	assert.Equal(t, "prev", res.PreviousPeriod)
	s1, _ := res.Unit("S1")
	require.NotNil(t, s1.Change)
	assert.True(t, s1.Change.Groups[G2-1].Equal(decimal.NewFromInt(10)), "18 − 8 = %s", s1.Change.Groups[G2-1])
	assert.True(t, s1.Change.PreviousGroups[G2-1].Equal(decimal.NewFromInt(8)))
	assert.True(t, s1.Change.Total.Equal(s1.Pooled.Total.Sub(s1.Change.PreviousTotal)))
	assert.Equal(t, 2, s1.Change.PreviousRank)
	assert.Equal(t, 1, s1.Change.Rank, "moved up from 2 to 1")
	s2, _ := res.Unit("S2")
	assert.Equal(t, -3, s2.Change.Rank, "from 1 to 4")
	qc, _ := res.Unit("QC")
	assert.Nil(t, qc.Change, "new unit")
	d, _ := res.Unit("D")
	assert.Nil(t, d.Change)
	assert.NotEmpty(t, s1.Change.PreviousBand.Code)

	// JSON of the result carries the change.
	b, err := json.Marshal(s1)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"change":{"previousTotal":`)
	b, err = json.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"period":"p","previousPeriod":"prev","rankScope":"within-root","units":[`)
}

func TestScoreTreeErrors(t *testing.T) {
	tr := rankTree(t, nil)
	bad := Portal()
	bad.Places = 42
	_, err := bad.ScoreTree(tr)
	assert.ErrorIs(t, err, ErrBadRule)
	_, err = Portal().ScoreTreeWith(tr, TreeScoreOptions{Rank: 9})
	var re *RuleError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "Rank", re.Field)
	_, err = Portal().ScoreTreeWith(tr, TreeScoreOptions{Bands: Bands{}})
	assert.ErrorIs(t, err, ErrBadBands)
	// A previous tree is checked too (here it is fine); a nil tree scores as empty.
	res, err := Portal().ScoreTree(nil)
	require.NoError(t, err)
	assert.Empty(t, res.Units)
	_, ok := res.Unit("P")
	assert.False(t, ok)
}

func TestScoreTreeBandsAndUnitLookup(t *testing.T) {
	tr := rankTree(t, map[string]int64{"S1": 100})
	custom := Bands{{Min: decimal.NewFromInt(40), Code: "hi"}}
	res, err := Portal().ScoreTreeWith(tr, TreeScoreOptions{Bands: custom})
	require.NoError(t, err)
	for _, u := range res.Units {
		if u.Pooled.Total.Cmp(decimal.NewFromInt(40)) >= 0 {
			assert.True(t, u.Banded, u.Unit.ID)
			assert.Equal(t, "hi", u.Band.Code)
		} else {
			assert.False(t, u.Banded, "%s %s", u.Unit.ID, u.Pooled.Total)
			assert.Empty(t, u.Band.Code)
			assert.True(t, u.Band.Min.IsZero())
		}
	}
	// A result built by hand (without ScoreTree's index) still finds units.
	dec := TreeResult{Units: res.Units}
	u, ok := dec.Unit("C2")
	assert.True(t, ok)
	assert.Equal(t, "D", u.Unit.Parent)
	_, ok = dec.Unit("nope")
	assert.False(t, ok)
}

// TestScoreTreeMatchesScore: every unit's Own and Pooled results are exactly Edition.Score of Tree.Own and
// Tree.Pooled (ScoreTree reuses the pooled result when the counts are equal; the copy shares no slice).
func TestScoreTreeMatchesScore(t *testing.T) {
	tr := sampleTree(t, nil)
	for _, e := range []Edition{Portal(), Document()} {
		res, err := e.ScoreTree(tr)
		require.NoError(t, err)
		for _, u := range res.Units {
			own, _ := tr.Own(u.Unit.ID)
			wantOwn, err := e.Score(own)
			require.NoError(t, err)
			wantPooled, err := e.Score(tr.Pooled(u.Unit.ID))
			require.NoError(t, err)
			assertSameResult(t, wantOwn, u.Own, u.Unit.ID+" own")
			assertSameResult(t, wantPooled, u.Pooled, u.Unit.ID+" pooled")
		}
	}
	// A leaf whose own and pooled counts are equal: the two results do not share metric slices.
	leaf, err := NewTree([]UnitNode{{ID: "L"}}, map[string]Tally{"L": cnt(1, 2)}, TreeOptions{})
	require.NoError(t, err)
	res, err := Portal().ScoreTree(leaf)
	require.NoError(t, err)
	u := res.Units[0]
	assertSameResult(t, u.Own, u.Pooled, "leaf")
	u.Own.Groups[G2-1].Metrics[0].Num = 99
	assert.Equal(t, int64(1), u.Pooled.Groups[G2-1].Metrics[0].Num)
}

// assertSameResult compares two results field by field, decimals with Equal.
func assertSameResult(t *testing.T, a, b Result, what string) {
	t.Helper()
	sameMetric := func(x, y MetricResult) bool {
		return x.ID == y.ID && x.Num == y.Num && x.Den == y.Den && x.Null == y.Null && x.Edition == y.Edition &&
			x.Ratio.Equal(y.Ratio) && x.Score.Equal(y.Score) && x.Max.Equal(y.Max)
	}
	require.Equal(t, a.Edition, b.Edition, what)
	require.True(t, a.Total.Equal(b.Total) && a.Max.Equal(b.Max) && a.AvgProcessingDays.Equal(b.AvgProcessingDays), what)
	for id := range a.Metrics {
		require.True(t, sameMetric(a.Metrics[id], b.Metrics[id]), "%s metric %d", what, id)
	}
	for g := range a.Groups {
		ga, gb := a.Groups[g], b.Groups[g]
		require.True(t, ga.Group == gb.Group && ga.Score.Equal(gb.Score) && ga.Max.Equal(gb.Max) && ga.Ratio.Equal(gb.Ratio), "%s group %d", what, g)
		require.Len(t, gb.Metrics, len(ga.Metrics), what)
		for k := range ga.Metrics {
			require.True(t, sameMetric(ga.Metrics[k], gb.Metrics[k]), "%s group %d metric #%d", what, g, k)
		}
	}
}
