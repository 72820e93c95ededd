package lunar

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDateString(t *testing.T) {
	cases := []struct {
		d    Date
		want string
	}{
		{Date{2026, 3, 10, false}, "10/3/2026"},
		{Date{2023, 2, 1, true}, "1/2n/2023"},
		{Date{2033, 11, 30, true}, "30/11n/2033"},
		{Date{}, "0/0/0"},
		{Date{-1, -2, -3, false}, "-3/-2/-1"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, c.d.String())
	}
}

func TestFromSolarErrors(t *testing.T) {
	cases := []struct {
		name  string
		y     int
		m     time.Month
		d     int
		is    error
		field string
	}{
		{"before range", 1899, 12, 31, ErrOutOfRange, ""},
		{"after range", 2101, 1, 1, ErrOutOfRange, ""},
		{"huge year", math.MaxInt, 1, 1, ErrOutOfRange, ""},
		{"negative year", math.MinInt, 1, 1, ErrOutOfRange, ""},
		{"month 0", 2026, 0, 1, ErrInvalidSolarDate, "month"},
		{"month 13", 2026, 13, 1, ErrInvalidSolarDate, "month"},
		{"day 0", 2026, 1, 0, ErrInvalidSolarDate, "day"},
		{"Feb 29 non-leap", 2026, 2, 29, ErrInvalidSolarDate, "day"},
		{"Feb 29 1900", 1900, 2, 29, ErrInvalidSolarDate, "day"},
		{"Apr 31", 2026, 4, 31, ErrInvalidSolarDate, "day"},
		{"huge day", 2026, 4, math.MaxInt, ErrInvalidSolarDate, "day"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := FromSolar(c.y, c.m, c.d)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.is)
			assert.Contains(t, err.Error(), "FromSolar")
			if c.field != "" {
				var de *DateError
				require.ErrorAs(t, err, &de)
				assert.Equal(t, c.field, de.Field)
				assert.NotErrorIs(t, err, ErrOutOfRange)
			} else {
				var re *RangeError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, "FromSolar", re.Func)
			}
		})
	}
	// Bounds are inclusive.
	d, err := FromSolar(1900, 1, 1)
	require.NoError(t, err)
	assert.Equal(t, 1899, d.Year)
	_, err = FromSolar(2100, 12, 31)
	require.NoError(t, err)
	d, err = FromSolar(2024, 2, 29)
	require.NoError(t, err)
	assert.Equal(t, Date{2024, 1, 20, false}, d)
}

func TestToSolarErrors(t *testing.T) {
	cases := []struct {
		name  string
		d     Date
		is    error
		field string
	}{
		{"zero", Date{}, ErrOutOfRange, ""},
		{"year 1898", Date{1898, 12, 1, false}, ErrOutOfRange, ""},
		{"1899 before 1900-01-01", Date{1899, 1, 1, false}, ErrOutOfRange, ""},
		{"year 2101", Date{2101, 1, 1, false}, ErrOutOfRange, ""},
		{"lunar 2100 in 2101", Date{2100, 12, 29, false}, ErrOutOfRange, ""},
		{"huge year", Date{math.MaxInt, 1, 1, false}, ErrOutOfRange, ""},
		{"month 0", Date{2026, 0, 1, false}, ErrInvalidDate, "month"},
		{"month 13", Date{2026, 13, 1, false}, ErrInvalidDate, "month"},
		{"huge month", Date{2026, math.MinInt, 1, false}, ErrInvalidDate, "month"},
		{"day 0", Date{2026, 1, 0, false}, ErrInvalidDate, "day"},
		{"day 31", Date{2026, 1, 31, false}, ErrInvalidDate, "day"},
		{"day 30 of 29-day month", Date{2023, 2, 30, true}, ErrInvalidDate, "day"}, // leap 2/2023 has 29 days
		{"leap on non-leap year", Date{2026, 3, 1, true}, ErrInvalidDate, "leap"},
		{"leap on wrong month", Date{2023, 3, 1, true}, ErrInvalidDate, "leap"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, _, err := ToSolar(c.d)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.is)
			assert.Contains(t, err.Error(), "ToSolar")
			if c.field != "" {
				var de *DateError
				require.ErrorAs(t, err, &de)
				assert.Equal(t, c.field, de.Field)
				assert.Equal(t, c.d.String(), de.Input)
			} else {
				var re *RangeError
				require.ErrorAs(t, err, &re)
			}
		})
	}
	n, err := MonthLength(2023, 2, true)
	require.NoError(t, err)
	assert.Equal(t, 29, n)
	// The last day of lunar year 1899 in range and the first supported day.
	y, m, d, err := ToSolar(Date{1899, 12, 1, false})
	if err == nil {
		assert.GreaterOrEqual(t, jdn(y, int(m), d), minDay)
	} else {
		assert.ErrorIs(t, err, ErrOutOfRange)
	}
	y, m, d, err = ToSolar(mustFromSolar(t, 1900, 1, 1))
	require.NoError(t, err)
	assert.Equal(t, []int{1900, 1, 1}, []int{y, int(m), d})
}

func mustFromSolar(t *testing.T, y int, m time.Month, d int) Date {
	t.Helper()
	ld, err := FromSolar(y, m, d)
	require.NoError(t, err)
	return ld
}

func TestYearFunctionErrors(t *testing.T) {
	for _, y := range []int{MinYear - 1, MaxYear + 1, math.MinInt, math.MaxInt} {
		_, err := LeapMonth(y)
		assert.ErrorIs(t, err, ErrOutOfRange)
		_, _, err = NewYear(y)
		assert.ErrorIs(t, err, ErrOutOfRange)
		_, err = MonthLength(y, 1, false)
		assert.ErrorIs(t, err, ErrOutOfRange)
		var re *RangeError
		assert.True(t, errors.As(err, &re))
	}
	_, err := MonthLength(2026, 13, false)
	assert.ErrorIs(t, err, ErrInvalidDate)
	_, err = MonthLength(2026, 1, true)
	var de *DateError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "leap", de.Field)
	assert.Equal(t, "MonthLength", de.Func)
}

func TestLeapMonthKnown(t *testing.T) {
	cases := map[int]int{2000: 0, 2001: 4, 2004: 2, 2006: 7, 2009: 5, 2012: 4, 2014: 9, 2017: 6, 2020: 4,
		2023: 2, 2025: 6, 2028: 5, 2031: 3, 2033: 11}
	for y, want := range cases {
		got, err := LeapMonth(y)
		require.NoError(t, err)
		assert.Equal(t, want, got, "year %d", y)
	}
}

func TestTableInvariants(t *testing.T) {
	tb := tableOnce()
	require.NoError(t, tb.err)
	require.Same(t, tb, tableOnce(), "table built once")
	require.Equal(t, len(tb.labels)+1, len(tb.starts))
	require.LessOrEqual(t, int(tb.starts[0]), minDay)
	require.Greater(t, int(tb.starts[len(tb.starts)-1]), maxDay)
	for i := 1; i < len(tb.starts); i++ {
		require.Contains(t, []int32{29, 30}, tb.starts[i]-tb.starts[i-1])
	}
}
