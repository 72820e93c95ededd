package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/examples/internal/report"
	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dataset"
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
	files                       dataset.Files // -units … -copies, -dossiers, -steps
	data                        string        // -data: a directory named by the convention
	tallies                     string
	portal                      string // -portal: folder of saved portal evaluation responses
	period, asof, edition       string
	onError, exportSample       string
	allowUnknown, strict, check bool
	workers, sampleDossiers     int
	cpuProfile, memProfile      string
	out                         report.Flags                           // -format, -lang, -unit, -bom, -what-if
	fs                          *flag.FlagSet                          // the parsed flags (report.Flags.Options visits them)
	opts                        report.Options                         // the output flags, checked
	src                         *report.Source                         // the scorer and its dossiers again, for report's second passes
	onCard                      func(card *scorecard.Card, passes int) // tests: sees runData's card and the number of decodes before output
	sieveHash                   func(key string) uint64                // tests: the re-send sieve's hash (dedupe.NewSieveHash), to make clashes
}

// listFlag is a repeatable flag whose values may also be comma lists (-dossiers a.json,b.json -dossiers c.csv).
type listFlag struct{ p *[]string }

func (l listFlag) String() string {
	if l.p == nil {
		return ""
	}
	return strings.Join(*l.p, ",")
}

func (l listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l.p = append(*l.p, s)
		}
	}
	return nil
}

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	return runWith(&config{}, args, stdout, stderr)
}

// runWith is run with a config whose unexported hooks (onCard) a test may have set.
func runWith(cp *config, args []string, stdout, stderr io.Writer) int {
	c := *cp
	fs := flag.NewFlagSet("scorecard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.files.Units, "units", "", "unit hierarchy CSV (csvio unit layout)")
	fs.StringVar(&c.files.Procedures, "procedures", "", "procedure catalogue: portal JSON or CSV (csvio layout)")
	fs.StringVar(&c.files.Offerings, "offerings", "", "per-unit online offerings CSV")
	fs.Var(listFlag{&c.files.Dossiers}, "dossiers", "dossier files: portal DongBoHoSoMC payload JSON or CSV (csvio layout); repeat the flag or give a comma list")
	fs.Var(listFlag{&c.files.Steps}, "steps", "timeline step files: CapNhatTienDoHoSoMC payload JSON or CSV; repeatable")
	fs.StringVar(&c.files.Petitions, "petitions", "", "petitions CSV (csvio layout)")
	fs.StringVar(&c.files.Ratings, "ratings", "", "dossier ratings CSV")
	fs.StringVar(&c.files.Copies, "copies", "", "certified-copy CSV of the communes (4.4)")
	fs.StringVar(&c.data, "data", "", "directory of input files named by convention (units.csv, procedures.csv, dossiers.json, …); flags name files on top of it")
	fs.StringVar(&c.onError, "on-error", "stop", "a bad dossier record: stop (exit 1) or skip (exclude it, count it in the ledger, list it, go on)")
	fs.BoolVar(&c.strict, "strict", false, "exit 1 when dossiers are attributed to units not in the unit file")
	fs.BoolVar(&c.check, "check", false, "print only the data-quality report of the inputs (no scoring)")
	fs.StringVar(&c.exportSample, "export-sample", "", "write the sample province as input files in this directory (the -data convention) and exit")
	fs.StringVar(&c.tallies, "tallies", "", "score a unit-tree tallies JSON (indicator.DecodeTree), or the portal's saved evaluation responses (a folder, or one <endpoint>….json file), instead of records")
	fs.StringVar(&c.portal, "portal", "", "reconcile the card with the portal's saved evaluation responses in this folder (per unit × metric: ours vs the portal's, points, likely cause)")
	fs.StringVar(&c.period, "period", DefaultPeriod, "evaluation period: 2026, 2026-Q3, 2026-08 or 2026-01-01..2026-03-31")
	fs.StringVar(&c.asof, "asof", "", "instant the data describe (RFC 3339 or YYYY-MM-DD, Vietnam time); default the sample's AsOf")
	fs.StringVar(&c.edition, "edition", "portal", "scoring edition: portal or document")
	fs.BoolVar(&c.allowUnknown, "allow-unknown-status", false, "count dossiers with unknown status codes instead of failing")
	c.out.Register(fs) // -unit, -format, -lang, -bom, -what-if (package examples/internal/report)
	fs.IntVar(&c.workers, "workers", min(runtime.GOMAXPROCS(0), MaxWorkers), fmt.Sprintf("scoring goroutines (1…%d)", MaxWorkers))
	fs.IntVar(&c.sampleDossiers, "sample-dossiers", 0, "dossiers of the generated sample (0: the sample's default)")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	fs.StringVar(&c.memProfile, "memprofile", "", "write a heap profile to this file after the card is scored (go tool pprof)")
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
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "scorecard: -cpuprofile: %v\n", err)
			return 1
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
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
	switch c.onError {
	case onErrorStop, onErrorSkip:
	default:
		return fmt.Errorf("-on-error: %q is neither stop nor skip", c.onError)
	}
	if c.exportSample != "" {
		return exportSample(c, stderr)
	}
	if c.tallies != "" {
		return runTallies(c, ed, stdout, stderr)
	}
	period, err := model.ParsePeriod(c.period)
	if err != nil {
		return fmt.Errorf("-period: %v", err)
	}
	files := c.files
	if c.data != "" {
		conv, ignored, err := dataset.Convention(c.data)
		if err != nil {
			return fmt.Errorf("-data: %w", err)
		}
		if len(ignored) > 0 {
			fmt.Fprintf(stderr, "scorecard: -data: ignored (not named by the convention): %s\n", strings.Join(ignored, ", "))
		}
		files = files.Merge(conv)
	}
	if !files.Empty() { // any data flag turns the sample off entirely
		return runData(c, ed, period, files, stdout, stderr)
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
	sopts := scorecard.Options{Period: period, AsOf: asOf, Calendar: p.Calendar, Edition: ed}
	if c.check {
		return checkOnly(c, in, sopts, p.Dossiers(), stdout)
	}
	s, err := scorecard.New(in, sopts)
	if err != nil {
		return err
	}
	card, err := s.RunParallel(p.Dossiers(), c.workers)
	if err != nil {
		return err
	}
	c.src = &report.Source{Scorer: s, Dossiers: p.Dossiers, Rescore: func(pp model.Period) (*scorecard.Card, error) {
		o := sopts
		o.Period = pp
		return rescore(in, o, p.Dossiers(), c.workers)
	}}
	return output(c, ed, card, stdout, stderr)
}

// output writes the card (or, with -portal, its reconciliation with the portal's saved evaluation).
func output(c *config, ed indicator.Edition, card *scorecard.Card, stdout, stderr io.Writer) error {
	if c.opts.Unit != "" {
		if _, ok := card.Unit(c.opts.Unit); !ok {
			return fmt.Errorf("-unit: unknown unit %q", c.opts.Unit)
		}
	}
	if c.portal != "" {
		return writeReconciliation(c, ed, &card.Result, stdout, stderr)
	}
	return report.WriteWith(stdout, card, ed, c.opts, c.src)
}

// rescore scores the same inputs and dossiers with other options (report's -previous PERIOD).
func rescore(in scorecard.Inputs, o scorecard.Options, ds iter.Seq[model.Dossier], workers int) (*scorecard.Card, error) {
	s, err := scorecard.New(in, o)
	if err != nil {
		return nil, err
	}
	return s.RunParallel(ds, workers)
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
