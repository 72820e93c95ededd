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

// Accumulator is the partial state of one pass over a slice of dossiers: per-unit tallies and the ledger.
// Memory is O(units). It is not safe for concurrent use; give each goroutine its own and Merge them.
type Accumulator struct {
	c        *Calculator
	units    map[string]*indicator.Tally
	ledger   indicator.Ledger        // reasons outside the fixed table (hand-built verdicts)
	reasons  [numLedgerReasons]int64 // per ledger reason
	lastUnit string
	last     *indicator.Tally
}

// NewAccumulator returns an empty accumulator bound to c (whose 4.4 and 4.6a counts Result adds).
// Cost: one small allocation.
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, units: map[string]*indicator.Tally{}}
}

// Add counts one verdict: its ledger reason, and when counted its metric verdicts in its unit's tally.
// Cost: no allocation once the unit and the reason have been seen.
func (a *Accumulator) Add(v Verdict) {
	if v.lr != lrOther && v.lr < numLedgerReasons {
		a.reasons[v.lr]++
	} else {
		a.ledger.Add(v.Reason, v.Counted)
	}
	if !v.Counted {
		return
	}
	t := a.tally(v.Unit)
	den, num := int64(v.den), int64(v.num&v.den) // branch-free: the verdicts vary from dossier to dossier
	t.Counts[indicator.M41].Den += den & 1
	t.Counts[indicator.M41].Num += num & 1
	t.Counts[indicator.M42].Den += den >> 1 & 1
	t.Counts[indicator.M42].Num += num >> 1 & 1
	t.Counts[indicator.M43].Den += den >> 2 & 1
	t.Counts[indicator.M43].Num += num >> 2 & 1
	t.Counts[indicator.M45].Den += den >> 3 & 1
	t.Counts[indicator.M45].Num += num >> 3 & 1
	t.Counts[indicator.M46b].Den += den >> 4 & 1
	t.Counts[indicator.M46b].Num += num >> 4 & 1
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

func (a *Accumulator) tally(unit string) *indicator.Tally {
	if a.last != nil && unit == a.lastUnit {
		return a.last
	}
	t, ok := a.units[unit]
	if !ok {
		t = new(indicator.Tally)
		a.units[unit] = t
	}
	a.lastUnit, a.last = unit, t
	return t
}

// Merge adds b's dossier counts and ledger into a. It is associative and commutative, and merging the
// accumulators of the parts of a stream gives the same Result as one pass over the whole stream. b is not
// modified. Cost: O(units of b).
func (a *Accumulator) Merge(b *Accumulator) {
	if b == nil || b == a {
		return
	}
	for u, t := range b.units {
		a.tally(u).Merge(*t)
	}
	a.ledger.Merge(b.ledger)
	for i, n := range b.reasons {
		a.reasons[i] += n
	}
}

// Result returns the per-unit tallies (dossier counts plus the calculator's 4.4 and 4.6a counts) and the
// ledgers, as fresh values: the accumulator may keep accumulating. Cost: O(units).
func (a *Accumulator) Result() Result {
	r := Result{Units: make(map[string]indicator.Tally, len(a.units)+len(a.c.static)), Ledger: a.ledgerOf(),
		Catalogue: a.c.staticLedger.Clone()}
	for u, t := range a.units {
		r.Units[u] = *t
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
