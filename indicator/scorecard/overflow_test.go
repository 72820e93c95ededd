package scorecard

import (
	"errors"
	"slices"
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
)

// TestPreviousTalliesOverflow (issue 14): a saved previous-period tally whose 2.2 denominator is 2^57
// made the scorecard panic ("decimal division by 0" in 2.2's average); it is now refused as an invalid
// option matching indicator.ErrOverflow, and 2^50 (within indicator.MaxCount) scores with the right
// average.
func TestPreviousTalliesOverflow(t *testing.T) {
	tests := []struct {
		name    string
		den     int64
		seconds int64
		wantErr bool
	}{
		{"2^57 finished dossiers", 1 << 57, 1, true},
		{"2^50 finished dossiers", 1 << 50, 1 << 62, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var prev indicator.Tally
			prev.Counts[indicator.M22].Den = tc.den
			prev.ProcessingSeconds = tc.seconds
			o := testOptions()
			o.PreviousTallies = map[string]indicator.Tally{"H44.01": prev}
			s, err := New(testInputs(), o)
			if err == nil {
				var c *Card
				c, err = s.Run(slices.Values(testDossiers()))
				if err == nil && !tc.wantErr {
					u, ok := c.Unit("H44.01")
					if !ok || u.Change == nil {
						t.Fatal("no change against the previous period")
					}
					return
				}
			}
			if !tc.wantErr {
				t.Fatalf("refused: %v", err)
			}
			if !errors.Is(err, indicator.ErrOverflow) {
				t.Fatalf("err = %v, want ErrOverflow", err)
			}
		})
	}
}
