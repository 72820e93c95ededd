// Package sample generates a deterministic, realistic sample province for the examples and tests of the
// chiso766 module: a two-tier unit hierarchy (province "H99", five provincial departments, five communes, as
// in force since 1 July 2025), about 70 procedures with durations in working days, office hours or calendar
// days (some without due date), fees (some zero), paper-result flags, applicant kinds and group 1 publication
// data, online-service offerings per unit (none, information only, partial, full — Decree 42/2022/NĐ-CP),
// certified-copy services per commune, 200 petitions, dossier ratings and a lazily generated stream of about
// 50 000 dossiers a year.
//
// Nothing here is real: names, codes and numbers are invented. The data follow the record shapes of package
// model and the rules of the module's handbook (docs/rules.md, docs/data.md, docs/calendar.md) closely
// enough to exercise every indicator of Decision 766/QĐ-TTg: due dates come from the calendar's deadline
// engine (Civil Code 2015 arts. 147–148; Decree 61/2018/NĐ-CP arts. 18–19: 15:00 cut-off, supplement restarts
// the clock) and are written as one-stop systems write appointments, as instants with a time of day (the
// close of office hours, 17:00, on the due day; the exact instant for durations in hours), late dossiers
// cluster around Tết and the announced day swaps, online payments use codes 1 and 2 (sometimes the
// unexplained 0 and 3), and so on. The generator is an example, not a statistical model.
//
// # Determinism
//
// Everything is a pure function of Options: math/rand/v2 PCG generators seeded with Options.Seed (one stream
// each for the structure, the dossiers and the petitions), no clock, no time.Local, no global state. The same
// options give the same province and the same dossier stream on every run and platform, provided the calendar
// is the same.
//
// # Policies
//
// The generator's own choices are named values: DefaultDossiers, Petitions, RootID, PopulationDatabaseCode
// (the unverified MaCSDL code of the population database, "7"), the default deadline policy
// (calendar.DefaultDeadlinePolicy) for due dates, default office hours (07:00–11:30, 13:30–17:00) for drawn
// instants, and AsOf (end of the year) as the instant the data describe.
//
// # Cost
//
// Generate costs about one pass over the stream (it collects the ratings); each pass over the 50 000-dossier
// default stream takes 0.15–0.3 s and about 12 small allocations per dossier (BenchmarkDossiers),
// without storing the dossiers.
package sample
