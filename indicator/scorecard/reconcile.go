package scorecard

import (
	"errors"
	"iter"
	"sort"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// RecordDiff is one record whose verdict for one metric differs between two scorers: where it counts
// (denominator, numerator) or why (reason). Present is false on a side that gave the record no verdict
// for the metric.
type RecordDiff struct {
	Code, Unit string
	Metric     indicator.ID
	A, B       indicator.Verdict
	PresentA   bool
	PresentB   bool
}

// Reconciliation compares two scorers (typically two editions, e.g. portal vs formula document, or
// portal vs a province's own policy) over the same records.
type Reconciliation struct {
	EditionA, EditionB string
	// Differences lists the differing (record, metric) pairs of the first Limit differing records in
	// record-code order (the smallest codes, so the list does not depend on the stream's order), then by
	// metric.
	Differences []RecordDiff
	// Records is the number of records read; Differing the number of records with at least one
	// differing metric verdict; Pairs the number of differing (record, metric) pairs.
	Records, Differing, Pairs int64
	// Counts of each differing metric: how many records changed for it.
	ByMetric [indicator.NumIDs]int64
	// A and B are the two scorecards over the same records: scores, ranks and bands side by side.
	A, B *Card
}

// Reconcile runs a and b over the same dossiers in one pass and lists the records whose verdicts
// differ, with both verdicts and reasons, plus both cards. limit bounds the number of differing records
// listed (0 lists none; the counts are always complete); the records kept are those with the smallest
// codes. Memory: O(limit) plus the two scorers' partial states. Errors: *OptionError when a scorer is nil,
// else Finish's. Cost: two AddDossier per dossier plus O(metrics) comparison.
func Reconcile(a, b *Scorer, dossiers iter.Seq[model.Dossier], limit int) (*Reconciliation, error) {
	if a == nil || b == nil {
		return nil, &OptionError{Field: "Reconcile", Err: errors.New("nil scorer")}
	}
	if limit < 0 {
		limit = 0
	}
	rec := &Reconciliation{EditionA: a.edition.Name, EditionB: b.edition.Name}
	pa, pb := a.NewPartial(), b.NewPartial()
	type kept struct {
		code  string
		diffs []RecordDiff
	}
	var keep []kept // sorted by code, ≤ limit
	var va, vb [indicator.NumIDs]indicator.Verdict
	var ha, hb [indicator.NumIDs]bool
	var diffs []RecordDiff
	if dossiers != nil {
		d := new(model.Dossier) // reused: see Run
		for *d = range dossiers {
			pa.AddDossier(d)
			pb.AddDossier(d)
			rec.Records++
			clear(ha[:])
			clear(hb[:])
			for _, v := range pa.last {
				if v.Metric.Valid() {
					va[v.Metric], ha[v.Metric] = v, true
				}
			}
			for _, v := range pb.last {
				if v.Metric.Valid() {
					vb[v.Metric], hb[v.Metric] = v, true
				}
			}
			diffs = diffs[:0]
			for id := 1; id < indicator.NumIDs; id++ {
				if !ha[id] && !hb[id] {
					continue
				}
				if ha[id] == hb[id] && va[id] == vb[id] {
					continue
				}
				rec.ByMetric[id]++
				diffs = append(diffs, RecordDiff{Code: d.Code, Unit: d.UnitID, Metric: indicator.ID(id),
					A: va[id], B: vb[id], PresentA: ha[id], PresentB: hb[id]})
			}
			if len(diffs) == 0 {
				continue
			}
			rec.Differing++
			rec.Pairs += int64(len(diffs))
			if limit == 0 || (len(keep) == limit && d.Code >= keep[len(keep)-1].code) {
				continue
			}
			i := sort.Search(len(keep), func(i int) bool { return keep[i].code >= d.Code })
			k := kept{code: d.Code, diffs: append([]RecordDiff(nil), diffs...)}
			if len(keep) < limit {
				keep = append(keep, kept{})
			}
			copy(keep[i+1:], keep[i:len(keep)-1])
			keep[i] = k
		}
	}
	for _, k := range keep {
		rec.Differences = append(rec.Differences, k.diffs...)
	}
	var err error
	if rec.A, err = a.Finish(pa); err != nil {
		return nil, err
	}
	if rec.B, err = b.Finish(pb); err != nil {
		return nil, err
	}
	return rec, nil
}
