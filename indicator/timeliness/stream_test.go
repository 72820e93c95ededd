package timeliness

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// smallStream is ten dossiers over two units and two procedures; the expected tallies are worked out by
// hand in TestStreamResult.
func smallStream() []model.Dossier {
	recs := []rec{
		{unit: "A", proc: "P1", status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-07 10:00"},                                                        // early
		{unit: "A", proc: "P1", status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-11 09:00"},                                                        // late
		{unit: "A", proc: "P2", status: sProc, recv: "2026-08-10 09:00", due: "2026-08-20 17:00"},                                                                                 // open-overdue
		{unit: "A", proc: "P2", status: sReg, sub: "2026-08-10 09:00"},                                                                                                            // not received
		{unit: "B", proc: "P1", status: sProc, recv: "2026-08-25 09:00", due: "2026-09-04 17:00"},                                                                                 // open-within
		{unit: "B", proc: "P1", status: sSupp, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", supps: []supp{{req: "2026-08-07 10:00"}}},                                       // pending, on time
		{unit: "B", proc: "P2", status: sDone, recv: "2026-07-01 09:00", due: "2026-07-10 17:00", end: "2026-07-15 10:00"},                                                        // outside
		{unit: "B", proc: "P2", channel: model.ChannelOnline, status: sDone, sub: "2026-08-07 16:00", recv: "2026-08-10 15:30", due: "2026-08-14 17:00", end: "2026-08-14 10:00"}, // on time, reception ok
		{unit: "A", proc: "P1", channel: model.ChannelOnline, status: sProc, sub: "2026-08-07 16:00", recv: "2026-08-11 08:00", due: "2026-08-20 17:00"},                          // open-overdue, reception late
		{unit: "B", proc: "NOPE", status: sDone, recv: "2026-08-03 09:00", end: "2026-08-10 16:00"},                                                                               // no deadline: 2.2 only
	}
	out := make([]model.Dossier, len(recs))
	for i, r := range recs {
		out[i] = *r.build()
	}
	return out
}

func TestStreamResult(t *testing.T) {
	c := mustNew(t, baseOptions())
	res := c.Run(slices.Values(smallStream()))

	wantA := indicator.Tally{Overdue: 3, Completed: 2, ProcessingSeconds: 349200 + 691200, OnlineReceived: 1, LateOnlineReceptions: 1}
	wantA.Counts[indicator.M21] = indicator.Count{Num: 1, Den: 4}
	wantA.Counts[indicator.M22] = indicator.Count{Den: 2}
	// B's 2.2 also counts the dossier without a deadline (7 days 7 hours = 630000 s; decided, issue 13).
	wantB := indicator.Tally{Completed: 1, ProcessingSeconds: 325800 + 630000, OnlineReceived: 1}
	wantB.Counts[indicator.M21] = indicator.Count{Num: 3, Den: 3}
	wantB.Counts[indicator.M22] = indicator.Count{Den: 2}
	if !reflect.DeepEqual(res.Units, map[string]indicator.Tally{"A": wantA, "B": wantB}) {
		t.Errorf("units:\n got %+v\nwant A %+v\n     B %+v", res.Units, wantA, wantB)
	}
	for id, tl := range res.Units {
		if err := tl.Validate(); err != nil {
			t.Errorf("unit %s: %v", id, err)
		}
	}
	wantProcs := map[string]indicator.ProcedureStats{
		"P1":   {Count: indicator.Count{Num: 3, Den: 5}, Overdue: 2, Finished: 2, ProcessingSeconds: 1040400},
		"P2":   {Count: indicator.Count{Num: 1, Den: 2}, Overdue: 1, Finished: 1, ProcessingSeconds: 325800},
		"NOPE": {Finished: 1, ProcessingSeconds: 630000},
	}
	if !reflect.DeepEqual(res.Procedures, wantProcs) {
		t.Errorf("procedures: got %+v, want %+v", res.Procedures, wantProcs)
	}

	l := res.Ledger
	if l.Read != 10 || l.Counted != 7 || l.Excluded != 3 || l.Read != l.Counted+l.Excluded {
		t.Errorf("ledger totals read=%d counted=%d excluded=%d", l.Read, l.Counted, l.Excluded)
	}
	wantEntries := map[indicator.Reason][2]int64{ // counted, excluded
		ReasonEarly: {1, 0}, ReasonLate: {1, 0}, ReasonOpenOverdue: {2, 0}, ReasonOpenWithinDeadline: {1, 0},
		ReasonSupplementPending: {1, 0}, ReasonOnTime: {1, 0},
		ReasonExcludedNotReceived: {0, 1}, ReasonExcludedOutsidePeriod: {0, 1}, ReasonExcludedNoDeadline: {0, 1},
	}
	got := map[indicator.Reason][2]int64{}
	for _, e := range l.Entries() {
		got[e.Reason] = [2]int64{e.Counted, e.Excluded}
	}
	if !reflect.DeepEqual(got, wantEntries) {
		t.Errorf("ledger entries: got %v, want %v", got, wantEntries)
	}

	avg, ok := AverageDays(res.Units["A"], 2)
	if !ok || avg.String() != "6.02" { // 1 040 400 s / 2 / 86 400 = 6.0208…
		t.Errorf("AverageDays(A) = %v, %v", avg, ok)
	}
	if avg, ok := res.Procedures["P2"].AverageDays(3); !ok || avg.String() != "3.771" { // 325 800 / 86 400
		t.Errorf("P2 AverageDays = %v, %v", avg, ok)
	}
	if _, ok := (indicator.ProcedureStats{}).AverageDays(2); ok {
		t.Error("AverageDays with nothing finished must report false")
	}

	// Add over the slice gives Run's result.
	if r2 := runSlice(c, smallStream()); !reflect.DeepEqual(r2.Units, res.Units) || !reflect.DeepEqual(r2.Ledger.Entries(), l.Entries()) {
		t.Error("Add differs from Run")
	}
}

// randomStream generates n varied dossiers deterministically (for merge and fuzz-like property tests).
func randomStream(seed uint64, n int) []model.Dossier {
	rng := rand.New(rand.NewPCG(seed, 7))
	base := at("2026-07-15 07:00")
	tm := func(hours int) string { return base.Add(time.Duration(hours) * time.Hour).Format("2006-01-02 15:04") }
	units := []string{"A", "B", "C"}
	procs := []string{"P5", "P3CAL", "NOPE", "X"}
	statuses := []model.StatusCode{sReg, sRecv, sNA, sProc, sSupp, sWd, sStop, sDone, sRet}
	out := make([]model.Dossier, n)
	for i := range out {
		recv := rng.IntN(60 * 24)
		r := rec{unit: units[rng.IntN(len(units))], proc: procs[rng.IntN(len(procs))], status: statuses[rng.IntN(len(statuses))],
			channel: model.ChannelCode(rng.IntN(3)), sub: tm(recv - rng.IntN(48)), recv: tm(recv)}
		if rng.IntN(5) > 0 {
			r.due = tm(recv + 24*rng.IntN(15))
		}
		if rng.IntN(3) > 0 {
			r.end = tm(recv + rng.IntN(24*20))
		}
		for k := rng.IntN(3); k > 0; k-- {
			q := recv + rng.IntN(24*5)
			s := supp{req: tm(q)}
			if rng.IntN(4) > 0 {
				s.resub = tm(q + rng.IntN(24*4))
			}
			r.supps = append(r.supps, s)
		}
		if rng.IntN(4) == 0 {
			r.steps = []step{{2, tm(recv)}, {int(statuses[rng.IntN(len(statuses))]), tm(recv + rng.IntN(24*20))}}
		}
		out[i] = *r.build()
	}
	return out
}

func sameResult(t *testing.T, got, want Result) {
	t.Helper()
	if !reflect.DeepEqual(got.Units, want.Units) {
		t.Errorf("units differ:\n got %+v\nwant %+v", got.Units, want.Units)
	}
	if !reflect.DeepEqual(got.Procedures, want.Procedures) {
		t.Errorf("procedures differ")
	}
	g, w := got.Ledger, want.Ledger
	if g.Read != w.Read || g.Counted != w.Counted || g.Excluded != w.Excluded || !reflect.DeepEqual(g.Entries(), w.Entries()) {
		t.Errorf("ledgers differ: %+v vs %+v", g.Entries(), w.Entries())
	}
}

// TestMerge: split the stream anywhere (and into random shards), merge: equal to one pass, in any order.
func TestMerge(t *testing.T) {
	c := mustNew(t, baseOptions())
	stream := randomStream(1, 400)
	one := runSlice(c, stream)
	if one.Ledger.Read != 400 || one.Ledger.Read != one.Ledger.Counted+one.Ledger.Excluded {
		t.Fatalf("ledger totals %+v", one.Ledger)
	}
	acc := func(ds []model.Dossier) *Accumulator {
		a := c.NewAccumulator()
		for i := range ds {
			add(a, &ds[i])
		}
		return a
	}
	for _, k := range []int{0, 1, 137, 399, 400} {
		a, b := acc(stream[:k]), acc(stream[k:])
		merge(t, a, b)
		sameResult(t, a.Result(), one)
		a, b = acc(stream[:k]), acc(stream[k:])
		merge(t, b, a) // commutative
		sameResult(t, b.Result(), one)
	}
	// Three shards, merged as (x·y)·z and x·(y·z).
	x, y, z := stream[:100], stream[100:250], stream[250:]
	l := acc(x)
	merge(t, l, acc(y))
	merge(t, l, acc(z))
	r := acc(y)
	merge(t, r, acc(z))
	x2 := acc(x)
	merge(t, x2, r)
	sameResult(t, l.Result(), one)
	sameResult(t, x2.Result(), one)
	// Self-merge doubles; nil is a no-op.
	d := acc(stream)
	if err := d.Merge(nil); !errors.Is(err, indicator.ErrOption) {
		t.Errorf("Merge(nil) = %v, want an option error", err)
	}
	merge(t, d, d)
	two := runSlice(c, append(slices.Clone(stream), stream...))
	sameResult(t, d.Result(), two)
	for id, tl := range one.Units {
		if err := tl.Validate(); err != nil {
			t.Errorf("unit %s: %v", id, err)
		}
	}
}

// TestEveryRecordOneReason: every verdict carries a documented reason; numerator ⇒ counted; ledger
// reconciles per reason.
func TestEveryRecordOneReason(t *testing.T) {
	c := mustNew(t, baseOptions())
	known := map[indicator.Reason]bool{}
	for _, r := range reasonCodes[rEarly:] {
		known[r] = true
	}
	if len(known) != int(numReasons)-1 {
		t.Fatalf("reasonCodes has duplicates: %v", reasonCodes)
	}
	stream := randomStream(2, 2000)
	seen := map[indicator.Reason]int64{}
	for i := range stream {
		v := c.Classify(&stream[i])
		if !known[v.Reason] {
			t.Fatalf("unknown reason %q", v.Reason)
		}
		if (v.InNumerator || v.Finished) && !v.Counted {
			t.Fatalf("numerator/finished without denominator: %+v", v)
		}
		if v.ProcessingSeconds < 0 {
			t.Fatalf("negative processing time: %+v", v)
		}
		seen[v.Reason]++
	}
	res := runSlice(c, stream)
	var sum int64
	for _, e := range res.Ledger.Entries() {
		if e.Counted+e.Excluded != seen[e.Reason] {
			t.Errorf("reason %s: ledger %d+%d, verdicts %d", e.Reason, e.Counted, e.Excluded, seen[e.Reason])
		}
		sum += e.Counted + e.Excluded
	}
	if sum != res.Ledger.Read || res.Ledger.Read != 2000 {
		t.Errorf("ledger sum %d, read %d", sum, res.Ledger.Read)
	}
}

// TestNote: Add hands the note 2.1's verdict, then 2.2's for a finished dossier, and sets the Case's Timing.
func TestNote(t *testing.T) {
	c := mustNew(t, baseOptions())
	for _, tc := range []struct {
		name   string
		rec    rec
		timing indicator.Timing
		want   []indicator.Verdict
	}{
		{"finished late", rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-11 08:00"}, indicator.Late,
			[]indicator.Verdict{{Metric: indicator.M21, InDenominator: true, Reason: ReasonLate}, {Metric: indicator.M22, InDenominator: true, Reason: ReasonLate}}},
		{"open overdue", rec{status: sProc, recv: "2026-08-03 09:00", due: "2026-08-10 17:00"}, indicator.Late,
			[]indicator.Verdict{{Metric: indicator.M21, InDenominator: true, Reason: ReasonOpenOverdue}}},
		{"early", rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-05 08:00"}, indicator.OnTime,
			[]indicator.Verdict{{Metric: indicator.M21, InDenominator: true, InNumerator: true, Reason: ReasonEarly}, {Metric: indicator.M22, InDenominator: true, Reason: ReasonEarly}}},
		{"excluded", rec{status: sReg}, indicator.NotTimed, []indicator.Verdict{{Metric: indicator.M21, Reason: ReasonExcludedNotReceived}}},
	} {
		a := c.NewAccumulator()
		cs := indicator.Case{Dossier: tc.rec.build(), Timing: indicator.Late}
		var got []indicator.Verdict
		a.Add(&cs, func(n *indicator.Case, v indicator.Verdict) {
			if n != &cs {
				t.Errorf("%s: note got another case", tc.name)
			}
			got = append(got, v)
		})
		if !reflect.DeepEqual(got, tc.want) || cs.Timing != tc.timing {
			t.Errorf("%s: verdicts %+v timing %v; want %+v %v", tc.name, got, cs.Timing, tc.want, tc.timing)
		}
		var tl indicator.Tally
		for _, v := range got {
			tl.AddVerdict(v)
		}
		if r := a.Result(); len(r.Units) > 0 && tl.Counts != r.Units["H44.03"].Counts {
			t.Errorf("%s: the verdicts tally %+v, the accumulator %+v", tc.name, tl.Counts, r.Units["H44.03"].Counts)
		}
	}
}

// TestClassifyAddNoAlloc: Classify + Add allocate nothing once the unit and procedure are known.
func TestClassifyAddNoAlloc(t *testing.T) {
	c := mustNew(t, baseOptions())
	stream := benchStream(64)
	a := c.NewAccumulator()
	for i := range stream {
		add(a, &stream[i])
	}
	i := 0
	var cs indicator.Case
	n := testing.AllocsPerRun(500, func() {
		cs = indicator.Case{Dossier: &stream[i%len(stream)]}
		a.Add(&cs, nil)
		i++
	})
	if n != 0 {
		t.Errorf("Classify+Add allocates %v per dossier", n)
	}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*Options)
		field  string
		cause  error
	}{
		{"zero period", func(o *Options) { o.Period = model.Period{} }, "Period", indicator.ErrMissing},
		{"reversed period", func(o *Options) { o.Period.End = o.Period.Start.AddDate(0, 0, -1) }, "Period", indicator.ErrInvalid},
		{"zero as-of", func(o *Options) { o.AsOf = time.Time{} }, "AsOf", indicator.ErrMissing},
		{"as-of before the period", func(o *Options) { o.AsOf = at("2026-07-31 23:00") }, "AsOf", indicator.ErrInvalid},
		{"nil calendar", func(o *Options) { o.Calendar = nil }, "Calendar", indicator.ErrMissing},
		{"zero policy", func(o *Options) { o.Policy = indicator.TimelinessPolicy{} }, "Policy.EndStatusRank", indicator.ErrMissing},
		{"unknown supplement rule", func(o *Options) { o.Policy.Supplements = 9 }, "Policy.Supplements", indicator.ErrInvalid},
		{"negative max supplements", func(o *Options) { o.Policy.MaxSupplements = -1 }, "Policy.MaxSupplements", indicator.ErrInvalid},
		{"negative reception hours", func(o *Options) { o.Policy.OnlineReceptionHours = -8 }, "Policy.OnlineReceptionHours", indicator.ErrInvalid},
		{"unknown terminated rule", func(o *Options) { o.Policy.Terminated = 7 }, "Policy.Terminated", indicator.ErrInvalid},
		{"unknown financial rule", func(o *Options) { o.Policy.Financial = 7 }, "Policy.Financial", indicator.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := baseOptions()
			tt.modify(&o)
			c, err := New(o)
			if c != nil || err == nil {
				t.Fatal("want an error")
			}
			var oe *indicator.OptionError
			if !errors.As(err, &oe) || oe.Pkg != "timeliness" || oe.Field != tt.field || !errors.Is(err, indicator.ErrOption) || !errors.Is(err, tt.cause) {
				t.Fatalf("got %v (%T)", err, err)
			}
			if oe.Error() == "" {
				t.Error("empty message")
			}
		})
	}
	if _, err := New(baseOptions()); err != nil {
		t.Fatal(err)
	}
}

// TestGoldenDeadlineVectors runs the docs/calendar.md deadline vectors (testdata/deadline-vectors.json) through the
// no-appointment rule: procedure of N working days, finished on the due date → on time, on the next working
// day → late.
func TestGoldenDeadlineVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/deadline-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Deadlines []struct {
			Received      time.Time `json:"received"`
			WorkingDays   int64     `json:"working_days"`
			DeemedReceipt string    `json:"deemed_receipt"`
			Due           string    `json:"due"`
		} `json:"deadlines"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Deadlines) != 8 {
		t.Fatalf("%d vectors", len(file.Deadlines))
	}
	cal := testCalendar()
	for _, vec := range file.Deadlines {
		t.Run(vec.Received.Format(time.RFC3339), func(t *testing.T) {
			due, err := calendar.ParseDate(vec.Due)
			if err != nil {
				t.Fatal(err)
			}
			o := baseOptions()
			o.Period, _ = model.Custom(vec.Received, vec.Received.AddDate(0, 1, 0))
			o.AsOf = vec.Received.AddDate(0, 2, 0)
			o.Procedures = map[string]model.Procedure{"V": procWD("V", vec.WorkingDays)}
			c := mustNew(t, o)
			next, err := cal.NextWorkingDay(due)
			if err != nil {
				t.Fatal(err)
			}
			d := &model.Dossier{UnitID: "U", ProcedureCode: "V", Status: model.NewStatus(sDone),
				ReceivedAt: model.Some(vec.Received), ProcessingEndedAt: model.Some(due.In(model.Vietnam()).Add(16 * time.Hour))}
			v := c.Classify(d)
			if v.Reason != ReasonOnTime || v.Due != due || v.FromAppointment {
				t.Errorf("finished on %v: reason %s, due %v", due, v.Reason, v.Due)
			}
			d.ProcessingEndedAt = model.Some(next.In(model.Vietnam()).Add(8 * time.Hour))
			v = c.Classify(d)
			if v.Reason != ReasonLate || v.LateWorkingDays != 1 {
				t.Errorf("finished on %v: reason %s, late days %d", next, v.Reason, v.LateWorkingDays)
			}
		})
	}
}

// TestPortalOverdueDefinition pins Tally.Overdue to the portal's totalOverdue: on every row of the Phú Thọ
// 8/2026 fixture (testdata/portal-phutho-2026-08/2-progress.csv) totalOverdue = totalReceived −
// totalOnTime, which is what Accumulator.Add counts (denominator − numerator); and the published 2.1 score
// is 20 · totalOnTime / totalReceived, rounded half up to 2 decimals, from the counts a Tally carries.
func TestPortalOverdueDefinition(t *testing.T) {
	f, err := os.Open("testdata/portal-phutho-2026-08/2-progress.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	checked := 0
	for _, r := range rows[1:] {
		recv, on, over, score := r[col["totalReceived"]], r[col["totalOnTime"]], r[col["totalOverdue"]], r[col["score"]]
		if recv == "" || on == "" {
			continue
		}
		den, _ := strconv.ParseInt(recv, 10, 64)
		num, _ := strconv.ParseInt(on, 10, 64)
		if over != "" {
			o, _ := strconv.ParseInt(over, 10, 64)
			if o != den-num {
				t.Errorf("%s: totalOverdue %d ≠ %d − %d", r[col["unit_code"]], o, den, num)
			}
			checked++
		}
		if den > 0 && score != "" {
			got := decimal.NewFromInt(20*num).DivRound(decimal.NewFromInt(den), 2)
			if want := decimal.RequireFromString(score); !got.Equal(want) {
				t.Errorf("%s: 20·%d/%d = %s, published %s", r[col["unit_code"]], num, den, got, want)
			}
		}
	}
	if checked != 326 {
		t.Errorf("checked %d rows with totalOverdue, want 326", checked)
	}
}

// TestConcurrentShards: one Calculator shared by goroutines, one Accumulator each, merged: equal to one
// pass (run under -race).
func TestConcurrentShards(t *testing.T) {
	c := mustNew(t, baseOptions())
	stream := randomStream(5, 1200)
	want := runSlice(c, stream)
	const shards = 4
	accs := make([]*Accumulator, shards)
	var wg sync.WaitGroup
	for s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := c.NewAccumulator()
			for i := s; i < len(stream); i += shards {
				add(a, &stream[i])
			}
			accs[s] = a
		}()
	}
	wg.Wait()
	for _, a := range accs[1:] {
		merge(t, accs[0], a)
	}
	sameResult(t, accs[0].Result(), want)
}
