package ruletest_test

import (
	"slices"
	"testing"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/calendar/lunar"
)

// A rule owner checks the 2026 schedule the way the announcement reads: which weekdays are off, which
// Saturdays are worked, and on what basis.
func TestHolidays2026OffWeekdaysAndWorkedSaturdays(t *testing.T) {
	c := mustCal(t)
	days, err := c.Holidays(2026)
	if err != nil {
		t.Fatal(err)
	}
	var off, worked []string
	for di := range days {
		wd := di.Date.Weekday()
		switch {
		case di.Working:
			worked = append(worked, di.Date.String())
		case wd >= 1 && wd <= 5:
			off = append(off, di.Date.String())
		}
		if di.Basis == "" {
			t.Errorf("%s %q has no legal basis", di.Date, di.Name)
		}
	}
	wantOff := []string{"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
		"2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02"}
	wantWorked := []string{"2026-01-10", "2026-08-22"}
	if !slices.Equal(off, wantOff) || !slices.Equal(worked, wantWorked) {
		t.Errorf("weekdays off %v\nwant %v\nweekend days worked %v\nwant %v", off, wantOff, worked, wantWorked)
	}
}

// Month 6 of the lunar year 1967 starts on 8 July 1967: the new moon came 4 seconds after midnight (UTC+7).
func TestLunarMonth6Of1967StartsOn8July(t *testing.T) {
	y, m, d, err := lunar.ToSolar(lunar.Date{Year: 1967, Month: 6, Day: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := calendar.NewDate(y, m, d); got != date(t, "1967-07-08") {
		t.Errorf("1/6/1967 is %s, want 1967-07-08", got)
	}
}
