package publication

import (
	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Judgement is one procedure's outcome for one metric (1.1, 1.2 or 1.3) at one issuing unit, with the
// dates that decided it.
type Judgement struct {
	Metric        indicator.ID
	UnitID        string           // the issuing unit (province or ministry); "" when none could be found
	Reason        indicator.Reason // the metric's reason code for this procedure and unit
	InDenominator bool
	InNumerator   bool
	// DecisionID is the announcement decision that decided the outcome (the late one, if any).
	DecisionID string
	// Decision is that decision's date (1.1, 1.2); zero when not applicable.
	Decision calendar.Date
	// Deadline is the last on-time date: for 1.1 the latest decision date (legal effective date − lead
	// days), for 1.2 the latest publish date (decision date + days). Zero when not applicable.
	Deadline calendar.Date
	// Actual is the date compared with Deadline: the decision date (1.1) or the publish date (1.2; zero
	// while unpublished).
	Actual calendar.Date
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

type levelDays int8

const (
	levelUnknown levelDays = iota
	levelMinistry
	levelProvince
)

func issuerLevel(k model.UnitKind) levelDays {
	switch k.Code() {
	case model.UnitMinistry:
		return levelMinistry
	case model.UnitProvince:
		return levelProvince
	}
	return levelUnknown
}

func (c *Calculator) lead(l levelDays) int {
	if l == levelMinistry {
		return c.pol.LeadDays.Ministry
	}
	return c.pol.LeadDays.Province
}

func (c *Calculator) within(l levelDays) int {
	if l == levelMinistry {
		return c.pol.PublishWithinDays.Ministry
	}
	return c.pol.PublishWithinDays.Province
}

// ClassifyProcedure judges one procedure for 1.1, 1.2 and 1.3 at each unit that issued an announcement
// decision about it (Publication.IssuerCode, else Procedure.PublisherCode). It is pure and safe for
// concurrent use; data problems never fail but give exclusion reasons. Cost: O(issuers × publications)
// calendar shifts (O(1) each); allocates the judgements.
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
		u := c.issuer(p, &p.Publication[i])
		seen := false
		for _, x := range issuers {
			seen = seen || x == u
		}
		if !seen {
			issuers = append(issuers, u)
		}
	}
	v.Judgements = make([]Judgement, 0, 3*len(issuers))
	for _, u := range issuers {
		if u == "" {
			excludeAll("", ReasonNoIssuer)
			continue
		}
		v.Judgements = append(v.Judgements, c.judge11(p, u), c.judge12(p, u), c.judge13(p, u))
	}
	return v
}

func (c *Calculator) issuer(p *model.Procedure, pub *model.Publication) string {
	if pub.IssuerCode != "" {
		return pub.IssuerCode
	}
	return p.PublisherCode
}

// firstReason keeps the first exclusion reason seen (publication order).
func firstReason(cur, r indicator.Reason) indicator.Reason {
	if cur == "" {
		return r
	}
	return cur
}

// judge11: "procedures in announcement decisions whose decision date is in the period; a procedure in
// several decisions counts once, and is late for the period if any of them was late. On time: decision
// date ≤ the effective date of the legal document minus 20 (ministries) / 5 (provinces) days".
func (c *Calculator) judge11(p *model.Procedure, unit string) Judgement {
	j := Judgement{Metric: indicator.M11, UnitID: unit}
	var excl indicator.Reason
	judged, late := false, false
	for i := range p.Publication {
		pub := &p.Publication[i]
		if c.issuer(p, pub) != unit {
			continue
		}
		switch {
		case !pub.DecisionDate.Valid:
			excl = firstReason(excl, ReasonNoDecisionDate)
			continue
		case !c.inPeriod(pub.DecisionDate.T):
			excl = firstReason(excl, ReasonNoDecisionInPeriod)
			continue
		case pub.DecisionDate.T.After(c.w.AsOf):
			excl = firstReason(excl, ReasonDecisionAfterAsOf)
			continue
		}
		lvl := issuerLevel(pub.Issuer)
		if lvl == levelUnknown {
			excl = firstReason(excl, ReasonUnknownIssuerLevel)
			continue
		}
		if !pub.LegalEffectiveDate.Valid {
			excl = firstReason(excl, ReasonNoEffectiveDate)
			continue
		}
		dec := day(pub.DecisionDate.T)
		deadline, err := c.shift(day(pub.LegalEffectiveDate.T), -c.lead(lvl))
		if err != nil {
			excl = firstReason(excl, ReasonOutOfCalendar)
			continue
		}
		isLate := dec.After(deadline)
		if !judged || (isLate && !late) { // record the first decision, or the first late one
			j.DecisionID, j.Decision, j.Deadline, j.Actual = pub.DecisionID, dec, deadline, dec
		}
		judged = true
		late = late || isLate
	}
	switch {
	case !judged:
		j.Reason = excl
	case late:
		j.InDenominator, j.Reason = true, ReasonAnnouncedLate
	default:
		j.InDenominator, j.InNumerator, j.Reason = true, true, ReasonAnnouncedOnTime
	}
	return j
}

// judge12: "procedures published on the national TTHC database in the period plus those still due for
// publication (Pending rule). On time: publish click ≤ decision date + 10 / 5 working days."
func (c *Calculator) judge12(p *model.Procedure, unit string) Judgement {
	j := Judgement{Metric: indicator.M12, UnitID: unit}
	var excl indicator.Reason
	judged, late, jPending := false, false, false
	for i := range p.Publication {
		pub := &p.Publication[i]
		if c.issuer(p, pub) != unit {
			continue
		}
		if !pub.DecisionDate.Valid {
			excl = firstReason(excl, ReasonNoDecisionDate)
			continue
		}
		lvl := issuerLevel(pub.Issuer)
		if lvl == levelUnknown {
			excl = firstReason(excl, ReasonUnknownIssuerLevel)
			continue
		}
		dec := day(pub.DecisionDate.T)
		n := c.within(lvl)
		deadline, err := c.shift(dec, n)
		if err != nil {
			excl = firstReason(excl, ReasonOutOfCalendar)
			continue
		}
		pending := !pub.PublishedAt.Valid || pub.PublishedAt.T.After(c.w.Judge)
		var isLate bool
		var actual calendar.Date
		if pending {
			if pub.DecisionDate.T.After(c.w.AsOf) {
				excl = firstReason(excl, ReasonDecisionAfterAsOf)
				continue
			}
			var due bool
			if c.pol.Pending == indicator.PendingOverdue {
				due = deadline.Before(c.judgeDay)
			} else {
				limit, err := c.shift(c.lastDay, n)
				if err != nil {
					excl = firstReason(excl, ReasonOutOfCalendar)
					continue
				}
				due = !dec.After(limit)
			}
			if !due {
				excl = firstReason(excl, ReasonNotDue)
				continue
			}
			isLate = true
		} else {
			if !c.inPeriod(pub.PublishedAt.T) {
				excl = firstReason(excl, ReasonPublishedOutsidePeriod)
				continue
			}
			actual = day(pub.PublishedAt.T)
			isLate = actual.After(deadline)
		}
		if !judged || (isLate && !late) { // record the first decision, or the first late one
			j.DecisionID, j.Decision, j.Deadline, j.Actual = pub.DecisionID, dec, deadline, actual
			jPending = pending
		}
		judged = true
		late = late || isLate
	}
	switch {
	case !judged:
		j.Reason = excl
	case late && jPending:
		j.InDenominator, j.Reason = true, ReasonUnpublished
	case late:
		j.InDenominator, j.Reason = true, ReasonPublishedLate
	default:
		j.InDenominator, j.InNumerator, j.Reason = true, true, ReasonPublishedOnTime
	}
	return j
}

// judge13: "procedures published on the national database with all components a–g present"; a snapshot
// as of AsOf judged on the unit's latest publication published by then. A procedure whose latest
// published decision abolished it is no longer public and is left out.
func (c *Calculator) judge13(p *model.Procedure, unit string) Judgement {
	j := Judgement{Metric: indicator.M13, UnitID: unit}
	var latest *model.Publication
	for i := range p.Publication {
		pub := &p.Publication[i]
		if c.issuer(p, pub) != unit || !pub.PublishedAt.Valid || pub.PublishedAt.T.After(c.w.AsOf) {
			continue
		}
		if latest == nil || pub.PublishedAt.T.After(latest.PublishedAt.T) {
			latest = pub
		}
	}
	switch {
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
