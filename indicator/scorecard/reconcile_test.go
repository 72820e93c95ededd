package scorecard

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
)

// TestReconcile runs the portal edition against a province policy that counts only payments on the
// portal (code 1) as online: dossier H44.03-260803-0001, paid through the province gateway (code 2), is
// the only record whose verdict differs, for 3.6 only, with both reasons.
func TestReconcile(t *testing.T) {
	a := mustScorer(t, testInputs(), testOptions())
	o := testOptions()
	o.Edition = indicator.Portal()
	o.Edition.Name = "province-policy"
	o.Edition.Policy.PaidOnlineCodes = indicator.Codes(1)
	b := mustScorer(t, testInputs(), o)

	rec, err := Reconcile(a, b, slices.Values(testDossiers()), 10)
	require.NoError(t, err)
	assert.Equal(t, int64(12), rec.Records)
	assert.Equal(t, int64(1), rec.Differing)
	assert.Equal(t, int64(1), rec.Pairs)
	assert.Equal(t, int64(1), rec.ByMetric[indicator.M36])
	require.Len(t, rec.Differences, 1)
	d := rec.Differences[0]
	assert.Equal(t, "H44.03-260803-0001", d.Code)
	assert.Equal(t, "H44.03", d.Unit)
	assert.Equal(t, indicator.M36, d.Metric)
	assert.Equal(t, indicator.Reason("payment.paid_online"), d.A.Reason)
	assert.Equal(t, indicator.Reason("payment.not_paid_online"), d.B.Reason)
	assert.True(t, d.A.InNumerator)
	assert.False(t, d.B.InNumerator)

	ua, _ := rec.A.Unit("H44.03")
	ub, _ := rec.B.Unit("H44.03")
	assert.Equal(t, "3.00", ua.Pooled.Metric(indicator.M36).Score.StringFixed(2))
	assert.Equal(t, "1.50", ub.Pooled.Metric(indicator.M36).Score.StringFixed(2), "1/4 → 25 % of 6")
	assert.Equal(t, "province-policy", rec.EditionB)

	// The portal against the formula document: the record policies are the same, so no record differs;
	// the scores differ only by the scoring rules (e.g. 4.2, 5.2 sharing).
	d2 := mustScorer(t, testInputs(), Options{Period: o.Period, AsOf: o.AsOf, Calendar: o.Calendar, Edition: indicator.Document()})
	rec, err = Reconcile(a, d2, slices.Values(testDossiers()), 10)
	require.NoError(t, err)
	assert.Equal(t, int64(0), rec.Differing)
	assert.Empty(t, rec.Differences)
}

// TestReconcileLimit keeps the smallest codes, whatever the order of the stream.
func TestReconcileLimit(t *testing.T) {
	a := mustScorer(t, testInputs(), testOptions())
	o := testOptions()
	o.Edition.Policy.PaidOnlineCodes = indicator.Codes(2) // every code-1 dossier now differs
	b := mustScorer(t, testInputs(), o)
	ds := testDossiers()
	slices.Reverse(ds)
	rec, err := Reconcile(a, b, slices.Values(ds), 2)
	require.NoError(t, err)
	assert.Equal(t, int64(9), rec.Differing, "the 8 code-1 dossiers of H44.01/02 and the one of H44.03")
	require.Len(t, rec.Differences, 2)
	assert.Equal(t, "H44.01-260803-0001", rec.Differences[0].Code)
	assert.Equal(t, "H44.01-260803-0002", rec.Differences[1].Code)

	rec, err = Reconcile(a, b, slices.Values(ds), 0)
	require.NoError(t, err)
	assert.Empty(t, rec.Differences)
	assert.Equal(t, int64(9), rec.Differing)

	_, err = Reconcile(nil, b, nil, 1)
	assert.ErrorIs(t, err, ErrOption)
}
