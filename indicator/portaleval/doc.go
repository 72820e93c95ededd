// Package portaleval reads what the National Public Service Portal (Cổng Dịch vụ công quốc gia) publishes
// as its evaluation of "Bộ chỉ số 766" and compares it with the library's own card.
//
// Since 2026 the evaluation page (dichvucong.gov.vn/danh-gia-chat-luong-phuc-vu) is served by
// POST /api/v1/reporting/evaluation/{endpoint} for a period (month, quarter, year; handling-satisfaction
// by date range) and optionally one procedure (formalityId). The endpoints are the Endpoint constants.
// Responses come in two shapes, both accepted by every decoder:
//
//   - overview + evaluation (transparency, dossier-digitized, handling-satisfaction): units with
//     totalScore/totalMaxScore/ratio and a "metrics" list of {code, numerator, denominator, ratio, score,
//     maxScore, dataQualityStatus?};
//   - parent + children (dvc-progress-tree, provide-online-tree, formality-online-payment-tree): units with
//     count fields (totalReceived, totalOnTime, totalOverdue, avgProcessingDays, scoreDelta …).
//
// # What is here
//
//   - Mapping: the documented table from the portal's field names and metric codes to metric ids and
//     Tally parts (5.0's staff/procedure split, 3.1's partial/full counts, 3b's parts, the rows that publish
//     no inputs). The decoders apply this table, so it is the single source.
//   - Decode / DecodeBytes: one response → Response: every unit with its published group score, its
//     metric rows (null kept distinct from 0: Number, Int), data-quality flags, count fields and the
//     indicator.Tally they map to. Unknown fields are ignored; unknown metric codes are kept and reported
//     (Response.Problems), never dropped.
//   - NewEvaluation / LoadFS: the responses of one period and scope combined; unit codes resolved through
//     departmentId (transparency and handling-satisfaction publish no departmentCode); Evaluation.Tree
//     builds an indicator.Tree of the portal's own numbers (score, rank, band, plan from them);
//     Evaluation.Verify re-scores every published row with the library (EditionFor: 4.6a is not scored
//     in the single-procedure scope).
//   - Reconcile: our card (a scored tree) against the portal's evaluation, per unit × metric, with the
//     points at stake and the likely cause (Cause); Table.WriteText / WriteCSV / JSON.
//
// # Verification
//
// testdata/phutho-2026-08 holds verbatim excerpts of the public captures of Phú Thọ's responses for 8/2026
// (repository ChippedTopaz/qd766, tests/fixtures/<endpoint>/<period>-<scope>.json; provenance in the
// README there). TestCaptures reproduces every published row of them; TestPhuThoTranscriptions rebuilds
// the full month responses of the 164 units from the project's transcriptions and reproduces all 5 082
// rows with published inputs (the 326 group-3a rows of the sub-units publish a score only).
//
// # Errors, cost, state
//
// Errors are *Error values naming the endpoint, unit (index and code) and field, wrapping a sentinel
// (ErrMalformed, ErrShape, ErrNotOK, ErrNotInteger, ErrBadNumber, ErrUnknownEndpoint, ErrMixedScope) or
// an *indicator.CountError; non-fatal findings (ErrUnknownMetric, ErrUnknownUnit) are listed in Problems.
// Decoding is O(input size) with the body in memory; nothing panics on bad input; the package holds no
// mutable global state and does no I/O except LoadFS reading the fs.FS it is given. Arithmetic is exact
// (shopspring/decimal, compared with Equal).
package portaleval
