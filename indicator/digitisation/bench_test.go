package digitisation

import (
	"fmt"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// benchProcedures are the 50 procedure codes of the benchmark dossiers: the test catalogue's four, 42 more
// in the benchmark catalogue (benchOptions) and four unknown ones.
func benchProcedures() []string {
	ps := []string{"P.PAPER", "P.NOPAPER", "P.BIZ", "P.FOREIGN"}
	for i := range 46 {
		ps = append(ps, fmt.Sprintf("1.%06d", 1000+i))
	}
	return ps
}

// benchOptions are baseOptions with the benchmark catalogue: 42 procedures of varied paper results and
// applicants (the last four benchProcedures are not in it).
func benchOptions() Options {
	o := baseOptions()
	for i, code := range benchProcedures()[4:46] {
		p := model.Procedure{Code: code, PaperResult: i%3 != 0, PopulationDBConnected: i%4 == 0,
			Applicants: []string{model.ApplicantVietnameseCitizen}}
		if i%5 == 0 {
			p.Applicants = []string{"Doanh nghiệp"}
		}
		o.Procedures = append(o.Procedures, p)
	}
	return o
}

// benchUnits are the 80 units of the benchmark dossiers.
func benchUnits() []string {
	us := make([]string, 80)
	for i := range us {
		us[i] = fmt.Sprintf("U%02d", i)
	}
	return us
}

// benchDossiers returns n varied dossiers over 80 units and 50 procedures, received in August 2026.
func benchDossiers(n int) []model.Dossier {
	out := make([]model.Dossier, n)
	procs := benchProcedures()
	for i := range out {
		d := model.Dossier{Code: fmt.Sprintf("U%02d-260805-%04d", i%80, i), UnitID: fmt.Sprintf("U%02d", i%80),
			ProcedureCode: procs[(i*7)%len(procs)],
			ReceivedAt:    model.Some(time.Date(2026, 8, 1+i%31, 9, 0, 0, 0, vn))}
		if i%3 == 0 {
			d.Files = []model.File{plainFile, reusedFile}
		}
		if i%2 == 0 {
			d.Results = []model.ResultDoc{{Code: "KQ", URL: "u"}}
		}
		if i%5 == 0 {
			d.VNeIDAuthenticated = model.FlagTrue
		}
		if i%7 == 0 {
			d.Databases = []string{"3", "7"}
		}
		if i%11 == 0 {
			d.ReceivedAt = model.None()
		}
		if i%13 == 0 {
			d.ReceivedAt = model.Some(time.Date(2026, 7, 1+i%31, 9, 0, 0, 0, vn))
		}
		out[i] = d
	}
	return out
}

// BenchmarkClassifyAdd measures judging one dossier and adding it to an accumulator (target ≤ 50 ns, 0
// allocs) over 64 or 4096 pre-generated dossiers of 80 units and 50 procedures (records=64 keeps the records
// in cache, as the scorecard's chunks of 64 dossiers are; records=4096, about 4 MB of model.Dossier values,
// measures cache misses on the record too):
//
//   - addref: Accumulator.AddRef with the Refs resolved before the loop (ClassifyRef + Add without
//     copying the Verdict): the scorecard's tally path;
//   - ref: ClassifyRef + Add with the Refs resolved before the loop by the Keys given in Options, as the
//     scorecard runs it when it explains lost points (it resolves each dossier once for all six
//     calculators);
//   - classify: Classify + Add with the same Keys, Classify resolving the unit and procedure itself;
//   - nokeys: Classify + Add without Options.Keys (the calculator's own Keys hold the catalogue's codes
//     but no units: units are found by id in the accumulator's map).
//
// cpu-ns/record is the thread's CPU time per record, which stays meaningful when the machine is
// oversubscribed and wall-clock ns/op is not.
func BenchmarkClassifyAdd(b *testing.B) {
	keys := indicator.NewKeys(benchUnits(), benchProcedures())
	for _, mode := range []string{"addref", "ref", "classify", "nokeys"} {
		for _, n := range []int{64, 4096} {
			benchClassifyAdd(b, keys, mode, n)
		}
	}
}

// benchClassifyAdd runs one BenchmarkClassifyAdd case.
func benchClassifyAdd(b *testing.B, keys *indicator.Keys, mode string, n int) {
	ds := benchDossiers(n)
	refs := make([]indicator.Ref, len(ds))
	for i := range ds {
		refs[i] = keys.Ref(ds[i].UnitID, ds[i].ProcedureCode)
	}
	b.Run(fmt.Sprintf("%s/records=%d", mode, n), func(b *testing.B) {
		o := benchOptions()
		if mode != "nokeys" {
			o.Keys = keys
		}
		c := newCalc(b, o)
		a := c.NewAccumulator()
		for i := range ds { // warm up: units and reasons known
			a.Add(c.Classify(&ds[i]))
		}
		b.ReportAllocs()
		lockThread()
		defer unlockThread()
		cpu0, ok := threadCPU()
		b.ResetTimer()
		switch mode {
		case "addref":
			for i := 0; i < b.N; i++ {
				j := i & (len(ds) - 1)
				a.AddRef(&ds[j], refs[j])
			}
		case "ref":
			for i := 0; i < b.N; i++ {
				j := i & (len(ds) - 1)
				a.Add(c.ClassifyRef(&ds[j], refs[j]))
			}
		default:
			for i := 0; i < b.N; i++ {
				a.Add(c.Classify(&ds[i&(len(ds)-1)]))
			}
		}
		b.StopTimer()
		reportPerRecord(b, cpu0, ok)
	})
}

// BenchmarkClassify measures Classify alone.
func BenchmarkClassify(b *testing.B) {
	c := newCalc(b, benchOptions())
	ds := benchDossiers(4096)
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	var v Verdict
	for i := 0; i < b.N; i++ {
		v = c.Classify(&ds[i%len(ds)])
	}
	b.StopTimer()
	_ = v
	reportPerRecord(b, cpu0, ok)
}

// reportPerRecord reports wall ns/record and, where the OS gives per-thread CPU time, cpu-ns/record.
func reportPerRecord(b *testing.B, cpu0 time.Duration, ok bool) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
	if cpu1, ok1 := threadCPU(); ok && ok1 {
		b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/record")
	}
}

// BenchmarkAdd measures Accumulator.Add alone over pre-classified verdicts of 80 units (no Options.Keys).
func BenchmarkAdd(b *testing.B) {
	c := newCalc(b, benchOptions())
	ds := benchDossiers(4096)
	vs := make([]Verdict, len(ds))
	for i := range ds {
		vs[i] = c.Classify(&ds[i])
	}
	a := c.NewAccumulator()
	for i := range vs {
		a.Add(vs[i])
	}
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Add(vs[i%len(vs)])
	}
	b.StopTimer()
	reportPerRecord(b, cpu0, ok)
}
