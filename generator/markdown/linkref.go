package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newParser is goldmark's default parser with linkRefTransformer in place
// of its link reference transformer.
func newParser() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefTransformer{}, 100)),
	)
}

// linkRefTransformer is goldmark's LinkReferenceParagraphTransformer for
// the paragraphs that may hold link reference definitions ("[label]: url"),
// which start with '[' after optional spaces. goldmark's sets up a reader
// for every paragraph, two allocations, to find that most do not.
type linkRefTransformer struct{}

func (linkRefTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() == 0 {
		return
	}
	seg := lines.At(0)
	first := seg.Value(reader.Source())
	for _, c := range first {
		if !util.IsSpace(c) {
			if c == '[' {
				parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
			}
			return
		}
	}
	// A first line of only spaces: leave it to goldmark.
	parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
}
