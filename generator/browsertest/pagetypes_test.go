package browsertest

import (
	"regexp"
	"testing"
)

// pageType is one kind of page of the site and the site path of one page
// of that kind ("" when the site has none).
type pageType struct{ name, path string }

// pageTypes picks one page of each kind from the crawl. Fixed paths are the
// demo site's; the others are the first crawled page that fits.
func pageTypes(t *testing.T, c *crawlResult) []pageType {
	t.Helper()
	first := func(pattern string, among []string) string {
		re := regexp.MustCompile(pattern)
		for _, p := range among {
			if re.MatchString(p) {
				return p
			}
		}
		return ""
	}
	types := []pageType{
		{"home", "/"},
		{"section", "/news/"},
		{"article", first(`^/news/\d{4}/[^/]+/$`, c.pages)},
		{"section-page-2", first(`^/news/page/2/$`, c.pages)},
		{"tags", "/tags/"},
		{"tag", first(`^/tags/[^/]+/$`, c.pages)},
		{"archives", "/archives/"},
		{"archive-year", first(`^/archives/\d{4}/$`, c.pages)},
		{"404", "/404.html"},
		{"units", "/units/"},
		{"unit", "/units/caizhengju/"},
		{"brand", "/units/caizhengju/brand/"},
		{"branch", first(`^/units/caizhengju/branches/[^/]+/$`, c.links["/units/caizhengju/brand/"])},
		{"brands", "/brands/"},
		{"cases", "/cases/"},
		{"case", first(`^/cases/[^/]+/$`, c.links["/cases/"])},
		{"case-filter", first(`^/cases/theme/[^/]+/$`, c.pages)},
		{"panggao", "/panggao/"},
		{"panggao-year", "/panggao/2025/"},
		{"panggao-unit", "/panggao/2025/caizhengju/"},
		{"panggao-project", first(`^/panggao/2025/caizhengju/[^/]+/$`, c.links["/panggao/2025/caizhengju/"])},
		{"sitemap", "/sitemap/"},
	}
	if types[3].path == "" { // page 2 only when the list is long enough
		types = append(types[:3], types[4:]...)
	}
	return types
}

// article is the article page the reader-tool tests use.
func article(t *testing.T, c *crawlResult) string {
	t.Helper()
	for _, pt := range pageTypes(t, c) {
		if pt.name == "article" && pt.path != "" {
			return pt.path
		}
	}
	t.Fatal("the crawl found no article page under /news/YYYY/")
	return ""
}

// eachPageType opens one page of each type in the tab, in a subtest named
// after the type, and runs check on it.
func eachPageType(t *testing.T, c *crawlResult, b *tab, check func(t *testing.T, pt pageType)) {
	t.Helper()
	for _, pt := range pageTypes(t, c) {
		t.Run(pt.name, func(t *testing.T) {
			if pt.path == "" {
				t.Fatal("the crawl found no page of this type")
			}
			if err := b.open(pt.path); err != nil {
				t.Fatal(err)
			}
			check(t, pt)
		})
	}
}
