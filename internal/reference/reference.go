// Package reference is a second, deliberately simple implementation of the record rules of the Decision
// 766 index, for tests only: it decides, for each dossier and each dossier metric, whether the record is in
// the denominator, in the numerator and why, and counts the procedures of the procedure-counting metrics,
// so that a test can compare every count with the calculators' (indicator/scorecard's reference tests and
// examples/internal/refcheck).
//
// It was written from the rules handbook (docs/rules.md, docs/calendar.md) and the decisions of issue 13,
// not from the calculators: it imports package model for the records and the calendar only for its day
// classification (Calendar.Day, one date at a time). Deadlines are found by walking dates one day at a
// time, office hours are added by hand, counts are plain maps. Nothing here is fast or clever on purpose:
// every rule is an if/else that a reader can check against the handbook line it cites.
//
// Covered: every scored metric and 2.2 (count and seconds), 5.0, with the portal edition's default policies.
//
// Readings the handbook did not state when this judge was written, settled by looking at the dossiers
// and procedures on which a first version of it and the calculators differed on the sample province
// (never at the calculators' code), and since written into docs/rules.md: how the applicant's supplement
// time is measured (2.1), a request pending since before the period (2.1), 1.2's pending procedures
// (unpublished at the judgement instant, decided by as-of). Financial-obligation entries are not requests.
//
// Cost: O(dossiers × metrics) time plus, per dossier with a computed deadline, one Calendar.Day call per
// day walked; memory O(dossiers) (decisions are kept). Judge fails only on a nil calendar or a zero period.
package reference

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

// Metric names, as the handbook numbers them.
const (
	M11  = "1.1"
	M12  = "1.2"
	M13  = "1.3"
	M14  = "1.4"
	M21  = "2.1"
	M22  = "2.2"
	M31  = "3.1"
	M32  = "3.2"
	M33  = "3.3"
	M34  = "3.4"
	M35  = "3.5"
	M36  = "3.6"
	M41  = "4.1"
	M42  = "4.2"
	M43  = "4.3"
	M44  = "4.4"
	M45  = "4.5"
	M46a = "4.6a"
	M46b = "4.6b"
	M50  = "5.0"
	M51  = "5.1"
	M52  = "5.2"
	M53  = "5.3"
)

// DossierMetrics are the metrics judged record by record (a Decision per dossier each).
var DossierMetrics = []string{M14, M21, M22, M33, M36, M41, M42, M43, M45, M46b, M53}

// ProcedureMetrics are the metrics that count procedures, services or communes, judged per unit.
var ProcedureMetrics = []string{M31, M32, M34, M35, M44, M46a}

// PublicationMetrics are group 1's procedure metrics: 1.1 at the issuing unit, 1.2 and 1.3 carried down.
var PublicationMetrics = []string{M11, M12, M13}

// PetitionMetrics are the petition metrics, counted per unit and summed over sub-trees.
var PetitionMetrics = []string{M50, M51, M52}

// Count is a numerator and a denominator.
type Count struct{ Num, Den int64 }

// Decision is the reference's verdict on one dossier for one metric.
type Decision struct {
	Code, Unit, Metric string
	InDen, InNum       bool
	Reason             string
	Seconds            int64 // 2.2: elapsed seconds from reception to end of processing
}

// Input is everything the judge reads besides the dossiers.
type Input struct {
	Units      []model.Unit
	Procedures []model.Procedure
	Offerings  []model.Offering
	Ratings    []model.Rating
	Petitions  []model.Petition // 5.0–5.2, and those naming a dossier are 5.3's complaints
	Communes   map[string]bool  // 4.4: commune unit id → offers electronic certified copies
	Period     model.Period
	AsOf       time.Time
	Calendar   *calendar.Calendar
}

// Result holds the reference counts.
type Result struct {
	// Pooled is unit → metric → the counts the unit's row shows: sums over the sub-tree for dossier
	// metrics and 4.4, the unit's own distinct count for 3.1, 3.2, 3.4, 3.5 and 4.6a.
	Pooled map[string]map[string]Count
	// Own is unit → metric → the unit's own dossier counts (no sub-units).
	Own map[string]map[string]Count
	// Seconds22 is unit → pooled sum of 2.2's elapsed seconds.
	Seconds22 map[string]int64
	// Decisions is one entry per kept dossier and dossier metric, in input order.
	Decisions []Decision
	// Duplicates lists the codes that occurred more than once (the latest version was judged).
	Duplicates []string
	// Unattributed lists dossier codes whose unit is not in Input.Units.
	Unattributed []string
}

// ErrInput reports a missing calendar or period.
var ErrInput = errors.New("reference: bad input")

type judge struct {
	in       Input
	procs    map[string]*model.Procedure
	parent   map[string]string
	children map[string][]string
	roots    []string
	j        time.Time // judgement instant: min(last second of the period, as-of)
	first    calendar.Date
	last     calendar.Date
	dislike  map[string]bool
	complain map[string]bool
}

// Judge runs the reference rules over the dossiers.
func Judge(in Input, dossiers []model.Dossier) (*Result, error) {
	if in.Calendar == nil || in.Period.Start.IsZero() {
		return nil, fmt.Errorf("%w: calendar and period are required", ErrInput)
	}
	jd := &judge{in: in, procs: map[string]*model.Procedure{}, parent: map[string]string{}, children: map[string][]string{}}
	for i := range in.Procedures {
		if _, ok := jd.procs[in.Procedures[i].Code]; !ok {
			jd.procs[in.Procedures[i].Code] = &in.Procedures[i]
		}
	}
	for _, u := range in.Units {
		jd.parent[u.ID] = u.Parent
		if u.Parent == "" {
			jd.roots = append(jd.roots, u.ID)
		} else {
			jd.children[u.Parent] = append(jd.children[u.Parent], u.ID)
		}
	}
	jd.first = calendar.DateOf(in.Period.Start, model.Vietnam())
	jd.last = calendar.DateOf(in.Period.End, model.Vietnam())
	// The last second of the period: the day after the last day, at 00:00, minus one second.
	periodEnd := jd.last.AddDays(1).In(model.Vietnam()).Add(-time.Second)
	jd.j = periodEnd
	if in.AsOf.Before(periodEnd) {
		jd.j = in.AsOf
	}

	// 5.3's dislikes and complaints, dated no later than the judgement instant.
	jd.dislike = map[string]bool{}
	for _, r := range in.Ratings {
		if r.At.Valid && r.At.T.After(jd.j) {
			continue
		}
		if r.Dislike {
			jd.dislike[r.DossierCode] = true
		}
	}
	jd.complain = map[string]bool{}
	for _, p := range in.Petitions {
		if p.DossierCode == "" {
			continue
		}
		if p.ReceivedAt.Valid && p.ReceivedAt.T.After(jd.j) {
			continue
		}
		jd.complain[p.DossierCode] = true
	}

	res := &Result{Pooled: map[string]map[string]Count{}, Own: map[string]map[string]Count{}, Seconds22: map[string]int64{}}
	for _, u := range in.Units {
		res.Pooled[u.ID] = map[string]Count{}
		res.Own[u.ID] = map[string]Count{}
	}

	// Decision 3: one dossier per code, the latest version wins (the later send time when both versions
	// carry one and they differ, else the later record of the stream).
	latest := map[string]int{}
	seen := map[string]int{}
	for i := range dossiers {
		c := dossiers[i].Code
		seen[c]++
		k, ok := latest[c]
		if !ok {
			latest[c] = i
			continue
		}
		a, b := dossiers[k].Sync.SentAt, dossiers[i].Sync.SentAt
		if a.Valid && b.Valid && a.T.After(b.T) {
			continue // the earlier record was sent later: it stays
		}
		latest[c] = i // sent later, or no two send times to compare: the later record wins (docs/data.md)
	}
	for c, n := range seen {
		if n > 1 {
			res.Duplicates = append(res.Duplicates, c)
		}
	}
	sort.Strings(res.Duplicates)

	// Per-unit facts the procedure metrics need: procedures paid online / carrying fee data in 3.6,
	// procedures with an online dossier in 3.3's denominator.
	paid := map[string]map[string]bool{}    // unit → procedure
	feeData := map[string]map[string]bool{} // unit → procedure
	online := map[string]map[string]bool{}  // unit → procedure
	mark := func(m map[string]map[string]bool, u, p string) {
		if m[u] == nil {
			m[u] = map[string]bool{}
		}
		m[u][p] = true
	}

	for i := range dossiers {
		if latest[dossiers[i].Code] != i {
			continue
		}
		d := &dossiers[i]
		if _, ok := res.Own[d.UnitID]; !ok {
			res.Unattributed = append(res.Unattributed, d.Code)
			continue
		}
		ds := jd.dossier(d)
		for _, dc := range ds {
			res.Decisions = append(res.Decisions, dc)
			c := res.Own[d.UnitID][dc.Metric]
			if dc.InDen {
				c.Den++
			}
			if dc.InNum {
				c.Num++
			}
			res.Own[d.UnitID][dc.Metric] = c
			if dc.Metric == M22 && dc.InDen {
				res.Seconds22[d.UnitID] += dc.Seconds
			}
			if dc.Metric == M36 && dc.InDen {
				if dc.InNum {
					mark(paid, d.UnitID, d.ProcedureCode)
				}
				if len(d.Fees) > 0 {
					mark(feeData, d.UnitID, d.ProcedureCode)
				}
			}
			if dc.Metric == M33 && dc.InDen && d.Channel.Code() == model.ChannelOnline {
				mark(online, d.UnitID, d.ProcedureCode)
			}
		}
	}

	jd.petitions(res)

	// Sum metrics: a unit's row is the sum over its sub-tree.
	secOwn := res.Seconds22
	res.Seconds22 = map[string]int64{}
	for _, u := range in.Units {
		for _, s := range jd.subtree(u.ID) {
			for _, m := range append(slices.Clone(DossierMetrics), PetitionMetrics...) {
				c := res.Pooled[u.ID][m]
				o := res.Own[s][m]
				c.Num += o.Num
				c.Den += o.Den
				res.Pooled[u.ID][m] = c
			}
			res.Seconds22[u.ID] += secOwn[s]
		}
	}
	jd.procedureMetrics(res, paid, feeData, online)
	jd.publication(res)
	return res, nil
}

// subtree lists u and every unit under it.
func (jd *judge) subtree(u string) []string {
	out := []string{u}
	for _, c := range jd.children[u] {
		out = append(out, jd.subtree(c)...)
	}
	return out
}

// placeholder: a date before 2000 or more than a year after as-of is no date (decision 7).
func (jd *judge) placeholder(t time.Time) bool {
	if t.Year() < 2000 {
		return true
	}
	return t.After(jd.in.AsOf.AddDate(1, 0, 0))
}

// reception gives the dossier's reception instant or the reason it has none ([Reception]).
func (jd *judge) reception(d *model.Dossier) (time.Time, string) {
	if d.Status.Code() == model.StatusRegistered {
		return time.Time{}, "not_received" // decision 4: status 1 is outside every dossier metric
	}
	if d.Status.Code() == model.StatusWithdrawn && !d.ReceivedAt.Valid {
		return time.Time{}, "withdrawn_before_reception"
	}
	var t time.Time
	if d.ReceivedAt.Valid {
		t = d.ReceivedAt.T
	} else if d.SubmittedAt.Valid {
		t = d.SubmittedAt.T // fall-back to NgayNopHoSo [Doc]
	} else {
		return time.Time{}, "no_reception"
	}
	if jd.placeholder(t) {
		return time.Time{}, "placeholder_reception"
	}
	return t, ""
}

func (jd *judge) date(t time.Time) calendar.Date { return calendar.DateOf(t, model.Vietnam()) }

// inPeriod: the civil date is one of the period's days and the instant is not after as-of.
func (jd *judge) inPeriod(t time.Time) bool {
	dt := jd.date(t)
	if dt.Before(jd.first) || dt.After(jd.last) {
		return false
	}
	return !t.After(jd.in.AsOf)
}

// dossier returns one decision per dossier metric.
func (jd *judge) dossier(d *model.Dossier) []Decision {
	var out []Decision
	add := func(m string, den, num bool, reason string, sec int64) {
		out = append(out, Decision{Code: d.Code, Unit: d.UnitID, Metric: m, InDen: den, InNum: den && num, Reason: reason, Seconds: sec})
	}
	proc := jd.procs[d.ProcedureCode]
	recv, why := jd.reception(d)
	received := why == "" && jd.inPeriod(recv)
	if why == "" && !received {
		why = "outside_period"
	}

	// 1.4: received in the period; numerator: sent by as-of with a success code ("0" or empty).
	if !received {
		add(M14, false, false, why, 0)
	} else {
		sent := d.Sync.SentAt.Valid && !d.Sync.SentAt.T.After(jd.in.AsOf)
		ok := d.Sync.ErrorCode == "0" || d.Sync.ErrorCode == ""
		switch {
		case !sent:
			add(M14, true, false, "not_synced", 0)
		case !ok:
			add(M14, true, false, "sync_failed", 0)
		default:
			add(M14, true, true, "synced", 0)
		}
	}

	// 2.1, 2.2 and 5.3.
	tm := jd.timeliness(d, proc)
	add(M21, tm.inDen, tm.inNum, tm.reason, 0)
	if tm.finished && tm.reason != "ended_before_period" && tm.recvOK {
		add(M22, true, false, "finished", tm.seconds)
	} else {
		add(M22, false, false, "not_finished_in_period", 0)
	}
	switch {
	case !tm.inDen:
		add(M53, false, false, tm.reason, 0)
	case !tm.inNum:
		add(M53, true, false, "resolved_late", 0)
	case jd.disliked(d):
		add(M53, true, false, "disliked", 0)
	case jd.complained(d):
		add(M53, true, false, "complaint", 0)
	default:
		add(M53, true, true, "satisfied", 0)
	}

	// 3.3: received online, and with an electronic result when the procedure issues a paper one.
	if !received {
		add(M33, false, false, why, 0)
	} else {
		onlineCh := d.Channel.Code() == model.ChannelOnline
		paper := proc != nil && proc.PaperResult // unknown procedure: the online channel suffices
		switch {
		case !onlineCh:
			add(M33, true, false, "not_online", 0)
		case paper && !hasElectronicResult(d):
			add(M33, true, false, "no_electronic_result", 0)
		default:
			add(M33, true, true, "online", 0)
		}
	}

	// 3.6: fee-bearing procedure, not every fee line zero; numerator paid online (codes 1, 2).
	switch {
	case !received:
		add(M36, false, false, why, 0)
	case proc == nil:
		add(M36, false, false, "unknown_procedure", 0)
	case !procFeeBearing(proc):
		add(M36, false, false, "free_procedure", 0)
	case allZeroFees(d):
		add(M36, false, false, "zero_fee_lines", 0)
	default:
		pc := d.OnlinePayment.Code()
		add(M36, true, pc == model.PaymentPortal || pc == model.PaymentGateway, "fee_bearing", 0)
	}

	// Group 4: the dossiers received in the period.
	if !received {
		for _, m := range []string{M41, M42, M43, M45, M46b} {
			add(m, false, false, why, 0)
		}
		return out
	}
	switch {
	case proc == nil:
		add(M41, false, false, "unknown_procedure", 0)
	case !proc.PaperResult:
		add(M41, false, false, "no_paper_result", 0)
	default:
		add(M41, true, hasElectronicResult(d), "paper_result", 0)
	}
	add(M42, true, hasLinkedSubmittedFile(d) && hasResultFile(d), "received", 0) // decision 6
	if !d.ReceivedAt.Valid {
		add(M43, false, false, "no_reception_date", 0)
	} else {
		add(M43, true, reusesDigitised(d), "received", 0)
	}
	add(M45, true, fromStore(d) || d.ResultSyncedToStore == model.FlagTrue, "received", 0)
	add(M46b, true, d.VNeIDAuthenticated == model.FlagTrue || fromStore(d) || hasDB(d, "7"), "received", 0)
	return out
}

func hasElectronicResult(d *model.Dossier) bool {
	for _, r := range d.Results {
		if r.Code != "" && r.URL != "" {
			return true
		}
	}
	return false
}

func hasResultFile(d *model.Dossier) bool {
	for _, r := range d.Results {
		if r.URL != "" {
			return true
		}
	}
	return false
}

func hasLinkedSubmittedFile(d *model.Dossier) bool {
	for _, f := range d.Files {
		if f.Deleted != model.FlagTrue && f.URL != "" {
			return true
		}
	}
	return false
}

func reusesDigitised(d *model.Dossier) bool {
	if d.HasDigitisedComponents == model.FlagTrue {
		return true
	}
	for _, f := range d.Files {
		if f.Deleted != model.FlagTrue && f.Digitised == model.FlagTrue {
			return true
		}
	}
	return false
}

func fromStore(d *model.Dossier) bool {
	for _, f := range d.Files {
		if f.Deleted != model.FlagTrue && f.FromStore == model.FlagTrue {
			return true
		}
	}
	return false
}

func hasDB(d *model.Dossier, code string) bool {
	for _, c := range d.Databases {
		if c == code {
			return true
		}
	}
	return false
}

// procFeeBearing: the catalogue gives at least one fee that is neither 0 nor empty.
func procFeeBearing(p *model.Procedure) bool {
	for _, f := range p.Fees {
		if f.Known && f.Amount != 0 {
			return true
		}
	}
	return false
}

// allZeroFees: the dossier has fee lines and every one of them is 0. No fee line at all is not "all
// zero" (NoFeeLinesCounted). A line whose amount is absent is not a zero line (decision 5).
func allZeroFees(d *model.Dossier) bool {
	if len(d.Fees) == 0 {
		return false
	}
	for _, f := range d.Fees {
		if f.AmountUnknown || f.Amount != 0 {
			return false
		}
	}
	return true
}

func (jd *judge) disliked(d *model.Dossier) bool {
	if jd.dislike[d.Code] {
		return true
	}
	for _, a := range d.Aliases {
		if jd.dislike[a] {
			return true
		}
	}
	return false
}

func (jd *judge) complained(d *model.Dossier) bool {
	if jd.complain[d.Code] {
		return true
	}
	for _, a := range d.Aliases {
		if jd.complain[a] {
			return true
		}
	}
	return false
}

// durationOf picks the procedure's duration for the dossier's channel, else its first one.
func durationOf(p *model.Procedure, ch model.ChannelCode) (model.ProcedureDuration, bool) {
	for _, d := range p.Durations {
		if d.Channel.Code() == ch {
			return d, true
		}
	}
	if len(p.Durations) > 0 {
		return p.Durations[0], true
	}
	return model.ProcedureDuration{}, false
}

var eight = decimal.NewFromInt(8)
