package scorecard

import (
	"reflect"
	"slices"
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/lost"
	"github.com/vn-dvc/chiso766/model"
)

// noted is one verdict handed to a Note, with the dossier it was about.
type noted struct {
	d *model.Dossier
	v indicator.Verdict
}

// checkLostPath is the differential test of the pass's lost-only path against the path it replaced:
//
//   - every calculator's AddLost hands its sink exactly the verdicts of Add that lose points (in the
//     denominator, not the numerator), in Add's order, sets the same Case.Timing and leaves the
//     accumulator in the same state (its Report);
//   - a Partial fed through AddDossiers (AddLost and the explanations' lost.Sink, entries indexed by
//     unit, metric and reason index) ends in the same card as one fed through every calculator's Add with
//     every verdict going to noteCase, the explanations' straightforward form (entries found by unit and
//     reason string).
func checkLostPath(t testing.TB, s *Scorer, ds []model.Dossier) {
	t.Helper()
	for j, mk := range s.calcs {
		a, b := mk(), mk()
		la, ok := b.(lostAdder)
		if !ok {
			t.Fatalf("calculator %d (%T) has no AddLost", j, b)
		}
		var all, got []noted
		for i := range ds {
			d := &ds[i]
			ref := s.keys.Ref(d.UnitID, d.ProcedureCode)
			timing := indicator.Timing(i % 3) // 5.3 reads 2.1's outcome from the Case
			ca := indicator.Case{Dossier: d, Ref: ref, Timing: timing}
			cbs := [1]indicator.Case{ca}
			a.Add(&ca, func(c *indicator.Case, v indicator.Verdict) {
				if v.InDenominator && !v.InNumerator {
					all = append(all, noted{c.Dossier, v})
				}
			})
			la.AddLost(cbs[:], lost.NewNote(func(c *indicator.Case, v indicator.Verdict) { got = append(got, noted{c.Dossier, v}) }))
			if ca.Timing != cbs[0].Timing {
				t.Fatalf("%T: dossier %d: Timing %v after Add, %v after AddLost", a, i, ca.Timing, cbs[0].Timing)
			}
		}
		if !slices.Equal(all, got) {
			t.Fatalf("%T: AddLost noted %d verdicts, Add %d losing points (or in another order)", a, len(got), len(all))
		}
		scope := &indicator.Scope{Aggregation: s.agg, Parents: s.parents, Subtree: s.subtree}
		if ra, rb := a.Report(scope), b.Report(scope); !sameReport(ra, rb) {
			t.Fatalf("%T: Report after AddLost differs from Report after Add", a)
		}

	}

	// The whole pass: new path against the old one.
	q := s.NewPartial()
	q.AddDossiers(ds)
	o := s.NewPartial()
	var old indicator.Note
	if !s.opts.SkipDossierExplanations {
		old = o.ex.noteCase
	}
	for len(ds) > 0 {
		n := min(len(ds), chunk)
		cs := o.cases[:n]
		for i := range cs {
			cs[i] = indicator.Case{Dossier: &ds[i], Ref: s.keys.Ref(ds[i].UnitID, ds[i].ProcedureCode)}
		}
		o.judge(cs, old, nil)
		ds = ds[n:]
	}
	cq, err := s.Finish(q)
	if err != nil {
		t.Fatal(err)
	}
	co, err := s.Finish(o)
	if err != nil {
		t.Fatal(err)
	}
	if d := cardDifference(co, cq); d != "" {
		t.Fatalf("AddDossiers' card differs from the card of Add with every verdict noted: %s", d)
	}
}

// TestLostPath runs checkLostPath over the generated province (cycling codes, so that examples are
// re-offered) and over a stream of distinct codes, with explanations on, off and with one example.
func TestLostPath(t *testing.T) {
	in := genInputs()
	pool := genPoolOf(genPool, in.Units)
	twice := append(slices.Clone(pool), pool...)
	distinct := slices.Clone(pool)
	for i := range distinct {
		distinct[i].Code = pool[len(pool)-1-i].Code + "-x"
	}
	for _, o := range []struct {
		name string
		set  func(*Options)
	}{
		{"default", func(*Options) {}},
		{"one example", func(o *Options) { o.Examples = 1 }},
		{"explain=off", func(o *Options) { o.SkipDossierExplanations = true }},
	} {
		t.Run(o.name, func(t *testing.T) {
			opts := testOptionsGen()
			o.set(&opts)
			s := mustScorer(t, in, opts)
			checkLostPath(t, s, twice)
			checkLostPath(t, s, distinct)
		})
	}
}

// sameReport compares two reports, their ledgers by their sorted entries (a ledger built from a map keeps
// its entries in the map's order).
func sameReport(a, b indicator.Report) bool {
	if !reflect.DeepEqual(a.Units, b.Units) || !reflect.DeepEqual(a.Procedures, b.Procedures) || len(a.Ledgers) != len(b.Ledgers) {
		return false
	}
	same := func(x, y indicator.Ledger) bool {
		return x.Read == y.Read && x.Counted == y.Counted && x.Excluded == y.Excluded && slices.Equal(x.Entries(), y.Entries())
	}
	for i, l := range a.Ledgers {
		m := b.Ledgers[i]
		if l.Calculator != m.Calculator || !same(l.Records, m.Records) || !same(l.Catalogue, m.Catalogue) {
			return false
		}
	}
	return true
}
