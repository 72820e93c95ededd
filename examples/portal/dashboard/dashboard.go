package dashboard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
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
}

type handler struct {
	cfg  Config
	ed   indicator.Edition
	page *template.Template
}

// NewHandler returns the dashboard's handler: GET /api/scorecard, GET /api/units/{id}/explanations,
// GET|POST /api/units/{id}/whatif and GET / (HTML with inline SVG charts). Errors: a *ConfigError
// (ErrConfig) when Cards is nil, Default is the zero period or MaxBodyBytes/Timeout is negative.
// Cost: parses the page template once; the handler itself is safe for concurrent use.
func NewHandler(cfg Config) (http.Handler, error) {
	switch {
	case cfg.Cards == nil:
		return nil, &ConfigError{Field: "Cards", Reason: "nil"}
	case cfg.Default.Start.IsZero():
		return nil, &ConfigError{Field: "Default", Reason: "zero period"}
	case cfg.MaxBodyBytes < 0:
		return nil, &ConfigError{Field: "MaxBodyBytes", Reason: "negative"}
	case cfg.Timeout < 0:
		return nil, &ConfigError{Field: "Timeout", Reason: "negative"}
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	h := &handler{cfg: cfg, page: pageTemplate}
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
	mux.HandleFunc("GET /{$}", h.index)
	return http.TimeoutHandler(mux, cfg.Timeout, "hết thời gian xử lý (timeout)\n"), nil
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
			httpError(w, http.StatusBadRequest, "period: "+err.Error())
			return nil, false
		}
	}
	c, err := h.cfg.Cards(r.Context(), p)
	switch {
	case errors.Is(err, ErrUnknownPeriod):
		httpError(w, http.StatusNotFound, err.Error())
		return nil, false
	case err != nil:
		httpError(w, http.StatusInternalServerError, err.Error())
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
		httpError(w, http.StatusNotFound, fmt.Sprintf("unknown unit %q", id))
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
// that must exist in the card) with the plan to gain ?points=N (1..MaxPoints) points.
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
	var plan scorecard.Plan
	if r.Method == http.MethodPost {
		if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
			httpError(w, http.StatusUnsupportedMediaType, "want application/json")
			return
		}
		var t indicator.Tally
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, h.cfg.MaxBodyBytes))
		if err := dec.Decode(&t); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body over %d bytes", mbe.Limit))
				return
			}
			httpError(w, http.StatusBadRequest, "tally: "+err.Error())
			return
		}
		if plan, err = scorecard.PlanGain(h.ed, t, gain, scorecard.PlanOptions{}); err != nil {
			httpError(w, http.StatusBadRequest, err.Error())
			return
		}
	} else {
		if plan, err = c.PlanGain(h.ed, u.Unit.ID, gain, scorecard.PlanOptions{}); err != nil {
			httpError(w, http.StatusInternalServerError, err.Error())
			return
		}
	}
	writeJSON(w, http.StatusOK, plan)
}

// SampleCards returns a CardFunc over the sample province p: the card of a period is computed on first
// use (one pass over p's dossier stream, 0.15–0.3 s for the default 50 000 dossiers) and cached with a
// sync.Once per period, so concurrent first requests compute it once. Periods outside p's year give
// ErrUnknownPeriod. Cost: memory O(periods requested × card size).
func SampleCards(p *sample.Province, ed indicator.Edition) CardFunc {
	in := scorecard.Inputs{
		Units: p.Units, Procedures: p.Procedures, Offerings: p.Offerings,
		Petitions: p.Petitions, Ratings: p.Ratings,
	}
	for _, cc := range p.CertifiedCopies {
		in.Communes = append(in.Communes, digitisation.CommuneCopy{UnitID: cc.UnitID, Offers: cc.Electronic})
	}
	type entry struct {
		once sync.Once
		card *scorecard.Card
		err  error
	}
	var mu sync.Mutex
	cache := map[string]*entry{}
	return func(ctx context.Context, per model.Period) (*scorecard.Card, error) {
		// The sample describes one year; AsOf is its end, so the year is that of the instant before it.
		year := p.AsOf.Add(-time.Nanosecond).In(per.Start.Location()).Year()
		if per.Start.Year() != year || per.End.In(per.Start.Location()).Year() != year {
			return nil, fmt.Errorf("%w: %s (sample year %d)", ErrUnknownPeriod, per, year)
		}
		mu.Lock()
		e := cache[per.String()]
		if e == nil {
			e = &entry{}
			cache[per.String()] = e
		}
		mu.Unlock()
		e.once.Do(func() {
			s, err := scorecard.New(in, scorecard.Options{Period: per, AsOf: p.AsOf, Calendar: p.Calendar, Edition: ed})
			if err != nil {
				e.err = err
				return
			}
			e.card, e.err = s.Run(p.Dossiers())
		})
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return e.card, e.err
	}
}
