package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

// Tables that -table selects.
const (
	TableUnits      = "units"      // one row per unit: groups, total, rank, band (and Δ with -previous)
	TableMetrics    = "metrics"    // per unit and metric: numerator, denominator, ratio, score, maximum, points lost; 2.2's days
	TableReasons    = "reasons"    // per unit, metric and reason: the records lost and the points they cost
	TableProcedures = "procedures" // per unit and procedure: the counts of 2.1, 3.3, 3.6 and group 4 (needs the records)
	TablePlan       = "plan"       // the what-if plan: single metrics and the combined plan
	TableWorklist   = "worklist"   // the records to fix for the what-if plan (needs the records)
)

var tables = []string{TableUnits, TableMetrics, TableReasons, TableProcedures, TablePlan, TableWorklist}

// Source gives Write what it needs beyond the card for the outputs that take a second pass over the
// dossiers (-records-out, -table procedures, the what-if's records to fix) and for -previous PERIOD.
type Source struct {
	// Scorer is the scorer the card came from.
	Scorer *scorecard.Scorer
	// Dossiers returns the card's dossier stream again, from the start (a file is re-read).
	Dossiers func() iter.Seq[model.Dossier]
	// Rescore scores the same records for another period (-previous 2026-07); nil: -previous takes a
	// tallies file only.
	Rescore func(model.Period) (*scorecard.Card, error)
	// Err, when not nil, reports the error that ended the last stream of Dossiers early (a file that no
	// longer decodes, a query that failed); Write checks it after every second pass, so that a truncated
	// pass is an error rather than a shorter list.
	Err func() error
}

// check returns the error of the last second pass, if any.
func (src *Source) check() error {
	if src == nil || src.Err == nil {
		return nil
	}
	return src.Err()
}

// needsRecords reports the flag of o that needs a Source, if any.
func (o Options) needsRecords() string {
	switch {
	case o.RecordsOut != "":
		return "records-out"
	case o.Table == TableProcedures:
		return "table"
	case o.Table == TableWorklist:
		return "table"
	}
	return ""
}

// withPrevious returns card with every unit's change against the previous period named by o.Previous: a
// period (scored from the same records by src.Rescore) or a file — a unit-tree tallies JSON
// (indicator.DecodeTree) or a JSON object of unit id → tally (Card.Tallies). The card is copied, not
// modified.
func withPrevious(card *scorecard.Card, ed indicator.Edition, o Options, src *Source) (*scorecard.Card, error) {
	prev, err := previousTree(card.Tree, o.Previous, src)
	if err != nil {
		return nil, &FlagError{Flag: "previous", Err: err}
	}
	res, err := ed.ScoreTreeWith(card.Tree, indicator.TreeScoreOptions{Previous: prev})
	if err != nil {
		return nil, &FlagError{Flag: "previous", Err: err}
	}
	c := *card
	c.Units = slices.Clone(card.Units)
	for i := range c.Units {
		if u, ok := res.Unit(c.Units[i].Unit.ID); ok {
			c.Units[i].Change = u.Change
		}
	}
	c.Result.PreviousPeriod = res.PreviousPeriod
	return &c, nil
}

// previousTree reads the previous period's tree (see withPrevious).
func previousTree(cur *indicator.Tree, prev string, src *Source) (*indicator.Tree, error) {
	if _, err := os.Stat(prev); err != nil {
		p, perr := model.ParsePeriod(prev)
		if perr != nil {
			return nil, fmt.Errorf("%q is neither a file nor a period (%v)", prev, perr)
		}
		if src == nil || src.Rescore == nil {
			return nil, fmt.Errorf("a period needs the records; with counts only, give the previous period's tallies file")
		}
		c, err := src.Rescore(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", prev, err)
		}
		return c.Tree, nil
	}
	b, err := os.ReadFile(prev)
	if err != nil {
		return nil, err
	}
	if t, err := indicator.DecodeTree(bytes.NewReader(b)); err == nil {
		return t, nil
	}
	var m map[string]indicator.Tally
	if err := json.Unmarshal(b, &m); err != nil || len(m) == 0 {
		return nil, fmt.Errorf("%s: neither a unit-tree tallies JSON nor an object of unit id → tally", prev)
	}
	agg := cur.Aggregation()
	t, err := indicator.NewTree(cur.Units(), m, indicator.TreeOptions{Aggregation: &agg})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", prev, err)
	}
	return t, nil
}

// planSteps is the plan a reader should follow: the combined plan when it is cheaper than the cheapest
// single metric (or when no metric alone reaches the target), else that metric.
func planSteps(pl *scorecard.Plan) []scorecard.Step {
	if pl == nil {
		return nil
	}
	if len(pl.Cheapest) > 0 && (pl.Combined == nil || pl.Cheapest[0].Records <= pl.Combined.Records) {
		m := pl.Cheapest[0]
		return []scorecard.Step{{Metric: m.Metric, Records: m.Records, Gain: m.Gain}}
	}
	if pl.Combined != nil {
		return pl.Combined.Steps
	}
	return nil
}

// recordHeader is the head of the failing-records CSV in lang.
func recordHeader(lang string) []string {
	if lang == "en" {
		return []string{"unit", "metric", "reason code", "reason", "kind", "record code", "procedure", "status", "channel",
			"received", "deemed receipt", "appointment", "due", "end", "working days late", "supplements", "fee lines",
			"fees (VND)", "online payment", "missing"}
	}
	return []string{"đơn vị", "chỉ số", "mã lý do", "lý do", "loại bản ghi", "mã bản ghi", "mã TTHC", "trạng thái", "kênh",
		"ngày tiếp nhận", "ngày được coi là tiếp nhận", "ngày hẹn trả", "hạn xử lý", "ngày kết thúc", "số ngày làm việc trễ",
		"số lần bổ sung", "số dòng phí", "phí, lệ phí (đồng)", "thanh toán trực tuyến", "thành phần còn thiếu"}
}

// kindLabel names a record kind in lang.
func kindLabel(k indicator.RecordKind, lang string) string {
	vi := [...]string{"hồ sơ", "PAKN", "TTHC", "TTHC của đơn vị"}
	if int(k) < len(vi) && lang != "en" {
		return vi[k]
	}
	return k.String()
}

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(model.Vietnam()).Format("2006-01-02 15:04:05")
}

func itoaOrEmpty(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// recordRow is one failing record as a CSV row (text cells through CSVText).
func recordRow(r scorecard.FailingRecord, lang string) []string {
	f := r.Facts
	return []string{CSVText(r.Unit), CSVText(r.Metric.String()), CSVText(string(r.Reason)), CSVText(r.Reason.Label(lang)),
		CSVText(kindLabel(r.Kind, lang)), CSVText(r.Code), CSVText(f.Procedure), CSVText(f.Status), CSVText(f.Channel),
		csvTime(f.Received), f.DeemedReceipt, csvTime(f.Appointment), csvTime(f.Due), csvTime(f.End),
		itoaOrEmpty(int64(f.LateWorkingDays)), itoaOrEmpty(int64(f.Supplements)), itoaOrEmpty(int64(f.FeeLines)),
		itoaOrEmpty(f.FeeTotal), CSVText(f.Payment), CSVText(f.Missing)}
}

// WriteRecords writes the failing records recs as one CSV table (head in o.Lang, a UTF-8 byte-order mark
// with o.BOM): unit, metric, reason code and label, record kind and code, and a dossier's deciding facts.
// It streams: one record is held at a time and the CSV writer is flushed every 1 024 rows, so memory
// does not grow with the number of records. Errors: the first error recs yields, else the first write
// error.
func WriteRecords(w io.Writer, recs iter.Seq2[scorecard.FailingRecord, error], o Options) error {
	o = o.withDefaults()
	if o.BOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvTexts(recordHeader(o.Lang))); err != nil {
		return err
	}
	n := 0
	for r, err := range recs {
		if err != nil {
			return err
		}
		if err := cw.Write(recordRow(r, o.Lang)); err != nil {
			return err
		}
		if n++; n%1024 == 0 {
			if cw.Flush(); cw.Error() != nil {
				return cw.Error()
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeRecordsFile writes the failing records of o.Unit (every unit when empty) to o.RecordsOut.
func writeRecordsFile(o Options, src *Source) error {
	f, err := os.Create(o.RecordsOut)
	if err != nil {
		return &FlagError{Flag: "records-out", Err: err}
	}
	err = WriteRecords(f, src.Scorer.FailingRecords(src.Dossiers(), scorecard.RecordOptions{Unit: o.Unit}), o)
	if err == nil {
		err = src.check()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("-records-out %s: %w", o.RecordsOut, err)
	}
	return nil
}

// metricHeader is the head of the metrics table.
func metricHeader(lang string) []string {
	if lang == "en" {
		return []string{"unit", "metric", "name", "numerator", "denominator", "ratio (%)", "score", "max", "points lost", "no data", "average days"}
	}
	return []string{"đơn vị", "chỉ số", "tên chỉ số", "tử số", "mẫu số", "tỷ lệ (%)", "điểm", "điểm tối đa", "điểm mất", "không có dữ liệu", "số ngày trung bình"}
}

// metricRows are a unit's metric rows (its pooled result: the numbers behind its published score), in
// catalogue order, unscored metrics included (2.2 with its average days).
func metricRows(u indicator.UnitResult, lang string) [][]string {
	var out [][]string
	for _, id := range indicator.IDs() {
		m, ok := indicator.Lookup(id)
		if !ok {
			continue
		}
		r := u.Pooled.Metric(id)
		name := m.NameVI
		if lang == "en" {
			name = m.NameEN
		}
		null := ""
		if r.Null {
			null = "x"
		}
		lost, days := "", ""
		if m.Scored {
			lost = r.Max.Sub(r.Score).StringFixed(2)
		}
		if id == indicator.M22 && r.Den > 0 {
			days = u.Pooled.AvgProcessingDays.StringFixed(2)
			null = ""
		}
		out = append(out, []string{u.Unit.ID, id.String(), name, strconv.FormatInt(r.Num, 10), strconv.FormatInt(r.Den, 10),
			r.Ratio.StringFixed(2), r.Score.StringFixed(2), r.Max.StringFixed(2), lost, null, days})
	}
	return out
}

// procedureHeader is the head of the per-procedure table: unit, procedure, then numerator and
// denominator of each breakdown metric.
func procedureHeader(lang string) []string {
	h := []string{"unit", "procedure"}
	num, den := "num", "den"
	if lang != "en" {
		h = []string{"đơn vị", "mã TTHC"}
		num, den = "đạt", "tổng"
	}
	for _, id := range scorecard.BreakdownMetrics() {
		h = append(h, id.String()+" "+num, id.String()+" "+den)
	}
	return h
}

func procedureRow(p scorecard.ProcedureCounts) []string {
	r := []string{CSVText(p.Unit), CSVText(p.Procedure)}
	for _, id := range scorecard.BreakdownMetrics() {
		c := p.Counts[id]
		r = append(r, strconv.FormatInt(c.Num, 10), strconv.FormatInt(c.Den, 10))
	}
	return r
}

// planHeader is the head of the plan table: single metrics then the combined plan's steps.
func planHeader(lang string) []string {
	if lang == "en" {
		return []string{"plan", "metric", "records", "gain", "points per record", "total after"}
	}
	return []string{"phương án", "chỉ số", "số bản ghi", "điểm tăng", "điểm mỗi bản ghi", "tổng sau"}
}

// planRows are the plan's rows: each metric that reaches the target alone (cheapest first), then the
// combined plan's steps with the running total.
func planRows(pl *scorecard.Plan, lang string) [][]string {
	single, combined := "single", "combined"
	if lang != "en" {
		single, combined = "một chỉ số", "kết hợp"
	}
	var out [][]string
	for _, m := range pl.Cheapest {
		out = append(out, []string{single, m.Metric.String(), strconv.FormatInt(m.Records, 10), m.Gain.StringFixed(2),
			m.PerRecord.String(), pl.Total.Add(m.Gain).StringFixed(2)})
	}
	if pl.Combined != nil {
		total := pl.Total
		for _, s := range pl.Combined.Steps {
			total = total.Add(s.Gain)
			per := decimal.Zero
			if s.Records > 0 {
				per = s.Gain.DivRound(decimal.NewFromInt(s.Records), 4)
			}
			out = append(out, []string{combined, s.Metric.String(), strconv.FormatInt(s.Records, 10), s.Gain.StringFixed(2),
				per.String(), total.StringFixed(2)})
		}
	}
	return out
}

// deltaHeader and deltaCells are the Δ columns of the units table with -previous.
func deltaHeader(lang string) []string {
	var h []string
	for g := indicator.G1; g <= indicator.G5; g++ {
		h = append(h, "Δ "+g.String())
	}
	if lang == "en" {
		return append(h, "Δ total", "previous rank", "rank change")
	}
	return append(h, "Δ tổng", "hạng kỳ trước", "thay đổi hạng")
}

func deltaCells(u indicator.UnitResult) []string {
	if u.Change == nil {
		return make([]string, indicator.NumGroups+3)
	}
	var r []string
	for _, d := range u.Change.Groups {
		r = append(r, signed(d))
	}
	return append(r, signed(u.Change.Total), strconv.Itoa(u.Change.PreviousRank), fmt.Sprintf("%+d", u.Change.Rank))
}

func signed(d decimal.Decimal) string {
	s := d.StringFixed(2)
	if d.Sign() > 0 {
		return "+" + s
	}
	return s
}

// writeRows writes rows as an aligned text table under head.
func writeRows(w io.Writer, head []string, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}

// writeCSVRows writes one CSV table: head, then rows (already CSV-safe).
func writeCSVRows(w io.Writer, bom bool, head []string, rows [][]string) error {
	if bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Write(csvTexts(head))
	for _, r := range rows {
		cw.Write(r)
	}
	cw.Flush()
	return cw.Error()
}

// textRows passes every cell of rows through CSVText (for rows whose text cells were not yet guarded).
func textRows(rows [][]string) [][]string {
	for _, r := range rows {
		for i, c := range r {
			if _, err := strconv.ParseFloat(c, 64); err != nil {
				r[i] = CSVText(c)
			}
		}
	}
	return rows
}

var errNoRecords = errors.New("needs the dossier records (not available when scoring counts)")
