package indicator

import (
	"sort"

	"github.com/shopspring/decimal"
)

// TreeScoreOptions configures Edition.ScoreTreeWith. The zero value ranks with RankWithinRoot, bands with
// DefaultBands and computes no change.
type TreeScoreOptions struct {
	// Previous is the same hierarchy for an earlier period (optional). Units present in both trees (by id)
	// get a UnitChange; the previous tree is scored with the same edition, rank scope and bands, so a
	// change reflects the data, not the rules.
	Previous *Tree
	// Bands classifies each unit's pooled total; nil means DefaultBands() (unofficial).
	Bands Bands
	// Rank selects the ranking pools (default RankWithinRoot).
	Rank RankScope
}

// UnitResult is one unit's outcome in a scored tree.
type UnitResult struct {
	Unit  UnitNode `json:"unit"`
	Depth int      `json:"depth"`
	// Own scores the unit's own counts alone (Tree.Own); Pooled scores its pooled counts (Tree.Pooled) and
	// is the unit's published score: ranks, bands and changes use it.
	Own    Result `json:"own"`
	Pooled Result `json:"pooled"`
	// Band is the band of Pooled.Total (zero with Banded false when no band covers it).
	Band   Band `json:"band"`
	Banded bool `json:"banded"`
	// Pool is the set of units the unit is ranked in, PoolSize its size.
	Pool     RankPool `json:"pool"`
	PoolSize int      `json:"poolSize"`
	// Rank is the competition rank (1, 2, 2, 4) of Pooled.Total in the pool; GroupRanks[g-1] the rank of
	// the portal group g's score in the same pool.
	Rank       int            `json:"rank"`
	GroupRanks [NumGroups]int `json:"groupRanks"`
	// Change against the previous period; nil when no previous tree was given or the unit is new.
	Change *UnitChange `json:"change,omitempty"`
}

// UnitChange is a unit's change against the previous period: current minus previous for the total and
// each portal group, and the rank movement.
type UnitChange struct {
	PreviousTotal  decimal.Decimal            `json:"previousTotal"`
	PreviousGroups [NumGroups]decimal.Decimal `json:"previousGroups"`
	PreviousRank   int                        `json:"previousRank"`
	PreviousBand   Band                       `json:"previousBand"`
	Total          decimal.Decimal            `json:"total"`  // Pooled.Total − PreviousTotal
	Groups         [NumGroups]decimal.Decimal `json:"groups"` // per portal group, current − previous
	// Rank is PreviousRank − Rank: positive when the unit moved up. It compares positions in pools that
	// may differ in size between the periods.
	Rank int `json:"rank"`
}

// TreeResult is a scored unit tree: every unit in the tree's input order.
type TreeResult struct {
	Edition        string       `json:"edition"` // the edition's Name
	Period         string       `json:"period"`
	PreviousPeriod string       `json:"previousPeriod,omitempty"`
	Rank           RankScope    `json:"rankScope"`
	Units          []UnitResult `json:"units"`
	index          map[string]int
}

// Unit returns the result of the unit with the given id; ok is false when there is none. Cost: O(1) on a
// result from ScoreTree (O(units) on one built otherwise, e.g. decoded from JSON).
func (r *TreeResult) Unit(id string) (u UnitResult, ok bool) {
	if r.index == nil {
		for _, u := range r.Units {
			if u.Unit.ID == id {
				return u, true
			}
		}
		return UnitResult{}, false
	}
	i, ok := r.index[id]
	if !ok {
		return UnitResult{}, false
	}
	return r.Units[i], true
}

// Ranking returns the units of one pool ordered by rank, ties in input order, as a fresh slice (empty
// for an unknown pool). Cost: O(units + pool·log pool).
func (r *TreeResult) Ranking(p RankPool) []UnitResult {
	var out []UnitResult
	for _, u := range r.Units {
		if u.Pool == p {
			out = append(out, u)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Rank < out[b].Rank })
	return out
}

// ScoreTree scores every unit of t, own and pooled, ranks units within their root's sub-units
// (RankWithinRoot) and bands them with DefaultBands: ScoreTreeWith with the zero options.
func (e Edition) ScoreTree(t *Tree) (TreeResult, error) {
	return e.ScoreTreeWith(t, TreeScoreOptions{})
}

// ScoreTreeWith scores every unit of t under the edition: Own from the unit's own counts and Pooled from
// its pooled counts (Tree.Pooled; docs/rules.md, Pooling); ranks each unit's pooled total and group scores by
// competition ranking (1, 2, 2, 4; exact comparison of the published values, rounded to the edition's
// Places) within the pools of opt.Rank; classifies the pooled total with opt.Bands; and, when opt.Previous is given, scores it the same
// way and reports each unit's change.
//
// Errors: *RuleError (ErrBadRule) for an invalid edition or an unknown rank scope; *BandError
// (ErrBadBands) for an invalid band table; a *TreeError (index, unit) wrapping the scoring error of a unit
// (not expected: tree counts are validated when the tree is built). A nil tree scores as empty. Cost: two
// Edition.Score calls per unit (a few dozen allocations each) plus O(units·log units) for ranking;
// doubled with a previous tree.
func (e Edition) ScoreTreeWith(t *Tree, opt TreeScoreOptions) (TreeResult, error) {
	if err := e.Validate(); err != nil {
		return TreeResult{}, err
	}
	if opt.Rank > RankWithinRootByKind {
		return TreeResult{}, &RuleError{Edition: e.Name, Field: "Rank", Reason: "unknown rank scope " + opt.Rank.String()}
	}
	bands := opt.Bands
	if bands == nil {
		bands = DefaultBands()
	}
	if err := bands.Validate(); err != nil {
		return TreeResult{}, err
	}
	cur, err := e.scoreTree(t, opt.Rank, bands)
	if err != nil {
		return TreeResult{}, err
	}
	if opt.Previous != nil {
		prev, err := e.scoreTree(opt.Previous, opt.Rank, bands)
		if err != nil {
			return TreeResult{}, err
		}
		cur.PreviousPeriod = prev.Period
		for i := range cur.Units {
			u := &cur.Units[i]
			p, ok := prev.Unit(u.Unit.ID)
			if !ok {
				continue
			}
			c := &UnitChange{
				PreviousTotal: p.Pooled.Total, PreviousRank: p.Rank, PreviousBand: p.Band,
				Total: u.Pooled.Total.Sub(p.Pooled.Total), Rank: p.Rank - u.Rank,
			}
			for g := range c.Groups {
				c.PreviousGroups[g] = p.Pooled.Groups[g].Score
				c.Groups[g] = u.Pooled.Groups[g].Score.Sub(p.Pooled.Groups[g].Score)
			}
			u.Change = c
		}
	}
	return cur, nil
}

func (e Edition) scoreTree(t *Tree, scope RankScope, bands Bands) (TreeResult, error) {
	if t == nil {
		return TreeResult{Edition: e.Name, Rank: scope, index: map[string]int{}}, nil
	}
	n := len(t.nodes)
	res := TreeResult{Edition: e.Name, Period: t.period, Rank: scope, Units: make([]UnitResult, n), index: make(map[string]int, n)}
	root := make([]int, n)
	for _, i := range t.order {
		if p := t.parent[i]; p >= 0 {
			root[i] = root[p]
		} else {
			root[i] = i
		}
	}
	for i, node := range t.nodes {
		u := &res.Units[i]
		u.Unit, u.Depth = node, t.depth[i]
		var err error
		if u.Pooled, err = e.Score(t.pooled[i]); err != nil {
			return TreeResult{}, &TreeError{Index: i, Unit: node.ID, Field: "pooled counts", Err: err}
		}
		if t.own[i] == t.pooled[i] {
			u.Own = cloneResult(u.Pooled) // a leaf without carried-down counts: same counts, same result
		} else if u.Own, err = e.Score(t.own[i]); err != nil {
			return TreeResult{}, &TreeError{Index: i, Unit: node.ID, Field: "counts", Err: err}
		}
		u.Band, u.Banded = bands.Classify(u.Pooled.Total)
		switch p := t.parent[i]; {
		case p < 0:
			u.Pool = RankPool{}
		case scope == RankSiblings:
			u.Pool = RankPool{Anchor: t.nodes[p].ID}
		case scope == RankWithinRootByKind:
			u.Pool = RankPool{Anchor: t.nodes[root[i]].ID, Kind: node.Kind}
		default:
			u.Pool = RankPool{Anchor: t.nodes[root[i]].ID}
		}
		res.index[node.ID] = i
	}
	// Group units by pool in input order and rank each pool.
	pools := map[RankPool][]int{}
	var keys []RankPool
	for i := range res.Units {
		p := res.Units[i].Pool
		if _, ok := pools[p]; !ok {
			keys = append(keys, p)
		}
		pools[p] = append(pools[p], i)
	}
	vals := make([]decimal.Decimal, 0, n)
	for _, k := range keys {
		members := pools[k]
		vals = vals[:0]
		for _, i := range members {
			vals = append(vals, res.Units[i].Pooled.Total)
		}
		for j, r := range CompetitionRanks(vals) {
			res.Units[members[j]].Rank = r
			res.Units[members[j]].PoolSize = len(members)
		}
		for g := 0; g < NumGroups; g++ {
			vals = vals[:0]
			for _, i := range members {
				vals = append(vals, res.Units[i].Pooled.Groups[g].Score)
			}
			for j, r := range CompetitionRanks(vals) {
				res.Units[members[j]].GroupRanks[g] = r
			}
		}
	}
	return res, nil
}

// cloneResult copies r so that the copy shares no slice with it.
func cloneResult(r Result) Result {
	for g := range r.Groups {
		r.Groups[g].Metrics = append([]MetricResult(nil), r.Groups[g].Metrics...)
	}
	return r
}
