package calendar

import (
	"errors"
	"fmt"
	"time"
)

// ErrOutOfRange is matched (with errors.Is) by every *RangeError: a date or instant outside the range a
// Calendar was built for, or a result that would leave it.
var ErrOutOfRange = errors.New("calendar: outside the calendar's range")

// ErrInvalid is matched (with errors.Is) by every *InputError: malformed text, inconsistent options or
// arguments that break a documented precondition.
var ErrInvalid = errors.New("calendar: invalid input")

// RangeError reports an operation whose argument or result lies outside the years a Calendar was built for.
// It names what the caller passed: the method the caller called (Op — "Due", not a helper it uses), which
// argument is outside (Arg) with its value (Date, and Time for an instant), or, when the arguments are in
// range but the result would leave it (Arg "result"), the start and the step (N or Hours). Instants too far
// from the calendar's years to have a representable date (beyond ±5,000,000 years) are reported the same
// way, never wrapped onto a real date. It matches ErrOutOfRange with errors.Is.
type RangeError struct {
	Op    string        // the method called, e.g. "AddWorkingDays", "Due", "Classify"
	Arg   string        // the argument outside the range ("d", "from", "to", "t", "received", "end", "asOf", …) or "result"
	Date  Date          // that argument's date (an instant's date in the calendar's zone); for "result", the date the step started from
	Time  time.Time     // the instant, when the argument (or the start of the step) is an instant; else zero
	N     int           // the step in days, or the Duration's amount, where there is one; else 0
	Hours time.Duration // the office-time step of AddWorkingHours; else 0
	Min   Date          // the calendar's first day
	Max   Date          // the calendar's last day
}

// Error formats the operation, the offending argument or step and the supported range, e.g.
// "calendar: WorkingDaysBetween: to = 2100-01-04 is outside the calendar range 1976-01-01..2099-12-31" or
// "calendar: AddWorkingHours: the result of 24h0m0s from 2099-12-31T16:00:00+07:00 is outside the calendar
// range 1976-01-01..2099-12-31".
func (e *RangeError) Error() string {
	val := e.Date.String()
	if !e.Time.IsZero() {
		val = e.Time.Format(time.RFC3339Nano)
	}
	rng := " is outside the calendar range " + e.Min.String() + ".." + e.Max.String()
	if e.Arg == "result" {
		step := itoa(e.N)
		if e.Hours != 0 {
			step = e.Hours.String()
		}
		return "calendar: " + e.Op + ": the result of " + step + " from " + val + rng
	}
	arg := e.Arg
	if arg == "" {
		arg = "date"
	}
	return "calendar: " + e.Op + ": " + arg + " = " + val + rng
}

// Is reports whether target is ErrOutOfRange.
func (e *RangeError) Is(target error) bool { return target == ErrOutOfRange }

// InputError reports bad input: which operation, which field (record and field, e.g. "Holidays[2].Day"),
// the offending value and why. It matches ErrInvalid with errors.Is and unwraps to Err when set.
type InputError struct {
	Op     string // e.g. "New", "ParseDate", "Classify"
	Field  string // e.g. "Options.OfficeHours.Default[1]", "end"
	Value  string // the offending value as text
	Reason string // human-readable reason
	Err    error  // optional underlying error (e.g. from the lunar package)
}

// Error formats the operation, field, value and reason.
func (e *InputError) Error() string {
	s := fmt.Sprintf("calendar: %s: %s = %q: %s", e.Op, e.Field, e.Value, e.Reason)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is reports whether target is ErrInvalid.
func (e *InputError) Is(target error) bool { return target == ErrInvalid }

// Unwrap returns the underlying error, if any.
func (e *InputError) Unwrap() error { return e.Err }
