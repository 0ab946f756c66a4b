package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSummaryLinks: links in a summary written in the front matter are
// resolved like the body's, and a feed gives them as full URLs.
func TestSummaryLinks(t *testing.T) {
	site := "title: 测试站点\ntheme: {{theme}}\nbase_url: https://example.gov.cn/dangjian/\n"
	root := writeSite(t, map[string]string{
		"site.yaml":         site,
		"content/news/a.md": "---\ntitle: 甲\ndate: 2024-01-01\n---\n正文。\n",
		"content/b.md":      "---\ntitle: 乙\ndate: 2024-01-02\nsummary: 见[甲](news/a.md)和[首页](/)。\n---\n正文。\n",
	})
	if _, err := buildSite(root); err != nil {
		t.Fatal(err)
	}
	feed, err := os.ReadFile(filepath.Join(root, "public", "index.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`见&lt;a href="https://example.gov.cn/dangjian/news/a/"&gt;甲&lt;/a&gt;`,
		`&lt;a href="https://example.gov.cn/dangjian/"&gt;首页&lt;/a&gt;`,
	} {
		if !strings.Contains(string(feed), want) {
			t.Errorf("index.xml lacks %s:\n%s", want, feed)
		}
	}

	// the error is where the link is written, however the value is
	for front, where := range map[string]string{
		"summary: 见[甲](nope.md)。":              "content/b.md:3:15",
		"summary: \"见[甲](nope.md)。\"":          "content/b.md:3:16",
		"summary: |\n  第一行。\n  见[甲](nope.md)。": "content/b.md:5:8",
	} {
		root, errs := failedBuild(t, map[string]string{
			"content/b.md": "---\ntitle: 乙\n" + front + "\n---\n正文。\n",
		})
		if len(errs.List) != 1 {
			t.Fatalf("%s: want one error, got:\n%v", front, errs)
		}
		d := errs.List[0]
		if got := fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col); got != where || !strings.Contains(d.Long(), "> ") ||
			!strings.Contains(d.Error(), "nope.md") {
			t.Errorf("%s: error at %s, want %s naming nope.md with its line:\n%s", front, got, where, d.Long())
		}
		assertUntouched(t, root)
	}
}

// TestMarkdownifyLinks: markdownify in a template resolves links as a
// page body does, from the page the template names, and a link to a page
// that does not exist fails the build at the template.
func TestMarkdownifyLinks(t *testing.T) {
	site := "title: 测试站点\ntheme: {{theme}}\nbase_url: https://example.gov.cn/dangjian/\n"
	layout := `{{ define "main" }}<div id="m">{{ markdownify .Params.meaning $ }}</div>{{ end }}`
	root := writeSite(t, map[string]string{
		"site.yaml":                     site,
		"layouts/_default/special.html": layout,
		"content/news/a.md":             "---\ntitle: 甲\n---\n正文。\n",
		"content/news/b.md":             "---\ntitle: 乙\nlayout: special\nmeaning: 见[甲](a.md)和[动态](/news/)\n---\n正文。\n",
	})
	if _, err := buildSite(root); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(root, "public", "news", "b", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<div id=m>见<a href=/dangjian/news/a/>甲</a>和<a href=/dangjian/news/>动态</a></div>`; !strings.Contains(string(page), want) {
		t.Errorf("page lacks %s:\n%s", want, page)
	}

	_, errs := failedBuild(t, map[string]string{
		"layouts/_default/special.html": layout,
		"content/news/b.md":             "---\ntitle: 乙\nlayout: special\nmeaning: 见[甲](nope.md)\n---\n正文。\n",
	})
	if len(errs.List) != 1 || errs.List[0].File != "layouts/_default/special.html" || !strings.Contains(errs.List[0].Error(), "nope.md") {
		t.Errorf("want one error at the template naming nope.md, got:\n%v", errs)
	}
}

// TestRootedLinks: a link in a page to a site path is checked against
// everything the build publishes: pages, copied files, generated files.
func TestRootedLinks(t *testing.T) {
	page := "---\ntitle: 乙\n---\n见[甲](/news/a/)、[图](/images/a.png)、[订阅](/index.xml)和[旧](/dangjian/news/a/)。\n"
	_, errs := failedBuild(t, map[string]string{
		"content/news/a.md":   "---\ntitle: 甲\n---\n正文。\n",
		"content/b.md":        page,
		"static/images/a.png": "png",
	})
	if len(errs.List) != 1 || fmt.Sprintf("%s:%d", errs.List[0].File, errs.List[0].Line) != "content/b.md:4" ||
		!strings.Contains(errs.List[0].Message, "/dangjian/news/a/") {
		t.Errorf("want one error for the link with the base path written in, got:\n%v", errs)
	}
}
