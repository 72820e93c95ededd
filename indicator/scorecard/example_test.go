package scorecard_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

// exampleDossier: procedure P1 received Monday 3/8/2026, due Monday 10/8, finished on the 7th (on time)
// or the 12th (late), paid online on the portal.
func exampleDossier(unit string, n int, late bool) model.Dossier {
	vn := model.Vietnam()
	end := time.Date(2026, 8, 7, 10, 0, 0, 0, vn)
	if late {
		end = time.Date(2026, 8, 12, 10, 0, 0, 0, vn)
	}
	return model.Dossier{
		Code: fmt.Sprintf("%s-260803-%04d", unit, n), UnitID: unit, ProcedureCode: "P1",
		Status:            model.NewStatus(9),
		ReceivedAt:        model.Some(time.Date(2026, 8, 3, 8, 0, 0, 0, vn)),
		DueAt:             model.Some(time.Date(2026, 8, 10, 17, 0, 0, 0, vn)),
		ProcessingEndedAt: model.Some(end),
		Fees:              []model.Fee{{Amount: 20000}},
		OnlinePayment:     model.NewOnlinePayment(model.PaymentPortal),
	}
}

// Run a scorecard over a province with two communes: pooled province score, ranks, band and the
// dossiers that cost points. (Only 2.1, 3.6, group 4 and group 5 have records here, and the province's
// 3.4 and 3.5, which count the fee-bearing catalogue procedure P1 that no unit lists as an offering: the
// totals are low.)
func Example() {
	cal, err := calendar.New(calendar.Options{FromYear: 2026, ToYear: 2026})
	if err != nil {
		panic(err)
	}
	units := []model.Unit{
		{ID: "H44", Kind: model.NewUnitKind(model.UnitProvince)},
		{ID: "H44.01", Kind: model.NewUnitKind(model.UnitCommune), Parent: "H44"},
		{ID: "H44.02", Kind: model.NewUnitKind(model.UnitCommune), Parent: "H44"},
	}
	procs := []model.Procedure{{Code: "P1", Fees: []model.ProcedureFee{{Amount: 20000, Known: true}}}}
	s, err := scorecard.New(
		scorecard.Inputs{Units: units, Procedures: procs},
		scorecard.Options{
			Period: model.Month(2026, time.August), AsOf: time.Date(2026, 9, 5, 0, 0, 0, 0, model.Vietnam()),
			Calendar: cal, Edition: indicator.Portal(),
		})
	if err != nil {
		panic(err)
	}
	dossiers := []model.Dossier{
		exampleDossier("H44.01", 1, false), exampleDossier("H44.01", 2, true),
		exampleDossier("H44.02", 1, false), exampleDossier("H44.02", 2, false),
	}
	card, err := s.Run(slices.Values(dossiers))
	if err != nil {
		panic(err)
	}
	for _, u := range card.Units {
		fmt.Printf("%-6s 2.1 %5s  total %s  rank %d  %s\n", u.Unit.ID,
			u.Pooled.Metric(indicator.M21).Score.StringFixed(2), u.Pooled.Total.StringFixed(2), u.Rank, u.Band.Code)
	}
	h, _ := card.Unit("H44")
	e, _ := h.Explanation(indicator.M21)
	fmt.Printf("2.1 lost %s points: %s × %d, e.g. %v\n", e.PointsLost.StringFixed(2), e.Reasons[0].Reason, e.Reasons[0].Count, e.Reasons[0].Examples)
	// Output:
	// H44    2.1 15.00  total 44.00  rank 1  weak
	// H44.01 2.1 10.00  total 33.33  rank 2  weak
	// H44.02 2.1 20.00  total 46.00  rank 1  weak
	// 2.1 lost 5.00 points: timeliness.late × 1, e.g. [H44.01-260803-0002]
}

// What-if from tallies alone: a unit with 180 of 200 dossiers on time (2.1: 18.00) and 150 of 200
// without dissatisfaction (5.3: min(6, 6·0.75/0.9) = 5.00) wants one more point. 2.1 needs a published
// 19.00, i.e. 20·(180+k)/(200+k) ≥ 18.995: k = 199; 5.3 needs 6·R/0.9 ≥ 5.995: k = 297.
func ExamplePlanGain() {
	var t indicator.Tally
	t.Counts[indicator.M21] = indicator.Count{Num: 180, Den: 200}
	t.Counts[indicator.M53] = indicator.Count{Num: 150, Den: 200}
	pl, err := scorecard.PlanGain(indicator.Portal(), t, decimal.NewFromInt(1), scorecard.PlanOptions{
		Mode: scorecard.PlanAdd, Metrics: []indicator.ID{indicator.M21, indicator.M53},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("total", pl.Total.StringFixed(2), "target", pl.Target.StringFixed(2))
	for _, m := range pl.Cheapest {
		fmt.Printf("%s: %d more compliant dossiers, +%s (next one +%s)\n", m.Metric, m.Records, m.Gain.StringFixed(2), m.NextRecord.StringFixed(2))
	}
	// Output:
	// total 37.00 target 38.00
	// 2.1: 199 more compliant dossiers, +1.00 (next one +0.01)
	// 5.3: 297 more compliant dossiers, +1.00 (next one +0.01)
}

// Reconcile the portal edition with a province policy that counts only payments on the portal (code 1)
// as online: the dossier paid through the province gateway (code 2) changes its 3.6 verdict.
func ExampleReconcile() {
	cal, err := calendar.New(calendar.Options{FromYear: 2026, ToYear: 2026})
	if err != nil {
		panic(err)
	}
	in := scorecard.Inputs{
		Units:      []model.Unit{{ID: "H44", Kind: model.NewUnitKind(model.UnitProvince)}},
		Procedures: []model.Procedure{{Code: "P1", Fees: []model.ProcedureFee{{Amount: 20000, Known: true}}}},
	}
	opts := scorecard.Options{
		Period: model.Month(2026, time.August), AsOf: time.Date(2026, 9, 5, 0, 0, 0, 0, model.Vietnam()),
		Calendar: cal, Edition: indicator.Portal(),
	}
	portal, err := scorecard.New(in, opts)
	if err != nil {
		panic(err)
	}
	opts.Edition.Name = "province"
	opts.Edition.Policy.Payment.PaidOnlineCodes = indicator.Codes(1)
	province, err := scorecard.New(in, opts)
	if err != nil {
		panic(err)
	}
	a := exampleDossier("H44", 1, false)
	b := exampleDossier("H44", 2, false)
	b.OnlinePayment = model.NewOnlinePayment(model.PaymentGateway)
	rec, err := scorecard.Reconcile(portal, province, slices.Values([]model.Dossier{a, b}), 10)
	if err != nil {
		panic(err)
	}
	for _, d := range rec.Differences {
		fmt.Printf("%s %s %s: %s → %s\n", d.Kind, d.Code, d.Metric, d.A.Reason, d.B.Reason)
	}
	ua, _ := rec.A.Unit("H44")
	ub, _ := rec.B.Unit("H44")
	fmt.Println("3.6:", ua.Pooled.Metric(indicator.M36).Score.StringFixed(2), "→", ub.Pooled.Metric(indicator.M36).Score.StringFixed(2))
	// Output:
	// dossier H44-260803-0002 3.6: payment.paid_online → payment.not_paid_online
	// 3.6: 6.00 → 3.00
}

// Shard a stream over several goroutines: the card is the same as a sequential run's, byte for byte.
func ExampleScorer_RunParallel() {
	cal, err := calendar.New(calendar.Options{FromYear: 2026, ToYear: 2026})
	if err != nil {
		panic(err)
	}
	in := scorecard.Inputs{Units: []model.Unit{
		{ID: "H44", Kind: model.NewUnitKind(model.UnitProvince)},
		{ID: "H44.01", Kind: model.NewUnitKind(model.UnitCommune), Parent: "H44"},
	}}
	s, err := scorecard.New(in, scorecard.Options{
		Period: model.Month(2026, time.August), AsOf: time.Date(2026, 9, 5, 0, 0, 0, 0, model.Vietnam()),
		Calendar: cal,
	})
	if err != nil {
		panic(err)
	}
	var ds []model.Dossier
	for i := range 2000 {
		ds = append(ds, exampleDossier("H44.01", i, i%7 == 0))
	}
	seq, err := s.Run(slices.Values(ds))
	if err != nil {
		panic(err)
	}
	par, err := s.RunParallel(slices.Values(ds), 4)
	if err != nil {
		panic(err)
	}
	a, _ := json.Marshal(seq)
	b, _ := json.Marshal(par)
	u, _ := par.Unit("H44")
	fmt.Println("identical:", bytes.Equal(a, b), "2.1:", u.Pooled.Metric(indicator.M21).Score.StringFixed(2))
	// Output:
	// identical: true 2.1: 17.14
}
