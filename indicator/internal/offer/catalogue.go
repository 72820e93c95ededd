package offer

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Catalogue reads the procedure catalogue once per code after codeMap: a record without a code gets
// noCode, a repeat of a code gets dup (the first record wins), and any other record the reason judge
// returns with what the calculator keeps of it; each reason is added to l, counted as judge says.
func Catalogue[T any](procs []model.Procedure, codeMap map[string]string, l *indicator.Ledger, noCode, dup indicator.Reason,
	judge func(p *model.Procedure) (T, indicator.Reason, bool)) map[string]T {
	out := make(map[string]T, len(procs))
	for i := range procs {
		code := MapCode(codeMap, procs[i].Code)
		switch _, seen := out[code]; {
		case code == "":
			l.Add(noCode, false)
		case seen:
			l.Add(dup, false)
		default:
			t, reason, counted := judge(&procs[i])
			out[code] = t
			l.Add(reason, counted)
		}
	}
	return out
}
