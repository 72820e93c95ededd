package portaleval

import (
	"encoding/csv"
	"fmt"
	"io"
	"text/tabwriter"
)

// csvHeader is the header of Table.WriteCSV.
var csvHeader = []string{"unit", "name", "metric", "group", "our_num", "our_den", "our_score",
	"portal_num", "portal_den", "portal_score", "portal_score_computed", "points", "cause", "data_quality"}

func cell(s fmt.Stringer, null string) string {
	switch v := s.(type) {
	case Int:
		if !v.Valid {
			return null
		}
	case Number:
		if !v.Valid {
			return null
		}
	}
	return s.String()
}

func (r *Row) metricLabel() string {
	if r.Metric == 0 {
		return "group"
	}
	return r.Metric.String()
}

// WriteCSV writes the table as CSV, one line per row in the table's order, with the header
// unit,name,metric,group,our_num,our_den,our_score,portal_num,portal_den,portal_score,
// portal_score_computed,points,cause,data_quality. Null counts and scores are empty cells (never 0);
// metric is "group" on group lines; points has two decimals. Errors: the writer's. Cost: O(rows).
func (t *Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		rec := []string{r.Unit, r.Name, r.metricLabel(), r.Group.String(),
			cell(r.Ours.Num, ""), cell(r.Ours.Den, ""), cell(r.Ours.Score, ""),
			cell(r.Theirs.Num, ""), cell(r.Theirs.Den, ""), cell(r.Theirs.Score, ""),
			fmt.Sprint(r.Theirs.Computed), r.Points.StringFixed(2), string(r.Cause), r.DataQuality}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteText writes the table as aligned text columns (null as "–", a computed portal score marked "*",
// group lines as "group <g>"),
// in the table's order. Errors: the writer's. Cost: O(rows).
func (t *Table) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "unit\tmetric\tours num/den\tours\tportal num/den\tportal\tpoints\tcause\n")
	for i := range t.Rows {
		r := &t.Rows[i]
		mark := ""
		if r.Theirs.Computed {
			mark = "*"
		}
		label := r.metricLabel()
		if r.Metric == 0 {
			label += " " + r.Group.String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s/%s\t%s\t%s/%s\t%s%s\t%s\t%s\n", r.Unit, label,
			cell(r.Ours.Num, "–"), cell(r.Ours.Den, "–"), cell(r.Ours.Score, "–"),
			cell(r.Theirs.Num, "–"), cell(r.Theirs.Den, "–"), cell(r.Theirs.Score, "–"), mark,
			r.Points.StringFixed(2), r.Cause)
	}
	return tw.Flush()
}
