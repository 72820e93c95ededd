package timeliness

import (
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// want is the expected judgement of one dossier.
type want struct {
	reason   indicator.Reason
	counted  bool
	num      bool
	finished bool
	resolved bool   // in 2.2 though excluded from 2.1 (a counted finished dossier is always resolved)
	due      string // "2006-01-02", checked when set
	end      string // "2006-01-02 15:04", checked when set
	supps    int
}

// Status shorthands.
const (
	sReg  = model.StatusRegistered
	sRecv = model.StatusReceived
	sNA   = model.StatusNotAccepted
	sProc = model.StatusProcessing
	sSupp = model.StatusSupplement
	sWd   = model.StatusWithdrawn
	sStop = model.StatusStopped
	sDone = model.StatusFinished
	sRet  = model.StatusReturned
)

func check(t *testing.T, v Verdict, w want) {
	t.Helper()
	if v.Reason != w.reason || v.Counted != w.counted || v.InNumerator != w.num || v.Finished != w.finished {
		t.Errorf("got reason=%s counted=%v num=%v finished=%v (class %v, due %v, end %v); want reason=%s counted=%v num=%v finished=%v",
			v.Reason, v.Counted, v.InNumerator, v.Finished, v.Class, v.Due, v.End, w.reason, w.counted, w.num, w.finished)
	}
	if w.due != "" && v.Due.String() != w.due {
		t.Errorf("due = %v, want %s", v.Due, w.due)
	}
	if w.end != "" && !v.End.Equal(at(w.end)) {
		t.Errorf("end = %v, want %s", v.End, w.end)
	}
	if v.Supplements != w.supps {
		t.Errorf("supplements = %d, want %d", v.Supplements, w.supps)
	}
	if wantResolved := w.resolved || (w.counted && w.finished); v.Resolved != wantResolved {
		t.Errorf("resolved (in 2.2) = %v, want %v", v.Resolved, wantResolved)
	}
	if v.Resolved && v.ProcessingSeconds != int64(v.End.Sub(v.Received)/time.Second) {
		t.Errorf("processing seconds %d inconsistent", v.ProcessingSeconds)
	}
	if !v.Resolved && v.ProcessingSeconds != 0 {
		t.Errorf("processing seconds %d without 2.2", v.ProcessingSeconds)
	}
	if !v.Counted && (v.InNumerator || v.Finished) {
		t.Errorf("excluded verdict in numerator or finished: %+v", v)
	}
}

// TestRules has one case (or more) per rule sentence of docs/rules.md, 2.1 and the edge cases of the
// brief, under the portal edition's default policies, period 2026-08, as of 2026-09-05 10:00.
func TestRules(t *testing.T) {
	c := mustNew(t, baseOptions())
	early := want{reason: ReasonEarly, counted: true, num: true, finished: true}
	late := want{reason: ReasonLate, counted: true, finished: true}
	tests := []struct {
		name string
		rec  rec
		want want
	}{
		// 2.1 denominator and numerator.
		{"finished before the appointment day is early (numerator)",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-07 10:00"}, early},
		{"finished on the appointment day is on time (numerator)",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-10 16:00"},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-10", end: "2026-08-10 16:00"}},
		{"end <= due as instants: 23:00 on the due day is after a 17:00 appointment, late (decided, issue 13)",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-10 23:00"}, late},
		{"finished after the appointment day is late (denominator only)",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-11 08:00"}, late},
		{"received before the period and finished in it is counted (late)",
			rec{status: sRet, recv: "2026-07-20 09:00", due: "2026-07-31 17:00", end: "2026-08-04 10:00"}, late},
		{"received before the period and finished in it is counted (early)",
			rec{status: sRet, recv: "2026-07-20 09:00", due: "2026-08-05 17:00", end: "2026-08-04 10:00"}, early},
		{"finished before the period is outside it",
			rec{status: sDone, recv: "2026-07-01 09:00", due: "2026-07-10 17:00", end: "2026-07-15 10:00"},
			want{reason: ReasonExcludedOutsidePeriod}},
		{"received after the period is outside it",
			rec{status: sRecv, recv: "2026-09-01 09:00", due: "2026-09-10 17:00"},
			want{reason: ReasonExcludedOutsidePeriod}},
		{"open dossier judged at the period end: within deadline (numerator)",
			rec{status: sProc, recv: "2026-08-25 09:00", due: "2026-09-04 17:00"},
			want{reason: ReasonOpenWithinDeadline, counted: true, num: true, due: "2026-09-04"}},
		{"open dossier judged at the period end: due at 17:00 on the last day is overdue (instants)",
			rec{status: sProc, recv: "2026-08-25 09:00", due: "2026-08-31 17:00"},
			want{reason: ReasonOpenOverdue, counted: true}},
		{"open dossier judged at the period end: due at 00:00 after the last day (24:00) is still within",
			rec{status: sProc, recv: "2026-08-25 09:00", due: "2026-09-01 00:00"},
			want{reason: ReasonOpenWithinDeadline, counted: true, num: true, due: "2026-08-31"}},
		{"open dossier judged at the period end: overdue",
			rec{status: sProc, recv: "2026-08-10 09:00", due: "2026-08-20 17:00"},
			want{reason: ReasonOpenOverdue, counted: true}},
		{"finished after the period: open at the period end",
			rec{status: sDone, recv: "2026-08-20 09:00", due: "2026-08-27 17:00", end: "2026-09-02 10:00"},
			want{reason: ReasonOpenOverdue, counted: true}},
		{"received long before the period and still open is counted",
			rec{status: sProc, recv: "2026-06-01 09:00", due: "2026-06-20 17:00"},
			want{reason: ReasonOpenOverdue, counted: true}},

		// Reception.
		{"status 1 (not yet received) is excluded",
			rec{status: sReg, sub: "2026-08-03 09:00"}, want{reason: ReasonExcludedNotReceived}},
		{"received = submission time when there is no reception time [Doc]",
			rec{status: sDone, sub: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-06 10:00"}, early},
		{"no reception and no submission time is excluded",
			rec{status: sDone, due: "2026-08-10 17:00", end: "2026-08-06 10:00"}, want{reason: ReasonExcludedNoReceptionTime}},

		// End of processing.
		{"withdrawn (7) without reception is withdrawn before reception",
			rec{status: sWd, sub: "2026-08-03 09:00", end: "2026-08-04 09:00"}, want{reason: ReasonExcludedWithdrawnBeforeReception}},
		{"withdrawn (7) earlier than the reception time is withdrawn before reception",
			rec{status: sWd, recv: "2026-08-04 09:00", due: "2026-08-11 17:00", steps: []step{{7, "2026-08-03 10:00"}}},
			want{reason: ReasonExcludedWithdrawnBeforeReception}},
		{"withdrawal (7) after reception ends processing [Doc]",
			rec{status: sWd, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-05 10:00"}, early},
		{"stop (8) ends processing",
			rec{status: sStop, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-12 10:00"}, late},
		{"not accepted (3): refusal on or before the due date is on time, never early (P13)",
			rec{status: sNA, sub: "2026-08-03 09:00", due: "2026-08-10 17:00", rejected: "2026-08-04 09:00"},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, end: "2026-08-04 09:00"}},
		{"9 takes priority over 10 in the timeline even when 10 comes first",
			rec{status: sRet, recv: "2026-08-03 09:00", due: "2026-08-10 17:00",
				steps: []step{{2, "2026-08-03 09:00"}, {10, "2026-08-07 10:00"}, {9, "2026-08-12 10:00"}}},
			want{reason: ReasonLate, counted: true, finished: true, end: "2026-08-12 10:00"}},
		{"9 and 10 both present: the 9 step is the end",
			rec{status: sRet, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-12 09:00",
				steps: []step{{2, "2026-08-03 09:00"}, {9, "2026-08-10 15:00"}, {10, "2026-08-12 09:00"}}},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, end: "2026-08-10 15:00"}},
		{"10 takes priority over 8 in the timeline",
			rec{status: sRet, recv: "2026-08-03 09:00", due: "2026-08-10 17:00",
				steps: []step{{8, "2026-08-05 09:00"}, {10, "2026-08-11 10:00"}}},
			want{reason: ReasonLate, counted: true, finished: true, end: "2026-08-11 10:00"}},
		{"terminal step after the period: open at the period end",
			rec{status: sDone, recv: "2026-08-25 09:00", due: "2026-09-04 17:00", steps: []step{{9, "2026-09-03 10:00"}}},
			want{reason: ReasonOpenWithinDeadline, counted: true, num: true}},
		{"status 10 without processing end falls back to the hand-over time",
			rec{status: sRet, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", returned: "2026-08-07 10:00"}, early},
		{"terminal status without any end time is excluded",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00"}, want{reason: ReasonExcludedNoEndTime}},
		{"end before reception is excluded",
			rec{status: sDone, recv: "2026-08-05 09:00", due: "2026-08-10 17:00", end: "2026-08-03 10:00"},
			want{reason: ReasonExcludedEndBeforeReception}},

		// Supplements (default SupplementSubtract [Doc]).
		{"completed after one supplement: the applicant's time is subtracted",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-13 10:00",
				supps: []supp{{req: "2026-08-05 10:00", resub: "2026-08-10 09:00"}}},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-13", supps: 1}},
		{"two supplement requests: late whatever the times",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-06 10:00",
				supps: []supp{{req: "2026-08-04 10:00", resub: "2026-08-04 15:00"}, {req: "2026-08-05 10:00", resub: "2026-08-05 14:00"}}},
			want{reason: ReasonLateRepeatedSupplement, counted: true, finished: true, supps: 2}},
		{"two supplement requests on an open dossier: late",
			rec{status: sProc, recv: "2026-08-25 09:00", due: "2026-09-10 17:00",
				supps: []supp{{req: "2026-08-26 10:00", resub: "2026-08-26 15:00"}, {req: "2026-08-27 10:00", resub: "2026-08-27 14:00"}}},
			want{reason: ReasonLateRepeatedSupplement, counted: true, supps: 2}},
		{"applicant has not returned: judged at the request (on time)",
			rec{status: sSupp, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", supps: []supp{{req: "2026-08-07 10:00"}}},
			want{reason: ReasonSupplementPending, counted: true, num: true, end: "2026-08-07 10:00", supps: 1}},
		{"applicant has not returned: judged at the request (late)",
			rec{status: sSupp, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", supps: []supp{{req: "2026-08-12 10:00"}}},
			want{reason: ReasonSupplementPending, counted: true, end: "2026-08-12 10:00", supps: 1}},
		{"applicant returned after the period: pending at the period end",
			rec{status: sDone, recv: "2026-08-24 09:00", due: "2026-08-31 17:00", end: "2026-09-04 10:00",
				supps: []supp{{req: "2026-08-26 10:00", resub: "2026-09-02 10:00"}}},
			want{reason: ReasonSupplementPending, counted: true, num: true, end: "2026-08-26 10:00", supps: 1}},
		{"supplement pending since before the period: outside it",
			rec{status: sSupp, recv: "2026-07-01 09:00", due: "2026-07-10 17:00", supps: []supp{{req: "2026-07-08 10:00"}}},
			want{reason: ReasonExcludedOutsidePeriod, supps: 1}},
		{"supplement requested after the end is ignored",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-07 10:00",
				supps: []supp{{req: "2026-08-08 10:00"}}}, early},
		{"supplement timeline from status-5 steps when there are no entries",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00",
				steps: []step{{2, "2026-08-03 09:00"}, {5, "2026-08-05 10:00"}, {4, "2026-08-10 09:00"}, {9, "2026-08-13 10:00"}}},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-13", supps: 1}},
		{"two status-5 runs in the timeline are two requests",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00",
				steps: []step{{5, "2026-08-04 10:00"}, {4, "2026-08-04 15:00"}, {5, "2026-08-05 10:00"}, {4, "2026-08-05 11:00"}, {9, "2026-08-06 10:00"}}},
			want{reason: ReasonLateRepeatedSupplement, counted: true, finished: true, supps: 2}},
		{"appointment before the first supplement (NgayHenTraTruoc) is the base",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-13 17:00", end: "2026-08-13 10:00",
				supps: []supp{{req: "2026-08-05 10:00", resub: "2026-08-10 09:00", dueBefore: "2026-08-10 17:00"}}},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-13", supps: 1}},
		{"financial-obligation pause: the clock runs [Open default]",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-13 10:00",
				supps: []supp{{req: "2026-08-05 10:00", resub: "2026-08-10 09:00", kind: model.SupplementFinancial}}}, late},
		{"resubmission before the request is excluded",
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-13 10:00",
				supps: []supp{{req: "2026-08-05 10:00", resub: "2026-08-04 09:00"}}},
			want{reason: ReasonExcludedBadSupplement, supps: 1, resolved: true}},

		// No appointment time: the procedure's maximum duration on the working-day calendar.
		{"no appointment: finished within the maximum working days is on time",
			rec{proc: "P5", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-10 16:00"},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-10"}},
		{"no appointment: beyond the maximum is late",
			rec{proc: "P5", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-11 09:00"}, late},
		{"no appointment: received after the 15:00 cut-off counts from the next working day (P1)",
			rec{proc: "P5", status: sDone, recv: "2026-08-03 15:30", end: "2026-08-11 09:00"},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-11"}},
		{"no appointment: the applicant's supplement time is subtracted",
			rec{proc: "P5", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-13 10:00",
				supps: []supp{{req: "2026-08-05 10:00", resub: "2026-08-10 09:00"}}},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-13", supps: 1}},
		{"no appointment: a make-up Saturday counts as a working day",
			rec{proc: "P5", status: sDone, recv: "2026-08-18 09:00", end: "2026-08-24 16:00"},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-24"}},
		{"no appointment: calendar-day procedure",
			rec{proc: "P3CAL", status: sDone, recv: "2026-08-07 09:00", end: "2026-08-10 10:00"},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-10"}},
		{"no appointment: working-hour procedure due the same day",
			rec{proc: "P4H", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-04 09:00"},
			want{reason: ReasonLate, counted: true, finished: true, due: "2026-08-03"}},
		{"no appointment: half a working day is four working hours (due 15:00, exact instant)",
			rec{proc: "PHALF", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-03 15:00"},
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-03"}},
		{"no appointment: half a working day, finished after the due instant on the due day is late",
			rec{proc: "PHALF", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-03 16:00"},
			want{reason: ReasonLate, counted: true, finished: true, due: "2026-08-03"}},
		{"no appointment: open and past the maximum",
			rec{proc: "P5", status: sProc, recv: "2026-08-03 09:00"},
			want{reason: ReasonOpenOverdue, counted: true, due: "2026-08-10"}},
		{"no appointment and unknown procedure is excluded from 2.1, still in 2.2",
			rec{proc: "NOPE", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-10 16:00"}, want{reason: ReasonExcludedNoDeadline, resolved: true}},
		{"no appointment and a case without due date is excluded from 2.1, still in 2.2 (decided, issue 13)",
			rec{proc: "PNODUE", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-10 16:00"}, want{reason: ReasonExcludedNoDeadline, resolved: true}},
		{"no appointment and a duration in months is excluded from 2.1, still in 2.2",
			rec{proc: "PMONTH", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-10 16:00"}, want{reason: ReasonExcludedNoDeadline, resolved: true}},
		{"no time limit and still open: in neither 2.1 nor 2.2",
			rec{proc: "PNODUE", status: sProc, recv: "2026-08-03 09:00"}, want{reason: ReasonExcludedNoDeadline}},
		{"no appointment, unknown procedure, two supplements: still late by the repeated-supplement rule",
			rec{proc: "NOPE", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-06 10:00",
				supps: []supp{{req: "2026-08-04 10:00", resub: "2026-08-04 15:00"}, {req: "2026-08-05 10:00", resub: "2026-08-05 14:00"}}},
			want{reason: ReasonLateRepeatedSupplement, counted: true, finished: true, supps: 2}},

		// Calendar range.
		{"appointment outside the calendar's years is excluded",
			rec{status: sProc, recv: "2026-08-03 09:00", due: "2023-12-28 17:00"}, want{reason: ReasonExcludedCalendarRange}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, c.Classify(tt.rec.build()), tt.want)
		})
	}
}

// TestRuleOwnerHungKings2026 is the rule owner's case: received at 16:30 on Friday 24/4/2026, before the
// Hùng Kings' holiday (10/3 lunar = Sunday 26/4, compensatory Monday 27/4, then 30/4 and 1/5), with 5
// working days: deemed received Tuesday 28/4 (after the 15:00 cut-off), due Thursday 7/5/2026.
func TestRuleOwnerHungKings2026(t *testing.T) {
	o := baseOptions()
	o.Period, o.AsOf = model.Quarter(2026, 2), at("2026-07-01 08:00")
	c := mustNew(t, o)
	base := rec{proc: "P5", status: sDone, recv: "2026-04-24 16:30"}
	for _, tt := range []struct {
		name, end string
		want      want
	}{
		{"finished on Thursday 7/5 is on time", "2026-05-07 16:00", want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-05-07"}},
		{"finished on Wednesday 6/5 is early", "2026-05-06 16:00", want{reason: ReasonEarly, counted: true, num: true, finished: true, due: "2026-05-07"}},
		{"finished on Friday 8/5 is late", "2026-05-08 08:00", want{reason: ReasonLate, counted: true, finished: true, due: "2026-05-07"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := base
			r.end = tt.end
			v := c.Classify(r.build())
			check(t, v, tt.want)
			if tt.want.reason == ReasonLate && v.LateWorkingDays != 1 {
				t.Errorf("late working days = %d, want 1", v.LateWorkingDays)
			}
		})
	}
	// With an appointment written on the dossier (NgayHenTra 7/5 17:00) the result is the same.
	r := base
	r.proc, r.due, r.end = "", "2026-05-07 17:00", "2026-05-07 16:00"
	check(t, c.Classify(r.build()), want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-05-07"})
}

// TestPolicies covers the named policy alternatives.
func TestPolicies(t *testing.T) {
	withdrawn := rec{status: sWd, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-05 10:00"}
	stopped := rec{status: sStop, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-05 10:00"}
	refused := rec{status: sNA, sub: "2026-08-03 09:00", due: "2026-08-10 17:00", rejected: "2026-08-04 09:00"}
	oneSupp := rec{proc: "P5", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-17 10:00",
		supps: []supp{{req: "2026-08-05 10:00", resub: "2026-08-10 09:00"}}}
	oneSuppAppt := oneSupp
	oneSuppAppt.proc, oneSuppAppt.due = "", "2026-08-10 17:00"
	twoSupps := rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-12 10:00",
		supps: []supp{{req: "2026-08-04 10:00", resub: "2026-08-05 10:00"}, {req: "2026-08-06 10:00", resub: "2026-08-07 10:00"}}}
	financial := rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-13 10:00",
		supps: []supp{{req: "2026-08-05 10:00", resub: "2026-08-10 09:00", kind: model.SupplementFinancial}}}
	early := want{reason: ReasonEarly, counted: true, num: true, finished: true}
	onTime := want{reason: ReasonOnTime, counted: true, num: true, finished: true}

	tests := []struct {
		name   string
		modify func(*Options)
		rec    rec
		want   want
	}{
		{"TerminatedP14 with P14 default: withdrawn after reception excluded",
			func(o *Options) { o.Policy.Terminated = indicator.TerminatedP14 }, withdrawn, want{reason: ReasonExcludedWithdrawn}},
		{"TerminatedP14 with P14 default: stopped excluded",
			func(o *Options) { o.Policy.Terminated = indicator.TerminatedP14 }, stopped, want{reason: ReasonExcludedStopped}},
		{"TerminatedP14 with P14 default: not accepted excluded",
			func(o *Options) { o.Policy.Terminated = indicator.TerminatedP14 }, refused, want{reason: ReasonExcludedStopped}},
		{"TerminatedP14 with IncludeWithdrawn: withdrawn counted",
			func(o *Options) {
				o.Policy.Terminated = indicator.TerminatedP14
				o.Policy.Deadline.IncludeWithdrawn = true
			}, withdrawn, early},
		{"withdrawal before reception counted when ExcludeWithdrawnBeforeReception is off",
			func(o *Options) { o.Reception.ExcludeWithdrawnBeforeReception = false },
			rec{status: sWd, sub: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-04 09:00"}, early},
		{"no fallback to the submission time",
			func(o *Options) { o.Reception.FallbackToSubmitted = false },
			rec{status: sDone, sub: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-06 10:00"}, want{reason: ReasonExcludedNoReceptionTime}},
		{"SupplementRestart (Decree 61/2018 art. 19(4)): the clock restarts at re-submission",
			func(o *Options) { o.Policy.Supplements = indicator.SupplementRestart }, oneSupp,
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-17", supps: 1}},
		{"SupplementSubtract on the same dossier is late",
			func(o *Options) {}, oneSupp, want{reason: ReasonLate, counted: true, finished: true, due: "2026-08-13", supps: 1}},
		{"SupplementRestart with an appointment infers the legal duration from it",
			func(o *Options) { o.Policy.Supplements = indicator.SupplementRestart }, oneSuppAppt,
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-17", supps: 1}},
		{"SupplementRestart: no request limit",
			func(o *Options) { o.Policy.Supplements = indicator.SupplementRestart }, twoSupps,
			want{reason: ReasonEarly, counted: true, num: true, finished: true, due: "2026-08-14", supps: 2}},
		{"SupplementPause: no request limit, each pause moves the due date",
			func(o *Options) { o.Policy.Supplements = indicator.SupplementPause }, twoSupps,
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-12", supps: 2}},
		{"MaxSupplements 2 allows two requests under SupplementSubtract",
			func(o *Options) { o.Policy.MaxSupplements = 2 }, twoSupps,
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-12", supps: 2}},
		{"FinancialPaused: the financial-obligation pause is subtracted and not a request",
			func(o *Options) { o.Policy.Financial = indicator.FinancialPaused }, financial, onTime},
		{"AsOf before the period end: open dossier judged at AsOf (within deadline)",
			func(o *Options) { o.AsOf = at("2026-08-15 12:00") },
			rec{status: sDone, recv: "2026-08-10 09:00", due: "2026-08-18 17:00", end: "2026-08-20 10:00"},
			want{reason: ReasonOpenWithinDeadline, counted: true, num: true, end: "2026-08-15 12:00"}},
		{"AsOf before the period end: open dossier judged at AsOf (overdue)",
			func(o *Options) { o.AsOf = at("2026-08-15 12:00") },
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-14 17:00", end: "2026-08-20 10:00"},
			want{reason: ReasonOpenOverdue, counted: true}},
		{"AsOf before the period end: a dossier received after AsOf is outside",
			func(o *Options) { o.AsOf = at("2026-08-15 12:00") },
			rec{status: sProc, recv: "2026-08-16 09:00", due: "2026-08-25 17:00"}, want{reason: ReasonExcludedOutsidePeriod}},
		{"P4 midnight (default): an open dossier with a computed due day of today is within its deadline at 18:00",
			func(o *Options) { o.AsOf = at("2026-08-27 18:00") },
			rec{proc: "P5", status: sProc, recv: "2026-08-21 09:00"}, want{reason: ReasonOpenWithinDeadline, counted: true, num: true, due: "2026-08-27"}},
		{"P4 office close: an open dossier with a computed due day of today is overdue at 18:00",
			func(o *Options) { o.AsOf = at("2026-08-27 18:00"); o.Policy.Deadline.EndOfDay = calendar.OfficeClose },
			rec{proc: "P5", status: sProc, recv: "2026-08-21 09:00"}, want{reason: ReasonOpenOverdue, counted: true, due: "2026-08-27"}},
		{"P4 does not move an appointment: due 17:00 today is overdue at 18:00 under midnight",
			func(o *Options) { o.AsOf = at("2026-08-28 18:00") },
			rec{status: sProc, recv: "2026-08-25 09:00", due: "2026-08-28 17:00"}, want{reason: ReasonOpenOverdue, counted: true}},
		{"P3(b): moved receipt is day one",
			func(o *Options) { o.Policy.Deadline.ReceiptCounting = calendar.MovedReceiptIsDayOne },
			rec{proc: "P5", status: sDone, recv: "2026-08-03 15:30", end: "2026-08-11 09:00"},
			want{reason: ReasonLate, counted: true, finished: true, due: "2026-08-10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := baseOptions()
			tt.modify(&o)
			check(t, mustNew(t, o).Classify(tt.rec.build()), tt.want)
		})
	}
}

// TestReceptionCheck: online dossiers must be received within 8 working hours of submission.
func TestReceptionCheck(t *testing.T) {
	c := mustNew(t, baseOptions())
	tests := []struct {
		name          string
		rec           rec
		checked, late bool
		deadline      string
	}{
		{"online, received within 8 working hours (over a weekend)",
			rec{channel: model.ChannelOnline, status: sProc, sub: "2026-08-07 16:00", recv: "2026-08-10 15:30", due: "2026-08-20 17:00"}, true, false, "2026-08-10 16:00"},
		{"online, received after 8 working hours",
			rec{channel: model.ChannelOnline, status: sProc, sub: "2026-08-07 16:00", recv: "2026-08-11 08:00", due: "2026-08-20 17:00"}, true, true, "2026-08-10 16:00"},
		{"direct dossiers are not checked",
			rec{channel: model.ChannelDirect, status: sProc, sub: "2026-08-07 16:00", recv: "2026-08-11 08:00", due: "2026-08-20 17:00"}, false, false, ""},
		{"online without reception time is not checked",
			rec{channel: model.ChannelOnline, status: sProc, sub: "2026-08-07 16:00", due: "2026-08-20 17:00"}, false, false, ""},
		{"online received outside the period is not checked",
			rec{channel: model.ChannelOnline, status: sProc, sub: "2026-07-30 16:00", recv: "2026-07-31 08:00", due: "2026-08-20 17:00"}, false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := c.Classify(tt.rec.build())
			if v.Reception.Checked != tt.checked || v.Reception.Late != tt.late {
				t.Fatalf("reception = %+v, want checked=%v late=%v", v.Reception, tt.checked, tt.late)
			}
			if tt.deadline != "" && !v.Reception.Deadline.Equal(at(tt.deadline)) {
				t.Errorf("deadline = %v, want %s", v.Reception.Deadline, tt.deadline)
			}
		})
	}
}

func TestClassifyNil(t *testing.T) {
	c := mustNew(t, baseOptions())
	v := c.Classify(nil)
	if v.Reason != ReasonExcludedNilRecord || v.Counted {
		t.Fatalf("nil dossier: %+v", v)
	}
}
