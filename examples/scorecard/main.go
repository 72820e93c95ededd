package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"

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
	TopReasons = 15
	// ProgressEvery is the number of dossiers between two progress lines on stderr (file input only).
	ProgressEvery = 100_000
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type config struct {
	dossiers, procedures, petitions, tallies  string
	period, unit, asof, edition, format, lang string
	bom, allowUnknown                         bool
	whatIf                                    float64
	workers, sampleDossiers                   int
}

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	var c config
	fs := flag.NewFlagSet("scorecard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.dossiers, "dossiers", "", "dossier file: portal payload JSON, or CSV (csvio layout) when it ends in .csv")
	fs.StringVar(&c.procedures, "procedures", "", "procedure catalogue: portal JSON, or CSV when it ends in .csv")
	fs.StringVar(&c.petitions, "petitions", "", "petitions CSV (csvio layout)")
	fs.StringVar(&c.tallies, "tallies", "", "score a unit-tree tallies JSON (indicator.DecodeTree) instead of records")
	fs.StringVar(&c.period, "period", DefaultPeriod, "evaluation period: 2026, 2026-Q3, 2026-08 or 2026-01-01..2026-03-31")
	fs.StringVar(&c.unit, "unit", "", "show only this unit id and its explanations")
	fs.StringVar(&c.asof, "asof", "", "instant the data describe (RFC 3339 or YYYY-MM-DD, Vietnam time); default the sample's AsOf")
	fs.StringVar(&c.edition, "edition", "portal", "scoring edition: portal or document")
	fs.StringVar(&c.format, "format", "table", "output format: table, json or csv")
	fs.StringVar(&c.lang, "lang", "vi", "labels: vi or en")
	fs.BoolVar(&c.bom, "bom", false, "start CSV output with a UTF-8 byte-order mark (for spreadsheet programs)")
	fs.BoolVar(&c.allowUnknown, "allow-unknown-status", false, "count dossiers with unknown status codes instead of failing")
	fs.Float64Var(&c.whatIf, "what-if", 0, "list the cheapest ways for the unit (-unit, default the root) to gain N points")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "scoring goroutines")
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
	if err := execute(&c, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "scorecard: %v\n", err)
		return 1
	}
	return 0
}

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
	switch c.format {
	case "table", "json", "csv":
	default:
		return fmt.Errorf("-format: unknown format %q (table, json or csv)", c.format)
	}
	if c.lang != "vi" && c.lang != "en" {
		return fmt.Errorf("-lang: unknown language %q (vi or en)", c.lang)
	}
	if c.tallies != "" {
		return runTallies(c, ed, stdout)
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
	if c.unit != "" {
		if _, ok := card.Unit(c.unit); !ok {
			return fmt.Errorf("-unit: unknown unit %q", c.unit)
		}
	}
	var plan *scorecard.Plan
	if c.whatIf != 0 {
		id := c.unit
		if id == "" {
			id = card.Units[0].Unit.ID
		}
		pl, err := card.PlanGain(ed, id, decimal.NewFromFloat(c.whatIf), scorecard.PlanOptions{})
		if err != nil {
			return fmt.Errorf("-what-if: %v", err)
		}
		plan = &pl
	}
	units := make([]indicator.UnitResult, 0, len(card.Units))
	var expl []lost
	for _, u := range card.Units {
		if c.unit != "" && u.Unit.ID != c.unit {
			continue
		}
		units = append(units, u.UnitResult)
		for _, e := range u.Explanations {
			for _, r := range e.Reasons {
				expl = append(expl, lost{Unit: u.Unit.ID, Metric: e.Metric, Points: r.Points, Reason: r.Reason,
					Count: r.Count, Examples: r.Examples})
			}
		}
	}
	sort.SliceStable(expl, func(i, j int) bool {
		if k := expl[i].Points.Cmp(expl[j].Points); k != 0 {
			return k > 0
		}
		return expl[i].Count > expl[j].Count
	})
	switch c.format {
	case "json":
		var v any = card
		if c.unit != "" {
			u, _ := card.Unit(c.unit)
			v = u
		}
		out := struct {
			Card any             `json:"card"`
			Plan *scorecard.Plan `json:"whatIf,omitempty"`
		}{v, plan}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "csv":
		return writeCSV(stdout, c, units, expl)
	}
	lbl := labels(c.lang)
	fmt.Fprintf(stdout, "%s %s — %s %s — %s %s — %d %s\n\n", lbl.period, period, lbl.asof,
		asOf.Format(time.RFC3339), lbl.edition, card.Edition, card.Dossiers, lbl.dossiers)
	writeTable(stdout, c.lang, units)
	if len(card.Unattributed) > 0 {
		fmt.Fprintf(stdout, "\n%s: %s\n", lbl.unattributed, strings.Join(card.Unattributed, ", "))
	}
	n := len(expl)
	if c.unit == "" && n > TopReasons {
		n = TopReasons
	}
	fmt.Fprintf(stdout, "\n%s\n", lbl.reasons)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(lbl.reasonCols, "\t"))
	for _, e := range expl[:n] {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", e.Unit, e.Metric, e.Points.StringFixed(2), e.Reason, e.Count,
			strings.Join(e.Examples, " "))
	}
	tw.Flush()
	if plan != nil {
		fmt.Fprintf(stdout, "\n%s %s → %s\n", lbl.whatIf, plan.Total.StringFixed(2), plan.Target.StringFixed(2))
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(lbl.planCols, "\t"))
		for _, m := range plan.Cheapest {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", m.Metric, m.Records, m.Gain.StringFixed(2), m.PerRecord.String())
		}
		tw.Flush()
		if len(plan.Cheapest) == 0 {
			fmt.Fprintln(stdout, lbl.unreachable)
		}
	}
	return nil
}

type lost struct {
	Unit     string
	Metric   indicator.ID
	Points   decimal.Decimal
	Reason   indicator.Reason
	Count    int64
	Examples []string
}

type text struct {
	period, asof, edition, dossiers, unattributed, reasons, whatIf, unreachable string
	unitCols, reasonCols, planCols                                              []string
}

func labels(lang string) text {
	if lang == "en" {
		return text{"Period", "as of", "edition", "dossiers", "Unattributed units", "Largest lost points",
			"What-if: total", "No metric alone reaches the target.",
			[]string{"unit", "name", "kind"}, []string{"unit", "metric", "points lost", "reason", "count", "examples"},
			[]string{"metric", "records", "gain", "per record"}}
	}
	return text{"Kỳ", "tính đến", "phiên bản", "hồ sơ", "Đơn vị không có trong danh sách", "Điểm bị mất nhiều nhất",
		"Giả định: tổng điểm", "Không chỉ số nào một mình đạt được mục tiêu.",
		[]string{"đơn vị", "tên", "loại"}, []string{"đơn vị", "chỉ số", "điểm mất", "lý do", "số lượng", "ví dụ"},
		[]string{"chỉ số", "số hồ sơ", "tăng", "mỗi hồ sơ"}}
}

func header(lang string) []string {
	h := append([]string(nil), labels(lang).unitCols...)
	for g := indicator.G1; g <= indicator.G5; g++ {
		name := g.NameVI()
		if lang == "en" {
			name = g.NameEN()
		}
		h = append(h, g.String()+" "+name)
	}
	if lang == "en" {
		return append(h, "total", "rank", "band")
	}
	return append(h, "tổng", "hạng", "xếp loại")
}

func row(lang string, u indicator.UnitResult, indent bool) []string {
	id := u.Unit.ID
	if indent {
		id = strings.Repeat("  ", u.Depth) + id
	}
	r := []string{id, u.Unit.Name, string(u.Unit.Kind)}
	for i := range u.Pooled.Groups {
		r = append(r, u.Pooled.Groups[i].Score.StringFixed(2))
	}
	band := ""
	if u.Banded {
		band = u.Band.NameVI
		if lang == "en" {
			band = u.Band.NameEN
		}
	}
	return append(r, u.Pooled.Total.StringFixed(2), fmt.Sprint(u.Rank), band)
}

func writeTable(w io.Writer, lang string, units []indicator.UnitResult) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	h := header(lang)
	for i := 3; i < 3+indicator.NumGroups; i++ { // group names are long: keep the code in the table
		h[i], _, _ = strings.Cut(h[i], " ")
	}
	fmt.Fprintln(tw, strings.Join(h, "\t"))
	for _, u := range units {
		fmt.Fprintln(tw, strings.Join(row(lang, u, true), "\t"))
	}
	tw.Flush()
}

func writeCSV(w io.Writer, c *config, units []indicator.UnitResult, expl []lost) error {
	if c.bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Write(header(c.lang))
	for _, u := range units {
		cw.Write(row(c.lang, u, false))
	}
	if expl != nil {
		cw.Write(nil)
		cw.Write(labels(c.lang).reasonCols)
		for _, e := range expl {
			cw.Write([]string{e.Unit, e.Metric.String(), e.Points.StringFixed(2), string(e.Reason),
				fmt.Sprint(e.Count), strings.Join(e.Examples, ";")})
		}
	}
	cw.Flush()
	return cw.Error()
}

func runTallies(c *config, ed indicator.Edition, stdout io.Writer) error {
	b, err := os.ReadFile(c.tallies)
	if err != nil {
		return err
	}
	t, err := indicator.DecodeTree(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("%s: %v", c.tallies, err)
	}
	res, err := ed.ScoreTree(t)
	if err != nil {
		return fmt.Errorf("%s: %v", c.tallies, err)
	}
	units := res.Units
	if c.unit != "" {
		u, ok := res.Unit(c.unit)
		if !ok {
			return fmt.Errorf("-unit: unknown unit %q", c.unit)
		}
		units = []indicator.UnitResult{u}
	}
	switch c.format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(units)
	case "csv":
		return writeCSV(stdout, c, units, nil)
	}
	lbl := labels(c.lang)
	fmt.Fprintf(stdout, "%s %s — %s %s\n\n", lbl.period, res.Period, lbl.edition, res.Edition)
	writeTable(stdout, c.lang, units)
	return nil
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
