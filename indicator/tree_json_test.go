package indicator

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateTree = flag.Bool("update-tree", false, "rewrite testdata/tree/phutho-2026-08.json from the CSV fixtures")

const treeDir = "testdata/tree"

func TestDecodeTreeSample(t *testing.T) {
	f, err := os.Open(filepath.Join(treeDir, "sample.json"))
	require.NoError(t, err)
	defer f.Close()
	tr, err := DecodeTree(f)
	require.NoError(t, err)
	assert.Equal(t, "portal", tr.Edition())
	assert.Equal(t, "2026-08", tr.Period())
	assert.Equal(t, []string{"H44"}, tr.Roots())
	assert.Equal(t, []string{"H44.03", "H44.X1", "H44.X2"}, tr.Children("H44"))
	u, _ := tr.Unit("H44.03")
	assert.Equal(t, KindDepartment, u.Kind)
	own, _ := tr.Own("H44.03")
	assert.Equal(t, int64(102), own.Overdue)
	p := tr.Pooled("H44")
	assert.Equal(t, Count{Num: 486 + 1100 + 300, Den: 588 + 1210 + 400}, p.Counts[M21])
	assert.Equal(t, Count{Num: 154, Den: 212}, p.Counts[M51], "portal code key; province's own petitions added")
	assert.Equal(t, Count{Num: 93, Den: 310}, p.Counts[M34], "own: distinct procedures")
	assert.Equal(t, Count{Num: 87, Den: 89}, tr.Pooled("H44.X2").Counts[M13], "carried down")
	res, err := Portal().ScoreTree(tr)
	require.NoError(t, err)
	for _, u := range res.Units {
		t.Logf("%-7s rank %d/%d total %6s %s", u.Unit.ID, u.Rank, u.PoolSize, u.Pooled.Total.StringFixed(2), u.Band.Code)
	}
}

// unitDocOut is a unit of the document in the form copied from the portal (used to write the golden file).
type unitDocOut struct {
	ID     string           `json:"id"`
	Name   string           `json:"name,omitempty"`
	Kind   UnitKind         `json:"kind,omitempty"`
	Parent string           `json:"parent,omitempty"`
	Pooled bool             `json:"pooled,omitempty"`
	Counts json.RawMessage  `json:"counts,omitempty"`
	Extra  map[string]int64 `json:"extra,omitempty"`
}

func portalDoc(t *testing.T, period string, nodes []UnitNode, tallies map[string]Tally) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(`{"edition":"portal","period":` + strconvQuote(period) + `,"units":[` + "\n")
	for i, n := range nodes {
		tl := tallies[n.ID]
		var c Tally
		c.Counts = tl.Counts
		cb, err := c.MarshalJSON()
		require.NoError(t, err)
		u := unitDocOut{ID: n.ID, Name: n.Name, Kind: n.Kind, Parent: n.Parent, Pooled: n.Pooled}
		if string(cb) != "{}" {
			u.Counts = cb
		}
		for _, e := range tl.extras() {
			if *e.p != 0 {
				if u.Extra == nil {
					u.Extra = map[string]int64{}
				}
				u.Extra[e.name] = *e.p
			}
		}
		ub, err := json.Marshal(u)
		require.NoError(t, err)
		b.Write(ub)
		if i < len(nodes)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

func strconvQuote(s string) string { q, _ := json.Marshal(s); return string(q) }

// TestTreeGoldenPhuTho: testdata/tree/phutho-2026-08.json is the Phú Thọ tree (scope "all") written from
// the CSV fixtures in the document format, with the province row marked "pooled" as the portal publishes
// it. Decoding it gives the same tree as building it from the CSVs, and scoring it gives the province's
// published total. Regenerate with: go test -run TestTreeGoldenPhuTho -update-tree
func TestTreeGoldenPhuTho(t *testing.T) {
	nodes, tallies, _ := phuThoUnits(t, "all")
	nodes[0].Pooled = true
	want := portalDoc(t, "2026-08", nodes, tallies)
	path := filepath.Join(treeDir, "phutho-2026-08.json")
	if *updateTree {
		require.NoError(t, os.WriteFile(path, want, 0o644))
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "golden file is stale: run go test -run TestTreeGoldenPhuTho -update-tree")

	fromCSV, err := NewTree(nodes, tallies, TreeOptions{Edition: "portal", Period: "2026-08"})
	require.NoError(t, err)
	fromJSON, err := DecodeTree(bytes.NewReader(got))
	require.NoError(t, err)
	assertSameTree(t, fromCSV, fromJSON)
	res, err := Portal().ScoreTree(fromJSON)
	require.NoError(t, err)
	h, _ := res.Unit("H44")
	require.True(t, h.Pooled.Total.Equal(decimal.RequireFromString("59.92")), h.Pooled.Total.String())
}

func assertSameTree(t *testing.T, a, b *Tree) {
	t.Helper()
	require.Equal(t, a.Len(), b.Len())
	require.Equal(t, a.Edition(), b.Edition())
	require.Equal(t, a.Period(), b.Period())
	for _, u := range a.Units() {
		v, ok := b.Unit(u.ID)
		require.True(t, ok, u.ID)
		require.Equal(t, u.Name, v.Name)
		require.Equal(t, u.Kind, v.Kind)
		require.Equal(t, u.Parent, v.Parent)
		ao, _ := a.Own(u.ID)
		bo, _ := b.Own(u.ID)
		require.Equal(t, ao, bo, "own %s", u.ID)
		require.Equal(t, a.Pooled(u.ID), b.Pooled(u.ID), "pooled %s", u.ID)
	}
}

func TestTreeJSONRoundTrip(t *testing.T) {
	for _, name := range []string{"sample.json", "phutho-2026-08.json"} {
		b, err := os.ReadFile(filepath.Join(treeDir, name))
		require.NoError(t, err)
		tr, err := DecodeTree(bytes.NewReader(b))
		require.NoError(t, err)
		out, err := json.Marshal(tr)
		require.NoError(t, err)
		assert.NotContains(t, string(out), `"pooled"`)
		tr2, err := DecodeTree(bytes.NewReader(out))
		require.NoError(t, err, string(out))
		assertSameTree(t, tr, tr2)
		out2, err := tr2.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, string(out), string(out2), "encoding is stable")
	}
	// An empty tree encodes and decodes.
	tr, err := NewTree(nil, nil, TreeOptions{})
	require.NoError(t, err)
	out, _ := tr.MarshalJSON()
	assert.Equal(t, `{"edition":"","period":"","units":[]}`, string(out))
	tr2, err := DecodeTree(bytes.NewReader(out))
	require.NoError(t, err)
	assert.Equal(t, 0, tr2.Len())
}

func TestDecodeTreeOptions(t *testing.T) {
	doc := `{"units":[{"id":"P","kind":"province","counts":{"2.1":{"num":1,"den":2}}},{"id":"A","parent":"P","counts":{"2.1":{"num":1,"den":2}}}]}`
	agg := Aggregation{}
	agg.Modes[M21] = PoolOwn
	tr, err := DecodeTreeWith(strings.NewReader(doc), TreeOptions{Aggregation: &agg, Period: "fallback", Edition: "mine"})
	require.NoError(t, err)
	assert.Equal(t, "fallback", tr.Period())
	assert.Equal(t, "mine", tr.Edition())
	assert.Equal(t, Count{Num: 1, Den: 2}, tr.Pooled("P").Counts[M21])
	badAgg := Aggregation{}
	badAgg.Modes[M21] = 9
	_, err = DecodeTreeWith(strings.NewReader(doc), TreeOptions{Aggregation: &badAgg})
	assert.ErrorIs(t, err, ErrBadRule)
	// "extra" inside "counts" (the Tally codec's own form) is accepted; so is "extra" alone; null is empty.
	for _, u := range []string{
		`{"id":"P","counts":{"2.1":{"num":1,"den":2},"extra":{"overdue":1}}}`,
		`{"id":"P","counts":{"2.1":{"num":1,"den":2}},"extra":{"overdue":1}}`,
	} {
		tr, err := DecodeTree(strings.NewReader(`{"units":[` + u + `]}`))
		require.NoError(t, err, u)
		assert.Equal(t, int64(1), tr.Pooled("P").Overdue)
	}
	tr, err = DecodeTree(strings.NewReader(`{"units":[{"id":"P","extra":{"syncReportDen":5}},{"id":"Q","counts":null,"extra":null}]}`))
	require.NoError(t, err)
	assert.Equal(t, int64(5), tr.Pooled("P").SyncReportDen)
	assert.Equal(t, Tally{}, tr.Pooled("Q"))
}

// TestDecodeTreeErrors: every error of the decoder is a *TreeError naming the unit and field, wrapping
// the right sentinel or typed error.
func TestDecodeTreeErrors(t *testing.T) {
	u := func(units ...string) string { return `{"units":[` + strings.Join(units, ",") + `]}` }
	p := `{"id":"P","kind":"province"}`
	tests := []struct {
		name  string
		doc   string
		want  error
		index int
		unit  string
		field string
		key   string // DecodeError.Key, when a *DecodeError is wrapped
	}{
		{"empty input", ``, ErrBadJSON, -1, "", "", ""},
		{"syntax", `{"units":[`, ErrBadJSON, -1, "", "", ""},
		{"not an object", `[1,2]`, ErrBadJSON, -1, "", "", ""},
		{"unknown key", `{"units":[],"scope":"all"}`, ErrBadJSON, -1, "", "", ""},
		{"wrong type", `{"units":[],"period":7}`, ErrBadJSON, -1, "", "", ""},
		{"trailing data", `{"units":[]} {}`, ErrBadJSON, -1, "", "", ""},
		{"trailing garbage", `{"units":[]} ]`, ErrBadJSON, -1, "", "", ""},
		{"no units", `{"period":"2026-08"}`, ErrBadJSON, -1, "", "units", "units"},
		{"null units", `{"units":null}`, ErrBadJSON, -1, "", "units", "units"},
		{"unit not an object", u(p, `5`), ErrBadJSON, 1, "", "", ""},
		{"unknown unit key", u(p, `{"id":"A","parent":"P","level":"COMMUNE"}`), ErrBadJSON, 1, "", "", ""},
		{"counts not an object", u(p, `{"id":"A","counts":[1]}`), ErrBadJSON, 1, "A", "counts", ""},
		{"counts not an object with extra", u(p, `{"id":"A","counts":[1],"extra":{"overdue":1}}`), ErrBadJSON, 1, "A", "counts", ""},
		{"unknown metric", u(p, `{"id":"A","counts":{"9.9":{"num":1,"den":1}}}`), ErrUnknownID, 1, "A", "counts", "9.9"},
		{"fraction", u(p, `{"id":"A","counts":{"2.1":{"num":1.5,"den":2}}}`), ErrBadJSON, 1, "A", "counts", "2.1.num"},
		{"unknown extra", u(p, `{"id":"A","extra":{"late":1}}`), ErrBadJSON, 1, "A", "counts", "extra.late"},
		{"extra twice", u(p, `{"id":"A","counts":{"extra":{"overdue":1}},"extra":{"overdue":1}}`), ErrBadJSON, 1, "A", "counts", "extra"},
		{"negative", u(p, `{"id":"A","counts":{"2.1":{"num":-1,"den":2}}}`), ErrNegative, 1, "A", "counts", ""},
		{"num exceeds den", u(p, `{"id":"A","counts":{"2.1":{"num":3,"den":2}}}`), ErrNumExceedsDen, 1, "A", "counts", ""},
		{"extra exceeds", u(p, `{"id":"A","counts":{"2.1":{"num":1,"den":2}},"extra":{"overdue":3}}`), ErrNumExceedsDen, 1, "A", "counts", ""},
		{"no id", u(p, `{"name":"x"}`), ErrNoUnitID, 1, "", "id", ""},
		{"null unit", u(p, `null`), ErrNoUnitID, 1, "", "id", ""},
		{"duplicate", u(p, `{"id":"P"}`), ErrDuplicateUnit, 1, "P", "id", ""},
		{"unknown parent", u(p, `{"id":"A","parent":"Q"}`), ErrUnknownParent, 1, "A", "parent", ""},
		{"cycle", u(`{"id":"A","parent":"B"}`, `{"id":"B","parent":"A"}`), ErrCycle, 0, "A", "parent", ""},
		{"children exceed pooled parent", u(`{"id":"P","pooled":true,"counts":{"2.1":{"num":1,"den":2}}}`, `{"id":"A","parent":"P","counts":{"2.1":{"num":1,"den":3}}}`),
			ErrChildrenExceedParent, 0, "P", "counts.2.1.den", ""},
		{"pooled above MaxCount", u(p, `{"id":"A","parent":"P","counts":{"4.1":{"num":0,"den":9007199254740992}}}`, `{"id":"B","parent":"P","counts":{"4.1":{"num":0,"den":1}}}`),
			ErrOverflow, 0, "P", "counts", ""},
		{"count above MaxCount", u(p, `{"id":"A","parent":"P","counts":{"4.1":{"num":0,"den":9223372036854775807}}}`),
			ErrOverflow, 1, "A", "counts", ""},
		{"out of int64", u(p, `{"id":"A","counts":{"4.1":{"num":0,"den":9223372036854775808}}}`), ErrBadJSON, 1, "A", "counts", "4.1.den"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := DecodeTree(strings.NewReader(tc.doc))
			require.Error(t, err)
			assert.Nil(t, tr)
			t.Log(err)
			assert.ErrorIs(t, err, tc.want)
			var te *TreeError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tc.index, te.Index)
			assert.Equal(t, tc.unit, te.Unit)
			assert.Equal(t, tc.field, te.Field)
			var de *DecodeError
			if errors.As(err, &de) {
				assert.Equal(t, tc.key, de.Key)
			} else {
				assert.Empty(t, tc.key, "expected a *DecodeError")
			}
		})
	}
}

// FuzzDecodeTree (acceptance 4): the tree document decoder never panics; it either fails with a
// *TreeError (or a *RuleError) matching a documented sentinel, or returns a tree whose pooled tallies are
// valid, that scores, and that survives an encode/decode round trip unchanged. The seeds are the
// documents of testdata/tree plus the f.Add cases below.
func FuzzDecodeTree(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(treeDir, "*.json"))
	sort.Strings(files)
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		`{"units":[]}`,
		`{"units":[{"id":"P","kind":"province","counts":{"1.3":{"num":1,"den":2}}},{"id":"A","parent":"P","extra":{"overdue":0}}]}`,
		`{"units":[{"id":"P","pooled":true,"counts":{"2.1":{"num":5,"den":9},"5.1":{"num":1,"den":1}}},{"id":"A","parent":"P","counts":{"2.1":{"num":2,"den":3}}}]}`,
		`{"units":[{"id":"A","parent":"B"},{"id":"B","parent":"A"}]}`,
		`{"units":[{"id":"A","parent":"A"}]}`,
		`{"units":[{"id":"A"},{"id":"A"}]}`,
		`{"units":[{"id":"A","counts":{"TDGQ":{"num":1,"den":1}},"extra":{"completed":1}}]}`,
		`{"units":[{"id":"A","counts":{"extra":{}},"extra":{}}]}`,
		`{"units":[{"id":"\u00e9","name":"\ud800"}]} `,
		`{"units":[{"id":"P"},{"id":"Q","parent":"P","counts":{"4.1":{"num":0,"den":9223372036854775807}}},{"id":"R","parent":"P","counts":{"4.1":{"num":0,"den":1}}}]}`,
		// Counts near the limits (issue 14).
		`{"units":[{"id":"P"},{"id":"Q","parent":"P","counts":{"4.1":{"num":0,"den":9007199254740991}}},{"id":"R","parent":"P","counts":{"4.1":{"num":1,"den":1}}}]}`,
		`{"units":[{"id":"P","counts":{"2.2":{"num":0,"den":144115188075855872}},"extra":{"processingSeconds":1}}]}`,
		`{"units":[{"id":"P","counts":{"2.2":{"num":0,"den":1125899906842624}},"extra":{"processingSeconds":9223372036854775807}},{"id":"A","parent":"P","counts":{"2.2":{"num":0,"den":1}},"extra":{"processingSeconds":5}}]}`,
		`{"units":[{"id":"P","pooled":true,"counts":{"2.1":{"num":9007199254740992,"den":9007199254740992}}},{"id":"A","parent":"P","counts":{"2.1":{"num":9007199254740991,"den":9007199254740991}}}]}`,
		`{"units":[{"id":"P","counts":{"3.1":{"num":5,"den":5}},"extra":{"partialOnline":9223372036854775807,"fullOnline":9223372036854775807}}]}`,
		`{"units":[{"id":"P","counts":{"5.0":{"num":9007199254740992,"den":9007199254740992}},"extra":{"petitionsStaff":1}}]}`,
		`{"units":[{"id":"P","id":"Q"}],"units":[]}`,
		`{"units":[{"id":"P","counts":{"2.1":{"num":1,"den":10},"2.1":{"num":9,"den":10}}}]}`,
	} {
		f.Add([]byte(s))
	}
	known := []error{ErrBadJSON, ErrUnknownID, ErrNegative, ErrNumExceedsDen, ErrOverflow, ErrNoUnitID,
		ErrDuplicateUnit, ErrUnknownParent, ErrCycle, ErrUnknownUnit, ErrChildrenExceedParent}
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := DecodeTree(bytes.NewReader(data))
		if err != nil {
			var te *TreeError
			if !errors.As(err, &te) {
				t.Fatalf("error is not a *TreeError: %T %v", err, err)
			}
			for _, k := range known {
				if errors.Is(err, k) {
					return
				}
			}
			t.Fatalf("error matches no documented sentinel: %v", err)
		}
		for _, u := range tr.Units() {
			if err := tr.Pooled(u.ID).Validate(); err != nil {
				t.Fatalf("pooled %s invalid: %v", u.ID, err)
			}
		}
		for _, e := range []Edition{Portal(), Document()} {
			res, err := e.ScoreTree(tr)
			if err != nil {
				t.Fatalf("ScoreTree: %v", err)
			}
			for _, u := range res.Units {
				checkResultRange(t, e.Name+" own "+u.Unit.ID, u.Own)
				checkResultRange(t, e.Name+" pooled "+u.Unit.ID, u.Pooled)
			}
		}
		out, err := tr.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		tr2, err := DecodeTree(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-decode: %v\n%s", err, out)
		}
		if tr2.Len() != tr.Len() {
			t.Fatalf("round trip changed the unit count")
		}
		for _, u := range tr.Units() {
			a, _ := tr.Own(u.ID)
			b, _ := tr2.Own(u.ID)
			if a != b || tr.Pooled(u.ID) != tr2.Pooled(u.ID) {
				t.Fatalf("round trip changed unit %q", u.ID)
			}
			v, _ := tr2.Unit(u.ID)
			if v != (UnitNode{ID: u.ID, Name: u.Name, Kind: u.Kind, Parent: u.Parent}) {
				t.Fatalf("round trip changed unit %q: %+v → %+v", u.ID, u, v)
			}
		}
	})
}

// TestDecodeTreeDuplicateKeys (issue 14): a key repeated in the document, in a unit (also in another
// letter case, which encoding/json maps to the same field) or in a unit's counts used to be accepted with
// the last value winning; it now fails with a *TreeError wrapping a *DecodeError that names the key.
func TestDecodeTreeDuplicateKeys(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		index int
		unit  string
		field string
		key   string
	}{
		{"units", `{"units":[{"id":"A"}],"units":[{"id":"B"}]}`, -1, "", "units", "units"},
		{"period", `{"period":"2026-07","units":[],"period":"2026-08"}`, -1, "", "period", "period"},
		{"id", `{"units":[{"id":"A","id":"B"}]}`, 0, "B", "id", "id"},
		{"id in another case", `{"units":[{"id":"A","ID":"B"}]}`, 0, "B", "ID", "ID"},
		{"parent", `{"units":[{"id":"P"},{"id":"A","parent":"P","parent":"Q"}]}`, 1, "A", "parent", "parent"},
		{"counts", `{"units":[{"id":"A","counts":{"2.1":{"num":1,"den":2}},"counts":{"2.1":{"num":2,"den":2}}}]}`, 0, "A", "counts", "counts"},
		{"metric", `{"units":[{"id":"A","counts":{"2.1":{"num":1,"den":10},"2.1":{"num":9,"den":10}}}]}`, 0, "A", "counts", "2.1"},
		{"num", `{"units":[{"id":"A","counts":{"2.1":{"num":1,"num":9,"den":10}}}]}`, 0, "A", "counts", "2.1.num"},
		{"metric with a unit extra", `{"units":[{"id":"A","counts":{"2.1":{"num":1,"den":10},"2.1":{"num":9,"den":10}},"extra":{"overdue":1}}]}`, 0, "A", "counts", "2.1"},
		{"extra field", `{"units":[{"id":"A","counts":{"2.1":{"num":1,"den":10}},"extra":{"overdue":1,"overdue":2}}]}`, 0, "A", "counts", "extra.overdue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := DecodeTree(strings.NewReader(tc.doc))
			require.Error(t, err)
			assert.Nil(t, tr)
			t.Log(err)
			assert.ErrorIs(t, err, ErrBadJSON)
			var te *TreeError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tc.index, te.Index)
			assert.Equal(t, tc.unit, te.Unit)
			assert.Equal(t, tc.field, te.Field)
			var de *DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tc.key, de.Key)
		})
	}
}
