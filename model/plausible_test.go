package model

import (
	"testing"
	"time"
)

func TestDateBoundsPlaceholder(t *testing.T) {
	vn := Vietnam()
	asOf := time.Date(2026, 12, 7, 12, 0, 0, 0, vn)
	def := DefaultDateBounds()
	for _, tc := range []struct {
		name string
		b    DateBounds
		t    time.Time
		asOf time.Time
		want bool
	}{
		{"zero time", def, time.Time{}, asOf, true},
		{"00010101000000 in UTC+7", def, time.Date(1, 1, 1, 0, 0, 0, 0, vn), asOf, true},
		{"1900-01-01", def, time.Date(1900, 1, 1, 0, 0, 0, 0, vn), asOf, true},
		{"1999-12-31 23:59:59", def, time.Date(1999, 12, 31, 23, 59, 59, 0, vn), asOf, true},
		{"2000-01-01 00:00 exactly", def, time.Date(2000, 1, 1, 0, 0, 0, 0, vn), asOf, false},
		{"2000-01-01 00:00 UTC is 07:00 UTC+7", def, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), asOf, false},
		{"ordinary date", def, time.Date(2026, 1, 5, 16, 55, 59, 0, vn), asOf, false},
		{"one year after as-of exactly", def, asOf.AddDate(1, 0, 0), asOf, false},
		{"one year and one second after as-of", def, asOf.AddDate(1, 0, 0).Add(time.Second), asOf, true},
		{"9999-12-31", def, time.Date(9999, 12, 31, 0, 0, 0, 0, vn), asOf, true},
		{"9999-12-31, as-of unknown", def, time.Date(9999, 12, 31, 0, 0, 0, 0, vn), time.Time{}, false},
		{"zero bounds: 1900 is a date", DateBounds{}, time.Date(1900, 1, 1, 0, 0, 0, 0, vn), asOf, false},
		{"zero bounds: year 1 still a placeholder", DateBounds{}, time.Date(1, 1, 1, 0, 0, 0, 0, vn), asOf, true},
		{"zero bounds: far future is a date", DateBounds{}, time.Date(9999, 1, 1, 0, 0, 0, 0, vn), asOf, false},
		{"two years ahead allowed", DateBounds{MaxYearsAhead: 2}, asOf.AddDate(1, 6, 0), asOf, false},
	} {
		if got := tc.b.Placeholder(tc.t, tc.asOf); got != tc.want {
			t.Errorf("%s: Placeholder(%v) = %v, want %v", tc.name, tc.t, got, tc.want)
		}
	}
	if Placeholder(time.Time{}, asOf) != true || Placeholder(asOf, asOf) != false {
		t.Error("package-level Placeholder must use DefaultDateBounds")
	}
	if def.PlaceholderTime(None(), asOf) || !def.PlaceholderTime(Some(time.Time{}), asOf) || def.PlaceholderTime(Some(asOf), asOf) {
		t.Error("PlaceholderTime: absent is not a placeholder, a present zero time is")
	}
}

func TestDateBoundsWindow(t *testing.T) {
	asOf := time.Date(2026, 12, 7, 12, 0, 0, 0, Vietnam())
	lo, hi := DefaultDateBounds().Window(asOf)
	if !lo.Equal(time.Date(2000, 1, 1, 0, 0, 0, 0, Vietnam())) || !hi.Equal(time.Date(2027, 12, 7, 12, 0, 0, 0, Vietnam())) {
		t.Errorf("default window = [%v, %v]", lo, hi)
	}
	lo, hi = DateBounds{}.Window(asOf)
	if !lo.Equal(time.Date(2, 1, 1, 0, 0, 0, 0, time.UTC)) || !hi.IsZero() {
		t.Errorf("zero bounds window = [%v, %v]", lo, hi)
	}
	if _, hi = DefaultDateBounds().Window(time.Time{}); !hi.IsZero() {
		t.Errorf("unknown as-of: hi = %v, want none", hi)
	}
}
