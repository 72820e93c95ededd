package satisfaction_test

import (
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/satisfaction"
	"github.com/vn-dvc/chiso766/indicator/timeliness"
	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// TestResolvedLateFollows21 runs 2.1 then 5.3 on the same Case, as the scorecard's pass does: 5.3's
// "resolved late" is 2.1's verdict under the instant rule (issue 13, decision 1) — an appointment at 00:00
// of 11/8 is 24:00 of 10/8, so an end at 09:58 on 11/8 is late for both (on time for both under
// AppointmentDateOnly) — and a dossier 2.1 leaves out for a placeholder date (decision 7) is outside 5.3.
func TestResolvedLateFollows21(t *testing.T) {
	vn := model.Vietnam()
	cal := testkit.Calendar(t, 2025, 2027)
	period, asOf := model.Month(2026, time.August), time.Date(2026, 9, 10, 0, 0, 0, 0, vn)
	dossier := func(code string, recv time.Time) model.Dossier {
		return model.Dossier{Code: code, UnitID: "U1", Status: model.NewStatus(model.StatusFinished),
			ReceivedAt:        model.Some(recv),
			DueAt:             model.Some(time.Date(2026, 8, 11, 0, 0, 0, 0, vn)),
			ProcessingEndedAt: model.Some(time.Date(2026, 8, 11, 9, 58, 0, 0, vn))}
	}
	ds := []model.Dossier{
		dossier("U1-A", time.Date(2026, 8, 3, 9, 0, 0, 0, vn)),
		dossier("U1-PLACEHOLDER", time.Date(1, 1, 1, 0, 0, 0, 0, vn)),
	}
	for _, tt := range []struct {
		rule                indicator.AppointmentRule
		timing              indicator.Timing
		reason              indicator.Reason
		num53, den53, num21 int64
	}{
		{indicator.AppointmentInstant, indicator.Late, satisfaction.ReasonDossierLate, 0, 1, 0},
		{indicator.AppointmentDateOnly, indicator.OnTime, satisfaction.ReasonDossierSatisfied, 1, 1, 1},
	} {
		pol := indicator.Portal().Policy
		pol.Timeliness.Appointments = tt.rule
		tc, err := timeliness.New(timeliness.Options{Period: period, AsOf: asOf, Calendar: cal,
			Policy: pol.Timeliness, Reception: pol.Reception})
		if err != nil {
			t.Fatal(err)
		}
		sc, err := satisfaction.New(satisfaction.Options{Period: period, AsOf: asOf, Calendar: cal, Policy: pol.Satisfaction})
		if err != nil {
			t.Fatal(err)
		}
		ta, sa := tc.NewAccumulator(), sc.NewAccumulator()
		var reasons []indicator.Reason
		for i := range ds {
			cs := indicator.Case{Dossier: &ds[i]}
			ta.Add(&cs, nil)
			sa.Add(&cs, func(_ *indicator.Case, v indicator.Verdict) { reasons = append(reasons, v.Reason) })
			if i == 0 && cs.Timing != tt.timing {
				t.Errorf("%v: timing %v, want %v", tt.rule, cs.Timing, tt.timing)
			}
			if i == 1 && cs.Timing != indicator.NotTimed {
				t.Errorf("%v: placeholder reception: timing %v, want not timed", tt.rule, cs.Timing)
			}
		}
		got53 := sa.Report(nil).Units["U1"].Counts[indicator.M53]
		got21 := ta.Report(nil).Units["U1"].Counts[indicator.M21]
		if got53 != (indicator.Count{Num: tt.num53, Den: tt.den53}) || got21 != (indicator.Count{Num: tt.num21, Den: 1}) {
			t.Errorf("%v: 5.3 %+v, 2.1 %+v; want 5.3 %d/%d, 2.1 %d/1", tt.rule, got53, got21, tt.num53, tt.den53, tt.num21)
		}
		if len(reasons) != 2 || reasons[0] != tt.reason || reasons[1] != satisfaction.ReasonDossierNotProcessed {
			t.Errorf("%v: 5.3 reasons %v, want [%s %s]", tt.rule, reasons, tt.reason, satisfaction.ReasonDossierNotProcessed)
		}
	}
}
