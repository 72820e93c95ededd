package timeliness

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
	"time"

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

// BenchmarkClassifyAdd measures Classify + Accumulator.Add per dossier over a pre-generated slice, with the
// working-day calendar (target ≤ 150 ns, 0 allocs).
func BenchmarkClassifyAdd(b *testing.B) {
	c := mustNew(b, baseOptions())
	stream := benchStream(4096)
	a := c.NewAccumulator()
	for i := range stream { // warm: units and procedures known
		a.Add(c.Classify(&stream[i]))
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		a.Add(c.Classify(&stream[i]))
		i++
		if i == len(stream) {
			i = 0
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
}

// BenchmarkClassifyAddGrouped is BenchmarkClassifyAdd over the same dossiers grouped by unit and procedure,
// as exports per agency usually are (the accumulator's last-cell cache then hits).
func BenchmarkClassifyAddGrouped(b *testing.B) {
	c := mustNew(b, baseOptions())
	stream := benchStream(4096)
	slices.SortStableFunc(stream, func(x, y model.Dossier) int {
		return cmp.Or(cmp.Compare(x.UnitID, y.UnitID), cmp.Compare(x.ProcedureCode, y.ProcedureCode))
	})
	a := c.NewAccumulator()
	for i := range stream {
		a.Add(c.Classify(&stream[i]))
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		a.Add(c.Classify(&stream[i]))
		i++
		if i == len(stream) {
			i = 0
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
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
		_ = c.RunSlice(stream)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(stream)), "ns/record")
}
