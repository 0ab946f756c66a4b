package markdown

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"yipin/generator/diag"
)

// page is what converting one Document gathers besides the HTML. The AST
// transformer fills it; it travels to the transformer in the parser context.
type page struct {
	doc      Document
	src      []byte
	diags    []*diag.Diagnostic
	headings []Heading
	words    wordCounter

	headingNodes []*ast.Heading   // found by the transformer, for assignIDs
	headingBuf   [16]*ast.Heading // backs headingNodes on most pages

	literalHTML  bool // raw HTML is shown as text, so its text is counted
	moreSeen     bool // the transformer has passed the more marker
	moreRerender bool // the part before the more marker needs moreSummary
}

// resolve hands a link or image destination to Document.Resolve and applies
// the answer. On a diagnostic the destination stays as written.
func (p *page) resolve(n ast.Node, dest *[]byte) {
	if p.doc.Resolve == nil || !needsResolve(*dest) {
		return
	}
	raw := *dest
	to, d := p.doc.Resolve(string(unescape(raw)))
	if d != nil {
		p.report(d, linkOffset(n, raw, p.src))
		return
	}
	if to != "" {
		*dest = []byte(to)
	}
}

// checkAlt warns about an image without alternative text.
func (p *page) checkAlt(img *ast.Image) {
	var alt plainText
	alt.inline(img, p.src)
	if len(alt.buf) > 0 {
		return
	}
	d := diag.Warn("", 0, 0, "图片缺少替代文字(alt)").
		WithHint("写成 ![图片内容的简短描述](%s),供读屏软件朗读", img.Destination)
	off := img.Pos()
	if off < 0 || off > len(p.src) {
		off = blockStart(img, len(p.src))
	}
	p.report(d, off)
}

// assignIDs gives every heading its final ID: an explicit {#id} as written,
// else one made from its text, unique on the page. Explicit IDs are claimed
// first so that a generated one never takes them: a generated ID that
// equals one is numbered like a repeated heading's, with a warning, since
// links to it reach the other heading. A heading without text and without
// {#id} gets no ID.
func (p *page) assignIDs(hs []*ast.Heading) {
	ids := make(idSet, len(hs))
	explicit := make([]string, len(hs))
	for i, h := range hs {
		v, ok := h.AttributeString("id")
		if !ok {
			continue
		}
		id := attrString(v)
		if id == "" {
			continue
		}
		if _, dup := ids[id]; dup {
			p.report(diag.Warn("", 0, 0, "标题编号 {#%s} 在本页重复,链接只会跳到第一个", id).
				WithHint("给其中一个标题换一个不同的编号"), blockStart(h, len(p.src)))
		}
		ids[id] = struct{}{}
		explicit[i] = id
	}
	p.headings = make([]Heading, len(hs))
	t := plainText{buf: make([]byte, 0, 128)}
	for i, h := range hs {
		t.reset()
		t.inline(h, p.src)
		text := t.String()
		id := explicit[i]
		switch {
		case id != "":
		case text == "":
			p.report(diag.Warn("", 0, 0, "标题没有文字,不会列入目录,也无法链接").
				WithHint("在 # 后面写上标题文字;不需要这个标题就删去这一行"), blockStart(h, len(p.src)))
		default:
			id = p.autoID(hs, explicit, i, text, ids)
		}
		if id != "" {
			h.SetAttributeString("id", id)
		}
		p.headings[i] = Heading{Level: h.Level, ID: id, Text: text}
	}
}

// autoID claims the ID made from the text of heading i, and warns when an
// explicit {#id} of another heading has taken it.
func (p *page) autoID(hs []*ast.Heading, explicit []string, i int, text string, ids idSet) string {
	base := slug(text)
	id := ids.claim(base)
	if id == base {
		return id
	}
	owner := slices.Index(explicit, base)
	if owner < 0 {
		return id // a repeated heading
	}
	line, _ := diag.Position(p.src, blockStart(hs[owner], len(p.src)))
	line += max(p.doc.BodyLine, 1) - 1
	p.report(diag.Warn("", 0, 0, "标题“%s”自动生成的编号“%s”已被第 %d 行标题的 {#%s} 使用,这个标题的编号改为“%s”",
		text, base, line, base, id).
		WithHint("链接 #%s 会跳到第 %d 行的标题;请改掉那里的 {#%s},或在这个标题末尾另写编号,如 {#编号}",
			base, line, base),
		blockStart(hs[i], len(p.src)))
	return id
}

func attrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(bytes.TrimSpace(v))
	case string:
		return strings.TrimSpace(v)
	}
	return ""
}

// report places d at byte offset off of the body: file, file line (not body
// line), column, and the source lines around it.
func (p *page) report(d *diag.Diagnostic, off int) {
	line, col := diag.Position(p.src, off)
	d.File = p.doc.File
	d.Line, d.Col = line, col
	d.WithSource(p.src)
	if shift := max(p.doc.BodyLine, 1) - 1; shift > 0 {
		d.Line += shift
		for i := range d.Excerpt {
			d.Excerpt[i].Num += shift
		}
	}
	p.diags = append(p.diags, d)
}
