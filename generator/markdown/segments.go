package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Segments locate text in the source; these read it. (text.Segment's
// methods need an addressable value.)

// lineAt is the text of segment i of lines.
func lineAt(lines *text.Segments, i int, src []byte) []byte {
	s := lines.At(i)
	return s.Value(src)
}

// closure is the text of the closing line of an HTML block.
func closure(n *ast.HTMLBlock, src []byte) []byte {
	s := n.ClosureLine
	return s.Value(src)
}
