package digitisation

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

// smallStream is ten dossiers over two units with known group-4 outcomes.
func smallStream() []model.Dossier {
	code := func(i int) opt { return func(d *model.Dossier) { d.Code = fmt.Sprintf("D%02d", i) } }
	return []model.Dossier{
		dossier(code(1), file(plainFile), result("KQ", "u")),                                                         // U1: 4.1 num, 4.2 num
		dossier(code(2), file(reusedFile), file(storeFile)),                                                          // U1: 4.3, 4.5, 4.6b num
		dossier(code(3), proc("P.NOPAPER"), flags(func(d *model.Dossier) { d.VNeIDAuthenticated = model.FlagTrue })), // U1: out of 4.1; 4.6b num
		dossier(code(4), received(model.None())),                                                                     // U1: counted w/o reception, out of 4.3
		dossier(code(5), received(at(2026, 7, 30, 9))),                                                               // excluded: not in period
		dossier(code(6), unit("")),                                                                                   // excluded: no unit
		dossier(code(7), unit("U2"), result("KQ", "u"), file(plainFile)),                                             // U2: 4.1 num, 4.2 num
		dossier(code(8), unit("U2"), proc("P.X")),                                                                    // U2: out of 4.1
		dossier(code(9), unit("U2"), flags(func(d *model.Dossier) { d.ResultSyncedToStore = model.FlagTrue })),       // U2: 4.5 num
		dossier(code(10), unit("U2"), received(model.None()), submitted(model.None())),                               // excluded: no date
	}
}

func TestStreamTalliesAndLedger(t *testing.T) {
	c := newCalc(t, baseOptions())
	r := c.Run(slices.Values(smallStream()))
	u1, u2 := r.Units["U1"], r.Units["U2"]
	assert.Len(t, r.Units, 2)
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, u1.Counts[indicator.M41])
	assert.Equal(t, indicator.Count{Num: 1, Den: 4}, u1.Counts[indicator.M42])
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, u1.Counts[indicator.M43])
	assert.Equal(t, indicator.Count{Num: 1, Den: 4}, u1.Counts[indicator.M45])
	assert.Equal(t, indicator.Count{Num: 2, Den: 4}, u1.Counts[indicator.M46b])
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, u2.Counts[indicator.M41])
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, u2.Counts[indicator.M42])
	assert.Equal(t, indicator.Count{Num: 0, Den: 3}, u2.Counts[indicator.M43])
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, u2.Counts[indicator.M45])
	assert.Equal(t, indicator.Count{Num: 0, Den: 3}, u2.Counts[indicator.M46b])
	require.NoError(t, u1.Validate())
	require.NoError(t, u2.Validate())

	l := r.Ledger
	assert.Equal(t, int64(10), l.Read)
	assert.Equal(t, l.Read, l.Counted+l.Excluded)
	assert.Equal(t, int64(7), l.Counted)
	want := map[indicator.Reason][2]int64{
		ReasonCounted: {6, 0}, ReasonCountedWithoutReception: {1, 0},
		ReasonNotInPeriod: {0, 1}, ReasonNoUnit: {0, 1}, ReasonNoDate: {0, 1},
	}
	var sum int64
	for _, e := range l.Entries() {
		assert.Equal(t, want[e.Reason], [2]int64{e.Counted, e.Excluded}, e.Reason)
		sum += e.Counted + e.Excluded
	}
	assert.Len(t, l.Entries(), len(want))
	assert.Equal(t, l.Read, sum, "per-reason totals add up to Read")

	// Golden: the JSON of the result for this stream.
	got, err := json.MarshalIndent(struct {
		Units  map[string]indicator.Tally `json:"units"`
		Ledger indicator.Ledger           `json:"ledger"`
	}{r.Units, r.Ledger}, "", "  ")
	require.NoError(t, err)
	golden := filepath.Join("testdata", "small-stream.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
	}
	wantJSON, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.JSONEq(t, string(wantJSON), string(got))
}

func TestMergeEqualsSinglePass(t *testing.T) {
	o := baseOptions()
	o.Offerings = []model.Offering{{UnitID: "U1", ProcedureCode: "P.PAPER"}, {UnitID: "U2", ProcedureCode: "P.NOPAPER"}}
	o.Communes = []CommuneCopy{{UnitID: "U2", Offers: true}}
	c := newCalc(t, o)
	s := smallStream()
	whole := c.Run(slices.Values(s))
	for split := 0; split <= len(s); split++ {
		a, b := c.NewAccumulator(), c.NewAccumulator()
		for i := range s {
			if i < split {
				a.Add(c.Classify(&s[i]))
			} else {
				b.Add(c.Classify(&s[i]))
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
			assert.Equal(t, whole.Ledger.Read, r.Ledger.Read)
			assert.Equal(t, whole.Catalogue.Entries(), r.Catalogue.Entries())
		}
	}
	// Result twice does not double the catalogue counts; Merge with itself or nil is a no-op.
	a := c.NewAccumulator()
	a.Merge(a)
	a.Merge(nil)
	assert.Equal(t, a.Result().Units, a.Result().Units)
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, a.Result().Units["U1"].Counts[indicator.M46a])
}

// TestConcurrentShards classifies a stream from four goroutines, each with its own accumulator, and checks
// that the merged result equals one pass (run with -race to check Classify's concurrency safety).
func TestConcurrentShards(t *testing.T) {
	c := newCalc(t, baseOptions())
	ds := slices.Repeat(smallStream(), 40)
	whole := c.Run(slices.Values(ds))
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
	assert.Equal(t, int64(len(ds)), r.Ledger.Read)
}

func TestRunAllocationsDoNotGrowWithDossiers(t *testing.T) {
	c := newCalc(t, baseOptions())
	ds := smallStream()
	many := slices.Repeat(ds, 100)
	few := testing.AllocsPerRun(5, func() { c.Run(slices.Values(ds)) })
	lots := testing.AllocsPerRun(5, func() { c.Run(slices.Values(many)) })
	assert.InDelta(t, few, lots, 2, "Run allocates per unit and reason, not per dossier (%v vs %v)", few, lots)
}
