package timeliness

import (
	"iter"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// ProcedureStats is the per-procedure breakdown of 2.1 and 2.2 (INDICATORS.md §3: 2.2 "shown per
// procedure"), pooled over all units.
type ProcedureStats struct {
	// Count is 2.1's numerator and denominator restricted to the procedure's dossiers.
	Count indicator.Count
	// Overdue counts dossiers in the denominator and not in the numerator.
	Overdue int64
	// Finished and ProcessingSeconds are 2.2's inputs: dossiers finished in the period and the sum of their
	// seconds from reception to end of processing.
	Finished          int64
	ProcessingSeconds int64
}

func (p *ProcedureStats) merge(q *ProcedureStats) {
	p.Count.Num += q.Count.Num
	p.Count.Den += q.Count.Den
	p.Overdue += q.Overdue
	p.Finished += q.Finished
	p.ProcessingSeconds += q.ProcessingSeconds
}

// AverageDays returns 2.2 for the procedure: ProcessingSeconds / (Finished · 86 400), i.e. calendar days,
// formed once with decimal.DivRound at the given scale; zero and false when nothing finished. Cost: O(1),
// a few small allocations (decimals).
func (p ProcedureStats) AverageDays(scale int32) (decimal.Decimal, bool) {
	return averageDays(p.ProcessingSeconds, p.Finished, scale)
}

// AverageDays returns 2.2 for a tally (ProcessingSeconds over Counts[M22].Den), in calendar days, rounded
// half away from zero at scale; zero and false when the denominator is 0. Cost: O(1).
func AverageDays(t indicator.Tally, scale int32) (decimal.Decimal, bool) {
	return averageDays(t.ProcessingSeconds, t.Counts[indicator.M22].Den, scale)
}

func averageDays(secs, n int64, scale int32) (decimal.Decimal, bool) {
	if n <= 0 {
		return decimal.Zero, false
	}
	return decimal.NewFromInt(secs).DivRound(decimal.NewFromInt(n).Mul(decimal.NewFromInt(86400)), scale), true
}

// Result is the outcome of one or more passes: per-unit tallies (2.1 in Counts[M21], 2.2 in Counts[M22]
// and ProcessingSeconds, Overdue, Completed, OnlineReceived, LateOnlineReceptions), the ledger
// (Read == Counted + Excluded, one reason per dossier) and the per-procedure breakdown.
type Result struct {
	Units      map[string]indicator.Tally
	Ledger     indicator.Ledger
	Procedures map[string]ProcedureStats
}

// Accumulator is the partial state of a pass over a slice of dossiers. Memory is O(units + procedures),
// never O(dossiers). It is not safe for concurrent use; give each goroutine its own and Merge them.
type Accumulator struct {
	units   map[string]*indicator.Tally
	procs   map[string]*ProcedureStats
	reasons [numReasons][2]int64 // [reason][0 = excluded, 1 = counted]

	lastUnit  string
	last      *indicator.Tally
	lastProc  string
	lastStats *ProcedureStats
}

// NewAccumulator returns an empty Accumulator. Cost: two small map allocations.
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{units: make(map[string]*indicator.Tally), procs: make(map[string]*ProcedureStats)}
}

func (a *Accumulator) unit(id string) *indicator.Tally {
	if a.last != nil && a.lastUnit == id {
		return a.last
	}
	t, ok := a.units[id]
	if !ok {
		t = new(indicator.Tally)
		a.units[id] = t
	}
	a.lastUnit, a.last = id, t
	return t
}

func (a *Accumulator) proc(code string) *ProcedureStats {
	if a.lastStats != nil && a.lastProc == code {
		return a.lastStats
	}
	p, ok := a.procs[code]
	if !ok {
		p = new(ProcedureStats)
		a.procs[code] = p
	}
	a.lastProc, a.lastStats = code, p
	return p
}

// Add counts one verdict. It allocates only the first time a unit or a procedure is seen. A zero Verdict
// (not produced by Classify) is counted as ReasonExcludedNilRecord.
func (a *Accumulator) Add(v Verdict) {
	r := v.r
	if r == rNone {
		r = rNilRecord
		v.Counted = false
	}
	if !v.Counted {
		a.reasons[r][0]++
	} else {
		a.reasons[r][1]++
	}
	if !v.Counted && !v.Reception.Checked {
		return
	}
	t := a.unit(v.Unit)
	if v.Reception.Checked {
		t.OnlineReceived++
		if v.Reception.Late {
			t.LateOnlineReceptions++
		}
	}
	if !v.Counted {
		return
	}
	p := a.proc(v.Procedure)
	c := &t.Counts[indicator.M21]
	c.Den++
	p.Count.Den++
	if v.InNumerator {
		c.Num++
		p.Count.Num++
	} else {
		t.Overdue++
		p.Overdue++
	}
	if v.Finished {
		t.Completed++
		t.Counts[indicator.M22].Den++
		t.ProcessingSeconds += v.ProcessingSeconds
		p.Finished++
		p.ProcessingSeconds += v.ProcessingSeconds
	}
}

// Merge adds b's state into a (b is unchanged). Merge is associative and commutative: merging the
// accumulators of any split of a stream gives the single-pass Result. Cost: O(units + procedures of b).
func (a *Accumulator) Merge(b *Accumulator) {
	if b == nil || b == a {
		if b == a && b != nil {
			a.double()
		}
		return
	}
	for id, t := range b.units {
		a.unit(id).Merge(*t)
	}
	for code, p := range b.procs {
		a.proc(code).merge(p)
	}
	for r := range a.reasons {
		a.reasons[r][0] += b.reasons[r][0]
		a.reasons[r][1] += b.reasons[r][1]
	}
}

// double merges a into itself (a.Merge(a)).
func (a *Accumulator) double() {
	for _, t := range a.units {
		t.Merge(*t)
	}
	for _, p := range a.procs {
		q := *p
		p.merge(&q)
	}
	for r := range a.reasons {
		a.reasons[r][0] *= 2
		a.reasons[r][1] *= 2
	}
}

// Result returns the accumulated state as fresh maps (the Accumulator can keep going). Cost:
// O(units + procedures + reasons).
func (a *Accumulator) Result() Result {
	res := Result{Units: make(map[string]indicator.Tally, len(a.units)), Procedures: make(map[string]ProcedureStats, len(a.procs))}
	for id, t := range a.units {
		res.Units[id] = *t
	}
	for code, p := range a.procs {
		res.Procedures[code] = *p
	}
	for r := rEarly; r < numReasons; r++ {
		res.Ledger.AddN(reasonCodes[r], false, a.reasons[r][0])
		res.Ledger.AddN(reasonCodes[r], true, a.reasons[r][1])
	}
	return res
}

// Run classifies every dossier of the stream and returns the Result of that single pass. Cost: one
// Classify and one Add per dossier; memory O(units + procedures).
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	for d := range dossiers {
		a.Add(c.Classify(&d))
	}
	return a.Result()
}

// RunSlice is Run over a slice, without copying the dossiers. Cost: as Run.
func (c *Calculator) RunSlice(dossiers []model.Dossier) Result {
	a := c.NewAccumulator()
	for i := range dossiers {
		a.Add(c.Classify(&dossiers[i]))
	}
	return a.Result()
}

// inNumerator reports whether a class puts a dossier in the 2.1 numerator (early, on time, open within
// deadline): both "early" (trước hạn) and "on time" (đúng hạn) are on time for 2.1.
func inNumerator(k calendar.Class) bool {
	return k == calendar.Early || k == calendar.OnTime || k == calendar.OpenWithinDeadline
}
