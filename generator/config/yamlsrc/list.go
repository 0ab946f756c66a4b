package yamlsrc

import (
	"slices"
	"strings"
	"unicode"
)

// SplitList splits a one-line list such as "党建, 学习，教育、宣传" on ASCII
// commas, Chinese commas (，) and enumeration commas (、). Entries are
// trimmed; empty ones and repeats are dropped; the order is kept.
func SplitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' })
	return Dedupe(parts)
}

// Dedupe trims every entry of list (spaces including the full-width one)
// and drops empty and repeated entries, keeping the first occurrence. It
// reuses list's memory.
func Dedupe(list []string) []string {
	out := list[:0]
	var seen map[string]bool // only for long lists; short ones are searched
	if len(list) > 16 {
		seen = make(map[string]bool, len(list))
	}
	for _, s := range list {
		s = strings.TrimFunc(s, unicode.IsSpace)
		if s == "" || seen[s] || seen == nil && slices.Contains(out, s) {
			continue
		}
		if seen != nil {
			seen[s] = true
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
