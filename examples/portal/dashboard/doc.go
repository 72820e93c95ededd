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
//	GET      /                                       HTML page, Vietnamese labels, no external resources
//
// Bad parameters give 400, unknown units or periods without data 404, wrong methods 405, oversized
// bodies 413 (http.MaxBytesReader), slow requests 503 (http.TimeoutHandler). Errors are JSON
// {"error": "..."}.
//
// # Policies
//
//   - DefaultMaxBodyBytes (64 KiB), DefaultTimeout (30 s) and MaxPoints (100) bound a request.
//   - The period parameter defaults to Config.Default; the what-if planner uses PlanAdd over every
//     scored metric (scorecard.PlanOptions zero value).
//   - The page's bars are scaled by score/max of each unit; the numbers come from the card unrounded
//     to two places for display only.
//
// The handler holds no global state: cards come from Config.Cards (SampleCards caches them per period
// with a sync.Once).
package dashboard
