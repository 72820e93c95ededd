package reference

import (
	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

// back is the n-th working day before d (counting starts with the working day before d).
func (jd *judge) back(d calendar.Date, n int) (calendar.Date, bool) {
	for i := 0; i < n; i++ {
		for {
			d = d.AddDays(-1)
			if !jd.in.Calendar.Day(d).InRange {
				return d, false
			}
			if jd.working(d) {
				break
			}
		}
	}
	return d, true
}

// issuerLevel gives a publication's issuing level's day counts: (lead days for 1.1, delay for 1.2); ok is
// false when the issuer is neither a ministry nor a province.
func issuerLevel(p model.Publication) (lead, delay int, ok bool) {
	switch p.Issuer.Code() {
	case model.UnitMinistry:
		return 20, 10, true
	case model.UnitProvince:
		return 5, 5, true
	}
	return 0, 0, false
}

// publication counts 1.1–1.3 (docs/rules.md, group 1) with working days (P18 default). 1.1 is counted at
// the issuing unit (the publication's issuer code, else the procedure's publisher code); 1.2 and 1.3 are
// computed at each province or ministry root from its own publications and carried down to its sub-tree.
func (jd *judge) publication(res *Result) {
	unitOf := map[string]string{}
	for _, u := range jd.in.Units {
		unitOf[u.ID] = u.ID
	}
	for _, u := range jd.in.Units {
		if u.Code != "" {
			if _, ok := unitOf[u.Code]; !ok {
				unitOf[u.Code] = u.ID
			}
		}
	}
	type counts struct{ c11, c12, c13 Count }
	per := map[string]*counts{}
	get := func(u string) *counts {
		if per[u] == nil {
			per[u] = &counts{}
		}
		return per[u]
	}
	for i := range jd.in.Procedures {
		p := &jd.in.Procedures[i]
		// 1.1 per issuing unit: decisions dated in the period with an effective date.
		type verdict struct{ in, late bool }
		v11 := map[string]*verdict{}
		v12 := map[string]*verdict{}
		var latest map[string]model.Publication = map[string]model.Publication{}
		for _, pub := range p.Publication {
			lead, delay, ok := issuerLevel(pub)
			if !ok {
				continue
			}
			issuer := pub.IssuerCode
			if issuer == "" {
				issuer = p.PublisherCode
			}
			u, ok := unitOf[issuer]
			if !ok {
				continue
			}
			if pub.DecisionDate.Valid && jd.inPeriod(pub.DecisionDate.T) && pub.LegalEffectiveDate.Valid {
				limit, ok := jd.back(jd.date(pub.LegalEffectiveDate.T), lead)
				if ok {
					if v11[u] == nil {
						v11[u] = &verdict{}
					}
					v11[u].in = true
					if jd.date(pub.DecisionDate.T).After(limit) {
						v11[u].late = true
					}
				}
			}
			// 1.2: published in the period, or not published at the judgement instant and decided by the
			// period's last day plus the allowed delay (PendingDecidedBy) and by as-of (docs/rules.md 1.2).
			if pub.DecisionDate.Valid {
				deadline := jd.limit(jd.date(pub.DecisionDate.T), delay)
				switch {
				case pub.PublishedAt.Valid && jd.inPeriod(pub.PublishedAt.T):
					if v12[u] == nil {
						v12[u] = &verdict{}
					}
					v12[u].in = true
					if jd.date(pub.PublishedAt.T).After(deadline) {
						v12[u].late = true
					}
				case !pub.PublishedAt.Valid || pub.PublishedAt.T.After(jd.j): // not yet published at the judgement instant
					// A decision dated after as-of has not happened yet.
					if !jd.date(pub.DecisionDate.T).After(jd.limit(jd.last, delay)) && !pub.DecisionDate.T.After(jd.in.AsOf) {
						if v12[u] == nil {
							v12[u] = &verdict{}
						}
						v12[u].in = true
						v12[u].late = true
					}
				}
			}
			// 1.3: the latest publication clicked by as-of.
			if pub.PublishedAt.Valid && !pub.PublishedAt.T.After(jd.in.AsOf) {
				if q, ok := latest[u]; !ok || pub.PublishedAt.T.After(q.PublishedAt.T) {
					latest[u] = pub
				}
			}
		}
		for u, v := range v11 {
			c := get(u)
			c.c11.Den++
			if !v.late {
				c.c11.Num++
			}
		}
		for u, v := range v12 {
			c := get(u)
			c.c12.Den++
			if !v.late {
				c.c12.Num++
			}
		}
		for u, pub := range latest {
			if pub.Kind.Code() == model.PublicationAbolished {
				continue
			}
			c := get(u)
			c.c13.Den++
			complete := true
			for _, ok := range pub.Components {
				complete = complete && ok
			}
			if complete {
				c.c13.Num++
			}
		}
	}
	for _, u := range jd.in.Units {
		c := get(u.ID)
		res.Pooled[u.ID][M11] = c.c11
	}
	// 1.2 and 1.3: a province's or ministry's own counts, carried down to its sub-tree.
	for _, u := range jd.in.Units {
		if k := u.Kind.Code(); k != model.UnitProvince && k != model.UnitMinistry {
			continue
		}
		c := get(u.ID)
		for _, s := range jd.subtree(u.ID) {
			res.Pooled[s][M12] = c.c12
			res.Pooled[s][M13] = c.c13
		}
	}
}
