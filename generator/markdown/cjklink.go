package markdown

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// cjkLinker links bare web addresses written straight after Chinese text,
// as Chinese writing does: 详见https://www.gov.cn/…。 or 登录www.gov.cn办理.
// GFM's autolinks (goldmark's Linkify) start only at the head of a line or
// after a space or one of *_~(, and goldmark gives inline parsers no other
// place to start, so these stayed plain text. This transformer finds
// http://, https://, ftp:// and www. right after a CJK character (or a
// Chinese quotation mark or dash) in the text of each block and hands the
// rest of the text to goldmark's own Linkify parser, whose address rules
// (ASCII only, trailing punctuation dropped) end the address at the first
// Chinese character.
type cjkLinker struct{ linkify parser.InlineParser }

func newCJKLinker() cjkLinker { return cjkLinker{extension.NewLinkifyParser()} }

func (l cjkLinker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	// Most pages have no address after Chinese text anywhere: one pass
	// over the source (a superset of what the text nodes can hold) saves
	// the walk.
	if len(src) == 0 || addressStarts(src, 0, len(src)) == nil {
		return
	}
	l.walk(doc, src, pc)
}

// walk links the text among n's children and descends into them, except
// into links, images, code and raw HTML.
func (l cjkLinker) walk(n ast.Node, src []byte, pc parser.Context) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch c := c.(type) {
		case *ast.Text:
			next = l.link(n, c, src, pc)
		case *ast.Link, *ast.AutoLink, *ast.Image, *ast.CodeSpan, *ast.RawHTML:
		default:
			if c.HasChildren() {
				l.walk(c, src, pc)
			}
		}
		c = next
	}
}

// link links the addresses in the run of text nodes that starts at t (the
// text nodes whose source follows on without a line break; the inline
// parser splits text at _ and other delimiters) and returns the node after
// the run.
func (l cjkLinker) link(parent ast.Node, t *ast.Text, src []byte, pc parser.Context) ast.Node {
	last := t
	for !last.SoftLineBreak() && !last.HardLineBreak() && !last.IsRaw() {
		n, ok := last.NextSibling().(*ast.Text)
		if !ok || n.IsRaw() || n.Segment.Start != last.Segment.Stop {
			break
		}
		last = n
	}
	after := last.NextSibling()
	start, stop := t.Segment.Start, last.Segment.Stop
	starts := addressStarts(src, start, stop)
	if starts == nil {
		return after
	}
	var pieces []ast.Node
	pos := start
	for _, i := range starts {
		if i < pos { // inside the address linked before
			continue
		}
		segs := text.NewSegments()
		segs.Append(text.NewSegment(i, stop))
		link, ok := l.linkify.Parse(parent, text.NewBlockReader(src, segs), pc).(*ast.AutoLink)
		if !ok || link.AutoLinkType != ast.AutoLinkURL {
			continue
		}
		if i > pos {
			pieces = append(pieces, ast.NewTextSegment(text.NewSegment(pos, i)))
		}
		pieces = append(pieces, link)
		pos = i + len(link.Label(src))
	}
	if pieces == nil {
		return after
	}
	if pos < stop || last.SoftLineBreak() || last.HardLineBreak() {
		tail := ast.NewTextSegment(text.NewSegment(pos, stop))
		tail.SetSoftLineBreak(last.SoftLineBreak())
		tail.SetHardLineBreak(last.HardLineBreak())
		pieces = append(pieces, tail)
	}
	for c := ast.Node(t); c != after; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		c = next
	}
	for _, p := range pieces {
		if after != nil {
			parent.InsertBefore(parent, after, p)
		} else {
			parent.AppendChild(parent, p)
		}
	}
	return after
}

// addressStarts returns, in order, where http://, https://, ftp:// and
// www. start in src[start:stop] right after a CJK character (or a Chinese
// quotation mark or dash), or nil. Most text has no address at all, so it
// searches for "://" and "www." rather than looking at every letter.
func addressStarts(src []byte, start, stop int) []int {
	var out []int
	for j := start; ; {
		k := bytes.Index(src[j:stop], []byte("://"))
		if k < 0 {
			break
		}
		k += j
		for _, scheme := range []string{"https", "http", "ftp"} {
			if i := k - len(scheme); i > start && string(src[i:k]) == scheme && afterCJK(src, i) {
				out = append(out, i)
			}
		}
		j = k + len("://")
	}
	for j := start; ; {
		k := bytes.Index(src[j:stop], []byte("www."))
		if k < 0 {
			break
		}
		if i := j + k; i > start && afterCJK(src, i) {
			out = append(out, i)
		}
		j += k + len("www.")
	}
	slices.Sort(out)
	return out
}

// afterCJK reports whether the character before src[i] is a CJK character
// or one of the quotation marks and dashes of Chinese text (‐–—‘’“”…).
func afterCJK(src []byte, i int) bool {
	if src[i-1] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeLastRune(src[:i])
	return isCJK(r) || r >= 0x2010 && r <= 0x2027
}
