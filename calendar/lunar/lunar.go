package lunar

import (
	"errors"
	"fmt"
	"time"
)

// Date is a day of the Vietnamese lunar calendar (UTC+7). Comparable.
type Date struct {
	Year, Month, Day int
	Leap             bool
}

// String formats d as "D/M/Y", with "n" (nhuận) after a leap month, e.g. "10/3/2026", "1/2n/2023".
func (d Date) String() string {
	if d.Leap {
		return fmt.Sprintf("%d/%dn/%d", d.Day, d.Month, d.Year)
	}
	return fmt.Sprintf("%d/%d/%d", d.Day, d.Month, d.Year)
}

// ErrOutOfRange is matched (errors.Is) by every RangeError.
var ErrOutOfRange = errors.New("lunar: date out of supported range")

// ErrInvalidDate reports a lunar date that does not exist.
var ErrInvalidDate = errors.New("lunar: no such lunar date")

// RangeError reports a request outside the supported range.
type RangeError struct {
	Func  string
	Value string
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("lunar: %s(%s): out of supported range %d..%d", e.Func, e.Value, MinYear, MaxYear)
}

// Is reports whether target is ErrOutOfRange.
func (e *RangeError) Is(target error) bool { return target == ErrOutOfRange }

// Supported range.
const MinYear, MaxYear = 1900, 2100

// FromSolar converts a Gregorian date to a lunar date.
func FromSolar(year int, month time.Month, day int) (Date, error) {
	return Date{}, &RangeError{Func: "FromSolar", Value: fmt.Sprintf("%04d-%02d-%02d", year, int(month), day)}
}

// ToSolar converts a lunar date to a Gregorian date.
func ToSolar(d Date) (year int, month time.Month, day int, err error) {
	return 0, 0, 0, &RangeError{Func: "ToSolar", Value: d.String()}
}

// LeapMonth returns the leap month of lunar year year (0 = none).
func LeapMonth(year int) (int, error) {
	return 0, &RangeError{Func: "LeapMonth", Value: fmt.Sprint(year)}
}

// MonthLength returns 29 or 30.
func MonthLength(year, month int, leap bool) (int, error) {
	return 0, &RangeError{Func: "MonthLength", Value: fmt.Sprint(year, month, leap)}
}

// NewYear returns the solar date of 1/1 of lunar year year.
func NewYear(year int) (time.Month, int, error) {
	return 0, 0, &RangeError{Func: "NewYear", Value: fmt.Sprint(year)}
}
