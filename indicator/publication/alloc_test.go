//go:build !race

package publication

import "testing"

// TestClassifyAddNoAllocs: once units and reasons have been seen, Classify + Accumulator.Add (1.4) allocate
// nothing (the race detector is off for this file: its instrumentation allocates).
func TestClassifyAddNoAllocs(t *testing.T) {
	c := newCalc(t, nil)
	ds := smallDossiers()
	a := c.NewAccumulator()
	for i := range ds {
		a.Add(c.Classify(&ds[i]))
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		a.Add(c.Classify(&ds[i%len(ds)]))
		i++
	})
	if allocs != 0 {
		t.Fatalf("Classify+Add allocates %.2f times per dossier", allocs)
	}
}
