package scorecard

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var updateGolden = flag.Bool("update-card", false, "rewrite testdata/e2e-card.golden.json")

// TestGoldenCard: the JSON card of the hand-worked province (TestEndToEnd) is kept under testdata/ so
// any change of score, rank, band, explanation or ledger shows up in review. Regenerate with
// go test ./indicator/scorecard -run TestGoldenCard -update-card, after checking TestEndToEnd.
func TestGoldenCard(t *testing.T) {
	c := mustRun(t, mustScorer(t, testInputs(), testOptions()), testDossiers())
	got, err := json.MarshalIndent(c, "", " ")
	require.NoError(t, err)
	got = append(got, '\n')
	path := filepath.Join("testdata", "e2e-card.golden.json")
	if *updateGolden {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	if !bytes.Equal(want, got) {
		t.Fatalf("card JSON differs from %s (run with -update-card after checking TestEndToEnd)", path)
	}
}
