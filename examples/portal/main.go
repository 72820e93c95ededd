// Command portal serves the dashboard of package dashboard over the sample province
// (examples/internal/sample): JSON scorecards, explanations, what-if plans and an HTML page with inline
// SVG charts. Cards are computed on first request; those of the default period and of the trend's
// months are kept, the others in a bounded LRU cache (dashboard.SampleSource: 32 cards, 32 MiB
// estimated); at most GOMAXPROCS what-if plans run at once (429 beyond).
//
//	go run ./examples/portal -addr 127.0.0.1:8766
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/examples/portal/dashboard"
	"github.com/vn-dvc/chiso766/indicator"
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
	flag.Parse()
	h, err := newHandler(*period, 0)
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

// newHandler builds the dashboard over the sample province with n dossiers (0: the default).
func newHandler(period string, n int) (http.Handler, error) {
	def, err := model.ParsePeriod(period)
	if err != nil {
		return nil, fmt.Errorf("-period: %w", err)
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
	})
}
