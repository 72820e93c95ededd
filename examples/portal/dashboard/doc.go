// Package dashboard serves a Decision 766/QĐ-TTg scorecard over HTTP: the card as JSON, a unit's
// explanations of lost points, what-if plans and an HTML page with server-rendered inline SVG charts
// (total per unit, group scores per unit, the root's monthly trend).
//
// # Legal basis
//
// The index is that of the Prime Minister's Decision 766/QĐ-TTg of 23/6/2022 as the National Public
// Service Portal computes it (package indicator/scorecard); the explanations and what-if answer the
// provinces' improvement plans (e.g. Hậu Giang 146/KH-UBND, 2024).
//
// # Endpoints
//
//	GET      /api/scorecard?period=2026-08           the card (JSON)
//	GET      /api/units/{id}/explanations?period=…   a unit's explanations (JSON)
//	GET      /api/units/{id}/whatif?points=N&period=… plan for the unit to gain N points (JSON)
//	POST     /api/units/{id}/whatif?points=N          plan for an indicator.Tally JSON body; the unit must exist (JSON)
//	GET      /api/units/{id}/portal?period=…         the unit's rows of the reconciliation with the portal (JSON; Config.Portal)
//	GET      /units/{id}?period=…                    the unit page: its scores against the portal's, metric by metric (HTML)
//	GET      /                                       HTML page, Vietnamese labels, no external resources
//
// Bad parameters give 400, unknown units or periods without data 404, wrong methods 405 (with Allow),
// oversized bodies 413 (http.MaxBytesReader), what-if requests beyond Config.MaxPlans 429 (with
// Retry-After), slow requests 503 (http.TimeoutHandler), a panic below the handler 500. Every error,
// the router's 404 and 405 and the timeout's 503 included, is JSON {"error": "..."}; a bad what-if
// body or target adds "field" (the tally key the library names, or "points").
//
// # Policies
//
//   - DefaultMaxBodyBytes (64 KiB), DefaultTimeout (30 s) and MaxPoints (100) bound a request.
//   - The period parameter defaults to Config.Default; the what-if planner uses PlanAdd over every
//     scored metric with PlanOptions.Limit = Config.PlanLimit (DefaultPlanLimit, the library's default,
//     so that a plan is scorecard.PlanGain's answer).
//   - What-if cost and abuse: a target (the tally's total + points) above the tally's maximum is refused
//     (400) before any search; a plan is computed one metric at a time and stops when the request's
//     context ends (client gone or timeout), so a given-up request burns at most the metric in progress
//     (~5 ms of the ~0.1 s a plan of the sample costs); at most Config.MaxPlans (GOMAXPROCS) plans run at
//     once and a request beyond that gets 429 with Retry-After: RetryAfter (1 s) at once, without queueing.
//     A plan calls Edition.Score at most (2·log2(PlanLimit)+4) times per scored metric.
//   - A what-if body is one JSON value decoded and validated by indicator.Tally (counts within
//     indicator.MaxCount, consistent sums, no repeated key); anything else is 400.
//   - The page's bars are scaled by score/max of each unit; the numbers come from the card unrounded
//     to two places for display only.
//   - The dashboard serves no CSV (the command examples/scorecard does, with formula cells neutralised).
//
// # Cards and memory
//
// The handler holds no global state: cards come from Config.Cards. SampleSource (and SampleCards, its
// default) keeps them in an LRU cache bounded by count (CacheConfig.MaxCards, DefaultMaxCards = 32) and
// by estimated size (CacheConfig.MaxBytes, DefaultMaxCacheBytes = 32 MiB; EstimateCardSize: 3 × the JSON
// length, ~350 KB per card of the sample), so that any number of distinct periods (~66 000 ranges exist
// in a year) costs bounded memory: 300 distinct periods leave the heap ~9 MB above its start (TestLoad).
// A card is computed under its waiters' contexts: concurrent requests for a period share one
// computation, a request whose context ends stops waiting, a computation nobody waits for any more stops
// within 1 024 dossiers, and at most CacheConfig.MaxComputing (GOMAXPROCS) cards are computed at once.
// CacheConfig.Keep names periods kept for good outside those bounds (examples/portal keeps the default
// period and the trend's months, so that a flood of other periods cannot make the page recompute them).
package dashboard
