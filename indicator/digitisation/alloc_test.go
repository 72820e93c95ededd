//go:build !race

package digitisation

import (
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
)

// TestClassifyRefAddNoAllocs: once units and reasons have been seen, ClassifyRef + Add and Classify + Add
// allocate nothing, with and without Options.Keys (the race detector is off for this file: its
// instrumentation allocates).
func TestClassifyRefAddNoAllocs(t *testing.T) {
	ds := benchDossiers(256)
	keys := indicator.NewKeys(benchUnits(), benchProcedures())
	for _, k := range []*indicator.Keys{keys, nil} {
		o := benchOptions()
		o.Keys = k
		c := newCalc(t, o)
		a := c.NewAccumulator()
		for i := range ds {
			a.Add(c.Classify(&ds[i]))
		}
		i := 0
		if n := testing.AllocsPerRun(1000, func() {
			d := &ds[i%len(ds)]
			a.Add(c.ClassifyRef(d, keys.Ref(d.UnitID, d.ProcedureCode)))
			a.Add(c.Classify(d))
			i++
		}); n != 0 {
			t.Fatalf("Keys %v: ClassifyRef/Classify + Add allocate %.2f times per dossier", k != nil, n)
		}
	}
}
