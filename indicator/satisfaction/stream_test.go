package satisfaction

import (
	"encoding/json"
	"flag"
	"fmt"
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

// streamOptions: a dislike of U1-D2, and smallPetitions as Options.Petitions (E is a complaint against
// U2-D2).
func streamOptions(t testing.TB) Options {
	o := baseOptions(t)
	o.Ratings = []model.Rating{{DossierCode: "U1-D2", Dislike: true}}
	o.Petitions = smallPetitions()
	return o
}

// streamedOptions is streamOptions with only the complaint E preloaded, and the other small petitions,
// to be streamed with AddPetition.
func streamedOptions(t testing.TB) (Options, []model.Petition) {
	o := streamOptions(t)
	ps := o.Petitions
	o.Petitions = []model.Petition{ps[complaint]}
	return o, append(ps[:complaint:complaint], ps[complaint+1:]...)
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
		petition(pid("E"), punit("U2"), recv(day(7, 25)), func(p *model.Petition) { p.DossierCode = "U2-D2" }),       // not in period; complaint
		petition(pid(""), punit("U2"), recv(day(8, 26))),                                                             // U2 open within, no id
		petition(pid("F"), punit("")),                                                                                // no unit
	}
}

// complaint is the index of E in smallPetitions.
const complaint = 5

func TestStreamTalliesAndLedger(t *testing.T) {
	c := newCalc(t, streamOptions(t))
	r := c.Run(timed(smallDossiers()))
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
	r := c.Run(timed([]model.Dossier{{Code: "D1", UnitID: "U1"}}))
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
	empty := c.Run(nil)
	assert.Empty(t, empty.Units)
	assert.Equal(t, int64(0), empty.Ledger.Read+empty.Petitions.Read)
}

// add adds ds[i] (with timingOf) and streams ps[i] for the i of [from, to) in steps of step.
func add(a *Accumulator, ds []model.Dossier, ps []model.Petition, from, to, step int) {
	for i := from; i < to; i += step {
		if i < len(ds) {
			a.Add(&indicator.Case{Dossier: &ds[i], Timing: timingOf(&ds[i])}, nil)
		}
		if i < len(ps) {
			a.AddPetition(&ps[i], nil)
		}
	}
}

func TestMergeEqualsSinglePass(t *testing.T) {
	o, ps := streamedOptions(t)
	c := newCalc(t, o)
	ds := smallDossiers()
	// A second copy of B received earlier must win whichever shard sees it.
	early := petition(pid("B"), recv(day(8, 1)), ev(rejected, day(8, 3)))
	ps = append(ps, early)
	one := c.NewAccumulator()
	add(one, ds, ps, 0, len(ps), 1)
	whole := one.Result()
	for split := 0; split <= len(ps); split++ {
		a, b := c.NewAccumulator(), c.NewAccumulator()
		add(a, ds, ps, 0, split, 1)
		add(b, ds, ps, split, len(ps), 1)
		ab, ba := c.NewAccumulator(), c.NewAccumulator()
		require.NoError(t, ab.Merge(a))
		require.NoError(t, ab.Merge(b))
		require.NoError(t, ba.Merge(b))
		require.NoError(t, ba.Merge(a))
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
	require.NoError(t, a.Merge(a))
	require.NoError(t, a.Merge(nil))
	require.NoError(t, a.Merge((*Accumulator)(nil)))
	assert.Equal(t, map[string]indicator.Tally{}, a.Result().Units, "only the preloaded complaint, not in the period")
	err := a.Merge(newCalc(t, o).NewAccumulator())
	assert.ErrorIs(t, err, indicator.ErrInvalid, "an accumulator of another calculator")
}

// TestConcurrentShards adds a stream from four goroutines, each with its own accumulator, and checks that
// the merged result equals one pass (run with -race to check the calculator's concurrency safety).
func TestConcurrentShards(t *testing.T) {
	o, ps1 := streamedOptions(t)
	c := newCalc(t, o)
	var ds []model.Dossier
	var ps []model.Petition
	for range 25 {
		ds = append(ds, smallDossiers()...)
		ps = append(ps, ps1...)
	}
	one := c.NewAccumulator()
	add(one, ds, ps, 0, max(len(ds), len(ps)), 1)
	whole := one.Result()
	const shards = 4
	accs := make([]*Accumulator, shards)
	done := make(chan struct{})
	for s := range shards {
		accs[s] = c.NewAccumulator()
		go func() {
			defer func() { done <- struct{}{} }()
			add(accs[s], ds, ps, s, max(len(ds), len(ps)), shards)
		}()
	}
	for range shards {
		<-done
	}
	for _, a := range accs[1:] {
		require.NoError(t, accs[0].Merge(a))
	}
	r := accs[0].Result()
	assert.Equal(t, whole.Units, r.Units)
	assert.Equal(t, whole.Ledger.Entries(), r.Ledger.Entries())
	assert.Equal(t, whole.Petitions.Entries(), r.Petitions.Entries())
	assert.Equal(t, int64(len(ds)), r.Ledger.Read)
	assert.Equal(t, int64(len(ps)+len(o.Petitions)), r.Petitions.Read)
}

func TestRunAllocationsDoNotGrowWithDossiers(t *testing.T) {
	c := newCalc(t, streamOptions(t))
	ds := smallDossiers()
	many := slices.Repeat(ds, 100)
	few := testing.AllocsPerRun(5, func() { c.Run(timed(ds)) })
	lots := testing.AllocsPerRun(5, func() { c.Run(timed(many)) })
	assert.InDelta(t, few, lots, 2, "Run allocates per unit and reason, not per dossier (%v vs %v)", few, lots)
}

// TestReport: Report gives Result's tallies and ledgers under the names "satisfaction" and
// "satisfaction.petitions", passes s.Note the three verdicts of each preloaded petition in order (after
// the streamed ones were counted), and modifies nothing.
func TestReport(t *testing.T) {
	o, streamed := streamedOptions(t)
	o.Petitions = append(o.Petitions, streamed[:3]...) // E, A, B, C: preloaded; A, B, C also streamed
	c := newCalc(t, o)
	a := c.NewAccumulator()
	ds := smallDossiers()
	var streamedNotes []string
	for i := range ds {
		a.Add(&indicator.Case{Dossier: &ds[i], Timing: timingOf(&ds[i])}, nil)
	}
	for i := range streamed {
		a.AddPetition(&streamed[i], func(k indicator.RecordKind, unit, code string, v indicator.Verdict) {
			streamedNotes = append(streamedNotes, fmt.Sprint(k, unit, code, v.Metric))
		})
	}
	assert.Len(t, streamedNotes, 3*len(streamed))
	want := a.Result()
	var notes []string
	s := &indicator.Scope{Note: func(k indicator.RecordKind, unit, code string, v indicator.Verdict) {
		notes = append(notes, fmt.Sprintf("%v %s %s %v %v %v %s", k, unit, code, v.Metric, v.InDenominator, v.InNumerator, v.Reason))
	}}
	for range 2 {
		notes = notes[:0]
		r := a.Report(s)
		assert.Equal(t, want.Units, r.Units)
		require.Len(t, r.Ledgers, 2)
		for i, w := range []indicator.CalculatorLedger{{Calculator: "satisfaction", Records: want.Ledger},
			{Calculator: "satisfaction.petitions", Records: want.Petitions}} {
			assert.Equal(t, w.Calculator, r.Ledgers[i].Calculator)
			assert.Equal(t, w.Records.Entries(), r.Ledgers[i].Records.Entries(), w.Calculator)
			assert.Equal(t, w.Records.Read, r.Ledgers[i].Records.Read, w.Calculator)
			assert.Equal(t, indicator.Ledger{}, r.Ledgers[i].Catalogue)
		}
		assert.Nil(t, r.Procedures)
		assert.Equal(t, []string{
			"petition U2 E 5.0 false false satisfaction.petition_not_in_period",
			"petition U2 E 5.1 false false satisfaction.petition_not_in_period",
			"petition U2 E 5.2 false false satisfaction.petition_not_in_period",
			"petition U1 A 5.0 true true satisfaction.category_procedure",
			"petition U1 A 5.1 true true satisfaction.petition_on_time",
			"petition U1 A 5.2 true true satisfaction.petition_satisfied",
			"petition U1 B 5.0 true false satisfaction.category_staff",
			"petition U1 B 5.1 true true satisfaction.petition_on_time",
			"petition U1 B 5.2 true false satisfaction.petition_unsatisfied",
			"petition U1 C 5.0 true false satisfaction.category_unclassified",
			"petition U1 C 5.1 true false satisfaction.petition_open_overdue",
			"petition U1 C 5.2 true false satisfaction.petition_handled_late",
		}, notes)
	}
	// A, B and C were read twice, A once more in the stream: four duplicates; the counts are those of one
	// reading.
	assert.Equal(t, int64(4), want.Petitions.Entry(ReasonPetitionDuplicate).Excluded)
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, want.Units["U1"].Counts[indicator.M52])
	assert.Equal(t, want.Units, a.Report(nil).Units)
}
