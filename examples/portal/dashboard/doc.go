// Package dashboard is the Decision 766/QĐ-TTg dashboard a province puts on its portal: an embeddable
// http.Handler that serves, from the province's own records, the ranking of its units, a page per unit
// with every metric's numbers, the reasons and the records behind every lost point, what-if plans and
// monthly trends — server-rendered HTML with inline SVG charts (no script, no external asset, readable on
// paper; Vietnamese by default, English with ?lang=en) and a JSON API that mirrors the pages.
//
// # Feeding it
//
// The embedding system implements DataSource: Inputs (unit hierarchy, procedure catalogue, offerings,
// petitions, ratings, certified copies, as-of instant and calendar of a period) and Dossiers (a stream,
// walked again for the failing-record lists). NewSource wraps it: it scores a period once (package
// indicator/scorecard), under the contexts of the requests that wait for it, and keeps the cards in a
// bounded cache; Source.Card is the handler's Config.Cards and Source.Records its Config.Records.
// Ready-made sources: FileData (OpenFiles: a folder of files in the directory convention of package
// model/dataset) and SampleData (the invented sample province of the examples). Mount the handler under
// a prefix with http.StripPrefix and Config.BasePath:
//
//	src, _ := dashboard.NewSource(myData, dashboard.SourceOptions{})
//	h, _ := dashboard.NewHandler(dashboard.Config{Cards: src.Card, Records: src.Records,
//		Default: model.Month(2026, 8), BasePath: "/chiso766/"})
//	mux.Handle("/chiso766/", http.StripPrefix("/chiso766", h))
//
// # Pages (HTML)
//
//	GET /?period=&level=&sort=&dir=&lang=          overview: the province's total, band, change and six groups
//	                                               (bars and radar, values printed); one ranking table per kind
//	                                               of sub-unit (departments, communes: ranked apart), rank with
//	                                               ties, total, band with colour and label, six group scores,
//	                                               change against the previous period (total and rank);
//	                                               sortable by any column (sort=rank|unit|total|g1..g6|delta,
//	                                               dir=asc|desc), filtered by level=<unit kind>
//	GET /overview.csv?period=&level=&sort=&dir=    the ranking tables as CSV with a UTF-8 byte-order mark (Excel)
//	GET /units/{id}?period=&target=&mode=fix|add    unit: total, band, rank, change; every metric's numerator,
//	                                               denominator, ratio, score, maximum and points lost; the
//	                                               reasons of lost records with counts, Vietnamese labels,
//	                                               points they cost and example codes; the what-if plan to
//	                                               a target (default: the next band); with Config.Portal,
//	                                               the comparison with the portal's own evaluation
//	GET /units/{id}/records?period=&metric=&page=   the records that cost the unit points, PageSize a page
//	GET /units/{id}/records.csv?period=&metric=     all of them as CSV with a UTF-8 byte-order mark (Excel)
//	GET /trend?period=&unit=                        monthly totals and group scores (Config.Trend, else the
//	                                               months of the period's year): axes, gridlines, values
//	                                               printed, and the same numbers as a table
//
// Every page has the period selector (months, quarters, year: Config.Periods) and the language switch.
//
// # JSON API
//
// Numbers are decimal strings ("77.53"); the pages print them with two places.
//
//	GET  /api/overview?period=&level=&sort=&dir=  {period, previousPeriod?, asOf, dossiers, province: row,
//	                                               levels: [{kind, label, rows: [row]}]}, rows in the page's
//	                                               order; row = {unit, name, kind, rank, tied, poolSize, total,
//	                                               max, band, bandLabel, groups: [{group, name, score, max}],
//	                                               change?: {previousPeriod, previousTotal, previousRank,
//	                                               total, groups: [6], rank (previous − current)}}
//	GET  /api/units/{id}?period=                  {period, asOf, unit: row, avgProcessingDays,
//	                                               metrics: [{metric, name, group, num, den, ratio, score, max,
//	                                               pointsLost, null, scored}], reasons: [{metric, reason,
//	                                               label, count, points, examples}]}
//	GET  /api/units/{id}/records?period=&metric=&page=  {period, unit, metric?, page, pages, total,
//	                                               records: [scorecard.FailingRecord + label]}
//	GET  /api/trend?period=&unit=                 {unit, name, points: [{period, ok, total, max, groups}]}
//	GET  /api/scorecard?period=                   the whole card (scorecard.Card's JSON)
//	GET  /api/units/{id}/explanations?period=     {unit, explanations: [scorecard.Explanation]}
//	GET  /api/units/{id}/whatif?points=N&period=  the plan for the unit to gain N points (scorecard.Plan)
//	POST /api/units/{id}/whatif?points=N          the same for an indicator.Tally JSON body
//	GET  /api/units/{id}/portal?period=           the unit's rows of the reconciliation with the portal
//
// # Errors
//
// Bad parameters give 400, unknown units, periods without data or pages beyond the last 404, wrong
// methods 405 (with Allow), oversized bodies 413, what-if requests beyond Config.MaxPlans and failing-record
// lists beyond Config.MaxRecordPasses 429 (with Retry-After), slow requests 503 (http.TimeoutHandler), a panic below the handler 500. On the API
// routes (/api/…, *.csv) every error is JSON {"error": "..."} (a bad what-if body or target adds
// "field"); on the page routes it is a readable HTML page in the request's language with a link back to
// the overview.
//
// # Policies
//
//   - Ranking: Source ranks with DefaultRank (indicator.RankWithinRootByKind): departments and communes
//     are ranked apart, as provinces publish them; ties share a rank (competition ranking, 1, 2, 2, 4) and
//     are marked. Bands: the card's (indicator.DefaultBands, unofficial) with fixed colours.
//   - Change: against the card of the previous period of the same kind (month, quarter, year); none for
//     a custom range or when the source has no data for it.
//   - What-if: the plan is the library's (scorecard.PlanTallyContext: PlanFix by default on the page,
//     PlanAdd with mode=add; the JSON what-if endpoints plan fixes) without the metrics carried down to
//     a sub-unit from a higher level, as Card.Plan does; the page's default target is the next band's
//     threshold (else total + 5, at most the maximum).
//   - Failing records: a second pass over the period's dossiers (scorecard.Scorer.FailingRecords), so a
//     records page or CSV costs one pass, at most Config.MaxRecordPasses at once; the CSV streams (memory does not grow with the records) and
//     guards text cells against formula injection (report.CSVText).
//   - DefaultMaxBodyBytes (64 KiB), DefaultTimeout (30 s) and MaxPoints (100) bound a request.
//   - A what-if body is one JSON value decoded and validated by indicator.Tally; anything else is 400.
//
// # Cards, cost and memory
//
// The handler holds no global state: cards come from Config.Cards. A Source keeps them in an LRU cache
// bounded by count (CacheConfig.MaxCards, DefaultMaxCards) and by estimated size (CacheConfig.MaxBytes,
// DefaultMaxCacheBytes; EstimateCardSize), so that any number of distinct periods costs bounded memory.
// A card is computed once per period under its waiters' contexts: concurrent requests share one
// computation, a request whose context ends stops waiting, a computation nobody waits for any more stops
// within 1 024 dossiers, and at most CacheConfig.MaxComputing cards are computed at once.
// CacheConfig.Keep names periods kept for good (the default period and the trend's months). Once the
// cards are computed, a page costs O(units) template work; the overview also needs the previous
// period's card (computed once as well), the trend page one card per month. Measurements:
// BENCHMARKS.md.
package dashboard
