package site

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"yipin/generator/content"
)

func TestNewPagePaths(t *testing.T) {
	withSlug := fm("改了网址的页面")
	withSlug.Slug = "Qing Lian"
	withURL := fm("专题页面")
	withURL.URL = "/special/qinglian"
	withFileURL := fm("旧式页面")
	withFileURL.URL = "/old/about.html"
	withBoth := fm("两者都有")
	withBoth.Slug = "ignored"
	withBoth.URL = "/both/"
	sources := []*content.Source{
		src("_index.md", fm("首页")),
		src("about.md", fm("关于我们")),
		src("news/_index.md", fm("工作动态")),
		src("news/2024/政策解读.md", fm("政策解读")),
		src("news/Hello World.md", fm("英文文件名")),
		src("news/slugged.md", withSlug),
		src("news/urled.md", withURL),
		src("news/file.md", withFileURL),
		src("news/both.md", withBoth),
		src("cases/Cai Hui/index.md", fm("页面包")),
		src("News Photos/x.md", fm("文件夹也变成网址")),
	}
	s := build(t, testConfig(t), sources, nil)
	tests := []struct {
		source, path string
		kind         Kind
	}{
		{"_index.md", "/", KindHome},
		{"about.md", "/about/", KindPage},
		{"news/_index.md", "/news/", KindSection},
		{"news/2024/政策解读.md", "/news/2024/政策解读/", KindPage},
		{"news/Hello World.md", "/news/hello-world/", KindPage},
		{"news/slugged.md", "/news/qing-lian/", KindPage},
		{"news/urled.md", "/special/qinglian/", KindPage},
		{"news/file.md", "/old/about.html", KindPage},
		{"news/both.md", "/both/", KindPage},
		{"cases/Cai Hui/index.md", "/cases/cai-hui/", KindPage},
		{"News Photos/x.md", "/news-photos/x/", KindPage},
	}
	for _, tt := range tests {
		p := s.PageBySource(tt.source)
		if p == nil {
			t.Errorf("no page for %s", tt.source)
			continue
		}
		if p.Path != tt.path || p.Kind != tt.kind {
			t.Errorf("%s: path %q kind %q, want %q %q", tt.source, p.Path, p.Kind, tt.path, tt.kind)
		}
		if s.Page(tt.path) != p {
			t.Errorf("Page(%q) is not the page of %s", tt.path, tt.source)
		}
		if p.SourcePath() != tt.source || p.Origin() == nil || p.File != "content/"+tt.source {
			t.Errorf("%s: SourcePath %q, File %q", tt.source, p.SourcePath(), p.File)
		}
	}
	if got := mustPage(t, s, "/news/2024/政策解读/").RelPermalink(); got != "/dangjian/news/2024/政策解读/" {
		t.Errorf("RelPermalink = %q", got)
	}
	if got := mustPage(t, s, "/news/2024/政策解读/").Permalink(); got != "https://example.gov.cn/dangjian/news/2024/政策解读/" {
		t.Errorf("Permalink = %q", got)
	}
	if got := mustPage(t, s, "/news/hello-world/").Section; got != "news" {
		t.Errorf("Section = %q, want news", got)
	}
	if got := mustPage(t, s, "/news-photos/x/").Section; got != "news-photos" {
		t.Errorf("Section of a slugged folder = %q, want news-photos", got)
	}
	if got := mustPage(t, s, "/about/").Section; got != "" {
		t.Errorf("Section of a root page = %q, want empty", got)
	}
	// The page title does not change the URL.
	if p := mustPage(t, s, "/news/2024/政策解读/"); p.Title != "政策解读" || p.Dir != "news/2024" {
		t.Errorf("title %q dir %q", p.Title, p.Dir)
	}
}

func TestNewPageFields(t *testing.T) {
	fa := fm("字段")
	fa.Date = day(2024, 6, 24)
	fa.Weight = 3
	fa.Author, fa.Source, fa.Editor = "李静", "区财政局", "陈明"
	fa.Layout, fa.Type = "special", "cases"
	fa.Params["unit"] = "caizhengju"
	fb := fm("有更新时间")
	fb.Date, fb.Lastmod = day(2024, 6, 24), day(2024, 7, 1)
	fc := fm("没有参数")
	fc.Params = nil
	cfg := testConfig(t)
	cfg.Author = "机关工委宣传部" // the default author of pages
	s := build(t, cfg, []*content.Source{src("news/a.md", fa), src("news/b.md", fb), src("news/c.md", fc)}, nil)

	a := mustPage(t, s, "/news/a/")
	if !a.Lastmod.Equal(a.Date) {
		t.Errorf("Lastmod %v should default to Date %v", a.Lastmod, a.Date)
	}
	if a.Weight != 3 || a.Author != "李静" || a.Source != "区财政局" || a.Editor != "陈明" ||
		a.Layout != "special" || a.Type != "cases" || a.Param("unit") != "caizhengju" {
		t.Errorf("fields not copied: %+v", a)
	}
	if a.Param("missing") != nil {
		t.Errorf("Param(missing) = %v, want nil", a.Param("missing"))
	}
	if b := mustPage(t, s, "/news/b/"); !b.Lastmod.Equal(day(2024, 7, 1)) {
		t.Errorf("Lastmod = %v, want the front-matter value", b.Lastmod)
	}
	if c := mustPage(t, s, "/news/c/"); c.Params == nil || c.Author != "机关工委宣传部" {
		t.Errorf("Params should never be nil, and Author default to site.yaml's: %v %q", c.Params, c.Author)
	}
	if !a.IsPage() || a.IsHome() || a.IsList() {
		t.Errorf("IsPage/IsHome/IsList wrong for an article")
	}
	if !s.Home.IsHome() || !s.Home.IsList() || !mustPage(t, s, "/news/").IsList() || s.NotFound.IsList() {
		t.Errorf("IsHome/IsList wrong for generated pages")
	}
	if s.Title() != "测试机关工委" {
		t.Errorf("Title() = %q", s.Title())
	}
}

func TestNewMissingTitle(t *testing.T) {
	_, ds := New(testConfig(t), []*content.Source{src("news/无题.md", fm("")), src("news/_index.md", fm(""))}, nil, Options{Now: now})
	if len(ds) != 1 {
		t.Fatalf("want one diagnostic (for the page, not the section), got %v", messages(ds))
	}
	if d := ds[0]; d.File != "content/news/无题.md" || d.Line != 1 || !strings.Contains(d.Message, "标题") {
		t.Errorf("diagnostic = %s", d.Error())
	}
}

func TestNewSectionIndexCannotSetURLOrSlug(t *testing.T) {
	f := fm("工作动态")
	f.Slug, f.URL = "dongtai", "/dongtai/"
	f.Pos["slug"] = content.Pos{Line: 3, Col: 7}
	f.Pos["url"] = content.Pos{Line: 4, Col: 6}
	s, ds := New(testConfig(t), []*content.Source{src("news/_index.md", f)}, nil, Options{Now: now})
	if len(ds) != 2 {
		t.Fatalf("want two diagnostics, got %v", messages(ds))
	}
	for _, d := range ds {
		if d.File != "content/news/_index.md" || d.Line < 3 {
			t.Errorf("diagnostic not at the key: %s", d.Error())
		}
	}
	if s.Page("/news/") == nil {
		t.Error("the section keeps its folder URL")
	}
}

func TestNewSectionsWithoutIndex(t *testing.T) {
	sec := fm("工作动态")
	sec.Weight = 2
	sources := []*content.Source{
		src("news/_index.md", sec),
		src("news/2024/q1/a.md", fm("A")),
		src("cases/b.md", fm("B")),
		src("党建品牌/c.md", fm("C")),
	}
	s := build(t, testConfig(t), sources, nil)
	if s.Home == nil || s.Home.Kind != KindHome || s.Home.Title != "测试机关工委" || s.Home.Path != "/" {
		t.Fatalf("home = %+v", s.Home)
	}
	tests := []struct{ path, title, dir, parent string }{
		{"/news/", "工作动态", "news", "/"},
		{"/news/2024/", "2024", "news/2024", "/news/"},
		{"/news/2024/q1/", "q1", "news/2024/q1", "/news/2024/"},
		{"/cases/", "cases", "cases", "/"},
		{"/党建品牌/", "党建品牌", "党建品牌", "/"},
	}
	for _, tt := range tests {
		p := mustPage(t, s, tt.path)
		if p.Kind != KindSection || p.Title != tt.title || p.Dir != tt.dir {
			t.Errorf("%s: kind %q title %q dir %q, want section %q %q", tt.path, p.Kind, p.Title, p.Dir, tt.title, tt.dir)
		}
		if p.Parent == nil || p.Parent.Path != tt.parent {
			t.Errorf("%s: parent %v, want %s", tt.path, p.Parent, tt.parent)
		}
	}
	if s.Home.Parent != nil {
		t.Error("home has no parent")
	}
	// Top-level sections: weight first (0 before 2), then path.
	if got, want := paths(s.Sections), []string{"/cases/", "/党建品牌/", "/news/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Sections = %v, want %v", got, want)
	}
	if !reflect.DeepEqual(s.Sections, s.Home.Sections) {
		t.Error("Site.Sections should be the home page's sections")
	}
	if got := paths(mustPage(t, s, "/news/").Sections); !reflect.DeepEqual(got, []string{"/news/2024/"}) {
		t.Errorf("news sections = %v", got)
	}
	if got := paths(mustPage(t, s, "/news/2024/").Sections); !reflect.DeepEqual(got, []string{"/news/2024/q1/"}) {
		t.Errorf("2024 sections = %v", got)
	}
	if p := mustPage(t, s, "/news/2024/q1/a/"); p.Parent != mustPage(t, s, "/news/2024/q1/") || p.Section != "news" {
		t.Errorf("page parent %v section %q", p.Parent.Path, p.Section)
	}
	// Generated sections are not made from a file.
	if p := mustPage(t, s, "/cases/"); p.File != "" || p.SourcePath() != "" || p.Origin() != nil || p.Params == nil {
		t.Errorf("generated section: file %q source %q", p.File, p.SourcePath())
	}
	for _, p := range s.WithSource() {
		if p.Origin() == nil {
			t.Errorf("WithSource lists %s, which has no source", p.Path)
		}
	}
	if got := len(s.WithSource()); got != 4 {
		t.Errorf("WithSource has %d pages, want 4", got)
	}
}

func TestListOrder(t *testing.T) {
	pinned1 := dated("news/p1.md", "置顶一", day(2020, 1, 1))
	pinned1.Front.Weight = 1
	pinned2 := dated("news/sub/p2.md", "置顶二", day(2025, 1, 1))
	pinned2.Front.Weight = 2
	sources := []*content.Source{
		pinned2,
		dated("news/old.md", "旧", day(2023, 1, 1)),
		dated("news/sub/new.md", "新", day(2025, 3, 1)),
		dated("news/z.md", "同日B", day(2024, 5, 1)),
		dated("news/y.md", "同日A", day(2024, 5, 1)),
		dated("news/sub/x.md", "同日A", day(2024, 5, 1)), // same title: path decides
		src("news/undated.md", fm("无日期")),
		pinned1,
		dated("cases/c.md", "案例", day(2024, 1, 1)),
	}
	s := build(t, testConfig(t), sources, nil)
	want := []string{
		"/news/p1/", "/news/sub/p2/", // pinned: weight 1, then 2
		"/news/sub/new/",                       // newest
		"/news/sub/x/", "/news/y/", "/news/z/", // same date: title, then path
		"/news/old/",
		"/news/undated/", // no date sorts last
	}
	if got := paths(mustPage(t, s, "/news/").Pages); !reflect.DeepEqual(got, want) {
		t.Errorf("news Pages =\n%v\nwant\n%v", got, want)
	}
	if got := paths(mustPage(t, s, "/news/sub/").Pages); !reflect.DeepEqual(got, []string{"/news/sub/p2/", "/news/sub/new/", "/news/sub/x/"}) {
		t.Errorf("sub Pages = %v", got)
	}
	// The home page lists every article; RegularPages is in the same order.
	home := paths(s.Home.Pages)
	if len(home) != 9 || !reflect.DeepEqual(home, paths(s.RegularPages)) {
		t.Errorf("home Pages = %v\nRegularPages = %v", home, paths(s.RegularPages))
	}
	if i := slices.Index(home, "/cases/c/"); i != 6 {
		t.Errorf("/cases/c/ at %d in %v, want 6 (between the news pages, by date)", i, home)
	}
}

func TestPrevNext(t *testing.T) {
	sources := []*content.Source{
		dated("news/b.md", "B", day(2024, 2, 1)),
		dated("news/sub/c.md", "C", day(2024, 3, 1)),
		dated("news/a.md", "A", day(2024, 1, 1)),
		dated("news/pinned.md", "P", day(2024, 2, 15)),
		dated("cases/x.md", "X", day(2024, 1, 15)),
		dated("root.md", "R", day(2024, 1, 20)),
	}
	sources[3].Front.Weight = 1 // pinning changes list order, not neighbours
	s := build(t, testConfig(t), sources, nil)
	tests := []struct{ path, prev, next string }{
		{"/news/a/", "", "/news/b/"},
		{"/news/b/", "/news/a/", "/news/pinned/"},
		{"/news/pinned/", "/news/b/", "/news/sub/c/"},
		{"/news/sub/c/", "/news/pinned/", ""},
		{"/cases/x/", "", ""}, // alone in its section, although dated between news pages
		{"/root/", "", ""},    // not in a top-level section
	}
	name := func(p *Page) string {
		if p == nil {
			return ""
		}
		return p.Path
	}
	for _, tt := range tests {
		p := mustPage(t, s, tt.path)
		if name(p.Prev) != tt.prev || name(p.Next) != tt.next {
			t.Errorf("%s: prev %q next %q, want %q %q", tt.path, name(p.Prev), name(p.Next), tt.prev, tt.next)
		}
	}
}

func TestDraftsAndFuture(t *testing.T) {
	draft := dated("news/draft.md", "草稿", day(2024, 1, 1))
	draft.Front.Draft = true
	sources := func() []*content.Source {
		return []*content.Source{
			dated("news/a.md", "已发布", day(2024, 1, 1)),
			draft,
			dated("news/future.md", "未来", now.Add(time.Hour)),
			dated("news/now.md", "正好现在", now),
		}
	}
	tests := []struct {
		name     string
		opts     Options
		want     []string
		excluded []string
	}{
		{"default", Options{Now: now}, []string{"/news/a/", "/news/now/"}, []string{"news/draft.md", "news/future.md"}},
		{"drafts", Options{Now: now, Drafts: true}, []string{"/news/a/", "/news/draft/", "/news/now/"}, []string{"news/future.md"}},
		{"future", Options{Now: now, Future: true}, []string{"/news/a/", "/news/future/", "/news/now/"}, []string{"news/draft.md"}},
		{"both", Options{Now: now, Drafts: true, Future: true}, []string{"/news/a/", "/news/draft/", "/news/future/", "/news/now/"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := New(testConfig(t), sources(), nil, tt.opts)
			if len(ds) > 0 {
				t.Fatal(messages(ds))
			}
			got := paths(s.RegularPages)
			slices.Sort(got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("pages = %v, want %v", got, tt.want)
			}
			if len(s.Excluded) != len(tt.excluded) || len(tt.excluded) > 0 && !reflect.DeepEqual(s.Excluded, tt.excluded) {
				t.Errorf("Excluded = %v, want %v", s.Excluded, tt.excluded)
			}
		})
	}
	s, _ := New(testConfig(t), sources(), nil, Options{Now: now, Drafts: true, Future: true})
	if p := mustPage(t, s, "/news/draft/"); !p.Draft || p.Future {
		t.Errorf("draft page: Draft %v Future %v", p.Draft, p.Future)
	}
	if p := mustPage(t, s, "/news/future/"); p.Draft || !p.Future {
		t.Errorf("future page: Draft %v Future %v", p.Draft, p.Future)
	}
}

func TestDuplicateURL(t *testing.T) {
	clash := fm("第二个")
	clash.URL = "/news/a/"
	clash.Pos["url"] = content.Pos{Line: 3, Col: 6}
	slugClash := fm("第三个")
	slugClash.Slug = "A"
	slugClash.Pos["slug"] = content.Pos{Line: 4, Col: 7}
	tests := []struct {
		name     string
		second   *content.Source
		file     string
		line     int
		col      int
		mentions string
	}{
		{"url", src("cases/b.md", clash), "content/cases/b.md", 3, 6, "content/news/a.md"},
		{"slug", src("news/c.md", slugClash), "content/news/c.md", 4, 7, "content/news/a.md"},
		{"file name", src("news/A.md", fm("大写")), "content/news/A.md", 0, 0, "content/news/a.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := New(testConfig(t), []*content.Source{src("news/a.md", fm("第一个")), tt.second}, nil, Options{Now: now})
			if len(ds) != 1 {
				t.Fatalf("want one diagnostic, got %v", messages(ds))
			}
			d := ds[0]
			if d.File != tt.file || d.Line != tt.line || d.Col != tt.col {
				t.Errorf("diagnostic at %s, want %s:%d:%d", d.Location(), tt.file, tt.line, tt.col)
			}
			if !strings.Contains(d.Message, "/news/a/") || !strings.Contains(d.Message, tt.mentions) || d.Hint == "" {
				t.Errorf("message should name the URL and the other file: %s", d.Error())
			}
			if got := s.Page("/news/a/"); got == nil || got.File != "content/news/a.md" {
				t.Errorf("the first page keeps the URL")
			}
		})
	}
}

func TestDuplicateURLWithGeneratedPage(t *testing.T) {
	f := fm("抢占归档")
	f.URL = "/archives/"
	f.Pos["url"] = content.Pos{Line: 2, Col: 6}
	_, ds := New(testConfig(t), []*content.Source{src("a.md", f)}, nil, Options{Now: now})
	if len(ds) != 1 {
		t.Fatalf("want one diagnostic, got %v", messages(ds))
	}
	// The page claims the path first; the generated archives page is the
	// one that cannot have it, and the message names it.
	if msg := ds[0].Error(); !strings.Contains(msg, "/archives/") || !strings.Contains(msg, "content/a.md") {
		t.Errorf("diagnostic = %s", msg)
	}
}

func TestAliases(t *testing.T) {
	a := fm("A")
	a.Aliases = []string{"/old/a", "/old/a.html"}
	b := fm("B")
	b.Aliases = []string{"/z/"}
	s := build(t, testConfig(t), []*content.Source{src("news/a.md", a), src("news/b.md", b)}, nil)
	var got []string
	for _, al := range s.Aliases {
		got = append(got, al.From+"→"+al.To.Path)
	}
	want := []string{"/old/a.html→/news/a/", "/old/a/→/news/a/", "/z/→/news/b/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Aliases = %v, want %v", got, want)
	}
}

func TestAliasCollisions(t *testing.T) {
	tests := []struct {
		name     string
		aliases  [][]string // per page
		mentions string
	}{
		{"alias of another page's URL", [][]string{{"/news/b/"}, nil}, "content/news/b.md 的网址"},
		{"alias of a generated page", [][]string{{"/archives/"}, nil}, "归档"},
		{"same alias twice", [][]string{{"/old/"}, {"/old"}}, "content/news/a.md 的别名"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := fm("A"), fm("B")
			a.Date, b.Date = day(2024, 2, 1), day(2024, 1, 1)
			a.Aliases, b.Aliases = tt.aliases[0], tt.aliases[1]
			a.Pos["aliases"] = content.Pos{Line: 5, Col: 10}
			b.Pos["aliases"] = content.Pos{Line: 6, Col: 10}
			s, ds := New(testConfig(t), []*content.Source{src("news/a.md", a), src("news/b.md", b)}, nil, Options{Now: now})
			if len(ds) != 1 {
				t.Fatalf("want one diagnostic, got %v", messages(ds))
			}
			d := ds[0]
			if d.Line == 0 || !strings.Contains(d.Message, tt.mentions) || !strings.Contains(d.Message, "别名") {
				t.Errorf("diagnostic = %s", d.Error())
			}
			if len(s.Aliases) != len(tt.aliases[0])+len(tt.aliases[1])-1 {
				t.Errorf("the clashing alias should be dropped: %v", s.Aliases)
			}
		})
	}
}

func TestTaxonomies(t *testing.T) {
	cfg := testConfig(t)
	cfg.Taxonomies["themes"] = "主题"
	page := func(p, title string, date time.Time, tags ...string) *content.Source {
		s := dated(p, title, date)
		s.Front.Terms["tags"] = tags
		return s
	}
	sources := []*content.Source{
		page("news/a.md", "A", day(2024, 3, 1), "清廉机关", "Party Building", "学习"),
		page("news/b.md", "B", day(2024, 2, 1), "清廉机关", "party-building"),
		page("news/c.md", "C", day(2024, 1, 1), "PARTY building", "清廉机关", "模范机关"),
		page("news/d.md", "D", day(2023, 1, 1), "学习"),
	}
	themed := dated("news/e.md", "E", day(2022, 1, 1))
	themed.Front.Terms["themes"] = []string{"一部门一品牌"}
	sources = append(sources, themed)
	s := build(t, cfg, sources, nil)

	if len(s.Taxonomies) != 2 || s.Taxonomies[0].Key != "tags" || s.Taxonomies[1].Key != "themes" {
		t.Fatalf("taxonomies not sorted by key: %v", s.Taxonomies)
	}
	tags := s.Taxonomies[0]
	if tags.Title != "标签" || tags.Page.Path != "/tags/" || tags.Page.Kind != KindTaxonomy || tags.Page.Title != "标签" {
		t.Errorf("taxonomy page: %+v", tags.Page)
	}
	if tags.Page.Parent != s.Home || tags.Page.Section != "tags" || tags.Page.Taxonomy != tags {
		t.Errorf("taxonomy page links wrong")
	}
	type term struct {
		Name, Slug, Path string
		Pages            []string
	}
	var got []term
	for _, tm := range tags.Terms {
		got = append(got, term{tm.Name, tm.Slug, tm.Page.Path, paths(tm.Pages)})
		if tm.Count() != len(tm.Pages) || tm.Taxonomy != tags || tm.Page.Term != tm || tm.Page.Kind != KindTerm || tm.Page.Parent != tags.Page {
			t.Errorf("term %s links wrong", tm.Name)
		}
		if !reflect.DeepEqual(tm.Page.Pages, tm.Pages) || tm.Page.Title != tm.Name {
			t.Errorf("term page %s: pages %v title %q", tm.Name, paths(tm.Page.Pages), tm.Page.Title)
		}
	}
	want := []term{
		// Three pages each: sorted by slug. Spellings sharing a slug are one
		// term named by the smallest spelling, whatever the order read.
		{"PARTY building", "party-building", "/tags/party-building/", []string{"/news/a/", "/news/b/", "/news/c/"}},
		{"清廉机关", "清廉机关", "/tags/清廉机关/", []string{"/news/a/", "/news/b/", "/news/c/"}},
		{"学习", "学习", "/tags/学习/", []string{"/news/a/", "/news/d/"}},
		{"模范机关", "模范机关", "/tags/模范机关/", []string{"/news/c/"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("terms =\n%+v\nwant\n%+v", got, want)
	}
	if tm := tags.Terms[1]; tm.RelPermalink() != "/dangjian/tags/清廉机关/" {
		t.Errorf("term RelPermalink = %q", tm.RelPermalink())
	}
	if got := PagePath(tags.Terms[0].Page, 2); got != "/tags/party-building/page/2/" {
		t.Errorf("term pager path = %q", got)
	}
	// A page's terms, per taxonomy, in the order written, without repeats.
	c := mustPage(t, s, "/news/c/")
	var names []string
	for _, tm := range c.Tags() {
		names = append(names, tm.Slug)
	}
	if !reflect.DeepEqual(names, []string{"party-building", "清廉机关", "模范机关"}) {
		t.Errorf("Tags() = %v", names)
	}
	if e := mustPage(t, s, "/news/e/"); len(e.Tags()) != 0 || len(e.Terms["themes"]) != 1 || e.Terms["themes"][0].Page.Path != "/themes/一部门一品牌/" {
		t.Errorf("themes terms = %v", e.Terms)
	}
	if mustPage(t, s, "/themes/").Kind != KindTaxonomy {
		t.Error("no /themes/ taxonomy page")
	}
}

func TestTaxonomyMergeIsOrderIndependent(t *testing.T) {
	mk := func(order []int) string {
		all := []*content.Source{
			dated("news/a.md", "A", day(2024, 1, 1)),
			dated("news/b.md", "B", day(2024, 1, 1)),
		}
		all[0].Front.Terms["tags"] = []string{"Go"}
		all[1].Front.Terms["tags"] = []string{"go"}
		var in []*content.Source
		for _, i := range order {
			in = append(in, all[i])
		}
		s := build(t, testConfig(t), in, nil)
		if len(s.Taxonomies[0].Terms) != 1 {
			t.Fatalf("variants should merge: %v", s.Taxonomies[0].Terms)
		}
		return s.Taxonomies[0].Terms[0].Name
	}
	if a, b := mk([]int{0, 1}), mk([]int{1, 0}); a != "Go" || b != "Go" {
		t.Errorf("merged name %q / %q, want Go both times", a, b)
	}
}

func TestArchives(t *testing.T) {
	pinned := dated("news/pinned.md", "置顶", day(2024, 1, 5))
	pinned.Front.Weight = 1
	sources := []*content.Source{
		dated("news/a.md", "A", day(2024, 3, 1)),
		dated("news/b.md", "B", day(2023, 12, 31)),
		pinned,
		dated("news/c.md", "C", day(2024, 6, 1)),
		src("news/undated.md", fm("无日期")),
		dated("cases/d.md", "D", day(2022, 7, 1)),
	}
	s := build(t, testConfig(t), sources, nil)
	arch := s.Archives
	if arch == nil || arch.Path != "/archives/" || arch.Kind != KindArchives || arch.Parent != s.Home || s.Page("/archives/") != arch {
		t.Fatalf("archives page = %+v", arch)
	}
	var years []int
	for _, y := range arch.Sections {
		years = append(years, y.Year)
		if y.Kind != KindYear || y.Parent != arch || s.Page(y.Path) != y || y.Path != "/archives/"+strconv.Itoa(y.Year)+"/" {
			t.Errorf("year page %d: %+v", y.Year, y)
		}
	}
	if !reflect.DeepEqual(years, []int{2024, 2023, 2022}) {
		t.Errorf("years = %v, want newest first", years)
	}
	// Within a year, newest first; pinning does not apply.
	if got := paths(arch.Sections[0].Pages); !reflect.DeepEqual(got, []string{"/news/c/", "/news/a/", "/news/pinned/"}) {
		t.Errorf("2024 pages = %v", got)
	}
	if got := arch.Sections[0].Title; got != "2024 年" {
		t.Errorf("year title = %q", got)
	}
	for _, y := range arch.Sections {
		for _, p := range y.Pages {
			if p.Date.IsZero() {
				t.Errorf("undated page %s in year %d", p.Path, y.Year)
			}
		}
	}
}

func TestNotFound(t *testing.T) {
	s := build(t, testConfig(t), nil, nil)
	nf := s.NotFound
	if nf == nil || nf.Path != "/404.html" || nf.Kind != Kind404 || s.Page("/404.html") != nf || nf.Parent != s.Home {
		t.Fatalf("404 page = %+v", nf)
	}
	if OutputFile(nf.Path) != "404.html" {
		t.Errorf("404 output file = %q", OutputFile(nf.Path))
	}
	if nf.RelPermalink() != "/dangjian/404.html" {
		t.Errorf("404 RelPermalink = %q", nf.RelPermalink())
	}
	// An empty site still has a home, archives, a site map and 404;
	// taxonomies no page uses get no pages.
	if got := paths(s.All); !reflect.DeepEqual(got, []string{"/", "/404.html", "/archives/", "/sitemap/"}) {
		t.Errorf("All = %v", got)
	}
}

func TestResourcesAndFiles(t *testing.T) {
	bundle := src("news/2024/Zhuti Dangri/index.md", fm("主题党日"))
	bundle.Resources = []content.File{
		{Path: "news/2024/Zhuti Dangri/Photo 1.JPG", Abs: "/disk/photo.jpg", Size: 2048},
		{Path: "news/2024/Zhuti Dangri/附件/安排.csv", Abs: "/disk/anpai.csv", Size: 14},
	}
	files := []content.File{
		{Path: "robots-extra.txt", Abs: "/disk/robots-extra.txt"},
		{Path: "Images/Logo.png", Abs: "/disk/logo.png"},
	}
	s := build(t, testConfig(t), []*content.Source{bundle}, files)
	p := mustPage(t, s, "/news/2024/zhuti-dangri/")
	want := []Resource{
		{Name: "Photo 1.JPG", Path: "/news/2024/zhuti-dangri/Photo 1.JPG", Abs: "/disk/photo.jpg", Size: 2048, Ext: "jpg"},
		{Name: "附件/安排.csv", Path: "/news/2024/zhuti-dangri/附件/安排.csv", Abs: "/disk/anpai.csv", Size: 14, Ext: "csv"},
	}
	if !reflect.DeepEqual(p.Resources, want) {
		t.Errorf("Resources =\n%+v\nwant\n%+v", p.Resources, want)
	}
	var got []string
	for _, f := range s.Files {
		got = append(got, f.Path+"←"+f.Abs)
	}
	wantFiles := []string{
		// Folders are slugged like page folders; file names are kept.
		"/images/Logo.png←/disk/logo.png",
		"/news/2024/zhuti-dangri/Photo 1.JPG←/disk/photo.jpg",
		"/news/2024/zhuti-dangri/附件/安排.csv←/disk/anpai.csv",
		"/robots-extra.txt←/disk/robots-extra.txt",
	}
	if !reflect.DeepEqual(got, wantFiles) {
		t.Errorf("Files =\n%v\nwant\n%v", got, wantFiles)
	}
}

func TestBundleWithFileURL(t *testing.T) {
	f := fm("专题")
	f.URL = "/special/qinglian.html"
	bundle := src("cases/qinglian/index.md", f)
	bundle.Resources = []content.File{{Path: "cases/qinglian/a.jpg", Abs: "/disk/a.jpg", Size: 1}}
	s := build(t, testConfig(t), []*content.Source{bundle}, nil)
	p := mustPage(t, s, "/special/qinglian.html")
	// The resource sits beside the HTML file, where a relative link in
	// the page would find it.
	if len(p.Resources) != 1 || p.Resources[0].Path != "/special/a.jpg" {
		t.Errorf("Resources = %+v", p.Resources)
	}
}

func TestFilesAtOnePath(t *testing.T) {
	bundle := src("news/a/index.md", fm("A"))
	bundle.Resources = []content.File{{Path: "news/a/x.png", File: "content/news/a/x.png", Abs: "/disk/1.png"}}
	files := []content.File{{Path: "news/A/x.png", File: "content/news/A/x.png", Abs: "/disk/2.png"}}
	_, ds := New(testConfig(t), []*content.Source{bundle}, files, Options{Now: now})
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "/news/a/x.png") || ds[0].File != "content/news/a/x.png" ||
		!strings.Contains(ds[0].Message, "content/news/a/x.png") || !strings.Contains(ds[0].Message, "content/news/A/x.png") {
		t.Errorf("want one diagnostic naming both files, got %v", messages(ds))
	}
}

func TestAncestors(t *testing.T) {
	s := build(t, testConfig(t), []*content.Source{src("news/2024/q1/a.md", fm("A")), src("b.md", fm("B"))}, nil)
	tests := []struct {
		path string
		want []string
	}{
		{"/news/2024/q1/a/", []string{"/", "/news/", "/news/2024/", "/news/2024/q1/"}},
		{"/news/", []string{"/"}},
		{"/b/", []string{"/"}},
		{"/", []string{}},
		{"/archives/", []string{"/"}},
		{"/404.html", []string{"/"}},
	}
	for _, tt := range tests {
		if got := paths(mustPage(t, s, tt.path).Ancestors()); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Ancestors(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestInSection(t *testing.T) {
	s := build(t, testConfig(t), []*content.Source{src("news/a.md", fm("A"))}, nil)
	a := mustPage(t, s, "/news/a/")
	tests := []struct {
		page *Page
		path string
		want bool
	}{
		{a, "/news/", true},
		{a, "/news/a/", true},
		{a, "/new/", false},
		{a, "/", false},
		{s.Home, "/", true},
		{s.Home, "/news/", false},
	}
	for _, tt := range tests {
		if got := tt.page.InSection(tt.path); got != tt.want {
			t.Errorf("%s.InSection(%s) = %v, want %v", tt.page.Path, tt.path, got, tt.want)
		}
	}
}

// fingerprint writes down everything about a site model that output
// depends on: every page with its lists, neighbours and terms.
func fingerprint(s *Site) string {
	var b strings.Builder
	name := func(p *Page) string {
		if p == nil {
			return "-"
		}
		return p.Path
	}
	for _, p := range s.All {
		fmt.Fprintf(&b, "%s %s %q parent=%s prev=%s next=%s\n  pages=%v\n  sections=%v\n",
			p.Path, p.Kind, p.Title, name(p.Parent), name(p.Prev), name(p.Next), paths(p.Pages), paths(p.Sections))
		for _, key := range sortedKeys(p.Terms) {
			for _, tm := range p.Terms[key] {
				fmt.Fprintf(&b, "  term %s %s %q\n", key, tm.Slug, tm.Name)
			}
		}
	}
	for _, tax := range s.Taxonomies {
		for _, tm := range tax.Terms {
			fmt.Fprintf(&b, "%s/%s %q %v\n", tax.Key, tm.Slug, tm.Name, paths(tm.Pages))
		}
	}
	for _, a := range s.Aliases {
		fmt.Fprintf(&b, "alias %s → %s\n", a.From, a.To.Path)
	}
	fmt.Fprintln(&b, paths(s.RegularPages), paths(s.Sections), s.Files, s.Excluded)
	return b.String()
}

func TestDeterministic(t *testing.T) {
	mk := func() []*content.Source {
		var out []*content.Source
		for i, name := range []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"} {
			p := dated("news/"+name+".md", "同一标题", day(2024, 1, 1+i%3))
			p.Front.Terms["tags"] = []string{"标签" + name, "共同", []string{"Go", "go", "GO"}[i%3]}
			p.Front.Aliases = []string{"/old/" + name + "/"}
			out = append(out, p)
		}
		draft := src("news/draft.md", fm("草稿"))
		draft.Front.Draft = true
		out = append(out, src("cases/x/y.md", fm("Y")), src("cases/z.md", fm("Z")), src("about.md", fm("关于")), draft)
		return out
	}
	files := []content.File{{Path: "b.txt", Abs: "/disk/b"}, {Path: "a.txt", Abs: "/disk/a"}}
	want := fingerprint(build(t, testConfig(t), mk(), files))
	for i := range 6 {
		in, fs := mk(), slices.Clone(files)
		if i%2 == 1 { // the model does not depend on the order files were read in
			slices.Reverse(in)
			slices.Reverse(fs)
		}
		if got := fingerprint(build(t, testConfig(t), in, fs)); got != want {
			t.Fatalf("build %d differs:\n%s\nwant\n%s", i, got, want)
		}
	}
	s := build(t, testConfig(t), mk(), files)
	if !slices.IsSortedFunc(s.All, func(x, y *Page) int { return strings.Compare(x.Path, y.Path) }) {
		t.Error("All is not sorted by path")
	}
	if !slices.IsSortedFunc(s.Aliases, func(x, y Alias) int { return strings.Compare(x.From, y.From) }) {
		t.Error("Aliases are not sorted")
	}
}
