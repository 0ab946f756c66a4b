package site

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"yipin/generator/content"
)

// tagged is a dated page with tags.
func tagged(contentPath, title string, d int, tags ...string) *content.Source {
	s := dated(contentPath, title, day(2025, 1, d))
	s.Front.Terms["tags"] = tags
	return s
}

func TestRelated(t *testing.T) {
	s := build(t, testConfig(t), []*content.Source{
		tagged("news/a.md", "甲", 1, "清廉", "模范", "党建"),
		tagged("news/b.md", "乙", 2, "清廉"),           // 1 shared
		tagged("news/c.md", "丙", 3, "清廉", "模范"),     // 2 shared
		tagged("news/d.md", "丁", 4, "模范"),           // 1 shared, newer than 乙
		tagged("news/e.md", "戊", 5, "无关"),           // none
		tagged("research/f.md", "己", 6, "党建"),       // 1 shared, other section
		tagged("research/g.md", "庚", 7, "党建", "清廉"), // 2 shared, newest
		tagged("research/h.md", "辛", 8, "党建"),
	}, nil)
	a := mustPage(t, s, "/news/a/")
	// Most shared first, newest first among equals; at most MaxRelated.
	if got, want := titles(a.Related()), []string{"庚", "丙", "辛", "己", "丁"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Related = %v, want %v", got, want)
	}
	if got := mustPage(t, s, "/news/e/").Related(); len(got) != 0 {
		t.Errorf("a page sharing nothing has related pages %v", titles(got))
	}
}

func TestPageMeta(t *testing.T) {
	cfg := testConfig(t)
	hant := tagged("news/hant/index.md", "繁體", 1, "清廉")
	hant.Front.Lang, hant.Front.Image = "zh-Hant", "cover.png"
	plain := tagged("news/plain.md", "简体", 2, "清廉", "模范")
	bundle := tagged("news/bundle/index.md", "页面包", 4, "清廉")
	bundle.Resources = []content.File{{Path: "news/bundle/notice.pdf"}, {Path: "news/bundle/photo.JPG"}}
	keyed := tagged("news/keyed.md", "关键词", 3, "清廉")
	keyed.Front.Keywords, keyed.Front.Image = []string{"攀高", "乘数"}, "/images/a.png"
	s := build(t, cfg, []*content.Source{hant, plain, keyed, bundle}, []content.File{
		{Path: "news/hant/cover.png", File: "content/news/hant/cover.png"},
	})
	for _, c := range []struct {
		path, lang, image string
		keywords          []string
	}{
		{"/news/hant/", "zh-Hant", "/news/hant/cover.png", []string{"清廉"}},
		{"/news/plain/", "zh-CN", "", []string{"清廉", "模范"}},
		{"/news/keyed/", "zh-CN", "/images/a.png", []string{"攀高", "乘数"}},
		{"/news/bundle/", "zh-CN", "/news/bundle/photo.JPG", []string{"清廉"}}, // the bundle's first picture
	} {
		p := mustPage(t, s, c.path)
		if p.Lang() != c.lang || p.Image != c.image || !reflect.DeepEqual(p.KeywordList(), c.keywords) {
			t.Errorf("%s: lang %q image %q keywords %v; want %q %q %v", c.path, p.Lang(), p.Image, p.KeywordList(), c.lang, c.image, c.keywords)
		}
	}
	if sm := mustPage(t, s, "/sitemap/"); sm.Kind != KindSiteMap || s.SiteMap != sm || sm.Parent != s.Home {
		t.Errorf("site map page = %+v", sm)
	}
}

func TestMissingImage(t *testing.T) {
	p := tagged("news/a.md", "甲", 1)
	p.Front.Image = "cover.jpg"
	p.Front.Pos["image"] = content.Pos{Line: 4, Col: 8}
	_, ds := New(testConfig(t), []*content.Source{p}, nil, Options{Now: now})
	got := strings.Join(messages(ds), "\n")
	for _, want := range []string{"content/news/a.md:4:8", "找不到题图文件 cover.jpg", "content/news/"} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics %q lack %q", got, want)
		}
	}
}

// TestRelatedWindow: in a long list, Related looks at the articles
// published near the page, not at the newest of the whole site.
func TestRelatedWindow(t *testing.T) {
	var sources []*content.Source
	for i := range 1000 {
		s := dated(fmt.Sprintf("news/%04d.md", i), fmt.Sprintf("第%04d篇", i), day(2020, 1, 1).AddDate(0, 0, i))
		s.Front.Terms["tags"] = []string{"党建"}
		sources = append(sources, s)
	}
	s := build(t, testConfig(t), sources, nil)
	// Newest first: RegularPages[k] is article 999-k. Article 499 is at
	// 500; its window starts relatedWindow earlier.
	got := titles(mustPage(t, s, "/news/0499/").Related())
	var want []string
	for i := range MaxRelated {
		want = append(want, fmt.Sprintf("第%04d篇", 499+relatedWindow-i))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Related = %v, want %v", got, want)
	}
}

// TestRelatedRandom compares Related with a plain merge of the same lists
// on a random site: 600 articles with 0 to 5 of 12 tags, several on one
// day, and twice each page, so that the tally the first call leaves
// behind is seen by the second.
func TestRelatedRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var sources []*content.Source
	for i := range 600 {
		var tags []string
		for range rng.IntN(6) {
			if tag := fmt.Sprintf("标签%d", rng.IntN(12)); !slices.Contains(tags, tag) {
				tags = append(tags, tag)
			}
		}
		s := dated(fmt.Sprintf("news/%03d.md", i), fmt.Sprintf("第%03d篇", i), day(2020, 1, 1).AddDate(0, 0, rng.IntN(300)))
		s.Front.Terms["tags"] = tags
		sources = append(sources, s)
	}
	s := build(t, testConfig(t), sources, nil)
	for round := range 2 {
		for _, p := range s.RegularPages {
			if got, want := titles(p.Related()), titles(relatedByMerge(p)); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %s: Related = %v, a plain merge gives %v", round, p.Title, got, want)
			}
		}
	}
}

// relatedByMerge is Related as a merge of the sorted lists, picking the
// smallest index of all lists at each step: the reference for the tally.
func relatedByMerge(p *Page) []*Page {
	var lists [][]int
	for _, t := range p.Tags() {
		lists = append(lists, p.near(t.ords))
	}
	for _, u := range p.Units {
		lists = append(lists, p.near(u.ords))
	}
	var top []*Page
	var shares []int
	for {
		next := -1
		for _, l := range lists {
			if len(l) > 0 && (next < 0 || l[0] < next) {
				next = l[0]
			}
		}
		if next < 0 {
			return top
		}
		shared := 0
		for i, l := range lists {
			if len(l) > 0 && l[0] == next {
				lists[i], shared = l[1:], shared+1
			}
		}
		q := p.Site.RegularPages[next]
		if q == p || q.Kind != KindPage {
			continue
		}
		j := len(top)
		for j > 0 && shares[j-1] < shared {
			j--
		}
		top = slices.Insert(top, j, q)
		shares = slices.Insert(shares, j, shared)
		if len(top) > MaxRelated {
			top, shares = top[:MaxRelated], shares[:MaxRelated]
		}
	}
}
