package satisfaction

import (
	"iter"
	"maps"
	"slices"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/lost"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// Result is the outcome of a pass: the dossiers and petitions added, and Options.Petitions.
type Result struct {
	// Units maps a unit id to its group-5 counts (5.0 with PetitionsStaff, 5.1, 5.2, 5.3); units without
	// counted records are absent (with no petitions the edition's zero rule decides).
	Units map[string]indicator.Tally `json:"units"`
	// Ledger accounts for every dossier read (5.3): Read == Counted + Excluded.
	Ledger indicator.Ledger `json:"ledger"`
	// Petitions accounts for every petition read: Read == Counted + Excluded.
	Petitions indicator.Ledger `json:"petitions"`
}

// Accumulator is the state of one pass: 5.3 counts per unit, the dossier ledger, and the counted
// petitions keyed by (unit, id). Not safe for concurrent use: one per goroutine, then Merge.
type Accumulator struct {
	c     *Calculator
	units offer.Units   // 5.3 counts, by unit index in the calculator's Keys (Other: units outside them)
	rc    [numRsn]int64 // the dossier ledger, by reason index
	pet   petitionSet
}

var _ indicator.Accumulator = (*Accumulator)(nil)

// NewAccumulator returns an empty accumulator. Cost: O(units of the calculator's Keys).
func (c *Calculator) NewAccumulator() *Accumulator {
	return &Accumulator{c: c, units: offer.NewUnits(c.keys.NumUnits(), func(int) int { return 0 }),
		pet: petitionSet{byID: map[petKey]petEntry{}}}
}

// Add judges c.Dossier for 5.3 with c.Timing (2.1's outcome, set earlier in the pass) and counts it under
// c.Ref's unit, or its unit id when the Ref is zero; note, when not nil, receives the 5.3 verdict.
func (a *Accumulator) Add(c *indicator.Case, note indicator.Note) { a.add(c, note, nil) }

// AddLost is Add over each Case of cs, for the scorecard's pass (package indicator/scorecard; s is internal to package indicator,
// other callers use Add): s receives the 5.3 verdict, with its reason's index, only when it loses points
// (a processed dossier with a complaint or a dislike). The counts are Add's.
func (a *Accumulator) AddLost(cs []indicator.Case, s *lost.Sink) {
	for i := range cs {
		a.add(&cs[i], nil, s)
	}
}

// The reason indexes AddLost passes fit the sink's index (no verdict takes its slow path every time).
var _ [lost.MaxReason - numRsn]struct{}

// add is Add of one Case (note, when not nil, receives its verdict) and AddLost's (s, when not nil, its
// verdict when it loses points): the counting written once for both.
func (a *Accumulator) add(c *indicator.Case, note indicator.Note, s *lost.Sink) {
	d := c.Dossier
	r, _ := a.c.judge(d, c.Timing)
	a.rc[r]++
	if r < rsnNotProcessed {
		a.units.Count(a.row(d.UnitID, c.Ref), d.UnitID, r == rsnSatisfied, -1, 0)
	}
	switch {
	case note != nil:
		note(c, verdictOf(r))
	case s != nil && r < rsnNotProcessed && r != rsnSatisfied:
		s.Lost(c, indicator.M53, r, dossierReasons[r])
	}
}

// row returns the unit's index in the calculator's Keys: ref's when resolved, else looked up by id.
func (a *Accumulator) row(unit string, ref indicator.Ref) int32 {
	if i := ref.Unit(); uint(i) < uint(len(a.units.Known)) {
		return i
	}
	return a.c.keys.Unit(unit)
}

// AddPetition judges one streamed petition for 5.0–5.2 and counts it; note, when not nil, receives its
// three verdicts (kind RecordPetition, code the petition id). Streamed petitions are not 5.3 complaints:
// do not stream those of Options.Petitions, they would be read twice. A repeated (unit, id) is excluded
// as ReasonPetitionDuplicate, keeping the copy with the earliest first reception.
func (a *Accumulator) AddPetition(p *model.Petition, note func(kind indicator.RecordKind, unit, code string, v indicator.Verdict)) {
	a.pet.judge(a.c, p, note)
}

// Merge adds the state of other, an accumulator of the same Calculator (else an *indicator.OptionError);
// other is unchanged. Associative and commutative (duplicate petitions across parts are resolved the same
// way). Merging nil or a itself does nothing.
func (a *Accumulator) Merge(other indicator.Accumulator) error {
	b, ok := other.(*Accumulator)
	if other == nil || (ok && (b == nil || b == a)) {
		return nil
	}
	if !ok || b.c != a.c {
		return indicator.Invalid(pkg, "Merge", "%T is not an accumulator of this calculator", other)
	}
	a.units.Merge(&b.units, true, nil, a.c.keys.Unit, nil, nil)
	for i, n := range b.rc {
		a.rc[i] += n
	}
	a.pet.merge(&b.pet)
	return nil
}

// Result returns the counts and ledgers of what was added, with Options.Petitions judged now (the
// accumulator is not modified).
func (a *Accumulator) Result() Result { return a.result(nil) }

// Report returns Result as a pass report: the per-unit tallies (group 5 counts are sums over sub-units:
// no pooling) and the ledgers "satisfaction" (dossiers) and "satisfaction.petitions". Each petition of
// Options.Petitions, in order, gives s.Note its three verdicts (5.0, 5.1, 5.2) as RecordPetition with
// its id.
func (a *Accumulator) Report(s *indicator.Scope) indicator.Report {
	var note func(indicator.RecordKind, string, string, indicator.Verdict)
	if s != nil {
		note = s.Note
	}
	r := a.result(note)
	return indicator.Report{Units: r.Units, Ledgers: []indicator.CalculatorLedger{
		{Calculator: "satisfaction", Records: r.Ledger},
		{Calculator: "satisfaction.petitions", Records: r.Petitions},
	}}
}

func (a *Accumulator) result(note func(indicator.RecordKind, string, string, indicator.Verdict)) Result {
	ps := a.pet.clone()
	for i := range a.c.petitions {
		ps.judge(a.c, &a.c.petitions[i], note)
	}
	r := Result{Units: map[string]indicator.Tally{}}
	for i, n := range a.rc {
		r.Ledger.AddN(dossierReasons[i], i < int(rsnNotProcessed), n)
	}
	add53 := func(unit string, n indicator.Count) {
		if n.Den > 0 {
			t := r.Units[unit]
			t.Add(indicator.M53, n.Num, n.Den)
			r.Units[unit] = t
		}
	}
	for i, s := range a.units.Known {
		add53(a.c.keys.UnitID(int32(i)), s.Count)
	}
	for u, s := range a.units.Other {
		add53(u, s.Count)
	}
	r.Petitions = ps.excluded
	for _, e := range ps.byID {
		e.addTo(r.Units, &r.Petitions)
	}
	for _, e := range ps.anon {
		e.addTo(r.Units, &r.Petitions)
	}
	return r
}

// Run adds every dossier of the stream with its 2.1 outcome and returns Result.
func (c *Calculator) Run(dossiers iter.Seq2[model.Dossier, indicator.Timing]) Result {
	a := c.NewAccumulator()
	if dossiers != nil {
		cs := indicator.Case{Dossier: new(model.Dossier)} // one buffer for the whole stream
		for d, t := range dossiers {
			*cs.Dossier, cs.Timing = d, t
			a.Add(&cs, nil)
		}
	}
	return a.Result()
}

// petitionSet holds the counted petitions of a pass: those with an id once per (unit, id), those without
// (which cannot be deduplicated) in a list, and the ledger of the excluded ones and duplicates.
type petitionSet struct {
	byID     map[petKey]petEntry
	anon     []petEntry
	excluded indicator.Ledger
}

type petKey struct{ unit, id string }

// petEntry is what a counted petition contributes.
type petEntry struct {
	unit     string
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

// judge classifies p, adds it and gives note (when not nil) its three verdicts.
func (s *petitionSet) judge(c *Calculator, p *model.Petition,
	note func(indicator.RecordKind, string, string, indicator.Verdict)) {
	v := c.ClassifyPetition(p)
	s.add(&v)
	if note != nil {
		for _, m := range v.Metrics {
			note(indicator.RecordPetition, v.Unit, v.ID, m)
		}
	}
}

func (s *petitionSet) add(v *PetitionVerdict) {
	if !v.Counted {
		s.excluded.Add(v.Reason, false)
		return
	}
	e := petEntry{unit: v.Unit, received: v.Received, reason: v.Reason}
	for i, m := range [...]uint8{petM50Num, petM51Num, petM52Num} {
		if v.Metrics[i].InNumerator {
			e.bits |= m
		}
	}
	if v.Category == model.PetitionStaff {
		e.bits |= petStaff
	}
	if v.ID == "" {
		s.anon = append(s.anon, e)
		return
	}
	s.put(petKey{v.Unit, v.ID}, e)
}

func (s *petitionSet) put(k petKey, e petEntry) {
	if old, dup := s.byID[k]; dup {
		s.excluded.Add(ReasonPetitionDuplicate, false)
		if !e.less(old) {
			return
		}
	}
	s.byID[k] = e
}

func (s *petitionSet) merge(o *petitionSet) {
	for k, e := range o.byID {
		s.put(k, e)
	}
	s.anon = append(s.anon, o.anon...)
	s.excluded.Merge(o.excluded)
}

func (s *petitionSet) clone() petitionSet {
	return petitionSet{byID: maps.Clone(s.byID), anon: slices.Clone(s.anon), excluded: s.excluded.Clone()}
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

// addTo counts the petition in the unit's tally and in the ledger.
func (e petEntry) addTo(units map[string]indicator.Tally, l *indicator.Ledger) {
	b := func(m uint8) int64 {
		if e.bits&m != 0 {
			return 1
		}
		return 0
	}
	t := units[e.unit]
	t.Add(indicator.M50, b(petM50Num), 1)
	t.PetitionsStaff += b(petStaff)
	t.Add(indicator.M51, b(petM51Num), 1)
	t.Add(indicator.M52, b(petM52Num), 1)
	units[e.unit] = t
	l.Add(e.reason, true)
}
