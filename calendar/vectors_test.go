package calendar

import (
	"encoding/json"
	"os"
	"testing"
	"time"
)

// vectors mirrors testdata/calendar-vectors.json (copied from shared/spec, see testdata/README.md).
type vectors struct {
	CivilServiceDays struct {
		Off  map[string][]Date `json:"off"`
		Work map[string][]Date `json:"work"`
	} `json:"civil_service_days"`
	Lunar struct {
		Years map[string]struct {
			Tet       Date `json:"tet"`
			HungKings Date `json:"hung_kings_10_3"`
			LeapMonth int  `json:"leap_month"`
		} `json:"years"`
	} `json:"lunar"`
	Deadlines []struct {
		Received      time.Time `json:"received"`
		WorkingDays   int       `json:"working_days"`
		DeemedReceipt Date      `json:"deemed_receipt"`
		Due           Date      `json:"due"`
	} `json:"deadlines"`
}

func loadVectors(t testing.TB) vectors {
	t.Helper()
	b, err := os.ReadFile("testdata/calendar-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// announcedCal builds a calendar of only the announced years; it needs no lunar data.
func announcedCal(t testing.TB) *Calendar {
	t.Helper()
	c, err := New(Options{FromYear: 2020, ToYear: 2026})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCivilServiceDaysVectors(t *testing.T) {
	v := loadVectors(t)
	c := announcedCal(t)
	off, work := map[Date]bool{}, map[Date]bool{}
	for _, ds := range v.CivilServiceDays.Off {
		for _, d := range ds {
			off[d] = true
		}
	}
	for _, ds := range v.CivilServiceDays.Work {
		for _, d := range ds {
			work[d] = true
		}
	}
	if len(off) != 80 || len(work) != 4 {
		t.Fatalf("vector file: %d off, %d work days; want 80, 4", len(off), len(work))
	}
	n := 0
	for d := NewDate(2020, 1, 1); !d.After(NewDate(2026, 12, 31)); d = d.AddDays(1) {
		wd := d.Weekday()
		want := work[d] || (wd != time.Saturday && wd != time.Sunday && !off[d])
		if got := c.IsWorkingDay(d); got != want {
			t.Errorf("%s (%s): IsWorkingDay = %v, want %v (%+v)", d, wd, got, want, c.Day(d))
		}
		info := c.Day(d)
		if info.Provisional {
			t.Errorf("%s: provisional in an announced year", d)
		}
		if (off[d] || work[d]) && (info.Name == "" || info.Basis == "") {
			t.Errorf("%s: announced day without name or basis: %+v", d, info)
		}
		n++
	}
	if n != 2557 {
		t.Fatalf("checked %d days", n)
	}
}

func TestDeadlineVectors(t *testing.T) {
	v := loadVectors(t)
	c := announcedCal(t)
	if len(v.Deadlines) != 8 {
		t.Fatalf("%d deadline vectors, want 8", len(v.Deadlines))
	}
	for _, tc := range v.Deadlines {
		t.Run(tc.Received.Format(time.RFC3339), func(t *testing.T) {
			dl, err := c.Due(tc.Received, Duration{Amount: tc.WorkingDays, Unit: WorkingDays}, DefaultDeadlinePolicy())
			if err != nil {
				t.Fatal(err)
			}
			if dl.DeemedReceipt != tc.DeemedReceipt || dl.Due != tc.Due {
				t.Errorf("deemed %s due %s; want %s, %s", dl.DeemedReceipt, dl.Due, tc.DeemedReceipt, tc.Due)
			}
			if want := tc.Due.AddDays(1).In(Zone()); !dl.DueAt.Equal(want) {
				t.Errorf("DueAt %s, want %s (24:00, P4)", dl.DueAt, want)
			}
			// The zero policy is the default policy.
			dz, err := c.Due(tc.Received, Duration{Amount: tc.WorkingDays}, DeadlinePolicy{})
			if err != nil || dz != dl {
				t.Errorf("zero policy: %+v, %v; want %+v", dz, err, dl)
			}
		})
	}
}

// TestAnnouncedDataConsistent checks the embedded schedule entry by entry against the vectors: days off
// are exactly the vector's off days, make-up days its work days, and named weekend entries are weekends.
func TestAnnouncedDataConsistent(t *testing.T) {
	v := loadVectors(t)
	off, work := map[Date]bool{}, map[Date]bool{}
	for _, ds := range v.CivilServiceDays.Off {
		for _, dd := range ds {
			off[dd] = true
		}
	}
	for _, ds := range v.CivilServiceDays.Work {
		for _, dd := range ds {
			work[dd] = true
		}
	}
	seen := map[Date]bool{}
	for _, a := range announcedDays() {
		dd, err := ParseDate(a.date)
		if err != nil {
			t.Fatal(err)
		}
		if seen[dd] {
			t.Errorf("%s listed twice", dd)
		}
		seen[dd] = true
		if a.name == "" || a.basis == "" || dd.Year() < announcedFirst || dd.Year() > announcedLast {
			t.Errorf("%s: bad entry %+v", dd, a)
		}
		wd := dd.Weekday()
		weekend := wd == time.Saturday || wd == time.Sunday
		switch a.kind {
		case MakeUpWork:
			if !weekend || !work[dd] {
				t.Errorf("%s: make-up day not a vector work day", dd)
			}
		case Holiday, Compensatory, SwapOff:
			if weekend != !off[dd] || work[dd] || (weekend && a.kind != Holiday) {
				t.Errorf("%s (%s, %s): weekday entry not in the vector off list, or weekend entry in it", dd, wd, a.kind)
			}
		default:
			t.Errorf("%s: kind %s", dd, a.kind)
		}
	}
	for dd := range off {
		if !seen[dd] {
			t.Errorf("vector off day %s missing", dd)
		}
	}
	for dd := range work {
		if !seen[dd] {
			t.Errorf("vector work day %s missing", dd)
		}
	}
}
