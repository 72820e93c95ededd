// Command portal serves the dashboard of package dashboard over the sample province
// (examples/internal/sample): JSON scorecards, explanations, what-if plans and an HTML page with inline
// SVG charts. Cards are computed on first request; those of the default period and of the trend's
// months are kept, the others in a bounded LRU cache (dashboard.SampleSource: 32 cards, 32 MiB
// estimated); at most GOMAXPROCS what-if plans run at once (429 beyond).
//
//	go run ./examples/portal -addr 127.0.0.1:8766
//
// -portal DIR loads a folder of the portal's saved evaluation responses (package indicator/portaleval;
// files named <endpoint>/<period>-<scope>.json): each unit page (/units/{id}) then compares the card with
// the portal's published evaluation of its period. A response set whose period label is not a period
// (the captures' "month") is taken as the evaluation of the default period.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/examples/portal/dashboard"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/portaleval"
	"github.com/vn-dvc/chiso766/model"
)

// Sample data and server defaults.
const (
	DefaultSeed = 766
	DefaultYear = 2026
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8766", "listen address")
	period := flag.String("period", "2026-08", "default period")
	portal := flag.String("portal", "", "folder of the portal's saved evaluation responses, compared on each unit page")
	flag.Parse()
	h, err := newHandler(*period, 0, *portal)
	if err != nil {
		fmt.Fprintln(os.Stderr, "portal:", err)
		os.Exit(2)
	}
	srv := &http.Server{
		Addr:              *addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	log.Printf("portal: serving on http://%s/", *addr)
	log.Fatal(srv.ListenAndServe())
}

// newHandler builds the dashboard over the sample province with n dossiers (0: the default) and, when
// portalDir is not empty, the portal's evaluations saved there.
func newHandler(period string, n int, portalDir string) (http.Handler, error) {
	def, err := model.ParsePeriod(period)
	if err != nil {
		return nil, fmt.Errorf("-period: %w", err)
	}
	var evals dashboard.PortalFunc
	if portalDir != "" {
		if evals, err = portalEvaluations(portalDir, def); err != nil {
			return nil, fmt.Errorf("-portal: %w", err)
		}
	}
	p, err := sample.Generate(sample.Options{Seed: DefaultSeed, Year: DefaultYear, Dossiers: n})
	if err != nil {
		return nil, err
	}
	ed := indicator.Portal()
	var trend []model.Period
	for m := time.January; m <= time.December; m++ {
		trend = append(trend, model.Month(DefaultYear, m))
	}
	// The default period and the trend's months are kept for good: a flood of other periods cannot evict
	// them (each page view would otherwise recompute twelve cards).
	src, err := dashboard.NewSampleSource(p, ed, dashboard.CacheConfig{Keep: append([]model.Period{def}, trend...)})
	if err != nil {
		return nil, err
	}
	return dashboard.NewHandler(dashboard.Config{
		Cards:   src.Card,
		Edition: &ed,
		Default: def,
		Trend:   trend,
		Root:    sample.RootID,
		Timeout: 50 * time.Second,
		Portal:  evals,
	})
}

// portalEvaluations loads the all-procedures evaluations of dir, keyed by period; a label that is not a
// period names the default period. Errors: portaleval.LoadFS's, none found, or two for one period.
func portalEvaluations(dir string, def model.Period) (dashboard.PortalFunc, error) {
	evs, _, err := portaleval.LoadFS(os.DirFS(dir))
	if err != nil {
		return nil, err
	}
	byPeriod := map[string]*portaleval.Evaluation{}
	for _, ev := range evs {
		if ev.Procedure != "" {
			continue
		}
		key := def.String()
		if p, err := model.ParsePeriod(ev.Period); err == nil {
			key = p.String()
		}
		if byPeriod[key] != nil {
			return nil, fmt.Errorf("%s: two evaluations of period %s", dir, key)
		}
		byPeriod[key] = ev
	}
	if len(byPeriod) == 0 {
		return nil, fmt.Errorf("%s: no all-procedures evaluation responses", dir)
	}
	return func(_ context.Context, p model.Period) (*portaleval.Evaluation, error) {
		if ev := byPeriod[p.String()]; ev != nil {
			return ev, nil
		}
		return nil, fmt.Errorf("%w: no portal evaluation of %s in %s", dashboard.ErrUnknownPeriod, p, dir)
	}, nil
}
