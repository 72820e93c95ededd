package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTalliesCountLimits: 2.2's average once multiplied its denominator by 86 400 in int64: at 2^57 it
// wrapped to 0 and panicked, at 2^50 with the largest seconds it printed 1.83 days instead of 0.09. A count
// above indicator.MaxCount (2^53) is now refused by -tallies with an error naming the metric (exit 1, no
// panic); 2^50 is scored exactly.
func TestTalliesCountLimits(t *testing.T) {
	for _, tc := range []struct {
		name, den, secs, want string
		ok                    bool
	}{
		{"2^57", "144115188075855872", "0", "", false},
		{"2^50", "1125899906842624", "9223372036854775807", `"avgProcessingDays": "0.09"`, true},
		{"plausible", "1000", "819072", `"avgProcessingDays": "0.01"`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := `{"edition":"portal","period":"2026-08","units":[{"id":"H44","name":"P","kind":"province",` +
				`"counts":{"2.2":{"num":0,"den":` + tc.den + `}},"extra":{"processingSeconds":` + tc.secs + `}}]}`
			name := filepath.Join(t.TempDir(), "tallies.json")
			if err := os.WriteFile(name, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			out, errs, code := runCLI(t, "-tallies", name, "-format", "json")
			if tc.ok {
				if code != 0 || !strings.Contains(out, tc.want) {
					t.Fatalf("exit %d, stderr %q, out %.300s", code, errs, out)
				}
				return
			}
			if code != 1 || !strings.Contains(errs, "2.2") {
				t.Fatalf("exit %d, stderr %q: want exit 1 naming 2.2", code, errs)
			}
		})
	}
}
