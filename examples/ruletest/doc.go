// Package ruletest shows how a rule owner — the provincial office that answers for how the Decision
// 766/QĐ-TTg index is computed — pins an interpretation of the rules as ordinary `go test` tests against the
// public API of this module. It has no code of its own: everything is in its _test.go files, which are meant to
// be copied and adapted.
//
// Each test's name states the rule in plain words, and its comment gives the legal basis (Civil Code 2015
// arts. 147–148, Labour Code 2019 arts. 111–112, Decree 61/2018/NĐ-CP arts. 18–19, the Government Office's
// yearly holiday layout, the formula document "Mô tả công thức tính chỉ số 766", the portal's published
// scores) and, where the law leaves a choice, the named policy (docs/calendar.md, P1, P3, P10; RecordPolicy
// fields) the test pins. When a library upgrade or a configuration change alters one of these outcomes the
// test fails and names the rule, so the change is a decision, not an accident.
//
// The tests cover:
//
//   - deemed receipt and due dates around the 2026 Hùng Kings' holiday (10/3 lunar on Sunday 26/4,
//     compensatory Monday 27/4, then 30/4 and 1/5), the make-up Saturday 22/8/2026 and Tết 2026;
//   - a dossier with two supplement requests judged late for indicator 2.1 (package indicator/timeliness);
//   - the same dossier under two policies: the 15:00 cut-off versus none, and supplements restarting the
//     clock versus pausing it;
//   - a scoring interpretation: 3/16 of 6 points is 1.13 (half up from the exact fraction 1.125).
//
// The tests use the standard library's testing package only (no assertion library) so that they can be copied
// anywhere; github.com/shopspring/decimal appears because the module's records and scores use it.
package ruletest
