package payment

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// refVariants builds, for the same Options, calculators with their own Keys, with a shared Keys holding
// other units and codes in another order, with a Keys that lacks most of the calculator's units and
// codes (their Refs are -1), and with an empty Keys.
func refVariants(t *testing.T, o Options) map[string]*Calculator {
	t.Helper()
	keys := map[string]*indicator.Keys{
		"own": nil,
		"shared": indicator.NewKeys([]string{"X1", "U9", "U3", "U2", "U1", "X2"},
			[]string{"Q1", "P9", "P4", "P3.H44", "P3", "P2", "P1.H44", "P1", "Q2"}),
		"partial": indicator.NewKeys([]string{"U2", "Z"}, []string{"P2", "P1.H44", "Z"}),
		"empty":   indicator.NewKeys(nil, nil),
	}
	cs := make(map[string]*Calculator, len(keys))
	for name, k := range keys {
		o := o
		o.Keys = k
		c, err := New(o)
		require.NoError(t, err, name)
		cs[name] = c
	}
	return cs
}

// refDossiers is the small stream, a random stream, and dossiers on the period and as-of bounds and with
// mapped codes.
func refDossiers() []model.Dossier {
	ds := append(smallStream(), randomStream(rand.New(rand.NewPCG(3, 4)), 400)...)
	for i, tm := range []time.Time{
		aug2026.StartTime(), aug2026.StartTime().Add(-time.Nanosecond), aug2026.EndTime(),
		aug2026.EndTime().Add(-time.Nanosecond), asOf, asOf.Add(time.Nanosecond), time.Date(2026, 8, 31, 23, 59, 59, 999999999, vn),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		for _, proc := range []string{"P1", "P1.H44", "P3.H44", "P2", "P4", ""} {
			d := dossier("B", []string{"U1", "U2", "U3", "U9", "Z"}[i%5], proc, paid(model.PaymentPortal), received(model.Some(tm)))
			ds = append(ds, d, dossier("S", "U1", proc, received(model.None()), submitted(model.Some(tm)), fees()))
		}
	}
	return ds
}

func withoutCalc(v Verdict) Verdict {
	v.calc = nil
	return v
}

// TestClassifyRefMatchesClassify: ClassifyRef with the Keys' Ref, with NoRef, with an out-of-range Ref,
// and with Keys built from other inputs all give Classify's verdict and the same Result.
func TestClassifyRefMatchesClassify(t *testing.T) {
	opts := map[string]func(*Options){
		"default": nil,
		"code map": func(o *Options) {
			o.CodeMap = map[string]string{"P1.H44": "P1", "P3.H44": "P3"}
			o.Offerings = append(o.Offerings, offering("U3", "P1.H44"), offering("U3", "P2"))
		},
		"fallback, policies": func(o *Options) {
			o.Policy.ReceivedFallbackToSubmitted = true
			o.Policy.ZeroFeeLinesExcluded = !o.Policy.ZeroFeeLinesExcluded
			o.NoFeeLines = NoFeeLinesExcluded
			o.FeeData = FeeDataAnyLine
			o.AsOf = time.Date(2026, 8, 20, 12, 0, 0, 5, vn)
		},
	}
	ds := refDossiers()
	for name, mod := range opts {
		t.Run(name, func(t *testing.T) {
			o := testOptions()
			if mod != nil {
				mod(&o)
			}
			base, err := New(o)
			require.NoError(t, err)
			want := base.Run(sliceSeq(ds))
			for kname, c := range refVariants(t, o) {
				a := c.NewAccumulator()
				byAddRef, byAddNoRef := c.NewAccumulator(), c.NewAccumulator() // AddRef: ClassifyRef + Add in one call
				for i := range ds {
					d := &ds[i]
					v := c.Classify(d)
					require.Equal(t, withoutCalc(base.Classify(d)), withoutCalc(v), "%s: %s", kname, d.Code)
					for _, r := range []indicator.Ref{c.keys.Ref(d.UnitID, d.ProcedureCode), indicator.NoRef, {Unit: 1 << 30, Procedure: 1 << 30}} {
						require.Equal(t, withoutCalc(v), withoutCalc(c.ClassifyRef(d, r)), "%s: %s ref %v", kname, d.Code, r)
					}
					a.Add(c.ClassifyRef(d, indicator.NoRef))
					byAddRef.AddRef(d, c.keys.Ref(d.UnitID, d.ProcedureCode))
					byAddNoRef.AddRef(d, indicator.NoRef)
				}
				resultsEqual(t, want, a.Result())
				resultsEqual(t, want, byAddRef.Result())
				resultsEqual(t, want, byAddNoRef.Result())
				resultsEqual(t, want, c.Run(sliceSeq(ds)))
			}
		})
	}
}

// TestAddVerdictsAcrossKeys: verdicts made by a calculator with another Keys are re-indexed by Add and
// give the same Result.
func TestAddVerdictsAcrossKeys(t *testing.T) {
	ds := refDossiers()
	cs := refVariants(t, testOptions())
	want := cs["own"].Run(sliceSeq(ds))
	a := cs["partial"].NewAccumulator()
	for i := range ds {
		a.Add(cs["shared"].Classify(&ds[i]))
	}
	resultsEqual(t, want, a.Result())
	assert.Equal(t, int64(len(ds)), a.Result().Ledger.Read)
}

// TestReasonIndexes: each reason index names its reason (the first four are shared with offer.Place).
func TestReasonIndexes(t *testing.T) {
	want := map[uint8]indicator.Reason{
		rNoUnit: ReasonNoUnit, rNoReception: ReasonNoReception, rWithdrawn: ReasonWithdrawnBeforeReception, rOutsidePeriod: ReasonOutsidePeriod, rAfterAsOf: ReasonAfterAsOf,
		rUnknownProcedure: ReasonUnknownProcedure, rFreeProcedure: ReasonFreeProcedure, rZeroFeeLines: ReasonZeroFeeLines,
		rNoFeeLines: ReasonNoFeeLines, rPaidOnline: ReasonPaidOnline, rNotPaidOnline: ReasonNotPaidOnline,
		rNilRecord: ReasonNilRecord,
	}
	require.Len(t, want, int(numReasons)-1)
	for i, r := range want {
		assert.Equal(t, r, dossierReasons[i], "index %d", i)
	}
}

// TestNilRecord: a nil dossier is never a panic: Classify, ClassifyRef and AddRef count it as one excluded
// ReasonNilRecord, and Read == Counted + Excluded.
func TestNilRecord(t *testing.T) {
	c, err := New(testOptions())
	require.NoError(t, err)
	for _, v := range []Verdict{c.Classify(nil), c.ClassifyRef(nil, indicator.NoRef), c.ClassifyRef(nil, indicator.Ref{Unit: 0, Procedure: 0})} {
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
