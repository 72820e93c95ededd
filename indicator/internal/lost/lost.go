// Package lost is the scorecard pass's sink of the dossier verdicts that lose points (in a scored metric's
// denominator, not in its numerator): per unit × metric × reason a count and the smallest example codes.
//
// The calculators hand a Sink each lost verdict with the index of its reason in their own reason table
// (Accumulator.AddLost), so that the common case — a unit, metric and reason already seen — is a few
// slice loads, a count and at most one code comparison, inline in the calculator, without the call through
// a func value and the search by reason string of an indicator.Note. The first verdict of a unit, metric
// and reason index goes to the Sink's Miss function, which counts it and returns its Entry for the index.
package lost

import (
	"strings"

	"github.com/vn-dvc/chiso766/indicator"
)

// MaxReason bounds a calculator's reason index: indexes at or above it are counted through Miss every time.
const MaxReason = 64

// Entry counts the records of one unit × metric × reason that are in the metric's denominator but not in
// its numerator, with the smallest few record codes as examples.
type Entry struct {
	Reason indicator.Reason
	// Last is Codes[len(Codes)-1] ("" while none is kept), next to the reason and count: the common
	// comparison of the pass reads no other memory of the entry.
	Last  string
	Count int64
	Codes []string // ascending, distinct, len ≤ k, cap k
}

// NewEntry returns an empty entry of reason r keeping up to k example codes. Cost: one allocation of k
// codes.
func NewEntry(r indicator.Reason, k int) *Entry {
	return &Entry{Reason: r, Codes: make([]string, 0, max(k, 0))}
}

// Offer keeps code if it is among the k smallest codes seen; an empty code (a record without one) is
// counted but never kept. The common case, a full entry and a code not below its largest example, is one
// string comparison, inline; the others go to offer. No allocation: Codes has capacity k.
func (le *Entry) Offer(code string, k int) {
	if len(le.Codes) == k && code >= le.Last {
		return
	}
	le.offer(code, k)
}

// offer is Offer's general case: a code at or above the largest kept one is dropped (or appended while
// fewer than k are kept); a smaller one goes to insert.
func (le *Entry) offer(code string, k int) {
	n := len(le.Codes)
	if k <= 0 || code == "" {
		return
	}
	if n > 0 {
		if c := strings.Compare(code, le.Last); c >= 0 {
			if c > 0 && n < k {
				le.Codes, le.Last = append(le.Codes, code), code
			}
			return
		}
	}
	le.insert(code, k)
}

// insert places code, non-empty and below the largest kept code (or with none kept), among the kept ones
// by a binary search of three-way comparisons that stops at an equal code, dropping the largest when k are
// kept.
func (le *Entry) insert(code string, k int) {
	n := len(le.Codes)
	lo, hi := 0, max(n-1, 0)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		switch c := strings.Compare(code, le.Codes[h]); {
		case c == 0:
			return
		case c > 0:
			lo = h + 1
		default:
			hi = h
		}
	}
	if n < k {
		le.Codes = append(le.Codes, "")
	}
	copy(le.Codes[lo+1:], le.Codes[lo:len(le.Codes)-1])
	le.Codes[lo] = code
	le.Last = le.Codes[len(le.Codes)-1]
}

// Sink receives a pass's lost dossier verdicts. The zero Sink drops them all. A Sink is not safe for
// concurrent use (a pass's Partial owns one).
type Sink struct {
	k int
	// lose[id]: metric id is scored, for every value of an ID's byte (false beyond the catalogue).
	lose [256]bool
	// slots[u*NumIDs+id] indexes the entries of unit u (the pass's indicator.Keys unit index) and metric
	// id: one flat table, so that a verdict reads one slot, its entry and the entry's largest example.
	slots []slot
	// miss counts a verdict the index does not hold and returns its entry to be indexed (nil: not to be,
	// e.g. a unit outside the Keys).
	miss func(c *indicator.Case, id indicator.ID, r indicator.Reason) *Entry
	// note, when not nil, receives every lost verdict instead (FailingRecords' form).
	note indicator.Note
}

// slot indexes one unit's entries of one metric by reason index: the first reason seen inline (most
// metrics lose points for one reason at a unit, or mostly one), the others in more.
type slot struct {
	first *Entry
	more  *[]*Entry // by reason index; nil: none yet
	ri    uint8     // first's reason index + 1; 0: no entry yet
}

// New returns a Sink keeping k examples, for the metrics scored[id], with numUnits units in the pass's
// Keys; miss counts a verdict not yet indexed (see Sink.miss). Cost: O(numUnits × metrics), 24 bytes
// per unit and metric.
func New(k int, scored *[indicator.NumIDs]bool, numUnits int, miss func(c *indicator.Case, id indicator.ID, r indicator.Reason) *Entry) *Sink {
	s := &Sink{k: k, slots: make([]slot, numUnits*indicator.NumIDs), miss: miss}
	for id, ok := range scored {
		s.lose[id] = ok && indicator.ID(id).Valid()
	}
	return s
}

// NewNote returns a Sink that hands every lost verdict to note as an indicator.Verdict (in the
// denominator, not in the numerator), whether its metric is scored or not.
func NewNote(note indicator.Note) *Sink {
	s := &Sink{note: note}
	for id := range s.lose {
		s.lose[id] = true
	}
	return s
}

// Lost counts c's dossier as lost for metric id with reason r, whose index in the calling calculator's
// reason table is ri (a calculator always gives the same r for the same metric and ri). A metric that is
// not scored is ignored. Cost, once the unit, metric and reason have been seen: slice loads, a count and
// Offer; else Miss. No allocation once seen.
func (s *Sink) Lost(c *indicator.Case, id indicator.ID, ri uint8, r indicator.Reason) {
	if s.lose[id] { // inline in the calculator: an unscored metric costs a test
		s.lost(c, id, ri, r)
	}
}

// lost is Lost for a scored metric.
func (s *Sink) lost(c *indicator.Case, id indicator.ID, ri uint8, r indicator.Reason) {
	if i := uint(c.Ref.Unit())*uint(indicator.NumIDs) + uint(id); i < uint(len(s.slots)) && int(id) < indicator.NumIDs {
		sl := &s.slots[i]
		le := sl.first
		if sl.ri != ri+1 {
			le = nil
			if m := sl.more; m != nil && uint(ri) < uint(len(*m)) {
				le = (*m)[ri]
			}
		}
		if le != nil && c.Dossier != nil {
			le.Count++
			// Offer, with a full entry's code below its largest example going straight to insert.
			code := c.Dossier.Code
			if len(le.Codes) != s.k {
				le.offer(code, s.k)
			} else if code < le.Last && code != "" {
				le.insert(code, s.k)
			}
			return
		}
	}
	s.slow(c, id, ri, r)
}

// slow counts a verdict through miss (or hands it to note) and indexes the entry miss returns.
func (s *Sink) slow(c *indicator.Case, id indicator.ID, ri uint8, r indicator.Reason) {
	if s.note != nil {
		s.note(c, indicator.Verdict{Metric: id, InDenominator: true, Reason: r})
		return
	}
	if s.miss == nil {
		return
	}
	le := s.miss(c, id, r)
	ui := uint(c.Ref.Unit())
	if le == nil || ri >= MaxReason || ui >= uint(len(s.slots)/indicator.NumIDs) || int(id) >= indicator.NumIDs {
		return
	}
	sl := &s.slots[ui*uint(indicator.NumIDs)+uint(id)]
	if sl.ri == 0 {
		sl.first, sl.ri = le, ri+1
		return
	}
	if sl.more == nil {
		sl.more = new([]*Entry)
	}
	if m := sl.more; int(ri) >= len(*m) {
		*m = append(*m, make([]*Entry, int(ri)+1-len(*m))...)
	}
	(*sl.more)[ri] = le
}
