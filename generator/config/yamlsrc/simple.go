package yamlsrc

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// parseSimple builds the node tree that yaml.Unmarshal would build for the
// shape nearly every front matter has, in a fifth of the time
// (BenchmarkParseFront), and reports false for anything else, which is
// then left to the library. A build parses one front matter per page; the
// library spends much of its time setting up its reader and scanner for
// these few lines.
//
// The shape: one line per top-level key (ASCII letters, digits, _ and -)
// at the start of the line, each holding a plain or quoted scalar on one
// line, a flow sequence of such scalars ([甲, 乙]), a block sequence of
// them on the lines below (  - 甲), or nothing. Comments, escapes in
// quotes, tabs, carriage returns, anchors, tags, multi-line scalars,
// nested mappings, and plain scalars whose type takes more than a glance
// (numbers other than small decimals, dates other than 2024-06-24) are
// left to the library. FuzzParseSimple checks that every tree built here
// equals the library's.
func parseSimple(src []byte) (*yaml.Node, bool) {
	if !simpleText(src) {
		return nil, false
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	lines := bytes.Split(src, []byte{'\n'})
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if len(bytes.TrimLeft(line, " ")) == 0 {
			continue
		}
		end := keyEnd(line)
		if end < 0 {
			return nil, false
		}
		if end > maxSimpleKey {
			return nil, false // the library refuses long implicit keys
		}
		k := scalarNode(string(line[:end]), 0, i+1, 1)
		if k == nil {
			return nil, false
		}
		if len(root.Content) == 0 {
			root.Line, root.Column = i+1, 1
		}
		rest, col := skipSpaces(line[end+1:], end+2)
		var v *yaml.Node
		switch {
		case len(rest) > 0 && rest[0] == '[':
			v = flowSeq(rest, i+1, col)
		case len(rest) > 0:
			v = blockScalar(rest, i+1, col)
		default:
			var used int
			v, used = blockSeq(lines[i+1:], i+2)
			if v == nil && used == 0 {
				v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: i + 1, Column: end + 2}
			}
			i += used
		}
		if v == nil {
			return nil, false
		}
		root.Content = append(root.Content, k, v)
	}
	if len(root.Content) == 0 {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: 1, Content: []*yaml.Node{root}}, true
}

// maxSimpleKey is well below the 1024 characters the YAML library allows
// an implicit key.
const maxSimpleKey = 200

// simpleText reports whether src holds only characters the YAML library
// reads as printable and that break no line: line feeds, printable ASCII
// and the printable characters of two or three bytes in UTF-8.
func simpleText(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if n == 1 || n > 3 || r < 0xA0 || (r >= 0xD800 && r < 0xE000) || r == 0xFEFF || r > 0xFFFD || r == 0x2028 || r == 0x2029 {
			return false
		}
		i += n
	}
	return true
}

// keyEnd returns the index of the colon after a key at the start of line,
// followed by a space or the end of the line, or -1.
func keyEnd(line []byte) int {
	for i, c := range line {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '-'):
		case i > 0 && c == ':' && (i+1 == len(line) || line[i+1] == ' '):
			return i
		default:
			return -1
		}
	}
	return -1
}

// skipSpaces drops leading spaces from b, whose first byte is in column
// col, and returns the rest and the column where it starts.
func skipSpaces(b []byte, col int) ([]byte, int) {
	for len(b) > 0 && b[0] == ' ' {
		b, col = b[1:], col+1
	}
	return b, col
}

// blockScalar reads the value of a key or a sequence item that runs to
// the end of its line: a quoted scalar, or a plain one.
func blockScalar(b []byte, line, col int) *yaml.Node {
	if b[0] == '"' || b[0] == '\'' {
		n, rest := quoted(b, line, col)
		if n == nil || len(bytes.TrimRight(rest, " ")) > 0 {
			return nil
		}
		return n
	}
	text := bytes.TrimRight(b, " ")
	if !plainStart(text) || bytes.Contains(text, []byte(": ")) || bytes.Contains(text, []byte(" #")) ||
		text[len(text)-1] == ':' {
		return nil
	}
	return scalarNode(string(text), 0, line, col)
}

// quoted reads a quoted scalar without escapes at the start of b and
// returns its node and what follows the closing quote.
func quoted(b []byte, line, col int) (*yaml.Node, []byte) {
	q := b[0]
	end := bytes.IndexByte(b[1:], q) + 1
	if end == 0 || (q == '"' && bytes.IndexByte(b[1:end], '\\') >= 0) || (q == '\'' && end+1 < len(b) && b[end+1] == '\'') {
		return nil, nil
	}
	style := yaml.DoubleQuotedStyle
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: "!!str", Value: string(b[1:end]), Line: line, Column: col}, b[end+1:]
}

// plainStart reports whether text may be a plain scalar as far as its
// first character goes: not empty and not starting with an indicator.
func plainStart(text []byte) bool {
	return len(text) > 0 && strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", text[0]) < 0
}

// flowSeq reads a flow sequence of scalars, [甲, "乙", 丙], that ends its
// line.
func flowSeq(b []byte, line, col int) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: line, Column: col}
	b, col = b[1:], col+1
	for {
		b, col = skipSpaces(b, col)
		if len(b) == 0 {
			return nil
		}
		if b[0] == ']' && len(seq.Content) == 0 {
			b = b[1:]
			break
		}
		var item *yaml.Node
		if b[0] == '"' || b[0] == '\'' {
			var rest []byte
			if item, rest = quoted(b, line, col); item == nil {
				return nil
			}
			col += utf8.RuneCount(b[:len(b)-len(rest)])
			b = rest
		} else {
			end := bytes.IndexAny(b, ",]")
			if end < 0 {
				return nil
			}
			text := bytes.TrimRight(b[:end], " ")
			// any indicator inside a flow item may mean something to the
			// library (it refuses [a?], for one): left to it
			if !plainStart(text) || bytes.ContainsAny(text, "[]{}:#?&*!|>'\"%@`") {
				return nil
			}
			if item = scalarNode(string(text), 0, line, col); item == nil {
				return nil
			}
			col += utf8.RuneCount(b[:end])
			b = b[end:]
		}
		seq.Content = append(seq.Content, item)
		b, col = skipSpaces(b, col)
		if len(b) == 0 {
			return nil
		}
		sep := b[0]
		b, col = b[1:], col+1
		if sep == ']' {
			break
		}
		if sep != ',' {
			return nil
		}
	}
	if len(bytes.TrimRight(b, " ")) > 0 {
		return nil
	}
	return seq
}

// blockSeq reads the block sequence of scalars on the lines after a key
// whose value is empty; first is the line number of lines[0]. It returns
// the sequence and the number of lines read, nil and 0 when the next line
// that is not blank holds another key (the value is null), and nil and 1
// when the lines hold something else.
func blockSeq(lines [][]byte, first int) (*yaml.Node, int) {
	var seq *yaml.Node
	indent, used := -1, 0
	for i, line := range lines {
		text := bytes.TrimLeft(line, " ")
		if len(text) == 0 {
			continue
		}
		ind := len(line) - len(text)
		if len(text) < 2 || text[0] != '-' || text[1] != ' ' {
			if ind == 0 && (seq != nil || keyEnd(line) >= 0) {
				break // the next key
			}
			return nil, 1
		}
		if indent < 0 {
			indent = ind
			seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: first + i, Column: ind + 1}
		} else if ind != indent {
			return nil, 1
		}
		rest, col := skipSpaces(text[1:], ind+2)
		if len(rest) == 0 || rest[0] == '[' {
			return nil, 1
		}
		item := blockScalar(rest, first+i, col)
		if item == nil {
			return nil, 1
		}
		seq.Content = append(seq.Content, item)
		used = i + 1
	}
	return seq, used
}

// scalarNode returns the node of a plain scalar (style 0) or of a quoted
// one with its tag resolved as the YAML library resolves it, or nil when
// that takes more than a glance.
func scalarNode(text string, style yaml.Style, line, col int) *yaml.Node {
	tag := "!!str"
	if style == 0 {
		var ok bool
		if tag, ok = plainTag(text); !ok {
			return nil
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: tag, Value: text, Line: line, Column: col}
}

// plainTag resolves the tag of a plain scalar the way the YAML library
// does for the values front matter holds; ok is false for the rest.
func plainTag(s string) (tag string, ok bool) {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool", true
	case "~", "null", "Null", "NULL":
		return "!!null", true
	}
	switch c := s[0]; {
	case c == '+' || c == '-' || c == '.' || c == '<':
		return "", false
	case c < '0' || c > '9':
		return "!!str", true
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	switch {
	case digits == len(s) && (s[0] != '0' || len(s) == 1) && len(s) <= 18:
		return "!!int", true
	case len(s) == len("2006-01-02") && digits == 4 && isDate(s):
		if _, err := time.Parse("2006-1-2", s); err == nil {
			return "!!timestamp", true
		}
	case len(s) == len("2006-01-02 15:04") && digits == 4 && isDate(s[:10]) && s[10] == ' ' &&
		isDigits(s[11:13]) && s[13] == ':' && isDigits(s[14:]):
		return "!!str", true // no seconds: not a YAML timestamp
	}
	return "", false
}

// isDate reports whether s is shaped like 2006-01-02.
func isDate(s string) bool {
	return isDigits(s[:4]) && s[4] == '-' && isDigits(s[5:7]) && s[7] == '-' && isDigits(s[8:10])
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}
