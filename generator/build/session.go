package build

import (
	"context"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"yipin/generator/content"
	"yipin/generator/diag"
	"yipin/generator/publish"
	"yipin/generator/render"
	"yipin/generator/site"
	"yipin/generator/theme"
)

// Session is a site built into memory and kept up to date as its files
// change (yipin serve). Apply takes in a change doing only the work it
// calls for:
//
//   - the body of one Markdown file (its front matter unchanged): that
//     body is converted again and the model is kept; the outputs made from
//     that page are stale, and so are the outputs whose templates read a
//     changed body field (a summary, a word count) of other pages
//     (theme.ReadsOthers);
//   - front matter, or files added, removed or renamed under content/: the
//     changed files are read again (content/ is walked again only when
//     files came or went) and the model is made again from the parsed
//     files; bodies are converted again only where the body or a link in
//     it changed; every output is stale, since any template may show any
//     page through .Site;
//   - templates: the theme is loaded again, and the outputs whose layouts
//     execute a changed file are stale (theme.Uses); assets or static
//     files: they are published again and every output is stale;
//   - site.yaml, or anything else: a full build.
//
// A stale output is rendered again when it is asked for (File), before
// anything else when a browser shows it (Apply's eager list), and
// otherwise in the background (Settle), so what is served is always what
// a full build would write. A change that brings errors is not taken in:
// the last good state stays, and the change is tried again with the next.
type Session struct {
	opts Options

	mu       sync.RWMutex // Apply holds it to write; renders to read
	b        *run         // the current good state
	outputs  map[string]render.Output
	order    []string // outputs by rel, in render order
	stale    staleSet
	applying atomic.Int32 // Applys waiting for the lock; Settle gives way to them
	pending  []string     // changes of failed Applies, retried with the next
	problems func([]*diag.Diagnostic)
}

// Update describes what Apply did.
type Update struct {
	Kind     string   // "full", "content", "body", "theme", "css" or "none"
	Pages    []string // the site paths of the content pages changed, when Kind is "body" or "content"
	Rendered int      // outputs rendered at once
	Stale    int      // outputs left to render on demand or in the background
	Duration time.Duration
	Warnings []*diag.Diagnostic
}

// NewSession builds the site in o into memory. problems, when not nil,
// receives the errors of outputs rendered later (on demand or in the
// background), which Apply cannot return.
func NewSession(o Options, problems func([]*diag.Diagnostic)) (*Session, *Stats, error) {
	s := &Session{opts: o, problems: problems}
	s.stale.m = map[string]chan struct{}{}
	stats, err := s.full(newBodyCache())
	if err != nil {
		return nil, stats, err
	}
	return s, stats, nil
}

// full runs a full build into a fresh memory store and takes it in.
func (s *Session) full(bodies *bodyCache) (*Stats, error) {
	o := s.opts
	o.Memory = publish.NewMemory()
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	b := &run{ctx: context.Background(), opts: o, stats: &Stats{}, last: time.Now(), diags: &diag.List{Max: diag.DefaultMax}, keep: true, bodies: bodies}
	start := time.Now()
	err := b.build()
	b.stats.Duration = time.Since(start)
	for _, d := range b.diags.Items() {
		if d.Severity == diag.Warning {
			b.stats.Warnings = append(b.stats.Warnings, d)
		}
	}
	if err != nil {
		return b.stats, err
	}
	s.b = b
	s.index()
	clear(s.stale.m)
	return b.stats, nil
}

// index lists the outputs of the current state.
func (s *Session) index() {
	outs := s.b.r.Outputs()
	s.outputs = make(map[string]render.Output, len(outs))
	s.order = s.order[:0]
	for _, o := range outs {
		s.outputs[o.Rel] = o
		s.order = append(s.order, o.Rel)
	}
}

// Memory is the store the session's files are in.
func (s *Session) Memory() *publish.Memory {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.b.opts.Memory
}

// BasePath is the base path of the site's URLs ("/" or "/dangjian/").
func (s *Session) BasePath() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.b.cfg.BasePath()
}

// File returns the file at rel ("news/a/index.html"), rendering it first
// when it is stale.
func (s *Session) File(rel string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.renderStale(rel)
	return s.b.opts.Memory.Get(rel)
}

// renderStale renders the output rel if it is stale; the caller holds
// s.mu for reading. Two callers asking for one output render it once.
func (s *Session) renderStale(rel string) {
	mine, wait := s.stale.claim(rel)
	if wait != nil {
		<-wait
	}
	if !mine {
		return
	}
	defer s.stale.done(rel)
	if ds := s.b.r.Render(context.Background(), []render.Output{s.outputs[rel]}); len(ds) > 0 && s.problems != nil {
		s.problems(ds)
	}
}

// Settle renders every stale output, one at a time, and returns when none
// is left or when Apply is waiting to take in a change.
func (s *Session) Settle() (rendered int) {
	s.mu.RLock()
	order := slices.Clone(s.order)
	s.mu.RUnlock()
	for _, rel := range order {
		if s.applying.Load() > 0 {
			return rendered
		}
		s.mu.RLock()
		if s.stale.has(rel) {
			s.renderStale(rel)
			rendered++
		}
		s.mu.RUnlock()
	}
	return rendered
}

// Stale reports how many outputs are waiting to be rendered again.
func (s *Session) Stale() int {
	s.stale.mu.Lock()
	defer s.stale.mu.Unlock()
	return len(s.stale.m)
}

// Apply takes in the files changed since the last call (absolute paths),
// renders at once the stale outputs among eager (the pages open in a
// browser, by rel), and leaves the rest stale. On failure the last good
// state stays and the error is a *diag.Errors.
func (s *Session) Apply(changed, eager []string) (*Update, error) {
	return s.ApplyAt(s.opts.BaseURL, changed, eager)
}

// ApplyAt is Apply with the base URL the site is to have from now on
// (yipin serve makes it from site.yaml's path and its own address); a
// new base URL means a full build.
func (s *Session) ApplyAt(baseURL string, changed, eager []string) (*Update, error) {
	start := time.Now()
	s.applying.Add(1)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.applying.Add(-1)

	changed = append(s.pending, changed...)
	slices.Sort(changed)
	changed = slices.Compact(changed)
	s.pending = nil
	s.b.diags = &diag.List{Max: diag.DefaultMax}
	var (
		u   *Update
		err error
	)
	if baseURL != s.opts.BaseURL {
		was := s.opts.BaseURL
		s.opts.BaseURL = baseURL
		if _, err = s.full(s.b.bodies); err != nil {
			s.opts.BaseURL = was
		}
		u = &Update{Kind: "full"}
	} else {
		u, err = s.apply(changed)
	}
	if err != nil {
		s.pending = changed
		return nil, err
	}
	if u.Kind != "full" {
		s.b.theme.Forget()
	}
	want := map[string]bool{}
	for _, rel := range eager {
		want[rel] = true
	}
	for _, rel := range s.order {
		o := s.outputs[rel]
		if o.Page != nil && slices.Contains(u.Pages, o.Page.Path) && s.b.r.Layout(o) != "" {
			want[rel] = true
		}
	}
	var now []render.Output
	for _, rel := range s.order {
		if want[rel] && s.stale.has(rel) {
			now = append(now, s.outputs[rel])
		}
	}
	ds := s.b.r.Render(context.Background(), now)
	for _, o := range now {
		s.stale.drop(o.Rel)
	}
	u.Rendered, u.Stale = len(now), len(s.stale.m)
	for _, d := range s.b.diags.Items() {
		if d.Severity == diag.Warning {
			u.Warnings = append(u.Warnings, d)
		}
	}
	u.Duration = time.Since(start)
	if len(ds) > 0 {
		return u, &diag.Errors{List: ds}
	}
	return u, nil
}

// apply sorts the changes by kind and takes them in.
func (s *Session) apply(changed []string) (*Update, error) {
	if len(changed) == 0 {
		return &Update{Kind: "none"}, nil
	}
	contentDir := filepath.Join(s.opts.Source, "content")
	var contents, themes []string
	for _, p := range changed {
		switch {
		case within(p, contentDir):
			contents = append(contents, p)
		case s.inTheme(p):
			themes = append(themes, p)
		default: // site.yaml, or a file the session cannot place
			if _, err := s.full(s.b.bodies); err != nil {
				return nil, err
			}
			return &Update{Kind: "full"}, nil
		}
	}
	u := &Update{Kind: "content"}
	if len(themes) > 0 {
		var err error
		if s.onlyAssets(themes) {
			err = s.applyAssets()
		} else {
			err = s.applyTheme(themes)
		}
		if err != nil {
			return nil, err
		}
		u.Kind = "theme"
		if len(contents) == 0 && allCSS(themes) {
			u.Kind = "css"
		}
	}
	if len(contents) > 0 {
		kind, pages, err := s.applyContent(contents)
		if err != nil {
			return nil, err
		}
		if u.Kind != "theme" {
			u.Kind = kind
		}
		u.Pages = pages
	}
	return u, nil
}

// inTheme reports whether p lies in a folder of templates, assets, static
// files or strings, of the theme or of the site.
func (s *Session) inTheme(p string) bool {
	for _, d := range themeDirs(s.opts.Source, s.b.cfg) {
		for _, sub := range []string{"layouts", "assets", "static", "i18n"} {
			if within(p, filepath.Join(d.Path, sub)) {
				return true
			}
		}
	}
	return false
}

// onlyAssets reports whether every path lies in a folder of assets.
func (s *Session) onlyAssets(paths []string) bool {
	for _, p := range paths {
		in := false
		for _, d := range themeDirs(s.opts.Source, s.b.cfg) {
			in = in || within(p, filepath.Join(d.Path, "assets"))
		}
		if !in {
			return false
		}
	}
	return true
}

// applyAssets publishes the assets again: the templates ask for their
// fingerprinted names when they render, so every output is stale.
func (s *Session) applyAssets() error {
	b := s.b
	old := b.assets
	assets, ds := publishAssets(b.pub, themeDirs(s.opts.Source, b.cfg), b.md.CSS())
	b.diags.AddAll(ds)
	if !b.diags.HasErrors() {
		b.assets = assets
		b.diags.AddAll(b.checkOutputs(b.r.Outputs()))
	}
	if b.diags.HasErrors() {
		b.assets = old
		s.restoreFiles()
		return b.diags.Err()
	}
	s.commit()
	return nil
}

// restoreFiles puts back what a refused theme change may have published
// over the last good state: the files copied as they are again, now, and
// the outputs when they are asked for.
func (s *Session) restoreFiles() {
	s.b.copyFiles(s.b.statics)
	s.b.copyFiles(s.b.site.Files)
	for _, rel := range s.order {
		s.stale.add(rel)
	}
}

// applyTheme loads templates, assets and static files again. When only
// templates changed (none added or removed), only the outputs whose
// layouts use them are stale; otherwise every output is.
func (s *Session) applyTheme(changed []string) error {
	b := s.b
	old, assets, statics, r := b.theme, b.assets, b.statics, b.r
	b.loadTheme()
	if !b.diags.HasErrors() {
		b.setRenderer(b.site)
		b.diags.AddAll(b.checkOutputs(b.r.Outputs()))
	}
	if b.diags.HasErrors() {
		b.theme, b.assets, b.statics, b.r = old, assets, statics, r
		s.restoreFiles()
		return b.diags.Err()
	}
	before := slices.Clone(s.order)
	names := s.templateNames(changed)
	s.commit()
	if names == nil || !slices.Equal(old.Names(), b.theme.Names()) || !slices.Equal(before, s.order) {
		return nil
	}
	for _, rel := range s.order {
		layout := b.r.Layout(s.outputs[rel])
		if !slices.ContainsFunc(names, func(n string) bool { return layout != "" && b.theme.Uses(layout, n) }) {
			s.stale.drop(rel)
		}
	}
	return nil
}

// templateNames names the template files among the changed paths
// ("partials/footer.html"), or returns nil when something else changed.
func (s *Session) templateNames(changed []string) []string {
	var names []string
	for _, p := range changed {
		name := ""
		for _, d := range themeDirs(s.opts.Source, s.b.cfg) {
			if rel, err := filepath.Rel(filepath.Join(d.Path, "layouts"), p); err == nil && filepath.IsLocal(rel) {
				name = filepath.ToSlash(rel)
			}
		}
		if name == "" || !strings.HasSuffix(name, ".html") {
			return nil
		}
		names = append(names, name)
	}
	return names
}

// applyContent takes in changed files under content/. It returns "body"
// when only bodies changed, with the site paths of the pages changed.
func (s *Session) applyContent(changed []string) (kind string, pages []string, err error) {
	b := s.b
	opts := content.Options{Location: b.cfg.Location(), Taxonomies: b.cfg.TaxonomyKeys(), Fields: site.ModelKeys(),
		Workers: b.opts.Workers, DropBody: true}
	byAbs := make(map[string]int, len(b.sources))
	for i, src := range b.sources {
		byAbs[src.Abs] = i
	}
	sources := b.sources
	var bodies []*site.Page
	var edited []string // content paths of the files read again
	fronts, structural := false, false
	for _, p := range changed {
		i, ok := byAbs[p]
		if !ok {
			structural = true // a file came, went, or is not Markdown
			break
		}
		old := sources[i]
		fresh, ds := content.Reread(old, opts)
		b.diags.AddAll(ds)
		if fresh == nil {
			structural = true
			break
		}
		edited = append(edited, old.Path)
		if page := b.site.PageBySource(old.Path); page != nil && sameFront(old, fresh) {
			bodies = append(bodies, page)
			continue
		}
		if !fronts {
			sources, fronts = slices.Clone(sources), true
		}
		sources[i] = fresh
	}
	files := b.files
	if structural {
		b.diags = &diag.List{Max: diag.DefaultMax}
		// the files that changed, or lie in a folder that did, are read
		// again; content.Load also checks the others' sizes and times
		touched := make(map[string]bool, len(changed))
		for _, p := range changed {
			touched[p] = true
		}
		opts.Known = func(abs string) *content.Source {
			i, ok := byAbs[abs]
			if !ok || under(abs, touched) {
				return nil
			}
			return b.sources[i]
		}
		var ds []*diag.Diagnostic
		sources, files, ds = content.Load(filepath.Join(s.opts.Source, "content"), "content", opts)
		b.diags.AddAll(ds)
		edited = nil
		for _, p := range changed {
			if rel, err := filepath.Rel(filepath.Join(s.opts.Source, "content"), p); err == nil {
				edited = append(edited, content.NormPath(filepath.ToSlash(rel)))
			}
		}
	}
	if b.diags.HasErrors() {
		return "", nil, b.diags.Err()
	}
	if !structural && !fronts {
		pages, err := s.rebody(bodies)
		return "body", pages, err
	}
	if err := s.remodel(sources, files, edited, changed); err != nil {
		return "", nil, err
	}
	for _, path := range edited {
		if page := s.b.site.PageBySource(path); page != nil {
			pages = append(pages, page.Path)
		}
	}
	return "content", pages, nil
}

// sameFront reports whether a file's new parse leaves the model as it
// was: the same front matter, starting its body at the same place.
func sameFront(old, fresh *content.Source) bool {
	return old.BodyOffset == fresh.BodyOffset && old.BodyLine == fresh.BodyLine &&
		reflect.DeepEqual(old.Front, fresh.Front)
}

// rebody converts the changed bodies of pages and marks stale what read
// them. It is only called when nothing else changed.
func (s *Session) rebody(pages []*site.Page) ([]string, error) {
	b := s.b
	changed := map[string]bool{}
	var paths []string
	restore := b.bodies.keep(pages)
	for _, p := range pages {
		before := b.bodies.get(p.Origin().Path)
		body, err := p.Origin().ReadBody()
		if err != nil {
			b.diags.Add(diag.New(p.File, 0, 0, "无法读取这个文件:%v", err))
			continue
		}
		b.bodies.refresh(b, p, body)
		for _, f := range bodyChanges(before, b.bodies.get(p.Origin().Path)) {
			changed[f] = true
		}
		paths = append(paths, p.Path)
	}
	b.diags.AddAll(b.bodies.errors(b.site))
	if b.diags.HasErrors() {
		restore()
		return nil, b.diags.Err()
	}
	for _, p := range pages {
		p.ResetBody()
	}
	for _, rel := range s.order {
		o := s.outputs[rel]
		layout := b.r.Layout(o)
		own := o.Page != nil && layout != "" && slices.Contains(paths, o.Page.Path)
		reads := o.Page != nil && layout == "" && changed["Summary"] // a feed shows summaries
		for _, f := range b.theme.ReadsOthers(layout) {
			reads = reads || changed[f]
		}
		if own || reads {
			s.stale.add(rel)
		}
	}
	return paths, nil
}

// bodyChanges lists the body fields that differ between two conversions
// (every field, when there was none before).
func bodyChanges(was, now *bodyEntry) []string {
	if was == nil {
		return theme.BodyFields
	}
	a, b := was.body, now.body
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("Content", was.content != now.content)
	add("Summary", a.Summary != b.Summary)
	add("TOC", a.TOC != b.TOC)
	add("Truncated", a.Truncated != b.Truncated)
	add("WordCount", a.WordCount != b.WordCount)
	add("ReadingTime", a.ReadingTime != b.ReadingTime)
	return out
}

// remodel makes the model again from parsed sources and takes it in when
// it has no errors, with every output stale. edited are the content paths
// of the Markdown files read again, changed every file changed on disk
// (a bundle's picture, an attachment), which is published again.
func (s *Session) remodel(sources []*content.Source, files []content.File, edited, changed []string) error {
	b := s.b
	m, ds := site.New(b.cfg, sources, files, site.Options{Drafts: b.opts.Drafts, Future: b.opts.Future, Now: b.opts.Now})
	b.diags.AddAll(ds)
	if b.diags.HasErrors() {
		return b.diags.Err()
	}
	m.SetConverter(b.convert)
	old, r := b.site, b.r
	b.site = m
	b.setRenderer(m)
	// what the new model publishes first: the links of bodies to site
	// paths are checked against it (site.SetPublished)
	b.diags.AddAll(b.checkOutputs(b.r.Outputs()))
	check := b.bodies.dangling(m)
	for _, path := range edited {
		if p := m.PageBySource(path); p != nil {
			check = append(check, p)
		}
	}
	restore := b.bodies.keep(check)
	for _, p := range check {
		if body, err := p.Origin().ReadBody(); err == nil {
			b.bodies.refresh(b, p, body)
		}
	}
	b.diags.AddAll(b.bodies.errors(m))
	if b.diags.HasErrors() {
		restore()
		b.site, b.r = old, r
		return b.diags.Err()
	}
	oldFiles := map[site.File]bool{}
	for _, f := range old.Files {
		oldFiles[f] = true
	}
	var copies []site.File
	for _, f := range m.Files {
		if !oldFiles[f] || slices.Contains(changed, f.Abs) {
			copies = append(copies, f)
		}
	}
	b.copyFiles(copies)
	b.sources, b.files = sources, files
	s.commit()
	return nil
}

// commit lists the outputs of the new state, marks them all stale and
// forgets the files that no longer belong to the site.
func (s *Session) commit() {
	s.index()
	clear(s.stale.m)
	for _, rel := range s.order {
		s.stale.add(rel)
	}
	keep := make(map[string]bool, len(s.order))
	for _, rel := range s.order {
		keep[rel] = true
	}
	for _, p := range s.b.assets {
		keep[strings.TrimPrefix(p, "/")] = true
	}
	for _, f := range s.b.statics {
		keep[strings.TrimPrefix(f.Path, "/")] = true
	}
	for _, f := range s.b.site.Files {
		keep[strings.TrimPrefix(f.Path, "/")] = true
	}
	s.b.opts.Memory.Keep(func(rel string) bool { return keep[rel] })
}

// under reports whether p, or a folder above it, is in set.
func under(p string, set map[string]bool) bool {
	for {
		if set[p] {
			return true
		}
		parent := filepath.Dir(p)
		if parent == p {
			return false
		}
		p = parent
	}
}

// within reports whether p lies inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}

func allCSS(paths []string) bool {
	for _, p := range paths {
		if !strings.EqualFold(filepath.Ext(p), ".css") {
			return false
		}
	}
	return true
}
