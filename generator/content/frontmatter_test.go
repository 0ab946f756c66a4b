package content

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"yipin/generator/config"
)

func shanghai(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestParseFrontMatterErrors(t *testing.T) {
	const file = "content/news/a.md"
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string // the message contains this
		hint      string // the hint contains this
	}{
		{"malformed yaml", "---\ntitle: 关于学习\nauthor: 张三: 李四\n---\n正文\n", 3, 11, "YAML 格式有误", "英文双引号"},
		{"tab indent", "---\ntitle: t\ntags:\n\t- a\n---\n", 4, 1, "Tab", "空格"},
		{"unclosed quote", "---\ntitle: \"未结束\ndate: 2024-06-24\n---\n", 2, 8, "引号", "引号"},
		{"missing closing ---", "---\ntitle: 关于学习\n\n正文\n", 1, 1, "front matter 缺少结束的 ---", "另起一行"},
		{"date 明天", "---\ntitle: t\ndate: 明天\n---\n", 3, 7, "日期 “明天” 无法识别", "2024-06-24"},
		{"lastmod bad", "---\ntitle: t\nlastmod: 2024-13-45\n---\n", 3, 10, "日期 “2024-13-45” 无法识别", "2024/06/24"},
		{"date as list", "---\ndate: [2024]\n---\n", 2, 7, "“date” 应为日期", "2024-06-24"},
		{"tags as mapping", "---\ntitle: t\ntags:\n  a: b\n---\n", 4, 3, "“tags” 应为一组词", "逗号"},
		{"tags item is a list", "---\ntags:\n  - [a, b]\n---\n", 3, 5, "每一项应为一个词", ""},
		{"not utf-8", "---\ntitle: \xb9\xd8\xd3\xda\n---\n", 2, 8, "GBK", "另存为"},
		{"not utf-8, not gbk", "---\ntitle: ok\n---\nab\xff\n", 4, 3, "不是 UTF-8", "UTF-8"},
		{"empty file", "", 1, 1, "文件是空的", "删掉"},
		{"whitespace only", " \n\r\n\t\n", 1, 1, "文件是空的", ""},
		{"bom only", "\ufeff\n", 1, 1, "文件是空的", ""},
		{"url ../../etc", "---\ntitle: t\nurl: ../../etc\n---\n", 3, 6, "url “../../etc” 不能指向站点之外", "站内地址"},
		{"url absolute", "---\nurl: https://evil.example/\n---\n", 2, 6, "不能指向站点之外", ""},
		{"url protocol relative", "---\nurl: //evil.example/x\n---\n", 2, 6, "不能指向站点之外", ""},
		{"url backslash", "---\nurl: '..\\..\\windows'\n---\n", 2, 6, "不能指向站点之外", ""},
		{"url encoded dots", "---\nurl: /a/%2e%2e/%2e%2e/etc\n---\n", 2, 6, "不能指向站点之外", ""},
		{"url nul", "---\nurl: \"/a\\0b\"\n---\n", 2, 6, "url “/a\\x00b” 含有看不见的控制字符 \\x00", "重新用键盘输入"},
		{"url nul at end", "---\nurl: \"/news/a/\\u0000\"\n---\n", 2, 6, "url “/news/a/\\x00” 含有看不见的控制字符 \\x00", "控制字符"},
		{"url escape char", "---\nurl: \"/a/\\e[31m/\"\n---\n", 2, 6, "“/a/\\x1b[31m/” 含有看不见的控制字符 \\x1b", "控制字符"},
		{"url percent nul", "---\nurl: /a/%00/\n---\n", 2, 6, "含有看不见的控制字符 \\x00", "控制字符"},
		{"slug tab", "---\nslug: \"a\\tb\"\n---\n", 2, 7, "slug “a\\tb” 含有看不见的控制字符 \\t", "控制字符"},
		{"slug nul", "---\nslug: \"a\\0\"\n---\n", 2, 7, "slug “a\\x00” 含有看不见的控制字符", "控制字符"},
		{"alias C1 control", "---\naliases: [\"/old/\\x85/\"]\n---\n", 2, 11, "别名 “/old/\\u0085/” 含有看不见的控制字符 \\u0085", "控制字符"},
		{"date with nul", "---\ndate: \"2024-06-24\\0\"\n---\n", 2, 7, "日期 “2024-06-24\\x00” 无法识别", ""},
		{"draft nul", "---\ndraft: \"\\0\"\n---\n", 2, 8, "“draft” 应为 true 或 false,现在是文字 “\\x00”", ""},
		{"weight escape", "---\nweight: \"\\e\"\n---\n", 2, 9, "“weight” 应为整数,现在是文字 “\\x1b”", ""},
		{"lang with bell", "---\nlang: \"zh\\a\"\n---\n", 2, 7, "lang “zh\\x07” 不是有效的语言代码", ""},
		{"slug ../x", "---\ntitle: t\nslug: ../x\n---\n", 3, 7, "slug 不能指向站点之外", "slug"},
		{"slug dot dot", "---\nslug: ..\n---\n", 2, 7, "slug 不能指向站点之外", ""},
		{"slug with slash", "---\nslug: a/b\n---\n", 2, 7, "只能是一段名称", ""},
		{"alias escaping", "---\ntitle: t\naliases:\n  - /old/\n  - ../../../tmp/x\n---\n", 5, 5, "别名 “../../../tmp/x” 不能指向站点之外", "站内地址"},
		{"alias single escaping", "---\naliases: /a/../../b\n---\n", 2, 10, "不能指向站点之外", ""},
		{"layout escaping", "---\nlayout: ../../x\n---\n", 2, 9, "layout “../../x” 不能指向站点之外", ""},
		{"duplicate key", "---\ntitle: a\ndate: 2024-06-24\ntitle: b\n---\n", 4, 1, "“title” 写了两次(第 2 行已经写过)", "删掉"},
		{"duplicate key other case", "---\ntitle: a\nTitle: b\n---\n", 3, 1, "是同一个设置", ""},
		{"duplicate nested key", "---\nextra:\n  a: 1\n  a: 2\n---\n", 4, 3, "“a” 写了两次", ""},
		{"draft 是", "---\ntitle: t\ndraft: 是\n---\n", 3, 8, "“draft” 应为 true 或 false,现在是文字 “是”", "草稿"},
		{"draft quoted", "---\ndraft: \"true\"\n---\n", 2, 8, "“draft” 应为 true 或 false", ""},
		{"weight not int", "---\nweight: 第一\n---\n", 2, 9, "“weight” 应为整数", "weight: 10"},
		{"title as list", "---\ntitle: [通知] 关于学习\n---\n", 2, 8, "值以“[”或“{”开头", "英文双引号"},
		{"title flow list", "---\ntitle: [通知]\n---\n", 2, 8, "“title” 应为一行文字,现在是一个列表", "英文双引号"},
		{"not a mapping", "---\n- a\n- b\n---\n", 2, 1, "front matter 应为一项项", "title:"},
		{"crlf malformed", "---\r\ntitle: t\r\ndate: 明天\r\n---\r\n", 3, 7, "日期 “明天” 无法识别", ""},
		{"bom and error", "\ufeff---\ntitle: t\ndate: 明天\n---\n", 3, 7, "日期 “明天” 无法识别", ""},
		{"non-scalar key", "---\n[a]: 1\n---\n", 2, 1, "设置名应为一行文字", ""},
		{"self alias", "---\nx: &a [*a]\n---\n", 2, 4, "引用(*)了自己", ""},
		{"lang not a tag", "---\nlang: 繁体\n---\n", 2, 7, "lang “繁体” 不是有效的语言代码", "zh-Hant"},
		{"lang with space", "---\nlang: zh CN\n---\n", 2, 7, "不是有效的语言代码", ""},
		{"featured 是", "---\nfeatured: 是\n---\n", 2, 11, "“featured” 应为 true 或 false", ""},
		{"keywords as mapping", "---\nkeywords:\n  a: b\n---\n", 3, 3, "“keywords” 应为一组词", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, _, _, ds := ParseFrontMatter(file, []byte(tt.src), Options{Location: shanghai(t)})
			if fm == nil || fm.Terms == nil || fm.Params == nil || fm.Pos == nil || fm.Node == nil {
				t.Fatalf("FrontMatter or its maps are nil: %+v", fm)
			}
			for _, d := range ds {
				if hasControl(d.Message) || hasControl(d.File) {
					t.Errorf("raw control character in %q", d.Error())
				}
			}
			for _, d := range ds {
				if d.File == file && d.Line == tt.line && d.Col == tt.col &&
					strings.Contains(d.Message, tt.msg) && strings.Contains(d.Hint, tt.hint) {
					return
				}
			}
			for _, d := range ds {
				t.Logf("got %s", d.Error())
			}
			t.Errorf("want %s:%d:%d with %q / hint %q", file, tt.line, tt.col, tt.msg, tt.hint)
		})
	}
}

func TestParseFrontMatter(t *testing.T) {
	loc := shanghai(t)
	src := "\ufeff---  \r\n" +
		"title: 关于开展主题教育的通知\r\n" +
		"date: 2024-06-24 09:26\r\n" +
		"draft: false\r\n" +
		"summary: 摘要\r\n" +
		"weight: 3\r\n" +
		"slug: zhuti-jiaoyu\r\n" +
		"url: /news/2024/zhuti/\r\n" +
		"aliases: /old/zhuti/\r\n" +
		"author: 张三\r\n" +
		"source: 区委组织部\r\n" +
		"editor: 李四\r\n" +
		"layout: special\r\n" +
		"type: notice\r\n" +
		"description: 描述\r\n" +
		"keywords: 主题教育, 学习\r\n" +
		"image: cover.png\r\n" +
		"lang: zh-Hant\r\n" +
		"featured: true\r\n" +
		"column_type: 通知公告\r\n" +
		"tags: 党建，学习、教育, 党建 ,, 学习\r\n" +
		"themes: [2024, 主题教育, 2024]\r\n" +
		"cover: /img/a.png\r\n" +
		"extra: {n: 1, f: 1.5, b: true, d: 2024-06-24, l: [a, ~]}\r\n" +
		"---\r\n" +
		"正文第一行\r\n"
	fm, body, bodyLine, ds := ParseFrontMatter("content/a.md", []byte(src), Options{Location: loc, Taxonomies: []string{"tags", "themes"}})
	for _, d := range ds {
		t.Error(d.Error())
	}
	want := &FrontMatter{
		Title:   "关于开展主题教育的通知",
		Date:    time.Date(2024, 6, 24, 9, 26, 0, 0, loc),
		Lastmod: time.Date(2024, 6, 24, 9, 26, 0, 0, loc),
		Summary: "摘要", Weight: 3, Slug: "zhuti-jiaoyu", URL: "/news/2024/zhuti/",
		Aliases: []string{"/old/zhuti/"}, Author: "张三", Source: "区委组织部", Editor: "李四",
		Layout: "special", Type: "notice",
		Description: "描述", Keywords: []string{"主题教育", "学习"}, Image: "cover.png",
		Lang: "zh-Hant", Featured: true, ColumnType: "通知公告",
		Terms: map[string][]string{"tags": {"党建", "学习", "教育"}, "themes": {"2024", "主题教育"}},
		Params: map[string]any{
			"cover": "/img/a.png",
			"extra": map[string]any{"n": 1, "f": 1.5, "b": true, "d": "2024-06-24", "l": []any{"a", nil}},
		},
	}
	fm.Node, fm.Pos = nil, nil
	if !reflect.DeepEqual(fm, want) {
		t.Errorf("got  %+v\nwant %+v", fm, want)
	}
	if string(body) != "正文第一行\r\n" || bodyLine != 26 {
		t.Errorf("body %q at line %d", body, bodyLine)
	}
	if &body[0] != &[]byte(src)[len(src)-len(body)] && !strings.HasSuffix(src, string(body)) {
		t.Error("body is not the end of src")
	}
}

func TestBodyIsSubslice(t *testing.T) {
	src := []byte("---\ntitle: t\n---\n正文\n")
	_, body, line, _ := ParseFrontMatter("a.md", src, Options{})
	if &body[0] != &src[len(src)-len(body)] {
		t.Error("Body was copied")
	}
	if line != 4 {
		t.Errorf("bodyLine = %d, want 4", line)
	}
}

func TestPositions(t *testing.T) {
	src := "---\ntitle: 标题\ntags:\n  - a\ndate:   2024-06-24\n---\n"
	fm, _, _, ds := ParseFrontMatter("a.md", []byte(src), Options{})
	if len(ds) > 0 {
		t.Fatal(ds[0].Error())
	}
	want := map[string]Pos{"title": {2, 8}, "tags": {4, 3}, "date": {5, 9}}
	if !reflect.DeepEqual(fm.Pos, want) {
		t.Errorf("Pos = %v, want %v", fm.Pos, want)
	}
	if fm.Node.Line != 2 || fm.Node.Content[1].Line != 2 || fm.Node.Content[3].Content[0].Line != 4 {
		t.Errorf("Node lines are not file lines: %d %d", fm.Node.Line, fm.Node.Content[1].Line)
	}
}

func TestNoFrontMatter(t *testing.T) {
	src := []byte("# 标题\n\n正文\n")
	fm, body, line, ds := ParseFrontMatter("a.md", src, Options{})
	if len(ds) != 0 || fm.Title != "" || string(body) != string(src) || line != 1 {
		t.Errorf("got %+v %q %d %v", fm, body, line, ds)
	}
	// An empty front matter is fine too.
	fm, body, line, ds = ParseFrontMatter("a.md", []byte("---\n---\nbody"), Options{})
	if len(ds) != 0 || string(body) != "body" || line != 3 || fm.Node == nil {
		t.Errorf("empty front matter: %+v %q %d %v", fm, body, line, ds)
	}
	// A closing --- at the very end without a newline.
	_, body, line, ds = ParseFrontMatter("a.md", []byte("---\ntitle: t\n---"), Options{})
	if len(ds) != 0 || len(body) != 0 || line != 4 {
		t.Errorf("closing at EOF: %q %d %v", body, line, ds)
	}
}

func TestDates(t *testing.T) {
	loc := shanghai(t)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2024-06-24", time.Date(2024, 6, 24, 0, 0, 0, 0, loc)},
		{"'2024-06-24'", time.Date(2024, 6, 24, 0, 0, 0, 0, loc)},
		{"2024-6-4", time.Date(2024, 6, 4, 0, 0, 0, 0, loc)},
		{"2024-06-24 09:26", time.Date(2024, 6, 24, 9, 26, 0, 0, loc)},
		{"2024-06-24 09:26:00", time.Date(2024, 6, 24, 9, 26, 0, 0, loc)},
		{"2024-06-24 09:26:30.5", time.Date(2024, 6, 24, 9, 26, 30, 5e8, loc)},
		{"2024-06-24T09:26:00", time.Date(2024, 6, 24, 9, 26, 0, 0, loc)},
		{"2024/06/24", time.Date(2024, 6, 24, 0, 0, 0, 0, loc)},
		{"2024/6/24 9:26", time.Date(2024, 6, 24, 9, 26, 0, 0, loc)},
		{"2024年6月24日", time.Date(2024, 6, 24, 0, 0, 0, 0, loc)},
		{"2024-06-24T09:26:00+08:00", time.Date(2024, 6, 24, 9, 26, 0, 0, loc)},
		{"2024-06-24T01:26:00Z", time.Date(2024, 6, 24, 9, 26, 0, 0, loc)},
		{"2024-06-24 09:26:00 +08:00", time.Date(2024, 6, 24, 9, 26, 0, 0, loc)},
	}
	for _, tt := range tests {
		fm, _, _, ds := ParseFrontMatter("a.md", []byte("---\ndate: "+tt.in+"\n---\n"), Options{Location: loc})
		if len(ds) > 0 {
			t.Errorf("%s: %v", tt.in, ds[0].Error())
			continue
		}
		if !fm.Date.Equal(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.in, fm.Date, tt.want)
		}
		if !fm.Lastmod.Equal(fm.Date) {
			t.Errorf("%s: lastmod %v does not default to date", tt.in, fm.Lastmod)
		}
	}
	// A date-only value is midnight in the site's zone, not in UTC.
	fm, _, _, _ := ParseFrontMatter("a.md", []byte("---\ndate: 2024-06-24\n---\n"), Options{Location: loc})
	if y, m, d := fm.Date.In(loc).Date(); y != 2024 || m != 6 || d != 24 || fm.Date.In(loc).Hour() != 0 {
		t.Errorf("date-only value shifted: %v", fm.Date.In(loc))
	}
	// A date with an offset keeps its instant but is given in the site's
	// zone: 20:00 UTC on New Year's Eve is 2025 in Beijing, for the date
	// shown, the archive and dateCN.
	for _, in := range []string{"2024-12-31T20:00:00Z", "2024-12-31 20:00:00 +00:00", "2024-12-31T15:00:00-05:00",
		"2024-12-31 20:00Z", "2024-12-31T20:00:00+0000"} {
		fm, _, _, ds := ParseFrontMatter("a.md", []byte("---\ndate: "+in+"\nlastmod: "+in+"\n---\n"), Options{Location: loc})
		want := time.Date(2025, 1, 1, 4, 0, 0, 0, loc)
		if len(ds) > 0 || fm.Date != want || fm.Lastmod != want {
			t.Errorf("%s: got %v / %v (%v), want %v", in, fm.Date, fm.Lastmod, ds, want)
		}
	}
	if fm, _, _, _ := ParseFrontMatter("a.md", []byte("---\ndate: 2024-06-24T09:26:00+08:00\n---\n"), Options{}); fm.Date.Location() != time.UTC {
		t.Errorf("no zone set: %v, want UTC", fm.Date)
	}
	// The same text in another zone is another instant.
	ny, _ := time.LoadLocation("America/New_York")
	fm2, _, _, _ := ParseFrontMatter("a.md", []byte("---\ndate: 2024-06-24 09:26\nlastmod: 2024-07-01\n---\n"), Options{Location: ny})
	if fm2.Date.Location() != ny || fm2.Date.Hour() != 9 || fm2.Lastmod.Day() != 1 {
		t.Errorf("zone not applied: %v %v", fm2.Date, fm2.Lastmod)
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"tags: 党建, 学习", []string{"党建", "学习"}},
		{"tags: 党建，学习、教育", []string{"党建", "学习", "教育"}},
		{"tags: [a, b, a]", []string{"a", "b"}},
		{"tags:\n  - 一部门一品牌\n  - 2024\n  -\n  - ' 空格 '", []string{"一部门一品牌", "2024", "空格"}},
		{"tags: 2024", []string{"2024"}},
		{"tags: ''", nil},
		{"tags:", nil},
		{"tags: [\"a, b\"]", []string{"a, b"}},
	}
	for _, tt := range tests {
		fm, _, _, ds := ParseFrontMatter("a.md", []byte("---\n"+tt.in+"\n---\n"), Options{})
		if len(ds) > 0 {
			t.Errorf("%q: %v", tt.in, ds[0].Error())
		}
		if got := fm.Terms["tags"]; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
	// A key that is not a taxonomy is a free parameter.
	fm, _, _, _ := ParseFrontMatter("a.md", []byte("---\ntags: a, b\n---\n"), Options{Taxonomies: []string{"themes"}})
	if fm.Params["tags"] != "a, b" || len(fm.Terms) != 0 {
		t.Errorf("tags without the taxonomy: %v %v", fm.Params, fm.Terms)
	}
}

// Every front-matter key with its own field must be refused as a taxonomy
// name by config, or the two would clash.
func TestKnownKeysReservedInConfig(t *testing.T) {
	for _, key := range KnownKeys() {
		_, ds := config.Parse("site.yaml", []byte("title: t\ntaxonomies:\n  "+key+": x\n"))
		if len(ds) == 0 {
			t.Errorf("config accepts the taxonomy %q, a front-matter key", key)
		}
	}
}

func BenchmarkParseFrontMatter(b *testing.B) {
	src := []byte("---\ntitle: 区财政局推进清廉机关建设见实效\ndate: 2025-05-06 09:30\nauthor: 李静\nsource: 区财政局\n" +
		"editor: 陈明\ntags: 清廉机关, 一部门一品牌\nweight: 3\ncover: /img/a.png\n---\n" +
		strings.Repeat("区财政局以“财惠临江·寸金有情”党建品牌为统领,把廉政风险防控嵌入关键环节。\n\n", 40))
	o := Options{Location: shanghai(b), Taxonomies: []string{"tags"}}
	o.misspelt = newMisspelt(o) // as Load's readers share one
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, ds := ParseFrontMatter("content/a.md", src, o); len(ds) > 0 {
			b.Fatal(ds[0].Error())
		}
	}
}

func FuzzParseFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: 关于学习\ndate: 2024-06-24\ntags: a, b\n---\n正文\n"))
	f.Add([]byte("\ufeff---\r\ntitle: t\r\nurl: ../../etc\r\naliases: [/a/, 1]\r\n---\r\n"))
	f.Add([]byte("---\nx: &a [*a]\ny: *a\ndraft: 是\nweight: 1e3\n---\n"))
	f.Add([]byte("---\ntitle: \"unclosed\n---\n"))
	f.Add([]byte("---\n\t- [a\n---\n"))
	f.Add([]byte("---\ntitle: \xb9\xd8\n---\n"))
	f.Add([]byte("# no front matter"))
	f.Fuzz(func(t *testing.T, src []byte) {
		loc := time.FixedZone("CST", 8*3600)
		fm, body, line, ds := ParseFrontMatter("content/a.md", src, Options{Location: loc, Taxonomies: []string{"tags", "themes"}})
		if fm == nil || fm.Node == nil || fm.Terms == nil || fm.Params == nil || fm.Pos == nil {
			t.Fatal("nil FrontMatter part")
		}
		if line < 1 || len(body) > len(src) {
			t.Fatalf("body line %d, body length %d of %d", line, len(body), len(src))
		}
		for _, d := range ds {
			if d.File != "content/a.md" || d.Message == "" {
				t.Fatalf("bad diagnostic %+v", d)
			}
			_ = d.Long()
		}
	})
}

// A file with thousands of mistakes reports a bounded number of them, fast.
func TestManyErrorsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\n")
	for range 20000 {
		b.WriteString("k: 1\ndate: 明天\n")
	}
	b.WriteString("---\n")
	_, _, _, ds := ParseFrontMatter("a.md", []byte(b.String()), Options{})
	if len(ds) == 0 || len(ds) > 2*30 {
		t.Errorf("%d diagnostics", len(ds))
	}
}

func TestSitePathCharacters(t *testing.T) {
	_, _, _, ds := ParseFrontMatter("a.md", []byte("---\nurl: /news/a?b/\nslug: a*b\n---\n"), Options{})
	if len(ds) != 2 {
		t.Fatalf("got %v", ds)
	}
	for _, d := range ds {
		if strings.Contains(d.Message, "站点之外") || !strings.Contains(d.Message, "不能用在网址和文件名里") {
			t.Errorf("got %s", d.Error())
		}
	}
	fm, _, _, ds := ParseFrontMatter("a.md", []byte("---\nurl: /新闻/2024/政策 解读/\nslug: 政策解读\naliases: [/old/a/, /old/a/]\n---\n"), Options{})
	if len(ds) != 0 || fm.URL != "/新闻/2024/政策 解读/" || fm.Slug != "政策解读" || len(fm.Aliases) != 1 {
		t.Errorf("good paths refused: %+v %v", fm, ds)
	}
}
