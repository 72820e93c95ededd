package calendar_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
)

// When is this dossier due? A dossier with a 5-working-day processing time received on Friday
// 2026-04-24 at 16:00 (after the 15:00 cut-off) is deemed received on Tuesday 28/4 (Monday 27/4 is the
// compensatory day for Giỗ Tổ Hùng Vương), and 30/4 and 1/5 are holidays.
func ExampleCalendar_Due() {
	cal, err := calendar.New(calendar.Options{})
	if err != nil {
		panic(err)
	}
	ict := calendar.Zone()
	received := time.Date(2026, 4, 24, 16, 0, 0, 0, ict)
	dl, err := cal.Due(received, calendar.Duration{Amount: 5, Unit: calendar.WorkingDays}, calendar.DefaultDeadlinePolicy())
	if err != nil {
		panic(err)
	}
	fmt.Println("deemed received:", dl.DeemedReceipt, dl.DeemedReceipt.Weekday())
	fmt.Println("due:", dl.Due, dl.Due.Weekday())
	fmt.Println("ends:", dl.DueAt.Format(time.RFC3339))
	// Output:
	// deemed received: 2026-04-28 Tuesday
	// due: 2026-05-07 Thursday
	// ends: 2026-05-08T00:00:00+07:00
}

// Is 2026-08-22 a working day? It is a Saturday, worked in exchange for Monday 31/8 (the National Day
// swap).
func ExampleCalendar_IsWorkingDay() {
	cal, err := calendar.New(calendar.Options{})
	if err != nil {
		panic(err)
	}
	d := calendar.NewDate(2026, 8, 22)
	fmt.Println(d, d.Weekday(), "working:", cal.IsWorkingDay(d))
	info := cal.Day(d)
	fmt.Println(info.Kind, "—", info.Name)
	off := cal.Day(calendar.NewDate(2026, 8, 31))
	fmt.Println(off.Date, off.Kind, "—", off.Name)
	// Output:
	// 2026-08-22 Saturday working: true
	// make-up-work — Làm bù (for Mon 31/8)
	// 2026-08-31 swap-off — Nghỉ hoán đổi (làm bù Sat 22/8)
}

// Tết 2030: 1/1 of the lunar year falls on Saturday 2/2/2030 in Vietnam (UTC+7; Chinese UTC+8 calendars
// say 3/2). No schedule has been announced, so the days come from the provisional rule: 29 Chạp plus
// days 1–4 of month 1, with the weekend days compensated.
func ExampleCalendar_Day_tet2030() {
	cal, err := calendar.New(calendar.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println("2030 provisional:", cal.Provisional(2030))
	for d := calendar.NewDate(2030, 1, 31); !d.After(calendar.NewDate(2030, 2, 8)); d = d.AddDays(1) {
		info := cal.Day(d)
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%s %-9s %-12s %s", d, d.Weekday(), info.Kind, info.Name)))
	}
	// Output:
	// 2030 provisional: true
	// 2030-01-31 Thursday  regular
	// 2030-02-01 Friday    holiday      Tết Nguyên đán
	// 2030-02-02 Saturday  holiday      Tết Nguyên đán
	// 2030-02-03 Sunday    holiday      Tết Nguyên đán
	// 2030-02-04 Monday    holiday      Tết Nguyên đán
	// 2030-02-05 Tuesday   holiday      Tết Nguyên đán
	// 2030-02-06 Wednesday compensatory Nghỉ bù Tết Nguyên đán (2030-02-02)
	// 2030-02-07 Thursday  compensatory Nghỉ bù Tết Nguyên đán (2030-02-03)
	// 2030-02-08 Friday    regular
}

// Classify a finished and an open dossier against the same deadline.
func ExampleCalendar_Classify() {
	cal, err := calendar.New(calendar.Options{})
	if err != nil {
		panic(err)
	}
	ict := calendar.Zone()
	p := calendar.DefaultDeadlinePolicy()
	dl, err := cal.Due(time.Date(2026, 4, 24, 9, 0, 0, 0, ict), calendar.Duration{Amount: 5}, p)
	if err != nil {
		panic(err)
	}
	done, _ := cal.Classify(dl, time.Date(2026, 5, 8, 10, 0, 0, 0, ict), true, time.Time{}, p)
	fmt.Println(dl.Due, done.Class, done.Class.Label(), done.LateWorkingDays, "working days,", done.LateWorkingHours)
	open, _ := cal.Classify(dl, time.Time{}, false, time.Date(2026, 5, 5, 9, 0, 0, 0, ict), p)
	fmt.Println(open.Class, "due soon:", open.DueSoon)
	// Output:
	// 2026-05-06 late Quá hạn 2 working days, 11h0m0s
	// open-within-deadline due soon: true
}

// A province's calendar: Vietnam Culture Day 24/11 added as data from a (hypothetical) effective date, a
// Tết reception stop, and a Saturday reception desk.
func ExampleNew() {
	cal, err := calendar.New(calendar.Options{
		FromYear: 2026, ToYear: 2030,
		Holidays: []calendar.HolidayRule{{
			Name: "Ngày Văn hóa Việt Nam", Kind: calendar.SolarRule, Month: 11, Day: 24,
			From: calendar.NewDate(2027, 1, 1), Basis: "amendment of Labour Code art. 112(1), once enacted",
		}},
		Overlays: []calendar.Overlay{
			{Kind: calendar.OverlayClosed, From: calendar.NewDate(2026, 2, 9), To: calendar.NewDate(2026, 2, 13), Name: "Tạm dừng tiếp nhận hồ sơ dịp Tết"},
			{Kind: calendar.OverlayReception, From: calendar.NewDate(2026, 3, 7), Name: "Tiếp nhận hồ sơ sáng thứ Bảy"},
		},
	})
	if err != nil {
		panic(err)
	}
	for _, d := range []calendar.Date{
		calendar.NewDate(2026, 11, 24), calendar.NewDate(2027, 11, 24), calendar.NewDate(2029, 11, 26),
		calendar.NewDate(2026, 2, 10), calendar.NewDate(2026, 3, 7),
	} {
		info := cal.Day(d)
		fmt.Println(strings.TrimSpace(fmt.Sprintln(d, info.Working, info.Kind, info.Reception, info.Name)))
	}
	// Output:
	// 2026-11-24 true regular false
	// 2027-11-24 false holiday false Ngày Văn hóa Việt Nam
	// 2029-11-26 false compensatory false Nghỉ bù Ngày Văn hóa Việt Nam (2029-11-24)
	// 2026-02-10 false closed false Tạm dừng tiếp nhận hồ sơ dịp Tết
	// 2026-03-07 false weekly-rest true Tiếp nhận hồ sơ sáng thứ Bảy
}

// Publication deadlines (docs/calendar.md, Publication deadlines): a provincial publication decision must come at least 5 working
// days before the legal document takes effect.
func ExampleCalendar_Shift() {
	cal, err := calendar.New(calendar.Options{})
	if err != nil {
		panic(err)
	}
	effective := calendar.NewDate(2026, 5, 4)
	latest, err := cal.Shift(effective, -5, calendar.DefaultPublicationUnit)
	if err != nil {
		panic(err)
	}
	fmt.Println("decision on or before", latest)
	// Output:
	// decision on or before 2026-04-22
}

// Working hours: 8 office hours from Friday 2026-08-21 16:00 end on the make-up Saturday at 16:00 (1 h on
// Friday, 4.5 h before lunch, 2.5 h after).
func ExampleCalendar_AddWorkingHours() {
	cal, err := calendar.New(calendar.Options{})
	if err != nil {
		panic(err)
	}
	t, err := cal.AddWorkingHours(time.Date(2026, 8, 21, 16, 0, 0, 0, calendar.Zone()), 8*time.Hour)
	if err != nil {
		panic(err)
	}
	fmt.Println(t.Format("Mon 2006-01-02 15:04"))
	// Output:
	// Sat 2026-08-22 16:00
}

// Which days of 2026 are off, and which weekend days are worked? Holidays lists them with their names and
// legal basis.
func ExampleCalendar_Holidays() {
	cal, err := calendar.New(calendar.Options{})
	if err != nil {
		panic(err)
	}
	days, err := cal.Holidays(2026)
	if err != nil {
		panic(err)
	}
	for di := range days {
		fmt.Printf("%s %s %-13s %s\n", di.Date, di.Date.Weekday().String()[:3], di.Kind, di.NameEN)
	}
	// Output:
	// 2026-01-01 Thu holiday       New Year's Day
	// 2026-01-02 Fri swap-off      Swapped day off (made up on Sat 10/1)
	// 2026-01-10 Sat make-up-work  Make-up working day (for Fri 2/1)
	// 2026-02-16 Mon holiday       Lunar New Year (Tết)
	// 2026-02-17 Tue holiday       Lunar New Year (Tết)
	// 2026-02-18 Wed holiday       Lunar New Year (Tết)
	// 2026-02-19 Thu holiday       Lunar New Year (Tết)
	// 2026-02-20 Fri holiday       Lunar New Year (Tết)
	// 2026-04-26 Sun holiday       Hùng Kings' Commemoration Day
	// 2026-04-27 Mon compensatory  Compensatory day off for Hùng Kings' Commemoration Day (Sun 26/4)
	// 2026-04-30 Thu holiday       Victory Day
	// 2026-05-01 Fri holiday       International Labour Day
	// 2026-08-22 Sat make-up-work  Make-up working day (for Mon 31/8)
	// 2026-08-31 Mon swap-off      Swapped day off (made up on Sat 22/8)
	// 2026-09-01 Tue holiday       National Day
	// 2026-09-02 Wed holiday       National Day
}
