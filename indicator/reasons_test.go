package indicator_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
)

// reasonPackages are the packages that declare the reason codes the library emits.
var reasonPackages = []string{".", "publication", "timeliness", "online", "payment", "digitisation", "satisfaction", "scorecard"}

// declaredReasons returns every constant of type indicator.Reason declared in the non-test Go files of
// dir, with its string value.
func declaredReasons(t *testing.T, dir string) map[indicator.Reason]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[indicator.Reason]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			switch typ := vs.Type.(type) {
			case *ast.Ident: // package indicator itself
				if dir != "." || typ.Name != "Reason" {
					return true
				}
			case *ast.SelectorExpr:
				if x, ok := typ.X.(*ast.Ident); !ok || x.Name != "indicator" || typ.Sel.Name != "Reason" {
					return true
				}
			default:
				return true
			}
			for i, v := range vs.Values {
				lit, ok := v.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Errorf("%s: %s is not a string literal", fset.Position(v.Pos()), vs.Names[i].Name)
					continue
				}
				s, _ := strconv.Unquote(lit.Value)
				out[indicator.Reason(s)] = fset.Position(v.Pos()).String()
			}
			return true
		})
	}
	return out
}

// TestReasonLabelsComplete enumerates, from the source, every reason code the calculators and the
// scorecard declare and checks that each has a Vietnamese and an English label, follows the style
// "<area>.<what>" in lower snake case, and that the label table holds no code nobody declares.
func TestReasonLabelsComplete(t *testing.T) {
	style := regexp.MustCompile(`^[a-z]+\.[a-z0-9]+(_[a-z0-9]+)*$`)
	declared := map[indicator.Reason]string{}
	for _, p := range reasonPackages {
		rs := declaredReasons(t, p)
		if len(rs) == 0 && p != "." {
			t.Fatalf("package %s declares no reason: the test no longer sees its constants", p)
		}
		for r, pos := range rs {
			declared[r] = pos
		}
	}
	for r, pos := range declared {
		if !style.MatchString(string(r)) {
			t.Errorf("%s: reason %q is not lower snake case <area>.<what>", pos, r)
		}
		vi, en, ok := r.Labels()
		if !ok || vi == "" || en == "" {
			t.Errorf("%s: reason %q has no label (add it to indicator/reasons.go)", pos, r)
			continue
		}
		if r.Label("vi") != vi || r.Label("en") != en || r.Label("") != vi {
			t.Errorf("%q: Label disagrees with Labels", r)
		}
	}
	all := indicator.LabelledReasons()
	if !slices.IsSorted(all) {
		t.Error("the label table is not sorted by code (Labels searches it)")
	}
	for i, r := range all {
		if i > 0 && all[i-1] == r {
			t.Errorf("%q labelled twice", r)
		}
		if _, ok := declared[r]; !ok {
			// Since issue 13 one "not received" code (reception.not_received) replaced the per-calculator
			// ones; a label no package declares is dead weight that hides such a rename.
			t.Errorf("%q is labelled but no package declares it: remove the label", r)
		}
	}
}

func TestReasonLabelFallback(t *testing.T) {
	for _, tc := range []struct {
		r          indicator.Reason
		lang, want string
	}{
		{"timeliness.late", "vi", "giải quyết quá hạn"},
		{"timeliness.late", "en", "resolved late"},
		{"timeliness.open_overdue", "", "đang giải quyết, đã quá hạn"},
		{"mine.custom_reason", "vi", "mine.custom_reason"},
		{"", "en", ""},
	} {
		if got := tc.r.Label(tc.lang); got != tc.want {
			t.Errorf("%q.Label(%q) = %q, want %q", tc.r, tc.lang, got, tc.want)
		}
	}
	if _, _, ok := indicator.Reason("mine.custom_reason").Labels(); ok {
		t.Error("an unknown code has labels")
	}
}

func TestUnitKindLabel(t *testing.T) {
	for _, tc := range []struct {
		k      indicator.UnitKind
		vi, en string
	}{
		{indicator.KindProvince, "tỉnh", "province"},
		{indicator.KindDepartment, "sở/ban/ngành", "department"},
		{indicator.KindCommune, "xã/phường", "commune"},
		{indicator.KindMinistry, "bộ", "ministry"},
		{indicator.KindDistrict, "huyện", "district"},
		{"branch", "branch", "branch"},
	} {
		if got := tc.k.Label("vi"); got != tc.vi {
			t.Errorf("%s vi = %q", tc.k, got)
		}
		if got := tc.k.Label("en"); got != tc.en {
			t.Errorf("%s en = %q", tc.k, got)
		}
	}
}

func ExampleReason_Label() {
	r := indicator.Reason("timeliness.late_by_repeated_supplement")
	fmt.Println(r.Label("vi"))
	fmt.Println(r.Label("en"))
	// Output:
	// quá hạn do yêu cầu bổ sung nhiều lần
	// late: more than one supplement request
}
