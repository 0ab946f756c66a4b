// Package build runs a whole build: config, content and theme are loaded
// side by side, the model is made, pages are rendered on every core (each
// converting its Markdown when first needed), and the new public/ replaces
// the old one only when nothing went wrong.
package build

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
	"unsafe"

	"yipin/generator/config"
	"yipin/generator/content"
	"yipin/generator/diag"
	"yipin/generator/markdown"
	"yipin/generator/publish"
	"yipin/generator/render"
	"yipin/generator/site"
	"yipin/generator/theme"
)

// Options are the choices of one build.
type Options struct {
	Source      string // site root, holding site.yaml
	Destination string // output folder; relative paths are relative to Source
	BaseURL     string // overrides site.yaml's base_url when set
	Drafts      bool
	Future      bool
	Now         time.Time // the clock for future pages; zero means time.Now()
	Workers     int       // 0 means one per core
	// Memory, when set, receives every output instead of Destination:
	// nothing is written to disk (yipin serve).
	Memory *publish.Memory
	// TuneGC sets the process's garbage collector for one build that
	// ends with the process (yipin build): see gc.go.
	TuneGC bool
	// Waiting, when set, is told that another yipin build is writing
	// Destination, which this one waits for (publish.Lock). A preview
	// server writing it (yipin serve --write) is not waited for: the
	// build fails with a *publish.BusyError.
	Waiting func(publish.Holder)
}

// destination is where a build's outputs go until it commits them: a
// fresh folder on disk (publish.Dir) or memory (publish.Memory).
type destination interface {
	publish.Sink
	Commit() error
	Abort() error
}

// Stats describe a finished build.
type Stats struct {
	Pages    int // HTML files written
	Files    int // other files written or copied
	Duration time.Duration
	Steps    []Step
	Warnings []*diag.Diagnostic
}

// Step is one timed stage of the build.
type Step struct {
	Name     string
	Duration time.Duration
}

// Run builds the site. On failure it returns a *diag.Errors holding every
// problem found (up to diag.DefaultMax), and public/ is left as it was.
// When ctx is done before the new public/ is swapped in, the build stops
// soon after, throws away what it wrote and returns ctx's error.
func Run(ctx context.Context, o Options) (*Stats, error) {
	start := time.Now()
	if o.Now.IsZero() {
		o.Now = start
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	b := &run{ctx: ctx, opts: o, stats: &Stats{}, last: start, diags: &diag.List{Max: diag.DefaultMax}}
	if o.TuneGC {
		tuneGC()
	}
	err := b.build()
	if b.lock != nil {
		b.lock.Unlock()
	}
	b.stats.Duration = time.Since(start)
	for _, d := range b.diags.Items() {
		if d.Severity == diag.Warning {
			b.stats.Warnings = append(b.stats.Warnings, d)
		}
	}
	return b.stats, err
}

// run is the state of one build.
type run struct {
	ctx   context.Context // a build to disk stops when it is done
	opts  Options
	stats *Stats
	last  time.Time
	diags *diag.List
	cfg   *config.Config
	md    *markdown.Converter
	site  *site.Site
	theme *theme.Theme
	// themeLoaded tells that the templates and assets loaded without
	// errors, so pages can be rendered
	themeLoaded bool
	// incomplete tells that Markdown files failed to load: what they
	// would publish is unknown
	incomplete bool
	pub        *publish.Publisher
	min        *publish.Minifier
	out        destination
	lock       interface{ Unlock() error } // Destination's (publish.Lock), while a build writes it
	r          *render.Renderer
	reads      sync.Pool // *[]byte buffers that convert reads Markdown files into
	htmls      sync.Pool // *[]byte buffers that Markdown is converted into, then minified out of
	// stdlib executes templates with html/template alone, without their
	// compiled form (tmplexec): tests compare the two.
	stdlib bool
	// wholePages minifies every page whole instead of minifying the
	// templates once (theme.Env.Minify): tests compare the two.
	wholePages bool

	// For a Session (yipin serve): the parsed sources are kept, and
	// converted bodies are kept across builds in bodies.
	keep    bool
	sources []*content.Source
	files   []content.File
	bodies  *bodyCache
	assets  map[string]string // asset name → published site path
	statics []site.File
}

func (b *run) step(name string) {
	now := time.Now()
	b.stats.Steps = append(b.stats.Steps, Step{name, now.Sub(b.last)})
	b.last = now
}

func (b *run) build() error {
	cfg, ds := config.Load(filepath.Join(b.opts.Source, "site.yaml"))
	b.diags.AddAll(ds)
	if cfg == nil || b.diags.HasErrors() {
		return b.diags.Err()
	}
	if b.opts.BaseURL != "" {
		b.diags.Add(cfg.SetBaseURL(b.opts.BaseURL))
	}
	b.diags.Add(cfg.PathOnlyBaseURL())
	b.cfg = cfg
	out, dest, err := b.destination()
	if out == nil {
		return err
	}
	b.md = markdown.New(markdown.Options{
		Unsafe: cfg.Markdown.Unsafe, LineNumbers: cfg.Markdown.LineNumbers,
		SummaryLength: cfg.SummaryLength, ReadingSpeed: cfg.ReadingSpeed,
		TOCMinLevel: cfg.Markdown.TOCMinLevel, TOCMaxLevel: cfg.Markdown.TOCMaxLevel,
	})
	b.out = out
	b.min = publish.NewMinifier()
	b.pub = publish.New(out, b.min)
	b.step("配置")

	if err := b.load(); err != nil {
		out.Abort()
		return err
	}
	b.setRenderer(b.site)
	jobs := b.r.Outputs()
	b.diags.AddAll(b.checkOutputs(jobs))
	if b.diags.HasErrors() {
		// Render anyway, writing nothing, so that one run reports the
		// problems of every stage: a page's broken links and the
		// template errors too, not only the first stage's.
		b.r.Out = discard{}
	}
	b.diags.AddAll(b.r.Render(b.ctx, jobs))
	b.step("渲染")
	if b.diags.HasErrors() {
		out.Abort()
		return b.diags.Err()
	}
	if err := b.ctx.Err(); err != nil { // Render stopped short
		out.Abort()
		return err
	}
	if err := out.Commit(); err != nil {
		out.Abort()
		return fmt.Errorf("无法替换输出文件夹 %s:%w", dest, err)
	}
	b.step("发布")
	b.stats.Pages, b.stats.Files = b.pub.Counts()
	return nil
}

// destination prepares where the outputs go: memory when Options.Memory
// is set, else a fresh folder beside the checked destination folder. It
// returns a nil destination and the error when the build must stop.
func (b *run) destination() (destination, string, error) {
	dest := b.opts.Destination
	if b.opts.Memory == nil {
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(b.opts.Source, dest)
		}
		b.diags.Add(CheckDestination(b.opts.Source, dest))
	}
	if b.diags.HasErrors() {
		return nil, dest, b.diags.Err()
	}
	if b.opts.Memory != nil {
		return b.opts.Memory, "", nil
	}
	lock, err := publish.Lock(b.ctx, dest, "build", func(h publish.Holder) bool {
		if h.Command == "serve" {
			return false // it holds the folder until it stops
		}
		if b.opts.Waiting != nil {
			b.opts.Waiting(h)
		}
		return true
	})
	var busy *publish.BusyError
	switch {
	case err == nil:
	case errors.As(err, &busy) || b.ctx.Err() != nil:
		return nil, dest, err
	default:
		return nil, dest, fmt.Errorf("无法锁定输出文件夹 %s:%s(%w)", dest, osReason(err), err)
	}
	b.lock = lock
	out, err := publish.NewDir(dest)
	if err != nil {
		return nil, dest, fmt.Errorf("无法创建输出文件夹 %s:%s(%w)", dest, osReason(err), err)
	}
	return out, dest, nil
}

// load reads content, and meanwhile publishes the theme's assets and
// static files and parses its templates; then it builds the model.
func (b *run) load() error {
	var (
		sources []*content.Source
		files   []content.File
		wg      sync.WaitGroup
	)
	wg.Go(func() {
		var ds []*diag.Diagnostic
		sources, files, ds = content.Load(filepath.Join(b.opts.Source, "content"), "content", content.Options{
			Location: b.cfg.Location(), Taxonomies: b.cfg.TaxonomyKeys(), Fields: site.ModelKeys(), Workers: b.opts.Workers, DropBody: true,
			Stop: b.ctx.Done(),
		})
		b.diags.AddAll(ds)
	})
	wg.Go(b.loadTheme)
	wg.Wait()
	if b.opts.TuneGC {
		var size int64
		for _, src := range sources {
			size += int64(src.Size)
		}
		setMemoryLimit(size)
	}
	b.step("读取")
	if err := b.ctx.Err(); err != nil {
		return err // what was read is partial (content.Options.Stop)
	}
	// The model is made even when files failed to load, so that its
	// problems are reported in the same run; links to those files are
	// not reported again.
	failed := failedSources(b.diags.Items())
	b.incomplete = len(failed) > 0
	s, ds := site.New(b.cfg, sources, files, site.Options{Drafts: b.opts.Drafts, Future: b.opts.Future, Now: b.opts.Now,
		Failed: failed})
	b.diags.AddAll(ds)
	b.site = s
	s.SetConverter(b.convert)
	if !b.keep {
		// The model holds what it needs of the front matter, and bodies are
		// read again when their page is converted (content.Load dropped
		// them): a build keeps no file's text or YAML tree in memory. A
		// Session keeps the YAML trees to make the model again after a
		// change.
		for _, src := range sources {
			src.Front.Node = nil
		}
	}
	b.sources, b.files = sources, files
	b.copyFiles(s.Files)
	b.step("模型")
	if !b.themeLoaded && b.diags.HasErrors() {
		return b.diags.Err() // nothing can be rendered
	}
	return nil
}

// osReason says in Chinese why the system refused a file operation, and
// what to do.
func osReason(err error) string {
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		return "路径中有一段是文件,不是文件夹;请检查 --destination"
	case errors.Is(err, fs.ErrNotExist):
		return "路径中的文件夹不存在;请检查 --destination"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限;请换一个有写入权限的文件夹"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘已满"
	case errors.Is(err, syscall.EROFS):
		return "这个位置只读"
	}
	return "系统拒绝了这次操作"
}

// failedSources lists the content paths ("news/a.md") of the Markdown
// files that diagnostics say failed to load.
func failedSources(ds []*diag.Diagnostic) []string {
	var paths []string
	for _, d := range ds {
		if p, ok := strings.CutPrefix(d.File, "content/"); ok && d.Severity == diag.Error && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
	}
	return paths
}

// discard is where a build that has already failed renders to: nowhere.
type discard struct{}

func (discard) Output(string, []byte) error   { return nil }
func (discard) Minified(string, []byte) error { return nil }

// loadTheme publishes assets and static files of the theme and the site,
// then parses the templates with an asset function that knows the
// fingerprinted names.
func (b *run) loadTheme() {
	dirs := themeDirs(b.opts.Source, b.cfg)
	if d := b.cfg.CheckTheme(b.opts.Source); d != nil {
		b.diags.Add(d)
		return
	}
	assets, ds := publishAssets(b.pub, dirs, b.md.CSS())
	b.diags.AddAll(ds)
	failed := hasError(ds) // every page would fail to find the asset
	statics, ds := staticFiles(dirs)
	b.diags.AddAll(ds)
	b.copyFiles(statics)
	b.assets, b.statics = assets, statics
	env := theme.Env{
		Config: b.cfg,
		Asset: func(name string) (string, error) {
			p, ok := b.assets[name] // read when rendering: a Session may publish the assets again
			if !ok {
				return "", fmt.Errorf("找不到资源文件 %q(应放在主题或站点的 assets/ 文件夹中)", name)
			}
			return b.cfg.RelURL(p), nil
		},
		Markdownify: func(s string) template.HTML { return b.minified(b.md.Inline(s)) },
		MarkdownifyLinks: func(s string, resolve func(string) (string, *diag.Diagnostic)) (template.HTML, []*diag.Diagnostic) {
			html, ds := b.md.Fragment(markdown.Document{Body: []byte(s), Resolve: resolve})
			return b.minified(html), ds
		},
		Site:   func() *site.Site { return b.site },
		Stdlib: b.stdlib,
		Minify: b.min.HTML,
	}
	if b.wholePages {
		env.Minify = nil
	}
	t, ds := theme.Load(dirs, env)
	b.diags.AddAll(ds)
	b.theme = t
	b.themeLoaded = t != nil && !failed && !hasError(ds)
}

// hasError reports whether any of ds is an error.
func hasError(ds []*diag.Diagnostic) bool {
	return slices.ContainsFunc(ds, func(d *diag.Diagnostic) bool { return d.Severity == diag.Error })
}

// convert is the site's Converter: it turns one page's Markdown into
// HTML. Pages convert on first use, on the render workers, so a page's
// HTML lives only while the page is being rendered.
func (b *run) convert(p *site.Page, first bool) site.Body {
	src := p.Origin()
	buf, _ := b.reads.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	defer b.reads.Put(buf)
	body, read, err := src.ReadBodyInto(*buf)
	*buf = read // nothing converted keeps a reference to body
	if err != nil {
		if first {
			b.diags.Add(diag.New(src.File, 0, 0, "无法再次读取这个文件:%v", err).
				WithHint("构建过程中不要移动或删除内容文件"))
		}
		return site.Body{}
	}
	var out site.Body
	if b.bodies != nil {
		out = b.bodies.convert(b, p, body, first)
	} else {
		var ds []*diag.Diagnostic
		out, ds = b.markdown(p, body, nil)
		if first {
			b.diags.AddAll(ds)
		}
	}
	return out
}

// summary renders the summary a page's front matter gives. Its links are
// resolved as the body's are, so the rare summary with a link is
// converted as a document of its own; a problem found in it is placed
// where its text is written in the file (inFile).
func (b *run) summary(p *site.Page, s string, resolve func(dest string) (string, *diag.Diagnostic)) ([]byte, []*diag.Diagnostic) {
	src := p.Origin()
	html, ds := b.md.Fragment(markdown.Document{File: src.File, Body: []byte(s), BodyLine: 1, Resolve: resolve})
	if len(ds) > 0 {
		file, _ := os.ReadFile(src.Abs) // rare: only for a summary with a problem
		for _, d := range ds {
			inFile(d, s, file, src.Front.Pos["summary"].Line)
		}
	}
	return html, ds
}

// inFile moves a problem found in a front-matter value (text, whose
// positions it holds, counted from line 1) to where that text is written
// in the file, at or after line from: the value may be quoted, folded or
// indented, so the words at the problem are looked for. Failing that, it
// points at line from.
func inFile(d *diag.Diagnostic, text string, file []byte, from int) {
	lines := strings.Split(text, "\n")
	line, col := from, 0
	if d.Line >= 1 && d.Line <= len(lines) && d.Col >= 1 {
		words := []rune(lines[d.Line-1])
		if d.Col-1 < len(words) {
			words = words[d.Col-1 : min(len(words), d.Col-1+12)]
			fileLines := strings.Split(string(file), "\n")
			for i := from - 1; i >= 0 && i < len(fileLines); i++ {
				if j := strings.Index(fileLines[i], string(words)); j >= 0 {
					line, col = i+1, utf8.RuneCountInString(fileLines[i][:j])+1
					break
				}
			}
		}
	}
	d.Line, d.Col, d.Excerpt = line, col, nil
	d.WithSource(file)
}

// markdown converts one page's body. Each link is resolved by the site,
// and also handed to record when it is not nil.
func (b *run) markdown(p *site.Page, body []byte, record func(dest, url string, d *diag.Diagnostic)) (site.Body, []*diag.Diagnostic) {
	src := p.Origin()
	model := b.site
	buf, _ := b.htmls.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	defer b.htmls.Put(buf)
	resolve := func(dest string) (string, *diag.Diagnostic) {
		url, d := model.ResolveLink(p, dest)
		if record != nil {
			record(dest, url, d)
		}
		return url, d
	}
	res := b.md.Convert(markdown.Document{File: src.File, Body: body, BodyLine: src.BodyLine, Out: *buf, Resolve: resolve})
	out := site.Body{
		Content: b.minified(res.HTML), TOC: b.minified(res.TOC),
		Truncated: res.Truncated, WordCount: res.WordCount, ReadingTime: res.ReadingTime,
	}
	diags := res.Diagnostics
	if s := src.Front.Summary; s != "" {
		html, ds := b.summary(p, s, resolve)
		out.Summary, out.Truncated = b.minified(html), true
		diags = append(diags, ds...)
	} else {
		out.Summary = b.minified(res.Summary)
	}
	if res.HTML != nil {
		*buf = res.HTML[:0] // the page keeps minified copies only
	}
	return out, diags
}

// minified minifies HTML that goes into a page: the theme's templates are
// minified once, at load, so what values bring in must be minified on its
// own. The result is a fresh buffer that nothing writes to again, so it
// becomes a string without a copy; h is not kept, so its buffer may be
// reused. HTML that minify refuses stays as it is (copied).
func (b *run) minified(h []byte) template.HTML {
	if len(h) == 0 {
		return ""
	}
	var out bytes.Buffer
	out.Grow(len(h)) // unlike make, Grow does not zero what minify overwrites
	if b.min.HTML(&out, h) != nil {
		return template.HTML(h)
	}
	m := out.Bytes()
	return template.HTML(unsafe.String(unsafe.SliceData(m), len(m)))
}

// setRenderer renders model s with the current theme.
func (b *run) setRenderer(s *site.Site) {
	own := slices.ContainsFunc(b.statics, func(f site.File) bool { return f.Path == "/robots.txt" }) ||
		slices.ContainsFunc(s.Files, func(f site.File) bool { return f.Path == "/robots.txt" })
	b.r = &render.Renderer{Site: s, Theme: b.theme, Out: b.pub, Workers: b.opts.Workers, OwnRobots: own}
}

// copyFiles publishes static files on all cores.
func (b *run) copyFiles(files []site.File) {
	parallel(len(files), b.opts.Workers, func(i int) {
		if err := b.pub.File(files[i].Path, files[i].Abs); err != nil {
			b.diags.Add(diag.New(cmp.Or(files[i].Name, files[i].Abs), 0, 0, "复制文件失败:%v", err))
		}
	})
}

// parallel calls f(0) … f(n-1) on up to workers goroutines.
func parallel(n, workers int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// exists reports whether a path exists.
func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
