package satisfaction

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// BenchmarkDossier measures Accumulator.Add per dossier on the 5.3 path, the unit found by its id (a zero
// Ref, a calculator without Keys), with a rating set of 1 000 codes.
func BenchmarkDossier(b *testing.B) {
	o := baseOptions(b)
	ds := make([]model.Dossier, 4096)
	cs := make([]indicator.Case, len(ds))
	for i := range ds {
		ds[i] = model.Dossier{Code: fmt.Sprintf("U%02d-260805-%04d", i%40, i), UnitID: fmt.Sprintf("U%02d", i%40)}
		if i%4 == 0 {
			o.Ratings = append(o.Ratings, model.Rating{DossierCode: ds[i].Code, Dislike: true})
		}
		cs[i] = indicator.Case{Dossier: &ds[i], Timing: indicator.Timing(1 + len(ds[i].Code)%2)}
	}
	c := newCalc(b, o)
	a := c.NewAccumulator()
	for i := range cs {
		a.Add(&cs[i], nil)
	}
	clock := testkit.StartPerRecord(b)
	for i := 0; i < b.N; i++ {
		a.Add(&cs[i%len(cs)], nil)
	}
	b.StopTimer()
	clock.Report(b.N, "dossier")
}

// BenchmarkPetition measures ClassifyPetition (calendar deadlines over a four-event timeline) per petition.
func BenchmarkPetition(b *testing.B) {
	c := newCalc(b, baseOptions(b))
	ps := benchPetitions(func(i int) []popt {
		return []popt{forwarded(day(8, 2+i%28)), ev(moreInfo, day(8, 3+i%28)), ev(awaiting, day(8, 1+(i+5)%31)),
			ev(published, day(8, 1+(i+7)%31))}
	})
	clock := testkit.StartPerRecord(b)
	for i := 0; i < b.N; i++ {
		_ = c.ClassifyPetition(&ps[i%len(ps)])
	}
	b.StopTimer()
	clock.Report(b.N, "petition")
}

// BenchmarkPetitionAdd measures AddPetition on a fresh accumulator per 256 petitions (the map of counted
// petitions grows: allocations are expected here).
func BenchmarkPetitionAdd(b *testing.B) {
	c := newCalc(b, baseOptions(b))
	ps := benchPetitions(func(i int) []popt { return []popt{ev(rejected, day(8, 1+(i+1)%31))} })
	a := c.NewAccumulator()
	clock := testkit.StartPerRecord(b)
	for i := 0; i < b.N; i++ {
		if i%len(ps) == 0 {
			a = c.NewAccumulator()
		}
		a.AddPetition(&ps[i%len(ps)], nil)
	}
	b.StopTimer()
	clock.Report(b.N, "petition")
}

// benchPetitions returns 256 petitions with ids 0–255, received on days 1–28 of 8/2026, with events(i).
func benchPetitions(events func(i int) []popt) []model.Petition {
	ps := make([]model.Petition, 256)
	for i := range ps {
		ps[i] = petition(append([]popt{pid(fmt.Sprint(i)), recv(day(8, 1+i%28))}, events(i)...)...)
	}
	return ps
}

// benchSet is a province-sized 5.3 workload: 80 units, 50 procedures, n dossiers with codes
// "{unit}-{yyMMdd}-{NNNN}" (a tenth with a local alias), 5 % disliked, 2 % with a complaint (a third of
// those by alias), plus 2 000 marks of dossiers outside the slice; the Cases hold each dossier's Ref and
// its 2.1 outcome (90 % timed, 5 % late), as a pass sets them before 5.3.
type benchSet struct {
	keys *indicator.Keys
	opts Options
	ds   []model.Dossier
	cs   []indicator.Case
}

func newBenchSet(n int) *benchSet {
	rng := rand.New(rand.NewPCG(5, 3))
	s := &benchSet{ds: make([]model.Dossier, n), cs: make([]indicator.Case, n)}
	units := make([]string, 80)
	for i := range units {
		units[i] = fmt.Sprintf("000.%02d.%02d.H45", i%7, 10+i)
	}
	procs := make([]string, 50)
	for i := range procs {
		procs[i] = fmt.Sprintf("1.%06d", 1000+i)
	}
	s.keys = indicator.NewKeys(units, procs)
	for i := range s.ds {
		u := units[rng.IntN(len(units))]
		d := &s.ds[i]
		*d = model.Dossier{Code: fmt.Sprintf("%s-2608%02d-%04d", u, 1+rng.IntN(28), rng.IntN(10000)), UnitID: u,
			ProcedureCode: procs[rng.IntN(len(procs))]}
		if rng.IntN(10) == 0 {
			d.Aliases = []string{fmt.Sprintf("L%d-%07d", rng.IntN(80), rng.IntN(1e7))}
		}
		switch x := rng.IntN(100); {
		case x < 5:
			s.opts.Ratings = append(s.opts.Ratings, model.Rating{DossierCode: d.Code, Dislike: true})
		case x < 7 && d.Aliases != nil:
			s.opts.Petitions = append(s.opts.Petitions, model.Petition{ID: fmt.Sprint(i), DossierCode: d.Aliases[0]})
		case x < 7:
			s.opts.Petitions = append(s.opts.Petitions, model.Petition{ID: fmt.Sprint(i), DossierCode: d.Code})
		case x < 30:
			s.opts.Ratings = append(s.opts.Ratings, model.Rating{DossierCode: d.Code, Level: model.NewRatingLevel(model.RatingSatisfied)})
		}
		t := indicator.OnTime
		counted, late := rng.IntN(10) != 0, rng.IntN(20) == 0
		if !counted {
			t = indicator.NotTimed
		} else if late {
			t = indicator.Late
		}
		s.cs[i] = indicator.Case{Dossier: d, Ref: s.keys.Ref(d.UnitID, d.ProcedureCode), Timing: t}
	}
	for i := range 2000 {
		s.opts.Ratings = append(s.opts.Ratings, model.Rating{DossierCode: fmt.Sprintf("%s-2607%02d-%04d", units[i%80], 1+i%28, i), Dislike: true})
	}
	return s
}

// BenchmarkClassifyAdd measures the 5.3 path per dossier (0 allocs) over a pre-generated slice of Cases,
// with the pass's Keys: "ref" is Add with each Case's Ref and no note (the scorecard's tally pass),
// "classify" is Add with a zero Ref (the calculator finds the unit by its id), "note" is "ref" with a
// note. records=4096 (≈ 4 MB of model.Dossier) includes cache misses on the records; records=64 keeps
// them in cache.
func BenchmarkClassifyAdd(b *testing.B) {
	for _, n := range []int{64, 4096} {
		s := newBenchSet(n)
		for _, mode := range []string{"ref", "classify", "note"} {
			b.Run(fmt.Sprintf("%s/records=%d", mode, n), func(b *testing.B) {
				o := baseOptions(b)
				o.Keys, o.Ratings, o.Petitions = s.keys, s.opts.Ratings, s.opts.Petitions
				c := newCalc(b, o)
				a := c.NewAccumulator()
				cs := s.cs
				if mode == "classify" {
					cs = make([]indicator.Case, n)
					for i := range cs {
						cs[i] = indicator.Case{Dossier: s.cs[i].Dossier, Timing: s.cs[i].Timing}
					}
				}
				var note indicator.Note
				if mode == "note" {
					var num int
					note = func(_ *indicator.Case, v indicator.Verdict) {
						if v.InNumerator {
							num++
						}
					}
				}
				for i := range cs {
					a.Add(&cs[i], note)
				}
				clock := testkit.StartPerRecord(b)
				for i := 0; i < b.N; i++ {
					a.Add(&cs[i&(n-1)], note)
				}
				b.StopTimer()
				clock.Report(b.N, "dossier")
			})
		}
	}
}
