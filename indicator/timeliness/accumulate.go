package timeliness

import (
	"iter"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/lost"
	"github.com/vn-dvc/chiso766/model"
)

// AverageDays returns 2.2 for a tally in calendar days, as indicator.ProcedureStats.AverageDays does.
func AverageDays(t indicator.Tally, scale int32) (decimal.Decimal, bool) {
	n := t.Counts[indicator.M22].Den
	return indicator.ProcedureStats{Finished: n, ProcessingSeconds: t.ProcessingSeconds}.AverageDays(scale)
}

// Result is the outcome of one or more passes: per-unit tallies (2.1 in Counts[M21], 2.2 in Counts[M22]
// and ProcessingSeconds, Overdue, Completed, OnlineReceived, LateOnlineReceptions), the ledger
// (Read == Counted + Excluded, one reason per dossier) and the per-procedure breakdown.
type Result struct {
	Units      map[string]indicator.Tally
	Ledger     indicator.Ledger
	Procedures map[string]indicator.ProcedureStats
}

// procCell holds one procedure's counts, pooled over the units (Result.Procedures); unitCell one unit's.
// 2.1's overdue count is Den − Num, so it is not stored.
type procCell struct {
	m21               indicator.Count
	finished, seconds int64 // 2.2's denominator and numerator (seconds from reception to end)
}

type unitCell struct {
	procCell
	completed              int64 // dossiers of 2.1's denominator finished in the period (Tally.Completed)
	onlineRecv, onlineLate int64 // reception checks, and late ones
	seen                   bool  // a counted or resolved dossier or a checked reception: in Result.Units
}

func (x *procCell) merge(y *procCell) {
	x.m21.Num += y.m21.Num
	x.m21.Den += y.m21.Den
	x.finished += y.finished
	x.seconds += y.seconds
}

// used reports whether a dossier was counted by 2.1 or 2.2 for the procedure.
func (x *procCell) used() bool { return x.m21.Den != 0 || x.finished != 0 }

func (x *unitCell) merge(y *unitCell) {
	x.procCell.merge(&y.procCell)
	x.completed += y.completed
	x.onlineRecv += y.onlineRecv
	x.onlineLate += y.onlineLate
	x.seen = x.seen || y.seen
}

// Accumulator is the state of a pass: counts per unit, procedure and reason, in O(units + procedures) memory
// (never O(dossiers)). It is not safe for concurrent use; give each goroutine its own and Merge them.
type Accumulator struct {
	c *Calculator
	// Cells by Keys index, and by id (code) for units (procedures) that are not in the Keys.
	units      []unitCell
	procs      []procCell
	extraUnits map[string]*unitCell
	extraProcs map[string]*procCell
	reasons    [numReasons]int64 // by reason (those before rNotReceived are counted)
}

// NewAccumulator returns an empty Accumulator: 64 bytes per unit and 32 per procedure of the Keys.
func (c *Calculator) NewAccumulator() *Accumulator {
	a := &Accumulator{c: c, extraUnits: map[string]*unitCell{}, extraProcs: map[string]*procCell{}}
	a.units, a.procs = make([]unitCell, c.keys.NumUnits()), make([]procCell, c.keys.NumProcedures())
	return a
}

// Add judges cs.Dossier (as Classify does), counts it, sets cs.Timing to its 2.1 outcome and hands note,
// when not nil, 2.1's verdict and, for a dossier finished in the period, 2.2's. The unit and procedure are
// cs.Ref's when resolved, else looked up by string. No allocation once they have been seen.
func (a *Accumulator) Add(cs *indicator.Case, note indicator.Note) {
	var v Verdict
	a.c.classify(cs.Dossier, cs.Ref.Procedure(), &v)
	a.add(cs.Dossier, cs.Ref, &v)
	cs.Timing = v.Timing()
	if note != nil {
		note(cs, indicator.Verdict{Metric: indicator.M21, InDenominator: v.Counted,
			InNumerator: v.Counted && v.InNumerator, Reason: v.Reason})
		if v.Resolved {
			note(cs, indicator.Verdict{Metric: indicator.M22, InDenominator: true, Reason: v.Reason})
		}
	}
}

// AddLost is Add over each Case of cs, for the scorecard's pass (package indicator/scorecard; s is internal to package indicator,
// other callers use Add): s receives only the verdicts that lose points, in Add's order — 2.1's for a
// counted dossier not on time, 2.2's (never in a numerator) for a dossier finished in the period — each
// with its reason's index. The counts and cs.Timing are Add's. No allocation once the unit and procedure
// have been seen.
func (a *Accumulator) AddLost(cs []indicator.Case, s *lost.Sink) {
	for i := range cs {
		a.addLost(&cs[i], s)
	}
}

// The reason indexes AddLost passes fit the sink's index (no verdict takes its slow path every time).
var _ [lost.MaxReason - numReasons]struct{}

// addLost is AddLost of one Case.
func (a *Accumulator) addLost(cs *indicator.Case, s *lost.Sink) {
	var v Verdict
	a.c.classify(cs.Dossier, cs.Ref.Procedure(), &v)
	a.add(cs.Dossier, cs.Ref, &v)
	cs.Timing = v.Timing()
	if v.Counted && !v.InNumerator {
		s.Lost(cs, indicator.M21, uint8(v.r), v.Reason)
	}
	if v.Resolved {
		s.Lost(cs, indicator.M22, uint8(v.r), v.Reason)
	}
}

// add counts verdict v of dossier d, whose unit and procedure are r's (when resolved) or d's codes.
func (a *Accumulator) add(d *model.Dossier, r indicator.Ref, v *Verdict) {
	a.reasons[v.r]++
	if !v.Counted && !v.Resolved && !v.Reception.Checked {
		return
	}
	x := cellAt(a.units, r.Unit()) // inline: the pass's Ref
	if x == nil {
		x = cellOf(a.units, d.UnitID, a.c.keys.Unit, a.extraUnits)
	}
	chk := b2i(v.Reception.Checked)
	x.seen = true
	x.onlineRecv += chk
	x.onlineLate += chk & b2i(v.Reception.Late)
	if !v.Counted && !v.Resolved {
		return
	}
	y := cellAt(a.procs, r.Procedure())
	if y == nil {
		y = cellOf(a.procs, d.ProcedureCode, a.c.keys.Procedure, a.extraProcs)
	}
	cnt, num, fin := b2i(v.Counted), b2i(v.InNumerator), b2i(v.Resolved)
	x.completed += b2i(v.Finished)
	x.count(cnt, num, fin, v.ProcessingSeconds&-fin)
	y.count(cnt, num, fin, v.ProcessingSeconds&-fin)
}

// count adds a dossier: cnt (in 2.1), num (2.1's numerator) and fin (in 2.2) are 0 or 1, secs its
// processing seconds when in 2.2, else 0.
func (x *procCell) count(cnt, num, fin, secs int64) {
	x.m21.Den += cnt
	x.m21.Num += num
	x.finished += fin
	x.seconds += secs
}

// cellOf returns cells[lookup(id)] when id is in the Keys, else its cell in extra (added on first sight).
func cellOf[T any](cells []T, id string, lookup func(string) int32, extra map[string]*T) *T {
	if x := cellAt(cells, lookup(id)); x != nil {
		return x
	}
	x := extra[id]
	if x == nil {
		x = new(T)
		extra[id] = x
	}
	return x
}

// each calls f with the id and cell of every Keys index, then of every id in extra.
func each[T any](cells []T, id func(int32) string, extra map[string]*T, f func(string, *T)) {
	for i := range cells {
		f(id(int32(i)), &cells[i])
	}
	for k, x := range extra {
		f(k, x)
	}
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

// Merge adds the counts of other, a *timeliness.Accumulator (else an *indicator.OptionError), into a;
// merging a into itself doubles them. Merging the accumulators of any split of a stream gives one pass's.
func (a *Accumulator) Merge(other indicator.Accumulator) error {
	b, ok := other.(*Accumulator)
	if !ok || b == nil {
		return indicator.Invalid(pkg, "Merge", "%T is not a timeliness accumulator", other)
	}
	each(b.units, b.c.keys.UnitID, b.extraUnits, func(id string, x *unitCell) {
		if x.seen {
			cellOf(a.units, id, a.c.keys.Unit, a.extraUnits).merge(x)
		}
	})
	each(b.procs, b.c.keys.ProcedureCode, b.extraProcs, func(code string, y *procCell) {
		if y.used() { // only counted or resolved dossiers add to a procedure
			cellOf(a.procs, code, a.c.keys.Procedure, a.extraProcs).merge(y)
		}
	})
	for r, n := range b.reasons {
		a.reasons[r] += n
	}
	return nil
}

// Result returns the state as fresh maps, of the units and procedures with a dossier counted by 2.1 or 2.2
// (or a reception check).
func (a *Accumulator) Result() Result {
	res := Result{Units: map[string]indicator.Tally{}, Procedures: map[string]indicator.ProcedureStats{}}
	each(a.units, a.c.keys.UnitID, a.extraUnits, func(id string, x *unitCell) {
		if !x.seen {
			return
		}
		var t indicator.Tally
		t.Counts[indicator.M21] = x.m21
		t.Counts[indicator.M22].Den = x.finished
		t.ProcessingSeconds = x.seconds
		t.Overdue = x.m21.Den - x.m21.Num
		t.Completed = x.completed
		t.OnlineReceived = x.onlineRecv
		t.LateOnlineReceptions = x.onlineLate
		res.Units[id] = t
	})
	each(a.procs, a.c.keys.ProcedureCode, a.extraProcs, func(code string, y *procCell) {
		if y.used() {
			res.Procedures[code] = indicator.ProcedureStats{Count: y.m21, Overdue: y.m21.Den - y.m21.Num,
				Finished: y.finished, ProcessingSeconds: y.seconds}
		}
	})
	for r := rEarly; r < numReasons; r++ {
		res.Ledger.AddN(reasonCodes[r], r < rNotReceived, a.reasons[r])
	}
	return res
}

// Report returns Result as an indicator.Report: the tallies are sums, so s is not needed.
func (a *Accumulator) Report(*indicator.Scope) indicator.Report {
	r := a.Result()
	return indicator.Report{
		Units:      r.Units,
		Ledgers:    []indicator.CalculatorLedger{{Calculator: "timeliness", Records: r.Ledger}},
		Procedures: r.Procedures,
	}
}

// Run judges every dossier of the stream and returns the Result of that single pass.
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	for d := range dossiers {
		var v Verdict
		c.classify(&d, -1, &v) // not Add: a Case would move every d to the heap
		a.add(&d, indicator.Ref{}, &v)
	}
	return a.Result()
}
