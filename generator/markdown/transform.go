package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
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
		p.words.feed(n.Segment.Value(p.src), !n.IsRaw())
		if n.SoftLineBreak() || n.HardLineBreak() {
			p.words.stop()
		}
	case *ast.String:
		p.words.feed(n.Value, !n.IsRaw() && !n.IsCode())
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			p.words.feed(lineAt(lines, i, p.src), false)
		}
	case *ast.HTMLBlock:
		p.htmlBlock(n)
	case *ast.RawHTML:
		p.rawHTML(n)
	case *ast.Heading:
		p.headingNodes = append(p.headingNodes, n)
		p.moreRerender = p.moreRerender || !p.moreSeen
	case *east.FootnoteLink:
		p.moreRerender = p.moreRerender || !p.moreSeen
	case *ast.Link:
		p.resolve(n, &n.Destination)
	case *ast.Image:
		p.checkAlt(n)
		p.resolve(n, &n.Destination)
	}
}

// htmlBlock counts the words of a raw HTML block as the reader sees them:
// its text as written when raw HTML is shown as text, else what lies
// outside its tags. It also notes the more marker.
func (p *page) htmlBlock(n *ast.HTMLBlock) {
	if !p.moreSeen && isMoreMarker(n, p.src) {
		p.moreSeen = true
		return
	}
	if !p.literalHTML {
		p.words.feedHTML(blockText(n, p.src))
		return
	}
	if isHiddenComment(n, p.src) {
		return
	}
	lines := n.Lines()
	for i := range lines.Len() {
		p.words.feed(lineAt(lines, i, p.src), false)
	}
	if n.HasClosure() {
		p.words.feed(closure(n, p.src), false)
	}
}

// rawHTML counts the words of inline raw HTML, as htmlBlock does.
func (p *page) rawHTML(n *ast.RawHTML) {
	if !p.literalHTML {
		p.words.feedHTML(n.Segments.Value(p.src))
		return
	}
	if isHiddenRawHTML(n, p.src) {
		return
	}
	for i := range n.Segments.Len() {
		p.words.feed(lineAt(n.Segments, i, p.src), false)
	}
}
