// Package lunar converts between Gregorian dates and the Vietnamese lunar
// calendar (âm lịch), which dates Tết Nguyên Đán (1/1) and Giỗ Tổ Hùng
// Vương (10/3, day 10 of the non-leap month 3).
//
// # Legal basis
//
// Vietnam's official time is zone 7, UTC+7, without daylight saving
// (Decision 121/CP of 1967; Decision 134/2002/QĐ-TTg), and the lunar
// calendar is computed for that zone, i.e. at the 105°E meridian. Chinese
// calendars are computed at UTC+8 (120°E). When a new moon or a principal
// term falls between 16:00 and 17:00 UTC the two calendars start a month, or
// place a leap month, on different days, so Chinese tables and libraries
// give wrong Vietnamese dates in some years: Tết 2007 is 17/2 in Vietnam and
// 18/2 in China, Tết 2030 is 2/2 vs 3/2, 10/3 of 2009 is 4/4 vs 5/4. Do not
// substitute a Chinese-calendar library for this package. (Before 1976 the
// South used UTC+8; this package applies UTC+7 to the whole range.)
//
// # Rules
//
// As restated in the project spec (docs/calendar.md, Lunar calendar):
//
//  1. A month begins on the UTC+7 day that contains the (true) new moon.
//  2. A year has 12 months, or 13 in a leap year.
//  3. Month 11 is the month whose days contain the UTC+7 date of the
//     December solstice (Sun's apparent longitude λ = 270°).
//  4. If 13 months lie between month 11 of one year and month 11 of the
//     next, the leap month is the first month [s_i, s_{i+1}) after month 11
//     for which ⌊λ/30°⌋ is the same at 00:00 UTC+7 on s_i and on s_{i+1}
//     (a month without a principal term, trung khí). It repeats the number
//     of the month before it and belongs to the same lunar year.
//  5. Lunar year Y runs from its month 1 (Tết, in January or February of
//     Gregorian year Y) to the day before the next month 1.
//
// # Sources and independence
//
// The implementation is written directly from published astronomical
// formulas, not from any lunar-calendar program or table (in particular
// not from Hồ Ngọc Đức's code, whose licence forbids commercial use, nor
// any port of it):
//
//   - Jean Meeus, Astronomical Algorithms, 2nd ed. (1998), ch. 49: true
//     new moon from the mean phase, all 25 new-moon periodic terms and the
//     14 additional planetary corrections (result in TT);
//   - Meeus ch. 25 (lower-accuracy solar coordinates: mean longitude, mean
//     anomaly, equation of the centre) with nutation in longitude from ch.
//     22 (four leading terms) and aberration −20.4898″/R, giving the
//     apparent longitude;
//   - ΔT = TT − UT from the observed values 1962–2026 (IERS), the
//     Espenak–Meeus polynomials before 1962 (NASA, public domain) and, after
//     2026, an extrapolation from the last observed value (≈ 98 s in 2100),
//     subtracted before adding the 7 h of UTC+7;
//   - for the one lunation of 1960–2059 whose series instant lies within
//     the series' error of midnight (1967-07), the instant of the JPL DE405
//     ephemeris.
//
// # Range, cost and accuracy
//
// Supported: every Gregorian date from MinYear-01-01 to MaxYear-12-31 in
// both directions, and lunar years MinYear…MaxYear for LeapMonth,
// MonthLength and NewYear. Outside, functions return a *RangeError
// (errors.Is(err, ErrOutOfRange)); nonexistent dates give a *DateError
// (ErrInvalidDate or ErrInvalidSolarDate). No function panics.
//
// On first use the package computes, once (sync.OnceValue, a few
// milliseconds), an immutable table of the ≈2 500 month starts of the range;
// afterwards FromSolar is an O(log n) binary search and ToSolar, LeapMonth,
// MonthLength and NewYear are O(1); none allocates. There is no other
// package state; results never depend on the host time zone or clock.
//
// Accuracy. Against the JPL DE405 ephemeris (1960–2059, every lunation and
// every principal term; TestEphemerisNewMoons, TestEphemerisTerms) the
// new-moon series is within 18 s and the solar longitude within 15 min, and
// every month start, leap month and month 11 of those years is DE405's. A
// date can differ from an ephemeris only where a decision lies that close
// to 00:00 UTC+7, or, after 2026, within the ΔT uncertainty (about ±30 s by
// 2060 and ±1 min by 2100). TestModelMargins pins those places:
//
//   - new moons within ±20 s of midnight over 1900–2100: 1967-07 (settled
//     by DE405: month 6 of 1967 starts on 8/7/1967) and 1/11/2072 (new moon
//     14 s before midnight on 9/12/2072: the month starts on 10/12/2072
//     instead if ΔT in 2072 stays below ≈ 69 s, today's value);
//   - new moons within 1 min of midnight: also 1/5/1944, 1/4/2054
//     (8/5/2054), 1/10/2077 (16/11/2077) and 1/9/2085 (19/10/2085) — safe
//     for the series; the three future ones hold while ΔT stays below
//     ≈ 124 s in 2054 and ≈ 142 s in 2077 and 2085 (the older Espenak–Meeus
//     extrapolation, ≈ 150 s and 168 s, put the last two a day earlier);
//   - the closest leap-month decision is leap month 8 of 1938 (a principal
//     term 1.5 min before midnight, outside DE405's span and within the solar
//     longitude's error: uncertain — a solar longitude corrected by a fit to
//     DE405 puts it 16 s after midnight, which would make the leap month 7);
//     no other lies within 15 min; in 2000–2035 the closest is 10 min;
//   - every Tết and every month 3 (hence 10/3) is decided by a new moon at
//     least 5 min from midnight (closest: month 3 of 2086), and month 11
//     never hinges on a solstice within 39 min of midnight.
//
// Every published vector for 2000–2035 (docs/calendar.md, Lunar calendar) is reproduced,
// including the three dates where UTC+8 calendars differ.
package lunar
