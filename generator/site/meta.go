package site

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"yipin/generator/content"
	"yipin/generator/diag"
)

// MaxRelated is how many related articles (相关文章) a page lists.
const MaxRelated = 5

// Lang is the page's language tag for <html lang>: its own (lang in front
// matter, e.g. zh-Hant) or the site's.
func (p *Page) Lang() string {
	return cmp.Or(p.Language, p.Site.Config.Language)
}

// KeywordList is what the page is about, for the Keywords meta tags: the
// keywords in front matter, else the names of its tags.
func (p *Page) KeywordList() []string {
	if len(p.Keywords) > 0 {
		return p.Keywords
	}
	var ks []string
	for _, t := range p.Tags() {
		ks = append(ks, t.Name)
	}
	return ks
}

// relatedWindow is how many articles on each side of a page, in each of
// its tag and unit lists, Related looks at: the neighbours in time. It
// keeps the work per page constant however large the site grows.
const relatedWindow = 100

// Related lists up to MaxRelated other articles (相关文章) that share the
// most tags and units with p, newest first among equals, looking at the
// relatedWindow articles published nearest to p in each of its tag and
// unit lists. It is computed on each call; templates call it once.
//
// Every tag and unit list is in list order, the order of RegularPages, so
// the lists are merged by that index: a page's count is the number of
// lists it appears in, found without a map or a sort.
func (p *Page) Related() []*Page {
	var lists [][]*Page
	for _, t := range p.Tags() {
		lists = append(lists, p.near(t.Pages))
	}
	for _, u := range p.Units {
		lists = append(lists, p.near(u.Articles))
	}
	type ranked struct {
		page   *Page
		shared int
	}
	top := make([]ranked, 0, MaxRelated)
	heads := make([]int, len(lists))
	for {
		var next *Page
		for i, l := range lists {
			if heads[i] < len(l) && (next == nil || l[heads[i]].ord < next.ord) {
				next = l[heads[i]]
			}
		}
		if next == nil {
			break
		}
		shared := 0
		for i, l := range lists {
			if heads[i] < len(l) && l[heads[i]] == next {
				heads[i]++
				shared++
			}
		}
		if next == p || next.Kind != KindPage {
			continue
		}
		// Pages come newest first, so a page displaces only pages that
		// share fewer; among equals the earlier one stays ahead.
		j := len(top)
		for j > 0 && top[j-1].shared < shared {
			j--
		}
		if j == MaxRelated {
			continue
		}
		if len(top) < MaxRelated {
			top = append(top, ranked{})
		}
		copy(top[j+1:], top[j:len(top)-1])
		top[j] = ranked{next, shared}
	}
	related := make([]*Page, len(top))
	for i, r := range top {
		related[i] = r.page
	}
	return related
}

// near is the part of list, in list order, within relatedWindow of p.
func (p *Page) near(list []*Page) []*Page {
	i, _ := slices.BinarySearchFunc(list, p.ord, func(q *Page, ord int) int { return cmp.Compare(q.ord, ord) })
	return list[max(0, i-relatedWindow):min(len(list), i+relatedWindow+1)]
}

// SiteMap is the human-readable site map (网站地图) at /sitemap/: every
// section under the home page, the taxonomies and the archives. The
// template walks Site.Home.Sections itself; the page only gives it a URL.
func (b *builder) siteMap() {
	p := &Page{Kind: KindSiteMap, Title: "网站地图", Path: "/sitemap/", Section: "sitemap",
		Site: b.site, Parent: b.site.Home, Params: map[string]any{}}
	b.site.SiteMap = p
	b.claim(p, content.Pos{})
}

// firstImage is the site path of the first picture among a bundle's
// files, the image a page without one in front matter is shared with.
func firstImage(rs []Resource) string {
	for _, r := range rs {
		switch r.Ext {
		case "jpg", "jpeg", "png", "webp", "gif", "svg":
			return r.Path
		}
	}
	return ""
}

// meta copies the page metadata of front matter onto each page, resolving
// the image (题图) to its site path once the content files are placed.
func (b *builder) meta() {
	for _, p := range b.site.bySource {
		fm := p.src.Front
		p.Description, p.Keywords, p.Language = fm.Description, fm.Keywords, fm.Lang
		p.Featured, p.ColumnType = fm.Featured, fm.ColumnType
		if fm.Image == "" {
			p.Image = firstImage(p.Resources)
			continue
		}
		if strings.HasPrefix(fm.Image, "/") {
			p.Image = path.Clean(fm.Image)
			continue
		}
		if sitePath, ok := b.site.byFile[path.Join(p.contentDir(), fm.Image)]; ok {
			p.Image = sitePath
			continue
		}
		pos := fm.Pos["image"]
		b.addAt(p, diag.New(p.File, pos.Line, pos.Col, "找不到题图文件 %s", fm.Image).
			WithHint("把图片放在 %s/ 里,路径相对于本文件所在的文件夹,例如 image: cover.jpg;也可写站内路径,例如 /images/cover.jpg", path.Dir(p.File)))
	}
}
