package calendar

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

func mustNew(t testing.TB, o Options) *Calendar {
	t.Helper()
	c, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

// TestRulesReproduceAnnounced checks the compensatory-day and provisional-year rules (docs/calendar.md): the rules alone reproduce every announced 2020–2026 day
// except the Tết periods and the swaps, and reproduce the Tết periods of 2022 and 2026.
func TestRulesReproduceAnnounced(t *testing.T) {
	ann := mustNew(t, Options{FromYear: 2019, ToYear: 2027})
	rules := mustNew(t, Options{FromYear: 2019, ToYear: 2027, NoAnnounced: true})
	v := loadVectors(t)
	for y := 2020; y <= 2026; y++ {
		// The Tết window: from 3 days before the first announced Tết day to 7 days after the last.
		var first, last Date
		for dd := NewDate(y, 1, 1); dd.Year() == y; dd = dd.AddDays(1) {
			if ann.Day(dd).Name == nameTet {
				if first.IsZero() {
					first = dd
				}
				last = dd
			}
		}
		tet := v.Lunar.Years[itoa(y)].Tet
		if first.IsZero() || tet.Before(first) || tet.After(last) {
			t.Errorf("%d: lunar Tết %s outside the announced Tết days %s..%s", y, tet, first, last)
		}
		for dd := first; !dd.After(last); dd = dd.AddDays(1) {
			if ann.IsWorkingDay(dd) {
				t.Errorf("%d: %s inside the Tết period is a working day", y, dd)
			}
		}
		tetExact := y == 2022 || y == 2026
		for dd := NewDate(y, 1, 1); dd.Year() == y; dd = dd.AddDays(1) {
			k := ann.Day(dd).Kind
			if k == SwapOff || k == MakeUpWork {
				continue
			}
			if !tetExact && !dd.Before(first.AddDays(-3)) && !dd.After(last.AddDays(7)) {
				continue
			}
			if a, r := ann.IsWorkingDay(dd), rules.IsWorkingDay(dd); a != r {
				t.Errorf("%s: announced working=%v, rules working=%v (%+v)", dd, a, r, rules.Day(dd))
			}
		}
		if !rules.Provisional(y) || ann.Provisional(y) {
			t.Errorf("%d: provisional flags %v/%v", y, rules.Provisional(y), ann.Provisional(y))
		}
	}
	if !ann.Provisional(2019) || !ann.Provisional(2027) || ann.Provisional(2018) || ann.Provisional(2028) {
		t.Error("provisional flags outside 2020–2026")
	}
}

// TestTetAndHungKingsLand checks that Tết and 10/3 (from the lunar package) land on days off where the
// vectors (2000–2035) put them: in announced years on the announced holiday or, on a weekend, with its
// compensatory day; in provisional years on a rule-derived holiday.
func TestTetAndHungKingsLand(t *testing.T) {
	c := mustNew(t, Options{})
	v := loadVectors(t)
	if len(v.Lunar.Years) != 36 {
		t.Fatalf("%d lunar years", len(v.Lunar.Years))
	}
	for ys, ly := range v.Lunar.Years {
		for _, h := range []struct {
			day  Date
			name string
		}{{ly.Tet, nameTet}, {ly.HungKings, nameHung}} {
			info := c.Day(h.day)
			if info.Working {
				t.Errorf("%s: %s on %s is a working day", ys, h.name, h.day)
				continue
			}
			if info.Name == h.name {
				continue
			}
			wd := h.day.Weekday()
			if h.name == nameTet || (wd != time.Saturday && wd != time.Sunday) {
				t.Errorf("%s: %s on %s: %+v", ys, h.name, h.day, info)
				continue
			}
			// 10/3 on a weekend: a compensatory day for it within the next 5 days.
			found := false
			for k := 1; k <= 5; k++ {
				n := c.Day(h.day.AddDays(k))
				found = found || (n.Kind == Compensatory && strings.Contains(n.Name, nameHung))
			}
			if !found {
				t.Errorf("%s: no compensatory day for 10/3 on %s %s", ys, wd, h.day)
			}
		}
	}
	// Tết 2030 is 2/2 (UTC+7), not 3/2 (UTC+8).
	if c.Day(d("2030-02-02")).Name != nameTet || c.Day(d("2030-01-31")).Name == nameTet {
		t.Errorf("Tết 2030 misplaced: %+v", c.Day(d("2030-02-02")))
	}
}

func TestCompensatoryAndNationalDayRules(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2019, ToYear: 2031, NoAnnounced: true})
	tests := []struct {
		day  string
		kind DayKind
	}{
		{"2022-05-02", Compensatory}, // for Sat 30/4
		{"2022-05-03", Compensatory}, // for Sun 1/5
		{"2023-05-01", Holiday},
		{"2023-05-02", Compensatory}, // 10/3 on Sat 29/4, Mon 1/5 is a holiday
		{"2023-05-03", Compensatory}, // for Sun 30/4
		{"2023-05-04", Regular},
		{"2023-09-01", Holiday},      // 2/9 is a Saturday → 1/9
		{"2023-09-04", Compensatory}, // for Sat 2/9
		{"2021-09-03", Holiday},      // 2/9 Thursday → 3/9
		{"2024-09-03", Holiday},      // 2/9 Monday → 3/9
		{"2025-09-01", Holiday},      // 2/9 Tuesday → 1/9
		{"2019-09-03", Regular},      // Labour Code 2012 before 2021: 2/9 only
		{"2019-09-02", Holiday},
		{"2022-01-03", Compensatory}, // Sat 1/1
		{"2030-02-01", Holiday},      // Tết 2030 (Sat 2/2): 29 Chạp
		{"2030-02-05", Holiday},      // 4 Giêng
		{"2030-02-06", Compensatory}, // for Sat 2/2
		{"2030-02-07", Compensatory}, // for Sun 3/2
		{"2030-02-08", Regular},
	}
	for _, tc := range tests {
		info := c.Day(d(tc.day))
		if info.Kind != tc.kind || info.Working != tc.kind.Working() || !info.Provisional {
			t.Errorf("%s: %+v, want kind %s", tc.day, info, tc.kind)
		}
		if tc.kind != Regular && (info.Name == "" || info.Basis == "") {
			t.Errorf("%s: missing name/basis: %+v", tc.day, info)
		}
	}
	if b := c.Day(d("2019-09-02")).Basis; !strings.Contains(b, "2012") {
		t.Errorf("2019 basis %q, want Labour Code 2012", b)
	}
	if b := c.Day(d("2021-09-02")).Basis; !strings.Contains(b, "2019") {
		t.Errorf("2021 basis %q, want Labour Code 2019", b)
	}
}

func TestAnnouncedDayInfo(t *testing.T) {
	c := mustNew(t, Options{})
	tests := []struct {
		day     string
		kind    DayKind
		basisIn string
	}{
		{"2026-08-22", MakeUpWork, "Decision 188/1999"},
		{"2026-08-31", SwapOff, "thanhnien"},
		{"2026-01-02", SwapOff, "12729/VPCP-KGVX"},
		{"2026-01-10", MakeUpWork, "12729/VPCP-KGVX"},
		{"2024-02-12", Holiday, "8662/VPCP-KGVX"},
		{"2024-04-29", SwapOff, "2450/VPCP-KGVX"},
		{"2025-01-29", Holiday, "8726/VPCP-KGVX"},
		{"2022-02-01", Holiday, "245/VPCP-KGVX"},
		{"2026-04-27", Compensatory, "art. 111(3)"},
		{"2020-09-02", Holiday, "2012"},
		{"2026-08-21", Regular, ""},
		{"2026-08-23", WeeklyRest, ""},
	}
	for _, tc := range tests {
		info := c.Day(d(tc.day))
		if info.Kind != tc.kind || !strings.Contains(info.Basis, tc.basisIn) || info.Provisional {
			t.Errorf("%s: %+v; want %s with basis containing %q", tc.day, info, tc.kind, tc.basisIn)
		}
	}
}

func TestHolidayRules(t *testing.T) {
	culture := HolidayRule{Name: "Ngày Văn hóa Việt Nam", Kind: SolarRule, Month: 11, Day: 24,
		From: d("2027-01-01"), Basis: "hypothetical amendment of art. 112(1)"}
	lunarRule := HolidayRule{Name: "Rằm tháng Giêng", Kind: LunarRule, Month: 1, Day: 15, To: d("2028-12-31")}
	explicit := HolidayRule{Name: "Closure", Kind: ExplicitRule, Dates: []Date{d("2027-06-05"), d("2027-06-07")}, NoCompensation: true}
	c := mustNew(t, Options{FromYear: 2025, ToYear: 2035, Holidays: []HolidayRule{culture, lunarRule, explicit}})
	plain := mustNew(t, Options{FromYear: 2025, ToYear: 2035})
	if !c.IsWorkingDay(d("2026-11-24")) { // before From
		t.Error("2026-11-24 should still be working")
	}
	if info := c.Day(d("2027-11-24")); info.Working || info.Name != culture.Name || info.Basis != culture.Basis {
		t.Errorf("2027-11-24: %+v", info)
	}
	// 24/11/2029 is a Saturday: compensatory Monday 26/11.
	if d("2029-11-24").Weekday() != time.Saturday {
		t.Fatal("calendar arithmetic")
	}
	if info := c.Day(d("2029-11-26")); info.Kind != Compensatory || !strings.Contains(info.Name, culture.Name) {
		t.Errorf("2029-11-26: %+v", info)
	}
	if c.Day(d("2029-11-24")).Name != culture.Name {
		t.Errorf("2029-11-24 should carry the holiday name")
	}
	// Lunar 15/1 of 2027 (Tết 2027-02-06) is 2027-02-20, a Saturday → compensatory Monday 22/2.
	if info := c.Day(d("2027-02-22")); info.Kind != Compensatory {
		t.Errorf("2027-02-22: %+v (lunar rule compensation)", info)
	}
	if !c.IsWorkingDay(d("2029-02-27")) != !plain.IsWorkingDay(d("2029-02-27")) {
		t.Error("lunar rule applied after its To date")
	}
	// Explicit: Sat 5/6 without compensation; Mon 7/6 off.
	if c.IsWorkingDay(d("2027-06-07")) || !c.IsWorkingDay(d("2027-06-08")) {
		t.Error("explicit rule")
	}
	// Everything else is unchanged.
	diff := 0
	for dd := d("2025-01-01"); !dd.After(d("2035-12-31")); dd = dd.AddDays(1) {
		if c.IsWorkingDay(dd) != plain.IsWorkingDay(dd) {
			diff++
		}
	}
	// 24/11 in 2027–2035 (9, weekday or compensatory), 15/1 lunar 2025–2028 (4), one explicit Monday.
	if diff != 9+4+1 {
		t.Errorf("%d days changed, want 14", diff)
	}
}

func TestOverlays(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2026, ToYear: 2026, Overlays: []Overlay{
		{Kind: OverlayClosed, From: d("2026-02-09"), To: d("2026-02-13"), Name: "Tạm dừng tiếp nhận", Basis: "Sở X notice"},
		{Kind: OverlayWorking, From: d("2026-02-21"), Name: "Extra day"},
		{Kind: OverlayReception, From: d("2026-03-07"), Name: "Saturday reception", Basis: "Decision 127/2007/QĐ-TTg"},
		{Kind: OverlayClosed, From: d("2026-12-28"), To: d("2027-01-05"), Name: "beyond"},
		{Kind: OverlayWorking, From: d("2026-12-31")}, // a later overlay wins
	}})
	if info := c.Day(d("2026-02-10")); info.Working || info.Kind != Closed || info.Name != "Tạm dừng tiếp nhận" {
		t.Errorf("closure: %+v", info)
	}
	if info := c.Day(d("2026-02-21")); !info.Working || info.Kind != ExtraWork {
		t.Errorf("extra work: %+v", info)
	}
	if info := c.Day(d("2026-03-07")); info.Working || !info.Reception || info.Name != "Saturday reception" {
		t.Errorf("reception: %+v", info)
	}
	// P7: a dossier received at the Saturday desk counts from the next working day.
	dl, err := c.Due(at("2026-03-07 09:00"), Duration{Amount: 2}, DefaultDeadlinePolicy())
	if err != nil || dl.DeemedReceipt != d("2026-03-09") || dl.Due != d("2026-03-11") || !dl.Moved {
		t.Errorf("Saturday reception: %+v, %v", dl, err)
	}
	// A closure moves receipt past it: received during the stop → first day after.
	dl, err = c.Due(at("2026-02-11 09:00"), Duration{Amount: 1}, DefaultDeadlinePolicy())
	if err != nil || dl.DeemedReceipt != d("2026-02-21") || dl.Due != d("2026-02-23") {
		t.Errorf("closure: %+v, %v", dl, err)
	}
	if !c.IsWorkingDay(d("2026-12-31")) || c.IsWorkingDay(d("2026-12-30")) {
		t.Error("overlay order")
	}
}

func TestOptionsErrors(t *testing.T) {
	tests := []struct {
		name  string
		o     Options
		field string
	}{
		{"from too early", Options{FromYear: 1899, ToYear: 2000}, "Options.FromYear..ToYear"},
		{"to too late", Options{FromYear: 2000, ToYear: 2101}, "Options.FromYear..ToYear"},
		{"inverted", Options{FromYear: 2030, ToYear: 2020}, "Options.FromYear..ToYear"},
		{"only to", Options{ToYear: 2020}, "Options.FromYear..ToYear"},
		{"hours overlap", Options{OfficeHours: OfficeHours{Default: []Span{{8 * time.Hour, 12 * time.Hour}, {11 * time.Hour, 17 * time.Hour}}}}, "Options.OfficeHours.Default[1]"},
		{"hours empty span", Options{OfficeHours: OfficeHours{Default: []Span{{8 * time.Hour, 8 * time.Hour}}}}, "Options.OfficeHours.Default[0]"},
		{"hours past midnight", Options{OfficeHours: OfficeHours{ByWeekday: [7][]Span{6: {{20 * time.Hour, 25 * time.Hour}}}}}, "Options.OfficeHours.ByWeekday[Saturday][0]"},
		{"rule no name", Options{Holidays: []HolidayRule{{Kind: SolarRule, Month: 1, Day: 1}}}, "Options.Holidays[0].Name"},
		{"rule bad day", Options{Holidays: []HolidayRule{{Name: "x", Month: 2, Day: 29}, {Name: "y", Kind: SolarRule, Month: 2, Day: 32}}}, "Options.Holidays[1].Month/Day"},
		{"rule bad lunar", Options{Holidays: []HolidayRule{{Name: "x", Kind: LunarRule, Month: 13, Day: 1}}}, "Options.Holidays[0].Month/Day"},
		{"rule bad kind", Options{Holidays: []HolidayRule{{Name: "x", Kind: 9}}}, "Options.Holidays[0].Kind"},
		{"overlay inverted", Options{Overlays: []Overlay{{From: d("2026-02-10"), To: d("2026-02-01")}}}, "Options.Overlays[0].To"},
		{"overlay kind", Options{Overlays: []Overlay{{Kind: 7, From: d("2026-02-10")}}}, "Options.Overlays[0].Kind"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(tc.o)
			var ie *InputError
			if c != nil || !errors.Is(err, ErrInvalid) || !errors.As(err, &ie) || ie.Field != tc.field || ie.Op != "New" {
				t.Fatalf("New = %v, %v; want *InputError on %s", c, err, tc.field)
			}
		})
	}
}

func TestRangeErrors(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2026, ToYear: 2026})
	first, last := c.Range()
	if first != d("2026-01-01") || last != d("2026-12-31") {
		t.Fatal("Range")
	}
	check := func(name string, err error) {
		t.Helper()
		var re *RangeError
		if !errors.Is(err, ErrOutOfRange) || !errors.As(err, &re) || re.Min != first || re.Max != last || errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v; want *RangeError", name, err)
		}
	}
	_, err := c.AddWorkingDays(d("2025-12-31"), 1)
	check("AddWorkingDays before", err)
	_, err = c.AddWorkingDays(d("2026-12-30"), 5)
	check("AddWorkingDays result after", err)
	_, err = c.AddWorkingDays(d("2026-01-05"), -5)
	check("AddWorkingDays result before", err)
	_, err = c.AddWorkingDays(d("2026-06-01"), int(^uint(0)>>1))
	check("AddWorkingDays MaxInt", err)
	_, err = c.AddWorkingDays(d("2026-06-01"), -int(^uint(0)>>1)-1)
	check("AddWorkingDays MinInt", err)
	_, err = c.WorkingDaysBetween(d("2026-06-01"), d("2027-01-01"))
	check("WorkingDaysBetween", err)
	_, err = c.WorkingDaysBetween(d("2024-06-01"), d("2026-01-01"))
	check("WorkingDaysBetween from", err)
	_, err = c.NextWorkingDay(d("2026-12-31"))
	check("NextWorkingDay", err)
	_, err = c.PrevWorkingDay(d("2026-01-02"))
	check("PrevWorkingDay", err)
	_, err = c.WorkingHoursBetween(time.Date(2026, 6, 1, 9, 0, 0, 0, Zone()), time.Date(2027, 1, 1, 9, 0, 0, 0, Zone()))
	check("WorkingHoursBetween", err)
	_, err = c.AddWorkingHours(time.Date(2026, 12, 31, 9, 0, 0, 0, Zone()), 8*time.Hour)
	check("AddWorkingHours", err)
	_, err = c.AddWorkingHours(time.Date(2026, 1, 5, 9, 0, 0, 0, Zone()), -80*time.Hour)
	check("AddWorkingHours back", err)
	_, err = c.Due(time.Date(2026, 12, 30, 9, 0, 0, 0, Zone()), Duration{Amount: 3}, DeadlinePolicy{})
	check("Due", err)
	_, err = c.Shift(d("2026-12-30"), 3, CalendarDays)
	check("Shift", err)
	if c.IsWorkingDay(d("2027-01-04")) || c.Contains(d("2027-01-04")) || c.Day(d("2027-01-04")).InRange {
		t.Error("out-of-range day reported as in range")
	}
	if got := c.Day(d("2027-01-04")); got != (DayInfo{Date: d("2027-01-04")}) {
		t.Errorf("Day out of range: %+v", got)
	}
	_, err = c.Shift(d("2026-06-01"), 1<<32+3, CalendarDays)
	check("Shift wrap", err)
	_, err = c.Due(time.Date(2026, 6, 1, 9, 0, 0, 0, Zone()), Duration{Amount: 1<<32 + 3, Unit: CalendarDays}, DeadlinePolicy{})
	check("Due calendar days wrap", err)
	_, err = c.Shift(d("2026-06-01"), 3, WorkingHours)
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("Shift hours: %v", err)
	}
}

func TestDefaultRange(t *testing.T) {
	c := mustNew(t, Options{})
	first, last := c.Range()
	if first != NewDate(DefaultFromYear, 1, 1) || last != NewDate(DefaultToYear, 12, 31) || c.Location().String() != "ICT" {
		t.Fatalf("default range %s..%s in %s", first, last, c.Location())
	}
	for y := DefaultFromYear; y <= DefaultToYear; y++ {
		if c.Provisional(y) != (y < 2020 || y > 2026) {
			t.Errorf("%d: provisional %v", y, c.Provisional(y))
		}
		n, err := c.WorkingDaysBetween(NewDate(y-1, 12, 31), NewDate(y, 12, 31))
		if y == DefaultFromYear {
			n, err = c.WorkingDaysBetween(NewDate(y, 1, 1), NewDate(y, 12, 31))
			n += boolInt(c.IsWorkingDay(NewDate(y, 1, 1)))
		}
		if err != nil || n < 240 || n > 254 {
			t.Errorf("%d: %d working days, %v", y, n, err)
		}
	}
}

func TestShiftPublication(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2026, ToYear: 2026})
	// "effective date − 5 working days" for a law effective Mon 2026-05-04: 27/4, 30/4, 1/5 off.
	got, err := c.Shift(d("2026-05-04"), -5, DefaultPublicationUnit)
	if err != nil || got != d("2026-04-22") {
		t.Errorf("Shift −5 wd = %s, %v; want 2026-04-22", got, err)
	}
	got, err = c.Shift(d("2026-05-04"), -5, CalendarDays)
	if err != nil || got != d("2026-04-29") {
		t.Errorf("Shift −5 cd = %s, %v", got, err)
	}
	got, err = c.Shift(d("2026-04-24"), 10, WorkingDays)
	if err != nil || got != d("2026-05-13") {
		t.Errorf("Shift +10 wd = %s, %v", got, err)
	}
}

func TestConcurrentUse(t *testing.T) {
	c := mustNew(t, Options{})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 2000; k++ {
				dd := d("2000-01-01").AddDays(g*977 + k*3)
				e, err := c.AddWorkingDays(dd, k%40-20)
				if err != nil {
					t.Error(err)
					return
				}
				if n, _ := c.WorkingDaysBetween(dd, e); n != k%40-20 {
					t.Errorf("inverse failed at %s", dd)
					return
				}
				_ = c.Day(dd)
				_, _ = c.Due(dd.In(Zone()).Add(10*time.Hour), Duration{Amount: k % 10}, DeadlinePolicy{})
			}
		}(g)
	}
	wg.Wait()
}
