package online

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// ClassifyRef is Classify for a dossier whose unit and procedure were already resolved by the Keys of
// Options (r == Options.Keys.Ref(d.UnitID, d.ProcedureCode)); it returns exactly Classify(d).
func (c *Calculator) ClassifyRef(d *model.Dossier, r indicator.Ref) Verdict {
	_ = r
	return c.Classify(d)
}
