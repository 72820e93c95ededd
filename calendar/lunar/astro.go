package lunar

// Astronomical core, written directly from the formulas published in
// Jean Meeus, Astronomical Algorithms, 2nd ed. (1998):
//
//   - ch. 49 (phases of the Moon): mean new moon, the 25 periodic terms for
//     the new moon and the 14 additional (planetary) corrections;
//   - ch. 25 (solar coordinates, lower accuracy): geometric longitude from
//     the mean longitude and the equation of the centre, then the apparent
//     longitude with nutation in longitude (ch. 22, the four leading terms)
//     and aberration (−20.4898″/R);
//   - ΔT = TT − UT from the observed values 1962–2026, the Espenak–Meeus
//     polynomial expressions before (NASA Five Millennium Canon of Solar
//     Eclipses, public domain) and an extrapolation after (deltaT).
//
// Times are Julian (Ephemeris) Days as float64; precision at JD ≈ 2.4e6 is
// about 40 µs, far below the model errors.

import "math"

const (
	deg = math.Pi / 180
	// localOffsetDays is UTC+7 (the 105°E meridian) in days.
	localOffsetDays = 7.0 / 24.0
	// newMoonK0Epoch is the mean new moon k = 0 (2000-01-06), JDE.
	newMoonK0Epoch = 2451550.09766
	// synodicMonth is the mean synodic month in days (Meeus 49.1).
	synodicMonth = 29.530588861
	j2000        = 2451545.0
)

// sinDeg returns sin(x°).
func sinDeg(x float64) float64 { return math.Sin(x * deg) }

// cosDeg returns cos(x°).
func cosDeg(x float64) float64 { return math.Cos(x * deg) }

// norm360 reduces an angle in degrees to [0, 360).
func norm360(x float64) float64 {
	x = math.Mod(x, 360)
	if x < 0 {
		x += 360
	}
	return x
}

// newMoonTerm is one periodic term of Meeus table 49.A (new moon column):
// coef · E^e · sin(m·M + mp·M' + f·F + om·Ω).
type newMoonTerm struct {
	coef         float64
	e            int
	m, mp, f, om float64
}

var newMoonTerms = [...]newMoonTerm{
	{-0.40720, 0, 0, 1, 0, 0},
	{+0.17241, 1, 1, 0, 0, 0},
	{+0.01608, 0, 0, 2, 0, 0},
	{+0.01039, 0, 0, 0, 2, 0},
	{+0.00739, 1, -1, 1, 0, 0},
	{-0.00514, 1, 1, 1, 0, 0},
	{+0.00208, 2, 2, 0, 0, 0},
	{-0.00111, 0, 0, 1, -2, 0},
	{-0.00057, 0, 0, 1, 2, 0},
	{+0.00056, 1, 1, 2, 0, 0},
	{-0.00042, 0, 0, 3, 0, 0},
	{+0.00042, 1, 1, 0, 2, 0},
	{+0.00038, 1, 1, 0, -2, 0},
	{-0.00024, 1, -1, 2, 0, 0},
	{-0.00017, 0, 0, 0, 0, 1},
	{-0.00007, 0, 2, 1, 0, 0},
	{+0.00004, 0, 0, 2, -2, 0},
	{+0.00004, 0, 3, 0, 0, 0},
	{+0.00003, 0, 1, 1, -2, 0},
	{+0.00003, 0, 0, 2, 2, 0},
	{-0.00003, 0, 1, 1, 2, 0},
	{+0.00003, 0, -1, 1, 2, 0},
	{-0.00002, 0, -1, 1, -2, 0},
	{-0.00002, 0, 1, 3, 0, 0},
	{+0.00002, 0, 0, 4, 0, 0},
}

// planetaryArg is one of the 14 additional corrections of Meeus ch. 49:
// coef · sin(a0 + a1·k + a2·T²).
type planetaryArg struct {
	a0, a1, a2, coef float64
}

var planetaryArgs = [...]planetaryArg{
	{299.77, 0.107408, -0.009173, 0.000325},
	{251.88, 0.016321, 0, 0.000165},
	{251.83, 26.651886, 0, 0.000164},
	{349.42, 36.412478, 0, 0.000126},
	{84.66, 18.206239, 0, 0.000110},
	{141.74, 53.303771, 0, 0.000062},
	{207.14, 2.453732, 0, 0.000060},
	{154.84, 7.306860, 0, 0.000056},
	{34.52, 27.261239, 0, 0.000047},
	{207.19, 0.121824, 0, 0.000042},
	{291.34, 1.844379, 0, 0.000040},
	{161.72, 24.198154, 0, 0.000037},
	{239.56, 25.513099, 0, 0.000035},
	{331.55, 3.592518, 0, 0.000023},
}

// newMoonJDE returns the instant (Julian Ephemeris Day, TT) of true new moon
// number k, counted from the new moon of 2000-01-06 (k = 0). Meeus ch. 49;
// stated accuracy is about a minute of time or better within a few centuries
// of 2000.
func newMoonJDE(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85
	t2, t3, t4 := t*t, t*t*t, t*t*t*t
	jde := newMoonK0Epoch + synodicMonth*kf + 0.00015437*t2 - 0.000000150*t3 + 0.00000000073*t4

	e := 1 - 0.002516*t - 0.0000074*t2
	m := 2.5534 + 29.10535670*kf - 0.0000014*t2 - 0.00000011*t3
	mp := 201.5643 + 385.81693528*kf + 0.0107582*t2 + 0.00001238*t3 - 0.000000058*t4
	f := 160.7108 + 390.67050284*kf - 0.0016118*t2 - 0.00000227*t3 + 0.000000011*t4
	om := 124.7746 - 1.56375588*kf + 0.0020672*t2 + 0.00000215*t3
	m, mp, f, om = norm360(m), norm360(mp), norm360(f), norm360(om)

	var corr float64
	for _, p := range newMoonTerms {
		c := p.coef
		for i := 0; i < p.e; i++ {
			c *= e
		}
		corr += c * sinDeg(p.m*m+p.mp*mp+p.f*f+p.om*om)
	}
	for _, a := range planetaryArgs {
		corr += a.coef * sinDeg(a.a0+a.a1*kf+a.a2*t2)
	}
	return jde + corr
}

// ephemerisNewMoons holds the JPL DE405 instant (JDE, TT) of every
// lunation of 1960–2059 (the span of that ephemeris) whose new moon by the
// series lies within 20 s of 00:00 UTC+7: the series is good to 18 s against
// DE405 over those years, so for these lunations only the ephemeris can say
// on which day the month starts. There is one: k = −402, the new moon of
// 1967-07-07 17:00:04 UT (00:00:04 UTC+7 on 8/7/1967), which the series puts
// 2 s before midnight. TestEphemerisNewMoons checks the table against the
// DE405 list in testdata.
var ephemerisNewMoons = [...]struct {
	k   int
	jde float64
}{
	{-402, 2439679.20881438},
}

// newMoonInstant returns the instant (JDE, TT) of new moon k: the DE405
// value where ephemerisNewMoons has one, newMoonJDE otherwise.
func newMoonInstant(k int) float64 {
	for _, e := range ephemerisNewMoons {
		if e.k == k {
			return e.jde
		}
	}
	return newMoonJDE(k)
}

// deltaT returns ΔT = TT − UT in seconds for decimal year y:
//
//   - 1800 to 1962 the Espenak–Meeus polynomials (NASA, public domain), which
//     follow the observed values of 1900–1961 to within about a second;
//   - 1962 to 2026 the observed values at the start of each year
//     (deltaTObserved), linearly interpolated;
//   - after 2026 an extrapolation from the last observed value (see
//     deltaTExtrapolated), whose uncertainty grows to about a minute by
//     2100;
//   - before 1800 the long-term parabola −20 + 32·u², u = (y−1820)/100.
func deltaT(y float64) float64 {
	switch {
	case y >= deltaTFirstYear && y < deltaTLastYear:
		i := int(y - deltaTFirstYear)
		f := y - float64(deltaTFirstYear+i)
		return deltaTObserved[i] + f*(deltaTObserved[i+1]-deltaTObserved[i])
	case y >= deltaTLastYear:
		return deltaTExtrapolated(y)
	case y >= 1800 && y < 1860:
		t := y - 1800
		return 13.72 - 0.332447*t + 0.0068612*t*t + 0.0041116*t*t*t - 0.00037436*math.Pow(t, 4) +
			0.0000121272*math.Pow(t, 5) - 0.0000001699*math.Pow(t, 6) + 0.000000000875*math.Pow(t, 7)
	case y >= 1860 && y < 1900:
		t := y - 1860
		return 7.62 + 0.5737*t - 0.251754*t*t + 0.01680668*t*t*t - 0.0004473624*math.Pow(t, 4) + math.Pow(t, 5)/233174
	case y >= 1900 && y < 1920:
		t := y - 1900
		return -2.79 + 1.494119*t - 0.0598939*t*t + 0.0061966*t*t*t - 0.000197*math.Pow(t, 4)
	case y >= 1920 && y < 1941:
		t := y - 1920
		return 21.20 + 0.84493*t - 0.076100*t*t + 0.0020936*t*t*t
	case y >= 1941 && y < 1961:
		t := y - 1950
		return 29.07 + 0.407*t - t*t/233 + t*t*t/2547
	case y >= 1961:
		t := y - 1975
		return 45.45 + 1.067*t - t*t/260 - t*t*t/718
	default:
		u := (y - 1820) / 100
		return -20 + 32*u*u
	}
}

// deltaTFirstYear and deltaTLastYear bound deltaTObserved.
const (
	deltaTFirstYear = 1962
	deltaTLastYear  = 2026
)

// deltaTObserved holds ΔT in seconds at 1 January of each year 1962–2026:
// TT − UT1 = 32.184 s + (TAI − UTC) − (UT1 − UTC) from the IERS Earth
// orientation series (EOP C04 from 1962; the IERS bulletins for 2023–2026),
// as tabulated in The Astronomical Almanac. Uncertainty: a few hundredths of a
// second from 1962, ≈ 0.05 s for 2023–2026.
var deltaTObserved = [deltaTLastYear - deltaTFirstYear + 1]float64{
	34.00, 34.47, 35.03, 35.73, 36.54, 37.43, 38.29, 39.20, 40.18, 41.17, // 1962–1971
	42.23, 43.37, 44.48, 45.48, 46.46, 47.52, 48.53, 49.59, 50.54, 51.38, // 1972–1981
	52.17, 52.96, 53.79, 54.34, 54.87, 55.32, 55.82, 56.30, 56.86, 57.57, // 1982–1991
	58.31, 59.12, 59.98, 60.79, 61.63, 62.30, 62.97, 63.47, 63.83, 64.09, // 1992–2001
	64.30, 64.47, 64.57, 64.69, 64.85, 65.15, 65.46, 65.78, 66.07, 66.32, // 2002–2011
	66.60, 66.91, 67.28, 67.64, 68.10, 68.59, 68.97, 69.22, 69.36, 69.36, // 2012–2021
	69.29, 69.20, 69.17, 69.14, 69.09, // 2022–2026
}

// ΔT extrapolation after deltaTLastYear: a rate of deltaTRate seconds per
// year (between the nearly flat 2019–2026 values and the ≈ 0.3 s/yr of
// 2000–2020) plus the long-term tidal acceleration of the parabola
// 32.5 s·((y−1825)/100)² (Stephenson, Morrison and Hohenkerk), i.e.
// deltaTAccel = 32.5/10⁴ s/yr². Gives ≈ 82 s in 2070 and ≈ 98 s in 2100,
// where the older Espenak–Meeus extrapolation gave ≈ 135 s and 203 s.
const (
	deltaTRate  = 0.15
	deltaTAccel = 0.00325
)

// deltaTExtrapolated returns the extrapolated ΔT in seconds for y at or after
// deltaTLastYear.
func deltaTExtrapolated(y float64) float64 {
	t := y - deltaTLastYear
	return deltaTObserved[len(deltaTObserved)-1] + deltaTRate*t + deltaTAccel*t*t
}

// decimalYear returns the (approximate) decimal Gregorian year of a Julian Day.
func decimalYear(jd float64) float64 { return 2000 + (jd-j2000)/365.25 }

// ttToUT converts a Julian Ephemeris Day (TT) to a Julian Day (UT).
func ttToUT(jde float64) float64 { return jde - deltaT(decimalYear(jde))/86400 }

// utToTT converts a Julian Day (UT) to a Julian Ephemeris Day (TT).
func utToTT(jd float64) float64 { return jd + deltaT(decimalYear(jd))/86400 }

// localDay returns the Julian Day Number of the UTC+7 civil date containing
// the instant jd (UT).
func localDay(jd float64) int { return int(math.Floor(jd + 0.5 + localOffsetDays)) }

// localMidnightUT returns the instant (JD, UT) of 00:00 UTC+7 on day number d.
func localMidnightUT(d int) float64 { return float64(d) - 0.5 - localOffsetDays }

// sunApparentLongitude returns the Sun's apparent geocentric longitude in
// degrees [0, 360) at jde (TT), referred to the true equinox of date.
// Meeus ch. 25 (lower accuracy, ≈0.01°) with nutation in longitude from
// ch. 22 and aberration −20.4898″/R.
func sunApparentLongitude(jde float64) float64 {
	t := (jde - j2000) / 36525
	t2 := t * t
	l0 := 280.46646 + 36000.76983*t + 0.0003032*t2
	m := 357.52911 + 35999.05029*t - 0.0001537*t2
	e := 0.016708634 - 0.000042037*t - 0.0000001267*t2
	m = norm360(m)
	c := (1.914602-0.004817*t-0.000014*t2)*sinDeg(m) +
		(0.019993-0.000101*t)*sinDeg(2*m) +
		0.000289*sinDeg(3*m)
	trueLon := l0 + c
	nu := m + c
	r := 1.000001018 * (1 - e*e) / (1 + e*cosDeg(nu))

	aberration := -20.4898 / 3600 / r
	return norm360(trueLon + nutationInLongitude(t)/3600 + aberration)
}

// nutationInLongitude returns Δψ in arcseconds for t Julian centuries (TT)
// from J2000.0: the four leading terms of Meeus ch. 22 (accuracy 0.5″).
func nutationInLongitude(t float64) float64 {
	om := 125.04452 - 1934.136261*t + 0.0020708*t*t + t*t*t/450000
	lSun := 280.4665 + 36000.7698*t
	lMoon := 218.3165 + 481267.8813*t
	return -17.20*sinDeg(om) - 1.32*sinDeg(2*lSun) - 0.23*sinDeg(2*lMoon) + 0.21*sinDeg(2*om)
}

// sunLongitudeAtLocalMidnight returns the Sun's apparent longitude at 00:00
// UTC+7 of day number d.
func sunLongitudeAtLocalMidnight(d int) float64 {
	return sunApparentLongitude(utToTT(localMidnightUT(d)))
}

// sunLongitudeCrossing returns the instant (JDE, TT) near guess at which the
// Sun's apparent longitude equals target degrees. Newton iteration with the
// mean solar rate; converges to below 1e-7 day in a few steps when guess is
// within a few weeks.
func sunLongitudeCrossing(target, guess float64) float64 {
	const rate = 360 / 365.2422 // degrees per day, mean
	jde := guess
	for i := 0; i < 20; i++ {
		diff := target - sunApparentLongitude(jde)
		diff = math.Mod(diff+540, 360) - 180 // to [-180, 180)
		step := diff / rate
		jde += step
		if math.Abs(step) < 1e-8 {
			break
		}
	}
	return jde
}

// decemberSolsticeJDE returns the instant (JDE, TT) of the December solstice
// (apparent longitude 270°) of Gregorian year y.
func decemberSolsticeJDE(y int) float64 {
	return sunLongitudeCrossing(270, float64(jdn(y, 12, 21)))
}

// jdn returns the Julian Day Number of Gregorian date y-m-d (proleptic,
// valid for the years this package handles). Noon-based: JD = jdn at 12:00 UT.
func jdn(y, m, d int) int {
	a := (14 - m) / 12
	yy := y + 4800 - a
	mm := m + 12*a - 3
	return d + (153*mm+2)/5 + 365*yy + yy/4 - yy/100 + yy/400 - 32045
}

// fromJDN is the inverse of jdn.
func fromJDN(j int) (y, m, d int) {
	a := j + 32044
	b := (4*a + 3) / 146097
	c := a - 146097*b/4
	dd := (4*c + 3) / 1461
	e := c - 1461*dd/4
	mm := (5*e + 2) / 153
	d = e - (153*mm+2)/5 + 1
	m = mm + 3 - 12*(mm/10)
	y = 100*b + dd - 4800 + mm/10
	return y, m, d
}
