package digitisation

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

type fixtureRow struct {
	num, den     int64
	score        decimal.Decimal
	hasNum, null bool
}

// readFixture reads testdata/portal-phutho-2026-08-group4.csv into unit → metric code → row.
func readFixture(t *testing.T) map[string]map[string]fixtureRow {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "portal-phutho-2026-08-group4.csv"))
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	out := map[string]map[string]fixtureRow{}
	for _, r := range recs[1:] {
		u, m := r[col["unit_code"]], r[col["metric"]]
		var row fixtureRow
		if s := r[col["numerator"]]; s != "" {
			row.num, err = strconv.ParseInt(s, 10, 64)
			require.NoError(t, err)
			row.den, err = strconv.ParseInt(r[col["denominator"]], 10, 64)
			require.NoError(t, err)
			row.hasNum = true
		}
		if s := r[col["score"]]; s == "" {
			row.null = true
		} else {
			row.score = decimal.RequireFromString(s)
		}
		if out[u] == nil {
			out[u] = map[string]fixtureRow{}
		}
		out[u][m] = row
	}
	return out
}

// TestPortalFixtureUnits builds records with exactly the counts the portal published for two communes of
// Phú Thọ (8/2026), runs them through the calculator and scores the tallies with the portal edition: every
// metric score and the group score must equal the published one. It checks the whole path record → verdict →
// tally → score for group 4, including 4.4's "no data ⇒ full marks" (no commune input).
func TestPortalFixtureUnits(t *testing.T) {
	fx := readFixture(t)
	require.Len(t, fx, 2)
	for unitID, rows := range fx {
		t.Run(unitID, func(t *testing.T) {
			n := rows["ORIGINAL_RESULT_AVAILABLE"].den
			for _, code := range []string{"SO_HOA_GIAY_TO_GIAI_QUYET", "REUSED_DIGITIZED_DATA", "SYNCED_WITH_DVCQG_PERSONAL_STORAGE", "CITIZEN_DATA_CONNECTED_DOSSIER"} {
				require.Equal(t, n, rows[code].den, "the portal's dossier metrics share one denominator")
			}
			dossiers := make([]model.Dossier, n)
			for i := range dossiers {
				i64 := int64(i)
				d := model.Dossier{Code: fmt.Sprintf("%s-260815-%05d", unitID, i), UnitID: unitID, ProcedureCode: "P0000",
					ReceivedAt: model.Some(time.Date(2026, 8, 1+i%31, 8+i%9, 0, 0, 0, vn))}
				if i64 < rows["ORIGINAL_RESULT_AVAILABLE"].num {
					d.Results = append(d.Results, model.ResultDoc{Code: "KQ", URL: "https://kq/" + d.Code})
				}
				if i64 < rows["SO_HOA_GIAY_TO_GIAI_QUYET"].num {
					d.Files = append(d.Files, model.File{URL: "https://tl/" + d.Code})
					d.Results = append(d.Results, model.ResultDoc{URL: "https://scan/" + d.Code})
				}
				if i64 < rows["REUSED_DIGITIZED_DATA"].num {
					d.HasDigitisedComponents = model.FlagTrue
				}
				if i64 < rows["SYNCED_WITH_DVCQG_PERSONAL_STORAGE"].num {
					d.ResultSyncedToStore = model.FlagTrue
				}
				if i64 < rows["CITIZEN_DATA_CONNECTED_DOSSIER"].num {
					d.VNeIDAuthenticated = model.FlagTrue
				}
				dossiers[i] = d
			}
			f := rows["CITIZEN_DATA_CONNECTED_FORMALITY"]
			var procs []model.Procedure
			var offers []model.Offering
			for i := range f.den {
				code := fmt.Sprintf("P%04d", i)
				procs = append(procs, model.Procedure{Code: code, PaperResult: true,
					Applicants: []string{model.ApplicantVietnameseCitizen}, PopulationDBConnected: i < f.num})
				offers = append(offers, model.Offering{UnitID: unitID, ProcedureCode: code})
			}
			o := baseOptions()
			o.Procedures, o.Offerings = procs, offers
			c := newCalc(t, o)
			r := c.Run(slices.Values(dossiers))
			tally := r.Units[unitID]
			res, err := indicator.Portal().Score(tally)
			require.NoError(t, err)
			for code, row := range rows {
				if code == "group" {
					g := res.Group(indicator.G4)
					assert.True(t, g.Score.Equal(row.score), "group score %s, published %s", g.Score, row.score)
					continue
				}
				id, err := indicator.ParseID(code)
				require.NoError(t, err)
				m := res.Metric(id)
				if row.hasNum {
					assert.Equal(t, indicator.Count{Num: row.num, Den: row.den}, tally.Counts[id], code)
				}
				assert.Equal(t, row.null, m.Null, code)
				assert.True(t, m.Score.Equal(row.score), "%s: score %s, published %s", code, m.Score, row.score)
			}
			assert.Equal(t, n, r.Ledger.Counted)
			assert.Equal(t, r.Ledger.Read, r.Ledger.Counted+r.Ledger.Excluded)
		})
	}
}
