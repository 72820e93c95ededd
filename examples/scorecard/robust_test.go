package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
)

// safeRun is run that turns a panic into a test failure (the regression tests below reproduce panics).
func safeRun(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("run(%q) panicked: %v", args, r)
			code = -1
		}
	}()
	return runCLI(t, args...)
}

// TestWhatIfBadValues: -what-if NaN / Inf used to panic in decimal.NewFromFloat and 1e9 printed a plan
// towards an impossible total. Every value that is not a finite gain reaching at most the unit's maximum
// is an error naming the flag, exit 1, one line on stderr and nothing on stdout.
func TestWhatIfBadValues(t *testing.T) {
	tests := []struct{ value, want string }{
		{"NaN", "scorecard: -what-if: "},
		{"nan", "scorecard: -what-if: "},
		{"Inf", "scorecard: -what-if: "},
		{"+Inf", "scorecard: -what-if: "},
		{"-Inf", "scorecard: -what-if: "},
		{"Infinity", "scorecard: -what-if: "},
		{"abc", "scorecard: -what-if: "},
		{"0x10", "scorecard: -what-if: "},
		{"", "scorecard: -what-if: "},
		{"-1", "scorecard: -what-if: -1 is negative"},
		{"-0.01", "scorecard: -what-if: -0.01 is negative"},
		{"1e9", "scorecard: -what-if: 1e9 is above the maximum total of 100 points"},
		{"100.01", "scorecard: -what-if: 100.01 is above the maximum total of 100 points"},
		{"1e400", "scorecard: -what-if: "},
		{"1e-400", "scorecard: -what-if: "},
		{"1" + strings.Repeat("0", 100), "scorecard: -what-if: "},
		// The sample province's total is 80.24 of 100 in 2026: a gain of 20 overshoots its maximum.
		{"20", "scorecard: -what-if: target 100.24 (total 80.24 + 20) is above the maximum 100.00 of unit H99"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			args := []string{"-sample-dossiers", "3000", "-what-if", tt.value}
			if strings.HasPrefix(tt.value, "20") {
				args = []string{"-what-if", tt.value}
			}
			out, errs, code := safeRun(t, args...)
			if code != 1 || !strings.HasPrefix(errs, tt.want) || strings.Count(errs, "\n") != 1 {
				t.Errorf("exit %d stderr %q, want 1 and one line starting %q", code, errs, tt.want)
			}
			if out != "" || strings.Contains(errs, "goroutine") {
				t.Errorf("stdout %q stderr %q", out, errs)
			}
		})
	}
}

// TestWhatIfValues: decimal gains are planned exactly (no float64 on the way).
func TestWhatIfValues(t *testing.T) {
	for _, v := range []string{"0.1", "2.5", "3", "1e0", "19.42"} {
		out, errs, code := safeRun(t, "-what-if", v, "-lang", "en", "-sample-dossiers", "3000", "-unit", "H99.02")
		if code != 0 {
			t.Fatalf("-what-if %s: exit %d stderr %q", v, code, errs)
		}
		if !strings.Contains(out, "What-if: total") {
			t.Errorf("-what-if %s: no plan:\n%s", v, out)
		}
	}
	// -what-if with -tallies (it used to be ignored there): the plan of the root's pooled counts.
	out, errs, code := safeRun(t, "-tallies", "../../indicator/testdata/tree/sample.json", "-what-if", "1.5", "-lang", "en")
	if code != 0 || !strings.Contains(out, "What-if: total 51.11 → 52.61") {
		t.Errorf("tallies what-if: exit %d stderr %q\n%s", code, errs, out)
	}
	_, errs, code = safeRun(t, "-tallies", "../../indicator/testdata/tree/sample.json", "-what-if", "70", "-unit", "H44.X2")
	if code != 1 || !strings.HasPrefix(errs, "scorecard: -what-if: target 106.96 (total 36.96 + 70) is above the maximum") {
		t.Errorf("tallies what-if above max: exit %d stderr %q", code, errs)
	}
	// The plan was silently left out of the CSV output; it is now its own CSV table (-table plan: one
	// table per file).
	out, errs, code = safeRun(t, "-tallies", "../../indicator/testdata/tree/sample.json", "-what-if", "1.5", "-lang", "en", "-format", "csv", "-table", "plan")
	if code != 0 || !strings.HasPrefix(out, "plan,metric,records,gain,points per record,total after\n") || strings.Count(out, "\n") < 2 {
		t.Errorf("tallies what-if csv: exit %d stderr %q\n%s", code, errs, out)
	}
	out, errs, code = safeRun(t, "-sample-dossiers", "2000", "-what-if", "2", "-format", "csv", "-unit", "H99.02", "-table", "plan")
	if recs := readCSV(t, out); code != 0 || len(recs) < 2 || recs[0][0] != "phương án" {
		t.Errorf("records what-if csv: exit %d stderr %q\n%s", code, errs, out)
	}
	if _, err := parseWhatIf("0.1"); err != nil {
		t.Fatal(err)
	}
	d, _ := parseWhatIf("0.1")
	if !d.Equal(decimal.New(1, -1)) {
		t.Errorf("0.1 parsed as %s", d)
	}
}

// failWriter accepts n bytes, then fails every write.
type failWriter struct {
	n       int
	written int
}

var errDiskFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if w.written+len(p) <= w.n {
		w.written += len(p)
		return len(p), nil
	}
	k := w.n - w.written
	w.written = w.n
	return k, errDiskFull
}

// TestWriteErrors: the table format ignored write errors (`> /dev/full` exited 0 while json and csv
// exited 1). Every format, with records or with -tallies, must report the first write error and exit 1.
func TestWriteErrors(t *testing.T) {
	sources := map[string][]string{
		"records": {"-sample-dossiers", "2000", "-what-if", "1"},
		"tallies": {"-tallies", "../../indicator/testdata/tree/sample.json"},
	}
	for name, src := range sources {
		for _, format := range []string{"table", "json", "csv"} {
			args := append(append([]string(nil), src...), "-format", format)
			var full, errb bytes.Buffer
			if code := run(args, &full, &errb); code != 0 {
				t.Fatalf("%v: exit %d stderr %q", args, code, errb.String())
			}
			for _, after := range []int{0, 10, full.Len() / 2, full.Len() - 1} {
				t.Run(fmt.Sprintf("%s/%s/after%d", name, format, after), func(t *testing.T) {
					var errb bytes.Buffer
					w := &failWriter{n: after}
					code := run(args, w, &errb)
					if code != 1 || !strings.Contains(errb.String(), "disk full") ||
						strings.Count(errb.String(), "\n") != 1 {
						t.Errorf("exit %d stderr %q, want 1 and the write error", code, errb.String())
					}
				})
			}
		}
	}
	t.Run("/dev/full", func(t *testing.T) {
		f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Skip("no /dev/full:", err)
		}
		defer f.Close()
		for _, format := range []string{"table", "json", "csv"} {
			var errb bytes.Buffer
			if code := run([]string{"-sample-dossiers", "500", "-format", format}, f, &errb); code != 1 ||
				!strings.Contains(errb.String(), "no space left on device") {
				t.Errorf("%s > /dev/full: exit %d stderr %q", format, code, errb.String())
			}
		}
	})
}

// TestWorkersBound: -workers had no upper bound (5 000 goroutines accepted) and 0 or negative values
// were silently taken as 1.
func TestWorkersBound(t *testing.T) {
	for _, v := range []string{"0", "-1", "257", "5000", "9223372036854775807"} {
		_, errs, code := safeRun(t, "-sample-dossiers", "100", "-workers", v)
		if code != 1 || !strings.HasPrefix(errs, "scorecard: -workers: ") && !strings.Contains(errs, "-workers") {
			t.Errorf("-workers %s: exit %d stderr %q", v, code, errs)
		}
	}
	for _, v := range []string{"1", "2", fmt.Sprint(MaxWorkers)} {
		if _, errs, code := safeRun(t, "-sample-dossiers", "100", "-workers", v); code != 0 {
			t.Errorf("-workers %s: exit %d stderr %q", v, code, errs)
		}
	}
}

// TestCSVFormulaCells: a unit named =HYPERLINK(…) was written raw into the CSV meant for Excel. Text
// cells starting with = + - @ tab or CR get a leading single quote (OWASP, CSV injection); numbers stay
// numbers.
func TestCSVFormulaCells(t *testing.T) {
	evil := map[string]string{
		"H44":    `=HYPERLINK("http://evil.example","click")`,
		"H44.03": "+cmd|' /C calc'!A0",
		"H44.X1": "-2+3",
		"H44.X2": "@SUM(1,2)",
	}
	b, err := os.ReadFile("../../indicator/testdata/tree/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, name := range []string{"UBND tỉnh Phú Thọ", "Ban quản lý các khu công nghiệp - Tỉnh Phú Thọ",
		"Xã A (illustrative)", "Xã B (illustrative)"} {
		if !strings.Contains(s, `"name": "`+name+`"`) {
			t.Fatalf("sample tree lacks %q", name)
		}
	}
	s = strings.Replace(s, `"name": "UBND tỉnh Phú Thọ"`, `"name": "=HYPERLINK(\"http://evil.example\",\"click\")"`, 1)
	s = strings.Replace(s, `"name": "Ban quản lý các khu công nghiệp - Tỉnh Phú Thọ"`, `"name": "+cmd|' /C calc'!A0"`, 1)
	s = strings.Replace(s, `"name": "Xã A (illustrative)"`, `"name": "-2+3"`, 1)
	s = strings.Replace(s, `"name": "Xã B (illustrative)"`, `"name": "@SUM(1,2)"`, 1)
	path := filepath.Join(t.TempDir(), "tree.json")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, bom := range []string{"-bom", "-bom=false"} {
		out, errs, code := runCLI(t, "-tallies", path, "-format", "csv", bom, "-lang", "en")
		if code != 0 {
			t.Fatalf("exit %d stderr %q", code, errs)
		}
		recs := readCSV(t, out)
		if len(recs) != 5 {
			t.Fatalf("%d records", len(recs))
		}
		for _, r := range recs[1:] {
			if want := "'" + evil[r[0]]; r[1] != want {
				t.Errorf("%s: name cell %q, want %q", r[0], r[1], want)
			}
			for _, c := range r[3:10] { // group scores and total: numbers, unquoted
				if _, err := decimal.NewFromString(c); err != nil {
					t.Errorf("%s: number cell %q: %v", r[0], c, err)
				}
			}
		}
	}
}

// TestCSVCells: the cell rules, table-driven; numbers (negative ones too) are never touched.
func TestCSVCells(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "",
		"H99.01":           "H99.01",
		"UBND tỉnh Mẫu":    "UBND tỉnh Mẫu",
		"=1+2":             "'=1+2",
		"+1":               "'+1",
		"-1":               "'-1",
		"@A1":              "'@A1",
		"\tx":              "'\tx",
		"\rx":              "'\rx",
		"x=1":              "x=1",
		"＝1+2":             "'＝1+2",
		"'quoted":          "'quoted",
		"2.1 timeliness":   "2.1 timeliness",
		"late;H99-1;H99-2": "late;H99-1;H99-2",
	} {
		if got := csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
	u := indicator.UnitResult{}
	u.Unit.ID = "=X"
	u.Unit.Name = "-Y"
	u.Pooled.Total = decimal.RequireFromString("-1.5")
	for i := range u.Pooled.Groups {
		u.Pooled.Groups[i].Score = decimal.RequireFromString("-0.25")
	}
	u.Rank = -1
	r := csvRow("en", u)
	if r[0] != "'=X" || r[1] != "'-Y" || r[3] != "-0.25" || r[9] != "-1.50" || r[10] != "-1" {
		t.Errorf("row %q", r)
	}
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	if err := cw.Write(r); err != nil {
		t.Fatal(err)
	}
}
