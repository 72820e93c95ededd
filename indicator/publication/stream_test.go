package publication

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

func smallProcedures() []model.Procedure {
	return []model.Procedure{
		proc("A", pub("Q1")), // 1.1 on time, 1.2 on time, 1.3 complete
		proc("B", pub("Q1", decided(on(time.August, 19)), missing(6), published(on(time.August, 31)))), // 1.1 late, 1.2 late, 1.3 incomplete
		proc("C", pub("Q0", decided(on(time.June, 1)), published(on(time.June, 2)))),                   // only 1.3
		proc("D", pub("Q2", decided(on(time.August, 28)), published(model.None()))),                    // 1.1 late, 1.2 unpublished, 1.3 not published
		proc("E"), // nothing
		proc("A", pub("Q9", decided(on(time.August, 20)), published(on(time.August, 21)))), // A again: 1.1 late now
	}
}

func smallDossiers() []model.Dossier {
	return []model.Dossier{
		dossier("1", "H44"),
		dossier("2", "H44", synced(model.None(), "")),
		dossier("3", "H44.100", synced(on(time.August, 12), "99")),
		dossier("4", "H44.100"),
		dossier("5", "H44.100", received(on(time.July, 2))),
		dossier("6", ""),
	}
}

func TestStreamResult(t *testing.T) {
	c := newCalc(t, func(o *Options) { o.SyncReportDen = map[string]int64{"H44": 5, "H44.200": 7} })
	r := c.Run(sliceSeq(smallProcedures()), sliceSeq(smallDossiers()))
	assert.Equal(t, []string{"H44", "H44.100", "H44.200"}, r.UnitIDs())

	h := r.Units["H44"]
	assert.Equal(t, indicator.Count{Num: 0, Den: 3}, h.Counts[indicator.M11], "A late through its second record; B, D late")
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, h.Counts[indicator.M12], "A on time in both records; B late; D unpublished")
	assert.Equal(t, indicator.Count{Num: 2, Den: 3}, h.Counts[indicator.M13])
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, h.Counts[indicator.M14])
	assert.Equal(t, int64(5), h.SyncReportDen)
	assert.Equal(t, int64(7), r.Units["H44.200"].SyncReportDen)
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, r.Units["H44.100"].Counts[indicator.M14])
	for id, tl := range r.Units {
		require.NoError(t, tl.Validate(), id)
	}
	assert.Equal(t, []ProcedureStatus{
		{Code: "A", M11: OutcomeMissed, M12: OutcomeMet, M13: OutcomeMet},
		{Code: "B", M11: OutcomeMissed, M12: OutcomeMissed, M13: OutcomeMissed},
		{Code: "C", M13: OutcomeMet},
		{Code: "D", M11: OutcomeMissed, M12: OutcomeMissed},
	}, r.Procedures["H44"])

	for name, l := range map[string]indicator.Ledger{"1.1": r.Ledger11, "1.2": r.Ledger12, "1.3": r.Ledger13} {
		assert.Equal(t, int64(len(smallProcedures())), l.Read, name)
		assert.Equal(t, l.Read, l.Counted+l.Excluded, name)
	}
	assert.Equal(t, int64(2), r.Ledger11.Excluded)
	assert.Equal(t, int64(1), r.Ledger11.Entry(ReasonNoPublication).Excluded)
	assert.Equal(t, int64(1), r.Ledger11.Entry(ReasonNoDecisionInPeriod).Excluded)
	assert.Equal(t, int64(1), r.Ledger11.Entry(ReasonAnnouncedOnTime).Counted, "A's first record alone is on time")
	assert.Equal(t, int64(3), r.Ledger11.Entry(ReasonAnnouncedLate).Counted)
	assert.Equal(t, int64(1), r.Ledger12.Entry(ReasonUnpublished).Counted)
	assert.Equal(t, int64(1), r.Ledger13.Entry(ReasonNotPublished).Excluded)

	l := r.Ledger
	assert.Equal(t, int64(len(smallDossiers())), l.Read)
	assert.Equal(t, l.Read, l.Counted+l.Excluded)
	want := map[indicator.Reason][2]int64{
		ReasonSynced: {2, 0}, ReasonNotSynced: {1, 0}, ReasonSyncFailed: {1, 0}, ReasonOutsidePeriod: {0, 1}, ReasonNoUnit: {0, 1},
	}
	for _, e := range l.Entries() {
		w, ok := want[e.Reason]
		require.True(t, ok, string(e.Reason))
		assert.Equal(t, w, [2]int64{e.Counted, e.Excluded}, string(e.Reason))
	}
	assert.Len(t, l.Entries(), len(want))
}

func resultsEqual(t *testing.T, want, got Result) {
	t.Helper()
	assert.Equal(t, want.Units, got.Units)
	assert.Equal(t, want.Procedures, got.Procedures)
	for i, pair := range [][2]indicator.Ledger{{want.Ledger, got.Ledger}, {want.Ledger11, got.Ledger11}, {want.Ledger12, got.Ledger12}, {want.Ledger13, got.Ledger13}} {
		assert.Equal(t, pair[0].Entries(), pair[1].Entries(), "ledger %d", i)
		assert.Equal(t, [3]int64{pair[0].Read, pair[0].Counted, pair[0].Excluded}, [3]int64{pair[1].Read, pair[1].Counted, pair[1].Excluded}, "ledger %d", i)
	}
}

func randomRecords(rng *rand.Rand, np, nd int) ([]model.Procedure, []model.Dossier) {
	units := []string{"H44", "H45", "BTP"}
	var ps []model.Procedure
	for i := range np {
		var pubs []model.Publication
		for k := range rng.IntN(3) {
			u := units[rng.IntN(len(units))]
			lvl := province
			if u == "BTP" {
				lvl = ministry
			}
			p := pub(fmt.Sprintf("Q%d.%d", i, k), issuer(lvl, u), decided(at(2026, time.July, 1+rng.IntN(70), 9, 0)),
				effective(at(2026, time.August, 1+rng.IntN(40), 0, 0)))
			if rng.IntN(3) == 0 {
				p.PublishedAt = model.None()
			} else {
				p.PublishedAt = at(2026, time.July, 2+rng.IntN(75), 9, 0)
			}
			p.Components[rng.IntN(7)] = rng.IntN(4) != 0
			pubs = append(pubs, p)
		}
		ps = append(ps, proc(fmt.Sprintf("P%d", rng.IntN(np/2+1)), pubs...)) // codes repeat on purpose
	}
	var ds []model.Dossier
	for i := range nd {
		d := dossier(fmt.Sprintf("D%d", i), units[rng.IntN(len(units))])
		d.ReceivedAt = at(2026, time.July, 25+rng.IntN(45), 9, 0)
		if rng.IntN(4) == 0 {
			d.Sync = model.SyncInfo{}
		}
		ds = append(ds, d)
	}
	return ps, ds
}

func TestMergeEqualsSinglePass(t *testing.T) {
	c := newCalc(t, nil)
	np, nd := 400, 1000
	if testing.Short() {
		np, nd = 100, 200
	}
	ps, ds := randomRecords(rand.New(rand.NewPCG(5, 6)), np, nd)
	single := c.Run(sliceSeq(ps), sliceSeq(ds))
	for _, cut := range []int{0, 1, np / 3, np / 2, np} {
		a, b := c.NewAccumulator(), c.NewAccumulator()
		for i := range ps {
			if i < cut {
				a.AddProcedure(c.ClassifyProcedure(&ps[i]))
			} else {
				b.AddProcedure(c.ClassifyProcedure(&ps[i]))
			}
		}
		for i := range ds {
			if i%2 == 0 {
				a.Add(c.Classify(&ds[i]))
			} else {
				b.Add(c.Classify(&ds[i]))
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
	for i := range ps {
		sh[i%3].AddProcedure(c.ClassifyProcedure(&ps[i]))
	}
	for i := range ds {
		sh[i%3].Add(c.Classify(&ds[i]))
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
	for id, tl := range single.Units {
		require.NoError(t, tl.Validate(), id)
	}
}

func TestMergeSelfAndNil(t *testing.T) {
	c := newCalc(t, nil)
	a := c.NewAccumulator()
	ps, ds := smallProcedures(), smallDossiers()
	for i := range ps {
		a.AddProcedure(c.ClassifyProcedure(&ps[i]))
	}
	for i := range ds {
		a.Add(c.Classify(&ds[i]))
	}
	before := a.Result()
	a.Merge(nil)
	resultsEqual(t, before, a.Result())
	a.Merge(a)
	after := a.Result()
	assert.Equal(t, 2*before.Ledger.Read, after.Ledger.Read)
	assert.Equal(t, 2*before.Ledger12.Read, after.Ledger12.Read)
	assert.Equal(t, before.Units["H44"].Counts[indicator.M12], after.Units["H44"].Counts[indicator.M12], "procedure sets are idempotent")
	assert.Equal(t, 2*before.Units["H44"].Counts[indicator.M14].Den, after.Units["H44"].Counts[indicator.M14].Den)
}

func TestAddHandMadeVerdicts(t *testing.T) {
	c := newCalc(t, nil)
	a := c.NewAccumulator()
	a.Add(Verdict{UnitID: "X", Reason: "custom.reason", Counted: true, Synced: true})
	a.AddProcedure(ProcedureVerdict{Code: "Z"}) // no judgements
	r := a.Result()
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, r.Units["X"].Counts[indicator.M14])
	assert.Equal(t, int64(1), r.Ledger.Entry("custom.reason").Counted)
	assert.Equal(t, int64(1), r.Ledger13.Entry(ReasonNoPublication).Excluded)
}

func TestConcurrentShards(t *testing.T) {
	c := newCalc(t, nil)
	ps, ds := randomRecords(rand.New(rand.NewPCG(11, 12)), 300, 900)
	want := c.Run(sliceSeq(ps), sliceSeq(ds))
	const shards = 4
	accs := make([]*Accumulator, shards)
	var wg sync.WaitGroup
	for s := range shards {
		accs[s] = c.NewAccumulator()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := s; i < len(ps); i += shards {
				accs[s].AddProcedure(c.ClassifyProcedure(&ps[i]))
			}
			for i := s; i < len(ds); i += shards {
				accs[s].Add(c.Classify(&ds[i]))
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
