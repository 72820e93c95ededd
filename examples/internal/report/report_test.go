package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
)

func TestFlagsOptions(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string // error; "" for none
	}{
		{nil, ""},
		{[]string{"-format", "csv", "-lang", "en", "-bom", "-unit", "X", "-what-if", "2.5"}, ""},
		{[]string{"-what-if", "0"}, ""},
		{[]string{"-format", "xml"}, `-format: unknown format "xml" (table, json or csv)`},
		{[]string{"-lang", "fr"}, `-lang: unknown language "fr" (vi or en)`},
		{[]string{"-what-if", ""}, "-what-if: empty value: want a number of points, e.g. 2.5"},
		{[]string{"-what-if", "NaN"}, `-what-if: "NaN" is not a decimal number of points (NaN and Inf are not numbers)`},
		{[]string{"-what-if", "-1"}, "-what-if: -1 is negative: want a gain of 0…100 points"},
		{[]string{"-what-if", "1e-400"}, "-what-if: 1e-400 is out of range (0…100 points, at most 16 decimal places)"},
	} {
		var f Flags
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		f.Register(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		o, err := f.Options(fs)
		if tt.want == "" {
			if err != nil {
				t.Errorf("%v: %v", tt.args, err)
			}
			continue
		}
		var fe *FlagError
		if err == nil || err.Error() != tt.want || !errors.As(err, &fe) {
			t.Errorf("%v: error %v, want %q", tt.args, err, tt.want)
		}
		if o != (Options{}) {
			t.Errorf("%v: options %+v with an error", tt.args, o)
		}
	}
}

// TestWriteTree: the tallies of the module's sample tree in each format; the plan is the unit's; a failing
// writer's first error is returned.
func TestWriteTree(t *testing.T) {
	b, err := os.ReadFile("../../../indicator/testdata/tree/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	tree, err := indicator.DecodeTree(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	ed := indicator.Portal()
	res, err := ed.ScoreTree(tree)
	if err != nil {
		t.Fatal(err)
	}
	gain := decimal.RequireFromString("1.5")
	var out bytes.Buffer
	if err := WriteTree(&out, tree, &res, ed, Options{Lang: "en", WhatIf: gain}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "What-if: total 51.11 → 52.61") {
		t.Errorf("table:\n%s", out.String())
	}
	out.Reset()
	if err := WriteTree(&out, tree, &res, ed, Options{Format: CSV, BOM: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "\uFEFFđơn vị,tên,loại,") {
		t.Errorf("csv:\n%s", out.String())
	}
	err = WriteTree(&out, tree, &res, ed, Options{Unit: "NOPE"})
	if err == nil || err.Error() != `-unit: unknown unit "NOPE"` {
		t.Errorf("unknown unit: %v", err)
	}
	err = WriteTree(&out, tree, &res, ed, Options{WhatIf: decimal.NewFromInt(70), Unit: "H44.X2"})
	if err == nil || !strings.HasPrefix(err.Error(), "-what-if: target 106.96 (total 36.96 + 70) is above the maximum") {
		t.Errorf("unreachable target: %v", err)
	}
	for _, format := range []string{Table, JSON, CSV} {
		if err := WriteTree(failing{}, tree, &res, ed, Options{Format: format, WhatIf: gain}); !errors.Is(err, errFull) {
			t.Errorf("%s: %v, want %v", format, err, errFull)
		}
	}
}

var errFull = errors.New("disk full")

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errFull }

func TestCSVText(t *testing.T) {
	for in, want := range map[string]string{"": "", "H99": "H99", "=1": "'=1", "-1": "'-1", "＠x": "'＠x", "a=b": "a=b"} {
		if got := CSVText(in); got != want {
			t.Errorf("CSVText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNewFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string // error; "" for none
		add  bool
	}{
		{[]string{"-table", "metrics", "-records-out", "x.csv", "-previous", "2026-07"}, "", false},
		{[]string{"-what-if-mode", "add"}, "", true},
		{[]string{"-what-if-mode", "fix"}, "", false},
		{[]string{"-what-if-mode", "maybe"}, `-what-if-mode: unknown mode "maybe" (fix or add)`, false},
		{[]string{"-table", "xml"}, `-table: unknown table "xml" (units, metrics, reasons, procedures, plan, worklist)`, false},
	} {
		var f Flags
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		f.Register(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		o, err := f.Options(fs)
		if tt.want == "" {
			if err != nil || o.WhatIfAdd != tt.add {
				t.Errorf("%v: %+v %v", tt.args, o, err)
			}
			continue
		}
		if err == nil || err.Error() != tt.want {
			t.Errorf("%v: error %v, want %q", tt.args, err, tt.want)
		}
	}
}

// tinyTree: province P with departments D1 and D2, counts of 2.1 only.
//
//	now:       D1 15/20 → 15.00, D2 18/20 → 18.00, P 33/40 → 16.50
//	previous:  D1 18/20 → 18.00, D2 15/20 → 15.00, P 33/40 → 16.50
//
// Every unit also has 4.4, 5.1 and 5.2 at full marks without data (2 + 6 + 6 = 14) and the rest null or 0:
// totals now D1 29.00, D2 32.00, P 30.50; before D1 32.00, D2 29.00, P 30.50. So D1: Δ −3.00, rank 1 → 2
// (change −1); D2: Δ +3.00, rank 2 → 1 (+1); P: Δ 0.00, rank 1 → 1.
func tinyTree(t *testing.T, d1, d2 int64) (*indicator.Tree, map[string]indicator.Tally) {
	t.Helper()
	nodes := []indicator.UnitNode{{ID: "P", Name: "Tỉnh", Kind: indicator.KindProvince},
		{ID: "D1", Name: "Sở 1", Kind: indicator.KindDepartment, Parent: "P"},
		{ID: "D2", Name: "Sở 2", Kind: indicator.KindDepartment, Parent: "P"}}
	counts := map[string]indicator.Tally{}
	for id, n := range map[string]int64{"D1": d1, "D2": d2} {
		var tl indicator.Tally
		tl.Counts[indicator.M21] = indicator.Count{Num: n, Den: 20}
		counts[id] = tl
	}
	tree, err := indicator.NewTree(nodes, counts, indicator.TreeOptions{Period: "2026-08"})
	if err != nil {
		t.Fatal(err)
	}
	return tree, counts
}

// TestPreviousDelta: -previous with the previous period's tallies (a JSON object of unit id → tally, as
// Card.Tallies gives, or a unit-tree tallies JSON) adds Δ per group and total and the rank change.
func TestPreviousDelta(t *testing.T) {
	tree, _ := tinyTree(t, 15, 18)
	_, prev := tinyTree(t, 18, 15)
	b, err := json.Marshal(prev)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "prev.json")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	ed := indicator.Portal()
	res, err := ed.ScoreTree(tree)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := WriteTree(&out, tree, &res, ed, Options{Format: CSV, Lang: "en", Previous: file}); err != nil {
		t.Fatal(err)
	}
	want := "unit,name,kind,1 publication and transparency,2 timeliness of resolution,3a online public services,3b online payment," +
		"4 digitisation of dossiers,5 satisfaction,total,rank,band,Δ 1,Δ 2,Δ 3a,Δ 3b,Δ 4,Δ 5,Δ total,previous rank,rank change\n" +
		"P,Tỉnh,province,0.00,16.50,0.00,0.00,2.00,12.00,30.50,1,weak,0.00,0.00,0.00,0.00,0.00,0.00,0.00,1,+0\n" +
		"D1,Sở 1,department,0.00,15.00,0.00,0.00,2.00,12.00,29.00,2,weak,0.00,-3.00,0.00,0.00,0.00,0.00,-3.00,1,-1\n" +
		"D2,Sở 2,department,0.00,18.00,0.00,0.00,2.00,12.00,32.00,1,weak,0.00,+3.00,0.00,0.00,0.00,0.00,+3.00,2,+1\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	// The table shows the same columns in Vietnamese.
	out.Reset()
	if err := WriteTree(&out, tree, &res, ed, Options{Previous: file}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Δ tổng", "hạng kỳ trước", "thay đổi hạng", "-3.00", "+3.00", "sở/ban/ngành", "tỉnh"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, out.String())
		}
	}
	// A unit-tree tallies JSON (Tree.MarshalJSON, the -tallies format) gives the same Δ.
	pt, _ := tinyTree(t, 18, 15)
	tb, err := json.Marshal(pt)
	if err != nil {
		t.Fatal(err)
	}
	treeFile := filepath.Join(t.TempDir(), "prev-tree.json")
	if err := os.WriteFile(treeFile, tb, 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := WriteTree(&out, tree, &res, ed, Options{Format: CSV, Lang: "en", Previous: treeFile}); err != nil || out.String() != want {
		t.Errorf("tree file: %v\n%s", err, out.String())
	}
	// A period needs the records; a missing file is an error.
	for _, p := range []string{"2026-07", "no-such-file.json"} {
		if err := WriteTree(&out, tree, &res, ed, Options{Previous: p}); err == nil || !strings.HasPrefix(err.Error(), "-previous: ") {
			t.Errorf("-previous %s: %v", p, err)
		}
	}
}

// TestTablesOnePerFile: each CSV is one table; the metrics table carries the numbers behind every score;
// what needs the records is refused when only counts are given.
func TestTablesOnePerFile(t *testing.T) {
	tree, _ := tinyTree(t, 15, 18)
	ed := indicator.Portal()
	res, err := ed.ScoreTree(tree)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := WriteTree(&out, tree, &res, ed, Options{Format: CSV, Lang: "en", Table: TableMetrics, Unit: "D1"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 1+int(indicator.NumIDs)-1 || lines[0] != "unit,metric,name,numerator,denominator,ratio (%),score,max,points lost,no data,average days" {
		t.Fatalf("metrics table:\n%s", out.String())
	}
	if !slices.Contains(lines, "D1,2.1,dossiers resolved early or on time,15,20,75.00,15.00,20.00,5.00,,") {
		t.Errorf("2.1 row missing:\n%s", out.String())
	}
	if !slices.Contains(lines, "D1,1.1,procedures announced on time,0,0,0.00,0.00,6.00,6.00,x,") {
		t.Errorf("1.1 (no data) row missing:\n%s", out.String())
	}
	// The plan table: D1 needs 7 points; 2.1 gives at most 5 (5 fixes): no single metric, no other
	// metric with records to fix — the combined plan is 2.1's 5 fixes, not reachable.
	out.Reset()
	if err := WriteTree(&out, tree, &res, ed, Options{Format: CSV, Lang: "en", Table: TablePlan, Unit: "D1", WhatIf: decimal.NewFromInt(3)}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "plan,metric,records,gain,points per record,total after\nsingle,2.1,3,3.00,1,32.00\ncombined,2.1,3,3.00,1,32.00\n" {
		t.Errorf("plan csv:\n%s", out.String())
	}
	for _, o := range []Options{{RecordsOut: "x.csv"}, {Table: TableReasons}, {Table: TableProcedures}, {Table: TableWorklist}, {Table: TablePlan}} {
		err := WriteTree(&out, tree, &res, ed, o)
		var fe *FlagError
		if !errors.As(err, &fe) {
			t.Errorf("%+v: %v", o, err)
		}
	}
}

// TestTarget: -target N plans towards a total (the gain is N − the unit's total): D1 at 29.00 asking for
// 32 is -what-if 3; a total already reached, a target above the maximum and both flags at once are errors.
func TestTarget(t *testing.T) {
	tree, _ := tinyTree(t, 15, 18)
	ed := indicator.Portal()
	res, err := ed.ScoreTree(tree)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := WriteTree(&a, tree, &res, ed, Options{Format: CSV, Table: TablePlan, Unit: "D1", Target: decimal.NewFromInt(32)}); err != nil {
		t.Fatal(err)
	}
	if err := WriteTree(&b, tree, &res, ed, Options{Format: CSV, Table: TablePlan, Unit: "D1", WhatIf: decimal.NewFromInt(3)}); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() || !strings.Contains(a.String(), "32.00") {
		t.Errorf("-target 32:\n%s\n-what-if 3:\n%s", a.String(), b.String())
	}
	for target, want := range map[int64]string{29: "-target: unit D1 already has 29.00, at or above 29", 101: "-target: 101 is above the maximum"} {
		err := WriteTree(&a, tree, &res, ed, Options{Unit: "D1", Target: decimal.NewFromInt(target)})
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("-target %d: %v", target, err)
		}
	}
	var f Flags
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	f.Register(fs)
	if err := fs.Parse([]string{"-what-if", "2", "-target", "80"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Options(fs); err == nil || !strings.HasPrefix(err.Error(), "-target: give -what-if N") {
		t.Errorf("both: %v", err)
	}
}
