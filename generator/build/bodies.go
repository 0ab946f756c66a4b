package build

import (
	"hash/maphash"
	"sync"

	"yipin/generator/diag"
	"yipin/generator/site"
)

// bodyCache keeps every converted Markdown body of a Session across
// builds, so that a change converts only the bodies it touched. An entry
// is used again only when the body's bytes are the same (by hash) and
// every link in it still resolves to the same URL (or the same error):
// a converted body depends on nothing else.
type bodyCache struct {
	seed maphash.Seed
	mu   sync.Mutex
	m    map[string]*bodyEntry // by content path ("news/a.md")
}

// bodyEntry is one converted body (with the summary its front matter
// gives, if any) and what it was made from. It keeps
// the summary, TOC and counts, which lists need, but not the HTML of the
// whole body, which only the page's own render needs: the cache would
// otherwise hold every page's HTML at once.
type bodyEntry struct {
	hash    uint64 // of the Markdown, and of the front matter's summary
	body    site.Body
	content uint64 // hash of the HTML, to tell whether it changed
	links   []link
	diags   []*diag.Diagnostic
}

// link is one link of a body as the site resolved it.
type link struct {
	dest, url, problem string
}

func newBodyCache() *bodyCache {
	return &bodyCache{seed: maphash.MakeSeed(), m: map[string]*bodyEntry{}}
}

func (c *bodyCache) get(path string) *bodyEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[path]
}

// keep remembers the entries of pages, and returns the function that
// puts them back: a change that is not taken in must leave the cache as
// it was, so the next one compares with what was served.
func (c *bodyCache) keep(pages []*site.Page) (restore func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	was := map[string]*bodyEntry{}
	for _, p := range pages {
		was[p.Origin().Path] = c.m[p.Origin().Path]
	}
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		for path, e := range was {
			if e == nil {
				delete(c.m, path)
			} else {
				c.m[path] = e
			}
		}
	}
}

// convert returns the page's body, converting it unless the cache holds
// it. A body from the cache comes without its HTML (Body.Later); the page
// asks again, with first false, when it needs the HTML, and gets a fresh
// conversion. The problems of a conversion are reported (when first) only
// when it is made, so a build reports each page's problems once.
func (c *bodyCache) convert(b *run, p *site.Page, body []byte, first bool) site.Body {
	full, made := c.take(b, p, body, first)
	if first && made != nil {
		b.diags.AddAll(made.diags)
	}
	return full
}

// refresh converts the page's body unless the cache holds it, and reports
// nothing: the caller reports the errors of every cached body (errors).
func (c *bodyCache) refresh(b *run, p *site.Page, body []byte) { c.take(b, p, body, true) }

// take returns the page's body, from the cache when it holds it (first
// only), else converted, with the entry made (nil from the cache).
func (c *bodyCache) take(b *run, p *site.Page, body []byte, first bool) (site.Body, *bodyEntry) {
	path := p.Origin().Path
	// the summary a front matter gives is converted with the body
	h := maphash.Bytes(c.seed, body) ^ maphash.String(c.seed, p.Origin().Front.Summary)
	if e := c.get(path); first && e != nil && e.hash == h && e.valid(b.site, p) {
		return e.body, nil
	}
	e := &bodyEntry{hash: h}
	full, diags := b.markdown(p, body, func(dest, url string, d *diag.Diagnostic) {
		l := link{dest: dest, url: url}
		if d != nil {
			l.problem = d.Message
		}
		e.links = append(e.links, l)
	})
	e.diags = diags
	e.body = full
	e.body.Content, e.body.Later = "", true
	e.content = maphash.String(c.seed, string(full.Content))
	c.mu.Lock()
	if old := c.m[path]; first || old == nil || old.hash != h {
		c.m[path] = e
	}
	c.mu.Unlock()
	return full, e
}

// valid reports whether every link of the entry resolves as it did.
func (e *bodyEntry) valid(s *site.Site, p *site.Page) bool {
	for _, l := range e.links {
		url, d := s.ResolveLink(p, l.dest)
		problem := ""
		if d != nil {
			problem = d.Message
		}
		if url != l.url || problem != l.problem {
			return false
		}
	}
	return true
}

// dangling lists the pages of the site whose cached body no longer holds:
// a link in it now resolves differently, because the page it points to
// was renamed, moved or deleted. The pages must be converted again.
func (c *bodyCache) dangling(s *site.Site) []*site.Page {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*site.Page
	for path, e := range c.m {
		p := s.PageBySource(path)
		if p == nil {
			delete(c.m, path) // the page is gone
			continue
		}
		if len(e.links) > 0 && !e.valid(s, p) {
			out = append(out, p)
		}
	}
	return out
}

// errors are the errors of every cached body of a page of the site: a
// body that is wrong stays an error of every build until it is fixed,
// however many builds it was not converted in.
func (c *bodyCache) errors(s *site.Site) []*diag.Diagnostic {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*diag.Diagnostic
	for path, e := range c.m {
		if s.PageBySource(path) == nil {
			continue
		}
		for _, d := range e.diags {
			if d.Severity == diag.Error {
				out = append(out, d)
			}
		}
	}
	diag.Sort(out)
	return out
}
