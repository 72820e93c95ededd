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

// TestReport: parent rows count 3.4, 3.5 and FeeProceduresWithDossiers over the distinct procedures of
// their sub-tree under PoolOwn, and the lost procedures of every unit and parent are noted as the
// scorecard explained them.
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
	rep, notes := report(a, indicator.DefaultAggregation(), subtrees)
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
