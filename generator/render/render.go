// Package render turns the site model and the theme into output files:
// every page (and every pager page of a list), redirects for aliases,
// feeds, the sitemap and robots.txt. Outputs are rendered by a pool of
// workers, one per core, and handed to the publisher as they are done.
package render

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"yipin/generator/diag"
	"yipin/generator/site"
	"yipin/generator/theme"
)

// Publisher is where rendered outputs go (publish.Publisher). Output must
// be done with data when it returns: the renderer reuses the buffer.
type Publisher interface {
	Output(rel string, data []byte) error
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
		diags = map[problem]*report{}
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

// note records a diagnostic of job j; the same template mistake on many
// pages is reported once, naming the first page and counting the rest.
func note(m map[problem]*report, d *diag.Diagnostic, j job) {
	k := problem{d.File, d.Message, d.Line, d.Col}
	rep := m[k]
	if rep == nil {
		rep = &report{d: d}
		m[k] = rep
	}
	if j.page != nil {
		rep.pages = append(rep.pages, pageName(j.page))
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

// jobs lists every output.
func (r *Renderer) jobs() []job {
	var jobs []job
	size := r.Site.Config.PageSize
	// Articles first: each converts its Markdown as it renders and then
	// releases the HTML, and the lists after them find every summary made.
	for _, p := range r.Site.All {
		if p.Kind == site.KindPage {
			jobs = append(jobs, job{page: p})
		}
	}
	for _, p := range r.Site.All {
		switch p.Kind {
		case site.KindHome, site.KindSection, site.KindTerm, site.KindYear, site.KindFilter:
			if !r.Theme.UsesPaginator(r.Theme.Lookup(p)) {
				jobs = append(jobs, job{page: p})
				continue
			}
			for _, pg := range site.Paginate(p, size) {
				jobs = append(jobs, job{page: p, pager: pg})
			}
		case site.KindPage:
			// listed first
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
		dot := j.page
		if j.pager != nil {
			dot = j.page.WithPager(j.pager)
		}
		d := r.Theme.Execute(buf, r.Theme.Lookup(j.page), j.page, dot)
		if j.page.Kind == site.KindPage {
			j.page.ReleaseContent()
		}
		if d != nil {
			return d
		}
	}
	if err := r.Out.Output(rel, buf.Bytes()); err != nil {
		return diag.New(rel, 0, 0, "写出文件失败:%v", err).WithHint("检查输出文件夹是否可写、磁盘是否已满")
	}
	return nil
}
