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
}
