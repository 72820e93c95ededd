package calendar

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestDateAgreesWithTime(t *testing.T) {
	step := 1
	if testing.Short() {
		step = 7
	}
	start := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	d0 := NewDate(1600, 1, 1)
	for k := 0; k < 800*366; k += step {
		tt := start.AddDate(0, 0, k)
		d := d0.AddDays(k)
		y, m, dd := d.Date()
		if ty, tm, td := tt.Date(); y != ty || m != tm || dd != td {
			t.Fatalf("day %d: %04d-%02d-%02d, time says %s", k, y, m, dd, tt.Format(time.DateOnly))
		}
		if d.Weekday() != tt.Weekday() {
			t.Fatalf("%s: weekday %s, want %s", d, d.Weekday(), tt.Weekday())
		}
		if d.String() != tt.Format(time.DateOnly) {
			t.Fatalf("String %q, want %q", d, tt.Format(time.DateOnly))
		}
		if NewDate(y, m, dd) != d || DateOf(tt, time.UTC) != d {
			t.Fatalf("%s: NewDate/DateOf round trip failed", d)
		}
		if !d.In(time.UTC).Equal(tt) {
			t.Fatalf("%s: In(UTC) = %s", d, d.In(time.UTC))
		}
	}
}

func TestDateZeroAndOrder(t *testing.T) {
	var z Date
	if !z.IsZero() || z.String() != "0001-01-01" || z.Weekday() != time.Monday || z != NewDate(1, 1, 1) {
		t.Fatalf("zero Date: %s %s %v", z, z.Weekday(), z.IsZero())
	}
	a, b := NewDate(2026, 4, 30), NewDate(2026, 5, 1)
	if !a.Before(b) || !b.After(a) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Fatal("ordering")
	}
	if b.Sub(a) != 1 || a.AddDays(1) != b || b.AddDays(-1) != a {
		t.Fatal("Sub/AddDays")
	}
	if a.Year() != 2026 || a.Month() != time.April || a.Day() != 30 {
		t.Fatal("fields")
	}
}

func TestNewDateNormalises(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		d    int
		want string
	}{
		{2026, 2, 29, "2026-03-01"},
		{2024, 2, 29, "2024-02-29"},
		{2026, 13, 0, "2026-12-31"},
		{2026, 0, 1, "2025-12-01"},
		{2026, -11, 1, "2025-01-01"},
		{2026, 1, 0, "2025-12-31"},
		{2026, 1, 366, "2027-01-01"},
		{2000, 2, 30, "2000-03-01"},
		{1900, 2, 29, "1900-03-01"},
	}
	for _, tc := range tests {
		if got := NewDate(tc.y, tc.m, tc.d).String(); got != tc.want {
			t.Errorf("NewDate(%d, %d, %d) = %s, want %s", tc.y, tc.m, tc.d, got, tc.want)
		}
		if got := time.Date(tc.y, tc.m, tc.d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly); got != tc.want {
			t.Errorf("time.Date disagrees: %s", got)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" = error
	}{
		{"2026-08-22", "2026-08-22"},
		{"0001-01-01", "0001-01-01"},
		{"9999-12-31", "9999-12-31"},
		{"2024-02-29", "2024-02-29"},
		{"2026-02-29", ""},
		{"2026-13-01", ""},
		{"2026-00-10", ""},
		{"2026-01-00", ""},
		{"0000-01-01", ""},
		{"2026-1-01", ""},
		{"2026/01/01", ""},
		{"20260101", ""},
		{"2026-01-01T00:00:00Z", ""},
		{"+026-01-01", ""},
		{"２026-01-01", ""},
		{"", ""},
	}
	for _, tc := range tests {
		d, err := ParseDate(tc.in)
		if tc.want == "" {
			var ie *InputError
			if err == nil || !errors.Is(err, ErrInvalid) || !errors.As(err, &ie) || ie.Op != "ParseDate" || ie.Value != tc.in {
				t.Errorf("ParseDate(%q) = %s, %v; want an *InputError", tc.in, d, err)
			}
			continue
		}
		if err != nil || d.String() != tc.want {
			t.Errorf("ParseDate(%q) = %s, %v; want %s", tc.in, d, err, tc.want)
		}
	}
}

func TestDateText(t *testing.T) {
	type rec struct {
		Due  Date  `json:"due"`
		Next *Date `json:"next,omitempty"`
	}
	in := rec{Due: NewDate(2026, 5, 6)}
	b, err := json.Marshal(in)
	if err != nil || string(b) != `{"due":"2026-05-06"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var out rec
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Fatalf("Unmarshal = %+v, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"due":""}`), &out); err != nil || !out.Due.IsZero() {
		t.Fatalf("empty text: %+v, %v", out, err)
	}
	err = json.Unmarshal([]byte(`{"due":"2026-02-30"}`), &out)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("bad text: %v", err)
	}
}

func TestDateOfConvertsFirst(t *testing.T) {
	// 2026-04-24T09:30Z is 16:30 in UTC+7; 20:00Z is already the next day.
	tests := []struct {
		in   string
		want string
	}{
		{"2026-04-24T09:30:00Z", "2026-04-24"},
		{"2026-04-24T17:00:00Z", "2026-04-25"},
		{"2026-04-24T16:59:59Z", "2026-04-24"},
		{"2026-04-25T06:00:00+07:00", "2026-04-25"},
	}
	for _, tc := range tests {
		tt, _ := time.Parse(time.RFC3339, tc.in)
		if got := DateOf(tt, nil).String(); got != tc.want {
			t.Errorf("DateOf(%s) = %s, want %s", tc.in, got, tc.want)
		}
		if got := DateOf(tt, Zone()).String(); got != tc.want {
			t.Errorf("DateOf(%s, Zone()) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if _, off := time.Date(2026, 1, 1, 0, 0, 0, 0, Zone()).Zone(); off != 7*3600 {
		t.Fatalf("Zone offset %d", off)
	}
}
