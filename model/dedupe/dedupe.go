// Package dedupe keeps the latest version of each re-sent dossier. Portal payload archives send the same
// MaHoSo again on every update of the dossier; scoring every copy would count one dossier many times (100
// copies of one late dossier would add 99 late dossiers to 2.1's denominator). The rule [Policy]:
//
//   - records are the same dossier when their Code (MaHoSo) is equal; records without a code are never
//     merged;
//   - of the versions of a code the latest wins: by the record's update time (Policy.Version; default
//     SentAt, the time the version was sent to the portal) when both versions carry one and they
//     differ, otherwise by input order (the later record wins);
//   - every other version is superseded and counted (Index.Superseded), never silently dropped.
//
// The latest version is only known at the end of the input, so deduplication takes two passes over a
// re-readable input: pass 1 (Index.Add) remembers, per distinct code, the winning version's update time
// and ordinal (its position among the records added); pass 2 (Index.Winner, or Latest) keeps the record
// whose ordinal is the winner's. Memory is O(distinct codes) — a copy of the code's bytes plus about 35
// bytes (a 24-byte entry and its share of the open-addressing table) — never O(records × record size);
// time is two passes over the input (for
// a file, two decodes). An in-memory source (slices.Values of a []model.Dossier) is ranged twice at no
// decode cost; its records are the caller's memory, which the index does not add to. The pass-2 side is read-only and
// safe for concurrent use, so a parallel decoder that knows each record's global ordinal may filter on
// its workers.
//
// A caller that reads its input twice anyway (a parallel file decoder, say) may run pass 1 with a Sieve
// instead: a 58-bit hash of each code and its winning version, 16 bytes a slot, no code kept. When no
// code repeats its answer is exact and there is no pass 2; when codes repeat, pass 2 verifies that no two
// codes shared a hash (Sieve.Verify) and, in the rare case they did, the caller falls back to an Index.
package dedupe

import (
	"iter"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

// VersionFunc returns the update time of one version of a dossier; ok is false when the record carries
// none (then input order decides).
type VersionFunc func(d *model.Dossier) (t time.Time, ok bool)

// SentAt is the default VersionFunc: the record's Sync.SentAt (when the version was last sent to the
// portal), when present.
func SentAt(d *model.Dossier) (time.Time, bool) {
	if d.Sync.SentAt.IsSet() {
		return d.Sync.SentAt.T, true
	}
	return time.Time{}, false
}

// Policy is the re-send rule. The zero value is the default: Version SentAt.
type Policy struct {
	// Version is the update time of a version; nil means SentAt. InputOrder ignores update times.
	Version VersionFunc
}

// VersionOf returns d's update time under p (SentAt when p.Version is nil). d does not escape — a
// VersionFunc of the caller's sees a copy — so a record the caller holds may stay on its stack (a 1 KB
// allocation per record otherwise). Cost: SentAt's, or a copy of d and the call.
func (p Policy) VersionOf(d *model.Dossier) (time.Time, bool) {
	if p.Version == nil {
		return SentAt(d)
	}
	dd := *d
	return p.Version(&dd)
}

// InputOrder is a VersionFunc under which the last record of a code always wins.
func InputOrder(*model.Dossier) (time.Time, bool) { return time.Time{}, false }

type version struct {
	at  int64 // update time, Unix nanoseconds (valid when has)
	ord int64 // ordinal of the winning record
	has bool
}

// stamp is a version as the code table keeps it (has is the entry's flag): 16 bytes plus the entry's
// 8-byte arena reference.
type stamp struct{ at, ord int64 }

// codeTable is the index's table of codes.
type codeTable = CodeTable[stamp]

func get(e *Entry[stamp]) version { return version{at: e.Val.at, ord: e.Val.ord, has: e.Flag()} }

func set(e *Entry[stamp], v version) {
	e.Val = stamp{at: v.at, ord: v.ord}
	e.SetFlag(v.has)
}

// Index is the state of pass 1: per distinct code, the winning version so far. Add is not safe for
// concurrent use; once pass 1 is over, Winner, Records, Distinct and Superseded are (read-only).
//
// The codes are kept exactly (compared byte for byte, never by hash alone) in a codeTable: the codes
// end to end in arena slabs, one 24-byte entry per code and an open-addressing table of 8-byte slots.
type Index struct {
	policy Policy
	codes  codeTable
	n      int64 // records added
	nocode int64 // records without a code
}

// NewIndex returns an empty index for the policy. Cost: O(1).
func NewIndex(p Policy) *Index { return &Index{policy: p} }

// Add notes the next record of pass 1 (its ordinal is the number of records added before it) and returns
// that ordinal. d is not retained, nor does it escape (Policy.VersionOf); its code is copied into the
// index the first time it is seen. Cost: one hash-table lookup; allocations only when the index grows
// (amortised O(1) per distinct code).
func (x *Index) Add(d *model.Dossier) int64 {
	t, ok := x.policy.VersionOf(d)
	return x.AddVersion(d.Code, t, ok)
}

// AddAt is Add with the record's ordinal given by the caller — e.g. its index in the input, bad
// records included, as a parallel decoder numbers them for Winner in pass 2. Ordinals must increase
// with input order and be unique.
func (x *Index) AddAt(d *model.Dossier, ord int64) {
	t, ok := x.policy.VersionOf(d)
	x.addAt(d.Code, t, ok, ord)
}

// AddVersion is Add for a record known by its code and update time (ok false: none), for callers that
// do not hold a model.Dossier (e.g. a pass that decodes only the code).
func (x *Index) AddVersion(code string, t time.Time, ok bool) int64 {
	ord := x.n
	x.addAt(code, t, ok, ord)
	return ord
}

func (x *Index) addAt(code string, t time.Time, ok bool, ord int64) {
	x.n++
	if code == "" {
		x.nocode++
		return
	}
	nv := version{ord: ord}
	if ok {
		nv.at, nv.has = t.UnixNano(), true
	}
	e, seen := x.codes.Upsert(code)
	switch {
	case !seen:
		// The code is copied into the table's arena: a decoder's code may be a substring of its whole
		// record, which the index must not keep.
		set(e, nv)
	case newer(nv, get(e)):
		set(e, nv)
	}
}

// newer reports whether version a (added after b) replaces b: by update time when both carry one and
// they differ, else by input order (a is later).
func newer(a, b version) bool {
	if a.has && b.has && a.at != b.at {
		return a.at > b.at
	}
	return a.ord > b.ord
}

// Winner reports whether the record of ordinal ord (as numbered by Add) with code code is the version
// kept. Records without a code are always kept; a code never added is kept (it has no rival). Safe for
// concurrent use once pass 1 is over. Cost: one hash-table lookup, no allocation.
func (x *Index) Winner(code string, ord int64) bool {
	if code == "" {
		return true
	}
	e := x.codes.Find(code)
	return e == nil || e.Val.ord == ord
}

// Records returns the number of records added in pass 1.
func (x *Index) Records() int64 { return x.n }

// Distinct returns the number of dossiers kept: distinct codes plus records without a code.
func (x *Index) Distinct() int64 { return x.codes.Len() + x.nocode }

// Superseded returns the number of records replaced by a later version: Records − Distinct.
func (x *Index) Superseded() int64 { return x.n - x.Distinct() }

// Latest runs pass 1 over dossiers at once and returns pass 2: a sequence of the winning versions in
// input order, and the index (for its counts). dossiers is ranged over twice (now, and at every range
// of the returned sequence), so it must yield the same records in the same order each time — a
// generator or a file decoder that re-reads its file; a one-shot stream (a channel, a network body) must
// be spooled by the caller first. Cost: two passes; memory O(distinct codes).
func Latest(dossiers iter.Seq[model.Dossier], p Policy) (iter.Seq[model.Dossier], *Index) {
	x := NewIndex(p)
	for d := range dossiers {
		x.Add(&d) // d stays on the stack (Policy.VersionOf)
	}
	return x.Filter(dossiers), x
}

// Filter returns pass 2 over dossiers: the records Winner keeps, numbering them as Add did (the i-th
// record has ordinal i). dossiers must yield the records of pass 1 in the same order.
func (x *Index) Filter(dossiers iter.Seq[model.Dossier]) iter.Seq[model.Dossier] {
	return func(yield func(model.Dossier) bool) {
		var ord int64
		for d := range dossiers {
			keep := x.Winner(d.Code, ord)
			ord++
			if keep && !yield(d) {
				return
			}
		}
	}
}
