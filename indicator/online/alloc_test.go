//go:build !race

package online

import "testing"

// TestClassifyAddNoAllocs: once units and reasons have been seen, Classify + Accumulator.Add allocate
// nothing (the race detector is off for this file: its instrumentation allocates).
func TestClassifyAddNoAllocs(t *testing.T) {
	c := newCalc(t, nil)
	ds := smallStream()
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
