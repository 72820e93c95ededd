package scorecard

import (
	"testing"
)

// TestAddDossierNoAllocs: once every unit and reason has been seen, AddDossier allocates nothing.
func TestAddDossierNoAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	in := genInputs()
	s := mustScorer(t, in, testOptionsGen())
	pool := genPoolOf(1000, in.Units)
	p := s.NewPartial()
	for i := range pool {
		p.AddDossier(&pool[i])
	}
	i := 0
	allocs := testing.AllocsPerRun(2000, func() {
		p.AddDossier(&pool[i%len(pool)])
		i++
	})
	if allocs != 0 {
		t.Fatalf("AddDossier allocates %.2f times per dossier", allocs)
	}
	p.AddDossiers(pool) // first use allocates the chunk scratch space
	allocs = testing.AllocsPerRun(50, func() {
		p.AddDossiers(pool[i%512 : i%512+200])
		i++
	})
	if allocs != 0 {
		t.Fatalf("AddDossiers allocates %.2f times per call", allocs)
	}
}

// TestExplanationMemoryBounded: the explanation state holds at most Examples codes per unit × metric ×
// reason, so it stops growing once every combination has been seen (entries) and filled (codes),
// however many dossiers follow.
func TestExplanationMemoryBounded(t *testing.T) {
	in := genInputs()
	s := mustScorer(t, in, testOptionsGen())
	size := func(p *Partial) (entries, codes int) {
		for _, u := range p.ex.units {
			for _, es := range u.metrics {
				for _, e := range es {
					entries++
					codes += len(e.Codes)
					if len(e.Codes) > DefaultExamples || cap(e.Codes) > DefaultExamples {
						t.Fatalf("entry keeps %d codes (cap %d)", len(e.Codes), cap(e.Codes))
					}
				}
			}
		}
		return entries, codes
	}
	p := s.NewPartial()
	n := 12000
	if testing.Short() {
		n = 6000
	}
	var e1, c1 int
	for i := range n {
		d := genDossier(i, in.Units) // distinct codes
		p.AddDossier(&d)
		if i == n/2 {
			e1, c1 = size(p)
		}
	}
	e2, c2 := size(p)
	t.Logf("after %d dossiers: %d entries, %d codes; after %d: %d entries, %d codes", n/2, e1, c1, n, e2, c2)
	if e1 != e2 {
		t.Fatalf("explanation entries grew from %d to %d", e1, e2)
	}
	if c2 > e2*DefaultExamples {
		t.Fatalf("%d codes for %d entries", c2, e2)
	}
}
