package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// pgEnv names the variable holding the DSN of a PostgreSQL server the tests may create schemas in
// (pgtest.sh and .ci/run set it).
const pgEnv = "CHISO_PG_DSN"

var (
	provinceOnce sync.Once
	province     *sample.Province
	provinceErr  error
)

// theSample is the sample province of examples/scorecard's built-in run.
func theSample(t testing.TB) *sample.Province {
	t.Helper()
	provinceOnce.Do(func() {
		province, provinceErr = sample.Generate(sample.Options{Seed: sampleSeed, Year: sampleYear})
	})
	require.NoError(t, provinceErr)
	return province
}

func cardJSON(t testing.TB, card *scorecard.Card) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, writeJSON(&b, card))
	return b.Bytes()
}

var (
	csvOnce sync.Once
	csvCard []byte
)

// csvPathCard is the card of the sample read back from csvio files (dossiers, steps, units, procedures,
// offerings, petitions, ratings), steps attached by code — the CSV path the SQL path must equal.
func csvPathCard(t *testing.T) []byte {
	t.Helper()
	csvOnce.Do(func() {
		p := theSample(t)
		dir := t.TempDir()
		write := func(name string, fn func(*os.File) error) string {
			path := filepath.Join(dir, name)
			f, err := os.Create(path)
			require.NoError(t, err)
			require.NoError(t, fn(f))
			require.NoError(t, f.Close())
			return path
		}
		dPath := write("dossiers.csv", func(f *os.File) error {
			w := csvio.NewDossierWriter(f)
			for d := range p.Dossiers() {
				if err := w.Write(&d); err != nil {
					return err
				}
			}
			return w.Flush()
		})
		sPath := write("steps.csv", func(f *os.File) error {
			w := csvio.NewStepWriter(f)
			for d := range p.Dossiers() {
				for i := range d.Steps {
					if err := w.Write(&d.Steps[i]); err != nil {
						return err
					}
				}
			}
			return w.Flush()
		})
		read := func(path string) *os.File {
			f, err := os.Open(path)
			require.NoError(t, err)
			t.Cleanup(func() { f.Close() })
			return f
		}
		var in scorecard.Inputs
		var err error
		roundTrip := func(write func(*bytes.Buffer) error, decode func(*bytes.Buffer) error) {
			var b bytes.Buffer
			require.NoError(t, write(&b))
			require.NoError(t, decode(&b))
		}
		roundTrip(writeWith(p.Units, csvio.NewUnitWriter),
			func(b *bytes.Buffer) error { in.Units, err = collect(csvio.DecodeUnits(b)); return err })
		roundTrip(writeWith(p.Procedures, csvio.NewProcedureWriter),
			func(b *bytes.Buffer) error { in.Procedures, err = collect(csvio.DecodeProcedures(b)); return err })
		roundTrip(writeWith(p.Offerings, csvio.NewOfferingWriter),
			func(b *bytes.Buffer) error { in.Offerings, err = collect(csvio.DecodeOfferings(b)); return err })
		roundTrip(writeWith(p.Petitions, csvio.NewPetitionWriter),
			func(b *bytes.Buffer) error { in.Petitions, err = collect(csvio.DecodePetitions(b)); return err })
		roundTrip(writeWith(p.Ratings, csvio.NewRatingWriter),
			func(b *bytes.Buffer) error { in.Ratings, err = collect(csvio.DecodeRatings(b)); return err })
		for _, cc := range p.CertifiedCopies {
			in.Communes = append(in.Communes, digitisation.CommuneCopy{UnitID: cc.UnitID, Offers: cc.Electronic})
		}
		steps := map[string][]model.Step{}
		for s, err := range csvio.DecodeSteps(read(sPath)) {
			require.NoError(t, err)
			steps[s.DossierCode] = append(steps[s.DossierCode], s)
		}
		src := &dossierSource{seq: func(yield func(model.Dossier, error) bool) {
			for d, err := range csvio.DecodeDossiers(read(dPath)) {
				d.Steps = steps[d.Code]
				if !yield(d, err) {
					return
				}
			}
		}}
		period := model.Year(sampleYear)
		s, err := scorecard.New(in, scorecard.Options{Period: period, AsOf: p.AsOf, Calendar: p.Calendar, Edition: indicator.Portal()})
		require.NoError(t, err)
		card, err := s.RunParallel(src.all(), 2)
		require.NoError(t, err)
		require.NoError(t, src.err)
		csvCard = cardJSON(t, card)
	})
	require.NotEmpty(t, csvCard)
	return csvCard
}

// TestSQLiteEqualsCLI: with no DSN the command writes the sample into an embedded SQLite file and scores it;
// its JSON card equals the CLI's built-in card and the CSV path's card, byte for byte.
func TestSQLiteEqualsCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs examples/scorecard")
	}
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-format", "json"}, &out, &errb), errb.String())
	cmd := exec.Command("go", "run", "github.com/vn-dvc/chiso766/examples/scorecard", "-format", "json")
	cmd.Stderr = os.Stderr
	cli, err := cmd.Output()
	require.NoError(t, err)
	require.True(t, bytes.Equal(cli, out.Bytes()), "sqlscore's card differs from examples/scorecard's built-in card")
	require.True(t, bytes.Equal(csvPathCard(t), out.Bytes()), "sqlscore's card differs from the CSV path's card")
}

// TestPostgres loads the sample province into a real PostgreSQL server (a fresh schema of the database
// named by CHISO_PG_DSN) in the worked-example schema, creates the views of docs/sql.md and checks that the
// card read through them equals the CSV path's card byte for byte.
func TestPostgres(t *testing.T) {
	db := postgres(t)
	ctx := context.Background()
	require.NoError(t, createSchema(ctx, db, dialectPG))
	require.NoError(t, loadSample(ctx, db, dialectPG, theSample(t)))
	period := model.Year(sampleYear)
	card, err := score(ctx, db, dialectPG, period, period.EndTime(), indicator.Portal(), 2, false)
	require.NoError(t, err)
	require.True(t, bytes.Equal(csvPathCard(t), cardJSON(t, card)), "the PostgreSQL card differs from the CSV path's card")
}

// postgres opens the server of CHISO_PG_DSN in a new schema dropped at the end; it skips the test when the
// variable is unset.
func postgres(t testing.TB) *sql.DB {
	t.Helper()
	dsn := os.Getenv(pgEnv)
	if dsn == "" {
		t.Skipf("%s is not set: no PostgreSQL server to test against (run ./pgtest.sh go test ./... to start one)", pgEnv)
	}
	admin, err := sql.Open(dialectPG, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })
	schemaName := fmt.Sprintf("chiso_test_%d", time.Now().UnixNano())
	_, err = admin.Exec("CREATE SCHEMA " + schemaName)
	require.NoError(t, err)
	t.Cleanup(func() { _, _ = admin.Exec("DROP SCHEMA " + schemaName + " CASCADE") })
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	db, err := sql.Open(dialectPG, dsn+sep+"search_path="+schemaName)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// TestDocsShowViews: docs/sql.md shows the views this example creates, verbatim.
func TestDocsShowViews(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "sql.md"))
	require.NoError(t, err)
	for _, s := range statements(viewsSQL) {
		assert.Contains(t, string(doc), s)
	}
}

func TestFlags(t *testing.T) {
	for _, args := range [][]string{{"-driver", "oracle"}, {"-format", "xml"}, {"-edition", "x"}, {"-period", "x"},
		{"-asof", "x"}, {"-driver", "pgx"}, {"-workers", "0"}, {"extra"}, {"-nope"}} {
		var out, errb bytes.Buffer
		assert.Equal(t, 1, run(args, &out, &errb), "%v", args)
	}
	var out, errb bytes.Buffer
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errb))
}
