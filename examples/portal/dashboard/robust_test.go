package dashboard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

func requireJSONError(t *testing.T, w *httptest.ResponseRecorder) map[string]string {
	t.Helper()
	require.True(t, strings.HasPrefix(w.Header().Get("Content-Type"), "application/json"),
		"Content-Type %q, body %q", w.Header().Get("Content-Type"), w.Body.String())
	var v map[string]string
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &v), w.Body.String())
	require.NotEmpty(t, v["error"], w.Body.String())
	return v
}

// TestErrorsAreJSON: the router's 404 and 405 (and the timeout's 503) were plain text although the doc
// promises JSON errors.
func TestErrorsAreJSON(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		method, target string
		status         int
		allow          string
	}{
		{"GET", "/api/nope", 404, ""},
		{"GET", "/api/units/ZZ", 404, ""},
		{"GET", "/api/", 404, ""},
		{"POST", "/api/scorecard", 405, "GET, HEAD"},
		{"DELETE", "/api/units/H99/explanations", 405, "GET, HEAD"},
		{"PUT", "/api/units/H99/whatif?points=1", 405, "GET, HEAD, POST"},
		{"POST", "/api/overview", 405, "GET, HEAD"},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			w := do(t, h, tc.method, tc.target, "", "")
			require.Equal(t, tc.status, w.Code, w.Body.String())
			requireJSONError(t, w)
			require.Equal(t, tc.allow, w.Header().Get("Allow"))
		})
	}
	t.Run("timeout", func(t *testing.T) {
		h, err := NewHandler(Config{Cards: slowCards, Default: model.Month(2026, 8), Timeout: 20 * time.Millisecond})
		require.NoError(t, err)
		w := do(t, h, "GET", "/api/scorecard", "", "")
		require.Equal(t, http.StatusServiceUnavailable, w.Code)
		requireJSONError(t, w)
	})
	t.Run("HTML routes answer HTML pages", func(t *testing.T) {
		for _, tc := range []struct {
			method, target string
			status         int
		}{{"GET", "/nope", 404}, {"POST", "/", 405}, {"GET", "/units/ZZ", 404}, {"GET", "/?period=2026-13", 400}, {"GET", "/?period=2031-01", 404}} {
			w := do(t, h, tc.method, tc.target, "", "")
			require.Equal(t, tc.status, w.Code, tc.target)
			require.Equal(t, "text/html; charset=utf-8", w.Header().Get("Content-Type"), tc.target)
			require.Contains(t, w.Body.String(), `<div class="card" id="error">`, tc.target)
			require.Contains(t, w.Body.String(), "Về trang tổng quan", tc.target)
		}
		hs, err := NewHandler(Config{Cards: slowCards, Default: model.Month(2026, 8), Timeout: 20 * time.Millisecond})
		require.NoError(t, err)
		w := do(t, hs, "GET", "/", "", "")
		require.Equal(t, http.StatusServiceUnavailable, w.Code)
		require.Equal(t, "text/html; charset=utf-8", w.Header().Get("Content-Type"))
		require.Contains(t, w.Body.String(), "503")
	})
	t.Run("success keeps its own type", func(t *testing.T) {
		w := do(t, h, "GET", "/", "", "")
		require.Equal(t, 200, w.Code)
		require.Equal(t, "text/html; charset=utf-8", w.Header().Get("Content-Type"))
	})
}

// TestSampleCardsHonoursContext: SampleCards computed the card to the end (sync.Once) and only then
// looked at the request's context, so a request that had given up kept waiting for 0.1–0.3 s.
func TestSampleCardsHonoursContext(t *testing.T) {
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 20000})
	require.NoError(t, err)
	cards := SampleCards(p, indicator.Portal())
	start := time.Now()
	full, err := cards(context.Background(), model.Month(2026, 3))
	require.NoError(t, err)
	require.NotNil(t, full)
	compute := time.Since(start)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err = cards(ctx, model.Month(2026, 4))
	waited := time.Since(start)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Less(t, waited, 5*time.Millisecond+compute/3, "waited %v for a 5 ms request (a card takes %v)", waited, compute)
}

// TestSampleSourceBounded: the cache kept one card per period forever; it now keeps at most MaxCards
// cards within MaxBytes, least recently used first out.
func TestSampleSourceBounded(t *testing.T) {
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 1000})
	require.NoError(t, err)
	ed := indicator.Portal()
	s, err := NewSampleSource(p, ed, CacheConfig{MaxCards: 3})
	require.NoError(t, err)
	ctx := context.Background()
	get := func(m time.Month) {
		t.Helper()
		c, err := s.Card(ctx, model.Month(2026, m))
		require.NoError(t, err)
		require.Equal(t, model.Month(2026, m).String(), c.Period.String())
	}
	for m := time.January; m <= time.August; m++ {
		get(m)
		st := s.Stats()
		require.LessOrEqual(t, st.Cards, 3)
		require.LessOrEqual(t, st.Bytes, int64(DefaultMaxCacheBytes))
	}
	st := s.Stats()
	require.Equal(t, CacheStats{Cards: 3, Bytes: st.Bytes, Computed: 8, Evicted: 5}, st)
	// LRU: June, July, August kept; touching June makes July the oldest.
	get(time.June)
	require.Equal(t, int64(8), s.Stats().Computed)
	get(time.September) // evicts July
	get(time.June)
	get(time.August)
	require.Equal(t, int64(9), s.Stats().Computed)
	get(time.July)
	require.Equal(t, int64(10), s.Stats().Computed)

	// The size bound: cards of "100 bytes" within 250 bytes → two kept; a card over the bound is served
	// but not kept.
	s, err = NewSampleSource(p, ed, CacheConfig{MaxBytes: 250, Size: func(*scorecard.Card) int64 { return 100 }})
	require.NoError(t, err)
	for m := time.January; m <= time.May; m++ {
		get(m)
	}
	require.Equal(t, 2, s.Stats().Cards)
	require.Equal(t, int64(200), s.Stats().Bytes)
	s, err = NewSampleSource(p, ed, CacheConfig{MaxBytes: 50, Size: func(*scorecard.Card) int64 { return 100 }})
	require.NoError(t, err)
	get(time.January)
	require.Equal(t, 0, s.Stats().Cards)

	// Keep: January stays, outside the bound of two cards.
	s, err = NewSampleSource(p, ed, CacheConfig{MaxCards: 2, Keep: []model.Period{model.Month(2026, 1)}})
	require.NoError(t, err)
	for m := time.January; m <= time.May; m++ {
		get(m)
	}
	get(time.January)
	st = s.Stats()
	require.Equal(t, CacheStats{Cards: 2, Bytes: st.Bytes, Computed: 5, Evicted: 2, Kept: 1}, st)

	_, err = NewSampleSource(p, ed, CacheConfig{MaxCards: -1})
	require.ErrorIs(t, err, ErrConfig)
	_, err = NewSampleSource(nil, ed, CacheConfig{})
	require.ErrorIs(t, err, ErrConfig)
	_, err = s.Card(ctx, model.Month(2025, 1))
	require.ErrorIs(t, err, ErrUnknownPeriod)
}

// TestCardCacheFlights: one computation per key shared by concurrent waiters; a waiter whose context
// ends leaves at once; when the last waiter leaves the computation's context is cancelled and nothing is
// cached; computations beyond MaxComputing wait for a slot under their waiters' contexts.
func TestCardCacheFlights(t *testing.T) {
	c := newCardCache(CacheConfig{MaxComputing: 1, Size: func(*scorecard.Card) int64 { return 1 }})
	release := make(chan struct{})
	var calls atomic.Int32
	card := &scorecard.Card{Edition: "x"}
	blocking := func(ctx context.Context) (*scorecard.Card, error) {
		calls.Add(1)
		select {
		case <-release:
			return card, nil
		case <-ctx.Done():
			return nil, context.Cause(ctx)
		}
	}
	// Shared: 10 waiters, one computation; one of them gives up early.
	var wg sync.WaitGroup
	results := make([]*scorecard.Card, 10)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _ = c.get(context.Background(), "k", blocking)
		}()
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { _, err := c.get(ctx, "k", blocking); done <- err }()
	require.Eventually(t, func() bool { return c.stats().Computing == 1 && calls.Load() == 1 }, time.Second, time.Millisecond)
	cancel()
	select {
	case err := <-done:
		require.ErrorIs(t, err, context.Canceled)
	case <-time.After(time.Second):
		t.Fatal("a cancelled waiter kept waiting")
	}
	close(release)
	wg.Wait()
	for _, r := range results {
		require.Same(t, card, r)
	}
	require.Equal(t, int32(1), calls.Load())
	require.Equal(t, 1, c.stats().Cards)

	// Abandoned: the only waiter leaves, the computation is cancelled, nothing cached.
	stopped := make(chan error, 1)
	watch := func(ctx context.Context) (*scorecard.Card, error) {
		<-ctx.Done()
		stopped <- context.Cause(ctx)
		return nil, ctx.Err()
	}
	ctx, cancel = context.WithTimeout(context.Background(), 10*time.Millisecond)
	_, err := c.get(ctx, "gone", watch)
	cancel()
	require.ErrorIs(t, err, context.DeadlineExceeded)
	select {
	case err := <-stopped:
		require.ErrorIs(t, err, errAbandoned)
	case <-time.After(time.Second):
		t.Fatal("the abandoned computation was not cancelled")
	}
	require.Eventually(t, func() bool { return c.stats().Computed == 2 }, time.Second, time.Millisecond)
	require.Equal(t, 1, c.stats().Cards)

	// Slots: MaxComputing 1 is held by "slow"; "next" waits for the slot and its waiter may leave.
	hold := make(chan struct{})
	go c.get(context.Background(), "slow", func(ctx context.Context) (*scorecard.Card, error) {
		<-hold
		return card, nil
	})
	require.Eventually(t, func() bool { return len(c.slots) == 1 }, time.Second, time.Millisecond)
	ctx, cancel = context.WithTimeout(context.Background(), 10*time.Millisecond)
	var ran atomic.Bool
	_, err = c.get(ctx, "next", func(context.Context) (*scorecard.Card, error) { ran.Store(true); return card, nil })
	cancel()
	require.ErrorIs(t, err, context.DeadlineExceeded)
	close(hold)
	require.Eventually(t, func() bool { return c.stats().Cards == 2 }, time.Second, time.Millisecond)
	require.False(t, ran.Load(), "a computation nobody waits for ran")
}

func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	require.NoError(t, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestWhatIfCancelStopsCPU: the what-if search ignored the request's context: 40 clients that gave up
// after 50 ms left 5.1 s of CPU burning. Requests given up after 2 ms must leave (almost) nothing
// running.
func TestWhatIfCancelStopsCPU(t *testing.T) {
	h := newTestHandler(t)
	// A tally with every metric in use (the province's own pooled counts): the costly kind of plan.
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 3000})
	require.NoError(t, err)
	c, err := SampleCards(p, indicator.Portal())(context.Background(), model.Month(2026, 8))
	require.NoError(t, err)
	b, err := json.Marshal(c.Tree.Pooled("H99"))
	require.NoError(t, err)
	body := string(b)
	target := "/api/units/H99/whatif?points=1"
	// The cost of one full plan.
	c0, t0 := cpuTime(t), time.Now()
	w := do(t, h, "POST", target, "application/json", body)
	require.Equal(t, 200, w.Code, w.Body.String())
	plan, wall := cpuTime(t)-c0, time.Since(t0)
	t.Logf("one plan: %v CPU, %v wall", plan, wall)
	const n = 8
	for range n {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Millisecond)
		req := httptest.NewRequest("POST", target, strings.NewReader(body)).WithContext(ctx)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		cancel()
		// 503: the request ended; 429: the slots are still held by earlier given-up plans finishing their
		// current metric.
		require.Contains(t, []int{http.StatusServiceUnavailable, http.StatusTooManyRequests}, rec.Code)
	}
	// Whatever still runs now burns CPU the clients will never see.
	c1 := cpuTime(t)
	time.Sleep(time.Second)
	left := cpuTime(t) - c1
	t.Logf("CPU after %d given-up requests: %v", n, left)
	// Each given-up plan may finish the metric it was in (~1/20 of a plan); the old code ran all n plans
	// to the end (n × plan of CPU, as much as the machine gives in the window).
	require.Less(t, left, max(20*time.Millisecond, plan/2), "given-up plans kept running (%v CPU; one plan %v)", left, plan)
}

// TestWhatIfConcurrencyLimit: plans beyond Config.MaxPlans are refused with 429 and Retry-After at once.
func TestWhatIfConcurrencyLimit(t *testing.T) {
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 1000})
	require.NoError(t, err)
	ed := indicator.Portal()
	hd, hh, err := newHandler(Config{Cards: SampleCards(p, ed), Default: model.Month(2026, 8), MaxPlans: 2})
	require.NoError(t, err)
	hd.plans <- struct{}{}
	hd.plans <- struct{}{}
	w := do(t, hh, "GET", "/api/units/H99/whatif?points=1", "", "")
	require.Equal(t, http.StatusTooManyRequests, w.Code, w.Body.String())
	require.Equal(t, "1", w.Header().Get("Retry-After"))
	requireJSONError(t, w)
	<-hd.plans
	w = do(t, hh, "GET", "/api/units/H99/whatif?points=1", "", "")
	require.Equal(t, 200, w.Code, w.Body.String())
	require.Len(t, hd.plans, 1, "the slot is given back")

	// With the default limit (GOMAXPROCS), 3×GOMAXPROCS+2 simultaneous plans cannot all run.
	h := newTestHandler(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[int]int{}
	// Many records to fix in many metrics: each plan searches long enough for the requests to overlap.
	body := `{"2.1":{"num":1,"den":900000000},"3.3":{"num":1,"den":900000000},"3.6":{"num":1,"den":900000000},` +
		`"4.1":{"num":1,"den":900000000},"4.2":{"num":1,"den":900000000},"4.3":{"num":1,"den":900000000},` +
		`"4.5":{"num":1,"den":900000000},"4.6b":{"num":1,"den":900000000},"extra":{"completed":900000000}}`
	for range 3*cap(hd.plans) + 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := do(t, h, "POST", "/api/units/H99/whatif?points=1", "application/json", body)
			mu.Lock()
			codes[w.Code]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	require.Positive(t, codes[http.StatusTooManyRequests], "codes %v", codes)
	require.Positive(t, codes[200], "codes %v", codes)
	require.Equal(t, 3*cap(hd.plans)+2, codes[200]+codes[429], "codes %v", codes)

	_, err = NewHandler(Config{Cards: SampleCards(p, ed), Default: model.Month(2026, 8), MaxPlans: -1})
	require.ErrorIs(t, err, ErrConfig)
	_, err = NewHandler(Config{Cards: SampleCards(p, ed), Default: model.Month(2026, 8), PlanLimit: DefaultPlanLimit + 1})
	require.ErrorIs(t, err, ErrConfig)
}

// TestWhatIfBounds: a target above the maximum would make every metric search to its limit for an
// answer known in advance: 400 naming the field. Bodies with counts out of the library's range: 400
// naming the key.
func TestWhatIfBounds(t *testing.T) {
	h := newTestHandler(t)
	w := do(t, h, "GET", "/api/units/H99/whatif?points=100", "", "")
	require.Equal(t, 400, w.Code, w.Body.String())
	require.Equal(t, "points", requireJSONError(t, w)["field"])
	w = do(t, h, "POST", "/api/units/H99/whatif?points=100", "application/json", `{"2.1":{"num":9,"den":10}}`)
	require.Equal(t, 400, w.Code, w.Body.String())
	require.Equal(t, "points", requireJSONError(t, w)["field"])
	for body, field := range map[string]string{
		`{"2.2":{"num":0,"den":144115188075855872},"extra":{"processingSeconds":1}}`: "2.2.den",
		`{"2.1":{"num":9223372036854775807,"den":9223372036854775807}}`:              "2.1.num",
		`{"2.1":{"num":1,"den":10},"2.1":{"num":9,"den":10}}`:                        "2.1",
	} {
		w := do(t, h, "POST", "/api/units/H99/whatif?points=1", "application/json", body)
		require.Equal(t, 400, w.Code, "%s: %s", body, w.Body.String())
		require.Equal(t, field, requireJSONError(t, w)["field"], body)
	}
}

// TestWhatIfPlanIsTheLibrarys: the handler's metric-by-metric plan is scorecard's PlanGain answer.
func TestWhatIfPlanIsTheLibrarys(t *testing.T) {
	h := newTestHandler(t)
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 3000})
	require.NoError(t, err)
	ed := indicator.Portal()
	c, err := SampleCards(p, ed)(context.Background(), model.Month(2026, 8))
	require.NoError(t, err)
	for _, unit := range []string{"H99", "H99.01", "H99.101"} {
		for _, pts := range []int{1, 3} {
			want, err := c.PlanGain(ed, unit, decimal.NewFromInt(int64(pts)), scorecard.PlanOptions{})
			require.NoError(t, err)
			wb, err := json.Marshal(want)
			require.NoError(t, err)
			w := do(t, h, "GET", fmt.Sprintf("/api/units/%s/whatif?points=%d", unit, pts), "", "")
			require.Equal(t, 200, w.Code, w.Body.String())
			require.JSONEq(t, string(wb), w.Body.String())
		}
	}
}

// TestRecoverJSON: a panic below the handler is a JSON 500, not a dropped connection.
func TestRecoverJSON(t *testing.T) {
	boom := func(context.Context, model.Period) (*scorecard.Card, error) { panic("boom") }
	h, err := NewHandler(Config{Cards: boom, Default: model.Month(2026, 8)})
	require.NoError(t, err)
	w := do(t, h, "GET", "/api/scorecard", "", "")
	require.Equal(t, 500, w.Code)
	requireJSONError(t, w)
	require.False(t, errors.Is(err, ErrConfig))
}

// TestCardCachePanic: a computation runs in its own goroutine, where a panic would end the server; it is
// an error of its waiters instead, and nothing is cached.
func TestCardCachePanic(t *testing.T) {
	c := newCardCache(CacheConfig{})
	_, err := c.get(context.Background(), "k", func(context.Context) (*scorecard.Card, error) { panic("boom") })
	require.ErrorIs(t, err, ErrComputePanic)
	require.Equal(t, 0, c.stats().Cards)
	require.Empty(t, c.slots, "the slot is given back")
}

// TestNilCard: a CardFunc answering (nil, nil) is a JSON 500, not a nil dereference.
func TestNilCard(t *testing.T) {
	h, err := NewHandler(Config{Default: model.Month(2026, 8),
		Cards: func(context.Context, model.Period) (*scorecard.Card, error) { return nil, nil }})
	require.NoError(t, err)
	for _, target := range []string{"/api/scorecard", "/api/units/H99/explanations", "/api/units/H99/whatif?points=1", "/api/overview"} {
		w := do(t, h, "GET", target, "", "")
		require.Equal(t, 500, w.Code, target)
		require.Contains(t, requireJSONError(t, w)["error"], "no card for 2026-08", target)
	}
	for _, target := range []string{"/", "/units/H99", "/trend"} {
		w := do(t, h, "GET", target, "", "")
		require.Equal(t, 500, w.Code, target)
		require.Contains(t, w.Body.String(), "no card for 2026-08", target)
	}
}

// slowCards computes no card until the request's context ends.
func slowCards(ctx context.Context, _ model.Period) (*scorecard.Card, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}
