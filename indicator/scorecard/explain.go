package scorecard

import (
	"strings"

	"github.com/vn-dvc/chiso766/indicator"
)

// lostEntry counts the records of one unit × metric × reason that are in the metric's denominator but not
// in its numerator, with the smallest few record codes as examples.
type lostEntry struct {
	reason indicator.Reason
	// last is codes[len(codes)-1] ("" while none is kept), next to the reason and count: the common
	// comparison of the pass reads no other memory of the entry.
	last  string
	count int64
	codes []string // ascending, distinct, len ≤ k, cap k
}

// offer keeps code if it is among the k smallest codes seen; an empty code (a record without one) is
// counted but never kept. The common cases cost one string comparison: a code not below the largest kept
// one is dropped (or appended while fewer than k are kept); a smaller one goes to insert. No allocation:
// codes has capacity k.
func (le *lostEntry) offer(code string, k int) {
	n := len(le.codes)
	if k == 0 || code == "" {
		return
	}
	if n > 0 {
		if c := strings.Compare(code, le.last); c >= 0 {
			if c > 0 && n < k {
				le.codes, le.last = append(le.codes, code), code
			}
			return
		}
	}
	le.insert(code, k)
}

// insert places code, non-empty and below the largest kept code (or with none kept), among the kept
// ones by a binary search of three-way comparisons that stops at an equal code, dropping the largest when
// k are kept.
func (le *lostEntry) insert(code string, k int) {
	n := len(le.codes)
	lo, hi := 0, max(n-1, 0)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		switch c := strings.Compare(code, le.codes[h]); {
		case c == 0:
			return
		case c > 0:
			lo = h + 1
		default:
			hi = h
		}
	}
	if n < k {
		le.codes = append(le.codes, "")
	}
	copy(le.codes[lo+1:], le.codes[lo:len(le.codes)-1])
	le.codes[lo] = code
	le.last = le.codes[len(le.codes)-1]
}

// unitLost is the explanations of one unit: per metric, the reasons of its lost records.
type unitLost struct {
	metrics [indicator.NumIDs][]lostEntry
}

func (u *unitLost) entry(id indicator.ID, r indicator.Reason, k int) *lostEntry {
	if le := u.find(id, r); le != nil {
		return le
	}
	return u.newEntry(id, r, k)
}

// find returns metric id's entry of reason r, or nil.
func (u *unitLost) find(id indicator.ID, r indicator.Reason) *lostEntry {
	es := u.metrics[id]
	for i := range es {
		if es[i].reason == r {
			return &es[i]
		}
	}
	return nil
}

// newEntry appends an entry of reason r to metric id's. Cost: one allocation of k codes (and of the
// metric's entries as they grow); kept out of line, away from the pass's hot path.
//
//go:noinline
func (u *unitLost) newEntry(id indicator.ID, r indicator.Reason, k int) *lostEntry {
	u.metrics[id] = append(u.metrics[id], lostEntry{reason: r, codes: make([]string, 0, k)})
	return &u.metrics[id][len(u.metrics[id])-1]
}

// add counts n lost records of reason r with the given example codes (already sorted).
func (u *unitLost) add(id indicator.ID, r indicator.Reason, n int64, codes []string, k int) {
	if n <= 0 {
		return
	}
	e := u.entry(id, r, k)
	e.count += n
	for _, c := range codes {
		e.offer(c, k)
	}
}

func (u *unitLost) merge(v *unitLost, k int) {
	for id := range v.metrics {
		for i := range v.metrics[id] {
			ve := &v.metrics[id][i]
			u.add(indicator.ID(id), ve.reason, ve.count, ve.codes, k)
		}
	}
}

// explainer is the explanation part of a Partial.
type explainer struct {
	k      int
	scored *[indicator.NumIDs]bool
	// lose[id] is scored[id] for every value of an ID's byte (false beyond the catalogue), so the pass's
	// Note tests a verdict without a bounds check.
	lose  [256]bool
	units map[string]*unitLost
	// byRef caches units' entries of the map by indicator.Keys unit index (the scorer's Keys), so the
	// hot path indexes a slice instead of hashing the unit id.
	byRef []*unitLost

	lastUnit string
	last     *unitLost
}

func newExplainer(k int, scored *[indicator.NumIDs]bool, numUnits int) explainer {
	e := explainer{k: k, scored: scored, units: make(map[string]*unitLost), byRef: make([]*unitLost, numUnits)}
	for id, ok := range scored {
		e.lose[id] = ok && indicator.ID(id).Valid()
	}
	return e
}

// unitRef is unit(id) for a unit whose Keys index is ui (-1 or out of range: by id).
func (e *explainer) unitRef(ui int32, id string) *unitLost {
	if ui < 0 || int(ui) >= len(e.byRef) {
		return e.unit(id)
	}
	if u := e.byRef[ui]; u != nil {
		return u
	}
	u := e.unit(id)
	e.byRef[ui] = u
	return u
}

func (e *explainer) unit(id string) *unitLost {
	if e.last != nil && id == e.lastUnit {
		return e.last
	}
	u := e.units[id]
	if u == nil {
		u = new(unitLost)
		e.units[id] = u
	}
	e.lastUnit, e.last = id, u
	return u
}

// lost reports whether a verdict loses points: in the denominator, not in the numerator, of a scored
// metric.
func (e *explainer) lost(v *indicator.Verdict) bool {
	return v.InDenominator && !v.InNumerator && v.Metric.Valid() && e.scored[v.Metric]
}

// note returns the pass's indicator.Note, noteCase as a closure. The pass hands it the verdicts that lose
// points (AddLost), about four per dossier, so the common case is inline: the unit by the Case's Keys index,
// the metric's entry of that reason, its count and, when the entry is full, one comparison of the dossier
// code with the largest kept example. A unit or reason seen for the first time, an unresolved unit and a
// code that enters the examples go out of line (lostCase, offer). No allocation once the unit and its
// reasons have been seen.
func (e *explainer) note() indicator.Note {
	return func(c *indicator.Case, v indicator.Verdict) {
		if !v.InDenominator || v.InNumerator || !e.lose[v.Metric] {
			return
		}
		var u *unitLost
		if ui := c.Ref.Unit(); uint(ui) < uint(len(e.byRef)) {
			u = e.byRef[ui]
		}
		if d := c.Dossier; u != nil && d != nil {
			es := u.metrics[v.Metric]
			for i := range es {
				if le := &es[i]; le.reason == v.Reason {
					le.count++
					// offer, with its one comparison inline
					n, code := len(le.codes), d.Code
					if n > 0 && code != "" {
						if c := strings.Compare(code, le.last); c > 0 && n < e.k {
							le.codes, le.last = append(le.codes, code), code
						} else if c < 0 {
							le.insert(code, e.k)
						}
						return
					}
					le.offer(code, e.k)
					return
				}
			}
		}
		e.lostCase(c, v.Metric, v.Reason)
	}
}

// noteCase counts a dossier's lost verdict under its unit and reason, with the dossier code as a
// candidate example; verdicts that lose no points are ignored. No allocation once the unit and its
// reasons have been seen.
func (e *explainer) noteCase(c *indicator.Case, v indicator.Verdict) {
	if e.lost(&v) {
		e.lostCase(c, v.Metric, v.Reason)
	}
}

// lostCase counts c's dossier as lost for metric id with reason r, and offers its code as an example.
// Cost: the unit by its Keys index, a scan of the metric's reasons and, in the common case of a full
// entry, one string comparison; the first verdict of a unit or reason goes through newEntry.
func (e *explainer) lostCase(c *indicator.Case, id indicator.ID, r indicator.Reason) {
	d := c.Dossier
	if d == nil {
		return
	}
	var u *unitLost
	if ui := c.Ref.Unit(); uint(ui) < uint(len(e.byRef)) && e.byRef[ui] != nil {
		u = e.byRef[ui]
	} else {
		u = e.unitRef(ui, d.UnitID)
	}
	le := u.find(id, r)
	if le == nil {
		le = u.newEntry(id, r, e.k)
	}
	le.count++
	// offer, with its one comparison inline: the common case is a full entry and a code above its
	// examples.
	n, code := len(le.codes), d.Code
	if code == "" || e.k == 0 {
		return
	}
	if n > 0 {
		if c := strings.Compare(code, le.last); c >= 0 {
			if c > 0 && n < e.k {
				le.codes, le.last = append(le.codes, code), code
			}
			return
		}
	}
	le.insert(code, e.k)
}

// noteRecord is noteCase for a record that is not a dossier (a petition, a procedure, an offering; the
// indicator.Scope.Note of Finish): records without a unit are not explained.
func (e *explainer) noteRecord(_ indicator.RecordKind, unit, code string, v indicator.Verdict) {
	if unit == "" || !e.lost(&v) {
		return
	}
	e.unit(unit).add(v.Metric, v.Reason, 1, []string{code}, e.k)
}

func (e *explainer) merge(f *explainer) {
	for id, v := range f.units {
		e.unit(id).merge(v, e.k)
	}
}
