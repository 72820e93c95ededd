package main

import (
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/quality"
)

// maxQualityExamples is the number of example dossier codes kept per check.
const maxQualityExamples = 3

// qualityRun runs package model/quality over the dossier stream and keeps counts per check and severity
// with a few example codes: memory O(distinct codes) (the checker's duplicate index), not O(findings).
type qualityRun struct {
	chk     *quality.Checker
	records int64
	counts  map[qualityKey]int64
	ex      map[qualityKey][]string
}

type qualityKey struct {
	check quality.Check
	sev   quality.Severity
}

// newQualityRun prepares the checks; timeline says the input's timelines were given (-steps), so a
// finished dossier without any real step is a finding.
func newQualityRun(in scorecard.Inputs, opts scorecard.Options, timeline bool) *qualityRun {
	return &qualityRun{chk: quality.NewChecker(qualityOptions(in, opts, timeline)), counts: map[qualityKey]int64{}, ex: map[qualityKey][]string{}}
}

// qualityOptions are the checker's options for the inputs.
func qualityOptions(in scorecard.Inputs, opts scorecard.Options, timeline bool) quality.Options {
	qo := quality.Options{AsOf: opts.AsOf, CodeMap: in.CodeMap, RequireTimeline: timeline}
	if len(in.Procedures) > 0 {
		qo.Catalogue = in.Procedures
	}
	if len(in.Offerings) > 0 {
		qo.Offerings = in.Offerings
	}
	return qo
}

func (q *qualityRun) add(d *model.Dossier) {
	q.records++
	for _, f := range q.chk.Check(d) {
		k := qualityKey{f.Check, f.Severity}
		q.counts[k]++
		if ex := q.ex[k]; len(ex) < maxQualityExamples && !slices.Contains(ex, f.RecordCode) {
			q.ex[k] = append(ex, f.RecordCode)
		}
	}
}

// keys returns the findings' keys, most severe first, then by check name.
func (q *qualityRun) keys() []qualityKey {
	ks := make([]qualityKey, 0, len(q.counts))
	for k := range q.counts {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b qualityKey) int {
		if a.sev != b.sev {
			return int(b.sev) - int(a.sev)
		}
		return strings.Compare(string(a.check), string(b.check))
	})
	return ks
}

// summary prints one line per check and severity on w (stderr before a scoring run).
func (q *qualityRun) summary(w io.Writer) {
	ks := q.keys()
	if len(ks) == 0 {
		fmt.Fprintf(w, "scorecard: data quality: %d dossier records, no finding\n", q.records)
		return
	}
	fmt.Fprintf(w, "scorecard: data quality: %d dossier records (run -check for the report):\n", q.records)
	for _, k := range ks {
		fmt.Fprintf(w, "  %s %s: %d (e.g. %s)\n", k.sev, k.check, q.counts[k], strings.Join(q.ex[k], ", "))
	}
}

// report writes the -check report: a table of findings per check and severity with example codes.
func (q *qualityRun) report(w io.Writer) error {
	fmt.Fprintf(w, "Data-quality report: %d dossier records\n", q.records)
	ks := q.keys()
	if len(ks) == 0 {
		fmt.Fprintln(w, "no finding")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "severity\tcheck\trecords\texamples")
	for _, k := range ks {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", k.sev, k.check, q.counts[k], strings.Join(q.ex[k], ", "))
	}
	return tw.Flush()
}

// checkOnly is -check: the data-quality report of the dossiers, no scoring.
func checkOnly(c *config, in scorecard.Inputs, opts scorecard.Options, dossiers iter.Seq[model.Dossier], stdout io.Writer) error {
	q := newQualityRun(in, opts, len(c.files.Steps) > 0)
	for d := range dossiers {
		q.add(&d)
	}
	return q.report(stdout)
}
