package online

import (
	"slices"

	"github.com/vn-dvc/chiso766/indicator"
	lostsink "github.com/vn-dvc/chiso766/indicator/internal/lost"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// Accumulator is the state of one pass over some of the dossiers: per-unit 3.3 counts, per unit and
// online service a "received an online dossier" flag, and the ledger. Not safe for concurrent use: give
// each goroutine its own and Merge them.
type Accumulator struct {
	c       *Calculator
	units   offer.Units   // per row: 3.3 counts, per 3.2 service 1 = an online dossier; Other: units without offerings
	reasons offer.Reasons // by reason index
}

var _ indicator.Accumulator = (*Accumulator)(nil)

// NewAccumulator returns an empty accumulator for c's verdicts.
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, units: offer.NewUnits(len(c.units), func(i int) int { return len(c.units[i].services) })}
}

// Add judges k.Dossier as Classify does, with k.Ref when it is a Ref of the calculator's Keys, and counts
// it: one ledger entry, and for a counted dossier its 3.3 counts and its service's 3.2 flag. note, when
// not nil, receives the dossier's 3.3 verdict.
func (a *Accumulator) Add(k *indicator.Case, note indicator.Note) { a.add(k, note, nil) }

// AddLost is Add over each Case of cs, for the scorecard's pass (package indicator/scorecard; s is internal to package indicator,
// other callers use Add): s receives the 3.3 verdict, with its reason's index, only when it loses points
// (a counted dossier not online). The counts are Add's.
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
		a.units.Count(v.unit, v.UnitID, v.InNumerator, v.service, 1)
	}
	switch {
	case note != nil:
		note(k, v.metric33())
	case s != nil && v.Counted && !v.InNumerator:
		s.Lost(k, indicator.M33, v.reason, v.Reason)
	}
}

// Merge adds the state of other, an *Accumulator, into a (other is unchanged; an *indicator.OptionError
// for another type). Accumulators of another Calculator are matched by unit id and procedure code, and
// flags of services a's Calculator does not count are dropped. Merging a into itself doubles its counts.
func (a *Accumulator) Merge(other indicator.Accumulator) error {
	b, err := offer.As[*Accumulator]("online", other)
	if err != nil || b == nil {
		return err
	}
	a.reasons.Merge(&b.reasons)
	id := func(i int) string { return b.c.idx.Unit(int32(i)).ID }
	a.units.Merge(&b.units, a.c == b.c, id, func(id string) int32 { return a.c.idx.Row(-1, id) },
		func(i, j int) (int32, int32, string) {
			row, k := a.c.idx.Find(id(i), b.c.units[i].procs[b.c.units[i].services[j]].Code)
			return row, k, "" // a service a's calculator does not count is dropped
		}, nil)
	return nil
}

// Result is the outcome of a pass: a Tally (3.1 with PartialOnline, FullOnline and FullOnlineEligible,
// 3.2, 3.3) per unit that has an offering in force or a counted dossier, the dossier and catalogue
// ledgers, and per unit the procedures under its authority sorted by code (the records behind 3.1 and 3.2).
//
// A top parent under indicator.ParentCatalogue also counts, in Report, the catalogue procedures no unit of
// its sub-tree offers (Level OnlineNone: 3.1's denominator only).
type Result struct {
	Units      map[string]indicator.Tally
	Ledger     indicator.Ledger
	Catalogue  indicator.Ledger
	Procedures map[string][]ProcedureStatus

	catalogue []ProcedureStatus // the catalogue's procedures by code, not offered (Level OnlineNone)
}

// Result returns the tallies so far. It does not modify the accumulator.
func (a *Accumulator) Result() Result {
	units, procs := offer.Tallies(&a.units, indicator.M33, func(i int) string { return a.c.idx.Unit(int32(i)).ID },
		func(i int, u *offer.State) (indicator.Tally, []ProcedureStatus) {
			info := &a.c.units[i]
			ps := slices.Clone(info.procs)
			for j, f := range u.Flags {
				ps[info.services[j]].OnlineDossier = f != 0
			}
			return tallyOf(ps), ps
		})
	r := Result{Units: units, Catalogue: a.c.catalogue.Clone(), Procedures: procs, catalogue: a.c.notOffered}
	r.Ledger = a.reasons.Ledger(dossierReasons[:], reasonCounted)
	return r
}

// Report returns the pass's tallies and its ledger ("online"). Under s, a parent's 3.1 and 3.2 are pooled
// over its sub-tree when PoolOwn (3.1 counts each code once at its highest level, 3.2 sums the services),
// and s.Note receives each lost procedure (ReasonProcedureNotOnline, ReasonServiceWithoutOnlineDossier).
func (a *Accumulator) Report(s *indicator.Scope) indicator.Report {
	r := a.Result()
	return offer.Outcome{Name: "online", Units: r.Units, Ledger: r.Ledger, Catalogue: r.Catalogue,
		Procedures: offer.SortedIDs(r.Procedures), Pooled: []indicator.ID{indicator.M31, indicator.M32},
		Pool: func(ids []string, pr offer.ParentRule, t *indicator.Tally, own func(indicator.ID) bool) {
			p := r.pool(ids, pr)
			if own(indicator.M31) {
				t.Counts[indicator.M31] = p.Counts[indicator.M31]
				t.PartialOnline, t.FullOnline, t.FullOnlineEligible = p.PartialOnline, p.FullOnline, p.FullOnlineEligible
			}
			if own(indicator.M32) {
				t.Counts[indicator.M32] = p.Counts[indicator.M32]
			}
		},
		Explain: r.explain,
	}.Report(s)
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

// pool returns the tally of a set of units taken together (a parent and its sub-units): 3.2 and 3.3
// summed, 3.1 counting each procedure code once at the highest level any of the units offers it and,
// under pr.Catalogue, every catalogue procedure none of them offers (docs/rules.md, 3.1). Unknown and
// repeated ids are ignored.
func (r Result) pool(ids []string, pr offer.ParentRule) indicator.Tally {
	var t indicator.Tally
	for _, u := range offer.Distinct(r.Units, ids) {
		for _, m := range []indicator.ID{indicator.M32, indicator.M33} {
			t.Counts[m].Num += u.Counts[m].Num
			t.Counts[m].Den += u.Counts[m].Den
		}
	}
	pt := tallyOf(r.distinct(ids, pr))
	t.Counts[indicator.M31] = pt.Counts[indicator.M31]
	t.PartialOnline, t.FullOnline, t.FullOnlineEligible = pt.PartialOnline, pt.FullOnline, pt.FullOnlineEligible
	return t
}

// distinct returns the distinct procedures of the units ids in first-seen order, each at the highest
// level any of the units offers it and FullOnlineEligible when any unit's is (Service unset: 3.2 is
// summed, not recounted), then under pr.Catalogue the catalogue's other procedures, not offered.
// Unknown and repeated ids are ignored.
func (r Result) distinct(ids []string, pr offer.ParentRule) []ProcedureStatus {
	ps := r.offered(ids)
	if pr.Catalogue {
		ps = offer.WithCatalogue(ps, func(p *ProcedureStatus) string { return p.Code }, r.catalogue)
	}
	return ps
}

// offered is distinct's part of the offered procedures.
func (r Result) offered(ids []string) []ProcedureStatus {
	return offer.Merged(r.Procedures, ids, func(p *ProcedureStatus) string { return p.Code },
		func(p *ProcedureStatus) ProcedureStatus {
			return ProcedureStatus{Code: p.Code, Level: p.Level, FullOnlineEligible: p.FullOnlineEligible}
		},
		func(q, p *ProcedureStatus) {
			q.Level = max(q.Level, p.Level)
			q.FullOnlineEligible = q.FullOnlineEligible || p.FullOnlineEligible
		})
}

// explain notes unit's 3.1 procedures without an online service (distinct over ids(M31), as pool counts
// them) and its 3.2 services without an online dossier (per unit of ids(M32)).
func (r Result) explain(unit string, ids func(...indicator.ID) ([]string, offer.ParentRule), note offer.Note) {
	for _, p := range r.distinct(ids(indicator.M31)) {
		if p.Level != model.OnlinePartial && p.Level != model.OnlineFull {
			note(indicator.M31, p.Code, ReasonProcedureNotOnline)
		}
	}
	services, _ := ids(indicator.M32)
	for _, id := range services {
		for _, p := range r.Procedures[id] {
			if p.Service && !p.OnlineDossier {
				ex := p.Code
				if id != unit {
					ex = id + "/" + p.Code
				}
				note(indicator.M32, ex, ReasonServiceWithoutOnlineDossier)
			}
		}
	}
}
