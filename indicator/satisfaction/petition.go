package satisfaction

import (
	"fmt"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// PetitionStatus is a petition's handling status as judged at min(period end, AsOf).
type PetitionStatus uint8

const (
	// StatusExcluded: the petition is not counted (see the ledger reason).
	StatusExcluded PetitionStatus = iota
	// HandledOnTime: rejected, or moved to awaiting publication / published, with every deadline met.
	HandledOnTime
	// HandledLate: handled, but a deadline was missed.
	HandledLate
	// OpenWithinDeadline: not handled yet, no deadline passed.
	OpenWithinDeadline
	// OpenOverdue: not handled yet and a deadline has passed.
	OpenOverdue
)

// String returns "excluded", "handled-on-time", "handled-late", "open-within-deadline" or "open-overdue".
func (s PetitionStatus) String() string {
	names := [...]string{"excluded", "handled-on-time", "handled-late", "open-within-deadline", "open-overdue"}
	if int(s) < len(names) {
		return names[s]
	}
	return fmt.Sprintf("PetitionStatus(%d)", uint8(s))
}

// Missed is the set of petition deadlines missed.
type Missed uint8

// The petition deadlines (SatisfactionPolicy.PetitionDeadlines).
const (
	MissedStart    Missed = 1 << iota // start processing (awaiting publication / published) later than Start working days, or still open past it
	MissedReject                      // rejected later than Reject working days
	MissedMoreInfo                    // more information requested later than MoreInfo working days
	MissedPublish                     // published later than Publish working days after awaiting publication (or still unpublished past it)
)

// String lists the missed deadlines, e.g. "{start, publish}". Allocates.
func (m Missed) String() string {
	var missed []string
	for i, n := range [...]string{"start", "reject", "more-info", "publish"} {
		if m&(1<<i) != 0 {
			missed = append(missed, n)
		}
	}
	return "{" + strings.Join(missed, ", ") + "}"
}

var petitionMetrics = [3]indicator.ID{indicator.M50, indicator.M51, indicator.M52}

// PetitionVerdict is the judgement of one petition: its unit and id, the ledger reason, one verdict per
// metric (5.0, 5.1, 5.2 in that order) and the values that decided them.
type PetitionVerdict struct {
	Unit, ID string
	Reason   indicator.Reason
	Counted  bool
	Metrics  [3]indicator.Verdict
	Category model.PetitionCategoryCode
	// Received is the first-reception time (decides the period); Start is when the deadlines run from
	// (the latest forwarding when Forwarded, else Received).
	Received, Start time.Time
	Forwarded       bool
	Status          PetitionStatus
	Missed          Missed
	// WorkingDays is the number of working days from Start's date to the handling event's date (handled)
	// or to the judging date (open): the first day is not counted.
	WorkingDays int
	Unsatisfied bool // more dislikes than likes
	Repeated    bool // followed by another petition about the result
}

func (v *PetitionVerdict) exclude(r indicator.Reason) PetitionVerdict {
	v.Reason, v.Counted, v.Status = r, false, StatusExcluded
	for i, m := range petitionMetrics {
		v.Metrics[i] = indicator.Verdict{Metric: m, Reason: r}
	}
	return *v
}

// seen reports whether t happened before the judging bound.
func (c *Calculator) seen(t model.Time) bool { return t.Valid && t.T.Before(c.cut) }

// ClassifyPetition judges one petition for 5.0, 5.1 and 5.2 at min(period end, AsOf). A petition is counted
// when first received (ReceivedAt) in the period and not after AsOf; deadlines run in working days from the
// latest forwarding (ForwardedAt, when present, seen and later) or else from the first reception. Events
// are taken by kind, the earliest of each; events after the judging bound are ignored. Pure, safe for
// concurrent use, no allocation. Data problems (a nil petition too) are reasons, never errors. Cost: O(len(Events)) plus O(1)
// calendar queries.
func (c *Calculator) ClassifyPetition(p *model.Petition) PetitionVerdict {
	if p == nil {
		v := PetitionVerdict{}
		return v.exclude(ReasonPetitionNilRecord)
	}
	v := PetitionVerdict{Unit: p.UnitID, ID: p.ID, Category: p.Category.Code(), Repeated: p.Repeated,
		Unsatisfied: p.Dislikes > p.Likes}
	switch {
	case p.UnitID == "":
		return v.exclude(ReasonPetitionNoUnit)
	case !p.ReceivedAt.Valid:
		return v.exclude(ReasonPetitionNoDate)
	}
	v.Received = p.ReceivedAt.T
	if v.Received.Before(c.start) || !v.Received.Before(c.periodEnd) {
		return v.exclude(ReasonPetitionNotInPeriod)
	}
	if !v.Received.Before(c.cut) {
		return v.exclude(ReasonPetitionAfterAsOf)
	}
	v.Start = v.Received
	if c.seen(p.ForwardedAt) && p.ForwardedAt.T.After(v.Received) {
		v.Start, v.Forwarded = p.ForwardedAt.T, true
	}

	var reject, info, answer, awaiting, published time.Time
	earliest := func(cur *time.Time, t time.Time) {
		if cur.IsZero() || t.Before(*cur) {
			*cur = t
		}
	}
	for i := range p.Events {
		e := &p.Events[i]
		if !c.seen(e.At) {
			continue
		}
		switch e.Kind.Code() {
		case model.PetitionEventRejected:
			earliest(&reject, e.At.T)
		case model.PetitionEventInfoRequested:
			earliest(&info, e.At.T)
		case model.PetitionEventAwaitingPublication:
			earliest(&answer, e.At.T)
			earliest(&awaiting, e.At.T)
		case model.PetitionEventPublished:
			earliest(&answer, e.At.T)
			earliest(&published, e.At.T)
		}
	}
	start := c.cal.DateOf(v.Start)
	wd := func(from time.Time, to calendar.Date) (int, bool) {
		n, err := c.cal.WorkingDaysBetween(c.cal.DateOf(from), to)
		return n, err == nil
	}
	ok := true
	check := func(t time.Time, limit int, m Missed) {
		if t.IsZero() || !ok {
			return
		}
		n, err := c.cal.WorkingDaysBetween(start, c.cal.DateOf(t))
		if err != nil {
			ok = false
			return
		}
		if n > limit {
			v.Missed |= m
		}
	}
	check(reject, c.dl.Reject, MissedReject)
	check(info, c.dl.MoreInfo, MissedMoreInfo)
	check(answer, c.dl.Start, MissedStart)
	if !awaiting.IsZero() && reject.IsZero() && ok {
		to := c.judgeDate
		if !published.IsZero() { // published (even if recorded before the awaiting step): measured to it
			to = c.cal.DateOf(published)
		}
		if n, good := wd(awaiting, to); !good {
			ok = false
		} else if n > c.dl.Publish {
			v.Missed |= MissedPublish
		}
	}
	closing := reject
	if closing.IsZero() || (!answer.IsZero() && answer.Before(closing)) {
		closing = answer
	}
	if ok {
		to := c.judgeDate
		if !closing.IsZero() {
			to = c.cal.DateOf(closing)
		}
		n, err := c.cal.WorkingDaysBetween(start, to)
		if err != nil {
			ok = false
		}
		v.WorkingDays = n
		if closing.IsZero() && n > c.dl.Start {
			v.Missed |= MissedStart
		}
	}
	if !ok {
		return v.exclude(ReasonPetitionOutsideCalendar)
	}
	switch {
	case !closing.IsZero() && v.Missed == 0:
		v.Status, v.Reason = HandledOnTime, ReasonPetitionOnTime
	case !closing.IsZero():
		v.Status, v.Reason = HandledLate, ReasonPetitionLate
	case v.Missed == 0:
		v.Status, v.Reason = OpenWithinDeadline, ReasonPetitionOpenWithin
	default:
		v.Status, v.Reason = OpenOverdue, ReasonPetitionOpenOverdue
	}
	v.Counted = true
	timely := v.Status == HandledOnTime || v.Status == OpenWithinDeadline

	m50 := indicator.Verdict{Metric: indicator.M50, InDenominator: true}
	switch v.Category {
	case model.PetitionProcedure:
		m50.InNumerator, m50.Reason = true, ReasonCategoryProcedure
	case model.PetitionStaff:
		m50.Reason = ReasonCategoryStaff
	default:
		m50.Reason = ReasonCategoryUnclassified
	}
	v.Metrics[0] = m50
	v.Metrics[1] = indicator.Verdict{Metric: indicator.M51, InDenominator: true, InNumerator: timely, Reason: v.Reason}
	m52 := indicator.Verdict{Metric: indicator.M52, InDenominator: true}
	switch {
	case v.Unsatisfied:
		m52.Reason = ReasonPetitionUnsatisfied
	case v.Repeated:
		m52.Reason = ReasonPetitionRepeated
	case !timely:
		m52.Reason = ReasonPetitionHandledLate
	default:
		m52.InNumerator, m52.Reason = true, ReasonPetitionSatisfied
	}
	v.Metrics[2] = m52
	return v
}
