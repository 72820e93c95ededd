package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden cards under testdata/golden")

// TestGoldenCards pins the JSON card of the built-in sample province, byte for byte, for the year, a
// quarter and a month in both editions. The goldens were written by the code before the renovation of the
// calculators and the scorecard (issue 12) and must not change when the code is only restructured; a rule
// change updates them with -update and says so in its commit.
func TestGoldenCards(t *testing.T) {
	for _, tc := range []struct{ period, edition string }{
		{"2026", "portal"}, {"2026-Q3", "portal"}, {"2026-08", "portal"}, {"2026", "document"},
	} {
		t.Run(tc.period+"-"+tc.edition, func(t *testing.T) {
			out, errs, code := runCLI(t, "-period", tc.period, "-edition", tc.edition, "-format", "json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			name := filepath.Join("testdata", "golden", "card-"+tc.period+"-"+tc.edition+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(name, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal([]byte(out), want) {
				t.Errorf("card differs from %s (%d bytes, want %d); run with -update only for a rule change", name, len(out), len(want))
			}
		})
	}
}
