package reference

import (
	"sort"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

// workingDaysAfter counts the working days after a up to and including b (the first day not counted).
func (jd *judge) workingDaysAfter(a, b calendar.Date) int {
	n := 0
	for d := a.AddDays(1); !d.After(b); d = d.AddDays(1) {
		if jd.working(d) {
			n++
		}
	}
	return n
}

// limit is the n-th working day after day a (the first day not counted).
func (jd *judge) limit(a calendar.Date, n int) calendar.Date {
	d := a
	for i := 0; i < n; i++ {
		next, ok := jd.nextWorking(d)
		if !ok {
			return next
		}
		d = next
	}
	return d
}

// petitions counts 5.0–5.2 per unit (docs/rules.md, group 5): each petition once per (unit, id), the
// copy with the earliest first reception; first reception in the period and not after as-of; judged at
// the judgement instant. Deadlines in working days from the latest forwarding, else the first reception:
// start processing (awaiting publication or published) within 15, reject within 2, ask for more
// information within 5, publish within 2 of the first move to awaiting publication.
func (jd *judge) petitions(res *Result) {
	type key struct{ unit, id string }
	kept := map[key]model.Petition{}
	var noID []model.Petition
	for _, p := range jd.in.Petitions {
		if _, ok := res.Own[p.UnitID]; !ok || !p.ReceivedAt.Valid {
			continue
		}
		if p.ID == "" {
			noID = append(noID, p)
			continue
		}
		k := key{p.UnitID, p.ID}
		if q, ok := kept[k]; !ok || p.ReceivedAt.T.Before(q.ReceivedAt.T) {
			kept[k] = p
		}
	}
	all := noID
	for _, p := range kept {
		all = append(all, p)
	}
	for _, p := range all {
		if !jd.inPeriod(p.ReceivedAt.T) {
			continue
		}
		onTime := jd.petitionOnTime(p)
		own := res.Own[p.UnitID]
		c := own[M50]
		c.Den++
		if p.Category.Code() == model.PetitionProcedure {
			c.Num++
		}
		own[M50] = c
		c = own[M51]
		c.Den++
		if onTime {
			c.Num++
		}
		own[M51] = c
		c = own[M52]
		c.Den++
		if onTime && !(p.Dislikes > p.Likes) && !p.Repeated {
			c.Num++
		}
		own[M52] = c
	}
}

func (jd *judge) petitionOnTime(p model.Petition) bool {
	var evs []model.PetitionEvent
	for _, e := range p.Events {
		if e.At.Valid && !e.At.T.After(jd.j) {
			evs = append(evs, e)
		}
	}
	sort.SliceStable(evs, func(i, k int) bool { return evs[i].At.T.Before(evs[k].At.T) })
	start := p.ReceivedAt.T
	if p.ForwardedAt.Valid && !p.ForwardedAt.T.After(jd.j) && p.ForwardedAt.T.After(start) {
		start = p.ForwardedAt.T
	}
	for _, e := range evs {
		if e.Kind.Code() == model.PetitionEventForwarded && e.At.T.After(start) {
			start = e.At.T
		}
	}
	s := jd.date(start)
	judged := jd.date(jd.j)
	handled, onTime := false, true
	var awaiting time.Time
	published := false
	for _, e := range evs {
		d := jd.date(e.At.T)
		switch e.Kind.Code() {
		case model.PetitionEventRejected:
			handled = true
			if d.After(jd.limit(s, 2)) {
				onTime = false
			}
		case model.PetitionEventInfoRequested:
			if d.After(jd.limit(s, 5)) {
				onTime = false
			}
		case model.PetitionEventAwaitingPublication, model.PetitionEventPublished:
			if !handled && d.After(jd.limit(s, 15)) {
				onTime = false
			}
			handled = true
			if e.Kind.Code() == model.PetitionEventAwaitingPublication && awaiting.IsZero() {
				awaiting = e.At.T
			}
			if e.Kind.Code() == model.PetitionEventPublished && !published {
				published = true
				if !awaiting.IsZero() && d.After(jd.limit(jd.date(awaiting), 2)) {
					onTime = false
				}
			}
		}
	}
	if !awaiting.IsZero() && !published && judged.After(jd.limit(jd.date(awaiting), 2)) {
		onTime = false // the answer is still not published and its deadline has passed
	}
	if !handled && jd.workingDaysAfter(s, judged) > 15 {
		onTime = false
	}
	return onTime
}
