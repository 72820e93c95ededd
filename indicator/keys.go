package indicator

import "slices"

// Keys interns unit ids and procedure codes as dense int32 indexes, so that the calculators of one pass
// resolve a record's unit and procedure once — one string hash each — instead of hashing the same
// strings in every calculator. A Keys is immutable after NewKeys and safe for concurrent use.
//
// The calculator packages accept a *Keys in their Options and translate its indexes to their own tables
// when they are built; their ClassifyRef methods then take a Ref made by the same Keys. A Ref made by
// another Keys gives wrong answers (an index out of range is treated as unknown), so pass the Ref of the
// Keys given to the calculator. Keys holds raw codes only: each calculator applies its own code mapping
// (e.g. local → national procedure codes) to the Keys' codes when it is built.
//
// Memory: O(units + procedures) strings and two maps.
type Keys struct {
	unitIdx map[string]int32
	units   []string
	procIdx map[string]int32
	procs   []string
}

// Ref is a record's unit and procedure as indexes of a Keys; -1 means the id or code is not in the Keys
// (calculators then fall back to their own lookups by string, with the same result, only slower).
type Ref struct {
	Unit      int32 // index of the unit id in Keys.UnitID, or -1
	Procedure int32 // index of the raw procedure code in Keys.ProcedureCode, or -1
}

// NoRef is the Ref of a record whose unit and procedure are both unknown.
var NoRef = Ref{Unit: -1, Procedure: -1}

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
	return Ref{Unit: k.Unit(unitID), Procedure: k.Procedure(procedureCode)}
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
