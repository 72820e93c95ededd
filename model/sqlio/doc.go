// Package sqlio reads the records of package model straight from a
// province's one-stop database through database/sql (standard library only:
// the caller brings the driver). It streams dossiers with their timeline
// steps, supplements, fees, submitted files (components) and result
// documents, and procedures, offerings, units, petitions and ratings.
//
// # One vocabulary
//
// A query's result columns carry the column names of package csvio's
// layouts (csvio.DossierColumns, csvio.StepColumns, csvio.ProcedureColumns,
// …; docs/data.md), matched by name, case-insensitively, in any order. The
// values are read exactly as csvio reads its cells — each row is turned
// into one CSV line that csvio decodes, so the two packages cannot drift
// apart — after this conversion of the database value:
//
//   - NULL is absent (csvio's empty cell), in every column;
//   - text as is; integers in decimal; floats in shortest decimal; bool 1/0;
//   - a time value (time.Time from the driver) as RFC 3339 in Vietnam time;
//     a value of a type without zone (PostgreSQL timestamp and date, MySQL
//     DATETIME, SQL Server datetime2, by the driver's DatabaseTypeName) has
//     its wall clock read as Vietnam time, as csvio reads a time without
//     offset; timestamptz/datetimeoffset keep their instant. Text times
//     follow csvio (yyyyMMddHHmmss, ISO 8601, dd/MM/yyyy HH:mm:ss);
//   - any other Go type is a record error wrapping ErrType.
//
// Because a row passes through CSV, a carriage return followed by a line
// feed inside a text value reads as a line feed (encoding/csv); nothing else
// changes.
//
// A result column outside the layout is an error (ErrColumns) unless the
// AllowUnknownColumns option is given: a misspelt column must not be
// silently absent. A missing column leaves its field absent, except the
// key column (code, id, dossier_code, procedure_code), which is required.
//
// # Nested lists and the ORDER BY contract
//
// Steps, supplements, fees, files and results of the dossiers come from
// their own queries (DossierQueries, DossierRows), one query each whatever
// the number of dossiers (no N+1): dossier_code plus the parts of csvio's
// list items (SupplementColumns, FeeColumns, FileColumns, ResultColumns;
// steps: csvio.StepColumns). They are merged with the dossier stream in one
// pass, like a merge join, which needs this contract:
//
//   - every dossier query is ordered by the dossier code in byte order
//     (UTF-8 bytes, i.e. Go's string comparison): PostgreSQL
//     ORDER BY code COLLATE "C"; SQLite's default BINARY collation;
//     MySQL ORDER BY CAST(code AS BINARY) (or a _bin / utf8mb4_0900_bin
//     collation); SQL Server ORDER BY code COLLATE Latin1_General_BIN2
//     (identical to byte order for codes without characters beyond U+FFFF);
//   - the dossier codes rise strictly; a nested query's codes never go down;
//     within one dossier the nested rows keep the query's order, so order
//     steps by dossier code and then time (ORDER BY dossier_code COLLATE
//     "C", at);
//   - the nested queries select the nested rows of the same dossiers as the
//     dossier query (join them to it with the same WHERE clause).
//
// A broken contract is never silent: codes going down end the sequence with
// a *RowError wrapping ErrOrder that names the query, row and code; a
// repeated dossier code is a record error (ErrOrder) of the repeated row;
// a nested row whose dossier code is not in the dossier stream is reported
// as a *RowError wrapping ErrOrphan (with a zero Dossier) and reading goes
// on — the caller decides whether that is fatal. A nested row whose
// dossier_code is NULL is a record error wrapping csvio.ErrMissingKey.
// A nested value containing ';' or '|' cannot stand in a csvio list item:
// its dossier comes with a *RowError wrapping csvio.ErrBadList.
//
// # Streaming, connections and cost
//
// Rows are read one at a time; memory holds one dossier's nested rows (at
// most MaxNestedRows per query; more is a record error wrapping
// ErrTooManyRows) and the few rows csvio's reader reads ahead, never a
// whole result. The dossier functions keep up to six results open at once:
// with a *sql.DB that is six pooled connections (a pool capped lower
// blocks until the context ends). For a consistent snapshot across the
// queries, read from a replica that is not being written, or accept that a
// dossier written between two queries shows up as an orphan error. Per
// value the cost is the driver's scan, one conversion to text and csvio's
// decoding.
//
// # Errors
//
// Every error is a *RowError (query, row, column, key, cause) usable with
// errors.Is and errors.As: ErrColumns, ErrOrder, ErrOrphan, ErrType,
// ErrTooManyRows, ErrReused, csvio's and portal's sentinels, or the
// driver's error. Record errors let the sequence go on; a bad column set,
// codes out of order, a database error or a row over csvio's record limit
// end it. Nothing panics on any database content.
//
// The view contract a province writes over its own schema to expose these
// columns, for PostgreSQL, SQL Server and MySQL, is docs/sql.md.
package sqlio
