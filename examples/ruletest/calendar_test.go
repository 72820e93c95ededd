package ruletest_test

import (
	"sync"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
)

// cal is the default working-day calendar (statutory rules plus the announced 2025–2027 civil-service
// layouts), built once and shared: a Calendar is immutable.
var cal = sync.OnceValues(func() (*calendar.Calendar, error) {
	return calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
})

func mustCal(t testing.TB) *calendar.Calendar {
	t.Helper()
	c, err := cal()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// at reads "2006-01-02 15:04" in Vietnam time (UTC+7, docs/calendar.md, Time zone).
func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, calendar.Zone())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func date(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func workingDays(n int) calendar.Duration {
	return calendar.Duration{Amount: n, Unit: calendar.WorkingDays}
}

// dueCase is one dossier received at an instant with a legal time in working days.
type dueCase struct {
	name          string
	received      string
	days          int
	deemedReceipt string
	due           string
}

func checkDue(t *testing.T, tests []dueCase, p calendar.DeadlinePolicy) {
	t.Helper()
	c := mustCal(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dl, err := c.Due(at(t, tt.received), workingDays(tt.days), p)
			if err != nil {
				t.Fatal(err)
			}
			if dl.DeemedReceipt != date(t, tt.deemedReceipt) || dl.Due != date(t, tt.due) {
				t.Errorf("received %s, %d working days: deemed receipt %s, due %s; want %s, %s",
					tt.received, tt.days, dl.DeemedReceipt, dl.Due, tt.deemedReceipt, tt.due)
			}
			// The due day ends at 24:00 (Civil Code art. 148(6), P4).
			if want := date(t, tt.due).AddDays(1).In(calendar.Zone()); !dl.DueAt.Equal(want) {
				t.Errorf("due day ends %v, want %v", dl.DueAt, want)
			}
		})
	}
}

// TestReceivedFridayAfter15hBeforeHungKings2026IsDeemedReceivedTuesdayAndDueThursday7May pins the afternoon
// case of the 2026 Hùng Kings' holiday.
//
// Rule: a dossier received at or after 15:00 counts as received on the next working day (Decree 61/2018/NĐ-CP
// art. 18(2)–(3): dossiers received after 15:00 are forwarded the next working day; docs/calendar.md, P1, default
// 15:00 for all dossiers, the boundary 15:00:00 itself included). Giỗ Tổ Hùng Vương (10/3 lunar, Labour Code
// 2019 art. 112(1)) falls on Sunday 26/4/2026, so Monday 27/4 is a compensatory day off (art. 111(3)); 30/4
// and 1/5 are holidays. The deemed receipt day is not counted (Civil Code 2015 art. 147(2); P3(a)).
// Received Friday 24/4 16:30 → deemed received Tuesday 28/4 → 5 working days: 29/4, 4/5, 5/5, 6/5, 7/5 →
// due Thursday 7/5/2026 (the docs/calendar.md deadline vector gives the same for 16:00).
func TestReceivedFridayAfter15hBeforeHungKings2026IsDeemedReceivedTuesdayAndDueThursday7May(t *testing.T) {
	checkDue(t, []dueCase{
		{"16:30 (the rule owner's case)", "2026-04-24 16:30", 5, "2026-04-28", "2026-05-07"},
		{"16:00 (docs/calendar.md deadline vector)", "2026-04-24 16:00", 5, "2026-04-28", "2026-05-07"},
		{"15:00 exactly is already after the cut-off", "2026-04-24 15:00", 5, "2026-04-28", "2026-05-07"},
	}, calendar.DefaultDeadlinePolicy())
	// Monday 27/4 is off because of the Sunday holiday, not a swap.
	if di := mustCal(t).Day(date(t, "2026-04-27")); di.Working || di.Kind != calendar.Compensatory {
		t.Errorf("27/4/2026: working %v, kind %v; want a compensatory day off", di.Working, di.Kind)
	}
}

// TestReceivedFridayMorningBeforeHungKings2026IsDueWednesday6May pins the morning case: before the 15:00
// cut-off the dossier counts as received that Friday (day 0, Civil Code art. 147(2)); 5 working days skipping
// 27/4 (compensatory), 30/4 and 1/5: 28/4, 29/4, 4/5, 5/5, 6/5 → due Wednesday 6/5/2026.
func TestReceivedFridayMorningBeforeHungKings2026IsDueWednesday6May(t *testing.T) {
	checkDue(t, []dueCase{
		{"09:00", "2026-04-24 09:00", 5, "2026-04-24", "2026-05-06"},
		{"14:59 is still before the cut-off", "2026-04-24 14:59", 5, "2026-04-24", "2026-05-06"},
	}, calendar.DefaultDeadlinePolicy())
}

// TestMakeUpSaturday22August2026IsAWorkingDay pins the announced swap of 2026: civil servants work Saturday
// 22/8 (làm bù) and take Monday 31/8 off (hoán đổi) next to National Day (Labour Code 2019 art. 112(3); the
// Government Office's 2026 layout, docs/calendar.md, Announced civil-service schedules). Dossier deadlines follow the civil-service schedule, so
// the Saturday counts as a working day: received Thursday 20/8 10:00 with 3 working days → 21/8, 22/8, 24/8
// → due Monday 24/8 (docs/calendar.md, Deadline vectors). Monday 31/8, 1/9 and 2/9 are off.
func TestMakeUpSaturday22August2026IsAWorkingDay(t *testing.T) {
	c := mustCal(t)
	if di := c.Day(date(t, "2026-08-22")); !di.Working || di.Kind != calendar.MakeUpWork {
		t.Errorf("22/8/2026: working %v, kind %v; want a make-up working day", di.Working, di.Kind)
	}
	if di := c.Day(date(t, "2026-08-31")); di.Working || di.Kind != calendar.SwapOff {
		t.Errorf("31/8/2026: working %v, kind %v; want the swapped day off", di.Working, di.Kind)
	}
	checkDue(t, []dueCase{
		{"Thursday 20/8, 3 working days", "2026-08-20 10:00", 3, "2026-08-20", "2026-08-24"},
		{"Friday 28/8, 1 working day skips 31/8, 1/9, 2/9", "2026-08-28 10:00", 1, "2026-08-28", "2026-09-03"},
	}, calendar.DefaultDeadlinePolicy())
}

// TestReceivedFriday13February2026IsDueMonday23FebruaryAfterTet pins Tết Bính Ngọ: the civil service is off
// Monday 16/2 to Friday 20/2/2026 (the Government Office's layout, Labour Code 2019 art. 112(1)(b) and (3)),
// with the weekends around it, so 1 working day from Friday 13/2 10:00 is Monday 23/2 (docs/calendar.md, Deadline vectors).
func TestReceivedFriday13February2026IsDueMonday23FebruaryAfterTet(t *testing.T) {
	checkDue(t, []dueCase{
		{"Friday 13/2 10:00, 1 working day", "2026-02-13 10:00", 1, "2026-02-13", "2026-02-23"},
		{"Friday 13/2 16:00 is deemed received after Tết", "2026-02-13 16:00", 1, "2026-02-23", "2026-02-24"},
	}, calendar.DefaultDeadlinePolicy())
	for d := date(t, "2026-02-16"); !d.After(date(t, "2026-02-20")); d = d.AddDays(1) {
		if mustCal(t).IsWorkingDay(d) {
			t.Errorf("%s is a working day; Tết 2026 runs 16/2–20/2", d)
		}
	}
}

// TestCutoffPolicyChangesTheDueDate pins policy P1 (docs/calendar.md, P1): the decree's 15:00 rule governs the
// forwarding of dossiers (Decree 61/2018 art. 18(2)–(3)); moving the receipt date with it is the library's
// default, not the law's wording. The same dossier — received Friday 24/4/2026 16:30, 5 working days — is
// due Thursday 7/5 under the default cut-off and Wednesday 6/5 with no cut-off. P3(b) ("a moved receipt day
// counts as day 1") is the third reading: the cut-off then never changes the due date.
func TestCutoffPolicyChangesTheDueDate(t *testing.T) {
	received := "2026-04-24 16:30"
	noCutoff := calendar.DefaultDeadlinePolicy()
	noCutoff.CutoffScope = calendar.CutoffNone
	dayOne := calendar.DefaultDeadlinePolicy()
	dayOne.ReceiptCounting = calendar.MovedReceiptIsDayOne
	for _, tt := range []struct {
		name   string
		policy calendar.DeadlinePolicy
		due    string
	}{
		{"default: 15:00 cut-off, receipt day is day 0", calendar.DefaultDeadlinePolicy(), "2026-05-07"},
		{"no cut-off", noCutoff, "2026-05-06"},
		{"cut-off, moved receipt day counts as day 1 (P3b)", dayOne, "2026-05-06"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dl, err := mustCal(t).Due(at(t, received), workingDays(5), tt.policy)
			if err != nil {
				t.Fatal(err)
			}
			if dl.Due != date(t, tt.due) {
				t.Errorf("due %s, want %s", dl.Due, tt.due)
			}
		})
	}
}

// TestSupplementRestartsTheClockByDefaultOrPausesIt pins policy P10 (docs/calendar.md, P10). Decree 61/2018 art.
// 19(4): after a supplement request the processing time is counted again from the beginning once the complete
// dossier arrives (Restart, the calendar's default); the alternative is to pause the clock for the applicant's
// time. Dossier received Monday 3/8/2026 09:00, 10 working days → due Monday 17/8. Supplement requested
// Wednesday 5/8 10:00, re-submitted Monday 10/8 09:00:
//   - Restart: 10 working days from 10/8 → 11–14/8, 17–21/8, Saturday 22/8 (make-up day) → due Saturday 22/8;
//   - Pause: the 3 working days between request and re-submission (6/8, 7/8, 10/8) move 17/8 to Thursday 20/8.
func TestSupplementRestartsTheClockByDefaultOrPausesIt(t *testing.T) {
	c := mustCal(t)
	dl, err := c.Due(at(t, "2026-08-03 09:00"), workingDays(10), calendar.DefaultDeadlinePolicy())
	if err != nil {
		t.Fatal(err)
	}
	if dl.Due != date(t, "2026-08-17") {
		t.Fatalf("due before the supplement %s, want 2026-08-17", dl.Due)
	}
	pause := calendar.DefaultDeadlinePolicy()
	pause.Supplement = calendar.Pause
	for _, tt := range []struct {
		name   string
		policy calendar.DeadlinePolicy
		due    string
	}{
		{"restart (default, Decree 61/2018 art. 19(4))", calendar.DefaultDeadlinePolicy(), "2026-08-22"},
		{"pause", pause, "2026-08-20"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Supplement(dl, at(t, "2026-08-05 10:00"), at(t, "2026-08-10 09:00"), tt.policy)
			if err != nil {
				t.Fatal(err)
			}
			if got.Due != date(t, tt.due) || got.Supplements != 1 {
				t.Errorf("due %s after %d supplement(s), want %s after 1", got.Due, got.Supplements, tt.due)
			}
		})
	}
}

// TestAppointmentAtMidnight pins issue 13's example of P15 as a rule owner would: an appointment written as
// 2026-02-03 00:00 is 24:00 of Monday 2/2, so a dossier finished at 09:58 on 3/2 is late by instants (the
// default) and on time only for a system that stores date-only appointments (Granularity ByDay).
func TestAppointmentAtMidnight(t *testing.T) {
	c := mustCal(t)
	// Received Monday 5/1/2026 at 16:55, after the 15:00 cut-off: deemed received Tuesday 6/1; 20 working
	// days from there (Tết 2026 is in February, after the due date) end on Monday 2/2.
	dl, err := c.Due(at(t, "2026-01-05 16:55"), workingDays(20), calendar.DefaultDeadlinePolicy())
	if err != nil {
		t.Fatal(err)
	}
	if dl.Due != date(t, "2026-02-02") || !dl.DueAt.Equal(at(t, "2026-02-03 00:00")) {
		t.Fatalf("due %s at %s, want 2026-02-02 at 2026-02-03 00:00", dl.Due, dl.DueAt)
	}
	asOf := at(t, "2026-03-01 00:00")
	for _, tc := range []struct {
		g    calendar.Granularity
		want calendar.Class
	}{{calendar.ByInstant, calendar.Late}, {calendar.ByDay, calendar.OnTime}} {
		p := calendar.DefaultDeadlinePolicy()
		p.Granularity = tc.g
		j := c.JudgeAt(asOf, p)
		due, dueAt, ok := j.AppointmentDue(at(t, "2026-02-03 00:00"))
		if !ok {
			t.Fatal("appointment outside the calendar")
		}
		var out calendar.Outcome
		if err := j.Classify(&out, due, dueAt, at(t, "2026-02-03 09:58"), true); err != nil || out.Class != tc.want {
			t.Errorf("by %s: %s (due %s at %s), %v; want %s", tc.g, out.Class, due, dueAt, err, tc.want)
		}
	}
}
