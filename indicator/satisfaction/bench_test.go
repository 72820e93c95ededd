package satisfaction

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// BenchmarkDossier measures Classify + Accumulator.Add per dossier on the 5.3 path (stub timeliness, a
// rating/complaint set of 1 000 codes).
func BenchmarkDossier(b *testing.B) {
	o := baseOptions(b)
	ds := make([]model.Dossier, 4096)
	for i := range ds {
		ds[i] = model.Dossier{Code: fmt.Sprintf("U%02d-260805-%04d", i%40, i), UnitID: fmt.Sprintf("U%02d", i%40)}
		if i%4 == 0 {
			o.Ratings = append(o.Ratings, model.Rating{DossierCode: ds[i].Code, Dislike: true})
		}
	}
	o.Timeliness = func(d *model.Dossier) (bool, bool) { return true, len(d.Code)%2 == 0 }
	c := newCalc(b, o)
	a := c.NewAccumulator()
	for i := range ds {
		a.Add(c.Classify(&ds[i]))
	}
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Add(c.Classify(&ds[i%len(ds)]))
	}
	b.StopTimer()
	reportPerRecord(b, cpu0, ok)
}

// BenchmarkPetition measures ClassifyPetition (calendar deadlines over a four-event timeline) per petition.
func BenchmarkPetition(b *testing.B) {
	c := newCalc(b, baseOptions(b))
	ps := make([]model.Petition, 256)
	for i := range ps {
		ps[i] = petition(pid(fmt.Sprint(i)), recv(day(8, 1+i%28)), forwarded(day(8, 2+i%28)), ev(moreInfo, day(8, 3+i%28)),
			ev(awaiting, day(8, 1+(i+5)%31)), ev(published, day(8, 1+(i+7)%31)))
	}
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = c.ClassifyPetition(&ps[i%len(ps)])
	}
	b.StopTimer()
	reportPerRecord(b, cpu0, ok)
}

// BenchmarkPetitionAdd measures ClassifyPetition + AddPetition on a fresh accumulator per 256 petitions
// (the map of counted petitions grows: allocations are expected here).
func BenchmarkPetitionAdd(b *testing.B) {
	c := newCalc(b, baseOptions(b))
	ps := make([]model.Petition, 256)
	for i := range ps {
		ps[i] = petition(pid(fmt.Sprint(i)), recv(day(8, 1+i%28)), ev(rejected, day(8, 1+(i+1)%31)))
	}
	a := c.NewAccumulator()
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%len(ps) == 0 {
			a = c.NewAccumulator()
		}
		a.AddPetition(c.ClassifyPetition(&ps[i%len(ps)]))
	}
	b.StopTimer()
	reportPerRecord(b, cpu0, ok)
}

// reportPerRecord reports wall ns/record and, where the OS gives per-thread CPU time, cpu-ns/record.
func reportPerRecord(b *testing.B, cpu0 time.Duration, ok bool) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
	if cpu1, ok1 := threadCPU(); ok && ok1 {
		b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/record")
	}
}

// benchSet is a province-sized 5.3 workload: 80 units, 50 procedures, n dossiers with codes
// "{unit}-{yyMMdd}-{NNNN}" (a tenth with a local alias), 5 % disliked, 2 % with a complaint (a third of
// those by alias), plus 2 000 marks of dossiers outside the slice; timeliness verdicts (90 % counted, 5 %
// late) precomputed per dossier, as the scorecard's memo holds them.
type benchSet struct {
	keys    *indicator.Keys
	opts    Options
	ds      []model.Dossier
	refs    []indicator.Ref
	counted []bool
	late    []bool
}

func newBenchSet(n int) *benchSet {
	rng := rand.New(rand.NewPCG(5, 3))
	s := &benchSet{ds: make([]model.Dossier, n), refs: make([]indicator.Ref, n), counted: make([]bool, n), late: make([]bool, n)}
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
			s.opts.Complaints = append(s.opts.Complaints, model.Petition{ID: fmt.Sprint(i), DossierCode: d.Aliases[0]})
		case x < 7:
			s.opts.Complaints = append(s.opts.Complaints, model.Petition{ID: fmt.Sprint(i), DossierCode: d.Code})
		case x < 30:
			s.opts.Ratings = append(s.opts.Ratings, model.Rating{DossierCode: d.Code, Level: model.NewRatingLevel(model.RatingSatisfied)})
		}
		s.counted[i], s.late[i] = rng.IntN(10) != 0, rng.IntN(20) == 0
		s.refs[i] = s.keys.Ref(d.UnitID, d.ProcedureCode)
	}
	for i := range 2000 {
		s.opts.Ratings = append(s.opts.Ratings, model.Rating{DossierCode: fmt.Sprintf("%s-2607%02d-%04d", units[i%80], 1+i%28, i), Dislike: true})
	}
	return s
}

// calculator builds the calculator with the shared Keys and a memo-reading Timeliness, as the scorecard's
// Partial does: memo is set just before each Classify call.
func (s *benchSet) calculator(b *testing.B, memo *benchMemo) *Calculator {
	o := baseOptions(b)
	o.Keys = s.keys
	o.Ratings, o.Complaints = s.opts.Ratings, s.opts.Complaints
	o.Timeliness = func(d *model.Dossier) (bool, bool) {
		if memo.valid && d.Code == memo.code {
			return memo.counted, memo.late
		}
		return false, false
	}
	return newCalc(b, o)
}

type benchMemo struct {
	valid, counted, late bool
	code                 string
}

// BenchmarkClassifyAdd measures the 5.3 path per dossier (target ≤ 50 ns, 0 allocs) over a pre-generated
// slice, with the 2.1 judgement injected from a memo as the scorecard does: "ref" is ClassifyRef+Add with
// the Refs resolved outside the loop (the scorecard's hot path), "classify" is Classify+Add (the
// calculator resolves the unit itself). records=4096 (≈ 4 MB of model.Dossier) includes cache misses on the
// records; records=64 keeps them in cache.
func BenchmarkClassifyAdd(b *testing.B) {
	for _, n := range []int{64, 4096} {
		s := newBenchSet(n)
		for _, mode := range []string{"ref", "classify"} {
			b.Run(fmt.Sprintf("%s/records=%d", mode, n), func(b *testing.B) {
				memo := new(benchMemo)
				c := s.calculator(b, memo)
				a := c.NewAccumulator()
				byRef := mode == "ref"
				step := func(i int) {
					d := &s.ds[i]
					memo.valid, memo.code, memo.counted, memo.late = true, d.Code, s.counted[i], s.late[i]
					if byRef {
						a.Add(c.ClassifyRef(d, s.refs[i]))
					} else {
						a.Add(c.Classify(d))
					}
					memo.valid = false
				}
				runSteps(b, len(s.ds), n, step)
			})
		}
	}
}

// runSteps warms step over the n0 records, then times step over records i & (n-1) (n a power of two),
// reporting allocations and the thread's CPU time per record.
func runSteps(b *testing.B, n0, n int, step func(i int)) {
	for i := range n0 {
		step(i)
	}
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		step(i & (n - 1))
	}
	b.StopTimer()
	reportPerRecord(b, cpu0, ok)
}
