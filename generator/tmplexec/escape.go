package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// escaperFunc is an html/template escaper. It gets the text of the value the
// pipeline produced and its content kind (escapeValue makes them, as
// html/template's stringify does; the escapers after the first get the
// text before them, plain), and returns the escaped text. ok is false
// when the value is one it leaves to html/template; the caller then
// executes the template with the standard library instead. Taking a
// string rather than html/template's any spares an allocation a call.
type escaperFunc func(s string, c content) (out string, ok bool)

// escaper returns the implementation of the escaper html/template inserts
// under name ("_html_template_htmlescaper"), or nil when this package has none.
func escaper(name string) escaperFunc {
	switch name {
	case "_html_template_htmlescaper":
		return htmlEscaper
	case "_html_template_attrescaper":
		return attrEscaper
	case "_html_template_rcdataescaper":
		return rcdataEscaper
	case "_html_template_nospaceescaper":
		return nospaceEscaper
	case "_html_template_urlfilter":
		return urlFilter
	case "_html_template_urlnormalizer":
		return urlNormalizer
	case "_html_template_urlescaper":
		return urlEscaper
	case "_html_template_cssvaluefilter":
		return cssValueFilter
	case "_html_template_commentescaper":
		return commentEscaper
	}
	return nil
}

// failsafe is what html/template's filters output for rejected values.
const failsafe = "ZgotmplZ"

// content is the kind of a typed string that matters to the escapers here.
type content uint8

const (
	plain content = iota
	contentHTML
	contentURL
	contentCSS
)

// typedString reports the string and content kind of v when v is a string
// or one of html/template's typed strings. HTMLAttr, JS, JSStr and Srcset
// are plain to these escapers.
func typedString(v any) (string, content, bool) {
	switch x := v.(type) {
	case string:
		return x, plain, true
	case template.HTML:
		return string(x), contentHTML, true
	case template.URL:
		return string(x), contentURL, true
	case template.CSS:
		return string(x), contentCSS, true
	case template.HTMLAttr:
		return string(x), plain, true
	case template.JS:
		return string(x), plain, true
	case template.JSStr:
		return string(x), plain, true
	case template.Srcset:
		return string(x), plain, true
	}
	return "", plain, false
}

// escapeAny gives v to e as the first escaper of a chain.
func escapeAny(e escaperFunc, v any) (string, bool) {
	s, c := stringify(v)
	return e(s, c)
}

// stringify converts v the way html/template's stringify does for a single
// argument: pointers to (typed) strings are followed, nil gives "", and any
// other value is printed by fmt after following pointers up to the first
// fmt.Stringer or error.
func stringify(v any) (string, content) {
	if s, c, ok := typedString(v); ok {
		return s, c
	}
	switch x := v.(type) {
	case nil:
		return "", plain
	case int:
		return strconv.Itoa(x), plain
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		e := rv
		for e.Kind() == reflect.Pointer && !e.IsNil() {
			e = e.Elem()
		}
		if s, c, ok := typedString(e.Interface()); ok {
			return s, c
		}
	}
	for !rv.Type().Implements(stringerType) && !rv.Type().Implements(errorType) &&
		rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	return fmt.Sprint(rv.Interface()), plain
}

var (
	stringerType = reflect.TypeFor[fmt.Stringer]()
	errorType    = reflect.TypeFor[error]()
)

func htmlEscaper(s string, c content) (string, bool) {
	if c == contentHTML {
		return s, true
	}
	return replaceHTML(s, &quotedRepl, false), true
}

func attrEscaper(s string, c content) (string, bool) {
	if c == contentHTML {
		// html/template strips tags first; without '<' that is a no-op.
		if strings.IndexByte(s, '<') >= 0 {
			return "", false
		}
		return replaceHTML(s, &quotedRepl, true), true
	}
	return replaceHTML(s, &quotedRepl, false), true
}

func rcdataEscaper(s string, c content) (string, bool) {
	return replaceHTML(s, &quotedRepl, c == contentHTML), true
}

func nospaceEscaper(s string, c content) (string, bool) {
	switch {
	case s == "":
		return failsafe, true
	case c == contentHTML:
		if strings.IndexByte(s, '<') >= 0 {
			return "", false
		}
		return replaceHTML(s, &nospaceRepl, true), true
	}
	return replaceHTML(s, &nospaceRepl, false), true
}

// commentEscaper drops the value, as html/template does. (html/template
// does not even convert it to a string; a value whose conversion panics
// makes the program give way, and html/template writes the same nothing.)
func commentEscaper(string, content) (string, bool) { return "", true }

// quotedRepl holds the entities for ASCII bytes in text, RCDATA and quoted
// attribute values.
var quotedRepl = [128]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// nospaceRepl is quotedRepl for unquoted attribute values. There the
// noncharacters U+FDD0–U+FDEF and U+FFF0–U+FFFF (including the U+FFFD an
// invalid UTF-8 byte decodes to) are escaped as well.
var nospaceRepl = [128]string{
	0:    "&#xfffd;",
	'\t': "&#9;",
	'\n': "&#10;",
	'\v': "&#11;",
	'\f': "&#12;",
	'\r': "&#13;",
	' ':  "&#32;",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'=':  "&#61;",
	'>':  "&gt;",
	'`':  "&#96;",
}

// replaceHTML escapes s with table. keepAmp leaves '&' alone, for
// template.HTML whose entities are already encoded.
func replaceHTML(s string, table *[128]string, keepAmp bool) string {
	nospace := table == &nospaceRepl
	start := plainPrefix(s, table, keepAmp, nospace)
	if start == len(s) {
		return s
	}
	var b strings.Builder
	written := 0
	for i := start; i < len(s); i++ {
		c, w := s[i], 1
		var repl string
		switch {
		case c < utf8.RuneSelf:
			if repl = table[c]; repl == "" || keepAmp && c == '&' {
				continue
			}
		case !nospace:
			// Only ASCII matters; multi-byte UTF-8 has no ASCII bytes.
			continue
		default:
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			if !(0xfdd0 <= r && r <= 0xfdef || 0xfff0 <= r && r <= 0xffff) {
				i += w - 1
				continue
			}
			repl = "&#x" + strconv.FormatInt(int64(r), 16) + ";"
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + w
		i += w - 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// plainPrefix returns the length of the prefix of s that replaceHTML keeps
// as is without decoding runes: ASCII bytes with no replacement and, unless
// nospace, all non-ASCII bytes.
func plainPrefix(s string, table *[128]string, keepAmp, nospace bool) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			if nospace {
				return i
			}
		} else if table[c] != "" && !(keepAmp && c == '&') {
			return i
		}
	}
	return len(s)
}

func urlFilter(s string, c content) (string, bool) {
	if c != contentURL && !isSafeURL(s) {
		return "#" + failsafe, true
	}
	return s, true
}

// isSafeURL reports whether s is relative or its scheme is http, https or
// mailto (compared with Unicode case folding, like html/template).
func isSafeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") ||
		strings.EqualFold(scheme, "mailto")
}

func urlNormalizer(s string, _ content) (string, bool) {
	return processURL(s, true), true
}

func urlEscaper(s string, c content) (string, bool) {
	return processURL(s, c == contentURL), true
}

// processURL percent-encodes every byte of s except RFC 3986 unreserved
// characters. With norm, reserved characters and existing %XX escapes are
// kept too, which normalizes a whole URL instead of escaping a query part.
func processURL(s string, norm bool) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			continue
		case norm && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			continue
		case norm && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// cssValueFilter decodes CSS escapes and accepts the result only when it
// cannot end the value, open a string, comment or block, or contain
// "expression" or "mozbinding" in its ASCII letters, digits and underscores.
func cssValueFilter(s string, c content) (string, bool) {
	if c == contentCSS {
		return s, true
	}
	s = decodeCSS(s)
	var id []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case 0, '"', '\'', '(', ')', '/', ';', '@', '[', '\\', ']', '`', '{', '}', '<', '>':
			return failsafe, true
		case '-':
			if i > 0 && s[i-1] == '-' {
				return failsafe, true
			}
		default:
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '_':
				id = append(id, c)
			case 'A' <= c && c <= 'Z':
				id = append(id, c+'a'-'A')
			}
		}
	}
	if ids := string(id); strings.Contains(ids, "expression") || strings.Contains(ids, "mozbinding") {
		return failsafe, true
	}
	return s, true
}

// decodeCSS replaces CSS escapes: a backslash and 1–6 hex digits (plus one
// optional following space) by that code point, a backslash and any other
// character by that character. A trailing lone backslash is dropped.
func decodeCSS(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for len(s) > 0 {
		i := strings.IndexByte(s, '\\')
		if i < 0 {
			i = len(s)
		}
		b, s = append(b, s[:i]...), s[i:]
		if len(s) < 2 {
			break
		}
		if !isHex(s[1]) {
			_, n := utf8.DecodeRuneInString(s[1:])
			b, s = append(b, s[1:1+n]...), s[1+n:]
			continue
		}
		j := 2
		for j < len(s) && j < 7 && isHex(s[j]) {
			j++
		}
		r, _ := strconv.ParseUint(s[1:j], 16, 32)
		if r > utf8.MaxRune {
			r, j = r>>4, j-1
		}
		b, s = utf8.AppendRune(b, rune(r)), s[j:]
		// The optional white space after the digits; CR LF counts as one.
		switch {
		case strings.HasPrefix(s, "\r\n"):
			s = s[2:]
		case s != "" && strings.IndexByte("\t\n\f\r ", s[0]) >= 0:
			s = s[1:]
		}
	}
	return string(b)
}
