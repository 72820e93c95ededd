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
	// MaxWorkers bounds -workers (1…MaxWorkers): scoring is CPU-bound, so more goroutines than cores only
	// cost memory (each worker holds a partial scorecard and two chunks of dossiers).
	MaxWorkers = 256
	// MaxPoints is the index's total (100 points): -what-if asks for a gain of at most this, and the
	// target (the unit's total + the gain) must not exceed the unit's own maximum.
	MaxPoints = 100
	// maxWhatIfLen and maxWhatIfExp bound the -what-if text before any arithmetic, so that a value such as
	// 1e-400000000 cannot make the decimal arithmetic rescale to hundreds of millions of digits.
	maxWhatIfLen = 32
	maxWhatIfExp = 16
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type config struct {
	dossiers, procedures, petitions, tallies  string
	portal                                    string // -portal: folder of saved portal evaluation responses
	period, unit, asof, edition, format, lang string
	bom, allowUnknown, whatIfSet              bool
	whatIf                                    string
	workers, sampleDossiers                   int
	gain                                      decimal.Decimal // -what-if, parsed; zero: no plan
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
	fs.StringVar(&c.unit, "unit", "", "show only this unit id and its explanations")
	fs.StringVar(&c.asof, "asof", "", "instant the data describe (RFC 3339 or YYYY-MM-DD, Vietnam time); default the sample's AsOf")
	fs.StringVar(&c.edition, "edition", "portal", "scoring edition: portal or document")
	fs.StringVar(&c.format, "format", "table", "output format: table, json or csv")
	fs.StringVar(&c.lang, "lang", "vi", "labels: vi or en")
	fs.BoolVar(&c.bom, "bom", false, "start CSV output with a UTF-8 byte-order mark (for spreadsheet programs)")
	fs.BoolVar(&c.allowUnknown, "allow-unknown-status", false, "count dossiers with unknown status codes instead of failing")
	fs.StringVar(&c.whatIf, "what-if", "", "list the cheapest ways for the unit (-unit, default the root) to gain N points (a decimal, 0 < N ≤ 100)")
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
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "what-if" {
			c.whatIfSet = true
		}
	})
	// Every write to stdout goes through out, which keeps the first error: the table format prints with
	// fmt and text/tabwriter, whose errors would otherwise be lost (`> /dev/full` exited 0).
	out := &errWriter{w: stdout}
	err := execute(&c, out, stderr)
	if err == nil && out.err != nil {
		err = out.err
	}
	if err != nil {
		if out.err != nil && errors.Is(err, out.err) {
			err = fmt.Errorf("writing the output: %w", out.err)
		}
		fmt.Fprintf(stderr, "scorecard: %v\n", err)
		return 1
	}
	return 0
}

// errWriter forwards writes to w until the first error, which it keeps in err; later writes fail with it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.err = err
	}
	return n, err
}

// parseWhatIf reads the -what-if gain as an exact decimal (never through float64: NaN and ±Inf do not
// exist in it). It accepts a plain decimal number, optionally with an exponent, of at most maxWhatIfLen
// characters and an exponent within ±maxWhatIfExp, not negative and not above MaxPoints. Zero means "no
// plan". Errors name the value; the caller adds the flag.
func parseWhatIf(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, errors.New("empty value: want a number of points, e.g. 2.5")
	}
	if len(s) > maxWhatIfLen {
		return decimal.Decimal{}, fmt.Errorf("%.*q… is longer than %d characters", maxWhatIfLen, s, maxWhatIfLen)
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789.+-eE", r) {
			return decimal.Decimal{}, fmt.Errorf("%q is not a decimal number of points (NaN and Inf are not numbers)", s)
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%q is not a decimal number of points", s)
	}
	if e := d.Exponent(); e < -maxWhatIfExp || e > maxWhatIfExp {
		return decimal.Decimal{}, fmt.Errorf("%s is out of range (0…%d points, at most %d decimal places)", s, MaxPoints, maxWhatIfExp)
	}
	if d.Sign() < 0 {
		return decimal.Decimal{}, fmt.Errorf("%s is negative: want a gain of 0…%d points", s, MaxPoints)
	}
	if d.GreaterThan(decimal.NewFromInt(MaxPoints)) {
		return decimal.Decimal{}, fmt.Errorf("%s is above the maximum total of %d points", s, MaxPoints)
	}
	return d, nil
}

// checkTarget refuses a gain that would take the unit's total above its maximum: no record can get it
// there, and the planner would search every metric to its limit for nothing.
func checkTarget(u indicator.UnitResult, gain decimal.Decimal) error {
	target := u.Pooled.Total.Add(gain)
	if target.GreaterThan(u.Pooled.Max) {
		return fmt.Errorf("target %s (total %s + %s) is above the maximum %s of unit %s",
			target.String(), u.Pooled.Total.StringFixed(2), gain.String(), u.Pooled.Max.StringFixed(2), u.Unit.ID)
	}
	return nil
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
	if c.workers < 1 || c.workers > MaxWorkers {
		return fmt.Errorf("-workers: %d is outside 1…%d", c.workers, MaxWorkers)
	}
	if c.whatIfSet {
		g, err := parseWhatIf(c.whatIf)
		if err != nil {
			return fmt.Errorf("-what-if: %v", err)
		}
		c.gain = g
	}
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
	if c.unit != "" {
		if _, ok := card.Unit(c.unit); !ok {
			return fmt.Errorf("-unit: unknown unit %q", c.unit)
		}
	}
	if c.portal != "" {
		return writeReconciliation(c, ed, &card.Result, stdout, stderr)
	}
	var plan *scorecard.Plan
	if !c.gain.IsZero() {
		id := c.unit
		if id == "" {
			id = card.Units[0].Unit.ID
		}
		u, _ := card.Unit(id)
		if err := checkTarget(u.UnitResult, c.gain); err != nil {
			return fmt.Errorf("-what-if: %v", err)
		}
		pl, err := card.PlanGain(ed, id, c.gain, scorecard.PlanOptions{})
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
		return writeCSV(stdout, c, units, expl, plan)
	}
	lbl := labels(c.lang)
	fmt.Fprintf(stdout, "%s %s — %s %s — %s %s — %d %s\n\n", lbl.period, period, lbl.asof,
		asOf.Format(time.RFC3339), lbl.edition, card.Edition, card.Dossiers, lbl.dossiers)
	if err := writeTable(stdout, c.lang, units); err != nil {
		return err
	}
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
	if err := tw.Flush(); err != nil {
		return err
	}
	if plan != nil {
		return writePlan(stdout, lbl, plan)
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

func writeTable(w io.Writer, lang string, units []indicator.UnitResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	h := header(lang)
	for i := 3; i < 3+indicator.NumGroups; i++ { // group names are long: keep the code in the table
		h[i], _, _ = strings.Cut(h[i], " ")
	}
	fmt.Fprintln(tw, strings.Join(h, "\t"))
	for _, u := range units {
		fmt.Fprintln(tw, strings.Join(row(lang, u, true), "\t"))
	}
	return tw.Flush()
}

// writeCSV writes the unit rows, the lost-point reasons when expl is not nil and the what-if plan when
// plan is not nil (each block after an empty line) as CSV. Text cells go through csvText; number cells
// are written as they are.
func writeCSV(w io.Writer, c *config, units []indicator.UnitResult, expl []lost, plan *scorecard.Plan) error {
	if c.bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Write(csvTexts(header(c.lang)))
	for _, u := range units {
		cw.Write(csvRow(c.lang, u))
	}
	if expl != nil {
		cw.Write(nil)
		cw.Write(csvTexts(labels(c.lang).reasonCols))
		for _, e := range expl {
			cw.Write([]string{csvText(e.Unit), csvText(e.Metric.String()), e.Points.StringFixed(2),
				csvText(string(e.Reason)), fmt.Sprint(e.Count), csvText(strings.Join(e.Examples, ";"))})
		}
	}
	if plan != nil {
		lbl := labels(c.lang)
		cw.Write(nil)
		cw.Write([]string{csvText(lbl.whatIf), plan.Total.StringFixed(2), plan.Target.StringFixed(2)})
		cw.Write(csvTexts(lbl.planCols))
		for _, m := range plan.Cheapest {
			cw.Write([]string{csvText(m.Metric.String()), fmt.Sprint(m.Records), m.Gain.StringFixed(2), m.PerRecord.String()})
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvRow is row for CSV: the unit's id, name, kind and band are text cells (csvText), the scores and the
// rank numbers.
func csvRow(lang string, u indicator.UnitResult) []string {
	r := row(lang, u, false)
	for _, i := range []int{0, 1, 2, len(r) - 1} {
		r[i] = csvText(r[i])
	}
	return r
}

func csvTexts(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = csvText(c)
	}
	return out
}

// csvText neutralises a text cell that a spreadsheet would read as a formula (CSV injection, OWASP): a
// cell starting with = + - @ tab or carriage return, or with the full-width forms of = + - @ (which some
// spreadsheet programs also accept), gets a leading single quote, so that Excel and LibreOffice show the
// text instead of evaluating it. It is applied to every CSV the command writes, with or without -bom, and
// to text cells only: numbers (a negative delta included) are never passed through it. The quote is
// visible to programs that read the CSV as data; they can strip a leading "'" from text cells.
func csvText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	for _, p := range []string{"\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"} {
		if strings.HasPrefix(s, p) {
			return "'" + s
		}
	}
	return s
}

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
	units := res.Units
	if c.unit != "" {
		u, ok := res.Unit(c.unit)
		if !ok {
			return fmt.Errorf("-unit: unknown unit %q", c.unit)
		}
		units = []indicator.UnitResult{u}
	}
	var plan *scorecard.Plan
	if !c.gain.IsZero() {
		u := units[0]
		if err := checkTarget(u, c.gain); err != nil {
			return fmt.Errorf("-what-if: %v", err)
		}
		pl, err := scorecard.PlanGain(ed, t.Pooled(u.Unit.ID), c.gain, scorecard.PlanOptions{})
		if err != nil {
			return fmt.Errorf("-what-if: %v", err)
		}
		plan = &pl
	}
	switch c.format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if plan != nil {
			return enc.Encode(struct {
				Units []indicator.UnitResult `json:"units"`
				Plan  *scorecard.Plan        `json:"whatIf"`
			}{units, plan})
		}
		return enc.Encode(units)
	case "csv":
		return writeCSV(stdout, c, units, nil, plan)
	}
	lbl := labels(c.lang)
	fmt.Fprintf(stdout, "%s %s — %s %s\n\n", lbl.period, res.Period, lbl.edition, res.Edition)
	if err := writeTable(stdout, c.lang, units); err != nil {
		return err
	}
	if plan != nil {
		return writePlan(stdout, lbl, plan)
	}
	return nil
}

// writePlan prints a what-if plan as a table.
func writePlan(w io.Writer, lbl text, plan *scorecard.Plan) error {
	fmt.Fprintf(w, "\n%s %s → %s\n", lbl.whatIf, plan.Total.StringFixed(2), plan.Target.StringFixed(2))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(lbl.planCols, "\t"))
	for _, m := range plan.Cheapest {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", m.Metric, m.Records, m.Gain.StringFixed(2), m.PerRecord.String())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(plan.Cheapest) == 0 {
		_, err := fmt.Fprintln(w, lbl.unreachable)
		return err
	}
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
