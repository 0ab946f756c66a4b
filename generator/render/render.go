// Package render turns the site model and the theme into output files:
// every page (and every pager page of a list), redirects for aliases,
// feeds, the sitemap and robots.txt. Outputs are rendered by a pool of
// workers, one per core, and handed to the publisher as they are done.
package render

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"yipin/generator/diag"
	"yipin/generator/site"
	"yipin/generator/theme"
)

// Publisher is where rendered outputs go (publish.Publisher). Output
// minifies data, Minified takes it as it is; both must be done with data
// when they return: the renderer reuses the buffer.
type Publisher interface {
	Output(rel string, data []byte) error
	Minified(rel string, data []byte) error
}

// Renderer renders one site with one theme.
type Renderer struct {
	Site    *site.Site
	Theme   *theme.Theme
	Out     Publisher
	Workers int // 0 means one per core
	// OwnRobots means the site publishes its own robots.txt (in static/),
	// so none is generated.
	OwnRobots bool
}

// Output is one file the renderer makes: a page (or one pager page of a
// list), or a feed, the sitemap, robots.txt or an alias redirect.
type Output struct {
	Rel   string      // slash path in the output folder: "news/a/index.html"
	Page  *site.Page  // the page rendered; for a feed, its list; nil otherwise
	Pager *site.Pager // the pager page of a paginated list
	other func(buf *bytes.Buffer) *diag.Diagnostic
	what  string     // for Describe, when made without a template
	alias *site.Page // the page an alias redirect page points to
}

// Origin is the page whose front matter decides the output's path, and
// the key of it that does: "url" or "slug" for a page that has one,
// "aliases" for an alias redirect page, "" when the path follows from
// the file's name or is a later pager page. It is nil for outputs the
// site makes on its own: feeds, the sitemap, robots.txt, and lists
// without a Markdown file.
func (o Output) Origin() (p *site.Page, key string) {
	switch {
	case o.alias != nil:
		return o.alias, "aliases"
	case o.other != nil || o.Page == nil || o.Page.Origin() == nil:
		return nil, ""
	case o.Pager != nil && o.Pager.Number > 1:
		return o.Page, ""
	}
	for _, k := range []string{"url", "slug"} {
		if _, ok := o.Page.Origin().Front.Pos[k]; ok {
			return o.Page, k
		}
	}
	return o.Page, ""
}

// Describe names the output in messages: "页面 content/news/a.md",
// "content/news/_index.md 的第 2 页", "content/news/_index.md 的 RSS 订阅",
// "自动生成的 sitemap.xml".
func (o Output) Describe() string {
	switch {
	case o.what != "":
		return o.what
	case o.Pager != nil && o.Pager.Number > 1:
		return fmt.Sprintf("%s 的第 %d 页", pageName(o.Page), o.Pager.Number)
	}
	return "页面 " + pageName(o.Page)
}

// Layout is the template that renders the output, "" for outputs made
// without templates (feeds, sitemap, robots, aliases).
func (r *Renderer) Layout(o Output) string {
	if o.other != nil {
		return ""
	}
	return r.Theme.Lookup(o.Page)
}

// Run renders and publishes everything, and returns the problems found.
func (r *Renderer) Run() []*diag.Diagnostic {
	return r.Render(context.Background(), r.Outputs())
}

// Render renders and publishes the outputs given, and returns the
// problems found; the same template mistake on many pages is one problem.
// When ctx is done, the workers stop after the outputs they are on, and
// the rest are not rendered: the caller must not publish the result.
func (r *Renderer) Render(ctx context.Context, jobs []Output) []*diag.Diagnostic {
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		next  atomic.Int64
		mu    sync.Mutex
		diags = map[problem]*report{}
		wg    sync.WaitGroup
	)
	for range min(workers, len(jobs)) {
		wg.Go(func() {
			var buf bytes.Buffer
			stop := ctx.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				select {
				case <-stop:
					return
				default:
				}
				buf.Reset()
				if d := r.do(&buf, jobs[i]); d != nil {
					mu.Lock()
					note(diags, d, jobs[i])
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return reports(diags)
}

// problem identifies one template mistake, whichever page hit it.
type problem struct {
	file, message string
	line, col     int
}

// report is a problem and the pages that hit it.
type report struct {
	d     *diag.Diagnostic
	pages []string
}

// note records a diagnostic of output j; the same template mistake on many
// pages is reported once, naming the first page and counting the rest.
func note(m map[problem]*report, d *diag.Diagnostic, j Output) {
	k := problem{d.File, d.Message, d.Line, d.Col}
	rep := m[k]
	if rep == nil {
		rep = &report{d: d}
		m[k] = rep
	}
	if j.Page != nil && j.other == nil {
		rep.pages = append(rep.pages, pageName(j.Page))
	}
}

func reports(m map[problem]*report) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	for _, rep := range m {
		d := rep.d
		if len(rep.pages) > 0 {
			slices.Sort(rep.pages)
			d.Message = fmt.Sprintf("渲染页面 %s 时%s", rep.pages[0], d.Message)
			if n := len(rep.pages) - 1; n > 0 {
				d.Message += fmt.Sprintf("(另有 %d 个页面出现同样的错误)", n)
			}
		}
		if d.File == "" && len(rep.pages) > 0 {
			d.File = rep.pages[0]
		}
		out = append(out, d)
	}
	diag.Sort(out)
	return out
}

func pageName(p *site.Page) string {
	if p.File != "" {
		return p.File
	}
	return p.Path
}

// Outputs lists every output of the site: articles first (each converts
// its Markdown as it renders and then releases the HTML, and the lists
// after them find every summary made), then lists and their pager pages,
// the other generated pages, aliases, feeds, the sitemap and robots.txt
// (unless the site has its own).
func (r *Renderer) Outputs() []Output {
	var jobs []Output
	size := r.Site.Config.PageSize
	page := func(p *site.Page) Output { return Output{Rel: site.OutputFile(p.Path), Page: p} }
	for _, p := range r.Site.All {
		if p.Kind == site.KindPage {
			jobs = append(jobs, page(p))
		}
	}
	for _, p := range r.Site.All {
		switch p.Kind {
		case site.KindHome, site.KindSection, site.KindTerm, site.KindYear, site.KindFilter:
			if !r.Theme.UsesPaginator(r.Theme.Lookup(p)) {
				jobs = append(jobs, page(p))
				continue
			}
			pagers := site.Paginate(p, size)
			for _, pg := range pagers {
				jobs = append(jobs, Output{Rel: site.OutputFile(pg.Path()), Page: p, Pager: pg})
			}
			if len(pagers) > 1 {
				// page/1/ is the list itself: a redirect, for a reader
				// who types it or a link made by another generator
				first := p.Path + "page/1/"
				jobs = append(jobs, Output{Rel: site.OutputFile(first), Page: p,
					other: r.alias(site.Alias{From: first, To: p}), what: pageName(p) + " 第 1 页的跳转页"})
			}
		case site.KindPage:
			// listed first
		default:
			jobs = append(jobs, page(p))
		}
	}
	for _, a := range r.Site.Aliases {
		jobs = append(jobs, Output{Rel: site.OutputFile(a.From), other: r.alias(a), alias: a.To,
			what: fmt.Sprintf("%s 的别名跳转页(aliases: %s)", pageName(a.To), a.From)})
	}
	for _, p := range r.Site.All {
		// a section without pages of its own (a list of units, say) gets
		// no feed: it would stay empty
		if p.Kind == site.KindHome || p.Kind == site.KindSection && len(p.Pages) > 0 {
			jobs = append(jobs, Output{Rel: strings.TrimPrefix(FeedPath(p), "/"), Page: p, other: r.feed(p),
				what: pageName(p) + " 的 RSS 订阅"})
		}
	}
	jobs = append(jobs, Output{Rel: "sitemap.xml", other: r.sitemap, what: "自动生成的 sitemap.xml"})
	for i := range r.sitemapParts() {
		name := sitemapPartName(i)
		jobs = append(jobs, Output{Rel: name, other: r.sitemapPart(i), what: "自动生成的 " + name})
	}
	if !r.OwnRobots {
		jobs = append(jobs, Output{Rel: "robots.txt", other: r.robots, what: "自动生成的 robots.txt"})
	}
	return jobs
}

func (r *Renderer) do(buf *bytes.Buffer, j Output) *diag.Diagnostic {
	out := r.Out.Output
	if j.other != nil {
		if d := j.other(buf); d != nil {
			return d
		}
	} else {
		dot := j.Page
		if j.Pager != nil {
			dot = j.Page.WithPager(j.Pager)
		}
		minified, d := r.Theme.Execute(buf, r.Theme.Lookup(j.Page), j.Page, dot)
		if j.Page.Kind == site.KindPage {
			j.Page.ReleaseContent()
		}
		if d != nil {
			return d
		}
		if minified && isHTML(j.Rel) {
			// a page given a url such as /data.json is minified for its type
			out = r.Out.Minified
		}
	}
	if err := out(j.Rel, buf.Bytes()); err != nil {
		return diag.New(j.Rel, 0, 0, "写出文件失败:%v", err).WithHint("检查输出文件夹是否可写、磁盘是否已满")
	}
	return nil
}

// isHTML reports whether an output is an HTML file by its name.
func isHTML(rel string) bool {
	ext := strings.ToLower(path.Ext(rel))
	return ext == ".html" || ext == ".htm"
}

// IsAlias reports whether the output is an alias redirect page.
func (o Output) IsAlias() bool { return o.alias != nil }
