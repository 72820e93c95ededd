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
	o.Edition.Policy.Payment.PaidOnlineCodes = indicator.Codes(1)
	b := mustScorer(t, testInputs(), o)

	rec, err := Reconcile(a, b, slices.Values(testDossiers()), 10)
	require.NoError(t, err)
	assert.True(t, rec.PetitionsCompared)
	assert.True(t, rec.ProceduresCompared)
	assert.Equal(t, int64(12+2+1), rec.Records, "12 dossiers, 2 petitions, 1 procedure at 1 issuing unit")
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
	// Same records, different scores: with no petitions the document shares 5.2's 6 points between 5.1
	// and 5.3 (maxima 9 and 9): H44.01's 5.1 → 9, 5.3 3/4 → min(9, 9·0.75/0.9) = 7.50; group 5 = 16.50
	// instead of 17, total 79.50 instead of 80.00.
	ua, _ = rec.A.Unit("H44.01")
	ub, _ = rec.B.Unit("H44.01")
	assert.Equal(t, "80.00", ua.Pooled.Total.StringFixed(2))
	assert.Equal(t, "16.50", ub.Pooled.Group(indicator.G5).Score.StringFixed(2))
	assert.Equal(t, "79.50", ub.Pooled.Total.StringFixed(2))
}

// TestReconcileKinds: a province policy that also gives 10 working days to publish (1.2) and 20 to
// start handling a petition (5.1, 5.2) changes procedure P5 (published on working day 7 after its
// decision: late under 5, on time under 10) and petition PK-2 (open on working day 20 at the end of
// August: overdue under 15, within the deadline under 20).
func TestReconcileKinds(t *testing.T) {
	a := mustScorer(t, testInputs(), testOptions())
	o := testOptions()
	o.Edition.Name = "province-policy"
	o.Edition.Policy.Publication.PublishWithinDays.Province = 10
	o.Edition.Policy.Satisfaction.PetitionDeadlines.Start = 20
	b := mustScorer(t, testInputs(), o)
	rec, err := Reconcile(a, b, slices.Values(testDossiers()), 10)
	require.NoError(t, err)
	got := map[string][]string{}
	for _, d := range rec.Differences {
		got[d.Kind.String()+" "+d.Code] = append(got[d.Kind.String()+" "+d.Code], d.Metric.String()+": "+string(d.A.Reason)+" → "+string(d.B.Reason))
	}
	assert.Equal(t, map[string][]string{
		"procedure P5": {"1.2: publication.published_late → publication.published_on_time"},
		"petition PK-2": {
			"5.1: " + string(findDiff(rec, "PK-2", indicator.M51).A.Reason) + " → " + string(findDiff(rec, "PK-2", indicator.M51).B.Reason),
			"5.2: " + string(findDiff(rec, "PK-2", indicator.M52).A.Reason) + " → " + string(findDiff(rec, "PK-2", indicator.M52).B.Reason),
		},
	}, got)
	d := findDiff(rec, "PK-2", indicator.M51)
	assert.False(t, d.A.InNumerator, "overdue under 15 working days")
	assert.True(t, d.B.InNumerator, "within 20 working days")
	assert.Equal(t, int64(2), rec.Differing)
	u, _ := rec.B.Unit("H44")
	assert.Equal(t, "4.00", u.Pooled.Metric(indicator.M12).Score.StringFixed(2))
}

func findDiff(rec *Reconciliation, code string, id indicator.ID) RecordDiff {
	for _, d := range rec.Differences {
		if d.Code == code && d.Metric == id {
			return d
		}
	}
	return RecordDiff{}
}

// TestReconcileLimit keeps the smallest codes, whatever the order of the stream.
func TestReconcileLimit(t *testing.T) {
	a := mustScorer(t, testInputs(), testOptions())
	o := testOptions()
	o.Edition.Policy.Payment.PaidOnlineCodes = indicator.Codes(2) // every code-1 dossier now differs
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
	assert.ErrorIs(t, err, indicator.ErrOption)
}
