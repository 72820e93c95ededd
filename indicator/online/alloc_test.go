//go:build !race

package online

import (
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
)

// TestAddNoAllocs: once units and reasons have been seen, Accumulator.Add allocates nothing, with and
// without a Note (the race detector is off for this file: its instrumentation allocates).
func TestAddNoAllocs(t *testing.T) {
	c := newCalc(t, nil)
	ds := smallStream()
	a := c.NewAccumulator()
	for i := range ds {
		a.Add(&indicator.Case{Dossier: &ds[i]}, nil)
	}
	i := 0
	var k indicator.Case // a pass reuses its Case (a Note may not retain it)
	note := func(*indicator.Case, indicator.Verdict) {}
	allocs := testing.AllocsPerRun(1000, func() {
		k = indicator.Case{Dossier: &ds[i%len(ds)]}
		a.Add(&k, nil)
		a.Add(&k, note)
		i++
	})
	if allocs != 0 {
		t.Fatalf("Add allocates %.2f times per dossier", allocs)
	}
}
