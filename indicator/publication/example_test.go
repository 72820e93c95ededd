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
	all := [7]bool{true, true, true, true, true, true, true}
	p := model.Procedure{Code: "1.000001", Publication: []model.Publication{{
		DecisionID: "QĐ 123", DecisionDate: day(time.August, 19), IssuerCode: "H44",
		Issuer:             model.NewUnitKind(model.UnitProvince),
		LegalEffectiveDate: day(time.August, 24), // 5 working days before: 18/8, so 19/8 is late
		PublishedAt:        day(time.August, 21), // within 5 working days (make-up Saturday 22/8 included)
		Components:         all,
	}}}
	calc, err := publication.New(publication.Options{
		Period:        model.Month(2026, time.August),
		AsOf:          time.Date(2026, time.September, 1, 0, 0, 0, 0, vn),
		Calendar:      cal,
		Policy:        indicator.Portal().Policy.Publication,
		Reception:     indicator.Portal().Policy.Reception,
		Procedures:    []model.Procedure{p},
		SyncReportDen: map[string]int64{"H44": 3}, // the national reporting system's count
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	acc := calc.NewAccumulator()
	v := calc.ClassifyProcedure(&p)
	for _, j := range v.Judgements {
		if j.Deadline.IsZero() {
			fmt.Println(j.Metric, j.UnitID, j.Reason)
		} else {
			fmt.Println(j.Metric, j.UnitID, j.Reason, "deadline", j.Deadline)
		}
	}
	d := model.Dossier{Code: "H44-260812-0001", UnitID: "H44", ReceivedAt: day(time.August, 12),
		Sync: model.SyncInfo{SentAt: day(time.August, 12), ErrorCode: "0"}}
	acc.Add(&indicator.Case{Dossier: &d}, nil)
	t := acc.Result().Units["H44"]
	fmt.Println("1.1", t.Count(indicator.M11), "1.2", t.Count(indicator.M12), "1.3", t.Count(indicator.M13), "1.4", t.Count(indicator.M14), "national", t.SyncReportDen)
	// Output:
	// 1.1 H44 publication.announced_late deadline 2026-08-18
	// 1.2 H44 publication.published_on_time deadline 2026-08-25
	// 1.3 H44 publication.complete
	// 1.1 {0 1} 1.2 {1 1} 1.3 {1 1} 1.4 {1 1} national 3
}

// ExampleAccumulator_Report shows a scorecard's way of driving the calculator: one Keys for the pass, each
// dossier resolved once into a Case, Add without a note (the tally pass), then Report with a Scope whose
// Note receives the catalogue's judgements.
func ExampleAccumulator_Report() {
	vn := model.Vietnam()
	day := func(d int) model.Time { return model.Some(time.Date(2026, time.August, d, 9, 0, 0, 0, vn)) }
	keys := indicator.NewKeys([]string{"H44", "H44.100", "H44.200"}, nil)
	cal, err := calendar.New(calendar.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	pol := indicator.DefaultRecordPolicy()
	calc, err := publication.New(publication.Options{
		Keys:   keys,
		Period: model.Month(2026, time.August), AsOf: time.Date(2026, time.September, 1, 0, 0, 0, 0, vn),
		Calendar: cal, Policy: pol.Publication, Reception: pol.Reception,
		Procedures: []model.Procedure{{Code: "1.000002", Publication: []model.Publication{{
			DecisionID: "QĐ 7", DecisionDate: day(3), IssuerCode: "H44", Issuer: model.NewUnitKind(model.UnitProvince),
			LegalEffectiveDate: day(24), // PublishedAt absent: still unpublished, due
		}}}},
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
		acc.Add(&indicator.Case{Dossier: d, Ref: keys.Ref(d.UnitID, d.ProcedureCode)}, nil)
	}
	rep := acc.Report(&indicator.Scope{Note: func(kind indicator.RecordKind, unit, code string, v indicator.Verdict) {
		fmt.Println(kind, unit, code, v.Metric, v.InDenominator, v.InNumerator, v.Reason)
	}})
	for _, u := range []string{"H44", "H44.100", "H44.200", "H44.999"} {
		t := rep.Units[u]
		fmt.Println(u, t.Count(indicator.M11), t.Count(indicator.M12), t.Count(indicator.M14))
	}
	for _, l := range rep.Ledgers {
		fmt.Println(l.Calculator, l.Records.Read, l.Records.Counted)
	}
	// Output:
	// procedure H44 1.000002 1.1 true true publication.announced_on_time
	// procedure H44 1.000002 1.2 true false publication.unpublished
	// procedure H44 1.000002 1.3 false false publication.not_published
	// H44 {1 1} {0 1} {0 0}
	// H44.100 {0 0} {0 0} {1 1}
	// H44.200 {0 0} {0 0} {0 1}
	// H44.999 {0 0} {0 0} {0 1}
	// publication 3 3
	// publication.1.1 1 1
	// publication.1.2 1 1
	// publication.1.3 1 0
}
