package browsertest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// crawlResult is what a crawl of the served site found.
type crawlResult struct {
	fetched  int                 // URLs fetched
	pages    []string            // site paths ("/news/") of the HTML pages that answered 200, sorted
	links    map[string][]string // site path of a page → site paths it links to, in document order
	external map[string][]string // URL on another host → pages linking to it
	problems []string            // broken links, wrong types, missing fragments
}

// crawlSite crawls the site once per test binary (nginx must be running,
// and it is on the same port for every test).
func crawlSite(t *testing.T, s *server) *crawlResult {
	t.Helper()
	fx.crawlOnce.Do(func() { fx.crawl = newCrawler(s).run() })
	return fx.crawl
}

// crawler fetches every same-origin URL reachable from the home page, the
// sitemap, robots.txt and the feed.
type crawler struct {
	s        *server
	client   *http.Client
	from     map[string][]string        // URL → the first pages that referred to it
	queue    []string                   // URLs to fetch
	ids      map[string]map[string]bool // HTML page URL → its ids and anchor names
	frags    []fragmentRef
	res      *crawlResult
	problems map[string]bool
}

// fragmentRef is a link to #fragment of page url, found on page from.
type fragmentRef struct{ from, url, fragment string }

func newCrawler(s *server) *crawler {
	return &crawler{
		s: s,
		client: &http.Client{
			Timeout:       10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		from:     map[string][]string{},
		ids:      map[string]map[string]bool{},
		problems: map[string]bool{},
		res:      &crawlResult{links: map[string][]string{}, external: map[string][]string{}},
	}
}

func (c *crawler) run() *crawlResult {
	for _, p := range []string{"/", "/sitemap.xml", "/robots.txt", "/index.xml"} {
		c.add("(start)", c.s.url(p), "")
	}
	for len(c.queue) > 0 {
		u := c.queue[0]
		c.queue = c.queue[1:]
		c.fetch(u)
	}
	for _, f := range c.frags {
		ids, ok := c.ids[f.url]
		if ok && !ids[f.fragment] && !strings.EqualFold(f.fragment, "top") {
			c.problem("%s links to %s#%s, but that page has no id %q", c.site(f.from), c.site(f.url), f.fragment, f.fragment)
		}
	}
	slices.Sort(c.res.pages)
	for p := range c.problems {
		c.res.problems = append(c.res.problems, p)
	}
	slices.Sort(c.res.problems)
	return c.res
}

func (c *crawler) problem(format string, args ...any) {
	c.problems[fmt.Sprintf(format, args...)] = true
}

// site shortens a URL of the site to its path below basePath.
func (c *crawler) site(u string) string {
	if rest, ok := strings.CutPrefix(u, c.s.base); ok {
		return "/" + rest
	}
	return u
}

// add resolves ref, found in an attribute (or "" for text) of page from,
// and queues it when it is on the site.
func (c *crawler) add(from, ref, attr string) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return
	}
	base, _ := url.Parse(from)
	if from == "(start)" {
		base, _ = url.Parse(c.s.base)
	}
	u, err := base.Parse(ref)
	if err != nil {
		c.problem("%s: bad URL %q in %s: %v", c.site(from), ref, attr, err)
		return
	}
	switch u.Scheme {
	case "http", "https":
	case "mailto", "tel", "data", "javascript", "blob", "about":
		return
	default:
		c.problem("%s: URL %q in %s has an unknown scheme", c.site(from), ref, attr)
		return
	}
	if u.Scheme+"://"+u.Host != c.s.origin {
		full := u.String()
		if !slices.Contains(c.res.external[full], c.site(from)) {
			c.res.external[full] = append(c.res.external[full], c.site(from))
		}
		return
	}
	fragment := u.Fragment
	u.Fragment, u.RawFragment = "", ""
	// %e4 and %E4 are the same URL (RFC 3986 2.1); html/template writes
	// the one, net/url the other.
	target := percentHex.ReplaceAllStringFunc(u.String(), strings.ToUpper)
	if !strings.HasPrefix(u.Path, basePath) {
		c.problem("%s links to %s, outside the sub-path %s (%s)", c.site(from), u.Path, basePath, attr)
		return
	}
	if fragment != "" {
		c.frags = append(c.frags, fragmentRef{from, target, fragment})
	}
	if attr == "a[href]" {
		fp := c.site(from)
		if !slices.Contains(c.res.links[fp], c.site(target)) {
			c.res.links[fp] = append(c.res.links[fp], c.site(target))
		}
	}
	if refs, seen := c.from[target]; seen {
		if len(refs) < 3 && !slices.Contains(refs, from) {
			c.from[target] = append(refs, from)
		}
		return
	}
	c.from[target] = []string{from}
	c.queue = append(c.queue, target)
}

// fetch gets one URL, checks its answer and follows what it links to.
func (c *crawler) fetch(u string) {
	c.res.fetched++
	refs := make([]string, len(c.from[u]))
	for i, r := range c.from[u] {
		refs[i] = c.site(r)
	}
	linked := "linked from " + strings.Join(refs, ", ")
	resp, err := c.client.Get(u)
	if err != nil {
		c.problem("%s: %v (%s)", c.site(u), err, linked)
		return
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	resp.Body.Close()
	if err != nil {
		c.problem("%s: reading: %v (%s)", c.site(u), err, linked)
		return
	}
	if resp.StatusCode != http.StatusOK {
		where := ""
		if loc := resp.Header.Get("Location"); loc != "" {
			where = " to " + loc
		}
		c.problem("%s answers %s%s (%s)", c.site(u), resp.Status, where, linked)
		return
	}
	ctype := resp.Header.Get("Content-Type")
	path := resp.Request.URL.Path
	if (strings.HasSuffix(path, "/") || strings.HasSuffix(path, ".html")) && ctype != "text/html; charset=utf-8" {
		c.problem("%s has Content-Type %q, want \"text/html; charset=utf-8\"", c.site(u), ctype)
	}
	switch mt, _, _ := strings.Cut(ctype, ";"); {
	case mt == "text/html":
		c.res.pages = append(c.res.pages, c.site(u))
		c.html(u, body)
	case mt == "text/css":
		c.css(u, string(body), "CSS")
	case strings.HasSuffix(path, "/sitemap.xml"):
		locs, err := xmlText(body, "loc")
		if err != nil {
			c.problem("%s: %v", c.site(u), err)
		}
		for _, l := range locs {
			c.add(u, l, "<loc>")
		}
	case strings.HasSuffix(path, "/robots.txt"):
		for line := range strings.Lines(string(body)) {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "sitemap") {
				c.add(u, v, "Sitemap:")
			}
		}
	}
}

// linkAttrs are the attributes, by element, that load or link to a URL.
var linkAttrs = map[string][]string{
	"a": {"href"}, "link": {"href"}, "script": {"src"}, "img": {"src", "srcset"},
	"source": {"srcset"}, "form": {"action"}, "object": {"data"}, "iframe": {"src"},
}

// html collects the ids of page u and follows its links.
func (c *crawler) html(u string, body []byte) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		c.problem("%s: %v", c.site(u), err)
		return
	}
	ids := map[string]bool{}
	c.ids[u] = ids
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "id" || a.Key == "name" && n.Data == "a":
				ids[a.Val] = true
			case a.Key == "style":
				c.css(u, a.Val, "style attribute")
			case slices.Contains(linkAttrs[n.Data], a.Key):
				attr := n.Data + "[" + a.Key + "]"
				if a.Key == "srcset" {
					for _, cand := range strings.Split(a.Val, ",") {
						if f := strings.Fields(cand); len(f) > 0 {
							c.add(u, f[0], attr)
						}
					}
				} else {
					c.add(u, a.Val, attr)
				}
			}
		}
		if n.Data == "style" && n.FirstChild != nil {
			c.css(u, n.FirstChild.Data, "<style>")
		}
	}
}

var percentHex = regexp.MustCompile(`%[0-9a-fA-F]{2}`)

// cssURL matches url(...) and @import "..." in CSS.
var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

// css follows the URLs in a style sheet or style attribute of page u.
func (c *crawler) css(u, text, where string) {
	for _, m := range cssURL.FindAllStringSubmatch(text, -1) {
		ref := m[1] + m[2] + m[3] + m[4] + m[5]
		if !strings.HasPrefix(ref, "#") { // a fragment alone names an SVG filter or clip path
			c.add(u, ref, where+" url()")
		}
	}
}

// xmlText returns the text of every element with the local name name.
func xmlText(data []byte, name string) ([]string, error) {
	var out []string
	d := xml.NewDecoder(bytes.NewReader(data))
	for in := false; ; {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local == name
		case xml.CharData:
			if in {
				out = append(out, strings.TrimSpace(string(tok)))
			}
		case xml.EndElement:
			in = false
		}
	}
}
