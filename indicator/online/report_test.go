package online

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

type note struct {
	unit, code string
	v          indicator.Verdict
}

// scope is a hierarchy for Report: each parent's sub-tree is given, every other unit stands alone.
func scope(agg indicator.Aggregation, subtrees map[string][]string, notes *[]note) *indicator.Scope {
	s := &indicator.Scope{Aggregation: agg, Subtree: func(u string) []string {
		if ids, ok := subtrees[u]; ok {
			return ids
		}
		return []string{u}
	}, Note: func(kind indicator.RecordKind, unit, code string, v indicator.Verdict) {
		if kind != indicator.RecordOffering {
			panic(kind)
		}
		*notes = append(*notes, note{unit, code, v})
	}}
	s.Parents = offer.SortedIDs(subtrees)
	return s
}

func lost(unit, code string, m indicator.ID, reason indicator.Reason) note {
	return note{unit, code, indicator.Verdict{Metric: m, InDenominator: true, Reason: reason}}
}

// TestReport: under indicator.ParentOffered parent rows pool 3.1 (distinct procedures offered in the
// sub-tree at their highest level) and 3.2 (services summed) under PoolOwn, and the lost procedures of
// every unit and parent are noted as the scorecard explained them.
func TestReport(t *testing.T) {
	c := newCalc(t, func(o *Options) {
		o.Offerings = append(o.Offerings, offering("U3", "P2", model.OnlineFull, model.StatePublished),
			offering("U2", "P5", model.OnlineNone, model.StatePublished))
	})
	a := c.NewAccumulator()
	for _, d := range []model.Dossier{dossier("a", "U1", "P1"), dossier("b", "U9", "P1")} {
		a.Add(&indicator.Case{Dossier: &d}, nil)
	}
	r := a.Result()

	rep := a.Report(nil)
	assert.Equal(t, r.Units, rep.Units)
	assert.Equal(t, []indicator.CalculatorLedger{{Calculator: "online", Records: r.Ledger, Catalogue: r.Catalogue}}, rep.Ledgers)

	var notes []note
	subtrees := map[string][]string{"U1": {"U1", "U2", "U3"}, "X": {"X", "U3"}, "Y": {"Y"}}
	offered := indicator.DefaultAggregation()
	offered.ParentProcedures = indicator.ParentOffered
	rep = a.Report(scope(offered, subtrees, &notes))
	u1 := rep.Units["U1"]
	assert.Equal(t, indicator.Count{Num: 4, Den: 5}, u1.Counts[indicator.M31], "P1 full, P2 full at U3, P3, P4 partial, P5 none")
	assert.Equal(t, [3]int64{1, 3, 3}, [3]int64{u1.PartialOnline, u1.FullOnline, u1.FullOnlineEligible})
	assert.Equal(t, indicator.Count{Num: 1, Den: 3}, u1.Counts[indicator.M32], "U1's P1 and P3, U3's P2")
	assert.Equal(t, r.Units["U1"].Counts[indicator.M33], u1.Counts[indicator.M33], "3.3 is not pooled here")
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, rep.Units["X"].Counts[indicator.M31], "a parent without offerings gets a row")
	assert.NotContains(t, rep.Units, "Y", "a zero parent row is not added")
	assert.Equal(t, r.Units["U2"], rep.Units["U2"])
	assert.ElementsMatch(t, []note{
		lost("U1", "P5", indicator.M31, ReasonProcedureNotOnline),
		lost("U1", "P3", indicator.M32, ReasonServiceWithoutOnlineDossier),
		lost("U1", "U3/P2", indicator.M32, ReasonServiceWithoutOnlineDossier),
		lost("U2", "P5", indicator.M31, ReasonProcedureNotOnline),
		lost("U3", "P2", indicator.M32, ReasonServiceWithoutOnlineDossier),
		lost("X", "U3/P2", indicator.M32, ReasonServiceWithoutOnlineDossier),
	}, notes)

	notes = nil
	rep = a.Report(scope(indicator.Aggregation{}, subtrees, &notes))
	assert.Equal(t, r.Units, rep.Units, "PoolSum: the tree sums the units' rows")
	assert.ElementsMatch(t, []note{
		lost("U1", "P2", indicator.M31, ReasonProcedureNotOnline),
		lost("U1", "P3", indicator.M32, ReasonServiceWithoutOnlineDossier),
		lost("U2", "P5", indicator.M31, ReasonProcedureNotOnline),
		lost("U3", "P2", indicator.M32, ReasonServiceWithoutOnlineDossier),
	}, notes)
	require.Equal(t, r, a.Result(), "Report does not modify the accumulator")
}

// TestReportParentCatalogue is decision 8 of issue 13 (docs/rules.md, 3.1): the top parent PROV counts
// every catalogue procedure, offered in its sub-tree or not (P6, eligible for full online, is offered by
// nobody); U1, a parent under PROV, counts the procedures offered in its sub-tree.
func TestReportParentCatalogue(t *testing.T) {
	c := newCalc(t, func(o *Options) {
		o.Procedures = append(o.Procedures, model.Procedure{Code: "P6", FullOnlineEligible: true})
	})
	a := c.NewAccumulator()
	var notes []note
	rep := a.Report(scope(indicator.DefaultAggregation(), map[string][]string{"PROV": {"PROV", "U1", "U2"}, "U1": {"U1", "U2"}}, &notes))
	prov := rep.Units["PROV"]
	assert.Equal(t, indicator.Count{Num: 3, Den: 5}, prov.Counts[indicator.M31], "P1 full, P3 full, P4 partial of P1–P4 offered and P6")
	assert.Equal(t, [3]int64{1, 2, 4}, [3]int64{prov.PartialOnline, prov.FullOnline, prov.FullOnlineEligible}, "eligible: P1, P3 (full), P2, P6")
	assert.Equal(t, indicator.Count{Num: 3, Den: 4}, rep.Units["U1"].Counts[indicator.M31], "a parent under another one: offered procedures only")
	var lost31 []string
	for _, n := range notes {
		if n.v.Metric == indicator.M31 && n.unit == "PROV" {
			lost31 = append(lost31, n.code)
		}
	}
	assert.Equal(t, []string{"P2", "P6"}, lost31)
}

// TestSharedKeys: with a shared Keys that holds part of the ids in another order, Add with its Refs, or
// with none, gives the Result of the calculator's own Keys.
func TestSharedKeys(t *testing.T) {
	o := testOptions()
	o.CodeMap = map[string]string{"P1.H44": "P1", "P3.H44": "P3"}
	o.Offerings = append(o.Offerings, offering("U3", "P1.H44", model.OnlineFull, model.StatePublished))
	ds := append(smallStream(), dossier("m", "U3", "P1.H44"), dossier("n", "U1", "P3.H44", eResult()))
	want := newCalc(t, func(p *Options) { *p = o }).Run(sliceSeq(ds))
	for _, shared := range []*indicator.Keys{
		indicator.NewKeys([]string{"X1", "U9", "U3", "U2", "U1"}, []string{"Q1", "P9", "P4", "P3.H44", "P3", "P2", "P1.H44", "P1"}),
		indicator.NewKeys([]string{"U2", "Z"}, []string{"P2", "P1.H44", "Z"}),
		indicator.NewKeys(nil, nil),
	} {
		o.Keys = shared
		c := newCalc(t, func(p *Options) { *p = o })
		a, b := c.NewAccumulator(), c.NewAccumulator()
		for i := range ds {
			a.Add(&indicator.Case{Dossier: &ds[i], Ref: shared.Ref(ds[i].UnitID, ds[i].ProcedureCode)}, nil)
			b.Add(&indicator.Case{Dossier: &ds[i]}, nil)
		}
		resultsEqual(t, want, a.Result())
		resultsEqual(t, want, b.Result())
	}
}
