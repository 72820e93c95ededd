//go:build !race

package publication

import (
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
)

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

// TestClassifyRefAddNoAllocs: ClassifyRef + Add allocate nothing either, with the Keys' Ref and with
// NoRef, once the units have been seen.
func TestClassifyRefAddNoAllocs(t *testing.T) {
	ds := benchDossiers(256)
	keys := indicator.NewKeys(benchUnits(), benchProcedures())
	c := newCalc(t, func(o *Options) { o.Keys = keys })
	a := c.NewAccumulator()
	for i := range ds {
		a.Add(c.Classify(&ds[i]))
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		d := &ds[i%len(ds)]
		a.Add(c.ClassifyRef(d, keys.Ref(d.UnitID, d.ProcedureCode)))
		a.Add(c.ClassifyRef(d, indicator.NoRef))
		i++
	})
	if allocs != 0 {
		t.Fatalf("ClassifyRef+Add allocates %.2f times per dossier", allocs)
	}
}
