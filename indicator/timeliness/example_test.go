package timeliness_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/timeliness"
	"github.com/vn-dvc/chiso766/model"
)

func vn(y int, m time.Month, d, h, min int) model.Time {
	return model.Some(time.Date(y, m, d, h, min, 0, 0, model.Vietnam()))
}

// Example judges three dossiers of August 2026 and prints unit H44.03's 2.1 counts, its 2.2 average and
// the ledger.
func Example() {
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	if err != nil {
		panic(err)
	}
	calc, err := timeliness.New(timeliness.Options{
		Period:    model.Month(2026, time.August),
		AsOf:      time.Date(2026, 9, 5, 10, 0, 0, 0, model.Vietnam()),
		Calendar:  cal,
		Policy:    indicator.Portal().Policy.Timeliness,
		Reception: indicator.Portal().Policy.Reception,
		Procedures: map[string]model.Procedure{"1.000001": {Code: "1.000001", Durations: []model.ProcedureDuration{
			{Amount: decimal.NewFromInt(5), Unit: model.NewDurationUnit(model.DurationWorkingDays)}}}},
	})
	if err != nil {
		panic(err)
	}
	done := model.NewStatus(model.StatusFinished)
	dossiers := []model.Dossier{
		// Appointment 10/8, finished 7/8: early.
		{Code: "H44.03-260803-0001", UnitID: "H44.03", Status: done, ReceivedAt: vn(2026, 8, 3, 9, 0),
			DueAt: vn(2026, 8, 10, 17, 0), ProcessingEndedAt: vn(2026, 8, 7, 10, 0)},
		// No appointment: 5 working days from Monday 3/8 → due Monday 10/8; finished 11/8: late.
		{Code: "H44.03-260803-0002", UnitID: "H44.03", ProcedureCode: "1.000001", Status: done,
			ReceivedAt: vn(2026, 8, 3, 9, 0), ProcessingEndedAt: vn(2026, 8, 11, 9, 0)},
		// Not yet received (status 1): excluded.
		{Code: "H44.03-260803-0003", UnitID: "H44.03", Status: model.NewStatus(model.StatusRegistered),
			SubmittedAt: vn(2026, 8, 3, 9, 0)},
	}
	for i := range dossiers {
		v := calc.Classify(&dossiers[i])
		fmt.Printf("%s %s due %v\n", v.Code, v.Reason, v.Due)
	}
	res := calc.Run(slices.Values(dossiers))
	t := res.Units["H44.03"]
	avg, _ := timeliness.AverageDays(t, 2)
	fmt.Printf("2.1 = %d/%d, overdue %d, completed %d, 2.2 = %s days\n",
		t.Counts[indicator.M21].Num, t.Counts[indicator.M21].Den, t.Overdue, t.Completed, avg)
	fmt.Printf("read %d = counted %d + excluded %d\n", res.Ledger.Read, res.Ledger.Counted, res.Ledger.Excluded)
	// Output:
	// H44.03-260803-0001 timeliness.early due 2026-08-10
	// H44.03-260803-0002 timeliness.late due 2026-08-10
	// H44.03-260803-0003 reception.not_received due 0001-01-01
	// 2.1 = 1/2, overdue 1, completed 2, 2.2 = 6.02 days
	// read 3 = counted 2 + excluded 1
}

// ExampleAccumulator_Merge shards a stream over two accumulators and merges them: the result equals one
// pass. The judgement instant is the period's last instant (31/8 24:00): the dossiers due at 17:00 on 1/9
// and 2/9 are within their deadline, the one due at 17:00 on 31/8 is overdue (instants).
func ExampleAccumulator_Merge() {
	cal, _ := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	calc, _ := timeliness.New(timeliness.Options{
		Period: model.Month(2026, time.August), AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, model.Vietnam()),
		Calendar: cal, Policy: indicator.Portal().Policy.Timeliness, Reception: indicator.Portal().Policy.Reception,
	})
	open := model.NewStatus(model.StatusProcessing)
	a, b := calc.NewAccumulator(), calc.NewAccumulator()
	for day := 3; day <= 28; day++ {
		d := model.Dossier{UnitID: "H44.07", Status: open, ReceivedAt: vn(2026, 8, day, 9, 0), DueAt: vn(2026, 8, day+5, 17, 0)}
		if day%2 == 0 {
			a.Add(&indicator.Case{Dossier: &d}, nil)
		} else {
			b.Add(&indicator.Case{Dossier: &d}, nil)
		}
	}
	if err := a.Merge(b); err != nil {
		panic(err)
	}
	res := a.Result()
	c := res.Units["H44.07"].Counts[indicator.M21]
	fmt.Printf("open within deadline at the period end: %d of %d\n", c.Num, c.Den)
	for _, e := range res.Ledger.Entries() {
		fmt.Println(e.Reason, e.Counted)
	}
	// Output:
	// open within deadline at the period end: 2 of 26
	// timeliness.open_overdue 24
	// timeliness.open_within_deadline 2
}

// ExampleAccumulator_Add tallies dossiers as a scorecard pass does: one indicator.Keys of the province's
// units and procedure codes shared by the calculators, each dossier's Ref resolved once, and Add, which
// leaves 2.1's outcome in the Case for 5.3.
func ExampleAccumulator_Add() {
	cal, _ := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	keys := indicator.NewKeys([]string{"H44.03", "H44.07"}, []string{"1.000001"})
	calc, _ := timeliness.New(timeliness.Options{
		Keys:   keys,
		Period: model.Month(2026, time.August), AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, model.Vietnam()),
		Calendar: cal, Policy: indicator.Portal().Policy.Timeliness, Reception: indicator.Portal().Policy.Reception,
	})
	done := model.NewStatus(model.StatusFinished)
	a := calc.NewAccumulator()
	for day := 3; day <= 7; day++ {
		d := model.Dossier{UnitID: "H44.03", ProcedureCode: "1.000001", Status: done,
			ReceivedAt: vn(2026, 8, day, 9, 0), DueAt: vn(2026, 8, day+3, 17, 0), ProcessingEndedAt: vn(2026, 8, 9, 10, 0)}
		cs := indicator.Case{Dossier: &d, Ref: keys.Ref(d.UnitID, d.ProcedureCode)}
		a.Add(&cs, nil)
		fmt.Println(day, cs.Timing)
	}
	c := a.Result().Units["H44.03"].Counts[indicator.M21]
	fmt.Printf("2.1 = %d/%d\n", c.Num, c.Den)
	// Output:
	// 3 late
	// 4 late
	// 5 late
	// 6 on-time
	// 7 on-time
	// 2.1 = 2/5
}

// Example_appointments judges the dossier of issue 13 — received 05/01/2026 16:55:59, appointment
// (NgayHenTra) 2026-02-03 00:00, finished 2026-02-03 09:58 — under the two readings of an appointment:
// an instant (the default: 00:00 is 24:00 of 2/2, so the dossier is late) and, for systems that store
// date-only appointments, Policy.Appointments = indicator.AppointmentDateOnly (00:00 stands for the whole
// of 3/2, so it is on time).
func Example_appointments() {
	cal, _ := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	vn := model.Vietnam()
	d := model.Dossier{UnitID: "H44.07", Status: model.NewStatus(model.StatusFinished),
		ReceivedAt:        model.Some(time.Date(2026, 1, 5, 16, 55, 59, 0, vn)),
		DueAt:             model.Some(time.Date(2026, 2, 3, 0, 0, 0, 0, vn)),
		ProcessingEndedAt: model.Some(time.Date(2026, 2, 3, 9, 58, 0, 0, vn))}
	for _, rule := range []indicator.AppointmentRule{indicator.AppointmentInstant, indicator.AppointmentDateOnly} {
		pol := indicator.Portal().Policy.Timeliness
		pol.Appointments = rule
		calc, err := timeliness.New(timeliness.Options{
			Period: model.Month(2026, time.February), AsOf: time.Date(2026, 3, 1, 0, 0, 0, 0, vn),
			Calendar: cal, Policy: pol, Reception: indicator.Portal().Policy.Reception,
		})
		if err != nil {
			panic(err)
		}
		v := calc.Classify(&d)
		fmt.Printf("%s: due day %s, due at %s → %s\n", rule, v.Due, v.DueAt.Format("2006-01-02 15:04"), v.Reason)
	}
	// Output:
	// instant: due day 2026-02-02, due at 2026-02-03 00:00 → timeliness.late
	// date-only at 00:00: due day 2026-02-03, due at 2026-02-04 00:00 → timeliness.on_time
}
