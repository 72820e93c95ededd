package publication

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dedupe"
)

// TestDistinctCodes is decision 3 of issue 13 (docs/rules.md, 1.4): a code sent three times is one
// dossier, and its latest version decides. The contract: the records given to the calculator are
// deduplicated by model/dedupe (the scorecard's RunLatest does it); given the three records themselves,
// Run counts three.
func TestDistinctCodes(t *testing.T) {
	c := newCalc(t, nil)
	copies := []model.Dossier{
		dossier("U1-260810-0001", "U1", synced(on(time.August, 10), "-1")), // first sending rejected
		dossier("U1-260810-0001", "U1", synced(on(time.August, 12), "-1")),
		dossier("U1-260810-0001", "U1", synced(on(time.August, 14), "0")), // the latest version: accepted
		dossier("U1-260810-0002", "U1", synced(on(time.August, 11), "0")),
	}
	latest, idx := dedupe.Latest(slices.Values(copies), dedupe.Policy{})
	r := c.Run(latest)
	assert.Equal(t, indicator.Count{Num: 2, Den: 2}, r.Units["U1"].Counts[indicator.M14], "two distinct codes, both synced at their latest version")
	assert.Equal(t, [2]int64{2, 2}, [2]int64{idx.Distinct(), idx.Superseded()})

	// Input order decides when the versions carry no sending time: the last record wins.
	noTime := []model.Dossier{
		dossier("U1-260810-0003", "U1", synced(model.None(), "")),
		dossier("U1-260810-0003", "U1", synced(model.None(), "")),
		dossier("U1-260810-0003", "U1", synced(on(time.August, 11), "0")),
	}
	latest, _ = dedupe.Latest(slices.Values(noTime), dedupe.Policy{Version: dedupe.InputOrder})
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, c.Run(latest).Units["U1"].Counts[indicator.M14])

	// Without the stage every record counts: the documented contract, not a silent dedupe.
	assert.Equal(t, indicator.Count{Num: 2, Den: 4}, c.Run(slices.Values(copies)).Units["U1"].Counts[indicator.M14])
}
