package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vn-dvc/chiso766/model/portal"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// TestDefaultRun runs the command with no flags: the full 50 000-dossier sample year.
func TestDefaultRun(t *testing.T) {
	out, errs, code := runCLI(t)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"Kỳ 2026", "50000 hồ sơ", "tổng", "hạng", "xếp loại", "Điểm bị mất nhiều nhất",
		"H99 ", "UBND tỉnh Mẫu", "H99.01", "H99.05", "H99.101", "H99.105", "80.24"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// 11 unit rows: the province's pooled row, 5 departments, 5 communes.
	rows := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "H99") && (strings.Contains(l, "tỉnh") ||
			strings.Contains(l, "sở/ban/ngành") || strings.Contains(l, "xã/phường")) { // unit kinds in Vietnamese
			rows++
		}
	}
	if rows != 11 {
		t.Errorf("%d unit rows, want 11:\n%s", rows, out)
	}
	if errs != "" {
		t.Errorf("unexpected stderr %q", errs)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"truncated JSON", "testdata/dossier-truncated.json",
			"scorecard: testdata/dossier-truncated.json: record 1 (code -) field -: malformed payload: unexpected EOF"},
		{"bad date", "testdata/dossier-bad-date.json",
			"scorecard: testdata/dossier-bad-date.json: record 1 (code H99.01-260105-9001) field NgayTiepNhan: bad date"},
		{"unknown status", "testdata/dossier-unknown-status.json",
			`scorecard: testdata/dossier-unknown-status.json: record 1 (code H99.01-260105-9001) field TrangThaiHoSo: unknown status code "99"`},
		{"empty file", "testdata/dossier-empty.json", "scorecard: testdata/dossier-empty.json: expected dossiers, but the file is empty"},
		{"missing file", "testdata/none.json", "scorecard: open testdata/none.json: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runCLI(t, "-units", "testdata/h99-units.csv", "-dossiers", tt.file, "-period", "2026-01")
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
			if last := lines[len(lines)-1]; !strings.HasPrefix(last, tt.want) || strings.Count(errs, tt.file) != 1 {
				t.Errorf("stderr %q, want one error line starting %q", errs, tt.want)
			}
			if strings.Contains(errs, "goroutine") || out != "" {
				t.Errorf("stack trace or output: stdout %q stderr %q", out, errs)
			}
		})
	}
}

func TestBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-asof", "2026-13-01"}, `scorecard: -asof: "2026-13-01" is neither RFC 3339 nor YYYY-MM-DD`},
		{[]string{"-period", "26-08"}, "scorecard: -period:"},
		{[]string{"-edition", "x"}, `scorecard: -edition: unknown edition "x"`},
		{[]string{"-format", "xml"}, `scorecard: -format: unknown format "xml"`},
		{[]string{"-lang", "fr"}, `scorecard: -lang: unknown language "fr"`},
		{[]string{"-unit", "H00"}, `scorecard: -unit: unknown unit "H00"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, errs, code := runCLI(t, append([]string{"-sample-dossiers", "100"}, tt.args...)...)
			if code != 1 || !strings.HasPrefix(errs, tt.want) {
				t.Errorf("exit %d stderr %q, want 1 and %q", code, errs, tt.want)
			}
		})
	}
}

func TestAllowUnknownStatus(t *testing.T) {
	out, errs, code := runCLI(t, "-units", "testdata/h99-units.csv", "-dossiers", "testdata/dossier-unknown-status.json",
		"-period", "2026-01", "-allow-unknown-status", "-lang", "en")
	if code != 0 || !strings.Contains(out, "1 dossiers") {
		t.Errorf("exit %d stderr %q out:\n%s", code, errs, out)
	}
}

func TestDossierFile(t *testing.T) {
	out, errs, code := runCLI(t, "-units", "testdata/h99-units.csv", "-dossiers", "testdata/dossier-ok.json",
		"-period", "2026-01", "-asof", "2026-02-01", "-lang", "en")
	if code != 0 {
		t.Fatalf("exit %d stderr %q", code, errs)
	}
	for _, want := range []string{"Period 2026-01", "as of 2026-02-01T00:00:00+07:00", "1 dossiers", "H99.01"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestJSON(t *testing.T) {
	out, errs, code := runCLI(t, "-sample-dossiers", "2000", "-format", "json")
	if code != 0 {
		t.Fatalf("exit %d stderr %q", code, errs)
	}
	var v struct {
		Card map[string]any `json:"card"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not JSON: %v\n%.500s", err, out)
	}
	if len(v.Card) == 0 {
		t.Errorf("empty card: %.500s", out)
	}
	// One unit with its what-if plan.
	out, errs, code = runCLI(t, "-sample-dossiers", "2000", "-format", "json", "-unit", "H99.02", "-what-if", "3")
	if code != 0 {
		t.Fatalf("exit %d stderr %q", code, errs)
	}
	var u struct {
		Card struct {
			Unit struct{ ID string } `json:"unit"`
		} `json:"card"`
		WhatIf *struct{ Cheapest []any } `json:"whatIf"`
	}
	if err := json.Unmarshal([]byte(out), &u); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if u.Card.Unit.ID != "H99.02" || u.WhatIf == nil {
		t.Errorf("unit %q whatIf %v", u.Card.Unit.ID, u.WhatIf)
	}
}

func TestCSVBOM(t *testing.T) {
	for _, bom := range []bool{true, false} {
		args := []string{"-sample-dossiers", "2000", "-format", "csv"}
		if bom {
			args = append(args, "-bom")
		}
		out, errs, code := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("exit %d stderr %q", code, errs)
		}
		if got := strings.HasPrefix(out, "\uFEFF"); got != bom {
			t.Errorf("bom %v: output starts with BOM = %v", bom, got)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("CSV: %v", err)
		}
		if len(recs) < 12 || recs[0][0] != "đơn vị" || recs[1][0] != "H99" || len(recs[1]) != 12 {
			t.Errorf("unexpected CSV head: %v", recs[:2])
		}
	}
}

func TestTallies(t *testing.T) {
	out, errs, code := runCLI(t, "-tallies", "../../indicator/testdata/tree/sample.json", "-lang", "en")
	if code != 0 {
		t.Fatalf("exit %d stderr %q", code, errs)
	}
	for _, want := range []string{"Period 2026-08", "H44", "UBND tỉnh Phú Thọ", "51.11", "H44.03", "44.49"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, code = runCLI(t, "-tallies", "../../indicator/testdata/tree/sample.json", "-format", "json", "-unit", "H44")
	var units []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &units) != nil || len(units) != 1 {
		t.Errorf("json tallies: exit %d, %.300s", code, out)
	}
	_, errs, code = runCLI(t, "-tallies", "testdata/dossier-ok.json")
	if code != 1 || !strings.HasPrefix(errs, "scorecard: testdata/dossier-ok.json: ") {
		t.Errorf("bad tallies: exit %d stderr %q", code, errs)
	}
}

func BenchmarkDefaultRun(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var out, errb bytes.Buffer
		if run(nil, &out, &errb) != 0 {
			b.Fatal(errb.String())
		}
	}
}

// TestExportSampleData: -export-sample writes the sample province as files in the -data convention, and
// scoring them — by -data DIR, or by naming every file with its flag — gives the built-in run's card
// byte for byte, in CSV and JSON.
func TestExportSampleData(t *testing.T) {
	const n = "3000"
	dir := t.TempDir()
	if _, errs, code := runCLI(t, "-sample-dossiers", n, "-export-sample", dir); code != 0 {
		t.Fatalf("export: exit %d stderr %q", code, errs)
	}
	f := func(name string) string { return filepath.Join(dir, name) }
	for _, format := range []string{"csv", "json"} {
		want, errs, code := runCLI(t, "-sample-dossiers", n, "-format", format)
		if code != 0 {
			t.Fatalf("built-in: exit %d stderr %q", code, errs)
		}
		for _, args := range [][]string{
			{"-data", dir},
			{"-units", f("units.csv"), "-procedures", f("procedures.csv"), "-offerings", f("offerings.csv"),
				"-dossiers", f("dossiers.csv"), "-steps", f("steps.csv"), "-petitions", f("petitions.csv"),
				"-ratings", f("ratings.csv"), "-copies", f("copies.csv")},
		} {
			got, errs, code := runCLI(t, append([]string{"-asof", "2027-01-01", "-format", format}, args...)...)
			if code != 0 {
				t.Fatalf("%v: exit %d stderr %q", args, code, errs)
			}
			if got != want {
				t.Errorf("%s %v: card differs from the built-in run:\n%s\nwant:\n%s", format, args[:2], head(got), head(want))
			}
		}
	}
}

func head(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(s, "\uFEFF")))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v", err)
	}
	return recs
}

// FuzzDossierPayload feeds arbitrary bytes to the command's dossier reader (portal decoder, unknown-status
// check, error formatting) without scoring, which TestBadInput covers: the reader must stop with at most one
// error, a single line naming the file, and never panic.
func FuzzDossierPayload(f *testing.F) {
	for _, name := range []string{"dossier-ok.json", "dossier-bad-date.json", "dossier-truncated.json",
		"dossier-unknown-status.json", "dossier-empty.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`[{"MaHoSo":"x","TrangThaiHoSo":"done"}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var errb bytes.Buffer
		src := &fileSource{name: "f.json", seq: portal.DecodeDossiers(bytes.NewReader(b)), stderr: &errb}
		n := int64(0)
		for range src.all() {
			n++
		}
		if n != src.n {
			t.Errorf("yielded %d, counted %d", n, src.n)
		}
		if src.err != nil {
			msg := src.err.Error()
			if !strings.HasPrefix(msg, "f.json: ") || strings.Contains(msg, "\n") {
				t.Errorf("error %q", msg)
			}
		}
	})
}

// The portal's published counts of August 2026 (a unit-tree tallies file) scored without any records.
func Example_tallies() {
	run([]string{"-tallies", "../../indicator/testdata/tree/sample.json", "-format", "csv", "-lang", "en"},
		os.Stdout, os.Stderr)
	// Output:
	// unit,name,kind,1 publication and transparency,2 timeliness of resolution,3a online public services,3b online payment,4 digitisation of dossiers,5 satisfaction,total,rank,band
	// H44,UBND tỉnh Phú Thọ,province,7.93,17.16,0.00,7.20,2.46,16.36,51.11,1,average
	// H44.03,Ban quản lý các khu công nghiệp - Tỉnh Phú Thọ,department,7.96,16.53,0.00,6.00,2.00,12.00,44.49,1,weak
	// H44.X1,Xã A (illustrative),commune,7.91,18.18,0.00,0.00,2.00,10.00,38.09,2,weak
	// H44.X2,Xã B (illustrative),commune,1.96,15.00,0.00,0.00,2.00,18.00,36.96,3,weak
}

func TestProgress(t *testing.T) {
	b, err := os.ReadFile("testdata/dossier-ok.json")
	if err != nil {
		t.Fatal(err)
	}
	rec := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(string(b)), `{"data":[`), "]}")
	payload := "[" + strings.Repeat(rec+",", 4) + rec + "]"
	var errb bytes.Buffer
	src := &fileSource{name: "p.json", seq: portal.DecodeDossiers(strings.NewReader(payload)), stderr: &errb, every: 2}
	n := 0
	for range src.all() {
		n++
	}
	if n != 5 || src.err != nil {
		t.Fatalf("read %d, err %v", n, src.err)
	}
	want := "scorecard: p.json: 2 dossiers…\nscorecard: p.json: 4 dossiers…\n"
	if errb.String() != want {
		t.Errorf("progress %q, want %q", errb.String(), want)
	}
}
