package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
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
