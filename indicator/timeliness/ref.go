package timeliness

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// ClassifyRef is Classify for a dossier whose unit and procedure were already resolved by the Keys of
// Options (r == Options.Keys.Ref(d.UnitID, d.ProcedureCode)); it returns exactly Classify(d). With r's
// indexes known it hashes no string; an index of -1 (or out of the Keys' range) falls back to a lookup by
// d's strings, with the same verdict. A Ref of another Keys gives wrong answers. Cost, errors and
// concurrency: as Classify.
func (c *Calculator) ClassifyRef(d *model.Dossier, r indicator.Ref) (v Verdict) {
	c.classify(d, r, &v)
	return v
}

// unknown is the Keys index of a verdict's unit or procedure that was not resolved (the string may still
// be in the Keys: the Accumulator looks it up).
const unknown int32 = -1

// classify is ClassifyRef into *v, which must be the zero Verdict (ClassifyRef stays small enough to be
// inlined, so the verdict is built in the caller's variable).
func (c *Calculator) classify(d *model.Dossier, r indicator.Ref, v *Verdict) {
	v.calc, v.unit, v.proc = c, unknown, unknown
	if d == nil {
		v.set(rNilRecord)
		return
	}
	if uint32(r.Unit) < uint32(c.nUnits) {
		v.unit = r.Unit
	}
	if uint32(r.Procedure) < uint32(len(c.procByKey)) {
		v.proc = r.Procedure
	}
	v.Unit, v.Code, v.Procedure = d.UnitID, d.Code, d.ProcedureCode
	c.checkReception(d, v)
	if r, ok := c.judgeSimple(d, v); ok {
		v.set(r)
		return
	}
	v.set(c.judge(d, v))
}
