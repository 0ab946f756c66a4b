package site

import (
	"html/template"
	"sync"
)

// Body is what the Markdown stage makes of a page's source.
type Body struct {
	Content, Summary, TOC  template.HTML
	Truncated              bool
	WordCount, ReadingTime int
	// Later, when set, says that Content was left out to save memory:
	// the page asks the converter again (first false) when it needs it.
	Later bool
}

// Converter turns a page's Markdown into its Body. It must be a pure
// function of the page's source: the site may call it again for a page
// whose HTML it released (first is then false, and the converter must not
// report the page's problems a second time).
type Converter func(p *Page, first bool) Body

// SetConverter tells the site how to convert Markdown. Pages convert
// lazily, on first use, each once; set it before rendering.
func (s *Site) SetConverter(c Converter) { s.convert = c }

// lazyBody is a page's Body, made on first use. Its Content can be
// released once the page itself is rendered, and is remade if asked for
// again, so a build holds only the HTML it is working on.
type lazyBody struct {
	mu       sync.Mutex
	done     bool
	released bool
	b        Body
}

// body returns the page's Body, converting it on first use. After
// ReleaseContent its Content is empty; see Content.
func (p *Page) body() Body {
	if p.lazy == nil || p.Site.convert == nil {
		return Body{}
	}
	lb := p.lazy
	lb.mu.Lock()
	defer lb.mu.Unlock()
	if !lb.done {
		lb.b, lb.done = p.Site.convert(p, true), true
		lb.released = lb.b.Later
	}
	return lb.b
}

// Content is the page's body as HTML.
func (p *Page) Content() template.HTML {
	b := p.body()
	if p.lazy != nil && b.Content == "" && p.released() {
		return p.Site.convert(p, false).Content
	}
	return b.Content
}

func (p *Page) released() bool {
	p.lazy.mu.Lock()
	defer p.lazy.mu.Unlock()
	return p.lazy.released
}

// Summary is the front matter's summary, else the body up to <!--more-->,
// else the opening text cut to summary_length characters.
func (p *Page) Summary() template.HTML { return p.body().Summary }

// TOC is the table of contents as nested lists; empty for short pages.
func (p *Page) TOC() template.HTML { return p.body().TOC }

// Truncated reports whether the page holds anything its Summary does not show.
func (p *Page) Truncated() bool { return p.body().Truncated }

// WordCount is the length in characters, counted the Chinese way.
func (p *Page) WordCount() int { return p.body().WordCount }

// ReadingTime is the reading time in minutes, rounded up, at least 1.
func (p *Page) ReadingTime() int { return p.body().ReadingTime }

// ReleaseContent drops the page's HTML (keeping its summary, TOC and
// counts) once the page has been rendered; a later Content call remakes it.
func (p *Page) ReleaseContent() {
	lb := p.lazy
	if lb == nil {
		return
	}
	lb.mu.Lock()
	defer lb.mu.Unlock()
	if lb.done {
		lb.b.Content, lb.released = "", true
	}
}

// ResetBody forgets the page's converted body, so that the next use
// converts its Markdown again: yipin serve calls it when only the body of
// the page's file changed and the rest of the model stays as it is.
func (p *Page) ResetBody() {
	lb := p.lazy
	if lb == nil {
		return
	}
	lb.mu.Lock()
	defer lb.mu.Unlock()
	lb.done, lb.released, lb.b = false, false, Body{}
}
