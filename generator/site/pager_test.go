package site

import (
	"fmt"
	"reflect"
	"testing"

	"yipin/generator/content"
)

// listOf builds a site whose /news/ section holds n pages, newest first
// as p00, p01, ….
func listOf(t *testing.T, n int) *Page {
	t.Helper()
	var sources []*content.Source
	for i := range n {
		sources = append(sources, dated(fmt.Sprintf("news/p%02d.md", i), fmt.Sprint(i), day(2024, 1, 1).AddDate(0, 0, -i)))
	}
	if n == 0 {
		sources = append(sources, src("news/_index.md", fm("工作动态")))
	}
	return mustPage(t, build(t, testConfig(t), sources, nil), "/news/")
}

func TestPaginate(t *testing.T) {
	tests := []struct {
		name   string
		pages  int
		size   int
		counts []int
	}{
		{"empty list has one pager", 0, 20, []int{0}},
		{"exactly one page full", 3, 3, []int{3}},
		{"one more than a page", 4, 3, []int{3, 1}},
		{"several pages", 7, 2, []int{2, 2, 2, 1}},
		{"size zero is treated as one", 2, 0, []int{1, 1}},
		{"negative size is treated as one", 2, -5, []int{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list := listOf(t, tt.pages)
			pagers := Paginate(list, tt.size)
			var counts []int
			var all []*Page
			for i, pg := range pagers {
				counts = append(counts, len(pg.Pages))
				all = append(all, pg.Pages...)
				if pg.Number != i+1 || pg.Total != len(tt.counts) || pg.List != list {
					t.Errorf("pager %d: Number %d Total %d", i, pg.Number, pg.Total)
				}
			}
			if !reflect.DeepEqual(counts, tt.counts) {
				t.Errorf("pager sizes = %v, want %v", counts, tt.counts)
			}
			if len(all) != len(list.Pages) || len(all) > 0 && !reflect.DeepEqual(all, list.Pages) {
				t.Errorf("pagers do not hold the list in order")
			}
		})
	}
}

func TestPagerLinks(t *testing.T) {
	list := listOf(t, 5)
	pagers := Paginate(list, 2)
	if len(pagers) != 3 {
		t.Fatalf("want 3 pagers, got %d", len(pagers))
	}
	tests := []struct {
		pg               *Pager
		path             string
		hasPrev, hasNext bool
		prev, next       string
	}{
		{pagers[0], "/news/", false, true, "/dangjian/news/", "/dangjian/news/page/2/"},
		{pagers[1], "/news/page/2/", true, true, "/dangjian/news/", "/dangjian/news/page/3/"},
		{pagers[2], "/news/page/3/", true, false, "/dangjian/news/page/2/", "/dangjian/news/page/4/"},
	}
	for _, tt := range tests {
		if got := tt.pg.Path(); got != tt.path {
			t.Errorf("pager %d Path = %q, want %q", tt.pg.Number, got, tt.path)
		}
		if tt.pg.HasPrev() != tt.hasPrev || tt.pg.HasNext() != tt.hasNext {
			t.Errorf("pager %d HasPrev %v HasNext %v", tt.pg.Number, tt.pg.HasPrev(), tt.pg.HasNext())
		}
		if tt.pg.HasPrev() && tt.pg.PrevURL() != tt.prev {
			t.Errorf("pager %d PrevURL = %q, want %q", tt.pg.Number, tt.pg.PrevURL(), tt.prev)
		}
		if tt.pg.HasNext() && tt.pg.NextURL() != tt.next {
			t.Errorf("pager %d NextURL = %q, want %q", tt.pg.Number, tt.pg.NextURL(), tt.next)
		}
	}
	if got := pagers[2].URL(1); got != "/dangjian/news/" {
		t.Errorf("URL(1) = %q: page 1 is the list itself", got)
	}
	for _, n := range []int{0, -1} {
		if got := PagePath(list, n); got != "/news/" {
			t.Errorf("PagePath(%d) = %q, want the list path", n, got)
		}
	}
	if got := PagePath(list.Site.Home, 2); got != "/page/2/" {
		t.Errorf("home PagePath(2) = %q", got)
	}
}

func TestPagerNumbers(t *testing.T) {
	tests := []struct {
		number, total int
		want          []int
	}{
		{1, 1, []int{1}},
		{1, 2, []int{1, 2}},
		{1, 5, []int{1, 2, 3, 0, 5}},
		{3, 5, []int{1, 2, 3, 4, 5}},
		{1, 10, []int{1, 2, 3, 0, 10}},
		{4, 10, []int{1, 2, 3, 4, 5, 6, 0, 10}},
		{5, 10, []int{1, 0, 3, 4, 5, 6, 7, 0, 10}},
		{8, 10, []int{1, 0, 6, 7, 8, 9, 10}},
		{10, 10, []int{1, 0, 8, 9, 10}},
		{50, 100, []int{1, 0, 48, 49, 50, 51, 52, 0, 100}},
	}
	for _, tt := range tests {
		pg := &Pager{Number: tt.number, Total: tt.total}
		if got := pg.Numbers(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Numbers() at %d of %d = %v, want %v", tt.number, tt.total, got, tt.want)
		}
	}
}

func TestWithPager(t *testing.T) {
	list := listOf(t, 5)
	pagers := Paginate(list, 2)
	p2 := list.WithPager(pagers[1])
	if p2 == list {
		t.Fatal("WithPager must return a copy")
	}
	if p2.Paginator != pagers[1] || list.Paginator != nil {
		t.Errorf("Paginator: copy %v, model %v", p2.Paginator, list.Paginator)
	}
	if got := p2.RelPermalink(); got != "/dangjian/news/page/2/" {
		t.Errorf("RelPermalink = %q", got)
	}
	if got := p2.Permalink(); got != "https://example.gov.cn/dangjian/news/page/2/" {
		t.Errorf("Permalink = %q", got)
	}
	if got := list.RelPermalink(); got != "/dangjian/news/" {
		t.Errorf("model RelPermalink changed to %q", got)
	}
	if got := list.WithPager(pagers[0]).RelPermalink(); got != "/dangjian/news/" {
		t.Errorf("pager 1 RelPermalink = %q", got)
	}
	if p2.Path != "/news/" || p2.Title != list.Title || !reflect.DeepEqual(p2.Pages, list.Pages) {
		t.Errorf("the copy should keep the page's fields")
	}
}
