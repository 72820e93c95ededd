package digitisation

import (
	"iter"
	"math/bits"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/lost"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// Result is the outcome of one or more passes: each unit's own group-4 counts (units with neither dossiers
// nor catalogue entries are absent), the ledger of every dossier read, and that of the offerings (4.6a)
// and communes (4.4) of Options.
type Result struct {
	Units     map[string]indicator.Tally `json:"units"`
	Ledger    indicator.Ledger           `json:"ledger"`
	Catalogue indicator.Ledger           `json:"catalogue"`
}

// Accumulator is the dossier state of one pass: per-unit counts and the ledger. It is not safe for
// concurrent use; give each goroutine its own and Merge them.
type Accumulator struct {
	c       *Calculator
	slots   []unitCounts           // by unit index of c.keys
	units   map[string]*unitCounts // units not in c.keys
	reasons offer.Reasons
}

var _ indicator.Accumulator = (*Accumulator)(nil)

// unitCounts is one unit's dossier counts: metric i of dossierMetrics in den[i], num[i]. The unit has a
// Tally in Result once den[1] (4.2, which counts every counted dossier) is not zero.
type unitCounts struct {
	den, num [NumDossierMetrics]int64
}

// add counts a counted verdict's denominator and numerator bits, branch-free (the verdicts vary from
// dossier to dossier).
func (u *unitCounts) add(den, num uint8) {
	num &= den
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
	for i := range u.den {
		u.den[i] += b.den[i]
		u.num[i] += b.num[i]
	}
}

// NewAccumulator returns an empty accumulator bound to c (whose 4.4 and 4.6a counts Result adds).
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, slots: make([]unitCounts, c.keys.NumUnits()), units: map[string]*unitCounts{}}
}

// Add judges k.Dossier and counts it: its ledger reason, and when counted its metric verdicts in its
// unit's counts; note, when not nil, receives the five metric verdicts (4.1, 4.2, 4.3, 4.5, 4.6b). k.Ref,
// when not zero, must be of the calculator's Keys; the zero Ref is resolved by the dossier's unit id and
// procedure code. No allocation once the unit has been seen.
func (a *Accumulator) Add(k *indicator.Case, note indicator.Note) { a.add(k, note, nil) }

// AddLost is Add over each Case of cs, for the scorecard's pass (package indicator/scorecard; s is internal to package indicator,
// other callers use Add): s receives only the verdicts that lose points (in a metric's denominator, not
// its numerator), in Add's order, each with its outcome's index. The counts are Add's. No allocation once
// the unit has been seen.
func (a *Accumulator) AddLost(cs []indicator.Case, s *lost.Sink) {
	for i := range cs {
		a.add(&cs[i], nil, s)
	}
}

// The reason indexes AddLost passes fit the sink's index (no verdict takes its slow path every time).
var _ [lost.MaxReason - numOutcomes]struct{}

// add is Add of one Case (note, when not nil, receives its verdicts) and AddLost's (s, when not nil, its
// verdicts that lose points): the counting written once for both.
func (a *Accumulator) add(k *indicator.Case, note indicator.Note, s *lost.Sink) {
	var v Verdict
	a.c.classify(&v, k.Dossier, k.Ref.Procedure())
	a.reasons.Add(uint8(v.lr), v.Reason, v.Counted)
	if v.Counted {
		slot := k.Ref.Unit()
		if k.Ref == (indicator.Ref{}) {
			slot = a.c.keys.Unit(v.Unit)
		}
		a.unit(slot, v.Unit).add(v.den, v.num)
	}
	if note != nil {
		for i := range NumDossierMetrics {
			note(k, v.metric(i))
		}
		return
	}
	if s == nil || !v.Counted {
		return // no verdict in a denominator
	}
	for m := v.den &^ v.num; m != 0; m &= m - 1 {
		i := bits.TrailingZeros8(m)
		if o := v.outcomes[i]; o != 0 && o < numOutcomes { // metric(i)'s verdict is in the denominator
			s.Lost(k, dossierMetrics[i], uint8(o), outcomeReasons[o])
		}
	}
}

// unit returns the counts of the unit of index slot in the Keys, or of id when slot is out of range.
func (a *Accumulator) unit(slot int32, id string) *unitCounts {
	if uint(slot) < uint(len(a.slots)) {
		return &a.slots[slot]
	}
	u := a.units[id]
	if u == nil {
		u = new(unitCounts)
		a.units[id] = u
	}
	return u
}

// Merge adds the state of other, an accumulator of this package (an *indicator.OptionError otherwise; a
// nil *Accumulator adds nothing), into a; other is unchanged, and a.Merge(a) doubles a.
func (a *Accumulator) Merge(other indicator.Accumulator) error {
	b, err := offer.As[*Accumulator](pkg, other)
	if err != nil || b == nil {
		return err
	}
	sameKeys := a.c.keys == b.c.keys
	for i := range b.slots {
		if bu := &b.slots[i]; bu.den[1] != 0 {
			j := int32(i)
			if !sameKeys {
				j = a.c.keys.Unit(b.c.keys.UnitID(j))
			}
			a.unit(j, b.c.keys.UnitID(int32(i))).merge(bu)
		}
	}
	for id, bu := range b.units {
		a.unit(a.c.keys.Unit(id), id).merge(bu)
	}
	a.reasons.Merge(&b.reasons)
	return nil
}

// Result returns the per-unit tallies (dossier counts plus the calculator's 4.4 and 4.6a counts) and the
// ledgers, as fresh values: the accumulator may keep accumulating.
func (a *Accumulator) Result() Result {
	r := Result{Units: make(map[string]indicator.Tally, len(a.units)+len(a.c.static)),
		Ledger: a.reasons.Ledger(ledgerNames[:], ledgerCounted), Catalogue: a.c.staticLedger.Clone()}
	put := func(id string, u *unitCounts) {
		var t indicator.Tally
		for i, m := range dossierMetrics {
			t.Counts[m] = indicator.Count{Num: u.num[i], Den: u.den[i]}
		}
		r.Units[id] = t
	}
	for i := range a.slots {
		if u := &a.slots[i]; u.den[1] != 0 {
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

// Report is Result as a scorecard takes it: the tallies and the ledger "digitisation" (dossiers, and the
// offerings and communes as its catalogue). When s.Aggregation pools 4.6a (PoolOwn), a parent of s.Parents
// counts the distinct citizen-facing procedures offered anywhere in s.Subtree(parent) instead of its own
// and, when it is a top parent under indicator.ParentCatalogue, every citizen-facing catalogue procedure
// too (the parent's tally is added only when it is not zero). A nil s pools nothing.
func (a *Accumulator) Report(s *indicator.Scope) indicator.Report {
	r := a.Result()
	if s != nil && s.Subtree != nil && s.Aggregation.Modes[indicator.M46a] == indicator.PoolOwn {
		rules := offer.ParentRules(s)
		for _, parent := range s.Parents {
			t := r.Units[parent]
			t.Counts[indicator.M46a] = a.c.pooled46a(s.Subtree(parent), rules[parent].Catalogue)
			if t != (indicator.Tally{}) {
				r.Units[parent] = t
			}
		}
	}
	return indicator.Report{Units: r.Units, Ledgers: []indicator.CalculatorLedger{
		{Calculator: "digitisation", Records: r.Ledger, Catalogue: r.Catalogue}}}
}

// pooled46a counts 4.6a over units taken together: each citizen-facing procedure offered by one of them
// and, when catalogue, each citizen-facing catalogue procedure, once, in the numerator when it is connected
// to the population database.
func (c *Calculator) pooled46a(units []string, catalogue bool) indicator.Count {
	var n indicator.Count
	seen := make(map[string]bool)
	add := func(o offered) {
		if !seen[o.code] {
			seen[o.code] = true
			n.Den++
			n.Num += int64(b2i(o.connected))
		}
	}
	for _, u := range units {
		for _, o := range c.offered[u] {
			add(o)
		}
	}
	if catalogue {
		for _, o := range c.citizenCatalogue {
			add(o)
		}
	}
	return n
}

func b2i(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// Run judges every dossier of the stream in one pass. A nil stream gives the catalogue counts alone.
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	indicator.Feed(a, dossiers)
	return a.Result()
}
