// Package report renders a Decision 766/QĐ-TTg scorecard as the example commands print it: the table (one
// row per unit, then the largest lost points and the what-if plan) in Vietnamese or English, CSV (with an
// optional UTF-8 byte-order mark and a guard against CSV injection) and JSON. It is everything that happens
// after a *scorecard.Card (Write) or a scored unit tree (WriteTree) exists, shared by examples/scorecard
// (records from the sample or files) and examples/sqlscore (records from a database), so that the two print
// the same bytes for the same card.
//
// The five output flags both commands offer (-format, -lang, -unit, -bom, -what-if) are defined by
// Flags.Register and checked by Flags.Options; errors name the flag (*FlagError), e.g.
// `-what-if: 1e9 is above the maximum total of 100 points`.
//
// Policies (those of the commands' documentation):
//   - -what-if is read as an exact decimal (never float64): NaN, Inf, text, a negative gain, a gain above
//     MaxPoints, more than 32 characters or an exponent beyond ±16 are errors, and so is a gain that would
//     take the unit's total above its maximum (Result.Max); 0 means no plan;
//   - every format reports the first write error (the table is printed with fmt and text/tabwriter, whose
//     errors are kept by a writer that remembers the first one);
//   - CSV text cells (unit id, name, kind, band, reason, examples, labels) that start with = + - @ tab or
//     carriage return (or the full-width = + - @) get a leading single quote (CSVText); number cells are
//     written as they are.
package report

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
)

const (
	// TopReasons is the number of lost-point reasons printed in the table format (all of them with a unit).
	TopReasons = 15
	// MaxPoints is the index's total (100 points): -what-if asks for a gain of at most this, and the
	// target (the unit's total + the gain) must not exceed the unit's own maximum.
	MaxPoints = 100
	// maxWhatIfLen and maxWhatIfExp bound the -what-if text before any arithmetic, so that a value such as
	// 1e-400000000 cannot make the decimal arithmetic rescale to hundreds of millions of digits.
	maxWhatIfLen = 32
	maxWhatIfExp = 16
)

// Formats.
const (
	Table = "table"
	JSON  = "json"
	CSV   = "csv"
)

// Options choose what Write and WriteTree print.
type Options struct {
	// Format is Table (also when empty), JSON or CSV.
	Format string
	// Lang is the language of the labels: "vi" (also when empty) or "en".
	Lang string
	// Unit, when not empty, shows only this unit (and all its explanations instead of the TopReasons
	// largest); it must be a unit of the card.
	Unit string
	// BOM starts CSV output with a UTF-8 byte-order mark (for spreadsheet programs).
	BOM bool
	// WhatIf, when not zero, adds the cheapest ways for the unit (Unit, default the first unit: the root) to
	// gain that many points (ParseWhatIf reads it from text).
	WhatIf decimal.Decimal
}

// FlagError is an error in the value of the command-line flag Flag (named without its dash).
type FlagError struct {
	Flag string
	Err  error
}

func (e *FlagError) Error() string { return "-" + e.Flag + ": " + e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

func flagErr(name, format string, args ...any) error {
	return &FlagError{Flag: name, Err: fmt.Errorf(format, args...)}
}

// Check checks Format and Lang.
func (o Options) Check() error {
	switch o.Format {
	case "", Table, JSON, CSV:
	default:
		return flagErr("format", "unknown format %q (table, json or csv)", o.Format)
	}
	if o.Lang != "" && o.Lang != "vi" && o.Lang != "en" {
		return flagErr("lang", "unknown language %q (vi or en)", o.Lang)
	}
	return nil
}

func (o Options) withDefaults() Options {
	if o.Format == "" {
		o.Format = Table
	}
	if o.Lang == "" {
		o.Lang = "vi"
	}
	return o
}

// Flags are the output flags as text, before they are checked.
type Flags struct {
	Format, Lang, Unit, WhatIf string
	BOM                        bool
}

// Register defines -format, -lang, -unit, -bom and -what-if on fs, stored in f.
func (f *Flags) Register(fs *flag.FlagSet) {
	fs.StringVar(&f.Unit, "unit", "", "show only this unit id and its explanations")
	fs.StringVar(&f.Format, "format", Table, "output format: table, json or csv")
	fs.StringVar(&f.Lang, "lang", "vi", "labels: vi or en")
	fs.BoolVar(&f.BOM, "bom", false, "start CSV output with a UTF-8 byte-order mark (for spreadsheet programs)")
	fs.StringVar(&f.WhatIf, "what-if", "", "list the cheapest ways for the unit (-unit, default the root) to gain N points (a decimal, 0 < N ≤ 100)")
}

// Check checks -format and -lang.
func (f *Flags) Check() error { return Options{Format: f.Format, Lang: f.Lang}.Check() }

// Options checks the flags (-format, -lang, then -what-if) after fs.Parse and returns them as Options. fs
// is the flag set f was registered on: an empty -what-if given on the command line is an error, an absent
// one means no plan.
func (f *Flags) Options(fs *flag.FlagSet) (Options, error) {
	o := Options{Format: f.Format, Lang: f.Lang, Unit: f.Unit, BOM: f.BOM}
	if err := o.Check(); err != nil {
		return Options{}, err
	}
	set := false
	fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "what-if" {
			set = true
		}
	})
	if set {
		g, err := ParseWhatIf(f.WhatIf)
		if err != nil {
			return Options{}, &FlagError{Flag: "what-if", Err: err}
		}
		o.WhatIf = g
	}
	return o, nil
}

// ParseWhatIf reads a -what-if gain as an exact decimal (never through float64: NaN and ±Inf do not exist
// in it). It accepts a plain decimal number, optionally with an exponent, of at most 32 characters and an
// exponent within ±16, not negative and not above MaxPoints. Zero means "no plan". Errors name the value;
// the caller adds the flag.
func ParseWhatIf(s string) (decimal.Decimal, error) {
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
		return flagErr("what-if", "target %s (total %s + %s) is above the maximum %s of unit %s",
			target.String(), u.Pooled.Total.StringFixed(2), gain.String(), u.Pooled.Max.StringFixed(2), u.Unit.ID)
	}
	return nil
}

// Write prints card in the format of o: the table (period, as-of instant, edition and dossiers; the units;
// the unattributed unit ids; the largest lost points; the what-if plan), CSV (units, lost points, plan) or
// the JSON card (`{"card": …, "whatIf": …}`; with o.Unit the unit's card only). ed is the edition the card
// was scored with (the what-if planner's). Errors: a *FlagError for an unknown o.Format, o.Lang or o.Unit
// and a gain the unit cannot reach, before anything is written; else the first write error.
func Write(w io.Writer, card *scorecard.Card, ed indicator.Edition, o Options) error {
	if err := o.Check(); err != nil {
		return err
	}
	o = o.withDefaults()
	if o.Unit != "" {
		if _, ok := card.Unit(o.Unit); !ok {
			return flagErr("unit", "unknown unit %q", o.Unit)
		}
	}
	var plan *scorecard.Plan
	if !o.WhatIf.IsZero() {
		id := o.Unit
		if id == "" {
			if len(card.Units) == 0 {
				return flagErr("what-if", "the card has no unit")
			}
			id = card.Units[0].Unit.ID
		}
		u, _ := card.Unit(id)
		if err := checkTarget(u.UnitResult, o.WhatIf); err != nil {
			return err
		}
		pl, err := card.PlanGain(ed, id, o.WhatIf, scorecard.PlanOptions{})
		if err != nil {
			return &FlagError{Flag: "what-if", Err: err}
		}
		plan = &pl
	}
	units := make([]indicator.UnitResult, 0, len(card.Units))
	var expl []lost
	for _, u := range card.Units {
		if o.Unit != "" && u.Unit.ID != o.Unit {
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
	ew := &ErrWriter{W: w}
	err := writeCard(ew, card, o, units, expl, plan)
	if ew.Err != nil {
		return ew.Err
	}
	return err
}

func writeCard(w io.Writer, card *scorecard.Card, o Options, units []indicator.UnitResult, expl []lost, plan *scorecard.Plan) error {
	switch o.Format {
	case JSON:
		var v any = card
		if o.Unit != "" {
			u, _ := card.Unit(o.Unit)
			v = u
		}
		out := struct {
			Card any             `json:"card"`
			Plan *scorecard.Plan `json:"whatIf,omitempty"`
		}{v, plan}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case CSV:
		return writeCSV(w, o, units, expl, plan)
	}
	lbl := labels(o.Lang)
	fmt.Fprintf(w, "%s %s — %s %s — %s %s — %d %s\n\n", lbl.period, card.Period, lbl.asof,
		card.AsOf.Format(time.RFC3339), lbl.edition, card.Edition, card.Dossiers, lbl.dossiers)
	if err := writeTable(w, o.Lang, units); err != nil {
		return err
	}
	if len(card.Unattributed) > 0 {
		fmt.Fprintf(w, "\n%s: %s\n", lbl.unattributed, strings.Join(card.Unattributed, ", "))
	}
	n := len(expl)
	if o.Unit == "" && n > TopReasons {
		n = TopReasons
	}
	fmt.Fprintf(w, "\n%s\n", lbl.reasons)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(lbl.reasonCols, "\t"))
	for _, e := range expl[:n] {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", e.Unit, e.Metric, e.Points.StringFixed(2), e.Reason, e.Count,
			strings.Join(e.Examples, " "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if plan != nil {
		return writePlan(w, lbl, plan)
	}
	return nil
}

// WriteTree prints the scored unit tree res (ed.ScoreTree(t)) in the format of o: the table (period and
// edition; the units; the what-if plan of the unit's pooled counts), CSV (units, plan) or JSON (the unit
// results, or `{"units": …, "whatIf": …}` with a plan). Errors as Write's.
func WriteTree(w io.Writer, t *indicator.Tree, res *indicator.TreeResult, ed indicator.Edition, o Options) error {
	if err := o.Check(); err != nil {
		return err
	}
	o = o.withDefaults()
	units := res.Units
	if o.Unit != "" {
		u, ok := res.Unit(o.Unit)
		if !ok {
			return flagErr("unit", "unknown unit %q", o.Unit)
		}
		units = []indicator.UnitResult{u}
	}
	var plan *scorecard.Plan
	if !o.WhatIf.IsZero() {
		if len(units) == 0 {
			return flagErr("what-if", "the tree has no unit")
		}
		u := units[0]
		if err := checkTarget(u, o.WhatIf); err != nil {
			return err
		}
		pl, err := scorecard.PlanGain(ed, t.Pooled(u.Unit.ID), o.WhatIf, scorecard.PlanOptions{})
		if err != nil {
			return &FlagError{Flag: "what-if", Err: err}
		}
		plan = &pl
	}
	ew := &ErrWriter{W: w}
	err := writeTree(ew, res, o, units, plan)
	if ew.Err != nil {
		return ew.Err
	}
	return err
}

func writeTree(w io.Writer, res *indicator.TreeResult, o Options, units []indicator.UnitResult, plan *scorecard.Plan) error {
	switch o.Format {
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if plan != nil {
			return enc.Encode(struct {
				Units []indicator.UnitResult `json:"units"`
				Plan  *scorecard.Plan        `json:"whatIf"`
			}{units, plan})
		}
		return enc.Encode(units)
	case CSV:
		return writeCSV(w, o, units, nil, plan)
	}
	lbl := labels(o.Lang)
	fmt.Fprintf(w, "%s %s — %s %s\n\n", lbl.period, res.Period, lbl.edition, res.Edition)
	if err := writeTable(w, o.Lang, units); err != nil {
		return err
	}
	if plan != nil {
		return writePlan(w, lbl, plan)
	}
	return nil
}

// ErrWriter forwards writes to W until the first error, which it keeps in Err; later writes fail with it
// (fmt and text/tabwriter drop write errors, so a program's stdout goes through one).
type ErrWriter struct {
	W   io.Writer
	Err error
}

// Write writes p to W unless an earlier write failed; a short write is io.ErrShortWrite.
func (e *ErrWriter) Write(p []byte) (int, error) {
	if e.Err != nil {
		return 0, e.Err
	}
	n, err := e.W.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.Err = err
	}
	return n, err
}

// lost is one lost-point reason of one unit's metric.
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
// plan is not nil (each block after an empty line) as CSV. Text cells go through CSVText; number cells
// are written as they are.
func writeCSV(w io.Writer, o Options, units []indicator.UnitResult, expl []lost, plan *scorecard.Plan) error {
	if o.BOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Write(csvTexts(header(o.Lang)))
	for _, u := range units {
		cw.Write(CSVRow(o.Lang, u))
	}
	if expl != nil {
		cw.Write(nil)
		cw.Write(csvTexts(labels(o.Lang).reasonCols))
		for _, e := range expl {
			cw.Write([]string{CSVText(e.Unit), CSVText(e.Metric.String()), e.Points.StringFixed(2),
				CSVText(string(e.Reason)), fmt.Sprint(e.Count), CSVText(strings.Join(e.Examples, ";"))})
		}
	}
	if plan != nil {
		lbl := labels(o.Lang)
		cw.Write(nil)
		cw.Write([]string{CSVText(lbl.whatIf), plan.Total.StringFixed(2), plan.Target.StringFixed(2)})
		cw.Write(csvTexts(lbl.planCols))
		for _, m := range plan.Cheapest {
			cw.Write([]string{CSVText(m.Metric.String()), fmt.Sprint(m.Records), m.Gain.StringFixed(2), m.PerRecord.String()})
		}
	}
	cw.Flush()
	return cw.Error()
}

// CSVRow is a unit's CSV row: its id, name and kind, the six group scores, total, rank and band (in lang,
// "vi" or "en"). The id, name, kind and band are text cells (CSVText), the scores and the rank numbers.
func CSVRow(lang string, u indicator.UnitResult) []string {
	r := row(lang, u, false)
	for _, i := range []int{0, 1, 2, len(r) - 1} {
		r[i] = CSVText(r[i])
	}
	return r
}

func csvTexts(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = CSVText(c)
	}
	return out
}

// CSVText neutralises a text cell that a spreadsheet would read as a formula (CSV injection, OWASP): a
// cell starting with = + - @ tab or carriage return, or with the full-width forms of = + - @ (which some
// spreadsheet programs also accept), gets a leading single quote, so that Excel and LibreOffice show the
// text instead of evaluating it. It is applied to every CSV the commands write, with or without -bom, and
// to text cells only: numbers (a negative delta included) are never passed through it. The quote is
// visible to programs that read the CSV as data; they can strip a leading "'" from text cells.
func CSVText(s string) string {
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
