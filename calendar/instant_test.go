package calendar

import (
	"errors"
	"testing"
	"time"
)

// slowCopy returns c converting every instant through its time.Location: the reference path of the integer
// arithmetic (instant.go), on the same days and office hours.
func slowCopy(c *Calendar) *Calendar {
	s := *c
	s.fixLo, s.fixHi = 0, 0
	return &s
}

func TestFixedOffset(t *testing.T) {
	for _, tc := range []struct {
		name string
		loc  *time.Location
		off  int
		ok   bool
	}{
		{"nil is UTC+7", nil, 7 * 3600, true},
		{"UTC", time.UTC, 0, true},
		{"UTC-3", time.FixedZone("X", -3*3600), -3 * 3600, true},
		{"UTC+5:45", time.FixedZone("NPT", 5*3600+45*60), 5*3600 + 45*60, true},
	} {
		c := mustNew(t, Options{FromYear: 2024, ToYear: 2027, Location: tc.loc})
		if off, ok := c.FixedOffset(); off != tc.off || ok != tc.ok {
			t.Errorf("%s: FixedOffset() = %d, %v; want %d, %v", tc.name, off, ok, tc.off, tc.ok)
		}
	}
	if loc, err := time.LoadLocation("Europe/Paris"); err == nil {
		c := mustNew(t, Options{FromYear: 2024, ToYear: 2027, Location: loc})
		if _, ok := c.FixedOffset(); ok {
			t.Error("Europe/Paris: FixedOffset reports a fixed offset")
		}
	}
}

func TestInstantConversions(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2024, ToYear: 2027})
	vn := c.Location()
	for _, tc := range []struct {
		in   time.Time
		date string
	}{
		{time.Date(2026, 4, 24, 16, 59, 59, 999999999, time.UTC), "2026-04-24"},
		{time.Date(2026, 4, 24, 17, 0, 0, 0, time.UTC), "2026-04-25"},
		{time.Date(2026, 4, 25, 0, 0, 0, 0, vn), "2026-04-25"},
		{time.Date(1969, 12, 31, 16, 59, 59, 0, time.UTC), "1969-12-31"},
		{time.Date(1969, 12, 31, 17, 0, 0, 0, time.UTC), "1970-01-01"},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), "0001-01-01"},
		{time.Date(9999, 12, 31, 23, 0, 0, 0, vn), "9999-12-31"},
	} {
		want := mustDate(t, tc.date)
		if got := c.DateOf(tc.in); got != want {
			t.Errorf("DateOf(%s) = %s, want %s", tc.in, got, want)
		}
		if got := c.DateOfUnix(tc.in.Unix()); got != want {
			t.Errorf("DateOfUnix(%d) = %s, want %s", tc.in.Unix(), got, want)
		}
		start := want.In(vn)
		if got := c.Start(want); got != start {
			t.Errorf("Start(%s) = %s, want %s", want, got, start)
		}
		if got := c.StartUnix(want); got != start.Unix() {
			t.Errorf("StartUnix(%s) = %d, want %d", want, got, start.Unix())
		}
	}
}

func TestEndOfDayAndJudgement(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2024, ToYear: 2027})
	p := DefaultDeadlinePolicy()
	due := mustDate(t, "2026-08-07") // a Friday
	dueAt := c.EndOfDay(due, p)
	if want := time.Date(2026, 8, 8, 0, 0, 0, 0, c.Location()); dueAt != want {
		t.Fatalf("EndOfDay(Midnight) = %s, want %s", dueAt, want)
	}
	close := p
	close.EndOfDay = OfficeClose
	if got, want := c.EndOfDay(due, close), time.Date(2026, 8, 7, 17, 0, 0, 0, c.Location()); got != want {
		t.Errorf("EndOfDay(OfficeClose) = %s, want %s", got, want)
	}
	if got, want := c.EndOfDay(mustDate(t, "2026-08-08"), close), time.Date(2026, 8, 9, 0, 0, 0, 0, c.Location()); got != want {
		t.Errorf("EndOfDay(OfficeClose, Saturday) = %s, want %s", got, want)
	}
	vn := func(s string) time.Time {
		x, err := time.ParseInLocation("2006-01-02 15:04", s, c.Location())
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	for _, tc := range []struct {
		name     string
		end      string
		finished bool
		asOf     string
		soon     int
		want     Outcome
	}{
		{"early", "2026-08-05 10:00", true, "", 0, Outcome{Class: Early, Due: due, EarlyWorkingDays: 2}},
		{"on time late in the day", "2026-08-07 23:59", true, "", 0, Outcome{Class: OnTime, Due: due}},
		{"late Monday", "2026-08-10 08:00", true, "", 0, Outcome{Class: Late, Due: due, LateWorkingDays: 1, LateWorkingHours: time.Hour}},
		{"open within", "", false, "2026-08-05 10:00", 0, Outcome{Class: OpenWithinDeadline, Due: due}},
		{"open due soon", "", false, "2026-08-06 10:00", 0, Outcome{Class: OpenWithinDeadline, Due: due, DueSoon: true}},
		{"open soon 3", "", false, "2026-08-04 10:00", 3, Outcome{Class: OpenWithinDeadline, Due: due, DueSoon: true}},
		{"open soon off", "", false, "2026-08-07 10:00", -1, Outcome{Class: OpenWithinDeadline, Due: due}},
		{"open overdue", "", false, "2026-08-10 09:00", 0, Outcome{Class: OpenOverdue, Due: due, LateWorkingDays: 1, LateWorkingHours: 2 * time.Hour}},
	} {
		var end, asOf time.Time
		if tc.end != "" {
			end = vn(tc.end)
		}
		if tc.asOf != "" {
			asOf = vn(tc.asOf)
		}
		j := c.JudgeAt(asOf, DeadlinePolicy{DueSoonDays: tc.soon})
		var got Outcome
		err := j.Classify(&got, due, dueAt, end, tc.finished)
		if err != nil || got != tc.want {
			t.Errorf("%s: Classify = %+v, %v; want %+v", tc.name, got, err, tc.want)
		}
		if j.AsOf() != asOf {
			t.Errorf("%s: AsOf() = %s", tc.name, j.AsOf())
		}
	}
	pd := p
	pd.Granularity = ByDay
	ja := c.JudgeAt(vn("2026-08-05 10:00"), pd)
	if d, at, ok := ja.AppointmentDue(vn("2026-08-07 17:00")); !ok || d != due || at != dueAt {
		t.Errorf("AppointmentDue by day = %s %s %v, want %s %s", d, at, ok, due, dueAt)
	}
	ji := c.JudgeAt(vn("2026-08-05 10:00"), p)
	if d, at, ok := ji.AppointmentDue(vn("2026-08-07 17:00")); !ok || d != due || !at.Equal(vn("2026-08-07 17:00")) {
		t.Errorf("AppointmentDue by instant = %s %s %v, want %s 17:00", d, at, ok, due)
	}
	if d, at, ok := ji.AppointmentDue(vn("2026-08-08 00:00")); !ok || d != due || !at.Equal(dueAt) {
		t.Errorf("AppointmentDue(00:00) by instant = %s %s %v, want %s %s", d, at, ok, due, dueAt)
	}
	if _, _, ok := ja.AppointmentDue(vn("2031-01-02 10:00")); ok {
		t.Error("AppointmentDue outside the range reports ok")
	}
	j := c.JudgeAt(time.Time{}, p)
	var o Outcome
	if err := j.Classify(&o, due, dueAt, time.Time{}, true); !errors.Is(err, ErrInvalid) {
		t.Errorf("zero end: %v, want ErrInvalid", err)
	}
	if err := j.Classify(&o, due, dueAt, time.Time{}, false); !errors.Is(err, ErrInvalid) {
		t.Errorf("zero as-of: %v, want ErrInvalid", err)
	}
	if err := j.Classify(&o, due, dueAt, vn("2028-01-03 10:00"), true); !errors.Is(err, ErrOutOfRange) || o != (Outcome{}) {
		t.Errorf("end outside the range: %v, want ErrOutOfRange", err)
	}
}

// FuzzFastInstants checks the integer-arithmetic paths (DateOf, Start, the office-time operations, Due,
// Supplement, Classify) against the same calendar converting every instant through time.Location.
func FuzzFastInstants(f *testing.F) {
	fast := mustNew(f, Options{FromYear: 2020, ToYear: 2030})
	slow := slowCopy(fast)
	first, last := fast.Range()
	for _, s := range [][4]int64{
		{1777000000, 0, int64(8 * time.Hour), 5},
		{1777030000, 999999999, -int64(3 * time.Hour), 0},
		{first.In(fast.Location()).Unix(), 0, 1, 0},
		{last.AddDays(1).In(fast.Location()).Unix() - 1, 1, int64(time.Hour), 3},
		{0, 0, 0, 0},
		{-1 << 50, 0, 1 << 50, -1},
		{1785000000, 500, int64(200 * time.Hour), 40},
		{farSec, 0, int64(8 * time.Hour), 5}, // wraps onto 2026 with a 32-bit day number
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, sec, nsec, dur, days int64) {
		if sec < -1<<50 || sec > 1<<50 {
			sec %= 1 << 50 // ±35 million years: past the 32-bit day number, clear of time.Time's limits
		}
		t0 := time.Unix(sec, nsec%1e9)
		if a, b := fast.DateOf(t0), DateOf(t0, fast.Location()); a != b {
			t.Fatalf("DateOf(%s) = %s, reference %s", t0, a, b)
		}
		if a, b := fast.DateOfUnix(sec), DateOf(time.Unix(sec, 0), fast.Location()); a != b {
			t.Fatalf("DateOfUnix(%d) = %s, reference %s", sec, a, b)
		}
		d := fast.DateOf(t0)
		if y := t0.In(fast.Location()).Year(); fast.Contains(d) != (y >= 2020 && y <= 2030) {
			t.Fatalf("DateOf(%s) = %s: in the calendar %v, year %d", t0, d, fast.Contains(d), y)
		}
		if a, b := fast.Start(d), d.In(fast.Location()); a != b {
			t.Fatalf("Start(%s) = %s, reference %s", d, a, b)
		}
		if a, b := fast.StartUnix(d), d.In(fast.Location()).Unix(); a != b {
			t.Fatalf("StartUnix(%s) = %d, reference %d", d, a, b)
		}
		t1 := t0.Add(time.Duration(dur))
		same := func(op string, a, b any, ea, eb error) {
			t.Helper()
			if a != b || (ea == nil) != (eb == nil) || (ea != nil && ea.Error() != eb.Error()) {
				t.Fatalf("%s(%s, %s): %v, %v; reference %v, %v", op, t0, time.Duration(dur), a, ea, b, eb)
			}
		}
		h1, e1 := fast.WorkingHoursBetween(t0, t1)
		h2, e2 := slow.WorkingHoursBetween(t0, t1)
		same("WorkingHoursBetween", h1, h2, e1, e2)
		for _, p := range []DeadlinePolicy{{}, {EndOfDay: OfficeClose}, {Granularity: ByDay}, {Granularity: ByDay, EndOfDay: OfficeClose}} {
			j1, j2 := fast.JudgeAt(t1, p), slow.JudgeAt(t1, p)
			d1, at1, ok1 := j1.AppointmentDue(t0)
			d2, at2, ok2 := j2.AppointmentDue(t0)
			// the expected reading, from first principles: by day, the appointment's date ending at P4's end
			// of day; by instant, the instant itself on its date, or on the day before at exactly 00:00
			want, wantAt := fast.DateOf(t0), t0
			if p.Granularity == ByDay {
				wantAt = fast.EndOfDay(want, p)
			} else if t0.Equal(fast.Start(want)) {
				want = want.AddDays(-1)
			}
			if d1 != d2 || !at1.Equal(at2) || ok1 != ok2 || ok1 != (fast.Contains(fast.DateOf(t0)) && fast.Contains(want)) || (ok1 && (d1 != want || !at1.Equal(wantAt))) {
				t.Fatalf("AppointmentDue(%s, %s) = %s %s %v, reference %s %s %v", t0, p.Granularity, d1, at1, ok1, d2, at2, ok2)
			}
		}
		a1, e1 := fast.AddWorkingHours(t0, time.Duration(dur))
		a2, e2 := slow.AddWorkingHours(t0, time.Duration(dur))
		same("AddWorkingHours", a1, a2, e1, e2)
		if v, day, err := fast.cumDay("test", "t", t0); err == nil && dur > 0 {
			// The galloping search from t0's day finds what the bisection of the whole range finds.
			g1, ok1 := fast.at(v+time.Duration(dur), true, day)
			g2, ok2 := fast.at(v+time.Duration(dur), true, 0)
			same("at", g1, g2, nil, nil)
			same("at ok", ok1, ok2, nil, nil)
		}
		for _, p := range []DeadlinePolicy{{}, {Supplement: Pause, EndOfDay: OfficeClose, ReceiptCounting: MovedReceiptIsDayOne}} {
			for _, u := range []Unit{WorkingDays, WorkingHours, CalendarDays} {
				dd := Duration{Amount: int(uint64(days) % 50), Unit: u}
				l1, e1 := fast.Due(t0, dd, p)
				l2, e2 := slow.Due(t0, dd, p)
				same("Due", l1, l2, e1, e2)
				var l3 Deadline
				e0 := fast.DueTo(&l3, t0, dd, p)
				same("DueTo", l3, l1, e0, e1)
				if e1 != nil {
					continue
				}
				s1, e1 := fast.Supplement(l1, t0, t1, p)
				s2, e2 := slow.Supplement(l2, t0, t1, p)
				same("Supplement", s1, s2, e1, e2)
				s3 := l1
				e3 := fast.SupplementTo(&s3, t0, t1, p)
				same("SupplementTo", s3, s1, e3, e1)
				for _, fin := range []bool{true, false} {
					o1, e1 := fast.Classify(l1, t1, fin, t1, p)
					o2, e2 := slow.Classify(l2, t1, fin, t1, p)
					same("Classify", o1, o2, e1, e2)
				}
			}
		}
	})
}

var sinkTime time.Time

// BenchmarkInstants compares the integer paths with the time.Location paths they replace (the "slow"
// sub-benchmarks run the same calendar without its fixed offset).
func BenchmarkInstants(b *testing.B) {
	fast := mustNew(b, Options{})
	ts := make([]time.Time, 1024)
	for i := range ts {
		ts[i] = time.Unix(1767200000+int64(i)*7919*60, 0)
	}
	for _, tc := range []struct {
		name string
		c    *Calendar
	}{{"fast", fast}, {"slow", slowCopy(fast)}} {
		c := tc.c
		b.Run("DateOf/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				sinkDate = c.DateOf(ts[i&1023])
			}
		})
		b.Run("Start/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			d := c.DateOf(ts[0])
			for i := 0; b.Loop(); i++ {
				sinkTime = c.Start(d.AddDays(i & 1023))
			}
		})
		b.Run("WorkingHoursBetween/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				h, _ := c.WorkingHoursBetween(ts[i&1023], ts[(i+7)&1023])
				sinkInt = int(h)
			}
		})
		b.Run("AddWorkingHours8h/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				sinkTime, _ = c.AddWorkingHours(ts[i&1023], 8*time.Hour)
			}
		})
		b.Run("JudgementClassify/"+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			p := DefaultDeadlinePolicy()
			j := c.JudgeAt(ts[512], p)
			for i := 0; b.Loop(); i++ {
				t := ts[i&1023]
				due := c.DateOf(t).AddDays(5)
				var o Outcome
				_ = j.Classify(&o, due, c.EndOfDay(due, p), t.Add(time.Duration(i&255)*time.Hour), i&3 != 0)
				sinkInt = int(o.Class)
			}
		})
	}
}

func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestClassifyNoAlloc(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2024, ToYear: 2027})
	p := DefaultDeadlinePolicy()
	dl, err := c.Due(time.Date(2026, 4, 24, 9, 0, 0, 0, c.Location()), Duration{Amount: 5}, p)
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2026, 5, 8, 10, 0, 0, 0, c.Location())
	if n := testing.AllocsPerRun(100, func() { _, _ = c.Classify(dl, end, true, time.Time{}, p) }); n != 0 {
		t.Errorf("Classify allocates %v times", n)
	}
	j := c.JudgeAt(end, p)
	var o Outcome
	if n := testing.AllocsPerRun(100, func() { _ = j.Classify(&o, dl.Due, dl.DueAt, end, false) }); n != 0 {
		t.Errorf("Judgement.Classify allocates %v times", n)
	}
}

// TestClassifyGranularity pins P15: by instants (the default) a finished dossier is late exactly when its end
// is after the due instant — also on the due day itself, and on time exactly at 24:00 — while by day (the
// alternative for date-only systems) only the end's date counts.
func TestClassifyGranularity(t *testing.T) {
	c := mustNew(t, Options{FromYear: 2024, ToYear: 2027})
	loc := c.Location()
	at := func(d, h, m, s int) time.Time { return time.Date(2026, 8, d, h, m, s, 0, loc) }
	due := mustDate(t, "2026-08-07")              // Friday
	appt := at(7, 10, 0, 0)                       // an appointment with a time of day
	midnight := c.EndOfDay(due, DeadlinePolicy{}) // 24:00 of the due day, a due counted in days
	for _, tc := range []struct {
		name          string
		dueAt, end    time.Time
		instant, byDy Class
	}{
		{"before the due day", appt, at(6, 16, 0, 0), Early, Early},
		{"due day, before the appointment", appt, at(7, 9, 59, 59), OnTime, OnTime},
		{"exactly at the appointment", appt, appt, OnTime, OnTime},
		{"one second after the appointment", appt, at(7, 10, 0, 1), Late, OnTime},
		{"due day afternoon, 24:00 due", midnight, at(7, 16, 59, 0), OnTime, OnTime},
		{"exactly 24:00", midnight, midnight, OnTime, Late},
		{"next working day", midnight, at(10, 8, 0, 0), Late, Late},
	} {
		for _, g := range []Granularity{ByInstant, ByDay} {
			want := tc.instant
			if g == ByDay {
				want = tc.byDy
			}
			j := c.JudgeAt(at(20, 0, 0, 0), DeadlinePolicy{Granularity: g})
			var out Outcome
			if err := j.Classify(&out, due, tc.dueAt, tc.end, true); err != nil || out.Class != want {
				t.Errorf("%s by %s: %v, %v; want %v", tc.name, g, out.Class, err, want)
			}
			if got, err := c.Classify(Deadline{Due: due, DueAt: tc.dueAt}, tc.end, true, at(20, 0, 0, 0), DeadlinePolicy{Granularity: g}); err != nil || got.Class != want {
				t.Errorf("Calendar.Classify %s by %s: %v, %v; want %v", tc.name, g, got.Class, err, want)
			}
		}
	}
	var out Outcome
	j := c.JudgeAt(at(20, 0, 0, 0), DeadlinePolicy{})
	if err := j.Classify(&out, due, appt, at(7, 14, 0, 0), true); err != nil || out.LateWorkingDays != 0 || out.LateWorkingHours != 2*time.Hour {
		t.Errorf("late on the due day: %+v, %v; want 0 days, 2 office hours (10:00–11:30, 13:30–14:00)", out, err)
	}
}
