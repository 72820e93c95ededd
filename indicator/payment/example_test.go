package payment_test

import (
	"fmt"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/payment"
	"github.com/vn-dvc/chiso766/model"
)

func Example() {
	vn := model.Vietnam()
	ed := indicator.Portal()
	calc, err := payment.New(payment.Options{
		Period:    model.Month(2026, time.August),
		AsOf:      time.Date(2026, time.September, 1, 0, 0, 0, 0, vn),
		Policy:    ed.Policy.Payment,
		Reception: ed.Policy.Reception,
		Procedures: []model.Procedure{
			{Code: "1.000001", Fees: []model.ProcedureFee{{Amount: 50000, Known: true}}},
			{Code: "1.000002", Fees: []model.ProcedureFee{{Amount: 30000, Known: true}}},
		},
		Offerings: []model.Offering{
			{UnitID: "H44.100", ProcedureCode: "1.000001"},
			{UnitID: "H44.100", ProcedureCode: "1.000002"},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	recv := model.Some(time.Date(2026, time.August, 12, 9, 0, 0, 0, vn))
	dossiers := []model.Dossier{
		{Code: "H44.100-260812-0001", UnitID: "H44.100", ProcedureCode: "1.000001", ReceivedAt: recv,
			OnlinePayment: model.NewOnlinePayment(model.PaymentPortal), Fees: []model.Fee{{Amount: 50000}}},
		{Code: "H44.100-260812-0002", UnitID: "H44.100", ProcedureCode: "1.000001", ReceivedAt: recv,
			Fees: []model.Fee{{Amount: 50000}}},
		{Code: "H44.100-260812-0003", UnitID: "H44.100", ProcedureCode: "1.000002", ReceivedAt: recv,
			Fees: []model.Fee{{Amount: 0}}}, // every fee line 0: excluded from 3.6
	}
	acc := calc.NewAccumulator()
	for i := range dossiers {
		acc.Add(&indicator.Case{Dossier: &dossiers[i]}, func(c *indicator.Case, v indicator.Verdict) {
			fmt.Println(c.Dossier.Code, v.Reason)
		})
	}
	r := acc.Result()
	t := r.Units["H44.100"]
	fmt.Println("3.4", t.Count(indicator.M34), "3.5", t.Count(indicator.M35), "3.6", t.Count(indicator.M36))
	score, _ := ed.Score(t)
	fmt.Println("group 3b score:", score.Group(indicator.G3b).Score)
	fmt.Println("ledger:", r.Ledger.Read, "read,", r.Ledger.Counted, "counted,", r.Ledger.Excluded, "excluded")
	// Output:
	// H44.100-260812-0001 payment.paid_online
	// H44.100-260812-0002 payment.not_paid_online
	// H44.100-260812-0003 payment.zero_fee_lines
	// 3.4 {1 2} 3.5 {1 2} 3.6 {1 2}
	// group 3b score: 5.5
	// ledger: 3 read, 2 counted, 1 excluded
}
