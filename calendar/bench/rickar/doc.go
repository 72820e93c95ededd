// Package rickar compares package calendar of github.com/vn-dvc/chiso766 with github.com/rickar/cal/v2 on
// the same holiday set: the announced civil-service schedules 2020–2026 (docs/calendar.md, Announced civil-service schedules). It lives in its
// own module so that the library's go.mod never depends on rickar/cal. See README.md for the measured
// ratio.
package rickar

import (
	"time"

	"github.com/rickar/cal/v2"
	"github.com/vn-dvc/chiso766/calendar"
)

// Calendars builds both calendars over 2020–2026 from the same data: ours from the embedded announced
// schedules; rickar's as one holiday per announced weekday off (fixed day of month, valid in its year only)
// plus a WorkdayFunc that adds the announced make-up Saturdays. cacheable turns on rickar's holiday cache.
// Cost: O(days). Errors come from calendar.New.
func Calendars(cacheable bool) (*calendar.Calendar, *cal.BusinessCalendar, error) {
	ours, err := calendar.New(calendar.Options{FromYear: 2020, ToYear: 2026})
	if err != nil {
		return nil, nil, err
	}
	theirs := cal.NewBusinessCalendar()
	theirs.Cacheable = cacheable
	makeUp := map[calendar.Date]bool{}
	first, last := ours.Range()
	for d := first; !d.After(last); d = d.AddDays(1) {
		info := ours.Day(d)
		wd := d.Weekday()
		weekend := wd == time.Saturday || wd == time.Sunday
		switch {
		case !info.Working && !weekend:
			theirs.AddHoliday(&cal.Holiday{Name: info.Name, Type: cal.ObservancePublic, StartYear: d.Year(), EndYear: d.Year(),
				Month: d.Month(), Day: d.Day(), Func: cal.CalcDayOfMonth})
		case info.Working && weekend:
			makeUp[d] = true
		}
	}
	theirs.WorkdayFunc = func(t time.Time) bool {
		switch t.Weekday() {
		case time.Sunday:
			return false
		case time.Saturday:
			return makeUp[calendar.DateOf(t, t.Location())] // all announced make-up days are Saturdays
		}
		return true
	}
	return ours, theirs, nil
}
