package markdown

// cjkRanges lists the code points that count as CJK for the emphasis rules
// and for joining lines: East Asian Width W, F or H, without the characters
// that default to emoji presentation, plus the Hangul Jamo block. It follows
// the "CJK character" definition of the CommonMark CJK-friendly amendments
// (Unicode 16). Sorted, so isCJK can search it.
var cjkRanges = [...][2]rune{
	{0x1100, 0x11FF},
	{0x20A9, 0x20A9},
	{0x2329, 0x232A},
	{0x2630, 0x2637},
	{0x268A, 0x268F},
	{0x2E80, 0x2E99},
	{0x2E9B, 0x2EF3},
	{0x2F00, 0x2FD5},
	{0x2FF0, 0x303E},
	{0x3041, 0x3096},
	{0x3099, 0x30FF},
	{0x3105, 0x312F},
	{0x3131, 0x318E},
	{0x3190, 0x31E5},
	{0x31EF, 0x321E},
	{0x3220, 0x3247},
	{0x3250, 0xA48C},
	{0xA490, 0xA4C6},
	{0xA960, 0xA97C},
	{0xAC00, 0xD7A3},
	{0xD7B0, 0xD7C6},
	{0xD7CB, 0xD7FB},
	{0xF900, 0xFAFF},
	{0xFE10, 0xFE19},
	{0xFE30, 0xFE52},
	{0xFE54, 0xFE66},
	{0xFE68, 0xFE6B},
	{0xFF01, 0xFFBE},
	{0xFFC2, 0xFFC7},
	{0xFFCA, 0xFFCF},
	{0xFFD2, 0xFFD7},
	{0xFFDA, 0xFFDC},
	{0xFFE0, 0xFFE6},
	{0xFFE8, 0xFFEE},
	{0x16FE0, 0x16FE4},
	{0x16FF0, 0x16FF6},
	{0x17000, 0x18CD5},
	{0x18CFF, 0x18D1E},
	{0x18D80, 0x18DF2},
	{0x1AFF0, 0x1AFF3},
	{0x1AFF5, 0x1AFFB},
	{0x1AFFD, 0x1AFFE},
	{0x1B000, 0x1B122},
	{0x1B132, 0x1B132},
	{0x1B150, 0x1B152},
	{0x1B155, 0x1B155},
	{0x1B164, 0x1B167},
	{0x1B170, 0x1B2FB},
	{0x1D300, 0x1D356},
	{0x1D360, 0x1D376},
	{0x1F200, 0x1F200},
	{0x1F202, 0x1F202},
	{0x1F210, 0x1F219},
	{0x1F21B, 0x1F22E},
	{0x1F230, 0x1F231},
	{0x1F237, 0x1F237},
	{0x1F23B, 0x1F23B},
	{0x1F240, 0x1F248},
	{0x1F260, 0x1F265},
	{0x20000, 0x3FFFD},
}

// isCJK reports whether r is a CJK character: Han, kana, Hangul, bopomofo,
// CJK symbols and punctuation, full-width and half-width forms and the like.
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	// The common case first: CJK Unified Ideographs and the blocks around.
	if r >= 0x3250 && r <= 0xA48C {
		return true
	}
	lo, hi := 0, len(cjkRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < cjkRanges[m][0]:
			hi = m
		case r > cjkRanges[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// isSpacedCJK reports whether r is Hangul. Korean puts spaces between words,
// so a line break between two Hangul characters stays a space.
func isSpacedCJK(r rune) bool {
	return (r >= 0x1100 && r <= 0x11FF) || (r >= 0x3131 && r <= 0x318E) ||
		(r >= 0xA960 && r <= 0xA97C) || (r >= 0xAC00 && r <= 0xD7FB)
}

// isGeneralVS reports whether r is a variation selector that may follow a
// CJK character (U+FE00 to U+FE0E; U+FE0F asks for an emoji).
func isGeneralVS(r rune) bool { return r >= 0xFE00 && r <= 0xFE0E }

// isIdeographicVS reports whether r is an ideographic variation selector.
func isIdeographicVS(r rune) bool { return r >= 0xE0100 && r <= 0xE01EF }

// joinsLines reports whether a soft line break between a and b disappears:
// both sides are CJK (and not Korean, which uses spaces).
func joinsLines(a, b rune) bool {
	return isCJK(a) && isCJK(b) && !isSpacedCJK(a) && !isSpacedCJK(b)
}
