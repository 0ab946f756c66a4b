package theme

import (
	"html/template"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Truncate cuts text to at most n characters (not bytes, not words) and
// appends "……" when it cut. Given template.HTML it counts only the text,
// never cuts inside a tag or an entity, and closes the tags it leaves open.
func Truncate(n int, v any) any {
	switch s := v.(type) {
	case template.HTML:
		return template.HTML(truncateHTML(n, string(s)))
	case string:
		if utf8.RuneCountInString(s) <= n {
			return s
		}
		return string([]rune(s)[:max(n, 0)]) + "……"
	}
	return v
}

// Plainify returns the text of an HTML fragment, tags removed and runs of
// white space collapsed, for meta descriptions and feeds. Block elements
// and line breaks become a space; inline elements (strong, a, code …)
// leave none; scripts and style sheets leave nothing.
func Plainify(h template.HTML) string {
	if !strings.ContainsRune(string(h), '<') {
		// No tags (an automatic summary is escaped text): only entities
		// and white space to undo, without the tokenizer.
		return strings.Join(strings.Fields(html.UnescapeString(string(h))), " ")
	}
	z := html.NewTokenizer(strings.NewReader(string(h)))
	var b strings.Builder
	code := false // inside <script> or <style>, whose text is not for readers
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			if !code {
				b.WriteString(html.UnescapeString(string(z.Raw())))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			// Block elements and line breaks separate words; inline
			// elements do not: 以<strong>党建</strong>统领 is one run of text.
			name, _ := z.TagName()
			if !isInline(string(name)) {
				b.WriteByte(' ')
			}
			if n := string(name); n == "script" || n == "style" {
				code = tt == html.StartTagToken
			}
		}
	}
}

// isInline reports whether an HTML element is inline text markup, which
// Plainify removes without leaving a space.
func isInline(name string) bool {
	switch name {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "img",
		"ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr":
		return true
	}
	return false
}

func truncateHTML(n int, s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	var open []string
	count := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			text := html.UnescapeString(string(z.Raw()))
			if strings.TrimSpace(text) == "" {
				// White space between tags (the newline after </p>) is
				// layout, not text: it is kept and not counted, so that
				// HTML that fits is never cut.
				b.WriteString(text)
				continue
			}
			left := n - count
			if utf8.RuneCountInString(text) <= left {
				b.WriteString(html.EscapeString(text))
				count += utf8.RuneCountInString(text)
				continue
			}
			b.WriteString(html.EscapeString(string([]rune(text)[:max(left, 0)])))
			b.WriteString("……")
			for i := len(open) - 1; i >= 0; i-- {
				b.WriteString("</" + open[i] + ">")
			}
			return b.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			if !isVoid(string(name)) {
				open = append(open, string(name))
			}
			b.Write(z.Raw())
		case html.EndTagToken:
			name, _ := z.TagName()
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == string(name) {
					open = open[:i]
					break
				}
			}
			b.Write(z.Raw())
		default:
			b.Write(z.Raw())
		}
	}
}

// isVoid reports whether an HTML element has no end tag.
func isVoid(name string) bool {
	switch name {
	case "area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}
