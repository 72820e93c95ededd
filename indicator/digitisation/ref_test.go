package digitisation

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// public is v without the accumulator hints (slot, calculator) that depend on the Keys: what Classify
// decides.
func public(v Verdict) Verdict {
	v.slot, v.calc = 0, nil
	return v
}

// refDossiers is a varied set of dossiers for the Ref tests: the stream test's, the benchmark's, and
// dossiers on the window's edges, without reception, registered or withdrawn, of units and procedures
// outside every Keys.
func refDossiers() []model.Dossier {
	ds := slices.Concat(smallStream(), benchDossiers(512))
	start := time.Date(2026, 8, 1, 0, 0, 0, 0, vn)
	end := time.Date(2026, 9, 1, 0, 0, 0, 0, vn)
	asOf := time.Date(2026, 8, 20, 12, 0, 0, 0, vn)
	edges := []time.Time{start, start.Add(-time.Nanosecond), start.Add(time.Nanosecond), start.Add(time.Second),
		end, end.Add(-time.Nanosecond), end.Add(-time.Second), asOf, asOf.Add(time.Nanosecond), asOf.Add(-time.Nanosecond),
		asOf.Add(time.Second), asOf.Add(-time.Second)}
	for i, t := range edges {
		for j, u := range []string{"U1", "U.unknown", ""} {
			for k, p := range []string{"P.PAPER", "P.UNKNOWN", ""} {
				code := func(d *model.Dossier) { d.Code = fmt.Sprintf("E%d.%d.%d", i, j, k) }
				ds = append(ds,
					dossier(code, unit(u), proc(p), received(model.Some(t)), file(reusedFile), result("KQ", "u")),
					dossier(code, unit(u), proc(p), received(model.None()), submitted(model.Some(t)), status(model.StatusWithdrawn)),
					dossier(code, unit(u), proc(p), received(model.None()), submitted(model.Some(t)), status(model.StatusRegistered)),
					dossier(code, unit(u), proc(p), received(model.None()), submitted(model.Some(t)), file(storeFile)))
			}
		}
	}
	return ds
}

// refOptions are option sets that exercise every branch of Classify: the base, an AsOf inside the period
// with the withdrawn policy, the all-dossiers 4.1 scope without the submission fallback, and catalogue
// inputs (offerings and communes, whose units the calculator's own Keys holds).
func refOptions() map[string]Options {
	base := baseOptions()
	mid := baseOptions()
	mid.AsOf = time.Date(2026, 8, 20, 12, 0, 0, 0, vn)
	mid.Policy.ExcludeWithdrawnBeforeReception = true
	all := baseOptions()
	all.ElectronicResultScope = AllDossiers
	all.Policy.ReceivedFallbackToSubmitted = false
	all.PopulationDBCodes = []string{"3"}
	cat := baseOptions()
	cat.Offerings = []model.Offering{{UnitID: "U1", ProcedureCode: "P.PAPER"}, {UnitID: "U2", ProcedureCode: "P.NOPAPER"},
		{UnitID: "U07", ProcedureCode: "P.PAPER"}}
	cat.Communes = []CommuneCopy{{UnitID: "U2", Offers: true}, {UnitID: "U09"}}
	return map[string]Options{"base": base, "mid-period": mid, "all-dossiers": all, "catalogue": cat}
}

// TestClassifyRefMatchesClassify: ClassifyRef with the Keys' Ref, with NoRef and with an out-of-range
// Ref, on calculators without Keys, with Keys of these units and procedures, with an empty Keys and with
// Keys built from other inputs, gives the verdicts of a calculator without Keys, and the same Result
// through Add, Merge across calculators and Add of another calculator's verdicts.
func TestClassifyRefMatchesClassify(t *testing.T) {
	ds := refDossiers()
	var units, codes []string
	for i := range ds {
		units, codes = append(units, ds[i].UnitID), append(codes, ds[i].ProcedureCode)
	}
	keysets := map[string]*indicator.Keys{
		"own":   nil,
		"all":   indicator.NewKeys(units, codes),
		"empty": indicator.NewKeys(nil, nil),
		"other": indicator.NewKeys([]string{"X", "U2", "U39", "U1", "U20"}, []string{"P.NOPAPER", "P.X", "P.BIZ"}),
	}
	for oname, o := range refOptions() {
		base := newCalc(t, o)
		want := base.Run(slices.Values(ds))
		for kname, k := range keysets {
			t.Run(oname+"/"+kname, func(t *testing.T) {
				ok := o
				ok.Keys = k
				c := newCalc(t, ok)
				byRef, byNoRef, byClassify, cross := c.NewAccumulator(), c.NewAccumulator(), c.NewAccumulator(), base.NewAccumulator()
				h1, h2 := c.NewAccumulator(), base.NewAccumulator()
				byAddRef, byAddNoRef := c.NewAccumulator(), c.NewAccumulator() // AddRef: ClassifyRef + Add in one call
				for i := range ds {
					d := &ds[i]
					w := public(base.Classify(d))
					v := c.ClassifyRef(d, c.keys.Ref(d.UnitID, d.ProcedureCode))
					require.Equal(t, w, public(v), "ClassifyRef with the Keys' Ref, dossier %d", i)
					require.Equal(t, w, public(c.Classify(d)), "Classify, dossier %d", i)
					nv := c.ClassifyRef(d, indicator.NoRef)
					require.Equal(t, w, public(nv), "NoRef, dossier %d", i)
					require.Equal(t, w, public(c.ClassifyRef(d, indicator.Ref{Unit: 1 << 30, Procedure: 1 << 30})), "out of range, dossier %d", i)
					byRef.Add(v)
					byNoRef.Add(nv)
					byClassify.Add(c.Classify(d))
					cross.Add(v)
					byAddRef.AddRef(d, c.keys.Ref(d.UnitID, d.ProcedureCode))
					byAddNoRef.AddRef(d, indicator.NoRef)
					if i%2 == 0 {
						h1.Add(v)
					} else {
						h2.Add(base.Classify(d))
					}
				}
				m1, m2 := c.NewAccumulator(), base.NewAccumulator()
				m1.Merge(h1)
				m1.Merge(h2)
				m2.Merge(h2)
				m2.Merge(h1)
				for name, a := range map[string]*Accumulator{"ref": byRef, "noref": byNoRef, "classify": byClassify, "cross": cross, "merge": m1, "merge-other": m2,
					"addref": byAddRef, "addref-noref": byAddNoRef} {
					r := a.Result()
					assert.Equal(t, want.Units, r.Units, name)
					assert.Equal(t, want.Ledger.Entries(), r.Ledger.Entries(), name)
					assert.Equal(t, [3]int64{want.Ledger.Read, want.Ledger.Counted, want.Ledger.Excluded},
						[3]int64{r.Ledger.Read, r.Ledger.Counted, r.Ledger.Excluded}, name)
					assert.Equal(t, want.Catalogue.Entries(), r.Catalogue.Entries(), name)
				}
			})
		}
	}
}

// TestAddHandBuiltVerdicts: a hand-built counted verdict (no metric verdicts) still puts its unit in the
// Result with zero counts and its reason in the ledger, whether or not the unit is in the Keys.
func TestAddHandBuiltVerdicts(t *testing.T) {
	o := baseOptions()
	o.Keys = indicator.NewKeys([]string{"U1"}, nil)
	c := newCalc(t, o)
	a := c.NewAccumulator()
	a.Add(Verdict{Unit: "U1", Reason: "custom.reason", Counted: true})
	a.Add(Verdict{Unit: "U9", Reason: ReasonNotInPeriod})
	a.Add(Verdict{Unit: "U8", Reason: "custom.reason", Counted: true})
	r := a.Result()
	assert.Equal(t, map[string]indicator.Tally{"U1": {}, "U8": {}}, r.Units)
	assert.Equal(t, int64(2), r.Ledger.Entry("custom.reason").Counted)
	assert.Equal(t, int64(1), r.Ledger.Entry(ReasonNotInPeriod).Excluded)
}

// TestNilRecord: a nil dossier is never a panic: Classify, ClassifyRef and AddRef count it as one excluded
// ReasonNilRecord, and Read == Counted + Excluded.
func TestNilRecord(t *testing.T) {
	c := newCalc(t, baseOptions())
	for _, v := range []Verdict{c.Classify(nil), c.ClassifyRef(nil, indicator.NoRef), c.ClassifyRef(nil, indicator.Ref{})} {
		assert.Equal(t, ReasonNilRecord, v.Reason)
		assert.False(t, v.Counted)
	}
	a, b := c.NewAccumulator(), c.NewAccumulator()
	a.AddRef(nil, indicator.NoRef)
	b.Add(c.Classify(nil))
	for _, r := range []Result{a.Result(), b.Result()} {
		assert.Equal(t, [3]int64{1, 0, 1}, [3]int64{r.Ledger.Read, r.Ledger.Counted, r.Ledger.Excluded})
		assert.Equal(t, []indicator.LedgerEntry{{Reason: ReasonNilRecord, Excluded: 1}}, r.Ledger.Entries())
	}
}
