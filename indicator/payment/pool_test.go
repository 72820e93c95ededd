package payment

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
)

// pool returns the tally of a set of units taken together (a parent and its sub-units), the way the
// portal's parent rows count group 3b: 3.6 counts are summed, while 3.4 and 3.5 count distinct procedure
// codes (distinct). The Phú Thọ 8/2026 fixtures show why a plain sum is wrong: the province row has 310
// fee-bearing procedures while its sub-units' rows add up to 5281. Unknown and repeated ids are ignored.
func (r Result) pool(ids []string) indicator.Tally {
	t := tallyOf(r.distinct(ids, offer.ParentRule{}))
	for _, u := range offer.Distinct(r.Units, ids) {
		t.Counts[indicator.M36].Num += u.Counts[indicator.M36].Num
		t.Counts[indicator.M36].Den += u.Counts[indicator.M36].Den
	}
	return t
}
