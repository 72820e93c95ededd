package calendar

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, Zone())
	if err != nil {
		panic(err)
	}
	return t
}

func TestAddWorkingHours(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2026, ToYear: 2026})
	tests := []struct {
		from string
		d    time.Duration
		want string
	}{
		{"2026-08-17 09:00", 8 * time.Hour, "2026-08-18 09:00"},                // 8 h = one working day
		{"2026-08-17 09:00", 2*time.Hour + 30*time.Minute, "2026-08-17 11:30"}, // earliest: stays at 11:30
		{"2026-08-17 09:00", 2*time.Hour + 31*time.Minute, "2026-08-17 13:31"}, // over lunch
		{"2026-08-17 16:00", time.Hour, "2026-08-17 17:00"},                    // ends at closing
		{"2026-08-17 16:00", 2 * time.Hour, "2026-08-18 08:00"},                // next morning
		{"2026-08-21 16:00", 2 * time.Hour, "2026-08-22 08:00"},                // make-up Saturday 22/8
		{"2026-08-28 16:00", 2 * time.Hour, "2026-09-03 08:00"},                // 31/8, 1/9, 2/9 off
		{"2026-08-17 05:00", time.Hour, "2026-08-17 08:00"},                    // P6: before opening
		{"2026-08-17 12:00", time.Hour, "2026-08-17 14:30"},                    // P6: lunch
		{"2026-08-17 18:00", time.Hour, "2026-08-18 08:00"},                    // P6: after closing
		{"2026-08-23 10:00", time.Hour, "2026-08-24 08:00"},                    // P6: Sunday
		{"2026-08-17 12:00", 0, "2026-08-17 13:30"},                            // d = 0 normalises
		{"2026-08-17 17:00", 0, "2026-08-18 07:00"},                            // closing → next opening
		{"2026-08-17 07:00", 0, "2026-08-17 07:00"},                            // opening stays
		{"2026-08-17 10:17", 0, "2026-08-17 10:17"},                            // inside stays
		{"2026-08-17 14:30", -time.Hour, "2026-08-17 13:30"},                   // latest going back
		{"2026-08-17 07:30", -time.Hour, "2026-08-14 16:30"},                   // previous working day
		{"2026-08-18 09:00", -8 * time.Hour, "2026-08-17 09:00"},               // inverse of the first row
		{"2026-02-13 16:00", 5 * time.Hour, "2026-02-23 11:00"},                // over Tết (14–22/2)
		{"2026-01-09 10:00", 8*time.Hour + 30*time.Minute, "2026-01-10 10:30"}, // make-up Saturday 10/1
		{"2026-04-24 09:00", 5 * 8 * time.Hour, "2026-05-06 09:00"},            // Fri has 6 h left;            // 27/4, 30/4, 1/5 off
		{"2026-04-24 09:00", 39 * time.Hour, "2026-05-06 08:00"},
	}
	for _, tc := range tests {
		got, err := c.AddWorkingHours(at(tc.from), tc.d)
		if err != nil || !got.Equal(at(tc.want)) {
			t.Errorf("AddWorkingHours(%s, %s) = %s, %v; want %s", tc.from, tc.d, got.Format("2006-01-02 15:04"), err, tc.want)
		}
	}
}

func TestWorkingHoursBetween(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2026, ToYear: 2026})
	tests := []struct {
		from, to string
		want     time.Duration
	}{
		{"2026-08-17 09:00", "2026-08-18 09:00", 8 * time.Hour},
		{"2026-08-17 11:00", "2026-08-17 14:00", time.Hour},
		{"2026-08-17 12:00", "2026-08-17 13:00", 0},
		{"2026-08-17 00:00", "2026-08-18 00:00", 8 * time.Hour},
		{"2026-08-17 18:00", "2026-08-17 23:00", 0},
		{"2026-08-21 12:00", "2026-08-24 12:00", 3*time.Hour + 30*time.Minute + 8*time.Hour + 4*time.Hour + 30*time.Minute}, // Sat 22/8 works
		{"2026-08-18 09:00", "2026-08-17 09:00", -8 * time.Hour},
		{"2026-02-13 00:00", "2026-02-24 00:00", 2 * 8 * time.Hour}, // 13/2, 23/2 (Tết in between)
	}
	for _, tc := range tests {
		got, err := c.WorkingHoursBetween(at(tc.from), at(tc.to))
		if err != nil || got != tc.want {
			t.Errorf("WorkingHoursBetween(%s, %s) = %s, %v; want %s", tc.from, tc.to, got, err, tc.want)
		}
	}
	// Instants in another zone are converted first: 02:00Z = 09:00 UTC+7.
	got, err := c.WorkingHoursBetween(time.Date(2026, 8, 17, 2, 0, 0, 0, time.UTC), at("2026-08-17 10:00"))
	if err != nil || got != time.Hour {
		t.Errorf("UTC input: %s, %v", got, err)
	}
}

func TestOfficeHoursOverride(t *testing.T) {
	// A province with 07:30–11:30 / 13:30–17:30 and make-up Saturdays worked 07:30–11:30 only.
	h := OfficeHours{
		Default:   []Span{{7*time.Hour + 30*time.Minute, 11*time.Hour + 30*time.Minute}, {13*time.Hour + 30*time.Minute, 17*time.Hour + 30*time.Minute}},
		ByWeekday: [7][]Span{time.Saturday: {{7*time.Hour + 30*time.Minute, 11*time.Hour + 30*time.Minute}}},
	}
	c := mustNew(t, Options{FromYear: 2026, ToYear: 2026, OfficeHours: h})
	got, err := c.WorkingHoursBetween(at("2026-08-21 00:00"), at("2026-08-25 00:00"))
	if want := 8*time.Hour + 4*time.Hour + 8*time.Hour; err != nil || got != want {
		t.Errorf("hours Fri–Mon = %s, %v; want %s", got, err, want)
	}
	r, err := c.AddWorkingHours(at("2026-08-21 17:00"), 5*time.Hour)
	if err != nil || !r.Equal(at("2026-08-24 08:00")) { // 30 min Fri, 4 h Sat, 30 min Mon
		t.Errorf("AddWorkingHours = %s, %v", r, err)
	}
	dl, err := c.Due(at("2026-08-21 10:00"), Duration{Amount: 1}, DeadlinePolicy{EndOfDay: OfficeClose})
	if err != nil || dl.Due != d("2026-08-22") || !dl.DueAt.Equal(at("2026-08-22 11:30")) {
		t.Errorf("Due with Saturday hours: %+v, %v", dl, err)
	}
}

// naiveHours steps minute by minute.
func naiveHours(c *Calendar, from, to time.Time) time.Duration {
	var n time.Duration
	for t := from; t.Before(to); t = t.Add(time.Minute) {
		if c.inOffice(t) {
			n += time.Minute
		}
	}
	return n
}

// inOffice reports whether instant t lies in office hours (test helper, no prefix sums).
func (c *Calendar) inOffice(t time.Time) bool {
	day, clk := c.clock(t)
	if !c.IsWorkingDay(day) {
		return false
	}
	for _, sp := range c.spans[day.Weekday()] {
		if clk >= sp.Start && clk < sp.End {
			return true
		}
	}
	return false
}

func TestWorkingHoursProperties(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2020, ToYear: 2030})
	r := rand.New(rand.NewPCG(1, 2))
	base := at("2020-01-01 00:00")
	n := 3000
	if testing.Short() {
		n = 500
	}
	for k := 0; k < n; k++ {
		from := base.Add(time.Duration(r.Int64N(int64(10*365*24*time.Hour))) / time.Minute * time.Minute)
		d := time.Duration(r.Int64N(int64(60*time.Hour)))/time.Minute*time.Minute - 10*time.Hour
		to, err := c.AddWorkingHours(from, d)
		if err != nil {
			if errors.Is(err, ErrOutOfRange) && from.Before(base.Add(48*time.Hour)) {
				continue
			}
			t.Fatal(err)
		}
		if got, _ := c.WorkingHoursBetween(from, to); got != d {
			t.Fatalf("WorkingHoursBetween(%s, AddWorkingHours(.., %s) = %s) = %s", from, d, to, got)
		}
		if d != 0 && !c.inOffice(to) && !c.inOffice(to.Add(-time.Nanosecond)) {
			t.Fatalf("AddWorkingHours(%s, %s) = %s is not at office hours", from, d, to)
		}
		if k%20 == 0 && d > 0 {
			if want := naiveHours(c, from, to); want != d {
				t.Fatalf("naive hours %s..%s = %s, want %s", from, to, want, d)
			}
		}
	}
}
