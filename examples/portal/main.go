// Command portal serves the dashboard of package dashboard: a province's ranking, unit pages with every
// metric's numbers, the reasons and records behind lost points, what-if plans and monthly trends, as
// server-rendered HTML with inline SVG charts (Vietnamese by default, ?lang=en) and a JSON API.
//
//	go run ./examples/portal                                   # the sample province (invented data)
//	go run ./examples/portal -data DIR -asof 2027-01-01         # a province's own files
//
// -data DIR reads the files of the directory convention (package model/dataset: units.csv,
// procedures.csv|json, offerings.csv, dossiers*.json|csv, steps*, petitions.csv, ratings.csv,
// copies.csv); no sample record is mixed in. Re-sent dossier codes are scored once (the latest version,
// model/dedupe). The periods offered are the months, quarters and years of the dossiers' reception dates
// (one pass over the files at start); -asof is the instant the data describe (default: the end of each
// period, as the scorecard command does).
//
// Cards are computed on first request, once per period, under the requests' contexts; the default
// period's and the trend months' cards are kept, the others in a bounded LRU cache (32 cards, 32 MiB
// estimated); at most GOMAXPROCS what-if plans run at once (429 beyond).
//
// -portal DIR loads a folder of the portal's saved evaluation responses (package indicator/portaleval;
// files named <endpoint>/<period>-<scope>.json): each unit page then compares the card with the
// portal's published evaluation of its period. A response set whose period label is not a period (the
// captures' "month") is taken as the evaluation of the default period.
package main

import (
	"cmp"
	"context"
	"errors"
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

// options are the command's flags.
type options struct {
	period, portal, data, asof, title, lang string
	dossiers                                int // sample size (0: the default); tests make it small
}

func main() {
	var o options
	addr := flag.String("addr", "127.0.0.1:8766", "listen address")
	flag.StringVar(&o.period, "period", "", "default period (2026-08, 2026-Q3, 2026; default: 2026-08 for the sample, the last month of -data)")
	flag.StringVar(&o.portal, "portal", "", "folder of the portal's saved evaluation responses, compared on each unit page")
	flag.StringVar(&o.data, "data", "", "folder of the province's files (directory convention of model/dataset); default: the sample province")
	flag.StringVar(&o.asof, "asof", "", "with -data: instant the data describe (RFC 3339 or YYYY-MM-DD, Vietnam time); default the end of each period")
	flag.StringVar(&o.title, "title", "", "province name in the pages' heading (default: the root unit's name)")
	flag.StringVar(&o.lang, "lang", "vi", "default language of the pages: vi or en")
	flag.Parse()
	h, err := newHandler(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "portal:", err)
		os.Exit(2)
	}
	srv := &http.Server{
		Addr:              *addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	log.Printf("portal: serving on http://%s/", *addr)
	log.Fatal(srv.ListenAndServe())
}

// newHandler builds the dashboard over the sample province (o.dossiers dossiers, 0: the default) or the
// files of o.data and, when o.portal is not empty, the portal's evaluations saved there.
func newHandler(o options) (http.Handler, error) {
	var (
		ds      dashboard.DataSource
		def     model.Period
		periods []model.Period
		isSamp  = o.data == ""
		err     error
	)
	if o.lang != "vi" && o.lang != "en" {
		return nil, fmt.Errorf("-lang: %q: want vi or en", o.lang)
	}
	if isSamp {
		if o.asof != "" {
			return nil, errors.New("-asof: only with -data (the sample describes its own year)")
		}
		def, err = model.ParsePeriod(cmp.Or(o.period, "2026-08"))
		if err != nil {
			return nil, fmt.Errorf("-period: %w", err)
		}
		p, err := sample.Generate(sample.Options{Seed: DefaultSeed, Year: DefaultYear, Dossiers: o.dossiers})
		if err != nil {
			return nil, err
		}
		if ds, err = dashboard.NewSampleData(p); err != nil {
			return nil, err
		}
	} else {
		var asOf time.Time
		if o.asof != "" {
			if asOf, err = parseAsOf(o.asof); err != nil {
				return nil, err
			}
		}
		fs, err := dashboard.OpenFiles(o.data, asOf)
		if err != nil {
			return nil, fmt.Errorf("-data: %w", err)
		}
		ds, periods = fs, fs.Periods()
		def = fs.Last()
		if o.period != "" {
			if def, err = model.ParsePeriod(o.period); err != nil {
				return nil, fmt.Errorf("-period: %w", err)
			}
		}
	}
	var evals dashboard.PortalFunc
	if o.portal != "" {
		if evals, err = portalEvaluations(o.portal, def); err != nil {
			return nil, fmt.Errorf("-portal: %w", err)
		}
	}
	var trend []model.Period
	for m := time.January; m <= time.December; m++ {
		trend = append(trend, model.Month(def.Start.Year(), m))
	}
	// The default period and the trend's months are kept for good: a flood of other periods cannot evict
	// them (each trend view would otherwise recompute twelve cards).
	src, err := dashboard.NewSource(ds, dashboard.SourceOptions{Edition: indicator.Portal(), Latest: !isSamp,
		Cache: dashboard.CacheConfig{Keep: append([]model.Period{def}, trend...)}})
	if err != nil {
		return nil, err
	}
	ed := src.Edition()
	root := ""
	if isSamp {
		root = sample.RootID
	}
	return dashboard.NewHandler(dashboard.Config{
		Cards:   src.Card,
		Records: src.Records,
		Edition: &ed,
		Default: def,
		Periods: periods,
		Trend:   trend,
		Root:    root,
		Title:   o.title,
		Sample:  isSamp,
		Lang:    dashboard.Lang(o.lang),
		Timeout: 100 * time.Second,
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

// vietnam is UTC+7, the zone of -asof's dates.
var vietnam = time.FixedZone("ICT", 7*3600)

func parseAsOf(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, vietnam)
	if err != nil {
		return time.Time{}, fmt.Errorf("-asof: %q is neither RFC 3339 nor YYYY-MM-DD", s)
	}
	return t, nil
}
