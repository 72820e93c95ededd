// Package refcard compares a scorecard.Card with the reference judge of package reference, count by count,
// and finds the dossiers behind each difference. Test-only support: the judge itself imports nothing of
// package indicator; this package is the one bridge between the two vocabularies.
//
// Cost: Compare is O(units × metrics); Explain runs the scorer once per dossier it inspects (at most the
// dossiers of the differing units) and stops after max codes per difference.
package refcard

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/internal/reference"
	"github.com/vn-dvc/chiso766/model"
)

// IDs maps the reference's metric names to the library's ids.
var IDs = map[string]indicator.ID{
	reference.M11: indicator.M11, reference.M12: indicator.M12, reference.M13: indicator.M13,
	reference.M14: indicator.M14, reference.M21: indicator.M21, reference.M22: indicator.M22,
	reference.M31: indicator.M31, reference.M32: indicator.M32, reference.M33: indicator.M33,
	reference.M34: indicator.M34, reference.M35: indicator.M35, reference.M36: indicator.M36,
	reference.M41: indicator.M41, reference.M42: indicator.M42, reference.M43: indicator.M43,
	reference.M44: indicator.M44, reference.M45: indicator.M45, reference.M46a: indicator.M46a,
	reference.M46b: indicator.M46b, reference.M50: indicator.M50, reference.M51: indicator.M51,
	reference.M52: indicator.M52, reference.M53: indicator.M53,
}

// Metrics lists the compared metrics in catalogue order.
func Metrics() []string {
	ms := append(slices.Clone(reference.DossierMetrics), reference.ProcedureMetrics...)
	ms = append(ms, reference.PetitionMetrics...)
	ms = append(ms, reference.PublicationMetrics...)
	sort.Slice(ms, func(i, j int) bool { return IDs[ms[i]] < IDs[ms[j]] })
	return ms
}

// CodeDiff is one dossier judged differently.
type CodeDiff struct {
	Code    string
	Ours    reference.Count // the calculators' counts for this dossier alone (0 or 1 each)
	OursSec int64           // 2.2: the calculators' seconds for this dossier
	Ref     reference.Decision
}

// Diff is one unit × metric whose counts differ.
type Diff struct {
	Unit, Metric    string
	Ours, Ref       reference.Count
	OursSec, RefSec int64 // 2.2 only
	Codes           []CodeDiff
}

// Compare lists every unit × metric where the card's pooled counts (and, for 2.2, the pooled seconds)
// differ from the reference's.
func Compare(card *scorecard.Card, units []model.Unit, ref *reference.Result) []Diff {
	tallies := card.Tallies()
	var out []Diff
	for _, u := range units {
		uc, ok := card.Unit(u.ID)
		if !ok {
			out = append(out, Diff{Unit: u.ID, Metric: "(unit missing from the card)"})
			continue
		}
		for _, m := range Metrics() {
			mr := uc.Pooled.Metric(IDs[m])
			ours := reference.Count{Num: mr.Num, Den: mr.Den}
			if m == reference.M22 {
				ours.Num = 0 // 2.2 has no numerator
			}
			r := ref.Pooled[u.ID][m]
			d := Diff{Unit: u.ID, Metric: m, Ours: ours, Ref: r}
			if m == reference.M22 {
				for _, s := range subtree(units, u.ID) {
					d.OursSec += tallies[s].ProcessingSeconds
				}
				d.RefSec = ref.Seconds22[u.ID]
			}
			if d.Ours != d.Ref || d.OursSec != d.RefSec {
				out = append(out, d)
			}
		}
	}
	return out
}

func subtree(units []model.Unit, id string) []string {
	out := []string{id}
	for _, u := range units {
		if u.Parent == id {
			out = append(out, subtree(units, u.ID)...)
		}
	}
	return out
}

// Explain fills each dossier-metric difference with up to max dossiers of the differing unit's sub-tree
// that the calculators and the reference judge differently, found by scoring each dossier alone with s
// (dossier metrics only: 3.1–3.5, 4.4 and 4.6a count procedures and have no per-dossier verdict here).
func Explain(s *scorecard.Scorer, units []model.Unit, dossiers []model.Dossier, ref *reference.Result, diffs []Diff, max int) error {
	byKey := map[[2]string]reference.Decision{}
	for _, d := range ref.Decisions {
		byKey[[2]string{d.Code, d.Metric}] = d
	}
	dossierMetric := map[string]bool{}
	for _, m := range reference.DossierMetrics {
		dossierMetric[m] = true
	}
	want := map[string][]int{} // unit → diffs that include it
	for i, d := range diffs {
		if !dossierMetric[d.Metric] {
			continue
		}
		for _, u := range subtree(units, d.Unit) {
			want[u] = append(want[u], i)
		}
	}
	dup := map[string]bool{}
	for _, c := range ref.Duplicates {
		dup[c] = true
	}
	runs := 0
	for i := range dossiers {
		d := &dossiers[i]
		idx := want[d.UnitID]
		if len(idx) == 0 || dup[d.Code] || runs >= MaxRuns {
			continue
		}
		full := true
		for _, k := range idx {
			if len(diffs[k].Codes) < max {
				full = false
			}
		}
		if full {
			continue
		}
		runs++
		card, err := s.Run(slices.Values(dossiers[i : i+1]))
		if err != nil {
			return fmt.Errorf("refcard: dossier %s: %w", d.Code, err)
		}
		t := card.Tallies()[d.UnitID]
		for _, k := range idx {
			m := diffs[k].Metric
			if len(diffs[k].Codes) >= max {
				continue
			}
			c := t.Counts[IDs[m]]
			ours := reference.Count{Num: c.Num, Den: c.Den}
			if m == reference.M22 {
				ours.Num = 0
			}
			r := byKey[[2]string{d.Code, m}]
			rc := reference.Count{}
			if r.InDen {
				rc.Den = 1
			}
			if r.InNum {
				rc.Num = 1
			}
			same := ours == rc
			if m == reference.M22 && t.ProcessingSeconds != r.Seconds {
				same = false
			}
			if !same {
				diffs[k].Codes = append(diffs[k].Codes, CodeDiff{Code: d.Code, Ours: ours, OursSec: t.ProcessingSeconds, Ref: r})
			}
		}
	}
	return nil
}

// MaxRuns bounds the single-dossier runs of one Explain call (each costs a full Finish).
const MaxRuns = 1000

// Markdown renders the differences as a table with the dossier codes; duplicates (codes sent more than
// once, judged once by the reference, latest version) are listed after it, since Explain cannot score one
// version alone.
func Markdown(title string, diffs []Diff, duplicates []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", title)
	if len(duplicates) > 0 {
		n := len(duplicates)
		more := ""
		if n > 20 {
			duplicates, more = duplicates[:20], fmt.Sprintf(" … (%d codes)", n)
		}
		fmt.Fprintf(&b, "Codes sent more than once (the reference judges each once, its latest version — decision 3): %s%s.\n\n",
			strings.Join(duplicates, ", "), more)
	}
	if len(diffs) == 0 {
		b.WriteString("No difference: every compared count is equal.\n\n")
		return b.String()
	}
	b.WriteString("| unit | metric | ours num/den | reference num/den | dossiers (ours → reference: reason) |\n|---|---|---|---|---|\n")
	for _, d := range diffs {
		o := fmt.Sprintf("%d/%d", d.Ours.Num, d.Ours.Den)
		r := fmt.Sprintf("%d/%d", d.Ref.Num, d.Ref.Den)
		if d.Metric == reference.M22 {
			o = fmt.Sprintf("n=%d, %d s", d.Ours.Den, d.OursSec)
			r = fmt.Sprintf("n=%d, %d s", d.Ref.Den, d.RefSec)
		}
		var cs []string
		for _, c := range d.Codes {
			if d.Metric == reference.M22 {
				cs = append(cs, fmt.Sprintf("%s (n=%d, %d s → %s %d s: %s)", c.Code, c.Ours.Den, c.OursSec, inout(c.Ref.InDen), c.Ref.Seconds, c.Ref.Reason))
				continue
			}
			cs = append(cs, fmt.Sprintf("%s (%d/%d → %s%s: %s)", c.Code, c.Ours.Num, c.Ours.Den, inout(c.Ref.InDen), numtag(c.Ref.InNum), c.Ref.Reason))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", d.Unit, d.Metric, o, r, strings.Join(cs, "; "))
	}
	b.WriteString("\n")
	return b.String()
}

func inout(b bool) string {
	if b {
		return "den"
	}
	return "out"
}

func numtag(b bool) string {
	if b {
		return "+num"
	}
	return ""
}

// Check scores the latest version of every dossier code with s (Scorer.RunLatest) and with the reference
// judge (in), compares every count, explains up to
// max dossiers per difference and renders the result under title. diffs is empty when every count is
// equal. Errors come from the scorer or the judge.
func Check(s *scorecard.Scorer, in reference.Input, dossiers []model.Dossier, title string, max int) (md string, diffs []Diff, err error) {
	card, err := s.RunLatest(slices.Values(dossiers), 1) // re-sent codes: the latest version, as the reference
	if err != nil {
		return "", nil, fmt.Errorf("refcard: scorecard: %w", err)
	}
	ref, err := reference.Judge(in, dossiers)
	if err != nil {
		return "", nil, err
	}
	diffs = Compare(card, in.Units, ref)
	if err := Explain(s, in.Units, dossiers, ref, diffs, max); err != nil {
		return "", nil, err
	}
	return Markdown(title, diffs, ref.Duplicates), diffs, nil
}
