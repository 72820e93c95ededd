package scorecard

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/portal"
)

// payloadOf encodes ds as a DongBoHoSoMC payload; the records at the indexes in bad get a bad date.
func payloadOf(t testing.TB, ds []model.Dossier, bad map[int]bool) []byte {
	var buf bytes.Buffer
	e := portal.NewEncoder(&buf, portal.Envelope{Service: "DongBoHoSoMC"})
	for i := range ds {
		require.NoError(t, e.WriteDossier(&ds[i]))
	}
	require.NoError(t, e.Close())
	if len(bad) == 0 {
		return buf.Bytes()
	}
	// Patch the n-th record's first NgayTiepNhan into a bad date.
	var out []byte
	rest := buf.Bytes()
	for i := 0; ; i++ {
		k := bytes.Index(rest, []byte(`"MaHoSo"`))
		if k < 0 {
			return append(out, rest...)
		}
		k2 := k + 1 + bytes.Index(rest[k+1:], []byte(`"MaHoSo"`))
		if k2 == k { // last record
			k2 = len(rest)
		}
		rec := rest[:k2]
		if bad[i] {
			rec = bytes.Replace(rec, []byte(`"NgayNopHoSo":"`), []byte(`"NgayNopHoSo":"x`), 1)
		}
		out = append(out, rec...)
		rest = rest[k2:]
	}
}

// TestRunChunksEqualsRun: decoding and scoring a payload's chunks on 1–3 workers gives the card of the
// sequential decode + Run over the same good records, byte for byte; per-record errors reach OnError in
// record order with their global index, and OnError false stops at the first one.
func TestRunChunksEqualsRun(t *testing.T) {
	in := genInputs()
	s := mustScorer(t, in, testOptionsGen())
	n := 4000
	if testing.Short() {
		n = 1500
	}
	bad := map[int]bool{3: true, 777: true, 1200: true, n - 1: true}
	data := payloadOf(t, genPoolOf(n, in.Units), bad)

	var good []model.Dossier
	var wantErrs []int
	for d, err := range portal.DecodeDossiers(bytes.NewReader(data)) {
		if err != nil {
			var re *portal.RecordError
			require.True(t, errors.As(err, &re))
			require.False(t, re.Terminal, "%v", err)
			wantErrs = append(wantErrs, re.Index)
			continue
		}
		good = append(good, d)
	}
	require.Len(t, wantErrs, len(bad))
	seq, err := s.Run(slices.Values(good))
	require.NoError(t, err)
	wantJSON, err := json.Marshal(seq)
	require.NoError(t, err)

	for workers := 1; workers <= 3; workers++ {
		var gotErrs []int
		card, err := RunChunks(s, portal.SplitDossiers(bytes.NewReader(data)), DecodeOptions{Workers: workers,
			OnError: func(err error) bool {
				var re *portal.RecordError
				require.True(t, errors.As(err, &re))
				gotErrs = append(gotErrs, re.Index)
				return true
			}})
		require.NoError(t, err)
		require.Equal(t, wantErrs, gotErrs, "workers=%d", workers)
		if !reflect.DeepEqual(canon(seq), canon(card)) {
			t.Fatalf("workers=%d: card differs from the sequential one", workers)
		}
		gotJSON, err := json.Marshal(card)
		require.NoError(t, err)
		require.True(t, bytes.Equal(wantJSON, gotJSON), "workers=%d: JSON differs", workers)

		_, err = RunChunks(s, portal.SplitDossiers(bytes.NewReader(data)), DecodeOptions{Workers: workers})
		var re *portal.RecordError
		require.True(t, errors.As(err, &re), "%v", err)
		require.Equal(t, wantErrs[0], re.Index, "stop mode returns the first error")
	}
}

// TestRunChunksKeepAndTerminal: Keep sees every good record's global index once and can leave records
// out; a syntax error in the middle of the payload ends the run with a terminal error, whatever the
// worker count.
func TestRunChunksKeepAndTerminal(t *testing.T) {
	in := genInputs()
	s := mustScorer(t, in, testOptionsGen())
	pool := genPoolOf(2000, in.Units)
	data := payloadOf(t, pool, nil)

	even, err := s.Run(func(yield func(model.Dossier) bool) {
		i := 0
		for d, err := range portal.DecodeDossiers(bytes.NewReader(data)) {
			require.NoError(t, err)
			if i%2 == 0 && !yield(d) {
				return
			}
			i++
		}
	})
	require.NoError(t, err)
	for workers := 1; workers <= 2; workers++ {
		card, err := RunChunks(s, portal.SplitDossiers(bytes.NewReader(data)), DecodeOptions{Workers: workers,
			Keep: func(index int, d *model.Dossier) bool { return index%2 == 0 }})
		require.NoError(t, err)
		require.Equal(t, canon(even), canon(card))
	}

	// The 1500th record loses the ':' after its MaHoSo key.
	k := 0
	for range 1500 {
		k += bytes.Index(data[k:], []byte(`"MaHoSo":`)) + 1
	}
	broken := slices.Concat(data[:k+len(`"MaHoSo"`)-1], data[k+len(`"MaHoSo":`)-1:])
	for workers := 1; workers <= 3; workers++ {
		_, err := RunChunks(s, portal.SplitDossiers(bytes.NewReader(broken)), DecodeOptions{Workers: workers,
			OnError: func(error) bool { return true }})
		require.True(t, portal.IsTerminal(err), "%v", err)
		require.ErrorIs(t, err, portal.ErrSyntax)
		var re *portal.RecordError
		require.ErrorAs(t, err, &re)
		require.Equal(t, 1499, re.Index)
	}
}
