package scorecard

import (
	"errors"
	"iter"
	"slices"
	"sort"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// RecordKind is the kind of record a RecordDiff is about (indicator.RecordKind).
type RecordKind = indicator.RecordKind

// The kinds of records Reconcile compares.
const (
	KindDossier   = indicator.RecordDossier   // a dossier of the stream (Code: MaHoSo)
	KindPetition  = indicator.RecordPetition  // a petition of Inputs.Petitions (Code: its id)
	KindProcedure = indicator.RecordProcedure // a catalogue procedure judged for 1.1–1.3 at one issuing unit
)

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

func (t *verdictTable) set(v indicator.Verdict) {
	if v.Metric.Valid() {
		t.v[v.Metric], t.has[v.Metric] = v, true
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
// Memory: O(limit) plus the two scorers' partial states and the verdicts of their petitions and
// procedures. Errors: an *indicator.OptionError when a scorer is nil, else Finish's. Cost: two AddDossier
// per dossier plus O(metrics) comparison, and two Finish.
func Reconcile(a, b *Scorer, dossiers iter.Seq[model.Dossier], limit int) (*Reconciliation, error) {
	if a == nil || b == nil {
		return nil, optionError("Reconcile", errNilScorer)
	}
	limit = max(limit, 0)
	rec := &Reconciliation{EditionA: a.edition.Name, EditionB: b.edition.Name}
	pa, pb := a.NewPartial(), b.NewPartial()
	keep := [3]keeper{{limit: limit}, {limit: limit}, {limit: limit}}
	var ta, tb verdictTable
	var diffs []RecordDiff
	tee := func(p *Partial, t *verdictTable) indicator.Note {
		return func(c *indicator.Case, v indicator.Verdict) {
			if p.note != nil {
				p.note(c, v)
			}
			t.set(v)
		}
	}
	noteA, noteB := tee(pa, &ta), tee(pb, &tb)
	if dossiers != nil {
		d := new(model.Dossier) // reused
		for *d = range dossiers {
			clear(ta.has[:])
			clear(tb.has[:])
			pa.addOne(d, noteA, nil) // the tee records every verdict
			pb.addOne(d, noteB, nil)
			if diffs = rec.compare(KindDossier, d.Code, d.UnitID, &ta, &tb, diffs[:0]); len(diffs) > 0 {
				keep[KindDossier].offer(d.Code, diffs)
			}
		}
	}
	la, lb := verdictLog{}, verdictLog{}
	var err error
	if rec.A, err = a.finish(pa, la.add); err != nil {
		return nil, err
	}
	if rec.B, err = b.finish(pb, lb.add); err != nil {
		return nil, err
	}
	if rec.PetitionsCompared = samePetitions(a.petitions, b.petitions); rec.PetitionsCompared {
		keys := union(la, lb, KindPetition)
		for _, k := range keys {
			if diffs = rec.compare(KindPetition, k.code, k.unit, la.table(k), lb.table(k), diffs[:0]); len(diffs) > 0 {
				keep[KindPetition].offer(k.code, diffs)
			}
		}
		rec.Records += int64(max(len(a.petitions)-len(keys), 0)) // petitions neither side gave a verdict
	}
	if rec.ProceduresCompared = sameProcedures(a.procedures, b.procedures); rec.ProceduresCompared {
		keys := union(la, lb, KindProcedure)
		for i := 0; i < len(keys); {
			// One comparison per issuing unit; the procedure's differences are kept together.
			var all []RecordDiff
			code := keys[i].code
			for ; i < len(keys) && keys[i].code == code; i++ {
				all = rec.compare(KindProcedure, code, keys[i].unit, la.table(keys[i]), lb.table(keys[i]), all)
			}
			if len(all) > 0 {
				keep[KindProcedure].offer(code, all)
			}
		}
	}
	for _, k := range keep {
		for _, r := range k.recs {
			rec.Differences = append(rec.Differences, r.diffs...)
		}
	}
	return rec, nil
}

var errNilScorer = errors.New("nil scorer")

// verdictLog collects the verdicts Finish reports for the petitions and procedures it judges, per record
// and unit (records of one kind with the same code and unit share an entry).
type verdictLog map[logKey]*verdictTable

type logKey struct {
	kind       indicator.RecordKind
	code, unit string
}

func (l verdictLog) add(kind indicator.RecordKind, unit, code string, v indicator.Verdict) {
	if kind != KindPetition && kind != KindProcedure {
		return
	}
	k := logKey{kind, code, unit}
	if l[k] == nil {
		l[k] = new(verdictTable)
	}
	l[k].set(v)
}

// table returns the verdicts of k, or an empty table.
func (l verdictLog) table(k logKey) *verdictTable {
	if t := l[k]; t != nil {
		return t
	}
	return new(verdictTable)
}

// union returns the keys of one kind in a or b, by code then unit.
func union(a, b verdictLog, kind indicator.RecordKind) []logKey {
	var out []logKey
	for _, l := range []verdictLog{a, b} {
		for k := range l {
			if k.kind == kind {
				out = append(out, k)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].code < out[j].code || out[i].code == out[j].code && out[i].unit < out[j].unit
	})
	return slices.Compact(out)
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
