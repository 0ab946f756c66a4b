package score

// Weighted is one score and its weight.
type Weighted struct {
	Value, Weight Value
}

// Mean is the weighted mean Σ value×weight ÷ Σ weight; false when the
// weights add up to zero.
func Mean(scores []Weighted) (Value, bool) {
	var sum, weights Value
	for _, s := range scores {
		sum = sum.Add(s.Value.Mul(s.Weight))
		weights = weights.Add(s.Weight)
	}
	return sum.Quo(weights)
}

// Multiplier is the 党建乘数计分法: the multiplier is actual ÷ baseline,
// and the final score is comprehensive × multiplier. Both are computed
// exactly: Final is comprehensive × actual ÷ baseline, not the product of
// a rounded multiplier.
type Multiplier struct {
	Baseline      Value // 党建基准分, > 0
	Actual        Value // 党建实际得分
	Comprehensive Value // 综合考评得分
}

// Factor is actual ÷ baseline; false when the baseline is zero.
func (m Multiplier) Factor() (Value, bool) { return m.Actual.Quo(m.Baseline) }

// Final is comprehensive × actual ÷ baseline; false when the baseline is zero.
func (m Multiplier) Final() (Value, bool) {
	return m.Comprehensive.Mul(m.Actual).Quo(m.Baseline)
}

// Rank gives competition ranks ("1224") to values already sorted from
// high to low, comparing them as shown, rounded to places decimals: values
// that look the same share a rank, and the next rank skips as many places
// as were shared. tied[i] reports whether value i shares its rank.
func Rank(sorted []Value, places int) (ranks []int, tied []bool) {
	ranks = make([]int, len(sorted))
	tied = make([]bool, len(sorted))
	for i := range sorted {
		if i > 0 && sorted[i].Round(places).Cmp(sorted[i-1].Round(places)) == 0 {
			ranks[i] = ranks[i-1]
			tied[i], tied[i-1] = true, true
		} else {
			ranks[i] = i + 1
		}
	}
	return ranks, tied
}
