package markdown

import (
	"github.com/rivo/uniseg"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// ellipsis ends a summary that was cut.
const ellipsis = "……"

// clusterSlack is how many characters past the limit autoSummary collects
// at first, so that a cut can reach the end of a character made of several
// code points (an emoji sequence, a letter with accents) without
// collecting again.
const clusterSlack = 8

// autoSummary is the summary of a page without a more marker: the plain
// text of its leading paragraphs (those in lists and block quotes too;
// headings, code, tables and the like are skipped), cut to limit characters
// (code points) with an ellipsis, HTML-escaped. A cut never splits what a
// reader sees as one character: it moves on to the end of its grapheme
// cluster. literalHTML tells that raw HTML is shown as text. truncated
// tells whether the page holds anything the summary does not show.
func autoSummary(doc ast.Node, src []byte, limit int, literalHTML bool) (summary []byte, truncated bool) {
	for slack := clusterSlack; ; slack *= 4 {
		// Room for the characters in Chinese and a few spaces, so that
		// the text is not copied as it grows.
		size := min(3*(limit+slack), len(src)) + 16
		s := summarizer{src: src, literalHTML: literalHTML, text: plainText{
			limit: limit + slack, literalHTML: literalHTML, buf: make([]byte, 0, size),
		}}
		s.blocks(doc)
		t := s.text.buf
		left := s.other || s.text.dropped
		if s.text.runes <= limit {
			return util.EscapeHTML(t), left
		}
		end := clusterEnd(t, len(cutRunes(t, limit)))
		if end == len(t) && s.text.full() {
			continue // the character may go on past what was collected
		}
		if end == len(t) {
			return util.EscapeHTML(t), left // the last character ends the text
		}
		t = t[:end]
		for len(t) > 0 && t[len(t)-1] == ' ' {
			t = t[:len(t)-1]
		}
		out := util.EscapeHTML(t)
		return append(out[:len(out):len(out)], ellipsis...), true
	}
}

type summarizer struct {
	text        plainText
	src         []byte
	literalHTML bool // raw HTML is shown as text
	other       bool // some content is left out
}

func (s *summarizer) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s.text.full() {
			s.other = true
			return
		}
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			s.text.blockBreak()
			s.text.inline(c, s.src)
		case ast.KindList, ast.KindListItem, ast.KindBlockquote:
			s.blocks(c)
		case ast.KindLinkReferenceDefinition:
			// renders nothing
		case ast.KindHTMLBlock:
			s.htmlBlock(c.(*ast.HTMLBlock))
		default:
			s.other = true
		}
	}
}

// htmlBlock takes in a raw HTML block as the renderer shows it: as a
// paragraph of its literal text when raw HTML is not allowed (a comment
// disappears), else as HTML, which is left out unless a comment.
func (s *summarizer) htmlBlock(n *ast.HTMLBlock) {
	if !s.literalHTML {
		s.other = s.other || !isComment(blockText(n, s.src))
		return
	}
	if isHiddenComment(n, s.src) {
		return
	}
	s.text.blockBreak()
	lines := n.Lines()
	for i := range lines.Len() {
		s.text.write(lineAt(lines, i, s.src))
	}
	if n.HasClosure() {
		s.text.write(closure(n, s.src))
	}
}

// cutRunes returns the first n characters (code points) of b.
func cutRunes(b []byte, n int) []byte {
	for i := 0; i < len(b); n-- {
		if n == 0 {
			return b[:i]
		}
		_, size := decodeRune(b[i:])
		i += size
	}
	return b
}

// clusterEnd returns where the grapheme cluster (the character a reader
// sees) that holds b[i-1] ends: i itself, unless what follows b[i-1]
// belongs to it, such as an accent, a variation selector, the rest of an
// emoji sequence or the second half of a flag.
//
// It segments only the end of b: from the last ASCII or Han character at
// or before b[i-1], which no rule joins to what comes before it, so the
// boundaries after it are those of the whole text.
func clusterEnd(b []byte, i int) int {
	if i <= 0 || i >= len(b) {
		return i
	}
	start := 0
	for j := i - 1; j > 0; j-- {
		if b[j] < 0x80 || isHanAt(b, j) {
			start = j
			break
		}
	}
	pos, state := start, -1
	for rest := b[start:]; len(rest) > 0; {
		var c []byte
		c, rest, _, state = uniseg.FirstGraphemeCluster(rest, state)
		pos += len(c)
		if pos >= i {
			return pos
		}
	}
	return len(b)
}
