// Package refcheck holds the comparison of the calculators with the independent reference judge
// (internal/reference) on the generated sample province (examples/internal/sample), issue 13 "Prove it".
// It has no API: the comparison is TestReferenceJudgeSample.
package refcheck
