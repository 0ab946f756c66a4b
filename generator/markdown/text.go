package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textRenderer renders ast.Text. It replaces goldmark's so that a soft line
// break disappears between two Chinese lines ("East Asian line breaks",
// simple style) but stays a line break, shown as a space, in every other case
// ("中文\nEnglish" is not glued). Unlike goldmark it looks at the text on
// both sides of the break even across inline markup, so "中文**加粗**\n中文"
// joins and "English\n**bold**" keeps its space, and it counts full-width
// punctuation such as "，" as Chinese.
type textRenderer struct {
	writer html.Writer
}

func (r *textRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, r.render)
}

func (r *textRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	value := n.Segment.Value(src)
	if n.IsRaw() {
		rawWrite(r.writer, w, value)
		return ast.WalkContinue, nil
	}
	writeText(r.writer, w, value)
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br>\n")
	case n.SoftLineBreak():
		a, okA := lastRuneBefore(n, src)
		b, okB := firstRuneAfter(n, src)
		if !okA || !okB || !joinsLines(a, b) {
			_ = w.WriteByte('\n')
		}
	}
	return ast.WalkContinue, nil
}

// lastRuneBefore returns the last character of text at or before n within
// its block (n itself included), looking through inline markup.
func lastRuneBefore(n ast.Node, src []byte) (rune, bool) {
	if r, found, ok := edgeRune(n, src, true); found {
		return r, ok
	}
	for cur := n; cur != nil && cur.Type() == ast.TypeInline; cur = cur.Parent() {
		for s := cur.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if r, found, ok := edgeRune(s, src, true); found {
				return r, ok
			}
		}
	}
	return 0, false
}

// firstRuneAfter returns the first character of text after n within its
// block, looking through inline markup.
func firstRuneAfter(n ast.Node, src []byte) (rune, bool) {
	for cur := n; cur != nil && cur.Type() == ast.TypeInline; cur = cur.Parent() {
		for s := cur.NextSibling(); s != nil; s = s.NextSibling() {
			if r, found, ok := edgeRune(s, src, false); found {
				return r, ok
			}
		}
	}
	return 0, false
}

// edgeRune returns the last (or first) character of the text of n. found is
// false when n holds no text at all, so the search goes on past it; ok is
// false when n is something opaque (raw HTML, an image) that ends the search
// without a character.
func edgeRune(n ast.Node, src []byte, last bool) (r rune, found, ok bool) {
	var v []byte
	switch t := n.(type) {
	case *ast.Text:
		v = t.Segment.Value(src)
	case *ast.String:
		v = t.Value
	case *ast.RawHTML, *ast.Image:
		return 0, true, false
	default:
		if last {
			for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
				if r, found, ok := edgeRune(c, src, last); found {
					return r, found, ok
				}
			}
		} else {
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if r, found, ok := edgeRune(c, src, last); found {
					return r, found, ok
				}
			}
		}
		return 0, false, false
	}
	if len(v) == 0 {
		return 0, false, false
	}
	if last {
		r, _ = utf8.DecodeLastRune(v)
	} else {
		r, _ = utf8.DecodeRune(v)
	}
	return r, true, true
}
