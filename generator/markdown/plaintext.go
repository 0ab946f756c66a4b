package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// plainText collects the text of inline content as a reader sees it:
// markup dropped, backslash escapes and entities resolved, runs of
// whitespace collapsed to one space, and soft line breaks between Chinese
// characters dropped; raw HTML left out, or kept as the literal text it
// is shown as when literalHTML is set. It stops collecting after limit
// characters (runes) when limit > 0.
type plainText struct {
	buf     []byte
	runes   int
	limit   int
	pending byte // ' ' for a space, '\n' for a soft line break, '\f' between blocks, 0 for none

	literalHTML bool // raw HTML is shown as text (HTML comments are not)
	dropped     bool // an image or footnote reference was left out
}

// full reports whether limit characters have been collected.
func (p *plainText) full() bool { return p.limit > 0 && p.runes > p.limit }

// inline appends the text of n's inline children.
func (p *plainText) inline(n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil && !p.full(); c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			v := t.Segment.Value(src)
			if !t.IsRaw() {
				v = unescape(v)
			}
			p.write(v)
			if t.HardLineBreak() {
				p.space()
			} else if t.SoftLineBreak() {
				p.lineBreak()
			}
		case *ast.String:
			p.write(t.Value)
		case *ast.AutoLink:
			p.write(t.Label(src))
		case *ast.RawHTML:
			if p.literalHTML && !isHiddenRawHTML(t, src) {
				for i := range t.Segments.Len() {
					p.write(lineAt(t.Segments, i, src))
				}
			}
		case *ast.Image, *east.FootnoteLink:
			// not text a reader sees as part of the sentence
			p.dropped = true
		case *east.FootnoteBacklink:
			// only in footnotes, which hold no summary or heading
		default:
			p.inline(c, src)
		}
	}
}

// space asks for a space before the next character.
func (p *plainText) space() { p.pending = ' ' }

// lineBreak asks for a space before the next character unless both sides
// are Chinese.
func (p *plainText) lineBreak() {
	if p.pending == 0 {
		p.pending = '\n'
	}
}

// blockBreak separates blocks (paragraphs, list items): a space, unless
// the text so far ends with Chinese punctuation such as "。".
func (p *plainText) blockBreak() {
	if p.pending != ' ' {
		p.pending = '\f'
	}
}

// needsSpace tells whether the pending break shows as a space between last
// and next.
func (p *plainText) needsSpace(last, next rune) bool {
	switch p.pending {
	case '\n':
		return !joinsLines(last, next)
	case '\f':
		return !(isCJK(last) && util.IsPunctRune(last)) && last != '”' && last != '’'
	}
	return true
}

func (p *plainText) write(v []byte) {
	for len(v) > 0 && !p.full() {
		r, size := decodeRune(v)
		if isSpace(r) {
			p.pending = ' '
			v = v[size:]
			continue
		}
		if p.pending != 0 {
			p.separate(r)
		}
		// Copy the run of characters up to the next space (or the limit)
		// in one go.
		n, count := size, 1
		for n < len(v) && (p.limit <= 0 || p.runes+count <= p.limit) {
			r, size := decodeRune(v[n:])
			if isSpace(r) {
				break
			}
			n += size
			count++
		}
		p.buf = append(p.buf, v[:n]...)
		p.runes += count
		v = v[n:]
	}
}

// separate settles the pending break before next: a space or nothing.
func (p *plainText) separate(next rune) {
	if len(p.buf) > 0 {
		last, _ := utf8.DecodeLastRune(p.buf)
		if p.needsSpace(last, next) {
			p.buf = append(p.buf, ' ')
			p.runes++
		}
	}
	p.pending = 0
}

// isSpace is unicode.IsSpace, answering ASCII and Han without the tables.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return !isHan(r) && unicode.IsSpace(r)
}

// reset empties p for reuse, keeping its buffer.
func (p *plainText) reset() {
	p.buf, p.runes, p.pending = p.buf[:0], 0, 0
}

// String is the text collected so far.
func (p *plainText) String() string { return string(p.buf) }

// unescape resolves backslash escapes (an escaped space disappears, as in
// the rendered HTML) and character references in Markdown text.
func unescape(v []byte) []byte {
	if i := bytes.IndexByte(v, '\\'); i >= 0 {
		out := make([]byte, 0, len(v))
		out = append(out, v[:i]...)
		for ; i < len(v); i++ {
			if v[i] == '\\' && i+1 < len(v) && (util.IsPunct(v[i+1]) || v[i+1] == ' ') {
				i++
				if v[i] == ' ' {
					continue
				}
			}
			out = append(out, v[i])
		}
		v = out
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}
