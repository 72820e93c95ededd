package payment

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

func smallStream() []model.Dossier {
	return []model.Dossier{
		dossier("U1-1", "U1", "P1", paid(model.PaymentPortal)),                                    // paid, fee data
		dossier("U1-2", "U1", "P1", paid(model.PaymentGateway), fees()),                           // paid, no fee lines
		dossier("U1-3", "U1", "P3", fees()),                                                       // not paid, no fee data
		dossier("U1-4", "U1", "P3", fees(0, 0), paid(model.PaymentPortal)),                        // zero fee lines
		dossier("U1-5", "U1", "P2", paid(model.PaymentPortal)),                                    // free procedure
		dossier("U1-6", "U1", "P1", paid(1), received(at(2026, time.July, 30, 10, 0))),            // before the period
		dossier("U2-1", "U2", "P1", paidRaw("3")),                                                 // not paid, fee data
		dossier("U2-2", "U2", "P3", paid(model.PaymentPortal)),                                    // U2 does not offer P3
		dossier("U2-3", "U2", "P9"),                                                               // unknown procedure
		dossier("U9-1", "U9", "P1", paid(model.PaymentPortal)),                                    // unit without offerings
		dossier("X-1", "", "P1"),                                                                  // no unit
		dossier("U1-7", "U1", "P1", received(model.None())),                                       // no reception
		dossier("U1-8", "U1", "P1", received(at(2026, time.September, 2, 9, 0)), paid(1), fees()), // after period
	}
}

func TestStreamResult(t *testing.T) {
	c := newCalc(t, nil)
	r := c.Run(sliceSeq(smallStream()))

	assert.Equal(t, []string{"U1", "U2", "U9"}, offer.SortedIDs(r.Units))
	u1 := r.Units["U1"]
	assert.Equal(t, indicator.Count{Num: 2, Den: 3}, u1.Counts[indicator.M36])
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, u1.Counts[indicator.M34])
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, u1.Counts[indicator.M35])
	assert.Equal(t, int64(2), u1.FeeProceduresWithDossiers)
	assert.Equal(t, []ProcedureStatus{
		{Code: "P1", Dossiers: true, PaidOnline: true, FeeData: true},
		{Code: "P3", Dossiers: true},
	}, r.Procedures["U1"])

	u2 := r.Units["U2"]
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, u2.Counts[indicator.M36])
	assert.Equal(t, indicator.Count{Num: 0, Den: 1}, u2.Counts[indicator.M34], "paid P3 dossier: P3 not offered by U2")
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, u2.Counts[indicator.M35])

	u9 := r.Units["U9"]
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, u9.Counts[indicator.M36])
	assert.Equal(t, indicator.Count{}, u9.Counts[indicator.M34])
	for id, tl := range r.Units {
		require.NoError(t, tl.Validate(), id)
	}

	l := r.Ledger
	assert.Equal(t, int64(len(smallStream())), l.Read)
	assert.Equal(t, l.Read, l.Counted+l.Excluded)
	assert.Equal(t, int64(6), l.Counted)
	want := map[indicator.Reason][2]int64{
		ReasonPaidOnline:       {4, 0},
		ReasonNotPaidOnline:    {2, 0},
		ReasonZeroFeeLines:     {0, 1},
		ReasonFreeProcedure:    {0, 1},
		ReasonOutsidePeriod:    {0, 2},
		ReasonUnknownProcedure: {0, 1},
		ReasonNoUnit:           {0, 1},
		ReasonNoReception:      {0, 1},
	}
	var sum int64
	for _, e := range l.Entries() {
		w, ok := want[e.Reason]
		require.True(t, ok, "unexpected reason %s", e.Reason)
		assert.Equal(t, w, [2]int64{e.Counted, e.Excluded}, string(e.Reason))
		sum += e.Counted + e.Excluded
	}
	assert.Equal(t, l.Read, sum)
	assert.Len(t, l.Entries(), len(want))

	// Scoring the tally works with the portal edition (3b float pipeline).
	res, err := indicator.Portal().Score(u1)
	require.NoError(t, err)
	// A = 66.67 % → 4.00; B = C = 50 % → min(2, 2·50/80) = 1.25 each.
	assert.Equal(t, "6.5", res.Group(indicator.G3b).Score.String())
}

// resultsEqual compares two results field by field (ledgers by their sorted entries).
func resultsEqual(t *testing.T, want, got Result) {
	t.Helper()
	assert.Equal(t, want.Units, got.Units)
	assert.Equal(t, want.Procedures, got.Procedures)
	assert.Equal(t, want.Unoffered, got.Unoffered)
	assert.Equal(t, want.Ledger.Entries(), got.Ledger.Entries())
	assert.Equal(t, [3]int64{want.Ledger.Read, want.Ledger.Counted, want.Ledger.Excluded}, [3]int64{got.Ledger.Read, got.Ledger.Counted, got.Ledger.Excluded})
	assert.Equal(t, want.Catalogue.Entries(), got.Catalogue.Entries())
}

func randomStream(rng *rand.Rand, n int) []model.Dossier {
	units := []string{"U1", "U2", "U3", "U9"}
	procs := []string{"P1", "P2", "P3", "P4", "P9"}
	out := make([]model.Dossier, n)
	for i := range out {
		d := dossier(fmt.Sprintf("D%d", i), units[rng.IntN(len(units))], procs[rng.IntN(len(procs))])
		d.ReceivedAt = at(2026, time.July, 25+rng.IntN(45), rng.IntN(24), 0)
		switch rng.IntN(4) {
		case 0:
			d.Fees = nil
		case 1:
			d.Fees = []model.Fee{{Amount: 0}}
		}
		d.OnlinePayment = model.NewOnlinePayment(model.OnlinePaymentCode(rng.IntN(5) - 1))
		out[i] = d
	}
	return out
}

func TestMergeEqualsSinglePass(t *testing.T) {
	o := testOptions()
	o.Offerings = append(o.Offerings, offering("U3", "P3"), offering("U3", "P1"))
	c, err := New(o)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(1, 2))
	n := 2000
	if testing.Short() {
		n = 300
	}
	ds := randomStream(rng, n)
	single := c.Run(sliceSeq(ds))
	for _, cut := range []int{0, 1, n / 3, n / 2, n - 1, n} {
		a, b := c.NewAccumulator(), c.NewAccumulator()
		for i := range ds {
			if i < cut {
				a.Add(&indicator.Case{Dossier: &ds[i]}, nil)
			} else {
				b.Add(&indicator.Case{Dossier: &ds[i]}, nil)
			}
		}
		ab := c.NewAccumulator()
		ab.Merge(a)
		ab.Merge(b)
		ba := c.NewAccumulator()
		ba.Merge(b)
		ba.Merge(a)
		resultsEqual(t, single, ab.Result())
		resultsEqual(t, single, ba.Result())
		a.Merge(b)
		resultsEqual(t, single, a.Result())
	}
	// Associativity over three shards, interleaved.
	sh := [3]*Accumulator{c.NewAccumulator(), c.NewAccumulator(), c.NewAccumulator()}
	for i := range ds {
		sh[i%3].Add(&indicator.Case{Dossier: &ds[i]}, nil)
	}
	left := c.NewAccumulator()
	left.Merge(sh[0])
	left.Merge(sh[1])
	left.Merge(sh[2])
	right := c.NewAccumulator()
	bc := c.NewAccumulator()
	bc.Merge(sh[1])
	bc.Merge(sh[2])
	right.Merge(sh[0])
	right.Merge(bc)
	resultsEqual(t, single, left.Result())
	resultsEqual(t, single, right.Result())
}

func TestMergeAcrossCalculators(t *testing.T) {
	o := testOptions()
	o.Offerings = append(o.Offerings, offering("U3", "P3"))
	c1, err := New(o)
	require.NoError(t, err)
	c2, err := New(o) // same options, different Calculator value
	require.NoError(t, err)
	ds := randomStream(rand.New(rand.NewPCG(3, 4)), 500)
	single := c1.Run(sliceSeq(ds))
	a, b := c1.NewAccumulator(), c2.NewAccumulator()
	for i := range ds {
		if i%2 == 0 {
			a.Add(&indicator.Case{Dossier: &ds[i]}, nil)
		} else {
			b.Add(&indicator.Case{Dossier: &ds[i]}, nil)
		}
	}
	a.Merge(b)
	resultsEqual(t, single, a.Result())
}

func TestMergeSelfAndNil(t *testing.T) {
	c := newCalc(t, nil)
	a := c.NewAccumulator()
	ds := smallStream()
	for i := range ds {
		a.Add(&indicator.Case{Dossier: &ds[i]}, nil)
	}
	before := a.Result()
	require.NoError(t, a.Merge((*Accumulator)(nil)))
	resultsEqual(t, before, a.Result())
	var notPayment indicator.Accumulator
	assert.ErrorIs(t, a.Merge(notPayment), indicator.ErrOption)
	a.Merge(a)
	after := a.Result()
	assert.Equal(t, 2*before.Ledger.Read, after.Ledger.Read)
	u := after.Units["U1"].Counts[indicator.M36]
	assert.Equal(t, indicator.Count{Num: 4, Den: 6}, u)
	assert.Equal(t, before.Units["U1"].Counts[indicator.M34], after.Units["U1"].Counts[indicator.M34])
}

func TestPoolCountsDistinctProcedures(t *testing.T) {
	o := testOptions()
	o.Offerings = append(o.Offerings, offering("U2", "P3"))
	c, err := New(o)
	require.NoError(t, err)
	r := c.Run(sliceSeq([]model.Dossier{
		dossier("a", "U1", "P1", paid(1), fees()),
		dossier("b", "U2", "P3"),
		dossier("c", "U2", "P1"),
	}))
	// Sum of the units would be 3.4 den 2+2 = 4; distinct procedures are P1, P3.
	p := r.pool([]string{"U1", "U2", "U2", "nope"})
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, p.Counts[indicator.M36])
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, p.Counts[indicator.M34])
	assert.Equal(t, indicator.Count{Num: 2, Den: 2}, p.Counts[indicator.M35])
	assert.Equal(t, int64(2), p.FeeProceduresWithDossiers)
	require.NoError(t, p.Validate())
}

func TestResultIsRepeatableAndDetached(t *testing.T) {
	c := newCalc(t, nil)
	a := c.NewAccumulator()
	d := dossier("a", "U1", "P1", paid(1))
	a.Add(&indicator.Case{Dossier: &d}, nil)
	r1 := a.Result()
	a.Add(&indicator.Case{Dossier: &d}, nil)
	r2 := a.Result()
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, r1.Units["U1"].Counts[indicator.M36])
	assert.Equal(t, indicator.Count{Num: 2, Den: 2}, r2.Units["U1"].Counts[indicator.M36])
	assert.Equal(t, int64(1), r1.Ledger.Read)
}

func TestRunReadsWholeStream(t *testing.T) {
	c := newCalc(t, nil)
	ds := smallStream()
	n := 0
	seq := func(yield func(model.Dossier) bool) {
		for _, d := range ds {
			n++
			if !yield(d) {
				return
			}
		}
	}
	r := c.Run(seq)
	assert.Equal(t, int64(len(ds)), r.Ledger.Read)
	assert.Equal(t, len(ds), n)
}

func TestConcurrentShards(t *testing.T) {
	c := newCalc(t, nil)
	ds := randomStream(rand.New(rand.NewPCG(11, 12)), 1200)
	want := c.Run(sliceSeq(ds))
	const shards = 4
	accs := make([]*Accumulator, shards)
	var wg sync.WaitGroup
	for s := range shards {
		accs[s] = c.NewAccumulator()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := s; i < len(ds); i += shards {
				accs[s].Add(&indicator.Case{Dossier: &ds[i]}, nil)
			}
		}()
	}
	wg.Wait()
	total := c.NewAccumulator()
	for _, a := range accs {
		total.Merge(a)
	}
	resultsEqual(t, want, total.Result())
}
