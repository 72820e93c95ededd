package online

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
		dossier("U1-1", "U1", "P1", eResult()),                              // online, e-result: numerator; marks P1
		dossier("U1-2", "U1", "P1"),                                         // online, paper, no e-result
		dossier("U1-3", "U1", "P2", channel(model.ChannelDirect)),           // direct
		dossier("U1-4", "U1", "P3", noChannel()),                            // absent channel = direct
		dossier("U1-5", "U1", "P3", received(at(2026, time.July, 1, 9, 0))), // before the period
		dossier("U2-1", "U2", "P1"),                                         // U2/P1 is not a counted service
		dossier("U9-1", "U9", "P2"),                                         // unit without offerings
		dossier("X-1", "", "P2"),                                            // no unit
		dossier("U1-6", "U1", "P2", received(model.None())),                 // no reception
	}
}

func TestStreamResult(t *testing.T) {
	c := newCalc(t, nil)
	r := c.Run(sliceSeq(smallStream()))
	assert.Equal(t, []string{"U1", "U2", "U9"}, offer.SortedIDs(r.Units))

	u1 := r.Units["U1"]
	assert.Equal(t, indicator.Count{Num: 3, Den: 4}, u1.Counts[indicator.M31])
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, u1.Counts[indicator.M32])
	assert.Equal(t, indicator.Count{Num: 1, Den: 4}, u1.Counts[indicator.M33])
	assert.Equal(t, [3]int64{1, 2, 3}, [3]int64{u1.PartialOnline, u1.FullOnline, u1.FullOnlineEligible})
	assert.Equal(t, []ProcedureStatus{
		{Code: "P1", Level: model.OnlineFull, Service: true, OnlineDossier: true},
		{Code: "P2", Level: model.OnlineInfoOnly, FullOnlineEligible: true},
		{Code: "P3", Level: model.OnlineFull, FullOnlineEligible: true, Service: true},
		{Code: "P4", Level: model.OnlinePartial},
	}, r.Procedures["U1"])

	u2 := r.Units["U2"]
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, u2.Counts[indicator.M31])
	assert.Equal(t, indicator.Count{}, u2.Counts[indicator.M32])
	assert.Equal(t, indicator.Count{Num: 0, Den: 1}, u2.Counts[indicator.M33])
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, r.Units["U9"].Counts[indicator.M33])
	for id, tl := range r.Units {
		require.NoError(t, tl.Validate(), id)
	}

	l := r.Ledger
	assert.Equal(t, int64(len(smallStream())), l.Read)
	assert.Equal(t, l.Read, l.Counted+l.Excluded)
	want := map[indicator.Reason][2]int64{
		ReasonOnline:               {2, 0},
		ReasonOnlineWithoutEResult: {2, 0},
		ReasonNotOnline:            {2, 0},
		ReasonOutsidePeriod:        {0, 1},
		ReasonNoUnit:               {0, 1},
		ReasonNoReception:          {0, 1},
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
}

func resultsEqual(t *testing.T, want, got Result) {
	t.Helper()
	assert.Equal(t, want.Units, got.Units)
	assert.Equal(t, want.Procedures, got.Procedures)
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
		d.Channel = model.NewChannel(model.ChannelCode(rng.IntN(4)))
		if rng.IntN(2) == 0 {
			d.Results = []model.ResultDoc{{Code: "KQ", URL: "u"}}
		}
		out[i] = d
	}
	return out
}

func TestMergeEqualsSinglePass(t *testing.T) {
	o := testOptions()
	o.Offerings = append(o.Offerings, offering("U3", "P3", model.OnlinePartial, model.StatePublished), offering("U3", "P1", model.OnlineFull, model.StatePublished))
	c, err := New(o)
	require.NoError(t, err)
	n := 2000
	if testing.Short() {
		n = 300
	}
	ds := randomStream(rand.New(rand.NewPCG(1, 2)), n)
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
		ab, ba := c.NewAccumulator(), c.NewAccumulator()
		ab.Merge(a)
		ab.Merge(b)
		ba.Merge(b)
		ba.Merge(a)
		resultsEqual(t, single, ab.Result())
		resultsEqual(t, single, ba.Result())
	}
	sh := [3]*Accumulator{c.NewAccumulator(), c.NewAccumulator(), c.NewAccumulator()}
	for i := range ds {
		sh[i%3].Add(&indicator.Case{Dossier: &ds[i]}, nil)
	}
	left, right, bc := c.NewAccumulator(), c.NewAccumulator(), c.NewAccumulator()
	left.Merge(sh[0])
	left.Merge(sh[1])
	left.Merge(sh[2])
	bc.Merge(sh[1])
	bc.Merge(sh[2])
	right.Merge(sh[0])
	right.Merge(bc)
	resultsEqual(t, single, left.Result())
	resultsEqual(t, single, right.Result())
}

func TestMergeAcrossCalculatorsSelfAndNil(t *testing.T) {
	c1 := newCalc(t, nil)
	c2 := newCalc(t, nil)
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
	require.NoError(t, a.Merge(b))
	require.NoError(t, a.Merge((*Accumulator)(nil)))
	resultsEqual(t, single, a.Result())
	var notOnline indicator.Accumulator
	assert.ErrorIs(t, a.Merge(notOnline), indicator.ErrOption)
	a.Merge(a)
	d := a.Result()
	assert.Equal(t, 2*single.Ledger.Read, d.Ledger.Read)
	assert.Equal(t, 2*single.Units["U1"].Counts[indicator.M33].Den, d.Units["U1"].Counts[indicator.M33].Den)
	assert.Equal(t, single.Units["U1"].Counts[indicator.M32], d.Units["U1"].Counts[indicator.M32])
}

func TestPoolCountsProceduresOnceAtHighestLevel(t *testing.T) {
	o := testOptions()
	o.Offerings = append(o.Offerings, offering("U3", "P2", model.OnlineFull, model.StatePublished))
	c, err := New(o)
	require.NoError(t, err)
	r := c.Run(sliceSeq([]model.Dossier{dossier("a", "U3", "P2"), dossier("b", "U1", "P1", channel(model.ChannelDirect))}))
	p := r.pool([]string{"U1", "U2", "U3", "U3", "nope"}, offer.ParentRule{})
	// Distinct procedures P1 (full at U1), P2 (info at U1, full at U3 → full), P3 (full), P4 (partial).
	assert.Equal(t, indicator.Count{Num: 4, Den: 4}, p.Counts[indicator.M31])
	assert.Equal(t, [3]int64{1, 3, 3}, [3]int64{p.PartialOnline, p.FullOnline, p.FullOnlineEligible})
	// 3.2 summed: U1 2 services, U3 1 service with a dossier.
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, p.Counts[indicator.M32])
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, p.Counts[indicator.M33])
	require.NoError(t, p.Validate())
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
