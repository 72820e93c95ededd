package dashboard

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

func TestPreviousPeriod(t *testing.T) {
	custom, err := model.Custom(time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC), time.Date(2026, 8, 9, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	for _, tc := range []struct {
		p    model.Period
		want string
		ok   bool
	}{
		{model.Month(2026, 8), "2026-07", true},
		{model.Month(2026, 1), "2025-12", true},
		{model.Quarter(2026, 3), "2026-Q2", true},
		{model.Quarter(2026, 1), "2025-Q4", true},
		{model.Year(2026), "2025", true},
		{custom, "", false},
	} {
		got, ok := previousPeriod(tc.p)
		require.Equal(t, tc.ok, ok, tc.p.String())
		if ok {
			require.Equal(t, tc.want, got.String(), tc.p.String())
		}
	}
}

func row3(unit string, rank int, total string, g1 string) rowJSON {
	return rowJSON{Unit: unit, Rank: rank, Total: decimal.RequireFromString(total),
		Groups: []groupJSON{{Group: 1, Score: decimal.RequireFromString(g1)}}}
}

// TestSortAndTies: competition ranks 1, 2, 2, 4 are marked tied; every sort key orders the rows, ties
// broken by rank then unit id.
func TestSortAndTies(t *testing.T) {
	rows := []rowJSON{row3("D", 4, "70", "3"), row3("B", 2, "80", "9"), row3("A", 1, "90", "1"), row3("C", 2, "80", "5")}
	sortRows(rows, "rank", false)
	markTies(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.Unit)
		require.Equal(t, r.Rank == 2, r.Tied, r.Unit)
	}
	require.Equal(t, []string{"A", "B", "C", "D"}, got)
	for _, tc := range []struct {
		key  string
		desc bool
		want string
	}{
		{"rank", true, "DBCA"}, {"total", false, "DBCA"}, {"total", true, "ABCD"},
		{"g1", true, "BCDA"}, {"g1", false, "ADCB"}, {"unit", false, "ABCD"},
	} {
		sortRows(rows, tc.key, tc.desc)
		var s string
		for _, r := range rows {
			s += r.Unit
		}
		require.Equal(t, tc.want, s, "%s desc=%v", tc.key, tc.desc)
	}
}

// TestOverviewMatchesCard: the overview's rows are the card's units below the root, by kind, in rank
// order; the change is the difference with the previous month's card; the page prints the same numbers.
func TestOverviewMatchesCard(t *testing.T) {
	h := newTestHandler(t)
	var o overviewJSON
	w := do(t, h, "GET", "/api/overview?period=2026-08", "", "")
	require.Equal(t, 200, w.Code)
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &o))
	require.Equal(t, "2026-07", o.PreviousPeriod)
	var pv overviewJSON
	w = do(t, h, "GET", "/api/overview?period=2026-07", "", "")
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &pv))
	prevTotal := map[string]decimal.Decimal{pv.Province.Unit: pv.Province.Total}
	for _, lv := range pv.Levels {
		for _, r := range lv.Rows {
			prevTotal[r.Unit] = r.Total
		}
	}
	page := do(t, h, "GET", "/?period=2026-08", "", "").Body.String()
	n := 0
	for _, lv := range o.Levels {
		for i, r := range lv.Rows {
			n++
			if i > 0 {
				require.GreaterOrEqual(t, r.Rank, lv.Rows[i-1].Rank)
				require.False(t, r.Total.GreaterThan(lv.Rows[i-1].Total), "rank order is total order")
			}
			require.Equal(t, lv.Kind, r.Kind)
			require.NotNil(t, r.Change, r.Unit)
			require.True(t, r.Change.Total.Equal(r.Total.Sub(prevTotal[r.Unit])), r.Unit)
			require.Contains(t, page, `<td class="n total"><b>`+r.Total.StringFixed(2)+`</b>`, r.Unit)
		}
	}
	require.Equal(t, testUnits-1, n)
	require.Contains(t, page, `id="province-total">`+o.Province.Total.StringFixed(2)+`<`)

	// A level filter keeps one table; the sort is the API's too.
	w = do(t, h, "GET", "/api/overview?period=2026-08&level=commune&sort=total&dir=asc", "", "")
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &o))
	require.Len(t, o.Levels, 1)
	require.Equal(t, "commune", o.Levels[0].Kind)
	for i := 1; i < len(o.Levels[0].Rows); i++ {
		require.False(t, o.Levels[0].Rows[i].Total.LessThan(o.Levels[0].Rows[i-1].Total))
	}
}

// TestLanguages: Vietnamese by default with its diacritics, English on ?lang=en, every link keeping the
// language.
func TestLanguages(t *testing.T) {
	h := newTestHandler(t)
	vi := do(t, h, "GET", "/units/H99.01?period=2026-08", "", "").Body.String()
	for _, s := range []string{`<html lang="vi">`, "Sở Tư pháp", "Từng chỉ số", "Vì sao mất điểm", "Điểm mất", "Dữ liệu mẫu"} {
		require.Contains(t, vi, s)
	}
	en := do(t, h, "GET", "/units/H99.01?period=2026-08&lang=en", "", "").Body.String()
	for _, s := range []string{`<html lang="en">`, "Every metric", "Why points were lost", "Points lost", "Sample data"} {
		require.Contains(t, en, s)
	}
	require.NotContains(t, en, "Vì sao mất điểm")
	require.Contains(t, en, `href="/?lang=en&amp;period=2026-08"`, "links keep the language")
	require.Contains(t, en, `<input type="hidden" name="lang" value="en">`, "the period form keeps the language")
}

// TestRecordsCSV: the CSV holds, after a byte-order mark and a header, exactly the records the JSON API
// counts, in the same order.
func TestRecordsCSV(t *testing.T) {
	h := newTestHandler(t)
	w := do(t, h, "GET", "/units/H99.101/records.csv?period=2026-08", "", "")
	require.Equal(t, 200, w.Code, w.Body.String())
	require.Contains(t, w.Header().Get("Content-Disposition"), "ho-so-mat-diem_H99.101_2026-08.csv")
	b := w.Body.Bytes()
	require.True(t, bytes.HasPrefix(b, []byte("\ufeff")))
	recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	require.NoError(t, err)
	require.Equal(t, csvHead(VI), recs[0])
	var api recordsJSON
	w = do(t, h, "GET", "/api/units/H99.101/records?period=2026-08", "", "")
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &api))
	require.Positive(t, api.Total)
	require.Len(t, recs, int(api.Total)+1)
	require.Equal(t, int((api.Total+PageSize-1)/PageSize), api.Pages)
	for i, r := range api.Records {
		require.Equal(t, r.Code, recs[i+1][5])
		require.Equal(t, r.Metric.String(), recs[i+1][1])
		require.Equal(t, r.Reason.Label("vi"), recs[i+1][3])
	}
	// One metric only; the last page; the page's list.
	w = do(t, h, "GET", "/api/units/H99.101/records?period=2026-08&metric=2.1", "", "")
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &api))
	for _, r := range api.Records {
		require.Equal(t, "2.1", r.Metric.String())
	}
	page := do(t, h, "GET", "/units/H99.101/records?period=2026-08", "", "").Body.String()
	require.Contains(t, page, `id="records-total">`)
	require.LessOrEqual(t, strings.Count(page, "<tr data-code="), PageSize)
}

// TestFileData: a province's files by the directory convention; periods outside the dossiers' months
// have no data; missing files are errors naming what is missing.
func TestFileData(t *testing.T) {
	fd, err := OpenFiles("testdata/province", time.Time{})
	require.NoError(t, err)
	require.Equal(t, "2026-08", fd.Last().String())
	var ps []string
	for _, p := range fd.Periods() {
		ps = append(ps, p.String())
	}
	require.Contains(t, ps, "2026")
	require.Contains(t, ps, "2026-Q3")
	require.Contains(t, ps, "2026-08")
	require.NotContains(t, ps, "2026-01")
	_, err = fd.Inputs(t.Context(), model.Month(2026, 1))
	require.ErrorIs(t, err, ErrUnknownPeriod)
	in, err := fd.Inputs(t.Context(), model.Month(2026, 8))
	require.NoError(t, err)
	require.Equal(t, model.Month(2026, 8).EndTime(), in.AsOf, "no as-of: the end of the period")
	require.Len(t, in.Units, 5)

	_, err = OpenFiles(t.TempDir(), time.Time{})
	require.ErrorContains(t, err, "convention")
	dir := t.TempDir()
	b, err := os.ReadFile("testdata/province/units.csv")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "units.csv"), b, 0o644))
	_, err = OpenFiles(dir, time.Time{})
	require.ErrorContains(t, err, "no dossier file")
}

func TestNum(t *testing.T) {
	num := funcs["num"].(func(Lang, int64) string)
	for _, tc := range []struct {
		l    Lang
		n    int64
		want string
	}{{VI, 0, "0"}, {VI, 999, "999"}, {VI, 50000, "50.000"}, {EN, 1234567, "1,234,567"}, {VI, -1234, "-1.234"}, {EN, -123, "-123"}} {
		require.Equal(t, tc.want, num(tc.l, tc.n))
	}
}

// TestRecordPassLimit: a failing-record list is a pass over the period's records; beyond
// Config.MaxRecordPasses at once the answer is 429 with Retry-After (JSON or HTML by route), and the slot
// is given back.
func TestRecordPassLimit(t *testing.T) {
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 1000})
	require.NoError(t, err)
	src, err := NewSampleSource(p, indicator.Portal(), CacheConfig{})
	require.NoError(t, err)
	hd, hh, err := newHandler(Config{Cards: src.Card, Records: src.Records, Default: model.Month(2026, 8), MaxRecordPasses: 1})
	require.NoError(t, err)
	hd.passes <- struct{}{}
	for _, target := range []string{"/api/units/H99.01/records", "/units/H99.01/records", "/units/H99.01/records.csv"} {
		w := do(t, hh, "GET", target, "", "")
		require.Equal(t, http.StatusTooManyRequests, w.Code, target)
		require.Equal(t, "1", w.Header().Get("Retry-After"), target)
	}
	<-hd.passes
	w := do(t, hh, "GET", "/units/H99.01/records.csv", "", "")
	require.Equal(t, 200, w.Code)
	require.Empty(t, hd.passes, "the slot is given back")
	_, err = NewHandler(Config{Cards: src.Card, Default: model.Month(2026, 8), MaxRecordPasses: -1})
	require.ErrorIs(t, err, ErrConfig)
}

// FuzzQuery: any query string on the pages and their API gives 200, 400 or 404 — never a 500 — with an
// HTML page on the page routes and a JSON value on the API routes.
func FuzzQuery(f *testing.F) {
	for _, q := range []string{"", "period=2026-08", "period=2026-Q3&level=commune&sort=g3&dir=desc", "sort=x",
		"dir=up", "level=%00", "lang=en&period=2026", "page=0", "page=99999999999", "metric=4.6a&page=2",
		"target=1e9", "target=-1", "target=80,5&mode=add", "mode=fix&target=NaN", "unit=H99.01", "unit=%3Cb%3E"} {
		f.Add(q)
	}
	h := newTestHandler(f)
	f.Fuzz(func(t *testing.T, q string) {
		for _, path := range []string{"/", "/api/overview", "/units/H99.101", "/api/units/H99.101", "/trend", "/api/trend",
			"/api/units/H99.101/records"} {
			req := httptest.NewRequest("GET", "/", nil)
			req.URL.Path, req.URL.RawQuery = path, q
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			switch w.Code {
			case 200, 400, 404:
			default:
				t.Fatalf("GET %s?%s: %d %.300s", path, q, w.Code, w.Body.String())
			}
			if strings.HasPrefix(path, "/api/") {
				require.True(t, json.Valid(w.Body.Bytes()), "%s?%s", path, q)
			} else {
				require.Contains(t, w.Body.String(), "</html>", "%s?%s", path, q)
			}
		}
	})
}

// TestOverviewCSV: the ranking as CSV for Excel: byte-order mark, the province first, then every row of
// the API's tables in the same order with the same totals.
func TestOverviewCSV(t *testing.T) {
	h := newTestHandler(t)
	w := do(t, h, "GET", "/overview.csv?period=2026-08&sort=total&dir=asc", "", "")
	require.Equal(t, 200, w.Code, w.Body.String())
	b := w.Body.Bytes()
	require.True(t, bytes.HasPrefix(b, []byte("\ufeff")))
	recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	require.NoError(t, err)
	var o overviewJSON
	require.NoError(t, json.Unmarshal(do(t, h, "GET", "/api/overview?period=2026-08&sort=total&dir=asc", "", "").Body.Bytes(), &o))
	require.Equal(t, o.Province.Unit, recs[1][3])
	i := 2
	for _, lv := range o.Levels {
		for _, r := range lv.Rows {
			require.Equal(t, []string{lv.Label, r.Unit, r.Total.StringFixed(2)}, []string{recs[i][0], recs[i][3], recs[i][5]})
			i++
		}
	}
	require.Len(t, recs, i)
	require.Len(t, recs[0], 15)
}
