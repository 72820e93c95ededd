package publication

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// public is v without the accumulator hints (slot, calculator) that depend on the Keys: what Classify
// decides. The reason index stays: it is the ledger reason.
func public(v Verdict) Verdict {
	v.slot, v.calc = 0, nil
	return v
}

// refDossiers is a varied set of dossiers for the Ref tests: the stream tests' and the benchmark's, plus
// units outside every Keys, no unit, no reception, submissions only, and instants on the period's edges.
func refDossiers() []model.Dossier {
	_, ds := randomRecords(rand.New(rand.NewPCG(21, 22)), 0, 300)
	ds = append(ds, smallDossiers()...)
	ds = append(ds, benchDossiers(256)...)
	start := time.Date(2026, time.August, 1, 0, 0, 0, 0, vn)
	end := time.Date(2026, time.September, 1, 0, 0, 0, 0, vn)
	for i, t := range []time.Time{start, start.Add(-time.Nanosecond), start.Add(time.Nanosecond), end, end.Add(-time.Nanosecond),
		asOf, asOf.Add(-time.Nanosecond), asOf.Add(time.Nanosecond), asOf.Add(-time.Second), asOf.Add(time.Second)} {
		for j, u := range []string{"H44", "ZZ.unknown", ""} {
			ds = append(ds,
				dossier(fmt.Sprintf("E%d.%d", i, j), u, received(model.Some(t))),
				dossier(fmt.Sprintf("S%d.%d", i, j), u, synced(model.Some(t), "0")),
				dossier(fmt.Sprintf("F%d.%d", i, j), u, received(model.None()), func(d *model.Dossier) { d.SubmittedAt = model.Some(t) }),
				dossier(fmt.Sprintf("N%d.%d", i, j), u, received(model.None())))
		}
	}
	return ds
}

// TestClassifyRefMatchesClassify: ClassifyRef with the Keys' Ref, with NoRef and with an out-of-range Ref,
// on calculators without Keys, with Keys of these units and with Keys built from other inputs, gives the
// verdicts of Classify, and the same Result through Add, Merge across calculators and hand-copied
// verdicts.
func TestClassifyRefMatchesClassify(t *testing.T) {
	ds := refDossiers()
	procs, _ := randomRecords(rand.New(rand.NewPCG(23, 24)), 60, 0)
	base := newCalc(t, func(o *Options) { o.SyncReportDen = map[string]int64{"H44": 3, "H46": 1} })
	want := base.Run(sliceSeq(procs), sliceSeq(ds))

	var units, codes []string
	for i := range ds {
		units, codes = append(units, ds[i].UnitID), append(codes, ds[i].ProcedureCode)
	}
	keysets := map[string]*indicator.Keys{
		"own":     nil,
		"all":     indicator.NewKeys(units, codes),
		"other":   indicator.NewKeys(append([]string{"X1", "H45", "X2"}, benchUnits()[40:]...), []string{"P"}),
		"empty":   indicator.NewKeys(nil, nil),
		"reverse": indicator.NewKeys([]string{"BTP", "H45", "H44"}, nil),
	}
	calcs := map[string]*Calculator{}
	for name, k := range keysets {
		calcs[name] = newCalc(t, func(o *Options) {
			o.Keys = k
			o.SyncReportDen = map[string]int64{"H44": 3, "H46": 1}
		})
	}
	for name, c := range calcs {
		t.Run(name, func(t *testing.T) {
			byRef, byNoRef, byClassify := c.NewAccumulator(), c.NewAccumulator(), c.NewAccumulator()
			byAddRef := c.NewAccumulator() // AddRef: ClassifyRef + Add in one call
			cross := base.NewAccumulator() // verdicts of c added to another calculator's accumulator
			for i := range procs {
				v := c.ClassifyProcedure(&procs[i])
				for _, a := range []*Accumulator{byRef, byNoRef, byClassify, byAddRef, cross} {
					a.AddProcedure(v)
				}
			}
			for i := range ds {
				d := &ds[i]
				w := public(base.Classify(d))
				r := c.keys.Ref(d.UnitID, d.ProcedureCode)
				v := c.ClassifyRef(d, r)
				require.Equal(t, w, public(v), "ClassifyRef with the Keys' Ref, dossier %d", i)
				require.Equal(t, w, public(c.Classify(d)), "Classify, dossier %d", i)
				nv := c.ClassifyRef(d, indicator.NoRef)
				require.Equal(t, w, public(nv), "NoRef, dossier %d", i)
				require.Equal(t, w, public(c.ClassifyRef(d, indicator.Ref{Unit: 1 << 30, Procedure: 1 << 30})), "out of range, dossier %d", i)
				byRef.Add(v)
				byNoRef.Add(nv)
				byClassify.Add(c.Classify(d))
				cross.Add(v)
				byAddRef.AddRef(d, r)
			}
			resultsEqual(t, want, byRef.Result())
			resultsEqual(t, want, byAddRef.Result())
			resultsEqual(t, want, byNoRef.Result())
			resultsEqual(t, want, byClassify.Result())
			resultsEqual(t, want, cross.Result())

			// Shards of different calculators merge into either.
			h1, h2 := c.NewAccumulator(), base.NewAccumulator()
			for i := range procs {
				[2]*Accumulator{h1, h2}[i%2].AddProcedure(c.ClassifyProcedure(&procs[i]))
			}
			for i := range ds {
				if i%2 == 0 {
					h1.Add(c.ClassifyRef(&ds[i], c.keys.Ref(ds[i].UnitID, "")))
				} else {
					h2.Add(base.Classify(&ds[i]))
				}
			}
			m1, m2 := c.NewAccumulator(), base.NewAccumulator()
			m1.Merge(h1)
			m1.Merge(h2)
			m2.Merge(h2)
			m2.Merge(h1)
			got1, got2 := m1.Result(), m2.Result()
			resultsEqual(t, want, got1)
			// m2 belongs to base, whose SyncReportDen is the same: equal too.
			resultsEqual(t, want, got2)
		})
	}
}

// TestAddCopiedVerdicts: a verdict whose exported fields are edited by hand after ClassifyRef is counted
// by those fields (Counted, Synced), as before the fast path.
func TestAddCopiedVerdicts(t *testing.T) {
	keys := indicator.NewKeys([]string{"U1"}, nil)
	c := newCalc(t, func(o *Options) { o.Keys = keys })
	d := dossier("D", "U1")
	v := c.ClassifyRef(&d, keys.Ref("U1", ""))
	a := c.NewAccumulator()
	a.Add(v)
	v.Synced = false
	a.Add(v)
	v.Counted = false
	a.Add(v)
	r := a.Result()
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, r.Units["U1"].Counts[indicator.M14])
	assert.Equal(t, int64(3), r.Ledger.Entry(ReasonSynced).Counted)
}

// TestNilRecord: a nil dossier is never a panic: Classify, ClassifyRef and AddRef count it as one excluded
// ReasonNilRecord, and Read == Counted + Excluded.
func TestNilRecord(t *testing.T) {
	c := newCalc(t, nil)
	for _, v := range []Verdict{c.Classify(nil), c.ClassifyRef(nil, indicator.NoRef), c.ClassifyRef(nil, indicator.Ref{})} {
		if v.Reason != ReasonNilRecord || v.Counted || v.Synced {
			t.Fatalf("nil dossier: %+v", v)
		}
	}
	a, b := c.NewAccumulator(), c.NewAccumulator()
	a.AddRef(nil, indicator.NoRef)
	b.Add(c.Classify(nil))
	for _, r := range []Result{a.Result(), b.Result()} {
		l := r.Ledger
		if l.Read != 1 || l.Excluded != 1 || l.Counted != 0 || len(l.Entries()) != 1 || l.Entries()[0].Reason != ReasonNilRecord {
			t.Fatalf("ledger %+v", l.Entries())
		}
	}
}
