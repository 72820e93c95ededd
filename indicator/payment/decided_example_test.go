package payment_test

import (
	"fmt"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/payment"
	"github.com/vn-dvc/chiso766/model"
)

// A fee line whose amount is absent (Gia null: model.Fee.AmountUnknown) is an obligation of unknown size:
// the dossier stays in 3.6 and carries fee data for 3.5 (Policy.UnknownAmount = UnknownAmountOwed and
// Policy.FeeData = FeeDataAnyLine, the decided defaults). UnknownAmountZero reads the amount as 0.
func ExampleCalculator_Classify_unknownAmount() {
	vn := model.Vietnam()
	d := model.Dossier{Code: "H44.100-260812-0001", UnitID: "H44.100", ProcedureCode: "1.000001",
		ReceivedAt: model.Some(time.Date(2026, time.August, 12, 9, 0, 0, 0, vn)),
		Fees:       []model.Fee{{Code: "LP01", Amount: 0}, {Code: "LP02", AmountUnknown: true}}}
	for _, rule := range []indicator.UnknownAmountRule{indicator.UnknownAmountOwed, indicator.UnknownAmountZero} {
		pol := indicator.DefaultPaymentPolicy()
		pol.UnknownAmount = rule
		calc, err := payment.New(payment.Options{
			Period: model.Month(2026, time.August), AsOf: time.Date(2026, time.September, 1, 0, 0, 0, 0, vn),
			Policy: pol, Reception: indicator.DefaultReceptionPolicy(),
			Procedures: []model.Procedure{{Code: "1.000001", Fees: []model.ProcedureFee{{Amount: 50000, Known: true}}}},
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		v := calc.Classify(&d)
		fmt.Printf("%s: %s, counted %v, fee data %v\n", rule, v.Reason, v.Counted, v.FeeData)
	}
	// Output:
	// owed: payment.not_paid_online, counted true, fee data true
	// zero: payment.zero_fee_lines, counted false, fee data false
}

// The province's 3.4 under indicator.ParentCatalogue (the decided default of Aggregation.ParentProcedures):
// procedure 1.000009 is fee-bearing, no unit lists it as an offering, and four departments took a dossier
// of it paid online. The province counts it, paid; under ParentOffered it would not be counted at all.
func ExampleAccumulator_Report_parentCatalogue() {
	vn := model.Vietnam()
	calc, err := payment.New(payment.Options{
		Period: model.Month(2026, time.August), AsOf: time.Date(2026, time.September, 1, 0, 0, 0, 0, vn),
		Policy: indicator.DefaultPaymentPolicy(), Reception: indicator.DefaultReceptionPolicy(),
		Procedures: []model.Procedure{
			{Code: "1.000001", Fees: []model.ProcedureFee{{Amount: 50000, Known: true}}},
			{Code: "1.000009", Fees: []model.ProcedureFee{{Amount: 20000, Known: true}}},
		},
		Offerings: []model.Offering{{UnitID: "H44.01", ProcedureCode: "1.000001"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	acc := calc.NewAccumulator()
	for i, unit := range []string{"H44.01", "H44.02", "H44.03", "H44.04"} {
		d := model.Dossier{Code: fmt.Sprintf("%s-260812-%04d", unit, i), UnitID: unit, ProcedureCode: "1.000009",
			ReceivedAt: model.Some(time.Date(2026, time.August, 12, 9, 0, 0, 0, vn)),
			Fees:       []model.Fee{{Amount: 20000}}, OnlinePayment: model.NewOnlinePayment(model.PaymentPortal)}
		acc.Add(&indicator.Case{Dossier: &d}, nil)
	}
	tree := []string{"H44", "H44.01", "H44.02", "H44.03", "H44.04"}
	for _, rule := range []indicator.ParentProcedureRule{indicator.ParentCatalogue, indicator.ParentOffered} {
		agg := indicator.DefaultAggregation()
		agg.ParentProcedures = rule
		rep := acc.Report(&indicator.Scope{Aggregation: agg, Parents: []string{"H44"},
			Subtree: func(u string) []string {
				if u == "H44" {
					return tree
				}
				return []string{u}
			}})
		fmt.Printf("%s: province 3.4 %v\n", rule, rep.Units["H44"].Counts[indicator.M34])
	}
	// Output:
	// catalogue: province 3.4 {1 2}
	// offered: province 3.4 {0 1}
}
