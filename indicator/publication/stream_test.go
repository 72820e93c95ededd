package publication

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
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
	c := newCalc(t, func(o *Options) {
		o.SyncReportDen = map[string]int64{"H44": 5, "H44.200": 7}
		o.Procedures = smallProcedures()
	})
	r := c.Run(sliceSeq(smallDossiers()))
	assert.Equal(t, []string{"H44", "H44.100", "H44.200"}, slices.Sorted(maps.Keys(r.Units)))

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

// add judges d into a, as a pass without Keys does.
func add(a *Accumulator, d *model.Dossier) { a.Add(&indicator.Case{Dossier: d}, nil) }

// merged merges the accumulators into a new one of c.
func merged(t *testing.T, c *Calculator, accs ...*Accumulator) *Accumulator {
	t.Helper()
	m := c.NewAccumulator()
	for _, a := range accs {
		require.NoError(t, m.Merge(a))
	}
	return m
}

func TestMergeEqualsSinglePass(t *testing.T) {
	np, nd := 400, 1000
	if testing.Short() {
		np, nd = 100, 200
	}
	ps, ds := randomRecords(rand.New(rand.NewPCG(5, 6)), np, nd)
	c := newCalc(t, func(o *Options) { o.Procedures = ps })
	single := c.Run(sliceSeq(ds))
	for _, cut := range []int{0, 1, nd / 3, nd / 2, nd} {
		a, b := c.NewAccumulator(), c.NewAccumulator()
		for i := range ds {
			if i < cut {
				add(a, &ds[i])
			} else {
				add(b, &ds[i])
			}
		}
		resultsEqual(t, single, merged(t, c, a, b).Result())
		resultsEqual(t, single, merged(t, c, b, a).Result())
	}
	sh := [3]*Accumulator{c.NewAccumulator(), c.NewAccumulator(), c.NewAccumulator()}
	for i := range ds {
		add(sh[i%3], &ds[i])
	}
	left := merged(t, c, sh[0], sh[1], sh[2])
	right := merged(t, c, sh[0], merged(t, c, sh[1], sh[2]))
	resultsEqual(t, single, left.Result())
	resultsEqual(t, single, right.Result())
	for id, tl := range single.Units {
		require.NoError(t, tl.Validate(), id)
	}
}

// TestMergeSelfAndNil: merging a nil *Accumulator changes nothing (a nil interface is refused); merging an accumulator into itself doubles its
// dossier state (the catalogue is judged once per Result, whatever was merged); another calculator
// package's accumulator is refused.
func TestMergeSelfAndNil(t *testing.T) {
	c := newCalc(t, func(o *Options) { o.Procedures = smallProcedures() })
	a := c.NewAccumulator()
	ds := smallDossiers()
	for i := range ds {
		add(a, &ds[i])
	}
	before := a.Result()
	require.Error(t, a.Merge(nil), "nil is not an accumulator of this package")
	require.NoError(t, a.Merge((*Accumulator)(nil)))
	resultsEqual(t, before, a.Result())
	require.NoError(t, a.Merge(a))
	after := a.Result()
	assert.Equal(t, 2*before.Ledger.Read, after.Ledger.Read)
	assert.Equal(t, before.Ledger12.Read, after.Ledger12.Read)
	assert.Equal(t, before.Units["H44"].Counts[indicator.M12], after.Units["H44"].Counts[indicator.M12], "procedure sets are idempotent")
	assert.Equal(t, 2*before.Units["H44"].Counts[indicator.M14].Den, after.Units["H44"].Counts[indicator.M14].Den)
	var oe *indicator.OptionError
	require.ErrorAs(t, a.Merge(otherAccumulator{}), &oe)
	assert.Equal(t, "Merge", oe.Field)
}

// otherAccumulator is an indicator.Accumulator of another package.
type otherAccumulator struct{ indicator.Accumulator }

func TestConcurrentShards(t *testing.T) {
	ps, ds := randomRecords(rand.New(rand.NewPCG(11, 12)), 300, 900)
	c := newCalc(t, func(o *Options) { o.Procedures = ps })
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
				add(accs[s], &ds[i])
			}
		}()
	}
	wg.Wait()
	resultsEqual(t, want, merged(t, c, accs...).Result())
}

// TestReport: Report is Result with the ledgers named as the scorecard's card names them, and every
// judgement of the catalogue goes to Scope.Note in catalogue order (the scorecard explains the lost ones);
// it pools nothing and does not modify the accumulator.
func TestReport(t *testing.T) {
	ps := smallProcedures()
	c := newCalc(t, func(o *Options) { o.Procedures = ps })
	a := c.NewAccumulator()
	ds := smallDossiers()
	for i := range ds {
		add(a, &ds[i])
	}
	res := a.Result()
	var want []string
	for i := range ps {
		v := c.ClassifyProcedure(&ps[i])
		for _, j := range v.Judgements {
			want = append(want, fmt.Sprint(indicator.RecordProcedure, j.UnitID, v.Code, j.verdict()))
		}
	}
	var got []string
	tree := map[string][]string{"H44": {"H44", "H44.100"}}
	rep := a.Report(&indicator.Scope{Aggregation: indicator.DefaultAggregation(), Parents: []string{"H44"},
		Subtree: func(u string) []string { return tree[u] },
		Note: func(kind indicator.RecordKind, unit, code string, v indicator.Verdict) {
			got = append(got, fmt.Sprint(kind, unit, code, v))
		}})
	assert.Equal(t, want, got)
	assert.Equal(t, res.Units, rep.Units)
	assert.Equal(t, []indicator.CalculatorLedger{{Calculator: "publication", Records: res.Ledger},
		{Calculator: "publication.1.1", Records: res.Ledger11}, {Calculator: "publication.1.2", Records: res.Ledger12},
		{Calculator: "publication.1.3", Records: res.Ledger13}}, rep.Ledgers)
	assert.Equal(t, res.Units, a.Report(nil).Units)
	resultsEqual(t, res, a.Result())
}
