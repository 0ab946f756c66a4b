package theme

import (
	"bytes"
	"fmt"
	"strings"
)

// MinifyHTML minifies a piece of HTML, appending it to dst (publish's
// minifier). The theme uses it to minify template text once, when the
// theme is loaded, instead of every page it renders.
type MinifyHTML func(dst *bytes.Buffer, src []byte) error

// Template text is minified once, at load, rather than in every page: each
// action ({{ ... }}) is swapped for a placeholder that minify keeps as it
// is, the text is minified, and the actions are put back. A page rendered
// from such templates needs no minifying of its own, except for the HTML
// that values bring in: build minifies what Markdown makes as it converts
// it (the chart package writes its SVG compact itself).
//
// The placeholder is text with a space inside, so that minify leaves it
// alone as text and keeps the quotes of an attribute value that holds one:
// html/template then escapes the value for a quoted attribute, as in the
// source. It starts with a letter, so minify keeps what could join the
// value: "&amp;" stays "&amp;" before it, since "&amp;{{ .X }}" with X
// "lt;" must not become "&lt;". A template is left as written (and its
// pages minified whole) when any placeholder does not come back exactly
// once and in order: minify dropped it (in a comment, as the value of a
// boolean attribute). An inline script holding an action is not valid
// script to minify, which then leaves the script as it is.
const placeholderMark = "yipinaction"

func placeholder(i int) string { return fmt.Sprintf("%s%d %s", placeholderMark, i, placeholderMark) }

// preminify returns src with its text minified and its actions unchanged,
// or false when it must stay as written.
//
// Text is not allowed between the options of a <select>, and minify drops
// it there, placeholders included. Placeholders dropped in a first try go
// in as options of their own in a second, and come out whole.
func preminify(src []byte, minify MinifyHTML) ([]byte, bool) {
	if bytes.Contains(src, []byte(placeholderMark)) {
		return nil, false
	}
	actions, ok := templateActions(src)
	if !ok {
		return nil, false // unclosed action: the parser reports it on the original
	}
	var asOption map[int]bool
	for {
		text, ok := withPlaceholders(src, actions, asOption, minify)
		if !ok {
			return nil, false
		}
		dropped := map[int]bool{}
		for i := range actions {
			if !strings.Contains(text, placeholder(i)) {
				dropped[i] = true
			}
		}
		if len(dropped) == 0 {
			return restore(src, actions, asOption, text)
		}
		if asOption != nil {
			return nil, false // dropped as an option too: a comment, a boolean attribute
		}
		asOption = dropped
	}
}

// withPlaceholders minifies src with each action swapped for its
// placeholder, those in asOption wrapped in an option of their own.
func withPlaceholders(src []byte, actions [][2]int, asOption map[int]bool, minify MinifyHTML) (string, bool) {
	var in bytes.Buffer
	last := 0
	for i, a := range actions {
		in.Write(src[last:a[0]])
		in.WriteString(stand(i, asOption))
		last = a[1]
	}
	in.Write(src[last:])
	var min bytes.Buffer
	if minify(&min, in.Bytes()) != nil {
		return "", false
	}
	return min.String(), true
}

// stand is what stands for action i in the text given to minify.
func stand(i int, asOption map[int]bool) string {
	if asOption[i] {
		return "<option>" + placeholder(i) + "</option>"
	}
	return placeholder(i)
}

// restore puts the actions back into the minified text, checking that
// each comes back exactly once and in order.
func restore(src []byte, actions [][2]int, asOption map[int]bool, text string) ([]byte, bool) {
	out := make([]byte, 0, len(text)+len(src))
	for i, a := range actions {
		p := stand(i, asOption)
		j := strings.Index(text, p)
		if j < 0 {
			return nil, false
		}
		before := text[:j]
		if strings.Contains(before, placeholderMark) {
			return nil, false // minify made a placeholder twice
		}
		if a[0] > 0 && !isSpace(src[a[0]-1]) && (strings.HasSuffix(before, `" `) || strings.HasSuffix(before, `' `)) {
			// an action among attributes reads to minify as one more
			// attribute, so it puts a space before it; after a quoted
			// value, the source had none and needs none
			before = before[:len(before)-1]
		}
		out = append(out, before...)
		out = append(out, src[a[0]:a[1]]...)
		text = text[j+len(p):]
	}
	if strings.Contains(text, placeholderMark) {
		return nil, false
	}
	return append(out, text...), true
}

// templateActions finds each action of a template source with the default
// delimiters: the start and end offset of every "{{ ... }}". A "}}" inside
// a string, a raw string, a character constant or a comment does not end
// the action. It reports false for an action that is never closed.
func templateActions(src []byte) ([][2]int, bool) {
	var out [][2]int
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			return out, true
		}
		start := i + j
		end, ok := actionEnd(src, start+2)
		if !ok {
			return nil, false
		}
		out = append(out, [2]int{start, end})
		i = end
	}
}

// actionEnd returns the offset just past the "}}" that closes the action
// whose body starts at i.
func actionEnd(src []byte, i int) (int, bool) {
	rest := bytes.TrimLeft(src[i:], "- \t\r\n")
	if bytes.HasPrefix(rest, []byte("/*")) {
		k := bytes.Index(rest[2:], []byte("*/"))
		if k < 0 {
			return 0, false
		}
		i = len(src) - len(rest) + 2 + k + 2
	}
	for i < len(src) {
		switch c := src[i]; c {
		case '}':
			if i+1 < len(src) && src[i+1] == '}' {
				return i + 2, true
			}
			i++
		case '"', '\'':
			i++
			for i < len(src) && src[i] != c && src[i] != '\n' {
				if src[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case '`':
			k := bytes.IndexByte(src[i+1:], '`')
			if k < 0 {
				return 0, false
			}
			i += k + 2
		default:
			i++
		}
	}
	return 0, false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
