package calendar

import (
	"errors"
	"testing"
	"time"
)

func TestDuePolicies(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2025, ToYear: 2027})
	def := DefaultDeadlinePolicy()
	tests := []struct {
		name     string
		received time.Time
		dur      Duration
		p        DeadlinePolicy
		deemed   string
		due      string
		dueAt    string // "" = 24:00 of due
		moved    bool
	}{
		{"P1 default after cut-off", at("2026-04-24 16:00"), Duration{Amount: 5}, def, "2026-04-28", "2026-05-07", "", true},
		{"P1 boundary 15:00 moves", at("2026-04-24 15:00"), Duration{Amount: 5}, def, "2026-04-28", "2026-05-07", "", true},
		{"P1 14:59 stays", at("2026-04-24 14:59"), Duration{Amount: 5}, def, "2026-04-24", "2026-05-06", "", false},
		{"P1 none", at("2026-04-24 16:00"), Duration{Amount: 5}, DeadlinePolicy{CutoffScope: CutoffNone}, "2026-04-24", "2026-05-06", "", false},
		{"P1 same-day only, N>0", at("2026-04-24 16:00"), Duration{Amount: 5}, DeadlinePolicy{CutoffScope: CutoffSameDayOnly}, "2026-04-24", "2026-05-06", "", false},
		{"P1 same-day only, N=0", at("2026-04-24 16:00"), Duration{}, DeadlinePolicy{CutoffScope: CutoffSameDayOnly}, "2026-04-28", "2026-04-28", "", true},
		{"P1 cut-off 17:00", at("2026-04-24 16:00"), Duration{Amount: 5}, DeadlinePolicy{Cutoff: 17 * time.Hour}, "2026-04-24", "2026-05-06", "", false},
		{"P1 instant in UTC converted first", time.Date(2026, 4, 24, 9, 30, 0, 0, time.UTC), Duration{Amount: 5}, def, "2026-04-28", "2026-05-07", "", true},
		{"P2 Saturday", at("2026-04-25 10:00"), Duration{Amount: 3}, def, "2026-04-28", "2026-05-05", "", true},
		{"P2 holiday before opening", at("2026-09-02 06:00"), Duration{Amount: 1}, def, "2026-09-03", "2026-09-04", "", true},
		{"P3b cut-off never changes the date", at("2026-04-24 16:00"), Duration{Amount: 5}, DeadlinePolicy{ReceiptCounting: MovedReceiptIsDayOne}, "2026-04-28", "2026-05-06", "", true},
		{"P3b Saturday", at("2026-04-25 10:00"), Duration{Amount: 3}, DeadlinePolicy{ReceiptCounting: MovedReceiptIsDayOne}, "2026-04-28", "2026-05-04", "", true},
		{"P3b not moved", at("2026-04-24 09:00"), Duration{Amount: 5}, DeadlinePolicy{ReceiptCounting: MovedReceiptIsDayOne}, "2026-04-24", "2026-05-06", "", false},
		{"P4 office close", at("2026-04-24 09:00"), Duration{Amount: 5}, DeadlinePolicy{EndOfDay: OfficeClose}, "2026-04-24", "2026-05-06", "2026-05-06 17:00", false},
		{"P9 same day", at("2026-04-24 09:00"), Duration{}, def, "2026-04-24", "2026-04-24", "", false},
		{"P9 same day moved", at("2026-04-24 15:30"), Duration{}, def, "2026-04-28", "2026-04-28", "", true},
		{"P8 calendar days roll over 1/5 and the weekend", at("2026-04-24 09:00"), Duration{Amount: 7, Unit: CalendarDays}, def, "2026-04-24", "2026-05-04", "", false},
		{"P8 calendar days onto a compensatory day", at("2026-04-24 09:00"), Duration{Amount: 3, Unit: CalendarDays}, def, "2026-04-24", "2026-04-28", "", false},
		{"P8 calendar days plain", at("2026-04-24 09:00"), Duration{Amount: 4, Unit: CalendarDays}, def, "2026-04-24", "2026-04-28", "", false},
		{"P8 calendar days onto Tết", at("2026-02-13 10:00"), Duration{Amount: 3, Unit: CalendarDays}, def, "2026-02-13", "2026-02-23", "", false},
		{"P8 working hours", at("2026-08-17 10:00"), Duration{Amount: 8, Unit: WorkingHours}, def, "2026-08-17", "2026-08-18", "2026-08-18 10:00", false},
		{"P8 working hours after cut-off", at("2026-08-17 16:00"), Duration{Amount: 8, Unit: WorkingHours}, def, "2026-08-18", "2026-08-18", "2026-08-18 17:00", true},
		{"P8 working hours from a day off", at("2026-08-29 10:00"), Duration{Amount: 4, Unit: WorkingHours}, def, "2026-09-03", "2026-09-03", "2026-09-03 11:00", true},
		{"P8 working hours, 0 at lunch", at("2026-08-17 12:00"), Duration{Unit: WorkingHours}, def, "2026-08-17", "2026-08-17", "2026-08-17 13:30", false},
		{"P8 working hours over the make-up Saturday", at("2026-08-21 10:00"), Duration{Amount: 16, Unit: WorkingHours}, def, "2026-08-21", "2026-08-24", "2026-08-24 10:00", false},
		{"2025 swap day", at("2025-04-25 10:00"), Duration{Amount: 3}, def, "2025-04-25", "2025-04-29", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dl, err := c.Due(tc.received, tc.dur, tc.p)
			if err != nil {
				t.Fatal(err)
			}
			dueAt := d(tc.due).AddDays(1).In(Zone())
			if tc.dueAt != "" {
				dueAt = at(tc.dueAt)
			}
			if dl.DeemedReceipt != d(tc.deemed) || dl.Due != d(tc.due) || !dl.DueAt.Equal(dueAt) || dl.Moved != tc.moved {
				t.Errorf("got deemed %s due %s at %s moved %v; want %s, %s, %s, %v",
					dl.DeemedReceipt, dl.Due, dl.DueAt, dl.Moved, tc.deemed, tc.due, dueAt, tc.moved)
			}
			if dl.Duration != tc.dur || !dl.Received.Equal(tc.received) || dl.Start.Before(dl.Received) {
				t.Errorf("bookkeeping: %+v", dl)
			}
			if !c.IsWorkingDay(dl.DeemedReceipt) || !c.IsWorkingDay(dl.Due) || dl.Due.Before(dl.DeemedReceipt) {
				t.Errorf("invariants broken: %+v", dl)
			}
		})
	}
}

func TestDueErrors(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2026, ToYear: 2026})
	for _, tc := range []struct {
		dur   Duration
		field string
	}{
		{Duration{Amount: -1}, "dur.Amount"},
		{Duration{Amount: 1, Unit: 9}, "dur.Unit"},
	} {
		_, err := c.Due(at("2026-04-24 09:00"), tc.dur, DeadlinePolicy{})
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != tc.field || !errors.Is(err, ErrInvalid) {
			t.Errorf("Due(%+v) error %v, want field %s", tc.dur, err, tc.field)
		}
	}
	for _, tc := range []struct {
		t   time.Time
		dur Duration
	}{
		{at("2025-12-31 09:00"), Duration{Amount: 1}},
		{at("2026-12-31 09:00"), Duration{Amount: 1}},
		{at("2026-12-25 09:00"), Duration{Amount: 10, Unit: CalendarDays}},
		{at("2026-12-31 09:00"), Duration{Amount: 9, Unit: WorkingHours}},
		{at("2026-06-01 09:00"), Duration{Amount: int(^uint(0) >> 1), Unit: WorkingHours}},
		{at("2026-06-01 09:00"), Duration{Amount: int(^uint(0) >> 1), Unit: WorkingDays}},
	} {
		if _, err := c.Due(tc.t, tc.dur, DeadlinePolicy{}); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("Due(%s, %+v): %v, want a *RangeError", tc.t, tc.dur, err)
		}
	}
}

func TestSupplementExcludeReschedule(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2026, ToYear: 2026})
	p := DefaultDeadlinePolicy()
	dl, err := c.Due(at("2026-04-24 09:00"), Duration{Amount: 5}, p)
	if err != nil || dl.Due != d("2026-05-06") {
		t.Fatal(dl, err)
	}
	// P10 restart (default): counted again from resubmission on Mon 4/5 10:00.
	r, err := c.Supplement(dl, at("2026-04-28 10:00"), at("2026-05-04 10:00"), p)
	if err != nil || r.Due != d("2026-05-11") || r.DeemedReceipt != d("2026-05-04") || r.Supplements != 1 {
		t.Errorf("restart: %+v, %v", r, err)
	}
	// Pause: 29/4 and 4/5 are not counted.
	pp := p
	pp.Supplement = Pause
	r, err = c.Supplement(dl, at("2026-04-28 10:00"), at("2026-05-04 10:00"), pp)
	if err != nil || r.Due != d("2026-05-08") || r.DeemedReceipt != dl.DeemedReceipt || r.Supplements != 1 || !r.DueAt.Equal(at("2026-05-09 00:00")) {
		t.Errorf("pause: %+v, %v", r, err)
	}
	if _, err := c.Supplement(dl, at("2026-05-04 10:00"), at("2026-04-28 10:00"), pp); !errors.Is(err, ErrInvalid) {
		t.Errorf("reversed supplement: %v", err)
	}
	// Pause in hours.
	dh, _ := c.Due(at("2026-08-17 10:00"), Duration{Amount: 8, Unit: WorkingHours}, p)
	r, err = c.Supplement(dh, at("2026-08-17 14:00"), at("2026-08-17 16:00"), pp)
	if err != nil || !r.DueAt.Equal(at("2026-08-18 14:00")) || r.Due != d("2026-08-18") {
		t.Errorf("pause hours: %+v, %v", r, err)
	}
	// Pause in calendar days: due 4/5 (+3 days = 7/5).
	dc, _ := c.Due(at("2026-04-24 09:00"), Duration{Amount: 7, Unit: CalendarDays}, p)
	r, err = c.Supplement(dc, at("2026-04-28 10:00"), at("2026-05-01 10:00"), pp)
	if err != nil || dc.Due != d("2026-05-04") || r.Due != d("2026-05-07") {
		t.Errorf("pause calendar days: %+v, %v", r, err)
	}
	// P11: two excluded intervals (2 + 1 working days).
	r, err = c.Exclude(dl, []Interval{{at("2026-04-28 10:00"), at("2026-05-04 10:00")}, {at("2026-05-05 08:00"), at("2026-05-06 08:00")}}, p)
	if err != nil || r.Due != d("2026-05-11") || r.Supplements != 0 {
		t.Errorf("exclude: %+v, %v", r, err)
	}
	_, err = c.Exclude(dl, []Interval{{at("2026-05-04 10:00"), at("2026-04-28 10:00")}}, p)
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "ivs[0].To" {
		t.Errorf("exclude reversed: %v", err)
	}
	// P12: one rescheduling; an apology on the due date is late.
	r, err = c.Reschedule(dl, at("2026-05-05 16:00"), d("2026-05-12"), p)
	if err != nil || r.Appointment != d("2026-05-12") || r.Due != dl.Due || r.Reschedules != 1 || r.LateApology {
		t.Errorf("reschedule: %+v, %v", r, err)
	}
	late, err := c.Reschedule(dl, at("2026-05-06 09:00"), d("2026-05-12"), p)
	if err != nil || !late.LateApology {
		t.Errorf("late apology not flagged: %+v, %v", late, err)
	}
	_, err = c.Reschedule(r, at("2026-05-07 09:00"), d("2026-05-14"), p)
	if !errors.As(err, &ie) || ie.Field != "dl.Reschedules" {
		t.Errorf("second reschedule: %v", err)
	}
	_, err = c.Reschedule(dl, at("2026-05-04 09:00"), d("2026-05-06"), p)
	if !errors.As(err, &ie) || ie.Field != "newDue" {
		t.Errorf("newDue not after due: %v", err)
	}
	if _, err = c.Reschedule(dl, at("2026-05-04 09:00"), d("2026-05-12"), DeadlinePolicy{RescheduleLimit: -1}); !errors.Is(err, ErrInvalid) {
		t.Errorf("limit −1: %v", err)
	}
}

func TestClassify(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2026, ToYear: 2026})
	p := DefaultDeadlinePolicy()
	dl, err := c.Due(at("2026-04-24 09:00"), Duration{Amount: 5}, p) // due Wed 2026-05-06
	if err != nil {
		t.Fatal(err)
	}
	resched, _ := c.Reschedule(dl, at("2026-05-04 09:00"), d("2026-05-12"), p)
	byAppt := p
	byAppt.ClassifyByAppointment = true
	closeP := p
	closeP.EndOfDay = OfficeClose
	dlClose, _ := c.Due(at("2026-04-24 09:00"), Duration{Amount: 5}, closeP)
	tests := []struct {
		name      string
		dl        Deadline
		end       time.Time
		finished  bool
		asOf      time.Time
		p         DeadlinePolicy
		class     Class
		early     int
		lateDays  int
		lateHours time.Duration
		dueSoon   bool
	}{
		{"early", dl, at("2026-05-04 15:00"), true, time.Time{}, p, Early, 2, 0, 0, false},
		{"on time, last minute", dl, at("2026-05-06 23:59"), true, time.Time{}, p, OnTime, 0, 0, 0, false},
		{"on time, morning", dl, at("2026-05-06 08:00"), true, time.Time{}, p, OnTime, 0, 0, 0, false},
		{"late", dl, at("2026-05-08 10:00"), true, time.Time{}, p, Late, 0, 2, 11 * time.Hour, false},
		{"late on a Saturday", dl, at("2026-05-09 10:00"), true, time.Time{}, p, Late, 0, 2, 16 * time.Hour, false},
		{"late, UTC end converted", dl, time.Date(2026, 5, 6, 17, 30, 0, 0, time.UTC), true, time.Time{}, p, Late, 0, 1, 0, false},
		{"open, early on", dl, time.Time{}, false, at("2026-05-04 10:00"), p, OpenWithinDeadline, 0, 0, 0, false},
		{"open, due soon", dl, time.Time{}, false, at("2026-05-05 10:00"), p, OpenWithinDeadline, 0, 0, 0, true},
		{"open, due day", dl, time.Time{}, false, at("2026-05-06 20:00"), p, OpenWithinDeadline, 0, 0, 0, true},
		{"open, due soon disabled", dl, time.Time{}, false, at("2026-05-06 20:00"), DeadlinePolicy{DueSoonDays: -1}, OpenWithinDeadline, 0, 0, 0, false},
		{"open, 24:00 exactly", dl, time.Time{}, false, at("2026-05-07 00:00"), p, OpenWithinDeadline, 0, 0, 0, true},
		{"open, overdue", dl, time.Time{}, false, at("2026-05-07 00:01"), p, OpenOverdue, 0, 1, 0, false},
		{"open, overdue 2 days", dl, time.Time{}, false, at("2026-05-08 09:00"), p, OpenOverdue, 0, 2, 10 * time.Hour, false},
		{"open, office close", dlClose, time.Time{}, false, at("2026-05-06 17:01"), closeP, OpenOverdue, 0, 0, 0, false},
		{"legal due decides (P12)", resched, at("2026-05-08 10:00"), true, time.Time{}, p, Late, 0, 2, 11 * time.Hour, false},
		{"appointment decides", resched, at("2026-05-08 10:00"), true, time.Time{}, byAppt, Early, 2, 0, 0, false},
		{"finished ignores asOf", dl, at("2026-05-04 15:00"), true, at("2026-06-01 10:00"), p, Early, 2, 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o, err := c.Classify(tc.dl, tc.end, tc.finished, tc.asOf, tc.p)
			if err != nil {
				t.Fatal(err)
			}
			if o.Class != tc.class || o.EarlyWorkingDays != tc.early || o.LateWorkingDays != tc.lateDays ||
				o.LateWorkingHours != tc.lateHours || o.DueSoon != tc.dueSoon {
				t.Errorf("got %+v; want %s early %d late %d/%s soon %v", o, tc.class, tc.early, tc.lateDays, tc.lateHours, tc.dueSoon)
			}
		})
	}
	// P13: a refusal is on time (never early) when the notice is dated on or before the due date.
	for _, tc := range []struct {
		notice string
		class  Class
	}{{"2026-04-28 09:00", OnTime}, {"2026-05-06 16:00", OnTime}, {"2026-05-07 08:00", Late}} {
		if o, err := c.ClassifyRefusal(dl, at(tc.notice), p); err != nil || o.Class != tc.class {
			t.Errorf("refusal %s: %+v, %v", tc.notice, o, err)
		}
	}
	// Errors.
	var ie *InputError
	if _, err := c.Classify(dl, time.Time{}, true, time.Time{}, p); !errors.As(err, &ie) || ie.Field != "end" {
		t.Errorf("zero end: %v", err)
	}
	if _, err := c.Classify(dl, time.Time{}, false, time.Time{}, p); !errors.As(err, &ie) || ie.Field != "asOf" {
		t.Errorf("zero asOf: %v", err)
	}
	if _, err := c.Classify(dl, at("2026-05-08 10:00").AddDate(1, 0, 0), true, time.Time{}, p); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("end out of range: %v", err)
	}
	if _, err := c.ClassifyRefusal(dl, time.Time{}, p); !errors.Is(err, ErrInvalid) {
		t.Errorf("zero notice: %v", err)
	}
	// P14.
	if !p.Counts(false) || p.Counts(true) || !(DeadlinePolicy{IncludeWithdrawn: true}).Counts(true) {
		t.Error("Counts")
	}
}

func TestNamesAndLabels(t *testing.T) {
	classes := map[Class][2]string{
		Early: {"early", "Trước hạn"}, OnTime: {"on-time", "Đúng hạn"}, Late: {"late", "Quá hạn"},
		OpenWithinDeadline: {"open-within-deadline", "Đang xử lý trong hạn"}, OpenOverdue: {"open-overdue", "Đang xử lý quá hạn"},
		Class(9): {"Class(9)", "Class(9)"},
	}
	for k, want := range classes {
		if k.String() != want[0] || k.Label() != want[1] {
			t.Errorf("%d: %q %q", k, k.String(), k.Label())
		}
	}
	units := map[Unit]string{WorkingDays: "working-days", WorkingHours: "working-hours", CalendarDays: "calendar-days", Unit(7): "Unit(7)"}
	for u, want := range units {
		if u.String() != want {
			t.Errorf("%d: %q", u, u.String())
		}
	}
	for k := Regular; k <= ExtraWork+1; k++ {
		if k.String() == "" || (k <= ExtraWork) == (k.String() == "DayKind("+itoa(int(k))+")") {
			t.Errorf("DayKind %d: %q", k, k.String())
		}
	}
	if itoa(-42) != "-42" || itoa(0) != "0" {
		t.Error("itoa")
	}
	if DefaultDeadlinePolicy() != (DeadlinePolicy{}).normal() {
		t.Error("the zero policy must normalise to the default policy")
	}
}
