package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	captures  = "../../indicator/portaleval/testdata/phutho-2026-08"
	portalH99 = "testdata/portal-h99"
)

// -tallies accepts the portal's saved responses: a folder (the all-procedures scope; the single-procedure
// responses and the README are skipped with a note) or one response file.
func TestTalliesPortalResponses(t *testing.T) {
	tests := []struct {
		name, path, format string
		want               []string
		stderr             []string
	}{
		{"folder table", captures, "table", []string{"H44 ", "59.91", "H44.03"},
			[]string{"skipped README.md", "skipped the month/formality responses", "2 unit rows publish a score without its counts"}},
		{"folder csv", captures, "csv", []string{"H44", "15.68"}, nil},
		{"one file", captures + "/dvc-progress-tree/month-all.json", "json", []string{`"H44.03"`, `"15.68"`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run([]string{"-tallies", tc.path, "-format", tc.format, "-lang", "en"}, &out, &errb)
			require.Equal(t, 0, code, errb.String())
			for _, w := range tc.want {
				require.Contains(t, out.String(), w)
			}
			for _, w := range tc.stderr {
				require.Contains(t, errb.String(), w)
			}
		})
	}
}

func TestTalliesPortalErrors(t *testing.T) {
	for _, tc := range []struct{ name, path, want string }{
		{"only single-procedure", captures + "/dossier-digitized/month-formality.json", "exactly one period for all procedures"},
		{"bad response", "testdata/dossier-truncated.json", "dossier-truncated.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			require.Equal(t, 1, run([]string{"-tallies", tc.path}, &out, &errb))
			require.Contains(t, errb.String(), tc.want)
		})
	}
}

// -portal DIR reconciles the sample card with hand-written responses (testdata/portal-h99/README.md):
// every format, the gaps named, the CSV guard applied, the unit outside our hierarchy reported.
func TestPortalReconcile(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the sample province")
	}
	run1 := func(format string, extra ...string) string {
		var out, errb bytes.Buffer
		args := append([]string{"-period", "2026-08", "-portal", portalH99, "-format", format}, extra...)
		require.Equal(t, 0, run(args, &out, &errb), errb.String())
		return out.String()
	}
	txt := run1("table")
	require.Contains(t, txt, "H99      1.4      3518/3625     5.82   3518/4000       5.28    -0.54   temporary-denominator")
	require.Contains(t, txt, "H99.02   2.1      423/462       18.31  425/455         18.68*  0.37    not-synced-or-rejected")
	require.Contains(t, txt, "H99.05   group 2  –/–           19.2   –/–             –       -19.20  unit-not-published")
	require.Contains(t, txt, "H99.99   2.1      –/–           –      10/10           20*     20.00   unit-not-in-our-hierarchy")

	recs, err := csv.NewReader(strings.NewReader(run1("csv"))).ReadAll()
	require.NoError(t, err)
	require.Equal(t, "unit", recs[0][0])
	require.Equal(t, []string{"H99.99", "'=Sở Lạ", "2.1", "2", "", "", "", "10", "10", "20", "true", "20.00", "unit-not-in-our-hierarchy", ""}, recs[1])

	var tab struct {
		Period string `json:"period"`
		Rows   []struct {
			Unit  string `json:"unit"`
			Cause string `json:"cause"`
		} `json:"rows"`
	}
	require.NoError(t, json.Unmarshal([]byte(run1("json", "-unit", "H99.02")), &tab))
	require.Equal(t, "2026-08", tab.Period)
	require.NotEmpty(t, tab.Rows)
	for _, r := range tab.Rows {
		require.Equal(t, "H99.02", r.Unit)
	}
}
