package scorecard

import (
	"fmt"
	"iter"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/online"
	"github.com/vn-dvc/chiso766/indicator/payment"
	"github.com/vn-dvc/chiso766/indicator/publication"
	"github.com/vn-dvc/chiso766/indicator/satisfaction"
	"github.com/vn-dvc/chiso766/indicator/timeliness"
	"github.com/vn-dvc/chiso766/model"
)

// Partial is the mergeable state of a pass over some of the records: the accumulators of every
// calculator and the lost-point explanations (counts and bounded example codes per unit × metric ×
// reason). Memory is O(units × (metrics × reasons × Examples + procedures)), never O(records). A Partial
// is not safe for concurrent use: give each goroutine its own and Merge them.
type Partial struct {
	s   *Scorer
	pub *publication.Accumulator
	tim *timeliness.Accumulator
	onl *online.Accumulator
	pay *payment.Accumulator
	dig *digitisation.Accumulator
	sat *satisfaction.Accumulator
	ex  explainer

	// sc is this partial's 5.3 calculator, whose injected timeliness judgement reads the memo of the
	// verdict AddDossier computed just before (so 2.1 is judged once per dossier).
	sc          *satisfaction.Calculator
	memoValid   bool
	memoCode    string
	memoCounted bool
	memoLate    bool
	cs          *chunkState

	// last holds the metric verdicts of the most recent dossier (all calculators), for Reconcile.
	last     []indicator.Verdict
	lastUnit string
	lastCode string
	dossiers int64
}

// NewPartial returns an empty partial state for s. Cost: O(ratings + complaints) — the partial builds its
// own 5.3 calculator (satisfaction.New) — plus a few small allocations.
func (s *Scorer) NewPartial() *Partial {
	p := &Partial{
		s:    s,
		pub:  s.pub.NewAccumulator(),
		tim:  s.tim.NewAccumulator(),
		onl:  s.onl.NewAccumulator(),
		pay:  s.pay.NewAccumulator(),
		dig:  s.dig.NewAccumulator(),
		sat:  s.sat.NewAccumulator(),
		ex:   newExplainer(s.k, &s.scored, s.keys.NumUnits()),
		last: make([]indicator.Verdict, 0, 16),
	}
	o := s.satOpts
	o.Timeliness = p.timelinessOf
	sc, err := satisfaction.New(o)
	if err != nil { // not expected: the same options were accepted by New
		sc = s.sat
	}
	p.sc = sc
	return p
}

// timelinessOf answers 5.3's question from the memo of the dossier AddDossier is judging (satisfaction
// judges the dossier it is given), else asks the calculator. The memo holds no pointer to the dossier, so
// a dossier passed to AddDossier does not escape to the heap.
func (p *Partial) timelinessOf(d *model.Dossier) (counted, late bool) {
	if p.memoValid && d.Code == p.memoCode {
		return p.memoCounted, p.memoLate
	}
	return p.s.timelinessOf(d)
}

// AddDossier judges one dossier with every dossier calculator (1.4, 2.1/2.2, 3.3 and the 3.2 flags, 3.6 and
// the 3.4/3.5 flags, 4.1–4.3, 4.5, 4.6b, 5.3) and accumulates
// the verdicts and the lost-point explanations. The hot path: no allocation once the dossier's unit and
// reasons have been seen. d is not modified; its Code and UnitID strings may be retained as example codes
// (bounded). A nil dossier is ignored. Data problems are never errors: each calculator ledgers an
// exclusion reason.
func (p *Partial) AddDossier(d *model.Dossier) {
	if d == nil {
		return
	}
	p.dossiers++
	buf := p.last[:0]
	r := p.s.keys.Ref(d.UnitID, d.ProcedureCode)

	bv := p.s.pub.ClassifyRef(d, r)
	p.pub.Add(bv)
	buf = bv.AppendVerdicts(buf)

	tv := p.s.tim.ClassifyRef(d, r)
	p.tim.Add(tv)
	buf = tv.AppendVerdicts(buf)
	p.memoValid, p.memoCode, p.memoCounted, p.memoLate = true, d.Code, tv.Counted, tv.Counted && !tv.InNumerator

	ov := p.s.onl.ClassifyRef(d, r)
	p.onl.Add(ov)
	buf = ov.AppendVerdicts(buf)

	pv := p.s.pay.ClassifyRef(d, r)
	p.pay.Add(pv)
	buf = pv.AppendVerdicts(buf)

	dv := p.s.dig.ClassifyRef(d, r)
	p.dig.Add(dv)
	buf = dv.AppendVerdicts(buf)

	sv := p.sc.ClassifyRef(d, r)
	p.sat.Add(sv)
	buf = sv.AppendVerdicts(buf)
	p.memoValid = false

	if !p.s.opts.SkipDossierExplanations {
		p.ex.note(r.Unit, d.UnitID, d.Code, buf)
	}
	p.last, p.lastUnit, p.lastCode = buf, d.UnitID, d.Code
}

// AddPetition judges one petition for 5.0–5.2 and accumulates it, for callers that stream petitions
// rather than pass them in Inputs.Petitions (do not do both with the same petitions: they would count
// twice). Lost-point explanations name the petition id. Streamed petitions are not 5.3 complaints: the
// satisfaction calculator takes its complaints preloaded, from Inputs.Petitions. No allocation once the
// unit and reasons have been seen. A nil petition is ignored.
func (p *Partial) AddPetition(pt *model.Petition) {
	if pt == nil {
		return
	}
	v := p.s.sat.ClassifyPetition(pt)
	p.sat.AddPetition(v)
	p.last = v.AppendVerdicts(p.last[:0])
	p.ex.note(p.s.keys.Unit(v.Unit), v.Unit, v.ID, p.last)
}

// chunk is the number of dossiers AddDossiers runs through one calculator before the next.
const chunk = 64

// AddDossiers is AddDossier over a slice, with the same result, but calculator by calculator over chunks
// of the slice (each calculator's code and state stay hot in the CPU caches, which is markedly faster
// than interleaving six calculators per dossier). Run and RunParallel use it. No allocation once the
// units and reasons have been seen.
func (p *Partial) AddDossiers(ds []model.Dossier) {
	for len(ds) > 0 {
		n := min(len(ds), chunk)
		p.addChunk(ds[:n])
		ds = ds[n:]
	}
}

// maxVerdicts bounds the metric verdicts one dossier gets from all calculators (1 + 2 + 1 + 1 + 5 + 1
// today); addChunk falls back to AddDossier's path if a calculator ever returns more.
const maxVerdicts = 16

// chunkState is addChunk's scratch space, kept in the Partial so that it is not allocated per call.
type chunkState struct {
	verdicts [chunk][maxVerdicts]indicator.Verdict
	n        [chunk]int
	refs     [chunk]indicator.Ref
	counted  [chunk]bool
	late     [chunk]bool
}

func (p *Partial) addChunk(ds []model.Dossier) {
	if p.cs == nil {
		p.cs = new(chunkState)
	}
	cs := p.cs
	s := p.s
	for i := range ds {
		cs.refs[i] = s.keys.Ref(ds[i].UnitID, ds[i].ProcedureCode)
	}
	if s.opts.SkipDossierExplanations {
		p.tallyChunk(ds)
		return
	}
	clear(cs.n[:len(ds)])
	// Each calculator appends dossier i's verdicts in place to row i (no copy); ok turns false if a row
	// would overflow (AppendVerdicts would then have moved it to a new array; not expected).
	ok := true
	row := func(i int) []indicator.Verdict { return cs.verdicts[i][:cs.n[i]] }
	done := func(i int, r []indicator.Verdict) {
		if len(r) > 0 && &r[0] != &cs.verdicts[i][0] {
			ok = false
			return
		}
		cs.n[i] = len(r)
	}
	for i := range ds {
		v := s.pub.ClassifyRef(&ds[i], cs.refs[i])
		p.pub.Add(v)
		done(i, v.AppendVerdicts(row(i)))
	}
	for i := range ds {
		v := s.tim.ClassifyRef(&ds[i], cs.refs[i])
		p.tim.Add(v)
		cs.counted[i], cs.late[i] = v.Counted, v.Counted && !v.InNumerator
		done(i, v.AppendVerdicts(row(i)))
	}
	for i := range ds {
		v := s.onl.ClassifyRef(&ds[i], cs.refs[i])
		p.onl.Add(v)
		done(i, v.AppendVerdicts(row(i)))
	}
	for i := range ds {
		v := s.pay.ClassifyRef(&ds[i], cs.refs[i])
		p.pay.Add(v)
		done(i, v.AppendVerdicts(row(i)))
	}
	for i := range ds {
		v := s.dig.ClassifyRef(&ds[i], cs.refs[i])
		p.dig.Add(v)
		done(i, v.AppendVerdicts(row(i)))
	}
	for i := range ds {
		d := &ds[i]
		p.memoValid, p.memoCode, p.memoCounted, p.memoLate = true, d.Code, cs.counted[i], cs.late[i]
		v := p.sc.ClassifyRef(d, cs.refs[i])
		p.sat.Add(v)
		done(i, v.AppendVerdicts(row(i)))
	}
	p.memoValid = false
	p.lastUnit, p.lastCode = "", ""
	p.dossiers += int64(len(ds))
	if !ok { // a calculator returned more verdicts than maxVerdicts: explain from AddDossier's path
		for i := range ds {
			d := &ds[i]
			p.last = p.verdictsOf(d, p.last[:0])
			p.ex.note(cs.refs[i].Unit, d.UnitID, d.Code, p.last)
		}
		return
	}
	for i := range ds {
		p.ex.note(cs.refs[i].Unit, ds[i].UnitID, ds[i].Code, cs.verdicts[i][:cs.n[i]])
	}
}

// tallyChunk is addChunk without explanations (Options.SkipDossierExplanations): each calculator's
// Accumulator.AddRef (ClassifyRef + Add without copying the Verdict), with the Refs already in p.cs.
func (p *Partial) tallyChunk(ds []model.Dossier) {
	cs := p.cs
	for i := range ds {
		p.pub.AddRef(&ds[i], cs.refs[i])
	}
	for i := range ds {
		counted, onTime := p.tim.AddRef(&ds[i], cs.refs[i])
		cs.counted[i], cs.late[i] = counted, counted && !onTime
	}
	for i := range ds {
		p.onl.AddRef(&ds[i], cs.refs[i])
	}
	for i := range ds {
		p.pay.AddRef(&ds[i], cs.refs[i])
	}
	for i := range ds {
		p.dig.AddRef(&ds[i], cs.refs[i])
	}
	for i := range ds {
		d := &ds[i]
		p.memoValid, p.memoCode, p.memoCounted, p.memoLate = true, d.Code, cs.counted[i], cs.late[i]
		p.sat.Add(p.sc.ClassifyRef(d, cs.refs[i]))
	}
	p.memoValid = false
	p.lastUnit, p.lastCode = "", ""
	p.dossiers += int64(len(ds))
}

// verdictsOf appends every calculator's verdicts for d without accumulating them.
func (p *Partial) verdictsOf(d *model.Dossier, buf []indicator.Verdict) []indicator.Verdict {
	s := p.s
	buf = s.pub.Classify(d).AppendVerdicts(buf)
	tv := s.tim.Classify(d)
	buf = tv.AppendVerdicts(buf)
	buf = s.onl.Classify(d).AppendVerdicts(buf)
	buf = s.pay.Classify(d).AppendVerdicts(buf)
	buf = s.dig.Classify(d).AppendVerdicts(buf)
	p.memoValid, p.memoCode, p.memoCounted, p.memoLate = true, d.Code, tv.Counted, tv.Counted && !tv.InNumerator
	buf = p.sc.Classify(d).AppendVerdicts(buf)
	p.memoValid = false
	return buf
}

// Dossiers returns the number of dossiers added (directly or through Merge). Cost: O(1).
func (p *Partial) Dossiers() int64 { return p.dossiers }

// Merge adds q's state into p; q is unchanged and may be discarded. Merge is associative and
// commutative and, because example codes are kept by a total order (the smallest codes), merging the
// partials of any split of a stream gives exactly the single-pass state. Both partials must come from
// the same Scorer: a partial of another Scorer is refused with an *OptionError (errors.Is ErrOption)
// and p is left unchanged. Merging nil or p itself does nothing. Cost: O(size of q).
func (p *Partial) Merge(q *Partial) error {
	if q == nil || q == p {
		return nil
	}
	if q.s != p.s {
		return &OptionError{Field: "Partial", Err: fmt.Errorf("merging a partial of another scorer")}
	}
	p.pub.Merge(q.pub)
	p.tim.Merge(q.tim)
	p.onl.Merge(q.onl)
	p.pay.Merge(q.pay)
	p.dig.Merge(q.dig)
	p.sat.Merge(q.sat)
	p.ex.merge(&q.ex)
	p.dossiers += q.dossiers
	return nil
}

// Run scores one stream of dossiers in a single sequential pass: NewPartial, AddDossiers over chunks of
// the stream, Finish.
// Cost: one AddDossier per dossier plus Finish; memory independent of the number of dossiers.
func (s *Scorer) Run(dossiers iter.Seq[model.Dossier]) (*Card, error) {
	p := s.NewPartial()
	if dossiers != nil {
		// One reused chunk of dossiers (AddDossiers runs it calculator by calculator).
		batch := make([]model.Dossier, 0, chunk)
		for d := range dossiers {
			batch = append(batch, d)
			if len(batch) == chunk {
				p.AddDossiers(batch)
				batch = batch[:0]
			}
		}
		p.AddDossiers(batch)
		clear(batch[:cap(batch)])
	}
	return s.Finish(p)
}
