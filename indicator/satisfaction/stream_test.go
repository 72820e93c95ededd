package satisfaction

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func streamOptions(t testing.TB) Options {
	o := baseOptions(t)
	o.Ratings = []model.Rating{{DossierCode: "U1-D2", Dislike: true}}
	o.Complaints = []model.Petition{{ID: "K", DossierCode: "U2-D2", ReceivedAt: day(8, 20)}}
	return o
}

func smallDossiers() []model.Dossier {
	return []model.Dossier{
		{Code: "U1-D1", UnitID: "U1"},      // satisfied
		{Code: "U1-D2", UnitID: "U1"},      // disliked
		{Code: "U1-D3-LATE", UnitID: "U1"}, // late
		{Code: "U1-D4-OUT", UnitID: "U1"},  // not processed in the period
		{Code: "U2-D1", UnitID: "U2"},      // satisfied
		{Code: "U2-D2", UnitID: "U2"},      // complaint
		{Code: "NOUNIT"},                   // no unit
	}
}

func smallPetitions() []model.Petition {
	return []model.Petition{
		petition(pid("A"), ev(rejected, day(8, 4))), // U1 on time, procedure, satisfied
		petition(pid("B"), cat(model.PetitionStaff), likes(0, 3), ev(awaiting, day(8, 7)), ev(published, day(8, 7))), // U1 on time, staff, unsatisfied
		petition(pid("C"), cat(model.PetitionUnclassified)),                                                          // U1 open overdue (received 3/8)
		petition(pid("A"), ev(rejected, day(8, 4))),                                                                  // U1 duplicate of A
		petition(pid("D"), punit("U2"), recv(day(8, 25)), repeated()),                                                // U2 open within, repeated
		petition(pid("E"), punit("U2"), recv(day(7, 25))),                                                            // not in period
		petition(pid(""), punit("U2"), recv(day(8, 26))),                                                             // U2 open within, no id
		petition(pid("F"), punit("")),                                                                                // no unit
	}
}

func TestStreamTalliesAndLedger(t *testing.T) {
	c := newCalc(t, streamOptions(t))
	r := c.Run(slices.Values(smallDossiers()), slices.Values(smallPetitions()))
	u1, u2 := r.Units["U1"], r.Units["U2"]
	assert.Len(t, r.Units, 2)
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, u1.Counts[indicator.M53])
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, u2.Counts[indicator.M53])
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, u1.Counts[indicator.M50])
	assert.Equal(t, int64(1), u1.PetitionsStaff)
	assert.Equal(t, indicator.Count{Num: 2, Den: 3}, u1.Counts[indicator.M51])
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, u1.Counts[indicator.M52])
	assert.Equal(t, indicator.Count{Num: 2, Den: 2}, u2.Counts[indicator.M50])
	assert.Equal(t, indicator.Count{Num: 2, Den: 2}, u2.Counts[indicator.M51])
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, u2.Counts[indicator.M52])
	require.NoError(t, u1.Validate())
	require.NoError(t, u2.Validate())

	check := func(l indicator.Ledger, read, counted int64, want map[indicator.Reason][2]int64) {
		t.Helper()
		assert.Equal(t, read, l.Read)
		assert.Equal(t, counted, l.Counted)
		assert.Equal(t, l.Read, l.Counted+l.Excluded)
		var sum int64
		for _, e := range l.Entries() {
			assert.Equal(t, want[e.Reason], [2]int64{e.Counted, e.Excluded}, e.Reason)
			sum += e.Counted + e.Excluded
		}
		assert.Len(t, l.Entries(), len(want))
		assert.Equal(t, l.Read, sum)
	}
	check(r.Ledger, 7, 5, map[indicator.Reason][2]int64{
		ReasonDossierSatisfied: {2, 0}, ReasonDossierDisliked: {1, 0}, ReasonDossierLate: {1, 0}, ReasonDossierComplaint: {1, 0},
		ReasonDossierNotProcessed: {0, 1}, ReasonDossierNoUnit: {0, 1},
	})
	check(r.Petitions, 8, 5, map[indicator.Reason][2]int64{
		ReasonPetitionOnTime: {2, 0}, ReasonPetitionOpenOverdue: {1, 0}, ReasonPetitionOpenWithin: {2, 0},
		ReasonPetitionDuplicate: {0, 1}, ReasonPetitionNotInPeriod: {0, 1}, ReasonPetitionNoUnit: {0, 1},
	})

	got, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	golden := filepath.Join("testdata", "small-stream.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))
}

func TestNoPetitions(t *testing.T) {
	c := newCalc(t, baseOptions(t))
	r := c.Run(slices.Values([]model.Dossier{{Code: "D1", UnitID: "U1"}}), nil)
	u := r.Units["U1"]
	for _, id := range []indicator.ID{indicator.M50, indicator.M51, indicator.M52} {
		assert.Equal(t, indicator.Count{}, u.Counts[id], id)
	}
	assert.Equal(t, int64(0), r.Petitions.Read)
	// The zero rule is the edition's: full marks on the portal, shared in the document edition.
	res, err := indicator.Portal().Score(u)
	require.NoError(t, err)
	for _, id := range []indicator.ID{indicator.M51, indicator.M52} {
		m := res.Metric(id)
		assert.True(t, m.Score.Equal(m.Max), "%s portal zero rule", id)
	}
	empty := c.Run(nil, nil)
	assert.Empty(t, empty.Units)
	assert.Equal(t, int64(0), empty.Ledger.Read+empty.Petitions.Read)
}

func TestMergeEqualsSinglePass(t *testing.T) {
	c := newCalc(t, streamOptions(t))
	ds, ps := smallDossiers(), smallPetitions()
	// A second copy of B received earlier must win whichever shard sees it.
	early := petition(pid("B"), recv(day(8, 1)), ev(rejected, day(8, 3)))
	ps = append(ps, early)
	whole := c.Run(slices.Values(ds), slices.Values(ps))
	for split := 0; split <= len(ps); split++ {
		a, b := c.NewAccumulator(), c.NewAccumulator()
		for i := range ds {
			if i < split {
				a.Add(c.Classify(&ds[i]))
			} else {
				b.Add(c.Classify(&ds[i]))
			}
		}
		for i := range ps {
			if i < split {
				a.AddPetition(c.ClassifyPetition(&ps[i]))
			} else {
				b.AddPetition(c.ClassifyPetition(&ps[i]))
			}
		}
		ab, ba := c.NewAccumulator(), c.NewAccumulator()
		ab.Merge(a)
		ab.Merge(b)
		ba.Merge(b)
		ba.Merge(a)
		for _, m := range []*Accumulator{ab, ba} {
			r := m.Result()
			assert.Equal(t, whole.Units, r.Units, "split %d", split)
			assert.Equal(t, whole.Ledger.Entries(), r.Ledger.Entries(), "split %d", split)
			assert.Equal(t, whole.Petitions.Entries(), r.Petitions.Entries(), "split %d", split)
			assert.Equal(t, whole.Petitions.Read, r.Petitions.Read)
		}
	}
	// The earlier copy of B (rejected on time, category procedure, satisfied) replaced the later one.
	u1 := whole.Units["U1"]
	assert.Equal(t, int64(0), u1.PetitionsStaff)
	assert.Equal(t, indicator.Count{Num: 2, Den: 3}, u1.Counts[indicator.M52])
	a := c.NewAccumulator()
	a.Merge(a)
	a.Merge(nil)
	assert.Empty(t, a.Result().Units)
}

// TestConcurrentShards classifies a stream from four goroutines, each with its own accumulator, and checks
// that the merged result equals one pass (run with -race to check Classify's concurrency safety).
func TestConcurrentShards(t *testing.T) {
	c := newCalc(t, streamOptions(t))
	var ds []model.Dossier
	var ps []model.Petition
	for range 25 {
		ds = append(ds, smallDossiers()...)
		ps = append(ps, smallPetitions()...)
	}
	whole := c.Run(slices.Values(ds), slices.Values(ps))
	const shards = 4
	accs := make([]*Accumulator, shards)
	done := make(chan struct{})
	for s := range shards {
		accs[s] = c.NewAccumulator()
		go func() {
			defer func() { done <- struct{}{} }()
			for i := s; i < len(ds); i += shards {
				accs[s].Add(c.Classify(&ds[i]))
			}
			for i := s; i < len(ps); i += shards {
				accs[s].AddPetition(c.ClassifyPetition(&ps[i]))
			}
		}()
	}
	for range shards {
		<-done
	}
	for _, a := range accs[1:] {
		accs[0].Merge(a)
	}
	r := accs[0].Result()
	assert.Equal(t, whole.Units, r.Units)
	assert.Equal(t, whole.Ledger.Entries(), r.Ledger.Entries())
	assert.Equal(t, whole.Petitions.Entries(), r.Petitions.Entries())
	assert.Equal(t, int64(len(ds)), r.Ledger.Read)
	assert.Equal(t, int64(len(ps)), r.Petitions.Read)
}

func TestRunAllocationsDoNotGrowWithDossiers(t *testing.T) {
	c := newCalc(t, streamOptions(t))
	ds := smallDossiers()
	many := slices.Repeat(ds, 100)
	few := testing.AllocsPerRun(5, func() { c.Run(slices.Values(ds), nil) })
	lots := testing.AllocsPerRun(5, func() { c.Run(slices.Values(many), nil) })
	assert.InDelta(t, few, lots, 2, "Run allocates per unit and reason, not per dossier (%v vs %v)", few, lots)
}
