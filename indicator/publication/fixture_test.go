package publication

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

type transparencyUnit struct {
	code   string
	parent bool
	counts map[string]indicator.Count // by portal metric code
	group  decimal.Decimal
}

func readTransparency(t *testing.T) []*transparencyUnit {
	t.Helper()
	f, err := os.Open("testdata/portal-phutho-2026-08-1-transparency.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	num := func(s string) int64 {
		if s == "" {
			return 0
		}
		v, err := strconv.ParseInt(s, 10, 64)
		require.NoError(t, err)
		return v
	}
	var out []*transparencyUnit
	byCode := map[string]*transparencyUnit{}
	for _, row := range rows[1:] {
		if row[col["scope"]] != "all" {
			continue
		}
		code := row[col["unit_code"]]
		u := byCode[code]
		if u == nil {
			u = &transparencyUnit{code: code, parent: row[col["level"]] == "parent", counts: map[string]indicator.Count{}}
			byCode[code] = u
			out = append(out, u)
		}
		if m := row[col["metric"]]; m == "group" {
			u.group = decimal.RequireFromString(row[col["score"]])
		} else {
			u.counts[m] = indicator.Count{Num: num(row[col["numerator"]]), Den: num(row[col["denominator"]])}
		}
	}
	return out
}

// TestFixtureTransparency: the Phú Thọ 8/2026 group-1 rows (scope all). Records are synthesised with the
// published counts — 89 procedures published by the province before the period, 87 with all components
// (1.1 and 1.2 have no data in the period), and per unit the published numbers of synced and received
// dossiers. The calculator's counts must equal the published ones, and the portal edition must score every
// row to the published group score, once 1.1–1.3 are carried from the province to its sub-units (the
// indicator tree's job, done here by hand) and 1.4 is pooled for the province.
func TestFixtureTransparency(t *testing.T) {
	units := readTransparency(t)
	require.Len(t, units, 164)
	prov := units[0]
	require.True(t, prov.parent)
	m13 := prov.counts["PUBLIC_CONTENT_FULL"]
	var procs []model.Procedure
	for i := range m13.Den {
		p := proc(fmt.Sprintf("1.%06d", i), pub("QD-"+strconv.FormatInt(i, 10), decided(on(time.June, 1)), published(on(time.June, 3))))
		if i >= m13.Num {
			p.Publication[0].Components[3] = false // dossier composition missing
		}
		procs = append(procs, p)
	}
	// The province's own dossiers: the pooled row minus its sub-units.
	own := prov.counts["DOSSIER_SYNC"]
	for _, u := range units[1:] {
		own.Num -= u.counts["DOSSIER_SYNC"].Num
		own.Den -= u.counts["DOSSIER_SYNC"].Den
	}
	require.GreaterOrEqual(t, own.Num, int64(0))
	require.GreaterOrEqual(t, own.Den, own.Num)
	gen := func(yield func(model.Dossier) bool) {
		n := 0
		for _, u := range units {
			c := u.counts["DOSSIER_SYNC"]
			if u.parent {
				c = own
			}
			for i := range c.Den {
				n++
				d := dossier(fmt.Sprintf("%s-260810-%06d", u.code, n), u.code)
				if i >= c.Num {
					d.Sync = model.SyncInfo{}
				}
				if !yield(d) {
					return
				}
			}
		}
	}
	c := newCalc(t, func(o *Options) { o.Procedures = procs })
	r := c.Run(gen)
	ed := indicator.Portal()
	hp := r.Units["H44"]
	var pooled indicator.Tally
	for _, u := range units {
		tl := r.Units[u.code]
		if !u.parent {
			// 1.4 per unit as published.
			assert.Equal(t, u.counts["DOSSIER_SYNC"], tl.Counts[indicator.M14], u.code)
		}
		pooled.Counts[indicator.M14].Num += tl.Counts[indicator.M14].Num
		pooled.Counts[indicator.M14].Den += tl.Counts[indicator.M14].Den
		if u.parent {
			continue
		}
		for _, m := range []indicator.ID{indicator.M11, indicator.M12, indicator.M13} {
			tl.Counts[m] = hp.Counts[m] // the tree carries the province's value down
		}
		res, err := ed.Score(tl)
		require.NoError(t, err)
		got := res.Group(indicator.G1).Score
		assert.True(t, got.Equal(u.group), "%s: group 1 score %s, published %s", u.code, got, u.group)
	}
	for _, m := range []indicator.ID{indicator.M11, indicator.M12, indicator.M13} {
		pooled.Counts[m] = hp.Counts[m]
	}
	assert.Equal(t, prov.counts["PUBLISH_ON_TIME"], pooled.Counts[indicator.M11])
	assert.Equal(t, prov.counts["PUBLIC_UPDATE_ON_TIME"], pooled.Counts[indicator.M12])
	assert.Equal(t, prov.counts["PUBLIC_CONTENT_FULL"], pooled.Counts[indicator.M13])
	assert.Equal(t, prov.counts["DOSSIER_SYNC"], pooled.Counts[indicator.M14])
	res, err := ed.Score(pooled)
	require.NoError(t, err)
	assert.True(t, res.Group(indicator.G1).Score.Equal(prov.group), "province: %s, published %s", res.Group(indicator.G1).Score, prov.group)
	assert.Equal(t, int64(len(procs)), r.Ledger13.Read)
	assert.Equal(t, m13.Den, r.Ledger13.Counted)
	assert.Equal(t, int64(len(procs)), r.Ledger11.Entry(ReasonNoDecisionInPeriod).Excluded)
	assert.Equal(t, int64(len(procs)), r.Ledger12.Entry(ReasonPublishedOutsidePeriod).Excluded)
}
