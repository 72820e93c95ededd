package satisfaction

import (
	"math/bits"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// ClassifyRef is Classify for a dossier whose unit was already resolved by the Keys of Options
// (r == Options.Keys.Ref(d.UnitID, d.ProcedureCode); only r.Unit is used). It returns exactly Classify(d);
// the Ref only tells Accumulator.Add where the unit's counts are, so that Add hashes no string. When the
// Ref's unit index is -1 or out of range of the Keys, the unit id is looked up in the Keys (one map
// lookup, only for a counted dossier); a Ref made by another Keys gives wrong per-unit counts. Pure, safe for concurrent use (if
// Timeliness is), no allocation beyond Timeliness's own. Cost: one Timeliness call, and per code and
// alias one probe of a small bit filter of the rating and complaint codes — a map lookup only when the
// filter says the code may be marked (every marked code, and about 1–2 % of the others).
func (c *Calculator) ClassifyRef(d *model.Dossier, r indicator.Ref) (v DossierVerdict) {
	c.classify(d, r, &v)
	return v
}

// classify is ClassifyRef writing into *v (zero on entry), so that the inlined ClassifyRef builds the
// verdict in its caller's frame instead of copying it.
//
// v must be the zero DossierVerdict on entry.
func (c *Calculator) classify(d *model.Dossier, r indicator.Ref, v *DossierVerdict) {
	if d == nil {
		v.Metric.Metric, v.keys, v.slot = indicator.M53, c.keys, -1
		v.set(rsnNilRecord)
		return
	}
	if d.UnitID == "" {
		v.Unit, v.Code, v.Metric.Metric, v.keys, v.slot = d.UnitID, d.Code, indicator.M53, c.keys, -1
		v.set(rsnNoUnit)
		return
	}
	slot := r.Unit
	if uint32(slot) >= c.numUnits {
		slot = c.unitIndex(d.UnitID)
	}
	// Written first as for a satisfied dossier, the usual outcome, so that these stores have completed by
	// the time the caller copies the verdict (a copy reading fields stored just before stalls); the other
	// outcomes overwrite what differs.
	// (Field by field: a composite literal would be built aside and copied, stalling the same way.)
	v.Unit, v.Code, v.Reason, v.Counted = d.UnitID, d.Code, ReasonDossierSatisfied, true
	v.Metric.Metric, v.Metric.InDenominator, v.Metric.InNumerator = indicator.M53, true, true
	v.Metric.Reason, v.keys, v.slot, v.rsn = ReasonDossierSatisfied, c.keys, slot, rsnSatisfied
	counted, late := c.timeliness(d)
	if !counted {
		v.Counted, v.Metric.InDenominator, v.Metric.InNumerator = false, false, false
		v.set(rsnNotProcessed)
		return
	}
	var m uint8
	if c.filter != nil {
		m = c.mark(d.Code)
		for _, a := range d.Aliases {
			m |= c.mark(a)
		}
	}
	if m == 0 && !late {
		return
	}
	v.Late, v.Disliked, v.Complaint = late, m&markDisliked != 0, m&markComplaint != 0
	v.Metric.InNumerator = false
	switch {
	case v.Disliked:
		v.set(rsnDisliked)
	case v.Complaint:
		v.set(rsnComplaint)
	default:
		v.set(rsnLate)
	}
}

// Dossier reasons as small indexes (rsn*), so that Accumulator.Add counts a verdict's ledger reason in an
// array instead of comparing reason strings. 0 means "not set by ClassifyRef".
const (
	rsnSatisfied uint8 = 1 + iota
	rsnDisliked
	rsnComplaint
	rsnLate
	rsnNotProcessed
	rsnNoUnit
	rsnNilRecord
	numRsn
)

// dossierReasons maps a reason index to its code; dossierCounted says whether it is a counted reason.
var (
	dossierReasons = [numRsn]indicator.Reason{"", ReasonDossierSatisfied, ReasonDossierDisliked,
		ReasonDossierComplaint, ReasonDossierLate, ReasonDossierNotProcessed, ReasonDossierNoUnit, ReasonDossierNilRecord}
	dossierCounted = [numRsn]bool{false, true, true, true, true, false, false, false}
)

// set sets the reason (ledger and 5.3 verdict) and its index; the cases store constants.
func (v *DossierVerdict) set(i uint8) {
	var r indicator.Reason
	switch i {
	case rsnSatisfied:
		r = ReasonDossierSatisfied
	case rsnDisliked:
		r = ReasonDossierDisliked
	case rsnComplaint:
		r = ReasonDossierComplaint
	case rsnLate:
		r = ReasonDossierLate
	case rsnNotProcessed:
		r = ReasonDossierNotProcessed
	case rsnNilRecord:
		r = ReasonDossierNilRecord
	default:
		r = ReasonDossierNoUnit
	}
	v.rsn, v.Reason, v.Metric.Reason = i, r, r
}

// ---- the mark filter ----
//
// marks holds the dossier codes with a dislike or a complaint; almost every dossier has neither. filter is
// a blocked Bloom filter over marks' keys: one 64-bit word per probe, two bits per code (both set for every
// key of marks, so a code whose bits are not both set is certainly not in marks — the answer stays exact,
// the table of marked codes is only probed on a hit). 16 bits per key: about 1.5 % of unmarked codes hit.

// filterBitsPerKey sizes the filter (rounded up to a power of two words).
const filterBitsPerKey = 16

// buildFilter fills c.filter, c.shift and c.markTab from c.marks; filter is nil when marks is empty.
func (c *Calculator) buildFilter() {
	c.markTab = newStrTable(len(c.marks))
	if len(c.marks) == 0 {
		c.filter, c.shift = nil, 64
		return
	}
	words, lg := 1, 0
	for words*64 < filterBitsPerKey*len(c.marks) {
		words, lg = words*2, lg+1
	}
	c.filter, c.shift = make([]uint64, words), uint(64-lg)
	for code, m := range c.marks {
		h := codeHash(code)
		c.filter[h>>c.shift] |= filterBits(h)
		if code != "" {
			c.markTab.put(code, int32(m))
		}
	}
}

func filterBits(h uint64) uint64 { return 1<<(h&63) | 1<<(h>>6&63) }

// mark returns the marks of one code (exactly c.marks[code]): a filter probe, then on a hit the table of
// marked codes, probed with the same hash.
func (c *Calculator) mark(code string) uint8 {
	h := codeHash(code)
	b := filterBits(h)
	if c.filter[h>>c.shift]&b != b {
		return 0
	}
	if code == "" {
		return c.marks[""] // a rating of a blank code (" ") marks dossiers without a code
	}
	m, _ := c.markTab.find(code, h)
	return uint8(m)
}

// codeHash hashes a whole code, eight bytes at a time (the last block overlapping the one before), so that
// codes sharing a prefix ("{unit id}-{yyMMdd}-") or a suffix (the day's sequence number) spread over the
// filter. Deterministic; no allocation.
func codeHash(s string) uint64 {
	const (
		m1 = 0x9e3779b97f4a7c15
		m2 = 0xbf58476d1ce4e5b9
		m3 = 0x94d049bb133111eb
	)
	n := len(s)
	h := uint64(n) * m1
	if n < 8 {
		var w uint64
		for i := 0; i < n; i++ {
			w |= uint64(s[i]) << (8 * i)
		}
		h ^= w * m2
	} else {
		// The first and last words (overlapping when n < 16) and the words between, independently
		// multiplied: the only loop-carried work is a xor and a rotation.
		h ^= le64(s)*m2 ^ bits.RotateLeft64(le64(s[n-8:])*m3, 31)
		for i := 8; i < n-8; i += 8 {
			h = bits.RotateLeft64(h^le64(s[i:])*m2, 27)
		}
	}
	h ^= h >> 31
	h *= m1
	return h ^ h>>29
}

// le64 reads s[0:8] as a little-endian word (compiled to one load).
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// strTable is an immutable open-addressing table from non-empty strings to int32, keyed by codeHash. New
// builds two: the Keys' unit ids → indexes (Classify resolves a dossier's unit with one codeHash and
// usually one string comparison, cheaper than the Keys' map; the scorecard's path, ClassifyRef with a
// known Ref, does not use it) and the marked dossier codes → marks (probed with the hash the filter has
// already computed, instead of hashing the code again for the marks map).
type strTable struct {
	slots []strSlot // a power of two ≥ 2 × keys; key "" marks an empty slot
	shift uint
}

type strSlot struct {
	key string
	val int32
}

// newStrTable builds a table for n keys; put adds each key once (empty keys are not allowed).
func newStrTable(n int) strTable {
	size, lg := 1, 0
	for size < 2*n {
		size, lg = size*2, lg+1
	}
	return strTable{slots: make([]strSlot, size), shift: uint(64 - lg)}
}

func (t *strTable) put(key string, val int32) {
	mask := uint64(len(t.slots) - 1)
	j := codeHash(key) >> t.shift
	for t.slots[j].key != "" {
		j = (j + 1) & mask
	}
	t.slots[j] = strSlot{key: key, val: val}
}

// find returns the value of key, whose codeHash is h, and whether it is present. An empty key is never
// present.
func (t *strTable) find(key string, h uint64) (int32, bool) {
	if key == "" {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for j := h >> t.shift; ; j = (j + 1) & mask {
		s := &t.slots[j]
		if s.key == key {
			return s.val, true
		}
		if s.key == "" {
			return 0, false
		}
	}
}

func newUnitTable(k *indicator.Keys) strTable {
	t := newStrTable(k.NumUnits())
	for i := range int32(k.NumUnits()) {
		t.put(k.UnitID(i), i)
	}
	return t
}

// unitIndex returns the index of a unit id in the Keys, or -1.
func (c *Calculator) unitIndex(id string) int32 {
	if i, ok := c.units.find(id, codeHash(id)); ok {
		return i
	}
	return -1
}
