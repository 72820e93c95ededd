// Package quality runs the data-quality checks (docs/data.md, Data-quality checks) over
// dossiers of the National Public Service Portal before the Decision
// 766/QĐ-TTg indicators are computed. Validators return typed findings
// (check, severity, record, field, message) and never modify records.
//
// Severity follows the spec: Error means the record would be miscounted,
// Warning that it is possibly legal but changes a score, Info that it is
// informational.
//
// Policies (named, with the spec's defaults):
//
//   - DefaultFutureTolerance (10 minutes) for time-in-future, which only runs
//     when Options.AsOf is set; due dates are exempt.
//   - missing-reception-time is an Error unless Options.AllowSubmittedFallback
//     is set and NgayNopHoSo is present, then a Warning.
//   - DefaultFillerOfficers ("Chuyên viên") and DefaultPlaceholderSummaries
//     ("Dinhkem") for placeholder-identifier; PlaceholderID for identifier
//     numbers.
//   - unknown-procedure and online-not-offered only run when the caller gives
//     a catalogue or offerings; Options.CodeMap maps local procedure codes to
//     national ones first. For online-not-offered the offering in force at
//     the reception time (NgayTiepNhan, else NgayNopHoSo) is used, the highest
//     level winning when several are.
//   - duplicate-code compares a Fingerprint of the whole record (timeline
//     excluded) to tell same from different content, and needs state across
//     records: a Checker remembers every code and alias, O(distinct codes)
//     memory. A code sent again with the same Identity (unit, procedure,
//     channel, submission and reception time) but other content is a re-sent
//     update (Info: the latest version is scored, package model/dedupe); with
//     another identity it is a resend-conflict (Error). Each version is
//     compared with the one before it.
//     The two hashes depend on the record alone: Prepare computes them (on
//     any goroutine) and Checker.CheckPrepared takes them, with the findings
//     of Check, so a pipeline can hash in parallel and check in order.
//   - placeholder-date uses model.DefaultDateBounds (Options.Dates overrides),
//     the bounds the calculators exclude records by.
//   - status-without-steps only judges dossiers that carry real steps, unless
//     Options.RequireTimeline (payloads usually come without timelines).
//   - code-format checks the form {unit}-{yyMMdd}-{sequence} (SplitCode), not
//     which unit the code names (systems write the unit id or its code).
package quality
