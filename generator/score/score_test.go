package score

import (
	"slices"
	"testing"
)

func mustParse(t *testing.T, s string) Value {
	t.Helper()
	v, ok := Parse(s)
	if !ok {
		t.Fatalf("Parse(%q) failed", s)
	}
	return v
}

func TestParse(t *testing.T) {
	for s, want := range map[string]string{"88.5": "88.5", "100": "100", "-3": "-3", "+2.50": "2.5", " 7 ": "7", "0.1": "0.1"} {
		if v, ok := Parse(s); !ok || v.String() != want {
			t.Errorf("Parse(%q) = %v %v, want %s", s, v, ok, want)
		}
	}
	for _, s := range []string{"", ".", "1.", ".5", "1e3", "1/3", "1,000", "NaN", "Inf", "--1", "1.2.3", "九十", "0x10"} {
		if _, ok := Parse(s); ok {
			t.Errorf("Parse(%q) accepted", s)
		}
	}
}

func TestFixedRoundsHalfAwayFromZero(t *testing.T) {
	tests := []struct {
		in     string
		places int
		want   string
	}{
		{"91.845", 2, "91.85"}, // a float64 would give 91.84
		{"91.844999", 2, "91.84"},
		{"1.005", 2, "1.01"},
		{"2.675", 2, "2.68"},
		{"92", 2, "92.00"},
		{"-1.005", 2, "-1.01"},
		{"0.00005", 4, "0.0001"},
		{"0.00004999", 4, "0.0000"},
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.in).Fixed(tt.places); got != tt.want {
			t.Errorf("Fixed(%s, %d) = %s, want %s", tt.in, tt.places, got, tt.want)
		}
	}
	third, _ := Int(1).Quo(Int(3))
	if got := third.Fixed(4); got != "0.3333" {
		t.Errorf("1/3 = %s", got)
	}
	if third.Exact(4) || !mustParse(t, "0.25").Exact(2) {
		t.Error("Exact is wrong")
	}
}

func TestFromFloatIsTheWrittenDecimal(t *testing.T) {
	sum := FromFloat(0.1).Add(FromFloat(0.2))
	if sum.Cmp(mustParse(t, "0.3")) != 0 {
		t.Errorf("0.1 + 0.2 = %s", sum)
	}
}

func TestMean(t *testing.T) {
	w := func(v, wt string) Weighted { return Weighted{mustParse(t, v), mustParse(t, wt)} }
	tests := []struct {
		scores []Weighted
		want   string
	}{
		// The default weights 40/30/30.
		{[]Weighted{w("92", "40"), w("88.5", "30"), w("95", "30")}, "91.85"},
		{[]Weighted{w("90", "40"), w("90", "30"), w("90", "30")}, "90.00"},
		// Weights need not add up to 100 or 1.
		{[]Weighted{w("80", "1"), w("90", "1"), w("100", "1")}, "90.00"},
		{[]Weighted{w("80.1", "0.4"), w("70.2", "0.3"), w("60.3", "0.3")}, "71.19"},
		// 85.555 exactly: rounds up, where float64 arithmetic rounds down.
		{[]Weighted{w("85.555", "1")}, "85.56"},
	}
	for _, tt := range tests {
		got, ok := Mean(tt.scores)
		if !ok || got.Fixed(Places) != tt.want {
			t.Errorf("Mean(%v) = %s %v, want %s", tt.scores, got.Fixed(Places), ok, tt.want)
		}
	}
	if _, ok := Mean([]Weighted{w("1", "0")}); ok {
		t.Error("Mean with zero weights succeeded")
	}
}

func TestMultiplier(t *testing.T) {
	m := Multiplier{Baseline: mustParse(t, "90"), Actual: mustParse(t, "96"), Comprehensive: mustParse(t, "91.5")}
	f, _ := m.Factor()
	final, _ := m.Final()
	if f.Fixed(FactorPlaces) != "1.0667" || final.Fixed(Places) != "97.60" {
		t.Errorf("factor %s final %s, want 1.0667 and 97.60", f.Fixed(FactorPlaces), final.Fixed(Places))
	}
	// The final score uses the exact multiplier: 91.5 × 1.0667 would be 97.60305.
	if final.Cmp(mustParse(t, "97.6")) != 0 {
		t.Errorf("final = %s, want exactly 97.6", final)
	}
	m = Multiplier{Baseline: mustParse(t, "100"), Actual: mustParse(t, "85"), Comprehensive: mustParse(t, "93")}
	if final, _ := m.Final(); final.Fixed(Places) != "79.05" {
		t.Errorf("final = %s, want 79.05", final.Fixed(Places))
	}
	if _, ok := (Multiplier{Actual: Int(1)}).Final(); ok {
		t.Error("zero baseline accepted")
	}
}

func TestRank(t *testing.T) {
	vals := func(ss ...string) []Value {
		var out []Value
		for _, s := range ss {
			out = append(out, mustParse(t, s))
		}
		return out
	}
	tests := []struct {
		in    []Value
		ranks []int
		tied  []bool
	}{
		{vals("95", "90", "85"), []int{1, 2, 3}, []bool{false, false, false}},
		{vals("95", "90", "90", "85"), []int{1, 2, 2, 4}, []bool{false, true, true, false}},
		{vals("90", "90", "90"), []int{1, 1, 1}, []bool{true, true, true}},
		// Equal as shown (2 decimals) is a tie, though the exact values differ.
		{vals("91.854", "91.851", "91.845"), []int{1, 1, 1}, []bool{true, true, true}},
		{vals("91.855", "91.854"), []int{1, 2}, []bool{false, false}},
		{nil, []int{}, []bool{}},
	}
	for _, tt := range tests {
		ranks, tied := Rank(tt.in, Places)
		if !slices.Equal(ranks, tt.ranks) || !slices.Equal(tied, tt.tied) {
			t.Errorf("Rank(%v) = %v %v, want %v %v", tt.in, ranks, tied, tt.ranks, tt.tied)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"88.5", "-0", "1e9", "99999999999999999999.999999999", ".", "+"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := Parse(s)
		if !ok {
			return
		}
		if w, ok := Parse(v.Fixed(8)); !ok || w.Round(8).Cmp(v.Round(8)) != 0 {
			t.Errorf("%q: Fixed(8) = %q does not parse back", s, v.Fixed(8))
		}
	})
}
