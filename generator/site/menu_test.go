package site

import (
	"reflect"
	"testing"

	"yipin/generator/config"
	"yipin/generator/content"
)

func menuSite(t *testing.T) *Site {
	t.Helper()
	cfg := testConfig(t)
	cfg.Menus["main"] = []config.MenuItem{
		{Name: "首页", URL: "/"},
		{Name: "工作动态", URL: "/news/", Children: []config.MenuItem{
			{Name: "2024年", URL: "/news/2024/"},
			{Name: "政府网", URL: "https://www.gov.cn/"},
		}},
		{Name: "案例", URL: "cases"},
		{Name: "专题", Children: []config.MenuItem{ // only holds children
			{Name: "关于", URL: "/about/"},
			{Name: "案例", URL: "/cases/"},
		}},
		{Name: "中国政府网", URL: "https://www.gov.cn/"},
		{Name: "协议相对", URL: "//cdn.example.gov.cn/x/"},
		{Name: "关于", URL: "/about.html"},
	}
	cfg.Menus["footer"] = []config.MenuItem{{Name: "案例库", URL: "/cases/"}}
	return build(t, cfg, []*content.Source{
		src("news/2024/a.md", fm("A")),
		src("news/b.md", fm("B")),
		src("cases/c.md", fm("C")),
		src("about.md", fm("关于")),
	}, nil)
}

func TestMenus(t *testing.T) {
	s := menuSite(t)
	main := s.Menus["main"]
	type item struct {
		Name, URL, Path string
		External        bool
	}
	var got []item
	for _, m := range main {
		got = append(got, item{m.Name, m.URL, m.Path, m.External})
	}
	want := []item{
		{"首页", "/dangjian/", "/", false},
		{"工作动态", "/dangjian/news/", "/news/", false},
		{"案例", "/dangjian/cases/", "/cases/", false},
		{"专题", "", "", false},
		{"中国政府网", "https://www.gov.cn/", "", true},
		{"协议相对", "//cdn.example.gov.cn/x/", "", true},
		{"关于", "/dangjian/about.html", "/about.html", false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("main menu =\n%+v\nwant\n%+v", got, want)
	}
	ch := main[1].Children
	if len(ch) != 2 || ch[0].URL != "/dangjian/news/2024/" || ch[0].Path != "/news/2024/" || !ch[1].External || ch[1].Path != "" {
		t.Errorf("children = %+v", ch)
	}
	if len(s.Menus["footer"]) != 1 || s.Menus["footer"][0].URL != "/dangjian/cases/" {
		t.Errorf("footer menu = %+v", s.Menus["footer"])
	}
}

func TestMenuCurrent(t *testing.T) {
	s := menuSite(t)
	main := s.Menus["main"]
	home, news, cases, topics, gov := main[0], main[1], main[2], main[3], main[4]
	tests := []struct {
		item MenuItem
		page string
		want bool
	}{
		{home, "/", true},
		{home, "/news/", false}, // "/" only matches the home page
		{news, "/news/", true},
		{news, "/news/2024/a/", true},
		{news, "/cases/c/", false},
		{cases, "/cases/c/", true},
		{gov, "/", false}, // outside links are never current
		{news.Children[1], "/news/", false},
		{news.Children[0], "/news/2024/a/", true},
		{news.Children[0], "/news/b/", false},
		{topics, "/about/", true}, // through a child
		{topics, "/cases/c/", true},
		{topics, "/news/b/", false},
	}
	for _, tt := range tests {
		if got := tt.item.Current(mustPage(t, s, tt.page)); got != tt.want {
			t.Errorf("%s.Current(%s) = %v, want %v", tt.item.Name, tt.page, got, tt.want)
		}
	}
}

func TestMenuLink(t *testing.T) {
	main := menuSite(t).Menus["main"]
	for _, tt := range []struct {
		item MenuItem
		want string
	}{
		{main[1], "/dangjian/news/"},
		{main[3], "/dangjian/about/"}, // its first child
		{main[4], "https://www.gov.cn/"},
		{MenuItem{Name: "空"}, ""},
		{MenuItem{Name: "空", Children: []MenuItem{{Name: "也空"}}}, ""},
	} {
		if got := tt.item.Link(); got != tt.want {
			t.Errorf("%s.Link() = %q, want %q", tt.item.Name, got, tt.want)
		}
	}
}

func TestMenuState(t *testing.T) {
	s := menuSite(t)
	tests := []struct{ menu, page, want string }{
		{"main", "/", "/dangjian/"},
		{"main", "/news/", "/dangjian/news/"},
		{"main", "/news/b/", "/dangjian/news/"},
		{"main", "/news/2024/a/", "/dangjian/news/|/dangjian/news/2024/"}, // parent and child both highlighted
		{"main", "/cases/c/", "/dangjian/cases/||/dangjian/cases/"},       // 案例, and 专题 through its child
		{"main", "/about/", "|/dangjian/about/"},                          // 专题 has no URL of its own
		{"main", "/404.html", ""},
		{"footer", "/cases/c/", "/dangjian/cases/"},
		{"footer", "/news/b/", ""},
		{"nope", "/news/b/", ""},
	}
	for _, tt := range tests {
		if got := mustPage(t, s, tt.page).MenuState(tt.menu); got != tt.want {
			t.Errorf("%s.MenuState(%q) = %q, want %q", tt.page, tt.menu, got, tt.want)
		}
	}
}
