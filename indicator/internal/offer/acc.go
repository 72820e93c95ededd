package offer

import (
	"iter"
	"slices"

	"github.com/vn-dvc/chiso766/indicator"
)

// MaxReasons bounds the dossier reason indexes a Reasons counts by index (index 0 and indexes from
// MaxReasons on are counted by string).
const MaxReasons = 16

// Reasons is the dossier ledger of an accumulator: verdicts a calculator made carry their reason as an
// index and are counted in an array (no hashing on the hot path); others (hand-made, reason index 0) go
// to a Ledger by their reason string. The zero value is empty and ready.
type Reasons struct {
	n      [MaxReasons]int64
	ledger indicator.Ledger
}

// Add counts one verdict: by index when 0 < i < MaxReasons, else by reason and counted. No allocation
// for an index; the Ledger allocates on a reason string's first use.
func (l *Reasons) Add(i uint8, reason indicator.Reason, counted bool) {
	if i > 0 && i < MaxReasons {
		l.n[i]++
		return
	}
	l.addByName(reason, counted)
}

// addByName is Add's slow path, kept out of line so that Add inlines.
func (l *Reasons) addByName(reason indicator.Reason, counted bool) { l.ledger.Add(reason, counted) }

// Merge adds b's counts to l (b unchanged; b == l doubles l). Cost: O(reasons).
func (l *Reasons) Merge(b *Reasons) {
	if b == l {
		l.ledger.Merge(l.ledger.Clone())
	} else {
		l.ledger.Merge(b.ledger)
	}
	for i, n := range b.n {
		l.n[i] += n
	}
}

// Ledger returns the counts as a new Ledger: names[i] is the reason of index i, counted(i) whether it
// counts; indexes ≥ len(names) must not have been added. Cost: O(reasons), allocates the Ledger.
func (l *Reasons) Ledger(names []indicator.Reason, counted func(uint8) bool) indicator.Ledger {
	out := l.ledger.Clone()
	for i, name := range names {
		out.AddN(name, counted(uint8(i)), l.n[i])
	}
	return out
}

// Units is an accumulator's per-unit state: a slice by index slot for the units of the calculator's
// Index, and a map by id for the others (units without an offering), filled on first use.
type Units[T any] struct {
	Known []T
	Other map[string]*T
}

// NewUnits returns the state of n slots (zero values) and an empty map. Cost: O(n).
func NewUnits[T any](n int) Units[T] {
	return Units[T]{Known: make([]T, n), Other: make(map[string]*T)}
}

// At returns the state of slot when 0 ≤ slot < len(Known), else of id in Other, added on first use (the
// only allocation).
func (u *Units[T]) At(slot int32, id string) *T {
	if slot >= 0 && int(slot) < len(u.Known) {
		return &u.Known[slot]
	}
	t := u.Other[id]
	if t == nil {
		t = new(T)
		u.Other[id] = t
	}
	return t
}

// Each yields every unit's state: the slots in order, then Other's in map order.
func (u *Units[T]) Each() iter.Seq[*T] {
	return func(yield func(*T) bool) {
		for i := range u.Known {
			if !yield(&u.Known[i]) {
				return
			}
		}
		for _, t := range u.Other {
			if !yield(t) {
				return
			}
		}
	}
}

// SortedIDs returns the keys of m, sorted. Cost: O(n log n), one allocation.
func SortedIDs[T any](m map[string]T) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Distinct yields each id of ids that is a key of m, once (the first time it appears), with its value:
// the units a Pool takes together. Cost: O(len(ids)), allocates a set.
func Distinct[T any](m map[string]T, ids []string) iter.Seq2[string, T] {
	return func(yield func(string, T) bool) {
		seen := make(map[string]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			if t, ok := m[id]; ok && !yield(id, t) {
				return
			}
		}
	}
}
