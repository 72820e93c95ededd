package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/examples/internal/report"
	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/portal"
)

// Defaults of the command.
const (
	DefaultSeed   = 766
	DefaultYear   = 2026
	DefaultPeriod = "2026"
	// TopReasons is the number of lost-point reasons printed in the table format.
	TopReasons = report.TopReasons
	// ProgressEvery is the number of dossiers between two progress lines on stderr (file input only).
	ProgressEvery = 100_000
	// MaxWorkers bounds -workers (1…MaxWorkers): scoring is CPU-bound, so more goroutines than cores only
	// cost memory (each worker holds a partial scorecard and two chunks of dossiers).
	MaxWorkers = 256
	// MaxPoints is the index's total (100 points): -what-if asks for a gain of at most this, and the
	// target (the unit's total + the gain) must not exceed the unit's own maximum.
	MaxPoints = report.MaxPoints
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type config struct {
	dossiers, procedures, petitions, tallies string
	portal                                   string // -portal: folder of saved portal evaluation responses
	period, asof, edition                    string
	allowUnknown                             bool
	workers, sampleDossiers                  int
	out                                      report.Flags   // -format, -lang, -unit, -bom, -what-if
	fs                                       *flag.FlagSet  // the parsed flags (report.Flags.Options visits them)
	opts                                     report.Options // the output flags, checked
}

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	var c config
	fs := flag.NewFlagSet("scorecard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.dossiers, "dossiers", "", "dossier file: portal payload JSON, or CSV (csvio layout) when it ends in .csv")
	fs.StringVar(&c.procedures, "procedures", "", "procedure catalogue: portal JSON, or CSV when it ends in .csv")
	fs.StringVar(&c.petitions, "petitions", "", "petitions CSV (csvio layout)")
	fs.StringVar(&c.tallies, "tallies", "", "score a unit-tree tallies JSON (indicator.DecodeTree), or the portal's saved evaluation responses (a folder, or one <endpoint>….json file), instead of records")
	fs.StringVar(&c.portal, "portal", "", "reconcile the card with the portal's saved evaluation responses in this folder (per unit × metric: ours vs the portal's, points, likely cause)")
	fs.StringVar(&c.period, "period", DefaultPeriod, "evaluation period: 2026, 2026-Q3, 2026-08 or 2026-01-01..2026-03-31")
	fs.StringVar(&c.asof, "asof", "", "instant the data describe (RFC 3339 or YYYY-MM-DD, Vietnam time); default the sample's AsOf")
	fs.StringVar(&c.edition, "edition", "portal", "scoring edition: portal or document")
	fs.BoolVar(&c.allowUnknown, "allow-unknown-status", false, "count dossiers with unknown status codes instead of failing")
	c.out.Register(fs) // -unit, -format, -lang, -bom, -what-if (package examples/internal/report)
	fs.IntVar(&c.workers, "workers", min(runtime.GOMAXPROCS(0), MaxWorkers), fmt.Sprintf("scoring goroutines (1…%d)", MaxWorkers))
	fs.IntVar(&c.sampleDossiers, "sample-dossiers", 0, "dossiers of the generated sample (0: the sample's default)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 1
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "scorecard: unexpected argument %q\n", fs.Arg(0))
		return 1
	}
	c.fs = fs
	// Every write to stdout goes through out, which keeps the first error: the table format prints with
	// fmt and text/tabwriter, whose errors would otherwise be lost (`> /dev/full` exited 0).
	out := &report.ErrWriter{W: stdout}
	err := execute(&c, out, stderr)
	if err == nil && out.Err != nil {
		err = out.Err
	}
	if err != nil {
		if out.Err != nil && errors.Is(err, out.Err) {
			err = fmt.Errorf("writing the output: %w", out.Err)
		}
		fmt.Fprintf(stderr, "scorecard: %v\n", err)
		return 1
	}
	return 0
}

// parseWhatIf reads the -what-if gain as an exact decimal (report.ParseWhatIf). Errors name the value; the
// caller adds the flag.
func parseWhatIf(s string) (decimal.Decimal, error) { return report.ParseWhatIf(s) }

func execute(c *config, stdout, stderr io.Writer) error {
	var ed indicator.Edition
	switch c.edition {
	case "portal":
		ed = indicator.Portal()
	case "document":
		ed = indicator.Document()
	default:
		return fmt.Errorf("-edition: unknown edition %q (portal or document)", c.edition)
	}
	if err := c.out.Check(); err != nil { // -format, -lang
		return err
	}
	if c.workers < 1 || c.workers > MaxWorkers {
		return fmt.Errorf("-workers: %d is outside 1…%d", c.workers, MaxWorkers)
	}
	opts, err := c.out.Options(c.fs) // -what-if
	if err != nil {
		return err
	}
	c.opts = opts
	if c.tallies != "" {
		return runTallies(c, ed, stdout, stderr)
	}
	period, err := model.ParsePeriod(c.period)
	if err != nil {
		return fmt.Errorf("-period: %v", err)
	}
	p, err := sample.Generate(sample.Options{Seed: DefaultSeed, Year: DefaultYear, Dossiers: c.sampleDossiers})
	if err != nil {
		return err
	}
	asOf := p.AsOf
	if c.asof != "" {
		if asOf, err = parseAsOf(c.asof, p.Calendar.Location()); err != nil {
			return err
		}
	}
	in := scorecard.Inputs{
		Units: p.Units, Procedures: p.Procedures, Offerings: p.Offerings,
		Petitions: p.Petitions, Ratings: p.Ratings,
	}
	for _, cc := range p.CertifiedCopies {
		in.Communes = append(in.Communes, digitisation.CommuneCopy{UnitID: cc.UnitID, Offers: cc.Electronic})
	}
	if c.procedures != "" {
		if in.Procedures, err = readProcedures(c.procedures); err != nil {
			return err
		}
	}
	if c.petitions != "" {
		if in.Petitions, err = readPetitions(c.petitions); err != nil {
			return err
		}
	}
	s, err := scorecard.New(in, scorecard.Options{Period: period, AsOf: asOf, Calendar: p.Calendar, Edition: ed})
	if err != nil {
		return err
	}
	var card *scorecard.Card
	if c.dossiers == "" {
		card, err = s.RunParallel(p.Dossiers(), c.workers)
		if err != nil {
			return err
		}
	} else {
		f, err := os.Open(c.dossiers)
		if err != nil {
			return err
		}
		defer f.Close()
		src := &fileSource{name: c.dossiers, allowUnknown: c.allowUnknown, stderr: stderr}
		if isCSV(c.dossiers) {
			src.seq = csvio.DecodeDossiers(f)
		} else {
			src.seq = portal.DecodeDossiers(f)
		}
		card, err = s.RunParallel(src.all(), c.workers)
		if src.err != nil {
			return src.err
		}
		if err != nil {
			return err
		}
		if src.n == 0 {
			return fmt.Errorf("%s: no dossier records", c.dossiers)
		}
		if src.n >= ProgressEvery {
			fmt.Fprintf(stderr, "scorecard: %s: %d dossiers read\n", c.dossiers, src.n)
		}
	}
	if c.opts.Unit != "" {
		if _, ok := card.Unit(c.opts.Unit); !ok {
			return fmt.Errorf("-unit: unknown unit %q", c.opts.Unit)
		}
	}
	if c.portal != "" {
		return writeReconciliation(c, ed, &card.Result, stdout, stderr)
	}
	return report.Write(stdout, card, ed, c.opts)
}

// csvRow is a unit's CSV row (report.CSVRow).
func csvRow(lang string, u indicator.UnitResult) []string { return report.CSVRow(lang, u) }

// csvText neutralises a text cell that a spreadsheet would read as a formula (report.CSVText).
func csvText(s string) string { return report.CSVText(s) }

func runTallies(c *config, ed indicator.Edition, stdout, stderr io.Writer) error {
	var t *indicator.Tree
	if isPortalPath(c.tallies) {
		var err error
		if t, err = portalTree(c.tallies, stderr); err != nil {
			return err
		}
	} else {
		b, err := os.ReadFile(c.tallies)
		if err != nil {
			return err
		}
		if t, err = indicator.DecodeTree(bytes.NewReader(b)); err != nil {
			return fmt.Errorf("%s: %v", c.tallies, err)
		}
	}
	res, err := ed.ScoreTree(t)
	if err != nil {
		return fmt.Errorf("%s: %v", c.tallies, err)
	}
	if c.portal != "" {
		return writeReconciliation(c, ed, &res, stdout, stderr)
	}
	return report.WriteTree(stdout, t, &res, ed, c.opts)
}

func parseAsOf(s string, loc *time.Location) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("-asof: %q is neither RFC 3339 nor YYYY-MM-DD", s)
	}
	return t, nil
}

func isCSV(name string) bool { return strings.EqualFold(filepath.Ext(name), ".csv") }

// fileSource adapts a decoder's Seq2 to the scorer's Seq, stopping at the first error (kept in err).
type fileSource struct {
	name         string
	seq          iter.Seq2[model.Dossier, error]
	allowUnknown bool
	stderr       io.Writer
	every        int64 // progress interval; 0 means ProgressEvery
	n            int64
	err          error
}

func (s *fileSource) all() iter.Seq[model.Dossier] {
	return func(yield func(model.Dossier) bool) {
		for d, err := range s.seq {
			if err != nil {
				s.err = recordError(s.name, err)
				return
			}
			if !s.allowUnknown && d.Status.String() != "" && !d.Status.Known() {
				s.err = fmt.Errorf("%s: record %d (code %s) field TrangThaiHoSo: unknown status code %q",
					s.name, s.n+1, d.Code, d.Status.String())
				return
			}
			s.n++
			every := s.every
			if every <= 0 {
				every = ProgressEvery
			}
			if s.n%every == 0 {
				fmt.Fprintf(s.stderr, "scorecard: %s: %d dossiers…\n", s.name, s.n)
			}
			if !yield(d) {
				return
			}
		}
	}
}

// recordError formats a decoder's error as "<file>: record N (code X) field F: message".
func recordError(name string, err error) error {
	var pe *portal.RecordError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: record %d (code %s) field %s: %v", name, pe.Index+1, orDash(pe.Code), orDash(pe.Field), pe.Err)
	}
	var ce *csvio.RecordError
	if errors.As(err, &ce) {
		return fmt.Errorf("%s: record %d (code %s) field %s: %v", name, ce.Index+1, orDash(ce.Code), orDash(ce.Field), ce.Err)
	}
	return fmt.Errorf("%s: %v", name, err)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func readProcedures(name string) ([]model.Procedure, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seq := portal.DecodeProcedures(f)
	if isCSV(name) {
		seq = csvio.DecodeProcedures(f)
	}
	var out []model.Procedure
	for p, err := range seq {
		if err != nil {
			return nil, recordError(name, err)
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no procedure records", name)
	}
	return out, nil
}

func readPetitions(name string) ([]model.Petition, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []model.Petition
	for p, err := range csvio.DecodePetitions(f) {
		if err != nil {
			return nil, recordError(name, err)
		}
		out = append(out, p)
	}
	return out, nil
}
