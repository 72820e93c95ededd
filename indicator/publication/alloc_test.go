//go:build !race

package publication

import (
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
)

// TestAddNoAllocs: once the units have been seen, Add allocates nothing, with the Keys' Ref, with the zero
// Ref, without Keys, and with a note that keeps nothing (the race detector is off for this file: its
// instrumentation allocates).
func TestAddNoAllocs(t *testing.T) {
	ds := benchDossiers(256)
	keys := indicator.NewKeys(benchUnits(), benchProcedures())
	var n int
	note := func(*indicator.Case, indicator.Verdict) { n++ }
	for name, o := range map[string]func(*Options){"keys": func(o *Options) { o.Keys = keys }, "nokeys": nil} {
		c := newCalc(t, o)
		a := c.NewAccumulator()
		cs := make([]indicator.Case, len(ds))
		for i := range ds {
			cs[i] = indicator.Case{Dossier: &ds[i]}
			a.Add(&cs[i], nil)
		}
		i := 0
		allocs := testing.AllocsPerRun(1000, func() {
			k := &cs[i%len(cs)]
			a.Add(k, nil)
			a.Add(k, note)
			k.Ref = keys.Ref(k.Dossier.UnitID, "")
			a.Add(k, nil)
			k.Ref = indicator.Ref{}
			i++
		})
		if allocs != 0 {
			t.Fatalf("%s: Add allocates %.2f times per dossier", name, allocs)
		}
	}
}
