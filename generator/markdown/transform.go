package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer walks the parsed page once before rendering: it resolves link
// and image destinations, warns about images without alt text, counts words
// and gives headings their IDs. Its per-page state comes from the parser
// context under key; without it (Converter.Inline) it does nothing.
type transformer struct {
	key parser.ContextKey
}

func (t *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	p, _ := pc.Get(t.key).(*page)
	if p == nil {
		return
	}
	p.visit(doc)
	p.assignIDs(p.headingNodes)
}

// visit walks the children of n in document order. It is ast.Walk without
// a closure call on entering and leaving every node.
func (p *page) visit(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.enter(c)
		if c.HasChildren() {
			p.visit(c)
		}
		if c.Type() == ast.TypeBlock {
			p.words.stop()
		}
	}
}

// enter handles node n before its children.
func (p *page) enter(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		p.words.feed(n.Segment.Value(p.src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			p.words.stop()
		}
	case *ast.String:
		p.words.feed(n.Value)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			p.words.feed(lineAt(lines, i, p.src))
		}
	case *ast.HTMLBlock:
		p.words.feedHTML(blockText(n, p.src))
	case *ast.RawHTML:
		p.words.feedHTML(n.Segments.Value(p.src))
	case *ast.Heading:
		p.headingNodes = append(p.headingNodes, n)
	case *ast.Link:
		p.resolve(n, &n.Destination)
	case *ast.Image:
		p.checkAlt(n)
		p.resolve(n, &n.Destination)
	}
}
