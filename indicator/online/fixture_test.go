package online

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

type provinceRow struct {
	scope                                    string
	authority, partial, full                 int64
	servicesWithDossier, services            int64
	onlineDossiers, directDossiers, dossiers int64
	published                                decimal.Decimal
}

func readProvinceRows(t *testing.T) []provinceRow {
	t.Helper()
	f, err := os.Open("testdata/portal-phutho-2026-08-3a-online.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	num := func(row []string, name string) int64 {
		v, err := strconv.ParseInt(row[col[name]], 10, 64)
		require.NoError(t, err, name)
		return v
	}
	var out []provinceRow
	for _, row := range rows[1:] {
		if row[col["level"]] != "parent" {
			continue
		}
		out = append(out, provinceRow{
			scope:     row[col["scope"]],
			authority: num(row, "authorityCount"), partial: num(row, "partialCount"), full: num(row, "fullCount"),
			servicesWithDossier: num(row, "onlineDossierCount"), services: num(row, "onlineServiceTotal"),
			onlineDossiers: num(row, "channelOnlineSum"), directDossiers: num(row, "channelDirectSum") + num(row, "channelPostalSum"),
			dossiers:  num(row, "channelTotalSum"),
			published: decimal.RequireFromString(row[col["score"]]),
		})
	}
	return out
}

// TestFixtureProvince: for both province rows of the Phú Thọ 8/2026 fixtures (scopes all and formality),
// a province and sub-units are synthesised with the published counts (procedures under authority by
// level, online services, services with an online dossier, dossiers by channel); the calculator's pooled
// tally has exactly those counts and the portal edition scores it at the published group-3a score.
func TestFixtureProvince(t *testing.T) {
	rows := readProvinceRows(t)
	require.Len(t, rows, 2)
	for _, row := range rows {
		t.Run(row.scope, func(t *testing.T) {
			require.Equal(t, row.dossiers, row.onlineDossiers+row.directDossiers)
			var offs []model.Offering
			var procs []model.Procedure
			var online []string
			for j := range row.authority {
				code := fmt.Sprintf("P%03d", j)
				procs = append(procs, model.Procedure{Code: code, PaperResult: j%2 == 0})
				lvl := model.OnlineNone
				switch {
				case j < row.partial:
					lvl = model.OnlinePartial
				case j < row.partial+row.full:
					lvl = model.OnlineFull
				}
				state := model.StatePublished
				if lvl != model.OnlineNone {
					online = append(online, code)
					if int64(len(online)) > row.services {
						state = model.StateUnpublished // online (3.1) but not a counted service (3.2)
					}
				}
				offs = append(offs, offering("H44", code, lvl, state))
			}
			// Services: the province's online procedures first, then sub-units offering the same codes at
			// the same level until the published total is reached.
			type svc struct{ unit, proc string }
			var services []svc
			for _, p := range online[:min(int64(len(online)), row.services)] {
				services = append(services, svc{"H44", p})
			}
			for u := 0; int64(len(services)) < row.services; u++ {
				unit := fmt.Sprintf("H44.%d", 100+u)
				for j, p := range online {
					if int64(len(services)) == row.services {
						break
					}
					offs = append(offs, offering(unit, p, offs[j].Level.Code(), model.StatePublished))
					services = append(services, svc{unit, p})
				}
			}
			c, err := New(Options{Period: aug2026, AsOf: asOf, Policy: indicator.Portal().Policy.Online, Reception: indicator.Portal().Policy.Reception, Procedures: procs, Offerings: offs})
			require.NoError(t, err)
			n := 0
			mk := func(s svc, ch model.ChannelCode) model.Dossier {
				n++
				return dossier(fmt.Sprintf("%s-260810-%06d", s.unit, n), s.unit, s.proc, channel(ch), eResult())
			}
			r := c.Run(func(yield func(model.Dossier) bool) {
				for i := range row.servicesWithDossier {
					if !yield(mk(services[i], model.ChannelOnline)) {
						return
					}
				}
				for range row.onlineDossiers - row.servicesWithDossier {
					if !yield(mk(services[0], model.ChannelOnline)) {
						return
					}
				}
				for range row.directDossiers {
					if !yield(mk(services[len(services)-1], model.ChannelDirect)) {
						return
					}
				}
			})
			p := r.pool(offer.SortedIDs(r.Units), offer.ParentRule{})
			assert.Equal(t, indicator.Count{Num: row.partial + row.full, Den: row.authority}, p.Counts[indicator.M31])
			assert.Equal(t, [2]int64{row.partial, row.full}, [2]int64{p.PartialOnline, p.FullOnline})
			assert.Equal(t, indicator.Count{Num: row.servicesWithDossier, Den: row.services}, p.Counts[indicator.M32])
			assert.Equal(t, indicator.Count{Num: row.onlineDossiers, Den: row.dossiers}, p.Counts[indicator.M33])
			assert.Equal(t, row.dossiers, r.Ledger.Read)
			res, err := indicator.Portal().Score(p)
			require.NoError(t, err)
			got := res.Group(indicator.G3a).Score
			assert.True(t, got.Equal(row.published), "score %s, published %s", got, row.published)
		})
	}
}
