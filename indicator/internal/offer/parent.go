package offer

import "github.com/vn-dvc/chiso766/indicator"

// ParentRule is how a parent row counts the procedures of a metric it pools itself (PoolOwn): over the
// procedures offered in its sub-tree and, when Catalogue, every catalogue procedure the metric admits;
// when Unoffered, a dossier of a sub-unit that does not offer its procedure is evidence for the
// numerator too (indicator.ParentProcedureRule; docs/rules.md, Pooling).
type ParentRule struct {
	Catalogue bool // a top parent under indicator.ParentCatalogue
	Unoffered bool // indicator.ParentCatalogue
}

// ParentRules returns the rule of every parent of s: under indicator.ParentCatalogue a top parent (one no
// other parent's sub-tree holds) counts the catalogue, and every parent takes the evidence of every
// dossier of its sub-tree; under indicator.ParentOffered neither. A nil s, or one without Subtree, has no
// parents. Cost: O(Σ sub-tree sizes of the parents), one map.
func ParentRules(s *indicator.Scope) map[string]ParentRule {
	out := make(map[string]ParentRule)
	if s == nil || s.Subtree == nil {
		return out
	}
	catalogue := s.Aggregation.ParentProcedures == indicator.ParentCatalogue
	below := make(map[string]bool)
	for _, p := range s.Parents {
		for _, u := range s.Subtree(p) {
			if u != p {
				below[u] = true
			}
		}
	}
	for _, p := range s.Parents {
		out[p] = ParentRule{Catalogue: catalogue && !below[p], Unoffered: catalogue}
	}
	return out
}

// WithCatalogue returns ps (a parent's distinct offered procedures, as Merged gives them) followed by
// the procedures of catalogue (in its order) whose code ps lacks. ps is reused when it has room. Cost:
// O(len(ps) + len(catalogue)), one set.
func WithCatalogue[P any](ps []P, code func(*P) string, catalogue []P) []P {
	have := make(map[string]bool, len(ps))
	for i := range ps {
		have[code(&ps[i])] = true
	}
	for i := range catalogue {
		if !have[code(&catalogue[i])] {
			ps = append(ps, catalogue[i])
		}
	}
	return ps
}
