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
					ti := base.Add(time.Duration(rng.Int64N(int64(4*366*24*time.Hour)))).Add(time.Duration(rng.IntN(60)) * time.Second)
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
						got, gerr := c.outcome(&dl, end, mode.finished, mode.refusal)
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
