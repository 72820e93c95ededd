package timeliness

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

// TestFastPathMatchesCalendar checks that the calculator's allocation-free helpers give exactly what the
// calendar package gives: dateOf = calendar.DateOf, startOf = Date.In, outcome = Calendar.Classify /
// ClassifyRefusal (results and error presence), for UTC+7 (fast path) and a zone with history (slow path).
func TestFastPathMatchesCalendar(t *testing.T) {
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		hcm = nil // no tzdata: only the fixed zone is exercised
	}
	n := 5000
	if testing.Short() {
		n = 1000
	}
	for _, zone := range []*time.Location{nil, hcm} {
		if zone == nil && hcm == nil {
			continue
		}
		cal := testCalendar()
		if zone != nil {
			var err error
			if cal, err = calendar.New(calendar.Options{FromYear: 2024, ToYear: 2027, Location: zone}); err != nil {
				t.Fatal(err)
			}
		}
		for _, asOf := range []time.Time{at("2026-09-05 10:00"), at("2026-08-14 11:45"), at("2026-08-28 18:00")} {
			for _, eod := range []calendar.EndOfDay{calendar.Midnight, calendar.OfficeClose} {
				o := baseOptions()
				o.Calendar, o.AsOf = cal, asOf
				o.Policy.Deadline.EndOfDay = eod
				c := mustNew(t, o)
				if zone == nil && !c.fixed {
					t.Fatal("UTC+7 must take the fast path")
				}
				rng := rand.New(rand.NewPCG(uint64(asOf.Unix()), uint64(eod)))
				base := at("2023-12-20 00:00")
				for i := 0; i < n; i++ {
					ti := base.Add(time.Duration(rng.Int64N(int64(4 * 366 * 24 * time.Hour)))).Add(time.Duration(rng.IntN(60)) * time.Second)
					if got, want := c.dateOf(ti), calendar.DateOf(ti, cal.Location()); got != want {
						t.Fatalf("dateOf(%v) = %v, want %v", ti, got, want)
					}
					d := calendar.DateOf(ti, cal.Location())
					if got, want := c.startOf(d), d.In(cal.Location()); !got.Equal(want) {
						t.Fatalf("startOf(%v) = %v, want %v", d, got, want)
					}
					// A deadline as deadline() builds it, and an end near it.
					due := d.AddDays(rng.IntN(40) - 5)
					dueAt, err := c.endOfDay(due)
					if err != nil {
						continue
					}
					dl := calendar.Deadline{Due: due, DueAt: dueAt}
					end := ti.Add(time.Duration(rng.IntN(30*24)) * time.Hour)
					for _, mode := range []struct{ finished, refusal bool }{{true, false}, {true, true}, {false, false}} {
						var got calendar.Outcome
						gerr := c.outcome(&got, &dl, end, mode.finished, mode.refusal)
						if gerr != nil {
							got = calendar.Outcome{}
						}
						var want calendar.Outcome
						var werr error
						switch {
						case mode.refusal:
							want, werr = cal.ClassifyRefusal(dl, end, c.dp)
						case mode.finished:
							want, werr = cal.Classify(dl, end, true, time.Time{}, c.dp)
						default:
							want, werr = cal.Classify(dl, time.Time{}, false, c.limit, c.dp)
						}
						if (gerr == nil) != (werr == nil) || (gerr == nil && !reflect.DeepEqual(got, want)) {
							t.Fatalf("outcome(due %v, end %v, %+v) = %+v, %v; calendar %+v, %v", due, end, mode, got, gerr, want, werr)
						}
					}
				}
			}
		}
	}
}

func TestFixedOffset(t *testing.T) {
	if ok, off := fixedOffset(model.Vietnam()); !ok || off != 7*3600 {
		t.Errorf("Vietnam: %v %d", ok, off)
	}
	if ok, off := fixedOffset(time.UTC); !ok || off != 0 {
		t.Errorf("UTC: %v %d", ok, off)
	}
	if hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		if ok, _ := fixedOffset(hcm); ok {
			t.Error("Asia/Ho_Chi_Minh has history (UTC+8 before 1975): not fixed")
		}
	}
}

// TestFastHoursDueSupplement checks hoursBetween, hoursAfterDay, addHours, due and supplement against the calendar's
// WorkingHoursBetween, AddWorkingHours, Due and Supplement, with default office hours, per-weekday hours, and hours whose
// boundaries are not whole minutes (the table must then be disabled), for random instants.
func TestFastHoursDueSupplement(t *testing.T) {
	sp := func(a, b time.Duration) calendar.Span { return calendar.Span{Start: a, End: b} }
	h, m := time.Hour, time.Minute
	custom := calendar.OfficeHours{Default: []calendar.Span{sp(7*h+30*m, 11*h+30*m), sp(13*h+30*m, 17*h+30*m)}}
	custom.ByWeekday[time.Saturday] = []calendar.Span{sp(8*h, 11*h)}
	custom.ByWeekday[time.Friday] = []calendar.Span{sp(7*h, 12*h), sp(13*h, 16*h+45*m)}
	odd := calendar.OfficeHours{Default: []calendar.Span{sp(7*h+30*time.Second, 11*h+30*m)}}
	n := 4000
	if testing.Short() {
		n = 800
	}
	for _, tc := range []struct {
		name      string
		hours     calendar.OfficeHours
		wantTable bool
		from, to  int
	}{{"default hours", calendar.OfficeHours{}, true, 2024, 2027}, {"default range 1976–2099", calendar.OfficeHours{}, true, 0, 0},
		{"per-weekday hours", custom, true, 2024, 2027}, {"sub-minute boundary", odd, false, 2024, 2027}} {
		t.Run(tc.name, func(t *testing.T) {
			cal, err := calendar.New(calendar.Options{FromYear: tc.from, ToYear: tc.to, OfficeHours: tc.hours,
				Overlays: []calendar.Overlay{{Kind: calendar.OverlayWorking, From: calendar.NewDate(2026, 8, 15), Name: "extra Saturday"}}})
			if err != nil {
				t.Fatal(err)
			}
			for _, pol := range []calendar.DeadlinePolicy{calendar.DefaultDeadlinePolicy(),
				{CutoffScope: calendar.CutoffSameDayOnly, ReceiptCounting: calendar.MovedReceiptIsDayOne, Cutoff: 16 * time.Hour, Supplement: calendar.Pause}} {
				o := baseOptions()
				o.Calendar = cal
				o.Policy.Deadline = pol
				c := mustNew(t, o)
				if c.hours.ok != tc.wantTable {
					t.Fatalf("hours table enabled = %v, want %v", c.hours.ok, tc.wantTable)
				}
				pause := pol
				pause.Supplement = calendar.Pause
				rng := rand.New(rand.NewPCG(3, uint64(pol.Cutoff)))
				base := at("2023-06-01 00:00")
				for i := 0; i < n; i++ {
					a := base.Add(time.Duration(rng.Int64N(int64(4 * 366 * 24 * time.Hour)))).Add(time.Duration(rng.IntN(1e9)))
					b := a.Add(time.Duration(rng.Int64N(int64(40*24*time.Hour))) - 5*24*time.Hour)
					got, gerr := c.hoursBetween(a, b)
					want, werr := cal.WorkingHoursBetween(a, b)
					if (gerr == nil) != (werr == nil) || got != want {
						t.Fatalf("hoursBetween(%v, %v) = %v, %v; calendar %v, %v", a, b, got, gerr, want, werr)
					}
					next := calendar.DateOf(a, cal.Location()).AddDays(1)
					mid := next.In(cal.Location())
					got, gerr = c.hoursAfterDay(next, mid, b)
					want, werr = cal.WorkingHoursBetween(mid, b)
					if (gerr == nil) != (werr == nil) || got != want {
						t.Fatalf("hoursAfterDay(%v, %v) = %v, %v; calendar %v, %v", next, b, got, gerr, want, werr)
					}
					for _, dh := range []time.Duration{8 * time.Hour, time.Duration(rng.Int64N(int64(120 * time.Hour))), time.Duration(rng.IntN(5)) * time.Minute} {
						got, gerr := c.addHours(a, dh)
						want, werr := cal.AddWorkingHours(a, dh)
						if (gerr == nil) != (werr == nil) || got != want {
							t.Fatalf("addHours(%v, %v) = %v, %v; calendar %v, %v", a, dh, got, gerr, want, werr)
						}
					}
					dur := calendar.Duration{Amount: rng.IntN(25), Unit: []calendar.Unit{calendar.WorkingDays, calendar.CalendarDays, calendar.WorkingHours}[rng.IntN(3)]}
					var gd calendar.Deadline
					gerr = c.due(&gd, a, dur)
					wd, werr := cal.Due(a, dur, c.dp)
					if (gerr == nil) != (werr == nil) || gd.Due != wd.Due || !gd.DueAt.Equal(wd.DueAt) || gd.DeemedReceipt != wd.DeemedReceipt || gd.Moved != wd.Moved || gd.Duration != wd.Duration {
						t.Fatalf("due(%v, %+v) = %+v, %v; calendar %+v, %v", a, dur, gd, gerr, wd, werr)
					}
					if gerr != nil {
						continue
					}
					req := a.Add(time.Duration(rng.Int64N(int64(10 * 24 * time.Hour))))
					res := req.Add(time.Duration(rng.Int64N(int64(20 * 24 * time.Hour))))
					gs := gd
					gerr = c.supplement(&gs, req, res, pause)
					ws, werr := cal.Supplement(wd, req, res, pause)
					if (gerr == nil) != (werr == nil) || gs.Due != ws.Due || !gs.DueAt.Equal(ws.DueAt) || gs.Supplements != ws.Supplements {
						t.Fatalf("supplement(%v → %v) = %+v, %v; calendar %+v, %v", req, res, gs, gerr, ws, werr)
					}
				}
			}
		})
	}
}

// TestSplitDay checks splitDay's unsigned fast path and its signed fallback against floor division.
func TestSplitDay(t *testing.T) {
	floor := func(s int64) (int64, int64) {
		q, r := s/86400, s%86400
		if r < 0 {
			q, r = q-1, r+86400
		}
		return q, r
	}
	rng := rand.New(rand.NewPCG(9, 9))
	cases := []int64{0, -1, 1, 86399, 86400, -86400, -86401, 1 << 62, -1 << 62, 1<<63 - 1, -1 << 63,
		dayBias * 86400, dayBias*86400 - 1, -dayBias * 86400, -dayBias*86400 - 1}
	for range 10000 {
		cases = append(cases, int64(rng.Uint64()), rng.Int64N(1<<40)-1<<39)
	}
	for _, s := range cases {
		d, r := splitDay(s)
		wd, wr := floor(s)
		if d != wd || r != wr {
			t.Fatalf("splitDay(%d) = %d, %d; want %d, %d", s, d, r, wd, wr)
		}
	}
}

// TestReceptionDeadlineInTable: the office-hours table reaches far enough past the judgement date that the
// 8-working-hour reception deadline of every dossier submitted in the period's last week (Friday 28 to
// Monday 31 August 2026, ahead of the National Day holiday) is found in it, without the calendar's slower
// AddWorkingHours, and equals the calendar's.
func TestReceptionDeadlineInTable(t *testing.T) {
	c := mustNew(t, baseOptions())
	if !c.hours.ok {
		t.Fatal("the office-hours table must be built for UTC+7")
	}
	for s := at("2026-08-25 00:00"); s.Before(at("2026-09-01 00:00")); s = s.Add(17 * time.Minute) {
		v, i, ok := c.officeCumDay(s)
		if !ok {
			t.Fatalf("%v: not in the table", s)
		}
		got, ok := c.officeAt(v+c.recvHours, i)
		if !ok {
			t.Fatalf("%v + %v: beyond the table", s, c.recvHours)
		}
		want, err := c.cal.AddWorkingHours(s, c.recvHours)
		if err != nil || !got.Equal(want) {
			t.Fatalf("%v + %v = %v, calendar %v (%v)", s, c.recvHours, got, want, err)
		}
	}
}
