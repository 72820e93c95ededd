package publication

import (
	"iter"
	"slices"
	"strings"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Outcome is a procedure's outcome for one metric at one unit.
type Outcome uint8

const (
	// OutcomeNone: not in the metric's denominator.
	OutcomeNone Outcome = iota
	// OutcomeMet: in the numerator (announced on time, published on time, complete).
	OutcomeMet
	// OutcomeMissed: in the denominator only (late, unpublished, incomplete).
	OutcomeMissed
)

// String returns "none", "met" or "missed".
func (o Outcome) String() string {
	switch o {
	case OutcomeNone:
		return "none"
	case OutcomeMet:
		return "met"
	case OutcomeMissed:
		return "missed"
	}
	return "invalid"
}

// MarshalText encodes the outcome as its String.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// ProcedureStatus is one procedure at one issuing unit after a pass: its outcome for 1.1, 1.2 and 1.3.
type ProcedureStatus struct {
	Code string  `json:"code"`
	M11  Outcome `json:"1.1"`
	M12  Outcome `json:"1.2"`
	M13  Outcome `json:"1.3"`
}

type unitAcc struct {
	m14   indicator.Count
	procs map[string]*[3]Outcome // 1.1, 1.2, 1.3 by procedure code
}

// touched reports whether the unit has been counted (a counted dossier or procedure; merging keeps this),
// i.e. whether it has a Tally in Result.
func (u *unitAcc) touched() bool { return u.m14.Den != 0 || len(u.procs) > 0 }

// Accumulator is the partial state of one pass: per unit the 1.4 counts and, per procedure, the outcome
// of 1.1–1.3 (a set, so a procedure met twice — in several records or shards — counts once, late if any
// was late); plus the ledgers. The units of the calculator's Keys live in a slice indexed by their Keys
// index (Add of a verdict made by ClassifyRef hashes no string); other units in a map by id. Memory is
// O(units × procedures), never O(dossiers). Not safe for concurrent use: give each goroutine its own and
// Merge them.
type Accumulator struct {
	c             *Calculator
	slots         []unitAcc           // by unit index of c.keys
	units         map[string]*unitAcc // units not in c.keys
	ledger        indicator.Ledger    // dossier verdicts not made by Classify
	reasons       [numReasons]int64   // dossier verdicts made by Classify, per reason index
	l11, l12, l13 indicator.Ledger
	lastID        string
	last          *unitAcc
}

// NewAccumulator returns an empty accumulator. Cost: O(units of the calculator's Keys) time and memory
// (24 bytes per unit, one allocation).
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, slots: make([]unitAcc, c.nUnits), units: make(map[string]*unitAcc)}
}

// unit finds a unit by id (slow path: a lookup in the Keys' units, then in the map of other units).
func (a *Accumulator) unit(id string) *unitAcc {
	if a.last != nil && a.lastID == id {
		return a.last
	}
	var u *unitAcc
	if i := a.c.unitIndex(id); i >= 0 && int(i) < len(a.slots) {
		u = &a.slots[i]
	} else if u = a.units[id]; u == nil {
		u = &unitAcc{}
		a.units[id] = u
	}
	a.lastID, a.last = id, u
	return u
}

// Add records one dossier verdict (1.4): one ledger entry and, when counted, the unit's counts. Hot path:
// no allocation once the unit has been seen; no string hashing for a verdict made by this accumulator's
// Calculator whose unit is in its Keys. Verdicts made by hand or by another Calculator find their unit by
// id.
func (a *Accumulator) Add(v Verdict) { a.add(&v) }

// AddRef classifies d with the accumulator's Calculator and adds the verdict: the same state as
// a.Add(c.ClassifyRef(d, r)), without copying the Verdict out of ClassifyRef and into Add. It is the
// tally-only hot path (the scorecard's when it does not explain lost points); call ClassifyRef and Add
// when the Verdict itself is needed. r is a Ref of the Calculator's Keys, as for ClassifyRef. Cost: as
// ClassifyRef plus Add; no allocation once the unit has been seen. A nil d is counted as ReasonNilRecord,
// as Add(Classify(nil)) would be.
func (a *Accumulator) AddRef(d *model.Dossier, r indicator.Ref) {
	var v Verdict
	a.c.classify(d, r.Unit, false, &v)
	a.add(&v)
}

func (a *Accumulator) add(v *Verdict) {
	if v.calc == a.c && uint(v.slot) < uint(len(a.slots)) { // made by ClassifyRef: v.reason is in range
		a.reasons[v.reason%numReasons]++
		if v.Counted {
			u := &a.slots[v.slot]
			u.m14.Den++
			if v.Synced {
				u.m14.Num++
			}
		}
		return
	}
	a.addSlow(v)
}

// addSlow is Add for verdicts made by hand, by another Calculator, or whose unit is not in the Keys.
func (a *Accumulator) addSlow(v *Verdict) {
	if v.reason > 0 && v.reason < numReasons {
		a.reasons[v.reason]++
	} else {
		a.ledger.Add(v.Reason, v.Counted)
	}
	if !v.Counted {
		return
	}
	u := a.unit(v.UnitID)
	u.m14.Den++
	if v.Synced {
		u.m14.Num++
	}
}

// AddProcedure records one procedure verdict: one reason per metric in the 1.1, 1.2 and 1.3 ledgers (the
// primary judgement's) and each counted judgement in its unit's procedure set. Cost: O(judgements);
// allocates when a unit or procedure is first seen.
func (a *Accumulator) AddProcedure(v ProcedureVerdict) {
	for k, l := range [3]*indicator.Ledger{&a.l11, &a.l12, &a.l13} {
		if j, ok := v.Primary(indicator.M11 + indicator.ID(k)); ok {
			l.Add(j.Reason, j.InDenominator)
		} else {
			l.Add(ReasonNoPublication, false)
		}
	}
	for _, j := range v.Judgements {
		if !j.InDenominator || j.Metric < indicator.M11 || j.Metric > indicator.M13 {
			continue
		}
		o := OutcomeMissed
		if j.InNumerator {
			o = OutcomeMet
		}
		a.setOutcome(j.UnitID, v.Code, int(j.Metric-indicator.M11), o)
	}
}

func (a *Accumulator) setOutcome(unit, code string, k int, o Outcome) {
	a.setOutcomeAt(a.unit(unit), code, k, o)
}

func (a *Accumulator) setOutcomeAt(u *unitAcc, code string, k int, o Outcome) {
	if u.procs == nil {
		u.procs = make(map[string]*[3]Outcome)
	}
	s := u.procs[code]
	if s == nil {
		s = new([3]Outcome)
		u.procs[code] = s
	}
	s[k] = max(s[k], o) // missed wins over met: "late if any of them was late"
}

// Merge adds b's state into a (b is unchanged): counts and ledgers add, procedure outcomes combine as in
// AddProcedure (missed wins). Associative and commutative; merging the accumulators of a split stream gives
// the single-pass Result. Merging a into itself doubles its counts and ledgers. Cost: O(units of the
// calculator's Keys + b's units × procedures).
func (a *Accumulator) Merge(b *Accumulator) {
	if b == nil {
		return
	}
	if b == a {
		for _, l := range []*indicator.Ledger{&a.ledger, &a.l11, &a.l12, &a.l13} {
			l.Merge(l.Clone())
		}
		for i := range a.reasons {
			a.reasons[i] *= 2
		}
		for _, u := range a.all() {
			u.m14.Num *= 2
			u.m14.Den *= 2
		}
		return
	}
	a.ledger.Merge(b.ledger)
	a.l11.Merge(b.l11)
	a.l12.Merge(b.l12)
	a.l13.Merge(b.l13)
	for i, n := range b.reasons {
		a.reasons[i] += n
	}
	sameKeys := a.c.keys == b.c.keys && len(a.slots) == len(b.slots)
	for i := range b.slots {
		if bu := &b.slots[i]; bu.touched() {
			if sameKeys {
				a.mergeUnit(&a.slots[i], bu)
			} else {
				a.mergeUnit(a.unit(b.c.keys.UnitID(int32(i))), bu)
			}
		}
	}
	for id, bu := range b.units {
		a.mergeUnit(a.unit(id), bu)
	}
}

// mergeUnit adds b's counts and procedure outcomes of one unit into au.
func (a *Accumulator) mergeUnit(au, bu *unitAcc) {
	au.m14.Num += bu.m14.Num
	au.m14.Den += bu.m14.Den
	for code, s := range bu.procs {
		for k, o := range s {
			if o != OutcomeNone {
				a.setOutcomeAt(au, code, k, o)
			}
		}
	}
}

// all yields every unit touched so far with its id: the touched slots in Keys order, then the other units.
func (a *Accumulator) all() iter.Seq2[string, *unitAcc] {
	return func(yield func(string, *unitAcc) bool) {
		for i := range a.slots {
			if u := &a.slots[i]; u.touched() && !yield(a.c.keys.UnitID(int32(i)), u) {
				return
			}
		}
		for id, u := range a.units {
			if !yield(id, u) {
				return
			}
		}
	}
}

// Result is the outcome of a pass.
//
// Units holds one Tally per issuing unit or dossier unit (and per unit of Options.SyncReportDen):
// Counts[M11], Counts[M12], Counts[M13] (distinct procedures), Counts[M14] and SyncReportDen. Ledger
// accounts for every dossier read (Read == Counted + Excluded); Ledger11, Ledger12 and Ledger13 for every
// procedure read, one reason each. Procedures lists each unit's counted procedures, sorted by code.
type Result struct {
	Units                        map[string]indicator.Tally
	Ledger                       indicator.Ledger
	Ledger11, Ledger12, Ledger13 indicator.Ledger
	Procedures                   map[string][]ProcedureStatus
}

// Result returns the tallies so far. It does not modify the accumulator and can be called repeatedly.
// Cost: O(units of the Keys + units × procedures log procedures); allocates.
func (a *Accumulator) Result() Result {
	r := Result{
		Units:      make(map[string]indicator.Tally, len(a.units)+len(a.slots)),
		Ledger:     a.ledger.Clone(),
		Ledger11:   a.l11.Clone(),
		Ledger12:   a.l12.Clone(),
		Ledger13:   a.l13.Clone(),
		Procedures: make(map[string][]ProcedureStatus),
	}
	for i, n := range a.reasons {
		r.Ledger.AddN(dossierReasons[i], reasonCounted(uint8(i)), n)
	}
	for id, u := range a.all() {
		var t indicator.Tally
		t.Counts[indicator.M14] = u.m14
		if len(u.procs) > 0 {
			ps := make([]ProcedureStatus, 0, len(u.procs))
			for code, s := range u.procs {
				ps = append(ps, ProcedureStatus{Code: code, M11: s[0], M12: s[1], M13: s[2]})
				for k, o := range s {
					m := indicator.M11 + indicator.ID(k)
					if o != OutcomeNone {
						t.Counts[m].Den++
					}
					if o == OutcomeMet {
						t.Counts[m].Num++
					}
				}
			}
			slices.SortFunc(ps, func(x, y ProcedureStatus) int { return strings.Compare(x.Code, y.Code) })
			r.Procedures[id] = ps
		}
		r.Units[id] = t
	}
	for id, n := range a.c.reportDen {
		t := r.Units[id]
		t.SyncReportDen = n
		r.Units[id] = t
	}
	return r
}

// UnitIDs returns the result's unit ids, sorted. Cost: O(units log units).
func (r Result) UnitIDs() []string {
	ids := make([]string, 0, len(r.Units))
	for id := range r.Units {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
