package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"yipin/generator/config"
	"yipin/generator/content"
	"yipin/generator/publish"
	"yipin/generator/render"
	"yipin/generator/site"
	"yipin/generator/theme"
)

// demoFiles is a small site: a home page, a section with a subsection,
// a pinned article, aliases (one in Chinese), a page bundle, a page
// without a date, tags in Chinese, and page_size 2 so that lists have
// several pager pages.
func demoFiles() map[string]string {
	return map[string]string{
		"site.yaml": "title: 测试机关工委\ndescription: 机关党建测试网站\nbase_url: https://example.gov.cn/dangjian/\n" +
			"page_size: 2\nrss_limit: 3\nsummary_length: 20\n",
		"content/_index.md":      "---\ntitle: 首页标题\n---\n首页导语。\n",
		"content/news/_index.md": "---\ntitle: 工作动态\n---\n栏目导语。\n",
		"content/news/first.md": "---\ntitle: 第一篇动态\ndate: 2025-01-02\ntags: 清廉机关\n---\n" +
			"第一篇的正文,比较长的中文段落需要按照字数截断,而不是整段保留。\n",
		"content/news/second.md": "---\ntitle: 第二篇动态\ndate: 2025-03-04 10:00\ntags: [清廉机关, 模范机关]\n" +
			"aliases: [/old/second/, /旧/第二篇/]\n---\n第二篇正文。\n",
		"content/news/third.md": "---\ntitle: 第三篇动态\ndate: 2024-12-31\nweight: 1\n---\n置顶的第三篇。\n",
		"content/news/fourth.md": "---\ntitle: 第四篇 & “引号” <新>\ndate: 2025-05-06\nlastmod: 2025-05-08\n---\n" +
			"最新的一篇,见[政策解读](2024/政策解读.md)。\n",
		"content/news/2024/政策解读.md": "---\ntitle: 政策解读\ndate: 2024-06-24 09:26\ntags: 模范机关\n" +
			"aliases: [/old/zcjd/]\n---\n政策解读正文。\n",
		"content/cases/linan/index.md": "---\ntitle: 临安案例\ndate: 2024-01-15\n---\n案例正文。\n",
		"content/about.md":             "---\ntitle: 关于我们\n---\n关于本站。\n",
	}
}

// demo writes the demo site (with extra files, if any) and loads it with
// the test theme.
func demo(t *testing.T, extra map[string]string) model {
	t.Helper()
	root := t.TempDir()
	files := demoFiles()
	maps.Copy(files, extra)
	writeFiles(t, root, files)
	return loadSite(t, root, testTheme(t))
}

func TestOutputs(t *testing.T) {
	m := demo(t, nil)
	out, ds := m.render(4)
	noErrors(t, "render", ds)
	want := []string{
		"404.html",
		"about/index.html",
		"archives/2024/index.html",
		"archives/2024/page/1/index.html", // redirects to the list
		"archives/2024/page/2/index.html",
		"archives/2025/index.html",
		"archives/2025/page/1/index.html",
		"archives/2025/page/2/index.html",
		"archives/index.html",
		"cases/index.html",
		"cases/index.xml",
		"cases/linan/index.html",
		"cases/year/2024/index.html", // the case library's year filter
		"index.html",
		"index.xml",
		"news/2024/index.html",
		"news/2024/index.xml",
		"news/2024/政策解读/index.html",
		"news/first/index.html",
		"news/fourth/index.html",
		"news/index.html",
		"news/index.xml",
		"news/page/1/index.html",
		"news/page/2/index.html",
		"news/page/3/index.html",
		"news/second/index.html",
		"news/third/index.html",
		"old/second/index.html",
		"old/zcjd/index.html",
		"page/1/index.html",
		"page/2/index.html",
		"page/3/index.html",
		"page/4/index.html",
		"robots.txt",
		"sitemap.xml",
		"sitemap/index.html", // the site map for people (网站地图)
		"tags/index.html",
		"tags/模范机关/index.html",
		"tags/清廉机关/index.html",
		"旧/第二篇/index.html",
	}
	if got := out.names(); !slices.Equal(got, want) {
		t.Errorf("outputs\n got: %q\nwant: %q", got, want)
	}
	if out.calls != len(want) {
		t.Errorf("%d calls to Output for %d files: some file was written twice", out.calls, len(want))
	}
}

// TestPagesAndPagers checks what was rendered into each file: the right
// page, the right pager page and the right items, in list order (pinned
// first, then newest first).
func TestPagesAndPagers(t *testing.T) {
	m := demo(t, nil)
	out, ds := m.render(4)
	noErrors(t, "render", ds)
	const fourth = "第四篇 &amp; “引号” &lt;新&gt;"
	cases := map[string]string{
		"index.html":        "kind=home path=/dangjian/ pager=1/4 items=[第三篇动态][" + fourth + "]",
		"page/2/index.html": "kind=home path=/dangjian/page/2/ pager=2/4 items=[第二篇动态][第一篇动态]",
		"page/3/index.html": "kind=home path=/dangjian/page/3/ pager=3/4 items=[政策解读][临安案例]",
		"page/4/index.html": "kind=home path=/dangjian/page/4/ pager=4/4 items=[关于我们]",

		"news/index.html":        "kind=section path=/dangjian/news/ pager=1/3 items=[第三篇动态][" + fourth + "]",
		"news/page/2/index.html": "kind=section path=/dangjian/news/page/2/ pager=2/3 items=[第二篇动态][第一篇动态]",
		"news/page/3/index.html": "kind=section path=/dangjian/news/page/3/ pager=3/3 items=[政策解读]",
		"news/2024/index.html":   "kind=section path=/dangjian/news/2024/ pager=1/1 items=[政策解读]",
		"cases/index.html":       "kind=section path=/dangjian/cases/ pager=1/1 items=[临安案例]",

		"news/first/index.html":           "kind=page path=/dangjian/news/first/ title=第一篇动态",
		"news/fourth/index.html":          "kind=page path=/dangjian/news/fourth/ title=" + fourth,
		"news/2024/政策解读/index.html":       "kind=page path=/dangjian/news/2024/政策解读/ title=政策解读",
		"cases/linan/index.html":          "kind=page path=/dangjian/cases/linan/ title=临安案例",
		"about/index.html":                "kind=page path=/dangjian/about/ title=关于我们",
		"tags/index.html":                 "kind=taxonomy path=/dangjian/tags/ terms=[模范机关:2][清廉机关:2]",
		"tags/清廉机关/index.html":            "kind=term path=/dangjian/tags/清廉机关/ pager=1/1 items=[第二篇动态][第一篇动态]",
		"tags/模范机关/index.html":            "kind=term path=/dangjian/tags/模范机关/ pager=1/1 items=[第二篇动态][政策解读]",
		"archives/index.html":             "kind=archives path=/dangjian/archives/ years=[2025][2024]",
		"archives/2025/index.html":        "kind=year path=/dangjian/archives/2025/ pager=1/2 items=[" + fourth + "][第二篇动态]",
		"archives/2025/page/2/index.html": "kind=year path=/dangjian/archives/2025/page/2/ pager=2/2 items=[第一篇动态]",
		"archives/2024/index.html":        "kind=year path=/dangjian/archives/2024/ pager=1/2 items=[第三篇动态][政策解读]",
		"archives/2024/page/2/index.html": "kind=year path=/dangjian/archives/2024/page/2/ pager=2/2 items=[临安案例]",
		"404.html":                        "kind=404 title=页面未找到",
	}
	for file, want := range cases {
		got, ok := out.files[file]
		if !ok {
			t.Errorf("%s not rendered", file)
			continue
		}
		if g := strings.TrimSpace(string(got)); g != want {
			t.Errorf("%s\n got: %s\nwant: %s", file, g, want)
		}
	}
	// page/1/ of a list of several pages redirects to the list; a list of
	// one page has none
	for file, to := range map[string]string{"page/1/index.html": "/dangjian/", "news/page/1/index.html": "/dangjian/news/",
		"archives/2025/page/1/index.html": "/dangjian/archives/2025/"} {
		if got := string(out.files[file]); !strings.Contains(got, `http-equiv="refresh" content="0; url=`+to+`"`) {
			t.Errorf("%s does not redirect to %s:\n%s", file, to, got)
		}
	}
	for _, file := range []string{"cases/page/1/index.html", "news/2024/page/1/index.html", "tags/清廉机关/page/1/index.html"} {
		if _, ok := out.files[file]; ok {
			t.Errorf("%s written for a list of one page", file)
		}
	}
}

// TestPagerPageSizes renders lists of every length around the page size
// and checks that each pager page is written once at its path and that
// the pager pages together hold every item exactly once.
func TestPagerPageSizes(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 4, 5, 7} {
		t.Run(fmt.Sprint(n, " pages"), func(t *testing.T) {
			files := map[string]string{
				"site.yaml":              "title: 分页\nbase_url: https://example.gov.cn/\npage_size: 2\n",
				"content/news/_index.md": "---\ntitle: 动态\n---\n",
			}
			for i := range n {
				files[fmt.Sprintf("content/news/%d.md", i)] = fmt.Sprintf("---\ntitle: 第%02d篇\ndate: 2025-01-%02d\n---\n正文\n", i, i+1)
			}
			root := t.TempDir()
			writeFiles(t, root, files)
			out, ds := loadSite(t, root, testTheme(t)).render(3)
			noErrors(t, "render", ds)
			total := max((n+1)/2, 1)
			var items []string
			for k := 1; k <= total; k++ {
				file, path := "news/index.html", "/news/"
				if k > 1 {
					file, path = fmt.Sprintf("news/page/%d/index.html", k), fmt.Sprintf("/news/page/%d/", k)
				}
				got := string(out.files[file])
				prefix := fmt.Sprintf("kind=section path=%s pager=%d/%d items=", path, k, total)
				if !strings.HasPrefix(got, prefix) {
					t.Errorf("%s = %q, want prefix %q", file, got, prefix)
				}
				items = append(items, regexp.MustCompile(`\[[^]]*\]`).FindAllString(got, -1)...)
			}
			if _, ok := out.files[fmt.Sprintf("news/page/%d/index.html", total+1)]; ok {
				t.Errorf("pager page %d of %d written", total+1, total)
			}
			// page/1/ is the list itself: a redirect to it when there are
			// several pages, nothing otherwise
			first, ok := out.files["news/page/1/index.html"]
			if redirect := strings.Contains(string(first), `url=/news/"`); ok != (total > 1) || ok && !redirect {
				t.Errorf("news/page/1/ of %d pages: written %v, redirect %v:\n%s", total, ok, redirect, first)
			}
			var want []string
			for i := n - 1; i >= 0; i-- {
				want = append(want, fmt.Sprintf("[第%02d篇]", i))
			}
			if !slices.Equal(items, want) {
				t.Errorf("items over all pager pages %q, want %q", items, want)
			}
		})
	}
}

// TestListWithoutPaginator: a list whose layout never reads .Paginator is
// rendered once, whole, with no pager pages; lists whose layout does read
// it are still paginated.
func TestListWithoutPaginator(t *testing.T) {
	m := demo(t, map[string]string{
		"layouts/_default/list.html": "kind={{ .Kind }} path={{ .RelPermalink }} all={{ range .Pages }}[{{ .Title }}]{{ end }}\n",
		"layouts/_default/year.html": "year {{ .Paginator.Number }}/{{ .Paginator.Total }}\n",
	})
	out, ds := m.render(4)
	noErrors(t, "render", ds)
	for _, name := range out.names() {
		isPager := strings.HasPrefix(name, "page/") || strings.Contains(name, "/page/")
		if isPager && !strings.HasPrefix(name, "archives/") {
			t.Errorf("pager page %s written for a layout without .Paginator", name)
		}
	}
	want := map[string]string{
		"news/index.html":                 "kind=section path=/dangjian/news/ all=[第三篇动态][第四篇 &amp; “引号” &lt;新&gt;][第二篇动态][第一篇动态][政策解读]",
		"index.html":                      "kind=home path=/dangjian/ all=[第三篇动态][第四篇 &amp; “引号” &lt;新&gt;][第二篇动态][第一篇动态][政策解读][临安案例][关于我们]",
		"tags/清廉机关/index.html":            "kind=term path=/dangjian/tags/清廉机关/ all=[第二篇动态][第一篇动态]",
		"archives/2025/index.html":        "year 1/2",
		"archives/2025/page/2/index.html": "year 2/2",
	}
	for file, w := range want {
		if got := strings.TrimSpace(string(out.files[file])); got != w {
			t.Errorf("%s\n got: %s\nwant: %s", file, got, w)
		}
	}
	for _, feed := range []string{"index.xml", "news/index.xml", "sitemap.xml"} {
		if _, ok := out.files[feed]; !ok {
			t.Errorf("%s not written", feed)
		}
	}
}

// aliasPage pulls the redirect target, canonical URL and language out of
// an alias page.
var (
	refreshRE   = regexp.MustCompile(`<meta http-equiv="refresh" content="0; url=([^"]+)">`)
	canonicalRE = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	anchorRE    = regexp.MustCompile(`<a href="([^"]+)">([^<]*)</a>`)
)

func TestAliases(t *testing.T) {
	m := demo(t, nil)
	out, ds := m.render(2)
	noErrors(t, "render", ds)
	cases := []struct {
		file, title, rel, abs string
	}{
		{"old/second/index.html", "第二篇动态", "/dangjian/news/second/", "https://example.gov.cn/dangjian/news/second/"},
		{"旧/第二篇/index.html", "第二篇动态", "/dangjian/news/second/", "https://example.gov.cn/dangjian/news/second/"},
		{"old/zcjd/index.html", "政策解读", "/dangjian/news/2024/政策解读/", "https://example.gov.cn/dangjian/news/2024/政策解读/"},
	}
	for _, c := range cases {
		page := string(out.files[c.file])
		if page == "" {
			t.Errorf("%s not written", c.file)
			continue
		}
		// Browsers resolve percent-encoded and raw UTF-8 URLs alike; compare
		// them unescaped.
		unescape := func(s string) string {
			u, err := url.PathUnescape(s)
			if err != nil {
				t.Errorf("%s: bad URL %q: %v", c.file, s, err)
			}
			return u
		}
		if r := refreshRE.FindStringSubmatch(page); r == nil || unescape(r[1]) != c.rel {
			t.Errorf("%s: meta refresh %q, want url=%s\n%s", c.file, r, c.rel, page)
		}
		cn := canonicalRE.FindStringSubmatch(page)
		if cn == nil || unescape(cn[1]) != c.abs {
			t.Errorf("%s: canonical %q, want %s", c.file, cn, c.abs)
		} else if u, err := url.Parse(cn[1]); err != nil || !u.IsAbs() || u.Host != "example.gov.cn" {
			t.Errorf("%s: canonical %q is not an absolute URL", c.file, cn[1])
		}
		if a := anchorRE.FindStringSubmatch(page); a == nil || unescape(a[1]) != c.rel || a[2] != c.title {
			t.Errorf("%s: link %q, want %s to %s", c.file, a, c.title, c.rel)
		}
		for _, want := range []string{`<html lang="zh-CN">`, `<meta charset="utf-8">`, `<meta name="robots" content="noindex">`,
			"<title>" + c.title + "</title>"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", c.file, want)
			}
		}
	}
}

// rssDoc is how a reader sees an RSS 2.0 feed.
type rssDoc struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title         string `xml:"title"`
		Link          string `xml:"link"`
		Description   string `xml:"description"`
		Language      string `xml:"language"`
		LastBuildDate string `xml:"lastBuildDate"`
		Items         []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			GUID        string `xml:"guid"`
			PubDate     string `xml:"pubDate"`
			Description string `xml:"description"`
		} `xml:"item"`
	} `xml:"channel"`
}

func parseFeed(t *testing.T, data []byte) rssDoc {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(xml.Header)) {
		t.Errorf("feed does not start with the XML header: %.60s", data)
	}
	var doc rssDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("feed is not valid XML: %v\n%s", err, data)
	}
	return doc
}

// checkLink checks that a feed or sitemap URL is absolute, ASCII only
// (Chinese percent-encoded) and, unescaped, the page's permalink.
func checkLink(t *testing.T, where, link, permalink string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil || !u.IsAbs() || u.Scheme != "https" || u.Host != "example.gov.cn" {
		t.Errorf("%s: link %q is not an absolute https URL", where, link)
		return
	}
	for _, r := range link {
		if r >= utf8.RuneSelf || r == ' ' {
			t.Errorf("%s: link %q is not percent-encoded", where, link)
			break
		}
	}
	if got := u.Scheme + "://" + u.Host + u.Path; got != permalink {
		t.Errorf("%s: link %q is %s unescaped, want %s", where, link, got, permalink)
	}
}

func TestFeeds(t *testing.T) {
	m := demo(t, nil)
	out, ds := m.render(4)
	noErrors(t, "render", ds)
	const base = "https://example.gov.cn/dangjian"
	cases := []struct {
		file, title, link string
		items             []string // titles, newest first
		lastBuild         string
	}{
		{"index.xml", "测试机关工委", base + "/", []string{"第四篇 & “引号” <新>", "第二篇动态", "第一篇动态"},
			"Tue, 06 May 2025 00:00:00 +0800"},
		{"news/index.xml", "工作动态 - 测试机关工委", base + "/news/", []string{"第四篇 & “引号” <新>", "第二篇动态", "第一篇动态"},
			"Tue, 06 May 2025 00:00:00 +0800"},
		{"news/2024/index.xml", "2024 - 测试机关工委", base + "/news/2024/", []string{"政策解读"},
			"Mon, 24 Jun 2024 09:26:00 +0800"},
		{"cases/index.xml", "cases - 测试机关工委", base + "/cases/", []string{"临安案例"},
			"Mon, 15 Jan 2024 00:00:00 +0800"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			doc := parseFeed(t, out.files[c.file])
			ch := doc.Channel
			if doc.Version != "2.0" || ch.Title != c.title || ch.Language != "zh-CN" || ch.Description != "机关党建测试网站" {
				t.Errorf("channel: version %q, title %q, language %q, description %q", doc.Version, ch.Title, ch.Language, ch.Description)
			}
			checkLink(t, "channel", ch.Link, c.link)
			var titles []string
			var prev time.Time
			for i, it := range ch.Items {
				titles = append(titles, it.Title)
				p := m.site.RegularPages[slices.IndexFunc(m.site.RegularPages, func(p *site.Page) bool { return p.Title == it.Title })]
				checkLink(t, it.Title, it.Link, p.Permalink())
				if it.GUID != it.Link {
					t.Errorf("%s: guid %q differs from link %q", it.Title, it.GUID, it.Link)
				}
				date, err := time.Parse(time.RFC1123Z, it.PubDate)
				if err != nil || !date.Equal(p.Date) {
					t.Errorf("%s: pubDate %q (%v), want %v", it.Title, it.PubDate, err, p.Date)
				}
				if i > 0 && date.After(prev) {
					t.Errorf("%s is newer than the item before it", it.Title)
				}
				prev = date
				if it.Description != string(p.Summary()) {
					t.Errorf("%s: description %q, want the summary %q", it.Title, it.Description, p.Summary())
				}
			}
			if !slices.Equal(titles, c.items) {
				t.Errorf("items %q, want %q", titles, c.items)
			}
			if len(ch.Items) > m.site.Config.RSSLimit {
				t.Errorf("%d items, more than rss_limit %d", len(ch.Items), m.site.Config.RSSLimit)
			}
			// The feed does not depend on the clock: it is dated by its
			// newest item.
			if ch.LastBuildDate != c.lastBuild || ch.LastBuildDate != ch.Items[0].PubDate {
				t.Errorf("lastBuildDate %q, want %q, the newest item's date", ch.LastBuildDate, c.lastBuild)
			}
		})
	}
	for _, name := range out.names() {
		if strings.HasSuffix(name, ".xml") && name != "sitemap.xml" &&
			!slices.ContainsFunc(cases, func(c struct {
				file, title, link string
				items             []string
				lastBuild         string
			}) bool {
				return c.file == name
			}) {
			t.Errorf("unexpected feed %s", name)
		}
	}
}

// TestFeedEdges: rss_limit above and below the number of articles, pages
// without a date (last, and no lastBuildDate when none has one), and a
// section with no articles.
func TestFeedEdges(t *testing.T) {
	article := func(title, date string) string {
		if date != "" {
			date = "date: " + date + "\n"
		}
		return "---\ntitle: " + title + "\n" + date + "---\n正文\n"
	}
	for _, limit := range []int{1, 2, 5, 100} {
		t.Run(fmt.Sprint("rss_limit ", limit), func(t *testing.T) {
			root := t.TempDir()
			writeFiles(t, root, map[string]string{
				"site.yaml":                fmt.Sprintf("title: 站\nbase_url: https://example.gov.cn/\nrss_limit: %d\n", limit),
				"content/a/1.md":           article("一", "2024-01-01"),
				"content/a/2.md":           article("二", "2024-03-01"),
				"content/a/3.md":           article("三", "2024-02-01"),
				"content/a/4.md":           article("四", "2024-03-01 08:00"),
				"content/a/5.md":           article("五", ""),
				"content/undated/x.md":     article("甲", ""),
				"content/undated/y.md":     article("乙", ""),
				"content/empty/_index.md":  "---\ntitle: 空栏目\n---\n",
				"content/pinned/_index.md": "---\ntitle: 置顶\n---\n",
				"content/pinned/old.md":    "---\ntitle: 旧而置顶\ndate: 2020-01-01\nweight: 1\n---\n",
				"content/pinned/new.md":    article("新", "2021-01-01"),
			})
			out, ds := loadSite(t, root, testTheme(t)).render(2)
			noErrors(t, "render", ds)
			check := func(file string, want []string, lastBuild string) {
				t.Helper()
				if len(want) > limit {
					want = want[:limit]
				}
				doc := parseFeed(t, out.files[file])
				var got []string
				for _, it := range doc.Channel.Items {
					got = append(got, it.Title)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: items %q, want %q", file, got, want)
				}
				if doc.Channel.LastBuildDate != lastBuild {
					t.Errorf("%s: lastBuildDate %q, want %q", file, doc.Channel.LastBuildDate, lastBuild)
				}
			}
			check("a/index.xml", []string{"四", "二", "三", "一", "五"}, "Fri, 01 Mar 2024 08:00:00 +0800")
			check("undated/index.xml", []string{"乙", "甲"}, "") // same date: list order, by title
			if _, ok := out.files["empty/index.xml"]; ok {
				t.Error("empty/index.xml written: a section without pages gets no feed")
			}
			// A feed is about what is new: pinned pages count by date.
			check("pinned/index.xml", []string{"新", "旧而置顶"}, "Fri, 01 Jan 2021 00:00:00 +0800")
		})
	}
}

type sitemapDoc struct {
	XMLName xml.Name `xml:"urlset"`
	XMLNS   string   `xml:"xmlns,attr"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"url"`
}

type sitemapIndexDoc struct {
	XMLName  xml.Name `xml:"sitemapindex"`
	XMLNS    string   `xml:"xmlns,attr"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

func TestSitemap(t *testing.T) {
	m := demo(t, nil)
	out, ds := m.render(4)
	noErrors(t, "render", ds)
	var doc sitemapDoc
	if err := xml.Unmarshal(out.files["sitemap.xml"], &doc); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	if doc.XMLNS != sitemapNS {
		t.Errorf("xmlns %q", doc.XMLNS)
	}
	const base = "https://example.gov.cn/dangjian"
	want := []struct{ path, lastmod string }{
		{"/", ""},
		{"/about/", ""},
		{"/archives/", ""},
		{"/archives/2024/", ""},
		{"/archives/2025/", ""},
		{"/cases/", ""},
		{"/cases/linan/", "2024-01-15"},
		{"/cases/year/2024/", ""},
		{"/news/", ""},
		{"/news/2024/", ""},
		{"/news/2024/政策解读/", "2024-06-24"},
		{"/news/first/", "2025-01-02"},
		{"/news/fourth/", "2025-05-08"}, // lastmod, not date
		{"/news/second/", "2025-03-04"},
		{"/news/third/", "2024-12-31"},
		{"/sitemap/", ""},
		{"/tags/", ""},
		{"/tags/模范机关/", ""},
		{"/tags/清廉机关/", ""},
	}
	if len(doc.URLs) != len(want) {
		var got []string
		for _, u := range doc.URLs {
			got = append(got, u.Loc)
		}
		t.Fatalf("%d URLs, want %d (every page but 404, no aliases, no pager pages):\n%s", len(doc.URLs), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		u := doc.URLs[i]
		checkLink(t, "sitemap", u.Loc, base+w.path)
		if u.Lastmod != w.lastmod {
			t.Errorf("%s: lastmod %q, want %q", w.path, u.Lastmod, w.lastmod)
		}
	}
	if strings.Contains(string(out.files["sitemap.xml"]), "404") {
		t.Error("sitemap lists the 404 page")
	}
	for _, name := range out.names() {
		if strings.HasPrefix(name, "sitemap-") {
			t.Errorf("small site has split sitemap %s", name)
		}
	}
}

func TestRobots(t *testing.T) {
	for _, c := range []struct{ base, want string }{
		{"https://example.gov.cn/dangjian/", "https://example.gov.cn/dangjian/sitemap.xml"},
		{"https://example.gov.cn/", "https://example.gov.cn/sitemap.xml"},
		{"https://example.gov.cn/党建/", "https://example.gov.cn/%E5%85%9A%E5%BB%BA/sitemap.xml"},
	} {
		root := t.TempDir()
		writeFiles(t, root, map[string]string{
			"site.yaml":      "title: 站\nbase_url: " + c.base + "\n",
			"content/a.md":   "---\ntitle: 甲\n---\n",
			"content/b/c.md": "---\ntitle: 乙\n---\n",
		})
		out, ds := loadSite(t, root, testTheme(t)).render(2)
		noErrors(t, "render", ds)
		want := "User-agent: *\nAllow: /\nSitemap: " + c.want + "\n"
		if got := string(out.files["robots.txt"]); got != want {
			t.Errorf("base %s: robots.txt\n got: %q\nwant: %q", c.base, got, want)
		}
	}
}

// TestTemplateErrorOnce: a mistake in the article template hits every
// article; it is reported once, naming the first page and counting the
// others. A mistake in another template is a second report.
func TestTemplateErrorOnce(t *testing.T) {
	m := demo(t, map[string]string{
		"layouts/_default/single.html": "<h1>{{ .Title }}</h1>\n<p>{{ .Nope }}</p>\n",
	})
	for _, workers := range []int{1, 8} {
		out, ds := m.render(workers)
		if len(ds) != 1 {
			for _, d := range ds {
				t.Log(d.Long())
			}
			t.Fatalf("workers %d: %d diagnostics, want 1", workers, len(ds))
		}
		d := ds[0]
		if d.File != "layouts/_default/single.html" || d.Line != 2 || d.Col == 0 {
			t.Errorf("at %s, want layouts/_default/single.html:2:col", d.Location())
		}
		if !strings.HasPrefix(d.Message, "渲染页面 content/about.md 时模板出错:") ||
			!strings.Contains(d.Message, "Nope") ||
			!strings.HasSuffix(d.Message, "(另有 6 个页面出现同样的错误)") {
			t.Errorf("message %q", d.Message)
		}
		if strings.Count(d.Long(), "渲染页面") != 1 {
			t.Errorf("page named more than once:\n%s", d.Long())
		}
		if len(d.Excerpt) == 0 || !strings.Contains(d.Long(), "> 2 | <p>{{ .Nope }}</p>") {
			t.Errorf("no template excerpt:\n%s", d.Long())
		}
		if _, ok := out.files["news/first/index.html"]; ok {
			t.Error("a page whose template failed was published")
		}
		if _, ok := out.files["news/index.html"]; !ok {
			t.Error("list pages were not rendered")
		}
	}

	m = demo(t, map[string]string{
		"layouts/_default/single.html": "{{ .Nope }}",
		"layouts/_default/terms.html":  "{{ index .Pages 5 }}",
	})
	_, ds := m.render(8)
	var got []string
	for _, d := range ds {
		got = append(got, d.File+": "+d.Message[:strings.Index(d.Message, "时")])
	}
	want := []string{
		"layouts/_default/single.html: 渲染页面 content/about.md ",
		"layouts/_default/terms.html: 渲染页面 /tags/ ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("reports %q, want %q", got, want)
	}

	// The page named is the first by name, not the first rendered: here
	// content/z.md renders first (its URL /a/ sorts first).
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site.yaml":                    "title: 站\nbase_url: https://example.gov.cn/\n",
		"content/z.md":                 "---\ntitle: 甲\nurl: /a/\n---\n",
		"content/b.md":                 "---\ntitle: 乙\n---\n",
		"content/c.md":                 "---\ntitle: 丙\n---\n",
		"layouts/_default/single.html": "{{ .Nope }}",
	})
	m = loadSite(t, root, testTheme(t))
	for _, workers := range []int{1, 2, 8} {
		_, ds := m.render(workers)
		if len(ds) != 1 || !strings.HasPrefix(ds[0].Message, "渲染页面 content/b.md 时") ||
			!strings.HasSuffix(ds[0].Message, "(另有 2 个页面出现同样的错误)") {
			t.Errorf("workers %d: %v", workers, ds)
		}
	}
}

// TestTemplateErrorAfterCompile: a layout that fails on one page only is
// compiled (tmplexec) after its first good execution. When the compiled
// form meets the failing page it gives way to html/template, so the
// report is html/template's, the same as before the layout was compiled.
func TestTemplateErrorAfterCompile(t *testing.T) {
	m := demo(t, map[string]string{
		"layouts/_default/single.html": "<h1>{{ .Title }}</h1>\n{{ if eq .Title \"关于我们\" }}<p>{{ .Nope }}</p>{{ end }}\n",
	})
	var first string
	for run := range 2 {
		out, ds := m.render(1)
		if len(ds) != 1 {
			t.Fatalf("run %d: %d diagnostics, want 1", run, len(ds))
		}
		if got := ds[0].Location() + " " + ds[0].Message; run == 0 {
			first = got
		} else if got != first {
			t.Errorf("compiled: %s\nhtml/template: %s", got, first)
		}
		if !strings.Contains(first, "single.html:2:") || !strings.Contains(first, "content/about.md") {
			t.Errorf("report %s", first)
		}
		if _, ok := out.files["news/first/index.html"]; !ok {
			t.Error("the pages without the mistake were not rendered")
		}
	}
	slow := m.theme.SlowPaths()
	if len(slow) != 1 || !strings.HasPrefix(slow[0], "_default/single.html: 1 次交回 html/template") {
		t.Errorf("slow paths %q", slow)
	}
}

// TestMissingLayout: a page no layout can render is reported at the page.
func TestMissingLayout(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"layouts/_default/single.html": "{{ .Title }}",
		"layouts/_default/list.html":   "{{ .Title }}",
	})
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site.yaml":    "title: 站\nbase_url: https://example.gov.cn/\n",
		"content/a.md": "---\ntitle: 甲\ndate: 2024-01-01\ntags: 乙\n---\n",
	})
	_, ds := loadSite(t, root, dir).render(4)
	var got []string
	for _, d := range ds {
		got = append(got, d.Location()+" "+d.Message)
	}
	want := []string{
		"/404.html 渲染页面 /404.html 时找不到渲染此页面的模板,试过:404.html",
		"/archives/ 渲染页面 /archives/ 时找不到渲染此页面的模板,试过:_default/archives.html",
		"/sitemap/ 渲染页面 /sitemap/ 时找不到渲染此页面的模板,试过:_default/sitemap.html",
		"/tags/ 渲染页面 /tags/ 时找不到渲染此页面的模板,试过:tags/terms.html、_default/terms.html",
	}
	if !slices.Equal(got, want) {
		t.Errorf("reports\n got: %q\nwant: %q", got, want)
	}
}

// TestMinifiedPages: a page rendered from templates minified at load is
// handed over as it is; one whose url names another type of file, a page
// of a layout that could not be minified, and every feed go through the
// minifier.
func TestMinifiedPages(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"layouts/_default/single.html": "<p>\n  {{ .Title }}\n</p>",
		"layouts/_default/list.html":   "<p>{{ .Title }}</p>",
		"layouts/_default/terms.html":  "<p>{{ .Title }}</p><!-- {{ len .Pages }} -->",
	})
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site.yaml":    "title: 站\nbase_url: https://example.gov.cn/\n",
		"content/a.md": "---\ntitle: 甲\ndate: 2024-01-01\ntags: [丙]\n---\n",
		"content/b.md": "---\ntitle: 乙\ndate: 2024-01-02\nurl: /data.json\n---\n",
	})
	m := loadSite(t, root, dir)
	th, ds := theme.Load([]theme.Dir{{Path: dir, Display: "themes/test"}}, theme.Env{
		Config: m.site.Config, Minify: publish.NewMinifier().HTML,
	})
	noErrors(t, "theme", ds)
	m.theme = th
	out, ds := m.render(2)
	for _, d := range ds {
		if !strings.Contains(d.Message, "找不到渲染此页面的模板") {
			t.Error(d.Long())
		}
	}
	for rel, want := range map[string]bool{"a/index.html": true, "index.html": true, "data.json": false, "tags/index.html": false, "index.xml": false} {
		if _, ok := out.files[rel]; !ok {
			t.Errorf("%s not rendered", rel)
		}
		if out.minified[rel] != want {
			t.Errorf("%s handed over as minified = %v, want %v", rel, out.minified[rel], want)
		}
	}
	if got := string(out.files["a/index.html"]); got != "<p>甲</p>" {
		t.Errorf("a/index.html = %q", got)
	}
}

// TestOutputError: a publisher that fails is reported with the file.
func TestOutputError(t *testing.T) {
	m := demo(t, nil)
	out := newMemOut()
	out.fail = func(rel string) error {
		if rel == "news/page/2/index.html" || rel == "sitemap.xml" {
			return errors.New("磁盘已满")
		}
		return nil
	}
	ds := (&render.Renderer{Site: m.site, Theme: m.theme, Out: out, Workers: 3}).Run()
	var got []string
	for _, d := range ds {
		got = append(got, d.Error())
	}
	want := []string{
		"news/page/2/index.html: 错误:渲染页面 content/news/_index.md 时写出文件失败:磁盘已满(提示:检查输出文件夹是否可写、磁盘是否已满)",
		"sitemap.xml: 错误:写出文件失败:磁盘已满(提示:检查输出文件夹是否可写、磁盘是否已满)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("reports\n got: %q\nwant: %q", got, want)
	}
	if _, ok := out.files["news/page/3/index.html"]; !ok {
		t.Error("rendering stopped at the first failure")
	}
}

// TestWorkers: the output does not depend on the number of workers.
func TestWorkers(t *testing.T) {
	m := demo(t, nil)
	one, ds := m.render(1)
	noErrors(t, "render with 1 worker", ds)
	for _, workers := range []int{0, 2, 8, 64} {
		many, ds := m.render(workers)
		noErrors(t, fmt.Sprint("render with ", workers, " workers"), ds)
		if !maps.EqualFunc(one.files, many.files, bytes.Equal) {
			for name, data := range one.files {
				if !bytes.Equal(data, many.files[name]) {
					t.Errorf("%d workers: %s differs:\n%s\n%s", workers, name, data, many.files[name])
				}
			}
			t.Errorf("%d workers: %d files, 1 worker: %d", workers, len(many.files), len(one.files))
		}
	}
}

// TestDefaultTheme renders the demo site with the real default theme:
// every page renders without a problem, and the same with 1 and 8
// workers (partialCached must not make output depend on timing).
func TestDefaultTheme(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, demoFiles())
	one, ds := loadSite(t, root, defaultTheme(t)).render(1)
	noErrors(t, "render", ds)
	eight, ds := loadSite(t, root, defaultTheme(t)).render(8)
	noErrors(t, "render", ds)
	if !maps.EqualFunc(one.files, eight.files, bytes.Equal) {
		t.Error("default theme: output differs between 1 and 8 workers")
	}
	page := string(one.files["news/page/2/index.html"])
	for _, want := range []string{"第二篇动态", `href="/dangjian/news/second/"`, `href="/dangjian/news/page/3/"`, `rel="prev"`} {
		if !strings.Contains(page, want) {
			t.Errorf("news/page/2/index.html lacks %s", want)
		}
	}
}

// bigSite is a model of n articles in one section, built in memory.
func bigSite(tb testing.TB, n int, body func(i int) string, tags func(i int) []string) model {
	tb.Helper()
	cfg, ds := config.Parse("site.yaml", []byte("title: 大网站\nbase_url: https://example.gov.cn/\npage_size: 1000\n"))
	noErrors(tb, "config", ds)
	sources := make([]*content.Source, 0, n)
	start := time.Date(2020, 1, 1, 8, 0, 0, 0, cfg.Location())
	for i := range n {
		name := fmt.Sprintf("%05d", i)
		var terms []string
		if tags != nil {
			terms = tags(i)
		}
		date := start.Add(time.Duration(i) * time.Hour)
		sources = append(sources, &content.Source{
			Path: "p/" + name + ".md", File: "content/p/" + name + ".md", Kind: content.Page,
			Dir: "p", Name: name, Body: []byte(body(i)), BodyLine: 4,
			Front: &content.FrontMatter{
				Title: "第" + name + "号通知", Date: date, Lastmod: date,
				Terms: map[string][]string{"tags": terms}, Params: map[string]any{}, Pos: map[string]content.Pos{},
			},
		})
	}
	return newModel(tb, cfg, sources, nil, []theme.Dir{{Path: testTheme(tb), Display: "themes/test"}})
}

// TestSitemapSplit: past 50,000 URLs the sitemap is split into files of
// at most 50,000 and sitemap.xml becomes their index.
func TestSitemapSplit(t *testing.T) {
	// Besides the articles the site has the home page, the section
	// /p/, /archives/, the site map /sitemap/ and one page per year.
	const years = 6 // 50,000 hours from 2020-01-01 reach into 2025
	for _, c := range []struct {
		articles int
		parts    []int
	}{
		{50000 - 4 - years, nil},
		{50000 - 4 - years + 1, []int{50000, 1}},
	} {
		t.Run(fmt.Sprint(c.articles, " articles"), func(t *testing.T) {
			m := bigSite(t, c.articles, func(int) string { return "" }, nil)
			out, ds := m.render(0)
			noErrors(t, "render", ds)
			// the parts are outputs of their own, so that the build's
			// collision check and a serve session know them
			described := map[string]string{}
			for _, o := range (&render.Renderer{Site: m.site, Theme: m.theme}).Outputs() {
				if strings.HasPrefix(o.Rel, "sitemap") && strings.HasSuffix(o.Rel, ".xml") {
					described[o.Rel] = o.Describe()
				}
			}
			if len(described) != len(c.parts)+1 {
				t.Errorf("sitemap outputs %v, want sitemap.xml and %d parts", described, len(c.parts))
			}
			for i := range c.parts {
				name := fmt.Sprintf("sitemap-%d.xml", i+1)
				if d := described[name]; d != "自动生成的 "+name {
					t.Errorf("%s described as %q", name, d)
				}
			}
			data := out.files["sitemap.xml"]
			if c.parts == nil {
				var doc sitemapDoc
				if err := xml.Unmarshal(data, &doc); err != nil {
					t.Fatal(err)
				}
				if len(doc.URLs) != 50000 {
					t.Errorf("%d URLs in sitemap.xml, want 50000", len(doc.URLs))
				}
				if _, ok := out.files["sitemap-1.xml"]; ok {
					t.Error("sitemap split at 50,000 URLs")
				}
				return
			}
			var index sitemapIndexDoc
			if err := xml.Unmarshal(data, &index); err != nil {
				t.Fatalf("sitemap.xml is not a sitemap index: %v\n%.300s", err, data)
			}
			if index.XMLNS != sitemapNS || len(index.Sitemaps) != len(c.parts) {
				t.Fatalf("index: xmlns %q, %d sitemaps, want %d", index.XMLNS, len(index.Sitemaps), len(c.parts))
			}
			seen := map[string]bool{}
			for i, n := range c.parts {
				name := fmt.Sprintf("sitemap-%d.xml", i+1)
				if loc := index.Sitemaps[i].Loc; loc != "https://example.gov.cn/"+name {
					t.Errorf("index entry %d: %q", i, loc)
				}
				var doc sitemapDoc
				if err := xml.Unmarshal(out.files[name], &doc); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if len(doc.URLs) != n || doc.XMLNS != sitemapNS {
					t.Errorf("%s: %d URLs, xmlns %q; want %d", name, len(doc.URLs), doc.XMLNS, n)
				}
				for _, u := range doc.URLs {
					if seen[u.Loc] {
						t.Errorf("%s lists %s twice", name, u.Loc)
					}
					seen[u.Loc] = true
				}
			}
			if len(seen) != 50001 {
				t.Errorf("%d distinct URLs in the parts, want 50001", len(seen))
			}
			if _, ok := out.files[fmt.Sprintf("sitemap-%d.xml", len(c.parts)+1)]; ok {
				t.Error("an extra, empty part was written")
			}
			if !strings.Contains(string(out.files["robots.txt"]), "Sitemap: https://example.gov.cn/sitemap.xml\n") {
				t.Errorf("robots.txt does not point at the index:\n%s", out.files["robots.txt"])
			}
		})
	}
}

// TestRunEmptySite: even a site with no articles renders its home page,
// 404, lists, feed, sitemaps (for machines and for people) and robots.txt.
func TestRunEmptySite(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site.yaml":         "title: 空站\nbase_url: https://example.gov.cn/\n",
		"content/_index.md": "---\ntitle: 首页\n---\n",
	})
	out, ds := loadSite(t, root, testTheme(t)).render(4)
	noErrors(t, "render", ds)
	want := []string{"404.html", "archives/index.html", "index.html", "index.xml", "robots.txt", "sitemap.xml", "sitemap/index.html"}
	if got := out.names(); !slices.Equal(got, want) {
		t.Errorf("outputs %q, want %q", got, want)
	}
	if got := strings.TrimSpace(string(out.files["index.html"])); got != "kind=home path=/ pager=1/1 items=" {
		t.Errorf("index.html = %q", got)
	}
}

// A section without pages of its own gets its list page but no feed,
// which would stay empty; the home page always has its feed.
func TestNoEmptySectionFeed(t *testing.T) {
	m := demo(t, map[string]string{"content/notices/_index.md": "---\ntitle: 通知公告\n---\n暂无通知。\n"})
	out, ds := m.render(2)
	noErrors(t, "render", ds)
	names := out.names()
	if !slices.Contains(names, "notices/index.html") || slices.Contains(names, "notices/index.xml") {
		t.Errorf("outputs of the empty section: %q, want its page and no feed", names)
	}
	if !slices.Contains(names, "index.xml") || !slices.Contains(names, "news/index.xml") {
		t.Errorf("outputs: %q, want the feeds of the home page and of news", names)
	}
}

// TestRenderCanceled: once ctx is done, the workers take no more outputs.
// The first output fails and cancels; a worker may be on one output
// more when it does.
func TestRenderCanceled(t *testing.T) {
	m := demo(t, nil)
	ctx, cancel := context.WithCancel(t.Context())
	out := newMemOut()
	out.fail = func(string) error { cancel(); return nil }
	r := &render.Renderer{Site: m.site, Theme: m.theme, Out: out, Workers: 2}
	jobs := r.Outputs()
	if ds := r.Render(ctx, jobs); len(ds) > 0 {
		t.Fatal(ds)
	}
	if out.calls == 0 || out.calls > 2 {
		t.Errorf("%d of %d outputs written after the first canceled, want 1 or 2", out.calls, len(jobs))
	}
}
