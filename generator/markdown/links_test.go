package markdown

import (
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"yipin/generator/diag"
)

// resolver answers from a table; destinations not in it are missing.
type resolver struct {
	targets map[string]string
	asked   []string
}

func (r *resolver) resolve(dest string) (string, *diag.Diagnostic) {
	r.asked = append(r.asked, dest)
	if to, ok := r.targets[dest]; ok {
		return to, nil
	}
	return "", diag.New("", 0, 0, "链接的页面不存在:%s", dest).WithHint("检查文件名")
}

func TestResolveCalls(t *testing.T) {
	src := "[页](../cases/145.md#成效) [关于](/about/) [图](photo.jpg)\n" +
		"![照片](img/a.png \"标题\") [锚](#top) [站外](https://www.gov.cn/) [协议相对](//cdn.example.com/a.js)\n" +
		"[邮件](mailto:a@b.cn) [电话](tel:12345) [空]() <https://auto.link/> www.linkify.cn\n" +
		"[转义](a\\_b.md) [尖括号](<有 空格.md>) [引用][r] [查询](?page=2)\n\n" +
		"[r]: ref/target.md\n"
	r := &resolver{targets: map[string]string{
		"../cases/145.md#成效": "/cases/145/#成效",
		"/about/":            "/about/",
		"photo.jpg":          "/news/photo.jpg",
		"img/a.png":          "/news/img/a.png",
		"a_b.md":             "/a_b/",
		"有 空格.md":            "/space/",
		"ref/target.md":      "/ref/target/",
		"?page=2":            "",
	}}
	res := New(Options{}).Convert(Document{File: "a.md", Body: []byte(src), Resolve: r.resolve})
	wantAsked := []string{"../cases/145.md#成效", "/about/", "photo.jpg", "img/a.png", "a_b.md", "有 空格.md", "ref/target.md", "?page=2"}
	if !reflect.DeepEqual(r.asked, wantAsked) {
		t.Errorf("Resolve called with\n %q\nwant\n %q", r.asked, wantAsked)
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics: %v", res.Diagnostics)
	}
	html := string(res.HTML)
	for _, want := range []string{
		`<a href="/cases/145/#%E6%88%90%E6%95%88">页</a>`,
		`<a href="/about/">关于</a>`,
		`<a href="/news/photo.jpg">图</a>`,
		`<img src="/news/img/a.png" alt="照片" title="标题">`,
		`<a href="#top">锚</a>`,
		`<a href="https://www.gov.cn/">站外</a>`,
		`<a href="//cdn.example.com/a.js">协议相对</a>`,
		`<a href="mailto:a@b.cn">邮件</a>`,
		`<a href="/a_b/">转义</a>`,
		`<a href="/space/">尖括号</a>`,
		`<a href="/ref/target/">引用</a>`,
		`<a href="?page=2">查询</a>`, // "" keeps the destination
	} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s\n%s", want, html)
		}
	}
}

func TestResolveDiagnosticPosition(t *testing.T) {
	// The body starts at line 6 of the file (after the front matter).
	src := "第一段。\n\n" +
		"参见**[典型案例](../cases/999.md#成效)**。\n" +
		"下一行\n"
	r := &resolver{}
	res := New(Options{}).Convert(Document{File: "content/news/a.md", Body: []byte(src), BodyLine: 6, Resolve: r.resolve})
	if len(res.Diagnostics) != 1 {
		t.Fatalf("diagnostics: %v", res.Diagnostics)
	}
	d := res.Diagnostics[0]
	if d.File != "content/news/a.md" || d.Line != 8 || d.Col != 12 || d.Severity != diag.Error {
		t.Errorf("diagnostic at %s (severity %d); want content/news/a.md:8:12", d.Location(), d.Severity)
	}
	if d.Message != "链接的页面不存在:../cases/999.md#成效" || d.Hint != "检查文件名" {
		t.Errorf("message %q hint %q", d.Message, d.Hint)
	}
	wantExcerpt := []diag.SourceLine{
		{Num: 6, Text: "第一段。"},
		{Num: 7, Text: ""},
		{Num: 8, Text: "参见**[典型案例](../cases/999.md#成效)**。"},
		{Num: 9, Text: "下一行"},
	}
	if !reflect.DeepEqual(d.Excerpt, wantExcerpt) {
		t.Errorf("excerpt %v\nwant    %v", d.Excerpt, wantExcerpt)
	}
	if !strings.Contains(string(res.HTML), `href="../cases/999.md#%E6%88%90%E6%95%88"`) {
		t.Errorf("broken destination not kept as written:\n%s", res.HTML)
	}
}

func TestDiagnosticPositions(t *testing.T) {
	src := "脚注[^1]和[坏](x.md)\n\n" +
		"[^1]: 注里的[坏链](y.md)\n\n" +
		"> - 列表里 ![](z.png)\n" +
		"\n| 表 |\n|---|\n| [格](w.md) |\n\n" +
		"[多\n行](\n  v.md)\n\n" +
		"[引][r]\n\n[r]: u.md\n"
	r := &resolver{targets: map[string]string{"z.png": "/z.png"}}
	res := New(Options{}).Convert(Document{File: "a.md", Body: []byte(src), BodyLine: 1, Resolve: r.resolve})
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, d.Location()+" "+d.Message)
	}
	want := []string{
		"a.md:1:12 链接的页面不存在:x.md",
		"a.md:3:15 链接的页面不存在:y.md", // footnotes move to the end of the HTML, not of the list
		"a.md:5:9 图片缺少替代文字(alt)",  // at the image
		"a.md:9:7 链接的页面不存在:w.md",
		"a.md:13:3 链接的页面不存在:v.md", // a destination on the next line
		"a.md:15:1 链接的页面不存在:u.md", // a reference link: where it is used
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics, in source order:\n got %q\nwant %q", got, want)
	}
}

func TestImageAlt(t *testing.T) {
	src := "![](a.png)\n\n![   ](b.png)\n\n![**描述**](c.png)\n\n[![](d.png)](/e/)\n"
	res := New(Options{}).Convert(Document{File: "p.md", Body: []byte(src), BodyLine: 4})
	var got []string
	for _, d := range res.Diagnostics {
		if d.Severity != diag.Warning || d.Message != "图片缺少替代文字(alt)" {
			t.Errorf("unexpected diagnostic %v", d)
		}
		got = append(got, d.Location()+" "+d.Hint)
	}
	want := []string{
		"p.md:4:1 写成 ![图片内容的简短描述](a.png),供读屏软件朗读",
		"p.md:6:1 写成 ![图片内容的简短描述](b.png),供读屏软件朗读",
		"p.md:10:2 写成 ![图片内容的简短描述](d.png),供读屏软件朗读",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestNeedsResolve(t *testing.T) {
	tests := map[string]bool{
		"a.md": true, "../a.md#x": true, "/about/": true, "photo.jpg": true, "?q=1": true,
		"中文.md": true, "a/b:c.md": true, "1ab:c": true,
		"": false, "#x": false, "//cdn.cn/a": false, "https://a.cn": false, "HTTP://A.CN": false,
		"mailto:a@b.cn": false, "tel:123": false, "javascript:x": false, "data:image/png;base64,": false,
		"git+ssh://x": false,
	}
	for in, want := range tests {
		if got := needsResolve([]byte(in)); got != want {
			t.Errorf("needsResolve(%q) = %v; want %v", in, got, want)
		}
	}
}

func TestLinkOffsetFallback(t *testing.T) {
	src := []byte("前文\n\n段落[链接](a.md)\n")
	para := ast.NewParagraph()
	para.Lines().Append(text.NewSegment(8, len(src)-1))
	link := ast.NewLink()
	para.AppendChild(para, link)
	if got := linkOffset(link, []byte("a.md"), src); got != 8 {
		t.Errorf("no position: offset %d; want the block's first line, 8", got)
	}
	link.SetPos(len(src) + 10)
	if got := linkOffset(link, []byte("a.md"), src); got != 8 {
		t.Errorf("position past the end: offset %d; want 8", got)
	}
	link.SetPos(14) // the '['
	if got := linkOffset(link, []byte("a.md"), src); got != 23 {
		t.Errorf("offset %d; want 23, where a.md is written", got)
	}
	if got := linkOffset(link, []byte("elsewhere.md"), src); got != 14 {
		t.Errorf("destination not found: offset %d; want the link's start, 14", got)
	}
	if got := linkOffset(ast.NewLink(), nil, src); got != 0 {
		t.Errorf("detached node: offset %d; want 0", got)
	}
}
