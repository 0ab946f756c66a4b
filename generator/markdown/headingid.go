package markdown

import (
	"strconv"
	"strings"
	"unicode"
)

// slug turns a heading's text into an ID: letters and digits of every script
// are kept (so Chinese stays Chinese), Latin letters are lowercased, spaces,
// underscores and hyphens become single hyphens, and all other punctuation
// and symbols are dropped. An empty result is "section".
func slug(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	dash := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (unicode.IsMark(r) && b.Len() > 0):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '-' || r == '_' || unicode.IsSpace(r):
			dash = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// idSet hands out IDs unique within one page.
type idSet map[string]struct{}

// claim returns base, or base-1, base-2, … if base is taken, and marks the
// result as taken.
func (s idSet) claim(base string) string {
	id := base
	for i := 1; ; i++ {
		if _, taken := s[id]; !taken {
			break
		}
		id = base + "-" + strconv.Itoa(i)
	}
	s[id] = struct{}{}
	return id
}
