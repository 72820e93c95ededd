package payment

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

// report returns a's Report under a hierarchy (each parent's sub-tree given, every other unit alone) and
// the notes it made.
func report(a *Accumulator, agg indicator.Aggregation, subtrees map[string][]string) (indicator.Report, []note) {
	var notes []note
	rep := a.Report(&indicator.Scope{Aggregation: agg, Parents: offer.SortedIDs(subtrees), Subtree: func(u string) []string {
		if ids, ok := subtrees[u]; ok {
			return ids
		}
		return []string{u}
	}, Note: func(kind indicator.RecordKind, unit, code string, v indicator.Verdict) {
		if kind == indicator.RecordOffering {
			notes = append(notes, note{unit, code, v})
		}
	}})
	return rep, notes
}

func lost(unit, code string, m indicator.ID, reason indicator.Reason) note {
	return note{unit, code, indicator.Verdict{Metric: m, InDenominator: true, Reason: reason}}
}

// TestReport: under indicator.ParentOffered parent rows count 3.4, 3.5 and FeeProceduresWithDossiers over
// the distinct procedures offered in their sub-tree under PoolOwn, and the lost procedures of every unit
// and parent are noted as the scorecard explained them.
func TestReport(t *testing.T) {
	c := newCalc(t, func(o *Options) { o.Offerings = append(o.Offerings, offering("U3", "P3")) })
	a := c.NewAccumulator()
	for _, d := range []model.Dossier{
		dossier("a", "U1", "P1", paid(model.PaymentPortal)), dossier("b", "U2", "P1", paidRaw("3")), dossier("c", "U3", "P3", fees()),
	} {
		a.Add(&indicator.Case{Dossier: &d}, nil)
	}
	r := a.Result()
	rep := a.Report(nil)
	assert.Equal(t, r.Units, rep.Units)
	assert.Equal(t, []indicator.CalculatorLedger{{Calculator: "payment", Records: r.Ledger, Catalogue: r.Catalogue}}, rep.Ledgers)

	subtrees := map[string][]string{"U1": {"U1", "U2", "U3"}, "X": {"X", "U2"}, "Y": {"Y"}}
	offered := indicator.DefaultAggregation()
	offered.ParentProcedures = indicator.ParentOffered
	rep, notes := report(a, offered, subtrees)
	u1 := rep.Units["U1"]
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, u1.Counts[indicator.M34], "distinct P1 (paid at U1), P3")
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, u1.Counts[indicator.M35])
	assert.Equal(t, int64(2), u1.FeeProceduresWithDossiers)
	assert.Equal(t, r.Units["U1"].Counts[indicator.M36], u1.Counts[indicator.M36], "3.6 is not pooled here")
	assert.Equal(t, indicator.Count{Num: 0, Den: 1}, rep.Units["X"].Counts[indicator.M34], "a parent without offerings gets a row")
	assert.NotContains(t, rep.Units, "Y", "a zero parent row is not added")
	assert.ElementsMatch(t, []note{
		lost("U1", "P3", indicator.M34, ReasonProcedureNotPaidOnline), lost("U1", "P3", indicator.M35, ReasonProcedureNoFeeData),
		lost("U2", "P1", indicator.M34, ReasonProcedureNotPaidOnline),
		lost("U3", "P3", indicator.M34, ReasonProcedureNotPaidOnline), lost("U3", "P3", indicator.M35, ReasonProcedureNoFeeData),
		lost("X", "P1", indicator.M34, ReasonProcedureNotPaidOnline),
	}, notes)

	rep, notes = report(a, indicator.Aggregation{}, subtrees)
	assert.Equal(t, r.Units, rep.Units, "PoolSum: the tree sums the units' rows")
	assert.ElementsMatch(t, []note{
		lost("U1", "P3", indicator.M34, ReasonProcedureNotPaidOnline), lost("U1", "P3", indicator.M35, ReasonProcedureNoFeeData),
		lost("U2", "P1", indicator.M34, ReasonProcedureNotPaidOnline),
		lost("U3", "P3", indicator.M34, ReasonProcedureNotPaidOnline), lost("U3", "P3", indicator.M35, ReasonProcedureNoFeeData),
	}, notes)
	require.Equal(t, r, a.Result(), "Report does not modify the accumulator")
}

// TestReportParentCatalogue is decision 8 of issue 13 (docs/rules.md, 3.4 and 3.5): the top parent PROV
// counts every fee-bearing catalogue procedure, offered or not, and every dossier of its sub-tree,
// whichever unit offers the procedure. P6 is offered by nobody and paid online at four departments D1–D4
// that do not list it; P5 is offered by nobody and has no dossier; U2 pays P3, which only U1 offers. U1,
// a parent under PROV, is no top parent: it counts the procedures offered in its sub-tree, with the
// evidence of every dossier of it.
func TestReportParentCatalogue(t *testing.T) {
	c := newCalc(t, func(o *Options) { o.Procedures = append(o.Procedures, procedure("P5", 1000), procedure("P6", 2000)) })
	a := c.NewAccumulator()
	ds := []model.Dossier{dossier("a", "U1", "P1", paid(model.PaymentPortal)), dossier("f", "U2", "P3", paid(model.PaymentGateway), fees(0, 0), unknownFee)}
	for _, d := range []string{"D1", "D2", "D3", "D4"} {
		ds = append(ds, dossier("p6-"+d, d, "P6", paid(model.PaymentPortal)))
	}
	for i := range ds {
		a.Add(&indicator.Case{Dossier: &ds[i]}, nil)
	}
	subtrees := map[string][]string{"PROV": {"PROV", "U1", "U2", "D1", "D2", "D3", "D4"}, "U1": {"U1", "U2"}}

	rep, notes := report(a, indicator.DefaultAggregation(), subtrees)
	prov := rep.Units["PROV"]
	assert.Equal(t, indicator.Count{Num: 3, Den: 4}, prov.Counts[indicator.M34], "P1 (U1), P3 (paid at U2), P6 (paid at D1–D4) of P1, P3, P5, P6")
	assert.Equal(t, indicator.Count{Num: 3, Den: 4}, prov.Counts[indicator.M35])
	assert.Equal(t, int64(3), prov.FeeProceduresWithDossiers)
	u1 := rep.Units["U1"]
	assert.Equal(t, indicator.Count{Num: 2, Den: 2}, u1.Counts[indicator.M34], "P1 and P3 (paid at U2, which does not offer it)")
	for _, d := range []string{"D1", "D2", "D3", "D4"} {
		assert.Equal(t, indicator.Count{}, rep.Units[d].Counts[indicator.M34], "%s offers nothing", d)
		assert.Equal(t, indicator.Count{Num: 1, Den: 1}, rep.Units[d].Counts[indicator.M36], "%s's dossier counts in its 3.6", d)
	}
	assert.ElementsMatch(t, []note{
		lost("PROV", "P5", indicator.M34, ReasonProcedureNotPaidOnline), lost("PROV", "P5", indicator.M35, ReasonProcedureNoFeeData),
		lost("U2", "P1", indicator.M34, ReasonProcedureNotPaidOnline), lost("U2", "P1", indicator.M35, ReasonProcedureNoFeeData),
	}, notes, "U1, a parent, is explained by its pooled procedures: U2's dossier pays its P3")

	r := a.Result()
	assert.Equal(t, map[string][]ProcedureStatus{
		"U2": {{Code: "P3", Dossiers: true, PaidOnline: true, FeeData: true}},
		"D1": {{Code: "P6", Dossiers: true, PaidOnline: true, FeeData: true}}, "D2": {{Code: "P6", Dossiers: true, PaidOnline: true, FeeData: true}},
		"D3": {{Code: "P6", Dossiers: true, PaidOnline: true, FeeData: true}}, "D4": {{Code: "P6", Dossiers: true, PaidOnline: true, FeeData: true}},
	}, r.Unoffered)

	offered := indicator.DefaultAggregation()
	offered.ParentProcedures = indicator.ParentOffered
	rep, _ = report(a, offered, subtrees)
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, rep.Units["PROV"].Counts[indicator.M34], "ParentOffered: P1, P3 offered; only P1 paid by a unit offering it")
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, rep.Units["U1"].Counts[indicator.M34])
}

// TestMergeKeepsUnofferedEvidence: accumulators of one calculator, and of two calculators that list
// different pairs, merge the evidence of dossiers of units that do not offer their procedure.
func TestMergeKeepsUnofferedEvidence(t *testing.T) {
	ds := []model.Dossier{dossier("a", "U2", "P3", paid(model.PaymentPortal)), dossier("b", "D1", "P1")}
	c := newCalc(t, nil)
	x, y := c.NewAccumulator(), c.NewAccumulator()
	x.Add(&indicator.Case{Dossier: &ds[0]}, nil)
	y.Add(&indicator.Case{Dossier: &ds[1]}, nil)
	require.NoError(t, x.Merge(y))
	assert.Equal(t, map[string][]ProcedureStatus{
		"U2": {{Code: "P3", Dossiers: true, PaidOnline: true, FeeData: true}}, "D1": {{Code: "P1", Dossiers: true, FeeData: true}},
	}, x.Result().Unoffered)

	// Another calculator where U2 offers P3 and D1 does not offer P1: U2's evidence lands on its listed
	// pair, and a listed pair of the other calculator that this one does not list becomes evidence.
	other := newCalc(t, func(o *Options) { o.Offerings = append(o.Offerings, offering("U2", "P3"), offering("D1", "P1")) })
	z := other.NewAccumulator()
	z.Add(&indicator.Case{Dossier: &ds[1]}, nil)
	w := other.NewAccumulator()
	require.NoError(t, w.Merge(x))
	require.NoError(t, x.Merge(z))
	assert.Equal(t, map[string][]ProcedureStatus{
		"U2": {{Code: "P3", Dossiers: true, PaidOnline: true, FeeData: true}}, "D1": {{Code: "P1", Dossiers: true, FeeData: true}},
	}, x.Result().Unoffered)
	wr := w.Result()
	assert.Empty(t, wr.Unoffered)
	assert.Contains(t, wr.Procedures["U2"], ProcedureStatus{Code: "P3", Dossiers: true, PaidOnline: true, FeeData: true})
	assert.Equal(t, []ProcedureStatus{{Code: "P1", Dossiers: true, FeeData: true}}, wr.Procedures["D1"])
}

// TestSharedKeys: with a shared Keys that holds part of the ids in another order, Add with its Refs, or
// with none, gives the Result of the calculator's own Keys.
func TestSharedKeys(t *testing.T) {
	mod := func(o *Options) {
		o.CodeMap = map[string]string{"P1.H44": "P1", "P3.H44": "P3"}
		o.Offerings = append(o.Offerings, offering("U3", "P1.H44"), offering("U3", "P2"))
	}
	ds := append(smallStream(), dossier("m", "U3", "P1.H44", paid(1)), dossier("n", "U1", "P3.H44"))
	want := newCalc(t, mod).Run(sliceSeq(ds))
	for _, shared := range []*indicator.Keys{
		indicator.NewKeys([]string{"X1", "U9", "U3", "U2", "U1"}, []string{"Q1", "P9", "P4", "P3.H44", "P3", "P2", "P1.H44", "P1"}),
		indicator.NewKeys([]string{"U2", "Z"}, []string{"P2", "P1.H44", "Z"}),
		indicator.NewKeys(nil, nil),
	} {
		c := newCalc(t, func(o *Options) { mod(o); o.Keys = shared })
		a, b := c.NewAccumulator(), c.NewAccumulator()
		for i := range ds {
			a.Add(&indicator.Case{Dossier: &ds[i], Ref: shared.Ref(ds[i].UnitID, ds[i].ProcedureCode)}, nil)
			b.Add(&indicator.Case{Dossier: &ds[i]}, nil)
		}
		resultsEqual(t, want, a.Result())
		resultsEqual(t, want, b.Result())
	}
}
