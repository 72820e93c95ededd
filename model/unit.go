package model

import (
	"errors"
	"fmt"
)

// Unit is an administrative unit: a province or ministry (root), a provincial
// department, a commune, a (historical) district or a vertical branch
// (docs/data.md, Unit hierarchy). Parent links are data; Hierarchy validates them.
type Unit struct {
	// ID is the unit's key (often the departmentCode, e.g. "H44.07"; may be
	// the portal's UUID departmentId). Parent refers to IDs.
	ID string
	// Code is the departmentCode or electronic identifier, if different from ID.
	Code string
	// Name of the unit.
	Name string
	// Kind of unit.
	Kind UnitKind
	// Parent is the parent's ID; "" for a root.
	Parent string
	// ValidFrom (inclusive) and ValidTo (exclusive); absent means unbounded.
	ValidFrom, ValidTo Time
	// Successors are the IDs of units that took over after a merger.
	Successors []string
	// DepartmentType, DepartmentLevel and AgencyLevel are the portal's raw
	// labels (PROVINCE, PROVINCIAL_DEPARTMENT, level_1, ...).
	DepartmentType, DepartmentLevel, AgencyLevel string
}

// Hierarchy errors; a *UnitError wraps one of them.
var (
	// ErrDuplicateUnit: two units share an ID.
	ErrDuplicateUnit = errors.New("duplicate unit id")
	// ErrUnknownParent: a Parent names no unit.
	ErrUnknownParent = errors.New("unknown parent unit")
	// ErrCycle: parent links form a cycle.
	ErrCycle = errors.New("cycle in unit parents")
	// ErrEmptyUnitID: a unit has no ID.
	ErrEmptyUnitID = errors.New("empty unit id")
	// ErrUnknownSuccessor: a Successors entry names no unit.
	ErrUnknownSuccessor = errors.New("unknown successor unit")
)

// UnitError reports a bad unit record: its index in the input, its ID, the
// field and the cause (one of the Err* sentinels, testable with errors.Is).
type UnitError struct {
	// Index is the position in the input slice.
	Index int
	// ID is the unit's ID.
	ID string
	// Field is "ID", "Parent" or "Successors".
	Field string
	// Err is the cause.
	Err error
}

// Error implements error.
func (e *UnitError) Error() string {
	return fmt.Sprintf("unit %d (%q) field %s: %v", e.Index, e.ID, e.Field, e.Err)
}

// Unwrap returns the cause.
func (e *UnitError) Unwrap() error { return e.Err }

// Hierarchy is an immutable, validated unit tree (a forest of provinces and
// ministries). It is safe for concurrent reads.
type Hierarchy struct {
	units    []Unit
	index    map[string]int
	byCode   map[string]int
	children map[string][]string
	roots    []string
}

// NewHierarchy validates units and builds the tree. Every unit needs a unique
// non-empty ID, every non-empty Parent and every Successors entry must name a
// unit, and parent links must not form a cycle; the first violation is returned as a *UnitError. The input
// slice is copied. Children keep input order. Cost: O(n) time and memory.
func NewHierarchy(units []Unit) (*Hierarchy, error) {
	h := &Hierarchy{
		units:    append([]Unit(nil), units...),
		index:    make(map[string]int, len(units)),
		byCode:   make(map[string]int, len(units)),
		children: make(map[string][]string),
	}
	for i, u := range h.units {
		if u.ID == "" {
			return nil, &UnitError{Index: i, Field: "ID", Err: ErrEmptyUnitID}
		}
		if _, dup := h.index[u.ID]; dup {
			return nil, &UnitError{Index: i, ID: u.ID, Field: "ID", Err: ErrDuplicateUnit}
		}
		h.index[u.ID] = i
		if u.Code != "" {
			if _, seen := h.byCode[u.Code]; !seen {
				h.byCode[u.Code] = i
			}
		}
	}
	for i, u := range h.units {
		if u.Parent == "" {
			h.roots = append(h.roots, u.ID)
			continue
		}
		if _, ok := h.index[u.Parent]; !ok {
			return nil, &UnitError{Index: i, ID: u.ID, Field: "Parent", Err: ErrUnknownParent}
		}
		h.children[u.Parent] = append(h.children[u.Parent], u.ID)
	}
	for i, u := range h.units {
		for _, s := range u.Successors {
			if _, ok := h.index[s]; !ok {
				return nil, &UnitError{Index: i, ID: u.ID, Field: "Successors", Err: ErrUnknownSuccessor}
			}
		}
	}
	// Cycle detection: colour walk up the parent chain.
	state := make([]uint8, len(h.units)) // 0 new, 1 on path, 2 done
	for i := range h.units {
		j := i
		var path []int
		for state[j] == 0 {
			state[j] = 1
			path = append(path, j)
			p := h.units[j].Parent
			if p == "" {
				break
			}
			j = h.index[p]
		}
		if state[j] == 1 && h.units[j].Parent != "" {
			return nil, &UnitError{Index: j, ID: h.units[j].ID, Field: "Parent", Err: ErrCycle}
		}
		for _, k := range path {
			state[k] = 2
		}
	}
	return h, nil
}

// Len returns the number of units.
func (h *Hierarchy) Len() int { return len(h.units) }

// Unit returns the unit with ID id (or, failing that, Code id).
func (h *Hierarchy) Unit(id string) (Unit, bool) {
	if i, ok := h.index[id]; ok {
		return h.units[i], true
	}
	if i, ok := h.byCode[id]; ok {
		return h.units[i], true
	}
	return Unit{}, false
}

func (h *Hierarchy) resolve(id string) (string, bool) {
	if _, ok := h.index[id]; ok {
		return id, true
	}
	if i, ok := h.byCode[id]; ok {
		return h.units[i].ID, true
	}
	return "", false
}

// Roots returns the IDs of units without a parent, in input order. The slice is
// a copy.
func (h *Hierarchy) Roots() []string { return append([]string(nil), h.roots...) }

// Children returns the IDs of the direct children of id in input order (a copy;
// nil for a leaf or an unknown id).
func (h *Hierarchy) Children(id string) []string {
	id, _ = h.resolve(id)
	c := h.children[id]
	if len(c) == 0 {
		return nil
	}
	return append([]string(nil), c...)
}

// Ancestors returns the IDs from the parent of id up to its root (nil for a
// root or unknown id). Cost: O(depth).
func (h *Hierarchy) Ancestors(id string) []string {
	id, ok := h.resolve(id)
	if !ok {
		return nil
	}
	var out []string
	for p := h.units[h.index[id]].Parent; p != ""; p = h.units[h.index[p]].Parent {
		out = append(out, p)
	}
	return out
}

// Root returns the ID of the root above id (id itself for a root) and false for
// an unknown id.
func (h *Hierarchy) Root(id string) (string, bool) {
	id, ok := h.resolve(id)
	if !ok {
		return "", false
	}
	for {
		p := h.units[h.index[id]].Parent
		if p == "" {
			return id, true
		}
		id = p
	}
}

// Walk visits id and all units below it in depth-first pre-order, stopping
// early when fn returns false. An unknown id visits nothing. Pooled ratios of a
// parent use exactly this set (docs/data.md, Unit hierarchy). Cost: O(subtree size).
func (h *Hierarchy) Walk(id string, fn func(Unit) bool) {
	id, ok := h.resolve(id)
	if !ok {
		return
	}
	h.walk(id, fn)
}

func (h *Hierarchy) walk(id string, fn func(Unit) bool) bool {
	if !fn(h.units[h.index[id]]) {
		return false
	}
	for _, c := range h.children[id] {
		if !h.walk(c, fn) {
			return false
		}
	}
	return true
}

// Contains reports whether unit is ancestor itself or below it.
func (h *Hierarchy) Contains(ancestor, unit string) bool {
	a, ok := h.resolve(ancestor)
	if !ok {
		return false
	}
	u, ok := h.resolve(unit)
	if !ok {
		return false
	}
	for u != "" {
		if u == a {
			return true
		}
		u = h.units[h.index[u]].Parent
	}
	return false
}
