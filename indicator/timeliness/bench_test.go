package timeliness

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// benchStream is a realistic mix: mostly finished dossiers with an appointment, some open, some without
// appointment (catalogue P5), some with one supplement, a third online; 20 units, 8 procedures.
func benchStream(n int) []model.Dossier {
	base := at("2026-08-01 07:30")
	out := make([]model.Dossier, n)
	for i := range out {
		recv := base.Add(time.Duration(i%(29*24)) * time.Hour)
		d := model.Dossier{
			Code:          fmt.Sprintf("U%02d-260801-%04d", i%20, i),
			UnitID:        fmt.Sprintf("H44.%02d", i%20),
			ProcedureCode: fmt.Sprintf("1.%06d", i%8),
			Channel:       model.NewChannel(model.ChannelCode(1 + i%3%2)),
			Status:        model.NewStatus(sDone),
			SubmittedAt:   model.Some(recv.Add(-3 * time.Hour)),
			ReceivedAt:    model.Some(recv),
			DueAt:         model.Some(recv.Add(time.Duration(3+i%10) * 24 * time.Hour)),
		}
		switch i % 10 {
		case 0, 1: // open
			d.Status = model.NewStatus(sProc)
		case 2: // no appointment: catalogue duration
			d.ProcedureCode, d.DueAt = "P5", model.Time{}
			d.ProcessingEndedAt = model.Some(recv.Add(6 * 24 * time.Hour))
		case 3: // one supplement
			d.Supplements = []model.Supplement{{RequestedAt: model.Some(recv.Add(25 * time.Hour)), ResubmittedAt: model.Some(recv.Add(73 * time.Hour))}}
			d.ProcessingEndedAt = model.Some(recv.Add(time.Duration(2+i%9) * 24 * time.Hour))
		default:
			d.ProcessingEndedAt = model.Some(recv.Add(time.Duration(1+i%12) * 24 * time.Hour))
		}
		out[i] = d
	}
	return out
}

// BenchmarkClassify measures Classify alone on a finished dossier with an appointment.
func BenchmarkClassify(b *testing.B) {
	c := mustNew(b, baseOptions())
	d := rec{status: sDone, recv: "2026-08-03 09:00", due: "2026-08-10 17:00", end: "2026-08-07 10:00"}.build()
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Classify(d)
	}
}

// BenchmarkRun measures a whole pass (Classify + Add + Result) over 4096 dossiers.
func BenchmarkRun(b *testing.B) {
	c := mustNew(b, baseOptions())
	stream := benchStream(4096)
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Run(slices.Values(stream))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(stream)), "ns/record")
}

// benchSet is a province-sized workload: 80 units, 50 procedures (all in the catalogue, mostly working
// days, some calendar days and working hours), n dossiers of August 2026 — 20 % open, 10 % without
// appointment (catalogue duration), 10 % with one supplement, a third online, the rest finished early, on
// time or late — with the Refs of a shared Keys resolved once, as the scorecard does.
type benchSet struct {
	keys  *indicator.Keys
	procs map[string]model.Procedure
	ds    []model.Dossier
	refs  []indicator.Ref
}

func newBenchSet(n int) *benchSet {
	rng := rand.New(rand.NewPCG(2, 1))
	units := make([]string, 80)
	for i := range units {
		units[i] = fmt.Sprintf("000.%02d.%02d.H45", i%7, 10+i)
	}
	codes := make([]string, 50)
	s := &benchSet{procs: make(map[string]model.Procedure, len(codes)), ds: make([]model.Dossier, n), refs: make([]indicator.Ref, n)}
	for i := range codes {
		codes[i] = fmt.Sprintf("1.%06d", 1000+i)
		p := procWD(codes[i], int64(1+i%15))
		switch i % 10 {
		case 7:
			p.Durations[0].Unit = model.NewDurationUnit(model.DurationDays)
		case 9:
			p.Durations[0].Unit = model.NewDurationUnit(model.DurationHours)
		}
		s.procs[codes[i]] = p
	}
	s.keys = indicator.NewKeys(units, codes)
	base := at("2026-08-01 07:30")
	for i := range s.ds {
		recv := base.Add(time.Duration(rng.IntN(30*24*60)) * time.Minute)
		u := units[rng.IntN(len(units))]
		d := model.Dossier{
			Code:          fmt.Sprintf("%s-2608%02d-%04d", u, 1+recv.Day()%28, i),
			UnitID:        u,
			ProcedureCode: codes[rng.IntN(len(codes))],
			Channel:       model.NewChannel(model.ChannelCode(1 + rng.IntN(3)%2)),
			Status:        model.NewStatus(sDone),
			SubmittedAt:   model.Some(recv.Add(-time.Duration(rng.IntN(30*60)) * time.Minute)),
			ReceivedAt:    model.Some(recv),
			DueAt:         model.Some(recv.Add(time.Duration(3+rng.IntN(10)) * 24 * time.Hour)),
		}
		switch x := rng.IntN(10); x {
		case 0, 1: // open
			d.Status = model.NewStatus(sProc)
		case 2: // no appointment: catalogue duration
			d.DueAt = model.Time{}
			d.ProcessingEndedAt = model.Some(recv.Add(time.Duration(1+rng.IntN(12*24)) * time.Hour))
		case 3: // one supplement
			req := recv.Add(time.Duration(2+rng.IntN(48)) * time.Hour)
			res := req.Add(time.Duration(2+rng.IntN(72)) * time.Hour)
			d.Supplements = []model.Supplement{{RequestedAt: model.Some(req), ResubmittedAt: model.Some(res)}}
			d.ProcessingEndedAt = model.Some(res.Add(time.Duration(1+rng.IntN(9*24)) * time.Hour))
		default:
			d.ProcessingEndedAt = model.Some(recv.Add(time.Duration(1+rng.IntN(12*24)) * time.Hour))
		}
		s.ds[i] = d
		s.refs[i] = s.keys.Ref(d.UnitID, d.ProcedureCode)
	}
	return s
}

// BenchmarkAdd measures one dossier of a scorecard pass (Accumulator.Add, 0 allocs) over a pre-generated
// slice (newBenchSet: 80 units, 50 procedures, shared Keys): "ref" with the Refs resolved outside the loop
// and no note (the tally pass), "note" the same with a note receiving the verdicts (explanations on),
// "noref" with the zero Ref (the calculator resolves the unit and procedure itself). records=64 keeps the
// records in cache, as a scorecard's chunks of 64 dossiers are.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{4096, 64} {
		s := newBenchSet(n)
		for _, mode := range []string{"ref", "note", "noref"} {
			b.Run(fmt.Sprintf("%s/records=%d", mode, n), func(b *testing.B) {
				o := baseOptions()
				o.Keys, o.Procedures = s.keys, s.procs
				c := mustNew(b, o)
				a := c.NewAccumulator()
				var note indicator.Note
				var sink int
				if mode == "note" {
					note = func(_ *indicator.Case, v indicator.Verdict) { sink += int(v.Metric) }
				}
				cases := make([]indicator.Case, n)
				for i := range cases {
					cases[i].Dossier = &s.ds[i]
					if mode != "noref" {
						cases[i].Ref = s.refs[i]
					}
					a.Add(&cases[i], note) // warm: units and reasons seen
				}
				pr := testkit.StartPerRecord(b)
				for i := 0; i < b.N; i++ {
					a.Add(&cases[i&(n-1)], note)
				}
				b.StopTimer()
				pr.Report(b.N, "dossier")
				_ = sink
			})
		}
	}
}
