package offer

import (
	"cmp"
	"slices"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// MapCode applies a CodeMap (local → national procedure codes) to code: the mapped code when m has it,
// else code itself. A nil map maps nothing. Cost: one map lookup when m is not nil.
func MapCode(m map[string]string, code string) string {
	if m != nil {
		if c, ok := m[code]; ok {
			return c
		}
	}
	return code
}

// OwnKeys builds the Keys a calculator uses when its Options give none: the offerings' unit ids, then
// every code a dossier could carry that matters to the calculator — the raw codes of the catalogue and of
// the offerings, and CodeMap's keys and values (sorted, so the result does not depend on map order).
// Cost: O(n log n).
func OwnKeys(procs []model.Procedure, offs []model.Offering, codeMap map[string]string) *indicator.Keys {
	units := make([]string, len(offs))
	codes := make([]string, 0, len(procs)+len(offs)+2*len(codeMap))
	for i := range procs {
		codes = append(codes, procs[i].Code)
	}
	for i := range offs {
		units[i] = offs[i].UnitID
		codes = append(codes, offs[i].ProcedureCode)
	}
	extra := make([]string, 0, 2*len(codeMap))
	for k, v := range codeMap {
		extra = append(extra, k, v)
	}
	slices.Sort(extra)
	return indicator.NewKeys(units, append(codes, extra...))
}

type pairKey struct{ unit, code string }

type pair struct {
	pairKey
	listed bool
}

// Builder groups offering records by (unit, mapped procedure code) in first-seen order, then builds an
// Index. The zero value is not usable: call NewBuilder.
type Builder struct {
	groups   map[pairKey]int32
	pairs    []pair
	denseMax int // largest units × codes table kept dense (a map beyond)
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{groups: make(map[pairKey]int32), denseMax: 1 << 20}
}

// Pair returns the group number of (unit, code) — 0, 1, … in first-seen order — and whether this call
// added it. listed tells whether the pair belongs to its unit's list (Unit.Codes); a pair that is not
// listed still makes its unit a unit of the Index. Only the first call's listed counts. Cost: one map
// lookup; unit and code must not be empty (callers ledger those records instead).
func (b *Builder) Pair(unit, code string, listed bool) (group int32, added bool) {
	k := pairKey{unit, code}
	if g, ok := b.groups[k]; ok {
		return g, false
	}
	g := int32(len(b.pairs))
	b.groups[k] = g
	b.pairs = append(b.pairs, pair{k, listed})
	return g, true
}

// Unit is one unit of an Index: its id and its listed procedure codes, sorted, with the Builder group of
// each.
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

// Index is the dense (unit, procedure) offering index of a calculator, translated once to the indexes of
// an indicator.Keys: units with an offering sorted by id (their slots), listed codes per unit, and for a
// record's Ref its unit slot, its procedure's Proc and the position of the pair in the unit's list, with
// no string hashing. Indexes outside the Keys fall back to lookups by string with the same answer.
// Immutable after Build; safe for concurrent use.
type Index[P any] struct {
	units   []Unit
	unitIdx map[string]int32
	codeIdx map[string]int32 // listed code → code id
	nCodes  int32
	dense   []int32          // slot·nCodes + code id → position in the unit's list, or -1
	sparse  map[uint64]int32 // the same when the dense table would be too large
	keyUnit []int32          // Keys unit index → slot, or -1
	keyProc []Proc[P]        // Keys procedure index → Proc
	codeMap map[string]string
	info    func(code string) P
}

// Build makes the Index of the pairs added so far for keys (which may be nil: every lookup then goes by
// string). codeMap is the calculator's CodeMap, applied to the Keys' raw codes; info gives a mapped code's
// calculator-specific Info (called once per Keys procedure at build, and on the slow path of Proc). Cost:
// O(pairs log pairs + Keys size); memory O(pairs + Keys size), plus units × listed codes int32s when that
// is at most 2^20 entries.
func Build[P any](b *Builder, keys *indicator.Keys, codeMap map[string]string, info func(code string) P) *Index[P] {
	x := &Index[P]{unitIdx: make(map[string]int32), codeIdx: make(map[string]int32), codeMap: codeMap, info: info}
	perUnit := make(map[string][]int32)
	for g, p := range b.pairs {
		if _, ok := perUnit[p.unit]; !ok {
			perUnit[p.unit] = nil
		}
		if !p.listed {
			continue
		}
		perUnit[p.unit] = append(perUnit[p.unit], int32(g))
		if _, ok := x.codeIdx[p.code]; !ok {
			x.codeIdx[p.code] = x.nCodes
			x.nCodes++
		}
	}
	ids := make([]string, 0, len(perUnit))
	for id := range perUnit {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	x.units = make([]Unit, len(ids))
	for slot, id := range ids {
		gs := perUnit[id]
		slices.SortFunc(gs, func(a, c int32) int { return cmp.Compare(b.pairs[a].code, b.pairs[c].code) })
		u := Unit{ID: id, Codes: make([]string, len(gs)), Groups: gs}
		for i, g := range gs {
			u.Codes[i] = b.pairs[g].code
		}
		x.units[slot] = u
		x.unitIdx[id] = int32(slot)
	}
	if n := len(x.units) * int(x.nCodes); n <= b.denseMax {
		x.dense = make([]int32, n)
		for i := range x.dense {
			x.dense[i] = -1
		}
	} else {
		x.sparse = make(map[uint64]int32)
	}
	for slot := range x.units {
		for pos, code := range x.units[slot].Codes {
			x.setPos(int32(slot), x.codeIdx[code], int32(pos))
		}
	}
	x.keyUnit = make([]int32, keys.NumUnits())
	for i := range x.keyUnit {
		x.keyUnit[i] = x.UnitSlot(keys.UnitID(int32(i)))
	}
	x.keyProc = make([]Proc[P], keys.NumProcedures())
	for i := range x.keyProc {
		x.keyProc[i] = x.procOf(keys.ProcedureCode(int32(i)))
	}
	return x
}

func pairID(slot, code int32) uint64 { return uint64(slot)<<32 | uint64(uint32(code)) }

func (x *Index[P]) setPos(slot, code, pos int32) {
	if x.sparse != nil {
		x.sparse[pairID(slot, code)] = pos
		return
	}
	x.dense[slot*x.nCodes+code] = pos
}

// NumUnits returns the number of units (slots 0 … NumUnits−1).
func (x *Index[P]) NumUnits() int { return len(x.units) }

// Unit returns the unit of slot i (0 ≤ i < NumUnits). The result must not be modified.
func (x *Index[P]) Unit(i int32) *Unit { return &x.units[i] }

// UnitSlot returns the slot of a unit id, or -1 when the unit has no offering. Cost: one map lookup.
func (x *Index[P]) UnitSlot(id string) int32 {
	if s, ok := x.unitIdx[id]; ok {
		return s
	}
	return -1
}

// Slot returns the slot of a record's unit: by its Keys index ref when ref is one (no hashing), else by
// its id. Same answer as UnitSlot(id) when ref is the Keys index of id or not an index.
func (x *Index[P]) Slot(ref int32, id string) int32 {
	if uint32(ref) < uint32(len(x.keyUnit)) {
		return x.keyUnit[ref]
	}
	return x.UnitSlot(id)
}

// Proc returns what the index knows of a record's procedure: by its Keys index ref when ref is one (no
// hashing), else by its raw code (CodeMap, code id and Info looked up by string).
func (x *Index[P]) Proc(ref int32, raw string) Proc[P] {
	if uint32(ref) < uint32(len(x.keyProc)) {
		return x.keyProc[ref]
	}
	return x.procOf(raw)
}

func (x *Index[P]) procOf(raw string) Proc[P] {
	code := MapCode(x.codeMap, raw)
	return Proc[P]{Code: code, ID: x.CodeID(code), Info: x.info(code)}
}

// CodeID returns the code id of a mapped code, or -1 when no unit lists it. Cost: one map lookup.
func (x *Index[P]) CodeID(code string) int32 {
	if c, ok := x.codeIdx[code]; ok {
		return c
	}
	return -1
}

// Remap replaces the value kept for each listed pair — its position in its unit's list after Build — by
// f(slot, position); f may return -1 to make a pair answer as unlisted. Pos and Find then return the new
// values: a calculator keeps there the index its hot path needs, saving a load. Call it before the Index
// is shared (it is not safe for concurrent use with the lookups). Cost: O(pairs).
func (x *Index[P]) Remap(f func(slot, pos int32) int32) {
	for slot := range x.units {
		for pos, code := range x.units[slot].Codes {
			x.setPos(int32(slot), x.codeIdx[code], f(int32(slot), int32(pos)))
		}
	}
}

// Pos returns the value of the pair (unit slot, code id): the position of the code in the unit's list,
// or what Remap put there; -1 when the unit does not list it (or either index is -1). No hashing on the
// dense table; one integer-keyed map lookup otherwise.
func (x *Index[P]) Pos(slot, code int32) int32 {
	if slot < 0 || code < 0 {
		return -1
	}
	if x.sparse != nil {
		if p, ok := x.sparse[pairID(slot, code)]; ok {
			return p
		}
		return -1
	}
	return x.dense[slot*x.nCodes+code]
}

// Find returns the slot of unit id and the value (as Pos) of mapped code in its list (-1 each when
// absent), by string: for verdicts made elsewhere and for merging accumulators of another calculator.
func (x *Index[P]) Find(id, code string) (slot, pos int32) {
	slot = x.UnitSlot(id)
	return slot, x.Pos(slot, x.CodeID(code))
}
