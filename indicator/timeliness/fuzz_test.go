package timeliness

import (
	"reflect"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// FuzzClassify builds a dossier from fuzzed fields (times as minute offsets around August 2026, statuses,
// supplements, a terminal step) and checks the invariants: no panic, a documented reason, numerator and
// finished imply the denominator, non-negative processing time, an accumulator that reconciles and a tally
// that validates, and the same verdict and Result from a calculator with a shared Keys (Add with the Keys'
// Ref and with the zero Ref). Seeds: testdata/fuzz/FuzzClassify and the f.Add calls below.
func FuzzClassify(f *testing.F) {
	// status, channel, flags (bit 0 sub, 1 recv, 2 due, 3 end, 4 rejected, 5 returned, 6 step, 7 proc),
	// recv, sub offset, due offset, end offset, step status, step offset, supplements (count), supp offsets.
	f.Add(uint8(9), uint8(1), uint8(0b1111), int32(3*24*60), int32(-60), int32(7*24*60), int32(4*24*60), uint8(0), int32(0), uint8(0), int32(0), int32(0))
	f.Add(uint8(5), uint8(2), uint8(0b0111), int32(2*24*60), int32(-600), int32(7*24*60), int32(0), uint8(0), int32(0), uint8(1), int32(24*60), int32(-1))
	f.Add(uint8(10), uint8(2), uint8(0b1100_0111), int32(-20*24*60), int32(-10), int32(5*24*60), int32(0), uint8(9), int32(6*24*60), uint8(2), int32(60), int32(120))
	f.Add(uint8(7), uint8(0), uint8(0b0000_1001), int32(0), int32(-5), int32(0), int32(90), uint8(0), int32(0), uint8(0), int32(0), int32(0))
	f.Add(uint8(3), uint8(3), uint8(0b0001_0101), int32(40*24*60), int32(0), int32(-3*24*60), int32(0), uint8(0), int32(0), uint8(0), int32(0), int32(0))
	f.Add(uint8(4), uint8(1), uint8(0b1000_0010), int32(8*24*60), int32(0), int32(0), int32(0), uint8(5), int32(24*60), uint8(3), int32(-100), int32(5000))
	c := mustNew(f, baseOptions())
	// A calculator with a shared Keys that knows the unit and some of the procedures: its verdict and its
	// Result, with the Keys' Ref and with the zero Ref, must be c's.
	ko := baseOptions()
	ko.Keys = indicator.NewKeys([]string{"V", "U"}, []string{"NOPE", "P4H", "P5", "PHALF", "Q"})
	kc := mustNew(f, ko)
	known := map[indicator.Reason]bool{}
	for _, r := range reasonCodes[rEarly:] {
		known[r] = true
	}
	base := at("2026-08-01 00:00")
	f.Fuzz(func(t *testing.T, status, channel, flags uint8, recv, sub, due, end int32, stepSt uint8, stepAt int32, nsupp uint8, req, resub int32) {
		min := func(m int32) model.Time { return model.Some(base.Add(time.Duration(m) * time.Minute)) }
		d := model.Dossier{UnitID: "U", Status: model.NewStatus(model.StatusCode(status % 16)), Channel: model.NewChannel(model.ChannelCode(channel % 4))}
		if flags&1 != 0 {
			d.SubmittedAt = min(recv + sub)
		}
		if flags&2 != 0 {
			d.ReceivedAt = min(recv)
		}
		if flags&4 != 0 {
			d.DueAt = min(recv + due)
		}
		if flags&8 != 0 {
			d.ProcessingEndedAt = min(recv + end)
		}
		if flags&16 != 0 {
			d.RejectedAt = min(recv + end)
		}
		if flags&32 != 0 {
			d.ResultReturnedAt = min(recv + end + 60)
		}
		if flags&64 != 0 {
			d.Steps = []model.Step{{At: min(recv), Status: model.NewStatus(model.StatusReceived)}, {At: min(recv + stepAt), Status: model.NewStatus(model.StatusCode(stepSt % 16))}}
		}
		if flags&128 != 0 {
			d.ProcedureCode = []string{"P5", "P3CAL", "P4H", "PHALF", "PNODUE", "PMONTH", "NOPE"}[int(status)%7]
		}
		for k := 0; k < int(nsupp%4); k++ {
			s := model.Supplement{RequestedAt: min(recv + req + int32(k)*1440)}
			if resub >= 0 {
				s.ResubmittedAt = min(recv + req + int32(k)*1440 + resub)
			}
			if k == 2 {
				s.Kind = model.NewSupplementKind(model.SupplementFinancial)
			}
			d.Supplements = append(d.Supplements, s)
		}
		v := c.Classify(&d)
		if !known[v.Reason] {
			t.Fatalf("unknown reason %q", v.Reason)
		}
		if (v.InNumerator || v.Finished) && !v.Counted {
			t.Fatalf("numerator/finished outside the denominator: %+v", v)
		}
		if v.ProcessingSeconds < 0 {
			t.Fatalf("negative processing seconds: %+v", v)
		}
		if v.Counted && v.Finished && v.End.Before(c.start) {
			t.Fatalf("finished before the period yet counted: %+v", v)
		}
		if (v.Finished && !v.Resolved) || (!v.Resolved && v.ProcessingSeconds != 0) {
			t.Fatalf("finished without 2.2, or 2.2 seconds without a resolution: %+v", v)
		}
		if v.Resolved && (v.End.Before(c.start) || v.End.After(c.limit) || v.End.Before(v.Received) ||
			c.placeholder(v.Received) || c.placeholder(v.End)) {
			t.Fatalf("in 2.2 with an end outside the period or before reception, or a placeholder: %+v", v)
		}
		if w := kc.Classify(&d); !reflect.DeepEqual(w, v) {
			t.Fatalf("shared keys:\n got %+v\nwant %+v", w, v)
		}
		a := c.NewAccumulator()
		cs := indicator.Case{Dossier: &d}
		a.Add(&cs, nil)
		if cs.Timing != v.Timing() {
			t.Fatalf("timing %v, verdict %+v", cs.Timing, v)
		}
		res := a.Result()
		for j, r := range []indicator.Ref{ko.Keys.Ref(d.UnitID, d.ProcedureCode), {}} {
			ka := kc.NewAccumulator()
			ka.Add(&indicator.Case{Dossier: &d, Ref: r}, nil)
			if !reflect.DeepEqual(ka.Result(), res) {
				t.Fatalf("keys variant %d: %+v, want %+v", j, ka.Result(), res)
			}
		}
		if res.Ledger.Read != 1 || res.Ledger.Counted+res.Ledger.Excluded != 1 {
			t.Fatalf("ledger %+v", res.Ledger)
		}
		for id, tl := range res.Units {
			if err := tl.Validate(); err != nil {
				t.Fatalf("unit %s: %v", id, err)
			}
		}
	})
}
