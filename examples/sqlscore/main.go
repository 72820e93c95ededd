// Command sqlscore prints the Decision 766/QĐ-TTg scorecard of a province read straight from its one-stop
// database through the views of docs/sql.md (package model/sqlio): the same card as examples/scorecard.
//
//	go run . -driver pgx -dsn 'postgres://user@127.0.0.1:5432/onestop' -period 2026-08 -asof 2026-09-01
//	go run .                      # no -dsn: the sample province in a temporary SQLite database
//
// With no -dsn it generates the sample province of examples/scorecard (seed 766, year 2026), writes it into a
// temporary SQLite file (pure-Go driver modernc.org/sqlite, no cgo) in the worked-example schema of
// docs/sql.md with its views, and scores it from there: the JSON card equals `go run ./examples/scorecard
// -format json` byte for byte (TestSQLiteEqualsCLI).
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
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/vn-dvc/chiso766/calendar"
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
	driver, dsn, period, asof, edition, format string
	workers, sampleDossiers                    int
	allowUnknown                               bool
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
	fs.StringVar(&c.format, "format", "table", "output format: table or json")
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
	if c.format != "table" && c.format != "json" {
		return fmt.Errorf("-format: unknown format %q (table or json)", c.format)
	}
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
	card, err := score(ctx, db, c.driver, period, asOf, ed, c.workers, c.allowUnknown)
	if err != nil {
		return err
	}
	if c.format == "json" {
		return writeJSON(stdout, card)
	}
	return writeTable(stdout, card)
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
	cal, err := calendar.New(calendar.Options{FromYear: period.StartTime().Year() - 1, ToYear: period.EndTime().Year() + 1})
	if err != nil {
		return nil, err
	}
	in, err := readInputs(ctx, db, dialect)
	if err != nil {
		return nil, err
	}
	s, err := scorecard.New(in, scorecard.Options{Period: period, AsOf: asOf, Calendar: cal, Edition: ed})
	if err != nil {
		return nil, err
	}
	src := &dossierSource{seq: sqlio.QueryDossiers(ctx, db, dossierQueries(dialect)), allowUnknown: allowUnknown}
	card, err := s.RunParallel(src.all(), workers)
	if src.err != nil {
		return nil, src.err
	}
	if err != nil {
		return nil, err
	}
	if src.n == 0 {
		return nil, errors.New("no dossier records in chiso_dossiers")
	}
	return card, nil
}

// writeJSON writes the card as examples/scorecard -format json does.
func writeJSON(w io.Writer, card *scorecard.Card) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Card any `json:"card"`
	}{card})
}

// writeTable prints one row per unit: id, name, kind, the six group scores, total, rank and band.
func writeTable(w io.Writer, card *scorecard.Card) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s — %d dossiers — %s\n", card.Period, card.Dossiers, card.Edition)
	head := []string{"unit", "name", "kind"}
	for g := indicator.G1; g <= indicator.G5; g++ {
		head = append(head, g.String())
	}
	fmt.Fprintln(tw, strings.Join(append(head, "total", "rank", "band"), "\t"))
	for _, u := range card.Units {
		cells := []string{strings.Repeat("  ", u.Depth) + u.Unit.ID, u.Unit.Name, string(u.Unit.Kind)}
		for i := range u.Pooled.Groups {
			cells = append(cells, u.Pooled.Groups[i].Score.StringFixed(2))
		}
		band := ""
		if u.Banded {
			band = u.Band.NameVI
		}
		fmt.Fprintln(tw, strings.Join(append(cells, u.Pooled.Total.StringFixed(2), fmt.Sprint(u.Rank), band), "\t"))
	}
	if len(card.Unattributed) > 0 {
		fmt.Fprintf(tw, "unattributed: %s\n", strings.Join(card.Unattributed, ", "))
	}
	return tw.Flush()
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
