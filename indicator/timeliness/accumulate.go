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

// cellKey identifies a (unit, procedure) pair.
type cellKey struct{ unit, proc string }

// cell holds the counts of one (unit, procedure) pair: the unit's tally and the procedure's breakdown are
// both sums of cells.
type cell struct {
	m21                    indicator.Count
	overdue, completed     int64
	finished, seconds      int64
	onlineRecv, onlineLate int64
}

func (x *cell) merge(y *cell) {
	x.m21.Num += y.m21.Num
	x.m21.Den += y.m21.Den
	x.overdue += y.overdue
	x.completed += y.completed
	x.finished += y.finished
	x.seconds += y.seconds
	x.onlineRecv += y.onlineRecv
	x.onlineLate += y.onlineLate
}

// Accumulator is the partial state of a pass over a slice of dossiers: counts per (unit, procedure) pair and
// per reason. Memory is O(pairs seen) ≤ O(units × procedures), never O(dossiers). It is not safe for
// concurrent use; give each goroutine its own and Merge them.
type Accumulator struct {
	cells   map[cellKey]*cell
	reasons [numReasons][2]int64 // [reason][0 = excluded, 1 = counted]

	// cache is a small direct-mapped cache in front of cells, indexed by a cheap hash of the key's last
	// bytes; a miss falls back to the map.
	cache [256]cacheEntry
}

type cacheEntry struct {
	key cellKey
	x   *cell
}

// slot hashes the lengths and last two bytes of the unit and procedure codes (where sibling codes usually
// differ) into the cache's 256 slots (Fibonacci hashing).
func slot(unit, proc string) int {
	h := uint32(len(unit))<<8 | uint32(len(proc))
	if n := len(unit); n >= 2 {
		h = h<<16 | uint32(unit[n-1])<<8 | uint32(unit[n-2])
	}
	if n := len(proc); n >= 2 {
		h ^= (uint32(proc[n-1])<<8 | uint32(proc[n-2])) * 0x85EBCA6B
	}
	return int((h * 0x9E3779B1) >> 24)
}

// NewAccumulator returns an empty Accumulator. Cost: one small map allocation.
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{cells: make(map[cellKey]*cell)}
}

func (a *Accumulator) cell(unit, proc string) *cell {
	e := &a.cache[slot(unit, proc)]
	if e.x != nil && e.key.unit == unit && e.key.proc == proc {
		return e.x
	}
	k := cellKey{unit, proc}
	x, ok := a.cells[k]
	if !ok {
		x = new(cell)
		a.cells[k] = x
	}
	e.key, e.x = k, x
	return x
}

// Add counts one verdict. It allocates only the first time a (unit, procedure) pair is seen. A zero Verdict
// (not produced by Classify) is counted as ReasonExcludedNilRecord.
func (a *Accumulator) Add(v Verdict) { a.add(&v) }

func (a *Accumulator) add(v *Verdict) {
	r := v.r
	counted := v.Counted
	if r == rNone {
		r, counted = rNilRecord, false
	}
	if !counted {
		a.reasons[r][0]++
		if !v.Reception.Checked {
			return
		}
	} else {
		a.reasons[r][1]++
	}
	x := a.cell(v.Unit, v.Procedure)
	if v.Reception.Checked {
		x.onlineRecv++
		if v.Reception.Late {
			x.onlineLate++
		}
	}
	if !counted {
		return
	}
	x.m21.Den++
	if v.InNumerator {
		x.m21.Num++
	} else {
		x.overdue++
	}
	if v.Finished {
		x.completed++
		x.finished++
		x.seconds += v.ProcessingSeconds
	}
}

// Merge adds b's state into a (b is unchanged). Merge is associative and commutative: merging the
// accumulators of any split of a stream gives the single-pass Result. Cost: O(pairs of b).
func (a *Accumulator) Merge(b *Accumulator) {
	if b == nil {
		return
	}
	if b == a {
		for _, x := range a.cells {
			y := *x
			x.merge(&y)
		}
		for r := range a.reasons {
			a.reasons[r][0] *= 2
			a.reasons[r][1] *= 2
		}
		return
	}
	for k, y := range b.cells {
		a.cell(k.unit, k.proc).merge(y)
	}
	for r := range a.reasons {
		a.reasons[r][0] += b.reasons[r][0]
		a.reasons[r][1] += b.reasons[r][1]
	}
}

// Result returns the accumulated state as fresh maps (the Accumulator can keep going). A unit appears when
// it has a counted dossier or a checked online reception; a procedure when it has a counted dossier.
// Cost: O(pairs + reasons).
func (a *Accumulator) Result() Result {
	units := make(map[string]*indicator.Tally)
	res := Result{Units: make(map[string]indicator.Tally), Procedures: make(map[string]ProcedureStats)}
	for k, x := range a.cells {
		t := units[k.unit]
		if t == nil {
			t = new(indicator.Tally)
			units[k.unit] = t
		}
		t.Counts[indicator.M21].Num += x.m21.Num
		t.Counts[indicator.M21].Den += x.m21.Den
		t.Counts[indicator.M22].Den += x.finished
		t.ProcessingSeconds += x.seconds
		t.Overdue += x.overdue
		t.Completed += x.completed
		t.OnlineReceived += x.onlineRecv
		t.LateOnlineReceptions += x.onlineLate
		if x.m21.Den == 0 {
			continue
		}
		p := res.Procedures[k.proc]
		p.Count.Num += x.m21.Num
		p.Count.Den += x.m21.Den
		p.Overdue += x.overdue
		p.Finished += x.finished
		p.ProcessingSeconds += x.seconds
		res.Procedures[k.proc] = p
	}
	for id, t := range units {
		res.Units[id] = *t
	}
	for r := rEarly; r < numReasons; r++ {
		res.Ledger.AddN(reasonCodes[r], false, a.reasons[r][0])
		res.Ledger.AddN(reasonCodes[r], true, a.reasons[r][1])
	}
	return res
}

// Run classifies every dossier of the stream and returns the Result of that single pass. Cost: one
// Classify and one Add per dossier; memory O((unit, procedure) pairs).
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
