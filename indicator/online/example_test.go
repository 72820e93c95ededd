package online_test

import (
	"fmt"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/online"
	"github.com/vn-dvc/chiso766/model"
)

func Example() {
	vn := model.Vietnam()
	published := model.NewPublishedState(model.StatePublished)
	calc, err := online.New(online.Options{
		Period:    model.Month(2026, time.August),
		AsOf:      time.Date(2026, time.September, 1, 0, 0, 0, 0, vn),
		Policy:    indicator.Portal().Policy.Online,
		Reception: indicator.Portal().Policy.Reception,
		Procedures: []model.Procedure{
			{Code: "1.000001", PaperResult: true},
			{Code: "1.000002"},
		},
		Offerings: []model.Offering{
			// Offered both partially and fully: counts once, at full.
			{UnitID: "H44.100", ProcedureCode: "1.000001", Level: model.NewOnlineLevel(model.OnlinePartial), State: published},
			{UnitID: "H44.100", ProcedureCode: "1.000001", Level: model.NewOnlineLevel(model.OnlineFull), State: published},
			{UnitID: "H44.100", ProcedureCode: "1.000002", Level: model.NewOnlineLevel(model.OnlineInfoOnly), State: published},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	recv := model.Some(time.Date(2026, time.August, 12, 9, 0, 0, 0, vn))
	web := model.NewChannel(model.ChannelOnline)
	dossiers := []model.Dossier{
		{Code: "H44.100-260812-0001", UnitID: "H44.100", ProcedureCode: "1.000001", ReceivedAt: recv, Channel: web,
			Results: []model.ResultDoc{{Code: "KQ01", URL: "https://example.invalid/kq.pdf"}}},
		{Code: "H44.100-260812-0002", UnitID: "H44.100", ProcedureCode: "1.000001", ReceivedAt: recv, Channel: web},
		{Code: "H44.100-260812-0003", UnitID: "H44.100", ProcedureCode: "1.000002", ReceivedAt: recv},
	}
	acc := calc.NewAccumulator()
	for i := range dossiers {
		acc.Add(&indicator.Case{Dossier: &dossiers[i]}, func(c *indicator.Case, v indicator.Verdict) {
			fmt.Println(c.Dossier.Code, v.Reason)
		})
	}
	t := acc.Result().Units["H44.100"]
	fmt.Println("3.1", t.Count(indicator.M31), "partial", t.PartialOnline, "full", t.FullOnline)
	fmt.Println("3.2", t.Count(indicator.M32), "3.3", t.Count(indicator.M33))
	// Output:
	// H44.100-260812-0001 online.online
	// H44.100-260812-0002 online.online_without_e_result
	// H44.100-260812-0003 online.not_online
	// 3.1 {1 2} partial 0 full 1
	// 3.2 {1 1} 3.3 {1 3}
}
