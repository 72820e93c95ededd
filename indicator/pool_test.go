package indicator

import (
	"testing"
)

// TestPoolingFixtures merges every sub-unit's tally (MergeChecked) and compares the pooled counts with the
// province row (docs/rules.md, Pooling: a parent's score uses pooled counts). Dossier counts must add up
// exactly; procedure counts (Metric.DistinctProcedures) must not be summed; petitions: the province receives
// petitions of its own, so its count is at least the sub-units' sum.
func TestPoolingFixtures(t *testing.T) {
	checked := 0
	for _, ff := range fixtureFiles() {
		units := groupUnits(readFixture(t, ff.name))
		for _, scope := range []string{"all", "formality"} {
			var parent, pooled Tally
			n, incomplete := 0, false
			for _, u := range units {
				if u.scope != scope {
					continue
				}
				var tl Tally
				if ff.build(t, u, &tl) != "" {
					incomplete = true
					continue
				}
				if u.unit == "H44" {
					parent = tl
					continue
				}
				if err := pooled.MergeChecked(tl); err != nil {
					t.Fatal(err)
				}
				n++
			}
			if n == 0 {
				continue
			}
			if n < 163 {
				// 1-transparency.csv's formality scope is only partly transcribed (README).
				t.Logf("%s %s: only %d sub-units transcribed; pooling not checked", ff.name, scope, n)
				continue
			}
			for id := M11; id <= M53; id++ {
				m, _ := Lookup(id)
				if id.Group() != ff.group || parent.Counts[id] == (Count{}) || incomplete {
					continue
				}
				p, q := parent.Counts[id], pooled.Counts[id]
				switch {
				case m.DistinctProcedures:
					t.Logf("%s %s %s: procedures, not additive: parent %d/%d, sum of sub-units %d/%d", ff.name, scope, id, p.Num, p.Den, q.Num, q.Den)
				case id == M50 || id == M51 || id == M52:
					if q.Den > p.Den {
						t.Errorf("%s %s %s: sub-units have more petitions (%d) than the province (%d)", ff.name, scope, id, q.Den, p.Den)
					}
					t.Logf("%s %s %s: petitions: province %d/%d includes its own; sub-units %d/%d", ff.name, scope, id, p.Num, p.Den, q.Num, q.Den)
				default:
					checked++
					if p != q {
						t.Errorf("%s %s %s: parent %d/%d != pooled %d/%d", ff.name, scope, id, p.Num, p.Den, q.Num, q.Den)
					}
				}
			}
		}
	}
	if checked != 16 {
		t.Errorf("checked %d additive metric/scope pairs, want 16", checked)
	}
}
