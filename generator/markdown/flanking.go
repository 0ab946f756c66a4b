package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// scanDelimiter is parser.ScanDelimiter with the CJK-friendly flanking rules
// (see flanking). It reads the run of delimiter characters at the reader's
// position and returns nil when the run is shorter than minimum or the
// character is not one of p's.
func scanDelimiter(block text.Reader, minimum int, p parser.DelimiterProcessor) *parser.Delimiter {
	line, seg := block.PeekLine()
	if len(line) == 0 || !p.IsDelimiter(line[0]) {
		return nil
	}
	c := line[0]
	j := 1
	for j < len(line) && line[j] == c {
		j++
	}
	if j < minimum {
		return nil
	}
	after := ' '
	if j < len(line) {
		var size int
		after, size = utf8.DecodeRune(line[j:])
		if isAmbiguousQuote(after) && bytes.HasPrefix(line[j+size:], fullwidthVS) {
			after = cjkPunctStandIn
		}
	}
	before := block.PrecendingCharacter()
	base := before
	if isGeneralVS(before) {
		// A variation selector modifies the character before it; judge that one.
		src := block.Source()
		if end := seg.Start - utf8.RuneLen(before); end > 0 && end <= len(src) {
			base, _ = utf8.DecodeLastRune(src[:end])
			if before == '\uFE01' && isAmbiguousQuote(base) {
				base = cjkPunctStandIn
			}
		}
	}
	left, right := flanking(before, base, after)
	canOpen, canClose := left, right
	if c == '_' {
		canOpen = left && (!right || util.IsPunctRune(base))
		canClose = right && (!left || util.IsPunctRune(after))
	}
	return parser.NewDelimiter(canOpen, canClose, j, c, p)
}

// flanking tells whether a delimiter run is left-flanking and whether it is
// right-flanking, following the CommonMark "CJK-friendly amendments"
// (commonmark-spec issue 650, as in markdown-it-cjk-friendly):
//
//   - CJK punctuation next to the run on the inside counts as an ordinary
//     character, not as punctuation;
//   - where the character on the outside must be whitespace or punctuation,
//     a CJK character (or an ideographic variation selector) also qualifies.
//
// before is the character just before the run, base the character it
// modifies when before is a variation selector (else before itself), after
// the character just after the run. Without CJK characters around, the
// result is exactly CommonMark's.
func flanking(before, base, after rune) (left, right bool) {
	// isCJK is a few comparisons, util.IsPunctRune two searches of the
	// Unicode tables for a Chinese character: ask isCJK first.
	baseCJK, afterCJK := isCJK(base), isCJK(after)
	beforeSpace := util.IsSpaceRune(before)
	beforePunct := !baseCJK && util.IsPunctRune(base)
	beforeCJK := baseCJK || isIdeographicVS(before)
	afterSpace := util.IsSpaceRune(after)
	afterPunct := !afterCJK && util.IsPunctRune(after)

	left = !afterSpace && (!afterPunct || beforeSpace || beforePunct || beforeCJK)
	right = !beforeSpace && (!beforePunct || afterSpace || afterPunct || afterCJK)
	return left, right
}

// A quotation mark followed by U+FE01 asks for its full-width (Chinese)
// form and then counts as CJK punctuation; flanking is told so through a
// stand-in character.
var fullwidthVS = []byte("\uFE01")

const cjkPunctStandIn = '、'

func isAmbiguousQuote(r rune) bool {
	return r == '‘' || r == '’' || r == '“' || r == '”'
}
