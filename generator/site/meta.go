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
// The lists hold indexes in RegularPages, kept beside each tag and unit
// (relatedIndex): following the pointers to the pages cost more than the
// rest of an article's template. A page's count is the number of lists it
// appears in, tallied in a table indexed like RegularPages that is
// borrowed from the site and left zeroed for the next call.
func (p *Page) Related() []*Page {
	s := p.Site
	tally, _ := s.tallies.Get().(*relatedTally)
	if tally == nil || len(tally.counts) < len(s.RegularPages) {
		tally = &relatedTally{counts: make([]int32, len(s.RegularPages))}
	}
	counts, seen := tally.counts, tally.seen[:0]
	count := func(ords []int) {
		for _, o := range p.near(ords) {
			if counts[o] == 0 {
				seen = append(seen, o)
			}
			counts[o]++
		}
	}
	for _, t := range p.Tags() {
		count(t.ords)
	}
	for _, u := range p.Units {
		count(u.ords)
	}
	type ranked struct{ ord, shared int }
	var buf [MaxRelated]ranked
	top := buf[:0]
	for _, o := range seen {
		shared := int(counts[o])
		counts[o] = 0
		// RegularPages holds articles only, so only p itself is left out
		// (comparing pointers, not reading the pages, which is slow)
		if s.RegularPages[o] == p {
			continue
		}
		// most shared first; among equals the newest, which comes first in
		// RegularPages
		j := len(top)
		for j > 0 && (top[j-1].shared < shared || top[j-1].shared == shared && top[j-1].ord > o) {
			j--
		}
		if j == MaxRelated {
			continue
		}
		if len(top) < MaxRelated {
			top = append(top, ranked{})
		}
		copy(top[j+1:], top[j:len(top)-1])
		top[j] = ranked{o, shared}
	}
	tally.seen = seen
	s.tallies.Put(tally) // only when every count is back to zero
	related := make([]*Page, len(top))
	for i, r := range top {
		related[i] = s.RegularPages[r.ord]
	}
	return related
}

// relatedTally is Related's scratch space: a count for each article, all
// zero between calls, and the articles counted.
type relatedTally struct {
	counts []int32
	seen   []int
}

// ords lists the pages' indexes in Site.RegularPages.
func ords(pages []*Page) []int {
	out := make([]int, len(pages))
	for i, q := range pages {
		out[i] = q.ord
	}
	return out
}

// near is the part of a list's indexes within relatedWindow of p.
func (p *Page) near(ords []int) []int {
	i, _ := slices.BinarySearch(ords, p.ord)
	return ords[max(0, i-relatedWindow):min(len(ords), i+relatedWindow+1)]
}

// relatedIndex keeps beside each tag's and unit's list the pages' indexes
// in RegularPages, for Related.
func (b *builder) relatedIndex() {
	for _, p := range b.site.RegularPages {
		for _, t := range p.Tags() {
			if t.ords == nil {
				t.ords = ords(t.Pages)
			}
		}
		for _, u := range p.Units {
			if u.ords == nil {
				u.ords = ords(u.Articles)
			}
		}
	}
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
