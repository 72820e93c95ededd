package calendar

import "time"

// DayKind says why a day is or is not a working day.
type DayKind uint8

// Day kinds. Working days are Regular, MakeUpWork and ExtraWork; every other kind is a day off.
const (
	Regular      DayKind = iota // Monday–Friday, nothing special: a working day
	WeeklyRest                  // Saturday or Sunday (Decision 188/1999/QĐ-TTg art. 1): off
	Holiday                     // a statutory or caller-added holiday, or a day of an announced holiday period, weekends included: off
	Compensatory                // nghỉ bù: a weekday off because a holiday fell on a weekly rest day: off
	SwapOff                     // hoán đổi: an announced weekday off, worked back on a make-up day: off
	MakeUpWork                  // làm bù: an announced working weekend day
	Closed                      // a caller overlay closing the office: off
	ExtraWork                   // a caller overlay opening the office on a day otherwise off
)

// String returns a short English name, e.g. "compensatory".
func (k DayKind) String() string {
	switch k {
	case Regular:
		return "regular"
	case WeeklyRest:
		return "weekly-rest"
	case Holiday:
		return "holiday"
	case Compensatory:
		return "compensatory"
	case SwapOff:
		return "swap-off"
	case MakeUpWork:
		return "make-up-work"
	case Closed:
		return "closed"
	case ExtraWork:
		return "extra-work"
	}
	return "DayKind(" + itoa(int(k)) + ")"
}

// Working reports whether days of this kind are working days.
func (k DayKind) Working() bool { return k == Regular || k == MakeUpWork || k == ExtraWork }

// DayInfo explains one day of a Calendar.
type DayInfo struct {
	Date        Date    // the day described
	InRange     bool    // false if Date is outside the calendar; all other fields are then zero
	Working     bool    // a processing day for dossier deadlines
	Kind        DayKind // why
	Name        string  // holiday or overlay name, e.g. "Tết Nguyên đán", "Nghỉ bù Giỗ Tổ Hùng Vương"
	NameEN      string  // the English name of the statutory and announced days, e.g. "Lunar New Year (Tết)"; empty for caller-named days
	Basis       string  // legal basis or source of the entry (law article, Công văn number, overlay basis)
	Lunar       bool    // a holiday dated by the lunar calendar (Tết, 10/3, a LunarRule), or a day off compensating one
	Provisional bool    // the day's year is built from the rules, not from an announced schedule
	Reception   bool    // a Saturday (or other) reception day: dossiers are received but not processed (P7)
}

// RuleKind selects how a HolidayRule places its days.
type RuleKind uint8

// Holiday rule kinds.
const (
	SolarRule    RuleKind = iota // Month/Day of the Gregorian calendar, every year
	LunarRule                    // Month/Day of the (non-leap) lunar month, every lunar year
	ExplicitRule                 // exactly the listed Dates
)

// HolidayRule adds a holiday as data (docs/calendar.md, P17), e.g. Vietnam Culture Day 24/11 once
// enacted:
//
//	calendar.HolidayRule{Name: "Ngày Văn hóa Việt Nam", Kind: calendar.SolarRule, Month: 11, Day: 24,
//		From: calendar.NewDate(2027, 1, 1), Basis: "amended Labour Code art. 112(1)"}
//
// A holiday that falls on a working day makes it a day off; one that falls on Saturday or Sunday gives the
// first later working day that is not already a holiday or compensatory day off (art. 111(3)), unless
// NoCompensation is set. A holiday on a day that is already a holiday counts once. Rules apply in announced
// and provisional years alike, after the statutory days and before overlays.
type HolidayRule struct {
	Name           string   // required, e.g. "Ngày Văn hóa Việt Nam"
	Basis          string   // legal basis shown by Day, e.g. the amending law
	Kind           RuleKind // how the days are placed
	Month          int      // 1–12 (solar or lunar month), for SolarRule and LunarRule
	Day            int      // 1–31 (solar) or 1–30 (lunar)
	Dates          []Date   // for ExplicitRule
	From, To       Date     // effective interval, inclusive; a zero bound is open
	NoCompensation bool     // do not give a compensatory day when the holiday falls on a weekend
}

// OverlayKind is the effect of an Overlay.
type OverlayKind uint8

// Overlay kinds.
const (
	OverlayClosed    OverlayKind = iota // the office does not work (e.g. a reception and processing stop): off
	OverlayWorking                      // the office works (e.g. an extra processing day): working
	OverlayReception                    // reception only (P7, Saturday reception desk): off for processing, Reception flag set
)

// Overlay is a caller's per-office change to the calendar over the inclusive date range [From, To]
// (policy P16). Overlays apply last, in slice order, so a later overlay wins.
type Overlay struct {
	Kind     OverlayKind // closed, working or reception only
	From, To Date        // inclusive; To zero means From only
	Name     string      // shown by Day, e.g. "Tạm dừng tiếp nhận hồ sơ dịp Tết"
	Basis    string      // the office's decision or notice
}

// Span is one block of office hours: [Start, End) as offsets from local midnight.
type Span struct {
	Start, End time.Duration // offsets from local midnight, Start < End ≤ 24h
}

// OfficeHours sets the office hours of working days (policy P5). The zero value means the default:
// 07:00–11:30 and 13:30–17:00 (8 h) on every working day, weekday or make-up Saturday.
// ByWeekday[w], when non-nil, replaces Default on working days falling on weekday w (e.g. shorter
// Saturday make-up hours). Spans must be sorted, non-empty, non-overlapping and within [0, 24h].
type OfficeHours struct {
	Default   []Span    // hours of every working day; nil means 07:00–11:30, 13:30–17:00
	ByWeekday [7][]Span // per-weekday replacement (indexed by time.Weekday); nil entries use Default
}

// DefaultOfficeHours returns 07:00–11:30 and 13:30–17:00 (P5), 8 working hours a day.
func DefaultOfficeHours() OfficeHours {
	return OfficeHours{Default: []Span{{7 * time.Hour, 11*time.Hour + 30*time.Minute}, {13*time.Hour + 30*time.Minute, 17 * time.Hour}}}
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
