package scorecard

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
)

// canonical is a Card without its internal ordering artefacts: ledgers as sorted entries.
type canonical struct {
	Units        []UnitCard
	Tallies      map[string]indicator.Tally
	Ledgers      map[string][2][]indicator.LedgerEntry
	Reads        map[string][3]int64
	Unattributed []string
	Dossiers     int64
}

func canon(c *Card) canonical {
	k := canonical{Units: c.Units, Tallies: c.Tallies(), Unattributed: c.Unattributed, Dossiers: c.Dossiers,
		Ledgers: map[string][2][]indicator.LedgerEntry{}, Reads: map[string][3]int64{}}
	for _, l := range c.Ledgers {
		k.Ledgers[l.Calculator] = [2][]indicator.LedgerEntry{l.Records.Entries(), l.Catalogue.Entries()}
		k.Reads[l.Calculator] = [3]int64{l.Records.Read, l.Records.Counted, l.Records.Excluded}
	}
	return k
}

// TestParallelIdentical: sequential Run, RunParallel with 1–4 workers, and hand-made splits merged in
// either order all give the same card, down to the example codes.
func TestParallelIdentical(t *testing.T) {
	in := genInputs()
	s := mustScorer(t, in, testOptionsGen())
	n := 6000
	if testing.Short() {
		n = 2000
	}
	pool := genPoolOf(n, in.Units)
	seq, err := s.Run(slices.Values(pool))
	require.NoError(t, err)
	want := canon(seq)
	require.Equal(t, int64(n), seq.Dossiers)
	wantJSON, err := json.Marshal(seq)
	require.NoError(t, err)
	for workers := 1; workers <= 4; workers++ {
		par, err := s.RunParallel(slices.Values(pool), workers)
		require.NoError(t, err)
		if !reflect.DeepEqual(want, canon(par)) {
			t.Fatalf("workers=%d: parallel card differs from the sequential one", workers)
		}
		gotJSON, err := json.Marshal(par)
		require.NoError(t, err)
		if !bytes.Equal(wantJSON, gotJSON) {
			t.Fatalf("workers=%d: the JSON of the parallel card differs from the sequential one", workers)
		}
	}
	for _, split := range []int{0, 1, n / 3, n - 1, n} {
		a, b := s.NewPartial(), s.NewPartial()
		for i := range pool {
			if i < split {
				a.AddDossier(&pool[i])
			} else {
				b.AddDossier(&pool[i])
			}
		}
		ab, ba := s.NewPartial(), s.NewPartial()
		require.NoError(t, ab.Merge(a))
		require.NoError(t, ab.Merge(b))
		require.NoError(t, ba.Merge(b))
		require.NoError(t, ba.Merge(a))
		for _, m := range []*Partial{ab, ba} {
			c, err := s.Finish(m)
			require.NoError(t, err)
			if !reflect.DeepEqual(want, canon(c)) {
				t.Fatalf("split %d: merged card differs", split)
			}
		}
	}
	// Ledgers reconcile and the explanations add up on a varied stream.
	for _, l := range seq.Ledgers {
		assert.Equal(t, l.Records.Read, l.Records.Counted+l.Records.Excluded, l.Calculator)
	}
	for _, u := range seq.Units {
		for _, e := range u.Explanations {
			var sum int64
			for _, r := range e.Reasons {
				sum += r.Count
				assert.True(t, slices.IsSorted(r.Examples))
			}
			assert.Equal(t, max(e.Den-e.Num, 0), sum, "%s %s", u.Unit.ID, e.Metric)
		}
	}
}

func TestFinishForeignPartial(t *testing.T) {
	s := mustScorer(t, testInputs(), testOptions())
	s2 := mustScorer(t, testInputs(), testOptions())
	_, err := s.Finish(s2.NewPartial())
	assert.ErrorIs(t, err, indicator.ErrOption)
	p, q := s.NewPartial(), s2.NewPartial()
	ds := testDossiers()
	q.AddDossiers(ds)
	assert.ErrorIs(t, p.Merge(q), indicator.ErrOption)
	assert.Equal(t, int64(0), p.Dossiers(), "unchanged")
	assert.NoError(t, p.Merge(nil))
	assert.NoError(t, p.Merge(p))
	_, err = s.Finish(nil)
	assert.ErrorIs(t, err, indicator.ErrOption)
}
