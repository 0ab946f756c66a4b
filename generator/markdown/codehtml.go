package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// codeHTML writes highlighted code exactly as chroma's HTML formatter does
// with the options this package uses (CSS classes, no prefix, optional line
// numbers in a table, nothing else), without its per-token fmt.Sprintf,
// html.EscapeString and class lookups, and without building a slice per
// line. TestCodeHTMLMatchesChroma holds it to chroma's output.
type codeHTML struct {
	lineNumbers bool
	attrs       map[chroma.TokenType]string // ` class="…"`, or "", for each of chroma.StandardTypes
}

func newCodeHTML(lineNumbers bool) *codeHTML {
	f := &codeHTML{lineNumbers: lineNumbers, attrs: make(map[chroma.TokenType]string, len(chroma.StandardTypes))}
	for t, cls := range chroma.StandardTypes {
		if cls != "" {
			f.attrs[t] = ` class="` + cls + `"`
		} else {
			f.attrs[t] = ""
		}
	}
	return f
}

// attr is the class attribute chroma's formatter gives a token of type t:
// that of the nearest of t and its ancestors listed in chroma.StandardTypes.
func (f *codeHTML) attr(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if a, ok := f.attrs[t]; ok {
			return a
		}
	}
	return f.attrs[0]
}

// piece is a part of a token that lies on one line.
type piece struct {
	typ   chroma.TokenType
	value string
}

// codeScratch is what formatting one block needs besides its output;
// pooled with the output buffer.
type codeScratch struct {
	buf    bytes.Buffer
	pieces []piece
	ends   []int // ends[i] is the end in pieces of line i
}

// format writes the tokens of it to s.buf. Lines are split as by
// chroma.SplitTokensIntoLines.
func (f *codeHTML) format(s *codeScratch, it chroma.Iterator) {
	s.split(it)
	w := &s.buf
	if f.lineNumbers {
		w.WriteString("<div" + f.attr(chroma.PreWrapper) + ">\n")
		w.WriteString("<table" + f.attr(chroma.LineTable) + "><tr>")
		w.WriteString("<td" + f.attr(chroma.LineTableTD) + ">\n")
		w.WriteString("<pre" + f.attr(chroma.PreWrapper) + ">")
		digits := len(strconv.Itoa(len(s.ends)))
		var num []byte
		for i := range s.ends {
			w.WriteString("<span" + f.attr(chroma.LineNumbersTable) + ">")
			num = strconv.AppendInt(num[:0], int64(i+1), 10)
			for range digits - len(num) {
				w.WriteByte(' ')
			}
			w.Write(num)
			w.WriteString("\n</span>")
		}
		w.WriteString("</pre></td>\n")
		w.WriteString("<td" + f.attr(chroma.LineTableTD) + ">\n")
	}
	w.WriteString("<pre" + f.attr(chroma.PreWrapper) + "><code>")
	lineStart := "<span" + f.attr(chroma.Line) + "><span" + f.attr(chroma.CodeLine) + ">"
	start := 0
	for _, end := range s.ends {
		w.WriteString(lineStart)
		for _, p := range s.pieces[start:end] {
			attr := f.attr(p.typ)
			if attr == "" {
				writeEscaped(w, p.value)
				continue
			}
			w.WriteString("<span")
			w.WriteString(attr)
			w.WriteByte('>')
			writeEscaped(w, p.value)
			w.WriteString("</span>")
		}
		w.WriteString("</span></span>")
		start = end
	}
	w.WriteString("</code></pre>")
	if f.lineNumbers {
		w.WriteString("</td></tr></table>\n</div>\n")
	}
}

// split reads the tokens of it into s.pieces, cut after each newline,
// and notes where each line ends, like chroma.SplitTokensIntoLines: the
// newline stays at the end of its line, an empty rest of a token is
// dropped, and a last line holding only an empty token is left out.
func (s *codeScratch) split(it chroma.Iterator) {
	s.pieces, s.ends = s.pieces[:0], s.ends[:0]
	for t := it(); t != chroma.EOF; t = it() {
		v := t.Value
		for {
			i := strings.IndexByte(v, '\n')
			if i < 0 {
				s.pieces = append(s.pieces, piece{t.Type, v})
				break
			}
			s.pieces = append(s.pieces, piece{t.Type, v[:i+1]})
			s.ends = append(s.ends, len(s.pieces))
			if v = v[i+1:]; v == "" {
				break
			}
		}
	}
	last := 0
	if len(s.ends) > 0 {
		last = s.ends[len(s.ends)-1]
	}
	if len(s.pieces) > last {
		s.ends = append(s.ends, len(s.pieces))
	}
	if n := len(s.ends); n > 0 {
		first := 0
		if n > 1 {
			first = s.ends[n-2]
		}
		if s.ends[n-1]-first == 1 && s.pieces[first].value == "" {
			s.ends = s.ends[:n-1]
		}
	}
}

// writeEscaped writes v escaped as html.EscapeString does.
func writeEscaped(w *bytes.Buffer, v string) {
	for {
		i := strings.IndexAny(v, `<>&'"`)
		if i < 0 {
			w.WriteString(v)
			return
		}
		w.WriteString(v[:i])
		switch v[i] {
		case '<':
			w.WriteString("&lt;")
		case '>':
			w.WriteString("&gt;")
		case '&':
			w.WriteString("&amp;")
		case '\'':
			w.WriteString("&#39;")
		case '"':
			w.WriteString("&#34;")
		}
		v = v[i+1:]
	}
}
