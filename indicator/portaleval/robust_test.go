package portaleval_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/portaleval"
)

func TestDecodeErrors(t *testing.T) {
	ov := func(metrics string) string {
		return `{"code":"OK","data":{"overview":{"departmentCode":"H1","totalScore":1,"metrics":[` + metrics + `]},"evaluation":[]}}`
	}
	tests := []struct {
		name     string
		endpoint portaleval.Endpoint
		body     string
		want     error
		field    string
		index    int
	}{
		{"empty", portaleval.Transparency, ``, portaleval.ErrMalformed, "", -1},
		{"truncated", portaleval.Transparency, `{"code":"OK","data":{"overview":{"metrics":[{"code":"DOSSIER_SYNC","numer`, portaleval.ErrMalformed, "", -1},
		{"trailing data", portaleval.Progress, `{"data":{"parent":{}}} {}`, portaleval.ErrMalformed, "", -1},
		{"not OK", portaleval.Progress, `{"code":"INTERNAL_ERROR","data":null}`, portaleval.ErrNotOK, "code", -1},
		{"array", portaleval.Progress, `[1,2]`, portaleval.ErrShape, "", -1},
		{"no shape", portaleval.Progress, `{"code":"OK","data":{"rows":[]}}`, portaleval.ErrShape, "data", -1},
		{"data not object", portaleval.Progress, `{"code":"OK","data":[1]}`, portaleval.ErrShape, "data", -1},
		{"unit not object", portaleval.Progress, `{"data":{"parent":null,"children":[3]}}`, portaleval.ErrShape, "", 0},
		{"name not string", portaleval.Progress, `{"data":{"children":[{"departmentName":7}]}}`, portaleval.ErrShape, "departmentName", 0},
		{"count not integer", portaleval.Progress, `{"data":{"children":[{"departmentCode":"H1.1","totalReceived":1.5}]}}`, portaleval.ErrNotInteger, "totalReceived", 0},
		{"count negative", portaleval.Progress, `{"data":{"children":[{"totalReceived":-1}]}}`, portaleval.ErrNotInteger, "totalReceived", 0},
		{"count text", portaleval.Payment, `{"data":{"parent":{"totalFeeFormality":"many"}}}`, portaleval.ErrNotInteger, "totalFeeFormality", -1},
		{"count above MaxCount", portaleval.Progress, `{"data":{"parent":{"totalReceived":9007199254740993}}}`, portaleval.ErrNotInteger, "totalReceived", -1},
		{"huge exponent", portaleval.Progress, `{"data":{"parent":{"totalReceived":1e999999999}}}`, portaleval.ErrNotInteger, "totalReceived", -1},
		{"score not a number", portaleval.Progress, `{"data":{"parent":{"totalScore":true}}}`, portaleval.ErrBadNumber, "totalScore", -1},
		{"num above den", portaleval.Progress, `{"data":{"parent":{"totalReceived":1,"totalOnTime":2}}}`, indicator.ErrNumExceedsDen, "tally", -1},
		{"metrics not array", portaleval.Digitisation, `{"data":{"overview":{"metrics":{}}}}`, portaleval.ErrShape, "metrics", -1},
		{"metric numerator text", portaleval.Digitisation, ov(`{"code":"ORIGINAL_RESULT_AVAILABLE","numerator":"x","denominator":3}`), portaleval.ErrNotInteger, "metrics[0].numerator", -1},
		{"metric twice", portaleval.Digitisation, ov(`{"code":"ORIGINAL_RESULT_AVAILABLE","numerator":1,"denominator":3},{"code":"ORIGINAL_RESULT_AVAILABLE","numerator":1,"denominator":3}`), portaleval.ErrShape, "metrics[1].code", -1},
		{"metric row null", portaleval.Digitisation, ov(`null`), portaleval.ErrShape, "metrics[0]", -1},
		{"metric num above den", portaleval.Satisfaction, ov(`{"code":"PETITION_PROCESSING_ON_TIME","numerator":4,"denominator":3}`), indicator.ErrNumExceedsDen, "tally", -1},
		{"unknown endpoint", "evaluation-of-everything", `{}`, portaleval.ErrUnknownEndpoint, "", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := portaleval.Decode(tc.endpoint, strings.NewReader(tc.body))
			require.Nil(t, r)
			require.ErrorIs(t, err, tc.want)
			var pe *portaleval.Error
			require.ErrorAs(t, err, &pe)
			require.Equal(t, tc.field, pe.Field)
			require.Equal(t, tc.index, pe.Index)
			require.NotEmpty(t, err.Error())
		})
	}
}

// Every prefix of a real capture is refused with ErrMalformed (or decodes, for the full text), never a
// panic.
func TestTruncatedCaptures(t *testing.T) {
	for _, e := range portaleval.Endpoints()[:6] {
		body, err := os.ReadFile(filepath.Join("testdata/phutho-2026-08", string(e), "month-all.json"))
		require.NoError(t, err)
		for n := 0; n < len(body); n += 7 {
			if strings.TrimSpace(string(body[n:])) == "" {
				break // only the final newline is cut
			}
			_, err := portaleval.DecodeBytes(e, body[:n])
			require.ErrorIs(t, err, portaleval.ErrMalformed, "%s cut at %d", e, n)
		}
		_, err = portaleval.DecodeBytes(e, body)
		require.NoError(t, err)
	}
}

// Tolerance: unknown fields ignored, the "data" object alone accepted, a number sent as a string read,
// an unknown metric code kept and reported (not dropped), a unit whose code cannot be resolved reported
// and kept under its departmentId.
func TestTolerance(t *testing.T) {
	body := `{"overview":{"departmentId":"u1","departmentCode":"H1","totalScore":"6","totalMaxScore":18,"newField":{"x":[1]},
	  "metrics":[{"code":"DOSSIER_SYNC","numerator":3,"denominator":3,"score":6,"maxScore":6,"extra":1},
	             {"code":"PUBLISH_EVERYTHING_2027","numerator":1,"denominator":2,"score":0.5,"maxScore":1}]},
	 "evaluation":[{"departmentId":"u-unknown","departmentName":"Xã Lạ","totalScore":6,"totalMaxScore":18,
	  "metrics":[{"code":"DOSSIER_SYNC","numerator":1,"denominator":1,"score":6,"maxScore":6}]}]}`
	r, err := portaleval.Decode(portaleval.Transparency, strings.NewReader(body))
	require.NoError(t, err)
	require.Len(t, r.Units, 2)
	require.True(t, r.Units[0].Score.Valid)
	require.Equal(t, "6", r.Units[0].Score.Value.String())
	require.Len(t, r.Units[0].Metrics, 2, "the unknown code is kept")
	require.Equal(t, indicator.ID(0), r.Units[0].Metrics[1].Metric)
	require.Len(t, r.Problems, 1)
	require.ErrorIs(t, r.Problems[0], portaleval.ErrUnknownMetric)
	require.Equal(t, "metrics[1].code", r.Problems[0].Field)

	ev, err := portaleval.NewEvaluation(r)
	require.NoError(t, err)
	require.Len(t, ev.Problems, 2)
	require.ErrorIs(t, ev.Problems[1], portaleval.ErrUnknownUnit)
	require.Equal(t, "u-unknown", ev.Problems[1].Unit)
	require.Equal(t, []string{"H1", "u-unknown"}, ev.Units())

	v, err := ev.Verify(indicator.Portal())
	require.NoError(t, err)
	require.Equal(t, 1, v.ByCount[portaleval.Unknown])

	// In a reconciliation the unresolved unit is a row of its own, not dropped.
	tab, err := portaleval.Reconcile(nil, ev, indicator.Portal())
	require.NoError(t, err)
	var units []string
	for _, row := range tab.Rows {
		units = append(units, row.Unit+" "+string(row.Cause))
	}
	require.ElementsMatch(t, []string{"H1 unit-not-in-our-hierarchy", "u-unknown unit-not-in-our-hierarchy"}, units)
}

func TestNewEvaluationErrors(t *testing.T) {
	a, err := portaleval.Decode(portaleval.Progress, strings.NewReader(`{"data":{"parent":{"departmentCode":"H1"}}}`))
	require.NoError(t, err)
	b, err := portaleval.Decode(portaleval.Progress, strings.NewReader(`{"data":{"parent":{"departmentCode":"H1"}}}`))
	require.NoError(t, err)
	c, err := portaleval.Decode(portaleval.Payment, strings.NewReader(`{"data":{"parent":{"departmentCode":"H2"}}}`))
	require.NoError(t, err)
	_, err = portaleval.NewEvaluation(a, b)
	require.ErrorIs(t, err, portaleval.ErrMixedScope, "one endpoint twice")
	_, err = portaleval.NewEvaluation(a, c)
	require.ErrorIs(t, err, portaleval.ErrMixedScope, "two parents")
	c.Units[0].Code, c.Period = "H1", "2026-09"
	_, err = portaleval.NewEvaluation(a, c)
	require.ErrorIs(t, err, portaleval.ErrMixedScope, "two periods")
	_, err = portaleval.NewEvaluation(a, nil)
	require.ErrorIs(t, err, portaleval.ErrShape)
}

func TestParseName(t *testing.T) {
	tests := []struct {
		path              string
		e                 portaleval.Endpoint
		period, procedure string
		ok                bool
	}{
		{"transparency/month-all.json", portaleval.Transparency, "month", "", true},
		{"x/dossier-digitized/quarter-formality.json", portaleval.Digitisation, "quarter", "formality", true},
		{"handling-satisfaction.json", portaleval.Satisfaction, "", "", true},
		{"dvc-progress-tree-year-all.json", portaleval.Progress, "year", "", true},
		{"dvc-progress-tree/2026-08-all.json", portaleval.Progress, "2026-08", "", true},
		{"dvc-progress-tree/2026-Q3-2.000815.json", portaleval.Progress, "2026-Q3", "2.000815", true},
		{"provide-online-tree/2026-08.json", portaleval.Online, "2026-08", "", true},
		{"transparency/month-all.txt", "", "", "", false},
		{"manifest.m0.json", "", "", "", false},
	}
	for _, tc := range tests {
		e, p, proc, ok := portaleval.ParseName(tc.path)
		require.Equal(t, tc.ok, ok, tc.path)
		require.Equal(t, tc.e, e, tc.path)
		require.Equal(t, tc.period, p, tc.path)
		require.Equal(t, tc.procedure, proc, tc.path)
	}
}

// A nil evaluation is an error, not a panic.
func TestNilEvaluation(t *testing.T) {
	var ev *portaleval.Evaluation
	_, err := ev.Verify(indicator.Portal())
	require.ErrorIs(t, err, portaleval.ErrShape)
	_, err = ev.Tree(indicator.TreeOptions{})
	require.ErrorIs(t, err, portaleval.ErrShape)
	_, err = portaleval.Reconcile(nil, nil, indicator.Portal())
	require.ErrorIs(t, err, portaleval.ErrShape)
	require.Empty(t, ev.Units())
	require.Empty(t, ev.Root())
	_, ok := ev.Tally("H1")
	require.False(t, ok)
	_, ok = ev.Unit(portaleval.Progress, "H1")
	require.False(t, ok)
	empty, err := portaleval.NewEvaluation()
	require.NoError(t, err)
	_, err = empty.Tree(indicator.TreeOptions{})
	require.NoError(t, err)
}
