package satisfaction

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/timeliness"
	"github.com/vn-dvc/chiso766/model"
)

// BenchmarkClassifyAddWithTimeliness measures the 5.3 path when the 2.1 judgement is computed for every
// dossier by package indicator/timeliness (Options.Timeliness calls its Classify, as the scorecard's Scorer
// does outside a Partial), over the ClassifyAdd workload given dates, statuses and appointments (8 in 10
// finished, 1 in 10 without an appointment). "timeliness-only" is the timeliness Classify alone on the same
// dossiers, so the difference is the 5.3 part.
func BenchmarkClassifyAddWithTimeliness(b *testing.B) {
	const n = 4096
	s := newBenchSet(n)
	base := time.Date(2026, 8, 1, 7, 30, 0, 0, vn)
	for i := range s.ds {
		d := &s.ds[i]
		recv := base.Add(time.Duration(i%(29*24)) * time.Hour)
		d.Channel = model.NewChannel(model.ChannelCode(1 + i%3%2))
		d.Status = model.NewStatus(model.StatusFinished)
		d.SubmittedAt, d.ReceivedAt = model.Some(recv.Add(-3*time.Hour)), model.Some(recv)
		d.DueAt = model.Some(recv.Add(time.Duration(3+i%10) * 24 * time.Hour))
		d.ProcessingEndedAt = model.Some(recv.Add(time.Duration(1+i%12) * 24 * time.Hour))
		switch i % 10 {
		case 0:
			d.Status, d.ProcessingEndedAt = model.NewStatus(model.StatusProcessing), model.Time{}
		case 1:
			d.DueAt = model.Time{}
		}
	}
	o := baseOptions(b)
	procs := map[string]model.Procedure{}
	for p := range s.keys.NumProcedures() {
		code := s.keys.ProcedureCode(int32(p))
		procs[code] = model.Procedure{Code: code, Durations: []model.ProcedureDuration{
			{Amount: decimal.NewFromInt(5), Unit: model.NewDurationUnit(model.DurationWorkingDays)}}}
	}
	tc, err := timeliness.New(timeliness.Options{Keys: s.keys, Period: o.Period, AsOf: o.AsOf, Calendar: o.Calendar,
		Policy: indicator.Portal().Policy, Procedures: procs})
	if err != nil {
		b.Fatal(err)
	}
	o.Keys, o.Ratings, o.Complaints = s.keys, s.opts.Ratings, s.opts.Complaints
	o.Timeliness = func(d *model.Dossier) (bool, bool) {
		v := tc.Classify(d)
		return v.Counted, v.Counted && !v.InNumerator
	}
	c := newCalc(b, o)
	for _, mode := range []string{"satisfaction", "timeliness-only"} {
		b.Run(fmt.Sprintf("%s/records=%d", mode, n), func(b *testing.B) {
			a, ta := c.NewAccumulator(), tc.NewAccumulator()
			sat := mode == "satisfaction"
			step := func(i int) {
				if sat {
					a.Add(c.ClassifyRef(&s.ds[i], s.refs[i]))
				} else {
					ta.Add(tc.ClassifyRef(&s.ds[i], s.refs[i]))
				}
			}
			runSteps(b, len(s.ds), n, step)
		})
	}
}
