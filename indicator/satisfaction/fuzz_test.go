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
		var notes []indicator.Verdict
		note := func(k indicator.RecordKind, unit, code string, m indicator.Verdict) {
			if k != indicator.RecordPetition || unit != p.UnitID || code != p.ID {
				t.Fatalf("note %v %q %q", k, unit, code)
			}
			notes = append(notes, m)
		}
		a.AddPetition(&p, note)
		a.AddPetition(&p, nil) // the same petition twice: counted once when it has an id
		if [3]indicator.Verdict(notes) != v.Metrics {
			t.Fatalf("AddPetition noted %+v, ClassifyPetition gave %+v", notes, v.Metrics)
		}
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

// FuzzClassifyDossier checks the 5.3 invariants on fuzzed codes, aliases, units, marks and Timing: no
// panic; the verdict's reason is its ledger reason; NotTimed, a nil dossier or no unit exclude; otherwise
// in the denominator, in the numerator exactly when neither disliked, complained about nor late, with the
// dislike taking precedence over the complaint and the complaint over lateness; Add counts what Classify
// says and notes exactly its verdict.
func FuzzClassifyDossier(f *testing.F) {
	f.Add("H44.100-260805-0001", "", "H44.100", "H44.100-260805-0001", "", true, uint8(0))
	f.Add("D-LATE", "LOCAL-7", "U1", " LOCAL-7 ", "D-LATE", false, uint8(1))
	f.Add("", "x", "U9", "x", "x", true, uint8(2))
	f.Add("D-OUT", "D-OUT", "", "D-OUT", "D-OUT", true, uint8(3))
	f.Add("12345678", "123456789", "U2", "123456789", "12345678", false, uint8(7))
	f.Fuzz(func(t *testing.T, code, alias, unit, rated, complained string, dislike bool, sel uint8) {
		o := baseOptions(t)
		o.Ratings = []model.Rating{{DossierCode: rated, Dislike: dislike, Level: model.NewRatingLevel(model.RatingUnsatisfied)}}
		o.Petitions = []model.Petition{{ID: "K", UnitID: unit, DossierCode: complained}}
		o.Policy.Ratings = indicator.RatingRule(sel % 2)
		if sel&8 != 0 {
			o.Keys = indicator.NewKeys([]string{"A", unit}, nil)
		}
		c := newCalc(t, o)
		for _, s := range []string{code, alias, rated, complained} {
			if got, want := c.marked(s), c.marks[s]; got != want { // the sieve against the map alone
				t.Fatalf("marked(%q) = %d, the map's %d", s, got, want)
			}
		}
		d := model.Dossier{Code: code, UnitID: unit}
		if sel&4 != 0 {
			d.Aliases = []string{alias, code}
		}
		tm := indicator.Timing(sel >> 4 % 4) // 3: not a Timing, read as NotTimed
		v := c.Classify(&d, tm)
		if v.Metric.Metric != indicator.M53 || v.Metric.Reason != v.Reason || v.Metric.InDenominator != v.Counted ||
			(v.Metric.InNumerator && !v.Counted) || v.Unit != unit || v.Code != code {
			t.Fatalf("verdict %+v", v)
		}
		timed := tm == indicator.OnTime || tm == indicator.Late
		switch {
		case unit == "" || !timed:
			if v.Counted || v.Late || v.Disliked || v.Complaint {
				t.Fatalf("excluded dossier with facts %+v", v)
			}
		case !v.Counted || v.Late != (tm == indicator.Late):
			t.Fatalf("timing %v: %+v", tm, v)
		case v.Metric.InNumerator != (!v.Late && !v.Disliked && !v.Complaint):
			t.Fatalf("numerator: %+v", v)
		case v.Disliked && v.Reason != ReasonDossierDisliked,
			!v.Disliked && v.Complaint && v.Reason != ReasonDossierComplaint,
			!v.Disliked && !v.Complaint && v.Late && v.Reason != ReasonDossierLate:
			t.Fatalf("reason: %+v", v)
		}
		a := c.NewAccumulator()
		cs := indicator.Case{Dossier: &d, Ref: c.keys.Ref(unit, ""), Timing: tm}
		var noted []indicator.Verdict
		a.Add(&cs, func(got *indicator.Case, m indicator.Verdict) {
			if got != &cs {
				t.Fatal("note got another Case")
			}
			noted = append(noted, m)
		})
		if len(noted) != 1 || noted[0] != v.Metric {
			t.Fatalf("noted %+v, Classify %+v", noted, v.Metric)
		}
		r := a.Result()
		if r.Ledger.Read != 1 || r.Ledger.Entry(v.Reason).Counted+r.Ledger.Entry(v.Reason).Excluded != 1 ||
			r.Units[unit].Counts[indicator.M53] != (indicator.Count{Num: b2i(v.Metric.InNumerator), Den: b2i(v.Counted)}) {
			t.Fatalf("result %+v for %+v", r, v)
		}
	})
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
