package ruletest_test

import (
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/timeliness"
	"github.com/vn-dvc/chiso766/model"
)

const unit = "H99.01"

// procedures is the rule owner's small catalogue: the legal processing times the calculator uses for dossiers
// without an appointment time (NgayHenTra).
func procedures() map[string]model.Procedure {
	mk := func(code string, days int64) model.Procedure {
		return model.Procedure{Code: code, Name: "Thủ tục " + code, Durations: []model.ProcedureDuration{{
			Channel: model.NewChannel(model.ChannelDirect), Amount: decimal.NewFromInt(days),
			Unit: model.NewDurationUnit(model.DurationWorkingDays)}}}
	}
	return map[string]model.Procedure{"1.000005": mk("1.000005", 5), "1.000010": mk("1.000010", 10)}
}

// calculator returns a 2.1 calculator for the year 2026 under the portal edition's record policies, judged as of
// 1/1/2027; modify changes the options (a policy under test).
func calculator(t *testing.T, modify func(*timeliness.Options)) *timeliness.Calculator {
	t.Helper()
	o := timeliness.Options{
		Period:     model.Year(2026),
		AsOf:       at(t, "2027-01-01 00:00"),
		Calendar:   mustCal(t),
		Policy:     indicator.Portal().Policy.Timeliness,
		Reception:  indicator.Portal().Policy.Reception,
		Procedures: procedures(),
	}
	if modify != nil {
		modify(&o)
	}
	c, err := timeliness.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type supplement struct{ requested, resubmitted string }

// dossier builds a finished dossier (status 9) of unit H99.01. due is the appointment NgayHenTra ("" for none,
// then the catalogue's duration applies).
func dossier(t *testing.T, code, proc, received, due, end string, supps ...supplement) model.Dossier {
	t.Helper()
	d := model.Dossier{
		Code: code, UnitID: unit, ProcedureCode: proc,
		Channel:           model.NewChannel(model.ChannelDirect),
		Status:            model.NewStatus(model.StatusFinished),
		SubmittedAt:       model.Some(at(t, received)),
		ReceivedAt:        model.Some(at(t, received)),
		ProcessingEndedAt: model.Some(at(t, end)),
	}
	if due != "" {
		d.DueAt = model.Some(at(t, due))
	}
	for _, s := range supps {
		d.Supplements = append(d.Supplements, model.Supplement{
			Kind:          model.NewSupplementKind(model.SupplementDocuments),
			RequestedAt:   model.Some(at(t, s.requested)),
			ResubmittedAt: model.Some(at(t, s.resubmitted)),
			DueBefore:     d.DueAt,
		})
	}
	return d
}

func checkVerdict(t *testing.T, v timeliness.Verdict, reason indicator.Reason, inNumerator bool) {
	t.Helper()
	if v.Reason != reason || !v.Counted || v.InNumerator != inNumerator {
		t.Errorf("%s: reason %s, counted %v, in numerator %v (due %s, end %s); want %s, counted, in numerator %v",
			v.Code, v.Reason, v.Counted, v.InNumerator, v.Due, v.End.Format(time.DateTime), reason, inNumerator)
	}
}

// TestTwoSupplementRequestsMakeADossierLate pins the formula document's rule for indicator 2.1 ("Mô tả công
// thức tính chỉ số 766", docs/rules.md, 2.1; TimelinessPolicy.Supplements = SupplementSubtract,
// MaxSupplements = 1, the portal edition's default): more than one supplement request makes the dossier late,
// whatever the times. The dossier — received Monday 3/8/2026 09:00, appointment Monday 17/8, finished Wednesday
// 12/8 — is early with no or one supplement request, late with two. The law itself (Decree 61/2018 art.
// 19(4)) only restarts the clock, so under SupplementRestart, or with the limit raised, the same dossier is
// early again: a rule owner who prefers the decree changes the policy, and this test shows what moves.
func TestTwoSupplementRequestsMakeADossierLate(t *testing.T) {
	const received, due, end = "2026-08-03 09:00", "2026-08-17 17:00", "2026-08-12 10:00"
	one := []supplement{{"2026-08-04 10:00", "2026-08-05 10:00"}}
	two := []supplement{{"2026-08-04 10:00", "2026-08-05 10:00"}, {"2026-08-06 10:00", "2026-08-07 10:00"}}
	tests := []struct {
		name   string
		modify func(*timeliness.Options)
		supps  []supplement
		reason indicator.Reason
		inNum  bool
	}{
		{"no supplement: early", nil, nil, timeliness.ReasonEarly, true},
		{"one supplement request: early", nil, one, timeliness.ReasonEarly, true},
		{"two supplement requests: late (formula document)", nil, two, timeliness.ReasonLateRepeatedSupplement, false},
		{"two requests, supplements restart the clock (Decree 61/2018): early",
			func(o *timeliness.Options) { o.Policy.Supplements = indicator.SupplementRestart }, two, timeliness.ReasonEarly, true},
		{"two requests, limit raised to 2: early",
			func(o *timeliness.Options) { o.Policy.MaxSupplements = 2 }, two, timeliness.ReasonEarly, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := dossier(t, "H99.01-260803-0001", "1.000010", received, due, end, tt.supps...)
			checkVerdict(t, calculator(t, tt.modify).Classify(&d), tt.reason, tt.inNum)
		})
	}

	// What it costs: of these three dossiers one is late, so 2.1 = 2/3 of 20 points = 13.33.
	c := calculator(t, nil)
	res := c.Run(slices.Values([]model.Dossier{
		dossier(t, "H99.01-260803-0001", "1.000010", received, due, end),
		dossier(t, "H99.01-260803-0002", "1.000010", received, due, end, one...),
		dossier(t, "H99.01-260803-0003", "1.000010", received, due, end, two...),
	}))
	tally := res.Units[unit]
	if got := tally.Count(indicator.M21); got != (indicator.Count{Num: 2, Den: 3}) {
		t.Fatalf("2.1 counts %+v, want 2/3", got)
	}
	score, err := indicator.Portal().Score(tally)
	if err != nil {
		t.Fatal(err)
	}
	if got := score.Metric(indicator.M21).Score; !got.Equal(decimal.RequireFromString("13.33")) {
		t.Errorf("2.1 score %s, want 13.33", got)
	}
}

// TestCutoffPolicyDecidesWhetherAFinishOnThursday7MayIsOnTime pins P1 (docs/calendar.md; Decree 61/2018 art.
// 18(2)–(3)) where it changes a score. A dossier without appointment time, received Friday 24/4/2026 16:30,
// 5 working days, finished Thursday 7/5: under the default 15:00 cut-off it is due 7/5 and on time; with no
// cut-off it is due 6/5 and late. When the appointment is written on the dossier (NgayHenTra), the appointment
// decides and the cut-off policy no longer matters.
func TestCutoffPolicyDecidesWhetherAFinishOnThursday7MayIsOnTime(t *testing.T) {
	noCutoff := func(o *timeliness.Options) { o.Policy.Deadline.CutoffScope = calendar.CutoffNone }
	withoutAppointment := dossier(t, "H99.01-260424-0001", "1.000005", "2026-04-24 16:30", "", "2026-05-07 16:00")
	withAppointment := dossier(t, "H99.01-260424-0002", "1.000005", "2026-04-24 16:30", "2026-05-07 17:00", "2026-05-07 16:00")
	tests := []struct {
		name   string
		modify func(*timeliness.Options)
		d      model.Dossier
		reason indicator.Reason
		num    bool
		due    string
	}{
		{"default cut-off 15:00: due 7/5, on time", nil, withoutAppointment, timeliness.ReasonOnTime, true, "2026-05-07"},
		{"no cut-off: due 6/5, late", noCutoff, withoutAppointment, timeliness.ReasonLate, false, "2026-05-06"},
		{"appointment 7/5 on the dossier, no cut-off: on time", noCutoff, withAppointment, timeliness.ReasonOnTime, true, "2026-05-07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := calculator(t, tt.modify).Classify(&tt.d)
			checkVerdict(t, v, tt.reason, tt.num)
			if v.Due != date(t, tt.due) {
				t.Errorf("judged against %s, want %s", v.Due, tt.due)
			}
		})
	}
}

// TestSupplementRuleRestartVersusSubtract pins how one supplement request moves the due date for 2.1
// (TimelinessPolicy.Supplements; docs/calendar.md, P10). Dossier received Monday 3/8/2026 09:00, 10 working days,
// appointment Monday 17/8; supplement requested Wednesday 5/8 10:00, re-submitted Monday 10/8 09:00; finished
// Friday 21/8.
//   - SupplementSubtract (default, formula document): the applicant's 3 working days (6/8, 7/8, 10/8) are not
//     counted → due Thursday 20/8 → late.
//   - SupplementRestart (Decree 61/2018 art. 19(4)): 10 working days again from 10/8 → due Saturday 22/8 (the
//     make-up working day) → early.
//   - SupplementPause: as Subtract without the request limit → late.
func TestSupplementRuleRestartVersusSubtract(t *testing.T) {
	d := dossier(t, "H99.01-260803-0004", "1.000010", "2026-08-03 09:00", "2026-08-17 17:00", "2026-08-21 10:00",
		supplement{"2026-08-05 10:00", "2026-08-10 09:00"})
	rule := func(r indicator.SupplementRule) func(*timeliness.Options) {
		return func(o *timeliness.Options) { o.Policy.Supplements = r }
	}
	tests := []struct {
		name   string
		modify func(*timeliness.Options)
		reason indicator.Reason
		num    bool
		due    string
	}{
		{"subtract (default): due 20/8, late", nil, timeliness.ReasonLate, false, "2026-08-20"},
		{"restart: due Saturday 22/8, early", rule(indicator.SupplementRestart), timeliness.ReasonEarly, true, "2026-08-22"},
		{"pause: due 20/8, late", rule(indicator.SupplementPause), timeliness.ReasonLate, false, "2026-08-20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := calculator(t, tt.modify).Classify(&d)
			checkVerdict(t, v, tt.reason, tt.num)
			if v.Due != date(t, tt.due) {
				t.Errorf("judged against %s, want %s", v.Due, tt.due)
			}
		})
	}
}
