package lunar

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// monthRec is one lunar month seen through the public API.
type monthRec struct {
	label Date // Day = 1
	start int  // day number of day 1
	len   int
}

// walkRange converts every solar day of the supported range with FromSolar,
// checks the round trip and day-to-day continuity, and returns the months
// that start inside the range.
func walkRange(t *testing.T) []monthRec {
	t.Helper()
	var months []monthRec
	prev := Date{}
	for j := minDay; j <= maxDay; j++ {
		y, m, d := fromJDN(j)
		ld, err := FromSolar(y, time.Month(m), d)
		require.NoError(t, err)
		y2, m2, d2, err := ToSolar(ld)
		require.NoError(t, err, ld.String())
		if y2 != y || int(m2) != m || d2 != d {
			t.Fatalf("round trip %04d-%02d-%02d → %v → %04d-%02d-%02d", y, m, d, ld, y2, m2, d2)
		}
		if ld.Day < 1 || ld.Day > 30 || ld.Month < 1 || ld.Month > 12 {
			t.Fatalf("%04d-%02d-%02d → impossible %v", y, m, d, ld)
		}
		if j > minDay {
			if ld.Day == 1 {
				if prev.Day != 29 && prev.Day != 30 {
					t.Fatalf("month ending %v has %d days", prev, prev.Day)
				}
			} else if ld != (Date{prev.Year, prev.Month, prev.Day + 1, prev.Leap}) {
				t.Fatalf("%v follows %v", ld, prev)
			}
		}
		if ld.Day == 1 {
			months = append(months, monthRec{label: ld, start: j})
		}
		if n := len(months); n > 0 {
			months[n-1].len = ld.Day
		}
		prev = ld
	}
	// The last month may be cut by the end of the range.
	return months
}

// TestPropertyAllDays covers every day 1900-01-01 … 2100-12-31: round
// trip, continuity, month lengths, month sequence, year lengths.
func TestPropertyAllDays(t *testing.T) {
	months := walkRange(t)
	require.Greater(t, len(months), 2400)
	complete := months[:len(months)-1]
	for i, mr := range complete {
		require.Contains(t, []int{29, 30}, mr.len, mr.label.String())
		n, err := MonthLength(mr.label.Year, mr.label.Month, mr.label.Leap)
		if mr.label.Year >= MinYear {
			require.NoError(t, err)
			require.Equal(t, mr.len, n, mr.label.String())
		}
		if i == 0 {
			continue
		}
		// Successor rule: leap month follows its namesake; otherwise the
		// number increases, wrapping 12 → 1 with a new year.
		p := complete[i-1].label
		c := mr.label
		switch {
		case c.Leap:
			require.Equal(t, Date{p.Year, p.Month, 1, false}, Date{c.Year, c.Month, 1, false}, "leap %v after %v", c, p)
			require.False(t, p.Leap)
		case p.Month == 12:
			require.Equal(t, Date{p.Year + 1, 1, 1, false}, c, "after %v", p)
		default:
			require.Equal(t, Date{p.Year, p.Month + 1, 1, false}, c, "after %v", p)
		}
	}
	// Per lunar year: 12 or 13 months, matching LeapMonth, and the length
	// of the year from consecutive Tết dates.
	count := map[int]int{}
	leapOf := map[int]int{}
	for _, mr := range complete {
		count[mr.label.Year]++
		if mr.label.Leap {
			leapOf[mr.label.Year] = mr.label.Month
		}
	}
	for y := MinYear; y <= MaxYear; y++ {
		lm, err := LeapMonth(y)
		require.NoError(t, err)
		require.Equal(t, leapOf[y], lm, "year %d", y)
		if y < MaxYear { // lunar year 2100 ends in 2101
			want := 12
			if lm != 0 {
				want = 13
			}
			require.Equal(t, want, count[y], "months in lunar year %d", y)
		}
		total := 0
		for m := 1; m <= 12; m++ {
			n, err := MonthLength(y, m, false)
			require.NoError(t, err)
			total += n
			if m == lm {
				n, err := MonthLength(y, m, true)
				require.NoError(t, err)
				total += n
			}
		}
		m1, d1, err := NewYear(y)
		require.NoError(t, err)
		require.Contains(t, []time.Month{time.January, time.February}, m1)
		if y < MaxYear {
			m2, d2, err := NewYear(y + 1)
			require.NoError(t, err)
			require.Equal(t, jdn(y+1, int(m2), d2)-jdn(y, int(m1), d1), total, "length of lunar year %d", y)
		}
		if lm == 0 {
			require.Contains(t, []int{353, 354, 355}, total, "year %d", y)
		} else {
			require.Contains(t, []int{383, 384, 385}, total, "year %d", y)
		}
	}
}

// crossing finds, by bisection (a different method from the table builder's
// Newton iteration), the UTC+7 day of the instant at which the Sun's
// apparent longitude reaches target degrees, between jde lo and hi (TT),
// where it is known to be crossed once.
func crossing(target, lo, hi float64) int {
	f := func(x float64) float64 {
		d := sunApparentLongitude(x) - target
		return math.Mod(d+540, 360) - 180
	}
	for hi-lo > 1e-7 {
		mid := (lo + hi) / 2
		if f(mid) < 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return localDay(ttToUT((lo + hi) / 2))
}

// TestPropertySolsticeInMonth11 checks rule 3 for every year of the range.
func TestPropertySolsticeInMonth11(t *testing.T) {
	for y := MinYear; y <= MaxYear; y++ {
		d := crossing(270, float64(jdn(y, 12, 10)), float64(jdn(y, 12, 31)))
		sy, sm, sd := fromJDN(d)
		require.Equal(t, y, sy)
		require.Equal(t, 12, sm)
		require.Contains(t, []int{21, 22, 23}, sd, "solstice %d", y)
		ld, err := FromSolar(sy, time.Month(sm), sd)
		require.NoError(t, err)
		assert.Equal(t, Date{Year: y, Month: 11, Day: ld.Day}, ld, "solstice %d-12-%02d", y, sd)
	}
}

// TestPropertyLeapMonthRule checks rule 4: between consecutive months 11
// there are 12 or 13 months, and in a 13-month span the leap month is the
// first month after month 11 that contains no principal term (its dates
// contain no UTC+7 date of an instant with λ a multiple of 30°), every
// earlier month of the span containing one.
func TestPropertyLeapMonthRule(t *testing.T) {
	months := walkRange(t)
	months = months[:len(months)-1]
	// Principal-term dates over the range, by bisection: term n (λ = 30°·n
	// after the first multiple of 30° following jd0) is bracketed ±10 days
	// around its mean-motion estimate (the equation of the centre is < 2°).
	terms := map[int]bool{}
	const rate = 360 / 365.2422
	jd0 := float64(jdn(MinYear-1, 12, 1))
	l0 := sunApparentLongitude(jd0)
	first := math.Floor(l0/30)*30 + 30
	last := 0
	for n := 0; ; n++ {
		est := jd0 + (first+30*float64(n)-l0)/rate
		if est > float64(maxDay+40) {
			break
		}
		target := math.Mod(first+30*float64(n), 360)
		require.Less(t, sunLongDist(est-10, target), 0.0)
		require.Greater(t, sunLongDist(est+10, target), 0.0)
		d := crossing(target, est-10, est+10)
		require.Greater(t, d-last, 27, "principal terms too close")
		last = d
		terms[d] = true
	}
	require.InDelta(t, (float64(maxDay+40)-jd0)*rate/30, len(terms), 2)
	hasTerm := func(mr monthRec) bool {
		for d := mr.start; d < mr.start+mr.len; d++ {
			if terms[d] {
				return true
			}
		}
		return false
	}
	var m11 []int
	for i, mr := range months {
		if mr.label.Month == 11 && !mr.label.Leap {
			m11 = append(m11, i)
		}
	}
	require.Len(t, m11, MaxYear-MinYear+1)
	leaps := 0
	for n := 0; n+1 < len(m11); n++ {
		a, b := m11[n], m11[n+1]
		switch b - a {
		case 12:
			for _, mr := range months[a:b] {
				require.False(t, mr.label.Leap, mr.label.String())
			}
		case 13:
			leaps++
			found := false
			for _, mr := range months[a+1 : b] {
				if mr.label.Leap {
					require.False(t, hasTerm(mr), "leap month %v contains a principal term", mr.label)
					found = true
					break
				}
				require.True(t, hasTerm(mr), "month %v before the leap month has no principal term", mr.label)
			}
			require.True(t, found, "13-month span from month 11 of %d has no leap month", months[a].label.Year)
		default:
			t.Fatalf("%d months after month 11 of %d", b-a, months[a].label.Year)
		}
	}
	// About 7 leap months in 19 years.
	require.InDelta(t, 200*7.0/19, leaps, 3)
}

// sunLongDist is λ(jde) − target reduced to [−180, 180).
func sunLongDist(jde, target float64) float64 {
	return math.Mod(sunApparentLongitude(jde)-target+540, 360) - 180
}
