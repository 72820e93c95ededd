package indicator

import (
	"fmt"
	"sort"
	"strings"
)

// UnitKind is the kind of an administrative unit. The hierarchy is data, not code (docs/rules.md, Pooling): any
// non-empty string is accepted, and the constants below name the kinds the library knows. The kind decides
// which units compute the province/ministry-level metrics (Aggregation.ComputingKinds) and may split
// rankings (RankWithinRootByKind).
type UnitKind string

// Known unit kinds (docs/data.md, Unit hierarchy).
const (
	KindProvince   UnitKind = "province"   // tỉnh / thành phố trực thuộc trung ương (root)
	KindMinistry   UnitKind = "ministry"   // bộ, cơ quan ngang bộ (root)
	KindDepartment UnitKind = "department" // sở, ban, ngành of a province (or a ministry's branch)
	KindCommune    UnitKind = "commune"    // xã, phường, đặc khu
	KindDistrict   UnitKind = "district"   // huyện (abolished on 1/7/2025; kept for older periods)
)

// PortalKind maps the evaluation API's departmentType label to a UnitKind: PROVINCE → province,
// PROVINCIAL_DEPARTMENT → department, COMMUNE_PEOPLE_COMMITTEE → commune, MINISTRY → ministry (the
// ministry label is unverified), DISTRICT_PEOPLE_COMMITTEE → district. ok is false for other labels.
// Cost: O(1).
func PortalKind(departmentType string) (k UnitKind, ok bool) {
	switch strings.ToUpper(strings.TrimSpace(departmentType)) {
	case "PROVINCE":
		return KindProvince, true
	case "PROVINCIAL_DEPARTMENT":
		return KindDepartment, true
	case "COMMUNE_PEOPLE_COMMITTEE":
		return KindCommune, true
	case "MINISTRY":
		return KindMinistry, true
	case "DISTRICT_PEOPLE_COMMITTEE":
		return KindDistrict, true
	}
	return "", false
}

// UnitNode is one unit of a unit tree: an id (the portal's departmentCode, e.g. "H44", "H44.03"), a
// display name, a kind and the id of its parent ("" for a root). A tree may have several roots (e.g. all
// provinces of the country).
type UnitNode struct {
	ID     string   `json:"id"`
	Name   string   `json:"name,omitempty"`
	Kind   UnitKind `json:"kind,omitempty"`
	Parent string   `json:"parent,omitempty"`
	// Pooled marks counts that already include the unit's descendants, as the portal publishes a parent's
	// row. NewTree then derives the unit's own counts by subtracting its sub-units' pooled counts (for the
	// PoolSum metrics; PoolOwn and PoolCarryDown counts are taken as given) and fails with
	// ErrChildrenExceedParent when a difference would be negative.
	Pooled bool `json:"pooled,omitempty"`
}

// Pooling is how one metric's counts aggregate over a unit and its sub-units (docs/rules.md, Pooling).
type Pooling uint8

const (
	// PoolSum: the unit's pooled count is the sum of the numerators and of the denominators over the unit
	// and all its descendants — not an average of the sub-units' scores [Doc, Portal]. The fixtures confirm
	// it for 1.4, 2.1, 3.6, 4.1, 4.2, 4.3, 4.5, 4.6b and 5.3, and for the petitions of 5.0–5.2 with the
	// province's own petitions added (TestTreePhuThoFixture).
	PoolSum Pooling = iota
	// PoolCarryDown: the metric is computed at the province/ministry level only and shown unchanged on
	// every sub-unit: a unit takes the own counts of its nearest ancestor-or-self whose kind is one of
	// Aggregation.ComputingKinds (its root when there is none). Default for 1.2 and 1.3 [Portal: on the
	// fixtures every sub-unit shows the province's 87/89 for 1.3].
	PoolCarryDown
	// PoolOwn: the counts are of distinct objects that sub-units share (procedures, online services), so a
	// parent's figure is not the sum of its sub-units': the unit's own counts are used as they are, and a
	// parent must be given its own (distinct) count. Default for 1.1, 3.1, 3.2, 3.4, 3.5 and 4.6a [Portal:
	// 310 distinct fee-bearing procedures on the province row against 5288 summed over sub-units, 1301
	// procedures for 4.6a against 58052; 3.1/3.2 are published for the province only].
	PoolOwn
)

// String returns "sum", "carry-down" or "own".
func (p Pooling) String() string {
	switch p {
	case PoolSum:
		return "sum"
	case PoolCarryDown:
		return "carry-down"
	case PoolOwn:
		return "own"
	}
	return fmt.Sprintf("Pooling(%d)", uint8(p))
}

// Aggregation is the pooling policy of a unit tree: one Pooling per metric (indexed by ID; slot 0 unused)
// and the unit kinds that compute the PoolCarryDown metrics. The zero value pools every metric by sum.
// Extra counts of a Tally (Completed, PartialOnline, PetitionsStaff, …) follow the mode of the metric they
// belong to.
type Aggregation struct {
	Modes [NumIDs]Pooling
	// ComputingKinds are the kinds whose units compute the PoolCarryDown metrics (default: province and
	// ministry) [Policy: the rule says "province/ministry level"; docs/rules.md, Pooling].
	ComputingKinds []UnitKind
	// ParentProcedures: which procedures a parent counts for 3.1, 3.4, 3.5 and 4.6a when they are
	// PoolOwn (ParentCatalogue, the zero value; docs/rules.md, Pooling).
	ParentProcedures ParentProcedureRule
}

// DefaultAggregation returns the default pooling policy (docs/rules.md, Pooling; docs/data.md, Unit hierarchy):
//   - PoolCarryDown for 1.2 and 1.3, computed by province and ministry units (ComputingKinds);
//   - PoolOwn for the other procedure counts of the registry (Metric.DistinctProcedures: 1.1, 3.1, 3.4,
//     3.5, 4.6a) and for 3.2, which counts online services, also shared between units [Open: the portal
//     publishes 3.1 and 3.2 for the province only; the fixtures have no announced procedure for 1.1];
//   - PoolSum for the dossier and petition counts (1.4, 2.1, 2.2, 3.3, 3.6, 4.1–4.5, 4.6b, 5.0–5.3),
//     4.4 included [Open: no data].
//
// Cost: O(number of metrics), one small allocation.
func DefaultAggregation() Aggregation {
	var a Aggregation
	for id := M11; id <= M53; id++ {
		if m, _ := Lookup(id); m.DistinctProcedures {
			a.Modes[id] = PoolOwn
		}
	}
	a.Modes[M32] = PoolOwn
	a.Modes[M12] = PoolCarryDown
	a.Modes[M13] = PoolCarryDown
	a.ComputingKinds = []UnitKind{KindProvince, KindMinistry}
	return a
}

// Validate checks that every mode is known and that no computing kind is empty. It returns a *RuleError
// (ErrBadRule) naming the metric or the field. Cost: O(number of metrics + kinds).
func (a Aggregation) Validate() error {
	for id := M11; id <= M53; id++ {
		if a.Modes[id] > PoolOwn {
			return &RuleError{Edition: "aggregation", Metric: id, Field: "Modes", Reason: "unknown pooling mode " + a.Modes[id].String()}
		}
	}
	if a.Modes[0] != PoolSum {
		return &RuleError{Edition: "aggregation", Field: "Modes[0]", Reason: "slot 0 is unused and must be zero"}
	}
	for i, k := range a.ComputingKinds {
		if k == "" {
			return &RuleError{Edition: "aggregation", Field: fmt.Sprintf("ComputingKinds[%d]", i), Reason: "empty unit kind"}
		}
	}
	if a.ParentProcedures > ParentOffered {
		return &RuleError{Edition: "aggregation", Field: "ParentProcedures", Reason: "unknown rule " + a.ParentProcedures.String()}
	}
	return nil
}

func (a Aggregation) computes(k UnitKind) bool {
	for _, c := range a.ComputingKinds {
		if c == k {
			return true
		}
	}
	return false
}

// TreeOptions configures NewTree. The zero value uses DefaultAggregation and leaves Edition and Period
// empty.
type TreeOptions struct {
	// Aggregation is the pooling policy; nil means DefaultAggregation().
	Aggregation *Aggregation
	// Edition and Period are informative labels carried by the tree and its JSON document (e.g.
	// "portal", "2026-08"); scoring uses the Edition value it is called on.
	Edition, Period string
}

// Tree is a validated unit hierarchy with each unit's own counts for one period and the pooled counts
// derived from them. It is immutable once built: NewTree and DecodeTree are the only constructors, and
// every accessor returns copies. A Tree is safe for concurrent use.
//
// Pooled counts (docs/rules.md, Pooling) follow the tree's Aggregation: PoolSum metrics are summed over the
// unit and all its descendants; PoolCarryDown metrics (1.2, 1.3) are the own counts of the nearest
// ancestor-or-self of a computing kind (province, ministry), carried down unchanged; PoolOwn metrics
// (procedure counts) are the unit's own.
type Tree struct {
	edition, period string
	agg             Aggregation
	nodes           []UnitNode
	index           map[string]int
	parent          []int   // -1 for a root
	children        [][]int // in input order
	order           []int   // breadth-first from the roots: every parent before its children
	depth           []int
	own             []Tally
	pooled          []Tally
}

// NewTree validates the units and their counts and computes every unit's pooled counts. counts maps a
// unit id to its own counts for the period (or, when the unit is marked Pooled, to counts that already
// include its descendants); a unit without an entry has an empty tally. Several roots are allowed.
//
// Errors, all *TreeError naming the unit's index and id and the field: ErrNoUnitID, ErrDuplicateUnit,
// ErrUnknownParent, ErrCycle (the cycle is listed in Value), ErrUnknownUnit (a counts key that is no unit),
// ErrChildrenExceedParent, a *CountError from Tally.Validate on a unit's counts or derived own counts
// (ErrNegative, ErrNumExceedsDen, ErrOverflow), or one matching ErrOverflow when a pooled count would
// exceed MaxCount; a bad Aggregation gives a *RuleError (ErrBadRule). Cost: O(units × metrics) time and
// memory (two tallies of about 500 bytes per unit); the inputs are copied.
func NewTree(nodes []UnitNode, counts map[string]Tally, opt TreeOptions) (*Tree, error) {
	agg := DefaultAggregation()
	if opt.Aggregation != nil {
		agg = *opt.Aggregation
		agg.ComputingKinds = append([]UnitKind(nil), agg.ComputingKinds...)
	}
	if err := agg.Validate(); err != nil {
		return nil, err
	}
	n := len(nodes)
	t := &Tree{
		edition: opt.Edition, period: opt.Period, agg: agg,
		nodes:  append([]UnitNode(nil), nodes...),
		index:  make(map[string]int, n),
		parent: make([]int, n), children: make([][]int, n), depth: make([]int, n),
		own: make([]Tally, n), pooled: make([]Tally, n),
	}
	for i, u := range t.nodes {
		if u.ID == "" {
			return nil, &TreeError{Index: i, Field: "id", Err: ErrNoUnitID}
		}
		if j, dup := t.index[u.ID]; dup {
			return nil, &TreeError{Index: i, Unit: u.ID, Field: "id", Value: fmt.Sprintf("also unit #%d", j), Err: ErrDuplicateUnit}
		}
		t.index[u.ID] = i
	}
	var roots []int
	for i, u := range t.nodes {
		t.parent[i] = -1
		if u.Parent == "" {
			roots = append(roots, i)
			continue
		}
		j, ok := t.index[u.Parent]
		if !ok {
			return nil, &TreeError{Index: i, Unit: u.ID, Field: "parent", Value: u.Parent, Err: ErrUnknownParent}
		}
		t.parent[i] = j
		t.children[j] = append(t.children[j], i)
	}
	// Breadth-first from the roots; a unit not reached lies on or below a cycle.
	t.order = make([]int, 0, n)
	t.order = append(t.order, roots...)
	for k := 0; k < len(t.order); k++ {
		p := t.order[k]
		for _, c := range t.children[p] {
			t.depth[c] = t.depth[p] + 1
			t.order = append(t.order, c)
		}
	}
	if len(t.order) < n {
		return nil, t.cycleError()
	}
	if err := t.setCounts(counts); err != nil {
		return nil, err
	}
	if err := t.pool(); err != nil {
		return nil, err
	}
	return t, nil
}

// cycleError reports the cycle reached from the first unit (in input order) that is not below a root,
// naming the cycle's member with the smallest index.
func (t *Tree) cycleError() error {
	reached := make([]bool, len(t.nodes))
	for _, i := range t.order {
		reached[i] = true
	}
	start := 0
	for reached[start] {
		start++
	}
	// Following parents from an unreached unit never reaches a root, so after len(nodes) steps we are on
	// the cycle.
	x := start
	for k := 0; k < len(t.nodes); k++ {
		x = t.parent[x]
	}
	members := []int{x}
	for y := t.parent[x]; y != x; y = t.parent[y] {
		members = append(members, y)
	}
	first := 0
	for k, m := range members {
		if m < members[first] {
			first = k
		}
	}
	// List the cycle child → parent, starting at its smallest index.
	var b strings.Builder
	for k := 0; k <= len(members); k++ {
		if k > 0 {
			b.WriteString(" → ")
		}
		b.WriteString(t.nodes[members[(first+k)%len(members)]].ID)
	}
	m := members[first]
	return &TreeError{Index: m, Unit: t.nodes[m].ID, Field: "parent", Value: b.String(), Err: ErrCycle}
}

func (t *Tree) setCounts(counts map[string]Tally) error {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		i, ok := t.index[k]
		if !ok {
			return &TreeError{Index: -1, Unit: k, Field: "counts", Err: ErrUnknownUnit}
		}
		tl := counts[k]
		if err := tl.Validate(); err != nil {
			return &TreeError{Index: i, Unit: k, Field: "counts", Err: err}
		}
		t.own[i] = tl
	}
	return nil
}

// copyMode copies from src into dst every count (numerators, denominators and extras) of the metrics
// pooled with mode m.
func copyMode(dst, src *Tally, modes *[NumIDs]Pooling, m Pooling) {
	for id := M11; id <= M53; id++ {
		if modes[id] == m {
			dst.Counts[id] = src.Counts[id]
		}
	}
	de, se := dst.extras(), src.extras()
	for i := range de {
		if modes[de[i].metric] == m {
			*de[i].p = *se[i].p
		}
	}
}

// subtractSum sets own = given − sub for the PoolSum counts, failing when a difference would be negative.
func (t *Tree) subtractSum(i int, own *Tally, sub *Tally) error {
	modes := &t.agg.Modes
	fail := func(id ID, field string, given, s int64) error {
		return &TreeError{Index: i, Unit: t.nodes[i].ID, Field: "counts." + id.String() + "." + field,
			Value: fmt.Sprintf("pooled %d < sub-units %d", given, s), Err: ErrChildrenExceedParent}
	}
	for id := M11; id <= M53; id++ {
		if modes[id] != PoolSum {
			continue
		}
		c, d := &own.Counts[id], sub.Counts[id]
		if c.Num < d.Num {
			return fail(id, "num", c.Num, d.Num)
		}
		if c.Den < d.Den {
			return fail(id, "den", c.Den, d.Den)
		}
		c.Num -= d.Num
		c.Den -= d.Den
	}
	oe, se := own.extras(), sub.extras()
	for k := range oe {
		if modes[oe[k].metric] != PoolSum {
			continue
		}
		if *oe[k].p < *se[k].p {
			return fail(oe[k].metric, "extra."+oe[k].name, *oe[k].p, *se[k].p)
		}
		*oe[k].p -= *se[k].p
	}
	return nil
}

// pool derives own counts for Pooled units and computes every unit's pooled tally.
func (t *Tree) pool() error {
	n := len(t.nodes)
	modes := &t.agg.Modes
	sums := make([]Tally, n) // PoolSum counts over the subtree
	var child Tally
	for k := n - 1; k >= 0; k-- { // children before parents
		i := t.order[k]
		child = Tally{}
		for _, c := range t.children[i] {
			if err := child.MergeChecked(sums[c]); err != nil {
				return &TreeError{Index: i, Unit: t.nodes[i].ID, Field: "counts", Err: err}
			}
		}
		if t.nodes[i].Pooled {
			if err := t.subtractSum(i, &t.own[i], &child); err != nil {
				return err
			}
			if err := t.own[i].Validate(); err != nil {
				return &TreeError{Index: i, Unit: t.nodes[i].ID, Field: "counts (own = pooled − sub-units)", Err: err}
			}
		}
		s := &sums[i]
		copyMode(s, &t.own[i], modes, PoolSum)
		if err := s.MergeChecked(child); err != nil {
			return &TreeError{Index: i, Unit: t.nodes[i].ID, Field: "counts", Err: err}
		}
	}
	// Pooled = sums with PoolOwn counts from the unit and PoolCarryDown counts from the computing unit.
	carry := make([]int, n)
	for _, i := range t.order { // parents first
		if p := t.parent[i]; p < 0 || t.agg.computes(t.nodes[i].Kind) {
			carry[i] = i
		} else {
			carry[i] = carry[p] // nearest computing ancestor, else the root
		}
	}
	for i := range t.nodes {
		pt := &t.pooled[i]
		*pt = sums[i]
		copyMode(pt, &t.own[i], modes, PoolOwn)
		copyMode(pt, &t.own[carry[i]], modes, PoolCarryDown)
		if err := pt.Validate(); err != nil {
			return &TreeError{Index: i, Unit: t.nodes[i].ID, Field: "pooled counts", Err: err}
		}
	}
	return nil
}

// Len returns the number of units. Cost: O(1).
func (t *Tree) Len() int { return len(t.nodes) }

// Edition returns the tree's edition label (informative; "" when none). Cost: O(1).
func (t *Tree) Edition() string { return t.edition }

// Period returns the tree's period label (informative; "" when none). Cost: O(1).
func (t *Tree) Period() string { return t.period }

// Aggregation returns the tree's pooling policy (a copy). Cost: one small allocation.
func (t *Tree) Aggregation() Aggregation {
	a := t.agg
	a.ComputingKinds = append([]UnitKind(nil), a.ComputingKinds...)
	return a
}

// Units returns the units in input order, as a fresh slice. Cost: O(units).
func (t *Tree) Units() []UnitNode { return append([]UnitNode(nil), t.nodes...) }

// Unit returns the unit with the given id; ok is false when there is none. Cost: O(1).
func (t *Tree) Unit(id string) (u UnitNode, ok bool) {
	i, ok := t.index[id]
	if !ok {
		return UnitNode{}, false
	}
	return t.nodes[i], true
}

// Roots returns the ids of the units without a parent, in input order. Cost: O(units).
func (t *Tree) Roots() []string {
	var out []string
	for i, p := range t.parent {
		if p < 0 {
			out = append(out, t.nodes[i].ID)
		}
	}
	return out
}

// Children returns the ids of the unit's direct sub-units in input order (nil for a leaf or an unknown
// id). Cost: O(children).
func (t *Tree) Children(id string) []string {
	i, ok := t.index[id]
	if !ok || len(t.children[i]) == 0 {
		return nil
	}
	out := make([]string, len(t.children[i]))
	for k, c := range t.children[i] {
		out[k] = t.nodes[c].ID
	}
	return out
}

// Depth returns the unit's depth (0 for a root, -1 for an unknown id). Cost: O(1).
func (t *Tree) Depth(id string) int {
	i, ok := t.index[id]
	if !ok {
		return -1
	}
	return t.depth[i]
}

// Own returns the unit's own counts: as given to NewTree, or derived by subtraction for a unit marked
// Pooled. ok is false for an unknown id. Cost: O(1), copies the tally.
func (t *Tree) Own(id string) (tl Tally, ok bool) {
	i, ok := t.index[id]
	if !ok {
		return Tally{}, false
	}
	return t.own[i], true
}

// Pooled returns the unit's pooled counts (own + all descendants for PoolSum metrics; the computing
// unit's counts for PoolCarryDown metrics; its own for PoolOwn metrics — see Aggregation). It returns the
// empty tally for an unknown id (use Unit to tell). The result is valid (Tally.Validate passes). Cost:
// O(1): pooled counts are computed once by NewTree; copies the tally.
func (t *Tree) Pooled(unit string) Tally {
	i, ok := t.index[unit]
	if !ok {
		return Tally{}
	}
	return t.pooled[i]
}
