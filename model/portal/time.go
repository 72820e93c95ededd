package portal

import (
	"fmt"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

// Layout names the text format a time was read from.
type Layout uint8

// Layouts accepted by ParseTime.
const (
	// LayoutNone is returned with an error.
	LayoutNone Layout = iota
	// LayoutLegacy is yyyyMMddHHmmss (legacy payloads), Vietnam time.
	LayoutLegacy
	// LayoutISO is ISO 8601: yyyy-MM-dd, optionally followed by 'T' (or a
	// space), HH:mm[:ss[.fraction]] and an optional offset (Z, ±hh:mm, ±hhmm).
	LayoutISO
	// LayoutDMY is dd/MM/yyyy HH:mm:ss (also dd/MM/yyyy HH:mm and dd/MM/yyyy;
	// one-digit day and month accepted).
	LayoutDMY
)

// String returns "legacy", "iso8601", "dmy" or "none".
func (l Layout) String() string {
	switch l {
	case LayoutLegacy:
		return "legacy"
	case LayoutISO:
		return "iso8601"
	case LayoutDMY:
		return "dmy"
	}
	return "none"
}

// LegacyLayout is the time.Format layout of legacy payload dates.
const LegacyLayout = "20060102150405"

// ParseTime reads a portal date in one of the three accepted formats
// (docs/data.md, Transport and value encoding): yyyyMMddHHmmss, ISO 8601 (with or without fraction or
// offset) and dd/MM/yyyy HH:mm:ss. Text without an offset is Vietnam time
// (UTC+7); an offset must be real: minutes 00..59 and at most ±14:00
// (MaxOffset), so +23:59 and +24:00, which time.Parse accepts, are errors.
// Surrounding spaces are ignored. The result is always in the
// model.Vietnam() zone, with a year in 1..9999. Errors wrap ErrBadDate; "" is an error (callers treat
// "" as absent before calling). Cost: no allocation for the legacy layout.
func ParseTime(s string) (time.Time, Layout, error) {
	s = strings.TrimSpace(s)
	if len(s) >= 19 && s[4] == '-' {
		if t, ok := fastISO(s); ok {
			return t, LayoutISO, nil
		}
	}
	return parseTimeSlow(s)
}

// legacyTime reads s when it is exactly a valid yyyyMMddHHmmss (what ParseTime returns for it, without
// allocating); ok is false for anything else, including such digits out of range.
func legacyTime(s string) (t time.Time, ok bool) {
	if len(s) != 14 {
		return time.Time{}, false
	}
	// Two overlapping words, s[0:8] and s[6:14], eight digits each (SWAR: every byte in '0'..'9'), read
	// as four two-digit numbers each.
	a, aok := digitPairs(uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56)
	b, bok := digitPairs(uint64(s[6]) | uint64(s[7])<<8 | uint64(s[8])<<16 | uint64(s[9])<<24 |
		uint64(s[10])<<32 | uint64(s[11])<<40 | uint64(s[12])<<48 | uint64(s[13])<<56)
	if !aok || !bok {
		return time.Time{}, false
	}
	y := int(a&0xFF)*100 + int(a>>16&0xFF)
	mo, d := int(a>>32&0xFF), int(a>>48&0xFF)
	h, mi, se := int(b>>16&0xFF), int(b>>32&0xFF), int(b>>48&0xFF)
	if y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || se > 59 {
		return time.Time{}, false
	}
	return civil(y, mo, d, h, mi, se, 0, 7*3600), true
}

// parseTimeSlow is ParseTime without the fast path, on trimmed text.
func parseTimeSlow(s string) (time.Time, Layout, error) {
	vn := model.Vietnam()
	if len(s) == 14 && allDigits(s) {
		if t, ok := legacyTime(s); ok {
			return t, LayoutLegacy, nil
		}
		return time.Time{}, LayoutNone, fmt.Errorf("%w: %q out of range", ErrBadDate, s)
	}
	if len(s) >= 10 && s[4] == '-' {
		for _, l := range [...]string{
			"2006-01-02T15:04:05.999999999Z07:00",
			"2006-01-02T15:04:05.999999999Z0700",
			"2006-01-02T15:04Z07:00",
			"2006-01-02 15:04:05.999999999Z07:00",
		} {
			if t, err := time.Parse(l, s); err == nil {
				if !offsetOK(s) {
					return time.Time{}, LayoutNone, fmt.Errorf("%w: %q has an offset out of range (at most ±14:00, minutes below 60)", ErrBadDate, s)
				}
				return checkYear(s, t.In(vn), LayoutISO)
			}
		}
		for _, l := range [...]string{
			"2006-01-02T15:04:05.999999999",
			"2006-01-02 15:04:05.999999999",
			"2006-01-02T15:04",
			"2006-01-02 15:04",
			"2006-01-02",
		} {
			if t, err := time.ParseInLocation(l, s, vn); err == nil {
				return checkYear(s, t, LayoutISO)
			}
		}
	}
	if strings.IndexByte(s, '/') > 0 {
		for _, l := range [...]string{"2/1/2006 15:04:05", "2/1/2006 15:04", "2/1/2006"} {
			if t, err := time.ParseInLocation(l, s, vn); err == nil {
				return checkYear(s, t, LayoutDMY)
			}
		}
	}
	return time.Time{}, LayoutNone, fmt.Errorf("%w: %q", ErrBadDate, s)
}

// fastISO reads the common ISO 8601 forms yyyy-MM-ddTHH:mm:ss[.fraction] with no offset, Z or ±hh:mm
// (T or a space between date and time) without allocating; ok is false for anything else, and for
// values out of range (the slow path then reports them), so that it returns exactly what the time.Parse
// layouts of parseTimeSlow return.
func fastISO(s string) (time.Time, bool) {
	if s[7] != '-' || s[10] != 'T' && s[10] != ' ' || s[13] != ':' || s[16] != ':' ||
		!allDigits(s[0:4]) || !allDigits(s[5:7]) || !allDigits(s[8:10]) || !allDigits(s[11:13]) ||
		!allDigits(s[14:16]) || !allDigits(s[17:19]) {
		return time.Time{}, false
	}
	y, mo, d := atoi(s[0:4]), atoi(s[5:7]), atoi(s[8:10])
	h, mi, se := atoi(s[11:13]), atoi(s[14:16]), atoi(s[17:19])
	if y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || se > 59 {
		return time.Time{}, false
	}
	rest := s[19:]
	ns := 0
	if len(rest) > 0 && rest[0] == '.' {
		k := 1
		for k < len(rest) && '0' <= rest[k] && rest[k] <= '9' {
			k++
		}
		if k == 1 || k > 10 {
			return time.Time{}, false
		}
		ns = atoi(rest[1:k])
		for range 10 - k {
			ns *= 10
		}
		rest = rest[k:]
	}
	var t time.Time
	switch {
	case rest == "":
		t = civil(y, mo, d, h, mi, se, ns, 7*3600)
	case rest == "Z":
		t = civil(y, mo, d, h, mi, se, ns, 0)
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' && allDigits(rest[1:3]) && allDigits(rest[4:6]):
		oh, om := atoi(rest[1:3]), atoi(rest[4:6])
		off := time.Duration(oh)*time.Hour + time.Duration(om)*time.Minute
		if om > 59 || off > MaxOffset {
			return time.Time{}, false
		}
		if rest[0] == '-' {
			off = -off
		}
		t = civil(y, mo, d, h, mi, se, ns, int64(off/time.Second))
	default:
		return time.Time{}, false
	}
	if ty := t.Year(); ty < 1 || ty > 9999 {
		return time.Time{}, false
	}
	return t, true
}

// civil returns the instant of the given valid civil date and time at the UTC offset (seconds), in
// Vietnam time: what time.Date in that offset's zone followed by In(model.Vietnam()) returns, computed
// directly (days from the civil date, H. Hinnant's algorithm) without the zone lookups.
func civil(y, mo, d, h, mi, se, ns int, offset int64) time.Time {
	yy := int64(y)
	if mo <= 2 {
		yy--
	}
	era := yy / 400
	if yy < 0 && yy%400 != 0 {
		era--
	}
	yoe := yy - era*400
	m := int64(mo)
	if m > 2 {
		m -= 3
	} else {
		m += 9
	}
	doy := (153*m+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 719468 // days since 1970-01-01
	sec := days*86400 + int64(h)*3600 + int64(mi)*60 + int64(se) - offset
	return time.Unix(sec, int64(ns)).In(model.Vietnam())
}

// MaxOffset is the largest UTC offset ParseTime accepts, east or west
// (UTC+14:00, Kiribati; UTC-12:00 is the westernmost in use). time.Parse
// alone accepts up to ±24:00 and 60 minutes.
const MaxOffset = 14 * time.Hour

// offsetOK reports whether the ISO 8601 offset ending s (Z, ±hh:mm or ±hhmm,
// as the layouts of ParseTime require) has minutes below 60 and a magnitude
// of at most MaxOffset.
func offsetOK(s string) bool {
	if strings.HasSuffix(s, "Z") {
		return true
	}
	i := strings.LastIndexAny(s, "+-")
	if i <= 10 { // the '-' of the date: no offset
		return true
	}
	off := strings.Replace(s[i+1:], ":", "", 1)
	if len(off) != 4 || !allDigits(off) {
		return false
	}
	hh, mm := atoi(off[:2]), atoi(off[2:])
	return mm < 60 && time.Duration(hh)*time.Hour+time.Duration(mm)*time.Minute <= MaxOffset
}

// checkYear rejects instants whose Vietnam year is outside 1..9999, which the
// legacy layout cannot write.
func checkYear(s string, t time.Time, l Layout) (time.Time, Layout, error) {
	if y := t.Year(); y < 1 || y > 9999 {
		return time.Time{}, LayoutNone, fmt.Errorf("%w: %q out of range", ErrBadDate, s)
	}
	return t, l, nil
}

// FormatTime writes t as yyyyMMddHHmmss in Vietnam time (the legacy payload
// format; sub-second precision is dropped).
func FormatTime(t time.Time) string { return t.In(model.Vietnam()).Format(LegacyLayout) }

// digitPairs reads the eight bytes of w (little-endian: the first character in the low byte) as four
// two-digit numbers, in its bytes 0, 2, 4 and 6; ok is false unless every byte is '0'..'9'.
func digitPairs(w uint64) (pairs uint64, ok bool) {
	const hi, zeros, six = 0xF0F0F0F0F0F0F0F0, 0x3030303030303030, 0x0606060606060606
	if w&hi != zeros || (w+six)&hi != zeros {
		return 0, false
	}
	d := w - zeros
	return (d*10 + d>>8) & 0x00FF00FF00FF00FF, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func daysIn(y, m int) int {
	if m == 2 {
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return int(monthDays[m])
}

var monthDays = [13]uint8{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
