package scorecard

import (
	"errors"
	"iter"
	"sort"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// RecordKind is the kind of record a RecordDiff is about.
type RecordKind uint8

const (
	// KindDossier: a dossier of the stream (Code is the dossier code).
	KindDossier RecordKind = iota
	// KindPetition: a petition of Inputs.Petitions (Code is the petition id).
	KindPetition
	// KindProcedure: a catalogue procedure of Inputs.Procedures, judged for 1.1–1.3 at one issuing unit
	// (Code is the procedure code).
	KindProcedure
)

// String returns "dossier", "petition" or "procedure".
func (k RecordKind) String() string {
	switch k {
	case KindPetition:
		return "petition"
	case KindProcedure:
		return "procedure"
	}
	return "dossier"
}

// RecordDiff is one record whose verdict for one metric differs between two scorers: where it counts
// (denominator, numerator) or why (reason). Present is false on a side that gave the record no verdict
// for the metric.
type RecordDiff struct {
	Kind       RecordKind
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
	// Differences lists the differing (record, metric) pairs of at most Limit differing records of each
	// kind — those with the smallest codes, so the list does not depend on the stream's order — by kind,
	// then code, then metric.
	Differences []RecordDiff
	// Records is the number of records compared (dossiers, plus petitions and procedures when compared);
	// Differing the number of records with at least one differing metric verdict; Pairs the number of
	// differing (record, metric) pairs.
	Records, Differing, Pairs int64
	// ByMetric counts, per metric, the records whose verdict for it differs.
	ByMetric [indicator.NumIDs]int64
	// PetitionsCompared and ProceduresCompared report whether the two scorers were built with the same
	// Inputs.Petitions (same ids in the same order) and Inputs.Procedures (same codes in the same order),
	// which is when their records are compared one by one.
	PetitionsCompared, ProceduresCompared bool
	// A and B are the two scorecards over the same records: scores, ranks and bands side by side.
	A, B *Card
}

// keeper keeps the differing records with the smallest codes, at most limit.
type keeper struct {
	limit int
	recs  []keptRecord // sorted by code
}

type keptRecord struct {
	code  string
	diffs []RecordDiff
}

func (k *keeper) offer(code string, diffs []RecordDiff) {
	n := len(k.recs)
	if k.limit == 0 || (n == k.limit && code >= k.recs[n-1].code) {
		return
	}
	i := sort.Search(n, func(i int) bool { return k.recs[i].code >= code })
	r := keptRecord{code: code, diffs: append([]RecordDiff(nil), diffs...)}
	if n < k.limit {
		k.recs = append(k.recs, keptRecord{})
	}
	copy(k.recs[i+1:], k.recs[i:len(k.recs)-1])
	k.recs[i] = r
}

// verdictTable indexes one record's metric verdicts by metric.
type verdictTable struct {
	v   [indicator.NumIDs]indicator.Verdict
	has [indicator.NumIDs]bool
}

func (t *verdictTable) fill(vs []indicator.Verdict) {
	clear(t.has[:])
	for _, v := range vs {
		if v.Metric.Valid() {
			t.v[v.Metric], t.has[v.Metric] = v, true
		}
	}
}

// compare appends the metrics on which a and b differ to diffs and counts them in rec.
func (rec *Reconciliation) compare(kind RecordKind, code, unit string, a, b *verdictTable, diffs []RecordDiff) []RecordDiff {
	for id := 1; id < indicator.NumIDs; id++ {
		if !a.has[id] && !b.has[id] {
			continue
		}
		if a.has[id] == b.has[id] && a.v[id] == b.v[id] {
			continue
		}
		rec.ByMetric[id]++
		diffs = append(diffs, RecordDiff{Kind: kind, Code: code, Unit: unit, Metric: indicator.ID(id),
			A: a.v[id], B: b.v[id], PresentA: a.has[id], PresentB: b.has[id]})
	}
	rec.Records++
	if len(diffs) > 0 {
		rec.Differing++
		rec.Pairs += int64(len(diffs))
	}
	return diffs
}

// Reconcile runs a and b over the same dossiers in one pass and lists the records whose verdicts
// differ, with both verdicts and reasons, plus both cards. When the two scorers were built with the same
// petitions and procedures (see Reconciliation), those are compared too: petitions for 5.0–5.2, and
// procedures for 1.1–1.3 per issuing unit. limit bounds the number of differing records listed per kind
// (0 lists none; the counts are always complete); the records kept are those with the smallest codes.
// Memory: O(limit) plus the two scorers' partial states. Errors: *OptionError when a scorer is nil, else
// Finish's. Cost: two AddDossier per dossier plus O(metrics) comparison; two classifications per
// petition and procedure.
func Reconcile(a, b *Scorer, dossiers iter.Seq[model.Dossier], limit int) (*Reconciliation, error) {
	if a == nil || b == nil {
		return nil, &OptionError{Field: "Reconcile", Err: errors.New("nil scorer")}
	}
	limit = max(limit, 0)
	rec := &Reconciliation{EditionA: a.edition.Name, EditionB: b.edition.Name}
	pa, pb := a.NewPartial(), b.NewPartial()
	keep := [3]keeper{{limit: limit}, {limit: limit}, {limit: limit}}
	var ta, tb verdictTable
	var diffs []RecordDiff
	if dossiers != nil {
		d := new(model.Dossier) // reused: see Run
		for *d = range dossiers {
			pa.AddDossier(d)
			pb.AddDossier(d)
			ta.fill(pa.last)
			tb.fill(pb.last)
			if diffs = rec.compare(KindDossier, d.Code, d.UnitID, &ta, &tb, diffs[:0]); len(diffs) > 0 {
				keep[KindDossier].offer(d.Code, diffs)
			}
		}
	}

	if rec.PetitionsCompared = samePetitions(a.petitions, b.petitions); rec.PetitionsCompared {
		var ba, bb []indicator.Verdict
		for i := range a.petitions {
			va, vb := a.sat.ClassifyPetition(&a.petitions[i]), b.sat.ClassifyPetition(&b.petitions[i])
			ba, bb = va.AppendVerdicts(ba[:0]), vb.AppendVerdicts(bb[:0])
			ta.fill(ba)
			tb.fill(bb)
			if diffs = rec.compare(KindPetition, va.ID, va.Unit, &ta, &tb, diffs[:0]); len(diffs) > 0 {
				keep[KindPetition].offer(va.ID, diffs)
			}
		}
	}
	if rec.ProceduresCompared = sameProcedures(a.procedures, b.procedures); rec.ProceduresCompared {
		for i := range a.procedures {
			va, vb := a.pub.ClassifyProcedure(&a.procedures[i]), b.pub.ClassifyProcedure(&b.procedures[i])
			// One comparison per issuing unit: the judgements of each side, grouped by unit.
			units := map[string]*[2]verdictTable{}
			var order []string
			for side, js := range [2][]publicationJudgement{judgements(va.Judgements), judgements(vb.Judgements)} {
				for _, j := range js {
					t := units[j.unit]
					if t == nil {
						t = new([2]verdictTable)
						units[j.unit] = t
						order = append(order, j.unit)
					}
					t[side].v[j.v.Metric], t[side].has[j.v.Metric] = j.v, true
				}
			}
			sort.Strings(order)
			var all []RecordDiff
			for _, u := range order {
				t := units[u]
				all = rec.compare(KindProcedure, va.Code, u, &t[0], &t[1], all)
			}
			if len(all) > 0 {
				keep[KindProcedure].offer(va.Code, all)
			}
		}
	}
	for _, k := range keep {
		for _, r := range k.recs {
			rec.Differences = append(rec.Differences, r.diffs...)
		}
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

func samePetitions(a, b []model.Petition) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].UnitID != b[i].UnitID {
			return false
		}
	}
	return true
}

func sameProcedures(a, b []model.Procedure) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Code != b[i].Code {
			return false
		}
	}
	return true
}
