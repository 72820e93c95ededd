package dashboard

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Bounds of TestLoad.
const (
	loadCheap   = 1200 // requests to the cheap endpoints
	loadPeriods = 300  // distinct periods requested (one card computed each)
	loadWorkers = 4    // concurrent clients
	// loadDeadline stops the whole test, both phases, whatever happens. On a quiet 2-core machine it
	// takes ~5–10 s (a card costs ~20 ms of CPU, mostly fixed costs independent of the 1 000 dossiers);
	// the margin is for a shared machine, where the 300 cards alone took over 15 s with a load average of
	// 10 on 2 cores.
	loadDeadline = 45 * time.Second
	// loadP99 bounds the p99 latency of the cheap endpoints. They cost 0.2–4 ms each (p99 ~30 ms on a
	// quiet 2-core machine with 4 clients); the bound leaves room for a shared, loaded test machine (p99
	// up to ~0.8 s measured with a load average of 10 on 2 cores). That they compute nothing is asserted
	// exactly, through the cache's counters.
	loadP99 = time.Second
	// loadHeap bounds the heap growth after loadPeriods distinct periods: the cache's bound
	// (DefaultMaxCacheBytes, estimated) plus 8 MiB of slack. Without a bound, the cards alone took
	// ~350 KB each, 100 MB for 300 periods.
	loadHeap = DefaultMaxCacheBytes + 8<<20
)

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestLoad serves the dashboard on a loopback httptest server (127.0.0.1, an ephemeral port) and sends
// at most loadCheap+loadPeriods+2 requests from loadWorkers clients, all under one loadDeadline context,
// so that it stops by itself. It asserts the p99 latency of the cheap endpoints (JSON card, explanations
// and page of an already computed period) under loadP99, and that the heap after loadPeriods distinct
// `YYYY-MM-DD..YYYY-MM-DD` periods grows by less than loadHeap thanks to the card cache's bounds (and
// that the flood evicted none of the page's kept cards). Skipped under -short.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: skipped under -short")
	}
	if raceEnabled {
		t.Skip("load test: latency bounds do not hold under the race detector (the plain go test ./... runs it)")
	}
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 1000})
	require.NoError(t, err)
	ed := indicator.Portal()
	var trend []model.Period
	for m := time.January; m <= time.December; m++ {
		trend = append(trend, model.Month(2026, m))
	}
	src, err := NewSampleSource(p, ed, CacheConfig{Keep: trend}) // as examples/portal does
	require.NoError(t, err)
	h, err := NewHandler(Config{Cards: src.Card, Edition: &ed, Default: model.Month(2026, 8), Trend: trend, Root: sample.RootID})
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := httptest.NewUnstartedServer(h)
	srv.Listener = ln
	srv.Start()
	defer srv.Close()
	client := srv.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = loadWorkers
	ctx, cancel := context.WithTimeout(context.Background(), loadDeadline)
	defer cancel()

	get := func(path string) (time.Duration, error) {
		req, err := http.NewRequestWithContext(ctx, "GET", srv.URL+path, nil)
		if err != nil {
			return 0, err
		}
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return 0, err
		}
		if resp.StatusCode != 200 {
			return 0, fmt.Errorf("GET %s: %s", path, resp.Status)
		}
		return time.Since(start), nil
	}
	// run sends the paths from loadWorkers clients and returns the latencies, stopping at the first error.
	run := func(paths []string) []time.Duration {
		t.Helper()
		jobs := make(chan string)
		var mu sync.Mutex
		var lat []time.Duration
		var first error
		var wg sync.WaitGroup
		for range loadWorkers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for path := range jobs {
					d, err := get(path)
					mu.Lock()
					if err != nil && first == nil {
						first = err
					}
					lat = append(lat, d)
					mu.Unlock()
				}
			}()
		}
	feed:
		for _, path := range paths {
			mu.Lock()
			stop := first != nil
			mu.Unlock()
			if stop {
				break
			}
			select {
			case jobs <- path:
			case <-ctx.Done():
				break feed
			}
		}
		close(jobs)
		wg.Wait()
		require.NoError(t, first)
		require.NoError(t, ctx.Err(), "the load test ran over %v", loadDeadline)
		return lat
	}

	// Phase 1: the cheap endpoints of an already computed period (the overview's two cards and the
	// trend's twelve are warmed first).
	for _, path := range []string{"/?period=2026-08", "/trend?period=2026-08", "/api/units/H99/whatif?points=1"} {
		_, err := get(path)
		require.NoError(t, err)
	}
	cheap := []string{"/api/scorecard?period=2026-08", "/api/units/H99/explanations?period=2026-08",
		"/api/units/H99.01/explanations?period=2026-08", "/api/scorecard?period=2026-03", "/?period=2026-08",
		"/api/overview?period=2026-08", "/trend?period=2026-08"}
	computed := src.Stats().Computed
	var paths []string
	for i := range loadCheap {
		paths = append(paths, cheap[i%len(cheap)])
	}
	lat := run(paths)
	require.Len(t, lat, loadCheap)
	slices.Sort(lat)
	p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
	t.Logf("cheap endpoints: %d requests, p50 %v, p99 %v, max %v", len(lat), p50, p99, lat[len(lat)-1])
	require.Less(t, p99, loadP99)
	require.Equal(t, computed, src.Stats().Computed, "a cheap request computed a card")

	// Phase 2: distinct periods 2026-01-01..2026-01-01+k days, each computing a card.
	base := heapInUse()
	paths = paths[:0]
	start := model.Month(2026, 1).Start
	for k := range loadPeriods {
		end := start.AddDate(0, 0, k+1)
		paths = append(paths, fmt.Sprintf("/api/scorecard?period=%s..%s", start.Format("2006-01-02"), end.Format("2006-01-02")))
	}
	began := time.Now()
	lat = run(paths)
	require.Len(t, lat, loadPeriods)
	after := heapInUse()
	st := src.Stats()
	t.Logf("%d distinct periods in %v: heap %d → %d KiB; cache %+v", loadPeriods, time.Since(began), base>>10, after>>10, st)
	require.LessOrEqual(t, st.Cards, DefaultMaxCards)
	require.LessOrEqual(t, st.Bytes, int64(DefaultMaxCacheBytes))
	require.Less(t, int64(after)-int64(base), int64(loadHeap), "heap grew by %d KiB", (int64(after)-int64(base))>>10)
	// The flood evicted none of the page's cards: the page still computes nothing.
	computed = src.Stats().Computed
	for _, path := range []string{"/?period=2026-08", "/trend?period=2026-08"} {
		_, err = get(path)
		require.NoError(t, err)
	}
	require.Equal(t, computed, src.Stats().Computed, "the pages recomputed cards after the flood")
}
