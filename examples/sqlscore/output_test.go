package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSQLiteOutputsEqualCLI: the sample province scored from SQLite prints, for every output the CLI offers
// (the table in Vietnamese and English, CSV with and without -bom, -unit, -what-if, JSON with a plan), the
// same bytes as `go run github.com/vn-dvc/chiso766/examples/scorecard` with the same flags: both render
// through package examples/internal/report. The database is created once (as the no-DSN run does) and read
// through -dsn; TestSQLiteEqualsCLI covers the no-DSN run itself.
func TestSQLiteOutputsEqualCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs examples/scorecard")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "sample.db")
	require.NoError(t, createSample(context.Background(), db, 0))
	cli := filepath.Join(dir, "scorecard")
	build := exec.Command("go", "build", "-o", cli, "github.com/vn-dvc/chiso766/examples/scorecard")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	for _, args := range [][]string{
		{"-format", "table"},
		{"-format", "table", "-lang", "en"},
		{"-format", "csv"},
		{"-format", "csv", "-lang", "en", "-bom"},
		{"-what-if", "2.5"},
		{"-unit", "H99.101", "-what-if", "3", "-lang", "en"},
		{"-format", "csv", "-unit", "H99.02", "-what-if", "2.5"},
		{"-format", "json", "-unit", "H99.05", "-what-if", "1"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(cli, args...)
			var cliErr bytes.Buffer
			cmd.Stderr = &cliErr
			want, err := cmd.Output()
			require.NoError(t, err, cliErr.String())
			var out, errb bytes.Buffer
			require.Equal(t, 0, run(append([]string{"-dsn", db}, args...), &out, &errb), errb.String())
			require.NotEmpty(t, want)
			if !bytes.Equal(want, out.Bytes()) {
				t.Errorf("sqlscore %v differs from examples/scorecard %v:\n--- scorecard\n%s\n--- sqlscore\n%s",
					args, args, want, out.Bytes())
			}
		})
	}
}

// TestOutputFlags: the output flags are checked as the CLI checks them, before or after scoring, with the
// CLI's messages (prefixed "sqlscore:"), exit 1 and nothing on stdout.
func TestOutputFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-lang", "fr"}, `sqlscore: -lang: unknown language "fr" (vi or en)` + "\n"},
		{[]string{"-format", "xml"}, `sqlscore: -format: unknown format "xml" (table, json or csv)` + "\n"},
		{[]string{"-what-if", "NaN"}, `sqlscore: -what-if: "NaN" is not a decimal number of points (NaN and Inf are not numbers)` + "\n"},
		{[]string{"-what-if", ""}, "sqlscore: -what-if: empty value: want a number of points, e.g. 2.5\n"},
		{[]string{"-what-if", "1e9"}, "sqlscore: -what-if: 1e9 is above the maximum total of 100 points\n"},
		{[]string{"-sample-dossiers", "300", "-unit", "NOPE"}, `sqlscore: -unit: unknown unit "NOPE"` + "\n"},
		{[]string{"-sample-dossiers", "300", "-what-if", "100"}, "sqlscore: -what-if: target "},
	} {
		var out, errb bytes.Buffer
		assert.Equal(t, 1, run(tt.args, &out, &errb), "%v", tt.args)
		assert.True(t, strings.HasPrefix(errb.String(), tt.want), "%v: stderr %q, want %q", tt.args, errb.String(), tt.want)
		assert.Empty(t, out.String(), "%v", tt.args)
	}
}

// TestWriteError: a failing stdout is reported in every format (the table's fmt and tabwriter writes
// included), exit 1.
func TestWriteError(t *testing.T) {
	for _, format := range []string{"table", "json", "csv"} {
		var errb bytes.Buffer
		code := run([]string{"-sample-dossiers", "300", "-format", format}, failWriter{}, &errb)
		assert.Equal(t, 1, code, format)
		assert.Equal(t, "sqlscore: writing the output: disk full\n", errb.String(), format)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
