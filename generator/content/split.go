package content

import "bytes"

// frontSplit is the result of splitting a file into front matter and body.
type frontSplit struct {
	has      bool   // the file starts with a --- line
	closed   bool   // a closing --- line was found
	yaml     []byte // between the two --- lines
	body     []byte // after the closing --- line
	bodyLine int    // 1-based line where body starts
}

// split finds the front matter of text (a file without its BOM): YAML
// between a first line "---" and the next line "---". Trailing blanks and
// CRLF line endings are allowed on both lines. All slices share text.
func split(text []byte) frontSplit {
	first, rest, ok := cutLine(text)
	if !isDashes(first) {
		return frontSplit{body: text, bodyLine: 1}
	}
	if !ok {
		return frontSplit{has: true, body: text, bodyLine: 1}
	}
	start := len(text) - len(rest)
	line := 2
	for off := start; off < len(text); line++ {
		l, after, _ := cutLine(text[off:])
		if isDashes(l) {
			return frontSplit{
				has: true, closed: true,
				yaml:     text[start:off],
				body:     after,
				bodyLine: line + 1,
			}
		}
		off = len(text) - len(after)
	}
	return frontSplit{has: true, body: text, bodyLine: 1}
}

// cutLine returns the first line of b without its "\n", and the rest.
// ok is false when b has no "\n".
func cutLine(b []byte) (line, rest []byte, ok bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, b[len(b):], false
}

// isDashes reports whether line is "---" followed only by blanks or "\r".
func isDashes(line []byte) bool {
	return bytes.HasPrefix(line, []byte("---")) && len(bytes.TrimRight(line[3:], " \t\r")) == 0
}
