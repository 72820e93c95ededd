package sample

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

// buildPetitions generates Petitions petitions received during the year: ~55 % about procedures or policy,
// ~30 % about staff conduct, the rest unclassified or without category; ~20 % forwarded; ~30 % about a dossier
// of the stream; processing started within 15 working days for ~90 %; a few rejected or with information
// requested; answers published 1–2 working days later (some later); likes and dislikes, ~10 % with more
// dislikes than likes; a few repeated. Events after AsOf are cut, which leaves late-year petitions open.
func (p *Province) buildPetitions(r *rand.Rand, refs []dossierRef) {
	cal := p.Calendar
	first := calendar.NewDate(p.Year, 1, 1)
	days := calendar.NewDate(p.Year, 12, 31).Sub(first) + 1
	workAt := func(d calendar.Date) time.Time {
		return d.In(p.loc).Add(7*time.Hour + time.Duration(r.IntN(9*60))*time.Minute)
	}
	addDays := func(d calendar.Date, n int) calendar.Date {
		e, err := cal.AddWorkingDays(d, n)
		if err != nil {
			return d.AddDays(n)
		}
		return e
	}
	for range Petitions {
		var pt model.Petition
		recv := first.AddDays(r.IntN(days))
		pt.ReceivedAt = model.Some(recv.In(p.loc).Add(time.Duration(6*60+r.IntN(16*60)) * time.Minute))
		if len(refs) > 0 && r.Float64() < 0.3 {
			ref := refs[r.IntN(len(refs))]
			pt.DossierCode, pt.UnitID = ref.code, ref.unit
		} else {
			pt.UnitID = p.units[pick(p.unitCum, r)].id
		}
		pt.Title = petitionTitles[r.IntN(len(petitionTitles))]
		switch x := r.Float64(); {
		case x < 0.55:
			pt.Category = model.NewPetitionCategory(model.PetitionProcedure)
		case x < 0.85:
			pt.Category = model.NewPetitionCategory(model.PetitionStaff)
		case x < 0.95:
			pt.Category = model.NewPetitionCategory(model.PetitionUnclassified)
		}
		ev := []model.PetitionEvent{{At: pt.ReceivedAt, Kind: model.NewPetitionEventKind(model.PetitionEventReceived)}}
		start := recv
		if r.Float64() < 0.2 {
			fwd := recv.AddDays(1 + r.IntN(5))
			if at := workAt(fwd); at.Before(p.AsOf) {
				pt.ForwardedAt = model.Some(at)
			}
			if pt.ForwardedAt.IsSet() {
				ev = append(ev, model.PetitionEvent{At: pt.ForwardedAt, Kind: model.NewPetitionEventKind(model.PetitionEventForwarded), Note: "VPCP chuyển xử lý"})
			}
			start = fwd
		}
		published := false
		switch x := r.Float64(); {
		case x < 0.06:
			ev = append(ev, model.PetitionEvent{At: model.Some(workAt(addDays(start, 1+r.IntN(3)))), Kind: model.NewPetitionEventKind(model.PetitionEventRejected),
				Note: "Không thuộc thẩm quyền"})
		default:
			if x < 0.14 {
				ask := addDays(start, 1+r.IntN(7))
				ev = append(ev, model.PetitionEvent{At: model.Some(workAt(ask)), Kind: model.NewPetitionEventKind(model.PetitionEventInfoRequested)})
				start = ask
			}
			var k int
			switch y := r.Float64(); {
			case y < 0.8:
				k = 1 + r.IntN(10)
			case y < 0.92:
				k = 11 + r.IntN(5)
			default:
				k = 16 + r.IntN(15)
			}
			proc := addDays(start, k)
			ev = append(ev, model.PetitionEvent{At: model.Some(workAt(proc)), Kind: model.NewPetitionEventKind(model.PetitionEventAwaitingPublication)})
			pd := 1 + r.IntN(2)
			if r.Float64() < 0.1 {
				pd = 3 + r.IntN(3)
			}
			ev = append(ev, model.PetitionEvent{At: model.Some(workAt(addDays(proc, pd))), Kind: model.NewPetitionEventKind(model.PetitionEventPublished)})
			published = true
		}
		// Cut at AsOf: later events have not happened yet.
		for j, e := range ev {
			if !e.At.T.Before(p.AsOf) {
				ev = ev[:j]
				published = false
				break
			}
		}
		pt.Events = ev
		if published {
			pt.Likes, pt.Dislikes = int64(r.IntN(15)), int64(r.IntN(4))
			if r.Float64() < 0.1 {
				pt.Dislikes = pt.Likes + 1 + int64(r.IntN(3))
			}
		}
		pt.Repeated = r.Float64() < 0.03
		p.Petitions = append(p.Petitions, pt)
	}
	slices.SortStableFunc(p.Petitions, func(a, b model.Petition) int { return a.ReceivedAt.T.Compare(b.ReceivedAt.T) })
	for i := range p.Petitions { // number them in reception order
		p.Petitions[i].ID = fmt.Sprintf("PAKN-%d-%05d", p.Year, i+1)
	}
}
