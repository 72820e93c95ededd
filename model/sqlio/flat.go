package sqlio

import (
	"context"
	"database/sql"
	"iter"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// The flat layouts: one record per row, columns of the csvio layout of the
// same name, matched by name (case-insensitively), NULL absent, list cells
// (procedure durations, fees and publications; petition events; rating
// criteria; unit successors) as csvio's ';'/'|' text. Each Decode function
// streams rows with the rules of csvio's decoder of the same name: a bad
// value yields the partly read record with a *RowError and reading goes on;
// a bad column set (ErrColumns), a database error or a row over the record
// limit ends the sequence. Cost: O(1) work per value, memory of one row (and
// a few read ahead); the sequence closes rows when it ends and may be ranged
// over once (again: ErrReused). Each Query function runs its query on every
// range and decodes it.

// DecodeSteps streams timeline steps (csvio.StepColumns; "dossier_code"
// required). To attach steps to dossiers, pass them in DossierRows instead.
func DecodeSteps(rows *sql.Rows, opts ...Option) iter.Seq2[model.Step, error] {
	return decodeFlat("steps", rows, csvio.StepColumns(), "dossier_code", opts, csvio.DecodeSteps)
}

// QuerySteps runs q on db and streams its steps as DecodeSteps does.
func QuerySteps(ctx context.Context, db Querier, q Query, opts ...Option) iter.Seq2[model.Step, error] {
	return queryFlat(ctx, db, "steps", q, opts, DecodeSteps)
}

// DecodeProcedures streams procedures (csvio.ProcedureColumns; "code"
// required).
func DecodeProcedures(rows *sql.Rows, opts ...Option) iter.Seq2[model.Procedure, error] {
	return decodeFlat("procedures", rows, csvio.ProcedureColumns(), "code", opts, csvio.DecodeProcedures)
}

// QueryProcedures runs q on db and streams its procedures as DecodeProcedures does.
func QueryProcedures(ctx context.Context, db Querier, q Query, opts ...Option) iter.Seq2[model.Procedure, error] {
	return queryFlat(ctx, db, "procedures", q, opts, DecodeProcedures)
}

// DecodeOfferings streams per-unit offerings (csvio.OfferingColumns;
// "procedure_code" required).
func DecodeOfferings(rows *sql.Rows, opts ...Option) iter.Seq2[model.Offering, error] {
	return decodeFlat("offerings", rows, csvio.OfferingColumns(), "procedure_code", opts, csvio.DecodeOfferings)
}

// QueryOfferings runs q on db and streams its offerings as DecodeOfferings does.
func QueryOfferings(ctx context.Context, db Querier, q Query, opts ...Option) iter.Seq2[model.Offering, error] {
	return queryFlat(ctx, db, "offerings", q, opts, DecodeOfferings)
}

// DecodeUnits streams units (csvio.UnitColumns; "id" required); feed them
// to model.NewHierarchy to check the parent links.
func DecodeUnits(rows *sql.Rows, opts ...Option) iter.Seq2[model.Unit, error] {
	return decodeFlat("units", rows, csvio.UnitColumns(), "id", opts, csvio.DecodeUnits)
}

// QueryUnits runs q on db and streams its units as DecodeUnits does.
func QueryUnits(ctx context.Context, db Querier, q Query, opts ...Option) iter.Seq2[model.Unit, error] {
	return queryFlat(ctx, db, "units", q, opts, DecodeUnits)
}

// DecodePetitions streams petitions (csvio.PetitionColumns; "id" required).
func DecodePetitions(rows *sql.Rows, opts ...Option) iter.Seq2[model.Petition, error] {
	return decodeFlat("petitions", rows, csvio.PetitionColumns(), "id", opts, csvio.DecodePetitions)
}

// QueryPetitions runs q on db and streams its petitions as DecodePetitions does.
func QueryPetitions(ctx context.Context, db Querier, q Query, opts ...Option) iter.Seq2[model.Petition, error] {
	return queryFlat(ctx, db, "petitions", q, opts, DecodePetitions)
}

// DecodeRatings streams dossier ratings (csvio.RatingColumns;
// "dossier_code" required).
func DecodeRatings(rows *sql.Rows, opts ...Option) iter.Seq2[model.Rating, error] {
	return decodeFlat("ratings", rows, csvio.RatingColumns(), "dossier_code", opts, csvio.DecodeRatings)
}

// QueryRatings runs q on db and streams its ratings as DecodeRatings does.
func QueryRatings(ctx context.Context, db Querier, q Query, opts ...Option) iter.Seq2[model.Rating, error] {
	return queryFlat(ctx, db, "ratings", q, opts, DecodeRatings)
}
