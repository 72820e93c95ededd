package indicator

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

const fixtureDir = "testdata/portal-phutho-2026-08"

// fixtureRow is one CSV row of the portal fixtures, with the columns addressed by name.
type fixtureRow struct {
	file string
	line int
	col  map[string]string
}

func (r fixtureRow) get(name string) string { return r.col[name] }

func (r fixtureRow) int(t *testing.T, name string) int64 {
	t.Helper()
	s := r.col[name]
	if s == "" {
		return 0
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("%s:%d column %s: %v", r.file, r.line, name, err)
	}
	return v
}

func (r fixtureRow) where() string {
	return fmt.Sprintf("%s:%d %s %s %s", r.file, r.line, r.col["scope"], r.col["unit_code"], r.col["metric"])
}

func readFixture(t *testing.T, file string) []fixtureRow {
	t.Helper()
	f, err := os.Open(filepath.Join(fixtureDir, file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(recs) < 2 {
		t.Fatalf("%s: no rows", file)
	}
	head := recs[0]
	out := make([]fixtureRow, 0, len(recs)-1)
	for i, rec := range recs[1:] {
		m := make(map[string]string, len(head))
		for j, h := range head {
			m[h] = rec[j]
		}
		out = append(out, fixtureRow{file: file, line: i + 2, col: m})
	}
	return out
}

// fixtureUnit is the rows of one unit in one scope of one file, in file order.
type fixtureUnit struct {
	scope, unit string
	rows        []fixtureRow
}

func groupUnits(rows []fixtureRow) []fixtureUnit {
	idx := map[string]int{}
	var out []fixtureUnit
	for _, r := range rows {
		k := r.get("scope") + "|" + r.get("unit_code")
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, fixtureUnit{scope: r.get("scope"), unit: r.get("unit_code")})
		}
		out[i].rows = append(out[i].rows, r)
	}
	return out
}

// fixtureFile describes how one CSV maps onto a Tally.
type fixtureFile struct {
	name  string
	group Group
	// build fills the tally from the unit's rows; it returns a non-empty reason when the unit's rows cannot
	// be reproduced from published inputs.
	build func(t *testing.T, u fixtureUnit, tl *Tally) (notReproducible string)
	// edition returns the edition for a scope (the portal edition, adjusted where the scope leaves a metric
	// out of the evaluation).
	edition func(scope string) Edition
	// want* are the asserted per-file tallies of rows.
	wantReproduced, wantNotReproducible int
}

func portalFor(string) Edition { return Portal() }

// metricRows puts every metric row's numerator and denominator into the tally.
func metricRowsBuild(t *testing.T, u fixtureUnit, tl *Tally) string {
	for _, r := range u.rows {
		code := r.get("metric")
		if code == "group" {
			continue
		}
		id, err := ParseID(code)
		if err != nil {
			t.Fatalf("%s: %v", r.where(), err)
		}
		if code == "PETITION_CLASSIFICATION_STAFF" {
			tl.PetitionsStaff = r.int(t, "numerator")
			continue
		}
		tl.Counts[id] = Count{Num: r.int(t, "numerator"), Den: r.int(t, "denominator")}
	}
	return ""
}

func fixtureFiles() []fixtureFile {
	return []fixtureFile{
		{name: "1-transparency.csv", group: G1, build: metricRowsBuild, edition: portalFor,
			wantReproduced: 980, wantNotReproducible: 0},
		{name: "2-progress.csv", group: G2, edition: portalFor,
			build: func(t *testing.T, u fixtureUnit, tl *Tally) string {
				r := u.rows[0]
				tl.Counts[M21] = Count{Num: r.int(t, "totalOnTime"), Den: r.int(t, "totalReceived")}
				tl.Overdue = r.int(t, "totalOverdue")
				tl.Completed = r.int(t, "totalCompleted")
				return ""
			}, wantReproduced: 328, wantNotReproducible: 0},
		{name: "3a-online.csv", group: G3a, edition: portalFor,
			build: func(t *testing.T, u fixtureUnit, tl *Tally) string {
				r := u.rows[0]
				if r.get("authorityCount") == "" {
					return "not reproducible: inputs not published (the portal gives sub-units a 3a score only; the 2+4+6 split is [Open])"
				}
				tl.PartialOnline = r.int(t, "partialCount")
				tl.FullOnline = r.int(t, "fullCount")
				tl.Counts[M31] = Count{Num: tl.PartialOnline + tl.FullOnline, Den: r.int(t, "authorityCount")}
				tl.Counts[M32] = Count{Num: r.int(t, "onlineDossierCount"), Den: r.int(t, "onlineServiceTotal")}
				tl.Counts[M33] = Count{Num: r.int(t, "channelOnlineSum"), Den: r.int(t, "channelTotalSum")}
				return ""
			}, wantReproduced: 2, wantNotReproducible: 326},
		{name: "3b-payment.csv", group: G3b, edition: portalFor,
			build: func(t *testing.T, u fixtureUnit, tl *Tally) string {
				r := u.rows[0]
				tl.Counts[M36] = Count{Num: r.int(t, "totalDossierOnlinePaymentSuccess"), Den: r.int(t, "totalDossierFinancialObligation")}
				tl.Counts[M34] = Count{Num: r.int(t, "totalDossierOnlineFormalityPaymentSuccess"), Den: r.int(t, "totalFeeFormality")}
				tl.Counts[M35] = Count{Num: r.int(t, "totalFeeDossierFormality"), Den: r.int(t, "totalFeeFormality")}
				tl.FeeProceduresWithDossiers = r.int(t, "totalFeeDossierFormalityDistinct")
				return ""
			}, wantReproduced: 328, wantNotReproducible: 0},
		{name: "4-digitisation.csv", group: G4, build: metricRowsBuild,
			// In the single-procedure (formality) scope the portal leaves 4.6a (a per-procedure ratio) out of
			// the evaluation: the group maximum is 20. A user-defined edition expresses that.
			edition: func(scope string) Edition {
				e := Portal()
				if scope == "formality" {
					e.Name = "portal-2026/formality"
					e.Rules[M46a] = Rule{Kind: Unscored}
				}
				return e
			}, wantReproduced: 2460, wantNotReproducible: 0},
		{name: "5-satisfaction.csv", group: G5, build: metricRowsBuild, edition: portalFor,
			wantReproduced: 984, wantNotReproducible: 0},
	}
}

// publishedScore parses a published 2-decimal score; ok is false for an empty (null) score.
func publishedDecimal(t *testing.T, r fixtureRow, col string) (decimal.Decimal, bool) {
	t.Helper()
	s := r.get(col)
	if s == "" {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatalf("%s column %s: %v", r.where(), col, err)
	}
	return d.Round(2), true
}

// TestPortalFixtures reproduces every published metric score, group score and maximum of the Phú Thọ
// fixtures (parent and every sub-unit, both scopes) from the published counts with the portal edition,
// exactly to the cent. Rows that cannot be reproduced are listed with their reason and counted.
func TestPortalFixtures(t *testing.T) {
	totals := map[string]map[Group]decimal.Decimal{} // scope|unit → group → computed group score
	for _, ff := range fixtureFiles() {
		rows := readFixture(t, ff.name)
		var reproduced, notRepro, ratios int
		var notReproList []string
		for _, u := range groupUnits(rows) {
			var tl Tally
			reason := ff.build(t, u, &tl)
			if reason != "" {
				for _, r := range u.rows {
					notRepro++
					notReproList = append(notReproList, r.where()+": "+reason)
				}
				continue
			}
			e := ff.edition(u.scope)
			res, err := e.Score(tl)
			if err != nil {
				t.Fatalf("%s %s %s: %v", ff.name, u.scope, u.unit, err)
			}
			for _, r := range u.rows {
				want, hasScore := publishedDecimal(t, r, "score")
				wantMax, _ := publishedDecimal(t, r, "max_score")
				var gotScore, gotMax, gotRatio decimal.Decimal
				var gotNull bool
				if r.get("metric") == "group" {
					g := res.Group(ff.group)
					gotScore, gotMax, gotRatio = g.Score, g.Max, g.Ratio
					k := u.scope + "|" + u.unit
					if totals[k] == nil {
						totals[k] = map[Group]decimal.Decimal{}
					}
					totals[k][ff.group] = g.Score
				} else {
					id, err := ParseID(r.get("metric"))
					if err != nil {
						t.Fatalf("%s: %v", r.where(), err)
					}
					m := res.Metric(id)
					gotScore, gotMax, gotNull, gotRatio = m.Score, m.Max, m.Null, m.Ratio
					if r.get("metric") == "PETITION_CLASSIFICATION_STAFF" && tl.Counts[M50].Den > 0 {
						gotRatio = roundFrac(decimal.NewFromInt(tl.PetitionsStaff*100), decimal.NewFromInt(tl.Counts[M50].Den), 2, RoundHalfUp)
					}
				}
				wantRatio, hasRatio := publishedDecimal(t, r, "ratio")
				if hasRatio {
					ratios++
				}
				switch {
				case !hasScore && !gotNull:
					t.Errorf("%s: published null, computed %s", r.where(), gotScore)
				case hasScore && gotNull:
					t.Errorf("%s: published %s, computed null", r.where(), want)
				case hasScore && !gotScore.Equal(want):
					t.Errorf("%s: published %s, computed %s (tally %s)", r.where(), want, gotScore, mustJSON(tl))
				case !gotMax.Equal(wantMax):
					t.Errorf("%s: published max %s, computed %s", r.where(), wantMax, gotMax)
				case hasRatio && !gotRatio.Equal(wantRatio):
					t.Errorf("%s: published ratio %s, computed %s", r.where(), wantRatio, gotRatio)
				default:
					reproduced++
				}
			}
		}
		t.Logf("%s: %d rows reproduced exactly (score, maximum and the %d published ratios), %d not reproducible",
			ff.name, reproduced, ratios, notRepro)
		for _, s := range notReproList {
			t.Logf("  %s", s)
		}
		if reproduced != ff.wantReproduced || notRepro != ff.wantNotReproducible {
			t.Errorf("%s: reproduced %d / not reproducible %d; want %d / %d",
				ff.name, reproduced, notRepro, ff.wantReproduced, ff.wantNotReproducible)
		}
	}
	// Totals: every unit in the "all" scope has all six groups except where 3a is not reproducible.
	var keys []string
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	complete := 0
	for _, k := range keys {
		if strings.HasPrefix(k, "all|") && len(totals[k]) == NumGroups {
			complete++
		}
	}
	t.Logf("units with all six groups reproduced (scope all): %d (the parent; sub-units lack 3a inputs)", complete)
	if complete != 1 {
		t.Errorf("complete units = %d, want 1", complete)
	}
}

func mustJSON(tl Tally) string {
	b, _ := tl.MarshalJSON()
	return string(b)
}

// parentTally builds the province's (H44) full tally for a scope from all six fixture files.
func parentTally(t *testing.T, scope string) Tally {
	t.Helper()
	var tl Tally
	for _, ff := range fixtureFiles() {
		for _, u := range groupUnits(readFixture(t, ff.name)) {
			if u.unit != "H44" || u.scope != scope {
				continue
			}
			var part Tally
			if reason := ff.build(t, u, &part); reason != "" {
				t.Fatalf("%s: parent row not reproducible: %s", ff.name, reason)
			}
			tl.Merge(part) // the files hold disjoint metrics, so merging assembles the tally
		}
	}
	return tl
}

// TestPhuThoTotal computes Phú Thọ's total for 8/2026 from the published counts, group by group.
//
// The total is not published in the fixtures; it is the sum of the six published group scores,
// 7.96 + 15.68 + 8.83 + 6.25 + 8.24 + 12.96 = 59.92, each of which the library reproduces. (A figure of
// 59.91 would need group 4 = 8.23, which is what an uncapped 4.3 gives — 0.03 instead of the published
// 0.04 — so it contradicts the published digitisation row.)
func TestPhuThoTotal(t *testing.T) {
	res, err := Portal().Score(parentTally(t, "all"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[Group]string{G1: "7.96", G2: "15.68", G3a: "8.83", G3b: "6.25", G4: "8.24", G5: "12.96"}
	for g := G1; g <= G5; g++ {
		got := res.Group(g).Score
		t.Logf("group %-2s %-28s %6s / %s", g, g.NameEN(), got.StringFixed(2), res.Group(g).Max)
		if !got.Equal(dec(want[g])) {
			t.Errorf("group %s = %s, want %s", g, got, want[g])
		}
	}
	t.Logf("total %s / %s", res.Total.StringFixed(2), res.Max)
	if !res.Total.Equal(dec("59.92")) || !res.Max.Equal(dec("100")) {
		t.Errorf("total = %s / %s, want 59.92 / 100", res.Total, res.Max)
	}
	d := res.Decision()
	wantD := []string{"7.96", "15.68", "15.08", "8.24", "12.96"}
	wantMax := []string{"18", "20", "22", "22", "18"}
	for i, g := range d.Groups {
		if !g.Score.Equal(dec(wantD[i])) || !g.Max.Equal(dec(wantMax[i])) {
			t.Errorf("Decision group %s = %s / %s, want %s / %s", g.Group, g.Score, g.Max, wantD[i], wantMax[i])
		}
	}
	if !d.Total.Equal(res.Total) {
		t.Errorf("Decision total %s != %s", d.Total, res.Total)
	}
}
