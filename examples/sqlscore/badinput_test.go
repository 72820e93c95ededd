package main

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/portal"
	"github.com/vn-dvc/chiso766/model/sqlio"
)

// smallDB loads a small sample province into a new database of dialect.
func smallDB(t *testing.T, dialect string) *sql.DB {
	t.Helper()
	var db *sql.DB
	if dialect == dialectPG {
		db = postgres(t)
	} else {
		var err error
		db, err = sql.Open(dialectSQLite, filepath.Join(t.TempDir(), "small.db"))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
	}
	p, err := sample.Generate(sample.Options{Seed: 1, Year: sampleYear, Dossiers: 300})
	require.NoError(t, err)
	ctx := context.Background()
	require.NoError(t, createSchema(ctx, db, dialect))
	require.NoError(t, loadSample(ctx, db, dialect, p))
	return db
}

// TestBadInput breaks a real database in each documented way and checks the typed error: query, row, column
// and code named, never a panic, never a silent drop.
func TestBadInput(t *testing.T) {
	for _, dialect := range []string{dialectSQLite, dialectPG} {
		t.Run(dialect, func(t *testing.T) {
			db := smallDB(t, dialect)
			ctx := context.Background()
			var first string
			require.NoError(t, db.QueryRow(`SELECT min("MaHoSo" `+collate(dialect)+`) FROM "HoSo"`).Scan(&first))
			ph := func(s string) string { // placeholders
				if dialect == dialectPG {
					return s
				}
				return strings.NewReplacer("$1", "?", "$2", "?").Replace(s)
			}
			exec := func(q string, args ...any) {
				t.Helper()
				_, err := db.Exec(ph(q), args...)
				require.NoError(t, err)
			}
			// firstErr runs the dossier stream with qs and returns its first error.
			firstErr := func(qs sqlio.DossierQueries) *sqlio.RowError {
				t.Helper()
				for _, err := range sqlio.QueryDossiers(ctx, db, qs) {
					if err != nil {
						var re *sqlio.RowError
						require.ErrorAs(t, err, &re)
						return re
					}
				}
				t.Fatal("no error")
				return nil
			}
			qs := dossierQueries(dialect)

			t.Run("missing column", func(t *testing.T) {
				q := qs
				q.Dossiers.SQL = `SELECT "received_at" FROM chiso_dossiers`
				re := firstErr(q)
				assert.ErrorIs(t, re, sqlio.ErrColumns)
				assert.Equal(t, "code", re.Column)
				assert.Equal(t, -1, re.Row)
			})
			t.Run("ORDER BY broken", func(t *testing.T) {
				q := qs
				q.Steps.SQL = strings.Replace(q.Steps.SQL, ", seq", " DESC, seq", 1)
				re := firstErr(q)
				assert.ErrorIs(t, re, sqlio.ErrOrder)
				assert.Equal(t, "steps", re.Query)
				assert.Equal(t, "dossier_code", re.Column)
				assert.NotEmpty(t, re.Code)
			})
			t.Run("step of an unknown dossier", func(t *testing.T) {
				exec(`INSERT INTO "QuaTrinhXuLy" ("STT", "MaHoSo", "NoiDungXuLy") VALUES (0, $1, 'x')`, first+"-ghost")
				t.Cleanup(func() { exec(`DELETE FROM "QuaTrinhXuLy" WHERE "MaHoSo" = $1`, first+"-ghost") })
				re := firstErr(qs)
				assert.ErrorIs(t, re, sqlio.ErrOrphan)
				assert.Equal(t, "steps", re.Query)
				assert.Equal(t, first+"-ghost", re.Code)
				assert.GreaterOrEqual(t, re.Row, 0)
			})
			t.Run("wrong type", func(t *testing.T) {
				q := qs
				q.Dossiers.SQL = strings.Replace(q.Dossiers.SQL, `"received_at"`, `"summary" AS received_at`, 1)
				re := firstErr(q)
				assert.ErrorIs(t, re, portal.ErrBadDate)
				assert.Equal(t, sqlio.RowError{Query: "dossiers", Row: 0, Column: "received_at", Code: first},
					sqlio.RowError{Query: re.Query, Row: re.Row, Column: re.Column, Code: re.Code})
			})
			t.Run("unknown status stops the command", func(t *testing.T) {
				exec(`UPDATE "HoSo" SET "TrangThaiHoSo" = 'xx' WHERE "MaHoSo" = $1`, first)
				t.Cleanup(func() { exec(`UPDATE "HoSo" SET "TrangThaiHoSo" = '10' WHERE "MaHoSo" = $1`, first) })
				period := model.Year(sampleYear)
				_, err := score(ctx, db, dialect, period, period.EndTime(), indicator.Portal(), 1, false)
				require.Error(t, err)
				assert.Contains(t, err.Error(), first)
				_, err = score(ctx, db, dialect, period, period.EndTime(), indicator.Portal(), 1, true)
				require.NoError(t, err)
			})
			t.Run("NULL in a required field", func(t *testing.T) {
				var code string // a dossier with submitted files
				require.NoError(t, db.QueryRow(`SELECT min("MaHoSo" `+collate(dialect)+`) FROM "TaiLieuNop"`).Scan(&code))
				exec(`UPDATE "HoSo" SET "MaHoSo" = NULL WHERE "MaHoSo" = $1`, code)
				t.Cleanup(func() { exec(`UPDATE "HoSo" SET "MaHoSo" = $1 WHERE "MaHoSo" IS NULL`, code) })
				var n, errs int
				var keyless *sqlio.RowError
				for _, err := range sqlio.QueryDossiers(ctx, db, qs) {
					if err == nil {
						n++
						continue
					}
					errs++
					var re *sqlio.RowError
					require.ErrorAs(t, err, &re)
					if errors.Is(err, csvio.ErrMissingKey) && re.Query == "dossiers" {
						keyless = re
					}
				}
				require.NotNil(t, keyless, "the keyless dossier is reported")
				assert.Equal(t, "code", keyless.Column)
				assert.Equal(t, 299, n)
				assert.Positive(t, errs-1, "its nested rows are reported as orphans, not dropped")
			})
		})
	}
}

func collate(dialect string) string {
	if dialect == dialectPG {
		return `COLLATE "C"`
	}
	return ""
}
