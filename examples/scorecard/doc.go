// Command scorecard prints the Decision 766/QĐ-TTg scorecard of a province: one row per unit (kind, the six
// portal group scores, total, rank, band), the province's pooled row first, then the largest sources of lost
// points with example record codes.
//
// With no data flag it scores the generated sample province (package examples/internal/sample, year 2026,
// a fixed seed) over the year 2026 as of the sample's AsOf. A province scores its own files instead: every
// input has a flag (-units, -procedures, -offerings, -dossiers [repeatable, or a comma list], -steps,
// -petitions, -ratings, -copies), and -data DIR reads a directory of files named by the convention of
// package model/dataset (units.csv, procedures.csv|json, offerings.csv, dossiers*.json|csv, steps*.json|csv,
// petitions.csv, ratings.csv, copies.csv); flags name files on top of the directory. Any data flag turns
// the sample off entirely: no sample record is ever mixed into user data. -export-sample DIR writes the
// sample province as such a directory, a complete input set to start from.
//
//	go run ./examples/scorecard -export-sample /tmp/h99 && go run ./examples/scorecard -data /tmp/h99 -asof 2027-01-01
//	go run ./examples/scorecard -data ./h44 -period 2026-08 -asof 2026-09-01 -check
//	go run ./examples/scorecard -units units.csv -procedures procedures.json -dossiers 08.json,09.json -period 2026-Q3
//	go run ./examples/scorecard -tallies indicator/testdata/tree/sample.json
//	go run ./examples/scorecard -unit H99.01 -what-if 5 -lang en
//	go run ./examples/scorecard -tallies indicator/portaleval/testdata/phutho-2026-08
//	go run ./examples/scorecard -period 2026-08 -portal examples/scorecard/testdata/portal-h99 -format csv
//
// With files the command reads the dossiers once, or twice when a key repeats. The first pass decodes
// each file on the -workers goroutines and, on those goroutines, runs the data-quality checks of package
// model/quality that look at one record and scores every good record; in file order it then notes each
// dossier code and alias in a re-send sieve (package model/dedupe's Sieve: a hash and the winning
// version per code, not the code) and finds dossiers of units that are not in the unit file (a loud
// warning with counts and example codes; -strict makes it exit 1). When no code or alias repeats —
// exactly: equal codes have equal hashes — every record is the latest version of its dossier, no
// duplicate can be reported, and the first pass's card is the card. Otherwise a second pass decodes the
// files again: the records that carry a repeated key go, in file order, through the checks that compare
// records (duplicate codes, re-sends with conflicting data), and, when a dossier code repeats, the
// workers score only the latest versions (the latest version wins, by the sync time where present, else
// input order; earlier versions are counted in the "resend" ledger of the card) while the sieve is
// verified code by code. Should two different codes share a hash (about once in 600 000 inputs of a
// million dossiers), the rule is applied again with an exact index (dedupe.Index: two more reads). A
// summary of the checks goes to stderr (counts per finding, example codes; -check prints only the
// report and scores nothing — a pre-flight lint of a payload before sending it, which needs no unit
// file). Either way the card is the one the library's Scorer.RunLatest gives on the same records. A
// metric that rests on a field no record carries (1.4 on a CSV without the sync columns, 4.5 without
// result_synced_to_store) is reported as no data, with a warning, not as 0. Every file's kind is checked
// from its content: a dossier payload given as -procedures is an error naming the file and what was
// expected. Without -asof, open records are judged at the end of the period (said on stderr).
//
// -tallies also takes the portal's saved evaluation responses (package indicator/portaleval): a folder laid
// out as <endpoint>/<period>-<scope>.json, or one such file; the all-procedures scope of exactly one period
// is scored (single-procedure responses and other files are skipped with a note on stderr). -portal DIR
// compares the card (from records or -tallies) with such a folder: one line per unit × metric, ours against
// the portal's (numerator, denominator, score), the points at stake and the likely cause, largest first, in
// every -format (the CSV text cells get the guard below).
//
// Policies of the command (not of the library):
//   - unknown dossier status codes are errors: the model keeps them as StatusUnknown and never fails, but a
//     scorecard built on records whose status cannot be read would be silently wrong, so the command stops
//     with the record, its code and the field (-allow-unknown-status counts them instead, as the library does);
//   - -on-error stop (default): the first bad record stops the run: `scorecard: <file>: record N (code X)
//     field F: message`, exit 1 (N counts from 1); -on-error skip excludes a record with a bad value (a
//     date, number, flag or status code), counts it by reason in the "input" ledger of the card
//     (input.bad_date, input.unknown_status, …), lists it on stderr and goes on; a malformed file (syntax,
//     header, oversized row) still stops the run;
//   - a dossier file without any record is an error;
//   - -what-if is read as an exact decimal (never float64): NaN, Inf, text, a negative gain, a gain above
//     MaxPoints (100), more than 32 characters or an exponent beyond ±16 are errors, and so is a gain that
//     would take the unit's total above its maximum (Result.Max); 0 means no plan. It works with -tallies
//     too (the plan of the unit's pooled counts) and in every format (CSV: a block after the others);
//   - -workers must lie in 1…MaxWorkers (256); the default is GOMAXPROCS;
//   - -cpuprofile FILE writes a CPU profile of the whole run, -memprofile FILE a heap profile taken once
//     the card of files is scored (the re-send sieve still alive), for go tool pprof;
//   - every output format reports the first write error (`scorecard: writing the output: …`, exit 1), e.g.
//     when stdout is /dev/full;
//   - CSV text cells (unit id, name, kind, band, reason, examples, labels) that start with = + - @ tab or
//     carriage return (or the full-width = + - @) get a leading single quote, as OWASP recommends against
//     CSV injection; number cells are written as they are. This applies with and without -bom.
//
// Progress: with a dossier file, a line "scorecard: <file>: N dossiers…" goes to stderr every ProgressEvery
// records, and the final count when the file held at least that many.
//
// The output (table, CSV, JSON, lost-point explanations, what-if plan, labels in -lang vi or en) is rendered
// by package examples/internal/report, which examples/sqlscore shares: the two commands print the same
// bytes for the same card.
//
// Legal basis: Decision 766/QĐ-TTg (2022) and the National Public Service Portal's published method; see the
// doc of package indicator and the rules handbook, docs/rules.md. All scoring is done by package
// indicator/scorecard.
package main
