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
	v.calc, v.unit, v.proc = c, -1, -1
	if d == nil {
		v.set(rNilRecord)
		return v
	}
	if uint32(r.Unit) < uint32(c.nUnits) {
		v.unit = r.Unit
	}
	if uint32(r.Procedure) < uint32(len(c.procByKey)) {
		v.proc = r.Procedure
	}
	v.Unit, v.Code, v.Procedure = d.UnitID, d.Code, d.ProcedureCode
	c.checkReception(d, &v)
	v.set(c.judge(d, &v))
	return v
}
