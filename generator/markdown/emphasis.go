package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// emphasisParser parses '*' and '_' like goldmark's emphasis parser but with
// the CJK-friendly flanking rules, so that "**（一）指导思想。**坚持" is bold.
// It is registered ahead of the stock parser, which then never sees a run.
type emphasisParser struct{}

func (emphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (p emphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	_, seg := block.PeekLine()
	d := scanDelimiter(block, 1, p)
	if d == nil {
		return nil
	}
	d.Segment = seg.WithStop(seg.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

func (emphasisParser) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisParser) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisParser) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }
