package scorecard

import (
	"iter"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/lost"
	"github.com/vn-dvc/chiso766/model"
)

// Partial is the mergeable state of a pass over some of the records: one accumulator per calculator and
// the lost-point explanations (counts and bounded example codes per unit × metric × reason). Memory is
// O(units × (metrics × reasons × Examples + procedures)), never O(records). A Partial is not safe for
// concurrent use: give each goroutine its own and Merge them.
type Partial struct {
	s    *Scorer
	accs []indicator.Accumulator // one per calculator, in the scorer's order
	// lost[i] is accs[i] as a lostAdder, or nil: the pass's path for the explanations.
	lost  []lostAdder
	ex    explainer
	note  indicator.Note // ex.note(), or nil when dossier explanations are off
	sink  *lost.Sink     // ex.sink(), or nil when dossier explanations are off
	cases []indicator.Case
	n     int64
}

// NewPartial returns an empty partial state for s. Cost: O(offerings + units) for the accumulators and,
// with dossier explanations, the explanations' index of 24 bytes per unit and metric (about 600 bytes per
// unit).
func (s *Scorer) NewPartial() *Partial {
	p := &Partial{s: s, ex: newExplainer(s.k, &s.scored, s.keys.NumUnits()), cases: make([]indicator.Case, 0, chunk)}
	for _, c := range s.calcs {
		a := c()
		la, _ := a.(lostAdder)
		p.accs, p.lost = append(p.accs, a), append(p.lost, la)
	}
	if !s.opts.SkipDossierExplanations {
		p.note, p.sink = p.ex.note(), p.ex.sink()
	}
	return p
}

// lostAdder is implemented by the calculators' accumulators: AddLost is Add over each Case of a run, with
// the lost.Sink receiving only the verdicts that lose points (in the denominator, not in the numerator),
// in Add's order, each with the index of its reason in the calculator's table, and Add's counts. About
// four of a dossier's ten or so verdicts lose points: the others are neither built nor passed, the sink
// finds an entry seen before by slice loads instead of a search by reason string, and the loop over the
// run is the calculator's (one interface call per run, not per dossier).
type lostAdder interface {
	AddLost(cs []indicator.Case, s *lost.Sink)
}

// chunk is the number of dossiers AddDossiers runs through one calculator before the next: each
// calculator's code and tables stay hot in the CPU caches over a chunk.
const chunk = 64

// AddDossier judges one dossier with every calculator, accumulates it and notes its lost-point
// explanations. d is not modified; its Code and UnitID may be retained as example codes (bounded). A nil
// dossier is ignored. Data problems are never errors: each calculator ledgers an exclusion reason. No
// allocation once the dossier's unit and reasons have been seen.
func (p *Partial) AddDossier(d *model.Dossier) { p.addOne(d, p.note, p.sink) }

// addOne is AddDossier with the given note and sink (Reconcile and FailingRecords add their own; see
// judge).
func (p *Partial) addOne(d *model.Dossier, note indicator.Note, sink *lost.Sink) {
	if d == nil {
		return
	}
	cs := p.cases[:1]
	cs[0] = indicator.Case{Dossier: d, Ref: p.s.keys.Ref(d.UnitID, d.ProcedureCode)}
	p.judge(cs, note, sink)
}

// AddDossiers is AddDossier over a slice, with the same result: it runs the calculators one after the
// other over chunks of 64 dossiers (the one loop over dossiers inside the one loop over calculators).
// Run and RunParallel use it. No allocation once the units and reasons have been seen.
func (p *Partial) AddDossiers(ds []model.Dossier) { p.pass(ds, p.note, p.sink) }

// pass is the scorecard's one loop: for each chunk, each calculator over each dossier of the chunk, with
// the explanations' note and sink (nil: tallies only).
func (p *Partial) pass(ds []model.Dossier, note indicator.Note, sink *lost.Sink) {
	for len(ds) > 0 {
		n := min(len(ds), chunk)
		cs := p.cases[:n]
		for i := range cs {
			d := &ds[i]
			cs[i] = indicator.Case{Dossier: d, Ref: p.s.keys.Ref(d.UnitID, d.ProcedureCode)}
		}
		p.judge(cs, note, sink)
		ds = ds[n:]
	}
}

// judge runs every calculator over cs, calculator by calculator. With a sink, an accumulator with AddLost
// hands the sink the verdicts that lose points, and one without hands note every verdict (note must then
// ignore those that lose no points, as the explanations' does); without, note (nil: none) receives every
// per-metric verdict.
func (p *Partial) judge(cs []indicator.Case, note indicator.Note, sink *lost.Sink) {
	for j, a := range p.accs {
		if la := p.lost[j]; la != nil && sink != nil {
			la.AddLost(cs, sink)
			continue
		}
		for i := range cs {
			a.Add(&cs[i], note)
		}
	}
	p.n += int64(len(cs))
	clear(cs) // drop the pointers to the dossiers
}

// AddPetition judges one streamed petition for 5.0–5.2 and accumulates it, for callers that stream
// petitions rather than pass them in Inputs.Petitions (do not do both with the same petitions: they
// would count twice). Streamed petitions are not 5.3 complaints (those come from Inputs.Petitions).
// Lost-point explanations name the petition id. A nil petition is ignored.
func (p *Partial) AddPetition(pt *model.Petition) {
	if pt == nil {
		return
	}
	for _, a := range p.accs {
		if pa, ok := a.(petitionAdder); ok {
			pa.AddPetition(pt, p.ex.noteRecord)
		}
	}
}

// petitionAdder is the accumulator of the calculator that judges petitions (satisfaction).
type petitionAdder interface {
	AddPetition(pt *model.Petition, note func(kind indicator.RecordKind, unit, code string, v indicator.Verdict))
}

// Dossiers returns the number of dossiers added (directly or through Merge). Cost: O(1).
func (p *Partial) Dossiers() int64 { return p.n }

// Merge adds q's state into p; q is unchanged and may be discarded. Merge is associative and
// commutative and, because example codes are kept by a total order (the smallest codes), merging the
// partials of any split of a stream gives exactly the single-pass state. Both partials must come from
// the same Scorer: a partial of another Scorer is refused with an *indicator.OptionError and p is left
// unchanged. Merging nil or p itself does nothing. Cost: O(size of q).
func (p *Partial) Merge(q *Partial) error {
	if q == nil || q == p {
		return nil
	}
	if q.s != p.s {
		return &indicator.OptionError{Pkg: "scorecard", Field: "Partial", Err: errOtherScorer}
	}
	for i, a := range p.accs {
		if err := a.Merge(q.accs[i]); err != nil {
			return err // not expected: same scorer, same calculators
		}
	}
	p.ex.merge(&q.ex)
	p.n += q.n
	return nil
}

// Run scores one stream of dossiers in a single sequential pass: NewPartial, AddDossiers over chunks of
// the stream, Finish. Cost: one pass; memory independent of the number of dossiers.
func (s *Scorer) Run(dossiers iter.Seq[model.Dossier]) (*Card, error) {
	p := s.NewPartial()
	if dossiers != nil {
		batch := make([]model.Dossier, 0, chunk)
		for d := range dossiers {
			if batch = append(batch, d); len(batch) == chunk {
				p.AddDossiers(batch)
				batch = batch[:0]
			}
		}
		p.AddDossiers(batch)
	}
	return s.Finish(p)
}
