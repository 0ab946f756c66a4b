package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// ellipsis ends a summary that was cut.
const ellipsis = "……"

// autoSummary is the summary of a page without a more marker: the plain
// text of its leading paragraphs (those in lists and block quotes too;
// headings, code, tables and the like are skipped), cut to limit characters
// with an ellipsis, HTML-escaped. truncated tells whether the page holds
// more than the summary shows.
func autoSummary(doc ast.Node, src []byte, limit int) (summary []byte, truncated bool) {
	// Room for limit Chinese characters and a few spaces, so that the
	// text is not copied as it grows.
	s := summarizer{text: plainText{limit: limit, buf: make([]byte, 0, 3*limit+16)}, src: src}
	s.blocks(doc)
	t := s.text.buf
	cut := s.text.runes > limit
	if cut {
		t = cutRunes(t, limit)
		for len(t) > 0 && t[len(t)-1] == ' ' {
			t = t[:len(t)-1]
		}
	}
	out := util.EscapeHTML(t)
	if cut {
		out = append(out[:len(out):len(out)], ellipsis...)
	}
	return out, cut || s.skipped || (!s.used && s.other)
}

type summarizer struct {
	text    plainText
	src     []byte
	used    bool // some paragraph is in the summary
	skipped bool // content after the first paragraph used is left out
	other   bool // some content is left out
}

// skip notes content left out of the summary.
func (s *summarizer) skip() {
	s.other = true
	s.skipped = s.skipped || s.used
}

func (s *summarizer) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s.text.full() {
			s.skip()
			return
		}
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			s.text.blockBreak()
			s.text.inline(c, s.src)
			s.used = true
		case ast.KindList, ast.KindListItem, ast.KindBlockquote:
			s.blocks(c)
		case ast.KindLinkReferenceDefinition:
			// renders nothing
		case ast.KindHTMLBlock:
			if !isComment(blockText(c.(*ast.HTMLBlock), s.src)) {
				s.skip()
			}
		default:
			s.skip()
		}
	}
}

// cutRunes returns the first n characters of b.
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
