package theme

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"yipin/generator/site"
)

func TestDateCN(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Time{}, ""},
		{day(2024, 6, 24), "2024年6月24日"},
		{day(2025, 1, 1), "2025年1月1日"},
		{time.Date(2024, 12, 31, 23, 59, 0, 0, cst), "2024年12月31日"},
	}
	for _, tt := range tests {
		if got := DateCN(tt.in); got != tt.want {
			t.Errorf("DateCN(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := render(t, `{{ dateCN .Date }}`, &site.Page{Date: day(2024, 6, 24)}); got != "2024年6月24日" {
		t.Errorf("dateCN in a template = %q", got)
	}
}

func TestDate(t *testing.T) {
	tm := time.Date(2024, 6, 24, 9, 26, 5, 0, cst)
	tests := []struct {
		layout string
		in     time.Time
		want   string
	}{
		{"2006-01-02 15:04", tm, "2024-06-24 09:26"},
		{"2006-01-02T15:04:05Z07:00", tm, "2024-06-24T09:26:05+08:00"},
		{"2006年1月2日", tm, "2024年6月24日"},
		{"2006-01-02", time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := formatDate(tt.layout, tt.in); got != tt.want {
			t.Errorf("date %q %v = %q, want %q", tt.layout, tt.in, got, tt.want)
		}
	}
	if got := render(t, `{{ date "2006-01-02" .Date }}|{{ date "2006" .Lastmod }}`, &site.Page{Date: tm}); got != "2024-06-24|" {
		t.Errorf("date in a template = %q", got)
	}
}

func TestFileSize(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0 B"},
		{512, "512 B"},
		{1023, "1023 B"},
		{1024, "1.0 KB"},
		{1536, "1.5 KB"},
		{12595, "12.3 KB"},
		{1024 * 1024, "1.0 MB"},
		{1048575, "1.0 MB"}, // not "1024.0 KB"
		{1048524, "1023.9 KB"},
		{4718592, "4.5 MB"},
		{3 << 30, "3072.0 MB"},
	}
	for _, tt := range tests {
		if got := FileSize(tt.in); got != tt.want {
			t.Errorf("FileSize(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWhere(t *testing.T) {
	pages := testPages(t)
	tests := []struct {
		field string
		value any
		want  string
	}{
		{"Section", "news", "bae"},
		{"Section", "none", ""},
		{"Kind", "section", "c"},
		{"Kind", site.KindPage, "bade"},
		{"Weight", 2, "a"},
		{"Weight", "2", "a"}, // compared as printed
		{"Title", "d", "d"},
		{"IsPage", true, "bade"},                    // a method
		{"RelPermalink", "/dangjian/cases/d/", "d"}, // a method using the base path
		{"Params.unit", "caizheng", "bd"},
		{"Params.unit", "jiaoyu", "c"},
	}
	for _, tt := range tests {
		got, err := where(pages, tt.field, tt.value)
		if err != nil {
			t.Errorf("where %s %v: %v", tt.field, tt.value, err)
			continue
		}
		if titlesOf(got) != tt.want {
			t.Errorf("where %s %v = %q, want %q", tt.field, tt.value, titlesOf(got), tt.want)
		}
	}
	for _, field := range []string{"Nope", "Param", "params.unit"} { // Param takes an argument
		if _, err := where(pages, field, "x"); err == nil {
			t.Errorf("where %q: want an error", field)
		}
	}
	if got, err := where(nil, "Nope", "x"); err != nil || len(got) != 0 {
		t.Errorf("where on no pages = %v, %v", got, err)
	}
	out := render(t, `{{ range where .Pages "Params.unit" "caizheng" }}{{ .Title }}{{ end }}`, &site.Page{Pages: pages})
	if out != "bd" {
		t.Errorf("where in a template = %q", out)
	}
	d := renderErr(t, "\n{{ where .Pages \"Nope\" 1 }}", &site.Page{Pages: pages})
	if d.Line != 2 || !strings.Contains(d.Message, "Nope") {
		t.Errorf("where error = %s", d.Error())
	}
}

func TestSortBy(t *testing.T) {
	pages := testPages(t)
	before := titlesOf(pages)
	tests := []struct {
		field, order, want string
	}{
		{"Date", "asc", "ceadb"}, // the undated section first
		{"Date", "desc", "bdaec"},
		{"Lastmod", "asc", "ceadb"},
		{"Lastmod", "desc", "bdaec"},
		{"Title", "asc", "abcde"},
		{"Title", "desc", "edcba"},
		{"Weight", "asc", "bceda"}, // stable: equal weights keep their order
		{"Weight", "desc", "adbce"},
		{"WordCount", "asc", "ceadb"},
		{"WordCount", "desc", "bdaec"},
	}
	for _, tt := range tests {
		got, err := sortBy(pages, tt.field, tt.order)
		if err != nil {
			t.Errorf("sortBy %s %s: %v", tt.field, tt.order, err)
			continue
		}
		if titlesOf(got) != tt.want {
			t.Errorf("sortBy %s %s = %q, want %q", tt.field, tt.order, titlesOf(got), tt.want)
		}
	}
	if titlesOf(pages) != before {
		t.Errorf("sortBy changed its input: %q", titlesOf(pages))
	}
	for _, order := range []string{"", "up", "DESC"} {
		if _, err := sortBy(pages, "Title", order); err == nil || !strings.Contains(err.Error(), "asc") {
			t.Errorf("sortBy order %q: want an error naming asc and desc, got %v", order, err)
		}
	}
	for _, field := range []string{"Nope", "date", "Params.unit"} {
		if _, err := sortBy(pages, field, "asc"); err == nil || !strings.Contains(err.Error(), "Date") {
			t.Errorf("sortBy %q: want an error listing the fields, got %v", field, err)
		}
	}
	out := render(t, `{{ range sortBy .Pages "Title" "desc" }}{{ .Title }}{{ end }}`, &site.Page{Pages: pages})
	if out != "edcba" {
		t.Errorf("sortBy in a template = %q", out)
	}
}

func TestFirst(t *testing.T) {
	pages := testPages(t)
	tests := []struct {
		n    int
		want string
	}{
		{0, ""},
		{-1, ""},
		{2, "ba"},
		{5, "badce"},
		{9, "badce"},
	}
	for _, tt := range tests {
		got, err := first(tt.n, pages)
		if err != nil || titlesOf(got.([]*site.Page)) != tt.want {
			t.Errorf("first %d = %v, %v, want %q", tt.n, got, err, tt.want)
		}
	}
	if got, err := first(3, nil); got != nil || err != nil {
		t.Errorf("first of nothing = %v, %v", got, err)
	}
	if out := render(t, `{{ range first 2 .Pages }}{{ .Title }}{{ end }}`, &site.Page{Pages: pages}); out != "ba" {
		t.Errorf("first in a template = %q", out)
	}
}

// first takes any list, not only pages: the README says so.
func TestFirstAnyList(t *testing.T) {
	tests := []struct {
		list any
		n    int
		want any
	}{
		{[]string{"党建", "学习", "实践"}, 2, []string{"党建", "学习"}},
		{[]string{"党建"}, 5, []string{"党建"}},
		{[]int{1, 2, 3}, 0, []int{}},
		{[3]int{1, 2, 3}, 2, []int{1, 2}},
		{[]any{"a", 1}, 1, []any{"a"}},
		{[]*site.Term{{Name: "一"}, {Name: "二"}}, 1, []*site.Term{{Name: "一"}}},
		{[]string(nil), 3, []string(nil)},
	}
	for _, tt := range tests {
		got, err := first(tt.n, tt.list)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("first %d %v = %#v, %v, want %#v", tt.n, tt.list, got, err, tt.want)
		}
	}
	for _, bad := range []any{3, "党建", map[string]int{"a": 1}} {
		if _, err := first(1, bad); err == nil || !strings.Contains(err.Error(), "first") {
			t.Errorf("first 1 %v: want an error naming first, got %v", bad, err)
		}
	}
	page := &site.Page{Keywords: []string{"党建", "学习", "实践"},
		Terms: map[string][]*site.Term{"tags": {{Name: "支部"}, {Name: "品牌"}, {Name: "案例"}}}}
	out := render(t, `{{ range first 2 .Keywords }}{{ . }}、{{ end }}|{{ range first 1 .Tags }}{{ .Name }}{{ end }}|{{ len (first 9 .Tags) }}`, page)
	if out != "党建、学习、|支部|3" {
		t.Errorf("first on words and terms = %q", out)
	}
	d := renderErr(t, "\n{{ first 1 .Title }}", &site.Page{Title: "标题"})
	if d.Line != 2 || !strings.Contains(d.Message, "first 要从列表中取前几项,这里给的是文字") {
		t.Errorf("first on a string: %s", d.Error())
	}
}

func TestGroupByYear(t *testing.T) {
	pages := testPages(t) // b 2024, a 2023, d 2024, c undated, e 2022
	groups := GroupByYear(pages)
	var got []string
	for _, g := range groups {
		got = append(got, fmt.Sprintf("%d:%s", g.Year, titlesOf(g.Pages)))
	}
	// Newest year first; within a year the input order (b before d, though
	// d is older) is kept; the undated page is left out.
	want := []string{"2024:bd", "2023:a", "2022:e"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GroupByYear = %v, want %v", got, want)
	}
	if g := GroupByYear(nil); len(g) != 0 {
		t.Errorf("GroupByYear(nil) = %v", g)
	}
	out := render(t, `{{ range groupByYear .Pages }}[{{ .Year }}{{ range .Pages }} {{ .Title }}{{ end }}]{{ end }}`, &site.Page{Pages: pages})
	if out != "[2024 b d][2023 a][2022 e]" {
		t.Errorf("groupByYear in a template = %q", out)
	}
}

func TestDict(t *testing.T) {
	m, err := dict("a", 1, "b", "二")
	if err != nil || !reflect.DeepEqual(m, map[string]any{"a": 1, "b": "二"}) {
		t.Errorf("dict = %v, %v", m, err)
	}
	if m, err := dict(); err != nil || len(m) != 0 {
		t.Errorf("empty dict = %v, %v", m, err)
	}
	if _, err := dict("a", 1, "b"); err == nil {
		t.Error("odd number of arguments: want an error")
	}
	if _, err := dict("a", 1, 2, 3); err == nil || !strings.Contains(err.Error(), "2") {
		t.Errorf("non-string key: want an error naming the pair, got %v", err)
	}
	if m, _ := dict("a", 1, "a", 2); m["a"] != 2 {
		t.Errorf("a repeated key keeps the last value: %v", m)
	}
	th := mustLoad(t, map[string]string{
		"layouts/test.html":          `{{ partial "card.html" (dict "title" .Title "n" 3) }}`,
		"layouts/bad.html":           `{{ dict "a" }}`,
		"layouts/partials/card.html": `{{ .title }}×{{ .n }}`,
	})
	if got := run(t, th, "test.html", &site.Page{Title: "标题"}); got != "标题×3" {
		t.Errorf("dict to a partial = %q", got)
	}
	var b bytes.Buffer
	if _, d := th.Execute(&b, "bad.html", &site.Page{}, nil); d == nil || !strings.Contains(d.Message, "dict") {
		t.Errorf("dict error = %v", d)
	}
}

func TestT(t *testing.T) {
	th := mustLoad(t, map[string]string{
		"layouts/test.html": `{{ T "home" }}|{{ T "pages" 12 }}|{{ T "missing.key" }}|{{ T "of" 2 5 }}|{{ T "rate" }}|{{ T "pct" 95 }}`,
		"i18n/zh-CN.yaml":   "home: 首页\npages: 共 %d 篇\nof: 第 %d 页，共 %d 页\nrate: 完成率 100% 以上\npct: 完成 %d%%\n",
	})
	if got := run(t, th, "test.html", nil); got != "首页|共 12 篇|missing.key|第 2 页，共 5 页|完成率 100% 以上|完成 95%" {
		t.Errorf("T = %q", got)
	}
}

// Values that do not fit a string are a template error naming the key,
// not Go's "%!(EXTRA int=3)" on the page.
func TestTWrongValues(t *testing.T) {
	strs := "pages: 共 %d 篇\nof: 第 %d 页，共 %d 页\nname: 作者 %s\n"
	tests := []struct {
		src  string
		want []string
	}{
		{`{{ T "pages" 12 3 }}`, []string{"界面文字 pages(“共 %d 篇”)需要 1 个值,这里给了 2 个"}},
		{`{{ T "of" 2 }}`, []string{"of", "需要 2 个值,这里给了 1 个"}},
		// without values, the string with its placeholders would show
		{`{{ T "pages" }}`, []string{"pages", "需要 1 个值,这里给了 0 个"}},
		{`{{ T "pages" "十二" }}`, []string{"pages", "不相配", "%!d(string=十二)"}},
	}
	for _, tt := range tests {
		th := mustLoad(t, map[string]string{"layouts/test.html": "<p>\n  " + tt.src + "</p>", "i18n/zh-CN.yaml": strs})
		var b bytes.Buffer
		_, d := th.Execute(&b, "test.html", &site.Page{}, nil)
		if d == nil {
			t.Errorf("%s: no error; output %q", tt.src, b.String())
			continue
		}
		if d.Line != 2 || d.Col != 6 || !strings.Contains(d.Hint, "themes/test/i18n/zh-CN.yaml") {
			t.Errorf("%s: at %s, hint %q; want line 2, col 6 and the strings file", tt.src, d.Location(), d.Hint)
		}
		for _, w := range tt.want {
			if !strings.Contains(d.Message, w) {
				t.Errorf("%s: message %q lacks %q", tt.src, d.Message, w)
			}
		}
	}
}

func TestCountValues(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"首页", 0}, {"共 %d 篇", 1}, {"第 %d 页，共 %d 页", 2}, {"%s 的 %v", 2}, {"%.1f 分", 1},
		{"100%", 0}, {"完成 %d%%", 1}, {"100% 以上", 0}, {"%5d", 1}, {"%*d", 2}, {"%[2]d %[1]s", -1},
	}
	for _, tt := range tests {
		if got := countValues(tt.s); got != tt.want {
			t.Errorf("countValues(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestTUsesConfigLanguage(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"layouts/test.html": `{{ T "home" }}`,
		"i18n/zh-CN.yaml":   "home: 首页\n",
		"i18n/en.yaml":      "home: Home\n",
	})
	env := testEnv(t)
	env.Config.Language = "en"
	th, ds := Load([]Dir{{Path: dir, Display: "themes/test"}}, env)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if got := run(t, th, "test.html", nil); got != "Home" {
		t.Errorf("T with language en = %q", got)
	}
}

func TestPartial(t *testing.T) {
	th := mustLoad(t, map[string]string{
		"layouts/test.html":           `{{ partial "a.html" . }}|{{ partial "partials/a.html" . }}|{{ partial "sub/b.html" .Title }}`,
		"layouts/missing.html":        `{{ partial "nope.html" . }}`,
		"layouts/partials/a.html":     `<a>{{ .Title }}</a>`,
		"layouts/partials/sub/b.html": `<b>{{ . }}</b>{{ partial "c.html" . }}`,
		"layouts/partials/c.html":     `<i>{{ . }}</i>`,
	})
	got := run(t, th, "test.html", &site.Page{Title: "<党建>"})
	// Output of a partial is HTML, not escaped again.
	want := "<a>&lt;党建&gt;</a>|<a>&lt;党建&gt;</a>|<b>&lt;党建&gt;</b><i>&lt;党建&gt;</i>"
	if got != want {
		t.Errorf("partial = %q, want %q", got, want)
	}
	var b bytes.Buffer
	if _, d := th.Execute(&b, "missing.html", &site.Page{}, nil); d == nil || !strings.Contains(d.Message, "nope.html") {
		t.Errorf("missing partial: %v", d)
	}
}

func TestPartialCached(t *testing.T) {
	th := mustLoad(t, map[string]string{
		// The partial prints the title it is given, so a second render would
		// show a different title.
		"layouts/test.html":           `{{ partialCached "nav.html" . .Section }}`,
		"layouts/two.html":            `{{ partialCached "nav.html" . .Section .Kind }}`,
		"layouts/none.html":           `{{ partialCached "nav.html" . }}`,
		"layouts/other.html":          `{{ partialCached "other.html" . .Section }}`,
		"layouts/partials/nav.html":   `nav:{{ .Title }}`,
		"layouts/partials/other.html": `other:{{ .Title }}`,
	})
	tests := []struct {
		layout string
		page   site.Page
		want   string
	}{
		{"test.html", site.Page{Title: "一", Section: "news"}, "nav:一"},
		{"test.html", site.Page{Title: "二", Section: "news"}, "nav:一"}, // same variant: cached
		{"test.html", site.Page{Title: "三", Section: "cases"}, "nav:三"},
		{"test.html", site.Page{Title: "四", Section: "cases"}, "nav:三"},
		{"other.html", site.Page{Title: "五", Section: "news"}, "other:五"}, // another partial
		{"none.html", site.Page{Title: "六"}, "nav:六"},                     // no variant
		{"none.html", site.Page{Title: "七"}, "nav:六"},
		// Several variant values are kept apart: ("news","page") is not ("newsp","age").
		{"two.html", site.Page{Title: "八", Section: "news", Kind: "page"}, "nav:八"},
		{"two.html", site.Page{Title: "九", Section: "newsp", Kind: "age"}, "nav:九"},
		{"two.html", site.Page{Title: "十", Section: "news", Kind: "page"}, "nav:八"},
	}
	for i, tt := range tests {
		if got := run(t, th, tt.layout, &tt.page); got != tt.want {
			t.Errorf("%d: %s for %s = %q, want %q", i, tt.layout, tt.page.Title, got, tt.want)
		}
	}
	// The cache belongs to the theme: a theme loaded anew renders again.
	th2 := mustLoad(t, map[string]string{
		"layouts/test.html":         `{{ partialCached "nav.html" . .Section }}`,
		"layouts/partials/nav.html": `nav:{{ .Title }}`,
	})
	if got := run(t, th2, "test.html", &site.Page{Title: "新", Section: "news"}); got != "nav:新" {
		t.Errorf("new theme = %q", got)
	}
}

func TestPartialCachedConcurrent(t *testing.T) {
	th := mustLoad(t, map[string]string{
		"layouts/test.html":         `{{ partialCached "nav.html" . .Section }}`,
		"layouts/partials/nav.html": `nav:{{ .Section }}`,
	})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			section := []string{"news", "cases"}[i%2]
			var b bytes.Buffer
			if _, d := th.Execute(&b, "test.html", &site.Page{}, &site.Page{Section: section}); d != nil {
				t.Error(d)
			} else if b.String() != "nav:"+section {
				t.Errorf("got %q for %s", b.String(), section)
			}
		})
	}
	wg.Wait()
}

func TestURLFuncs(t *testing.T) {
	got := render(t, `{{ relURL "/news/" }}|{{ relURL "news/a/" }}|{{ absURL "/news/" }}|{{ relURL "https://www.gov.cn/" }}|{{ absURL "/" }}`, nil)
	want := "/dangjian/news/|/dangjian/news/a/|https://example.gov.cn/dangjian/news/|https://www.gov.cn/|https://example.gov.cn/dangjian/"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// Inside an attribute the URL is kept as a URL (Chinese is escaped
	// by html/template, which browsers read back).
	if got := render(t, `<a href="{{ relURL "/tags/党建/" }}">x</a>`, nil); got != `<a href="/dangjian/tags/%e5%85%9a%e5%bb%ba/">x</a>` {
		t.Errorf("relURL in href = %q", got)
	}
}

func TestAsset(t *testing.T) {
	if got := render(t, `<link href="{{ asset "css/main.css" }}">`, nil); got != `<link href="/dangjian/css/main.3f9a2c1d7e.css">` {
		t.Errorf("asset = %q", got)
	}
	d := renderErr(t, `{{ asset "css/none.css" }}`, nil)
	if !strings.Contains(d.Message, "css/none.css") || d.Line != 1 {
		t.Errorf("asset error = %s", d.Error())
	}
}

func TestSmallFuncs(t *testing.T) {
	tests := []struct{ src, want string }{
		{`{{ safeHTML "<b>x</b>" }}`, "<b>x</b>"},
		{`{{ "<b>x</b>" }}`, "&lt;b&gt;x&lt;/b&gt;"},
		{`{{ add 2 3 }}`, "5"},
		{`{{ add -1 1 }}`, "0"},
		{`{{ slug "Hello World 党建" }}`, "hello-world-党建"},
		{`{{ markdownify "**粗体**" }}`, "<md>**粗体**</md>"},
		{`{{ plainify (safeHTML "<p>a</p><p>b</p>") }}`, "a b"},
		{`{{ truncate 2 "党建品牌" }}`, "党建……"},
	}
	for _, tt := range tests {
		if got := render(t, tt.src, nil); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.src, got, tt.want)
		}
	}
	if got := render(t, `{{ join . "、" }}`, []string{"党建", "学习"}); got != "党建、学习" {
		t.Errorf("join = %q", got)
	}
}

// TestREADMEListsEveryFunction: the README's table of template functions
// says it lists them all; it must, and list no function that is gone.
func TestREADMEListsEveryFunction(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(src), "模板函数(全部列在这里):")
	if !ok {
		t.Fatal("README has no table of template functions")
	}
	table, _, _ = strings.Cut(strings.TrimLeft(table, "\n"), "\n\n")
	listed := map[string]bool{}
	for _, row := range strings.Split(table, "\n") {
		cells := strings.Split(row, "|")
		if len(cells) < 3 {
			continue
		}
		// the first cell: `name args`, or several `name`s
		for _, code := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(cells[1], -1) {
			listed[strings.Fields(code[1])[0]] = true
		}
	}
	th := mustLoad(t, map[string]string{"layouts/test.html": "x"})
	for name := range th.funcMap {
		if !listed[name] {
			t.Errorf("template function %s is missing from the README's table", name)
		}
	}
	for name := range listed {
		if th.funcMap[name] == nil && !slices.Contains(builtins, name) {
			t.Errorf("the README lists %s, which is no template function", name)
		}
	}
}
