// Package render turns the site model and the theme into output files:
// every page (and every pager page of a list), redirects for aliases,
// feeds, the sitemap and robots.txt. Outputs are rendered by a pool of
// workers, one per core, and handed to the publisher as they are done.
package render

import (
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"

	"yipin/generator/diag"
	"yipin/generator/site"
	"yipin/generator/theme"
)

// Publisher is where rendered outputs go (publish.Publisher).
type Publisher interface {
	Output(rel string, data []byte) error
}

// View is the dot of a page template: the page, and for paginated lists
// the pager page being rendered.
type View struct {
	*site.Page
	Paginator *site.Pager
}

// RelPermalink is the URL of the page being rendered: for a pager page
// beyond the first, its own /page/n/ URL.
func (v *View) RelPermalink() string {
	if v.Paginator != nil {
		return v.Site.Config.RelURL(v.Paginator.Path())
	}
	return v.Page.RelPermalink()
}

// Permalink is the absolute URL of the page being rendered.
func (v *View) Permalink() string {
	if v.Paginator != nil {
		return v.Site.Config.AbsURL(v.Paginator.Path())
	}
	return v.Page.Permalink()
}

// Renderer renders one site with one theme.
type Renderer struct {
	Site    *site.Site
	Theme   *theme.Theme
	Out     Publisher
	Workers int // 0 means one per core
}

// job is one output file.
type job struct {
	page  *site.Page
	pager *site.Pager
	other func(buf *bytes.Buffer) (rel string, d *diag.Diagnostic)
}

// Run renders and publishes everything, and returns the problems found.
func (r *Renderer) Run() []*diag.Diagnostic {
	jobs := r.jobs()
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		next  atomic.Int64
		mu    sync.Mutex
		diags []*diag.Diagnostic
		wg    sync.WaitGroup
	)
	for range min(workers, len(jobs)) {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				buf.Reset()
				if d := r.do(&buf, jobs[i]); d != nil {
					mu.Lock()
					diags = append(diags, d)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return diags
}

// jobs lists every output.
func (r *Renderer) jobs() []job {
	var jobs []job
	size := r.Site.Config.PageSize
	for _, p := range r.Site.All {
		switch p.Kind {
		case site.KindHome, site.KindSection, site.KindTerm, site.KindYear:
			for _, pg := range site.Paginate(p, size) {
				jobs = append(jobs, job{page: p, pager: pg})
			}
		default:
			jobs = append(jobs, job{page: p})
		}
	}
	for _, a := range r.Site.Aliases {
		jobs = append(jobs, job{other: r.alias(a)})
	}
	for _, p := range r.Site.All {
		if p.Kind == site.KindHome || p.Kind == site.KindSection {
			jobs = append(jobs, job{other: r.feed(p)})
		}
	}
	jobs = append(jobs, job{other: r.sitemap}, job{other: r.robots})
	return jobs
}

func (r *Renderer) do(buf *bytes.Buffer, j job) *diag.Diagnostic {
	var rel string
	if j.other != nil {
		var d *diag.Diagnostic
		if rel, d = j.other(buf); d != nil {
			return d
		}
	} else {
		rel = site.OutputFile(j.page.Path)
		if j.pager != nil {
			rel = site.OutputFile(j.pager.Path())
		}
		layout := r.Theme.Lookup(j.page)
		if d := r.Theme.Execute(buf, layout, j.page, &View{Page: j.page, Paginator: j.pager}); d != nil {
			return d
		}
	}
	if err := r.Out.Output(rel, buf.Bytes()); err != nil {
		return diag.New(rel, 0, 0, "写出文件失败:%v", err).WithHint("检查输出文件夹是否可写、磁盘是否已满")
	}
	return nil
}
