package payment

import (
	"slices"

	"github.com/vn-dvc/chiso766/indicator"
)

// Procedure flags kept per unit and fee-bearing offered procedure.
const (
	flagDossier uint8 = 1 << iota // at least one dossier counted in 3.6
	flagPaid                      // at least one online-paid dossier (3.4)
	flagFeeData                   // at least one dossier carrying fee data (3.5)
)

type unitAcc struct {
	m36   indicator.Count
	flags []uint8 // per fee-bearing offered procedure of the unit (nil for units without offerings)
}

// Accumulator is the partial state of one pass over some of the dossiers: per-unit 3.6 counts, per unit
// and fee-bearing offered procedure three flags, and the ledger. Memory is O(units × fee-bearing procedures),
// never O(dossiers). Accumulators of disjoint slices of one stream merge into the single-pass state. An
// Accumulator is not safe for concurrent use: give each goroutine its own and Merge them.
type Accumulator struct {
	c       *Calculator
	known   []unitAcc           // indexed like c.units
	other   map[string]*unitAcc // units without a fee-bearing offering
	ledger  indicator.Ledger    // verdicts not made by Classify (reason index 0)
	reasons [numReasons]int64   // per reason index, verdicts made by Classify
}

// NewAccumulator returns an empty accumulator for c's verdicts. Cost: O(units × fee-bearing procedures).
func (c *Calculator) NewAccumulator() *Accumulator {
	a := &Accumulator{c: c, known: make([]unitAcc, len(c.units)), other: make(map[string]*unitAcc)}
	for i, u := range c.units {
		a.known[i].flags = make([]uint8, len(u.procs))
	}
	return a
}

func (a *Accumulator) unit(v *Verdict) *unitAcc {
	if v.unit >= 0 && int(v.unit) < len(a.known) {
		return &a.known[v.unit]
	}
	u := a.other[v.UnitID]
	if u == nil {
		u = &unitAcc{}
		a.other[v.UnitID] = u
	}
	return u
}

// Add records one verdict: one ledger entry, and for a counted dossier its 3.6 counts and the flags of its
// (unit, procedure). Verdicts of another Calculator, or built by hand, are re-indexed by unit and
// procedure code. Hot path: no allocation once the unit and reason have been seen.
func (a *Accumulator) Add(v Verdict) { a.add(&v) }

func (a *Accumulator) add(v *Verdict) {
	if v.calc != a.c {
		v.unit, v.proc = a.c.index(v.UnitID, v.ProcedureCode)
		v.calc = a.c
	}
	if v.reason > 0 && v.reason < numReasons {
		a.reasons[v.reason]++
	} else {
		a.ledger.Add(v.Reason, v.Counted)
	}
	if !v.Counted {
		return
	}
	u := a.unit(v)
	u.m36.Den++
	if v.PaidOnline {
		u.m36.Num++
	}
	if v.proc >= 0 && int(v.proc) < len(u.flags) {
		f := flagDossier
		if v.PaidOnline {
			f |= flagPaid
		}
		if v.FeeData {
			f |= flagFeeData
		}
		u.flags[v.proc] |= f
	}
}

// Merge adds b's state into a (b is unchanged). It is associative and commutative, and merging the
// accumulators of a split stream gives the single-pass Result. When b comes from another Calculator, units
// and procedures are matched by code, and flags of procedures a's Calculator does not count at that unit
// are dropped. Cost: O(units × fee-bearing procedures).
func (a *Accumulator) Merge(b *Accumulator) {
	if b == nil || b == a {
		if b == a && a != nil {
			a.mergeSelf()
		}
		return
	}
	a.ledger.Merge(b.ledger)
	for i, n := range b.reasons {
		a.reasons[i] += n
	}
	for i := range b.known {
		bu := &b.known[i]
		id := b.c.units[i].id
		if a.c == b.c {
			au := &a.known[i]
			au.m36.Num += bu.m36.Num
			au.m36.Den += bu.m36.Den
			for j, f := range bu.flags {
				au.flags[j] |= f
			}
			continue
		}
		ai := a.c.idx.UnitSlot(id)
		var au *unitAcc
		if ai >= 0 {
			au = &a.known[ai]
		} else {
			au = a.otherUnit(id)
		}
		au.m36.Num += bu.m36.Num
		au.m36.Den += bu.m36.Den
		for j, f := range bu.flags {
			if ai, pos := a.c.index(id, b.c.units[i].procs[j]); pos >= 0 {
				a.known[ai].flags[pos] |= f
			}
		}
	}
	for id, bu := range b.other {
		var au *unitAcc
		if ai := a.c.idx.UnitSlot(id); ai >= 0 {
			au = &a.known[ai]
		} else {
			au = a.otherUnit(id)
		}
		au.m36.Num += bu.m36.Num
		au.m36.Den += bu.m36.Den
	}
}

// mergeSelf doubles a's counts (Merge(a, a)); flags are idempotent.
func (a *Accumulator) mergeSelf() {
	a.ledger.Merge(a.ledger.Clone())
	for i := range a.reasons {
		a.reasons[i] *= 2
	}
	for i := range a.known {
		a.known[i].m36.Num *= 2
		a.known[i].m36.Den *= 2
	}
	for _, u := range a.other {
		u.m36.Num *= 2
		u.m36.Den *= 2
	}
}

func (a *Accumulator) otherUnit(id string) *unitAcc {
	u := a.other[id]
	if u == nil {
		u = &unitAcc{}
		a.other[id] = u
	}
	return u
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
		Units:      make(map[string]indicator.Tally, len(a.known)+len(a.other)),
		Ledger:     a.ledgerResult(),
		Catalogue:  a.c.catalogue.Clone(),
		Procedures: make(map[string][]ProcedureStatus, len(a.known)),
	}
	for i := range a.known {
		u := &a.known[i]
		info := &a.c.units[i]
		var t indicator.Tally
		t.Counts[indicator.M36] = u.m36
		n := int64(len(info.procs))
		t.Counts[indicator.M34].Den = n
		t.Counts[indicator.M35].Den = n
		ps := make([]ProcedureStatus, len(info.procs))
		for j, f := range u.flags {
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
	for id, u := range a.other {
		var t indicator.Tally
		t.Counts[indicator.M36] = u.m36
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

// Pool returns the tally of a set of units taken together (a parent and its sub-units), the way the
// portal's parent rows count group 3b: 3.6 counts are summed, while 3.4 and 3.5 count distinct procedure
// codes — a procedure offered by several of the units counts once in the denominator, and is in a
// numerator when any of the units' dossiers put it there (likewise FeeProceduresWithDossiers). The Phú Thọ
// 8/2026 fixtures show why a plain sum is wrong: the province row has 310 fee-bearing procedures while its
// sub-units' rows add up to 5281. Unknown ids and duplicates in ids are ignored. Cost: O(Σ procedures of the
// units), allocates a set of codes.
func (r Result) Pool(ids []string) indicator.Tally {
	var t indicator.Tally
	seenUnit := make(map[string]bool, len(ids))
	procs := make(map[string]ProcedureStatus)
	for _, id := range ids {
		if seenUnit[id] {
			continue
		}
		seenUnit[id] = true
		u, ok := r.Units[id]
		if !ok {
			continue
		}
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

func (a *Accumulator) ledgerResult() indicator.Ledger {
	l := a.ledger.Clone()
	for r, n := range a.reasons {
		l.AddN(dossierReasons[r], reasonCounted(uint8(r)), n)
	}
	return l
}
