// Package browsertest loads the dashboard of examples/portal/dashboard in a real headless Chromium
// (chromedp) and checks what a reader sees: the ranking table has one row per unit in rank order, the
// printed values are the JSON API's, Vietnamese diacritics survive, the browser logs no console error,
// and a reader can click from the overview to a unit, to its failing records and download them as CSV.
// Screenshots of every page go to $SCREENSHOTS (default: a folder under the system's temp directory,
// logged by the test).
//
// It is a nested module so that the main module's `go test ./...` needs no browser and no chromedp:
//
//	cd examples/portal/browsertest && go test ./...
//
// Chromium: $CHROMIUM, else chromium or chromium-browser on PATH (Debian: apt-get install chromium).
package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/examples/portal/dashboard"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// chromium finds the browser: $CHROMIUM, else chromium or chromium-browser on PATH.
func chromium(t *testing.T) string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no Chromium found: install it (Debian: apt-get install -y chromium) or set $CHROMIUM")
	return ""
}

// outDir is where the screenshots go.
func outDir(t *testing.T) string {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "chiso766-browsertest")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// browserCtx starts a headless Chromium with the flags that work in containers and collects the
// console's errors (console.error, uncaught exceptions, browser log entries of level error: failed
// loads, CSP violations).
func browserCtx(t *testing.T) (context.Context, func() []string) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, tcancel := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { tcancel(); cancel(); acancel() })
	var mu sync.Mutex
	var errs []string
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value))
				}
				errs = append(errs, "console.error: "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			errs = append(errs, "exception: "+ev.ExceptionDetails.Text)
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				errs = append(errs, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []cdp.Command[cdp.Empty, cdp.Empty]{cdplog.Enable, runtime.Enable} {
		if _, err := chromedp.Call(ctx, cmd, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
	}
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

// getJSON decodes GET url into v.
func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// screenshot saves the full page as name.png.
func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func f2(s string) string { return decimal.RequireFromString(s).StringFixed(2) }

// digits drops the digit-group separators the pages print in counts (50.000 in Vietnamese).
func digits(s string) string { return strings.NewReplacer(".", "", ",", "").Replace(s) }

// The API's shapes, as far as the test reads them.
type apiRow struct {
	Unit, Name, Total string
	Rank              int
	Tied              bool
	Groups            []struct{ Score string }
	Change            *struct{ Total string }
}

type apiOverview struct {
	Province apiRow
	Levels   []struct {
		Kind string
		Rows []apiRow
	}
}

type pageRow struct {
	Unit   string   `json:"unit"`
	Rank   string   `json:"rank"`
	Name   string   `json:"name"`
	Total  string   `json:"total"`
	Delta  string   `json:"delta"`
	Groups []string `json:"groups"`
}

type pageTable struct {
	Kind string    `json:"kind"`
	Rows []pageRow `json:"rows"`
}

type metricRow struct {
	Metric string `json:"metric"`
	Num    string `json:"num"`
	Den    string `json:"den"`
	Score  string `json:"score"`
}

// do runs actions; get runs one action and returns its value; both fail the test on error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

const readRanking = `Array.from(document.querySelectorAll('table.ranking')).map(t => ({
  kind: t.dataset.kind,
  rows: Array.from(t.querySelectorAll('tbody tr')).map(r => ({
    unit: r.dataset.unit,
    rank: r.querySelector('.rank').childNodes[0].textContent.trim(),
    name: r.querySelector('.unit a').textContent,
    total: r.querySelector('.total').textContent.trim(),
    delta: r.querySelector('.delta').textContent.trim(),
    groups: Array.from(r.querySelectorAll('td[class*=" g"]')).map(c => c.textContent.trim())}))}))`

// province is one dashboard under test.
type province struct {
	name    string // screenshot prefix
	handler http.Handler
	period  string
	title   string // expected in the heading (diacritics)
}

func sampleProvince(t *testing.T) province {
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	d, err := dashboard.NewSampleData(p)
	if err != nil {
		t.Fatal(err)
	}
	return newProvince(t, "sample", d, model.Month(2026, 8), true, "UBND tỉnh Mẫu")
}

// filesProvince is the hand-worked province of the dashboard's test data (dashboard/testdata/province, a
// copy of indicator/scorecard's scenario: Tỉnh Thử, two departments and two communes, August 2026), read
// from files by the directory convention: no sample record.
func filesProvince(t *testing.T) province {
	dir := t.TempDir()
	src := filepath.Join("..", "dashboard", "testdata", "province")
	for _, f := range []string{"units.csv", "procedures.csv", "offerings.csv", "dossiers.csv", "petitions.csv", "ratings.csv"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fd, err := dashboard.OpenFiles(dir, time.Date(2026, 9, 1, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600)))
	if err != nil {
		t.Fatal(err)
	}
	return newProvince(t, "files", fd, fd.Last(), false, "Tỉnh Thử")
}

func newProvince(t *testing.T, name string, ds dashboard.DataSource, def model.Period, isSample bool, title string) province {
	src, err := dashboard.NewSource(ds, dashboard.SourceOptions{Edition: indicator.Portal(), Latest: !isSample})
	if err != nil {
		t.Fatal(err)
	}
	ed := src.Edition()
	h, err := dashboard.NewHandler(dashboard.Config{Cards: src.Card, Records: src.Records, Edition: &ed,
		Default: def, Sample: isSample, Timeout: 3 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	return province{name: name, handler: h, period: def.String(), title: title}
}

func TestBrowser(t *testing.T) {
	out := outDir(t)
	for _, mk := range []func(*testing.T) province{sampleProvince, filesProvince} {
		p := mk(t)
		t.Run(p.name, func(t *testing.T) { checkProvince(t, p, out) })
	}
}

func checkProvince(t *testing.T, p province, out string) {
	srv := httptest.NewServer(p.handler)
	defer srv.Close()
	ctx, consoleErrors := browserCtx(t)
	q := "?period=" + p.period

	// Overview: the ranking tables against GET /api/overview.
	var api apiOverview
	getJSON(t, srv.URL+"/api/overview"+q, &api)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"+q), chromedp.WaitVisible(chromedp.CSS(`table.ranking`)))
	tables := get(t, ctx, chromedp.Evaluate[[]pageTable](readRanking))
	heading := get(t, ctx, chromedp.Text(chromedp.CSS(`header h1`)))
	lang := get(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	provinceTotal := get(t, ctx, chromedp.Text(chromedp.CSS(`#province-total`)))
	radar := get(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#radar text.val')).map(e => e.dataset.value)`))
	if lang != "vi" || !strings.Contains(heading, "Chỉ số phục vụ người dân, doanh nghiệp") || !strings.Contains(heading, p.title) {
		t.Errorf("heading %q (lang %q): diacritics or title lost", heading, lang)
	}
	if provinceTotal != f2(api.Province.Total) {
		t.Errorf("province total printed %q, API %s", provinceTotal, api.Province.Total)
	}
	if len(radar) != indicator.NumGroups {
		t.Errorf("radar prints %d values", len(radar))
	}
	for i, v := range radar {
		if i < len(api.Province.Groups) && v != f2(api.Province.Groups[i].Score) {
			t.Errorf("radar group %d: %s, API %s", i+1, v, api.Province.Groups[i].Score)
		}
	}
	if len(tables) != len(api.Levels) || len(tables) == 0 {
		t.Fatalf("%d ranking tables, API %d levels", len(tables), len(api.Levels))
	}
	for i, tab := range tables {
		lv := api.Levels[i]
		if tab.Kind != lv.Kind || len(tab.Rows) != len(lv.Rows) {
			t.Fatalf("table %d: %s with %d rows, API %s with %d", i, tab.Kind, len(tab.Rows), lv.Kind, len(lv.Rows))
		}
		prev := 0
		for j, r := range tab.Rows {
			a := lv.Rows[j]
			if r.Unit != a.Unit || r.Name != a.Name || r.Total != f2(a.Total) || r.Rank != fmt.Sprint(a.Rank) {
				t.Errorf("%s row %d: page %+v, API %+v", tab.Kind, j, r, a)
			}
			var rank int
			fmt.Sscan(r.Rank, &rank)
			if rank < prev {
				t.Errorf("%s row %d: rank %d after %d: not in rank order", tab.Kind, j, rank, prev)
			}
			prev = rank
			for g, cell := range r.Groups {
				if cell != f2(a.Groups[g].Score) {
					t.Errorf("%s %s group %d: %s, API %s", tab.Kind, r.Unit, g+1, cell, a.Groups[g].Score)
				}
			}
			if a.Change != nil && strings.TrimLeft(strings.NewReplacer("−", "-").Replace(r.Delta), "+±") != strings.TrimLeft(decimal.RequireFromString(a.Change.Total).StringFixed(2), "+") {
				t.Errorf("%s %s change: %s, API %s", tab.Kind, r.Unit, r.Delta, a.Change.Total)
			}
		}
	}
	screenshot(t, ctx, out, p.name+"-overview")
	ranking := download(t, ctx, `#ranking-csv`)
	rows := 1 // the province
	for _, lv := range api.Levels {
		rows += len(lv.Rows)
	}
	if !bytes.HasPrefix(ranking, []byte("\ufeff")) || bytes.Count(bytes.TrimRight(ranking, "\n"), []byte("\n")) != rows {
		t.Errorf("ranking CSV: want a BOM, a header and %d rows: %.200q", rows, ranking)
	}

	// Sorting by total, ascending: the first row is the lowest total.
	do(t, ctx, chromedp.Click(chromedp.CSS(`table.ranking thead th:nth-child(3) a`)), chromedp.WaitVisible(chromedp.CSS(`table.ranking`)))
	firstTotal := get(t, ctx, chromedp.Text(chromedp.CSS(`table.ranking tbody tr:first-child .total`)))
	// The total column sorts descending on first click (the default of a score column).
	best := decimal.Zero
	for _, r := range api.Levels[0].Rows {
		if d := decimal.RequireFromString(r.Total); d.GreaterThan(best) {
			best = d
		}
	}
	if firstTotal != best.StringFixed(2) {
		t.Errorf("sorted by total: first row %s, want %s", firstTotal, best.StringFixed(2))
	}

	// Overview → unit: click the first unit of the first table.
	unit := api.Levels[0].Rows[0].Unit
	var unitAPI struct {
		Unit    apiRow
		Metrics []struct {
			Metric, Score string
			Num, Den      int64
			Null, Scored  bool
		}
		Reasons []struct{ Reason, Label string }
	}
	getJSON(t, srv.URL+"/api/units/"+unit+q, &unitAPI)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"+q), chromedp.WaitVisible(chromedp.CSS(`table.ranking`)),
		chromedp.Click(chromedp.CSS(`table.ranking tbody tr:first-child td.unit a`)), chromedp.WaitVisible(chromedp.CSS(`#metrics`)))
	url := get(t, ctx, chromedp.Location())
	unitTotal := get(t, ctx, chromedp.Text(chromedp.CSS(`#unit-total`)))
	metrics := get(t, ctx, chromedp.Evaluate[[]metricRow](`Array.from(document.querySelectorAll('#metrics tbody tr')).map(r => ({
			metric: r.dataset.metric, num: r.querySelector('.num').textContent, den: r.querySelector('.den').textContent,
			score: (r.querySelector('.score') || {textContent: ''}).textContent}))`))
	labels := get(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#reasons tbody tr td:nth-child(2)')).map(c => c.childNodes[0].textContent)`))
	if !strings.Contains(url, "/units/"+unit) {
		t.Errorf("clicked to %s, want the page of %s", url, unit)
	}
	if unitTotal != f2(unitAPI.Unit.Total) {
		t.Errorf("unit total %s, API %s", unitTotal, unitAPI.Unit.Total)
	}
	if len(metrics) != len(unitAPI.Metrics) {
		t.Fatalf("%d metric rows, API %d", len(metrics), len(unitAPI.Metrics))
	}
	for i, m := range metrics {
		a := unitAPI.Metrics[i]
		if m.Metric != a.Metric || digits(m.Num) != fmt.Sprint(a.Num) || digits(m.Den) != fmt.Sprint(a.Den) {
			t.Errorf("metric row %d: %+v, API %+v", i, m, a)
		}
		if a.Scored && !a.Null && m.Score != f2(a.Score) {
			t.Errorf("metric %s: score %s, API %s", a.Metric, m.Score, a.Score)
		}
	}
	if len(labels) != len(unitAPI.Reasons) {
		t.Errorf("%d reason rows, API %d", len(labels), len(unitAPI.Reasons))
	}
	for i, l := range labels {
		if i < len(unitAPI.Reasons) && l != unitAPI.Reasons[i].Label {
			t.Errorf("reason %d label %q, API %q", i, l, unitAPI.Reasons[i].Label)
		}
	}
	screenshot(t, ctx, out, p.name+"-unit")

	// Unit → failing records (paginated) → CSV download.
	var recAPI struct {
		Total   int64
		Pages   int
		Records []struct{ Code string }
	}
	getJSON(t, srv.URL+"/api/units/"+unit+"/records"+q, &recAPI)
	do(t, ctx, chromedp.Click(chromedp.CSS(`#failing-link`)), chromedp.WaitVisible(chromedp.CSS(`#records-total`)))
	total := get(t, ctx, chromedp.Text(chromedp.CSS(`#records-total`)))
	codes := get(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#records tbody tr')).map(r => r.dataset.code)`))
	if digits(total) != fmt.Sprint(recAPI.Total) || len(codes) != len(recAPI.Records) {
		t.Errorf("records: page says %s with %d rows, API %d with %d", total, len(codes), recAPI.Total, len(recAPI.Records))
	}
	for i, c := range codes {
		if i < len(recAPI.Records) && c != recAPI.Records[i].Code {
			t.Errorf("record %d: %s, API %s", i, c, recAPI.Records[i].Code)
		}
	}
	screenshot(t, ctx, out, p.name+"-records")
	csvBytes := download(t, ctx, `#csv-link`)
	if !bytes.HasPrefix(csvBytes, []byte("\ufeff")) {
		t.Errorf("CSV without BOM: %.40q", csvBytes)
	}
	if lines := bytes.Count(bytes.TrimRight(csvBytes, "\n"), []byte("\n")); int64(lines) != recAPI.Total {
		t.Errorf("CSV has %d record lines, the page %d", lines, recAPI.Total)
	}

	// Trend: the printed totals against GET /api/trend.
	var trendAPI struct {
		Points []struct {
			Period, Total string
			OK            bool
		}
	}
	getJSON(t, srv.URL+"/api/trend"+q, &trendAPI)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"+q), chromedp.Click(chromedp.CSS(`header nav a:nth-child(2)`)),
		chromedp.WaitVisible(chromedp.CSS(`#trend-total`)))
	trendVals := get(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#trend-total text.val')).map(e => e.dataset.value)`))
	var want []string
	for _, pt := range trendAPI.Points {
		if pt.OK {
			want = append(want, f2(pt.Total))
		}
	}
	if strings.Join(trendVals, " ") != strings.Join(want, " ") {
		t.Errorf("trend prints %v, API %v", trendVals, want)
	}
	screenshot(t, ctx, out, p.name+"-trend")

	// Period selector and language switch.
	do(t, ctx, chromedp.Navigate(srv.URL+"/"+q), chromedp.WaitVisible(chromedp.CSS(`#period`)),
		chromedp.SetValue(chromedp.CSS(`#period`), p.period[:4]), chromedp.Submit(chromedp.CSS(`#period`)),
		chromedp.WaitVisible(chromedp.CSS(`#province`)))
	h2 := get(t, ctx, chromedp.Text(chromedp.CSS(`#province h2`)))
	do(t, ctx, chromedp.Click(chromedp.CSS(`a[hreflang="en"]`)), chromedp.WaitVisible(chromedp.CSS(`#province`)))
	enHeading := get(t, ctx, chromedp.Text(chromedp.CSS(`header h1`)))
	if !strings.Contains(h2, "Năm "+p.period[:4]) {
		t.Errorf("after choosing the year: %q", h2)
	}
	if !strings.HasPrefix(enHeading, "Public service quality index") {
		t.Errorf("English heading %q", enHeading)
	}
	screenshot(t, ctx, out, p.name+"-overview-en")

	// An HTML route's error is a readable page.
	do(t, ctx, chromedp.Navigate(srv.URL+"/units/NO-SUCH-UNIT"+q), chromedp.WaitVisible(chromedp.CSS(`#error`)))
	errText := get(t, ctx, chromedp.Text(chromedp.CSS(`#error`)))
	if !strings.Contains(errText, "404") || !strings.Contains(errText, "Về trang tổng quan") {
		t.Errorf("error page: %q", errText)
	}

	// The 404 above is logged by the browser as a failed load; nothing else may be.
	var bad []string
	for _, e := range consoleErrors() {
		if !strings.Contains(e, "NO-SUCH-UNIT") {
			bad = append(bad, e)
		}
	}
	if len(bad) > 0 {
		t.Errorf("console errors: %q", bad)
	}
}

// download clicks the link at sel and returns the downloaded file's bytes.
func download(t *testing.T, ctx context.Context, sel string) []byte {
	t.Helper()
	dir := t.TempDir()
	wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	progress := chromedp.BrowserEvents(wctx, browser.DownloadProgress)
	yes := true
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(sel)))
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("CSV download: %v", err)
		}
		if ev.State != browser.DownloadProgressStateCompleted {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	t.Fatal(errors.New("CSV download did not complete"))
	return nil
}
