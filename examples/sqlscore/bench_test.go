package main

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/sqlio"
)

// benchEnv sets the number of dossiers of BenchmarkStream (default 1 000 000): the sample's first
// benchBase dossiers, copied server-side with new codes until the count is reached.
const (
	benchEnv  = "CHISO_BENCH_DOSSIERS"
	benchBase = 1000
)

// BenchmarkStream streams N dossiers with their steps (and supplements, fees, files, results) from
// PostgreSQL through model/sqlio into the scorecard, next to the same records read from CSV files by
// model/csvio (steps from their own file, merged by code) — same machine, same run. It reports dossiers/s
// and the peak live heap (runtime/metrics, sampled every 5 ms) of each path. The rows are generated in the
// database by the setup (INSERT … SELECT … generate_series), never committed as data.
//
//	./pgtest.sh go test -run '^$' -bench Stream -benchtime 1x -timeout 60m .
func BenchmarkStream(b *testing.B) {
	n := 1_000_000
	if s := os.Getenv(benchEnv); s != "" {
		v, err := strconv.Atoi(s)
		require.NoError(b, err)
		n = v
	}
	db := postgres(b)
	ctx := context.Background()
	start := time.Now()
	require.NoError(b, createSchema(ctx, db, dialectPG))
	p, err := sample.Generate(sample.Options{Seed: sampleSeed, Year: sampleYear, Dossiers: benchBase})
	require.NoError(b, err)
	require.NoError(b, loadSample(ctx, db, dialectPG, p))
	require.NoError(b, multiply(ctx, db, (n+benchBase-1)/benchBase))
	var count int
	require.NoError(b, db.QueryRow(`SELECT count(*) FROM "HoSo"`).Scan(&count))
	var steps int
	require.NoError(b, db.QueryRow(`SELECT count(*) FROM "QuaTrinhXuLy"`).Scan(&steps))
	b.Logf("generated %d dossiers, %d steps in PostgreSQL in %s", count, steps, time.Since(start).Round(time.Second))

	period := model.Year(sampleYear)
	cal := p.Calendar
	in, err := readInputs(ctx, db, dialectPG)
	require.NoError(b, err)
	newScorer := func() *scorecard.Scorer {
		s, err := scorecard.New(in, scorecard.Options{Period: period, AsOf: period.EndTime(), Calendar: cal, Edition: indicator.Portal()})
		require.NoError(b, err)
		return s
	}
	workers := runtime.GOMAXPROCS(0)
	var pgCard, csvCard []byte

	b.Run("postgres", func(b *testing.B) {
		var peak uint64
		b.ReportAllocs()
		for b.Loop() {
			stop := peakHeap(&peak)
			card, err := score(ctx, db, dialectPG, period, period.EndTime(), indicator.Portal(), workers, false)
			stop()
			require.NoError(b, err)
			require.EqualValues(b, count, card.Dossiers)
			pgCard = cardJSON(b, card)
		}
		b.ReportMetric(float64(count)*float64(b.N)/b.Elapsed().Seconds(), "dossiers/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	})

	// The same records as CSV files, written from the database once (not timed).
	dir := b.TempDir()
	dPath, sPath := filepath.Join(dir, "dossiers.csv"), filepath.Join(dir, "steps.csv")
	require.NoError(b, exportCSV(ctx, db, dPath, sPath))

	b.Run("csv", func(b *testing.B) {
		var peak uint64
		b.ReportAllocs()
		for b.Loop() {
			stop := peakHeap(&peak)
			df, err := os.Open(dPath)
			require.NoError(b, err)
			sf, err := os.Open(sPath)
			require.NoError(b, err)
			src := &dossierSource{seq: withSteps(csvio.DecodeDossiers(df), csvio.DecodeSteps(sf))}
			card, err := newScorer().RunParallel(src.all(), workers)
			stop()
			df.Close()
			sf.Close()
			require.NoError(b, err)
			require.NoError(b, src.err)
			require.EqualValues(b, count, card.Dossiers)
			csvCard = cardJSON(b, card)
		}
		b.ReportMetric(float64(count)*float64(b.N)/b.Elapsed().Seconds(), "dossiers/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	})
	if pgCard != nil && csvCard != nil {
		require.Equal(b, string(csvCard), string(pgCard), "the two paths give different cards")
	}
}

// multiply copies every dossier-side row k-1 times with the codes suffixed "-0001"… so that the database
// holds k times the sample's dossiers with their nested rows.
func multiply(ctx context.Context, db *sql.DB, k int) error {
	if k <= 1 {
		return nil
	}
	for _, t := range schema() {
		switch t.layout {
		case "dossiers", "steps", "supplements", "fees", "files", "results":
		default:
			continue
		}
		var cols, sel []string
		for _, c := range t.cols {
			cols = append(cols, fmt.Sprintf("%q", c.name))
			if c.name == "MaHoSo" {
				sel = append(sel, `"MaHoSo" || '-' || lpad(k::text, 4, '0')`)
			} else {
				sel = append(sel, fmt.Sprintf("%q", c.name))
			}
		}
		q := fmt.Sprintf(`INSERT INTO %q (%s) SELECT %s FROM %q, generate_series(1, %d) AS k`,
			t.name, strings.Join(cols, ", "), strings.Join(sel, ", "), t.name, k-1)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	_, err := db.ExecContext(ctx, "ANALYZE")
	return err
}

// exportCSV writes the database's dossiers (lists included) and steps as csvio files, in code order.
func exportCSV(ctx context.Context, db *sql.DB, dPath, sPath string) error {
	df, err := os.Create(dPath)
	if err != nil {
		return err
	}
	defer df.Close()
	sf, err := os.Create(sPath)
	if err != nil {
		return err
	}
	defer sf.Close()
	dw, sw := csvio.NewDossierWriter(df), csvio.NewStepWriter(sf)
	src := &dossierSource{seq: sqlio.QueryDossiers(ctx, db, dossierQueries(dialectPG))}
	for d := range src.all() {
		if err := dw.Write(&d); err != nil {
			return err
		}
		for i := range d.Steps {
			if err := sw.Write(&d.Steps[i]); err != nil {
				return err
			}
		}
	}
	if src.err != nil {
		return src.err
	}
	if err := dw.Flush(); err != nil {
		return err
	}
	return sw.Flush()
}

// withSteps attaches to each dossier the steps of its code from a steps stream in the same code order (the
// CSV path's counterpart of sqlio's merge, for files sorted like the database).
func withSteps(ds iter.Seq2[model.Dossier, error], ss iter.Seq2[model.Step, error]) iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		next, stop := iter.Pull2(ss)
		defer stop()
		s, serr, ok := next()
		for d, err := range ds {
			for ok && (serr != nil || s.DossierCode <= d.Code) {
				if serr != nil {
					yield(d, serr)
					return
				}
				if s.DossierCode == d.Code {
					d.Steps = append(d.Steps, s)
				}
				s, serr, ok = next()
			}
			if !yield(d, err) {
				return
			}
		}
	}
}

// peakHeap samples the live heap every 5 ms into *peak until the returned function is called.
func peakHeap(peak *uint64) func() {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			*peak = max(*peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
