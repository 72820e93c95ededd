package publication

import (
	"slices"
	"strings"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/lost"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
)

// Outcome is a procedure's outcome for one metric at one unit.
type Outcome uint8

const (
	OutcomeNone   Outcome = iota // not in the metric's denominator
	OutcomeMet                   // in the numerator (announced on time, published on time, complete)
	OutcomeMissed                // in the denominator only (late, unpublished, incomplete)
)

// String returns "none", "met" or "missed".
func (o Outcome) String() string {
	if o > OutcomeMissed {
		return "invalid"
	}
	return [...]string{"none", "met", "missed"}[o]
}

// MarshalText encodes the outcome as its String.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// ProcedureStatus is one procedure at one issuing unit: its outcome for 1.1, 1.2 and 1.3.
type ProcedureStatus struct {
	Code string  `json:"code"`
	M11  Outcome `json:"1.1"`
	M12  Outcome `json:"1.2"`
	M13  Outcome `json:"1.3"`
}

// Accumulator is the dossier state of one pass: per unit the 1.4 counts, and the ledger; the catalogue is
// judged by Report and Result. Not safe for concurrent use: give each goroutine its own and Merge them.
type Accumulator struct {
	c       *Calculator
	units   offer.Units
	reasons offer.Reasons
}

var _ indicator.Accumulator = (*Accumulator)(nil)

// NewAccumulator returns an empty accumulator.
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, units: offer.NewUnits(c.keys.NumUnits(), func(int) int { return 0 })}
}

// Add judges k.Dossier for 1.4 and counts it: one ledger reason and, when counted, its unit's counts; note,
// when not nil, receives the 1.4 verdict. k.Ref, when not zero, must be of the calculator's Keys; the zero
// Ref is resolved by the dossier's unit id. No allocation once the unit has been seen.
func (a *Accumulator) Add(k *indicator.Case, note indicator.Note) { a.add(k, note, nil) }

// AddLost is Add over each Case of cs, for the scorecard's pass (package indicator/scorecard; s is internal to package indicator,
// other callers use Add): s receives the 1.4 verdict, with its reason's index, only when it loses points
// (a counted dossier not synchronised). The counts are Add's.
func (a *Accumulator) AddLost(cs []indicator.Case, s *lost.Sink) {
	for i := range cs {
		a.add(&cs[i], nil, s)
	}
}

// The reason indexes AddLost passes fit the sink's index (no verdict takes its slow path every time).
var _ [lost.MaxReason - numReasons]struct{}

// add is Add of one Case (note, when not nil, receives its verdict) and AddLost's (s, when not nil, its
// verdict when it loses points): the counting written once for both.
func (a *Accumulator) add(k *indicator.Case, note indicator.Note, s *lost.Sink) {
	r := a.c.judge(k.Dossier)
	a.reasons.Add(r, "", false)
	if r >= rNotSynced {
		d := k.Dossier
		i := k.Ref.Unit()
		if k.Ref == (indicator.Ref{}) {
			i = a.c.keys.Unit(d.UnitID)
		}
		c := a.units.At(i, d.UnitID)
		c.Count.Den++
		if r == rSynced {
			c.Count.Num++
		}
	}
	switch {
	case note != nil:
		note(k, metric14(r))
	case s != nil && r >= rNotSynced && r != rSynced && reasonCounted(r):
		s.Lost(k, indicator.M14, r, dossierReasons[r])
	}
}

// Merge adds the state of other, an accumulator of this package (an *indicator.OptionError otherwise; a
// nil *Accumulator adds nothing), into a; other is unchanged, and a.Merge(a) doubles a.
func (a *Accumulator) Merge(other indicator.Accumulator) error {
	b, err := offer.As[*Accumulator](pkg, other)
	if err != nil || b == nil {
		return err
	}
	a.reasons.Merge(&b.reasons)
	bk := b.c.keys
	a.units.Merge(&b.units, a.c.keys == bk, func(i int) string { return bk.UnitID(int32(i)) }, a.c.keys.Unit, nil, nil)
	return nil
}

// Result is the outcome of a pass.
//
// Units holds one Tally per issuing unit or dossier unit (and per unit of Options.SyncReportDen):
// Counts[M11], Counts[M12], Counts[M13] (distinct procedures), Counts[M14] and SyncReportDen. Ledger
// accounts for every dossier read (Read == Counted + Excluded); Ledger11, Ledger12 and Ledger13 for every
// catalogue record, one reason each. Procedures lists each unit's counted procedures, sorted by code.
type Result struct {
	Units                        map[string]indicator.Tally
	Ledger                       indicator.Ledger
	Ledger11, Ledger12, Ledger13 indicator.Ledger
	Procedures                   map[string][]ProcedureStatus
}

// Result judges the catalogue and returns it with the dossier tallies so far. It does not modify the
// accumulator.
func (a *Accumulator) Result() Result { return a.result(nil) }

// Report is Result as the scorecard takes it: the tallies, and the ledgers "publication" (dossiers),
// "publication.1.1", "publication.1.2" and "publication.1.3" (catalogue records). Each judgement of a
// catalogue procedure goes to s.Note (RecordProcedure, the issuing unit, the procedure code) when s and
// s.Note are not nil, in catalogue order. 1.1 is counted at the issuing unit, which is the unit's own
// count under PoolOwn: Report pools nothing.
func (a *Accumulator) Report(s *indicator.Scope) indicator.Report {
	var note func(code string, j *Judgement)
	if s != nil && s.Note != nil {
		note = func(code string, j *Judgement) { s.Note(indicator.RecordProcedure, j.UnitID, code, j.verdict()) }
	}
	r := a.result(note)
	return indicator.Report{Units: r.Units, Ledgers: []indicator.CalculatorLedger{
		{Calculator: "publication", Records: r.Ledger},
		{Calculator: "publication.1.1", Records: r.Ledger11},
		{Calculator: "publication.1.2", Records: r.Ledger12},
		{Calculator: "publication.1.3", Records: r.Ledger13},
	}}
}

func (a *Accumulator) result(note func(code string, j *Judgement)) Result {
	c := a.c
	r := Result{Units: make(map[string]indicator.Tally), Ledger: a.reasons.Ledger(dossierReasons[:], reasonCounted),
		Procedures: make(map[string][]ProcedureStatus)}
	put := func(id string, n indicator.Count) {
		if n.Den != 0 {
			t := r.Units[id]
			t.Counts[indicator.M14] = n
			r.Units[id] = t
		}
	}
	for i := range a.units.Known {
		put(c.keys.UnitID(int32(i)), a.units.Known[i].Count)
	}
	for id, s := range a.units.Other {
		put(id, s.Count)
	}
	// The catalogue: per unit a set of procedures (a procedure met in several records counts once, late
	// if any was late), and one ledger reason per record and metric, the primary judgement's.
	sets := make(map[string]map[string][3]Outcome)
	for i := range c.procs {
		v := c.ClassifyProcedure(&c.procs[i])
		for k, l := range [3]*indicator.Ledger{&r.Ledger11, &r.Ledger12, &r.Ledger13} {
			if j, ok := v.primary(indicator.M11 + indicator.ID(k)); ok {
				l.Add(j.Reason, j.InDenominator)
			} else {
				l.Add(ReasonNoPublication, false)
			}
		}
		for i := range v.Judgements {
			j := &v.Judgements[i]
			if note != nil {
				note(v.Code, j)
			}
			if !j.InDenominator {
				continue
			}
			if sets[j.UnitID] == nil {
				sets[j.UnitID] = make(map[string][3]Outcome)
			}
			o, k := sets[j.UnitID][v.Code], j.Metric-indicator.M11
			o[k] = max(o[k], OutcomeMet+Outcome(b2i(!j.InNumerator)))
			sets[j.UnitID][v.Code] = o
		}
	}
	for id, set := range sets {
		t := r.Units[id]
		ps := make([]ProcedureStatus, 0, len(set))
		for code, o := range set {
			ps = append(ps, ProcedureStatus{Code: code, M11: o[0], M12: o[1], M13: o[2]})
			for k, x := range o {
				if x != OutcomeNone {
					t.Add(indicator.M11+indicator.ID(k), int64(b2i(x == OutcomeMet)), 1)
				}
			}
		}
		slices.SortFunc(ps, func(x, y ProcedureStatus) int { return strings.Compare(x.Code, y.Code) })
		r.Procedures[id] = ps
		r.Units[id] = t
	}
	for id, n := range c.reportDen {
		t := r.Units[id]
		t.SyncReportDen = n
		r.Units[id] = t
	}
	return r
}

func b2i(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}
