package dashboard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

var (
	testOnce    sync.Once
	testHandler http.Handler
	testUnits   int
	testErr     error
)

// newTestHandler builds one handler over a small sample (3 000 dossiers) shared by the tests.
func newTestHandler(t testing.TB) http.Handler {
	t.Helper()
	testOnce.Do(func() {
		p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 3000})
		if err != nil {
			testErr = err
			return
		}
		testUnits = len(p.Units)
		ed := indicator.Portal()
		var trend []model.Period
		for m := time.January; m <= time.December; m++ {
			trend = append(trend, model.Month(2026, m))
		}
		src, err := NewSampleSource(p, ed, CacheConfig{})
		if err != nil {
			testErr = err
			return
		}
		testHandler, testErr = NewHandler(Config{Cards: src.Card, Records: src.Records, Edition: &ed, Sample: true,
			Default: model.Month(2026, 8), Trend: trend, Root: sample.RootID, MaxBodyBytes: 4096})
	})
	require.NoError(t, testErr)
	return testHandler
}

func do(t testing.TB, h http.Handler, method, target, ctype, body string) *httptest.ResponseRecorder {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func TestEndpoints(t *testing.T) {
	h := newTestHandler(t)
	tally := `{"2.1":{"num":9,"den":10},"extra":{"completed":10}}`
	tests := []struct {
		name, method, target, ctype, body string
		status                            int
		wantCT                            string
	}{
		{"card", "GET", "/api/scorecard?period=2026-08", "", "", 200, "application/json"},
		{"card default period", "GET", "/api/scorecard", "", "", 200, "application/json"},
		{"bad period", "GET", "/api/scorecard?period=2026-13", "", "", 400, "application/json"},
		{"period outside the sample", "GET", "/api/scorecard?period=2025-08", "", "", 404, "application/json"},
		{"card wrong method", "POST", "/api/scorecard", "", "", 405, ""},
		{"explanations", "GET", "/api/units/H99/explanations?period=2026-08", "", "", 200, "application/json"},
		{"explanations unknown unit", "GET", "/api/units/NOPE/explanations", "", "", 404, "application/json"},
		{"explanations bad period", "GET", "/api/units/H99/explanations?period=x", "", "", 400, "application/json"},
		{"explanations wrong method", "DELETE", "/api/units/H99/explanations", "", "", 405, ""},
		{"whatif get", "GET", "/api/units/H99/whatif?points=2", "", "", 200, "application/json"},
		{"whatif unknown unit", "GET", "/api/units/NOPE/whatif?points=2", "", "", 404, "application/json"},
		{"whatif no points", "GET", "/api/units/H99/whatif", "", "", 400, "application/json"},
		{"whatif bad points", "GET", "/api/units/H99/whatif?points=abc", "", "", 400, "application/json"},
		{"whatif too many points", "GET", "/api/units/H99/whatif?points=1000", "", "", 400, "application/json"},
		{"whatif post", "POST", "/api/units/H99/whatif?points=1", "application/json", tally, 200, "application/json"},
		{"whatif post unknown unit", "POST", "/api/units/NOPE/whatif?points=1", "application/json", tally, 404, "application/json"},
		{"whatif post bad json", "POST", "/api/units/H99/whatif?points=1", "application/json", "{", 400, "application/json"},
		{"whatif post bad type", "POST", "/api/units/H99/whatif?points=1", "text/plain", tally, 415, "application/json"},
		{"whatif post oversize", "POST", "/api/units/H99/whatif?points=1", "application/json",
			`{"2.1":{"num":9,"den":10}` + strings.Repeat(" ", 5000) + `}`, 413, "application/json"},
		{"whatif wrong method", "PUT", "/api/units/H99/whatif?points=1", "", "", 405, ""},
		{"page", "GET", "/", "", "", 200, "text/html; charset=utf-8"},
		{"page bad period", "GET", "/?period=bad", "", "", 400, "text/html"},
		{"overview", "GET", "/api/overview?period=2026-08", "", "", 200, "application/json"},
		{"overview bad sort", "GET", "/api/overview?sort=nope", "", "", 400, "application/json"},
		{"overview bad level", "GET", "/api/overview?level=nope", "", "", 404, "application/json"},
		{"unit", "GET", "/api/units/H99.01", "", "", 200, "application/json"},
		{"unit unknown", "GET", "/api/units/ZZ", "", "", 404, "application/json"},
		{"unit page unknown", "GET", "/units/ZZ", "", "", 404, "text/html"},
		{"unit page bad target", "GET", "/units/H99.01?target=abc", "", "", 400, "text/html"},
		{"unit page bad mode", "GET", "/units/H99.01?mode=x", "", "", 400, "text/html"},
		{"trend", "GET", "/api/trend", "", "", 200, "application/json"},
		{"trend page", "GET", "/trend?lang=en", "", "", 200, "text/html"},
		{"records", "GET", "/api/units/H99.01/records?metric=2.1", "", "", 200, "application/json"},
		{"records bad metric", "GET", "/api/units/H99.01/records?metric=9.9", "", "", 400, "application/json"},
		{"records page", "GET", "/units/H99.01/records", "", "", 200, "text/html"},
		{"records page beyond", "GET", "/units/H99.01/records?page=999", "", "", 404, "text/html"},
		{"records csv", "GET", "/units/H99.01/records.csv", "", "", 200, "text/csv"},
		{"page wrong method", "POST", "/", "", "", 405, ""},
		{"unknown path", "GET", "/nope", "", "", 404, "text/html"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := do(t, h, tc.method, tc.target, tc.ctype, tc.body)
			require.Equal(t, tc.status, w.Code, w.Body.String())
			if tc.wantCT != "" {
				require.True(t, strings.HasPrefix(w.Header().Get("Content-Type"), tc.wantCT), w.Header().Get("Content-Type"))
			}
			if tc.status == 200 && strings.HasPrefix(tc.wantCT, "application/json") {
				require.True(t, json.Valid(w.Body.Bytes()))
			}
		})
	}
}

func TestCardJSON(t *testing.T) {
	h := newTestHandler(t)
	w := do(t, h, "GET", "/api/scorecard?period=2026-08", "", "")
	require.Equal(t, 200, w.Code)
	var v map[string]any
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &v))
	require.NotEmpty(t, v)
	require.Contains(t, w.Body.String(), `"H99"`)
}

func TestWhatIfPlan(t *testing.T) {
	h := newTestHandler(t)
	w := do(t, h, "GET", "/api/units/H99/whatif?points=1", "", "")
	require.Equal(t, 200, w.Code, w.Body.String())
	var plan struct {
		Total, Target string
		Metrics       []json.RawMessage
	}
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &plan))
	require.NotEmpty(t, plan.Metrics)
}

func count(re, s string) int { return len(regexp.MustCompile(re).FindAllStringIndex(s, -1)) }

func TestPageSVG(t *testing.T) {
	h := newTestHandler(t)
	w := do(t, h, "GET", "/?period=2026-08", "", "")
	require.Equal(t, 200, w.Code)
	body := w.Body.String()
	require.Equal(t, testUnits-1, count(`<tr data-unit=`, body), "one ranking row per unit below the root")
	require.Equal(t, 2, count(`<table class="ranking"`, body), "departments and communes ranked apart")
	require.Equal(t, indicator.NumGroups, count(`<text [^>]*class="val"`, body[strings.Index(body, `id="radar"`):]), "every group's value printed on the radar")
	require.Contains(t, body, "Xếp hạng")
	w = do(t, h, "GET", "/trend?period=2026-08", "", "")
	require.Equal(t, 200, w.Code)
	trend := w.Body.String()
	require.Equal(t, 12*(1+indicator.NumGroups), count(`<circle `, trend), "one point per month, total and groups")
	require.Equal(t, 12*(1+indicator.NumGroups), count(`class="val"`, trend), "every point's value printed")
	require.Contains(t, trend, "<polyline")
	for _, page := range []string{body, trend} {
		for _, bad := range []string{"<script", "http://fonts", "https://", "<link"} {
			require.NotContains(t, page, bad)
		}
	}
}

func TestPageEscapes(t *testing.T) {
	// A unit name with markup must come out escaped.
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 200})
	require.NoError(t, err)
	p.Units[1].Name = `<script>alert(1)</script>`
	ed := indicator.Portal()
	h, err := NewHandler(Config{Cards: SampleCards(p, ed), Default: model.Month(2026, 8)})
	require.NoError(t, err)
	w := do(t, h, "GET", "/", "", "")
	require.Equal(t, 200, w.Code)
	require.NotContains(t, w.Body.String(), "<script>")
	require.Contains(t, w.Body.String(), "&lt;script&gt;")
}

func TestNewHandlerErrors(t *testing.T) {
	cards := CardFunc(func(context.Context, model.Period) (*scorecard.Card, error) { return nil, nil })
	tests := []struct {
		name  string
		cfg   Config
		field string
	}{
		{"no cards", Config{Default: model.Month(2026, 8)}, "Cards"},
		{"no period", Config{Cards: cards}, "Default"},
		{"negative body", Config{Cards: cards, Default: model.Month(2026, 8), MaxBodyBytes: -1}, "MaxBodyBytes"},
		{"negative timeout", Config{Cards: cards, Default: model.Month(2026, 8), Timeout: -1}, "Timeout"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewHandler(tc.cfg)
			require.ErrorIs(t, err, ErrConfig)
			var ce *ConfigError
			require.True(t, errors.As(err, &ce))
			require.Equal(t, tc.field, ce.Field)
		})
	}
}

func TestCardError(t *testing.T) {
	h, err := NewHandler(Config{Default: model.Month(2026, 8),
		Cards: func(context.Context, model.Period) (*scorecard.Card, error) { return nil, fmt.Errorf("boom") }})
	require.NoError(t, err)
	w := do(t, h, "GET", "/api/scorecard", "", "")
	require.Equal(t, 500, w.Code)
}

// FuzzWhatIfBody posts arbitrary what-if bodies, seeded with counts at and near the int64 limits (2.2's
// Den = 2^57 used to panic in the library's scoring, 2^50 gave a wrong average; MaxInt64 sums wrapped):
// the handler must never panic or answer 5xx, every answer is JSON, a body that is not a valid tally
// gets 400 (or 413 when oversized), and a plan's scores lie within [0, max].
func FuzzWhatIfBody(f *testing.F) {
	f.Add(`{"2.1":{"num":9,"den":10},"extra":{"completed":10}}`)
	f.Add(`{`)
	f.Add(`{"2.1":{"num":3,"den":2}}`)
	f.Add(`[]`)
	f.Add(`{} {}`)
	f.Add(`{}}`)
	f.Add(`{"2.2":{"num":0,"den":144115188075855872},"extra":{"processingSeconds":1}}`)
	f.Add(`{"2.2":{"num":0,"den":1125899906842624},"extra":{"processingSeconds":8190}}`)
	f.Add(`{"2.1":{"num":9223372036854775807,"den":9223372036854775807}}`)
	f.Add(`{"2.1":{"num":9223372036854775806,"den":9223372036854775807},"extra":{"overdue":1,"completed":9223372036854775807}}`)
	f.Add(`{"2.1":{"num":9007199254740992,"den":9007199254740992}}`)
	f.Add(`{"2.1":{"num":9007199254740991,"den":9007199254740991}}`)
	f.Add(`{"2.1":{"num":1,"den":9007199254740991}}`)
	f.Add(`{"3.1":{"num":0,"den":9223372036854775807},"extra":{"partialOnline":9223372036854775807,"fullOnline":9223372036854775807}}`)
	f.Add(`{"3.1":{"num":1,"den":4294967296},"extra":{"fullOnline":1,"fullOnlineEligible":9007199254740991}}`)
	f.Add(`{"5.0":{"num":9223372036854775807,"den":9223372036854775807},"extra":{"petitionsStaff":9223372036854775807}}`)
	f.Add(`{"3.4":{"num":4611686018427387904,"den":9223372036854775807},"3.6":{"num":1,"den":9223372036854775807}}`)
	f.Add(`{"1.1":{"num":-9223372036854775808,"den":1}}`)
	f.Add(`{"1.1":{"num":1,"den":9223372036854775808}}`)
	f.Add(`{"3.3":{"num":4503599627370496,"den":9007199254740991},"extra":{"onlineReceived":9007199254740991,"lateOnlineReceptions":9007199254740991}}`)
	f.Add(`{"1.4":{"num":1,"den":2},"extra":{"syncReportDen":9223372036854775807}}`)
	h := newTestHandler(f)
	f.Fuzz(func(t *testing.T, body string) {
		w := do(t, h, "POST", "/api/units/H99/whatif?points=1", "application/json", body)
		require.True(t, json.Valid(w.Body.Bytes()), "status %d body %q", w.Code, w.Body.String())
		var valid indicator.Tally
		bad := json.Unmarshal([]byte(body), &valid) != nil
		switch {
		case w.Code == 413:
			require.Greater(t, len(body), 4096)
		case bad:
			require.Equal(t, 400, w.Code, "invalid body %q: %s", body, w.Body.String())
		case w.Code == 200:
			var plan struct {
				Total   decimal.Decimal
				Metrics []scorecard.MetricPlan
			}
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &plan))
			for _, m := range plan.Metrics {
				require.False(t, m.Score.IsNegative() || m.Score.GreaterThan(m.Max), "%s: score %s of %s", m.Metric, m.Score, m.Max)
				require.False(t, m.Gain.IsNegative(), "%s: gain %s", m.Metric, m.Gain)
			}
			require.False(t, plan.Total.IsNegative() || plan.Total.GreaterThan(decimal.NewFromInt(100)), "total %s", plan.Total)
		case w.Code == 400:
		default:
			t.Fatalf("status %d for %q: %s", w.Code, body, w.Body.String())
		}
		if w.Code != 200 {
			var e map[string]string
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e))
			require.NotEmpty(t, e["error"])
		}
	})
}

func BenchmarkPage(b *testing.B) {
	h := newTestHandler(b)
	do(b, h, "GET", "/", "", "") // warm the cache
	b.ReportAllocs()
	for b.Loop() {
		if w := do(b, h, "GET", "/", "", ""); w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

func TestTimeout(t *testing.T) {
	slow := func(ctx context.Context, _ model.Period) (*scorecard.Card, error) {
		<-ctx.Done() // a card that never arrives: the handler's context is cancelled by the timeout
		return nil, ctx.Err()
	}
	h, err := NewHandler(Config{Cards: slow, Default: model.Month(2026, 8), Timeout: 20 * time.Millisecond})
	require.NoError(t, err)
	w := do(t, h, "GET", "/api/scorecard", "", "")
	require.Equal(t, http.StatusServiceUnavailable, w.Code)
}
