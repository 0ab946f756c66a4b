// Package markdown turns the Markdown body of a page into HTML, together
// with what the site needs to know about it: headings and their IDs, a table
// of contents, a summary, a word count and reading time, and diagnostics
// for broken links and images without alt text.
//
// It is goldmark with GFM, footnotes and definition lists, plus what
// Chinese text needs: emphasis that works next to Chinese punctuation
// ("**（一）指导思想。**坚持…"), line breaks that vanish between Chinese lines
// but not between Chinese and English, and heading IDs that keep Chinese.
package markdown

import (
	"bytes"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"yipin/generator/diag"
)

// Options configure a Converter. Zero values mean the defaults noted.
type Options struct {
	Unsafe        bool // keep raw HTML; when false raw HTML is shown escaped, as visible text
	LineNumbers   bool // line numbers in highlighted code blocks
	SummaryLength int  // characters (runes) in the automatic summary; 0 means 120
	ReadingSpeed  int  // Chinese characters read per minute; 0 means 400

	// Heading levels listed in the TOC; 0 means 2 and 4.
	TOCMinLevel, TOCMaxLevel int
}

// Document is one page's body.
type Document struct {
	File     string // for diagnostics, e.g. "content/news/a.md"
	Body     []byte // the Markdown after the front matter
	BodyLine int    // 1-based line of the file where Body starts; 0 means 1

	// Resolve, if not nil, is called for every link and image destination
	// that is not absolute (no scheme such as "https:", "mailto:", "tel:",
	// no leading "//") and not a pure fragment ("#x"), with the destination
	// as written, Markdown escapes resolved (e.g. "../cases/145.md#成效",
	// "/about/", "photo.jpg"). It returns the destination to use instead
	// ("" keeps it), or a diagnostic without position when the target does
	// not exist; the converter then fills in File, Line and Col from where
	// the destination is written and attaches the source lines, and keeps
	// the destination as written.
	Resolve func(dest string) (string, *diag.Diagnostic)

	// Out, if not nil, is where the HTML is written (from its start), so
	// that a caller that copies the HTML elsewhere can reuse one buffer;
	// Result.HTML and Result.Summary may then share it.
	Out []byte
}

// Heading is one heading of a page.
type Heading struct {
	Level int    // 1 to 6
	ID    string // unique on the page; empty for a heading without text or {#id}
	Text  string // plain text
}

// Result is everything Convert learns about one page.
type Result struct {
	HTML []byte // the body as HTML, without the <!--more--> marker

	// Summary is HTML: what comes before the <!--more--> marker when there
	// is one (without footnote references and heading IDs, which belong
	// to the page itself), else the plain text of the leading paragraphs
	// cut to SummaryLength characters, escaped, with "……" when cut.
	Summary   []byte
	Truncated bool // the page holds something the summary does not show

	Headings    []Heading // every heading h1-h6 in order
	TOC         []byte    // nested <ul> of links to headings with text; empty for fewer than 2
	WordCount   int       // CJK characters plus runs of other letters and digits
	ReadingTime int       // minutes, rounded up; at least 1, even for an empty page

	// Diagnostics are link errors from Resolve and warnings about images
	// without alt text, about heading IDs given twice or taken from a
	// heading by another's {#id}, and about headings without text, in
	// source order.
	Diagnostics []*diag.Diagnostic
}

// Converter converts Markdown. It is safe for concurrent use.
type Converter struct {
	opts Options
	md   goldmark.Markdown
	key  parser.ContextKey
	code *codeRenderer

	cssOnce sync.Once
	css     []byte
}

// New builds a Converter. Build one and share it: it sets up goldmark and
// the highlighter once, and every call after that only converts.
func New(o Options) *Converter {
	if o.SummaryLength <= 0 {
		o.SummaryLength = 120
	}
	if o.ReadingSpeed <= 0 {
		o.ReadingSpeed = 400
	}
	if o.TOCMinLevel <= 0 {
		o.TOCMinLevel = 2
	}
	if o.TOCMaxLevel <= 0 {
		o.TOCMaxLevel = 4
	}
	o.TOCMaxLevel = max(o.TOCMaxLevel, o.TOCMinLevel)

	c := &Converter{opts: o, key: parser.NewContextKey()}
	w := html.NewWriter(html.WithEscapedSpace())
	c.code = newCodeRenderer(o.LineNumbers, w)

	htmlOpts := []renderer.Option{html.WithWriter(w)}
	if o.Unsafe {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	c.md = goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(
			// GFM, with table alignment as attributes: no inline styles, so
			// pages work under a strict Content-Security-Policy.
			extension.Linkify,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
			extension.TaskList,
			extension.Footnote,
			extension.DefinitionList,
			extension.NewCJK(
				extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksSimple),
				extension.WithEscapedSpace(),
			),
		),
		goldmark.WithParserOptions(
			parser.WithAttribute(),
			parser.WithInlineParsers(
				util.Prioritized(emphasisParser{}, 450),
				util.Prioritized(strikethroughParser{}, 450),
			),
			// goldmark runs AST transformers in ascending order of
			// priority: the linker first, so that an address it links is
			// counted as a link (not at all), as the words of the page
			// are counted by transformer.
			parser.WithASTTransformers(
				util.Prioritized(newCJKLinker(), 900),
				util.Prioritized(&transformer{key: c.key}, 1000),
			),
		),
		goldmark.WithRendererOptions(htmlOpts...),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(&textRenderer{writer: w}, 100),
			util.Prioritized(&rawHTMLRenderer{unsafe: o.Unsafe, writer: w}, 100),
			util.Prioritized(c.code, 100),
			util.Prioritized(tableCellRenderer{}, 100),
		)),
	)
	return c
}

// Convert converts one page. It never fails: problems in the page come back
// as Result.Diagnostics.
func (c *Converter) Convert(doc Document) (res *Result) {
	defer func() {
		if v := recover(); v != nil {
			res = &Result{Diagnostics: []*diag.Diagnostic{
				diag.New(doc.File, max(doc.BodyLine, 1), 0, "无法转换这一页的 Markdown(程序内部错误:%v)", v).
					WithHint("请把这个文件报告给 yipin 的维护者;可先删改文中不寻常的写法绕过"),
			}}
		}
	}()
	return c.convertValid(doc)
}

// convertValid is Convert without the safety net, for tests that must see
// panics. goldmark can trip over bytes that are not UTF-8 (an image's alt
// text that starts inside a character and breaks a line, for one), so a
// conversion that panics on such a body is made again with U+FFFD in
// their place. content.Load rejects files that are not UTF-8: only a file
// changed while a build runs gets here, and checking every body first
// would cost 3% of each conversion.
func (c *Converter) convertValid(doc Document) (res *Result) {
	defer func() {
		if v := recover(); v != nil {
			if utf8.Valid(doc.Body) {
				panic(v)
			}
			doc.Body = bytes.ToValidUTF8(doc.Body, []byte("\uFFFD"))
			res = c.convert(doc)
		}
	}()
	return c.convert(doc)
}

// convert converts doc, whose body goldmark must not trip over.
func (c *Converter) convert(doc Document) *Result {
	p := &page{doc: doc, src: doc.Body, literalHTML: !c.opts.Unsafe}
	p.headingNodes = p.headingBuf[:0]
	pc := parser.NewContext()
	pc.Set(c.key, p)
	root := c.md.Parser().Parse(text.NewReader(doc.Body), parser.WithContext(pc))
	out := &output{buf: doc.Out[:0], more: -1}
	if doc.Out == nil {
		out.buf = make([]byte, 0, len(doc.Body)+len(doc.Body)/2+64)
	}
	_ = c.md.Renderer().Render(out, doc.Body, root)

	res := &Result{
		HTML:        out.buf,
		Headings:    p.headings,
		TOC:         buildTOC(p.headings, c.opts.TOCMinLevel, c.opts.TOCMaxLevel),
		WordCount:   p.words.n,
		ReadingTime: max(1, (p.words.n+c.opts.ReadingSpeed-1)/c.opts.ReadingSpeed),
		Diagnostics: p.diags,
	}
	switch {
	case out.more >= 0 && p.moreRerender:
		res.HTML, res.Summary = c.moreSummary(root, doc.Body, out)
		res.Truncated = true
	case out.more >= 0:
		res.Summary, res.Truncated = out.buf[:out.more:out.more], true
	default:
		res.Summary, res.Truncated = autoSummary(root, doc.Body, c.opts.SummaryLength, !c.opts.Unsafe)
	}
	diag.Sort(res.Diagnostics)
	return res
}

// Inline renders a short Markdown text, such as a title or a summary from
// the front matter. A single paragraph comes back without its <p> wrapper.
// Links are not resolved. Safe for concurrent use.
func (c *Converter) Inline(s string) []byte { return c.inline([]byte(s)) }

// inline is Inline on bytes, which it keeps.
func (c *Converter) inline(src []byte) []byte {
	root := c.md.Parser().Parse(text.NewReader(src))
	out := newOutput(len(src) + 16)
	_ = c.md.Renderer().Render(out, src, root)
	b := out.buf
	if root.ChildCount() == 1 && root.FirstChild().Kind() == ast.KindParagraph {
		b = bytes.TrimSuffix(bytes.TrimPrefix(b, []byte("<p>")), []byte("</p>\n"))
	}
	return bytes.TrimRight(b, "\n")
}

// moreSummary renders the top-level blocks before the more marker again,
// after the page, for a summary that stands on list pages: without
// footnote references, which point to notes the list page does not have,
// and without heading IDs, which would repeat there. It returns the page
// and the summary, both in out.
func (c *Converter) moreSummary(root ast.Node, src []byte, out *output) (body, summary []byte) {
	end := len(out.buf)
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if b, ok := n.(*ast.HTMLBlock); ok && isMoreMarker(b, src) {
			break
		}
		stripForSummary(n)
		_ = c.md.Renderer().Render(out, src, n)
	}
	return out.buf[:end:end], out.buf[end:]
}

// stripForSummary removes the footnote references in n and the IDs of the
// headings, n included. The page is rendered by then.
func stripForSummary(n ast.Node) {
	if h, ok := n.(*ast.Heading); ok {
		dropID(h)
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		if _, ok := c.(*east.FootnoteLink); ok {
			n.RemoveChild(n, c)
		} else {
			stripForSummary(c)
		}
		c = next
	}
}

// dropID removes the id attribute of h and keeps the others.
func dropID(h *ast.Heading) {
	attrs := h.Attributes()
	kept := attrs[:0]
	for _, a := range attrs {
		if string(a.Name) != "id" {
			kept = append(kept, a)
		}
	}
	h.RemoveAttributes()
	for _, a := range kept {
		h.SetAttribute(a.Name, a.Value)
	}
}

// Fragment renders a short Markdown text, such as a summary written in
// the front matter or a field a template passes to markdownify, as Inline
// does, but hands each link and image destination to doc.Resolve as
// Convert does and returns the problems found. A text without an inline
// link ("](") has nothing to resolve and goes to Inline.
func (c *Converter) Fragment(doc Document) ([]byte, []*diag.Diagnostic) {
	if !bytes.Contains(doc.Body, []byte("](")) {
		return c.inline(doc.Body), nil
	}
	res := c.Convert(doc)
	html := bytes.TrimRight(res.HTML, "\n")
	if inner, ok := bytes.CutPrefix(html, []byte("<p>")); ok && bytes.HasSuffix(inner, []byte("</p>")) &&
		!bytes.Contains(inner, []byte("<p>")) {
		html = inner[:len(inner)-len("</p>")]
	}
	return html, res.Diagnostics
}

// CSS returns the stylesheet for highlighted code: rules for the classes
// the highlighter emits, in one light style with good contrast.
func (c *Converter) CSS() []byte {
	c.cssOnce.Do(func() { c.css = c.code.css() })
	return bytes.Clone(c.css)
}
