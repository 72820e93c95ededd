package publication_test

import (
	"fmt"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/publication"
	"github.com/vn-dvc/chiso766/model"
)

func Example() {
	vn := model.Vietnam()
	day := func(m time.Month, d int) model.Time { return model.Some(time.Date(2026, m, d, 9, 0, 0, 0, vn)) }
	cal, err := calendar.New(calendar.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	calc, err := publication.New(publication.Options{
		Period:        model.Month(2026, time.August),
		AsOf:          time.Date(2026, time.September, 1, 0, 0, 0, 0, vn),
		Calendar:      cal,
		Policy:        indicator.Portal().Policy,
		SyncReportDen: map[string]int64{"H44": 3}, // the national reporting system's count
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	all := [7]bool{true, true, true, true, true, true, true}
	p := model.Procedure{Code: "1.000001", Publication: []model.Publication{{
		DecisionID: "QĐ 123", DecisionDate: day(time.August, 19), IssuerCode: "H44",
		Issuer:             model.NewUnitKind(model.UnitProvince),
		LegalEffectiveDate: day(time.August, 24), // 5 working days before: 18/8, so 19/8 is late
		PublishedAt:        day(time.August, 21), // within 5 working days (make-up Saturday 22/8 included)
		Components:         all,
	}}}
	acc := calc.NewAccumulator()
	v := calc.ClassifyProcedure(&p)
	for _, j := range v.Judgements {
		if j.Deadline.IsZero() {
			fmt.Println(j.Metric, j.UnitID, j.Reason)
		} else {
			fmt.Println(j.Metric, j.UnitID, j.Reason, "deadline", j.Deadline)
		}
	}
	acc.AddProcedure(v)
	d := model.Dossier{Code: "H44-260812-0001", UnitID: "H44", ReceivedAt: day(time.August, 12),
		Sync: model.SyncInfo{SentAt: day(time.August, 12), ErrorCode: "0"}}
	acc.Add(calc.Classify(&d))
	t := acc.Result().Units["H44"]
	fmt.Println("1.1", t.Count(indicator.M11), "1.2", t.Count(indicator.M12), "1.3", t.Count(indicator.M13), "1.4", t.Count(indicator.M14), "national", t.SyncReportDen)
	// Output:
	// 1.1 H44 publication.announced_late deadline 2026-08-18
	// 1.2 H44 publication.published_on_time deadline 2026-08-25
	// 1.3 H44 publication.complete
	// 1.1 {0 1} 1.2 {1 1} 1.3 {1 1} 1.4 {1 1} national 3
}
