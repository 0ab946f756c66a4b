package render_test

import (
	"maps"
	"strings"
	"testing"
)

// TestDefaultThemeConventions renders a site that sets every footer field
// and page metadata key with the default theme, and checks the government
// page conventions: meta tags, footer, language, reader tools, site map.
func TestDefaultThemeConventions(t *testing.T) {
	files := demoFiles()
	files["site.yaml"] = "title: 测试机关工委\ndescription: 机关党建测试网站\nkeywords: [机关党建, 清廉机关]\n" +
		"base_url: https://example.gov.cn/dangjian/\npage_size: 2\n" +
		"footer:\n  sponsor: 中共测试区委区级机关工作委员会\n  operator: 测试区机关工委办公室\n  contact: 0571-00000000\n" +
		"  site_code: \"3301990001\"\n  icp: 浙ICP备00000000号\n  police: 浙公网安备 33019902000000号\n" +
		"  badge_image: /images/badge.png\n  badge_link: https://bszs.conac.cn/sitename?method=show&id=1\n" +
		"  links:\n    - {name: 中国政府网, url: \"https://www.gov.cn/\"}\n"
	maps.Copy(files, map[string]string{
		"content/news/_index.md": "---\ntitle: 工作动态\ndescription: 全区机关党建工作动态\nkeywords: 动态, 党建\n" +
			"column_type: 动态要闻\n---\n栏目导语。\n",
		"content/news/hant.md": "---\ntitle: 繁體頁面\ndate: 2025-02-01\nlang: zh-Hant\nsource: 區機關工委\nauthor: 張三\n" +
			"editor: 李四\ntags: [清廉机关]\nimage: /images/cover.png\nkeywords: [清廉, 機關]\n---\n正文。\n",
		"content/search.md": "---\ntitle: 搜索\nurl: /search/\n---\n",
	})
	root := t.TempDir()
	writeFiles(t, root, files)
	out, ds := loadSite(t, root, defaultTheme(t)).render(2)
	noErrors(t, "render", ds)
	for page, wants := range map[string][]string{
		"index.html": {`<html lang="zh-CN"`, `name="SiteName" content="测试机关工委"`, `name="SiteDomain" content="example.gov.cn"`,
			`name="SiteIDCode" content="3301990001"`, `name="keywords" content="机关党建,清廉机关"`,
			`role="search"`, `action="/dangjian/search/"`, `id="elder-toggle"`,
			`href="/dangjian/sitemap/">网站地图`, "主办单位：中共测试区委区级机关工作委员会", "承办单位：测试区机关工委办公室",
			"联系方式：0571-00000000", "网站标识码：3301990001", `href="https://beian.miit.gov.cn/"`,
			`href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33019902000000"`, `src="/dangjian/images/police.svg"`,
			`src="/dangjian/images/badge.png" alt="党政机关"`, `href="https://www.gov.cn/">中国政府网`},
		"news/index.html": {`name="ColumnName" content="工作动态"`, `name="ColumnDescription" content="全区机关党建工作动态"`,
			`name="ColumnKeywords" content="动态,党建"`, `name="ColumnType" content="动态要闻"`, "您当前的位置："},
		"news/hant/index.html": {`<html lang="zh-Hant"`, `name="ArticleTitle" content="繁體頁面"`, `name="PubDate" content="2025-02-01 00:00"`,
			`name="ContentSource" content="區機關工委"`, `name="Keywords" content="清廉,機關"`, `name="Author" content="張三"`,
			`name="Image" content="https://example.gov.cn/dangjian/images/cover.png"`,
			`name="Url" content="https://example.gov.cn/dangjian/news/hant/"`, `property="og:type" content="article"`,
			`class="reader-tools" hidden`, `data-font="large"`, `data-eyecare="almond" data-color="#FAF9DE"`, `data-action="print"`,
			"责任编辑：李四", "相关文章", `href="/dangjian/news/first/"`},
		"news/first/index.html": {`<html lang="zh-CN"`, `name="ContentSource" content="中共测试区委区级机关工作委员会"`,
			`name="Keywords" content="清廉机关"`},
		"sitemap/index.html": {"<h1>网站地图</h1>", `href="/dangjian/news/">工作动态`, `href="/dangjian/news/2024/">2024`,
			`href="/dangjian/tags/">标签`, `href="/dangjian/archives/2025/"`},
	} {
		got := string(out.files[page])
		if got == "" {
			t.Errorf("%s was not written", page)
			continue
		}
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
	}
	// Only pages that say who wrote them carry Author; sections carry no
	// article tags, articles no column tags.
	for page, unwanted := range map[string][]string{
		"news/first/index.html": {`name="Author"`, `name="Image"`, `name="ColumnName"`},
		"news/index.html":       {`name="ArticleTitle"`, `name="PubDate"`},
		"index.html":            {`name="ColumnName"`, `name="ArticleTitle"`},
	} {
		for _, u := range unwanted {
			if strings.Contains(string(out.files[page]), u) {
				t.Errorf("%s has %s", page, u)
			}
		}
	}
}

// TestDefaultThemeQuietFooter checks that footer items not configured are
// not shown, and that no search box appears without a search page.
func TestDefaultThemeQuietFooter(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, demoFiles())
	out, ds := loadSite(t, root, defaultTheme(t)).render(2)
	noErrors(t, "render", ds)
	home := string(out.files["index.html"])
	for _, u := range []string{"主办单位", "网站标识码", "SiteIDCode", `class="beian"`, "police.svg", "党政机关", `role="search"`} {
		if strings.Contains(home, u) {
			t.Errorf("index.html shows %s, which is not configured", u)
		}
	}
	if !strings.Contains(home, "网站地图") {
		t.Error("index.html lacks the 网站地图 link")
	}
}
