package scorecard

import (
	"encoding/json"
	"errors"
	"iter"
	"sort"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/internal/lost"
	"github.com/vn-dvc/chiso766/indicator/online"
	"github.com/vn-dvc/chiso766/indicator/payment"
	"github.com/vn-dvc/chiso766/indicator/publication"
	"github.com/vn-dvc/chiso766/indicator/satisfaction"
	"github.com/vn-dvc/chiso766/indicator/timeliness"
	"github.com/vn-dvc/chiso766/model"
)

// FailingRecord is one record that costs its unit points: it is in the denominator of a scored metric and
// not in its numerator (the records the explanations count). Kind says what Code names: a dossier code,
// a petition id, a procedure code (1.1–1.3), or a procedure of a unit that loses 3.1, 3.2, 3.4 or 3.5 as a
// whole ("unit/code" for a sub-unit's service in a parent). Facts are filled for dossiers only.
type FailingRecord struct {
	Unit   string               `json:"unit"`
	Metric indicator.ID         `json:"metric"`
	Reason indicator.Reason     `json:"reason"`
	Kind   indicator.RecordKind `json:"-"`
	Code   string               `json:"code"`
	Facts  RecordFacts          `json:"facts"`
}

// MarshalJSON encodes the record in camelCase with its kind as a word ("dossier", "petition",
// "procedure", "offering").
func (r FailingRecord) MarshalJSON() ([]byte, error) {
	type plain FailingRecord
	return json.Marshal(struct {
		plain
		Kind string `json:"kind"`
	}{plain(r), r.Kind.String()})
}

// RecordFacts are the facts of a dossier that decided its verdict, as the records carry them; a zero
// time or an empty string is a fact the dossier does not carry (or that the metric does not use).
type RecordFacts struct {
	Procedure string `json:"procedure,omitempty"` // MaTTHC
	Status    string `json:"status,omitempty"`    // TrangThaiHoSo as read
	Channel   string `json:"channel,omitempty"`   // KenhThucHien as read
	// Received is the reception time (NgayTiepNhan, or NgayNopHoSo under the fallback policy).
	Received time.Time `json:"received,omitzero"`
	// DeemedReceipt (2.1 and 5.3's lateness only) is the day the dossier counts as received (cut-off, non
	// working day), "YYYY-MM-DD".
	DeemedReceipt string `json:"deemedReceipt,omitempty"`
	// Appointment is NgayHenTra as given; Due (2.1 and 5.3's lateness only) the due instant judged against
	// (timeliness.Verdict.DueAt: the appointment as an instant, or 24:00 of a computed due day), which also
	// reflects supplements and the catalogue's duration when there is no appointment.
	Appointment time.Time `json:"appointment,omitzero"`
	Due         time.Time `json:"due,omitzero"`
	// End is the end of processing (NgayKetThucXuLy); for 2.1 the event judged (a pending supplement's
	// request, or the judgement instant for an open dossier).
	End time.Time `json:"end,omitzero"`
	// LateWorkingDays (2.1) is how many working days past Due the dossier ended or stands; Supplements
	// the supplement requests counted.
	LateWorkingDays int `json:"lateWorkingDays,omitempty"`
	Supplements     int `json:"supplements,omitempty"`
	// FeeLines and FeeTotal (VND) describe the fee lines; Payment is DuocThanhToanTrucTuyen as read.
	FeeLines int    `json:"feeLines,omitempty"`
	FeeTotal int64  `json:"feeTotal,omitempty"`
	Payment  string `json:"payment,omitempty"`
	// Missing names what the record lacks for the numerator, when the reason is a missing component
	// ("electronic_result", "submitted_file", "result_file", "reused_data", "store_link",
	// "population_data", "online_payment", "portal_sync", "online_submission").
	Missing string `json:"missing,omitempty"`
}

// missing maps the reasons that mean "a component is missing" to the component.
func missing(r indicator.Reason) string {
	switch r {
	case digitisation.ReasonNoElectronicResult, online.ReasonOnlineWithoutEResult:
		return "electronic_result"
	case digitisation.ReasonNoSubmittedFile:
		return "submitted_file"
	case digitisation.ReasonNoResultFile:
		return "result_file"
	case digitisation.ReasonNoReusedData:
		return "reused_data"
	case digitisation.ReasonNotLinkedToStore:
		return "store_link"
	case digitisation.ReasonNoPopulationData:
		return "population_data"
	case payment.ReasonNotPaidOnline:
		return "online_payment"
	case publication.ReasonNotSynced, publication.ReasonSyncFailed:
		return "portal_sync"
	case online.ReasonNotOnline:
		return "online_submission"
	}
	return ""
}

// RecordOptions selects the failing records FailingRecords yields.
type RecordOptions struct {
	// Unit, when not empty, keeps the records behind that unit's pooled score: for a metric its parents
	// sum (indicator.PoolSum), the unit's and its sub-units' records; for one it counts itself
	// (PoolOwn: 3.1, 3.2, 3.4, 3.5, 4.6a), its own; for one computed higher up (PoolCarryDown), the
	// computing ancestor's. It must be a unit of Inputs.Units.
	Unit string
	// Metrics, when not nil, keeps only these metrics.
	Metrics []indicator.ID
}

// recordFilter is RecordOptions resolved: per metric, the units whose records are kept (nil: all).
type recordFilter struct {
	metrics [indicator.NumIDs]bool
	units   [indicator.NumIDs]map[string]bool
}

func (f *recordFilter) keep(unit string, id indicator.ID) bool {
	if !id.Valid() || !f.metrics[id] {
		return false
	}
	return f.units[id] == nil || f.units[id][unit]
}

func (s *Scorer) recordFilter(opt RecordOptions) (*recordFilter, error) {
	f := new(recordFilter)
	if opt.Metrics == nil {
		f.metrics = s.scored
	} else {
		for _, id := range opt.Metrics {
			if !id.Valid() {
				return nil, optionError("RecordOptions.Metrics", errors.New("unknown metric "+id.String()))
			}
			f.metrics[id] = s.scored[id]
		}
	}
	if opt.Unit == "" {
		return f, nil
	}
	if !s.known[opt.Unit] {
		return nil, optionError("RecordOptions.Unit", errors.New("unknown unit "+opt.Unit))
	}
	node := make(map[string]indicator.UnitNode, len(s.nodes))
	for _, n := range s.nodes {
		node[n.ID] = n
	}
	sub := make(map[string]bool)
	for _, u := range s.subtree(opt.Unit) {
		sub[u] = true
	}
	for _, id := range indicator.IDs() {
		switch s.agg.Modes[id] {
		case indicator.PoolOwn:
			f.units[id] = map[string]bool{opt.Unit: true}
		case indicator.PoolCarryDown:
			cur := opt.Unit
			for {
				n := node[cur]
				if n.Parent == "" || computing(s.agg, n.Kind) {
					break
				}
				cur = n.Parent
			}
			f.units[id] = map[string]bool{cur: true}
		default:
			f.units[id] = sub
		}
	}
	return f, nil
}

func computing(a indicator.Aggregation, k indicator.UnitKind) bool {
	for _, c := range a.ComputingKinds {
		if c == k {
			return true
		}
	}
	return false
}

// lostVerdict reports whether v costs points: in the denominator, not in the numerator, of a scored metric.
func (s *Scorer) lostVerdict(v *indicator.Verdict) bool {
	return v.InDenominator && !v.InNumerator && v.Metric.Valid() && s.scored[v.Metric]
}

// FailingRecords yields every record that costs points — in a scored metric's denominator and not in its
// numerator — with its unit, metric, reason code and, for dossiers, the facts that decided it: first the
// dossiers of the stream in stream order (a dossier once per metric it fails, in calculator order), then
// the records judged at the end (catalogue procedures, petitions, offerings), in the calculators' order.
// No passing record is yielded. Per unit, metric and reason, the records yielded add up to the counts of
// the card's explanations of the same records (ReasonUnexplained, the part no record carries, has no
// record).
//
// Policy: "costs points" is read as "in the shortfall" (Den − Num), the records the explanations count.
// A metric at its cap (3.3 above 50 %, say) loses nothing now, yet its shortfall records are listed: they
// are what would cost points if the ratio fell, and the card's explanations give their reason 0 points
// (filter on those to keep only records that cost points today).
//
// It is a second pass: the caller passes the same dossiers as to Run (the stream is read once, lazily,
// as the iterator is consumed). Memory does not grow with the number of dossiers or failing records: one
// dossier is judged at a time and the calculators' state is that of a pass. An error is yielded alone,
// before any record: an *indicator.OptionError for an unknown RecordOptions.Unit or metric, or the error
// of building the 2.1 calculator for the deadline facts. Cost: one pass of the six calculators (dossier by
// dossier, not in chunks), plus one 2.1 Classify per dossier failing 2.1 or 5.3 for its deadline facts,
// plus the calculators' reports (no tree, no scores).
func (s *Scorer) FailingRecords(dossiers iter.Seq[model.Dossier], opt RecordOptions) iter.Seq2[FailingRecord, error] {
	return func(yield func(FailingRecord, error) bool) {
		f, err := s.recordFilter(opt)
		if err != nil {
			yield(FailingRecord{}, err)
			return
		}
		tl, err := s.timelinessCalculator()
		if err != nil {
			yield(FailingRecord{}, err)
			return
		}
		p := s.NewPartial()
		var failed []indicator.Verdict
		note := func(c *indicator.Case, v indicator.Verdict) {
			if s.lostVerdict(&v) && f.keep(c.Dossier.UnitID, v.Metric) {
				failed = append(failed, v)
			}
		}
		sink := lost.NewNote(note) // the calculators hand note only the verdicts that lose points
		if dossiers != nil {
			var d model.Dossier // one variable for the whole stream: the pass never retains it
			for d = range dossiers {
				failed = failed[:0]
				p.addOne(&d, note, sink)
				var tv *timeliness.Verdict
				for _, v := range failed {
					r := FailingRecord{Unit: d.UnitID, Metric: v.Metric, Reason: v.Reason, Kind: indicator.RecordDossier, Code: d.Code}
					r.Facts, tv = s.facts(&d, v, tl, tv)
					if !yield(r, nil) {
						return
					}
				}
			}
		}
		// The records judged at the end: each calculator's report, with the verdicts going to the Note (the
		// tree and the scores are not built: the card is not needed here).
		stopped := false
		scope := &indicator.Scope{Aggregation: s.agg, Parents: s.parents, Subtree: s.subtree,
			Note: func(kind indicator.RecordKind, unit, code string, v indicator.Verdict) {
				if stopped || unit == "" || !s.lostVerdict(&v) || !f.keep(unit, v.Metric) {
					return
				}
				stopped = !yield(FailingRecord{Unit: unit, Metric: v.Metric, Reason: v.Reason, Kind: kind, Code: code}, nil)
			}}
		for _, a := range p.accs {
			if stopped {
				return
			}
			a.Report(scope)
		}
	}
}

// timelinessCalculator builds a 2.1 calculator equal to the pass's, for the deadline facts.
func (s *Scorer) timelinessCalculator() (*timeliness.Calculator, error) {
	o, pol := s.opts, s.edition.Policy
	byCode := make(map[string]model.Procedure, len(s.procedures))
	for _, p := range s.procedures {
		if _, dup := byCode[p.Code]; p.Code != "" && !dup {
			byCode[p.Code] = p
		}
	}
	return timeliness.New(timeliness.Options{Period: o.Period, AsOf: o.AsOf, Calendar: o.Calendar,
		Policy: pol.Timeliness, Reception: pol.Reception, Procedures: byCode})
}

// facts gathers the facts of d that decided v; tv caches d's 2.1 verdict between d's metrics.
func (s *Scorer) facts(d *model.Dossier, v indicator.Verdict, tl *timeliness.Calculator, tv *timeliness.Verdict) (RecordFacts, *timeliness.Verdict) {
	f := RecordFacts{Procedure: d.ProcedureCode, Status: d.Status.String(), Channel: d.Channel.String(),
		Payment: d.OnlinePayment.String(), Missing: missing(v.Reason)}
	switch {
	case d.ReceivedAt.Valid:
		f.Received = d.ReceivedAt.T
	case d.SubmittedAt.Valid && s.edition.Policy.Reception.FallbackToSubmitted:
		f.Received = d.SubmittedAt.T
	}
	if d.DueAt.Valid {
		f.Appointment = d.DueAt.T
	}
	if d.ProcessingEndedAt.Valid {
		f.End = d.ProcessingEndedAt.T
	}
	for _, fee := range d.Fees {
		f.FeeLines++
		f.FeeTotal += fee.Amount
	}
	if v.Metric == indicator.M21 || v.Metric == indicator.M53 && v.Reason == satisfaction.ReasonDossierLate {
		if tv == nil {
			x := tl.Classify(d)
			tv = &x
		}
		f.Received, f.End, f.Supplements = tv.Received, tv.End, tv.Supplements
		if !tv.DueAt.IsZero() {
			f.Due = tv.DueAt
		}
		f.LateWorkingDays = tv.LateWorkingDays
		if !tv.Received.IsZero() {
			if dl, err := s.opts.Calendar.Due(tv.Received, calendar.Duration{Unit: calendar.WorkingDays}, s.edition.Policy.Timeliness.Deadline); err == nil {
				f.DeemedReceipt = dl.DeemedReceipt.String()
			}
		}
	}
	return f, tv
}

// ProcedureCounts is one unit's counts for one procedure: the dossier metrics' numerators and
// denominators restricted to the unit's own dossiers of that procedure.
type ProcedureCounts struct {
	Unit, Procedure string
	// Counts holds the counts of BreakdownMetrics (other entries are zero).
	Counts [indicator.NumIDs]indicator.Count
}

// BreakdownMetrics are the metrics of the per-procedure breakdown: 2.1, 3.3, 3.6 and group 4's dossier
// metrics.
var breakdownMetrics = [...]indicator.ID{indicator.M21, indicator.M33, indicator.M36, indicator.M41,
	indicator.M42, indicator.M43, indicator.M45, indicator.M46b}

// BreakdownMetrics returns the metrics ProcedureBreakdown counts: 2.1, 3.3, 3.6, 4.1, 4.2, 4.3, 4.5, 4.6b.
func BreakdownMetrics() []indicator.ID { return append([]indicator.ID(nil), breakdownMetrics[:]...) }

// MarshalJSON encodes {"unit", "procedure", "metrics": [{"metric", "num", "den"}]} with the breakdown
// metrics whose denominator is not 0, in catalogue order (an empty list as []).
func (p ProcedureCounts) MarshalJSON() ([]byte, error) {
	type count struct {
		Metric indicator.ID `json:"metric"`
		Num    int64        `json:"num"`
		Den    int64        `json:"den"`
	}
	ms := []count{}
	for _, id := range breakdownMetrics {
		if c := p.Counts[id]; c.Den > 0 {
			ms = append(ms, count{id, c.Num, c.Den})
		}
	}
	return json.Marshal(struct {
		Unit      string  `json:"unit"`
		Procedure string  `json:"procedure"`
		Metrics   []count `json:"metrics"`
	}{p.Unit, p.Procedure, ms})
}

// ProcedureBreakdown counts, per unit and procedure, the numerators and denominators of 2.1, 3.3, 3.6 and
// group 4's dossier metrics (4.1, 4.2, 4.3, 4.5, 4.6b) over the dossiers — so that a department sees which
// procedures drag it down. Units are the dossiers' own (a parent's pooled breakdown is the sum over its
// sub-tree); rows are sorted by unit, then procedure; with unit not empty only that unit and its
// sub-units are kept. The counts are those of the scorecard pass: per metric, the rows add up to the
// units' own tallies. It is a second pass over the same dossiers as Run. Errors: an
// *indicator.OptionError for an unknown unit. Memory O(units × procedures), never O(dossiers); cost one
// pass of the six calculators.
func (s *Scorer) ProcedureBreakdown(dossiers iter.Seq[model.Dossier], unit string) ([]ProcedureCounts, error) {
	keep := map[string]bool(nil)
	if unit != "" {
		if !s.known[unit] {
			return nil, optionError("unit", errors.New("unknown unit "+unit))
		}
		keep = map[string]bool{}
		for _, u := range s.subtree(unit) {
			keep[u] = true
		}
	}
	var in [indicator.NumIDs]bool
	for _, id := range breakdownMetrics {
		in[id] = true
	}
	type key struct{ unit, proc string }
	rows := map[key]*ProcedureCounts{}
	var last *ProcedureCounts
	note := func(c *indicator.Case, v indicator.Verdict) {
		if !v.InDenominator || !v.Metric.Valid() || !in[v.Metric] {
			return
		}
		d := c.Dossier
		if keep != nil && !keep[d.UnitID] {
			return
		}
		if last == nil || last.Unit != d.UnitID || last.Procedure != d.ProcedureCode {
			k := key{d.UnitID, d.ProcedureCode}
			if last = rows[k]; last == nil {
				last = &ProcedureCounts{Unit: d.UnitID, Procedure: d.ProcedureCode}
				rows[k] = last
			}
		}
		c2 := &last.Counts[v.Metric]
		c2.Den++
		if v.InNumerator {
			c2.Num++
		}
	}
	p := s.NewPartial()
	if dossiers != nil {
		var d model.Dossier
		for d = range dossiers {
			p.addOne(&d, note, nil) // every verdict in a denominator
		}
	}
	out := make([]ProcedureCounts, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Unit != out[b].Unit {
			return out[a].Unit < out[b].Unit
		}
		return out[a].Procedure < out[b].Procedure
	})
	return out, nil
}
