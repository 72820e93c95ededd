package publication

import (
	"slices"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Judgement is one procedure's outcome for one metric (1.1, 1.2 or 1.3) at one issuing unit, with the
// dates that decided it.
type Judgement struct {
	Metric        indicator.ID
	UnitID        string // the issuing unit; "" when none could be found
	Reason        indicator.Reason
	InDenominator bool
	InNumerator   bool
	DecisionID    string        // the announcement decision that decided the outcome (the late one, if any)
	Decision      calendar.Date // that decision's date (zero when not applicable, as the next two)
	Deadline      calendar.Date // the last on-time decision date (1.1) or publish date (1.2)
	Actual        calendar.Date // the date compared with Deadline (1.2: zero while unpublished)
}

func (j Judgement) verdict() indicator.Verdict {
	return indicator.Verdict{Metric: j.Metric, InDenominator: j.InDenominator, InNumerator: j.InDenominator && j.InNumerator, Reason: j.Reason}
}

// ProcedureVerdict is one procedure's outcome for 1.1, 1.2 and 1.3: one Judgement per metric and issuing
// unit (usually one issuer, so three judgements).
type ProcedureVerdict struct {
	Code       string
	Judgements []Judgement
}

// primary returns the judgement of metric m that the ledger records for the procedure: the first one in
// a denominator, else the first one. ok is false when the verdict has no judgement for m.
func (v *ProcedureVerdict) primary(m indicator.ID) (j Judgement, ok bool) {
	for _, x := range v.Judgements {
		if x.Metric == m {
			if x.InDenominator {
				return x, true
			}
			if !ok {
				j, ok = x, true
			}
		}
	}
	return j, ok
}

// days is d's number for an issuer of kind k; ok is false when k is neither a ministry nor a province.
func days(d indicator.LevelDays, k model.UnitKind) (n int, ok bool) {
	switch k.Code() {
	case model.UnitMinistry:
		return d.Ministry, true
	case model.UnitProvince:
		return d.Province, true
	}
	return 0, false
}

// ClassifyProcedure judges one procedure for 1.1, 1.2 and 1.3 at each unit that issued an announcement
// decision about it (Publication.IssuerCode, else Procedure.PublisherCode). It is pure and safe for
// concurrent use; data problems give exclusion reasons.
func (c *Calculator) ClassifyProcedure(p *model.Procedure) ProcedureVerdict {
	v := ProcedureVerdict{Code: p.Code}
	excludeAll := func(unit string, r indicator.Reason) {
		v.Judgements = append(v.Judgements,
			Judgement{Metric: indicator.M11, UnitID: unit, Reason: r},
			Judgement{Metric: indicator.M12, UnitID: unit, Reason: r},
			Judgement{Metric: indicator.M13, UnitID: unit, Reason: r})
	}
	switch {
	case p.Code == "":
		excludeAll("", ReasonNoCode)
		return v
	case len(p.Publication) == 0:
		excludeAll("", ReasonNoPublication)
		return v
	}
	var issuers []string
	for i := range p.Publication {
		if u := c.issuer(p, &p.Publication[i]); !slices.Contains(issuers, u) {
			issuers = append(issuers, u)
		}
	}
	v.Judgements = make([]Judgement, 0, 3*len(issuers))
	for _, u := range issuers {
		if u == "" {
			excludeAll("", ReasonNoIssuer)
			continue
		}
		v.Judgements = append(v.Judgements, c.judgeTimely(p, u, indicator.M11, c.announced),
			c.judgeTimely(p, u, indicator.M12, c.published), c.judge13(p, u))
	}
	return v
}

// placeholder reports whether t is a placeholder date under Reception.Dates (an absent t is not).
func (c *Calculator) placeholder(t model.Time) bool { return c.dates.PlaceholderTime(t, c.w.AsOf) }

func (c *Calculator) issuer(p *model.Procedure, pub *model.Publication) string {
	if pub.IssuerCode != "" {
		return pub.IssuerCode
	}
	return p.PublisherCode
}

// timely is one decision's judgement for 1.1 or 1.2: an exclusion reason, or the dates and lateness.
type timely struct {
	excl                  indicator.Reason
	dec, deadline, actual calendar.Date
	late, pending         bool
}

// judgeTimely judges 1.1 or 1.2 over the unit's decisions, one by one: a procedure counts once, late if
// any decision was late, and keeps the dates of its first decision, or of its first late one.
func (c *Calculator) judgeTimely(p *model.Procedure, unit string, m indicator.ID,
	one func(*model.Publication) timely) Judgement {
	j := Judgement{Metric: m, UnitID: unit}
	var excl indicator.Reason
	judged, late, pending := false, false, false
	for i := range p.Publication {
		pub := &p.Publication[i]
		if c.issuer(p, pub) != unit {
			continue
		}
		t := one(pub)
		if t.excl != "" {
			if excl == "" {
				excl = t.excl // the first exclusion reason, in publication order
			}
			continue
		}
		if !judged || (t.late && !late) {
			j.DecisionID, j.Decision, j.Deadline, j.Actual = pub.DecisionID, t.dec, t.deadline, t.actual
			pending = t.pending
		}
		judged, late = true, late || t.late
	}
	onTime, lateReason := ReasonAnnouncedOnTime, ReasonAnnouncedLate
	if m == indicator.M12 {
		onTime, lateReason = ReasonPublishedOnTime, ReasonPublishedLate
	}
	switch {
	case !judged:
		j.Reason = excl
	case late && pending:
		j.InDenominator, j.Reason = true, ReasonUnpublished
	case late:
		j.InDenominator, j.Reason = true, lateReason
	default:
		j.InDenominator, j.InNumerator, j.Reason = true, true, onTime
	}
	return j
}

// announced judges a decision for 1.1: "procedures in announcement decisions whose decision date is in the
// period. On time: decision date ≤ the effective date of the legal document minus 20 (ministries) / 5
// (provinces) days".
func (c *Calculator) announced(pub *model.Publication) timely {
	switch {
	case !pub.DecisionDate.Valid:
		return timely{excl: ReasonNoDecisionDate}
	case c.placeholder(pub.DecisionDate), c.placeholder(pub.LegalEffectiveDate):
		return timely{excl: ReasonPlaceholderDate}
	case !c.inPeriod(pub.DecisionDate.T):
		return timely{excl: ReasonNoDecisionInPeriod}
	case pub.DecisionDate.T.After(c.w.AsOf):
		return timely{excl: ReasonDecisionAfterAsOf}
	}
	lead, ok := days(c.pol.LeadDays, pub.Issuer)
	if !ok {
		return timely{excl: ReasonUnknownIssuerLevel}
	}
	if !pub.LegalEffectiveDate.Valid {
		return timely{excl: ReasonNoEffectiveDate}
	}
	dec := day(pub.DecisionDate.T)
	deadline, err := c.shift(day(pub.LegalEffectiveDate.T), -lead)
	if err != nil {
		return timely{excl: ReasonOutOfCalendar}
	}
	return timely{dec: dec, deadline: deadline, actual: dec, late: dec.After(deadline)}
}

// published judges a decision for 1.2: "procedures published on the national TTHC database in the period
// plus those still due for publication (Pending rule). On time: publish click ≤ decision date + 10 / 5
// working days."
func (c *Calculator) published(pub *model.Publication) timely {
	switch {
	case !pub.DecisionDate.Valid:
		return timely{excl: ReasonNoDecisionDate}
	case c.placeholder(pub.DecisionDate), c.placeholder(pub.PublishedAt):
		return timely{excl: ReasonPlaceholderDate}
	}
	n, ok := days(c.pol.PublishWithinDays, pub.Issuer)
	if !ok {
		return timely{excl: ReasonUnknownIssuerLevel}
	}
	dec := day(pub.DecisionDate.T)
	deadline, err := c.shift(dec, n)
	if err != nil {
		return timely{excl: ReasonOutOfCalendar}
	}
	t := timely{dec: dec, deadline: deadline}
	if pub.PublishedAt.Valid && !pub.PublishedAt.T.After(c.w.Judge) {
		if !c.inPeriod(pub.PublishedAt.T) {
			return timely{excl: ReasonPublishedOutsidePeriod}
		}
		t.actual = day(pub.PublishedAt.T)
		t.late = t.actual.After(deadline)
		return t
	}
	if pub.DecisionDate.T.After(c.w.AsOf) {
		return timely{excl: ReasonDecisionAfterAsOf}
	}
	due := deadline.Before(c.judgeDay)
	if c.pol.Pending != indicator.PendingOverdue {
		limit, err := c.shift(c.lastDay, n)
		if err != nil {
			return timely{excl: ReasonOutOfCalendar}
		}
		due = !dec.After(limit)
	}
	if !due {
		return timely{excl: ReasonNotDue}
	}
	t.late, t.pending = true, true
	return t
}

// judge13: "procedures published on the national database with all components a–g present"; a snapshot
// as of AsOf judged on the unit's latest publication published by then. A procedure whose latest
// published decision abolished it is no longer public and is left out.
func (c *Calculator) judge13(p *model.Procedure, unit string) Judgement {
	j := Judgement{Metric: indicator.M13, UnitID: unit}
	var latest *model.Publication
	placeholder := false
	for i := range p.Publication {
		pub := &p.Publication[i]
		if c.issuer(p, pub) != unit || !pub.PublishedAt.Valid {
			continue
		}
		if c.placeholder(pub.PublishedAt) {
			placeholder = true // not a date: cannot say whether, nor when, it was published
			continue
		}
		if pub.PublishedAt.T.After(c.w.AsOf) {
			continue
		}
		if latest == nil || pub.PublishedAt.T.After(latest.PublishedAt.T) {
			latest = pub
		}
	}
	switch {
	case latest == nil && placeholder:
		j.Reason = ReasonPlaceholderDate
		return j
	case latest == nil:
		j.Reason = ReasonNotPublished
		return j
	case latest.Kind.Is(model.PublicationAbolished):
		j.Reason, j.DecisionID = ReasonAbolished, latest.DecisionID
		return j
	}
	j.DecisionID, j.Actual = latest.DecisionID, day(latest.PublishedAt.T)
	if latest.DecisionDate.Valid {
		j.Decision = day(latest.DecisionDate.T)
	}
	j.InDenominator = true
	if latest.Complete() {
		j.InNumerator, j.Reason = true, ReasonComplete
	} else {
		j.Reason = ReasonIncomplete
	}
	return j
}
