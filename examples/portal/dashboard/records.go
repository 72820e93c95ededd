package dashboard

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/examples/internal/report"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dedupe"
)

// RecordsFunc streams the records that cost unit points in period p (scorecard.Scorer.FailingRecords
// with RecordOptions{Unit: unit}), only those of metric when metric is not 0. An error wrapping
// ErrUnknownPeriod is served as 404. It must be safe for concurrent use and stop when ctx ends.
type RecordsFunc func(ctx context.Context, p model.Period, unit string, metric indicator.ID) iter.Seq2[scorecard.FailingRecord, error]

// Records streams the failing records of unit in period p (a RecordsFunc): a second pass over the
// DataSource's dossiers with the period's scorer (scorecard.Scorer.FailingRecords), stopped within
// 1 024 dossiers once ctx ends. Memory does not grow with the number of dossiers. Errors (yielded once,
// last): the DataSource's, the scorer's (an *indicator.OptionError for an unknown unit), ctx's.
func (s *Source) Records(ctx context.Context, p model.Period, unit string, metric indicator.ID) iter.Seq2[scorecard.FailingRecord, error] {
	return func(yield func(scorecard.FailingRecord, error) bool) {
		sc, _, err := s.scorer(ctx, p)
		if err != nil {
			yield(scorecard.FailingRecord{}, err)
			return
		}
		opt := scorecard.RecordOptions{Unit: unit}
		if metric != 0 {
			opt.Metrics = []indicator.ID{metric}
		}
		var serr error
		seq := untilDone(ctx, s.ds.Dossiers(ctx, p), &serr)
		if s.latest {
			seq, _ = dedupe.Latest(seq, dedupe.Policy{})
		}
		for r, err := range sc.FailingRecords(seq, opt) {
			if err == nil && ctx.Err() != nil {
				err = ctx.Err()
			}
			if !yield(r, err) || err != nil {
				return
			}
		}
		switch {
		case ctx.Err() != nil:
			yield(scorecard.FailingRecord{}, ctx.Err())
		case serr != nil:
			yield(scorecard.FailingRecord{}, fmt.Errorf("dossiers of %s: %w", p, serr))
		}
	}
}

// PageSize is the number of failing records per page.
const PageSize = 50

// recordJSON is one failing record as the page and GET /api/units/{id}/records show it.
type recordJSON struct {
	scorecard.FailingRecord
	Label     string `json:"label"`
	N         int64  `json:"-"` // position in the whole list, from 1
	FactsText string `json:"-"`
}

// missingVI names in Vietnamese what a failing dossier lacks (RecordFacts.Missing).
var missingVI = map[string]string{
	"electronic_result": "kết quả điện tử", "submitted_file": "tệp thành phần hồ sơ số hóa",
	"result_file": "tệp kết quả số hóa", "reused_data": "khai thác lại dữ liệu số hóa",
	"store_link": "kết nối kho dữ liệu cá nhân", "population_data": "dữ liệu dân cư",
	"online_payment": "thanh toán trực tuyến", "portal_sync": "đồng bộ lên Cổng DVCQG",
	"online_submission": "nộp trực tuyến",
}

// factsText summarises a failing dossier's deciding facts for the page.
func factsText(f scorecard.RecordFacts, l Lang) string {
	var parts []string
	add := func(vi, en, v string) {
		if v == "" {
			return
		}
		if l == EN {
			parts = append(parts, en+" "+v)
		} else {
			parts = append(parts, vi+" "+v)
		}
	}
	t := func(x time.Time) string {
		if x.IsZero() {
			return ""
		}
		return x.In(vietnam).Format("02/01/2006 15:04")
	}
	add("TTHC", "procedure", f.Procedure)
	add("tiếp nhận", "received", t(f.Received))
	add("hạn", "due", t(f.Due))
	add("kết thúc", "ended", t(f.End))
	if f.LateWorkingDays > 0 {
		add("trễ (ngày làm việc)", "late (working days)", strconv.Itoa(f.LateWorkingDays))
	}
	if f.Supplements > 0 {
		add("bổ sung", "supplements", strconv.Itoa(f.Supplements))
	}
	if f.Missing != "" {
		m := f.Missing
		if l != EN {
			m = cmp.Or(missingVI[m], m)
		}
		add("thiếu", "missing", m)
	}
	return strings.Join(parts, "; ")
}

// recordsJSON is one page of a unit's failing records.
type recordsJSON struct {
	Period  string       `json:"period"`
	Unit    string       `json:"unit"`
	Metric  string       `json:"metric,omitempty"`
	Page    int          `json:"page"`
	Pages   int          `json:"pages"`
	Total   int64        `json:"total"`
	Records []recordJSON `json:"records"`
}

// recordsQuery reads ?metric= and ?page= (from 1).
func recordsQuery(q url.Values) (indicator.ID, int, error) {
	var id indicator.ID
	if s := q.Get("metric"); s != "" {
		var err error
		if id, err = indicator.ParseID(s); err != nil {
			return 0, 0, fmt.Errorf("metric: %w", err)
		}
	}
	page := 1
	if s := q.Get("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 1<<20 {
			return 0, 0, fmt.Errorf("page: want a page number from 1")
		}
		page = n
	}
	return id, page, nil
}

// recordsOf reads one page of the request's unit's failing records: one pass over the period's records,
// counting them all for the pager. ok is false when the response has been written.
func (h *handler) recordsOf(w http.ResponseWriter, r *http.Request) (*scorecard.Card, scorecard.UnitCard, recordsJSON, bool) {
	if h.cfg.Records == nil {
		h.fail(w, r, http.StatusNotFound, "failing records are not configured (Config.Records)")
		return nil, scorecard.UnitCard{}, recordsJSON{}, false
	}
	metric, page, err := recordsQuery(r.URL.Query())
	if err != nil {
		h.fail(w, r, http.StatusBadRequest, err.Error())
		return nil, scorecard.UnitCard{}, recordsJSON{}, false
	}
	c, u, ok := h.unit(w, r)
	if !ok {
		return nil, u, recordsJSON{}, false
	}
	if !h.acquirePass(w, r) {
		return nil, u, recordsJSON{}, false
	}
	defer func() { <-h.passes }()
	l := h.lang(r)
	out := recordsJSON{Period: c.Period.String(), Unit: u.Unit.ID, Page: page, Records: []recordJSON{}}
	if metric != 0 {
		out.Metric = metric.String()
	}
	from := int64(page-1) * PageSize
	for rec, err := range h.cfg.Records(r.Context(), c.Period, u.Unit.ID, metric) {
		if err != nil {
			h.fail(w, r, statusOf(r, err), err.Error())
			return nil, u, out, false
		}
		if out.Total >= from && out.Total < from+PageSize {
			out.Records = append(out.Records, recordJSON{FailingRecord: rec, Label: rec.Reason.Label(string(l)),
				N: out.Total + 1, FactsText: factsText(rec.Facts, l)})
		}
		out.Total++
	}
	out.Pages = int((out.Total + PageSize - 1) / PageSize)
	if page > 1 && page > out.Pages {
		h.fail(w, r, http.StatusNotFound, fmt.Sprintf("page %d: there are %d pages", page, out.Pages))
		return nil, u, out, false
	}
	return c, u, out, true
}

// acquirePass takes a failing-record pass slot, or answers 429 with Retry-After (false) when none is free.
func (h *handler) acquirePass(w http.ResponseWriter, r *http.Request) bool {
	select {
	case h.passes <- struct{}{}:
		return true
	default:
		w.Header().Set("Retry-After", strconv.Itoa(RetryAfter))
		h.fail(w, r, http.StatusTooManyRequests, "too many failing-record lists in progress; retry later")
		return false
	}
}

// recordsAPI serves GET /api/units/{id}/records?metric=&page=.
func (h *handler) recordsAPI(w http.ResponseWriter, r *http.Request) {
	if _, _, out, ok := h.recordsOf(w, r); ok {
		writeJSON(w, http.StatusOK, out)
	}
}

type recordsData struct {
	pageBase
	Data        recordsJSON
	Name        string
	Metrics     []levelLink
	PrevURL     string
	NextURL     string
	CSVURL      string
	UnitURL     string
	MetricLabel string
}

// recordsPage serves GET /units/{id}/records: the paginated list of the unit's failing records.
func (h *handler) recordsPage(w http.ResponseWriter, r *http.Request) {
	c, u, out, ok := h.recordsOf(w, r)
	if !ok {
		return
	}
	l := h.lang(r)
	path := "units/" + u.Unit.ID + "/records"
	d := recordsData{pageBase: h.base(r, c, path, "", "metric", out.Metric), Data: out, Name: u.Unit.Name}
	d.UnitURL = d.Nav.URL("units/" + u.Unit.ID)
	d.CSVURL = d.Nav.URL(path+".csv", "metric", out.Metric)
	if out.Page > 1 {
		d.PrevURL = d.Nav.URL(path, "metric", out.Metric, "page", strconv.Itoa(out.Page-1))
	}
	if out.Page < out.Pages {
		d.NextURL = d.Nav.URL(path, "metric", out.Metric, "page", strconv.Itoa(out.Page+1))
	}
	d.Metrics = append(d.Metrics, levelLink{Label: l.T("allMetrics"), URL: d.Nav.URL(path), On: out.Metric == ""})
	for _, e := range u.Explanations {
		if e.Den > e.Num {
			d.Metrics = append(d.Metrics, levelLink{Label: e.Metric.String(), URL: d.Nav.URL(path, "metric", e.Metric.String()), On: out.Metric == e.Metric.String()})
		}
	}
	h.render(w, r, recordsTmpl, d)
}

// recordsCSV serves GET /units/{id}/records.csv: every failing record of the unit (no pagination), as
// CSV with a UTF-8 byte-order mark (Excel), text cells guarded against formula injection
// (report.CSVText). The records are streamed: memory does not grow with their number.
func (h *handler) recordsCSV(w http.ResponseWriter, r *http.Request) {
	if h.cfg.Records == nil {
		h.fail(w, r, http.StatusNotFound, "failing records are not configured (Config.Records)")
		return
	}
	metric, _, err := recordsQuery(r.URL.Query())
	if err != nil {
		h.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	c, u, ok := h.unit(w, r)
	if !ok {
		return
	}
	if !h.acquirePass(w, r) {
		return
	}
	defer func() { <-h.passes }()
	l := h.lang(r)
	next, stop := iter.Pull2(h.cfg.Records(r.Context(), c.Period, u.Unit.ID, metric))
	defer stop()
	first, ferr, more := next()
	if ferr != nil {
		h.fail(w, r, statusOf(r, ferr), ferr.Error())
		return
	}
	name := fmt.Sprintf("ho-so-mat-diem_%s_%s.csv", u.Unit.ID, c.Period)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	w.WriteHeader(http.StatusOK)
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	cw := csv.NewWriter(&buf)
	cw.Write(csvHead(l))
	t := func(x time.Time) string {
		if x.IsZero() {
			return ""
		}
		return x.In(vietnam).Format("2006-01-02 15:04")
	}
	for rec, err, ok := first, ferr, more; ok; rec, err, ok = next() {
		if err != nil {
			// The status is sent: the error ends the file with a last line that says so.
			cw.Write([]string{report.CSVText("error: " + err.Error())})
			break
		}
		f := rec.Facts
		cw.Write([]string{report.CSVText(rec.Unit), rec.Metric.String(), report.CSVText(string(rec.Reason)),
			report.CSVText(rec.Reason.Label(string(l))), rec.Kind.String(), report.CSVText(rec.Code),
			report.CSVText(f.Procedure), report.CSVText(f.Status), t(f.Received), t(f.Due), t(f.End),
			strconv.Itoa(f.LateWorkingDays), report.CSVText(f.Missing)})
		if buf.Len() > 32<<10 {
			cw.Flush()
			if _, err := w.Write(buf.Bytes()); err != nil {
				return
			}
			buf.Reset()
		}
	}
	cw.Flush()
	w.Write(buf.Bytes())
}

func csvHead(l Lang) []string {
	if l == EN {
		return []string{"unit", "metric", "reason", "reason_label", "kind", "code", "procedure", "status", "received", "due", "end", "late_working_days", "missing"}
	}
	return []string{"don_vi", "chi_so", "ma_ly_do", "ly_do", "loai", "ma_ho_so", "ma_tthc", "trang_thai", "tiep_nhan", "han_xu_ly", "ket_thuc", "so_ngay_lam_viec_tre", "con_thieu"}
}

// statusOf maps a records error to a status: 404 for an unknown period, 503 when the request ended,
// 500 otherwise.
func statusOf(r *http.Request, err error) int {
	switch {
	case r.Context().Err() != nil:
		return http.StatusServiceUnavailable
	case isUnknownPeriod(err):
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}

func isUnknownPeriod(err error) bool { return errors.Is(err, ErrUnknownPeriod) }

// overviewCSV serves GET /overview.csv: the ranking tables of the overview (same period, level and
// sort) as one CSV with a UTF-8 byte-order mark for Excel, the province's row first, text cells guarded
// against formula injection (report.CSVText).
func (h *handler) overviewCSV(w http.ResponseWriter, r *http.Request) {
	c, o, _, _, _, ok := h.overviewOf(w, r)
	if !ok {
		return
	}
	l := h.lang(r)
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	cw := csv.NewWriter(&buf)
	head := []string{"cap", "hang", "dong_hang", "don_vi", "ten", "tong_diem", "xep_loai", "n1", "n2", "n3", "n4", "n5", "n6", "thay_doi", "hang_truoc"}
	if l == EN {
		head = []string{"level", "rank", "tied", "unit", "name", "total", "band", "g1", "g2", "g3", "g4", "g5", "g6", "change", "previous_rank"}
	}
	cw.Write(head)
	line := func(level string, x rowJSON) {
		rec := []string{report.CSVText(level), strconv.Itoa(x.Rank), strconv.FormatBool(x.Tied), report.CSVText(x.Unit),
			report.CSVText(x.Name), x.Total.StringFixed(2), report.CSVText(x.BandLabel)}
		for _, g := range x.Groups {
			rec = append(rec, g.Score.StringFixed(2))
		}
		if x.Change != nil {
			rec = append(rec, x.Change.Total.StringFixed(2), strconv.Itoa(x.Change.PreviousRank))
		} else {
			rec = append(rec, "", "")
		}
		cw.Write(rec)
	}
	line(l.T("province"), o.Province)
	for _, lv := range o.Levels {
		for _, x := range lv.Rows {
			line(lv.Label, x)
		}
	}
	cw.Flush()
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "xep-hang_"+c.Period.String()+".csv"))
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes())
}
