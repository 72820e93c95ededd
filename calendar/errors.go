package calendar

import (
	"errors"
	"fmt"
)

// ErrOutOfRange is matched (with errors.Is) by every *RangeError: a date or instant outside the range a
// Calendar was built for, or a result that would leave it.
var ErrOutOfRange = errors.New("calendar: outside the calendar's range")

// ErrInvalid is matched (with errors.Is) by every *InputError: malformed text, inconsistent options or
// arguments that break a documented precondition.
var ErrInvalid = errors.New("calendar: invalid input")

// RangeError reports an operation whose argument or result lies outside the years a Calendar was built for.
// It matches ErrOutOfRange with errors.Is.
type RangeError struct {
	Op       string // the method, e.g. "AddWorkingDays"
	Date     Date   // the argument date (for instants: their date in the calendar's zone)
	N        int    // the step argument where there is one (days or hours), else 0
	Min, Max Date   // the calendar's first and last day
}

// Error formats the operation, its arguments and the supported range.
func (e *RangeError) Error() string {
	return fmt.Sprintf("calendar: %s(%s, %d): outside the calendar range %s..%s", e.Op, e.Date, e.N, e.Min, e.Max)
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
