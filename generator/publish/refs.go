package publish

import (
	"bytes"
	"net/url"
	"path"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	"github.com/tdewolff/parse/v2/js"
)

// RefKind is how a stylesheet or a script names another file.
type RefKind uint8

const (
	CSSURL    RefKind = iota // url(…), and the strings of image-set(…)
	CSSImport                // @import "…"
	JSImport                 // import … from "…", import "…", export … from "…", import("…")
)

func (k RefKind) String() string {
	switch k {
	case CSSURL:
		return "url()"
	case CSSImport:
		return "@import"
	}
	return "import"
}

// Ref is a reference to another file written in a stylesheet or a
// script, found by Refs.
type Ref struct {
	Kind  RefKind
	URL   string // as written, without quotes or url( )
	Start int    // the token holding it in the source: src[Start:End]
	End   int
	quote byte // '"', '\'', or 0 for an unquoted url(…)
	fn    bool // the token is url(…), not a string
}

// Refs lists the references of a stylesheet (.css) or a module script
// (.js, .mjs) in source order: every url(…), @import and image-set(…)
// string, and the specifiers of static imports, export … from and
// import("…") with a string literal. A URL a script builds at run time is
// not a reference and cannot be found. References holding escapes
// (a backslash) are left out, and so is what follows a token the lexers
// cannot read (minifying the file then reports the mistake).
func Refs(name string, src []byte) []Ref {
	switch MediaType(name) {
	case "text/css":
		return cssRefs(src)
	case "text/javascript":
		return jsRefs(src)
	}
	return nil
}

// cssRefs finds the references of a stylesheet with the CSS lexer.
func cssRefs(src []byte) []Ref {
	in := parse.NewInputBytes(src)
	defer in.Restore()
	l := css.NewLexer(in)
	var (
		refs     []Ref
		atImport bool // after @import, before its URL
		imageSet int  // depth of parentheses inside image-set(…), 0 outside
	)
	for {
		tt, tok := l.Next()
		if tt == css.ErrorToken {
			return refs
		}
		end := in.Offset()
		start := end - len(tok)
		switch tt {
		case css.WhitespaceToken, css.CommentToken:
			continue
		case css.URLToken:
			kind := CSSURL
			if atImport {
				kind = CSSImport
			}
			if r, ok := cssURLRef(kind, tok, start, end); ok {
				refs = append(refs, r)
			}
		case css.StringToken:
			kind := CSSURL
			if atImport {
				kind = CSSImport
			}
			if r, ok := stringRef(kind, tok, start, end); ok && (atImport || imageSet == 1) {
				refs = append(refs, r)
			}
		case css.FunctionToken:
			name := strings.ToLower(string(tok))
			if imageSet > 0 {
				imageSet++
			} else if name == "image-set(" || name == "-webkit-image-set(" {
				imageSet = 1
			}
		case css.LeftParenthesisToken:
			if imageSet > 0 {
				imageSet++
			}
		case css.RightParenthesisToken:
			if imageSet > 0 {
				imageSet--
			}
		}
		atImport = tt == css.AtKeywordToken && strings.EqualFold(string(tok), "@import")
	}
}

// cssURLRef reads a url(…) token: url(x), url( "x" ).
func cssURLRef(kind RefKind, tok []byte, start, end int) (Ref, bool) {
	open := bytes.IndexByte(tok, '(')
	inner := bytes.TrimSuffix(tok[open+1:], []byte(")"))
	inner = bytes.Trim(inner, " \t\n\r\f")
	if len(inner) > 0 && (inner[0] == '"' || inner[0] == '\'') {
		r, ok := stringRef(kind, inner, start, end)
		r.fn = true
		return r, ok
	}
	return Ref{Kind: kind, URL: string(inner), Start: start, End: end, fn: true}, bytes.IndexByte(inner, '\\') < 0
}

// stringRef reads a quoted string token of CSS or JS.
func stringRef(kind RefKind, tok []byte, start, end int) (Ref, bool) {
	if len(tok) < 2 || tok[len(tok)-1] != tok[0] {
		return Ref{}, false // not closed
	}
	s := tok[1 : len(tok)-1]
	return Ref{Kind: kind, URL: string(s), Start: start, End: end, quote: tok[0]}, bytes.IndexByte(s, '\\') < 0
}

// jsState is where jsRefs is in an import or export declaration.
type jsState uint8

const (
	jsNone       jsState = iota
	jsImport             // after import
	jsDecl               // inside import … or export …, before from
	jsFrom               // after from in a declaration
	jsCall               // after import(
	jsCallString         // after import("…", before ) or ,
)

// jsRefs finds the module specifiers of a script with the JS lexer. The
// lexer cannot tell a regular expression from a division without a
// parser; the token before a slash decides, as in most tools that only
// lex JavaScript.
func jsRefs(src []byte) []Ref {
	in := parse.NewInputBytes(src)
	defer in.Restore()
	l := js.NewLexer(in)
	var (
		refs    []Ref
		state   jsState
		prev    js.TokenType // the last token that is not blank or a comment
		pending Ref          // the string of import("…"
	)
	for {
		tt, tok := l.Next()
		if tt == js.ErrorToken {
			return refs
		}
		switch tt {
		case js.WhitespaceToken, js.LineTerminatorToken, js.CommentToken, js.CommentLineTerminatorToken:
			continue
		case js.DivToken, js.DivEqToken:
			if regexpAllowed(prev) {
				if tt, tok = l.RegExp(); tt == js.ErrorToken {
					return refs
				}
			}
		}
		end := in.Offset()
		start := end - len(tok)
		str := tt == js.StringToken
		switch {
		case (tt == js.ImportToken || tt == js.ExportToken) && prev != js.DotToken && prev != js.OptChainToken:
			state = jsDecl
			if tt == js.ImportToken {
				state = jsImport
			}
		case str && (state == jsImport || state == jsFrom):
			if r, ok := stringRef(JSImport, tok, start, end); ok {
				refs = append(refs, r)
			}
			state = jsNone
		case state == jsImport && tt == js.OpenParenToken:
			state = jsCall
		case state == jsImport && tt == js.DotToken: // import.meta
			state = jsNone
		case state == jsImport || state == jsFrom || state == jsDecl:
			switch tt {
			case js.FromToken:
				state = jsFrom
			case js.SemicolonToken:
				state = jsNone
			default:
				state = jsDecl
			}
		case state == jsCall && str:
			var ok bool
			if pending, ok = stringRef(JSImport, tok, start, end); ok {
				state = jsCallString
			} else {
				state = jsNone
			}
		case state == jsCallString && (tt == js.CloseParenToken || tt == js.CommaToken):
			refs = append(refs, pending)
			state = jsNone
		default:
			state = jsNone
		}
		prev = tt
	}
}

// regexpAllowed reports whether a slash after a token of type prev starts
// a regular expression rather than a division.
func regexpAllowed(prev js.TokenType) bool {
	switch prev {
	case js.ErrorToken, js.TemplateStartToken, js.TemplateMiddleToken: // the start, or after ${
		return true
	case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.IncrToken, js.DecrToken,
		js.ThisToken, js.SuperToken, js.TrueToken, js.FalseToken, js.NullToken:
		return false
	}
	return js.IsPunctuator(prev) || js.IsOperator(prev) || js.IsReservedWord(prev)
}

// Target resolves r, found in the asset named from ("css/main.css",
// published in the same folder), to the site path it names ("/img/x.png",
// ending in "/" when r does), before the base path. It returns false
// for what is left as it is: full URLs ("https:", "data:", "//host"),
// fragments ("#icon"), empty URLs, module names that are not paths
// ("vue"), and URLs with a broken %-escape.
func (r Ref) Target(from string) (string, bool) {
	p, _ := splitSuffix(r.URL)
	switch {
	case p == "" || strings.HasPrefix(p, "//") || hasScheme(p):
		return "", false
	case r.Kind == JSImport && !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "./") && !strings.HasPrefix(p, "../"):
		return "", false
	}
	p, err := url.PathUnescape(p)
	if err != nil {
		return "", false
	}
	base := path.Base(p)
	dir := strings.HasSuffix(p, "/") || base == "." || base == ".."
	if !strings.HasPrefix(p, "/") {
		p = path.Join("/", path.Dir(from), p)
	}
	p = path.Clean(p)
	if dir && p != "/" {
		p += "/"
	}
	return p, true
}

// Rooted reports whether r is written from the site root ("/img/x.png").
func (r Ref) Rooted() bool { return strings.HasPrefix(r.URL, "/") && !strings.HasPrefix(r.URL, "//") }

// Retarget writes the URL that leads from the asset published as from
// ("css/main.3f9a2c1d7e.css") to the site path to ("/img/x.5d41402abc.png"),
// relative, so that it holds under any base path, and keeping r's query
// and fragment.
func (r Ref) Retarget(from, to string) string {
	_, suffix := splitSuffix(r.URL)
	rel := relPath(path.Dir(from), strings.TrimPrefix(to, "/"))
	if !strings.HasPrefix(rel, "./") && !strings.HasPrefix(rel, "../") && (r.Kind == JSImport || strings.HasPrefix(r.URL, "./")) {
		rel = "./" + rel // a module specifier must start with ./, ../ or /
	}
	return escapePath(rel) + suffix
}

// relPath is the relative path from the folder dir to the file to, both
// slash paths from the site root without a leading slash ("css",
// "img/x.png"; dir "." is the root). A to ending in "/" keeps it.
func relPath(dir, to string) string {
	var from []string
	if dir != "." && dir != "" {
		from = strings.Split(dir, "/")
	}
	dirSlash := strings.HasSuffix(to, "/")
	toSegs := strings.Split(strings.TrimSuffix(to, "/"), "/")
	if to == "" || to == "/" {
		toSegs = nil
	}
	i := 0
	for i < len(from) && i < len(toSegs)-1 && from[i] == toSegs[i] {
		i++
	}
	if dirSlash && i < len(from) && i == len(toSegs)-1 && from[i] == toSegs[i] {
		i++ // a folder above dir: go up to it, not into it again
	}
	rel := strings.Repeat("../", len(from)-i) + strings.Join(toSegs[i:], "/")
	if dirSlash && len(toSegs) > i {
		rel += "/"
	}
	if rel == "" {
		rel = "./"
	}
	return rel
}

// escapePath %-escapes the characters of a path that would end it or
// change its meaning in a URL; other characters the browser escapes.
func escapePath(p string) string {
	if !strings.ContainsAny(p, "%?#\n\r") {
		return p
	}
	r := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23", "\n", "%0A", "\r", "%0D")
	return r.Replace(p)
}

// splitSuffix splits a URL into its path and its query and fragment
// ("img/x.png", "?v=2#top").
func splitSuffix(u string) (p, suffix string) {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		return u[:i], u[i:]
	}
	return u, ""
}

// hasScheme reports whether u starts with a URL scheme ("https:",
// "data:", "mailto:").
func hasScheme(u string) bool {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == ':':
			return i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// Rewrite returns src with each reference refs[i] pointing at urls[i]
// instead; references whose URL stays the same keep their bytes. refs
// are in source order, as Refs returns them.
func Rewrite(src []byte, refs []Ref, urls []string) []byte {
	var out []byte
	last := 0
	for i, r := range refs {
		if urls[i] == r.URL {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(src)+64)
		}
		out = append(out, src[last:r.Start]...)
		out = r.appendToken(out, urls[i])
		last = r.End
	}
	if out == nil {
		return src
	}
	return append(out, src[last:]...)
}

// appendToken writes the token of r holding u instead of r.URL, quoted
// as r was.
func (r Ref) appendToken(out []byte, u string) []byte {
	q := r.quote
	if r.fn {
		out = append(out, "url("...)
		if q == 0 && strings.ContainsAny(u, " \t\n\r\f\"'()\\") {
			q = '"'
		}
	}
	if q != 0 {
		out = append(out, q)
		for i := 0; i < len(u); i++ {
			switch c := u[i]; c {
			case q, '\\':
				out = append(out, '\\', c)
			default:
				out = append(out, c)
			}
		}
		out = append(out, q)
	} else {
		out = append(out, u...)
	}
	if r.fn {
		out = append(out, ')')
	}
	return out
}
