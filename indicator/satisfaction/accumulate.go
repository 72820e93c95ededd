package satisfaction

import (
	"iter"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Result is the outcome of one or more passes.
type Result struct {
	// Units maps a unit id to its group-5 counts: Counts[M50] (procedure-category petitions / petitions),
	// PetitionsStaff, Counts[M51], Counts[M52] and Counts[M53]. Units without records are absent: with no
	// petitions the counts are zero and the edition's zero rule decides (full marks for 5.1 and 5.2 on the
	// portal).
	Units map[string]indicator.Tally `json:"units"`
	// Ledger accounts for every dossier read (5.3): Read == Counted + Excluded.
	Ledger indicator.Ledger `json:"ledger"`
	// Petitions accounts for every petition read: Read == Counted + Excluded.
	Petitions indicator.Ledger `json:"petitions"`
}

type petKey struct{ unit, id string }

// petEntry is what a counted petition contributes; kept per (unit, id) so duplicates count once.
type petEntry struct {
	received time.Time
	reason   indicator.Reason
	bits     uint8 // petM50Num | petStaff | petM51Num | petM52Num
}

const (
	petM50Num uint8 = 1 << iota
	petStaff
	petM51Num
	petM52Num
)

func entryOf(v *PetitionVerdict) petEntry {
	e := petEntry{received: v.Received, reason: v.Reason}
	if v.Metrics[0].InNumerator {
		e.bits |= petM50Num
	}
	if v.Category == model.PetitionStaff {
		e.bits |= petStaff
	}
	if v.Metrics[1].InNumerator {
		e.bits |= petM51Num
	}
	if v.Metrics[2].InNumerator {
		e.bits |= petM52Num
	}
	return e
}

// less orders entries of the same petition so that the kept one does not depend on arrival order: the
// earliest first reception wins, then the smaller reason, then the smaller bits.
func (e petEntry) less(f petEntry) bool {
	if !e.received.Equal(f.received) {
		return e.received.Before(f.received)
	}
	if e.reason != f.reason {
		return e.reason < f.reason
	}
	return e.bits < f.bits
}

func (e petEntry) addTo(t *indicator.Tally) {
	b := func(m uint8) int64 {
		if e.bits&m != 0 {
			return 1
		}
		return 0
	}
	t.Add(indicator.M50, b(petM50Num), 1)
	t.PetitionsStaff += b(petStaff)
	t.Add(indicator.M51, b(petM51Num), 1)
	t.Add(indicator.M52, b(petM52Num), 1)
}

// Accumulator is the partial state of one pass: per-unit 5.3 tallies, the dossier ledger, and the counted
// petitions keyed by (unit, id) so that a petition is counted once however often it is read. Memory is
// O(units + petitions), never O(dossiers): 16 bytes per unit of the calculator's Keys (the 5.3 counts of
// those units, by index), a map entry per other unit seen. Not safe for concurrent use: one per goroutine,
// then Merge.
type Accumulator struct {
	// 5.3 fast path (verdicts from ClassifyRef of a calculator with the same Keys): the counts per Keys
	// unit index (a unit is present once its Den > 0) and the ledger per reason index.
	keys *indicator.Keys
	m53  []indicator.Count
	rc   [numRsn]int64
	// Slow path (verdicts built by hand, by a calculator with other Keys, or of units not in the Keys).
	units    map[string]*indicator.Tally
	ledger   indicator.Ledger
	petLed   indicator.Ledger // excluded petitions and duplicates (counted ones are in pets or anon)
	pets     map[petKey]petEntry
	anon     map[string]*indicator.Tally // counted petitions without an id (cannot be deduplicated)
	anonLed  indicator.Ledger
	lastUnit string
	last     *indicator.Tally
}

// NewAccumulator returns an empty accumulator. Cost: a few small allocations, one of 16 bytes per unit of
// the calculator's Keys.
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{keys: c.keys, m53: make([]indicator.Count, c.numUnits),
		units: map[string]*indicator.Tally{}, pets: map[petKey]petEntry{}, anon: map[string]*indicator.Tally{}}
}

func tallyIn(m map[string]*indicator.Tally, unit string) *indicator.Tally {
	t, ok := m[unit]
	if !ok {
		t = new(indicator.Tally)
		m[unit] = t
	}
	return t
}

// Add counts one dossier verdict (5.3). A verdict from Classify or ClassifyRef of a calculator sharing this
// accumulator's Keys is counted by index: no string hashing, no allocation. Other verdicts (built by hand,
// or by a calculator with other Keys) are counted by unit id and reason code, with the same result; no
// allocation once the unit and reason have been seen. Do not modify a verdict's fields before adding it.
func (a *Accumulator) Add(v DossierVerdict) {
	a.add(&v)
}

func (a *Accumulator) add(v *DossierVerdict) {
	if v.rsn == 0 || v.rsn >= numRsn || v.keys != a.keys {
		a.addSlow(v)
		return
	}
	a.rc[v.rsn]++
	if !v.Counted {
		return
	}
	if uint(v.slot) < uint(len(a.m53)) {
		c := &a.m53[v.slot]
		c.Den++
		if v.Metric.InNumerator {
			c.Num++
		}
		return
	}
	a.tally(v.Unit).AddVerdict(v.Metric)
}

// tally returns the slow-path tally of a unit, remembering the last one.
func (a *Accumulator) tally(unit string) *indicator.Tally {
	t := a.last
	if t == nil || unit != a.lastUnit {
		t = tallyIn(a.units, unit)
		a.lastUnit, a.last = unit, t
	}
	return t
}

//go:noinline
func (a *Accumulator) addSlow(v *DossierVerdict) {
	a.ledger.Add(v.Reason, v.Counted)
	if v.Counted {
		a.tally(v.Unit).AddVerdict(v.Metric)
	}
}

// AddPetition counts one petition verdict. A counted petition whose (unit, id) was already counted is
// excluded as ReasonPetitionDuplicate, keeping the copy with the earliest first reception. Cost: one map
// operation; allocates when the petition map grows.
func (a *Accumulator) AddPetition(v PetitionVerdict) {
	if !v.Counted {
		a.petLed.Add(v.Reason, false)
		return
	}
	e := entryOf(&v)
	if v.ID == "" {
		e.addTo(tallyIn(a.anon, v.Unit))
		a.anonLed.Add(e.reason, true)
		return
	}
	a.putPetition(petKey{v.Unit, v.ID}, e)
}

func (a *Accumulator) putPetition(k petKey, e petEntry) {
	if old, dup := a.pets[k]; dup {
		a.petLed.Add(ReasonPetitionDuplicate, false)
		if !e.less(old) {
			return
		}
	}
	a.pets[k] = e
}

// Merge adds b's state into a. It is associative and commutative, and merging the accumulators of the
// parts of a stream gives the same Result as one pass over the whole stream (duplicate petitions across
// parts are resolved the same way). b is not modified. Cost: O(units + petitions of b).
func (a *Accumulator) Merge(b *Accumulator) {
	if b == nil || b == a {
		return
	}
	for u, t := range b.units {
		tallyIn(a.units, u).Merge(*t)
	}
	for i := range a.rc {
		a.rc[i] += b.rc[i]
	}
	if a.keys == b.keys && len(a.m53) == len(b.m53) {
		for i, c := range b.m53 {
			a.m53[i].Num += c.Num
			a.m53[i].Den += c.Den
		}
	} else {
		for i, c := range b.m53 {
			if c.Den == 0 {
				continue
			}
			id := b.keys.UnitID(int32(i))
			if j := a.keys.Unit(id); j >= 0 && int(j) < len(a.m53) {
				a.m53[j].Num += c.Num
				a.m53[j].Den += c.Den
			} else {
				tallyIn(a.units, id).Add(indicator.M53, c.Num, c.Den)
			}
		}
	}
	for u, t := range b.anon {
		tallyIn(a.anon, u).Merge(*t)
	}
	for k, e := range b.pets {
		a.putPetition(k, e)
	}
	a.ledger.Merge(b.ledger)
	a.petLed.Merge(b.petLed)
	a.anonLed.Merge(b.anonLed)
}

// Result returns the per-unit tallies and both ledgers as fresh values; the accumulator may keep
// accumulating. Cost: O(units + petitions).
func (a *Accumulator) Result() Result {
	r := Result{Units: make(map[string]indicator.Tally, len(a.units)), Ledger: a.ledger.Clone(), Petitions: a.petLed.Clone()}
	for i, n := range a.rc {
		r.Ledger.AddN(dossierReasons[i], dossierCounted[i], n) // n == 0 (and index 0) add nothing
	}
	r.Petitions.Merge(a.anonLed)
	for u, t := range a.units {
		r.Units[u] = *t
	}
	for i, c := range a.m53 {
		if c.Den == 0 {
			continue
		}
		id := a.keys.UnitID(int32(i))
		x := r.Units[id]
		x.Add(indicator.M53, c.Num, c.Den)
		r.Units[id] = x
	}
	for u, t := range a.anon {
		x := r.Units[u]
		x.Merge(*t)
		r.Units[u] = x
	}
	for k, e := range a.pets {
		x := r.Units[k.unit]
		e.addTo(&x)
		r.Units[k.unit] = x
		r.Petitions.Add(e.reason, true)
	}
	return r
}

// Run classifies and accumulates both streams in one pass each (either may be nil).
// Cost: one Classify and Add per dossier, one ClassifyPetition and AddPetition per petition.
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier], petitions iter.Seq[model.Petition]) Result {
	a := c.NewAccumulator()
	if dossiers != nil {
		d := new(model.Dossier) // one buffer: Timeliness may retain nothing, but escape analysis cannot know
		for x := range dossiers {
			*d = x
			a.Add(c.Classify(d))
		}
	}
	if petitions != nil {
		for p := range petitions {
			a.AddPetition(c.ClassifyPetition(&p))
		}
	}
	return a.Result()
}
