package main

import (
	"slices"

	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/quality"
)

// newSplitQualityRun is newQualityRun for pass 1 with the checks split in two: the returned qualityRun's
// checker runs only the checks that remember earlier records (duplicate-code, resend-conflict), in record
// order on the calling goroutine; perRecord makes checkers of every other check (one record at a time),
// for the decode workers (fileReader.checks). addChecked merges a record's findings from both, so the
// counts and examples are those of one checker running every check over the same records.
//
// codes (may be nil) numbers the dossier codes for the ordered checks (quality.Options.Codes): pass 1's
// re-send index, to which the caller adds each record before checking it, so the duplicate check keeps
// 24 bytes per code instead of a second copy of every code.
func newSplitQualityRun(in scorecard.Inputs, opts scorecard.Options, timeline bool, codes quality.CodeNumbers) (q *qualityRun, perRecord func() *quality.Checker) {
	qo := qualityOptions(in, opts, timeline)
	ordered := qo
	ordered.Codes = codes
	ordered.Skip = slices.DeleteFunc(quality.AllChecks(), func(c quality.Check) bool {
		return c == quality.DuplicateCode || c == quality.ResendConflict
	})
	per := qo
	per.Skip = []quality.Check{quality.DuplicateCode}
	q = &qualityRun{chk: quality.NewChecker(ordered), counts: map[qualityKey]int64{}, ex: map[qualityKey][]string{}}
	return q, func() *quality.Checker { return quality.NewChecker(per) }
}

// addChecked is add for a record whose per-record findings (found, from a perRecord checker) were
// computed elsewhere: it counts the record, runs the ordered checks on it and counts both findings. p is
// quality.Prepare(d) computed on the decode worker (zero: the ordered checker hashes d itself), so the
// in-order part only looks codes up.
func (q *qualityRun) addChecked(d *model.Dossier, found []quality.Finding, p quality.Prepared) {
	q.records++
	q.count(q.chk.CheckPrepared(d, p))
	q.count(found)
}

// count counts findings and keeps their first examples, as add does.
func (q *qualityRun) count(found []quality.Finding) {
	for _, f := range found {
		k := qualityKey{f.Check, f.Severity}
		q.counts[k]++
		if ex := q.ex[k]; len(ex) < maxQualityExamples && !slices.Contains(ex, f.RecordCode) {
			q.ex[k] = append(ex, f.RecordCode)
		}
	}
}
