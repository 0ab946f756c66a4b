package theme

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"yipin/generator/diag"
	"yipin/generator/markdown"
	"yipin/generator/site"
)

// markdownifyLinks is Env.MarkdownifyLinks as a build would make it: the
// page converter with each link handed to resolve, a lone paragraph
// without its <p>.
func markdownifyLinks(md *markdown.Converter) func(string, func(string) (string, *diag.Diagnostic)) (template.HTML, []*diag.Diagnostic) {
	return func(s string, resolve func(string) (string, *diag.Diagnostic)) (template.HTML, []*diag.Diagnostic) {
		res := md.Convert(markdown.Document{Body: []byte(s), Resolve: resolve})
		html := bytes.TrimSuffix(res.HTML, []byte("\n"))
		if bytes.Count(html, []byte("<p>")) == 1 {
			html = bytes.TrimSuffix(bytes.TrimPrefix(html, []byte("<p>")), []byte("</p>"))
		}
		return template.HTML(html), res.Diagnostics
	}
}

// markdownify resolves links as page bodies do: site paths get the base
// path, .md files become their pages' URLs, relative to the page the
// template gives or to content/, and a page that does not exist is an
// error at the template, not a broken link.
func TestMarkdownifyLinks(t *testing.T) {
	pages := testPages(t) // news/b.md, news/a.md, cases/d.md, cases/_index.md, news/e.md
	s := pages[0].Site
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"layouts/root.html": "{{ markdownify .Title }}",
		"layouts/page.html": "<div>\n  {{ markdownify .Title $ }}</div>",
		"layouts/two.html":  "{{ markdownify .Title $ $ }}",
	})
	env := testEnv(t)
	env.MarkdownifyLinks = markdownifyLinks(markdown.New(markdown.Options{}))
	env.Site = func() *site.Site { return s }
	th, ds := Load([]Dir{{Path: dir, Display: "themes/test"}}, env)
	if len(ds) > 0 {
		t.Fatal(ds[0].Long())
	}
	from := pages[1] // content/news/a.md
	tests := []struct {
		layout, text string
		want         string
	}{
		{"root.html", "[链接](/news/)", `<a href="/dangjian/news/">链接</a>`},
		{"root.html", "[案例](/cases/d.md#成效)", `<a href="/dangjian/cases/d/#%E6%88%90%E6%95%88">案例</a>`},
		{"root.html", "[案例](cases/d.md)", `<a href="/dangjian/cases/d/">案例</a>`},
		{"root.html", "[外部](https://www.gov.cn/) [锚点](#top)", `<a href="https://www.gov.cn/">外部</a> <a href="#top">锚点</a>`},
		{"root.html", "**粗体**", "<strong>粗体</strong>"},
		{"page.html", "[同栏目](b.md)", `<div><a href="/dangjian/news/b/">同栏目</a></div>`},
		{"page.html", "[案例](../cases/d.md)", `<div><a href="/dangjian/cases/d/">案例</a></div>`},
	}
	for _, tt := range tests { // (the layouts' text is minified at load)
		var b bytes.Buffer
		data := &site.Page{Title: tt.text, Site: s, File: from.File}
		if tt.layout == "page.html" {
			data = from.WithPager(nil)
			data.Title = tt.text
		}
		if _, d := th.Execute(&b, tt.layout, data, data); d != nil {
			t.Errorf("%s %q: %s", tt.layout, tt.text, d.Long())
		} else if b.String() != tt.want {
			t.Errorf("%s %q = %q, want %q", tt.layout, tt.text, b.String(), tt.want)
		}
	}

	errs := []struct {
		layout, text string
		line, col    int
		msg, hint    string
	}{
		{"root.html", "[案例](/cases/yinzhou-145.md)", 1, 4, "markdownify 的文字里,链接的页面不存在:/cases/yinzhou-145.md", "从 content/ 文件夹算起"},
		{"page.html", "见[此文](nope.md)", 2, 6, "链接的页面不存在:nope.md", "content/news/a.md 所在的文件夹"},
		{"page.html", "[外面](../../x.md)", 2, 6, "指向了内容文件夹之外", "相对路径从 content/news/a.md"},
		{"two.html", "x", 1, 4, "markdownify 只接受一段文字和一个页面", "markdownify .Brand.Meaning $"},
	}
	for _, tt := range errs {
		data := from.WithPager(nil)
		data.Title = tt.text
		var b bytes.Buffer
		_, d := th.Execute(&b, tt.layout, data, data)
		if d == nil {
			t.Errorf("%s %q: no error; output %q", tt.layout, tt.text, b.String())
			continue
		}
		if d.File != "themes/test/layouts/"+tt.layout || d.Line != tt.line || d.Col != tt.col ||
			!strings.Contains(d.Message, tt.msg) || !strings.Contains(d.Hint, tt.hint) {
			t.Errorf("%s %q: %s\nwant %d:%d %q, hint with %q", tt.layout, tt.text, d.Error(), tt.line, tt.col, tt.msg, tt.hint)
		}
	}
}

// Without MarkdownifyLinks (or before the site exists) markdownify is
// Markdownify, links as written.
func TestMarkdownifyWithoutLinks(t *testing.T) {
	if got := render(t, `{{ markdownify "[链接](/news/)" }}`, nil); got != "<md>[链接](/news/)</md>" {
		t.Errorf("markdownify = %q", got)
	}
	env := testEnv(t)
	env.MarkdownifyLinks = markdownifyLinks(markdown.New(markdown.Options{}))
	f := (&Theme{}).markdownify(env)
	if got, err := f("[链接](/news/x.md)"); err != nil || got != `<a href="/news/x.md">链接</a>` {
		t.Errorf("markdownify without a site = %q, %v", got, err)
	}
}
