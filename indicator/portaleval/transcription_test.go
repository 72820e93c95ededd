package portaleval_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/portaleval"
)

// transcriptions is the project's field-by-field transcription of the full month files of the captures
// (163 sub-units; ../testdata/portal-phutho-2026-08/README.md).
const transcriptions = "../testdata/portal-phutho-2026-08"

type csvFile struct {
	name     string
	endpoint portaleval.Endpoint
	// count fields of the tree shape (the CSV's extra columns named as the portal's fields)
	fields []string
	// rows the fixture test reproduces / cannot reproduce (indicator/fixture_test.go)
	reproduced, noInputs int
}

var csvFiles = []csvFile{
	{"1-transparency.csv", portaleval.Transparency, nil, 980, 0},
	{"2-progress.csv", portaleval.Progress, []string{"totalReceived", "totalOnTime", "totalOverdue", "totalCompleted"}, 328, 0},
	{"3a-online.csv", portaleval.Online, []string{"authorityCount", "partialCount", "fullCount", "onlineDossierCount",
		"onlineServiceTotal", "channelOnlineSum", "channelDirectSum", "channelPostalSum", "channelTotalSum", "onlineOnTimeSum", "onlineOverdueSum"}, 2, 326},
	{"3b-payment.csv", portaleval.Payment, []string{"totalDossierOnlinePaymentSuccess", "totalDossierFinancialObligation",
		"totalDossierOnlineFormalityPaymentSuccess", "totalFeeDossierFormalityDistinct", "totalFeeDossierFormality", "totalFeeFormality"}, 328, 0},
	{"4-digitisation.csv", portaleval.Digitisation, nil, 2460, 0},
	{"5-satisfaction.csv", portaleval.Satisfaction, nil, 984, 0},
}

// num writes a CSV cell as a JSON number, or null when empty.
func num(s string) json.RawMessage {
	if s == "" {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}

// rebuild turns one CSV transcription back into the portal's response, one per scope, in the shape of
// the endpoint: overview/evaluation with "metrics" lists, or parent/children with count fields.
// transparency and handling-satisfaction get no departmentCode, as on the portal.
func rebuild(t *testing.T, f csvFile) map[string][]byte {
	t.Helper()
	fh, err := os.Open(filepath.Join(transcriptions, f.name))
	require.NoError(t, err)
	defer fh.Close()
	recs, err := csv.NewReader(fh).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	type unit = map[string]any
	units := map[string][]unit{} // scope → units in file order
	index := map[string]unit{}
	for _, r := range recs[1:] {
		get := func(c string) string {
			if i, ok := col[c]; ok {
				return r[i]
			}
			return ""
		}
		scope, code := get("scope"), get("unit_code")
		u, ok := index[scope+"|"+code]
		if !ok {
			u = unit{"departmentId": "uuid-" + code, "departmentName": get("unit_name"), "departmentType": get("department_type")}
			if f.endpoint != portaleval.Transparency && f.endpoint != portaleval.Satisfaction {
				u["departmentCode"] = code
			}
			if get("level") != "parent" {
				u["level"] = get("level")
			}
			index[scope+"|"+code] = u
			units[scope] = append(units[scope], u)
		}
		if get("metric") == "group" {
			u["totalScore"], u["totalMaxScore"], u["ratio"] = num(get("score")), num(get("max_score")), num(get("ratio"))
			for _, fl := range f.fields {
				u[fl] = num(get(fl))
			}
			if f.endpoint == portaleval.Progress {
				u["avgProcessingDays"] = num(get("avgProcessingDays"))
			}
			continue
		}
		m := map[string]any{"code": get("metric"), "numerator": num(get("numerator")), "denominator": num(get("denominator")),
			"ratio": num(get("ratio")), "score": num(get("score")), "maxScore": num(get("max_score"))}
		if dq := get("dataQualityStatus"); dq != "" {
			m["dataQualityStatus"] = dq
		}
		ms, _ := u["metrics"].([]any)
		u["metrics"] = append(ms, m)
	}
	out := map[string][]byte{}
	for scope, us := range units {
		data := map[string]any{}
		if f.fields == nil {
			data["overview"], data["evaluation"] = us[0], us[1:]
		} else {
			data["parent"], data["children"] = us[0], us[1:]
		}
		b, err := json.Marshal(map[string]any{"code": "OK", "data": data, "unknownField": []int{1}})
		require.NoError(t, err)
		out[scope] = b
	}
	return out
}

// TestPhuThoTranscriptions rebuilds the full month responses of every endpoint from the transcriptions
// (164 units, both scopes), decodes them with the public decoders and reproduces, through Verify, every
// published score, maximum and ratio that has published inputs — the same 5 082 rows as the root
// package's TestPortalFixtures, and the same 326 group-3a rows without inputs; then scores the portal's
// own tree (Evaluation.Tree) to the province total 59.92.
func TestPhuThoTranscriptions(t *testing.T) {
	byScope := map[string][]*portaleval.Response{}
	for _, f := range csvFiles {
		for scope, body := range rebuild(t, f) {
			r, err := portaleval.DecodeBytes(f.endpoint, body)
			require.NoError(t, err, f.name)
			require.Empty(t, r.Problems, f.name)
			r.Period = "month"
			if scope == "formality" {
				r.Procedure = "2.000815"
			}
			byScope[scope] = append(byScope[scope], r)
		}
	}
	perEndpoint := map[portaleval.Endpoint]map[portaleval.Status]int{}
	var all *portaleval.Evaluation
	for _, scope := range []string{"all", "formality"} {
		ev, err := portaleval.NewEvaluation(byScope[scope]...)
		require.NoError(t, err)
		require.Empty(t, ev.Problems, "every unit's code resolves by departmentId")
		v, err := ev.Verify(indicator.Portal())
		require.NoError(t, err)
		for _, c := range v.Checks {
			if perEndpoint[c.Endpoint] == nil {
				perEndpoint[c.Endpoint] = map[portaleval.Status]int{}
			}
			perEndpoint[c.Endpoint][c.Status]++
			if c.Status == portaleval.Mismatch {
				t.Errorf("%s %s %s %s: %s (published %s/%s/%s, computed %s/%s/%s)", scope, c.Endpoint, c.Unit, c.Code, c.Detail,
					c.Score, c.Max, c.Ratio, c.WantScore, c.WantMax, c.WantRatio)
			}
		}
		if scope == "all" {
			all = ev
		}
	}
	total := 0
	for _, f := range csvFiles {
		got := perEndpoint[f.endpoint]
		require.Equal(t, f.reproduced, got[portaleval.Reproduced], f.name)
		require.Equal(t, f.noInputs, got[portaleval.NoInputs], f.name)
		total += got[portaleval.Reproduced]
		t.Logf("%-32s %4d rows reproduced, %3d without inputs", f.endpoint, got[portaleval.Reproduced], got[portaleval.NoInputs])
	}
	require.Equal(t, 5082, total)

	tr, err := all.Tree(indicator.TreeOptions{})
	require.NoError(t, err)
	require.Equal(t, 164, tr.Len())
	res, err := indicator.Portal().ScoreTree(tr)
	require.NoError(t, err)
	h, _ := res.Unit("H44")
	require.True(t, h.Pooled.Total.Equal(dec("59.92")), "H44 total %s", h.Pooled.Total)
	c, _ := res.Unit("H44.100")
	require.Equal(t, indicator.KindCommune, c.Unit.Kind)
	d, _ := res.Unit("H44.03")
	require.Equal(t, indicator.KindDepartment, d.Unit.Kind)
}
