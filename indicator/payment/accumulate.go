package payment

import (
	"github.com/vn-dvc/chiso766/indicator"
	lostsink "github.com/vn-dvc/chiso766/indicator/internal/lost"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
)

// Procedure flags kept per unit and fee-bearing offered procedure.
const (
	flagDossier uint8 = 1 << iota // at least one dossier counted in 3.6
	flagPaid                      // at least one online-paid dossier (3.4)
	flagFeeData                   // at least one dossier carrying fee data (3.5)
)

// Accumulator is the state of one pass over some of the dossiers: per-unit 3.6 counts, per unit and
// fee-bearing offered procedure three flags, and the ledger. Not safe for concurrent use: give each
// goroutine its own and Merge them.
type Accumulator struct {
	c       *Calculator
	units   offer.Units   // per row: 3.6 counts, per fee-bearing offered procedure its flags; Other: units without one
	reasons offer.Reasons // by reason index
}

var _ indicator.Accumulator = (*Accumulator)(nil)

// NewAccumulator returns an empty accumulator for c's verdicts. Cost: O(units × fee-bearing procedures).
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, units: offer.NewUnits(c.idx.NumUnits(), func(i int) int { return len(c.idx.Unit(int32(i)).Codes) })}
}

// Add judges k.Dossier as Classify does, with k.Ref when it is a Ref of the calculator's Keys, and counts
// it: one ledger entry, and for a counted dossier its 3.6 counts and the flags of its (unit, procedure).
// note, when not nil, receives the dossier's 3.6 verdict.
func (a *Accumulator) Add(k *indicator.Case, note indicator.Note) { a.add(k, note, nil) }

// AddLost is Add over each Case of cs, for the scorecard's pass (package indicator/scorecard; s is internal to package indicator,
// other callers use Add): s receives the 3.6 verdict, with its reason's index, only when it loses points
// (a counted dossier not paid online). The counts are Add's.
func (a *Accumulator) AddLost(cs []indicator.Case, s *lostsink.Sink) {
	for i := range cs {
		a.add(&cs[i], nil, s)
	}
}

// The reason indexes AddLost passes fit the sink's index (no verdict takes its slow path every time).
var _ [lostsink.MaxReason - numReasons]struct{}

// add is Add of one Case (note, when not nil, receives its verdict) and AddLost's (s, when not nil, its
// verdict when it loses points): the counting written once for both.
func (a *Accumulator) add(k *indicator.Case, note indicator.Note, s *lostsink.Sink) {
	var v Verdict
	v.reason = a.c.classify(k.Dossier, k.Ref, &v)
	v.Reason = dossierReasons[v.reason]
	a.reasons.Add(v.reason, v.Reason, v.Counted)
	if v.Counted {
		f := flagDossier
		if v.PaidOnline {
			f |= flagPaid
		}
		if v.FeeData {
			f |= flagFeeData
		}
		a.units.Count(v.unit, v.UnitID, v.PaidOnline, v.proc, f)
		if v.proc < 0 { // the unit does not offer the procedure: evidence for its parents (docs/rules.md, 3.4)
			a.units.Mark(v.unit, v.UnitID, v.ProcedureCode, f)
		}
	}
	switch {
	case note != nil:
		note(k, indicator.Verdict{Metric: indicator.M36, InDenominator: v.Counted, InNumerator: v.PaidOnline, Reason: v.Reason})
	case s != nil && v.Counted && !v.PaidOnline:
		s.Lost(k, indicator.M36, v.reason, v.Reason)
	}
}

// Merge adds the state of other, an *Accumulator, into a (other is unchanged; an *indicator.OptionError
// for another type). Accumulators of another Calculator are matched by unit id and procedure code; flags
// of procedures a's Calculator does not list at that unit are kept as unoffered evidence. Merging a into
// itself doubles its counts.
func (a *Accumulator) Merge(other indicator.Accumulator) error {
	b, err := offer.As[*Accumulator]("payment", other)
	if err != nil || b == nil {
		return err
	}
	a.reasons.Merge(&b.reasons)
	bu := func(i int) *offer.Unit { return b.c.idx.Unit(int32(i)) }
	rowOf := func(id string) int32 { return a.c.idx.Row(-1, id) }
	a.units.Merge(&b.units, a.c == b.c, func(i int) string { return bu(i).ID }, rowOf,
		func(i, j int) (int32, int32, string) {
			row, k := a.c.idx.Find(bu(i).ID, bu(i).Codes[j])
			return row, k, bu(i).Codes[j] // a pair a's calculator does not list: unlisted evidence
		}, a.c.idx.Find)
	return nil
}

// ProcedureStatus is one fee-bearing procedure offered by a unit, and what the period's dossiers showed.
type ProcedureStatus struct {
	Code       string `json:"code"`
	Dossiers   bool   `json:"dossiers"`   // at least one dossier counted in 3.6
	PaidOnline bool   `json:"paidOnline"` // 3.4 numerator: at least one dossier paid online
	FeeData    bool   `json:"feeData"`    // 3.5 numerator: at least one dossier carrying fee data
}

// Result is the outcome of a pass: a Tally (3.4, 3.5, 3.6, FeeProceduresWithDossiers) per unit that offers
// a procedure or received a counted dossier, the dossier and catalogue ledgers, and per unit its
// fee-bearing offered procedures sorted by code (the records behind 3.4 and 3.5).
//
// Unoffered lists per unit the fee-bearing procedures it does not offer that got a dossier counted in
// 3.6 there, sorted by code: no part of the unit's own 3.4 and 3.5, but evidence for its parents' under
// indicator.ParentCatalogue, which also count the fee-bearing catalogue procedures nobody offers.
type Result struct {
	Units      map[string]indicator.Tally
	Ledger     indicator.Ledger
	Catalogue  indicator.Ledger
	Procedures map[string][]ProcedureStatus
	Unoffered  map[string][]ProcedureStatus

	catalogue []ProcedureStatus // the fee-bearing catalogue procedures by code, without dossiers
}

// Result returns the tallies so far. It does not modify the accumulator.
func (a *Accumulator) Result() Result {
	units, procs := offer.Tallies(&a.units, indicator.M36, func(i int) string { return a.c.idx.Unit(int32(i)).ID },
		func(i int, u *offer.State) (indicator.Tally, []ProcedureStatus) {
			codes := a.c.idx.Unit(int32(i)).Codes
			ps := make([]ProcedureStatus, len(codes))
			for j, f := range u.Flags {
				ps[j] = status(codes[j], f)
			}
			return tallyOf(ps), ps
		})
	r := Result{Units: units, Catalogue: a.c.catalogue.Clone(), Procedures: procs, Unoffered: map[string][]ProcedureStatus{},
		catalogue: a.c.feeCatalogue}
	r.Ledger = a.reasons.Ledger(dossierReasons[:], reasonCounted)
	unoffered := func(id string, s *offer.State) {
		if len(s.Unlisted) == 0 {
			return
		}
		ps := make([]ProcedureStatus, 0, len(s.Unlisted))
		for _, code := range offer.SortedIDs(s.Unlisted) {
			ps = append(ps, status(code, s.Unlisted[code]))
		}
		r.Unoffered[id] = ps
	}
	for i := range a.units.Known {
		unoffered(a.c.idx.Unit(int32(i)).ID, &a.units.Known[i])
	}
	for id, s := range a.units.Other {
		unoffered(id, s)
	}
	return r
}

// status is the ProcedureStatus of code with flags f.
func status(code string, f uint8) ProcedureStatus {
	return ProcedureStatus{Code: code, Dossiers: f&flagDossier != 0, PaidOnline: f&flagPaid != 0, FeeData: f&flagFeeData != 0}
}

// Report returns the pass's tallies and its ledger ("payment"). Under s, a parent's 3.4, 3.5 and
// FeeProceduresWithDossiers count the distinct procedure codes of its sub-tree when 3.4 or 3.5 is PoolOwn,
// and s.Note receives each lost procedure (ReasonProcedureNotPaidOnline, ReasonProcedureNoFeeData).
func (a *Accumulator) Report(s *indicator.Scope) indicator.Report {
	r := a.Result()
	return offer.Outcome{Name: "payment", Units: r.Units, Ledger: r.Ledger, Catalogue: r.Catalogue,
		Procedures: offer.SortedIDs(r.Procedures), Pooled: []indicator.ID{indicator.M34, indicator.M35},
		Pool: func(ids []string, pr offer.ParentRule, t *indicator.Tally, own func(indicator.ID) bool) {
			p := tallyOf(r.distinct(ids, pr))
			for _, m := range []indicator.ID{indicator.M34, indicator.M35} {
				if own(m) {
					t.Counts[m] = p.Counts[m]
				}
			}
			t.FeeProceduresWithDossiers = p.FeeProceduresWithDossiers
		},
		Explain: func(_ string, ids func(...indicator.ID) ([]string, offer.ParentRule), note offer.Note) {
			for _, p := range r.distinct(ids(indicator.M34, indicator.M35)) {
				if !p.PaidOnline {
					note(indicator.M34, p.Code, ReasonProcedureNotPaidOnline)
				}
				if !p.FeeData {
					note(indicator.M35, p.Code, ReasonProcedureNoFeeData)
				}
			}
		},
	}.Report(s)
}

// tallyOf counts 3.4, 3.5 and FeeProceduresWithDossiers over procedures.
func tallyOf(ps []ProcedureStatus) indicator.Tally {
	var t indicator.Tally
	n := int64(len(ps))
	t.Counts[indicator.M34].Den, t.Counts[indicator.M35].Den = n, n
	for _, p := range ps {
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

// distinct returns the distinct procedures of the units ids in first-seen order, each flag set when any
// unit's dossiers set it: the portal's parent rows count group 3b's procedures this way (Phú Thọ 8/2026:
// 310 fee-bearing procedures in the province row, 5281 summed over its sub-units). Under pr.Unoffered
// the dossiers of units that do not offer a procedure set its flags too, and under pr.Catalogue the
// fee-bearing catalogue procedures none of the units offers are added (docs/rules.md, 3.4).
func (r Result) distinct(ids []string, pr offer.ParentRule) []ProcedureStatus {
	code := func(p *ProcedureStatus) string { return p.Code }
	ps := offer.Merged(r.Procedures, ids, code, func(p *ProcedureStatus) ProcedureStatus { return *p }, orFlags)
	if pr.Catalogue {
		ps = offer.WithCatalogue(ps, code, r.catalogue)
	}
	if pr.Unoffered {
		at := make(map[string]int, len(ps))
		for i := range ps {
			at[ps[i].Code] = i
		}
		for _, us := range offer.Distinct(r.Unoffered, ids) {
			for j := range us {
				if i, ok := at[us[j].Code]; ok {
					orFlags(&ps[i], &us[j])
				}
			}
		}
	}
	return ps
}

// orFlags sets q's flags that p has.
func orFlags(q, p *ProcedureStatus) {
	q.Dossiers, q.PaidOnline, q.FeeData = q.Dossiers || p.Dossiers, q.PaidOnline || p.PaidOnline, q.FeeData || p.FeeData
}
