package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is the kind of an evaluation period.
type PeriodKind uint8

// Period kinds.
const (
	// PeriodCustom is an arbitrary range of whole days.
	PeriodCustom PeriodKind = iota
	// PeriodMonth is a calendar month.
	PeriodMonth
	// PeriodQuarter is a calendar quarter.
	PeriodQuarter
	// PeriodYear is a calendar year.
	PeriodYear
)

// String returns "custom", "month", "quarter" or "year".
func (k PeriodKind) String() string {
	switch k {
	case PeriodMonth:
		return "month"
	case PeriodQuarter:
		return "quarter"
	case PeriodYear:
		return "year"
	}
	return "custom"
}

// ErrBadPeriod is wrapped by the errors of ParsePeriod and Custom.
var ErrBadPeriod = errors.New("bad period")

// Period is an evaluation period of whole civil days in Vietnam time
// (Asia/Ho_Chi_Minh = UTC+7): Start is 00:00 of the first day and End 00:00
// of the last day, both in the Vietnam zone. Membership is inclusive of the
// whole first and last day. The zero value is not a valid period; build one
// with Month, Quarter, Year, Custom or ParsePeriod.
type Period struct {
	// Kind of period.
	Kind PeriodKind
	// Start is midnight (UTC+7) of the first day.
	Start time.Time
	// End is midnight (UTC+7) of the last day (inclusive day).
	End time.Time
}

func civil(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, vietnam) }

// Month returns the calendar month m of year y. Out-of-range months are
// normalised as by time.Date.
func Month(y int, m time.Month) Period {
	s := civil(y, m, 1)
	return Period{Kind: PeriodMonth, Start: s, End: s.AddDate(0, 1, -1)}
}

// Quarter returns quarter q (1..4) of year y; q outside 1..4 is normalised
// like months (q = 5 is Q1 of y+1).
func Quarter(y, q int) Period {
	s := civil(y, time.Month(3*(q-1)+1), 1)
	return Period{Kind: PeriodQuarter, Start: s, End: s.AddDate(0, 3, -1)}
}

// Year returns calendar year y.
func Year(y int) Period {
	return Period{Kind: PeriodYear, Start: civil(y, 1, 1), End: civil(y, 12, 31)}
}

// Custom returns the days from the civil date of from to that of to, both
// converted to Vietnam time first, inclusive. It fails with ErrBadPeriod when
// to is before from.
func Custom(from, to time.Time) (Period, error) {
	f := from.In(vietnam)
	t := to.In(vietnam)
	s := civil(f.Year(), f.Month(), f.Day())
	e := civil(t.Year(), t.Month(), t.Day())
	if e.Before(s) {
		return Period{}, fmt.Errorf("%w: %s is before %s", ErrBadPeriod, e.Format(time.DateOnly), s.Format(time.DateOnly))
	}
	return Period{Kind: PeriodCustom, Start: s, End: e}, nil
}

// StartTime returns the first instant of the period (inclusive).
func (p Period) StartTime() time.Time { return p.Start }

// EndTime returns the instant just after the period: midnight (UTC+7) after
// the last day. It is an exclusive bound: Contains(t) ⇔ StartTime ≤ t <
// EndTime.
func (p Period) EndTime() time.Time { return p.End.AddDate(0, 0, 1) }

// Contains reports whether instant t falls on one of the period's days in
// Vietnam time. It does not allocate.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Start) && t.Before(p.EndTime())
}

// ContainsTime is Contains for an optional time; absent is never contained.
func (p Period) ContainsTime(t Time) bool { return t.Valid && p.Contains(t.T) }

// Days returns the number of days in the period.
func (p Period) Days() int {
	n := 0
	for d := p.Start; !d.After(p.End); d = d.AddDate(0, 0, 1) {
		n++
	}
	return n
}

// String formats the period as ParsePeriod reads it: "2026-08", "2026-Q3",
// "2026" or "2026-01-01..2026-03-31".
func (p Period) String() string {
	switch p.Kind {
	case PeriodMonth:
		return p.Start.Format("2006-01")
	case PeriodQuarter:
		return fmt.Sprintf("%d-Q%d", p.Start.Year(), (int(p.Start.Month())-1)/3+1)
	case PeriodYear:
		return strconv.Itoa(p.Start.Year())
	}
	return p.Start.Format(time.DateOnly) + ".." + p.End.Format(time.DateOnly)
}

// ParsePeriod parses "2026-08" (month), "2026-Q3" (quarter, q any case),
// "2026" (year) or "2026-01-01..2026-03-31" (custom, inclusive). Years must
// have four digits. Errors wrap ErrBadPeriod.
func ParsePeriod(s string) (Period, error) {
	bad := func() (Period, error) { return Period{}, fmt.Errorf("%w: %q", ErrBadPeriod, s) }
	if a, b, ok := strings.Cut(s, ".."); ok {
		from, err1 := time.ParseInLocation(time.DateOnly, a, vietnam)
		to, err2 := time.ParseInLocation(time.DateOnly, b, vietnam)
		if err1 != nil || err2 != nil {
			return bad()
		}
		return Custom(from, to)
	}
	if len(s) < 4 {
		return bad()
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || s[0] == '+' || s[0] == '-' {
		return bad()
	}
	rest := s[4:]
	switch {
	case rest == "":
		return Year(y), nil
	case len(rest) == 3 && (rest[:2] == "-Q" || rest[:2] == "-q"):
		q := int(rest[2] - '0')
		if q < 1 || q > 4 {
			return bad()
		}
		return Quarter(y, q), nil
	case len(rest) == 3 && rest[0] == '-':
		m, err := strconv.Atoi(rest[1:])
		if err != nil || m < 1 || m > 12 || rest[1] == '+' || rest[1] == '-' {
			return bad()
		}
		return Month(y, time.Month(m)), nil
	}
	return bad()
}
