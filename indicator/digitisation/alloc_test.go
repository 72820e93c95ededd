//go:build !race

package digitisation

import (
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
)

// TestAddNoAllocs: once units and reasons have been seen, Add allocates nothing, with the Keys' Ref, with
// the zero Ref, with and without Options.Keys, and with a note that keeps nothing (the race detector is off
// for this file: its instrumentation allocates).
func TestAddNoAllocs(t *testing.T) {
	ds := benchDossiers(256)
	keys := indicator.NewKeys(benchUnits(), benchProcedures())
	n := 0
	note := func(*indicator.Case, indicator.Verdict) { n++ }
	for _, k := range []*indicator.Keys{keys, nil} {
		o := benchOptions()
		o.Keys = k
		c := newCalc(t, o)
		a := c.NewAccumulator()
		for i := range ds {
			a.Add(&indicator.Case{Dossier: &ds[i]}, nil)
		}
		i := 0
		var ref, zero indicator.Case // a Case escapes to the note: a pass reuses one
		if n := testing.AllocsPerRun(1000, func() {
			d := &ds[i%len(ds)]
			ref = indicator.Case{Dossier: d, Ref: keys.Ref(d.UnitID, d.ProcedureCode)}
			zero = indicator.Case{Dossier: d}
			a.Add(&ref, nil)
			a.Add(&zero, note)
			i++
		}); n != 0 {
			t.Fatalf("Keys %v: Add allocates %.2f times per dossier", k != nil, n)
		}
	}
}
