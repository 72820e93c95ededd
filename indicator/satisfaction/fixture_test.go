package satisfaction

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

type fixtureRow struct {
	num, den int64
	score    decimal.Decimal
	null     bool
}

func readFixture(t *testing.T) map[string]map[string]fixtureRow {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "portal-phutho-2026-08-group5.csv"))
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

// TestPortalFixtureUnits builds petitions and dossiers with exactly the counts the portal published for
// Phú Thọ (province row H44, 247 petitions and 184 503 dossiers) and two communes (H44.100 with 3 petitions,
// H44.101 with none) for 8/2026, runs them through the calculator and scores them with the portal edition:
// every metric score and the group score must equal the published one. H44.101 shows the zero rule (no
// petitions ⇒ full marks for 5.1 and 5.2) applied by the edition to zero counts.
func TestPortalFixtureUnits(t *testing.T) {
	fx := readFixture(t)
	require.Len(t, fx, 3)
	for unitID, rows := range fx {
		t.Run(unitID, func(t *testing.T) {
			if testing.Short() && unitID == "H44" {
				t.Skip("184 503 dossiers; the communes cover the same path in -short mode")
			}
			onTime, sat := rows["PETITION_PROCESSING_ON_TIME"], rows["PETITION_HANDLING_SATISFACTION"]
			tthc, staff := rows["PETITION_CLASSIFICATION_TTHC"], rows["PETITION_CLASSIFICATION_STAFF"]
			np := onTime.den
			require.LessOrEqual(t, sat.num, onTime.num, "construction below assumes satisfied ⊆ on time")
			petitions := make([]model.Petition, np)
			for i := range np {
				p := model.Petition{ID: fmt.Sprintf("PAKN-%d", i), UnitID: unitID, ReceivedAt: day(8, 3)}
				switch {
				case i < tthc.num:
					p.Category = model.NewPetitionCategory(model.PetitionProcedure)
				case i < tthc.num+staff.num:
					p.Category = model.NewPetitionCategory(model.PetitionStaff)
				default:
					p.Category = model.NewPetitionCategory(model.PetitionUnclassified)
				}
				if i < onTime.num { // answered on day 10; otherwise open and overdue at period end
					p.Events = []model.PetitionEvent{{At: day(8, 17), Kind: model.NewPetitionEventKind(awaiting)},
						{At: day(8, 18), Kind: model.NewPetitionEventKind(published)}}
				}
				if i >= sat.num && i < onTime.num {
					p.Likes, p.Dislikes = 1, 4
				}
				petitions[i] = p
			}
			d53 := rows["DOSSIER_RECEIVING_SATISFACTION"]
			dossiers := make([]model.Dossier, d53.den)
			var ratings []model.Rating
			var complaints []model.Petition
			for i := range d53.den {
				code := fmt.Sprintf("%s-2608-%06d", unitID, i)
				if i >= d53.num {
					switch i % 3 {
					case 0:
						ratings = append(ratings, model.Rating{DossierCode: code, Dislike: true, At: day(8, 20)})
					case 1:
						complaints = append(complaints, model.Petition{DossierCode: code, ReceivedAt: day(8, 21)})
					default:
						code += "-LATE"
					}
				}
				dossiers[i] = model.Dossier{Code: code, UnitID: unitID}
			}
			o := baseOptions(t)
			o.Ratings, o.Petitions = ratings, append(petitions, complaints...)
			c := newCalc(t, o)
			r := c.Run(timed(dossiers))
			tally := r.Units[unitID]
			res, err := indicator.Portal().Score(tally)
			require.NoError(t, err)
			for code, row := range rows {
				switch code {
				case "group":
					g := res.Group(indicator.G5)
					assert.True(t, g.Score.Equal(row.score), "group score %s, published %s", g.Score, row.score)
					continue
				case "PETITION_CLASSIFICATION_STAFF":
					assert.Equal(t, row.num, tally.PetitionsStaff)
					assert.Equal(t, row.den, tally.Counts[indicator.M50].Den)
					continue
				}
				id, err := indicator.ParseID(code)
				require.NoError(t, err)
				m := res.Metric(id)
				assert.Equal(t, indicator.Count{Num: row.num, Den: row.den}, tally.Counts[id], code)
				assert.Equal(t, row.null, m.Null, code)
				if !row.null {
					assert.True(t, m.Score.Equal(row.score), "%s: score %s, published %s", code, m.Score, row.score)
				}
			}
			assert.Equal(t, np, r.Petitions.Counted)
			assert.Equal(t, int64(len(complaints)), r.Petitions.Entry(ReasonPetitionNoUnit).Excluded, "the complaints name no unit")
			assert.Equal(t, d53.den, r.Ledger.Counted)
		})
	}
}
