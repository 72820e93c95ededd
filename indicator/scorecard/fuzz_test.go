package scorecard

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// FuzzPlan: for any valid single-metric tally, mode and gain, the planner never fails or panics, and a
// reachable answer is exact: that many records reach the target, one fewer does not.
func FuzzPlan(f *testing.F) {
	f.Add(uint8(indicator.M21), int64(3), int64(4), false, int64(100))
	f.Add(uint8(indicator.M43), int64(1), int64(10), false, int64(175))
	f.Add(uint8(indicator.M36), int64(0), int64(3), true, int64(300))
	f.Add(uint8(indicator.M53), int64(150), int64(200), false, int64(1))
	f.Add(uint8(indicator.M14), int64(0), int64(0), false, int64(600))
	f.Add(uint8(indicator.M31), int64(5), int64(9), true, int64(50))
	e := indicator.Portal()
	f.Fuzz(func(t *testing.T, metric uint8, num, den int64, fix bool, gainCents int64) {
		id := indicator.ID(metric%uint8(indicator.NumIDs-1) + 1)
		if den < 0 || den > 1<<20 || num < 0 || num > den || gainCents < 0 || gainCents > 10000 {
			return
		}
		var tl indicator.Tally
		tl.Counts[id] = indicator.Count{Num: num, Den: den}
		if id == indicator.M50 {
			return // extras constrain 5.0; unscored anyway
		}
		mode := PlanAdd
		if fix {
			mode = PlanFix
		}
		pl, err := PlanGain(e, tl, decimal.New(gainCents, -2), PlanOptions{Mode: mode, Metrics: []indicator.ID{id}, Limit: 1 << 16})
		if err != nil {
			t.Fatalf("valid tally refused: %v", err)
		}
		for _, m := range pl.Metrics {
			total := func(k int64) decimal.Decimal {
				r, err := e.Score(With(tl, id, k, mode))
				if err != nil {
					t.Fatalf("With made an invalid tally: %v", err)
				}
				return r.Total
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

// FuzzScorecard: dossiers built from arbitrary field values never make the scorecard fail or panic, every
// ledger reconciles (Read == Counted + Excluded), explanations add up to each pooled shortfall, and a
// parallel run gives the same card.
func FuzzScorecard(f *testing.F) {
	f.Add(uint8(0), uint8(9), uint8(2), uint8(1), int16(0), int16(4), int16(2), uint8(0xff), "H44.01-260803-0001")
	f.Add(uint8(2), uint8(10), uint8(1), uint8(0), int16(-40), int16(3), int16(9), uint8(0), "x")
	f.Add(uint8(3), uint8(7), uint8(3), uint8(3), int16(3), int16(-2), int16(-1), uint8(0x0f), "")
	f.Add(uint8(5), uint8(5), uint8(0), uint8(2), int16(400), int16(0), int16(0), uint8(0xaa), "H99-1")
	s, err := New(testInputs(), testOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, unit, status, channel, pay uint8, recvDay, dueDays, endDays int16, flags uint8, code string) {
		units := []string{"H44", "H44.01", "H44.02", "H44.03", "", "H99"}
		base := vnTime("2026-08-03 08:00").AddDate(0, 0, int(recvDay))
		ds := testDossiers()
		for i := range 3 {
			d := dz{unit: units[int(unit)%len(units)], n: 900 + i, pay: model.OnlinePaymentCode(int(pay) % 5), late: flags&1 != 0, noEResu: flags&2 != 0, noSync: flags&4 != 0}.build()
			d.Code = code
			d.Status = model.NewStatus(model.StatusCode(status % 16))
			d.Channel = model.NewChannel(model.ChannelCode(channel % 4))
			if flags&8 != 0 {
				d.ReceivedAt = model.Some(base)
			} else {
				d.ReceivedAt = model.Time{}
			}
			d.DueAt = model.Some(base.AddDate(0, 0, int(dueDays)))
			d.ProcessingEndedAt = model.Some(base.AddDate(0, 0, int(endDays)))
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
		for _, l := range c.Ledgers {
			if l.Records.Read != l.Records.Counted+l.Records.Excluded {
				t.Fatalf("%s: read %d ≠ counted %d + excluded %d", l.Calculator, l.Records.Read, l.Records.Counted, l.Records.Excluded)
			}
		}
		for _, u := range c.Units {
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
		p, err := s.RunParallel(slices.Values(ds), 2)
		if err != nil {
			t.Fatalf("RunParallel: %v", err)
		}
		a, _ := json.Marshal(c)
		b, _ := json.Marshal(p)
		if !bytes.Equal(a, b) {
			t.Fatal("parallel card differs")
		}
	})
}
