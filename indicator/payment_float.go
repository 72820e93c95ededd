package indicator

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// portalPaymentPart computes one part of group 3b (3.4, 3.5 or 3.6) exactly as the portal does
// [Portal] (docs/rules.md, Scoring). This is the library's only floating-point arithmetic, and it exists on
// purpose: the portal rounds each ratio to a percent with two decimals, then evaluates
// max·percent/(100·target) — capped at max for a CappedTarget rule — in IEEE-754 float64 (JavaScript numbers),
// and finally rounds that double half up on its exact binary value, which is what JavaScript's
// toFixed(2) does. So 6 × 98.75 / 100, stored as 5.92499999999999982236431605997495353221893310546875,
// becomes 5.92, where exact decimal arithmetic would give 5.93. Scoring 3b with exact decimals misses about
// one published row in 80; this pipeline reproduces every row of the fixtures.
//
// pct is the already-rounded percent; the result is rounded to places with mode. Cost: a few float
// operations and one big-integer conversion; allocates.
func portalPaymentPart(r Rule, pct decimal.Decimal, places int32, mode Rounding) decimal.Decimal {
	maxF := r.Max.InexactFloat64()
	pctF := pct.InexactFloat64()
	div := decimal.NewFromInt(100)
	if r.Kind == CappedTarget {
		div = div.Mul(r.Target) // exact in decimal (0.8 → 80), then converted once
	}
	v := maxF * pctF / div.InexactFloat64()
	if r.Kind == CappedTarget && v > maxF {
		v = maxF
	}
	return roundDecimal(exactFloat(v), places, mode)
}

// exactFloat converts a finite float64 to the decimal with exactly the same value (every binary fraction
// has a finite decimal expansion). NaN and infinities, which the payment pipeline cannot produce from
// valid counts, map to zero.
func exactFloat(x float64) decimal.Decimal {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return decimal.Zero
	}
	frac, exp := math.Frexp(x) // x = frac · 2^exp, 0.5 ≤ |frac| < 1
	mant := int64(frac * (1 << 53))
	exp -= 53 // x = mant · 2^exp exactly
	m := big.NewInt(mant)
	if exp >= 0 {
		m.Lsh(m, uint(exp))
		return decimal.NewFromBigInt(m, 0)
	}
	k := -exp // mant / 2^k = mant · 5^k / 10^k
	m.Mul(m, new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(k)), nil))
	return decimal.NewFromBigInt(m, int32(-k))
}
