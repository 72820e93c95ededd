package timeliness

import (
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// atS parses "2006-01-02 15:04:05" in Vietnam time.
func atS(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", s, model.Vietnam())
	if err != nil {
		panic(err)
	}
	return t
}

// TestIssue13Example is the case of issue 13, decision 1: received 05/01/2026 16:55:59 (after the 15:00
// cut-off: deemed received Tuesday 6/1), 20 working days, NgayHenTra 2026-02-03 00:00 (24:00 of Monday
// 2/2, the due day), finished 2026-02-03 09:58: late by the instant rule (the library said on time when it
// read the appointment as the whole of 3/2). The library's own deadline for 20 working days gives the
// same instant, so the dossier is late with or without the appointment; under AppointmentDateOnly the
// appointment is the whole of 3/2 and the dossier on time.
func TestIssue13Example(t *testing.T) {
	o := baseOptions()
	o.Period, o.AsOf = model.Month(2026, time.February), at("2026-03-02 08:00")
	o.Procedures["P20"] = procWD("P20", 20)
	d := &model.Dossier{Code: "H44.03-260105-0001", UnitID: "H44.03", ProcedureCode: "P20",
		Status: model.NewStatus(sDone), ReceivedAt: model.Some(atS("2026-01-05 16:55:59")),
		DueAt: model.Some(atS("2026-02-03 00:00:00")), ProcessingEndedAt: model.Some(atS("2026-02-03 09:58:00"))}
	c := mustNew(t, o)
	v := c.Classify(d)
	check(t, v, want{reason: ReasonLate, counted: true, finished: true, due: "2026-02-02"})
	if !v.DueAt.Equal(atS("2026-02-03 00:00:00")) || v.LateWorkingDays != 1 || v.LateHours != 2*time.Hour+58*time.Minute {
		t.Errorf("due at %v, late %d working days %v; want 2026-02-03 00:00, 1 day, 2h58m (07:00–09:58)", v.DueAt, v.LateWorkingDays, v.LateHours)
	}
	computed := *d
	computed.DueAt = model.Time{}
	vc := c.Classify(&computed)
	check(t, vc, want{reason: ReasonLate, counted: true, finished: true, due: "2026-02-02"})
	if !vc.DueAt.Equal(v.DueAt) || vc.FromAppointment {
		t.Errorf("computed deadline %v (from appointment %v), want the appointment's instant %v", vc.DueAt, vc.FromAppointment, v.DueAt)
	}
	o.Policy.Appointments = indicator.AppointmentDateOnly
	check(t, mustNew(t, o).Classify(d), want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-02-03"})
}

// TestInstantRule: on time = end ≤ due instant (decided, issue 13), for appointments at 00:00 and with a
// time of day, supplement appointments (NgayHenTraTruoc), day deadlines the library computes (24:00 of the
// due day), hour deadlines (the exact office-hours instant), refusals and open dossiers; and the
// AppointmentDateOnly policy. Period 2026-08, as of 2026-09-05 10:00.
func TestInstantRule(t *testing.T) {
	early := want{reason: ReasonEarly, counted: true, num: true, finished: true}
	onTime := want{reason: ReasonOnTime, counted: true, num: true, finished: true}
	late := want{reason: ReasonLate, counted: true, finished: true}
	withDue := func(w want, due string) want { w.due = due; return w }
	dateOnly := func(o *Options) { o.Policy.Appointments = indicator.AppointmentDateOnly }
	suppMidnight := []supp{{req: "2026-08-05 10:00", resub: "2026-08-10 09:00", dueBefore: "2026-08-11 00:00"}}
	suppAfternoon := []supp{{req: "2026-08-05 10:00", resub: "2026-08-10 09:00", dueBefore: "2026-08-10 17:00"}}
	tests := []struct {
		name   string
		policy func(*Options)
		rec    rec
		end    string // "2006-01-02 15:04:05", overrides rec.end when set
		want   want
		dueAt  string // "2006-01-02 15:04:05", checked when set
	}{
		// Appointment at 00:00: 24:00 of the previous day, which is the due day.
		{"appointment 00:00: end the evening before is on time", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-11 00:00"}, "2026-08-10 23:59:59", withDue(onTime, "2026-08-10"), "2026-08-11 00:00:00"},
		{"appointment 00:00: end exactly at the appointment instant is on time", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-11 00:00"}, "2026-08-11 00:00:00", withDue(onTime, "2026-08-10"), ""},
		{"appointment 00:00: one second after is late", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-11 00:00"}, "2026-08-11 00:00:01", withDue(late, "2026-08-10"), ""},
		{"appointment 00:00: the morning of the appointment's date is late", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-11 00:00"}, "2026-08-11 09:58:00", withDue(late, "2026-08-10"), ""},
		{"appointment 00:00: before the due day is early", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-11 00:00"}, "2026-08-07 16:00:00", withDue(early, "2026-08-10"), ""},
		// Appointment with a time of day.
		{"appointment 17:00: end at 16:59 the same day is on time", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00"}, "2026-08-10 16:59:00", withDue(onTime, "2026-08-10"), "2026-08-10 17:00:00"},
		{"appointment 17:00: end exactly at the appointment instant is on time", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00"}, "2026-08-10 17:00:00", withDue(onTime, "2026-08-10"), ""},
		{"appointment 17:00: one second after is late", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00"}, "2026-08-10 17:00:01", withDue(late, "2026-08-10"), ""},
		{"appointment 10:30: end at 14:00 the same day is late", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 10:30"}, "2026-08-10 14:00:00", withDue(late, "2026-08-10"), ""},
		// Supplement appointments (NgayHenTraTruoc), moved by the applicant's 3 working days (5/8 10:00 →
		// 10/8 09:00), keeping their time of day.
		{"supplement appointment 00:00 moved to 24:00 of 13/8: end 23:00 on 13/8 is on time", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-14 00:00", supps: suppMidnight}, "2026-08-13 23:00:00",
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-13", supps: 1}, "2026-08-14 00:00:00"},
		{"supplement appointment 00:00 moved: one second after 24:00 is late", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-14 00:00", supps: suppMidnight}, "2026-08-14 00:00:01",
			want{reason: ReasonLate, counted: true, finished: true, due: "2026-08-13", supps: 1}, ""},
		{"supplement appointment 17:00 moved to 17:00 on 13/8: end 17:30 is late", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-13 17:00", supps: suppAfternoon}, "2026-08-13 17:30:00",
			want{reason: ReasonLate, counted: true, finished: true, due: "2026-08-13", supps: 1}, "2026-08-13 17:00:00"},
		{"supplement appointment 17:00 moved: end 17:00 exactly is on time", nil,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-13 17:00", supps: suppAfternoon}, "2026-08-13 17:00:00",
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-13", supps: 1}, ""},
		// Day deadlines the library computes end at 24:00 of the due day.
		{"computed 5 working days: end exactly at 24:00 of the due day is on time", nil,
			rec{proc: "P5", status: sDone, recv: "2026-08-03 09:00"}, "2026-08-11 00:00:00", withDue(onTime, "2026-08-10"), "2026-08-11 00:00:00"},
		{"computed 5 working days: one second after 24:00 is late", nil,
			rec{proc: "P5", status: sDone, recv: "2026-08-03 09:00"}, "2026-08-11 00:00:01", withDue(late, "2026-08-10"), ""},
		// Hour deadlines: the exact office-hours instant (4 working hours from 09:00 over the lunch break:
		// 15:00 with the default office hours).
		{"computed 4 working hours: end at the due instant 15:00 is on time", nil,
			rec{proc: "P4H", status: sDone, recv: "2026-08-03 09:00"}, "2026-08-03 15:00:00", withDue(onTime, "2026-08-03"), "2026-08-03 15:00:00"},
		{"computed 4 working hours: one second after is late", nil,
			rec{proc: "P4H", status: sDone, recv: "2026-08-03 09:00"}, "2026-08-03 15:00:01", withDue(late, "2026-08-03"), ""},
		// Refusals: on time when the notice is no later than the due instant, never early (P13).
		{"refusal notice after a 10:00 appointment on the due day is late", nil,
			rec{status: sNA, sub: "2026-08-03 09:00", due: "2026-08-10 10:00"}, "", late, ""},
		// The date-only policy: an appointment at exactly 00:00 is its own date, due at 24:00 of it.
		{"date-only: appointment 00:00 of 11/8, end 11/8 09:58 is on time", dateOnly,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-11 00:00"}, "2026-08-11 09:58:00", withDue(onTime, "2026-08-11"), "2026-08-12 00:00:00"},
		{"date-only: end exactly at 24:00 of the appointment's date is on time", dateOnly,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-11 00:00"}, "2026-08-12 00:00:00", withDue(onTime, "2026-08-11"), ""},
		{"date-only: one second after is late", dateOnly,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-11 00:00"}, "2026-08-12 00:00:01", withDue(late, "2026-08-11"), ""},
		{"date-only: end on 10/8 is early", dateOnly,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-11 00:00"}, "2026-08-10 16:00:00", withDue(early, "2026-08-11"), ""},
		{"date-only: an appointment with a time of day stays an instant", dateOnly,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00"}, "2026-08-10 17:00:01", withDue(late, "2026-08-10"), "2026-08-10 17:00:00"},
		{"date-only: a supplement appointment at 00:00 is its own date too", dateOnly,
			rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-14 00:00", supps: suppMidnight}, "2026-08-14 09:00:00",
			want{reason: ReasonOnTime, counted: true, num: true, finished: true, due: "2026-08-14", supps: 1}, "2026-08-15 00:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := baseOptions()
			if tt.policy != nil {
				tt.policy(&o)
			}
			d := tt.rec.build()
			switch {
			case tt.end != "":
				d.ProcessingEndedAt = model.Some(atS(tt.end))
			case tt.rec.status == sNA:
				d.RejectedAt = model.Some(atS("2026-08-10 10:00:01"))
			}
			v := mustNew(t, o).Classify(d)
			check(t, v, tt.want)
			if tt.dueAt != "" && !v.DueAt.Equal(atS(tt.dueAt)) {
				t.Errorf("due at %v, want %s", v.DueAt, tt.dueAt)
			}
		})
	}
}

// TestInstantRuleRefusalAtAppointment: a refusal notice exactly at the appointment instant is on time.
func TestInstantRuleRefusalAtAppointment(t *testing.T) {
	d := rec{status: sNA, sub: "2026-08-03 09:00", due: "2026-08-10 10:00", rejected: "2026-08-10 10:00"}.build()
	check(t, mustNew(t, baseOptions()).Classify(d), want{reason: ReasonOnTime, counted: true, num: true, finished: true})
}

// TestPlaceholderDates: a placeholder date (Reception.Dates: before 2000-01-01 or more than a year after
// as-of; decided, issue 13) that 2.1 reads excludes the dossier with ReasonExcludedPlaceholderDate; 2.2
// still counts it when its reception and end are real dates.
func TestPlaceholderDates(t *testing.T) {
	ph := want{reason: ReasonExcludedPlaceholderDate}
	phResolved := want{reason: ReasonExcludedPlaceholderDate, resolved: true}
	tests := []struct {
		name string
		rec  rec
		want want
	}{
		{"reception 0001-01-01 (00010101000000)", rec{status: sDone, recv: "0001-01-01 00:00", due: "2026-08-10 17:00", end: "2026-08-06 10:00"}, ph},
		{"reception 1999-12-31", rec{status: sDone, recv: "1999-12-31 09:00", due: "2026-08-10 17:00", end: "2026-08-06 10:00"}, ph},
		{"reception 2000-01-01 00:00 is a date (late)", rec{status: sDone, recv: "2000-01-01 00:00", due: "2026-08-10 17:00", end: "2026-08-12 10:00"},
			want{reason: ReasonLate, counted: true, finished: true}},
		{"placeholder reception is not replaced by the submission time", rec{status: sDone, sub: "2026-08-03 09:00", recv: "0001-01-01 00:00", due: "2026-08-10 17:00", end: "2026-08-06 10:00"}, ph},
		{"submission time used as reception is a placeholder", rec{status: sDone, sub: "1900-01-01 00:00", due: "2026-08-10 17:00", end: "2026-08-06 10:00"}, ph},
		{"end of processing 0001-01-01", rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "0001-01-01 00:00"}, ph},
		{"end of processing more than a year after as-of (not an open dossier)", rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "9999-12-31 00:00"}, ph},
		{"terminal timeline step 0001-01-01", rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", steps: []step{{2, "2026-08-03 09:00"}, {9, "0001-01-01 00:00"}}}, ph},
		{"appointment 0001-01-01: out of 2.1, in 2.2", rec{status: sDone, recv: "2026-08-03 09:00", due: "0001-01-01 00:00", end: "2026-08-06 10:00"}, phResolved},
		{"appointment 0001-01-01 on an open dossier", rec{status: sProc, recv: "2026-08-03 09:00", due: "0001-01-01 00:00"}, ph},
		{"appointment in 2099", rec{status: sProc, recv: "2026-08-03 09:00", due: "2099-01-01 00:00"}, ph},
		{"supplement appointment (NgayHenTraTruoc) 0001-01-01", rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-13 17:00", end: "2026-08-13 10:00",
			supps: []supp{{req: "2026-08-05 10:00", resub: "2026-08-10 09:00", dueBefore: "0001-01-01 00:00"}}}, phResolved},
		{"supplement request 0001-01-01", rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-13 17:00", end: "2026-08-13 10:00",
			supps: []supp{{req: "0001-01-01 00:00", resub: "2026-08-10 09:00"}}}, phResolved},
		{"supplement re-submission 0001-01-01", rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-13 17:00", end: "2026-08-13 10:00",
			supps: []supp{{req: "2026-08-05 10:00", resub: "0001-01-01 00:00"}}}, want{reason: ReasonExcludedPlaceholderDate, resolved: true, supps: 0}},
		{"status 1 stays not received whatever its dates", rec{status: sReg, sub: "0001-01-01 00:00"}, want{reason: ReasonExcludedNotReceived}},
	}
	c := mustNew(t, baseOptions())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, c.Classify(tt.rec.build()), tt.want)
		})
	}
	// A placeholder submission time is no reception check.
	d := rec{channel: model.ChannelOnline, status: sProc, sub: "0001-01-01 00:00", recv: "2026-08-10 15:30", due: "2026-08-20 17:00"}.build()
	if v := c.Classify(d); v.Reception.Checked {
		t.Errorf("reception check on a placeholder submission time: %+v", v.Reception)
	}
	// The bounds are a policy: with the zero DateBounds only year 1 is a placeholder.
	o := baseOptions()
	o.Reception.Dates = model.DateBounds{}
	d = rec{status: sDone, recv: "1999-12-31 09:00", due: "2026-08-10 17:00", end: "2026-08-12 10:00"}.build()
	check(t, mustNew(t, o).Classify(d), want{reason: ReasonLate, counted: true, finished: true})
}
