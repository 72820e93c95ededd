package digitisation

import (
	"iter"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Result is the outcome of one or more passes: per-unit tallies and the accounting of every record read.
type Result struct {
	// Units maps a unit id to its group-4 counts (4.1–4.6b). Units with neither dossiers nor catalogue
	// entries are absent. Pooling over sub-units is the indicator tree's job.
	Units map[string]indicator.Tally `json:"units"`
	// Ledger accounts for every dossier read: Read == Counted + Excluded.
	Ledger indicator.Ledger `json:"ledger"`
	// Catalogue accounts for the offerings (4.6a) and communes (4.4) of Options, once per Result.
	Catalogue indicator.Ledger `json:"catalogue"`
}

// Accumulator is the partial state of one pass over a slice of dossiers: per-unit counts and the ledger.
// The units of the calculator's Keys live in a slice indexed by their Keys index (Add of a verdict made by
// ClassifyRef hashes no string); other units in a map by id. Memory is O(units). It is not safe for
// concurrent use; give each goroutine its own and Merge them.
type Accumulator struct {
	c        *Calculator
	slots    []unitCounts            // by unit index of c.keys
	units    map[string]*unitCounts  // units not in c.keys
	ledger   indicator.Ledger        // reasons outside the fixed table (hand-built verdicts)
	reasons  [numLedgerReasons]int64 // per ledger reason
	lastUnit string
	last     *unitCounts
}

// unitCounts is one unit's dossier counts: metric i of dossierMetrics in den[i], num[i].
type unitCounts struct {
	den, num [NumDossierMetrics]int64
	seen     bool // a counted verdict was added (the unit then has a Tally in Result)
}

// add counts a counted verdict's denominator and numerator bits, branch-free (the verdicts vary from
// dossier to dossier).
func (u *unitCounts) add(den, num uint8) {
	num &= den
	u.seen = true
	u.den[0] += int64(den & 1)
	u.num[0] += int64(num & 1)
	u.den[1] += int64(den >> 1 & 1)
	u.num[1] += int64(num >> 1 & 1)
	u.den[2] += int64(den >> 2 & 1)
	u.num[2] += int64(num >> 2 & 1)
	u.den[3] += int64(den >> 3 & 1)
	u.num[3] += int64(num >> 3 & 1)
	u.den[4] += int64(den >> 4 & 1)
	u.num[4] += int64(num >> 4 & 1)
}

func (u *unitCounts) merge(b *unitCounts) {
	u.seen = true
	for i := range u.den {
		u.den[i] += b.den[i]
		u.num[i] += b.num[i]
	}
}

// NewAccumulator returns an empty accumulator bound to c (whose 4.4 and 4.6a counts Result adds).
// Cost: O(units of the calculator's Keys) time and memory (88 bytes per unit, one allocation).
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, slots: make([]unitCounts, c.nUnits), units: map[string]*unitCounts{}}
}

// Add counts one verdict: its ledger reason, and when counted its metric verdicts in its unit's counts.
// Cost: no allocation once the unit and the reason have been seen; no string hashing for a verdict made by
// this accumulator's Calculator whose unit is in its Keys. Verdicts made by hand or by another Calculator
// find their unit by id.
func (a *Accumulator) Add(v Verdict) { a.add(&v) }

// AddRef classifies d with the accumulator's Calculator and adds the verdict: the same state as
// a.Add(c.ClassifyRef(d, r)), without copying the Verdict out of ClassifyRef and into Add. It is the
// tally-only hot path (the scorecard's when it does not explain lost points); call ClassifyRef and Add
// when the Verdict itself is needed. r is a Ref of the Calculator's Keys, as for ClassifyRef. Cost: as
// ClassifyRef plus Add; no allocation once the unit has been seen. A nil d is counted as ReasonNilRecord,
// as Add(Classify(nil)) would be.
func (a *Accumulator) AddRef(d *model.Dossier, r indicator.Ref) {
	var v Verdict
	a.c.classify(d, r, false, &v)
	a.add(&v)
}

func (a *Accumulator) add(v *Verdict) {
	if v.calc == a.c && uint(v.slot) < uint(len(a.slots)) && v.lr < numLedgerReasons { // made by ClassifyRef
		a.reasons[v.lr]++
		if v.Counted {
			a.slots[v.slot].add(v.den, v.num)
		}
		return
	}
	a.addSlow(v)
}

// addSlow is Add for verdicts made by hand, by another Calculator, or whose unit is not in the Keys.
func (a *Accumulator) addSlow(v *Verdict) {
	if v.lr != lrOther && v.lr < numLedgerReasons {
		a.reasons[v.lr]++
	} else {
		a.ledger.Add(v.Reason, v.Counted)
	}
	if v.Counted {
		a.unit(v.Unit).add(v.den, v.num)
	}
}

// ledgerOf returns the accumulator's dossier ledger: the fixed counters plus any other reasons.
func (a *Accumulator) ledgerOf() indicator.Ledger {
	l := a.ledger.Clone()
	for lr, n := range a.reasons {
		if n > 0 {
			l.AddN(ledgerReasons[lr].r, ledgerReasons[lr].counted, n)
		}
	}
	return l
}

// unit finds a unit's counts by id (slow path: a lookup in the Keys' units, then in the map of other
// units).
func (a *Accumulator) unit(id string) *unitCounts {
	if a.last != nil && id == a.lastUnit {
		return a.last
	}
	var u *unitCounts
	if i := a.c.unitIndex(id); i >= 0 && int(i) < len(a.slots) {
		u = &a.slots[i]
	} else if u = a.units[id]; u == nil {
		u = new(unitCounts)
		a.units[id] = u
	}
	a.lastUnit, a.last = id, u
	return u
}

// Merge adds b's dossier counts and ledger into a. It is associative and commutative, and merging the
// accumulators of the parts of a stream gives the same Result as one pass over the whole stream. b is not
// modified; merging a into itself does nothing. Cost: O(units of the Keys + units of b).
func (a *Accumulator) Merge(b *Accumulator) {
	if b == nil || b == a {
		return
	}
	sameKeys := a.c.keys == b.c.keys && len(a.slots) == len(b.slots)
	for i := range b.slots {
		if bu := &b.slots[i]; bu.seen {
			if sameKeys {
				a.slots[i].merge(bu)
			} else {
				a.unit(b.c.keys.UnitID(int32(i))).merge(bu)
			}
		}
	}
	for u, bu := range b.units {
		a.unit(u).merge(bu)
	}
	a.ledger.Merge(b.ledger)
	for i, n := range b.reasons {
		a.reasons[i] += n
	}
}

// Result returns the per-unit tallies (dossier counts plus the calculator's 4.4 and 4.6a counts) and the
// ledgers, as fresh values: the accumulator may keep accumulating. Cost: O(units of the Keys + units).
func (a *Accumulator) Result() Result {
	r := Result{Units: make(map[string]indicator.Tally, len(a.units)+len(a.c.static)), Ledger: a.ledgerOf(),
		Catalogue: a.c.staticLedger.Clone()}
	put := func(id string, u *unitCounts) {
		var t indicator.Tally
		for i, m := range dossierMetrics {
			t.Counts[m] = indicator.Count{Num: u.num[i], Den: u.den[i]}
		}
		r.Units[id] = t
	}
	for i := range a.slots {
		if u := &a.slots[i]; u.seen {
			put(a.c.keys.UnitID(int32(i)), u)
		}
	}
	for id, u := range a.units {
		put(id, u)
	}
	for u, t := range a.c.static {
		x := r.Units[u]
		x.Merge(t)
		r.Units[u] = x
	}
	return r
}

// Run classifies and accumulates every dossier of the stream in one pass. A nil stream gives the
// catalogue counts alone. Cost: one Classify and Add per dossier.
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	if dossiers != nil {
		for d := range dossiers {
			a.Add(c.Classify(&d))
		}
	}
	return a.Result()
}
