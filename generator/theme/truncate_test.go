package theme

import (
	"html/template"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

func TestTruncateString(t *testing.T) {
	tests := []struct {
		name string
		n    int
		in   string
		want string
	}{
		{"cut by characters, not bytes", 5, "党建品牌建设工作", "党建品牌建……"},
		{"exactly n is not cut", 4, "党建品牌", "党建品牌"},
		{"shorter is not cut", 10, "党建", "党建"},
		{"mixed scripts", 3, "ab党建cd", "ab党……"},
		{"ASCII", 5, "Hello, world", "Hello……"},
		{"empty", 3, "", ""},
		{"zero", 0, "党建", "……"},
		{"zero and empty", 0, "", ""},
		{"negative", -2, "党建", "……"},
		{"markup in a string is just text", 3, "<b>党建</b>", "<b>……"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Truncate(tt.n, tt.in)
			s, ok := got.(string)
			if !ok {
				t.Fatalf("Truncate(%d, string) returned %T", tt.n, got)
			}
			if s != tt.want {
				t.Errorf("Truncate(%d, %q) = %q, want %q", tt.n, tt.in, s, tt.want)
			}
			if !utf8.ValidString(s) {
				t.Errorf("result is not valid UTF-8: %q", s)
			}
		})
	}
}

func TestTruncateHTML(t *testing.T) {
	tests := []struct {
		name string
		n    int
		in   string
		want string
	}{
		{"cut inside a paragraph closes it", 4, "<p>党建品牌建设</p>", "<p>党建品牌……</p>"},
		{"not cut", 2, "<p>党建</p>", "<p>党建</p>"},
		{"exactly n with a trailing newline is not cut", 2, "<p>党建</p>\n", "<p>党建</p>\n"},
		{"newlines between blocks are not text", 3, "<p>ab</p>\n<p>cd</p>\n", "<p>ab</p>\n<p>c……</p>"},
		{"whole document of blocks fits", 4, "<p>ab</p>\n<p>cd</p>\n", "<p>ab</p>\n<p>cd</p>\n"},
		{"tags and attributes are not counted", 3, `<p><a href="/news/very/long/path/">链接文字很长</a>后面</p>`, `<p><a href="/news/very/long/path/">链接文……</a></p>`},
		{"nested tags all closed, innermost first", 2, "<div><p><strong>加粗文字</strong>普通</p></div>", "<div><p><strong>加粗……</strong></p></div>"},
		{"a tag closed before the cut is not closed again", 3, "<p><b>ab</b>cd</p>", "<p><b>ab</b>c……</p>"},
		{"void elements are not closed", 2, "<p>a<br>b<img src=\"x.png\" alt=\"\">c</p>", "<p>a<br>b<img src=\"x.png\" alt=\"\">……</p>"},
		{"self-closing tags kept", 2, "<p>a<br/>bc</p>", "<p>a<br/>b……</p>"},
		{"an entity counts as one character", 3, "<p>A&amp;B C</p>", "<p>A&amp;B……</p>"},
		{"never cut inside an entity", 2, "<p>a&amp;b</p>", "<p>a&amp;……</p>"},
		{"named entity", 1, "<p>&lt;党&gt;</p>", "<p>&lt;……</p>"},
		{"Chinese counted as characters", 2, "<em>清廉机关</em>", "<em>清廉……</em>"},
		{"comments kept and not counted", 2, "<!-- note --><p>党建品牌</p>", "<!-- note --><p>党建……</p>"},
		{"empty", 5, "", ""},
		{"zero", 0, "<p>a</p>", "<p>……</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Truncate(tt.n, template.HTML(tt.in))
			h, ok := got.(template.HTML)
			if !ok {
				t.Fatalf("Truncate(%d, HTML) returned %T", tt.n, got)
			}
			if string(h) != tt.want {
				t.Errorf("Truncate(%d, %q) =\n%q\nwant\n%q", tt.n, tt.in, h, tt.want)
			}
			if strings.Contains(string(h), "……") != strings.Contains(tt.want, "……") {
				t.Errorf("ellipsis should appear only when cut")
			}
			if got := textLen(string(h)); got > max(tt.n, 0)+2 {
				t.Errorf("result has %d characters of text, more than %d plus the ellipsis", got, tt.n)
			}
		})
	}
}

func TestTruncateOtherTypes(t *testing.T) {
	if got := Truncate(1, 12345); got != 12345 {
		t.Errorf("Truncate of an int = %v, want it unchanged", got)
	}
	if got := Truncate(1, nil); got != nil {
		t.Errorf("Truncate of nil = %v", got)
	}
}

func TestTruncateInTemplate(t *testing.T) {
	// A string result is escaped like any string; an HTML result is not.
	data := struct {
		Title   string
		Content template.HTML
	}{"<关于>开展主题党日", "<p><b>关于</b>开展主题党日</p>"}
	got := render(t, `{{ truncate 3 .Title }}|{{ truncate 3 .Content }}`, data)
	if want := "&lt;关于……|<p><b>关于</b>开……</p>"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// textLen counts the characters of text in an HTML fragment.
func textLen(s string) int {
	z := html.NewTokenizer(strings.NewReader(s))
	n := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.TextToken:
			n += utf8.RuneCountInString(strings.TrimSpace(html.UnescapeString(string(z.Raw()))))
		}
	}
}

func TestPlainify(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs are separated", "<p>第一段</p>\n<p>第二段</p>", "第一段 第二段"},
		{"paragraphs without white space are separated", "<p>第一段</p><p>第二段</p>", "第一段 第二段"},
		{"inline tags do not split words", "以<strong>党建品牌</strong>统领<em>财政</em>工作", "以党建品牌统领财政工作"},
		{"links and code are inline", `见<a href="/x/">通知</a>和<code>go</code>`, "见通知和go"},
		{"line breaks separate", "第一行<br>第二行", "第一行 第二行"},
		{"list items are separated", "<ul><li>一</li><li>二</li></ul>", "一 二"},
		{"headings are separated", "<h2>标题</h2><p>正文</p>", "标题 正文"},
		{"entities decoded", "<p>a &amp; b &lt;c&gt; &quot;d&quot;</p>", `a & b <c> "d"`},
		{"white space collapsed", "  a \n\t b  ", "a b"},
		{"comments dropped", "<!-- note -->正文", "正文"},
		{"images dropped", `图<img src="a.png" alt="说明">片`, "图片"},
		{"scripts and styles dropped", "<p>甲</p><script>var x = \"<p>乙</p>\";</script><style>p{color:red}</style>丙",
			"甲 丙"},
		{"unclosed script drops the rest", "甲<script>x", "甲"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Plainify(template.HTML(tt.in)); got != tt.want {
				t.Errorf("Plainify(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
