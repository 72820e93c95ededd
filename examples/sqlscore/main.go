// Command sqlscore prints the Decision 766/QĐ-TTg scorecard of a province read straight from its one-stop
// database through the views of docs/sql.md (package model/sqlio): the same card as examples/scorecard, in
// the same outputs (package examples/internal/report, shared with the CLI: -format table|json|csv, -lang
// vi|en, -unit, -bom, -what-if).
//
//	go run . -driver pgx -dsn 'postgres://user@127.0.0.1:5432/onestop' -period 2026-08 -asof 2026-09-01
//	go run .                      # no -dsn: the sample province in a temporary SQLite database
//
// With no -dsn it generates the sample province of examples/scorecard (seed 766, year 2026), writes it into a
// temporary SQLite file (pure-Go driver modernc.org/sqlite, no cgo) in the worked-example schema of
// docs/sql.md with its views, and scores it from there: its output equals `go run ./examples/scorecard` with
// the same output flags byte for byte (TestSQLiteEqualsCLI: the JSON card; TestSQLiteOutputsEqualCLI: the
// table in Vietnamese and English, CSV, -unit and -what-if).
//
// Queries: one per view (chiso_dossiers, chiso_steps, chiso_supplements, chiso_fees, chiso_files,
// chiso_results, chiso_units, chiso_procedures, chiso_offerings, chiso_petitions, chiso_ratings,
// chiso_certified_copies), never one per dossier; the dossier views are ordered by code in byte order
// (COLLATE "C" on PostgreSQL). The first bad record stops the run with sqlio's error (query, row, column,
// code); exit status 1.
//
// Drivers live in this nested module (its own go.mod), never in the library's.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/examples/internal/report"
	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/sqlio"
)

// The sample of the no-DSN run: that of examples/scorecard.
const (
	sampleSeed = 766
	sampleYear = 2026
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type config struct {
	driver, dsn, period, asof, edition string
	workers, sampleDossiers            int
	allowUnknown                       bool
	out                                report.Flags   // -format, -lang, -unit, -bom, -what-if: as the CLI's
	fs                                 *flag.FlagSet  // the parsed flags (report.Flags.Options visits them)
	opts                               report.Options // the output flags, checked
}

func run(args []string, stdout, stderr io.Writer) int {
	var c config
	fs := flag.NewFlagSet("sqlscore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.driver, "driver", dialectSQLite, "database driver: sqlite (modernc.org/sqlite) or pgx (PostgreSQL)")
	fs.StringVar(&c.dsn, "dsn", "", "data source name; empty: the sample province in a temporary SQLite database")
	fs.StringVar(&c.period, "period", fmt.Sprint(sampleYear), "evaluation period: 2026, 2026-Q3, 2026-08 or 2026-01-01..2026-03-31")
	fs.StringVar(&c.asof, "asof", "", "instant the data describe (RFC 3339 or YYYY-MM-DD, Vietnam time); default the end of the period")
	fs.StringVar(&c.edition, "edition", "portal", "scoring edition: portal or document")
	c.out.Register(fs)
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "scoring goroutines")
	fs.BoolVar(&c.allowUnknown, "allow-unknown-status", false, "count dossiers with unknown status codes instead of failing")
	fs.IntVar(&c.sampleDossiers, "sample-dossiers", 0, "dossiers of the generated sample (no -dsn; 0: the sample's default)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 1
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sqlscore: unexpected argument %q\n", fs.Arg(0))
		return 1
	}
	c.fs = fs
	if err := execute(context.Background(), &c, stdout); err != nil {
		fmt.Fprintf(stderr, "sqlscore: %v\n", err)
		return 1
	}
	return 0
}

func execute(ctx context.Context, c *config, stdout io.Writer) error {
	if c.driver != dialectSQLite && c.driver != dialectPG {
		return fmt.Errorf("-driver: unknown driver %q (sqlite or pgx)", c.driver)
	}
	opts, err := c.out.Options(c.fs) // -format, -lang, -what-if
	if err != nil {
		return err
	}
	c.opts = opts
	if c.workers < 1 {
		return fmt.Errorf("-workers: %d is below 1", c.workers)
	}
	var ed indicator.Edition
	switch c.edition {
	case "portal":
		ed = indicator.Portal()
	case "document":
		ed = indicator.Document()
	default:
		return fmt.Errorf("-edition: unknown edition %q (portal or document)", c.edition)
	}
	period, err := model.ParsePeriod(c.period)
	if err != nil {
		return fmt.Errorf("-period: %v", err)
	}
	asOf := period.EndTime()
	if c.asof != "" {
		if asOf, err = parseAsOf(c.asof); err != nil {
			return err
		}
	}
	dsn := c.dsn
	if dsn == "" {
		if c.driver != dialectSQLite {
			return errors.New("-dsn is required with -driver pgx")
		}
		dir, err := os.MkdirTemp("", "sqlscore-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		dsn = filepath.Join(dir, "sample.db")
		if err := createSample(ctx, dsn, c.sampleDossiers); err != nil {
			return err
		}
	}
	db, err := sql.Open(c.driver, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	card, rs, err := scoreSource(ctx, db, c.driver, period, asOf, ed, c.workers, c.allowUnknown)
	if err != nil {
		return err
	}
	if err := report.WriteWith(stdout, card, ed, c.opts, rs); err != nil {
		var fe *report.FlagError // an unknown -unit, an unreachable -what-if
		if !errors.As(err, &fe) {
			err = fmt.Errorf("writing the output: %w", err)
		}
		return err
	}
	return nil
}

// createSample writes the sample province into a new SQLite file.
func createSample(ctx context.Context, path string, dossiers int) error {
	p, err := sample.Generate(sample.Options{Seed: sampleSeed, Year: sampleYear, Dossiers: dossiers})
	if err != nil {
		return err
	}
	db, err := sql.Open(dialectSQLite, path)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := createSchema(ctx, db, dialectSQLite); err != nil {
		return err
	}
	return loadSample(ctx, db, dialectSQLite, p)
}

// score reads every input from db through the views and runs the scorecard. The working-day calendar is the
// library's default (statutory rules and announced schedules) for the period's years ± 1.
func score(ctx context.Context, db *sql.DB, dialect string, period model.Period, asOf time.Time, ed indicator.Edition, workers int, allowUnknown bool) (*scorecard.Card, error) {
	card, _, err := scoreSource(ctx, db, dialect, period, asOf, ed, workers, allowUnknown)
	return card, err
}

// scoreSource is score, with the report.Source of the outputs that read the dossiers again (failing
// records, per-procedure counts, the what-if's records to fix, -previous PERIOD): each such pass runs the
// dossier queries again; a query error in such a pass ends its stream and is reported (Source.Err).
func scoreSource(ctx context.Context, db *sql.DB, dialect string, period model.Period, asOf time.Time, ed indicator.Edition, workers int, allowUnknown bool) (*scorecard.Card, *report.Source, error) {
	cal, err := calendar.New(calendar.Options{FromYear: period.StartTime().Year() - 1, ToYear: period.EndTime().Year() + 1})
	if err != nil {
		return nil, nil, err
	}
	in, err := readInputs(ctx, db, dialect)
	if err != nil {
		return nil, nil, err
	}
	opts := scorecard.Options{Period: period, AsOf: asOf, Calendar: cal, Edition: ed}
	s, err := scorecard.New(in, opts)
	if err != nil {
		return nil, nil, err
	}
	var last *dossierSource // the source of the last second pass, for report.Source.Err
	dossiers := func() iter.Seq[model.Dossier] {
		last = &dossierSource{seq: sqlio.QueryDossiers(ctx, db, dossierQueries(dialect)), allowUnknown: allowUnknown}
		return last.all()
	}
	lastErr := func() error {
		if last == nil {
			return nil
		}
		return last.err
	}
	src := &dossierSource{seq: sqlio.QueryDossiers(ctx, db, dossierQueries(dialect)), allowUnknown: allowUnknown}
	card, err := s.RunParallel(src.all(), workers)
	if src.err != nil {
		return nil, nil, src.err
	}
	if err != nil {
		return nil, nil, err
	}
	if src.n == 0 {
		return nil, nil, errors.New("no dossier records in chiso_dossiers")
	}
	rs := &report.Source{Scorer: s, Dossiers: dossiers, Rescore: func(p model.Period) (*scorecard.Card, error) {
		o := opts
		o.Period = p
		s2, err := scorecard.New(in, o)
		if err != nil {
			return nil, err
		}
		card, err := s2.RunParallel(dossiers(), workers)
		if err == nil {
			err = lastErr()
		}
		return card, err
	}, Err: lastErr}
	return card, rs, nil
}

// writeJSON writes the card as examples/scorecard -format json does.
func writeJSON(w io.Writer, card *scorecard.Card) error {
	return report.Write(w, card, indicator.Portal(), report.Options{Format: report.JSON})
}

func parseAsOf(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, model.Vietnam())
	if err != nil {
		return time.Time{}, fmt.Errorf("-asof: %q is neither RFC 3339 nor YYYY-MM-DD", s)
	}
	return t, nil
}
