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

// unitCell holds one unit's counts; procCell one procedure's, pooled over the units (Result.Procedures).
// A dossier adds to one of each: both arrays are dense (by Keys index, then extra index), so the cells of
// a province's units and procedures stay in the CPU caches, unlike a table of (unit, procedure) pairs.
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

// Accumulator is the partial state of a pass over a slice of dossiers: counts per unit, per procedure and
// per reason. Memory is O(units + procedures) — those of the calculator's Keys, plus any others met —
// never O(dossiers). It is not safe for concurrent use; give each goroutine its own and Merge them.
type Accumulator struct {
	c              *Calculator // the calculator that made the accumulator (its Keys index the cells)
	nUnits, nProcs int32       // c's Keys sizes

	// Cells by index: below nUnits (nProcs), the Keys index; from there on, the index of an id (code) not
	// in the Keys, interned by string in extraUnits (extraProcs).
	units []unitCell
	procs []procCell

	// Units and procedures not in the Keys, by string (the slow path).
	extraUnits extraIDs
	extraProcs extraIDs

	reasons [numReasons][2]int64 // [reason][0 = excluded, 1 = counted]

	// unitCache and procCache remember the indexes of recently resolved strings (verdicts of Classify, of
	// another calculator or made by hand).
	unitCache, procCache [256]cacheEntry
}

// NewAccumulator returns an empty Accumulator. Cost: 56 bytes per unit and 32 per procedure of the
// calculator's Keys (two allocations), plus two 8 KB caches of resolved strings.
func (c *Calculator) NewAccumulator() *Accumulator {
	a := &Accumulator{c: c}
	if c != nil {
		a.nUnits, a.nProcs = c.nUnits, int32(len(c.procByKey))
	}
	a.units = make([]unitCell, a.nUnits)
	a.procs = make([]procCell, a.nProcs)
	return a
}

// unit returns the cell of unit index u, growing the array for an extra index (u ≥ 0).
func (a *Accumulator) unit(u int32) *unitCell {
	if int(u) >= len(a.units) {
		a.units = append(a.units, make([]unitCell, int(u)+1-len(a.units))...)
	}
	return &a.units[u]
}

// proc returns the cell of procedure index p, growing the array for an extra index (p ≥ 0).
func (a *Accumulator) proc(p int32) *procCell {
	if int(p) >= len(a.procs) {
		a.procs = append(a.procs, make([]procCell, int(p)+1-len(a.procs))...)
	}
	return &a.procs[p]
}

// extraIDs interns the ids of units or procedures an accumulator meets that are not in its Keys.
type extraIDs struct {
	idx map[string]int32
	ids []string
}

// intern returns the extra index of id, adding it when new (allocates then).
func (e *extraIDs) intern(id string) int32 {
	i, ok := e.idx[id]
	if !ok {
		if e.idx == nil {
			e.idx = make(map[string]int32)
		}
		i = int32(len(e.ids))
		e.idx[id] = i
		e.ids = append(e.ids, id)
	}
	return i
}

// unitIndex returns the cell index of a unit id: its Keys index, else its extra index (interned).
func (a *Accumulator) unitIndex(id string) int32 {
	if a.c != nil {
		if i := a.c.keys.Unit(id); i >= 0 && i < a.nUnits {
			return i
		}
	}
	return a.nUnits + a.extraUnits.intern(id)
}

// procIndex returns the cell index of a procedure code: its Keys index, else its extra index (interned).
func (a *Accumulator) procIndex(code string) int32 {
	if a.c != nil {
		if i := a.c.keys.Procedure(code); i >= 0 && i < a.nProcs {
			return i
		}
	}
	return a.nProcs + a.extraProcs.intern(code)
}

// unitID and procCode invert unitIndex and procIndex.
func (a *Accumulator) unitID(u int32) string {
	if u < a.nUnits {
		return a.c.keys.UnitID(u)
	}
	return a.extraUnits.ids[u-a.nUnits]
}

func (a *Accumulator) procCode(p int32) string {
	if p < a.nProcs {
		return a.c.keys.ProcedureCode(p)
	}
	return a.extraProcs.ids[p-a.nProcs]
}

// Add counts one verdict. It allocates only the first time a unit or procedure outside the Keys is seen.
// A zero Verdict (not produced by Classify) is counted as ReasonExcludedNilRecord. Verdicts of this
// accumulator's Calculator find their cells by the Keys indexes they carry; others (another Calculator's,
// hand-made) by their Unit and Procedure strings, with the same counts.
func (a *Accumulator) Add(v Verdict) { a.add(&v) }

// AddRef classifies d with the accumulator's Calculator and adds the verdict: the same state as
// a.Add(c.ClassifyRef(d, r)), without copying the Verdict out of ClassifyRef and into Add. It is the
// tally-only hot path (the scorecard's when it does not explain lost points); call ClassifyRef and Add
// when the Verdict itself is needed. r is a Ref of the Calculator's Keys, as for ClassifyRef. Cost: as
// ClassifyRef plus Add; no allocation once the unit has been seen. A nil d is counted as
// ReasonExcludedNilRecord, as Add(Classify(nil)) would be.
//
// It returns the verdict's Counted and InNumerator (in 2.1's denominator; on time), which the scorecard's
// 5.3 rule reuses.
func (a *Accumulator) AddRef(d *model.Dossier, r indicator.Ref) (counted, inNumerator bool) {
	var v Verdict
	a.c.classify(d, r, &v)
	a.add(&v)
	return v.Counted, v.InNumerator
}

func (a *Accumulator) add(v *Verdict) {
	r := v.r
	counted := v.Counted
	if r == rNone {
		r, counted = rNilRecord, false
	}
	cnt := b2i(counted)
	a.reasons[r][cnt]++
	if !counted && !v.Reception.Checked {
		return
	}
	u, p := v.unit, v.proc
	if v.calc != a.c || a.c == nil || u < 0 || p < 0 || u >= a.nUnits || p >= a.nProcs {
		u, p = a.resolve(v)
	}
	// Branch-free counting: the flags of consecutive verdicts are unpredictable.
	x, y := a.unit(u), a.proc(p)
	chk := b2i(v.Reception.Checked)
	x.seen = true
	x.onlineRecv += chk
	x.onlineLate += chk & b2i(v.Reception.Late)
	num := cnt & b2i(v.InNumerator)
	fin := cnt & b2i(v.Finished)
	secs := v.ProcessingSeconds & -fin
	x.m21.Den += cnt
	x.m21.Num += num
	x.finished += fin
	x.seconds += secs
	y.m21.Den += cnt
	y.m21.Num += num
	y.finished += fin
	y.seconds += secs
}

// b2i is 1 for true, 0 for false (compiled without a branch).
func b2i(b bool) int64 {
	var i int64
	if b {
		i = 1
	}
	return i
}

// resolve finds a verdict's unit and procedure cells by its strings (the slow path of add), through small
// direct-mapped caches of resolved unit ids and procedure codes in front of the Keys and the extra maps.
func (a *Accumulator) resolve(v *Verdict) (u, p int32) {
	u, p = unknown, unknown
	if v.calc == a.c && a.c != nil {
		u, p = v.unit, v.proc
	}
	if u < 0 || u >= a.nUnits {
		u = cached(&a.unitCache, v.Unit, a.unitIndex)
	}
	if p < 0 || p >= a.nProcs {
		p = cached(&a.procCache, v.Procedure, a.procIndex)
	}
	return u, p
}

// cached returns index(s) through the direct-mapped cache c.
func cached(c *[256]cacheEntry, s string, index func(string) int32) int32 {
	e := &c[cacheSlot(s)]
	if !e.ok || e.s != s {
		*e = cacheEntry{s: s, i: index(s), ok: true}
	}
	return e.i
}

// cacheEntry is a slot of the accumulator's caches of resolved strings: the string and its cell index.
type cacheEntry struct {
	s  string
	i  int32
	ok bool
}

// cacheSlot hashes the length and the last eight bytes of an id or code (where sibling codes differ:
// "000.00.12.H45", "1.001234") into the caches' 256 slots. A collision only costs a look-up.
func cacheSlot(s string) int {
	n := len(s)
	h := uint64(n)
	if n >= 8 {
		t := s[n-8:]
		h ^= uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
	} else {
		for i := 0; i < n; i++ {
			h = h<<8 | uint64(s[i])
		}
	}
	return int((h * 0x9E3779B97F4A7C15) >> 56)
}

// Merge adds b's state into a (b is unchanged). Merge is associative and commutative: merging the
// accumulators of any split of a stream gives the single-pass Result. Merging a into itself doubles its
// counts. Cost: O(units + procedures of b).
func (a *Accumulator) Merge(b *Accumulator) {
	if b == nil {
		return
	}
	if b == a {
		for i := range a.units {
			y := a.units[i]
			a.units[i].merge(&y)
		}
		for i := range a.procs {
			y := a.procs[i]
			a.procs[i].merge(&y)
		}
		for r := range a.reasons {
			a.reasons[r][0] *= 2
			a.reasons[r][1] *= 2
		}
		return
	}
	same := a.c == b.c && a.c != nil
	for i := range b.units {
		x := &b.units[i]
		if !x.seen {
			continue
		}
		u := int32(i)
		if !same || u >= b.nUnits {
			u = a.unitIndex(b.unitID(u))
		}
		a.unit(u).merge(x)
	}
	for i := range b.procs {
		x := &b.procs[i]
		if x.m21.Den == 0 { // only counted dossiers add to a procedure
			continue
		}
		p := int32(i)
		if !same || p >= b.nProcs {
			p = a.procIndex(b.procCode(p))
		}
		a.proc(p).merge(x)
	}
	for r := range a.reasons {
		a.reasons[r][0] += b.reasons[r][0]
		a.reasons[r][1] += b.reasons[r][1]
	}
}

// Result returns the accumulated state as fresh maps (the Accumulator can keep going). A unit appears when
// it has a counted dossier or a checked online reception; a procedure when it has a counted dossier.
// Cost: O(units + procedures + reasons).
func (a *Accumulator) Result() Result {
	res := Result{Units: make(map[string]indicator.Tally), Procedures: make(map[string]ProcedureStats)}
	for i := range a.units {
		x := &a.units[i]
		if !x.seen {
			continue
		}
		var t indicator.Tally
		t.Counts[indicator.M21] = x.m21
		t.Counts[indicator.M22].Den = x.finished
		t.ProcessingSeconds = x.seconds
		t.Overdue = x.m21.Den - x.m21.Num
		t.Completed = x.finished
		t.OnlineReceived = x.onlineRecv
		t.LateOnlineReceptions = x.onlineLate
		res.Units[a.unitID(int32(i))] = t
	}
	for i := range a.procs {
		x := &a.procs[i]
		if x.m21.Den == 0 {
			continue
		}
		res.Procedures[a.procCode(int32(i))] = ProcedureStats{Count: x.m21, Overdue: x.m21.Den - x.m21.Num,
			Finished: x.finished, ProcessingSeconds: x.seconds}
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

// classes holds, per calendar.Class of a counted dossier, its reason and whether it is in the numerator
// (a table look-up: the class of consecutive dossiers is unpredictable).
var classes = func() (t [256]struct {
	r   reason
	num bool
}) {
	for k := range t {
		t[k].r, t[k].num = rOpenOverdue, inNumerator(calendar.Class(k))
	}
	t[calendar.Early].r, t[calendar.OnTime].r, t[calendar.Late].r = rEarly, rOnTime, rLate
	t[calendar.OpenWithinDeadline].r = rOpenWithin
	return t
}()
