package lunar

import (
	"math"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNewMoonMeeusExample reproduces Meeus example 49.a: the new moon of
// 1977 February (k = −283) at JDE 2443192.65118.
func TestNewMoonMeeusExample(t *testing.T) {
	assert.InDelta(t, 2443192.65118, newMoonJDE(-283), 0.000005)
}

// TestNewMoonKnownInstants compares with published new-moon times (UT,
// rounded to the minute, from the public almanac tables) to within 2 min.
func TestNewMoonKnownInstants(t *testing.T) {
	cases := []struct {
		k                   int
		y, m, d, hour, mins int
	}{
		{0, 2000, 1, 6, 18, 14},   // 2000-01-06 18:14 UT
		{288, 2023, 4, 20, 4, 12}, // 2023-04-20 04:12 UT (hybrid eclipse)
		{88, 2007, 2, 17, 16, 14}, // 2007-02-17 16:14 UT: 23:14 UTC+7, 00:14 UTC+8
		{372, 2030, 2, 2, 16, 7},  // 2030-02-02 16:07 UT: 23:07 UTC+7
	}
	for _, c := range cases {
		want := float64(jdn(c.y, c.m, c.d)) - 0.5 + (float64(c.hour)+float64(c.mins)/60)/24
		got := ttToUT(newMoonJDE(c.k))
		assert.InDelta(t, want, got, 2.0/1440, "k=%d (%d-%02d-%02d) off by %.1f min", c.k, c.y, c.m, c.d, (got-want)*1440)
		t.Logf("k=%d: %+.2f min", c.k, (got-want)*1440)
	}
}

// TestSunLongitudeMeeusExample checks Meeus example 25.a/25.b: 1992 Oct
// 13.0 TD, apparent longitude 199.907372° (full VSOP87 value, ex. 25.b);
// the lower-accuracy method is good to about 0.01°.
func TestSunLongitudeMeeusExample(t *testing.T) {
	assert.InDelta(t, 199.907372, sunApparentLongitude(2448908.5), 0.002)
}

// TestSolsticeKnown compares December solstice instants with published
// values (UT, to the minute) to within 15 min.
func TestSolsticeKnown(t *testing.T) {
	cases := []struct{ y, d, hour, mins int }{
		{2000, 21, 13, 37},
		{2012, 21, 11, 12},
		{2023, 22, 3, 27},
		{2033, 21, 13, 45},
	}
	for _, c := range cases {
		want := float64(jdn(c.y, 12, c.d)) - 0.5 + (float64(c.hour)+float64(c.mins)/60)/24
		got := ttToUT(decemberSolsticeJDE(c.y))
		assert.InDelta(t, want, got, 15.0/1440, "%d: off by %.1f min", c.y, (got-want)*1440)
		t.Logf("solstice %d: %+.2f min", c.y, (got-want)*1440)
	}
}

func TestDeltaT(t *testing.T) {
	cases := []struct {
		y, want, tol float64
	}{
		{1900, -2.79, 0.01},
		{1950, 29.07, 0.01},
		{2000, 63.86, 0.01},
		{2020, 71.6, 0.5}, // polynomial value (observed ≈ 69.4 s)
		{2100, 202.7, 0.5},
	}
	for _, c := range cases {
		assert.InDelta(t, c.want, deltaT(c.y), c.tol, "ΔT(%v)", c.y)
	}
	// The piecewise polynomials join within 1.5 s at their boundaries.
	for _, b := range []float64{1860, 1900, 1920, 1941, 1961, 1986, 2005, 2050, 2150} {
		assert.InDelta(t, deltaT(b-1e-9), deltaT(b), 1.5, "ΔT jump at %v", b)
	}
}

func TestJDN(t *testing.T) {
	assert.Equal(t, 2451545, jdn(2000, 1, 1))
	assert.Equal(t, 2415021, jdn(1900, 1, 1))
	for j := jdn(1899, 1, 1); j <= jdn(2102, 1, 1); j++ {
		y, m, d := fromJDN(j)
		require.Equal(t, j, jdn(y, m, d))
	}
}

func TestNewMoonsMonotonic(t *testing.T) {
	prev := newMoonJDE(-1300)
	for k := -1299; k <= 1300; k++ {
		cur := newMoonJDE(k)
		require.InDelta(t, synodicMonth, cur-prev, 0.3, "k=%d", k)
		prev = cur
	}
}

// TestSensitivity logs the new moons and month-boundary principal terms of
// the range that lie closest to UTC+7 midnight: those are the only places
// where a more precise ephemeris or ΔT could change a date. It asserts that
// no new moon of the vector years 2000–2035 lies within 2 minutes of
// midnight, so those dates do not hinge on model error.
func TestSensitivity(t *testing.T) {
	type near struct {
		what string
		jd   float64 // UT
		min  float64 // minutes from local midnight
	}
	minutesFromMidnight := func(jdUT float64) float64 {
		x := jdUT + 0.5 + localOffsetDays
		f := x - math.Floor(x)
		return math.Min(f, 1-f) * 1440
	}
	var nm []near
	kLo := newMoonIndexNear(float64(minDay)) - 1
	kHi := newMoonIndexNear(float64(maxDay)) + 1
	for k := kLo; k <= kHi; k++ {
		jd := ttToUT(newMoonJDE(k))
		nm = append(nm, near{"new moon", jd, minutesFromMidnight(jd)})
		y, _, _ := fromJDN(localDay(jd))
		if y >= 2000 && y <= 2035 {
			assert.Greater(t, minutesFromMidnight(jd), 2.0, "new moon k=%d", k)
		}
	}
	sort.Slice(nm, func(i, j int) bool { return nm[i].min < nm[j].min })
	for _, n := range nm[:8] {
		y, m, d := fromJDN(localDay(n.jd))
		t.Logf("%s %04d-%02d-%02d: %.2f min from 00:00 UTC+7", n.what, y, m, d, n.min)
	}
}

// TestSensitivityTerms logs month starts at whose 00:00 UTC+7 the Sun is
// within 15 minutes of a principal term, and December solstices within 15
// minutes of midnight: only there can the ≈0.01° accuracy of the solar
// longitude matter (and only if the month lies in a 13-month span, for
// terms, or the solstice falls on a month's first or last day).
func TestSensitivityTerms(t *testing.T) {
	tb := tableOnce()
	require.NoError(t, tb.err)
	const rate = 360 / 365.2422 / 1440 // degrees per minute
	for i, s := range tb.starts[:len(tb.starts)-1] {
		lam := sunLongitudeAtLocalMidnight(int(s))
		off := math.Mod(lam, 30)
		off = math.Min(off, 30-off) / rate
		if off < 15 {
			y, m, d := fromJDN(int(s))
			t.Logf("principal term %.1f min from 00:00 UTC+7 of %04d-%02d-%02d (start of %v)", off, y, m, d,
				Date{int(tb.labels[i].year), int(tb.labels[i].month), 1, tb.labels[i].leap})
		}
	}
	for y := firstSolstice; y <= lastSolstice; y++ {
		x := ttToUT(decemberSolsticeJDE(y)) + 0.5 + localOffsetDays
		f := (x - math.Floor(x)) * 1440
		if f < 15 || f > 1440-15 {
			t.Logf("solstice %d %.1f min from midnight UTC+7", y, math.Min(f, 1440-f))
		}
	}
}
