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

// Related lists up to MaxRelated other articles (相关文章) that share the
// most tags and units with p, newest first among equals. It is computed on
// each call; templates call it once per page.
func (p *Page) Related() []*Page {
	shared := map[*Page]int{}
	for _, t := range p.Tags() {
		for _, q := range t.Pages {
			shared[q]++
		}
	}
	for _, u := range p.Units {
		for _, q := range u.Articles {
			shared[q]++
		}
	}
	delete(shared, p)
	related := make([]*Page, 0, len(shared))
	for q := range shared {
		if q.Kind == KindPage {
			related = append(related, q)
		}
	}
	slices.SortFunc(related, func(a, b *Page) int {
		return cmp.Or(shared[b]-shared[a], listOrder(a, b))
	})
	return related[:min(len(related), MaxRelated)]
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

// meta copies the page metadata of front matter onto each page, resolving
// the image (题图) to its site path once the content files are placed.
func (b *builder) meta() {
	for _, p := range b.site.bySource {
		fm := p.src.Front
		p.Description, p.Keywords, p.Language = fm.Description, fm.Keywords, fm.Lang
		p.Featured, p.ColumnType = fm.Featured, fm.ColumnType
		if fm.Image == "" {
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
