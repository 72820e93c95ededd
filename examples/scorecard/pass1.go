package main

import (
	"slices"

	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dedupe"
	"github.com/vn-dvc/chiso766/model/quality"
)

// latestIndex is what the command knows of re-sent dossiers after reading the files: which record is
// the latest version of its code, and the counts of the "resend" ledger. A verified *dedupe.Sieve or,
// after a hash clash, a *dedupe.Index.
type latestIndex interface {
	Winner(code string, ord int64) bool
	Records() int64
	Distinct() int64
	Superseded() int64
}

// readResult is what reading the dossier files gives the rest of the command.
type readResult struct {
	q       *qualityRun
	latest  latestIndex
	un      map[string]*unattributed
	carries presence
	parts   []*scorecard.Partial // the partials of the pass that scored (merge them for the card); nil after a clash
	clash   bool                 // the sieve met a hash clash: card is from scoreLatest over an exact Index
	passes  int                  // decodes of the files: 1, 2, or (after a clash) 4
}

// readDossiers reads the dossier files (src over rd) and, when s is not nil, scores the latest version
// of every dossier on the decode workers. In pass 1 the in-order goroutine feeds each record's code and
// aliases to a dedupe.Sieve (a hash and the winning version per code: 16 bytes a slot), counts the
// per-record data-quality findings made on the workers, the unattributed units and the fields carried;
// the workers score every good record until a code repeats.
//
//   - When no key repeats (the usual file), the sieve's answer is exact: every record is the latest
//     version of its code, pass 1's partials are the card, and no duplicate-code finding is possible.
//   - When a key repeats, pass 2 reads the files again: the records that carry a repeated key go, in
//     order, through the checks that remember earlier records (duplicate-code, resend-conflict), and —
//     when a code repeats — the workers score only the sieve's winners while the in-order goroutine
//     verifies, code by code, that no two codes share a hash (dedupe.Sieve.Verify).
//   - After a clash (for a million distinct codes, about once in 600 000 inputs) the re-send rule is
//     applied with an exact dedupe.Index: one more read to build it, one to score (scoreLatest).
//
// Memory: the sieve (≈ 21–32 bytes per distinct code) and the duplicate checks' state for the repeated
// keys only, plus the decoders' O(workers × chunk).
func readDossiers(c *config, in scorecard.Inputs, opts scorecard.Options, src *fileSource, rd *fileReader, s *scorecard.Scorer, hasSteps bool) (*readResult, error) {
	q, dup, perRecord := newSplitQualityRun(in, opts, hasSteps)
	sv := dedupe.NewSieve(opts.Resend)
	if c.sieveHash != nil {
		sv = dedupe.NewSieveHash(opts.Resend, c.sieveHash)
	}
	res := &readResult{q: q, latest: sv, un: map[string]*unattributed{}, passes: 1}
	rd.checks, rd.scorer, rd.parts = perRecord, s, nil
	rd.keep = func(_ int64, d *model.Dossier) bool { return c.allowUnknown || known(d) }
	defer func() { rd.checks, rd.scorer, rd.keep, rd.parts = nil, nil, nil, nil }()
	unitKnown := make(map[string]bool, len(in.Units))
	for _, u := range in.Units {
		unitKnown[u.ID] = true
	}
	for d := range src.all() {
		if sv.Add(&d, sv.Hash(d.Code), src.ord) && rd.scorer != nil {
			rd.StopScoring() // pass 2 will score: the workers' partials are not the card
			rd.scorer = nil
		}
		for i, a := range d.Aliases {
			if aliasKey(&d, i) {
				sv.Mark(sv.Hash(a))
			}
		}
		q.records++
		q.count(rd.found)
		res.carries.note(&d)
		if !unitKnown[d.UnitID] {
			u := res.un[d.UnitID]
			if u == nil {
				u = &unattributed{}
				res.un[d.UnitID] = u
			}
			u.n++
			if len(u.examples) < maxUnattributedExamps {
				u.examples = append(u.examples, d.Code)
			}
		}
	}
	if src.err != nil || src.n == 0 {
		return res, src.err
	}
	res.parts = rd.parts
	if !sv.AnySuspect() {
		return res, nil
	}

	// Pass 2: the duplicate checks on the records with a repeated key; with re-sent codes, the scoring
	// of the sieve's winners and the sieve's verification.
	res.passes = 2
	resent := sv.Superseded() > 0
	rd.checks, rd.scorer, rd.parts = nil, nil, nil
	rd.noScores.Store(false)
	if resent && s != nil {
		rd.scorer = s
		rd.keep = func(ord int64, d *model.Dossier) bool {
			return (c.allowUnknown || known(d)) && sv.Winner(d.Code, ord)
		}
	}
	for d := range src.all() {
		h := sv.Hash(d.Code)
		if resent && !sv.Verify(d.Code, h) {
			res.clash = true
		}
		suspect := d.Code != "" && sv.Suspect(h)
		for i, a := range d.Aliases {
			suspect = suspect || aliasKey(&d, i) && sv.Suspect(sv.Hash(a))
		}
		if suspect {
			q.count(dup.Check(&d))
		}
	}
	if src.err != nil {
		return res, src.err
	}
	if resent {
		res.parts = rd.parts
	}
	if !res.clash {
		return res, nil
	}

	// A clash: the exact index, then the scoring pass over it.
	res.passes, res.parts = 4, nil
	idx := dedupe.NewIndex(opts.Resend)
	for d := range src.all() {
		idx.AddAt(&d, src.ord)
	}
	res.latest = idx
	return res, src.err
}

// aliasKey reports whether d's alias i (MaHoSoKhac) is a key of its own for the duplicate check — not
// empty, not d's code, not an earlier alias — as quality's duplicate-code check remembers it.
func aliasKey(d *model.Dossier, i int) bool {
	a := d.Aliases[i]
	return a != "" && a != d.Code && !slices.Contains(d.Aliases[:i], a)
}

// newSplitQualityRun is newQualityRun for readDossiers, with the checks split in two: perRecord makes
// checkers of the checks that look at one record only, for the decode workers (fileReader.checks);
// dup runs the checks that remember earlier records (duplicate-code, resend-conflict), in record order,
// over the records that carry a repeated key — the only ones these checks can report, or compare with.
// The counts and examples in q are those of one checker running every check over every record.
func newSplitQualityRun(in scorecard.Inputs, opts scorecard.Options, timeline bool) (q *qualityRun, dup *quality.Checker, perRecord func() *quality.Checker) {
	qo := qualityOptions(in, opts, timeline)
	ordered := qo
	ordered.Skip = slices.DeleteFunc(quality.AllChecks(), func(c quality.Check) bool {
		return c == quality.DuplicateCode || c == quality.ResendConflict
	})
	per := qo
	per.Skip = []quality.Check{quality.DuplicateCode}
	q = &qualityRun{counts: map[qualityKey]int64{}, ex: map[qualityKey][]string{}}
	return q, quality.NewChecker(ordered), func() *quality.Checker { return quality.NewChecker(per) }
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
