package timeliness

import (
	"reflect"
	"slices"
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// exported returns v without the fields that say which Calculator made it (they differ between
// calculators by design and are not part of the verdict).
func exported(v Verdict) Verdict {
	v.calc, v.unit, v.proc = nil, 0, 0
	return v
}

// refStream is randomStream plus dossiers whose unit or procedure is empty, unknown to every Keys, or
// only in the catalogue.
func refStream() []model.Dossier {
	ds := randomStream(11, 600)
	ds = append(ds, randomStream(12, 200)...)
	for i := range ds[600:] {
		d := &ds[600+i]
		switch i % 5 {
		case 0:
			d.ProcedureCode = ""
		case 1:
			d.UnitID = "Z" + d.UnitID
		case 2:
			d.ProcedureCode, d.DueAt = "P4H", model.Time{}
		case 3:
			d.ProcedureCode, d.DueAt = "PHALF", model.Time{}
		case 4:
			d.UnitID = ""
		}
	}
	return ds
}

// TestClassifyRefMatchesClassify: for calculators built with no Keys, with Keys of exactly the stream's
// units and procedures, with Keys of other inputs (partial, shuffled, with strangers), ClassifyRef with the
// Keys' Ref, with NoRef and with out-of-range indexes, and Classify, all give the verdicts (exported fields)
// and the Result of the reference calculator; accumulators take each other's verdicts and hand-made ones,
// and merge across calculators, with the same Result.
func TestClassifyRefMatchesClassify(t *testing.T) {
	ds := refStream()
	ref := mustNew(t, baseOptions())
	want := make([]Verdict, len(ds))
	for i := range ds {
		want[i] = exported(ref.Classify(&ds[i]))
	}
	wantRes := ref.RunSlice(ds)

	var units, procs []string
	for i := range ds {
		units, procs = append(units, ds[i].UnitID), append(procs, ds[i].ProcedureCode)
	}
	slices.Sort(units)
	slices.Sort(procs)
	units, procs = slices.Compact(units), slices.Compact(procs)
	rev := func(s []string) []string { s = slices.Clone(s); slices.Reverse(s); return s }
	for _, tc := range []struct {
		name string
		keys *indicator.Keys
	}{
		{"own keys", nil},
		{"stream keys", indicator.NewKeys(units, procs)},
		{"reversed with strangers", indicator.NewKeys(append([]string{"S1", "S2"}, rev(units)...), append(rev(procs), "P5", "PMONTH", "Q"))},
		{"partial", indicator.NewKeys([]string{"B", "nobody"}, []string{"X", "P5", "P4H"})},
		{"empty", indicator.NewKeys(nil, nil)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := baseOptions()
			o.Keys = tc.keys
			c := mustNew(t, o)
			k := c.keys
			// 5 variants, another calculator's verdicts, hand-made verdicts, AddRef with the Ref and with NoRef
			accs := make([]*Accumulator, 9)
			for j := range accs {
				accs[j] = c.NewAccumulator()
			}
			for i := range ds {
				d := &ds[i]
				r := k.Ref(d.UnitID, d.ProcedureCode)
				vs := []Verdict{
					c.ClassifyRef(d, r),
					c.ClassifyRef(d, indicator.NoRef),
					c.ClassifyRef(d, indicator.Ref{Unit: r.Unit, Procedure: -1}),
					c.ClassifyRef(d, indicator.Ref{Unit: 1 << 30, Procedure: int32(k.NumProcedures())}),
					c.Classify(d),
				}
				for j, v := range vs {
					if got := exported(v); !reflect.DeepEqual(got, want[i]) {
						t.Fatalf("dossier %d, variant %d:\n got %+v\nwant %+v", i, j, got, want[i])
					}
					accs[j].Add(v)
				}
				accs[5].Add(ref.Classify(d)) // another calculator's verdict: re-resolved by string
				accs[6].Add(hand(want[i]))   // hand-made (no calculator)
				accs[7].AddRef(d, r)
				accs[8].AddRef(d, indicator.NoRef)
			}
			for _, a := range accs {
				sameResult(t, a.Result(), wantRes)
			}
			// Merge across calculators, both ways.
			x := ref.NewAccumulator()
			y := c.NewAccumulator()
			for i := range ds {
				if i%2 == 0 {
					x.Add(ref.Classify(&ds[i]))
				} else {
					y.Add(c.Classify(&ds[i]))
				}
			}
			x2, y2 := ref.NewAccumulator(), c.NewAccumulator()
			x2.Merge(x)
			x2.Merge(y)
			y2.Merge(y)
			y2.Merge(x)
			sameResult(t, x2.Result(), wantRes)
			sameResult(t, y2.Result(), wantRes)
		})
	}
}

// hand rebuilds a verdict field by field, as a caller outside the package would (the reason index is
// restored from the code: a hand-made verdict of an unknown code counts as a nil record).
func hand(v Verdict) Verdict {
	w := Verdict{Unit: v.Unit, Code: v.Code, Procedure: v.Procedure, Counted: v.Counted, InNumerator: v.InNumerator,
		Finished: v.Finished, ProcessingSeconds: v.ProcessingSeconds, Reception: v.Reception}
	for r := rEarly; r < numReasons; r++ {
		if reasonCodes[r] == v.Reason {
			w.set(r)
		}
	}
	return w
}

// TestAddRefNil: AddRef(nil) counts a nil record, as Add(Classify(nil)) does.
func TestAddRefNil(t *testing.T) {
	c := mustNew(t, baseOptions())
	a, b := c.NewAccumulator(), c.NewAccumulator()
	a.AddRef(nil, indicator.NoRef)
	b.Add(c.Classify(nil))
	sameResult(t, a.Result(), b.Result())
	if got := a.Result().Ledger.Entries(); len(got) != 1 || got[0].Reason != ReasonExcludedNilRecord || got[0].Excluded != 1 {
		t.Fatalf("ledger %+v, want one %s", got, ReasonExcludedNilRecord)
	}
}
