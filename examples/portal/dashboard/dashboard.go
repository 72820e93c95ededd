package dashboard

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

// Defaults of Config.
const (
	// DefaultMaxBodyBytes bounds a what-if POST body when Config.MaxBodyBytes is 0.
	DefaultMaxBodyBytes = 64 << 10
	// DefaultTimeout bounds one request's handling when Config.Timeout is 0.
	DefaultTimeout = 30 * time.Second
	// MaxPoints bounds the points parameter of the what-if endpoint.
	MaxPoints = 100
	// DefaultPlanLimit is Config.PlanLimit's default: scorecard.DefaultPlanLimit (2^32 records per
	// metric), so that a plan is the library's PlanGain answer; a metric then costs at most 2·32+3 calls of
	// Edition.Score.
	DefaultPlanLimit = scorecard.DefaultPlanLimit
	// RetryAfter is the Retry-After (seconds) of a 429 answer.
	RetryAfter = 1
)

// CardFunc returns the scorecard of one period. It must be safe for concurrent use and should honour
// ctx. An error wrapping ErrUnknownPeriod is served as 404; any other error as 500.
type CardFunc func(ctx context.Context, p model.Period) (*scorecard.Card, error)

// ErrUnknownPeriod is returned by a CardFunc for a period it has no data for.
var ErrUnknownPeriod = errors.New("dashboard: no data for the period")

// ErrConfig is matched (errors.Is) by every error of NewHandler.
var ErrConfig = errors.New("dashboard: invalid config")

// Config configures NewHandler.
type Config struct {
	// Cards provides the card of a period (required).
	Cards CardFunc
	// Edition scores the what-if plans (zero: indicator.Portal()).
	Edition *indicator.Edition
	// Default is the period served when a request names none (required).
	Default model.Period
	// Trend lists the periods of the province-total trend chart, oldest first (may be empty).
	Trend []model.Period
	// Root is the unit whose total the trend chart draws ("": the first unit of the card).
	Root string
	// MaxBodyBytes bounds a POST body (0: DefaultMaxBodyBytes); larger bodies get 413.
	MaxBodyBytes int64
	// Timeout bounds one request through http.TimeoutHandler (0: DefaultTimeout); over it, 503.
	Timeout time.Duration
	// MaxPlans bounds the what-if plans computed at the same time (0: GOMAXPROCS); a what-if request
	// beyond it gets 429 with Retry-After: RetryAfter at once instead of queueing.
	MaxPlans int
	// Portal provides the portal's published evaluation of a period (optional): each unit page
	// (GET /units/{id}) and GET /api/units/{id}/portal compare it with the card (portaleval.Reconcile).
	Portal PortalFunc
	// PlanLimit is the largest number of records the planner considers per metric (0: DefaultPlanLimit;
	// at most DefaultPlanLimit). A plan calls Edition.Score at most (2·log2(PlanLimit)+4) times per
	// scored metric.
	PlanLimit int64
	// Records lists the records that cost a unit points (optional; Source.Records): with it, the unit
	// page links to the paginated list and its CSV download.
	Records RecordsFunc
	// MaxRecordPasses bounds the failing-record lists (pages and CSV, one pass over the period's records
	// each) served at the same time (0: GOMAXPROCS); a request beyond it gets 429 with Retry-After at once.
	MaxRecordPasses int
	// Periods lists the periods of the selector (nil: the year, quarters and months of the requested
	// period's year).
	Periods []model.Period
	// Title is the province's name in the pages' heading ("": the root unit's name).
	Title string
	// Sample marks invented data: every page says so.
	Sample bool
	// Lang is the pages' default language ("": VI); ?lang=vi|en switches.
	Lang Lang
	// BasePath is the path the handler is mounted under, with a final slash ("": "/"), used in the
	// pages' links: mount it with http.StripPrefix(strings.TrimSuffix(BasePath, "/"), handler).
	BasePath string
}

type handler struct {
	cfg       Config
	defLang   Lang
	basePath  string
	ed        indicator.Edition
	plans     chan struct{} // what-if slots
	passes    chan struct{} // failing-record pass slots
	planLimit int64
	lastTitle atomic.Pointer[string] // the root's name of the last card served, for the error pages
}

// NewHandler returns the dashboard's handler: GET /api/scorecard, GET /api/units/{id}/explanations,
// GET|POST /api/units/{id}/whatif and GET / (HTML with inline SVG charts). Every error response, the
// router's 404 and 405 and the timeout's 503 included, is JSON {"error": "..."}. Errors: a *ConfigError
// (ErrConfig) when Cards is nil, Default is the zero period, MaxBodyBytes, Timeout, MaxPlans or PlanLimit
// is negative, or PlanLimit exceeds DefaultPlanLimit. Cost: parses the page template once; the handler
// itself is safe for concurrent use.
func NewHandler(cfg Config) (http.Handler, error) {
	_, hh, err := newHandler(cfg)
	return hh, err
}

// timeoutBody is http.TimeoutHandler's 503 body; serve labels it JSON.
const timeoutBody = `{"error":"hết thời gian xử lý (timeout)"}` + "\n"

func newHandler(cfg Config) (*handler, http.Handler, error) {
	switch {
	case cfg.Cards == nil:
		return nil, nil, &ConfigError{Field: "Cards", Reason: "nil"}
	case cfg.Default.Start.IsZero():
		return nil, nil, &ConfigError{Field: "Default", Reason: "zero period"}
	case cfg.MaxBodyBytes < 0:
		return nil, nil, &ConfigError{Field: "MaxBodyBytes", Reason: "negative"}
	case cfg.Timeout < 0:
		return nil, nil, &ConfigError{Field: "Timeout", Reason: "negative"}
	case cfg.MaxPlans < 0:
		return nil, nil, &ConfigError{Field: "MaxPlans", Reason: "negative"}
	case cfg.MaxRecordPasses < 0:
		return nil, nil, &ConfigError{Field: "MaxRecordPasses", Reason: "negative"}
	case cfg.PlanLimit < 0:
		return nil, nil, &ConfigError{Field: "PlanLimit", Reason: "negative"}
	case cfg.PlanLimit > DefaultPlanLimit:
		return nil, nil, &ConfigError{Field: "PlanLimit", Reason: fmt.Sprintf("above %d", int64(DefaultPlanLimit))}
	case cfg.Lang != "" && cfg.Lang != VI && cfg.Lang != EN:
		return nil, nil, &ConfigError{Field: "Lang", Reason: fmt.Sprintf("%q: want vi or en", cfg.Lang)}
	case cfg.BasePath != "" && (!strings.HasPrefix(cfg.BasePath, "/") || !strings.HasSuffix(cfg.BasePath, "/")):
		return nil, nil, &ConfigError{Field: "BasePath", Reason: fmt.Sprintf("%q: want a path that starts and ends with /", cfg.BasePath)}
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxPlans == 0 {
		cfg.MaxPlans = runtime.GOMAXPROCS(0)
	}
	if cfg.MaxRecordPasses == 0 {
		cfg.MaxRecordPasses = runtime.GOMAXPROCS(0)
	}
	h := &handler{cfg: cfg, defLang: cmp.Or(cfg.Lang, VI), basePath: cmp.Or(cfg.BasePath, "/"),
		plans: make(chan struct{}, cfg.MaxPlans), passes: make(chan struct{}, cfg.MaxRecordPasses), planLimit: cfg.PlanLimit}
	if h.planLimit == 0 {
		h.planLimit = DefaultPlanLimit
	}
	if cfg.Edition != nil {
		h.ed = *cfg.Edition
	} else {
		h.ed = indicator.Portal()
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/scorecard", h.scorecard)
	mux.HandleFunc("GET /api/units/{id}/explanations", h.explanations)
	mux.HandleFunc("GET /api/units/{id}/whatif", h.whatif)
	mux.HandleFunc("POST /api/units/{id}/whatif", h.whatif)
	mux.HandleFunc("GET /api/units/{id}/portal", h.portalJSON)
	mux.HandleFunc("GET /api/overview", h.overviewAPI)
	mux.HandleFunc("GET /api/units/{id}", h.unitAPI)
	mux.HandleFunc("GET /api/units/{id}/records", h.recordsAPI)
	mux.HandleFunc("GET /api/trend", h.trendAPI)
	mux.HandleFunc("GET /units/{id}", h.unitPage)
	mux.HandleFunc("GET /units/{id}/records", h.recordsPage)
	mux.HandleFunc("GET /units/{id}/records.csv", h.recordsCSV)
	mux.HandleFunc("GET /trend", h.trendPage)
	mux.HandleFunc("GET /overview.csv", h.overviewCSV)
	mux.HandleFunc("GET /{$}", h.index)
	inner := h.recoverErr(h.routerErrors(mux))
	apiTimeout := http.TimeoutHandler(inner, cfg.Timeout, timeoutBody)
	htmlTimeout := http.TimeoutHandler(inner, cfg.Timeout, timeoutHTML)
	return h, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The timeout's 503 is written on w with w's header: label it beforehand. A response of the
		// handler replaces these headers with its own (TimeoutHandler copies them), and every handler
		// path sets its Content-Type.
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if isAPI(r) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			apiTimeout.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		htmlTimeout.ServeHTTP(w, r)
	}), nil
}

// timeoutHTML is http.TimeoutHandler's 503 body on the HTML routes.
const timeoutHTML = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>503</title></head><body>` +
	`<h1>Hết thời gian xử lý (503)</h1><p>Máy chủ đang bận tính toán; vui lòng tải lại trang sau ít phút.</p>` +
	`<p>The server took too long; please reload the page in a minute.</p></body></html>` + "\n"

// routerErrors serves mux and turns the router's own error responses (404 for an unknown path, 405 for a
// wrong method, with its Allow header) into JSON on API routes and an HTML page on the others.
func (h *handler) routerErrors(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		mux.ServeHTTP(&routerErrorWriter{ResponseWriter: w, r: r, h: h}, r)
	})
}

// routerErrorWriter replaces an error status's plain-text body by a JSON one.
type routerErrorWriter struct {
	http.ResponseWriter
	r         *http.Request
	h         *handler
	wrote     bool
	swallowed bool
}

func (e *routerErrorWriter) WriteHeader(code int) {
	if e.wrote {
		return
	}
	e.wrote = true
	if code < 400 {
		e.ResponseWriter.WriteHeader(code)
		return
	}
	e.swallowed = true
	e.Header().Del("Content-Length")
	msg := http.StatusText(code)
	switch code {
	case http.StatusNotFound:
		msg = fmt.Sprintf("no such path %q", e.r.URL.Path)
	case http.StatusMethodNotAllowed:
		msg = fmt.Sprintf("method %s not allowed for %q (allowed: %s)", e.r.Method, e.r.URL.Path, e.Header().Get("Allow"))
	}
	e.h.fail(e.ResponseWriter, e.r, code, msg)
}

func (e *routerErrorWriter) Write(b []byte) (int, error) {
	if !e.wrote {
		e.WriteHeader(http.StatusOK)
	}
	if e.swallowed {
		return len(b), nil
	}
	return e.ResponseWriter.Write(b)
}

// recoverErr answers a panic below it with a 500 (JSON or HTML by route) instead of a dropped connection
// (no panic reaches the server; http.ErrAbortHandler keeps its meaning).
func (h *handler) recoverErr(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				h.fail(w, r, http.StatusInternalServerError, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// ConfigError reports an invalid Config field; it matches ErrConfig.
type ConfigError struct {
	Field, Reason string
}

// Error implements error.
func (e *ConfigError) Error() string {
	return fmt.Sprintf("dashboard: Config.%s: %s", e.Field, e.Reason)
}

// Is matches ErrConfig.
func (e *ConfigError) Is(target error) bool { return target == ErrConfig }

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		httpError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

func httpError(w http.ResponseWriter, status int, msg string) {
	writeError(w, status, map[string]string{"error": msg})
}

func writeError(w http.ResponseWriter, status int, v map[string]string) {
	b, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// card resolves the period parameter and fetches its card, writing the error response on failure.
func (h *handler) card(w http.ResponseWriter, r *http.Request) (*scorecard.Card, bool) {
	p := h.cfg.Default
	if s := r.URL.Query().Get("period"); s != "" {
		var err error
		if p, err = model.ParsePeriod(s); err != nil {
			h.fail(w, r, http.StatusBadRequest, "period: "+err.Error())
			return nil, false
		}
	}
	c, err := h.cfg.Cards(r.Context(), p)
	switch {
	case errors.Is(err, ErrUnknownPeriod):
		h.fail(w, r, http.StatusNotFound, err.Error())
		return nil, false
	case err != nil:
		h.fail(w, r, http.StatusInternalServerError, err.Error())
		return nil, false
	case c == nil || c.Tree == nil:
		h.fail(w, r, http.StatusInternalServerError, fmt.Sprintf("no card for %s", p))
		return nil, false
	}
	return c, true
}

func (h *handler) unit(w http.ResponseWriter, r *http.Request) (*scorecard.Card, scorecard.UnitCard, bool) {
	c, ok := h.card(w, r)
	if !ok {
		return nil, scorecard.UnitCard{}, false
	}
	id := r.PathValue("id")
	u, ok := c.Unit(id)
	if !ok {
		h.fail(w, r, http.StatusNotFound, fmt.Sprintf("unknown unit %q", id))
		return nil, u, false
	}
	return c, u, true
}

func (h *handler) scorecard(w http.ResponseWriter, r *http.Request) {
	if c, ok := h.card(w, r); ok {
		writeJSON(w, http.StatusOK, c)
	}
}

func (h *handler) explanations(w http.ResponseWriter, r *http.Request) {
	if _, u, ok := h.unit(w, r); ok {
		writeJSON(w, http.StatusOK, struct {
			Unit         string                  `json:"unit"`
			Explanations []scorecard.Explanation `json:"explanations"`
		}{u.Unit.ID, u.Explanations})
	}
}

// whatif answers GET (the unit's pooled counts of the card) and POST (a tally JSON body, for a unit
// that must exist in the card) with the plan to gain ?points=N (1..MaxPoints) points. The target (the
// tally's total + N) must not exceed the tally's maximum (400). At most Config.MaxPlans plans run at once
// (beyond: 429 with Retry-After); a plan stops between two metrics when the request's context ends.
func (h *handler) whatif(w http.ResponseWriter, r *http.Request) {
	pts, err := strconv.Atoi(r.URL.Query().Get("points"))
	if err != nil || pts < 1 || pts > MaxPoints {
		httpError(w, http.StatusBadRequest, fmt.Sprintf("points: want an integer 1..%d", MaxPoints))
		return
	}
	gain := decimal.NewFromInt(int64(pts))
	c, u, ok := h.unit(w, r)
	if !ok {
		return
	}
	t := c.Tree.Pooled(u.Unit.ID)
	if r.Method == http.MethodPost {
		if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
			httpError(w, http.StatusUnsupportedMediaType, "want application/json")
			return
		}
		b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.cfg.MaxBodyBytes))
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body over %d bytes", mbe.Limit))
				return
			}
			httpError(w, http.StatusBadRequest, "body: "+err.Error())
			return
		}
		t = indicator.Tally{}
		if err := json.Unmarshal(b, &t); err != nil { // one JSON value, validated by Tally.UnmarshalJSON
			bodyError(w, err)
			return
		}
	}
	base, err := h.ed.Score(t)
	if err != nil {
		if r.Method == http.MethodPost {
			bodyError(w, err)
		} else {
			httpError(w, http.StatusInternalServerError, err.Error())
		}
		return
	}
	target := base.Total.Add(gain)
	if target.GreaterThan(base.Max) {
		writeError(w, http.StatusBadRequest, map[string]string{"field": "points", "error": fmt.Sprintf(
			"points: target %s (total %s + %d) is above the maximum %s", target, base.Total, pts, base.Max)})
		return
	}
	select {
	case h.plans <- struct{}{}:
		defer func() { <-h.plans }()
	default:
		w.Header().Set("Retry-After", strconv.Itoa(RetryAfter))
		httpError(w, http.StatusTooManyRequests, "too many what-if plans in progress; retry later")
		return
	}
	plan, err := h.plan(r.Context(), c, u.Unit.ID, t, target, scorecard.PlanFix)
	if err != nil {
		if r.Context().Err() != nil {
			httpError(w, http.StatusServiceUnavailable, "request ended: "+err.Error())
			return
		}
		httpError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, plan)
}

// bodyError answers a bad what-if body with 400 {"error", "field"}: the field is the tally key the
// library names (*indicator.DecodeError, *indicator.CountError), "body" otherwise.
func bodyError(w http.ResponseWriter, err error) {
	field := "body"
	var de *indicator.DecodeError
	var ce *indicator.CountError
	switch {
	case errors.As(err, &de) && de.Key != "":
		field = de.Key
	case errors.As(err, &ce):
		field = ce.Metric.String() + "." + ce.Field
	}
	writeError(w, http.StatusBadRequest, map[string]string{"field": field, "error": "tally: " + err.Error()})
}

// plan is the library's plan to reach target (PlanOptions{Limit: h.planLimit}), which checks ctx between
// metrics (a metric costs at most 2·log2(limit)+4 calls of Edition.Score, ~5 ms for the sample). Errors:
// ctx's, or the planner's.
func (h *handler) plan(ctx context.Context, c *scorecard.Card, unit string, t indicator.Tally, target decimal.Decimal, mode scorecard.PlanMode) (scorecard.Plan, error) {
	return scorecard.PlanTallyContext(ctx, h.ed, t, target, scorecard.PlanOptions{Mode: mode, Limit: h.planLimit, Metrics: ownMetrics(c, unit)})
}

// ownMetrics is Card.Plan's restriction: a metric carried down to unit from a higher level
// (indicator.PoolCarryDown: 1.2 and 1.3 for a department or commune) is not proposed, since the unit's
// own records cannot move it; nil (every metric) for a root or a computing kind.
func ownMetrics(c *scorecard.Card, unit string) []indicator.ID {
	n, ok := c.Tree.Unit(unit)
	if !ok || n.Parent == "" {
		return nil
	}
	agg := c.Tree.Aggregation()
	if slices.Contains(agg.ComputingKinds, n.Kind) {
		return nil
	}
	keep := []indicator.ID{}
	for _, id := range indicator.IDs() {
		if agg.Modes[id] != indicator.PoolCarryDown {
			keep = append(keep, id)
		}
	}
	return keep
}
