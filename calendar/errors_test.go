package calendar

import (
	"errors"
	"math"
	"testing"
	"time"
)

// farSec is an instant 2³² days after 2026-04-24 10:06:40 UTC+7, in the year 11 761 247: a 32-bit day
// number wraps it exactly onto that real date of 2026, as DateOf and every method taking an instant did.
const farSec = 1777000000 + 1<<32*86400

// TestRangeErrorFields pins, for each operation, the fields and the message of its *RangeError: the method the
// caller called, the argument outside the range (with its value) or, for a result leaving the range, the
// start and the step — never the calendar's edge, a helper's name or a zero step.
func TestRangeErrorFields(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2024, ToYear: 2027})
	slow := slowCopy(c)
	p := DefaultDeadlinePolicy()
	in := func(s string) time.Time { return at(s).In(c.Location()) }
	dl, err := c.Due(in("2027-12-20 09:00"), Duration{Amount: 3}, p)
	if err != nil {
		t.Fatal(err)
	}
	far := time.Unix(farSec, 0)
	farNeg := time.Unix(-farSec, 0)
	tests := []struct {
		name string
		call func(c *Calendar) error
		want RangeError // Min and Max are the calendar's
		msg  string
	}{
		{"AddWorkingDays result", func(c *Calendar) error { _, err := c.AddWorkingDays(d("2027-12-30"), 5); return err },
			RangeError{Op: "AddWorkingDays", Arg: "result", Date: d("2027-12-30"), N: 5},
			"calendar: AddWorkingDays: the result of 5 from 2027-12-30 is outside the calendar range 2024-01-01..2027-12-31"},
		{"AddWorkingDays argument", func(c *Calendar) error { _, err := c.AddWorkingDays(d("2028-01-03"), -1); return err },
			RangeError{Op: "AddWorkingDays", Arg: "d", Date: d("2028-01-03")},
			"calendar: AddWorkingDays: d = 2028-01-03 is outside the calendar range 2024-01-01..2027-12-31"},
		{"NextWorkingDay", func(c *Calendar) error { _, err := c.NextWorkingDay(d("2027-12-31")); return err },
			RangeError{Op: "NextWorkingDay", Arg: "result", Date: d("2027-12-31"), N: 1},
			"calendar: NextWorkingDay: the result of 1 from 2027-12-31 is outside the calendar range 2024-01-01..2027-12-31"},
		{"Shift calendar days", func(c *Calendar) error { _, err := c.Shift(d("2024-01-02"), -5, CalendarDays); return err },
			RangeError{Op: "Shift", Arg: "result", Date: d("2024-01-02"), N: -5},
			"calendar: Shift: the result of -5 from 2024-01-02 is outside the calendar range 2024-01-01..2027-12-31"},
		{"WorkingDaysBetween to", func(c *Calendar) error { _, err := c.WorkingDaysBetween(d("2026-01-05"), d("2028-01-04")); return err },
			RangeError{Op: "WorkingDaysBetween", Arg: "to", Date: d("2028-01-04")},
			"calendar: WorkingDaysBetween: to = 2028-01-04 is outside the calendar range 2024-01-01..2027-12-31"},
		{"WorkingDaysBetween from", func(c *Calendar) error { _, err := c.WorkingDaysBetween(d("2023-12-31"), d("2026-01-05")); return err },
			RangeError{Op: "WorkingDaysBetween", Arg: "from", Date: d("2023-12-31")},
			"calendar: WorkingDaysBetween: from = 2023-12-31 is outside the calendar range 2024-01-01..2027-12-31"},
		{"AddWorkingHours result", func(c *Calendar) error { _, err := c.AddWorkingHours(in("2027-12-31 16:00"), 24*time.Hour); return err },
			RangeError{Op: "AddWorkingHours", Arg: "result", Date: d("2027-12-31"), Time: in("2027-12-31 16:00"), Hours: 24 * time.Hour},
			"calendar: AddWorkingHours: the result of 24h0m0s from 2027-12-31T16:00:00+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"AddWorkingHours max duration", func(c *Calendar) error {
			_, err := c.AddWorkingHours(in("2026-05-04 09:00"), math.MaxInt64)
			return err
		},
			RangeError{Op: "AddWorkingHours", Arg: "result", Date: d("2026-05-04"), Time: in("2026-05-04 09:00"), Hours: math.MaxInt64},
			"calendar: AddWorkingHours: the result of 2562047h47m16.854775807s from 2026-05-04T09:00:00+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"AddWorkingHours min duration", func(c *Calendar) error {
			_, err := c.AddWorkingHours(in("2026-05-04 09:00"), math.MinInt64)
			return err
		},
			RangeError{Op: "AddWorkingHours", Arg: "result", Date: d("2026-05-04"), Time: in("2026-05-04 09:00"), Hours: math.MinInt64},
			"calendar: AddWorkingHours: the result of -2562047h47m16.854775808s from 2026-05-04T09:00:00+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"AddWorkingHours argument", func(c *Calendar) error { _, err := c.AddWorkingHours(in("2023-12-29 09:00"), time.Hour); return err },
			RangeError{Op: "AddWorkingHours", Arg: "t", Date: d("2023-12-29"), Time: in("2023-12-29 09:00")},
			"calendar: AddWorkingHours: t = 2023-12-29T09:00:00+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"WorkingHoursBetween to", func(c *Calendar) error {
			_, err := c.WorkingHoursBetween(in("2026-05-04 09:00"), in("2028-01-03 09:00"))
			return err
		},
			RangeError{Op: "WorkingHoursBetween", Arg: "to", Date: d("2028-01-03"), Time: in("2028-01-03 09:00")},
			"calendar: WorkingHoursBetween: to = 2028-01-03T09:00:00+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"Due result (working days)", func(c *Calendar) error {
			_, err := c.Due(in("2027-12-30 09:00"), Duration{Amount: 5}, p)
			return err
		},
			RangeError{Op: "Due", Arg: "result", Date: d("2027-12-30"), Time: in("2027-12-30 09:00"), N: 5},
			"calendar: Due: the result of 5 from 2027-12-30T09:00:00+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"Due result (hours)", func(c *Calendar) error {
			_, err := c.Due(in("2027-12-31 09:00"), Duration{Amount: 40, Unit: WorkingHours}, p)
			return err
		},
			RangeError{Op: "Due", Arg: "result", Date: d("2027-12-31"), Time: in("2027-12-31 09:00"), N: 40},
			"calendar: Due: the result of 40 from 2027-12-31T09:00:00+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"Due deemed receipt after the range", func(c *Calendar) error {
			var dl Deadline
			return c.DueTo(&dl, in("2027-12-31 16:00"), Duration{Amount: 0}, p)
		},
			RangeError{Op: "Due", Arg: "result", Date: d("2027-12-31"), Time: in("2027-12-31 16:00")},
			"calendar: Due: the result of 0 from 2027-12-31T16:00:00+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"Due received far in the future", func(c *Calendar) error { _, err := c.Due(far, Duration{Amount: 5}, p); return err },
			RangeError{Op: "Due", Arg: "received", Date: NewDate(11761247, 1, 1), Time: far.In(c.Location())},
			"calendar: Due: received = 11761247-05-14T10:06:40+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"DueTo received far in the past", func(c *Calendar) error { var dl Deadline; return c.DueTo(&dl, farNeg, Duration{Amount: 5}, p) },
			RangeError{Op: "Due", Arg: "received", Date: NewDate(-11757307, 1, 1), Time: farNeg.In(c.Location())},
			""},
		{"Supplement restart", func(c *Calendar) error {
			_, err := c.Supplement(dl, in("2027-12-21 09:00"), in("2027-12-30 09:00"), p)
			return err
		},
			RangeError{Op: "Supplement", Arg: "result", Date: d("2027-12-30"), Time: in("2027-12-30 09:00"), N: 3},
			"calendar: Supplement: the result of 3 from 2027-12-30T09:00:00+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"SupplementTo resubmitted far", func(c *Calendar) error { x := dl; return c.SupplementTo(&x, in("2027-12-21 09:00"), far, p) },
			RangeError{Op: "Supplement", Arg: "resubmitted", Date: NewDate(11761247, 1, 1), Time: far.In(c.Location())},
			""},
		{"Supplement pause far", func(c *Calendar) error {
			x := dl
			return c.SupplementTo(&x, in("2027-12-21 09:00"), far, DeadlinePolicy{Supplement: Pause})
		},
			RangeError{Op: "Supplement", Arg: "resubmitted", Date: NewDate(11761247, 1, 1), Time: far.In(c.Location())},
			""},
		{"Exclude", func(c *Calendar) error {
			_, err := c.Exclude(dl, []Interval{{From: in("2027-12-21 09:00"), To: in("2028-01-05 09:00")}}, p)
			return err
		},
			RangeError{Op: "Exclude", Arg: "ivs[0].To", Date: d("2028-01-05"), Time: in("2028-01-05 09:00")},
			"calendar: Exclude: ivs[0].To = 2028-01-05T09:00:00+07:00 is outside the calendar range 2024-01-01..2027-12-31"},
		{"Classify finished far", func(c *Calendar) error { _, err := c.Classify(dl, far, true, time.Time{}, p); return err },
			RangeError{Op: "Classify", Arg: "end", Date: NewDate(11761247, 1, 1), Time: far.In(c.Location())},
			""},
		{"ClassifyRefusal far", func(c *Calendar) error { _, err := c.ClassifyRefusal(dl, far, p); return err },
			RangeError{Op: "ClassifyRefusal", Arg: "notice", Date: NewDate(11761247, 1, 1), Time: far.In(c.Location())},
			""},
		{"Classify finished early, far in the past", func(c *Calendar) error { _, err := c.Classify(dl, farNeg, true, time.Time{}, p); return err },
			RangeError{Op: "Classify", Arg: "end", Date: NewDate(-11757307, 1, 1), Time: farNeg.In(c.Location())},
			""},
		{"Judgement open, as-of far in the future", func(c *Calendar) error {
			j := c.JudgeAt(far, p)
			var o Outcome
			return j.Classify(&o, dl.Due, dl.DueAt, time.Time{}, false)
		},
			RangeError{Op: "Classify", Arg: "asOf", Date: NewDate(11761247, 1, 1), Time: far.In(c.Location())},
			""},
		{"Judgement open, as-of far in the past", func(c *Calendar) error {
			j := c.JudgeAt(farNeg, p)
			var o Outcome
			return j.Classify(&o, dl.Due, dl.DueAt, time.Time{}, false)
		},
			RangeError{Op: "Classify", Arg: "asOf", Date: NewDate(-11757307, 1, 1), Time: farNeg.In(c.Location())},
			""},
		{"Judgement late, due outside", func(c *Calendar) error {
			j := c.JudgeAt(in("2026-05-04 09:00"), p)
			var o Outcome
			return j.Classify(&o, d("2023-06-01"), in("2023-06-02 00:00"), in("2026-05-04 09:00"), true)
		},
			RangeError{Op: "Classify", Arg: "due", Date: d("2023-06-01")},
			"calendar: Classify: due = 2023-06-01 is outside the calendar range 2024-01-01..2027-12-31"},
	}
	for _, tc := range tests {
		for _, cal := range []*Calendar{c, slow} {
			err := tc.call(cal)
			var re *RangeError
			if !errors.Is(err, ErrOutOfRange) || !errors.As(err, &re) {
				t.Fatalf("%s: %v, want a *RangeError", tc.name, err)
			}
			want := tc.want
			want.Min, want.Max = d("2024-01-01"), d("2027-12-31")
			if !want.Time.IsZero() {
				want.Time = want.Time.In(c.Location())
			}
			if re.Op != want.Op || re.Arg != want.Arg || re.Date != want.Date || !re.Time.Equal(want.Time) ||
				re.N != want.N || re.Hours != want.Hours || re.Min != want.Min || re.Max != want.Max {
				t.Errorf("%s: got %+v\nwant %+v", tc.name, *re, want)
			}
			if tc.msg != "" && err.Error() != tc.msg {
				t.Errorf("%s: message\n%s\nwant\n%s", tc.name, err, tc.msg)
			}
		}
	}
}

// TestFarInstantsDoNotWrap: instants beyond the 32-bit day number map to a date no calendar contains, by
// the integer path (fixed offset) and by the time.Location path alike, and NewDate clamps rather than
// wraps.
func TestFarInstantsDoNotWrap(t *testing.T) {
	c := mustNew(t, Options{})
	first, last := c.Range()
	for _, sec := range []int64{farSec, -farSec, math.MaxInt64 / 2, math.MinInt64 / 2, 1 << 40, -(1 << 40), 1<<40 + 1} {
		tm := time.Unix(sec, 0)
		for _, got := range []Date{c.DateOf(tm), c.DateOfUnix(sec), DateOf(tm, nil), slowCopy(c).DateOf(tm)} {
			if c.Contains(got) {
				t.Errorf("instant %d: date %s lies in the calendar", sec, got)
			}
			if (sec > 0) != got.After(last) || (sec < 0) != got.Before(first) {
				t.Errorf("instant %d: date %s on the wrong side of the range", sec, got)
			}
		}
		if _, err := c.Due(tm, Duration{Amount: 1}, DefaultDeadlinePolicy()); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("Due(%d): %v", sec, err)
		}
		j := c.JudgeAt(tm, DefaultDeadlinePolicy())
		if _, _, ok := j.AppointmentDue(tm); ok {
			t.Errorf("AppointmentDue(%d) accepted", sec)
		}
	}
	for _, tc := range []struct {
		y    int
		m    time.Month
		d    int
		want Date
	}{
		{11761247, 1, 1, Date{n: dateLimit}},
		{-11761247, 1, 1, Date{n: -dateLimit}},
		{math.MaxInt, math.MaxInt, math.MaxInt, Date{n: dateLimit}},
		{math.MinInt, 1, math.MinInt, Date{n: -dateLimit}},
		{2026, 1, math.MaxInt, Date{n: dateLimit}},
		{5_000_000, 12, 31, NewDate(5_000_000, 12, 31)},
	} {
		if got := NewDate(tc.y, tc.m, tc.d); got != tc.want {
			t.Errorf("NewDate(%d, %d, %d) = %d, want %d", tc.y, tc.m, tc.d, got.n, tc.want.n)
		}
	}
	if y := NewDate(5_000_000, 12, 31).Year(); y != 5_000_000 {
		t.Errorf("year 5 000 000 is not exact: %d", y)
	}
}
