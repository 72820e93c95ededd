package lunar

import (
	"errors"
	"math"
	"testing"
	"time"
)

// FuzzFromSolar: FromSolar never panics, fails only with the documented
// errors, and every result converts back with ToSolar to the same day.
func FuzzFromSolar(f *testing.F) {
	f.Add(2026, 4, 26)
	f.Add(2007, 2, 17)
	f.Add(2023, 3, 22)
	f.Add(1900, 1, 1)
	f.Add(2100, 12, 31)
	f.Add(2101, 1, 1)
	f.Add(2024, 2, 29)
	f.Add(2023, 2, 29)
	f.Add(0, 0, 0)
	f.Add(-1, -1, -1)
	f.Add(math.MaxInt, math.MaxInt, math.MaxInt)
	f.Add(math.MinInt, math.MinInt, math.MinInt)
	f.Fuzz(func(t *testing.T, y, m, d int) {
		ld, err := FromSolar(y, time.Month(m), d)
		if err != nil {
			if !errors.Is(err, ErrOutOfRange) && !errors.Is(err, ErrInvalidSolarDate) {
				t.Fatalf("FromSolar(%d, %d, %d): unexpected error %v", y, m, d, err)
			}
			return
		}
		y2, m2, d2, err := ToSolar(ld)
		if err != nil || y2 != y || int(m2) != m || d2 != d {
			t.Fatalf("FromSolar(%d, %d, %d) = %v; ToSolar → %d-%d-%d, %v", y, m, d, ld, y2, m2, d2, err)
		}
	})
}

// FuzzToSolar: ToSolar never panics, fails only with the documented errors,
// and every result converts back with FromSolar to the same lunar date.
func FuzzToSolar(f *testing.F) {
	f.Add(2026, 3, 10, false)
	f.Add(2023, 2, 1, true)
	f.Add(2023, 2, 30, true)
	f.Add(2033, 11, 29, true)
	f.Add(1899, 12, 15, false)
	f.Add(2100, 12, 30, false)
	f.Add(0, 0, 0, false)
	f.Add(-5, 13, -1, true)
	f.Add(math.MaxInt, math.MaxInt, math.MaxInt, true)
	f.Add(math.MinInt, math.MinInt, math.MinInt, false)
	f.Fuzz(func(t *testing.T, y, m, d int, leap bool) {
		in := Date{Year: y, Month: m, Day: d, Leap: leap}
		sy, sm, sd, err := ToSolar(in)
		if err != nil {
			if !errors.Is(err, ErrOutOfRange) && !errors.Is(err, ErrInvalidDate) {
				t.Fatalf("ToSolar(%v): unexpected error %v", in, err)
			}
			return
		}
		back, err := FromSolar(sy, sm, sd)
		if err != nil || back != in {
			t.Fatalf("ToSolar(%v) = %d-%d-%d; FromSolar → %v, %v", in, sy, sm, sd, back, err)
		}
	})
}
