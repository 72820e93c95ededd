package reference

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/model"
)

func decimalFromDuration(d time.Duration) decimal.Decimal { return decimal.NewFromInt(int64(d)) }

// inForceAt: ValidFrom ≤ t < ValidTo, an absent bound being open.
func inForceAt(o model.Offering, t time.Time) bool {
	if o.ValidFrom.Valid && t.Before(o.ValidFrom.T) {
		return false
	}
	if o.ValidTo.Valid && !t.Before(o.ValidTo.T) {
		return false
	}
	return true
}

// inForceDuring: in force at some instant of [from, to].
func inForceDuring(o model.Offering, from, to time.Time) bool {
	if o.ValidFrom.Valid && o.ValidFrom.T.After(to) {
		return false
	}
	if o.ValidTo.Valid && !o.ValidTo.T.After(from) {
		return false
	}
	return true
}

func citizen(p *model.Procedure) bool {
	for _, a := range p.Applicants {
		switch model.FoldText(a) {
		case model.FoldText(model.ApplicantVietnameseCitizen), model.FoldText(model.ApplicantOverseasVietnamese), model.FoldText(model.ApplicantForeigner):
			return true
		}
	}
	return false
}

func onlineLevel(o model.Offering) bool {
	c := o.Level.Code()
	return c == model.OnlinePartial || c == model.OnlineFull
}

func countedState(o model.Offering) bool {
	c := o.State.Code()
	return c == model.StatePublished || c == model.StatePendingUnpublish || c == model.StateTesting
}

// procedureMetrics counts 3.1, 3.2, 3.4, 3.5, 4.6a (own distinct counts at every unit; a unit with
// sub-units covers its sub-tree, a root also every catalogue procedure — decision 8) and 4.4 (communes,
// summed).
func (jd *judge) procedureMetrics(res *Result, paid, feeData, online map[string]map[string]bool) {
	from := jd.first.In(model.Vietnam())
	for _, u := range jd.in.Units {
		sub := jd.subtree(u.ID)
		inSub := map[string]bool{}
		for _, s := range sub {
			inSub[s] = true
		}
		isRoot := u.Parent == ""
		hasKids := len(jd.children[u.ID]) > 0

		// Procedures under authority at the judgement instant (3.1, 3.4, 3.5) and during the period (4.6a).
		atJ := map[string]bool{}
		during := map[string]bool{}
		onlineAtJ := map[string]bool{}
		services := map[[2]string]bool{} // 3.2: (unit, procedure) with an online offering in a counted state
		for _, o := range jd.in.Offerings {
			if !inSub[o.UnitID] {
				continue
			}
			if inForceAt(o, jd.j) {
				atJ[o.ProcedureCode] = true
				if onlineLevel(o) {
					onlineAtJ[o.ProcedureCode] = true
					if countedState(o) {
						services[[2]string{o.UnitID, o.ProcedureCode}] = true
					}
				}
			}
			if inForceDuring(o, from, jd.j) {
				during[o.ProcedureCode] = true
			}
		}
		if isRoot && hasKids {
			for _, p := range jd.in.Procedures {
				atJ[p.Code] = true
				during[p.Code] = true
			}
		}

		var c31, c32, c34, c35, c46 Count
		for p := range atJ {
			c31.Den++
			if onlineAtJ[p] {
				c31.Num++
			}
			proc := jd.procs[p]
			if proc == nil || !procFeeBearing(proc) {
				continue
			}
			c34.Den++
			c35.Den++
			for _, s := range sub {
				if paid[s][p] {
					c34.Num++
					break
				}
			}
			for _, s := range sub {
				if feeData[s][p] {
					c35.Num++
					break
				}
			}
		}
		for sv := range services {
			c32.Den++
			if online[sv[0]][sv[1]] {
				c32.Num++
			}
		}
		for p := range during {
			proc := jd.procs[p]
			if proc == nil || !citizen(proc) {
				continue
			}
			c46.Den++
			if proc.PopulationDBConnected {
				c46.Num++
			}
		}
		res.Pooled[u.ID][M31] = c31
		res.Pooled[u.ID][M32] = c32
		res.Pooled[u.ID][M34] = c34
		res.Pooled[u.ID][M35] = c35
		res.Pooled[u.ID][M46a] = c46

		var c44 Count
		for _, s := range sub {
			if offers, ok := jd.in.Communes[s]; ok {
				c44.Den++
				if offers {
					c44.Num++
				}
			}
		}
		res.Pooled[u.ID][M44] = c44
	}
}
