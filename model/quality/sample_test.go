package quality

import (
	"compress/gzip"
	"io"
	"iter"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// sampleAsOf is the as-of instant of testdata/sample (the end of the sample year).
var sampleAsOf = time.Date(2027, 1, 1, 0, 0, 0, 0, model.Vietnam())

// sampleSet is testdata/sample decoded: the dossiers with their timeline steps attached (as package
// model/dataset attaches them), the catalogue and the offerings.
type sampleSet struct {
	dossiers   []model.Dossier
	procedures []model.Procedure
	offerings  []model.Offering
}

// loadSample reads testdata/sample; any error fails tb.
func loadSample(tb testing.TB) *sampleSet {
	tb.Helper()
	s := &sampleSet{}
	s.dossiers = decodeGz(tb, "dossiers.csv.gz", csvio.DecodeDossiers)
	s.procedures = decodeGz(tb, "procedures.csv.gz", csvio.DecodeProcedures)
	s.offerings = decodeGz(tb, "offerings.csv.gz", csvio.DecodeOfferings)
	byCode := map[string]int{}
	for i := range s.dossiers {
		byCode[s.dossiers[i].Code] = i
	}
	for _, st := range decodeGz(tb, "steps.csv.gz", csvio.DecodeSteps) {
		i, ok := byCode[st.DossierCode]
		if !ok {
			tb.Fatalf("step of unknown dossier %q", st.DossierCode)
		}
		s.dossiers[i].Steps = append(s.dossiers[i].Steps, st)
	}
	if len(s.dossiers) != 2000 || len(s.procedures) == 0 || len(s.offerings) == 0 {
		tb.Fatalf("sample: %d dossiers, %d procedures, %d offerings", len(s.dossiers), len(s.procedures), len(s.offerings))
	}
	return s
}

func decodeGz[T any](tb testing.TB, name string, decode func(io.Reader, ...csvio.Option) iter.Seq2[T, error]) []T {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "sample", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var out []T
	for v, err := range decode(z) {
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		out = append(out, v)
	}
	return out
}

// perRecordOptions are the options the scorecard command gives the checkers of its decode workers for
// a -data directory with a timeline: every check but duplicate-code (which it runs in record order).
func (s *sampleSet) perRecordOptions() Options {
	return Options{AsOf: sampleAsOf, Catalogue: s.procedures, Offerings: s.offerings, RequireTimeline: true,
		Skip: []Check{DuplicateCode}}
}

// BenchmarkCheckSample: Checker.Check over the 2 000 dossiers of testdata/sample, cycled; an operation
// is one record. per-record has the scorecard command's per-record options (every check but
// duplicate-code); clean runs the same over the records it finds nothing in (allocs/op must be 0).
// cpu-ns/op is the process's CPU time per record (getrusage: the garbage collector's included; less
// sensitive than ns/op to the other processes of a loaded machine).
func BenchmarkCheckSample(b *testing.B) {
	s := loadSample(b)
	opt := s.perRecordOptions()
	var clean []model.Dossier
	c := NewChecker(opt)
	found := 0
	for i := range s.dossiers {
		if fs := c.Check(&s.dossiers[i]); len(fs) == 0 {
			clean = append(clean, s.dossiers[i])
		} else {
			found += len(fs)
		}
	}
	for _, bc := range []struct {
		name string
		recs []model.Dossier
	}{{"per-record", s.dossiers}, {"clean", clean}} {
		b.Run(bc.name, func(b *testing.B) {
			c := NewChecker(opt)
			b.ReportAllocs()
			i := 0
			cpu0 := testkit.ProcessCPU()
			for b.Loop() {
				_ = c.Check(&bc.recs[i])
				if i++; i == len(bc.recs) {
					i = 0
				}
			}
			if cpu := testkit.ProcessCPU() - cpu0; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
	b.Logf("%d records, %d clean, %d findings", len(s.dossiers), len(clean), found)
}
