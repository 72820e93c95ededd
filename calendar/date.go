package calendar

import (
	"time"
)

// Date is a civil (Gregorian) date without a time zone, stored as a day number. Dates are comparable with
// == and usable as map keys. The zero value is 0001-01-01 (as for time.Time); IsZero reports it.
// Years are meant to lie within 1..9999 (ParseDate and MarshalText use four digits); arithmetic stays exact
// within ±5,000,000 years.
type Date struct {
	n int32 // days since 0001-01-01 (proleptic Gregorian)
}

// unixEpoch is the day number of 1970-01-01 (days since 0001-01-01).
const unixEpoch = 719162

// floorDiv returns floor(a/b) for b > 0.
func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && (a < 0) {
		q--
	}
	return q
}

// daysFromCivil returns days since 1970-01-01 of y-m-d with m in 1..12 (H. Hinnant's algorithm).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// NewDate returns the date year-month-day. Like time.Date it normalises out-of-range values:
// NewDate(2026, 2, 29) is 2026-03-01 and NewDate(2026, 13, 0) is 2026-12-31. A date beyond about
// ±5,000,000 years (dateLimit days from 0001-01-01) is clamped to the first or last representable Date,
// which no Calendar contains: an instant that far out fails as out of range instead of wrapping onto a
// real date. Cost: O(1), no allocation. It never fails.
func NewDate(year int, month time.Month, day int) Date {
	const maxYear, maxDay = 1 << 24, 1 << 32 // far beyond dateLimit, far below int64 overflow
	y, m := int64(min(max(year, -maxYear), maxYear)), int64(month)-1
	y += floorDiv(m, 12)
	m -= floorDiv(m, 12) * 12
	y = min(max(y, -maxYear), maxYear)
	n := daysFromCivil(y, m+1, 1) + int64(min(max(day, -maxDay), maxDay)) - 1 + unixEpoch
	return Date{n: int32(min(max(n, -dateLimit), dateLimit))}
}

// dateLimit bounds the day numbers NewDate returns (about ±5,140,000 years), leaving room below the int32
// limit for the few days that Calendar methods add to a date before checking its range.
const dateLimit = 1<<31 - 1<<28

// DateOf returns the civil date of instant t in loc (t is converted to loc first, so 2026-04-24T20:00Z is
// 2026-04-25 in UTC+7). A nil loc means Zone(). Cost: O(1), no allocation.
func DateOf(t time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = Zone()
	}
	y, m, d := t.In(loc).Date()
	return NewDate(y, m, d)
}

// Zone returns Vietnam's official time, the fixed zone UTC+7 named "ICT" (Decision 121/CP of 1967;
// Decision 134/2002/QĐ-TTg). It equals Asia/Ho_Chi_Minh from 1976 on and needs no tzdata. It is a
// function, not a package variable, so that no mutable global exists; each call allocates a small Location.
func Zone() *time.Location { return time.FixedZone("ICT", 7*3600) }

// Date returns the year, month and day of d. Cost: O(1).
func (d Date) Date() (year int, month time.Month, day int) {
	y, m, dd := civilFromDays(int64(d.n) - unixEpoch)
	return int(y), time.Month(m), int(dd)
}

// Year returns d's year.
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns d's month.
func (d Date) Month() time.Month { _, m, _ := d.Date(); return m }

// Day returns d's day of the month.
func (d Date) Day() int { _, _, dd := d.Date(); return dd }

// Weekday returns d's day of the week. Cost: O(1).
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 was a Monday.
	w := (int64(d.n) + 1) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// AddDays returns d plus n calendar days (n may be negative). Cost: O(1). The day number is 32-bit: a
// result beyond ±5,000,000 years wraps around (Calendar methods reject such steps with a *RangeError).
func (d Date) AddDays(n int) Date { return Date{n: d.n + int32(n)} }

// Sub returns the number of calendar days from e to d (d − e), negative when d is before e.
func (d Date) Sub(e Date) int { return int(d.n) - int(e.n) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// IsZero reports whether d is the zero Date, 0001-01-01.
func (d Date) IsZero() bool { return d.n == 0 }

// In returns 00:00 of d in loc (nil means Zone()). Cost: one time.Date call.
func (d Date) In(loc *time.Location) time.Time {
	if loc == nil {
		loc = Zone()
	}
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// String formats d as "2006-01-02" (years outside 0..9999 get a sign or more digits).
func (d Date) String() string {
	b, _ := d.MarshalText()
	return string(b)
}

// MarshalText formats d as "2006-01-02" (ISO 8601 calendar date). It never fails; the zero Date
// marshals as "0001-01-01". Cost: one small allocation.
func (d Date) MarshalText() ([]byte, error) {
	y, m, dd := d.Date()
	b := make([]byte, 0, 10)
	if y < 0 || y > 9999 {
		b = append(b, []byte(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"))...)
	} else {
		b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	}
	b = append(b, '-', byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return b, nil
}

// UnmarshalText parses "2006-01-02" into d. Empty text sets the zero Date (so an absent due date in a
// JSON record decodes cleanly). Malformed text returns an *InputError (errors.Is ErrInvalid) and leaves d
// unchanged.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate parses exactly "YYYY-MM-DD" (four-digit year 0001–9999, valid month and day; no time, no
// zone). Errors are *InputError values matching ErrInvalid. Cost: O(1), no allocation on success.
func ParseDate(s string) (Date, error) {
	bad := func(reason string) (Date, error) {
		return Date{}, &InputError{Op: "ParseDate", Field: "date", Value: s, Reason: reason}
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return bad("want YYYY-MM-DD")
	}
	num := func(p string) int {
		v := 0
		for i := 0; i < len(p); i++ {
			c := p[i]
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, m, dd := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 1 || m < 1 || dd < 1 {
		return bad("want YYYY-MM-DD with year ≥ 1")
	}
	if m > 12 {
		return bad("month out of range")
	}
	if dd > daysIn(y, time.Month(m)) {
		return bad("day out of range")
	}
	return NewDate(y, time.Month(m), dd), nil
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	return NewDate(y, m+1, 1).Sub(NewDate(y, m, 1))
}
