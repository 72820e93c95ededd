package timeliness

import (
	"iter"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// ProcedureStats is indicator.ProcedureStats, the per-procedure breakdown of 2.1 and 2.2.
type ProcedureStats = indicator.ProcedureStats

// AverageDays returns 2.2 for a tally (ProcessingSeconds over Counts[M22].Den), in calendar days, rounded
// half away from zero at scale; zero and false when the denominator is 0. Cost: O(1).
func AverageDays(t indicator.Tally, scale int32) (decimal.Decimal, bool) {
	return ProcedureStats{Finished: t.Counts[indicator.M22].Den, ProcessingSeconds: t.ProcessingSeconds}.AverageDays(scale)
}

// Result is the outcome of one or more passes: per-unit tallies (2.1 in Counts[M21], 2.2 in Counts[M22]
// and ProcessingSeconds, Overdue, Completed, OnlineReceived, LateOnlineReceptions), the ledger
// (Read == Counted + Excluded, one reason per dossier) and the per-procedure breakdown.
type Result struct {
	Units      map[string]indicator.Tally
	Ledger     indicator.Ledger
	Procedures map[string]ProcedureStats
}

// unitCell holds one unit's counts; procCell one procedure's, pooled over the units (Result.Procedures).
// 2.1's overdue count is Den − Num and Tally.Completed equals 2.2's denominator, so neither is stored.
type unitCell struct {
	m21                    indicator.Count
	finished, seconds      int64 // 2.2's denominator and numerator (seconds from reception to end)
	onlineRecv, onlineLate int64 // reception checks, and late ones
	seen                   bool  // a counted dossier or a checked online reception: the unit is in Result.Units
}

func (x *unitCell) merge(y *unitCell) {
	x.m21.Num += y.m21.Num
	x.m21.Den += y.m21.Den
	x.finished += y.finished
	x.seconds += y.seconds
	x.onlineRecv += y.onlineRecv
	x.onlineLate += y.onlineLate
	x.seen = x.seen || y.seen
}

type procCell struct {
	m21               indicator.Count
	finished, seconds int64
}

func (x *procCell) merge(y *procCell) {
	x.m21.Num += y.m21.Num
	x.m21.Den += y.m21.Den
	x.finished += y.finished
	x.seconds += y.seconds
}

// Accumulator is the state of a pass over dossiers: counts per unit, per procedure and per reason. Memory is
// O(units + procedures) — those of the calculator's Keys, plus any others met — never O(dossiers). It is
// not safe for concurrent use; give each goroutine its own and Merge them.
type Accumulator struct {
	c *Calculator
	// Cells by Keys index, and by id (code) for units (procedures) that are not in the Keys.
	units      []unitCell
	procs      []procCell
	extraUnits map[string]*unitCell
	extraProcs map[string]*procCell
	reasons    [numReasons][2]int64 // [reason][0 = excluded, 1 = counted]
}

var _ indicator.Accumulator = (*Accumulator)(nil)

// NewAccumulator returns an empty Accumulator. Cost: 56 bytes per unit and 32 per procedure of the
// calculator's Keys.
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, units: make([]unitCell, c.keys.NumUnits()), procs: make([]procCell, c.keys.NumProcedures())}
}

// Add judges cs.Dossier (as Classify does), counts it, and sets cs.Timing to its 2.1 outcome. When note is
// not nil it receives the dossier's verdicts: always 2.1's (M21, with the reason), then 2.2's (M22) when
// the dossier finished in the period. The unit and procedure are cs.Ref's when it is resolved (by
// Options.Keys), else looked up by string. Cost: as Classify, plus O(1); no allocation once the unit and
// procedure have been seen. A nil cs.Dossier is counted as ReasonExcludedNilRecord.
func (a *Accumulator) Add(cs *indicator.Case, note indicator.Note) {
	var v Verdict
	a.c.classify(cs.Dossier, cs.Ref.Procedure(), &v)
	a.add(cs.Dossier, cs.Ref, &v)
	cs.Timing = v.Timing()
	if note != nil {
		v.note(cs, note)
	}
}

// add counts verdict v of dossier d, whose unit and procedure are r's (when resolved) or d's codes.
func (a *Accumulator) add(d *model.Dossier, r indicator.Ref, v *Verdict) {
	counted := v.Counted
	cnt := b2i(counted)
	a.reasons[v.r][cnt]++
	if !counted && !v.Reception.Checked {
		return
	}
	x := cellAt(a.units, r.Unit()) // inline: the pass's Ref
	if x == nil {
		x = a.unit(-1, d.UnitID)
	}
	chk := b2i(v.Reception.Checked)
	x.seen = true
	x.onlineRecv += chk
	x.onlineLate += chk & b2i(v.Reception.Late)
	if !counted {
		return
	}
	y := cellAt(a.procs, r.Procedure())
	if y == nil {
		y = a.proc(-1, d.ProcedureCode)
	}
	num := b2i(v.InNumerator)
	fin := b2i(v.Finished)
	secs := v.ProcessingSeconds & -fin
	x.m21.Den++
	x.m21.Num += num
	x.finished += fin
	x.seconds += secs
	y.m21.Den++
	y.m21.Num += num
	y.finished += fin
	y.seconds += secs
}

// unit returns the cell of Keys index u, else of id (allocated on first sight when id is not in the Keys).
func (a *Accumulator) unit(u int32, id string) *unitCell {
	return cellOf(a.units, u, id, a.c.keys.Unit, &a.extraUnits)
}

// proc is unit for procedures.
func (a *Accumulator) proc(p int32, code string) *procCell {
	return cellOf(a.procs, p, code, a.c.keys.Procedure, &a.extraProcs)
}

// cellOf returns cells[i], else the cell of id: cells[lookup(id)] when id is in the Keys, else its cell in
// *extra (allocated on first sight).
func cellOf[T any](cells []T, i int32, id string, lookup func(string) int32, extra *map[string]*T) *T {
	if x := cellAt(cells, i); x != nil {
		return x
	}
	if x := cellAt(cells, lookup(id)); x != nil {
		return x
	}
	x := (*extra)[id]
	if x == nil {
		if *extra == nil {
			*extra = make(map[string]*T)
		}
		x = new(T)
		(*extra)[id] = x
	}
	return x
}

// cellAt returns &cells[i], or nil when i is outside cells.
func cellAt[T any](cells []T, i int32) *T {
	if uint32(i) < uint32(len(cells)) {
		return &cells[i]
	}
	return nil
}

// b2i is 1 for true, 0 for false (compiled without a branch).
func b2i(b bool) int64 {
	var i int64
	if b {
		i = 1
	}
	return i
}

// Merge adds the state of other, a timeliness Accumulator, into a (other is unchanged; merging a into
// itself doubles its counts). Merging the accumulators of any split of a stream gives the single-pass
// Result. Cost: O(units + procedures of other). Errors: an *indicator.OptionError when other is not a
// *timeliness.Accumulator.
func (a *Accumulator) Merge(other indicator.Accumulator) error {
	b, ok := other.(*Accumulator)
	if !ok || b == nil {
		return indicator.Invalid(pkg, "Merge", "%T is not a timeliness accumulator", other)
	}
	if b == a {
		b = a.clone()
	}
	same := a.c.keys == b.c.keys
	for i := range b.units {
		if x := &b.units[i]; x.seen {
			id := b.c.keys.UnitID(int32(i))
			if same {
				a.units[i].merge(x)
			} else {
				a.unit(-1, id).merge(x)
			}
		}
	}
	for id, x := range b.extraUnits {
		a.unit(-1, id).merge(x)
	}
	for i := range b.procs {
		if y := &b.procs[i]; y.m21.Den != 0 { // only counted dossiers add to a procedure
			if same {
				a.procs[i].merge(y)
			} else {
				a.proc(-1, b.c.keys.ProcedureCode(int32(i))).merge(y)
			}
		}
	}
	for code, y := range b.extraProcs {
		a.proc(-1, code).merge(y)
	}
	for r := range a.reasons {
		a.reasons[r][0] += b.reasons[r][0]
		a.reasons[r][1] += b.reasons[r][1]
	}
	return nil
}

// clone returns a deep copy of a.
func (a *Accumulator) clone() *Accumulator {
	b := &Accumulator{c: a.c, units: append([]unitCell(nil), a.units...), procs: append([]procCell(nil), a.procs...), reasons: a.reasons}
	for id, x := range a.extraUnits {
		b.unit(-1, id).merge(x)
	}
	for code, y := range a.extraProcs {
		b.proc(-1, code).merge(y)
	}
	return b
}

// Result returns the accumulated state as fresh maps (the Accumulator can keep going). A unit appears when
// it has a counted dossier or a checked online reception; a procedure when it has a counted dossier.
// Cost: O(units + procedures + reasons).
func (a *Accumulator) Result() Result {
	res := Result{Units: make(map[string]indicator.Tally), Procedures: make(map[string]ProcedureStats)}
	unit := func(id string, x *unitCell) {
		if !x.seen {
			return
		}
		var t indicator.Tally
		t.Counts[indicator.M21] = x.m21
		t.Counts[indicator.M22].Den = x.finished
		t.ProcessingSeconds = x.seconds
		t.Overdue = x.m21.Den - x.m21.Num
		t.Completed = x.finished
		t.OnlineReceived = x.onlineRecv
		t.LateOnlineReceptions = x.onlineLate
		res.Units[id] = t
	}
	proc := func(code string, y *procCell) {
		if y.m21.Den != 0 {
			res.Procedures[code] = ProcedureStats{Count: y.m21, Overdue: y.m21.Den - y.m21.Num, Finished: y.finished, ProcessingSeconds: y.seconds}
		}
	}
	for i := range a.units {
		unit(a.c.keys.UnitID(int32(i)), &a.units[i])
	}
	for id, x := range a.extraUnits {
		unit(id, x)
	}
	for i := range a.procs {
		proc(a.c.keys.ProcedureCode(int32(i)), &a.procs[i])
	}
	for code, y := range a.extraProcs {
		proc(code, y)
	}
	for r := rEarly; r < numReasons; r++ {
		res.Ledger.AddN(reasonCodes[r], false, a.reasons[r][0])
		res.Ledger.AddN(reasonCodes[r], true, a.reasons[r][1])
	}
	return res
}

// Report returns the pass's per-unit tallies (2.1, 2.2 and the reception check: sums, so a parent is the
// sum of its sub-units and s is not needed), the "timeliness" ledger and the per-procedure breakdown. It
// does not modify the accumulator. Cost: as Result.
func (a *Accumulator) Report(*indicator.Scope) indicator.Report {
	r := a.Result()
	return indicator.Report{
		Units:      r.Units,
		Ledgers:    []indicator.CalculatorLedger{{Calculator: "timeliness", Records: r.Ledger}},
		Procedures: r.Procedures,
	}
}

// Run judges every dossier of the stream and returns the Result of that single pass. Cost: one Add per
// dossier; memory O(units + procedures).
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	for d := range dossiers {
		var v Verdict
		c.classify(&d, -1, &v) // Add without a Case, which would move every d to the heap
		a.add(&d, indicator.Ref{}, &v)
	}
	return a.Result()
}
