package calendar

import (
	"errors"
	"strings"
	"testing"
)

// TestHolidays2026 pins the listing of 2026, the announced civil-service schedule: New Year with its swap
// (2/1 off, Saturday 10/1 worked), Tết 16–20/2, 10/3 on Sunday 26/4 compensated on Monday 27/4, 30/4 and
// 1/5, the National Day swap (31/8 off, Saturday 22/8 worked), 1/9 and 2/9 — each with its kind, names and
// legal basis.
func TestHolidays2026(t *testing.T) {
	c := mustNew(t, Options{})
	const (
		lc   = "Bộ luật Lao động 2019 (45/2019/QH14) art. 112(1)"
		comp = "Bộ luật Lao động 2019 (45/2019/QH14) art. 111(3)"
		cv   = "Công văn 12729/VPCP-KGVX"
		pm   = "layout approved by the Prime Minister"
	)
	want := []struct {
		date    string
		kind    DayKind
		working bool
		lunar   bool
		name    string
		nameEN  string
		basis   []string // substrings of Basis
	}{
		{"2026-01-01", Holiday, false, false, "Tết Dương lịch", "New Year's Day", []string{lc}},
		{"2026-01-02", SwapOff, false, false, "Nghỉ hoán đổi (làm bù Sat 10/1)", "Swapped day off (made up on Sat 10/1)", []string{cv}},
		{"2026-01-10", MakeUpWork, true, false, "Làm bù (for Fri 2/1)", "Make-up working day (for Fri 2/1)", []string{cv}},
		{"2026-02-16", Holiday, false, true, "Tết Nguyên đán", "Lunar New Year (Tết)", []string{lc, pm}},
		{"2026-02-17", Holiday, false, true, "Tết Nguyên đán", "Lunar New Year (Tết)", []string{lc, pm}},
		{"2026-02-18", Holiday, false, true, "Tết Nguyên đán", "Lunar New Year (Tết)", []string{lc, pm}},
		{"2026-02-19", Holiday, false, true, "Tết Nguyên đán", "Lunar New Year (Tết)", []string{lc, pm}},
		{"2026-02-20", Holiday, false, true, "Tết Nguyên đán", "Lunar New Year (Tết)", []string{lc, pm}},
		{"2026-04-26", Holiday, false, true, "Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day", []string{lc}},
		{"2026-04-27", Compensatory, false, true, "Nghỉ bù Giỗ Tổ Hùng Vương (Sun 26/4)", "Compensatory day off for Hùng Kings' Commemoration Day (Sun 26/4)", []string{comp, pm}},
		{"2026-04-30", Holiday, false, false, "Ngày Chiến thắng", "Victory Day", []string{lc}},
		{"2026-05-01", Holiday, false, false, "Ngày Quốc tế lao động", "International Labour Day", []string{lc}},
		{"2026-08-22", MakeUpWork, true, false, "Làm bù (for Mon 31/8)", "Make-up working day (for Mon 31/8)", []string{pm}},
		{"2026-08-31", SwapOff, false, false, "Nghỉ hoán đổi (làm bù Sat 22/8)", "Swapped day off (made up on Sat 22/8)", []string{pm}},
		{"2026-09-01", Holiday, false, false, "Quốc khánh", "National Day", []string{lc, pm}},
		{"2026-09-02", Holiday, false, false, "Quốc khánh", "National Day", []string{lc}},
	}
	days, err := c.Holidays(2026)
	if err != nil {
		t.Fatal(err)
	}
	var got []DayInfo
	for di := range days {
		got = append(got, di)
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Date != d(w.date) || g.Kind != w.kind || g.Working != w.working || g.Lunar != w.lunar || g.Name != w.name ||
			g.NameEN != w.nameEN || g.Provisional || !g.InRange {
			t.Errorf("entry %d: %+v\nwant %+v", i, g, w)
		}
		for _, b := range w.basis {
			if !strings.Contains(g.Basis, b) {
				t.Errorf("%s: basis %q lacks %q", w.date, g.Basis, b)
			}
		}
	}
}

// TestHolidaysAgreeWithDay: over every year of the default range, Holidays lists exactly the days whose
// Day is neither an ordinary working day nor a plain weekend, in order, as Day gives them; caller rules
// and overlays are listed with their own names (no English name) and the lunar flag of a LunarRule.
func TestHolidaysAgreeWithDay(t *testing.T) {
	c := mustNew(t, Options{
		Holidays: []HolidayRule{{Name: "Ngày Văn hóa Việt Nam", Kind: SolarRule, Month: 11, Day: 24, From: d("2027-01-01"), Basis: "test"},
			{Name: "Rằm tháng Giêng", Kind: LunarRule, Month: 1, Day: 15, From: d("2030-01-01"), To: d("2030-12-31"), Basis: "test"}},
		Overlays: []Overlay{{Kind: OverlayReception, From: d("2027-03-06"), Name: "Tiếp nhận thứ Bảy", Basis: "test"}},
	})
	first, last := c.Range()
	for y := first.Year(); y <= last.Year(); y++ {
		days, err := c.Holidays(y)
		if err != nil {
			t.Fatal(err)
		}
		var want []DayInfo
		for dd := NewDate(y, 1, 1); dd.Year() == y; dd = dd.AddDays(1) {
			di := c.Day(dd)
			if (di.Kind == Regular || di.Kind == WeeklyRest) && di.Name == "" && !di.Reception {
				continue
			}
			want = append(want, di)
		}
		i := 0
		for di := range days {
			if i >= len(want) || di != want[i] {
				t.Fatalf("%d: entry %d = %+v", y, i, di)
			}
			if di.Name == "" || di.Basis == "" {
				t.Errorf("%s: entry without name or basis: %+v", di.Date, di)
			}
			i++
		}
		if i != len(want) {
			t.Fatalf("%d: %d entries, want %d", y, i, len(want))
		}
	}
	if di := c.Day(d("2027-11-24")); di.Kind != Holiday || di.NameEN != "" || di.Lunar {
		t.Errorf("caller solar rule: %+v", di)
	}
	lunarDay := false
	days, _ := c.Holidays(2030)
	for di := range days {
		if di.Name == "Rằm tháng Giêng" {
			lunarDay = di.Lunar && di.NameEN == ""
		}
	}
	if !lunarDay {
		t.Error("caller lunar rule not listed with its lunar flag")
	}
	// Stopping early stops the walk.
	n := 0
	for range days {
		n++
		break
	}
	if n != 1 {
		t.Errorf("break: %d", n)
	}
	if d := c.Day(d("2027-03-06")); !d.Reception || d.Name != "Tiếp nhận thứ Bảy" {
		t.Errorf("reception overlay: %+v", d)
	}
}

func TestHolidaysOutOfRange(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2024, ToYear: 2027})
	for _, y := range []int{2023, 2028, -1 << 40, 1 << 40} {
		days, err := c.Holidays(y)
		var re *RangeError
		if days != nil || !errors.As(err, &re) || re.Op != "Holidays" || re.Arg != "year" {
			t.Errorf("Holidays(%d) = %v, %v", y, days != nil, err)
		}
	}
}
