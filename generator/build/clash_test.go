package build

import (
	"fmt"
	"strings"
	"testing"
)

// TestOutputClashes: two outputs that would be one file, differ only in
// letter case, or need one path as both a file and a folder are an error
// at the front-matter key that chose the path, naming the other side.
func TestOutputClashes(t *testing.T) {
	article := func(front string) string { return "---\n" + front + "\n---\n正文。\n" }
	cases := []struct {
		name  string
		files map[string]string
		where string // file:line:col of the error
		other string // what it must name
		what  string // what it must say
	}{
		{"url on a page's file", map[string]string{
			"content/news/a.md": article("title: 甲"), "content/news/b.md": article("title: 乙\nurl: /news/a/index.html")},
			"content/news/b.md:3:6", "页面 content/news/a.md", "都要写出 /news/a/index.html"},
		{"alias on a page's file", map[string]string{
			"content/news/a.md": article("title: 甲"), "content/b.md": article("title: 乙\naliases: [/news/a/index.html]")},
			"content/b.md:3:10", "页面 content/news/a.md", "都要写出 /news/a/index.html"},
		{"url on the site's feed", map[string]string{
			"content/news/a.md": article("title: 甲"), "content/b.md": article("title: 乙\nurl: /index.xml")},
			"content/b.md:3:6", "的 RSS 订阅", "都要写出 /index.xml"},
		{"url on robots.txt", map[string]string{
			"content/b.md": article("title: 乙\nurl: /robots.txt")},
			"content/b.md:3:6", "自动生成的 robots.txt", "都要写出 /robots.txt"},
		{"url on the output folder's mark", map[string]string{
			"content/b.md": article("title: 乙\nurl: /.yipin-output")},
			"content/b.md:3:6", "yipin 标记输出文件夹的文件", "都要写出 /.yipin-output"},
		{"letter case", map[string]string{
			"content/news/a.md": article("title: 甲"), "content/b.md": article("title: 乙\nurl: /NEWS/A/")},
			"content/b.md:3:6", "页面 content/news/a.md", "只差大小写"},
		{"a file where a folder is needed", map[string]string{
			"content/a.md": article("title: 甲\nurl: /foo.html"), "content/b.md": article("title: 乙\nslug: x\nurl: /foo.html/")},
			"content/b.md:4:6", "页面 content/a.md", "/foo.html 要写成文件"},
		{"a page on a list's page/1/ redirect", map[string]string{
			"site.yaml":              "title: 测试站点\ntheme: {{theme}}\npage_size: 1\n",
			"content/news/_index.md": article("title: 新闻"), "content/news/a.md": article("title: 甲"),
			"content/news/page/1.md": article("title: 一")},
			"content/news/page/1.md:0:0", "第 1 页的跳转页", "都要写出 /news/page/1/index.html"},
		{"url on a page the site makes", map[string]string{
			"content/b.md": article("title: 乙\nurl: /archives/")},
			"content/b.md:3:6", "自动生成的页面", "页面网址 /archives/ 与"},
		{"a section folder on a taxonomy", map[string]string{
			"content/a.md": article("title: 甲\ntags: [党建]"), "content/tags/b.md": article("title: 乙")},
			"content/tags/:0:0", "自动生成的页面", "页面网址 /tags/ 与"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, errs := failedBuild(t, c.files)
			if len(errs.List) != 1 {
				t.Fatalf("want one error; got:\n%v", errs)
			}
			d := errs.List[0]
			msg := d.Error()
			if where := fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col); where != c.where ||
				!strings.Contains(msg, c.other) || !strings.Contains(msg, c.what) {
				t.Errorf("want an error at %s naming %q and saying %q; got:\n%v", c.where, c.other, c.what, msg)
			}
			assertUntouched(t, root)
		})
	}
}

// TestAllStagesReported: one run reports the problems of every stage
// (loading, the model, rendering), and a link to a file that failed to
// load is not reported again.
func TestAllStagesReported(t *testing.T) {
	article := func(front, body string) string { return "---\n" + front + "\n---\n" + body + "\n" }
	root, errs := failedBuild(t, map[string]string{
		"content/a.md": article("title: 甲\ndate: 明天", "正文。"),
		"content/b.md": "---\ntitle: 乙\n正文没有结束 front matter 的那一行。\n",
		"content/c.md": article("title: 丙\nslug: same", "见[乙](b.md)。"),
		"content/d.md": article("title: 丁\nslug: same", "正文。"),
		"content/e.md": article("title: 戊", "见[不存在的页面](nope.md)。"),
		// g.md would publish /zhuan/g/: while it does not load, links to
		// site paths are not checked
		"content/f.md": article("title: 己", "见[庚](/zhuan/g/)。"),
		"content/g.md": article("title: 庚: 坏\nurl: /zhuan/g/", "正文。"),
	})
	var got []string
	for _, d := range errs.List {
		got = append(got, d.File)
	}
	if want := []string{"content/a.md", "content/b.md", "content/d.md", "content/e.md", "content/g.md"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("errors in %v, want one in each of %v:\n%v", got, want, errs)
	}
	assertUntouched(t, root)
}

// TestSiteLinks: a link of site.yaml to the site itself (a menu item, a
// footer link, the badge image) that leads to nothing published is an
// error at its line, since it would be broken on every page.
func TestSiteLinks(t *testing.T) {
	siteYAML := "title: 测试站点\ntheme: {{theme}}\nmenus:\n  main:\n" +
		"    - {name: 首页, url: /}\n" +
		"    - {name: 新闻, url: /news/}\n" +
		"    - {name: 一篇, url: \"/news/a/?from=menu#top\"}\n" +
		"    - {name: 地图, url: /sitemap.xml}\n" +
		"    - {name: 不存在, url: /nosuch/}\n" +
		"footer:\n  links:\n    - {name: 旧栏目, url: /old/}\n  badge_image: /images/dzjg.png\n"
	root, errs := failedBuild(t, map[string]string{
		"site.yaml":         siteYAML,
		"content/news/a.md": "---\ntitle: 甲\n---\n正文。\n",
	})
	var got []string
	for _, d := range errs.List {
		got = append(got, fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col))
		if !strings.Contains(d.Message, "指向的页面或文件不存在") {
			t.Errorf("message: %v", d)
		}
	}
	if want := "site.yaml:9:24 site.yaml:12:24 site.yaml:13:16"; strings.Join(got, " ") != want {
		t.Errorf("errors at %v, want %s:\n%v", got, want, errs)
	}
	assertUntouched(t, root)
}

// TestPageClashAtKey: when two pages share a path, the error points at
// the url or slug that chose it, whichever page is read first.
func TestPageClashAtKey(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		where string
	}{
		{"url on the first page", map[string]string{
			"content/news/a.md": "---\ntitle: 甲\nurl: /news/b/\n---\n正文。\n", "content/news/b.md": "---\ntitle: 乙\n---\n正文。\n"},
			"content/news/a.md:3:6"},
		{"url on a section's path", map[string]string{
			"content/news/_index.md": "---\ntitle: 新闻\n---\n", "content/news/x.md": "---\ntitle: 丙\nurl: /news/\n---\n正文。\n"},
			"content/news/x.md:3:6"},
	}
	for _, c := range cases {
		_, errs := failedBuild(t, c.files)
		if len(errs.List) != 1 || fmt.Sprintf("%s:%d:%d", errs.List[0].File, errs.List[0].Line, errs.List[0].Col) != c.where {
			t.Errorf("%s: want one error at %s, got:\n%v", c.name, c.where, errs)
		}
	}
}
