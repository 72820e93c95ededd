// Package indicator is the catalogue and the scoring arithmetic of Vietnam's public-service index
// "Bộ chỉ số 766" (Prime Minister's Decision 766/QĐ-TTg of 23/6/2022, "Bộ chỉ số chỉ đạo, điều hành và
// đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo
// thời gian thực trên môi trường điện tử"), as the National Public Service Portal (Cổng Dịch vụ công quốc
// gia) computes it.
//
// # What is here
//
//   - The registry (Registry, Lookup): one Metric per catalogue id 1.1 … 5.3, including the unscored 2.2 and
//     5.0, with group, names, maximum, the portal's alias code, the formula document's numbering, the record
//     rule and the legal basis. It generates the metric table of the repository README (go generate).
//   - Tally: a unit's int64 counts for one period, mergeable (pooling over sub-units, docs/rules.md, Pooling),
//     validated, with a stable JSON form. Calculators (sub-packages) turn records into Verdicts and Tallies
//     and account for every record in a Ledger.
//   - Edition: the scoring rules as values. Portal (the default, as observed on the portal in 2026) and
//     Document (the circulating formula document) are built in; copy either and change weights, targets,
//     zero-data rules, rounding or record policies to define your own. Diff lists the differences.
//   - Result: per metric (counts, ratio, score, maximum, null flag), per group and total, in the portal's
//     six-group layout (18/20/12/10/22/18) or the Decision's five groups (18/20/22/22/18) via Result.Decision.
//
// # Arithmetic
//
// Counts are int64. A ratio or score is formed once from the exact fraction of the counts with
// decimal.DivRound (or QuoRem) at an explicit scale — never Div, never the decimal package's globals — and
// rounded half up to 2 decimals: 133609/184503 of 6 points = 4.34498… → 4.34; 3/16 of 6 = 1.125 → 1.13.
// A group's score is the sum of its rounded metric scores and the total is the sum of the group scores,
// exactly as the portal publishes them. A metric with no data is "null" (Null in the result, distinct from a
// score of 0) and adds 0 to its group, unless its zero rule gives full marks (4.4, 5.1, 5.2 on the portal).
//
// Ratios are percents rounded the same way. A group's ratio is its score over its maximum, except that a
// group with a single scored metric (group 2) shows that metric's ratio, and a full-marks zero rule shows
// 100 % (4.4, ZeroFull) or 0 % (5.1/5.2, ZeroFullRatio0) — all as the portal publishes them.
//
// The one exception is group 3b (online payment) in the portal edition: the portal rounds each ratio to a
// percent first and computes each part in IEEE-754 double precision, rounding on the exact binary value
// (JavaScript's toFixed). PaymentPortalFloat reproduces that pipeline (see payment_float.go); exact
// arithmetic would miss about one published row in 80.
//
// # Policies
//
// Points the sources leave [Open] or to a [Policy] are named, documented fields of Edition with a documented
// default (docs/rules.md, Open questions), never constants buried in code:
//
//   - the 3a split 2·min(1, R1/0.8) + 4·R2 + 6·min(1, R3/0.5) (Rules[M31..M33], Online) — reproduces the
//     province rows of the fixtures; sub-units publish no inputs, so it is unconfirmed;
//   - whether 3.3 is multiplied by the sync ratio (SyncMultiplies33; false on the portal, true in the
//     document);
//   - 4.5's coefficient (Rules[M45], linear 4 points; only 0 % has been observed);
//   - the record policies of RecordPolicy (supplement requests, end-status priority, publication deadlines
//     in working or calendar days, petition deadlines, paid-online codes, …).
//
// The package holds no mutable global state, never reads the clock or time.Local, and never panics on bad
// input: invalid counts and rules return *CountError and *RuleError values that work with errors.Is/As.
//
// # Pooling
//
// A parent's tally is the Merge of its own and its sub-units' tallies for dossier and petition counts.
// Metrics that count procedures (Metric.DistinctProcedures: 1.1–1.3, 3.1, 3.4, 3.5, 4.6a) count a
// procedure once at the parent, so the parent's counts for them must be counted at the parent, not summed.
//
// Tree (NewTree, DecodeTree) applies this per metric through an Aggregation (DefaultAggregation): most
// metrics are summed over a unit and all its descendants; 1.2 and 1.3 are computed at province/ministry level
// and carried down unchanged to every sub-unit; procedure-counting metrics keep the unit's own counts. A unit
// marked pooled in the tree document already includes its sub-units (as the portal's province row does).
// Edition.ScoreTree then scores own and pooled tallies, ranks units (competition ranking, overall and per
// group) and assigns a band from a Bands table (DefaultBands: unofficial thresholds 90/80/70/50).
//
// # Verification
//
// Rules: docs/rules.md (one section per metric; Scoring, Pooling, Ranks and bands). Fixtures:
// testdata/portal-phutho-2026-08, the portal's published evaluation of Phú Thọ (H44) and its 163 sub-units
// for 8/2026. TestPortalFixtures reproduces every published metric score, group score, maximum and ratio
// exactly, except the sub-units' group 3a rows, for which the portal publishes no inputs (listed in the
// test). TestPhuThoTotal and ExampleEdition_Score compute the province's total, 59.92, from its counts.
package indicator

//go:generate go run ./internal/gentable -readme ../README.md
