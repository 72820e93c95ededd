package lunar

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vectorFile is the subset of testdata/calendar-vectors.json used here.
type vectorFile struct {
	Lunar struct {
		TimeZone string `json:"time_zone"`
		Years    map[string]struct {
			Tet       string `json:"tet"`
			HungKings string `json:"hung_kings_10_3"`
			LeapMonth int    `json:"leap_month"`
		} `json:"years"`
		Days []struct {
			Solar string `json:"solar"`
			Year  int    `json:"lunar_year"`
			Month int    `json:"lunar_month"`
			Day   int    `json:"lunar_day"`
			Leap  bool   `json:"leap"`
		} `json:"days"`
		NotUTC8 []struct {
			Year    int    `json:"year"`
			Field   string `json:"field"`
			Vietnam string `json:"vietnam"`
			China   string `json:"china_utc8"`
		} `json:"not_utc8"`
	} `json:"lunar"`
}

func loadVectors(t *testing.T) vectorFile {
	t.Helper()
	b, err := os.ReadFile("testdata/calendar-vectors.json")
	require.NoError(t, err)
	var v vectorFile
	require.NoError(t, json.Unmarshal(b, &v))
	require.Equal(t, "+07:00", v.Lunar.TimeZone)
	require.NotEmpty(t, v.Lunar.Years)
	require.NotEmpty(t, v.Lunar.Days)
	require.NotEmpty(t, v.Lunar.NotUTC8)
	return v
}

type ymd struct {
	y int
	m time.Month
	d int
}

func parseYMD(t *testing.T, s string) ymd {
	t.Helper()
	tm, err := time.Parse(time.DateOnly, s)
	require.NoError(t, err, s)
	return ymd{tm.Year(), tm.Month(), tm.Day()}
}

func toSolar(t *testing.T, d Date) ymd {
	t.Helper()
	y, m, dd, err := ToSolar(d)
	require.NoError(t, err, d.String())
	return ymd{y, m, dd}
}

func fromSolar(t *testing.T, s ymd) Date {
	t.Helper()
	d, err := FromSolar(s.y, s.m, s.d)
	require.NoError(t, err, s)
	return d
}

func TestVectorsYears(t *testing.T) {
	v := loadVectors(t)
	require.Len(t, v.Lunar.Years, 36) // 2000–2035
	for ys, want := range v.Lunar.Years {
		t.Run(ys, func(t *testing.T) {
			y, err := strconv.Atoi(ys)
			require.NoError(t, err)

			tet := parseYMD(t, want.Tet)
			m, d, err := NewYear(y)
			require.NoError(t, err)
			assert.Equal(t, tet, ymd{y, m, d}, "Tết")
			assert.Equal(t, tet, toSolar(t, Date{Year: y, Month: 1, Day: 1}), "ToSolar 1/1")
			assert.Equal(t, Date{Year: y, Month: 1, Day: 1}, fromSolar(t, tet), "FromSolar Tết")

			hung := parseYMD(t, want.HungKings)
			assert.Equal(t, hung, toSolar(t, Date{Year: y, Month: 3, Day: 10}), "10/3")
			assert.Equal(t, Date{Year: y, Month: 3, Day: 10}, fromSolar(t, hung), "FromSolar 10/3")

			lm, err := LeapMonth(y)
			require.NoError(t, err)
			assert.Equal(t, want.LeapMonth, lm, "leap month")
		})
	}
}

func TestVectorsDays(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.Lunar.Days {
		t.Run(c.Solar, func(t *testing.T) {
			s := parseYMD(t, c.Solar)
			want := Date{Year: c.Year, Month: c.Month, Day: c.Day, Leap: c.Leap}
			assert.Equal(t, want, fromSolar(t, s))
			assert.Equal(t, s, toSolar(t, want))
		})
	}
}

// TestVectorsNotUTC8 asserts that the dates a Chinese (UTC+8) calendar gives
// are not produced.
func TestVectorsNotUTC8(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.Lunar.NotUTC8 {
		t.Run(c.Field+"/"+strconv.Itoa(c.Year), func(t *testing.T) {
			var target Date
			switch c.Field {
			case "tet":
				target = Date{Year: c.Year, Month: 1, Day: 1}
			case "hung_kings_10_3":
				target = Date{Year: c.Year, Month: 3, Day: 10}
			default:
				t.Fatalf("unknown field %q", c.Field)
			}
			china, vn := parseYMD(t, c.China), parseYMD(t, c.Vietnam)
			got := toSolar(t, target)
			assert.NotEqual(t, china, got, "UTC+8 date produced")
			assert.Equal(t, vn, got)
			assert.NotEqual(t, target, fromSolar(t, china), "UTC+8 date maps to the feast day")
			if c.Field == "tet" {
				m, d, err := NewYear(c.Year)
				require.NoError(t, err)
				assert.NotEqual(t, china, ymd{c.Year, m, d})
			}
		})
	}
}

// TestBriefVectors are the extra dates named in the brief and docs/calendar.md, Lunar calendar.
func TestBriefVectors(t *testing.T) {
	cases := []struct {
		solar ymd
		lunar Date
	}{
		{ymd{2007, 2, 17}, Date{2007, 1, 1, false}},
		{ymd{2030, 2, 2}, Date{2030, 1, 1, false}},
		{ymd{2009, 4, 4}, Date{2009, 3, 10, false}},
		{ymd{2023, 3, 22}, Date{2023, 2, 1, true}},   // leap month 2 of 2023 starts
		{ymd{2023, 3, 21}, Date{2023, 2, 30, false}}, // … the day before ends month 2
		{ymd{2033, 12, 22}, Date{2033, 11, 1, true}}, // leap month 11 of 2033
		{ymd{2033, 11, 22}, Date{2033, 11, 1, false}},
		{ymd{2034, 2, 19}, Date{2034, 1, 1, false}},
	}
	for _, c := range cases {
		t.Run(c.lunar.String(), func(t *testing.T) {
			assert.Equal(t, c.lunar, fromSolar(t, c.solar))
			assert.Equal(t, c.solar, toSolar(t, c.lunar))
		})
	}
}

// TestHistoricalTet checks two widely reported years in which Vietnam's
// UTC+7 calendar differed from the UTC+8 (Chinese, pre-1976 South Vietnam)
// one: Tết Mậu Thân 1968 was 29 January in the North (which had adopted
// UTC+7 in 1967; the South, on UTC+8, celebrated on 30 January), and Tết Ất
// Sửu 1985 was 21 January in Vietnam, a month before China's (20 February).
// These are not in the project's vector file; they come from general
// historical accounts and serve as an extra, independent sanity check.
func TestHistoricalTet(t *testing.T) {
	cases := []struct {
		year int
		want ymd
	}{
		{1968, ymd{1968, time.January, 29}},
		{1985, ymd{1985, time.January, 21}},
	}
	for _, c := range cases {
		m, d, err := NewYear(c.year)
		require.NoError(t, err)
		assert.Equal(t, c.want, ymd{c.year, m, d}, "Tết %d", c.year)
	}
}
