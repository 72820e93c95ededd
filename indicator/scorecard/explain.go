package scorecard

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/lost"
)

// lostEntry counts the records of one unit × metric × reason that are in the metric's denominator but not
// in its numerator, with the smallest few record codes as examples (Offer keeps them).
type lostEntry = lost.Entry

// unitLost is the explanations of one unit: per metric, the reasons of its lost records. Entries are
// pointers, held still as the slices grow, so that the pass's lost.Sink can index them.
type unitLost struct {
	metrics [indicator.NumIDs][]*lostEntry
}

func (u *unitLost) entry(id indicator.ID, r indicator.Reason, k int) *lostEntry {
	if le := u.find(id, r); le != nil {
		return le
	}
	return u.newEntry(id, r, k)
}

// find returns metric id's entry of reason r, or nil.
func (u *unitLost) find(id indicator.ID, r indicator.Reason) *lostEntry {
	for _, le := range u.metrics[id] {
		if le.Reason == r {
			return le
		}
	}
	return nil
}

// newEntry appends an entry of reason r to metric id's. Cost: two allocations (the entry and its k codes)
// and those of the metric's entries as they grow; kept out of line, away from the pass's hot path.
//
//go:noinline
func (u *unitLost) newEntry(id indicator.ID, r indicator.Reason, k int) *lostEntry {
	le := lost.NewEntry(r, k)
	u.metrics[id] = append(u.metrics[id], le)
	return le
}

// add counts n lost records of reason r with the given example codes (already sorted).
func (u *unitLost) add(id indicator.ID, r indicator.Reason, n int64, codes []string, k int) {
	if n <= 0 {
		return
	}
	e := u.entry(id, r, k)
	e.Count += n
	for _, c := range codes {
		e.Offer(c, k)
	}
}

func (u *unitLost) merge(v *unitLost, k int) {
	for id := range v.metrics {
		for _, ve := range v.metrics[id] {
			u.add(indicator.ID(id), ve.Reason, ve.Count, ve.Codes, k)
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

// sink returns the pass's lost.Sink over e: the calculators' AddLost count a verdict whose unit, metric
// and reason index have been seen in the entry the sink indexes, and the others through lostCase.
func (e *explainer) sink() *lost.Sink {
	return lost.New(e.k, e.scored, len(e.byRef), e.lostCase)
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

// note returns noteCase as an indicator.Note: the explanations of a calculator without AddLost.
func (e *explainer) note() indicator.Note { return e.noteCase }

// noteCase counts a dossier's lost verdict under its unit and reason, with the dossier code as a
// candidate example; verdicts that lose no points are ignored. No allocation once the unit and its
// reasons have been seen.
func (e *explainer) noteCase(c *indicator.Case, v indicator.Verdict) {
	if e.lost(&v) {
		e.lostCase(c, v.Metric, v.Reason)
	}
}

// lostCase counts c's dossier as lost for metric id with reason r, offers its code as an example and
// returns the entry (nil for a Case without a dossier). Cost: the unit by its Keys index (by id when not
// resolved), a scan of the metric's reasons and Offer; the first verdict of a unit or reason goes through
// newEntry.
func (e *explainer) lostCase(c *indicator.Case, id indicator.ID, r indicator.Reason) *lostEntry {
	d := c.Dossier
	if d == nil {
		return nil
	}
	u := e.unitRef(c.Ref.Unit(), d.UnitID)
	le := u.find(id, r)
	if le == nil {
		le = u.newEntry(id, r, e.k)
	}
	le.Count++
	le.Offer(d.Code, e.k)
	return le
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
