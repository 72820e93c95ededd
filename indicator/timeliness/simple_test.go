package timeliness

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// simpleStream generates dossiers aimed at judgeSimple's path and its edges: every status, catalogue
// procedures of every duration unit (and unknown ones) for dossiers without appointment, end times
// missing, before reception, before or after the period and AsOf, only a result-returned time,
// appointments before, on and after the end (also outside the calendar's years), received before the
// period or after AsOf, plus a few with a timeline or a supplement (which leave the path).
func simpleStream(seed uint64, n int) []model.Dossier {
	rng := rand.New(rand.NewPCG(seed, 11))
	base := at("2026-07-20 00:00")
	tm := func(minutes int) model.Time { return model.Some(base.Add(time.Duration(minutes) * time.Minute)) }
	out := make([]model.Dossier, n)
	for i := range out {
		recv := rng.IntN(55 * 24 * 60)
		d := model.Dossier{UnitID: "A", ProcedureCode: []string{"P5", "P5", "P5", "P3CAL", "P4H", "PHALF", "PNODUE", "PMONTH", "NOPE"}[rng.IntN(9)], Status: model.NewStatus(model.StatusCode(rng.IntN(12))),
			Channel: model.NewChannel(model.ChannelCode(rng.IntN(3))), ReceivedAt: tm(recv), SubmittedAt: tm(recv - rng.IntN(3000))}
		switch rng.IntN(20) {
		case 0:
			d.DueAt = model.Some(at("2031-01-05 10:00")) // outside the calendar
		case 1, 2, 3, 4:
			d.DueAt = model.Time{} // catalogue duration
		default:
			d.DueAt = tm(recv + rng.IntN(20*24*60) - 2*24*60)
		}
		end := recv + rng.IntN(25*24*60) - 24*60
		switch rng.IntN(6) {
		case 0:
		case 1:
			d.ResultReturnedAt = tm(end)
		case 2:
			d.RejectedAt = tm(end)
		default:
			d.ProcessingEndedAt = tm(end)
		}
		switch rng.IntN(25) {
		case 0:
			d.ReceivedAt = model.Time{}
		case 1:
			d.Steps = []model.Step{{At: tm(end), Status: model.NewStatus(model.StatusFinished)}}
		case 2:
			d.Supplements = []model.Supplement{{RequestedAt: tm(recv + 60), ResubmittedAt: tm(recv + 3000)}}
		case 3, 4, 5, 6, 7:
			d.Supplements = randomSupplements(rng, tm, recv)
		}
		out[i] = d
	}
	return out
}

// randomSupplements returns one to three supplement entries (mostly one) starting near reception: every
// kind (unknown, documents, financial, stop), requests missing, pending, answered before their request,
// after the judgement instant or in time, some with an earlier appointment (NgayHenTraTruoc). Requests
// may fall after the end of processing.
func randomSupplements(rng *rand.Rand, tm func(int) model.Time, recv int) []model.Supplement {
	n := 1
	if rng.IntN(3) == 0 {
		n += 1 + rng.IntN(2)
	}
	ss := make([]model.Supplement, n)
	req := recv + rng.IntN(3*24*60) - 60
	for j := range ss {
		s := &ss[j]
		s.Kind = model.NewSupplementKind(model.SupplementKindCode([]int{0, 0, 1, 1, 2, 3}[rng.IntN(6)]))
		s.RequestedAt = tm(req)
		switch rng.IntN(12) {
		case 0:
			s.RequestedAt = model.Time{}
		case 1: // pending: no re-submission
		case 2:
			s.ResubmittedAt = tm(req - 30) // before its request
		case 3:
			s.ResubmittedAt = tm(req + 60*24*60) // after the judgement instant
		default:
			s.ResubmittedAt = tm(req + rng.IntN(6*24*60))
		}
		if rng.IntN(3) == 0 {
			s.DueBefore = tm(recv + rng.IntN(20*24*60))
		}
		req += rng.IntN(5 * 24 * 60)
	}
	return ss
}

// TestSimplePathMatchesJudge: with the simple path and without it (judge alone), every verdict is the same,
// for the portal and document editions, several as-of instants, due-soon settings, terminated rules and a
// calendar with a zone that has history (where the simple path is off).
func TestSimplePathMatchesJudge(t *testing.T) {
	n := 4000
	if testing.Short() {
		n = 1000
	}
	ds := append(simpleStream(1, n), randomStream(5, n/4)...)
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	var hcmCal *calendar.Calendar
	if err == nil {
		if hcmCal, err = calendar.New(calendar.Options{FromYear: 2024, ToYear: 2027, Location: hcm}); err != nil {
			t.Fatal(err)
		}
	}
	type variant struct {
		name string
		mod  func(*Options)
	}
	variants := []variant{
		{"portal", func(*Options) {}},
		{"document", func(o *Options) { o.Policy = indicator.Document().Policy }},
		{"as of mid-period", func(o *Options) { o.AsOf = at("2026-08-14 11:45") }},
		{"as of period end", func(o *Options) { o.AsOf = at("2026-08-31 23:59") }},
		{"due soon 3", func(o *Options) { o.Policy.Deadline.DueSoonDays = 3 }},
		{"due soon off", func(o *Options) { o.Policy.Deadline.DueSoonDays = -1 }},
		{"P14", func(o *Options) { o.Terminated = TerminatedP14 }},
		{"office close", func(o *Options) { o.Policy.Deadline.EndOfDay = calendar.OfficeClose }},
		{"financial paused", func(o *Options) { o.Financial = FinancialPaused }},
		{"restart", func(o *Options) { o.Policy.SupplementRule = indicator.SupplementRestart }},
		{"two supplements allowed", func(o *Options) { o.Policy.MaxSupplements = 2 }},
	}
	if hcmCal != nil {
		variants = append(variants, variant{"zone with history", func(o *Options) { o.Calendar = hcmCal }})
	}
	for _, tc := range variants {
		t.Run(tc.name, func(t *testing.T) {
			o := baseOptions()
			tc.mod(&o)
			fast, slow := mustNew(t, o), mustNew(t, o)
			slow.simple = false
			taken, takenSupp := 0, 0
			for i := range ds {
				var probe Verdict
				if _, ok := fast.judgeSimple(&ds[i], &probe); ok {
					taken++
					if len(ds[i].Supplements) > 0 {
						takenSupp++
					}
				}
				got, want := exported(fast.Classify(&ds[i])), exported(slow.Classify(&ds[i]))
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("dossier %d %+v:\n simple %+v\n judge  %+v", i, ds[i], got, want)
				}
			}
			if fast.simple && taken < len(ds)/10 {
				t.Errorf("simple path taken for %d of %d dossiers only", taken, len(ds))
			}
			if fast.simplePauses && takenSupp < len(ds)/100 {
				t.Errorf("simple path taken for %d dossiers with supplements only", takenSupp)
			}
			t.Logf("simple path taken for %d of %d dossiers (%d with supplements)", taken, len(ds), takenSupp)
		})
	}
}
