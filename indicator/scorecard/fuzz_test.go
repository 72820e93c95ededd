package scorecard

import (
	"errors"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// checkRange fails t unless every metric, group and the total of r lie within [0, max] and 2.2's average
// is not negative.
func checkRange(t testing.TB, what string, r indicator.Result) {
	t.Helper()
	in := func(x, hi decimal.Decimal) bool { return x.Sign() >= 0 && x.Cmp(hi) <= 0 }
	for _, id := range indicator.IDs() {
		if m := r.Metric(id); m.Max.Sign() < 0 || !in(m.Score, m.Max) {
			t.Fatalf("%s: metric %s score %s of %s", what, id, m.Score, m.Max)
		}
	}
	for _, g := range r.Groups {
		if !in(g.Score, g.Max) {
			t.Fatalf("%s: group %s score %s of %s", what, g.Group, g.Score, g.Max)
		}
	}
	if !in(r.Total, r.Max) || r.AvgProcessingDays.Sign() < 0 {
		t.Fatalf("%s: total %s of %s, 2.2 average %s", what, r.Total, r.Max, r.AvgProcessingDays)
	}
}

// FuzzPlan: for any single-metric tally (counts anywhere in int64, 2.2's denominator and processing
// seconds too), mode and gain, the planner never panics; it refuses an invalid tally or a negative gain
// with a *PlanError carrying Validate's sentinel, and otherwise its answers are exact (that many records
// reach the target, one fewer does not) and every score it relies on lies within [0, max].
func FuzzPlan(f *testing.F) {
	const maxI = math.MaxInt64
	mc := indicator.MaxCount
	f.Add(uint8(indicator.M21), int64(3), int64(4), false, int64(100), int64(0), int64(0))
	f.Add(uint8(indicator.M43), int64(1), int64(10), false, int64(175), int64(2), int64(86400))
	f.Add(uint8(indicator.M36), int64(0), int64(3), true, int64(300), int64(0), int64(0))
	f.Add(uint8(indicator.M53), int64(150), int64(200), false, int64(1), int64(0), int64(0))
	f.Add(uint8(indicator.M14), int64(0), int64(0), false, int64(600), int64(0), int64(0))
	f.Add(uint8(indicator.M31), int64(5), int64(9), true, int64(50), int64(0), int64(0))
	// Near the limits (issue 14): 2.2's denominator 2^57 used to panic, 2^50 to give a wrong average.
	f.Add(uint8(indicator.M21), int64(1), int64(2), false, int64(100), int64(1<<57), int64(1))
	f.Add(uint8(indicator.M21), int64(1), int64(2), false, int64(100), int64(1<<50), int64(maxI))
	f.Add(uint8(indicator.M21), mc-1, mc, false, int64(1), mc, int64(maxI))
	f.Add(uint8(indicator.M43), int64(0), mc-2, false, int64(200), int64(0), int64(0))
	f.Add(uint8(indicator.M31), int64(0), mc, false, int64(10000), int64(0), int64(0))
	f.Add(uint8(indicator.M41), int64(maxI), int64(maxI), true, int64(1), int64(0), int64(0))
	f.Add(uint8(indicator.M53), int64(0), mc+1, false, int64(maxI), int64(0), int64(0))
	f.Add(uint8(indicator.M21), int64(1), int64(2), false, int64(-1), int64(1), int64(-1))
	e := indicator.Portal()
	f.Fuzz(func(t *testing.T, metric uint8, num, den int64, fix bool, gainCents, d22, seconds int64) {
		id := indicator.ID(metric%uint8(indicator.NumIDs-1) + 1)
		var tl indicator.Tally
		tl.Counts[id] = indicator.Count{Num: num, Den: den}
		if id != indicator.M22 {
			tl.Counts[indicator.M22].Den = d22
		}
		tl.ProcessingSeconds = seconds
		mode := PlanAdd
		if fix {
			mode = PlanFix
		}
		gain := decimal.New(gainCents, -2)
		opt := PlanOptions{Mode: mode, Metrics: []indicator.ID{id}, Limit: 1 << 16}
		pl, err := PlanGain(e, tl, gain, opt)
		if verr := tl.Validate(); verr != nil || gainCents < 0 {
			if !errors.Is(err, ErrPlan) || (gainCents >= 0 && !errors.Is(err, errors.Unwrap(verr))) {
				t.Fatalf("invalid input (%v, gain %s): err = %v", verr, gain, err)
			}
			return
		}
		if err != nil {
			// A target above the unit's maximum is refused (issue 16).
			var pe *PlanError
			if b, serr := e.Score(tl); serr == nil && b.Total.Add(gain).GreaterThan(b.Max) && errors.As(err, &pe) && pe.Field == "target" {
				return
			}
			t.Fatalf("valid tally refused: %v", err)
		}
		base, err := e.Score(tl)
		if err != nil {
			t.Fatal(err)
		}
		checkRange(t, "base", base)
		for _, m := range pl.Metrics {
			total := func(k int64) decimal.Decimal {
				r, err := e.Score(With(tl, id, k, mode))
				if err != nil {
					t.Fatalf("%s: With(%d) made an invalid tally: %v", id, k, err)
				}
				checkRange(t, "with records", r)
				return r.Total
			}
			if !m.Gain.Equal(total(m.Records).Sub(pl.Total)) {
				t.Fatalf("%s: gain %s does not re-score", id, m.Gain)
			}
			if !m.Reachable {
				if total(m.Records).GreaterThanOrEqual(pl.Target) {
					t.Fatalf("%s: unreachable but %d records reach %s", id, m.Records, pl.Target)
				}
				continue
			}
			if total(m.Records).LessThan(pl.Target) {
				t.Fatalf("%s: %d records do not reach %s", id, m.Records, pl.Target)
			}
			if m.Records > 0 && total(m.Records-1).GreaterThanOrEqual(pl.Target) {
				t.Fatalf("%s: %d records are not the fewest", id, m.Records)
			}
		}
	})
}

// fuzzFixture is FuzzScorecard's tiny province, built once: H44 with one department (H44.01) and one
// commune (H44.03), procedure P5 offered by both, the two petitions of testPetitions (to H44.03), and two
// well-formed dossiers that every input starts from (one on time at H44.01, one late and never synced at
// H44.03).
var fuzzFixture = sync.OnceValues(func() (*Scorer, []model.Dossier) {
	units := testUnits()
	units = []model.Unit{units[0], units[1], units[3]}
	var offers []model.Offering
	for _, o := range testOfferings() {
		if o.UnitID != "H44.02" {
			offers = append(offers, o)
		}
	}
	s, err := New(Inputs{Units: units, Procedures: testProcedures(), Offerings: offers, Petitions: testPetitions()}, testOptions())
	if err != nil {
		panic(err)
	}
	return s, []model.Dossier{dz{unit: "H44.01", n: 1, pay: 1}.build(), dz{unit: "H44.03", n: 2, late: true, noSync: true}.build()}
})

// dossierTimes returns the earliest and latest instant set anywhere in d (every model.Time field, nested
// ones included); ok is false when none is set.
func dossierTimes(d *model.Dossier) (lo, hi time.Time, ok bool) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Struct:
			if mt, isTime := v.Interface().(model.Time); isTime {
				if t, set := mt.Get(); set {
					if !ok || t.Before(lo) {
						lo = t
					}
					if !ok || t.After(hi) {
						hi = t
					}
					ok = true
				}
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		}
	}
	walk(reflect.ValueOf(d).Elem())
	return lo, hi, ok
}

// FuzzScorecard: dossiers built from arbitrary field values never make the scorecard fail or panic, and
// the card is consistent: every ledger reconciles (Read == Counted + Excluded, records and catalogue), each
// dossier calculator read exactly the dossiers fed, explanations add up to each pooled shortfall, every
// score lies within [0, max], 2.2's average lies between 0 and the longest span of the fed dossiers, and
// scoring the stream as two partials split anywhere and merged gives the same card. The province is tiny
// and built once, and each input feeds five dossiers, so that the target runs fast (RunParallel, whose
// fixed cost is its batch buffers, has its own tests: it merges partials in the same way).
func FuzzScorecard(f *testing.F) {
	f.Add(uint8(0), uint8(9), uint8(2), uint8(1), int16(0), int16(4), int16(2), uint8(0xff), "H44.01-260803-0001")
	f.Add(uint8(2), uint8(10), uint8(1), uint8(0), int16(-40), int16(3), int16(9), uint8(0), "x")
	f.Add(uint8(3), uint8(7), uint8(3), uint8(3), int16(3), int16(-2), int16(-1), uint8(0x0f), "")
	f.Add(uint8(5), uint8(5), uint8(0), uint8(2), int16(400), int16(0), int16(0), uint8(0xaa), "H99-1")
	f.Add(uint8(1), uint8(9), uint8(1), uint8(1), int16(-32768), int16(32767), int16(32767), uint8(0x49), "H44.01-260803-0002")
	f.Add(uint8(2), uint8(9), uint8(0), uint8(4), int16(32767), int16(-32768), int16(-32768), uint8(0x88), "H44.03-1")
	fuzzFixture()
	f.Fuzz(func(t *testing.T, unit, status, channel, pay uint8, recvDay, dueDays, endDays int16, flags uint8, code string) {
		checkScorecardInput(t, unit, status, channel, pay, recvDay, dueDays, endDays, flags, code)
	})
}

// checkScorecardInput is FuzzScorecard's body (BenchmarkFuzzScorecardInput times it).
func checkScorecardInput(t testing.TB, unit, status, channel, pay uint8, recvDay, dueDays, endDays int16, flags uint8, code string) {
	t.Helper()
	s, base := fuzzFixture()
	units := []string{"H44", "H44.01", "H44.03", "", "H99"}
	start := vnTime("2026-08-03 08:00").AddDate(0, 0, int(recvDay))
	ds := append(make([]model.Dossier, 0, len(base)+3), base...)
	for i := range 3 {
		d := dz{unit: units[(int(unit)+i)%len(units)], n: 900 + i, pay: model.OnlinePaymentCode(int(pay) % 5), late: flags&1 != 0, noEResu: flags&2 != 0, noSync: flags&4 != 0}.build()
		d.Code = code
		d.Status = model.NewStatus(model.StatusCode(status % 16))
		d.Channel = model.NewChannel(model.ChannelCode(channel % 4))
		if flags&8 != 0 {
			d.ReceivedAt = model.Some(start)
		} else {
			d.ReceivedAt = model.Time{}
		}
		d.DueAt = model.Some(start.AddDate(0, 0, int(dueDays)))
		d.ProcessingEndedAt = model.Some(start.AddDate(0, 0, int(endDays)*(i+1)/3))
		if flags&16 != 0 {
			d.Fees = nil
		}
		if flags&32 != 0 {
			d.ProcedureCode = "UNKNOWN"
		}
		ds = append(ds, d)
	}
	c, err := s.Run(slices.Values(ds))
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	checkLostPath(t, s, ds) // the pass's lost-only path against every verdict through Add

	// Conservation: every record a calculator reads is counted or excluded; the dossier calculators
	// (the ledgers named without a sub-ledger suffix) read every dossier fed, once.
	fed := int64(len(ds))
	if c.Dossiers != fed {
		t.Fatalf("card read %d dossiers, fed %d", c.Dossiers, fed)
	}
	dossierLedgers := 0
	for _, l := range c.Ledgers {
		for _, r := range []indicator.Ledger{l.Records, l.Catalogue} {
			if r.Read != r.Counted+r.Excluded || r.Read < 0 || r.Counted < 0 || r.Excluded < 0 {
				t.Fatalf("%s: read %d ≠ counted %d + excluded %d", l.Calculator, r.Read, r.Counted, r.Excluded)
			}
		}
		if !strings.Contains(l.Calculator, ".") {
			dossierLedgers++
			if l.Records.Read != fed {
				t.Fatalf("%s read %d dossiers, fed %d", l.Calculator, l.Records.Read, fed)
			}
		}
	}
	if dossierLedgers < 5 {
		t.Fatalf("only %d dossier ledgers", dossierLedgers)
	}

	// 2.2 is an average of spans between two instants of a dossier: between 0 and the longest span
	// between any two instants of the fed dossiers (plus half a unit of the last place, for rounding).
	var lo, hi time.Time
	for i := range ds {
		if a, b, ok := dossierTimes(&ds[i]); ok {
			if lo.IsZero() || a.Before(lo) {
				lo = a
			}
			if hi.IsZero() || b.After(hi) {
				hi = b
			}
		}
	}
	longest := decimal.NewFromInt(int64(hi.Sub(lo)/time.Second)).DivRound(decimal.NewFromInt(86400), 6).Add(decimal.New(5, -3))
	for _, u := range c.Units {
		for _, r := range []indicator.Result{u.Own, u.Pooled} {
			checkRange(t, u.Unit.ID, r)
			if avg := r.AvgProcessingDays; avg.GreaterThan(longest) {
				t.Fatalf("%s: 2.2 average %s days, longer than any span (%s days)", u.Unit.ID, avg, longest)
			}
		}
		for _, e := range u.Explanations {
			var n int64
			for _, r := range e.Reasons {
				n += r.Count
			}
			if n != max(e.Den-e.Num, 0) {
				t.Fatalf("%s %s: reasons add to %d, shortfall %d", u.Unit.ID, e.Metric, n, e.Den-e.Num)
			}
		}
	}

	// Two partials split anywhere and merged give the single-pass card.
	split := (int(flags>>6) + int(unit)) % (len(ds) + 1)
	p, q := s.NewPartial(), s.NewPartial()
	p.AddDossiers(ds[:split])
	q.AddDossiers(ds[split:])
	if err := q.Merge(p); err != nil {
		t.Fatalf("Merge: %v", err)
	}
	m, err := s.Finish(q)
	if err != nil {
		t.Fatalf("Finish: %v", err)
	}
	if d := cardDifference(c, m); d != "" {
		t.Fatalf("merged partials (split at %d) differ from one pass: %s", split, d)
	}
}

// cardDifference names the first difference between two cards of the same Scorer ("" when none): the
// counts (own, pooled and unattributed tallies, per-procedure statistics), ledgers and explanations.
// The scores are a function of the counts, so equal counts give equal scores: comparing them all, or
// the cards' JSON, would cost more than scoring.
func cardDifference(a, b *Card) string {
	if a.Dossiers != b.Dossiers || len(a.Units) != len(b.Units) {
		return "dossiers or units"
	}
	for i, u := range a.Units {
		id := u.Unit.ID
		ao, _ := a.Tree.Own(id)
		bo, _ := b.Tree.Own(id)
		if ao != bo || a.Tree.Pooled(id) != b.Tree.Pooled(id) || !u.Pooled.Total.Equal(b.Units[i].Pooled.Total) {
			return "counts of " + id
		}
		if !reflect.DeepEqual(u.Explanations, b.Units[i].Explanations) {
			return "explanations of " + id
		}
	}
	sameLedger := func(x, y indicator.Ledger) bool {
		return x.Read == y.Read && x.Counted == y.Counted && x.Excluded == y.Excluded && slices.Equal(x.Entries(), y.Entries())
	}
	if len(a.Ledgers) != len(b.Ledgers) {
		return "ledgers"
	}
	for i, l := range a.Ledgers {
		m := b.Ledgers[i]
		if l.Calculator != m.Calculator || !sameLedger(l.Records, m.Records) || !sameLedger(l.Catalogue, m.Catalogue) {
			return "ledger " + l.Calculator
		}
	}
	switch {
	case !slices.Equal(a.Unattributed, b.Unattributed) || !maps.Equal(a.UnattributedCounts, b.UnattributedCounts):
		return "unattributed"
	case !maps.Equal(a.Procedures, b.Procedures):
		return "procedures"
	}
	return ""
}

// BenchmarkFuzzScorecardInput: the cost of one FuzzScorecard input (issue 14: the target ran ~28 execs/s).
func BenchmarkFuzzScorecardInput(b *testing.B) {
	for b.Loop() {
		checkScorecardInput(b, 2, 9, 1, 1, 3, 4, 2, 0x49, "H44.01-260803-0002")
	}
}
