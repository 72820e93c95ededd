package indicator

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxCount is the largest count Tally.Validate accepts for any numerator, denominator or extra count
// except ProcessingSeconds: 2^53 (about 9·10^15), a thousand times more records than the country handles
// in a century, and the largest integer a float64 represents exactly (the portal's payment pipeline works
// in float64). A larger count cannot be real: it is refused with a *CountError matching ErrOverflow.
const MaxCount int64 = 1 << 53

// MaxDossierSeconds bounds 2.2's ProcessingSeconds: Validate refuses a tally whose ProcessingSeconds
// exceeds Counts[M22].Den × MaxDossierSeconds (seconds without a finished dossier included). It is
// 10 000 years of 366 days, longer than any span between two instants with four-digit years, so no real
// sum of processing spans reaches it. ProcessingSeconds is otherwise bounded by int64 only.
const MaxDossierSeconds int64 = 10_000 * 366 * 86_400

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

// MergeChecked is Merge that refuses to leave Validate's range: when a sum would exceed MaxCount (int64
// for ProcessingSeconds, which MaxDossierSeconds bounds instead) or overflow int64 it returns a
// *CountError matching ErrOverflow, naming the metric and field with the two addends in Num and Den, and
// leaves t unchanged. Cost: two passes over the counts, no allocation.
func (t *Tally) MergeChecked(u Tally) error {
	for id := M11; id <= M53; id++ {
		a, b := t.Counts[id], u.Counts[id]
		if sumExceeds(a.Num, b.Num, MaxCount) {
			return &CountError{Metric: id, Field: "num", Num: a.Num, Den: b.Num, Err: ErrOverflow}
		}
		if sumExceeds(a.Den, b.Den, MaxCount) {
			return &CountError{Metric: id, Field: "den", Num: a.Den, Den: b.Den, Err: ErrOverflow}
		}
	}
	te, ue := t.extras(), u.extras()
	for i := range te {
		if sumExceeds(*te[i].p, *ue[i].p, te[i].limit()) {
			return &CountError{Metric: te[i].metric, Field: "extra." + te[i].name, Num: *te[i].p, Den: *ue[i].p, Err: ErrOverflow}
		}
	}
	t.Merge(u)
	return nil
}

// limit is the largest value Validate accepts for the extra count on its own (ProcessingSeconds is
// bounded relative to Counts[M22].Den instead).
func (e extraField) limit() int64 {
	if e.p == nil || e.name == "processingSeconds" {
		return math.MaxInt64
	}
	return MaxCount
}

func addOverflows(a, b int64) bool {
	return (b > 0 && a > math.MaxInt64-b) || (b < 0 && a < math.MinInt64-b)
}

// sumExceeds reports whether a+b overflows int64 or exceeds limit.
func sumExceeds(a, b, limit int64) bool {
	return addOverflows(a, b) || a+b > limit
}

// Validate checks that every count is non-negative and at most MaxCount, that ProcessingSeconds is at
// most Counts[M22].Den × MaxDossierSeconds, that no numerator exceeds its denominator, and that the extra
// counts are consistent (PartialOnline+FullOnline ≤ Counts[M31].Den, Counts[M50].Num + PetitionsStaff ≤
// Counts[M50].Den, LateOnlineReceptions ≤ OnlineReceived, Overdue and Completed ≤ Counts[M21].Den; the
// sums are checked for overflow). It returns the first problem as a *CountError naming the metric and
// field and matching ErrNegative, ErrOverflow (a count above MaxCount, processing seconds beyond the
// bound) or ErrNumExceedsDen. Cost: O(number of metrics), no allocation on success.
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
		case c.Num > MaxCount:
			return &CountError{Metric: id, Field: "num", Num: c.Num, Den: c.Den, Err: ErrOverflow}
		case c.Den > MaxCount:
			return &CountError{Metric: id, Field: "den", Num: c.Num, Den: c.Den, Err: ErrOverflow}
		case c.Num > c.Den:
			return &CountError{Metric: id, Field: "num", Num: c.Num, Den: c.Den, Err: ErrNumExceedsDen}
		}
	}
	ex := t.extras()
	for _, e := range ex {
		if *e.p < 0 {
			return &CountError{Metric: e.metric, Field: "extra." + e.name, Num: *e.p, Err: ErrNegative}
		}
		if *e.p > e.limit() {
			return &CountError{Metric: e.metric, Field: "extra." + e.name, Num: *e.p, Den: e.limit(), Err: ErrOverflow}
		}
	}
	// ProcessingSeconds ≤ Den × MaxDossierSeconds, without forming the product.
	if d, s := t.Counts[M22].Den, t.ProcessingSeconds; s/MaxDossierSeconds > d || (s/MaxDossierSeconds == d && s%MaxDossierSeconds > 0) {
		return &CountError{Metric: M22, Field: "extra.processingSeconds", Num: s, Den: d, Err: ErrOverflow}
	}
	type bound struct {
		metric ID
		field  string
		a, b   int64 // the part is a+b
		tot    int64
	}
	checks := [...]bound{
		{M31, "extra.partialOnline+fullOnline", t.PartialOnline, t.FullOnline, t.Counts[M31].Den},
		{M50, "extra.petitionsStaff", t.Counts[M50].Num, t.PetitionsStaff, t.Counts[M50].Den},
		{M33, "extra.lateOnlineReceptions", t.LateOnlineReceptions, 0, t.OnlineReceived},
		{M21, "extra.overdue", t.Overdue, 0, t.Counts[M21].Den},
		{M21, "extra.completed", t.Completed, 0, t.Counts[M21].Den},
	}
	for _, b := range checks {
		if addOverflows(b.a, b.b) { // not reachable within MaxCount; kept so that no sum can wrap
			return &CountError{Metric: b.metric, Field: b.field, Num: b.a, Den: b.b, Err: ErrOverflow}
		}
		if part := b.a + b.b; part > b.tot {
			return &CountError{Metric: b.metric, Field: b.field, Num: part, Den: b.tot, Err: ErrNumExceedsDen}
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
// t entirely, and then validates it. Unknown keys, unknown extra names, non-integer counts, a key given
// twice in any object (after unescaping: "2.1" twice, "num" twice, "extra" twice, an extra name twice)
// and a metric given twice (also as its id and its portal code) fail with a *DecodeError (errors.Is
// ErrBadJSON) naming the key; invalid counts fail with the *CountError of Validate. On error t is left
// unchanged. (When called through json.Unmarshal, a syntax error in the enclosing document is reported by
// encoding/json itself as a *json.SyntaxError before this method runs.) Cost: O(input size).
func (t *Tally) UnmarshalJSON(data []byte) error {
	out, err := decodeTally(data, nil)
	if err != nil {
		return err
	}
	*t = out
	return nil
}

// decodeTally decodes and validates a tally document. unitExtra, when not nil, is a unit-tree "extra"
// object given beside the counts: data must then not hold an "extra" key of its own.
func decodeTally(data []byte, unitExtra json.RawMessage) (Tally, error) {
	var out Tally
	var seen [NumIDs]bool
	null, err := walkObject(data, "", func(key string, msg json.RawMessage) error {
		if key == "extra" {
			if unitExtra != nil {
				return &DecodeError{Key: key, Err: errExtraTwice}
			}
			return out.decodeExtras(msg)
		}
		id, err := ParseID(key)
		if err != nil {
			return &DecodeError{Key: key, Err: err}
		}
		if seen[id] {
			return &DecodeError{Key: key, Err: errDuplicate}
		}
		seen[id] = true
		null, err := walkObject(msg, key+".", func(name string, v json.RawMessage) error {
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
			return nil
		})
		if err == nil && null {
			err = &DecodeError{Key: key, Err: errNullTally}
		}
		return err
	})
	if err != nil {
		return Tally{}, err
	}
	if null {
		return Tally{}, &DecodeError{Err: errNullTally}
	}
	if unitExtra != nil {
		if err := out.decodeExtras(unitExtra); err != nil {
			return Tally{}, err
		}
	}
	if err := out.Validate(); err != nil {
		return Tally{}, err
	}
	return out, nil
}

// decodeExtras decodes an "extra" object (null: nothing) into t's extra counts.
func (t *Tally) decodeExtras(msg json.RawMessage) error {
	ex := t.extras()
	_, err := walkObject(msg, "extra.", func(name string, v json.RawMessage) error {
		for _, e := range ex {
			if e.name == name {
				if err := decodeInt(v, e.p); err != nil {
					return &DecodeError{Key: "extra." + name, Err: err}
				}
				return nil
			}
		}
		return &DecodeError{Key: "extra." + name, Err: errUnknownExtra}
	})
	return err
}

// walkObject decodes data as one JSON object and calls fn with each member's key (unescaped as
// encoding/json does) and raw value (a sub-slice of data), in document order, stopping at fn's first
// error. null is reported (fn not called). Errors are *DecodeErrors keyed prefix+key (the prefix without
// its final dot for the object itself): a syntax error (wrapping the *json.SyntaxError), a value that is
// not an object, or a key that occurs twice (errDuplicateKey) — encoding/json would keep the last value.
// Cost: O(len(data)); allocates the keys (and a set of them beyond 16 members).
func walkObject(data []byte, prefix string, fn func(key string, val json.RawMessage) error) (null bool, err error) {
	self := strings.TrimSuffix(prefix, ".")
	if !json.Valid(data) {
		var v json.RawMessage
		err := json.Unmarshal(data, &v) // the *json.SyntaxError
		if err == nil {
			err = errNotObject
		}
		return false, &DecodeError{Key: self, Err: err}
	}
	// data is one valid JSON value: the scan below needs no bounds or syntax checks.
	i := skipSpace(data, 0)
	switch data[i] {
	case 'n':
		return true, nil
	case '{':
	default:
		return false, &DecodeError{Key: self, Err: errNotObject}
	}
	if i = skipSpace(data, i+1); data[i] == '}' {
		return false, nil
	}
	var keys []string
	var set map[string]struct{}
	for {
		end := stringEnd(data, i)
		key := unquoteKey(data[i:end])
		i = skipSpace(data, skipSpace(data, end)+1) // past ':'
		vend := valueEnd(data, i)
		dup := false
		if set != nil {
			_, dup = set[key]
			set[key] = struct{}{}
		} else {
			for _, k := range keys {
				dup = dup || k == key
			}
			if keys = append(keys, key); len(keys) > 16 {
				set = make(map[string]struct{}, 2*len(keys))
				for _, k := range keys {
					set[k] = struct{}{}
				}
			}
		}
		if dup {
			return false, &DecodeError{Key: prefix + key, Err: errDuplicateKey}
		}
		if err := fn(key, data[i:vend:vend]); err != nil {
			return false, err
		}
		if i = skipSpace(data, vend); data[i] == '}' {
			return false, nil
		}
		i = skipSpace(data, i+1) // past ','
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the JSON string starting at b[i] ('"').
func stringEnd(b []byte, i int) int {
	for i++; b[i] != '"'; i++ {
		if b[i] == '\\' {
			i++
		}
	}
	return i + 1
}

// valueEnd returns the index just past the JSON value starting at b[i].
func valueEnd(b []byte, i int) int {
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for ; ; i++ {
			switch b[i] {
			case '"':
				i = stringEnd(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
	}
	for i < len(b) && !strings.ContainsRune(",}] \t\n\r", rune(b[i])) {
		i++
	}
	return i
}

// unquoteKey unescapes a JSON string literal as encoding/json does (invalid UTF-8 becomes U+FFFD).
func unquoteKey(q []byte) string {
	body := q[1 : len(q)-1]
	if bytes.IndexByte(body, '\\') < 0 && utf8.Valid(body) {
		return string(body)
	}
	var s string
	_ = json.Unmarshal(q, &s) // q is a valid string literal
	return s
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
