package main

import (
	"bufio"
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model/portal"
)

var benchDossiers = flag.Int("cli.dossiers", 1_000_000, "dossiers of the sample province BenchmarkCommandFile scores")

// benchDirs are the sample province as files for BenchmarkCommandFile, written once per test process
// into a temporary directory (not committed): csv holds the export (dossiers.csv, no steps file), json
// the same province with its dossiers as one DongBoHoSoMC payload (dossiers.json).
// benchRoot is the temporary directory of benchDirs' files ("" until they are written).
var benchRoot string

// TestMain runs the tests and benchmarks, then removes benchDirs' files (about 2 GB for the default
// 1 000 000 dossiers).
func TestMain(m *testing.M) {
	code := m.Run()
	if benchRoot != "" {
		os.RemoveAll(benchRoot)
	}
	os.Exit(code)
}

var benchDirs = sync.OnceValues(func() (dirs [2]string, err error) {
	root, err := os.MkdirTemp("", "chiso766-cli-bench-")
	if err != nil {
		return dirs, err
	}
	benchRoot = root // TestMain removes it when the tests and benchmarks are over
	p, err := sample.Generate(sample.Options{Seed: DefaultSeed, Year: DefaultYear, Dossiers: *benchDossiers})
	if err != nil {
		return dirs, err
	}
	dirs = [2]string{filepath.Join(root, "csv"), filepath.Join(root, "json")}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return dirs, err
		}
	}
	if err := sample.Export(p, dirs[0]); err != nil {
		return dirs, err
	}
	if err := os.Remove(filepath.Join(dirs[0], "steps.csv")); err != nil {
		return dirs, err
	}
	for _, name := range []string{"units.csv", "procedures.csv", "offerings.csv", "copies.csv", "petitions.csv", "ratings.csv"} {
		if err := os.Link(filepath.Join(dirs[0], name), filepath.Join(dirs[1], name)); err != nil {
			return dirs, err
		}
	}
	f, err := os.Create(filepath.Join(dirs[1], "dossiers.json"))
	if err != nil {
		return dirs, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := portal.NewEncoder(w, portal.Envelope{Service: "DongBoHoSoMC"})
	for d := range p.Dossiers() {
		d.Steps = nil // the CSV export writes steps to their own file, which the CSV run does not read either
		if err := enc.WriteDossier(&d); err != nil {
			return dirs, err
		}
	}
	if err := enc.Close(); err != nil {
		return dirs, err
	}
	if err := w.Flush(); err != nil {
		return dirs, err
	}
	return dirs, f.Close()
})

// BenchmarkCommandFile runs the whole command — `scorecard -data DIR -asof 2027-01-01 -format csv` —
// on the sample province of -cli.dossiers dossiers (default 1 000 000) from files, the dossiers as CSV
// and as a DongBoHoSoMC payload (no steps file; files generated once per process into a temporary
// directory, not committed; the first run spends about a minute writing them). It reports dossiers/s and
// MB/s of the dossier file, CPU/wall (user + system CPU of the process over wall time, on the
// GOMAXPROCS goroutines the command uses) and peak-MB: the most memory the Go runtime held from the OS
// during the run (runtime/metrics /memory/classes/total:bytes less heap/released:bytes, sampled every
// 2 ms, after a collection that returns what earlier iterations freed — the part of the process's RSS
// that the run causes).
// Run it with -benchtime 1x.
func BenchmarkCommandFile(b *testing.B) {
	dirs, err := benchDirs()
	if err != nil {
		b.Fatal(err)
	}
	for i, format := range []string{"csv", "json"} {
		b.Run(format, func(b *testing.B) {
			dir := dirs[i]
			st, err := os.Stat(filepath.Join(dir, "dossiers."+format))
			if err != nil {
				b.Fatal(err)
			}
			args := []string{"-data", dir, "-asof", "2027-01-01", "-format", "csv"}
			var peak uint64
			var cpu time.Duration
			b.ResetTimer()
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				debug.FreeOSMemory()
				stop := samplePeak(&peak)
				c0 := testkit.ProcessCPU()
				b.StartTimer()
				if code := run(args, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
				b.StopTimer()
				cpu += testkit.ProcessCPU() - c0
				stop()
				b.StartTimer()
			}
			sec := b.Elapsed().Seconds()
			b.ReportMetric(float64(*benchDossiers)*float64(b.N)/sec, "dossiers/s")
			b.ReportMetric(float64(st.Size())*float64(b.N)/sec/1e6, "MB/s")
			if cpu > 0 {
				b.ReportMetric(cpu.Seconds()/sec, "CPU/wall")
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}

// samplePeak samples the memory the Go runtime holds from the OS (mapped and not released) every 2 ms
// into *peak (the maximum) until stop is called.
func samplePeak(peak *uint64) (stop func()) {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	var done atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !done.Load() {
			metrics.Read(s)
			if v := s[0].Value.Uint64() - s[1].Value.Uint64(); v > *peak {
				*peak = v
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	return func() { done.Store(true); wg.Wait() }
}
