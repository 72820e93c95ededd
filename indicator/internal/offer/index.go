package offer

import (
	"cmp"
	"slices"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// MapCode applies a CodeMap (local → national procedure codes) to code: the mapped code when m has it,
// else code itself.
func MapCode(m map[string]string, code string) string {
	if m != nil {
		if c, ok := m[code]; ok {
			return c
		}
	}
	return code
}

// OwnKeys returns the Keys a calculator works on: shared when it holds every unit id of the offerings and
// every code of the catalogue, the offerings and CodeMap, else a Keys holding shared's ids first (so
// shared's Refs stay valid), then the missing ones (CodeMap's sorted).
func OwnKeys(shared *indicator.Keys, procs []model.Procedure, offs []model.Offering, codeMap map[string]string) *indicator.Keys {
	units := make([]string, 0, len(offs))
	codes := make([]string, 0, len(procs)+len(offs)+2*len(codeMap))
	for i := range procs {
		codes = append(codes, procs[i].Code)
	}
	for i := range offs {
		units = append(units, offs[i].UnitID)
		codes = append(codes, offs[i].ProcedureCode)
	}
	n := len(codes)
	for k, v := range codeMap {
		codes = append(codes, k, v)
	}
	slices.Sort(codes[n:])
	if shared == nil {
		return indicator.NewKeys(units, codes)
	}
	missing := func(ids []string, index func(string) int32) bool {
		return slices.ContainsFunc(ids, func(id string) bool { return id != "" && index(id) < 0 })
	}
	if !missing(units, shared.Unit) && !missing(codes, shared.Procedure) {
		return shared
	}
	return indicator.NewKeys(append(shared.UnitIDs(), units...), append(shared.ProcedureCodes(), codes...))
}

type pair struct {
	unit, code int32 // Keys indexes of the unit id and of the mapped code
	listed     bool
}

// Builder groups offering records by (unit, mapped procedure code) in first-seen order, then builds an
// Index. Make one with NewBuilder.
type Builder struct {
	keys     *indicator.Keys
	groups   map[uint64]int32 // pairID(unit, code) → group
	pairs    []pair
	denseMax int // largest units × codes table kept dense (a map beyond)
}

// NewBuilder returns an empty Builder over keys, which must hold every id given to Pair.
func NewBuilder(keys *indicator.Keys) *Builder {
	return &Builder{keys: keys, groups: make(map[uint64]int32), denseMax: 1 << 20}
}

// Pair returns the group number of (unit, code) — 0, 1, … in first-seen order — and whether this call
// added it. listed (the first call's) tells whether the pair belongs to its unit's list (Unit.Codes); an
// unlisted pair still makes its unit a unit of the Index. unit and code must be ids of the Builder's Keys.
func (b *Builder) Pair(unit, code string, listed bool) (group int32, added bool) {
	p := pair{b.keys.Unit(unit), b.keys.Procedure(code), listed}
	k := pairID(p.unit, p.code)
	if g, ok := b.groups[k]; ok {
		return g, false
	}
	g := int32(len(b.pairs))
	b.groups[k] = g
	b.pairs = append(b.pairs, p)
	return g, true
}

// Unit is one unit of an Index: its id and its listed procedure codes with their Builder groups.
type Unit struct {
	ID     string
	Codes  []string // listed codes, sorted
	Groups []int32  // Groups[i] is the Builder group of Codes[i]
}

// Proc is what an Index knows of one procedure code: the code after CodeMap, its code id among the listed
// codes (-1 when no unit lists it) and the calculator's own Info (e.g. catalogue flags).
type Proc[P any] struct {
	Code string
	ID   int32
	Info P
}

// Index is a calculator's (unit, procedure) offering pairs on the indexes of its Keys: for a Keys unit
// index its row (units with an offering, sorted by id), for a Keys procedure index its Proc, and for a
// (row, code id) pair a value (its position in the unit's list, or what Remap put there). Immutable after
// Build (and Remap); safe for concurrent use.
type Index[P any] struct {
	keys   *indicator.Keys
	rows   []int32   // Keys unit index → row, or -1
	units  []Unit    // per row
	procs  []Proc[P] // Keys procedure index (a raw code) → its Proc
	codeID []int32   // Keys procedure index (a mapped code) → code id, or -1
	nCodes int32
	dense  []int32          // row·nCodes + code id → value, or -1
	sparse map[uint64]int32 // the same when the dense table would be too large
	info   func(code string) P
}

// Build makes the Index of the pairs added so far; codeMap is applied to the Keys' raw codes and info
// gives a mapped code's Info. The rows × listed codes table is dense up to 2^20 entries, a map beyond.
func Build[P any](b *Builder, codeMap map[string]string, info func(code string) P) *Index[P] {
	k := b.keys
	x := &Index[P]{keys: k, rows: fill(k.NumUnits()), codeID: fill(k.NumProcedures()), info: info}
	order := make([]int32, len(b.pairs)) // the groups by unit id, then code
	for g, p := range b.pairs {
		order[g] = int32(g)
		if p.listed && x.codeID[p.code] < 0 {
			x.codeID[p.code] = x.nCodes
			x.nCodes++
		}
	}
	slices.SortFunc(order, func(g, h int32) int {
		p, q := b.pairs[g], b.pairs[h]
		return cmp.Or(cmp.Compare(k.UnitID(p.unit), k.UnitID(q.unit)),
			cmp.Compare(k.ProcedureCode(p.code), k.ProcedureCode(q.code)))
	})
	for _, g := range order {
		p := b.pairs[g]
		if x.rows[p.unit] < 0 {
			x.rows[p.unit] = int32(len(x.units))
			x.units = append(x.units, Unit{ID: k.UnitID(p.unit), Codes: []string{}})
		}
		if u := &x.units[len(x.units)-1]; p.listed {
			u.Codes = append(u.Codes, k.ProcedureCode(p.code))
			u.Groups = append(u.Groups, g)
		}
	}
	if n := len(x.units) * int(x.nCodes); n <= b.denseMax {
		x.dense = fill(n)
	} else {
		x.sparse = make(map[uint64]int32)
	}
	x.Remap(func(_, pos int32) int32 { return pos })
	x.procs = make([]Proc[P], k.NumProcedures())
	for i := range x.procs {
		code := MapCode(codeMap, k.ProcedureCode(int32(i)))
		x.procs[i] = Proc[P]{Code: code, ID: x.CodeID(code), Info: info(code)}
	}
	return x
}

// fill returns n int32s set to -1.
func fill(n int) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

func pairID(row, code int32) uint64 { return uint64(uint32(row))<<32 | uint64(uint32(code)) }

// NumUnits returns the number of units (rows 0 … NumUnits−1).
func (x *Index[P]) NumUnits() int { return len(x.units) }

// Unit returns the unit of row i (0 ≤ i < NumUnits). The result must not be modified.
func (x *Index[P]) Unit(i int32) *Unit { return &x.units[i] }

// Row returns the row of a record's unit, by its Keys index ref when ref is one, else by its id; -1 when
// the unit has no offering.
func (x *Index[P]) Row(ref int32, id string) int32 {
	if uint32(ref) < uint32(len(x.rows)) {
		return x.rows[ref]
	}
	return x.rowOf(id)
}

// rowOf is Row's lookup by string, out of line so that Row inlines.
func (x *Index[P]) rowOf(id string) int32 {
	if ref := x.keys.Unit(id); ref >= 0 {
		return x.rows[ref]
	}
	return -1
}

// Proc returns what the index knows of a record's procedure: by its Keys index ref when ref is one, else
// by its raw code (a code outside the Keys is mapped by no CodeMap key and listed by no unit).
func (x *Index[P]) Proc(ref int32, raw string) Proc[P] {
	if uint32(ref) < uint32(len(x.procs)) {
		return x.procs[ref]
	}
	return x.procOf(raw)
}

// procOf is Proc's lookup by string, out of line so that Proc inlines.
func (x *Index[P]) procOf(raw string) Proc[P] {
	if ref := x.keys.Procedure(raw); ref >= 0 {
		return x.procs[ref]
	}
	return Proc[P]{Code: raw, ID: -1, Info: x.info(raw)}
}

// CodeID returns the code id of a mapped code, or -1 when no unit lists it. Cost: one Keys lookup.
func (x *Index[P]) CodeID(code string) int32 {
	if i := x.keys.Procedure(code); i >= 0 {
		return x.codeID[i]
	}
	return -1
}

// Remap replaces the value kept for each listed pair — its position in its unit's list after Build — by
// f(row, position) (-1: answer as unlisted), for Pos and Find. Call it before the Index is shared.
func (x *Index[P]) Remap(f func(row, pos int32) int32) {
	for row := range x.units {
		for pos, code := range x.units[row].Codes {
			r, c := int32(row), x.CodeID(code)
			if x.sparse != nil {
				x.sparse[pairID(r, c)] = f(r, int32(pos))
			} else {
				x.dense[r*x.nCodes+c] = f(r, int32(pos))
			}
		}
	}
}

// Pos returns the value of the pair (row, code id): the position of the code in the unit's list, or what
// Remap put there; -1 when the unit does not list it (or either index is -1).
func (x *Index[P]) Pos(row, code int32) int32 {
	if row < 0 || code < 0 {
		return -1
	}
	if x.sparse != nil {
		if p, ok := x.sparse[pairID(row, code)]; ok {
			return p
		}
		return -1
	}
	return x.dense[row*x.nCodes+code]
}

// Find returns the row of unit id and the value (as Pos) of mapped code in its list (-1 each when
// absent), by string: for merging accumulators of another calculator.
func (x *Index[P]) Find(id, code string) (row, pos int32) {
	row = x.Row(-1, id)
	return row, x.Pos(row, x.CodeID(code))
}
