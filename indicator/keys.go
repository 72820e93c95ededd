package indicator

import "slices"

// Keys interns unit ids and procedure codes as dense int32 indexes: the one string→index facility of the
// module. A pass resolves a dossier's unit and procedure once (Ref) and every calculator of the pass indexes
// its own tables with it. A Keys is immutable after NewKeys and safe for concurrent use; a calculator given
// a Keys in its Options builds its tables over the Keys' indexes. Keys holds raw codes only: each calculator
// applies its own code mapping (local → national procedure codes) when it is built. Memory: O(units +
// procedures) strings and two maps.
type Keys struct {
	unitIdx map[string]int32
	units   []string
	procIdx map[string]int32
	procs   []string
}

// Ref is a record's unit and procedure resolved in a Keys. The zero Ref is "not resolved" (or not in the
// Keys): calculators then look the codes up by string, with the same result, only slower. A Ref made by
// another Keys than the calculator's gives wrong answers.
type Ref struct {
	unit, proc int32 // index + 1; 0: not resolved
}

// Unit returns the unit's index in the Keys, or -1. Cost: O(1).
func (r Ref) Unit() int32 { return r.unit - 1 }

// Procedure returns the raw procedure code's index in the Keys, or -1. Cost: O(1).
func (r Ref) Procedure() int32 { return r.proc - 1 }

// NewKeys interns the given unit ids and procedure codes in order, skipping empty strings and
// duplicates (the first occurrence keeps its index). The slices are not retained. Cost: O(n) time and
// memory; it never fails. At most 2^31-1 distinct ids of each kind are kept; further ones are unknown.
func NewKeys(unitIDs, procedureCodes []string) *Keys {
	k := &Keys{
		unitIdx: make(map[string]int32, len(unitIDs)),
		procIdx: make(map[string]int32, len(procedureCodes)),
	}
	k.units = intern(k.unitIdx, unitIDs)
	k.procs = intern(k.procIdx, procedureCodes)
	return k
}

func intern(idx map[string]int32, ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s == "" || len(out) == 1<<31-1 {
			continue
		}
		if _, dup := idx[s]; dup {
			continue
		}
		idx[s] = int32(len(out))
		out = append(out, s)
	}
	return slices.Clip(out)
}

// NumUnits returns the number of interned unit ids. A nil Keys has none. Cost: O(1).
func (k *Keys) NumUnits() int {
	if k == nil {
		return 0
	}
	return len(k.units)
}

// NumProcedures returns the number of interned procedure codes. A nil Keys has none. Cost: O(1).
func (k *Keys) NumProcedures() int {
	if k == nil {
		return 0
	}
	return len(k.procs)
}

// UnitID returns the unit id of index i, or "" when i is out of range. Cost: O(1).
func (k *Keys) UnitID(i int32) string {
	if k == nil || i < 0 || int(i) >= len(k.units) {
		return ""
	}
	return k.units[i]
}

// ProcedureCode returns the procedure code of index i, or "" when i is out of range. Cost: O(1).
func (k *Keys) ProcedureCode(i int32) string {
	if k == nil || i < 0 || int(i) >= len(k.procs) {
		return ""
	}
	return k.procs[i]
}

// Unit returns the index of a unit id, or -1 when it is not interned (or k is nil). Cost: one map
// lookup; no allocation.
func (k *Keys) Unit(id string) int32 {
	if k == nil {
		return -1
	}
	if i, ok := k.unitIdx[id]; ok {
		return i
	}
	return -1
}

// Procedure returns the index of a raw procedure code, or -1 when it is not interned (or k is nil).
// Cost: one map lookup; no allocation.
func (k *Keys) Procedure(code string) int32 {
	if k == nil {
		return -1
	}
	if i, ok := k.procIdx[code]; ok {
		return i
	}
	return -1
}

// Ref resolves a record's unit id and raw procedure code. Cost: two map lookups; no allocation.
func (k *Keys) Ref(unitID, procedureCode string) Ref {
	return Ref{unit: k.Unit(unitID) + 1, proc: k.Procedure(procedureCode) + 1}
}

// UnitIDs returns a copy of the interned unit ids in index order. Cost: O(units), one allocation.
func (k *Keys) UnitIDs() []string {
	if k == nil {
		return nil
	}
	return slices.Clone(k.units)
}

// ProcedureCodes returns a copy of the interned procedure codes in index order. Cost: O(procedures), one
// allocation.
func (k *Keys) ProcedureCodes() []string {
	if k == nil {
		return nil
	}
	return slices.Clone(k.procs)
}
