package payment

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// Procedure flags kept per unit and fee-bearing offered procedure.
const (
	flagDossier uint8 = 1 << iota // at least one dossier counted in 3.6
	flagPaid                      // at least one online-paid dossier (3.4)
	flagFeeData                   // at least one dossier carrying fee data (3.5)
)

// Accumulator is the partial state of one pass over some of the dossiers: per-unit 3.6 counts, per unit
// and fee-bearing offered procedure three flags, and the ledger. Memory is O(units × fee-bearing procedures),
// never O(dossiers). Accumulators of disjoint slices of one stream merge into the single-pass state. An
// Accumulator is not safe for concurrent use: give each goroutine its own and Merge them.
type Accumulator struct {
	c       *Calculator
	units   offer.Units   // Known indexed like c.units (Count: 3.6, Flags: per fee-bearing offered procedure); Other: units without an offering in force
	reasons offer.Reasons // by reason index for verdicts made by Classify, by string for others
}

// NewAccumulator returns an empty accumulator for c's verdicts. Cost: O(units × fee-bearing procedures).
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, units: offer.NewUnits(len(c.units), func(i int) int { return len(c.units[i].procs) })}
}

// Add records one verdict: one ledger entry, and for a counted dossier its 3.6 counts and the flags of its
// (unit, procedure). Verdicts of another Calculator, or built by hand, are re-indexed by unit and
// procedure code. Hot path: no allocation once the unit and reason have been seen.
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
		v.unit, v.proc = a.c.index(v.UnitID, v.ProcedureCode)
		v.calc = a.c
	}
	a.reasons.Add(v.reason, v.Reason, v.Counted)
	if !v.Counted {
		return
	}
	u := a.units.At(v.unit, v.UnitID)
	u.Count.Den++
	if v.PaidOnline {
		u.Count.Num++
	}
	if v.proc >= 0 && int(v.proc) < len(u.Flags) {
		f := flagDossier
		if v.PaidOnline {
			f |= flagPaid
		}
		if v.FeeData {
			f |= flagFeeData
		}
		u.Flags[v.proc] |= f
	}
}

// Merge adds b's state into a (b is unchanged). It is associative and commutative, and merging the
// accumulators of a split stream gives the single-pass Result. When b comes from another Calculator, units
// and procedures are matched by code, and flags of procedures a's Calculator does not count at that unit
// are dropped. Merging a into itself doubles its counts (flags are idempotent). Cost: O(units × fee-bearing
// procedures).
func (a *Accumulator) Merge(b *Accumulator) {
	if b == nil {
		return
	}
	a.reasons.Merge(&b.reasons)
	a.units.Merge(&b.units, a.c == b.c, func(i int) string { return b.c.units[i].id }, a.c.idx.UnitSlot,
		func(i, j int) (int32, int32) { return a.c.index(b.c.units[i].id, b.c.units[i].procs[j]) })
}

// ProcedureStatus is one fee-bearing procedure offered by a unit, and what the period's dossiers showed.
type ProcedureStatus struct {
	Code       string `json:"code"`
	Dossiers   bool   `json:"dossiers"`   // at least one dossier counted in 3.6
	PaidOnline bool   `json:"paidOnline"` // 3.4 numerator: at least one dossier paid online
	FeeData    bool   `json:"feeData"`    // 3.5 numerator: at least one dossier carrying fee data
}

// Result is the outcome of a pass.
//
// Units holds one Tally per unit that offers a procedure or received a counted dossier, with
// Counts[M36], Counts[M34], Counts[M35] and FeeProceduresWithDossiers. Ledger accounts for every dossier
// read (Read == Counted + Excluded); Catalogue for every procedure and offering record of Options (one
// reason each). Procedures lists, per unit, its fee-bearing offered procedures sorted by code: the
// records behind 3.4 and 3.5.
type Result struct {
	Units      map[string]indicator.Tally
	Ledger     indicator.Ledger
	Catalogue  indicator.Ledger
	Procedures map[string][]ProcedureStatus
}

// Result returns the tallies so far. It does not modify the accumulator; it can be called repeatedly.
// Cost: O(units × fee-bearing procedures), allocates the maps.
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
		var t indicator.Tally
		t.Counts[indicator.M36] = u.Count
		n := int64(len(info.procs))
		t.Counts[indicator.M34].Den = n
		t.Counts[indicator.M35].Den = n
		ps := make([]ProcedureStatus, len(info.procs))
		for j, f := range u.Flags {
			ps[j] = ProcedureStatus{Code: info.procs[j], Dossiers: f&flagDossier != 0, PaidOnline: f&flagPaid != 0, FeeData: f&flagFeeData != 0}
			if ps[j].PaidOnline {
				t.Counts[indicator.M34].Num++
			}
			if ps[j].FeeData {
				t.Counts[indicator.M35].Num++
			}
			if ps[j].Dossiers {
				t.FeeProceduresWithDossiers++
			}
		}
		r.Units[info.id] = t
		if len(ps) > 0 {
			r.Procedures[info.id] = ps
		}
	}
	for id, u := range a.units.Other {
		var t indicator.Tally
		t.Counts[indicator.M36] = u.Count
		r.Units[id] = t
	}
	return r
}

// UnitIDs returns the result's unit ids, sorted. Cost: O(units log units).
func (r Result) UnitIDs() []string { return offer.SortedIDs(r.Units) }

// Pool returns the tally of a set of units taken together (a parent and its sub-units), the way the
// portal's parent rows count group 3b: 3.6 counts are summed, while 3.4 and 3.5 count distinct procedure
// codes — a procedure offered by several of the units counts once in the denominator, and is in a
// numerator when any of the units' dossiers put it there (likewise FeeProceduresWithDossiers). The Phú Thọ
// 8/2026 fixtures show why a plain sum is wrong: the province row has 310 fee-bearing procedures while its
// sub-units' rows add up to 5281. Unknown ids and duplicates in ids are ignored. Cost: O(Σ procedures of the
// units), allocates a set of codes.
func (r Result) Pool(ids []string) indicator.Tally {
	var t indicator.Tally
	procs := make(map[string]ProcedureStatus)
	for id, u := range offer.Distinct(r.Units, ids) {
		t.Counts[indicator.M36].Num += u.Counts[indicator.M36].Num
		t.Counts[indicator.M36].Den += u.Counts[indicator.M36].Den
		for _, p := range r.Procedures[id] {
			q := procs[p.Code]
			q.Code = p.Code
			q.Dossiers = q.Dossiers || p.Dossiers
			q.PaidOnline = q.PaidOnline || p.PaidOnline
			q.FeeData = q.FeeData || p.FeeData
			procs[p.Code] = q
		}
	}
	n := int64(len(procs))
	t.Counts[indicator.M34].Den, t.Counts[indicator.M35].Den = n, n
	for _, p := range procs {
		if p.PaidOnline {
			t.Counts[indicator.M34].Num++
		}
		if p.FeeData {
			t.Counts[indicator.M35].Num++
		}
		if p.Dossiers {
			t.FeeProceduresWithDossiers++
		}
	}
	return t
}
