package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
		switch slugClass(r, b.Len() > 0) {
		case slugKeep:
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(toLower(r))
		case slugDash:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// toLower is unicode.ToLower, with ASCII and Han (which has no case) done
// without the tables.
func toLower(r rune) rune {
	switch {
	case 'A' <= r && r <= 'Z':
		return r + 'a' - 'A'
	case r < utf8.RuneSelf || isHan(r):
		return r
	}
	return unicode.ToLower(r)
}

const (
	slugDrop = iota // punctuation and symbols
	slugKeep        // letters, digits, and marks after them
	slugDash        // spaces, '-' and '_'
)

// slugClass tells what slug does with r; started tells whether the slug
// has a character yet. ASCII and Han, nearly every character of a heading,
// are answered without the Unicode tables.
func slugClass(r rune, started bool) int {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return slugKeep
		case r == '-', r == '_', r == ' ', '\t' <= r && r <= '\r': // the ASCII of unicode.IsSpace
			return slugDash
		}
		return slugDrop
	}
	switch {
	case isHan(r), unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r) && started:
		return slugKeep
	case unicode.IsSpace(r):
		return slugDash
	}
	return slugDrop
}

// isHan reports whether r is in the CJK Unified Ideographs block, U+4E00 to
// U+9FFF: every one of them is a letter without case (TestIsHan).
func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

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
