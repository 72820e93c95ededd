package main

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"

	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/sqlio"
)

// selectSQL returns SELECT of the contract columns from view chiso_<layout>,
// ordered by key in byte order (when key is set) and then seq.
func selectSQL(dialect, layout string, cols []string, key string) string {
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = `"` + c + `"`
	}
	order := "seq"
	if key != "" {
		order = byteOrder(dialect, key)
		if layout != "dossiers" {
			order += ", seq"
		}
	}
	return fmt.Sprintf("SELECT %s FROM chiso_%s ORDER BY %s", strings.Join(quoted, ", "), layout, order)
}

// byteOrder is the ORDER BY term of a code in byte order (the sqlio
// contract): COLLATE "C" on PostgreSQL; SQLite's default collation is
// already binary.
func byteOrder(dialect, col string) string {
	if dialect == dialectPG {
		return `"` + col + `" COLLATE "C"`
	}
	return `"` + col + `"`
}

// dossierColumns are the dossier view's columns: csvio's layout without the
// lists that come from their own views.
func dossierColumns() []string {
	var out []string
	for _, c := range csvio.DossierColumns() {
		switch c {
		case "supplements", "fees", "files", "results":
			continue
		}
		out = append(out, c)
	}
	return out
}

// dossierQueries are the six queries of the dossier stream.
func dossierQueries(dialect string) sqlio.DossierQueries {
	q := func(layout string, cols []string, key string) sqlio.Query {
		return sqlio.Query{SQL: selectSQL(dialect, layout, cols, key)}
	}
	return sqlio.DossierQueries{
		Dossiers:    q("dossiers", dossierColumns(), "code"),
		Steps:       q("steps", csvio.StepColumns(), "dossier_code"),
		Supplements: q("supplements", sqlio.SupplementColumns(), "dossier_code"),
		Fees:        q("fees", sqlio.FeeColumns(), "dossier_code"),
		Files:       q("files", sqlio.FileColumns(), "dossier_code"),
		Results:     q("results", sqlio.ResultColumns(), "dossier_code"),
	}
}

// collect reads a whole flat sequence; the first error stops it.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// readInputs reads the catalogue-side inputs of the scorecard: units,
// procedures, offerings, petitions, ratings and certified copies.
func readInputs(ctx context.Context, db *sql.DB, dialect string) (scorecard.Inputs, error) {
	var in scorecard.Inputs
	var err error
	q := func(layout string, cols []string) sqlio.Query {
		return sqlio.Query{SQL: selectSQL(dialect, layout, cols, "")}
	}
	if in.Units, err = collect(sqlio.QueryUnits(ctx, db, q("units", csvio.UnitColumns()))); err != nil {
		return in, err
	}
	if in.Procedures, err = collect(sqlio.QueryProcedures(ctx, db, q("procedures", csvio.ProcedureColumns()))); err != nil {
		return in, err
	}
	if in.Offerings, err = collect(sqlio.QueryOfferings(ctx, db, q("offerings", csvio.OfferingColumns()))); err != nil {
		return in, err
	}
	if in.Petitions, err = collect(sqlio.QueryPetitions(ctx, db, q("petitions", csvio.PetitionColumns()))); err != nil {
		return in, err
	}
	if in.Ratings, err = collect(sqlio.QueryRatings(ctx, db, q("ratings", csvio.RatingColumns()))); err != nil {
		return in, err
	}
	// Certified copies (metric 4.4) have no csvio layout: a two-column view read here.
	rows, err := db.QueryContext(ctx, `SELECT unit_id, electronic FROM chiso_certified_copies ORDER BY seq`)
	if err != nil {
		return in, fmt.Errorf("certified copies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var unit string
		var electronic sql.NullInt64
		if err := rows.Scan(&unit, &electronic); err != nil {
			return in, fmt.Errorf("certified copies: %w", err)
		}
		in.Communes = append(in.Communes, digitisation.CommuneCopy{UnitID: unit, Offers: electronic.Int64 == 1})
	}
	return in, rows.Err()
}

// dossierSource adapts sqlio's dossier stream to the scorer's iter.Seq,
// stopping at the first error (kept in err): a scorecard must not be built
// on records that could not be read. As in examples/scorecard, a status code
// the model does not know is an error unless allowUnknown.
type dossierSource struct {
	seq          iter.Seq2[model.Dossier, error]
	allowUnknown bool
	n            int64
	err          error
}

func (s *dossierSource) all() iter.Seq[model.Dossier] {
	return func(yield func(model.Dossier) bool) {
		for d, err := range s.seq {
			if err == nil && !s.allowUnknown && d.Status.String() != "" && !d.Status.Known() {
				err = fmt.Errorf("dossier %d (code %s) column status: unknown status code %q (-allow-unknown-status counts it)",
					s.n+1, d.Code, d.Status.String())
			}
			if err != nil {
				s.err = err
				return
			}
			s.n++
			if !yield(d) {
				return
			}
		}
	}
}
