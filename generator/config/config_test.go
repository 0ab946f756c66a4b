package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"yipin/generator/diag"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string // the message must contain this
		hint      string // the hint must contain this
	}{
		{"unknown top-level key", "title: 党建网\ntheme: default\npage_size: 10\nsummary_length: 100\nreading_speed: 300\nrss_limit: 10\ntitel: x\n",
			7, 1, "不认识的设置项 “titel”", "是不是想写 “title”"},
		{"unknown nested key", "title: 党建网\nfooter:\n  sponser: 某某机关工委\n",
			3, 3, "“sponser”(在 footer 下)", "“sponsor”"},
		{"unknown key, no close match", "title: 党建网\nmarkdown:\n  zzzzzzzz: true\n",
			3, 3, "“zzzzzzzz”", "toc_min_level"},
		{"camel case key", "title: 党建网\npageSize: 10\n", 2, 1, "“pageSize”", "“page_size”"},
		{"wrong type int", "title: 党建网\npage_size: 二十\n", 2, 12, "“page_size” 应为整数", "page_size: 20"},
		{"wrong type bool", "title: 党建网\nmarkdown:\n  unsafe: 是\n", 3, 11, "“markdown.unsafe” 应为true", "true"},
		{"wrong type list", "title: 党建网\nmenus:\n  main: /news/\n", 3, 9, "“menus.main” 应为列表", ""},
		{"page size out of range", "title: 党建网\npage_size: 0\n", 2, 12, "1 到 1000", "page_size"},
		{"bad site_code", "title: 党建网\nfooter:\n  site_code: 33000000\n", 3, 14, "网站标识码 “33000000” 应为 10 位", "10 位"},
		{"site_code with Chinese", "title: 党建网\nfooter:\n  site_code: 浙江省000000\n", 3, 14, "网站标识码", "10 位"},
		{"base_url without scheme", "title: 党建网\nbase_url: www.example.gov.cn\n", 2, 11, "缺少 http:// 或 https://", "https://www.example.gov.cn/"},
		{"base_url ftp", "title: 党建网\nbase_url: ftp://example.gov.cn/\n", 2, 11, "http:// 或 https://", "https://"},
		{"base_url with query", "title: 党建网\nbase_url: https://example.gov.cn/?a=1\n", 2, 11, "不能带有 ?", ""},
		{"bad time zone", "title: 党建网\ntime_zone: 北京时间\n", 2, 12, "时区 “北京时间” 无法识别", "Asia/Shanghai"},
		{"malformed yaml colon", "title: 党建网\ndescription: 通知: 关于学习\n", 2, 16, "YAML 格式有误", "英文双引号"},
		{"malformed yaml tab", "title: 党建网\nfooter:\n\tsponsor: x\n", 3, 1, "Tab", "空格"},
		{"malformed yaml unclosed quote", "title: 党建网\ndescription: \"未结束\nauthor: x\n", 2, 14, "引号或括号", "引号"},
		{"unclosed quote alone", "title: \"x\n", 1, 8, "引号或括号", "引号"},
		{"second document", "title: 第一\n---\ntitle: 第二\nbogus: 1\n", 2, 1, "--- 把设置分成了两份", "site.yaml 只能有一份设置;删掉 --- 或把两部分合并"},
		{"second document after ...", "title: 第一\n...\ntitle: 第二\n", 2, 1, "... 表示设置到此结束", "删掉 ..."},
		{"site_code of Chinese characters", "title: 党建网\nfooter:\n  site_code: \"一二三四五六七八九十\"\n", 3, 14,
			"网站标识码 “一二三四五六七八九十” 的第 1 位 “一” 不是英文字母或数字", "半角"},
		{"site_code with a full-width digit", "title: 党建网\nfooter:\n  site_code: \"330100000１\"\n", 3, 14, "第 10 位 “１”", ""},
		{"site_code too long", "title: 党建网\nfooter:\n  site_code: \"33010000012\"\n", 3, 14, "应为 10 位英文字母或数字,现在是 11 位", ""},
		{"icp_link without scheme", "title: 党建网\nfooter:\n  icp_link: beian.miit.gov.cn\n", 3, 13,
			"ICP 备案查询链接 “beian.miit.gov.cn” 应为以 http:// 或 https:// 开头的完整网址", "写成 https://beian.miit.gov.cn"},
		{"icp_link site path", "title: 党建网\nfooter:\n  icp_link: /beian/\n", 3, 13, "应为以 http:// 或 https:// 开头", "https://beian.miit.gov.cn/"},
		{"icp_link with a space", "title: 党建网\nfooter:\n  icp_link: https://beian.miit.gov.cn/ a\n", 3, 13, "含有空格", "http:// 或 https://"},
		{"police_link site path", "title: 党建网\nfooter:\n  police_link: /x/\n", 3, 16, "公安备案查询链接", "http://www.beian.gov.cn/"},
		{"badge_image bad", "title: 党建网\nfooter:\n  badge_image: images/dzjg.png\n", 3, 16, "党政机关标识图片", "/images/dzjg.png"},
		{"badge script and image", "title: 党建网\nfooter:\n  badge_script: https://dcs.conac.cn/js/1.js\n  badge_image: /images/dzjg.png\n", 4, 16,
			"同时写了党政机关标识脚本 badge_script 和标识图片 badge_image", "只保留 badge_script"},
		{"badge script and link", "title: 党建网\nfooter:\n  badge_script: https://dcs.conac.cn/js/1.js\n  badge_link: https://bszs.conac.cn/\n", 4, 15,
			"不用写标识链接 badge_link", "删掉 badge_link"},
		{"badge link alone", "title: 党建网\nfooter:\n  badge_link: https://bszs.conac.cn/\n", 3, 15,
			"没有标识图片 badge_image", "badge_image: /images/dzjg.png"},
		{"page_size too large to read", "title: 党建网\npage_size: 99999999999999999999\n", 2, 12,
			"“page_size” 的数字 99999999999999999999 太大了,应在 1 到 1000 之间", "1 到 1000 之间的整数"},
		{"negative toc level too small to read", "title: 党建网\nmarkdown:\n  toc_min_level: -99999999999999999999\n", 3, 18,
			"太小了,应在 1 到 6 之间", ""},
		{"menu weight too large to read", "title: 党建网\nmenus:\n  main:\n    - {name: a, url: /, weight: 99999999999999999999}\n", 4, 33,
			"“menus.main[0].weight” 的数字 99999999999999999999 太大了", "小一些的整数"},
		{"menu item leads nowhere", "title: 党建网\nmenus:\n  main:\n    - name: 专题\n", 4, 7,
			"菜单项 “专题” 既没有链接 url,也没有下级菜单 children", "url: /news/"},
		{"menu child leads nowhere", "title: 党建网\nmenus:\n  main:\n    - name: 专题\n      children:\n        - {name: a}\n", 6, 11,
			"菜单项 “a” 既没有链接", "children"},
		{"malformed yaml bad indent", "title: 党建网\nfooter:\n  sponsor: a\n operator: b\n", 4, 2, "缩进", "对齐"},
		{"duplicate key", "title: 党建网\npage_size: 10\ntitle: 又一个\n", 3, 1, "“title” 写了两次(第 1 行已经写过)", "删掉"},
		{"duplicate nested key", "title: 党建网\nfooter:\n  icp: a\n  icp: b\n", 4, 3, "“icp” 写了两次", ""},
		{"missing title", "description: 简介\n", 1, 1, "缺少网站名称 title", "title:"},
		{"empty title", "title: \"\"\n", 1, 8, "title 是空的", "title:"},
		{"empty file", "", 1, 1, "缺少网站名称", ""},
		{"not a mapping", "- a\n- b\n", 1, 1, "应为一项项", ""},
		{"menu item without name", "title: 党建网\nmenus:\n  main:\n    - url: /news/\n", 4, 7, "缺少名称 name", "name"},
		{"menu three levels", "title: t\nmenus:\n  main:\n    - name: a\n      children:\n        - name: b\n          children:\n            - name: c\n",
			8, 13, "不能再有下级菜单", "两级"},
		{"bad taxonomy key", "title: t\ntaxonomies:\n  主题: 主题\n", 3, 3, "分类名 “主题”", "小写英文"},
		{"not utf-8", "title: \xd5\xfe\xb2\xdf\n", 1, 8, "GBK", "UTF-8"},
		{"email with mailto:", "title: t\nfooter:\n  email: mailto:dj@example.gov.cn\n", 3, 10,
			"电子邮箱 “mailto:dj@example.gov.cn” 不是有效的邮箱地址", "email: dangjian@example.gov.cn"},
		{"email without a domain", "title: t\nfooter:\n  email: dangjian\n", 3, 10, "不是有效的邮箱地址", ""},
		{"email with a space", "title: t\nfooter:\n  email: dj @example.gov.cn\n", 3, 10, "不是有效的邮箱地址", ""},
		{"bad badge script", "title: t\nfooter:\n  badge_script: /js/badge.js\n", 3, 17, "党政机关标识脚本 “/js/badge.js” 应为以 http:// 或 https:// 开头", "发放单位"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ds := Parse("site.yaml", []byte(tt.src))
			if c == nil {
				t.Fatal("Parse returned a nil Config")
			}
			if len(ds) == 0 {
				t.Fatal("no diagnostic")
			}
			for _, d := range ds {
				if d.File == "site.yaml" && d.Line == tt.line && d.Col == tt.col &&
					strings.Contains(d.Message, tt.msg) && strings.Contains(d.Hint, tt.hint) {
					return
				}
			}
			for _, d := range ds {
				t.Logf("got %s", d.Error())
			}
			t.Errorf("want site.yaml:%d:%d with %q / hint %q", tt.line, tt.col, tt.msg, tt.hint)
		})
	}
}

func TestParseReportsAllErrors(t *testing.T) {
	src := "titel: x\npage_size: 二十\nfooter:\n  site_code: 1\n  sponser: y\n"
	_, ds := Parse("site.yaml", []byte(src))
	if len(ds) < 5 { // titel, missing title, page_size, site_code, sponser
		for _, d := range ds {
			t.Log(d.Error())
		}
		t.Fatalf("got %d diagnostics, want at least 5", len(ds))
	}
	for i := 1; i < len(ds); i++ {
		if ds[i-1].Line > ds[i].Line {
			t.Errorf("diagnostics not sorted: %v before %v", ds[i-1].Error(), ds[i].Error())
		}
	}
}

func TestDefaults(t *testing.T) {
	c, ds := Parse("site.yaml", []byte("title: 某某机关党建网\n"))
	if len(ds) != 0 {
		t.Fatalf("unexpected diagnostics: %v", ds[0].Error())
	}
	want := Default()
	want.Title = "某某机关党建网"
	want.src = []byte("title: 某某机关党建网\n")
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
	checks := map[string][2]any{
		"base_url":       {c.BaseURL, "/"},
		"language":       {c.Language, "zh-CN"},
		"time_zone":      {c.TimeZone, "Asia/Shanghai"},
		"theme":          {c.Theme, "default"},
		"page_size":      {c.PageSize, 20},
		"summary_length": {c.SummaryLength, 120},
		"reading_speed":  {c.ReadingSpeed, 400},
		"rss_limit":      {c.RSSLimit, 20},
		"toc_min_level":  {c.Markdown.TOCMinLevel, 2},
		"toc_max_level":  {c.Markdown.TOCMaxLevel, 4},
		"unsafe":         {c.Markdown.Unsafe, false},
		"location":       {c.Location().String(), "Asia/Shanghai"},
		"base path":      {c.BasePath(), "/"},
		"domain":         {c.Domain(), ""},
		"icp_link":       {c.Footer.ICPLink, ""},
	}
	for name, got := range checks {
		if got[0] != got[1] {
			t.Errorf("%s = %v, want %v", name, got[0], got[1])
		}
	}
	if got := c.TaxonomyKeys(); !reflect.DeepEqual(got, []string{"tags", "themes"}) || c.Taxonomies["tags"] != "标签" {
		t.Errorf("taxonomies = %v", c.Taxonomies)
	}
	if !reflect.DeepEqual(c.Categories, []string{"经济", "民生", "党群", "国企"}) {
		t.Errorf("categories = %v", c.Categories)
	}
	if p := c.Panggao; p.TargetDifficulty != (Score{0, 100, 40}) || p.MeasureStrength.Weight != 30 || p.Determination.Max != 100 {
		t.Errorf("panggao = %+v", p)
	}
}

func TestPanggaoAndCategories(t *testing.T) {
	c, ds := Parse("site.yaml", []byte("title: t\ntaxonomies: {tags: 标签}\ncategories: [经济, 民生, 经济]\n"+
		"panggao:\n  determination: {min: 0, max: 10, weight: 1}\n  measure_strength: {min: 5, max: 5}\n  target_difficulty: {weight: 0}\n"))
	want := []string{"site.yaml:3:22 单位类别 “经济” 写了两次",
		"site.yaml:6:35 “panggao.measure_strength” 的最高分 5 不大于最低分 5",
		"site.yaml:7:31 “panggao.target_difficulty.weight” 应大于 0,现在是 0"}
	if len(ds) != len(want) {
		t.Fatalf("diagnostics: %v", ds)
	}
	for i, d := range ds {
		if got := d.Location() + " " + d.Message; got != want[i] {
			t.Errorf("got %q, want %q", got, want[i])
		}
	}
	if c.Taxonomies["themes"] != "主题" {
		t.Errorf("themes taxonomy missing: %v", c.Taxonomies)
	}
	if !reflect.DeepEqual(c.Categories, []string{"经济", "民生"}) || c.Panggao.Determination != (Score{0, 10, 1}) ||
		c.Panggao.MeasureStrength != (Score{0, 100, 30}) || c.Panggao.TargetDifficulty.Weight != 40 {
		t.Errorf("config = %v %+v", c.Categories, c.Panggao)
	}
}

func TestParseFull(t *testing.T) {
	src := "\ufefftitle: 某某机关党建网\n" +
		"keywords: 党建，学习、教育, 党建\n" +
		"base_url: HTTPS://Example.gov.cn/dangjian\n" +
		"time_zone: Asia/Urumqi\n" +
		"taxonomies:\n  tags: 标签\n  themes: 专题\n" +
		"menus:\n  main:\n    - name: 工作动态\n      url: /news/\n      weight: 2\n" +
		"    - name: 首页\n      url: /\n      weight: 1\n    - name: 党建\n      weight: 1\n" +
		"      children:\n        - {name: b, url: /b/, weight: 2}\n        - {name: a, url: /a/, weight: 2}\n" +
		"footer:\n  icp: 浙ICP备12345678号\n  police: 浙公网安备 33010202000000号\n  site_code: 3301000001\n" +
		"  address: 某某市某某路 1 号\n  phone: 0571-00000000\n  email: dangjian@example.gov.cn\n" +
		"  badge_image: /images/dzjg.png\n  badge_link: https://bszs.conac.cn/sitename?method=show&id=1\n" +
		"  links:\n    - name: 中国政府网\n      url: https://www.gov.cn/\n" +
		"params:\n  Anything: [1, 2.5, x, true, ~, 2024-06-24]\n  nested: {a: {b: c}}\n"
	c, ds := Parse("site.yaml", []byte(src))
	for _, d := range ds {
		t.Error(d.Error())
	}
	if !reflect.DeepEqual(c.Keywords, []string{"党建", "学习", "教育"}) {
		t.Errorf("keywords = %q", c.Keywords)
	}
	if c.BaseURL != "https://example.gov.cn/dangjian/" || c.BasePath() != "/dangjian/" || c.Domain() != "example.gov.cn" {
		t.Errorf("base = %q %q %q", c.BaseURL, c.BasePath(), c.Domain())
	}
	if c.Location().String() != "Asia/Urumqi" {
		t.Errorf("location = %v", c.Location())
	}
	if got := c.TaxonomyKeys(); !reflect.DeepEqual(got, []string{"tags", "themes"}) {
		t.Errorf("taxonomy keys = %v", got)
	}
	var names []string
	for _, it := range c.Menus["main"] {
		names = append(names, it.Name)
	}
	if !reflect.DeepEqual(names, []string{"党建", "首页", "工作动态"}) {
		t.Errorf("menu order = %v", names)
	}
	if ch := c.Menus["main"][0].Children; len(ch) != 2 || ch[0].Name != "a" {
		t.Errorf("children = %+v", ch)
	}
	f := c.Footer
	if f.ICPLink != DefaultICPLink || f.PoliceLink != policeLinkPrefix+"33010202000000" || f.SiteCode != "3301000001" || len(f.Links) != 1 ||
		f.Address != "某某市某某路 1 号" || f.Phone != "0571-00000000" || f.Email != "dangjian@example.gov.cn" ||
		f.BadgeImage != "/images/dzjg.png" || f.BadgeLink == "" {
		t.Errorf("footer = %+v", f)
	}
	want := []any{1, 2.5, "x", true, nil, "2024-06-24"}
	if got := c.Params["Anything"]; !reflect.DeepEqual(got, want) {
		t.Errorf("params = %#v", got)
	}
	if got := c.Params["nested"]; !reflect.DeepEqual(got, map[string]any{"a": map[string]any{"b": "c"}}) {
		t.Errorf("nested params = %#v", got)
	}
}

func TestURLs(t *testing.T) {
	tests := []struct {
		base, in, rel, abs string
	}{
		{"/", "/news/a/", "/news/a/", "/news/a/"},
		{"/", "news/a/", "/news/a/", "/news/a/"},
		{"/", "", "/", "/"},
		{"https://example.gov.cn/", "/news/a/", "/news/a/", "https://example.gov.cn/news/a/"},
		{"https://example.gov.cn", "news/a/", "/news/a/", "https://example.gov.cn/news/a/"},
		{"https://example.gov.cn/dangjian/", "/news/a/", "/dangjian/news/a/", "https://example.gov.cn/dangjian/news/a/"},
		{"https://example.gov.cn/dangjian", "news//a/", "/dangjian/news/a/", "https://example.gov.cn/dangjian/news/a/"},
		{"https://example.gov.cn/dangjian/", "/", "/dangjian/", "https://example.gov.cn/dangjian/"},
		{"https://example.gov.cn/dangjian/", "", "/dangjian/", "https://example.gov.cn/dangjian/"},
		{"https://example.gov.cn/dangjian/", "/img/a.png?v=1#x", "/dangjian/img/a.png?v=1#x", "https://example.gov.cn/dangjian/img/a.png?v=1#x"},
		{"https://example.gov.cn/dangjian/", "https://www.gov.cn/", "https://www.gov.cn/", "https://www.gov.cn/"},
		{"https://example.gov.cn/dangjian/", "//cdn.example.com/a.js", "//cdn.example.com/a.js", "//cdn.example.com/a.js"},
		{"https://example.gov.cn/dangjian/", "mailto:a@b.cn", "mailto:a@b.cn", "mailto:a@b.cn"},
		{"https://example.gov.cn/dangjian/", "#top", "#top", "#top"},
		{"https://example.gov.cn/dangjian/", "/新闻/政策/", "/dangjian/新闻/政策/", "https://example.gov.cn/dangjian/新闻/政策/"},
		{"/dangjian", "/news/", "/dangjian/news/", "/dangjian/news/"},
		{"http://localhost:1313/", "/a/", "/a/", "http://localhost:1313/a/"},
	}
	for _, tt := range tests {
		c := Default()
		if d := c.SetBaseURL(tt.base); d != nil {
			t.Fatalf("SetBaseURL(%q): %v", tt.base, d.Error())
		}
		if got := c.RelURL(tt.in); got != tt.rel {
			t.Errorf("base %q: RelURL(%q) = %q, want %q", tt.base, tt.in, got, tt.rel)
		}
		if got := c.AbsURL(tt.in); got != tt.abs {
			t.Errorf("base %q: AbsURL(%q) = %q, want %q", tt.base, tt.in, got, tt.abs)
		}
	}
}

func TestSetBaseURL(t *testing.T) {
	c := Default()
	if d := c.SetBaseURL("example.gov.cn"); d == nil || !strings.Contains(d.Message, "http") {
		t.Errorf("SetBaseURL(example.gov.cn) = %v, want an error", d)
	}
	if c.BaseURL != "/" {
		t.Errorf("a bad base URL changed BaseURL to %q", c.BaseURL)
	}
	for _, bad := range []string{"//example.gov.cn/", "https://", "https:///x", "/a/../b/", "https://a.cn/a b/", "javascript:alert(1)", "https://u:p@a.cn/"} {
		if d := Default().SetBaseURL(bad); d == nil {
			t.Errorf("SetBaseURL(%q) accepted", bad)
		}
	}
	if d := c.SetBaseURL("https://Example.gov.cn:8443/dj"); d != nil || c.BaseURL != "https://example.gov.cn:8443/dj/" || c.Domain() != "example.gov.cn" {
		t.Errorf("SetBaseURL: %v %q %q", d, c.BaseURL, c.Domain())
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "site.yaml")
	c, ds := Load(missing)
	if c == nil || len(ds) != 1 || ds[0].File != missing || !strings.Contains(ds[0].Message, "找不到") || ds[0].Hint == "" {
		t.Fatalf("missing file: %v %v", c, ds)
	}
	if err := os.WriteFile(missing, []byte("title: 党建网\npage_size: 15\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, ds = Load(missing)
	if len(ds) != 0 || c.Title != "党建网" || c.PageSize != 15 {
		t.Fatalf("Load: %+v %v", c, ds)
	}
	if _, ds = Load(dir); len(ds) != 1 {
		t.Errorf("Load(dir) = %v", ds)
	}
}

func TestAliasBomb(t *testing.T) {
	src := "title: t\nparams:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
		"  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
		"keywords: &k [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	_, ds := Parse("site.yaml", []byte(src))
	if len(ds) == 0 {
		t.Error("an alias bomb gave no diagnostic")
	}
	for _, src := range []string{
		"title: t\nparams: &a\n  x: *a\n",
		"title: t\nmenus: {main: [&i {name: a, children: [*i]}]}\n",
		"title: t\nfooter: &f {links: [*f]}\n",
	} {
		if _, ds = Parse("site.yaml", []byte(src)); len(ds) == 0 {
			t.Errorf("a self-referring alias gave no diagnostic: %q", src)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("title: 党建网\nbase_url: https://a.cn/x\nmenus:\n  main:\n    - name: a\n      url: /a/\n"))
	f.Add([]byte("titel: x\n\tfoo: [1, 2\n"))
	f.Add([]byte("a: &a [*a]\nparams: *a\n"))
	f.Add([]byte("footer:\n  links:\n    - {name: x, url: 'http://'}\n  site_code: 0123456789\n"))
	f.Add([]byte("\xff\xfe"))
	f.Add([]byte("title: a\n---\ntitle: b\n...\nx: [\n"))
	f.Add([]byte("title: [a]\npage_size: 99999999999999999999\nfooter: {badge_link: /x/, email: a@b}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, ds := Parse("site.yaml", src)
		if c == nil {
			t.Fatal("nil Config")
		}
		for _, d := range ds {
			_ = d.Long()
		}
		_ = c.RelURL(string(src))
		_ = c.AbsURL(string(src))
		_ = c.Domain()
		_ = c.Location()
	})
}

func TestThemeDir(t *testing.T) {
	for _, c := range []struct{ theme, dir, display string }{
		{"default", filepath.Join("site", "themes", "default"), "themes/default"},
		{"../shared/theme", filepath.Join("site", "..", "shared", "theme"), "../shared/theme"},
		{"/opt/themes/gov", "/opt/themes/gov", "/opt/themes/gov"},
	} {
		cfg := Default()
		cfg.Theme = c.theme
		if dir, display := cfg.ThemeDir("site"); dir != c.dir || display != c.display {
			t.Errorf("theme %q: %q, %q; want %q, %q", c.theme, dir, display, c.dir, c.display)
		}
	}
}

// TestOneErrorPerKey: a key whose value has the wrong type is reported
// once, not also as missing, empty or wrong in the checks after decoding.
func TestOneErrorPerKey(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the one message
	}{
		{"title as a list", "title: [a, b]\n", "site.yaml:1:8 “title” 应为一行文字,现在是一个列表"},
		{"title as a mapping", "title:\n  a: b\n", "site.yaml:2:3 “title” 应为一行文字,现在是一组“名称: 值”的设置"},
		{"footer link as text", "title: t\nfooter:\n  links: [中国政府网]\n", "site.yaml:3:11 “footer.links[0]” 应为一组“名称: 值”的设置(在下一行多缩进两个空格书写),现在是文字 “中国政府网”"},
		{"menu item as text", "title: t\nmenus:\n  main: [首页]\n", "site.yaml:3:10 “menus.main[0]” 应为一组“名称: 值”的设置(在下一行多缩进两个空格书写),现在是文字 “首页”"},
		{"page_size as text", "title: t\npage_size: 二十\n", "site.yaml:2:12 “page_size” 应为整数,现在是文字 “二十”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Parse("site.yaml", []byte(tt.src))
			var got []string
			for _, d := range ds {
				got = append(got, d.Location()+" "+d.Message)
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %q\nwant [%q]", got, tt.want)
			}
		})
	}
}

func TestCheckBaseURL(t *testing.T) {
	tests := []struct {
		in, norm, msg string
	}{
		{"https://Example.gov.cn/dj", "https://example.gov.cn/dj/", ""},
		{"/dangjian", "/dangjian/", ""},
		{"::", "", "--base-url “::” 不是有效的网址"},
		{"ftp://x", "", "只能以 http:// 或 https:// 开头"},
		{"x", "", "不是有效的网址"},
		{"example.gov.cn", "", "缺少 http:// 或 https://"},
	}
	for _, tt := range tests {
		norm, d := CheckBaseURL(tt.in)
		switch {
		case tt.msg == "" && (d != nil || norm != tt.norm):
			t.Errorf("CheckBaseURL(%q) = %q, %v; want %q", tt.in, norm, d, tt.norm)
		case tt.msg != "" && (d == nil || d.File != "命令行参数 --base-url" || !strings.Contains(d.Message, tt.msg) || d.Hint == ""):
			t.Errorf("CheckBaseURL(%q) = %q, %v; want an error with %q", tt.in, norm, d, tt.msg)
		}
	}
}

// TestPathOnlyBaseURL: a base URL without a domain is warned about once,
// at base_url when it is written, and saying how to fix it.
func TestPathOnlyBaseURL(t *testing.T) {
	tests := []struct {
		name, src, flag string
		want            string // location and the start of the message; "" for no warning
	}{
		{"full URL", "title: t\nbase_url: https://example.gov.cn/dj/\n", "", ""},
		{"not written", "title: t\n", "", "site.yaml 没有设置网站地址 base_url"},
		{"a path", "title: t\nbase_url: /dangjian/\n", "", "site.yaml:2:11 base_url “/dangjian/” 只是路径"},
		{"a path, full URL by flag", "title: t\nbase_url: /dangjian/\n", "https://example.gov.cn/", ""},
		{"a full URL, path by flag", "title: t\nbase_url: https://example.gov.cn/\n", "/x/", "命令行参数 --base-url --base-url “/x/” 只是路径"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ds := Parse("site.yaml", []byte(tt.src))
			if len(ds) != 0 {
				t.Fatal(ds)
			}
			if tt.flag != "" {
				if d := c.SetBaseURL(tt.flag); d != nil {
					t.Fatal(d)
				}
			}
			w := c.PathOnlyBaseURL()
			switch {
			case tt.want == "" && w != nil:
				t.Errorf("unexpected warning %v", w.Error())
			case tt.want == "":
			case w == nil:
				t.Errorf("no warning, want %q", tt.want)
			case w.Severity != diag.Warning || !strings.HasPrefix(w.Location()+" "+w.Message, tt.want) ||
				!strings.Contains(w.Message, "robots.txt") || !strings.Contains(w.Hint, "https://"):
				t.Errorf("got %s, want %q", w.Error(), tt.want)
			}
		})
	}
}

func TestCheckTheme(t *testing.T) {
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "themes", "default"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "themes", "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src string
		want      string // location and message; "" for no problem
	}{
		{"default, present", "title: t\n", ""},
		{"named, present", "title: t\ntheme: default\n", ""},
		{"named, missing", "title: t\ntheme: nosuch\n", "site.yaml:2:8 找不到主题文件夹 themes/nosuch"},
		{"a path, missing", "title: t\ntheme: ../shared/gov\n", "site.yaml:2:8 找不到主题文件夹 ../shared/gov"},
		{"not a folder", "title: t\ntheme: file\n", "site.yaml:2:8 主题 themes/file 不是文件夹"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ds := Parse("site.yaml", []byte(tt.src))
			if len(ds) != 0 {
				t.Fatal(ds)
			}
			d := c.CheckTheme(site)
			switch {
			case tt.want == "" && d != nil:
				t.Errorf("unexpected %v", d.Error())
			case tt.want == "":
			case d == nil || d.Location()+" "+d.Message != tt.want || d.Hint == "" || len(d.Excerpt) == 0:
				t.Errorf("got %+v, want %q with a hint and the source line", d, tt.want)
			}
		})
	}
	// Without a theme key the default theme's absence has no position.
	c, _ := Parse("site.yaml", []byte("title: t\n"))
	if d := c.CheckTheme(t.TempDir()); d == nil || d.Line != 0 || !strings.Contains(d.Message, "themes/default") {
		t.Errorf("missing default theme: %+v", d)
	}
}

// TestMultipleDocuments: a site.yaml ending with --- or ... is fine; only
// settings after one are an error.
func TestMultipleDocuments(t *testing.T) {
	for _, src := range []string{"title: t\n---\n", "title: t\n...\n", "---\ntitle: t\n", "---\ntitle: t\n...\n# 完\n"} {
		if c, ds := Parse("site.yaml", []byte(src)); len(ds) != 0 || c.Title != "t" {
			t.Errorf("%q: %v %q", src, ds, c.Title)
		}
	}
}
