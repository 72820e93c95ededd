package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/portaleval"
)

// Portal responses (package indicator/portaleval). -tallies accepts, besides a unit-tree JSON, a folder of
// saved evaluation responses (<endpoint>/<period>-<scope>.json or <endpoint>-<period>-<scope>.json) or a
// single response file whose name names its endpoint; -portal DIR reconciles the card with such a folder.

// isPortalPath reports whether -tallies names portal responses: a folder, or a .json file whose name
// names an endpoint.
func isPortalPath(name string) bool {
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		return true
	}
	_, _, _, ok := portaleval.ParseName(filepath.ToSlash(filepath.Base(filepath.Dir(name))) + "/" + filepath.Base(name))
	return ok
}

// loadEvaluation reads portal responses from a folder or one file and returns the evaluation of the
// all-procedures scope. A folder holding several periods, or only single-procedure responses, is an error
// naming them; single-procedure evaluations next to the all-procedures one are skipped with a note on
// stderr, and so are files that are not responses (never silently). Problems of the responses (unknown
// metric codes, units without a code) are printed on stderr.
func loadEvaluation(name string, stderr io.Writer) (*portaleval.Evaluation, error) {
	var evs []*portaleval.Evaluation
	if st, err := os.Stat(name); err != nil {
		return nil, err
	} else if st.IsDir() {
		var skipped []string
		evs, skipped, err = portaleval.LoadFS(os.DirFS(name))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		for _, s := range skipped {
			fmt.Fprintf(stderr, "scorecard: %s: skipped %s (not a named evaluation response)\n", name, s)
		}
	} else {
		e, period, proc, ok := portaleval.ParseName(filepath.ToSlash(filepath.Base(filepath.Dir(name))) + "/" + filepath.Base(name))
		if !ok {
			return nil, fmt.Errorf("%s: the file name names no evaluation endpoint", name)
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		r, err := portaleval.DecodeBytes(e, b)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		r.Period, r.Procedure = period, proc
		ev, err := portaleval.NewEvaluation(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		evs = []*portaleval.Evaluation{ev}
	}
	var all []*portaleval.Evaluation
	var labels []string
	for _, ev := range evs {
		labels = append(labels, ev.Period+"/"+orAll(ev.Procedure))
		if ev.Procedure == "" {
			all = append(all, ev)
		}
	}
	if len(all) != 1 {
		return nil, fmt.Errorf("%s: need the responses of exactly one period for all procedures, found %s", name, strings.Join(labels, ", "))
	}
	for _, ev := range evs {
		if ev != all[0] {
			fmt.Fprintf(stderr, "scorecard: %s: skipped the %s/%s responses (single-procedure scope)\n", name, ev.Period, ev.Procedure)
		}
	}
	for _, p := range all[0].Problems {
		fmt.Fprintf(stderr, "scorecard: %s: %v\n", name, p)
	}
	return all[0], nil
}

func orAll(s string) string {
	if s == "" {
		return "all"
	}
	return s
}

// portalTree is the unit tree of the portal's own numbers in name (see loadEvaluation).
func portalTree(name string, stderr io.Writer) (*indicator.Tree, error) {
	ev, err := loadEvaluation(name, stderr)
	if err != nil {
		return nil, err
	}
	noInputs := 0
	for _, r := range ev.Responses {
		for _, u := range r.Units {
			if !u.Inputs {
				noInputs++
			}
		}
	}
	if noInputs > 0 {
		fmt.Fprintf(stderr, "scorecard: %s: %d unit rows publish a score without its counts (provide-online-tree children): those groups are scored here from no counts, not as the portal publishes them\n", name, noInputs)
	}
	t, err := ev.Tree(indicator.TreeOptions{Edition: "portal"})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return t, nil
}

// writeReconciliation compares our scored tree with the portal's responses in c.portal and writes the
// table in c.opts.Format (table, csv with -bom, json).
func writeReconciliation(c *config, ed indicator.Edition, ours *indicator.TreeResult, stdout, stderr io.Writer) error {
	ev, err := loadEvaluation(c.portal, stderr)
	if err != nil {
		return fmt.Errorf("-portal: %v", err)
	}
	tab, err := portaleval.Reconcile(ours, ev, ed)
	if err != nil {
		return fmt.Errorf("-portal: %v", err)
	}
	if c.opts.Unit != "" {
		rows := tab.Rows[:0:0]
		for _, r := range tab.Rows {
			if r.Unit == c.opts.Unit {
				rows = append(rows, r)
			}
		}
		tab.Rows = rows
	}
	switch c.opts.Format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(tab)
	case "csv":
		if c.opts.BOM {
			if _, err := io.WriteString(stdout, "\uFEFF"); err != nil {
				return err
			}
		}
		// The CSV text cells get the command's CSV-injection guard (csvText); numbers are written as they are.
		var buf bytes.Buffer
		if err := tab.WriteCSV(&buf); err != nil {
			return err
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			return err
		}
		cw := csv.NewWriter(stdout)
		for i, rec := range recs {
			if i > 0 {
				for _, j := range []int{0, 1, 12, 13} {
					rec[j] = csvText(rec[j])
				}
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	fmt.Fprintf(stdout, "%s %s/%s — %s (* = computed from the portal's published counts)\n\n", c.portal, ev.Period, orAll(ev.Procedure), tab.Edition)
	return tab.WriteText(stdout)
}
