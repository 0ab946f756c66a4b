package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// rawHTMLRenderer renders raw HTML blocks and inline raw HTML. When unsafe
// is false the HTML is shown escaped, as visible text, so that the author
// sees it did not take effect; HTML comments are dropped instead (they are
// invisible either way and often hold notes for editors). The more marker
// is consumed in both modes.
type rawHTMLRenderer struct {
	unsafe bool
	writer html.Writer
}

func (r *rawHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, r.renderBlock)
	reg.Register(ast.KindRawHTML, r.renderInline)
}

func (r *rawHTMLRenderer) renderBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	if isMoreMarker(n, src) {
		if o, ok := w.(*output); ok {
			o.markMore()
		}
		return ast.WalkSkipChildren, nil
	}
	lines := n.Lines()
	if r.unsafe {
		for i := range lines.Len() {
			r.writer.SecureWrite(w, lineAt(lines, i, src))
		}
		if n.HasClosure() {
			r.writer.SecureWrite(w, closure(n, src))
		}
		return ast.WalkSkipChildren, nil
	}
	if isHiddenComment(n, src) {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString("<p>")
	for i := range lines.Len() {
		rawWrite(r.writer, w, lineAt(lines, i, src))
	}
	if n.HasClosure() {
		rawWrite(r.writer, w, closure(n, src))
	}
	trimTrailingNewline(w)
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

func (r *rawHTMLRenderer) renderInline(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	segs := n.Segments
	if r.unsafe {
		for i := range segs.Len() {
			_, _ = w.Write(lineAt(segs, i, src))
		}
		return ast.WalkSkipChildren, nil
	}
	if isHiddenRawHTML(n, src) {
		return ast.WalkSkipChildren, nil
	}
	for i := range segs.Len() {
		rawWrite(r.writer, w, lineAt(segs, i, src))
	}
	return ast.WalkSkipChildren, nil
}

// trimTrailingNewline drops a final '\n' just written to an output.
func trimTrailingNewline(w util.BufWriter) {
	if o, ok := w.(*output); ok && len(o.buf) > 0 && o.buf[len(o.buf)-1] == '\n' {
		o.buf = o.buf[:len(o.buf)-1]
	}
}

// blockText is the whole text of an HTML block, trimmed.
func blockText(n *ast.HTMLBlock, src []byte) []byte {
	lines := n.Lines()
	if lines.Len() == 1 && !n.HasClosure() {
		return bytes.TrimSpace(lineAt(lines, 0, src))
	}
	var b []byte
	for i := range lines.Len() {
		b = append(b, lineAt(lines, i, src)...)
	}
	if n.HasClosure() {
		b = append(b, closure(n, src)...)
	}
	return bytes.TrimSpace(b)
}

// isHiddenComment reports whether n is an HTML comment, which is dropped
// when raw HTML is shown as text.
func isHiddenComment(n *ast.HTMLBlock, src []byte) bool {
	return n.HTMLBlockType == ast.HTMLBlockType2 && isComment(blockText(n, src))
}

// isHiddenRawHTML reports whether n is an inline HTML comment, which is
// dropped when raw HTML is shown as text.
func isHiddenRawHTML(n *ast.RawHTML, src []byte) bool {
	segs := n.Segments
	return segs.Len() > 0 && isComment(bytes.TrimSpace(segs.Value(src)))
}

// isComment reports whether b is exactly one HTML comment.
func isComment(b []byte) bool {
	return len(b) >= 7 && bytes.HasPrefix(b, []byte("<!--")) &&
		bytes.Index(b[4:], []byte("-->")) == len(b)-7
}

// isMoreMarker reports whether n is the summary marker: a top-level HTML
// block that is the comment "<!--more-->", spaces allowed inside.
func isMoreMarker(n *ast.HTMLBlock, src []byte) bool {
	if n.HTMLBlockType != ast.HTMLBlockType2 || n.Parent() == nil || n.Parent().Kind() != ast.KindDocument {
		return false
	}
	b := blockText(n, src)
	if !isComment(b) {
		return false
	}
	return string(bytes.TrimSpace(b[4:len(b)-3])) == "more"
}
