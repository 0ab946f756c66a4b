// Package score holds the arithmetic of the 攀高指数 (climbing index) and
// the 党建乘数计分法 (Party-building multiplier): exact decimal values,
// weighted means, rounding for display and competition ranking with ties.
//
// Every value is an exact rational number (math/big.Rat) parsed from the
// decimal text users write, so 0.1 + 0.2 is 0.3 and a result never depends
// on binary floating point. Values are rounded only when they are shown,
// half away from zero: scores and indexes to 2 decimals (Places), the
// multiplier to 4 (FactorPlaces).
package score

import (
	"math/big"
	"strconv"
	"strings"
)

// Display precisions.
const (
	Places       = 2 // scores, indexes and final scores
	FactorPlaces = 4 // the Party-building multiplier
)

// Value is an exact decimal number; it never changes once made. The zero
// Value is 0.
type Value struct{ r *big.Rat }

// Parse reads a decimal number written as digits with an optional sign
// and decimal point ("88.5", "-3", "100"). Exponents, fractions, commas,
// "NaN" and "Inf" are refused.
func Parse(s string) (Value, bool) {
	s = strings.TrimSpace(s)
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || digits == "." || strings.Count(digits, ".") > 1 ||
		strings.Trim(digits, "0123456789.") != "" || digits[0] == '.' || digits[len(digits)-1] == '.' {
		return Value{}, false
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Value{}, false
	}
	return Value{r}, true
}

// FromFloat is the decimal a float64 from site.yaml was written as
// (strconv's shortest representation), so 0.4 is exactly 4/10.
func FromFloat(f float64) Value {
	v, _ := Parse(strconv.FormatFloat(f, 'f', -1, 64))
	return v
}

// Int is the whole number n.
func Int(n int64) Value { return Value{big.NewRat(n, 1)} }

var zero = new(big.Rat)

// rat is v's number; callers must not change it.
func (v Value) rat() *big.Rat {
	if v.r == nil {
		return zero
	}
	return v.r
}

// Add, Sub, Mul and Quo are exact; Quo by zero returns 0 and false.
func (v Value) Add(w Value) Value { return Value{new(big.Rat).Add(v.rat(), w.rat())} }
func (v Value) Sub(w Value) Value { return Value{new(big.Rat).Sub(v.rat(), w.rat())} }
func (v Value) Mul(w Value) Value { return Value{new(big.Rat).Mul(v.rat(), w.rat())} }
func (v Value) Quo(w Value) (Value, bool) {
	if w.Sign() == 0 {
		return Value{}, false
	}
	return Value{new(big.Rat).Quo(v.rat(), w.rat())}, true
}

// Cmp compares v and w: -1, 0 or +1.
func (v Value) Cmp(w Value) int { return v.rat().Cmp(w.rat()) }

// Sign is -1, 0 or +1.
func (v Value) Sign() int { return v.rat().Sign() }

// Round rounds v to places decimals, half away from zero.
func (v Value) Round(places int) Value {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	n := new(big.Int).Mul(v.rat().Num(), scale)
	d := v.rat().Denom()
	q, m := new(big.Int).QuoRem(n, d, new(big.Int)) // truncates toward zero
	if m.Sign() != 0 && new(big.Int).Mul(new(big.Int).Abs(m), big.NewInt(2)).Cmp(d) >= 0 {
		q.Add(q, big.NewInt(int64(n.Sign())))
	}
	return Value{new(big.Rat).SetFrac(q, scale)}
}

// Fixed is v rounded to places decimals and written with exactly that
// many: Fixed(2) of 91.85 is "91.85", of 92 is "92.00".
func (v Value) Fixed(places int) string {
	return v.Round(places).rat().FloatString(places)
}

// String is v as a short decimal: "88.5", "90", "1.0666…" is written with
// up to 6 decimals and trailing zeros removed. It is meant for echoing
// what a user wrote, not for results.
func (v Value) String() string {
	s := v.Round(6).rat().FloatString(6)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// Exact reports whether v has at most places decimals, so that Fixed(places)
// shows it without rounding.
func (v Value) Exact(places int) bool { return v.Round(places).Cmp(v) == 0 }

// Float is v as a float64, for drawing.
func (v Value) Float() float64 {
	f, _ := v.rat().Float64()
	return f
}
