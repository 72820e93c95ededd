package model

import (
	"strings"
	"time"
)

// vietnam is the fixed UTC+07:00 zone. It is created once and never changed.
var vietnam = time.FixedZone("ICT", 7*3600)

// Vietnam returns the official time zone of Vietnam, a fixed UTC+07:00 offset
// without daylight-saving time (equal to IANA Asia/Ho_Chi_Minh from 1976 on;
// docs/calendar.md, Time zone). It needs no tzdata and never consults time.Local. Cost: no
// allocation; the same *time.Location is returned every time and must not be
// modified.
func Vietnam() *time.Location { return vietnam }

// Time is an optional instant. The zero value is absent: a zero time.Time
// never means "absent" and a present Time may hold any instant. Use Some to
// build a present value, IsSet to test presence.
type Time struct {
	// T is the instant; meaningful only when Valid is true.
	T time.Time
	// Valid reports whether the instant is present.
	Valid bool
}

// Some returns a present Time holding t. It does not allocate.
func Some(t time.Time) Time { return Time{T: t, Valid: true} }

// None returns the absent Time (the zero value).
func None() Time { return Time{} }

// IsSet reports whether the time is present.
func (t Time) IsSet() bool { return t.Valid }

// Get returns the instant and whether it is present.
func (t Time) Get() (time.Time, bool) { return t.T, t.Valid }

// Before reports whether both times are present and t is strictly before u.
func (t Time) Before(u Time) bool { return t.Valid && u.Valid && t.T.Before(u.T) }

// After reports whether both times are present and t is strictly after u.
func (t Time) After(u Time) bool { return t.Valid && u.Valid && t.T.After(u.T) }

// Equal reports whether both are absent, or both are present and denote the
// same instant (time.Time.Equal, so the location does not matter).
func (t Time) Equal(u Time) bool {
	if t.Valid != u.Valid {
		return false
	}
	return !t.Valid || t.T.Equal(u.T)
}

// Local returns the instant in Vietnam time (UTC+7); absent stays absent.
func (t Time) Local() Time {
	if !t.Valid {
		return t
	}
	return Some(t.T.In(vietnam))
}

// String formats a present time as RFC 3339 in Vietnam time and an absent one
// as "".
func (t Time) String() string {
	if !t.Valid {
		return ""
	}
	return t.T.In(vietnam).Format(time.RFC3339)
}

// Flag is a tri-state 0/1 flag of the portal (DuocSoHoa, HoSoCoThanhPhanSoHoa,
// TaiKhoanDuocXacThucVoiVNeID, ...): absent is distinct from false
// (docs/data.md, Code lists). The zero value is FlagAbsent.
type Flag uint8

// Flag values.
const (
	// FlagAbsent means the value was missing, "" or null.
	FlagAbsent Flag = iota
	// FlagFalse is "0".
	FlagFalse
	// FlagTrue is "1".
	FlagTrue
)

// FlagOf returns FlagTrue or FlagFalse for b.
func FlagOf(b bool) Flag {
	if b {
		return FlagTrue
	}
	return FlagFalse
}

// ParseFlag reads "1"/"0", "true"/"false" (any case), "" (absent). ok is false
// for any other text, in which case the flag is FlagAbsent. It does not
// allocate.
func ParseFlag(s string) (f Flag, ok bool) {
	switch strings.TrimSpace(s) {
	case "":
		return FlagAbsent, true
	case "1":
		return FlagTrue, true
	case "0":
		return FlagFalse, true
	}
	switch {
	case strings.EqualFold(strings.TrimSpace(s), "true"):
		return FlagTrue, true
	case strings.EqualFold(strings.TrimSpace(s), "false"):
		return FlagFalse, true
	}
	return FlagAbsent, false
}

// True reports whether the flag is present and true.
func (f Flag) True() bool { return f == FlagTrue }

// Known reports whether the flag is present (true or false).
func (f Flag) Known() bool { return f == FlagTrue || f == FlagFalse }

// String returns the portal text: "1", "0" or "" for absent.
func (f Flag) String() string {
	switch f {
	case FlagTrue:
		return "1"
	case FlagFalse:
		return "0"
	}
	return ""
}
