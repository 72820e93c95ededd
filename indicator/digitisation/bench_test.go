package digitisation

import (
	"fmt"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/internal/testkit"
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

// BenchmarkAdd measures judging one dossier and counting it (Accumulator.Add; 0 allocs) over 64 or 4096
// pre-generated dossiers of 80 units and 50 procedures (records=64 keeps the records in cache;
// records=4096, about 4 MB of model.Dossier values, measures cache misses on the record too):
//
//   - ref: the Case's Ref resolved before the loop by the Keys given in Options, no note: the tally pass;
//   - note: the same with a note (a scorecard that explains lost points);
//   - noref: the zero Ref with the same Keys (Add looks the unit and the code up);
//   - nokeys: the zero Ref without Options.Keys (units found by id in the accumulator's map).
//
// cpu-ns/dossier is the process CPU time per dossier.
func BenchmarkAdd(b *testing.B) {
	keys := indicator.NewKeys(benchUnits(), benchProcedures())
	for _, mode := range []string{"ref", "note", "noref", "nokeys"} {
		for _, n := range []int{64, 4096} {
			b.Run(fmt.Sprintf("%s/records=%d", mode, n), func(b *testing.B) {
				o := benchOptions()
				if mode != "nokeys" {
					o.Keys = keys
				}
				refs := keys
				if mode == "noref" || mode == "nokeys" {
					refs = nil
				}
				testkit.BenchAdd(b, newCalc(b, o).NewAccumulator(), benchDossiers(n), refs, mode == "note")
			})
		}
	}
}

// BenchmarkClassify measures Classify alone.
func BenchmarkClassify(b *testing.B) {
	c := newCalc(b, benchOptions())
	ds := benchDossiers(4096)
	var v Verdict
	clock := testkit.StartPerRecord(b)
	for i := 0; b.Loop(); i++ {
		v = c.Classify(&ds[i%len(ds)])
	}
	_ = v
	clock.Report(b.N, "dossier")
}
