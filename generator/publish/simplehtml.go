package publish

import (
	"bytes"
	"encoding/binary"

	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2"
	parsehtml "github.com/tdewolff/parse/v2/html"
)

// Markdown renders to a small, regular kind of HTML: lower-case tags from
// a short list, attributes from a short list, each written name="value",
// and text in which every '<' is escaped. Minifying that with
// tdewolff/minify costs about a tenth of a build, mostly in its lexer and
// token buffer, which look at every byte. simpleHTML minifies exactly that
// kind of HTML, and nothing else, to the bytes tdewolff/minify writes with
// the options NewMinifier sets: it finds the tags with a scan for '<',
// then applies the same rules with the same helpers (entities, whitespace,
// attribute quoting). Anything else (a doctype, a comment, a script, a tag
// or attribute not on the lists, a data: URL) makes it give up before it
// writes a byte, and the input goes to tdewolff/minify. FuzzSimpleHTML
// holds the two to the same output; the tests compare them on every
// Markdown file of the demo site and fixtures, so a minify upgrade that
// changes a rule fails them.

// simpleTraits are the traits tdewolff/minify gives a tag, as far as they
// matter with end tags kept.
type simpleTraits uint8

const (
	inlineTag   simpleTraits = iota // <a>, <del>: neither of the below
	blockTag                        // spaces around it go
	objectTag                       // the space after it stays
	phrasingTag                     // an empty one keeps the space after it
)

// tagTraits returns the traits of a tag simpleHTML knows (one Markdown
// renders to).
func tagTraits(name []byte) (simpleTraits, bool) {
	switch string(name) {
	case "a", "del":
		return inlineTag, true
	case "em", "strong", "code", "span", "sup", "sub":
		return phrasingTag, true
	case "img", "input":
		return objectTag, true
	case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "br", "ul", "ol", "li",
		"dl", "dt", "dd", "div", "table", "thead", "tbody", "tr", "th", "td":
		return blockTag, true
	}
	return 0, false
}

// attrKind is how tdewolff/minify treats an attribute's value.
type attrKind uint8

const (
	plainAttr   attrKind = iota // entities replaced
	trimAttr                    // also whitespace collapsed and trimmed
	urlAttr                     // entities replaced, trimmed, scheme lower-cased
	booleanAttr                 // written without a value
)

// attrName returns the name and kind of an attribute simpleHTML knows.
// The name is a constant, so keeping it costs no allocation.
func attrName(name []byte) (string, attrKind, bool) {
	switch string(name) {
	case "id":
		return "id", plainAttr, true
	case "title":
		return "title", plainAttr, true
	case "alt":
		return "alt", plainAttr, true
	case "align":
		return "align", plainAttr, true
	case "role":
		return "role", plainAttr, true
	case "class":
		return "class", trimAttr, true
	case "start":
		return "start", trimAttr, true
	case "type":
		return "type", trimAttr, true
	case "href":
		return "href", urlAttr, true
	case "src":
		return "src", urlAttr, true
	case "checked":
		return "checked", booleanAttr, true
	case "disabled":
		return "disabled", booleanAttr, true
	}
	return "", 0, false
}

const (
	textToken = iota
	startToken
	endToken
)

// simpleToken is a run of text or a tag. For a start tag, attrs[a:b] of
// the scratch hold its attributes.
type simpleToken struct {
	kind       uint8
	traits     simpleTraits
	start, end int // text: the text; tag: the name
	a, b       int
}

// simpleAttr is an attribute with its value already minified (in the
// scratch's vals); drop marks one minify leaves out.
type simpleAttr struct {
	name       string
	start, end int
	quote      bool // written name=value (quoted as needed), not name alone
	drop       bool
}

// simpleScratch is reused between calls.
type simpleScratch struct {
	tokens []simpleToken
	attrs  []simpleAttr
	vals   []byte
	quoted []byte
}

// simpleHTML appends src minified to dst and reports true, or returns dst
// as it was and false when src is not HTML it knows.
func simpleHTML(dst, src []byte, s *simpleScratch) ([]byte, bool) {
	if !s.tokenize(src) {
		return dst, false
	}
	return s.emit(dst, src), true
}

// tokenize splits src into tokens, minifying attribute values on the way,
// and reports whether all of src is HTML simpleHTML knows.
func (s *simpleScratch) tokenize(src []byte) bool {
	s.tokens, s.attrs, s.vals = s.tokens[:0], s.attrs[:0], s.vals[:0]
	if bytes.IndexByte(src, 0) >= 0 {
		return false
	}
	for i := 0; i < len(src); {
		lt := bytes.IndexByte(src[i:], '<')
		if lt < 0 {
			lt = len(src) - i
		}
		if lt > 0 {
			s.tokens = append(s.tokens, simpleToken{kind: textToken, start: i, end: i + lt})
			i += lt
			if i == len(src) {
				break
			}
		}
		n := s.tag(src, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// tag reads the tag at src[i] (a '<') and returns its length, or 0 when it
// is not one simpleHTML knows.
func (s *simpleScratch) tag(src []byte, i int) int {
	j := i + 1
	kind := uint8(startToken)
	if j < len(src) && src[j] == '/' {
		kind, j = endToken, j+1
	}
	name := j
	for j < len(src) && (src[j] >= 'a' && src[j] <= 'z' || src[j] >= '0' && src[j] <= '9') {
		j++
	}
	traits, ok := tagTraits(src[name:j])
	if !ok || j == len(src) {
		return 0
	}
	t := simpleToken{kind: kind, traits: traits, start: name, end: j, a: len(s.attrs)}
	if kind == endToken {
		if src[j] != '>' {
			return 0
		}
		s.tokens = append(s.tokens, t)
		return j + 1 - i
	}
	input := string(src[name:j]) == "input"
	for j < len(src) && src[j] == ' ' {
		j++
		k := j
		for j < len(src) && (src[j] >= 'a' && src[j] <= 'z') {
			j++
		}
		name, kind, ok := attrName(src[k:j])
		if !ok || j+1 >= len(src) || src[j] != '=' || src[j+1] != '"' {
			return 0
		}
		q := bytes.IndexByte(src[j+2:], '"')
		if q < 0 {
			return 0
		}
		if !s.attr(input, name, kind, src[j+2:j+2+q]) {
			return 0
		}
		j += 2 + q + 1
	}
	if j == len(src) || src[j] != '>' {
		return 0
	}
	t.b = len(s.attrs)
	s.tokens = append(s.tokens, t)
	return j + 1 - i
}

// attr minifies one attribute value as tdewolff/minify does, and reports
// false for a value it would treat some other way.
func (s *simpleScratch) attr(input bool, name string, kind attrKind, raw []byte) bool {
	if name == "type" && !input {
		return false // a media type elsewhere
	}
	at := len(s.vals)
	s.vals = append(s.vals, raw...)
	val := s.vals[at:]
	if kind == trimAttr {
		val = parse.TrimWhitespace(parse.ReplaceMultipleWhitespaceAndEntities(val, html.EntitiesMap, nil))
	} else {
		val = parse.ReplaceEntities(val, html.EntitiesMap, nil)
	}
	if kind == urlAttr {
		val = parse.TrimWhitespace(val)
		if 5 < len(val) {
			switch {
			case parse.EqualFold(val[:4], []byte("http")) && val[4] == ':':
				parse.ToLower(val[:4])
			case parse.EqualFold(val[:4], []byte("http")) && (val[4] == 's' || val[4] == 'S') && val[5] == ':':
				parse.ToLower(val[:5])
			case parse.EqualFold(val[:5], []byte("data:")):
				return false // minify rewrites data URLs
			}
		}
	}
	a := simpleAttr{name: name, quote: len(val) > 0 && kind != booleanAttr}
	a.drop = len(val) == 0 && (name == "class" || name == "id") ||
		input && name == "type" && parse.EqualFold(val, []byte("text"))
	// val lies within s.vals[at:], possibly not at its start
	n := copy(s.vals[at:], val)
	s.vals = s.vals[:at+n]
	a.start, a.end = at, at+n
	s.attrs = append(s.attrs, a)
	return true
}

// emit writes the tokens minified, following tdewolff/minify's HTML
// minifier rule for rule.
func (s *simpleScratch) emit(out, src []byte) []byte {
	omitSpace, inPre := true, false
	for k, t := range s.tokens {
		if t.kind != textToken {
			name := src[t.start:t.end]
			if string(name) == "pre" {
				inPre = t.kind == startToken
			}
			switch t.traits {
			case objectTag:
				omitSpace = false
			case blockTag:
				omitSpace = true
			}
			if t.kind == endToken {
				out = append(append(append(out, "</"...), name...), '>')
				continue
			}
			out = append(append(out, '<'), name...)
			for _, a := range s.attrs[t.a:t.b] {
				if a.drop {
					continue
				}
				out = append(append(out, ' '), a.name...)
				if a.quote {
					out = append(out, '=')
					out = append(out, parsehtml.EscapeAttrVal(&s.quoted, s.vals[a.start:a.end], '"', false)...)
				}
			}
			out = append(out, '>')
			if t.traits == phrasingTag && k+1 < len(s.tokens) {
				if next := s.tokens[k+1]; next.kind == endToken && bytes.Equal(src[next.start:next.end], name) {
					omitSpace = false
				}
			}
			continue
		}
		if inPre {
			out = append(out, src[t.start:t.end]...)
			continue
		}
		at := len(out)
		out = append(out, src[t.start:t.end]...)
		data := out[at:]
		if !quietText(data) {
			data = parse.ReplaceMultipleWhitespaceAndEntities(data, html.EntitiesMap, html.TextRevEntitiesMap)
		}
		if omitSpace && parse.IsWhitespace(data[0]) {
			data = data[1:]
		}
		omitSpace = false
		if len(data) == 0 {
			omitSpace = true
		} else if parse.IsWhitespace(data[len(data)-1]) {
			var trim bool
			trim, omitSpace = s.trimRight(k, src)
			if trim {
				data = data[:len(data)-1]
			}
		}
		out = out[:at+copy(out[at:], data)]
	}
	return out
}

// trimRight reports whether the space that ends text token k goes, and
// whether a space at the start of the next text goes. The space goes when
// the next token that is neither blank text nor an inline end tag is a
// block tag or the end of the input. Like minify, it looks at most 101
// tokens ahead, and keeps both spaces beyond that.
func (s *simpleScratch) trimRight(k int, src []byte) (trim, omitNext bool) {
	for i := 0; ; i++ {
		if i > 100 {
			return false, false
		}
		if k+1+i >= len(s.tokens) {
			return true, false
		}
		next := s.tokens[k+1+i]
		switch {
		case next.kind == textToken:
			if !parse.IsAllWhitespace(src[next.start:next.end]) {
				return false, true
			}
		case next.traits == blockTag:
			return true, false
		case next.kind == startToken:
			return false, true
		}
	}
}

// quietText reports whether minify's pass over text (runs of whitespace to
// one space or newline, entities to their shortest form) leaves b as it
// is: b holds no '&', no tab, carriage return or form feed, and no two
// whitespace bytes in a row. Those bytes are all below '\”, so it looks
// at eight bytes at a time for one; Chinese text has none.
func quietText(b []byte) bool {
	const low, high = 0x2727272727272727, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if x := binary.LittleEndian.Uint64(b[i:]); (x-low)&^x&high == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if !quietByte(b, j) {
				return false
			}
		}
	}
	for ; i < len(b); i++ {
		if !quietByte(b, i) {
			return false
		}
	}
	return true
}

// quietByte is quietText for b[i] alone.
func quietByte(b []byte, i int) bool {
	switch b[i] {
	case '&', '\t', '\r', '\f':
		return false
	case ' ', '\n':
		return i+1 == len(b) || !parse.IsWhitespace(b[i+1])
	}
	return true
}
