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

// ExampleCalculator_ClassifyRef shows the scorecard's way of driving the 1.4 path: one Keys for the pass,
// each dossier resolved once, ClassifyRef then Add (no string is hashed for a unit in the Keys).
func ExampleCalculator_ClassifyRef() {
	vn := model.Vietnam()
	day := func(d int) model.Time { return model.Some(time.Date(2026, time.August, d, 9, 0, 0, 0, vn)) }
	keys := indicator.NewKeys([]string{"H44.100", "H44.200"}, nil)
	calc, err := publication.New(publication.Options{
		Keys:   keys,
		Period: model.Month(2026, time.August),
		AsOf:   time.Date(2026, time.September, 1, 0, 0, 0, 0, vn),
		Policy: indicator.Portal().Policy, // working days: a calendar is required
		Calendar: func() *calendar.Calendar {
			cal, _ := calendar.New(calendar.Options{})
			return cal
		}(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	dossiers := []model.Dossier{
		{Code: "A", UnitID: "H44.100", ReceivedAt: day(3), Sync: model.SyncInfo{SentAt: day(3), ErrorCode: "0"}},
		{Code: "B", UnitID: "H44.200", ReceivedAt: day(4), Sync: model.SyncInfo{SentAt: day(4), ErrorCode: "-1"}},
		{Code: "C", UnitID: "H44.999", ReceivedAt: day(5)}, // unit not in the Keys; never sent
	}
	acc := calc.NewAccumulator()
	for i := range dossiers {
		d := &dossiers[i]
		r := keys.Ref(d.UnitID, d.ProcedureCode)
		v := calc.ClassifyRef(d, r)
		fmt.Println(d.Code, r.Unit, v.Reason)
		acc.Add(v)
	}
	res := acc.Result()
	for _, u := range res.UnitIDs() {
		fmt.Println(u, res.Units[u].Counts[indicator.M14])
	}
	// Output:
	// A 0 publication.synced
	// B 1 publication.sync_failed
	// C -1 publication.not_synced
	// H44.100 {1 1}
	// H44.200 {0 1}
	// H44.999 {0 1}
}
