package indicator

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// RuleKind is the shape of a metric's score as a function of its ratio R.
type RuleKind uint8

const (
	// Unscored: the metric is reported (counts and ratio) but has no points; it is always null.
	Unscored RuleKind = iota
	// Linear: score = Max · R.
	Linear
	// CappedTarget: score = min(Max, Max · R / Target) — full marks from R ≥ Target.
	CappedTarget
)

// String returns "unscored", "linear" or "capped".
func (k RuleKind) String() string {
	switch k {
	case Unscored:
		return "unscored"
	case Linear:
		return "linear"
	case CappedTarget:
		return "capped"
	}
	return fmt.Sprintf("RuleKind(%d)", uint8(k))
}

// ZeroRule says what a metric scores when its denominator is 0 (no data).
type ZeroRule uint8

const (
	// ZeroNull: no score (Null in the result); adds 0 to the group. Ratio is zero and flagged null.
	ZeroNull ZeroRule = iota
	// ZeroZero: ratio 0, score 0.
	ZeroZero
	// ZeroFull: full marks (Max), ratio shown as 100 % (the portal's display for 4.4).
	ZeroFull
	// ZeroFullRatio0: full marks (Max), ratio shown as 0 % (the portal's display for 5.1 and 5.2 when
	// there are no petitions) [Portal].
	ZeroFullRatio0
)

// String returns "null", "zero", "full marks" or "full marks (ratio shown 0)".
func (z ZeroRule) String() string {
	switch z {
	case ZeroNull:
		return "null"
	case ZeroZero:
		return "zero"
	case ZeroFull:
		return "full marks"
	case ZeroFullRatio0:
		return "full marks (ratio shown 0)"
	}
	return fmt.Sprintf("ZeroRule(%d)", uint8(z))
}

// Rule is how one metric is scored in an edition. Target is the ratio (a fraction, e.g. 0.8) at which a
// CappedTarget rule reaches Max; it is ignored by Linear and Unscored.
type Rule struct {
	Kind   RuleKind
	Max    decimal.Decimal
	Target decimal.Decimal
	Zero   ZeroRule
}

// String describes the rule, e.g. "6·R", "min(2, 2·R/0.8)", "unscored"; used by Diff and the README.
func (r Rule) String() string {
	switch r.Kind {
	case Unscored:
		return "unscored"
	case Linear:
		return r.Max.String() + "·R"
	case CappedTarget:
		return fmt.Sprintf("min(%s, %s·R/%s)", r.Max, r.Max, r.Target)
	}
	return r.Kind.String()
}

// Equal reports whether two rules are the same (decimals compared by value).
func (r Rule) Equal(o Rule) bool {
	return r.Kind == o.Kind && r.Zero == o.Zero && r.Max.Equal(o.Max) && r.Target.Equal(o.Target)
}

// Rounding is the rounding applied to each metric score and ratio, always from the exact fraction.
type Rounding uint8

const (
	// RoundHalfUp rounds ties away from zero (the portal's behaviour; all values are non-negative).
	RoundHalfUp Rounding = iota
	// RoundHalfEven rounds ties to the even digit.
	RoundHalfEven
	// RoundDown truncates.
	RoundDown
)

// String returns "half up", "half even" or "down".
func (r Rounding) String() string {
	switch r {
	case RoundHalfUp:
		return "half up"
	case RoundHalfEven:
		return "half even"
	case RoundDown:
		return "down"
	}
	return fmt.Sprintf("Rounding(%d)", uint8(r))
}

// PaymentRule selects the arithmetic of group 3b (3.4–3.6).
type PaymentRule uint8

const (
	// PaymentExact scores 3.4, 3.5 and 3.6 like every other metric: exact fraction, rounded once.
	PaymentExact PaymentRule = iota
	// PaymentPortalFloat reproduces the portal [Portal]: each ratio is first rounded to a percent with the
	// edition's places, each part is then computed in IEEE-754 float64 and rounded half up on the exact
	// binary value (JavaScript toFixed semantics). See portalPaymentPart.
	PaymentPortalFloat
)

// String returns "exact" or "portal float pipeline".
func (p PaymentRule) String() string {
	switch p {
	case PaymentExact:
		return "exact"
	case PaymentPortalFloat:
		return "portal float pipeline"
	}
	return fmt.Sprintf("PaymentRule(%d)", uint8(p))
}

// OnlineRule selects the ratio R1 of metric 3.1 [Open] (docs/rules.md, 3.1).
type OnlineRule uint8

const (
	// OnlineAnyLevel: R1 = Counts[M31] = (partial + full online procedures) / procedures under authority.
	// Default; reproduces the province rows of the fixtures.
	OnlineAnyLevel OnlineRule = iota
	// OnlineFullOnly: R1 = FullOnline / FullOnlineEligible (the formula document's secondary measure).
	OnlineFullOnly
)

// String describes the ratio R1 the rule uses.
func (o OnlineRule) String() string {
	switch o {
	case OnlineAnyLevel:
		return "partial or full / under authority"
	case OnlineFullOnly:
		return "full / eligible for full"
	}
	return fmt.Sprintf("OnlineRule(%d)", uint8(o))
}

// Edition is a complete, self-contained set of scoring rules and record policies. It is a plain value:
// copy it (e := indicator.Portal()), change any field, and score with the copy; nothing is shared.
// Portal and Document return the two built-in editions; Diff lists how two editions differ.
type Edition struct {
	Name string
	// Rules is indexed by ID (slot 0 unused).
	Rules [NumIDs]Rule
	// Places is the number of decimals of published scores and percent ratios (2).
	Places int32
	// Rounding applied to every metric score and ratio (half up).
	Rounding Rounding
	// Payment selects group 3b's arithmetic.
	Payment PaymentRule
	// Online selects 3.1's ratio [Open].
	Online OnlineRule
	// DocShare52: when there are no petitions (5.2 denominator 0), 5.2's points are shared equally
	// between 5.1 and 5.3 (their maxima grow by half of 5.2's each and 5.2 is null with maximum 0)
	// instead of applying 5.2's zero rule [Doc].
	DocShare52 bool
	// SyncMultiplies33: 3.3's ratio is multiplied by 1.4's ratio [Doc; Open whether the portal does].
	SyncMultiplies33 bool
	// Policy holds the record-level policies calculators apply.
	Policy RecordPolicy
}

func linear(max int64, zero ZeroRule) Rule {
	return Rule{Kind: Linear, Max: decimal.NewFromInt(max), Target: decimal.NewFromInt(1), Zero: zero}
}

func capped(max int64, target string, zero ZeroRule) Rule {
	return Rule{Kind: CappedTarget, Max: decimal.NewFromInt(max), Target: decimal.RequireFromString(target), Zero: zero}
}

// Portal returns the portal edition as observed in 2026 (docs/rules.md, Editions and Scoring): the default.
// Cost: O(1) small allocations; the result is a fresh value.
func Portal() Edition {
	e := Edition{Name: "portal-2026", Places: 2, Rounding: RoundHalfUp, Payment: PaymentPortalFloat,
		Online: OnlineAnyLevel, Policy: DefaultRecordPolicy()}
	r := &e.Rules
	r[M11] = linear(6, ZeroNull)
	r[M12] = linear(4, ZeroNull)
	r[M13] = linear(2, ZeroNull)
	r[M14] = linear(6, ZeroNull)
	r[M21] = linear(20, ZeroZero)
	r[M22] = Rule{Kind: Unscored}
	r[M31] = capped(2, "0.8", ZeroZero) // [Open]
	r[M32] = linear(4, ZeroZero)        // [Open]
	r[M33] = capped(6, "0.5", ZeroZero) // [Open]
	r[M34] = capped(2, "0.8", ZeroZero)
	r[M35] = capped(2, "0.8", ZeroZero)
	r[M36] = linear(6, ZeroZero)
	r[M41] = linear(6, ZeroNull)
	r[M42] = linear(4, ZeroNull)
	r[M43] = capped(2, "0.8", ZeroNull)
	r[M44] = linear(2, ZeroFull)
	r[M45] = linear(4, ZeroNull) // [Open: only 0 % seen]
	r[M46a] = linear(2, ZeroNull)
	r[M46b] = linear(2, ZeroNull)
	r[M50] = Rule{Kind: Unscored}
	r[M51] = linear(6, ZeroFullRatio0)
	r[M52] = linear(6, ZeroFullRatio0)
	r[M53] = capped(6, "0.9", ZeroZero)
	return e
}

// Document returns the formula-document edition ("Mô tả công thức tính chỉ số 766", post-2025): the portal
// edition with the differences listed in docs/rules.md, Editions — 4.2 full marks at 80 %, no petitions ⇒
// 5.2's points shared between 5.1 and 5.3, 3.3 multiplied by the sync ratio — and exact decimal arithmetic
// for 3b. Cost: as Portal.
func Document() Edition {
	e := Portal()
	e.Name = "document"
	e.Rules[M42] = capped(4, "0.8", ZeroNull)
	e.DocShare52 = true
	e.SyncMultiplies33 = true
	e.Payment = PaymentExact
	return e
}

// Difference is one field on which two editions differ, in human-readable form.
type Difference struct {
	Field string // e.g. "Rules[4.2]", "Payment", "Policy.MaxSupplements"
	A, B  string // the values in the first and second edition
}

// String formats the difference as "Field: A → B".
func (d Difference) String() string { return fmt.Sprintf("%s: %s → %s", d.Field, d.A, d.B) }

// Diff lists the fields on which a and b differ (the Name excluded), in a stable order: rules by metric,
// then edition-wide switches, then record policies. Cost: O(number of metrics + policy fields); allocates
// the result.
func Diff(a, b Edition) []Difference {
	var out []Difference
	add := func(field string, x, y any) {
		xs, ys := fmt.Sprint(x), fmt.Sprint(y)
		if xs != ys {
			out = append(out, Difference{Field: field, A: xs, B: ys})
		}
	}
	for id := M11; id <= M53; id++ {
		ra, rb := a.Rules[id], b.Rules[id]
		if !ra.Equal(rb) {
			out = append(out, Difference{Field: "Rules[" + id.String() + "]",
				A: ra.String() + ", no data: " + ra.Zero.String(), B: rb.String() + ", no data: " + rb.Zero.String()})
		}
	}
	add("Places", a.Places, b.Places)
	add("Rounding", a.Rounding, b.Rounding)
	add("Payment", a.Payment, b.Payment)
	add("Online", a.Online, b.Online)
	add("DocShare52", a.DocShare52, b.DocShare52)
	add("SyncMultiplies33", a.SyncMultiplies33, b.SyncMultiplies33)
	out = append(out, diffPolicy("Policy", a.Policy, b.Policy)...)
	return out
}

// Validate checks that every rule can be applied: scored rules need Max ≥ 0 with at most Places decimals
// (so a rounded score never exceeds it), CappedTarget needs Target > 0, kinds and zero rules must be known, Places must be in 0–10. Unscored rules may carry any
// Max (it is ignored). It returns a *RuleError matching ErrBadRule. Cost: O(number of metrics).
func (e Edition) Validate() error {
	if e.Places < 0 || e.Places > 10 {
		return &RuleError{Edition: e.Name, Field: "Places", Reason: fmt.Sprintf("%d is outside 0–10", e.Places)}
	}
	if e.Rounding > RoundDown {
		return &RuleError{Edition: e.Name, Field: "Rounding", Reason: "unknown rounding"}
	}
	if e.Payment > PaymentPortalFloat {
		return &RuleError{Edition: e.Name, Field: "Payment", Reason: "unknown payment rule"}
	}
	if e.Online > OnlineFullOnly {
		return &RuleError{Edition: e.Name, Field: "Online", Reason: "unknown online rule"}
	}
	for id := M11; id <= M53; id++ {
		r := e.Rules[id]
		switch r.Kind {
		case Unscored:
			continue
		case Linear, CappedTarget:
		default:
			return &RuleError{Edition: e.Name, Metric: id, Field: "Kind", Reason: "unknown rule kind"}
		}
		if r.Max.Sign() < 0 {
			return &RuleError{Edition: e.Name, Metric: id, Field: "Max", Reason: "negative maximum " + r.Max.String()}
		}
		if !r.Max.Equal(r.Max.Truncate(e.Places)) {
			return &RuleError{Edition: e.Name, Metric: id, Field: "Max",
				Reason: fmt.Sprintf("maximum %s has more decimals than Places (%d)", r.Max, e.Places)}
		}
		if r.Kind == CappedTarget && r.Target.Sign() <= 0 {
			return &RuleError{Edition: e.Name, Metric: id, Field: "Target", Reason: "target must be > 0, got " + r.Target.String()}
		}
		if r.Zero > ZeroFullRatio0 {
			return &RuleError{Edition: e.Name, Metric: id, Field: "Zero", Reason: "unknown zero rule"}
		}
	}
	return nil
}
