package online

import (
	"slices"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// Accumulator is the partial state of one pass over some of the dossiers: per-unit 3.3 counts, per unit
// and online service a "received an online dossier" flag, and the ledger. Memory is O(offerings), never
// O(dossiers). Accumulators of disjoint slices of one stream merge into the single-pass state. Not safe
// for concurrent use: give each goroutine its own and Merge them.
type Accumulator struct {
	c       *Calculator
	units   offer.Units   // Known indexed like c.units (Count: 3.3, Flags: per 3.2 service, 1 = online dossier); Other: units without offerings
	reasons offer.Reasons // by reason index for verdicts made by Classify, by string for others
}

// NewAccumulator returns an empty accumulator for c's verdicts. Cost: O(offerings).
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, units: offer.NewUnits(len(c.units), func(i int) int { return len(c.units[i].services) })}
}

// Add records one verdict: one ledger entry, and for a counted dossier its 3.3 counts and its service's 3.2
// flag. Verdicts of another Calculator, or built by hand, are re-indexed by unit and procedure code. Hot
// path: no allocation once the unit has been seen.
func (a *Accumulator) Add(v Verdict) { a.add(&v) }

// AddRef classifies d with the accumulator's Calculator and adds the verdict: the same state as
// a.Add(c.ClassifyRef(d, r)), without copying the Verdict out of ClassifyRef and into Add. It is the
// tally-only hot path (the scorecard's when it does not explain lost points); call ClassifyRef and Add
// when the Verdict itself is needed. r is a Ref of the Calculator's Keys, as for ClassifyRef. Cost: as
// ClassifyRef plus Add; no allocation once the unit has been seen. A nil d is counted as ReasonNilRecord,
// as Add(Classify(nil)) would be.
func (a *Accumulator) AddRef(d *model.Dossier, r indicator.Ref) {
	var v Verdict
	a.c.classify(d, r, &v)
	a.add(&v)
}

func (a *Accumulator) add(v *Verdict) {
	if v.calc != a.c {
		v.unit, v.service = a.c.index(v.UnitID, v.ProcedureCode, v.Online)
		v.calc = a.c
	}
	a.reasons.Add(v.reason, v.Reason, v.Counted)
	if !v.Counted {
		return
	}
	u := a.units.At(v.unit, v.UnitID)
	u.Count.Den++
	if v.InNumerator {
		u.Count.Num++
	}
	if v.service >= 0 && int(v.service) < len(u.Flags) {
		u.Flags[v.service] = 1
	}
}

// Merge adds b's state into a (b is unchanged). Associative and commutative; merging the accumulators of a
// split stream gives the single-pass Result. When b comes from another Calculator, units and services are
// matched by code, and flags of services a's Calculator does not count are dropped. Merging a into itself
// doubles its counts. Cost: O(offerings).
func (a *Accumulator) Merge(b *Accumulator) {
	if b == nil {
		return
	}
	a.reasons.Merge(&b.reasons)
	a.units.Merge(&b.units, a.c == b.c, func(i int) string { return b.c.units[i].id }, a.c.idx.UnitSlot,
		func(i, j int) (int32, int32) {
			info := &b.c.units[i]
			return a.c.index(info.id, info.procs[info.services[j]].Code, true)
		})
}

// Result is the outcome of a pass.
//
// Units holds one Tally per unit that has an offering in force or a counted dossier: Counts[M31] with
// PartialOnline, FullOnline and FullOnlineEligible, Counts[M32] and Counts[M33]. Ledger accounts for every
// dossier read (Read == Counted + Excluded); Catalogue for every procedure and offering record of Options.
// Procedures lists, per unit, the procedures under its authority sorted by code: the records behind 3.1
// and 3.2.
type Result struct {
	Units      map[string]indicator.Tally
	Ledger     indicator.Ledger
	Catalogue  indicator.Ledger
	Procedures map[string][]ProcedureStatus
}

// Result returns the tallies so far. It does not modify the accumulator and can be called repeatedly.
// Cost: O(offerings), allocates the maps and the procedure lists.
func (a *Accumulator) Result() Result {
	r := Result{
		Units:      make(map[string]indicator.Tally, len(a.units.Known)+len(a.units.Other)),
		Ledger:     a.reasons.Ledger(dossierReasons[:], reasonCounted),
		Catalogue:  a.c.catalogue.Clone(),
		Procedures: make(map[string][]ProcedureStatus, len(a.units.Known)),
	}
	for i := range a.units.Known {
		u := &a.units.Known[i]
		info := &a.c.units[i]
		ps := slices.Clone(info.procs)
		for j, f := range u.Flags {
			ps[info.services[j]].OnlineDossier = f != 0
		}
		t := tallyOf(ps)
		t.Counts[indicator.M33] = u.Count
		r.Units[info.id] = t
		r.Procedures[info.id] = ps
	}
	for id, u := range a.units.Other {
		var t indicator.Tally
		t.Counts[indicator.M33] = u.Count
		r.Units[id] = t
	}
	return r
}

// tallyOf counts 3.1 and 3.2 over one unit's procedures.
func tallyOf(ps []ProcedureStatus) indicator.Tally {
	var t indicator.Tally
	t.Counts[indicator.M31].Den = int64(len(ps))
	for _, p := range ps {
		switch p.Level {
		case model.OnlinePartial:
			t.PartialOnline++
		case model.OnlineFull:
			t.FullOnline++
		}
		if p.FullOnlineEligible || p.Level == model.OnlineFull { // offered in full ⇒ eligible
			t.FullOnlineEligible++
		}
		if p.Service {
			t.Counts[indicator.M32].Den++
			if p.OnlineDossier {
				t.Counts[indicator.M32].Num++
			}
		}
	}
	t.Counts[indicator.M31].Num = t.PartialOnline + t.FullOnline
	return t
}

// UnitIDs returns the result's unit ids, sorted. Cost: O(units log units).
func (r Result) UnitIDs() []string { return offer.SortedIDs(r.Units) }

// Pool returns the tally of a set of units taken together (a parent and its sub-units). 3.2 and 3.3 are
// summed (3.2's services are per applying unit). 3.1 counts each procedure code once at the highest level
// any of the units offers it ("a procedure offered at both levels counts once at the higher"), so a
// procedure offered by a department and a commune is one procedure of the province; PartialOnline,
// FullOnline and FullOnlineEligible follow. Unknown and repeated ids are ignored. Whether the portal's
// parent rows count 3.1 this way is [Open]: only the province row publishes 3.1 inputs. Cost: O(Σ
// procedures of the units), allocates a set of codes.
func (r Result) Pool(ids []string) indicator.Tally {
	var t indicator.Tally
	best := make(map[string]ProcedureStatus)
	for id, u := range offer.Distinct(r.Units, ids) {
		for _, m := range []indicator.ID{indicator.M32, indicator.M33} {
			t.Counts[m].Num += u.Counts[m].Num
			t.Counts[m].Den += u.Counts[m].Den
		}
		for _, p := range r.Procedures[id] {
			q, ok := best[p.Code]
			if !ok || p.Level > q.Level {
				q.Level = p.Level
			}
			q.Code = p.Code
			q.FullOnlineEligible = q.FullOnlineEligible || p.FullOnlineEligible
			best[p.Code] = q
		}
	}
	ps := make([]ProcedureStatus, 0, len(best))
	for _, p := range best {
		p.Service = false // 3.2 is summed above, not recounted
		ps = append(ps, p)
	}
	pt := tallyOf(ps)
	t.Counts[indicator.M31] = pt.Counts[indicator.M31]
	t.PartialOnline, t.FullOnline, t.FullOnlineEligible = pt.PartialOnline, pt.FullOnline, pt.FullOnlineEligible
	return t
}
