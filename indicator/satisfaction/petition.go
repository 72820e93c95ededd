package satisfaction

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// PetitionStatus is a petition's handling status as judged at min(period end, AsOf).
type PetitionStatus uint8

// A petition is handled once rejected, or moved to awaiting publication or published.
const (
	StatusExcluded     PetitionStatus = iota // not counted (see the ledger reason)
	HandledOnTime                            // handled, every deadline met
	HandledLate                              // handled, a deadline missed
	OpenWithinDeadline                       // not handled yet, no deadline passed
	OpenOverdue                              // not handled yet, a deadline passed
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

// ClassifyPetition judges one petition for 5.0, 5.1 and 5.2 as the package doc's rules say (a forwarding
// counts when seen and later than the first reception; of each event kind the earliest seen counts).
// Pure, safe for concurrent use, no allocation; data problems (a nil petition too) are reasons.
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
	ok := true // false once a date is outside the calendar
	late := func(from, to calendar.Date, limit int, m Missed) int {
		if !ok {
			return 0
		}
		n, err := c.cal.WorkingDaysBetween(from, to)
		ok = err == nil
		if ok && n > limit {
			v.Missed |= m
		}
		return n
	}
	if !reject.IsZero() {
		late(start, c.cal.DateOf(reject), c.dl.Reject, MissedReject)
	}
	if !info.IsZero() {
		late(start, c.cal.DateOf(info), c.dl.MoreInfo, MissedMoreInfo)
	}
	if !answer.IsZero() {
		late(start, c.cal.DateOf(answer), c.dl.Start, MissedStart)
	}
	if !awaiting.IsZero() && reject.IsZero() {
		to := c.judgeDate
		if !published.IsZero() { // published (even if recorded before the awaiting step): measured to it
			to = c.cal.DateOf(published)
		}
		late(c.cal.DateOf(awaiting), to, c.dl.Publish, MissedPublish)
	}
	closing := reject
	if closing.IsZero() || (!answer.IsZero() && answer.Before(closing)) {
		closing = answer
	}
	if closing.IsZero() {
		v.WorkingDays = late(start, c.judgeDate, c.dl.Start, MissedStart)
	} else {
		v.WorkingDays = late(start, c.cal.DateOf(closing), math.MaxInt, 0)
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

	m50 := &v.Metrics[0]
	*m50 = indicator.Verdict{Metric: indicator.M50, InDenominator: true, Reason: ReasonCategoryUnclassified}
	switch v.Category {
	case model.PetitionProcedure:
		m50.InNumerator, m50.Reason = true, ReasonCategoryProcedure
	case model.PetitionStaff:
		m50.Reason = ReasonCategoryStaff
	}
	v.Metrics[1] = indicator.Verdict{Metric: indicator.M51, InDenominator: true, InNumerator: timely, Reason: v.Reason}
	m52 := &v.Metrics[2]
	*m52 = indicator.Verdict{Metric: indicator.M52, InDenominator: true}
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
	return v
}
