package indicator

import (
	"encoding/json"
	"sort"
)

// Reason is a stable, documented code explaining a record's verdict, such as "timeliness.late" or
// "payment.zero_fee". Calculators declare their own constants as "<area>.<what>" in lower snake case; the
// code is part of the public output (explanations, ledgers) and must not change once published.
type Reason string

// Verdict is one record's contribution to one metric: whether it is in the denominator, whether it is in
// the numerator (meaningful only when it is in the denominator), and why.
type Verdict struct {
	Metric        ID
	InDenominator bool
	InNumerator   bool
	Reason        Reason
}

// LedgerEntry is the accounting of one Reason: records counted towards a metric and records excluded.
type LedgerEntry struct {
	Reason   Reason `json:"reason"`
	Counted  int64  `json:"counted"`
	Excluded int64  `json:"excluded"`
}

// Ledger accounts for every record a calculator read: how many were counted and how many excluded, per
// Reason, so that totals reconcile (Read = Counted + Excluded). Memory is O(number of distinct reasons);
// Add allocates only when a reason is seen for the first time. The zero value is an empty ledger.
//
// A Ledger holds a slice: copying a Ledger value shares its entries, so copy with Clone before mutating
// both copies.
type Ledger struct {
	Read     int64 // records seen
	Counted  int64 // records that entered at least one denominator
	Excluded int64 // records excluded
	entries  []LedgerEntry
}

// Add records one record with the given reason, counted or excluded. Cost: O(distinct reasons), amortised
// no allocation.
func (l *Ledger) Add(r Reason, counted bool) { l.AddN(r, counted, 1) }

// AddN records n records at once (n ≥ 0; negative n is ignored).
func (l *Ledger) AddN(r Reason, counted bool, n int64) {
	if n <= 0 {
		return
	}
	l.Read += n
	e := l.entry(r)
	if counted {
		l.Counted += n
		e.Counted += n
	} else {
		l.Excluded += n
		e.Excluded += n
	}
}

func (l *Ledger) entry(r Reason) *LedgerEntry {
	for i := range l.entries {
		if l.entries[i].Reason == r {
			return &l.entries[i]
		}
	}
	l.entries = append(l.entries, LedgerEntry{Reason: r})
	return &l.entries[len(l.entries)-1]
}

// Merge adds m's accounting into l. Associative and commutative up to the order of Entries (which sorts).
// Cost: O(reasons(l) × reasons(m)).
func (l *Ledger) Merge(m Ledger) {
	l.Read += m.Read
	l.Counted += m.Counted
	l.Excluded += m.Excluded
	for _, e := range m.entries {
		d := l.entry(e.Reason)
		d.Counted += e.Counted
		d.Excluded += e.Excluded
	}
}

// Clone returns a deep copy. Cost: one allocation.
func (l Ledger) Clone() Ledger {
	l.entries = append([]LedgerEntry(nil), l.entries...)
	return l
}

// Entries returns the per-reason accounting sorted by Reason, as a fresh slice. Cost: O(k log k).
func (l Ledger) Entries() []LedgerEntry {
	out := append([]LedgerEntry(nil), l.entries...)
	sort.Slice(out, func(i, j int) bool { return out[i].Reason < out[j].Reason })
	return out
}

// Entry returns the accounting for one reason (zero counts when unseen). Cost: O(distinct reasons).
func (l Ledger) Entry(r Reason) LedgerEntry {
	for _, e := range l.entries {
		if e.Reason == r {
			return e
		}
	}
	return LedgerEntry{Reason: r}
}

type ledgerJSON struct {
	Read     int64         `json:"read"`
	Counted  int64         `json:"counted"`
	Excluded int64         `json:"excluded"`
	Reasons  []LedgerEntry `json:"reasons"`
}

// MarshalJSON encodes {"read":…,"counted":…,"excluded":…,"reasons":[{"reason":…,"counted":…,"excluded":…}]}
// with reasons sorted. Never fails.
func (l Ledger) MarshalJSON() ([]byte, error) {
	e := l.Entries()
	if e == nil {
		e = []LedgerEntry{}
	}
	return json.Marshal(ledgerJSON{l.Read, l.Counted, l.Excluded, e})
}

// UnmarshalJSON decodes the MarshalJSON shape. It fails with a *DecodeError (ErrBadJSON) on malformed
// input, and with a *CountError (ErrNegative) for negative counts.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	var j ledgerJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return &DecodeError{Err: err}
	}
	if j.Read < 0 || j.Counted < 0 || j.Excluded < 0 {
		return &CountError{Field: "ledger", Num: j.Read, Err: ErrNegative}
	}
	out := Ledger{Read: j.Read, Counted: j.Counted, Excluded: j.Excluded}
	for _, e := range j.Reasons {
		if e.Counted < 0 || e.Excluded < 0 {
			return &CountError{Field: "ledger." + string(e.Reason), Num: e.Counted, Den: e.Excluded, Err: ErrNegative}
		}
		d := out.entry(e.Reason)
		d.Counted += e.Counted
		d.Excluded += e.Excluded
	}
	*l = out
	return nil
}
