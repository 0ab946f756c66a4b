package yamlsrc

import (
	"slices"
	"strings"
)

// Suggest returns the name among names closest to word when it is close
// enough to be a likely typo ("titel" → "title", "pageSize" →
// "page_size"), else "".
func Suggest(word string, names []string) string {
	strip := strings.NewReplacer("_", "", "-", "", " ", "")
	norm := func(s string) string { return strip.Replace(strings.ToLower(s)) }
	w := norm(word)
	best, bestDist := "", -1
	for _, name := range sorted(names) {
		if norm(name) == w {
			return name
		}
		d := distance(w, norm(name))
		if bestDist < 0 || d < bestDist {
			best, bestDist = name, d
		}
	}
	n := len([]rune(w))
	if bestDist >= 0 && bestDist <= max(1, min(3, n/3)) {
		return best
	}
	return ""
}

// Distance is the number of insertions, deletions, substitutions and
// swaps of neighbours that turn a into b, counted in characters.
func Distance(a, b string) int { return distance(a, b) }

// distance is the optimal string alignment distance between a and b: the
// number of insertions, deletions, substitutions and swaps of neighbours
// that turn a into b, counted in characters.
func distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	if len(x) > 64 || len(y) > 64 {
		return max(len(x), len(y))
	}
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}

func sorted(names []string) []string {
	s := slices.Clone(names)
	slices.Sort(s)
	return s
}
