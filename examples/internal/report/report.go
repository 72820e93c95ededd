// Package report renders a Decision 766/QĐ-TTg scorecard as the example commands print it: the table (one
// row per unit, then the largest lost points and the what-if plan) in Vietnamese or English, CSV (one table
// per output, with an optional UTF-8 byte-order mark and a guard against CSV injection) and JSON (camelCase,
// empty lists as []). It is everything that happens after a *scorecard.Card (Write, WriteWith) or a scored
// unit tree (WriteTree) exists, shared by examples/scorecard (records from the sample or files) and
// examples/sqlscore (records from a database), so that the two print the same bytes for the same card.
//
// The output flags both commands offer (-format, -lang, -unit, -bom, -table, -what-if, -what-if-mode,
// -records-out, -previous) are defined by Flags.Register and checked by Flags.Options; errors name the
// flag (*FlagError), e.g. `-what-if: 1e9 is above the maximum total of 100 points`. What needs a second
// pass over the dossiers (-records-out, -table procedures and worklist, the records to fix under the
// what-if plan, -previous PERIOD) takes a Source (WriteWith).
//
// A department's workflow: the scorecard (`-unit ID`, with the metrics table behind every score), its
// failing records (`-unit ID -records-out FILE.csv -bom`: every record that costs points, with the reason
// in Vietnamese and the facts that decided it), and the plan to reach a total (`-unit ID -what-if N`: the
// fewest records to fix, metric by metric or combined, and which records).
//
// Policies (those of the commands' documentation):
//   - -lang vi (default) labels everything in Vietnamese — column heads, unit kinds (tỉnh, sở/ban/ngành,
//     xã/phường), reasons (indicator.Reason.Label) — and keeps the reason code beside its label;
//   - the what-if plan fixes existing records by default (-what-if-mode fix: the denominator stays, at most
//     the records in the denominator but not the numerator); -what-if-mode add counts new compliant records;
//     metrics without data for the unit, or computed at a higher level, are never proposed;
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
	"slices"
	"sort"
	"strconv"
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
	// Target, when not zero, asks the same as WhatIf as a total to reach: the gain is Target − the unit's
	// total (a unit already at or above it is a *FlagError). At most one of WhatIf and Target is set.
	Target decimal.Decimal
	// WhatIfAdd plans with new compliant records (scorecard.PlanAdd) instead of fixes (the default).
	WhatIfAdd bool
	// Table selects one table (TableUnits, TableMetrics, TableReasons, TableProcedures, TablePlan,
	// TableWorklist): CSV writes that table alone (default TableUnits), the table format writes it instead
	// of the overview (units, the unit's metrics with Unit, the largest lost points, the plan).
	Table string
	// RecordsOut, when not empty, is a file that receives every failing record of Unit (of every unit
	// when Unit is empty) as CSV (WriteRecords; BOM applies). Needs a Source.
	RecordsOut string
	// Previous, when not empty, adds each unit's change against an earlier period: a period (2026-07,
	// scored from the same records: needs Source.Rescore) or a file of that period's tallies (a unit-tree
	// tallies JSON, or a JSON object of unit id → tally as Card.Tallies gives).
	Previous string
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
	if o.Table != "" && !slices.Contains(tables, o.Table) {
		return flagErr("table", "unknown table %q (%s)", o.Table, strings.Join(tables, ", "))
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
	Format, Lang, Unit, WhatIf, Target string
	BOM                                bool
	Table, WhatIfMode                  string
	RecordsOut, Previous               string
}

// Register defines -format, -lang, -unit, -bom, -table, -what-if, -what-if-mode, -records-out and
// -previous on fs, stored in f.
func (f *Flags) Register(fs *flag.FlagSet) {
	fs.StringVar(&f.Unit, "unit", "", "show only this unit id and its explanations")
	fs.StringVar(&f.Format, "format", Table, "output format: table, json or csv")
	fs.StringVar(&f.Lang, "lang", "vi", "labels: vi or en")
	fs.BoolVar(&f.BOM, "bom", false, "start CSV output with a UTF-8 byte-order mark (for spreadsheet programs)")
	fs.StringVar(&f.WhatIf, "what-if", "", "list the cheapest ways for the unit (-unit, default the root) to gain N points (a decimal, 0 < N ≤ 100)")
	fs.StringVar(&f.Target, "target", "", "as -what-if, with the total to reach instead of the gain (e.g. 80 for the band 'tốt')")
	fs.StringVar(&f.WhatIfMode, "what-if-mode", "fix", "what-if records: fix (existing records become compliant) or add (new compliant records)")
	fs.StringVar(&f.Table, "table", "", "one table: units, metrics, reasons, procedures, plan or worklist (CSV: default units)")
	fs.StringVar(&f.RecordsOut, "records-out", "", "write every failing record (of -unit) to this CSV file, with reason labels and deciding facts")
	fs.StringVar(&f.Previous, "previous", "", "compare with an earlier period: a period (2026-07) or that period's tallies JSON file")
}

// Check checks -format, -lang and -table.
func (f *Flags) Check() error { return Options{Format: f.Format, Lang: f.Lang, Table: f.Table}.Check() }

// Options checks the flags (-format, -lang, then -what-if) after fs.Parse and returns them as Options. fs
// is the flag set f was registered on: an empty -what-if given on the command line is an error, an absent
// one means no plan.
func (f *Flags) Options(fs *flag.FlagSet) (Options, error) {
	o := Options{Format: f.Format, Lang: f.Lang, Unit: f.Unit, BOM: f.BOM, Table: f.Table, RecordsOut: f.RecordsOut, Previous: f.Previous}
	if err := o.Check(); err != nil {
		return Options{}, err
	}
	switch f.WhatIfMode {
	case "", "fix":
	case "add":
		o.WhatIfAdd = true
	default:
		return Options{}, flagErr("what-if-mode", "unknown mode %q (fix or add)", f.WhatIfMode)
	}
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	if set["what-if"] {
		g, err := ParseWhatIf(f.WhatIf)
		if err != nil {
			return Options{}, &FlagError{Flag: "what-if", Err: err}
		}
		o.WhatIf = g
	}
	if set["target"] {
		if set["what-if"] {
			return Options{}, flagErr("target", "give -what-if N (points to gain) or -target N (a total to reach), not both")
		}
		g, err := ParseWhatIf(f.Target)
		if err != nil {
			return Options{}, &FlagError{Flag: "target", Err: err}
		}
		o.Target = g
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

// planned reports whether o asks for a what-if plan (-what-if or -target).
func (o Options) planned() bool { return !o.WhatIf.IsZero() || !o.Target.IsZero() }

// gainOf is the gain o asks of unit u: -what-if's, or -target minus u's total; errors as checkTarget's, and
// a -target the unit already reaches.
func gainOf(u indicator.UnitResult, o Options) (decimal.Decimal, error) {
	if o.Target.IsZero() {
		return o.WhatIf, checkTarget(u, o.WhatIf)
	}
	if o.Target.GreaterThan(u.Pooled.Max) {
		return decimal.Decimal{}, flagErr("target", "%s is above the maximum %s of unit %s", o.Target.String(), u.Pooled.Max.StringFixed(2), u.Unit.ID)
	}
	if !o.Target.GreaterThan(u.Pooled.Total) {
		return decimal.Decimal{}, flagErr("target", "unit %s already has %s, at or above %s", u.Unit.ID, u.Pooled.Total.StringFixed(2), o.Target.String())
	}
	return o.Target.Sub(u.Pooled.Total), nil
}

// Write is WriteWith without a Source: the outputs that need the dossier records (-records-out, -table
// procedures and worklist, -previous PERIOD) are errors, and the what-if plan lists no records to fix.
func Write(w io.Writer, card *scorecard.Card, ed indicator.Edition, o Options) error {
	return WriteWith(w, card, ed, o, nil)
}

// WriteWith prints card in the format of o: the table (period, as-of instant, edition and dossiers; the
// units; the unattributed unit ids; with o.Unit the unit's metrics — numerator, denominator, ratio, score,
// maximum, points lost, 2.2's days; the largest lost points with their reason labels; the what-if plan and
// its records to fix), one CSV table (o.Table), or the JSON `{"card": …, "whatIf": …, "worklist": […],
// "procedures": […]}` (with o.Unit the unit's card only; whatIf, worklist and procedures only when asked).
// With o.RecordsOut the failing records also go to that file; with o.Previous every unit carries its
// change against that period (Δ columns in the table and CSV, "change" in JSON). ed is the edition the
// card was scored with (the what-if planner's); src gives the second pass over the dossiers (nil: none).
// Errors: a *FlagError for an unknown o.Format, o.Lang, o.Table or o.Unit, a gain the unit cannot reach,
// an output that needs a Source without one, or a -previous that cannot be read, before anything is
// written to w; else the first error of a second pass or of a write.
func WriteWith(w io.Writer, card *scorecard.Card, ed indicator.Edition, o Options, src *Source) error {
	if err := o.Check(); err != nil {
		return err
	}
	o = o.withDefaults()
	if o.Unit != "" {
		if _, ok := card.Unit(o.Unit); !ok {
			return flagErr("unit", "unknown unit %q", o.Unit)
		}
	}
	if f := o.needsRecords(); f != "" && src == nil {
		return &FlagError{Flag: f, Err: errNoRecords}
	}
	if o.Previous != "" {
		c, err := withPrevious(card, ed, o, src)
		if err != nil {
			return err
		}
		card = c
	}
	var plan *scorecard.Plan
	var planUnit string
	if o.planned() {
		id := o.Unit
		if id == "" {
			if len(card.Units) == 0 {
				return flagErr("what-if", "the card has no unit")
			}
			id = card.Units[0].Unit.ID
		}
		u, _ := card.Unit(id)
		gain, err := gainOf(u.UnitResult, o)
		if err != nil {
			return err
		}
		pl, err := card.PlanGain(ed, id, gain, planOptions(o))
		if err != nil {
			return &FlagError{Flag: "what-if", Err: err}
		}
		plan, planUnit = &pl, id
	}
	if o.Table == TablePlan && plan == nil || o.Table == TableWorklist && plan == nil {
		return flagErr("table", "%s needs -what-if or -target", o.Table)
	}
	var work []scorecard.FailingRecord
	if plan != nil && src != nil {
		var err error
		work, err = scorecard.Worklist(planSteps(plan), src.Scorer.FailingRecords(src.Dossiers(), scorecard.RecordOptions{Unit: planUnit}))
		if err == nil {
			err = src.check()
		}
		if err != nil {
			return err
		}
	}
	var procs []scorecard.ProcedureCounts
	if o.Table == TableProcedures {
		var err error
		if procs, err = src.Scorer.ProcedureBreakdown(src.Dossiers(), o.Unit); err == nil {
			err = src.check()
		}
		if err != nil {
			return err
		}
	}
	if o.RecordsOut != "" {
		if err := writeRecordsFile(o, src); err != nil {
			return err
		}
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
	err := writeCard(ew, card, o, units, expl, &extras{plan: plan, work: work, procs: procs})
	if ew.Err != nil {
		return ew.Err
	}
	return err
}

// extras are the outputs beside the card: the what-if plan, its records to fix, the per-procedure counts.
type extras struct {
	plan  *scorecard.Plan
	work  []scorecard.FailingRecord
	procs []scorecard.ProcedureCounts
}

// planOptions are the planner's options for o.
func planOptions(o Options) scorecard.PlanOptions {
	if o.WhatIfAdd {
		return scorecard.PlanOptions{Mode: scorecard.PlanAdd}
	}
	return scorecard.PlanOptions{}
}

func writeCard(w io.Writer, card *scorecard.Card, o Options, units []indicator.UnitResult, expl []lost, x *extras) error {
	lbl := labels(o.Lang)
	switch o.Format {
	case JSON:
		var v any = card
		if o.Unit != "" {
			u, _ := card.Unit(o.Unit)
			v = u
		}
		out := struct {
			Card       any                         `json:"card"`
			Plan       *scorecard.Plan             `json:"whatIf,omitempty"`
			Worklist   []scorecard.FailingRecord   `json:"worklist,omitempty"`
			Procedures []scorecard.ProcedureCounts `json:"procedures,omitempty"`
		}{Card: v, Plan: x.plan}
		if x.plan != nil {
			out.Worklist = nonNil(x.work)
		}
		if o.Table == TableProcedures {
			out.Procedures = nonNil(x.procs)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if x.plan != nil && x.work == nil || o.Table == TableProcedures && len(x.procs) == 0 {
			// omitempty would drop an empty list that was asked for: encode it explicitly.
			return enc.Encode(struct {
				Card       any                         `json:"card"`
				Plan       *scorecard.Plan             `json:"whatIf,omitempty"`
				Worklist   []scorecard.FailingRecord   `json:"worklist"`
				Procedures []scorecard.ProcedureCounts `json:"procedures"`
			}{out.Card, out.Plan, nonNil(x.work), nonNil(x.procs)})
		}
		return enc.Encode(out)
	}
	if done, err := writeSelected(w, o, units, expl, x, card.Result.PreviousPeriod != "" || o.Previous != ""); done {
		return err
	}
	fmt.Fprintf(w, "%s %s — %s %s — %s %s — %d %s", lbl.period, card.Period, lbl.asof,
		card.AsOf.Format(time.RFC3339), lbl.edition, card.Edition, card.Dossiers, lbl.dossiers)
	if card.Result.PreviousPeriod != "" || o.Previous != "" {
		fmt.Fprintf(w, " — %s %s", lbl.previous, o.Previous)
	}
	fmt.Fprint(w, "\n\n")
	if err := writeTable(w, o.Lang, units); err != nil {
		return err
	}
	if len(card.Unattributed) > 0 {
		fmt.Fprintf(w, "\n%s: %s\n", lbl.unattributed, strings.Join(card.Unattributed, ", "))
	}
	if o.Unit != "" && len(units) == 1 {
		fmt.Fprintf(w, "\n%s\n", lbl.metrics)
		if err := writeRows(w, metricHeader(o.Lang), metricRows(units[0], o.Lang)); err != nil {
			return err
		}
	}
	n := len(expl)
	if o.Unit == "" && n > TopReasons {
		n = TopReasons
	}
	fmt.Fprintf(w, "\n%s\n", lbl.reasons)
	if err := writeRows(w, reasonHeader(o.Lang), reasonRows(expl, o.Lang, n)); err != nil {
		return err
	}
	if x.plan != nil {
		return writePlan(w, lbl, x.plan, x.work, o.Lang)
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// reasonHeader and reasonRows are the lost-point reasons table (the first n of expl).
func reasonHeader(lang string) []string { return labels(lang).reasonCols }

func reasonRows(expl []lost, lang string, n int) [][]string {
	var out [][]string
	for _, e := range expl[:n] {
		out = append(out, []string{e.Unit, e.Metric.String(), e.Points.StringFixed(2), e.Reason.Label(lang), string(e.Reason),
			strconv.FormatInt(e.Count, 10), strings.Join(e.Examples, " ")})
	}
	return out
}

func allMetricRows(units []indicator.UnitResult, lang string) [][]string {
	var out [][]string
	for _, u := range units {
		out = append(out, metricRows(u, lang)...)
	}
	return out
}

func procRows(ps []scorecard.ProcedureCounts) [][]string {
	var out [][]string
	for _, p := range ps {
		out = append(out, procedureRow(p))
	}
	return out
}

// writeSelected writes the one table o.Table selects, as CSV (default: units, with the Δ columns when
// delta) or as a text table; done is false for the table format without o.Table (the overview follows).
func writeSelected(w io.Writer, o Options, units []indicator.UnitResult, expl []lost, x *extras, delta bool) (bool, error) {
	lbl := labels(o.Lang)
	if o.Format == CSV {
		switch o.Table {
		case TableMetrics:
			return true, writeCSVRows(w, o.BOM, metricHeader(o.Lang), textRows(allMetricRows(units, o.Lang)))
		case TableReasons:
			rows := reasonRows(expl, o.Lang, len(expl))
			for _, r := range rows {
				r[6] = strings.ReplaceAll(r[6], " ", ";")
			}
			return true, writeCSVRows(w, o.BOM, reasonHeader(o.Lang), textRows(rows))
		case TableProcedures:
			return true, writeCSVRows(w, o.BOM, procedureHeader(o.Lang), procRows(x.procs))
		case TablePlan:
			return true, writeCSVRows(w, o.BOM, planHeader(o.Lang), textRows(planRows(x.plan, o.Lang)))
		case TableWorklist:
			var rows [][]string
			for _, r := range x.work {
				rows = append(rows, recordRow(r, o.Lang))
			}
			return true, writeCSVRows(w, o.BOM, recordHeader(o.Lang), rows)
		}
		return true, writeCSV(w, o, units, delta)
	}
	switch o.Table {
	case TableUnits:
		return true, writeTable(w, o.Lang, units)
	case TableMetrics:
		return true, writeRows(w, metricHeader(o.Lang), allMetricRows(units, o.Lang))
	case TableReasons:
		return true, writeRows(w, reasonHeader(o.Lang), reasonRows(expl, o.Lang, len(expl)))
	case TableProcedures:
		return true, writeRows(w, procedureHeader(o.Lang), procRows(x.procs))
	case TablePlan:
		return true, writePlan(w, lbl, x.plan, nil, o.Lang)
	case TableWorklist:
		return true, writeWorklist(w, lbl, x.work, o.Lang)
	}
	return false, nil
}

// WriteTree prints the scored unit tree res (ed.ScoreTree(t)) in the format of o: the table (period and
// edition; the units; with o.Unit its metrics; the what-if plan of the unit's pooled counts), one CSV
// table (units, metrics or plan) or JSON (the unit results, or `{"units": …, "whatIf": …}` with a plan).
// With o.Previous (a tallies file) the units carry their change. Counts alone have no records: the
// outputs that need them (-records-out, -table reasons, procedures, worklist, -previous PERIOD) are
// *FlagError. Errors otherwise as WriteWith's.
func WriteTree(w io.Writer, t *indicator.Tree, res *indicator.TreeResult, ed indicator.Edition, o Options) error {
	if err := o.Check(); err != nil {
		return err
	}
	o = o.withDefaults()
	if f := o.needsRecords(); f != "" {
		return &FlagError{Flag: f, Err: errNoRecords}
	}
	if o.Table == TableReasons {
		return &FlagError{Flag: "table", Err: errNoRecords}
	}
	if o.Previous != "" {
		prev, err := previousTree(t, o.Previous, nil)
		if err != nil {
			return &FlagError{Flag: "previous", Err: err}
		}
		r, err := ed.ScoreTreeWith(t, indicator.TreeScoreOptions{Previous: prev})
		if err != nil {
			return &FlagError{Flag: "previous", Err: err}
		}
		res = &r
	}
	units := res.Units
	if o.Unit != "" {
		u, ok := res.Unit(o.Unit)
		if !ok {
			return flagErr("unit", "unknown unit %q", o.Unit)
		}
		units = []indicator.UnitResult{u}
	}
	var plan *scorecard.Plan
	if o.planned() {
		if len(units) == 0 {
			return flagErr("what-if", "the tree has no unit")
		}
		u := units[0]
		gain, err := gainOf(u, o)
		if err != nil {
			return err
		}
		opt := planOptions(o)
		if n, ok := t.Unit(u.Unit.ID); ok && n.Parent != "" && !computing(t.Aggregation(), n.Kind) {
			opt.Metrics = ownMetrics(t.Aggregation())
		}
		pl, err := scorecard.PlanGain(ed, t.Pooled(u.Unit.ID), gain, opt)
		if err != nil {
			return &FlagError{Flag: "what-if", Err: err}
		}
		plan = &pl
	}
	if o.Table == TablePlan && plan == nil {
		return flagErr("table", "%s needs -what-if or -target", o.Table)
	}
	ew := &ErrWriter{W: w}
	err := writeTree(ew, res, o, units, plan)
	if ew.Err != nil {
		return ew.Err
	}
	return err
}

// computing reports whether units of kind k compute the carried-down metrics themselves.
func computing(a indicator.Aggregation, k indicator.UnitKind) bool {
	return slices.Contains(a.ComputingKinds, k)
}

// ownMetrics are the metrics a unit below the computing level can act on: all but the carried-down ones
// (as scorecard.Card.Plan does for a card).
func ownMetrics(a indicator.Aggregation) []indicator.ID {
	out := []indicator.ID{}
	for _, id := range indicator.IDs() {
		if a.Modes[id] != indicator.PoolCarryDown {
			out = append(out, id)
		}
	}
	return out
}

func writeTree(w io.Writer, res *indicator.TreeResult, o Options, units []indicator.UnitResult, plan *scorecard.Plan) error {
	lbl := labels(o.Lang)
	switch o.Format {
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if plan != nil {
			return enc.Encode(struct {
				Units []indicator.UnitResult `json:"units"`
				Plan  *scorecard.Plan        `json:"whatIf"`
			}{nonNil(units), plan})
		}
		return enc.Encode(nonNil(units))
	}
	if done, err := writeSelected(w, o, units, nil, &extras{plan: plan}, o.Previous != ""); done {
		return err
	}
	fmt.Fprintf(w, "%s %s — %s %s\n\n", lbl.period, res.Period, lbl.edition, res.Edition)
	if err := writeTable(w, o.Lang, units); err != nil {
		return err
	}
	if o.Unit != "" && len(units) == 1 {
		fmt.Fprintf(w, "\n%s\n", lbl.metrics)
		if err := writeRows(w, metricHeader(o.Lang), metricRows(units[0], o.Lang)); err != nil {
			return err
		}
	}
	if plan != nil {
		return writePlan(w, lbl, plan, nil, o.Lang)
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
	previous, metrics, combined, combinedShort, worklist, mode, fix, add        string
	unitCols, reasonCols                                                        []string
}

func labels(lang string) text {
	if lang == "en" {
		return text{"Period", "as of", "edition", "dossiers", "Unattributed units", "Largest lost points",
			"What-if: total", "No metric alone reaches the target.",
			"compared with", "Metrics (the numbers behind the score)", "Combined plan (fewest records across metrics, greedy on points per record)",
			"Even every fix together does not reach the target; the most it can reach:", "Records to fix", "records",
			"fixing existing records", "adding new compliant records",
			[]string{"unit", "name", "kind"}, []string{"unit", "metric", "points lost", "reason", "reason code", "count", "examples"}}
	}
	return text{"Kỳ", "tính đến", "phiên bản", "hồ sơ", "Đơn vị không có trong danh sách", "Điểm bị mất nhiều nhất",
		"Giả định: tổng điểm", "Không chỉ số nào một mình đạt được mục tiêu.",
		"so với", "Các chỉ số (số liệu sau mỗi điểm)", "Phương án kết hợp (ít bản ghi nhất qua nhiều chỉ số, ưu tiên điểm mỗi bản ghi)",
		"Khắc phục mọi bản ghi cũng chưa đạt mục tiêu; mức cao nhất có thể:", "Các bản ghi cần khắc phục", "bản ghi",
		"khắc phục bản ghi hiện có", "thêm bản ghi mới đạt yêu cầu",
		[]string{"đơn vị", "tên", "loại"}, []string{"đơn vị", "chỉ số", "điểm mất", "lý do", "mã lý do", "số lượng", "ví dụ"}}
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
	r := []string{id, u.Unit.Name, u.Unit.Kind.Label(lang)}
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

// hasChange reports whether some unit carries a change against a previous period.
func hasChange(units []indicator.UnitResult) bool {
	return slices.ContainsFunc(units, func(u indicator.UnitResult) bool { return u.Change != nil })
}

func writeTable(w io.Writer, lang string, units []indicator.UnitResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	h := header(lang)
	for i := 3; i < 3+indicator.NumGroups; i++ { // group names are long: keep the code in the table
		h[i], _, _ = strings.Cut(h[i], " ")
	}
	delta := hasChange(units)
	if delta {
		h = append(h, deltaHeader(lang)...)
	}
	fmt.Fprintln(tw, strings.Join(h, "\t"))
	for _, u := range units {
		r := row(lang, u, true)
		if delta {
			r = append(r, deltaCells(u)...)
		}
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}

// writeCSV writes the units table as CSV, with the Δ columns when delta. Text cells go through CSVText;
// number cells are written as they are.
func writeCSV(w io.Writer, o Options, units []indicator.UnitResult, delta bool) error {
	if o.BOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	delta = delta && hasChange(units)
	h := header(o.Lang)
	if delta {
		h = append(h, deltaHeader(o.Lang)...)
	}
	cw := csv.NewWriter(w)
	cw.Write(csvTexts(h))
	for _, u := range units {
		r := CSVRow(o.Lang, u)
		if delta {
			r = append(r, deltaCells(u)...)
		}
		cw.Write(r)
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

// writePlan prints a what-if plan as tables: the metrics that reach the target alone, the combined plan
// and the records to fix (work, when known).
func writePlan(w io.Writer, lbl text, plan *scorecard.Plan, work []scorecard.FailingRecord, lang string) error {
	mode := lbl.fix
	if plan.Mode == scorecard.PlanAdd {
		mode = lbl.add
	}
	fmt.Fprintf(w, "\n%s %s → %s (%s)\n", lbl.whatIf, plan.Total.StringFixed(2), plan.Target.StringFixed(2), mode)
	head := planHeader(lang)
	var single, combined [][]string
	for _, r := range planRows(plan, lang) {
		if len(single) < len(plan.Cheapest) {
			single = append(single, r[1:])
		} else {
			combined = append(combined, r[1:])
		}
	}
	if len(single) > 0 {
		if err := writeRows(w, head[1:], single); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(w, lbl.unreachable)
	}
	if c := plan.Combined; c != nil && len(c.Steps) > 0 && (len(plan.Cheapest) == 0 || c.Records < plan.Cheapest[0].Records) {
		title := lbl.combined
		if !c.Reachable {
			title = lbl.combinedShort
		}
		fmt.Fprintf(w, "\n%s: %d %s → %s\n", title, c.Records, lbl.mode, c.Total.StringFixed(2))
		if err := writeRows(w, head[1:], combined); err != nil {
			return err
		}
	}
	if len(work) > 0 {
		return writeWorklist(w, lbl, work, lang)
	}
	return nil
}

// writeWorklist prints the records to fix: unit, metric, record code, reason label.
func writeWorklist(w io.Writer, lbl text, work []scorecard.FailingRecord, lang string) error {
	fmt.Fprintf(w, "\n%s\n", lbl.worklist)
	h := recordHeader(lang)
	rows := make([][]string, 0, len(work))
	for _, r := range work {
		rows = append(rows, []string{r.Unit, r.Metric.String(), r.Code, r.Reason.Label(lang), csvTime(r.Facts.Due), csvTime(r.Facts.End)})
	}
	return writeRows(w, []string{h[0], h[1], h[5], h[3], h[12], h[13]}, rows)
}
