package satisfaction

import (
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// FuzzClassifyPetition builds a petition from fuzzed fields and checks the invariants: no panic, three
// verdicts in order, a numerator only inside its denominator, an excluded petition in no denominator, a
// counted one in all three, 5.1 numerator ⇔ on time or open within, 5.2 numerator ⇒ 5.1 numerator, a
// petition read twice counted once, and the ledger balancing.
func FuzzClassifyPetition(f *testing.F) {
	f.Add("U1", "P1", int64(1785722400), int64(0), uint8(1), int64(1), int64(0), false, []byte{6, 3, 7, 4})
	f.Add("", "", int64(0), int64(-5), uint8(9), int64(0), int64(3), true, []byte{})
	f.Add("U2", "X", int64(1786300000), int64(1786400000), uint8(2), int64(2), int64(2), false, []byte{3, 255, 1, 0, 5})
	c := newCalc(f, baseOptions(f))
	f.Fuzz(func(t *testing.T, unitID, id string, recSec, fwdSec int64, category uint8, likes, dislikes int64, rep bool, evs []byte) {
		p := model.Petition{ID: id, UnitID: unitID, Category: model.NewPetitionCategory(model.PetitionCategoryCode(category % 4)),
			Likes: likes, Dislikes: dislikes, Repeated: rep}
		if recSec != 0 {
			p.ReceivedAt = model.Some(time.Unix(recSec, 0))
		}
		if fwdSec != 0 {
			p.ForwardedAt = model.Some(time.Unix(fwdSec, 0))
		}
		for i, b := range evs {
			if i >= 8 {
				break
			}
			at := model.Some(time.Unix(recSec+int64(b)*43200-86400, 0))
			p.Events = append(p.Events, model.PetitionEvent{At: at, Kind: model.NewPetitionEventKind(model.PetitionEventCode(b % 8))})
		}
		v := c.ClassifyPetition(&p)
		for i, m := range v.Metrics {
			if m.Metric != petitionMetrics[i] || m.Reason == "" {
				t.Fatalf("verdict %d: %+v", i, m)
			}
			if m.InNumerator && !m.InDenominator {
				t.Fatalf("%s: numerator without denominator", m.Metric)
			}
			if m.InDenominator != v.Counted {
				t.Fatalf("%s: in denominator %v, counted %v (%s)", m.Metric, m.InDenominator, v.Counted, v.Reason)
			}
		}
		if v.Counted {
			timely := v.Status == HandledOnTime || v.Status == OpenWithinDeadline
			if v.Metrics[1].InNumerator != timely || (v.Metrics[2].InNumerator && !timely) {
				t.Fatalf("status %s but 5.1 %v / 5.2 %v", v.Status, v.Metrics[1].InNumerator, v.Metrics[2].InNumerator)
			}
			if timely != (v.Missed == 0) {
				t.Fatalf("status %s with missed %s", v.Status, v.Missed)
			}
		} else if v.Status != StatusExcluded {
			t.Fatalf("excluded with status %s", v.Status)
		}
		a := c.NewAccumulator()
		a.AddPetition(v)
		a.AddPetition(v) // the same petition twice: counted once when it has an id
		r := a.Result()
		if v.Counted && v.ID != "" && (r.Petitions.Counted != 1 || r.Petitions.Entry(ReasonPetitionDuplicate).Excluded != 1) {
			t.Fatalf("duplicate not folded: %+v", r.Petitions.Entries())
		}
		if r.Petitions.Read != r.Petitions.Counted+r.Petitions.Excluded {
			t.Fatalf("ledger does not balance: %+v", r.Petitions)
		}
		for u, tl := range r.Units {
			if err := tl.Validate(); err != nil {
				t.Fatalf("unit %q: %v", u, err)
			}
			if tl.Counts[indicator.M51].Den != tl.Counts[indicator.M50].Den {
				t.Fatalf("unit %q: 5.0 and 5.1 denominators differ", u)
			}
		}
	})
}
