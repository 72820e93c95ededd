package offer

import (
	"iter"
	"slices"

	"github.com/vn-dvc/chiso766/indicator"
)

// MaxReasons bounds the reason indexes a Reasons counts by index (others are counted by string).
const MaxReasons = 16

// Reasons is the dossier ledger of an accumulator: a calculator's verdicts are counted by reason index in
// an array (no hashing on the hot path), others (index 0) by reason string. The zero value is ready.
type Reasons struct {
	n      [MaxReasons]int64
	ledger indicator.Ledger
}

// Add counts one verdict: by index when 0 < i < MaxReasons, else by reason and counted.
func (l *Reasons) Add(i uint8, reason indicator.Reason, counted bool) {
	if i > 0 && i < MaxReasons {
		l.n[i]++
		return
	}
	l.addByName(reason, counted)
}

// addByName is Add's slow path, kept out of line so that Add inlines.
func (l *Reasons) addByName(reason indicator.Reason, counted bool) { l.ledger.Add(reason, counted) }

// Merge adds b's counts to l (b unchanged; b == l doubles l).
func (l *Reasons) Merge(b *Reasons) {
	if b == l {
		l.ledger.Merge(l.ledger.Clone())
	} else {
		l.ledger.Merge(b.ledger)
	}
	for i, n := range b.n {
		l.n[i] += n
	}
}

// Ledger returns the counts as a new Ledger: names[i] is the reason of index i, counted(i) whether it
// counts; indexes ≥ len(names) must not have been added.
func (l *Reasons) Ledger(names []indicator.Reason, counted func(uint8) bool) indicator.Ledger {
	out := l.ledger.Clone()
	for i, name := range names {
		out.AddN(name, counted(uint8(i)), l.n[i])
	}
	return out
}

// State is an accumulator's state for one unit: its dossier count for the package's dossier metric and
// one flag byte per pair its calculator tracks for the unit (3.2 services, fee-bearing procedures), and
// the flags of procedures the unit does not list, by code (Mark; nil until the first).
type State struct {
	Count    indicator.Count
	Flags    []uint8
	Unlisted map[string]uint8
}

// mark ORs f into the unlisted flags of code.
func (s *State) mark(code string, f uint8) {
	if s.Unlisted[code]&f == f {
		return // already marked: a lookup, no write (the common case: most dossiers repeat a code)
	}
	if s.Unlisted == nil {
		s.Unlisted = make(map[string]uint8)
	}
	s.Unlisted[code] |= f
}

// Mark ORs f into the flags of procedure code at the state of row (or of id, as At), for a procedure the
// unit does not list: one map lookup, an allocation the first time a (unit, code) is marked.
func (u *Units) Mark(row int32, id, code string, f uint8) { u.At(row, id).mark(code, f) }

// Units is an accumulator's per-unit state: a slice by row for the units of the calculator's Index, and a
// map by id for the others (units without an offering), filled on first use.
type Units struct {
	Known []State
	Other map[string]*State
}

// NewUnits returns the state of n rows, row i with flags(i) zero flags, and an empty map.
func NewUnits(n int, flags func(row int) int) Units {
	u := Units{Known: make([]State, n), Other: make(map[string]*State)}
	for i := range u.Known {
		u.Known[i].Flags = make([]uint8, flags(i))
	}
	return u
}

// At returns the state of row when 0 ≤ row < len(Known), else of id in Other, added on first use (the
// only allocation).
func (u *Units) At(row int32, id string) *State {
	if row >= 0 && int(row) < len(u.Known) {
		return &u.Known[row]
	}
	s := u.Other[id]
	if s == nil {
		s = new(State)
		u.Other[id] = s
	}
	return s
}

// Count adds one counted dossier to the state of row (or of id, as At): to the denominator, to the
// numerator when num, and flags f to its pair when 0 ≤ pair < its number of flags.
func (u *Units) Count(row int32, id string, num bool, pair int32, f uint8) {
	s := u.At(row, id)
	s.Count.Den++
	if num {
		s.Count.Num++
	}
	if pair >= 0 && int(pair) < len(s.Flags) {
		s.Flags[pair] |= f
	}
}

// Merge adds b's counts to u and ORs b's flags into u's (b unchanged; b == u doubles the counts). same
// tells that b's rows are u's (accumulators of one calculator). Otherwise b's row i is matched by its id,
// id(i), to u's row rowOf(id) or to Other, and flag j of b's row i goes to the (row, flag) flagOf(i, j)
// returns in u; a negative flag index means u's calculator does not list that pair: the flag goes to the
// unlisted flags under the code flagOf returns, or is dropped when that is "". b's unlisted flags go to
// the listed pair find(unit id, code) gives (row, flag index ≥ 0), else to u's unlisted flags; a nil find
// keeps them unlisted.
func (u *Units) Merge(b *Units, same bool, id func(i int) string, rowOf func(id string) int32,
	flagOf func(i, j int) (int32, int32, string), find func(id, code string) (int32, int32)) {
	if b == u {
		for i := range u.Known {
			u.Known[i].add(u.Known[i].Count)
		}
		for _, s := range u.Other {
			s.add(s.Count)
		}
		return
	}
	for i := range b.Known {
		bs := &b.Known[i]
		var as *State
		if same {
			as = &u.Known[i]
		} else {
			bid := id(i)
			as = u.At(rowOf(bid), bid)
		}
		as.add(bs.Count)
		for j, f := range bs.Flags {
			switch {
			case f == 0:
			case same:
				as.Flags[j] |= f
			default:
				if row, k, code := flagOf(i, j); k >= 0 {
					u.Known[row].Flags[k] |= f
				} else if code != "" {
					as.mark(code, f)
				}
			}
		}
		bid := ""
		if !same && len(bs.Unlisted) > 0 {
			bid = id(i)
		}
		u.unlisted(as, bs, bid, same, find)
	}
	for id, bs := range b.Other {
		as := u.At(rowOf(id), id)
		as.add(bs.Count)
		u.unlisted(as, bs, id, false, find)
	}
}

// unlisted ORs b's unlisted flags into as, the state of unit id in u, or into the pair find lists.
func (u *Units) unlisted(as, bs *State, id string, same bool, find func(id, code string) (int32, int32)) {
	for code, f := range bs.Unlisted {
		if !same && find != nil {
			if row, k := find(id, code); row >= 0 && k >= 0 {
				u.Known[row].Flags[k] |= f
				continue
			}
		}
		as.mark(code, f)
	}
}

func (s *State) add(n indicator.Count) {
	s.Count.Num += n.Num
	s.Count.Den += n.Den
}

// SortedIDs returns the keys of m, sorted. Cost: O(n log n), one allocation.
func SortedIDs[T any](m map[string]T) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Distinct yields each id of ids that is a key of m, once (the first time it appears), with its value:
// the units a Pool takes together. Cost: O(len(ids)), allocates a set.
func Distinct[T any](m map[string]T, ids []string) iter.Seq2[string, T] {
	return func(yield func(string, T) bool) {
		seen := make(map[string]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			if t, ok := m[id]; ok && !yield(id, t) {
				return
			}
		}
	}
}

// As is the type check of a group-3 Accumulator.Merge: other as a P, or an *indicator.OptionError of
// package pkg when other is of another type.
func As[P indicator.Accumulator](pkg string, other indicator.Accumulator) (P, error) {
	b, ok := other.(P)
	if !ok {
		return b, indicator.Invalid(pkg, "Merge", "%T is not a %T", other, b)
	}
	return b, nil
}

// Tallies turns an accumulator's Units into per-unit tallies and the procedure lists of its rows: row i's
// tally and procedures come from row(i, state) with the dossier metric m's counts added, its unit id from
// id(i); a unit outside the Index gets a tally of m alone. Empty procedure lists are not kept.
func Tallies[P any](u *Units, m indicator.ID, id func(row int) string,
	row func(i int, s *State) (indicator.Tally, []P)) (map[string]indicator.Tally, map[string][]P) {
	units := make(map[string]indicator.Tally, len(u.Known)+len(u.Other))
	procs := make(map[string][]P, len(u.Known))
	for i := range u.Known {
		t, ps := row(i, &u.Known[i])
		t.Counts[m] = u.Known[i].Count
		units[id(i)] = t
		if len(ps) > 0 {
			procs[id(i)] = ps
		}
	}
	for id, s := range u.Other {
		var t indicator.Tally
		t.Counts[m] = s.Count
		units[id] = t
	}
	return units, procs
}

// Merged returns the distinct procedures of the units ids (as Distinct takes them) in first-seen order:
// the first record of a code is first(p), each later one is folded in by merge(&q, p). The portal's parent
// rows count procedures this way, once however many sub-units offer them. Cost: O(Σ procedures of ids).
func Merged[P any](procs map[string][]P, ids []string, code func(*P) string, first func(*P) P, merge func(q, p *P)) []P {
	var out []P
	at := make(map[string]int)
	for _, ps := range Distinct(procs, ids) {
		for j := range ps {
			p := &ps[j]
			if i, seen := at[code(p)]; seen {
				merge(&out[i], p)
				continue
			}
			at[code(p)] = len(out)
			out = append(out, first(p))
		}
	}
	return out
}
