package indicator

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// Count is a metric's numerator and denominator for one unit and period. R = Num/Den.
type Count struct {
	Num int64 `json:"num"`
	Den int64 `json:"den"`
}

// Tally holds one unit's counts for one period: everything scoring needs, and nothing that depends on an
// edition. The zero value is an empty tally. It is a plain value (no pointers): copying it copies the counts.
//
// Counts is indexed by ID (slot 0 unused). Conventions for the metrics that need more than a ratio:
//   - 1.4: Counts[M14].Den is the unit's own count of dossiers received; SyncReportDen is the national
//     reporting system's count when the caller has it. Scoring uses max(Counts[M14].Den, SyncReportDen).
//   - 2.1: Overdue and Completed are the portal's extra counts (dossiers finished late; dossiers finished).
//   - 2.2: Counts[M22].Den is the number of dossiers finished in the period (Num stays 0) and
//     ProcessingSeconds the sum of their elapsed seconds from reception to end of processing.
//   - 3.1: Counts[M31] = {procedures with a partial or full online service, procedures under authority};
//     PartialOnline and FullOnline split the numerator; FullOnlineEligible counts procedures eligible for a
//     full online service (used by the OnlineFullOnly rule).
//   - 3.4/3.5: Den is the number of fee-bearing procedures (the portal's totalFeeFormality);
//     FeeProceduresWithDossiers is the portal's totalFeeDossierFormalityDistinct (reported only).
//   - 5.0: Counts[M50] = {petitions in the procedure/policy category, petitions}; PetitionsStaff counts the
//     staff-conduct category.
//   - OnlineReceived and LateOnlineReceptions: online dossiers received, and those received more than the
//     policy's working hours after submission (reported only).
type Tally struct {
	Counts [NumIDs]Count

	SyncReportDen             int64 // 1.4 national reporting system's denominator (0 = not supplied)
	Overdue                   int64 // 2.1 dossiers finished late (portal totalOverdue)
	Completed                 int64 // 2.1 dossiers finished (portal totalCompleted)
	ProcessingSeconds         int64 // 2.2 sum of processing seconds over Counts[M22].Den finished dossiers
	PartialOnline             int64 // 3.1 procedures with a partial online service
	FullOnline                int64 // 3.1 procedures with a full online service
	FullOnlineEligible        int64 // 3.1 procedures eligible for a full online service
	FeeProceduresWithDossiers int64 // 3b portal totalFeeDossierFormalityDistinct (reported only)
	PetitionsStaff            int64 // 5.0 petitions about staff conduct
	OnlineReceived            int64 // online dossiers received (for the 8-working-hour reception check)
	LateOnlineReceptions      int64 // of those, received late
}

// Add adds num to the numerator and den to the denominator of metric id. It is the calculators' hot path:
// no allocation, no error; an invalid id is ignored. Overflow is not checked here (see MergeChecked and
// Validate).
func (t *Tally) Add(id ID, num, den int64) {
	if !id.Valid() {
		return
	}
	c := &t.Counts[id]
	c.Num += num
	c.Den += den
}

// AddVerdict counts one record's verdict: a denominator unit when v.InDenominator, plus a numerator unit
// when v.InNumerator too. Verdicts outside the denominator are not counted (record them in a Ledger).
// No allocation, no error; an invalid metric is ignored.
func (t *Tally) AddVerdict(v Verdict) {
	if !v.InDenominator || !v.Metric.Valid() {
		return
	}
	c := &t.Counts[v.Metric]
	c.Den++
	if v.InNumerator {
		c.Num++
	}
}

// Count returns the count of metric id (the zero Count for an invalid id). Cost: O(1).
func (t *Tally) Count(id ID) Count {
	if !id.Valid() {
		return Count{}
	}
	return t.Counts[id]
}

// extras lists pointers to the extra counts with their JSON names, in a stable order. Used by Merge,
// Validate and JSON so that a new extra field needs one line here.
func (t *Tally) extras() [11]extraField {
	return [11]extraField{
		{"syncReportDen", M14, &t.SyncReportDen},
		{"overdue", M21, &t.Overdue},
		{"completed", M21, &t.Completed},
		{"processingSeconds", M22, &t.ProcessingSeconds},
		{"partialOnline", M31, &t.PartialOnline},
		{"fullOnline", M31, &t.FullOnline},
		{"fullOnlineEligible", M31, &t.FullOnlineEligible},
		{"feeProceduresWithDossiers", M34, &t.FeeProceduresWithDossiers},
		{"petitionsStaff", M50, &t.PetitionsStaff},
		{"onlineReceived", M33, &t.OnlineReceived},
		{"lateOnlineReceptions", M33, &t.LateOnlineReceptions},
	}
}

type extraField struct {
	name   string
	metric ID
	p      *int64
}

// Merge adds u's counts into t (pooling; docs/rules.md, Pooling). Merge is associative and commutative: it is
// field-wise integer addition. No allocation; overflow is not checked (use MergeChecked when the inputs
// are untrusted).
func (t *Tally) Merge(u Tally) {
	for i := range t.Counts {
		t.Counts[i].Num += u.Counts[i].Num
		t.Counts[i].Den += u.Counts[i].Den
	}
	te, ue := t.extras(), u.extras()
	for i := range te {
		*te[i].p += *ue[i].p
	}
}

// MergeChecked is Merge that refuses to overflow: when any sum would leave the int64 range it returns a
// *CountError matching ErrOverflow and leaves t unchanged. Cost: two passes over the counts, no allocation.
func (t *Tally) MergeChecked(u Tally) error {
	for id := M11; id <= M53; id++ {
		a, b := t.Counts[id], u.Counts[id]
		if addOverflows(a.Num, b.Num) {
			return &CountError{Metric: id, Field: "num", Num: a.Num, Den: b.Num, Err: ErrOverflow}
		}
		if addOverflows(a.Den, b.Den) {
			return &CountError{Metric: id, Field: "den", Num: a.Den, Den: b.Den, Err: ErrOverflow}
		}
	}
	te, ue := t.extras(), u.extras()
	for i := range te {
		if addOverflows(*te[i].p, *ue[i].p) {
			return &CountError{Metric: te[i].metric, Field: "extra." + te[i].name, Num: *te[i].p, Den: *ue[i].p, Err: ErrOverflow}
		}
	}
	t.Merge(u)
	return nil
}

func addOverflows(a, b int64) bool {
	return (b > 0 && a > math.MaxInt64-b) || (b < 0 && a < math.MinInt64-b)
}

// Validate checks that every count is non-negative, that no numerator exceeds its denominator, and that
// the extra counts are consistent (PartialOnline+FullOnline ≤ Counts[M31].Den, Counts[M50].Num +
// PetitionsStaff ≤ Counts[M50].Den, LateOnlineReceptions ≤ OnlineReceived, Overdue and Completed ≤
// Counts[M21].Den). It returns the first problem as a *CountError matching ErrNegative or
// ErrNumExceedsDen, naming the metric and field. Cost: O(number of metrics), no allocation on success.
func (t Tally) Validate() error {
	if c := t.Counts[0]; c != (Count{}) {
		return &CountError{Metric: 0, Field: "num+den", Num: c.Num, Den: c.Den, Err: ErrNumExceedsDen}
	}
	for id := M11; id <= M53; id++ {
		c := t.Counts[id]
		switch {
		case c.Num < 0:
			return &CountError{Metric: id, Field: "num", Num: c.Num, Den: c.Den, Err: ErrNegative}
		case c.Den < 0:
			return &CountError{Metric: id, Field: "den", Num: c.Num, Den: c.Den, Err: ErrNegative}
		case c.Num > c.Den:
			return &CountError{Metric: id, Field: "num", Num: c.Num, Den: c.Den, Err: ErrNumExceedsDen}
		}
	}
	ex := t.extras()
	for _, e := range ex {
		if *e.p < 0 {
			return &CountError{Metric: e.metric, Field: "extra." + e.name, Num: *e.p, Err: ErrNegative}
		}
	}
	type bound struct {
		metric    ID
		field     string
		part, tot int64
	}
	checks := [...]bound{
		{M31, "extra.partialOnline+fullOnline", t.PartialOnline + t.FullOnline, t.Counts[M31].Den},
		{M50, "extra.petitionsStaff", t.Counts[M50].Num + t.PetitionsStaff, t.Counts[M50].Den},
		{M33, "extra.lateOnlineReceptions", t.LateOnlineReceptions, t.OnlineReceived},
		{M21, "extra.overdue", t.Overdue, t.Counts[M21].Den},
		{M21, "extra.completed", t.Completed, t.Counts[M21].Den},
	}
	for _, b := range checks {
		if b.part > b.tot {
			return &CountError{Metric: b.metric, Field: b.field, Num: b.part, Den: b.tot, Err: ErrNumExceedsDen}
		}
	}
	return nil
}

// MarshalJSON encodes the tally in its documented, stable shape: one key per metric with a non-zero count,
// in catalogue order, {"num":…,"den":…}, plus "extra" with the non-zero extra counts, e.g.
//
//	{"1.1":{"num":3,"den":4},"2.1":{"num":9,"den":10},"extra":{"completed":8}}
//
// The empty tally encodes as {}. It does not validate. Cost: O(number of metrics), allocates the output.
func (t Tally) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	sep := func() {
		if !first {
			b.WriteByte(',')
		}
		first = false
	}
	for id := M11; id <= M53; id++ {
		c := t.Counts[id]
		if c == (Count{}) {
			continue
		}
		sep()
		b.WriteByte('"')
		b.WriteString(idText[id])
		b.WriteString(`":{"num":`)
		writeInt(&b, c.Num)
		b.WriteString(`,"den":`)
		writeInt(&b, c.Den)
		b.WriteByte('}')
	}
	ex := t.extras()
	wrote := false
	for _, e := range ex {
		if *e.p == 0 {
			continue
		}
		if !wrote {
			sep()
			b.WriteString(`"extra":{`)
		} else {
			b.WriteByte(',')
		}
		wrote = true
		b.WriteByte('"')
		b.WriteString(e.name)
		b.WriteString(`":`)
		writeInt(&b, *e.p)
	}
	if wrote {
		b.WriteByte('}')
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func writeInt(b *bytes.Buffer, v int64) {
	var buf [20]byte
	b.Write(strconv.AppendInt(buf[:0], v, 10))
}

// UnmarshalJSON decodes the shape written by MarshalJSON (metric keys may also be portal codes), replacing
// t entirely, and then validates it. Unknown keys, unknown extra names, non-integer counts and duplicate
// metrics fail with a *DecodeError (errors.Is ErrBadJSON); invalid counts fail with the *CountError of
// Validate. On error t is left unchanged. (When called through json.Unmarshal, a syntax error in the
// enclosing document is reported by encoding/json itself as a *json.SyntaxError before this method runs.)
// Cost: O(input size).
func (t *Tally) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return &DecodeError{Err: err}
	}
	if raw == nil {
		return &DecodeError{Err: errNullTally}
	}
	var out Tally
	var seen [NumIDs]bool
	for key, msg := range raw {
		if key == "extra" {
			var m map[string]json.RawMessage
			if err := json.Unmarshal(msg, &m); err != nil {
				return &DecodeError{Key: key, Err: err}
			}
			ex := out.extras()
		next:
			for name, v := range m {
				for _, e := range ex {
					if e.name == name {
						if err := decodeInt(v, e.p); err != nil {
							return &DecodeError{Key: "extra." + name, Err: err}
						}
						continue next
					}
				}
				return &DecodeError{Key: "extra." + name, Err: errUnknownExtra}
			}
			continue
		}
		id, err := ParseID(key)
		if err != nil {
			return &DecodeError{Key: key, Err: err}
		}
		if seen[id] {
			return &DecodeError{Key: key, Err: errDuplicate}
		}
		seen[id] = true
		var m map[string]json.RawMessage
		if err := json.Unmarshal(msg, &m); err != nil {
			return &DecodeError{Key: key, Err: err}
		}
		if m == nil {
			return &DecodeError{Key: key, Err: errNullTally}
		}
		for name, v := range m {
			var p *int64
			switch name {
			case "num":
				p = &out.Counts[id].Num
			case "den":
				p = &out.Counts[id].Den
			default:
				return &DecodeError{Key: key + "." + name, Err: errUnknownExtra}
			}
			if err := decodeInt(v, p); err != nil {
				return &DecodeError{Key: key + "." + name, Err: err}
			}
		}
	}
	if err := out.Validate(); err != nil {
		return err
	}
	*t = out
	return nil
}

// decodeInt accepts a JSON integer literal (-?[0-9]+, surrounding space allowed); fractions, exponents,
// strings and out-of-range values are rejected.
func decodeInt(msg json.RawMessage, p *int64) error {
	msg = bytes.TrimSpace(msg)
	digits := msg
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 {
		return errNotInteger
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return errNotInteger
		}
	}
	v, err := strconv.ParseInt(string(msg), 10, 64)
	if err != nil {
		return err
	}
	*p = v
	return nil
}
