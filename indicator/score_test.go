package indicator

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestScoreMetricExactRounding(t *testing.T) {
	e := Portal()
	tests := []struct {
		name  string
		id    ID
		c     Count
		score string
		ratio string
		null  bool
	}{
		{"exact fraction not ratio first", M41, Count{133609, 184503}, "4.34", "72.42", false},
		{"true tie rounds up", M41, Count{3, 16}, "1.13", "18.75", false},
		{"capped at target", M43, Count{9, 10}, "2", "90", false},
		{"capped below target", M43, Count{3158, 184503}, "0.04", "1.71", false},
		{"null on no data", M11, Count{0, 0}, "0", "0", true},
		{"zero on no data", M21, Count{0, 0}, "0", "0", false},
		{"full marks on no data", M44, Count{0, 0}, "2", "100", false},
		{"full marks on no petitions", M51, Count{0, 0}, "6", "0", false},
		{"5.3 capped at 90%", M53, Count{144315, 184503}, "5.21", "78.22", false},
		{"2.1 linear 20", M21, Count{144625, 184513}, "15.68", "78.38", false},
		{"payment toFixed on binary value", M36, Count{7900, 8000}, "5.92", "98.75", false},
		{"payment capped B", M34, Count{93, 310}, "0.75", "30", false},
		{"unscored 5.0", M50, Count{179, 247}, "0", "72.47", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := e.ScoreMetric(tc.id, tc.c)
			if !got.Score.Equal(dec(tc.score)) || !got.Ratio.Equal(dec(tc.ratio)) || got.Null != tc.null {
				t.Fatalf("ScoreMetric(%s, %v) = score %s ratio %s null %v; want %s %s %v",
					tc.id, tc.c, got.Score, got.Ratio, got.Null, tc.score, tc.ratio, tc.null)
			}
		})
	}
}

func TestPaymentExactDiffersFromPortal(t *testing.T) {
	p, d := Portal(), Document()
	c := Count{7900, 8000} // 98.75 %
	if got := p.ScoreMetric(M36, c).Score; !got.Equal(dec("5.92")) {
		t.Fatalf("portal 3.6 = %s, want 5.92", got)
	}
	if got := d.ScoreMetric(M36, c).Score; !got.Equal(dec("5.93")) {
		t.Fatalf("document 3.6 = %s, want 5.93", got)
	}
}

func TestResultJSON(t *testing.T) {
	var tl Tally
	tl.Add(M41, 3, 16)
	res, err := Portal().Score(tl)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"edition":"portal-2026"`, `"group":"4"`, `"id":"4.1"`, `"score":"1.13"`, `"id":"1.1","num":0,"den":0,"ratio":"0","score":"0","max":"6","null":true`, `"total":"15.13"`} {
		if !strings.Contains(s, want) {
			t.Errorf("result JSON lacks %s:\n%s", want, s)
		}
	}
	d, err := json.Marshal(res.Decision())
	if err != nil || !strings.Contains(string(d), `"group":"3","score":"0","max":"22","ratio":"0","parts":["3a","3b"]`) {
		t.Errorf("decision JSON %s %v", d, err)
	}
	// Invalid lookups give zero values, not panics.
	if res.Metric(0).ID != 0 || res.Group(0).Group != 0 || res.Metric(ID(NumIDs)).ID != 0 {
		t.Error("invalid lookups")
	}
}

// TestScoreAverageLargeDen (issue 14): 2.2's average used to be computed as ProcessingSeconds /
// (Den·86400) with the product in int64: Den = 2^57 wrapped to 0 and panicked ("decimal division by
// 0"), Den = 2^50 gave 1.83 days instead of 0.09. The product is now exact; a Den beyond MaxCount is
// refused, not scored.
func TestScoreAverageLargeDen(t *testing.T) {
	tests := []struct {
		name    string
		den     int64
		seconds int64
		want    string // "" : refused with ErrOverflow
	}{
		{"2^50 dossiers, MaxInt64 seconds", 1 << 50, math.MaxInt64, "0.09"},
		{"MaxCount dossiers, MaxInt64 seconds", MaxCount, math.MaxInt64, "0.01"},
		{"one dossier of the longest span", 1, MaxDossierSeconds, "3660000"},
		{"2^57 dossiers", 1 << 57, 0, ""},
		{"MaxInt64 dossiers", math.MaxInt64, math.MaxInt64, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var tl Tally
			tl.Counts[M22].Den = tc.den
			tl.ProcessingSeconds = tc.seconds
			for _, e := range []Edition{Portal(), Document()} {
				res, err := e.Score(tl)
				if tc.want == "" {
					if !errors.Is(err, ErrOverflow) {
						t.Fatalf("%s: err = %v, want ErrOverflow", e.Name, err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", e.Name, err)
				}
				if !res.AvgProcessingDays.Equal(dec(tc.want)) {
					t.Fatalf("%s: average %s, want %s", e.Name, res.AvgProcessingDays, tc.want)
				}
			}
		})
	}
}

// checkResultRange fails t unless every metric, group and the total of r lie within [0, max] (a metric's
// ratio within [0, 100]), the maxima add up, and 2.2's average is not negative.
func checkResultRange(t testing.TB, what string, r Result) {
	t.Helper()
	in := func(x, lo, hi decimal.Decimal) bool { return x.Cmp(lo) >= 0 && x.Cmp(hi) <= 0 }
	groupMax := [NumGroups]decimal.Decimal{}
	for id := M11; id <= M53; id++ {
		m := r.Metrics[id]
		if m.Max.Sign() < 0 || !in(m.Score, decimal.Zero, m.Max) || !in(m.Ratio, decimal.Zero, hundred) {
			t.Fatalf("%s: metric %s score %s max %s ratio %s out of range", what, id, m.Score, m.Max, m.Ratio)
		}
		groupMax[id.Group()-1] = groupMax[id.Group()-1].Add(m.Max)
	}
	total := decimal.Zero
	for g, gr := range r.Groups {
		if !gr.Max.Equal(groupMax[g]) || !in(gr.Score, decimal.Zero, gr.Max) || !in(gr.Ratio, decimal.Zero, hundred) {
			t.Fatalf("%s: group %s score %s max %s ratio %s out of range", what, gr.Group, gr.Score, gr.Max, gr.Ratio)
		}
		total = total.Add(gr.Max)
	}
	if !r.Max.Equal(total) || !in(r.Total, decimal.Zero, r.Max) {
		t.Fatalf("%s: total %s max %s out of range", what, r.Total, r.Max)
	}
	if r.AvgProcessingDays.Sign() < 0 {
		t.Fatalf("%s: 2.2 average %s is negative", what, r.AvgProcessingDays)
	}
}
