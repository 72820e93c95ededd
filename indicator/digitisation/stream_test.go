package digitisation

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
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
				add(a, &s[i])
			} else {
				add(b, &s[i])
			}
		}
		ab, ba := c.NewAccumulator(), c.NewAccumulator()
		require.NoError(t, ab.Merge(a))
		require.NoError(t, ab.Merge(b))
		require.NoError(t, ba.Merge(b))
		require.NoError(t, ba.Merge(a))
		for _, m := range []*Accumulator{ab, ba} {
			r := m.Result()
			assert.Equal(t, whole.Units, r.Units, "split %d", split)
			assert.Equal(t, whole.Ledger.Entries(), r.Ledger.Entries(), "split %d", split)
			assert.Equal(t, whole.Ledger.Read, r.Ledger.Read)
			assert.Equal(t, whole.Catalogue.Entries(), r.Catalogue.Entries())
		}
	}
	// Result twice does not double the catalogue counts; Merge of an empty accumulator with itself
	// is a no-op (nil is refused); a full one doubles its dossier counts, not the catalogue's.
	a := c.NewAccumulator()
	require.NoError(t, a.Merge(a))
	require.Error(t, a.Merge(nil), "nil is not an accumulator of this package")
	assert.Equal(t, a.Result().Units, a.Result().Units)
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, a.Result().Units["U1"].Counts[indicator.M46a])
	for i := range s {
		add(a, &s[i])
	}
	require.NoError(t, a.Merge(a))
	r := a.Result()
	assert.Equal(t, 2*whole.Ledger.Read, r.Ledger.Read)
	assert.Equal(t, whole.Catalogue.Read, r.Catalogue.Read)
	var oe *indicator.OptionError
	require.ErrorAs(t, a.Merge(otherAccumulator{}), &oe)
	assert.Equal(t, "Merge", oe.Field)
}

// otherAccumulator is an indicator.Accumulator of another package.
type otherAccumulator struct{ indicator.Accumulator }

// add judges d into a, as a pass without Keys does.
func add(a *Accumulator, d *model.Dossier) { a.Add(&indicator.Case{Dossier: d}, nil) }

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
				add(accs[s], &ds[i])
			}
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

// TestReportPools46a: under PoolOwn and indicator.ParentOffered a parent's 4.6a is what the parent would
// count if it offered every procedure its sub-tree offers (the scorecard counted it so, with one
// calculator per parent); its tally is added only when not zero. Other metrics and units are Result's;
// without pooling Report is Result. Under ParentCatalogue (the default, decision 8 of issue 13) the top
// parents P and E also count every citizen-facing catalogue procedure: E, whose sub-tree offers only a
// procedure for businesses, gets P.PAPER, P.NOPAPER and P.FOREIGN (2 connected of 3); Q, under P, does not.
func TestReportPools46a(t *testing.T) {
	tree := map[string][]string{"P": {"P", "A", "B", "Q", "C"}, "Q": {"Q", "C"}, "E": {"E", "F"}}
	o := baseOptions()
	o.Offerings = []model.Offering{
		{UnitID: "A", ProcedureCode: "P.PAPER"}, {UnitID: "B", ProcedureCode: "P.PAPER"}, {UnitID: "B", ProcedureCode: "P.NOPAPER"},
		{UnitID: "C", ProcedureCode: "P.FOREIGN"}, {UnitID: "C", ProcedureCode: "P.BIZ"}, {UnitID: "C", ProcedureCode: "P.GONE"},
		{UnitID: "Q", ProcedureCode: "P.NOPAPER", ValidTo: at(2026, 7, 1, 0)}, {UnitID: "F", ProcedureCode: "P.BIZ"},
		{UnitID: "X", ProcedureCode: "P.PAPER"},
	}
	o.Communes = []CommuneCopy{{UnitID: "C", Offers: true}}
	c := newCalc(t, o)
	a := c.NewAccumulator()
	s := smallStream()
	for i := range s {
		s[i].UnitID = []string{"A", "C", "P", "B"}[i%4]
		add(a, &s[i])
	}
	res := a.Result()
	want := maps.Clone(res.Units)
	for parent, sub := range tree {
		in := map[string]bool{}
		for _, u := range sub {
			in[u] = true
		}
		po := o
		po.Offerings = nil
		for _, off := range o.Offerings {
			if in[off.UnitID] {
				off.UnitID = parent
				po.Offerings = append(po.Offerings, off)
			}
		}
		tl := want[parent]
		tl.Counts[indicator.M46a] = newCalc(t, po).Run(nil).Units[parent].Counts[indicator.M46a]
		if tl != (indicator.Tally{}) {
			want[parent] = tl
		}
	}
	parents := []string{"E", "P", "Q"}
	offered := indicator.DefaultAggregation()
	offered.ParentProcedures = indicator.ParentOffered
	rep := a.Report(&indicator.Scope{Aggregation: offered, Parents: parents,
		Subtree: func(u string) []string { return tree[u] }})
	assert.Equal(t, want, rep.Units)
	assert.Equal(t, indicator.Count{Num: 2, Den: 3}, rep.Units["P"].Counts[indicator.M46a])
	assert.NotContains(t, rep.Units, "E", "E and F offer only a procedure for businesses: nothing to add")
	cat := a.Report(&indicator.Scope{Aggregation: indicator.DefaultAggregation(), Parents: parents,
		Subtree: func(u string) []string { return tree[u] }})
	assert.Equal(t, indicator.Count{Num: 2, Den: 3}, cat.Units["E"].Counts[indicator.M46a], "top parent: the citizen-facing catalogue")
	assert.Equal(t, indicator.Count{Num: 2, Den: 3}, cat.Units["P"].Counts[indicator.M46a])
	assert.Equal(t, rep.Units["Q"], cat.Units["Q"], "Q is under P: its sub-tree's offerings only")
	require.Len(t, rep.Ledgers, 1)
	assert.Equal(t, indicator.CalculatorLedger{Calculator: "digitisation", Records: res.Ledger, Catalogue: res.Catalogue}, rep.Ledgers[0])
	sum := indicator.DefaultAggregation()
	sum.Modes[indicator.M46a] = indicator.PoolSum
	for _, s := range []*indicator.Scope{nil, {Aggregation: sum, Parents: parents, Subtree: func(u string) []string { return tree[u] }}} {
		assert.Equal(t, res.Units, a.Report(s).Units)
	}
	assert.Equal(t, res, a.Result(), "Report does not modify the accumulator")
}
