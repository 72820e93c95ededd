package scorecard

import (
	"slices"
	"strings"

	"github.com/vn-dvc/chiso766/indicator"
)

// lostEntry counts the records of one unit × metric × reason that are in the metric's denominator but not
// in its numerator, with the smallest few record codes as examples.
type lostEntry struct {
	reason indicator.Reason
	count  int64
	codes  []string // ascending, distinct, len ≤ k, cap k
}

// offer keeps code if it is among the k smallest codes seen; an empty code (a record without one) is
// counted but never kept. The common cases cost one string comparison: a code not below the largest
// kept one is dropped (or appended while fewer than k are kept). No allocation: codes has capacity k.
func (le *lostEntry) offer(code string, k int) {
	n := len(le.codes)
	if k == 0 || code == "" {
		return
	}
	if n > 0 {
		switch c := strings.Compare(code, le.codes[n-1]); {
		case c == 0:
			return
		case c > 0:
			if n < k {
				le.codes = append(le.codes, code)
			}
			return
		}
	}
	i, found := slices.BinarySearch(le.codes, code)
	if found {
		return
	}
	if n < k {
		le.codes = append(le.codes, "")
	}
	copy(le.codes[i+1:], le.codes[i:len(le.codes)-1])
	le.codes[i] = code
}

// unitLost is the explanations of one unit: per metric, the reasons of its lost records.
type unitLost struct {
	metrics [indicator.NumIDs][]lostEntry
}

func (u *unitLost) entry(id indicator.ID, r indicator.Reason, k int) *lostEntry {
	es := u.metrics[id]
	for i := range es {
		if es[i].reason == r {
			return &es[i]
		}
	}
	u.metrics[id] = append(es, lostEntry{reason: r, codes: make([]string, 0, k)})
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
	units  map[string]*unitLost
	// byRef caches units' entries of the map by indicator.Keys unit index (the scorer's Keys), so the
	// hot path indexes a slice instead of hashing the unit id.
	byRef []*unitLost

	lastUnit string
	last     *unitLost
}

func newExplainer(k int, scored *[indicator.NumIDs]bool, numUnits int) explainer {
	return explainer{k: k, scored: scored, units: make(map[string]*unitLost), byRef: make([]*unitLost, numUnits)}
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

// noteCase is the pass's indicator.Note: it counts a dossier's lost verdict under its unit and reason,
// with the dossier code as a candidate example. No allocation once the unit and its reasons have been
// seen.
func (e *explainer) noteCase(c *indicator.Case, v indicator.Verdict) {
	if !e.lost(&v) || c.Dossier == nil {
		return
	}
	le := e.unitRef(c.Ref.Unit(), c.Dossier.UnitID).entry(v.Metric, v.Reason, e.k)
	le.count++
	le.offer(c.Dossier.Code, e.k)
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
