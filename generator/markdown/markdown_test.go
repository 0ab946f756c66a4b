package markdown

import (
	"strings"
	"testing"

	"yipin/generator/diag"
)

// body converts s with o and returns the HTML.
func body(t *testing.T, o Options, s string) string {
	t.Helper()
	return string(New(o).Convert(Document{File: "t.md", Body: []byte(s)}).HTML)
}

// para wraps s the way a single paragraph renders.
func para(s string) string { return "<p>" + s + "</p>\n" }

func TestConvertEmpty(t *testing.T) {
	r := New(Options{}).Convert(Document{})
	if len(r.HTML) != 0 || len(r.Summary) != 0 || r.Truncated || r.WordCount != 0 ||
		r.ReadingTime != 1 || len(r.TOC) != 0 || len(r.Headings) != 0 || len(r.Diagnostics) != 0 {
		t.Errorf("empty body: got %+v", r)
	}
}

// Convert writes into Document.Out when given one, from its start, and
// the summary before <!--more--> shares it.
func TestConvertInto(t *testing.T) {
	c := New(Options{})
	out := append(make([]byte, 0, 4096), "old text"...)
	r := c.Convert(Document{Body: []byte("前言。\n\n<!--more-->\n\n正文。"), Out: out})
	if string(r.HTML) != "<p>前言。</p>\n<p>正文。</p>\n" || &r.HTML[0] != &out[:1][0] {
		t.Errorf("HTML = %q, in the given buffer: %v", r.HTML, &r.HTML[0] == &out[:1][0])
	}
	if string(r.Summary) != "<p>前言。</p>\n" || &r.Summary[0] != &out[:1][0] {
		t.Errorf("Summary = %q", r.Summary)
	}
	if again := c.Convert(Document{Body: []byte("前言。\n\n<!--more-->\n\n正文。")}); string(again.HTML) != string(r.HTML) {
		t.Errorf("without Out: %q", again.HTML)
	}
}

func TestExtensions(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"table", "| 项目 | 进度 |\n|---|:-:|\n| 学习 | 完成 |",
			"<table>\n<thead>\n<tr>\n<th>项目</th>\n<th align=\"center\">进度</th>\n</tr>\n</thead>\n" +
				"<tbody>\n<tr>\n<td>学习</td>\n<td align=\"center\">完成</td>\n</tr>\n</tbody>\n</table>\n"},
		{"task list", "- [x] 学习\n- [ ] 讨论",
			"<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> 学习</li>\n" +
				"<li><input disabled=\"\" type=\"checkbox\"> 讨论</li>\n</ul>\n"},
		{"strikethrough", "~~旧的~~新的", para("<del>旧的</del>新的")},
		{"linkify", "网址 https://www.gov.cn ，请访问", para(`网址 <a href="https://www.gov.cn">https://www.gov.cn</a> ，请访问`)},
		{"definition list", "党支部\n: 党的基础组织", "<dl>\n<dt>党支部</dt>\n<dd>党的基础组织</dd>\n</dl>\n"},
		{"footnote", "见注[^1]\n\n[^1]: 注文", para(`见注<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`) +
			"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n" +
			"<p>注文&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n"},
		{"typographer off", `他说"好"--是的...'对'`, para(`他说&quot;好&quot;--是的...'对'`)},
		{"chinese quotes kept", "“两个确立”‘四个意识’", para("“两个确立”‘四个意识’")},
		{"escaped space vanishes", `中文\ 中文`, para("中文中文")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := body(t, Options{}, tt.in); got != tt.want {
				t.Errorf("\n in: %q\ngot: %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	c := New(Options{TOCMinLevel: 3, TOCMaxLevel: 1})
	if c.opts.SummaryLength != 120 || c.opts.ReadingSpeed != 400 || c.opts.TOCMinLevel != 3 || c.opts.TOCMaxLevel != 3 {
		t.Errorf("options after defaults: %+v", c.opts)
	}
}

func TestCSS(t *testing.T) {
	c := New(Options{})
	css := string(c.CSS())
	for _, want := range []string{".chroma", ".chroma .k ", ".chroma .s "} {
		if !strings.Contains(css, want) {
			t.Errorf("CSS lacks %q:\n%s", want, css)
		}
	}
	c.CSS()[0] = 'X' // callers own their copy
	if string(c.CSS()) != css {
		t.Error("CSS changed after a caller wrote to its copy")
	}
}

func TestConvertRecovers(t *testing.T) {
	doc := Document{File: "a.md", BodyLine: 4, Body: []byte("[x](y.md)"),
		Resolve: func(string) (string, *diag.Diagnostic) { panic("boom") }}
	r := New(Options{}).Convert(doc)
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].Line != 4 || !strings.Contains(r.Diagnostics[0].Message, "boom") {
		t.Errorf("diagnostics after a panic: %v", r.Diagnostics)
	}
}

// TestFragment: a short text renders as Inline does, with its links
// handed to Resolve and their problems returned; one paragraph comes back
// without its <p>, several keep theirs.
func TestFragment(t *testing.T) {
	c := New(Options{})
	resolve := func(dest string) (string, *diag.Diagnostic) {
		if dest == "nope.md" {
			return dest, diag.New("", 0, 0, "链接的页面不存在:%s", dest)
		}
		return "/dangjian" + dest, nil
	}
	cases := []struct{ in, want, problem string }{
		{"**重点**,没有链接", string(c.Inline("**重点**,没有链接")), ""},
		{"见[动态](/news/)。", `见<a href="/dangjian/news/">动态</a>。`, ""},
		{"第一段[甲](/a/)\n\n第二段", "<p>第一段<a href=\"/dangjian/a/\">甲</a></p>\n<p>第二段</p>", ""},
		{"见[乙](nope.md)", `见<a href="nope.md">乙</a>`, "nope.md"},
	}
	for _, tt := range cases {
		html, ds := c.Fragment(Document{File: "content/a.md", Body: []byte(tt.in), BodyLine: 3, Resolve: resolve})
		if string(html) != tt.want {
			t.Errorf("Fragment(%q) = %q, want %q", tt.in, html, tt.want)
		}
		if got := len(ds) == 1 && ds[0].Line == 3 && strings.Contains(ds[0].Message, tt.problem); got != (tt.problem != "") {
			t.Errorf("Fragment(%q) diagnostics %v, want one about %q", tt.in, ds, tt.problem)
		}
	}
}
