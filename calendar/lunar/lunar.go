package lunar

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Date is a day of the Vietnamese lunar calendar (âm lịch), computed at
// UTC+7. Year is the lunar year number, i.e. the Gregorian year in which its
// month 1 (Tết) starts; Month is 1–12; Day is 1–30; Leap marks the leap month
// (tháng nhuận), which repeats the number of the month before it.
//
// Date is a comparable value type; the zero Date is not a valid date.
type Date struct {
	Year, Month, Day int
	Leap             bool
}

// String formats d as "D/M/Y" with no padding, and "D/Mn/Y" for a day of
// a leap month (n = nhuận): "10/3/2026", "1/2n/2023". It never fails and
// allocates one string.
func (d Date) String() string {
	b := make([]byte, 0, 24)
	b = strconv.AppendInt(b, int64(d.Day), 10)
	b = append(b, '/')
	b = strconv.AppendInt(b, int64(d.Month), 10)
	if d.Leap {
		b = append(b, 'n')
	}
	b = append(b, '/')
	b = strconv.AppendInt(b, int64(d.Year), 10)
	return string(b)
}

// ErrOutOfRange is matched (errors.Is) by every *RangeError.
var ErrOutOfRange = errors.New("lunar: date out of supported range")

// ErrInvalidDate is matched (errors.Is) by a *DateError for a lunar date
// that does not exist: month outside 1–12, day outside the month's 29 or 30
// days, or the leap flag on a month that is not the year's leap month.
var ErrInvalidDate = errors.New("lunar: no such lunar date")

// ErrInvalidSolarDate is matched (errors.Is) by a *DateError for a
// Gregorian date that does not exist (month outside 1–12, day outside the
// month).
var ErrInvalidSolarDate = errors.New("lunar: no such Gregorian date")

// RangeError reports a request outside the supported range: a solar date
// outside MinYear-01-01 … MaxYear-12-31, a lunar date whose solar date falls
// outside it, or a lunar year outside MinYear … MaxYear. errors.Is(err,
// ErrOutOfRange) is true.
type RangeError struct {
	Func  string // the function called, e.g. "FromSolar"
	Input string // what was asked, e.g. "2101-01-01", "1/1/1899", "year 2101"
}

// Error implements error.
func (e *RangeError) Error() string {
	return "lunar: " + e.Func + "(" + e.Input + "): outside the supported range " +
		strconv.Itoa(MinYear) + "-01-01.." + strconv.Itoa(MaxYear) + "-12-31"
}

// Is reports whether target is ErrOutOfRange.
func (e *RangeError) Is(target error) bool { return target == ErrOutOfRange }

// DateError reports an input date that does not exist, naming the field at
// fault. It unwraps to ErrInvalidDate (lunar input) or ErrInvalidSolarDate
// (Gregorian input).
type DateError struct {
	Func  string // the function called, e.g. "ToSolar"
	Input string // the date as given, e.g. "30/2/2023" or "2023-02-30"
	Field string // "month", "day" or "leap"
	Err   error  // ErrInvalidDate or ErrInvalidSolarDate
}

// Error implements error.
func (e *DateError) Error() string {
	return "lunar: " + e.Func + "(" + e.Input + "): invalid " + e.Field + ": " + e.Err.Error()
}

// Unwrap returns ErrInvalidDate or ErrInvalidSolarDate.
func (e *DateError) Unwrap() error { return e.Err }

// MinYear and MaxYear bound the supported range: every solar date from
// MinYear-01-01 to MaxYear-12-31 converts both ways, and the lunar-year
// functions (LeapMonth, MonthLength, NewYear) accept lunar years MinYear …
// MaxYear.
const MinYear, MaxYear = 1900, 2100

func solarString(year int, month time.Month, day int) string {
	return fmt.Sprintf("%04d-%02d-%02d", year, int(month), day)
}

func yearString(year int) string { return "year " + strconv.Itoa(year) }

// daysIn returns the number of days of Gregorian month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// FromSolar returns the lunar date of the Gregorian date year-month-day.
//
// Cost: O(log n) binary search in the month table, no allocation (the table
// is built once, on the first call of any function of this package, in a
// few milliseconds). Errors: *RangeError (ErrOutOfRange) if the year lies
// outside MinYear…MaxYear; *DateError (ErrInvalidSolarDate) if the date does
// not exist. Any int input is safe.
func FromSolar(year int, month time.Month, day int) (Date, error) {
	if year < MinYear || year > MaxYear {
		return Date{}, &RangeError{Func: "FromSolar", Input: solarString(year, month, day)}
	}
	if month < time.January || month > time.December {
		return Date{}, &DateError{Func: "FromSolar", Input: solarString(year, month, day), Field: "month", Err: ErrInvalidSolarDate}
	}
	if day < 1 || day > daysIn(year, month) {
		return Date{}, &DateError{Func: "FromSolar", Input: solarString(year, month, day), Field: "day", Err: ErrInvalidSolarDate}
	}
	t := tableOnce()
	if t.err != nil {
		return Date{}, t.err
	}
	d := jdn(year, int(month), day)
	i := t.find(d)
	l := t.labels[i]
	return Date{Year: int(l.year), Month: int(l.month), Day: d - int(t.starts[i]) + 1, Leap: l.leap}, nil
}

// ToSolar returns the Gregorian date of lunar date d.
//
// Cost: O(1) table lookup, no allocation on success. Errors: *DateError
// (ErrInvalidDate) naming the field at fault if d does not exist;
// *RangeError (ErrOutOfRange) if d's solar date lies outside MinYear-01-01 …
// MaxYear-12-31 (lunar year MinYear−1 is accepted for its days on or after
// MinYear-01-01). Any field values are safe.
func ToSolar(d Date) (year int, month time.Month, day int, err error) {
	if d.Year < firstLunar || d.Year > lastLunar {
		return 0, 0, 0, &RangeError{Func: "ToSolar", Input: d.String()}
	}
	t := tableOnce()
	if t.err != nil {
		return 0, 0, 0, t.err
	}
	i, err := t.checkLunar("ToSolar", d)
	if err != nil {
		return 0, 0, 0, err
	}
	j := int(t.starts[i]) + d.Day - 1
	if j < minDay || j > maxDay {
		return 0, 0, 0, &RangeError{Func: "ToSolar", Input: d.String()}
	}
	y, m, dd := fromJDN(j)
	return y, time.Month(m), dd, nil
}

// checkLunar validates d (whose year is within the table) and returns its
// month index.
func (t *table) checkLunar(fn string, d Date) (int, error) {
	if d.Month < 1 || d.Month > 12 {
		return 0, &DateError{Func: fn, Input: d.String(), Field: "month", Err: ErrInvalidDate}
	}
	if d.Leap && int(t.leap[d.Year-firstLunar]) != d.Month {
		return 0, &DateError{Func: fn, Input: d.String(), Field: "leap", Err: ErrInvalidDate}
	}
	i := t.index(d.Year, d.Month, d.Leap)
	if d.Day < 1 || d.Day > t.monthLen(i) {
		return 0, &DateError{Func: fn, Input: d.String(), Field: "day", Err: ErrInvalidDate}
	}
	return i, nil
}

// LeapMonth returns the leap month of lunar year year (the year that starts
// at that year's Tết): 0 if the year has 12 months, else the number (1–12)
// of the month that the leap month follows and repeats (e.g. 2 for 2023, 11
// for 2033).
//
// Cost: O(1), no allocation. Errors: *RangeError (ErrOutOfRange) if year is
// outside MinYear…MaxYear.
func LeapMonth(year int) (int, error) {
	if year < MinYear || year > MaxYear {
		return 0, &RangeError{Func: "LeapMonth", Input: yearString(year)}
	}
	t := tableOnce()
	if t.err != nil {
		return 0, t.err
	}
	return int(t.leap[year-firstLunar]), nil
}

// MonthLength returns the number of days (29 or 30) of month month of lunar
// year year; leap selects the leap month.
//
// Cost: O(1), no allocation on success. Errors: *RangeError (ErrOutOfRange)
// if year is outside MinYear…MaxYear; *DateError (ErrInvalidDate) if month
// is outside 1–12 (Field "month") or leap is set and month is not the
// year's leap month (Field "leap").
func MonthLength(year, month int, leap bool) (int, error) {
	if year < MinYear || year > MaxYear {
		return 0, &RangeError{Func: "MonthLength", Input: yearString(year)}
	}
	t := tableOnce()
	if t.err != nil {
		return 0, t.err
	}
	i, err := t.checkLunar("MonthLength", Date{Year: year, Month: month, Day: 1, Leap: leap})
	if err != nil {
		return 0, err
	}
	return t.monthLen(i), nil
}

// NewYear returns the Gregorian month and day of Tết Nguyên Đán, day 1 of
// month 1 of lunar year year (always in January or February of the same
// Gregorian year).
//
// Cost: O(1), no allocation. Errors: *RangeError (ErrOutOfRange) if year is
// outside MinYear…MaxYear.
func NewYear(year int) (time.Month, int, error) {
	if year < MinYear || year > MaxYear {
		return 0, 0, &RangeError{Func: "NewYear", Input: yearString(year)}
	}
	t := tableOnce()
	if t.err != nil {
		return 0, 0, t.err
	}
	_, m, d := fromJDN(int(t.starts[t.first[year-firstLunar]]))
	return time.Month(m), d, nil
}
