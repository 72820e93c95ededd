package payment

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

// fixtureUnit is one sub-unit row of the portal's published 3b evaluation (testdata/README.md).
type fixtureUnit struct {
	code                string
	aNum, aDen, b, c, n int64
	published           decimal.Decimal
	line                int
}

func readFixture(t *testing.T) []fixtureUnit {
	t.Helper()
	f, err := os.Open("testdata/portal-phutho-2026-08-3b-payment.csv")
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
	var out []fixtureUnit
	for i, row := range rows[1:] {
		if row[col["scope"]] != "all" || row[col["level"]] == "parent" {
			continue
		}
		out = append(out, fixtureUnit{
			code:      row[col["unit_code"]],
			aNum:      num(row, "totalDossierOnlinePaymentSuccess"),
			aDen:      num(row, "totalDossierFinancialObligation"),
			b:         num(row, "totalDossierOnlineFormalityPaymentSuccess"),
			c:         num(row, "totalFeeDossierFormality"),
			n:         num(row, "totalFeeFormality"),
			published: decimal.RequireFromString(row[col["score"]]),
			line:      i + 2,
		})
	}
	return out
}

// synthesise returns catalogue entries and a dossier generator that yield exactly the unit's published
// counts, plus two dossiers that must be excluded (zero fee lines; received before the period).
func (u fixtureUnit) synthesise() (procs []model.Procedure, offs []model.Offering, gen func(yield func(model.Dossier) bool) bool, err error) {
	anchors := max(u.b, u.c)
	extraPaid := u.aNum - u.b
	extraUnpaid := (u.aDen - u.aNum) - (anchors - u.b)
	if extraPaid < 0 || extraUnpaid < 0 || anchors > u.n {
		return nil, nil, nil, fmt.Errorf("unit %s: counts cannot be synthesised", u.code)
	}
	pcode := func(j int64) string { return fmt.Sprintf("%s/P%d", u.code, j) }
	for j := int64(0); j < u.n; j++ {
		procs = append(procs, procedure(pcode(j), 10000))
		offs = append(offs, offering(u.code, pcode(j)))
	}
	seq := 0
	mk := func(proc string, pay bool, feeData bool) model.Dossier {
		seq++
		d := dossier(fmt.Sprintf("%s-260810-%05d", u.code, seq), u.code, proc, fees())
		if feeData {
			d.Fees = []model.Fee{{Code: "LP", Amount: 10000}}
		}
		if pay {
			d.OnlinePayment = model.NewOnlinePayment(model.PaymentPortal)
		}
		return d
	}
	gen = func(yield func(model.Dossier) bool) bool {
		for j := int64(0); j < anchors; j++ {
			if !yield(mk(pcode(j), j < u.b, j < u.c)) {
				return false
			}
		}
		paidAt := "X"
		if u.b > 0 {
			paidAt = pcode(0)
		}
		for i := int64(0); i < extraPaid; i++ {
			if !yield(mk(paidAt, true, false)) {
				return false
			}
		}
		for i := int64(0); i < extraUnpaid; i++ {
			if !yield(mk("X", false, false)) {
				return false
			}
		}
		zero := mk("X", true, false)
		zero.Fees = []model.Fee{{Amount: 0}}
		early := mk("X", true, true)
		early.ReceivedAt = at(2026, time.July, 31, 16, 59)
		return yield(zero) && yield(early)
	}
	return procs, offs, gen, nil
}

// TestFixtureUnits: for every sub-unit row of the Phú Thọ 8/2026 fixtures, records synthesised to the
// published counts go through Classify/Accumulator and the tally, scored by the portal edition, gives the
// published group-3b score to the cent.
func TestFixtureUnits(t *testing.T) {
	units := readFixture(t)
	require.Len(t, units, 163)
	opts := Options{Period: aug2026, AsOf: asOf, Policy: indicator.Portal().Policy.Payment, Reception: indicator.Portal().Policy.Reception,
		Procedures: []model.Procedure{procedure("X", 10000)}}
	var gens []func(func(model.Dossier) bool) bool
	for _, u := range units {
		p, o, g, err := u.synthesise()
		require.NoError(t, err, "line %d", u.line)
		opts.Procedures = append(opts.Procedures, p...)
		opts.Offerings = append(opts.Offerings, o...)
		gens = append(gens, g)
	}
	c, err := New(opts)
	require.NoError(t, err)
	r := c.Run(func(yield func(model.Dossier) bool) {
		for _, g := range gens {
			if !g(yield) {
				return
			}
		}
	})
	ed := indicator.Portal()
	var wantRead int64
	for _, u := range units {
		wantRead += u.aDen + 2
		tl, ok := r.Units[u.code]
		require.True(t, ok, u.code)
		assert.Equal(t, indicator.Count{Num: u.aNum, Den: u.aDen}, tl.Counts[indicator.M36], "%s 3.6", u.code)
		assert.Equal(t, indicator.Count{Num: u.b, Den: u.n}, tl.Counts[indicator.M34], "%s 3.4", u.code)
		assert.Equal(t, indicator.Count{Num: u.c, Den: u.n}, tl.Counts[indicator.M35], "%s 3.5", u.code)
		res, err := ed.Score(tl)
		require.NoError(t, err, u.code)
		got := res.Group(indicator.G3b).Score
		assert.True(t, got.Equal(u.published), "line %d %s: score %s, published %s", u.line, u.code, got, u.published)
	}
	assert.Equal(t, wantRead, r.Ledger.Read)
	assert.Equal(t, r.Ledger.Read, r.Ledger.Counted+r.Ledger.Excluded)
	assert.Equal(t, int64(len(units)), r.Ledger.Entry(ReasonZeroFeeLines).Excluded)
	assert.Equal(t, int64(len(units)), r.Ledger.Entry(ReasonOutsidePeriod).Excluded)
}
