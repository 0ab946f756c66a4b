// Package site holds the model of a site: its pages, sections, taxonomies
// and archives, their URLs, and the links between them. It is built once
// from the checked config and the parsed content and then only read; each
// page's HTML is made on first use by the Converter the build sets.
package site

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"yipin/generator/config"
	"yipin/generator/content"
	"yipin/generator/diag"
)

// Site is the whole model.
type Site struct {
	Config       *config.Config
	Home         *Page
	All          []*Page // every page, sorted by site path
	RegularPages []*Page // articles, in list order
	Sections     []*Page // top-level sections, by weight then title
	Taxonomies   []*Taxonomy
	Archives     *Page
	NotFound     *Page
	SiteMap      *Page // 网站地图
	Menus        map[string][]MenuItem
	Aliases      []Alias  // redirects, sorted by From
	Files        []File   // static files to copy, sorted by Path
	Excluded     []string // content paths left out (drafts, future pages)

	// The Party-building model (party.go).
	Units       []*Unit        // by category (site.yaml order), order, id
	CaseLibrary *CaseLibrary   // nil without content/cases/
	Panggao     []*PanggaoYear // newest first

	byPath   map[string]*Page // site path → page
	bySource map[string]*Page // content path → page
	byFile   map[string]string
	unitByID map[string]*Unit
	excluded map[string]string // content path → why it was left out
	failed   map[string]bool   // content path → failed to load (Options.Failed)
	// published tells whether a site path leads to a written file (see
	// SetPublished); nil when not known
	published func(sitePath string) bool
	convert   Converter
	tallies   sync.Pool // *relatedTally, for Page.Related
}

// Alias is a redirect page written at From that sends readers to To.
type Alias struct {
	From string // site path
	To   *Page
}

// File is a file copied into the site as it is.
type File struct {
	Path string // site path: "/news/a/photo.jpg"
	Abs  string // file on disk
	Name string // for messages: "content/news/a/photo.jpg", "static/robots.txt", "themes/default/static/images/emblem.svg"
}

// Options are the build choices that change which pages exist.
type Options struct {
	Drafts bool      // include draft pages
	Future bool      // include pages dated after Now
	Now    time.Time // the build's clock
	// Failed are the content paths ("news/a.md") of Markdown files that
	// failed to load: links to them are left as written, without an
	// error of their own.
	Failed []string
}

// New builds the model from the sources and the non-Markdown content files.
// Pages get their URLs, sections, terms and neighbours here; their HTML is
// made on first use by the converter given to SetConverter.
func New(cfg *config.Config, sources []*content.Source, files []content.File, o Options) (*Site, []*diag.Diagnostic) {
	s := &Site{
		Config:   cfg,
		byPath:   map[string]*Page{},
		bySource: map[string]*Page{},
		byFile:   map[string]string{},
		excluded: map[string]string{},
		failed:   map[string]bool{},
		unitByID: map[string]*Unit{},
	}
	for _, p := range o.Failed {
		s.failed[p] = true
	}
	b := builder{site: s, opts: o, sections: map[string]*Page{}}
	b.pages(sources)
	b.sectionTree()
	b.lists()
	b.taxonomies()
	b.archives()
	b.notFound()
	b.siteMap()
	b.files(files)
	b.meta()
	b.party()
	b.relatedIndex()
	b.aliases()
	s.Menus = menus(cfg)
	for _, p := range s.byPath {
		p.url = cfg.RelURL(p.Path)
		s.All = append(s.All, p)
	}
	slices.SortFunc(s.All, func(a, b *Page) int { return strings.Compare(a.Path, b.Path) })
	s.Excluded = sortedKeys(s.excluded)
	return s, b.diags
}

// Page returns the page at a site path ("/news/a/"), or nil.
func (s *Site) Page(sitePath string) *Page { return s.byPath[sitePath] }

// PageBySource returns the page made from a content path ("news/a.md"), or nil.
func (s *Site) PageBySource(contentPath string) *Page { return s.bySource[contentPath] }

// WithSource lists the pages made from Markdown files, by site path.
func (s *Site) WithSource() []*Page {
	var out []*Page
	for _, p := range s.All {
		if p.src != nil {
			out = append(out, p)
		}
	}
	return out
}

// Title is the site's title.
func (s *Site) Title() string { return s.Config.Title }

// builder holds the state of New.
type builder struct {
	site     *Site
	opts     Options
	sections map[string]*Page // content dir → section page
	diags    []*diag.Diagnostic
}

func (b *builder) add(d *diag.Diagnostic) { b.diags = append(b.diags, d) }

// claim registers p at its path, or reports the clash with the page that
// already holds it: at p's key that chose the path, or at the other
// page's when p is one the site makes on its own.
func (b *builder) claim(p *Page, pos content.Pos) bool {
	old, ok := b.site.byPath[p.Path]
	if !ok {
		b.site.byPath[p.Path] = p
		return true
	}
	if where(p) == "" && where(old) != "" {
		pos = chosenPos(old)
		d := diag.New(where(old), pos.Line, pos.Col, "页面网址 %s 与 %s 重复", p.Path, describe(p))
		b.add(d.WithHint("这个网址由 yipin 使用:%s", moveHint(old, "在这个页面的 front matter 中设置别的 slug 或 url,或重命名文件")))
		return false
	}
	at, other := p, old
	if chosen := chosenPos(old); pos.Line == 0 && chosen.Line > 0 {
		// point at the page whose url or slug chose the path
		at, other, pos = old, p, chosen
	}
	d := diag.New(where(at), pos.Line, pos.Col, "页面网址 %s 与 %s 重复", p.Path, describe(other))
	b.add(d.WithHint("两个页面不能使用同一个网址:%s", moveHint(at, "修改其中一个的文件名,或在 front matter 中设置不同的 slug 或 url")))
	return false
}

// where is the file or folder a page comes from: its Markdown file, the
// folder of a section without _index.md, or "" for pages the site makes
// on its own.
func where(p *Page) string {
	if p.File == "" && p.Kind == KindSection {
		return "content/" + p.Dir + "/"
	}
	return p.File
}

// moveHint says how to give p another path: hint, or for a section
// without _index.md, renaming its folder.
func moveHint(p *Page, hint string) string {
	if p.File == "" {
		return "给文件夹 " + where(p) + " 换个名字"
	}
	return hint
}

// chosenPos is where a page's front matter chooses its path (its url or
// slug), or the zero Pos when the path follows from the file's name.
func chosenPos(p *Page) content.Pos {
	if p.src != nil {
		for _, key := range []string{"url", "slug"} {
			if pos, ok := p.src.Front.Pos[key]; ok {
				return pos
			}
		}
	}
	return content.Pos{}
}

func describe(p *Page) string {
	switch {
	case p.File != "":
		return p.File
	case p.Kind == KindSection:
		return "栏目文件夹 " + where(p)
	}
	return fmt.Sprintf("自动生成的页面“%s”", p.Title)
}

func (b *builder) pages(sources []*content.Source) {
	for _, src := range sources {
		fm := src.Front
		if fm.Draft && !b.opts.Drafts {
			b.site.excluded[src.Path] = "草稿"
			continue
		}
		future := !fm.Date.IsZero() && fm.Date.After(b.opts.Now)
		if future && !b.opts.Future {
			b.site.excluded[src.Path] = "发布时间在未来"
			continue
		}
		p := &Page{
			Kind: KindPage, Title: fm.Title, Date: fm.Date, Lastmod: fm.Lastmod,
			Draft: fm.Draft, Future: future, Weight: fm.Weight,
			Author: cmp.Or(fm.Author, b.site.Config.Author), Source: fm.Source, Editor: fm.Editor,
			Aliases: fm.Aliases, Params: fm.Params, Layout: fm.Layout, Type: fm.Type,
			Dir: src.Dir, Section: sectionKey(src.Dir), File: src.File,
			Site: b.site, src: src, lazy: &lazyBody{},
		}
		if p.Lastmod.IsZero() {
			p.Lastmod = p.Date
		}
		if p.Params == nil {
			p.Params = map[string]any{}
		}
		var pos content.Pos
		switch src.Kind {
		case content.Section:
			p.Kind = KindSection
			p.Path = dirURL(slugPath(src.Dir))
			for _, key := range []string{"url", "slug"} {
				if v, ok := fm.Pos[key]; ok {
					b.add(diag.New(src.File, v.Line, v.Col, "栏目页(_index.md)不能设置 %s", key).
						WithHint("栏目的网址由文件夹名决定:要改网址,请重命名文件夹"))
				}
			}
			if src.Dir == "" {
				p.Kind = KindHome
			}
			if p.Title == "" { // a section is titled after its folder unless told
				p.Title = path.Base(src.Dir)
				if src.Dir == "" {
					p.Title = b.site.Config.Title
				}
			}
			b.sections[src.Dir] = p
		default:
			seg := Slug(src.Name)
			if fm.Slug != "" {
				seg, pos = Slug(fm.Slug), fm.Pos["slug"]
			}
			p.Path = dirURL(slugPath(src.Dir) + "/" + seg)
			if fm.URL != "" {
				p.Path, pos = cleanURL(fm.URL), fm.Pos["url"]
			}
			p.Resources = b.resources(src, p.Path)
		}
		if p.Title == "" && p.Kind == KindPage && !b.site.failed[src.Path] {
			b.add(diag.New(src.File, 1, 1, "页面缺少标题").
				WithHint("在 front matter 中加一行,例如 title: 关于开展主题党日活动的通知"))
			p.Title = src.Name
		}
		if b.claim(p, pos) {
			b.site.bySource[src.Path] = p
		}
	}
}

func (b *builder) resources(src *content.Source, pagePath string) []Resource {
	var rs []Resource
	bundleDir := path.Dir(src.Path)
	// Resources sit in the folder of the page: for a url naming a file
	// (/special/a.html) that is the file's folder.
	base := pagePath[:strings.LastIndex(pagePath, "/")+1]
	for _, r := range src.Resources {
		name := strings.TrimPrefix(r.Path, bundleDir+"/")
		sitePath := base + name
		rs = append(rs, Resource{Name: name, Path: sitePath, Abs: r.Abs, Size: r.Size,
			Ext: strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))})
		b.site.Files = append(b.site.Files, File{Path: sitePath, Abs: r.Abs, Name: r.File})
		b.site.byFile[r.Path] = sitePath
	}
	return rs
}

// sectionTree makes a section page for every folder that holds content
// (with or without an _index.md), links each page to its section and each
// section to its parent, up to the home page.
func (b *builder) sectionTree() {
	home := b.section("")
	b.site.Home = home
	pages := make([]*Page, 0, len(b.site.bySource))
	for _, p := range b.site.bySource {
		pages = append(pages, p)
	}
	slices.SortFunc(pages, func(a, b *Page) int { return strings.Compare(a.Path, b.Path) })
	for _, p := range pages {
		if p.Kind == KindPage {
			p.Parent = b.section(p.Dir)
			b.site.RegularPages = append(b.site.RegularPages, p)
		}
	}
	for _, dir := range sortedKeys(b.sections) {
		if dir != "" {
			b.sections[dir].Parent = b.section(parentDir(dir))
		}
	}
	for _, sec := range b.sections {
		if sec.Parent != nil {
			sec.Parent.Sections = append(sec.Parent.Sections, sec)
		}
	}
	for _, sec := range b.sections {
		slices.SortFunc(sec.Sections, sectionOrder)
	}
	b.site.Sections = home.Sections
}

func sectionOrder(a, b *Page) int {
	if a.Weight != b.Weight {
		return a.Weight - b.Weight
	}
	return strings.Compare(a.Path, b.Path)
}

// section returns the section page of a content dir, making one (titled
// after the folder) when the folder has no _index.md.
func (b *builder) section(dir string) *Page {
	if sec, ok := b.sections[dir]; ok {
		return sec
	}
	sec := &Page{Kind: KindSection, Title: path.Base(dir), Dir: dir, Section: sectionKey(dir),
		Path: dirURL(slugPath(dir)), Site: b.site, Params: map[string]any{}}
	if dir == "" {
		sec.Kind, sec.Title = KindHome, b.site.Config.Title
	}
	b.sections[dir] = sec
	b.claim(sec, content.Pos{})
	if dir != "" {
		sec.Parent = b.section(parentDir(dir))
	}
	return sec
}

// lists fills every section's Pages with the articles at or below it, in
// list order, and links neighbours within each top-level section.
func (b *builder) lists() {
	slices.SortFunc(b.site.RegularPages, listOrder)
	for i, p := range b.site.RegularPages {
		p.ord = i
		for sec := p.Parent; sec != nil; sec = sec.Parent {
			sec.Pages = append(sec.Pages, p)
		}
	}
	for _, top := range b.site.Home.Sections {
		byDate := slices.Clone(top.Pages)
		slices.SortStableFunc(byDate, func(a, b *Page) int {
			return cmpOr(a.Date.Compare(b.Date), strings.Compare(a.Path, b.Path))
		})
		for i, p := range byDate {
			if i > 0 {
				p.Prev = byDate[i-1]
			}
			if i+1 < len(byDate) {
				p.Next = byDate[i+1]
			}
		}
	}
}

func cmpOr(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

func (b *builder) taxonomies() {
	for _, key := range b.site.Config.TaxonomyKeys() {
		tax := &Taxonomy{Key: key, Title: b.site.Config.Taxonomies[key]}
		tax.Page = &Page{Kind: KindTaxonomy, Title: tax.Title, Path: dirURL(Slug(key)),
			Section: Slug(key), Taxonomy: tax, Site: b.site, Parent: b.site.Home, Params: map[string]any{}}
		bySlug := map[string]*Term{}
		slugs := map[string]string{} // by name: a site's few terms name many pages
		for _, p := range b.site.RegularPages {
			for _, name := range p.src.Front.Terms[key] {
				slug, ok := slugs[name]
				if !ok {
					slug = Slug(name)
					slugs[name] = slug
				}
				t := bySlug[slug]
				if t == nil {
					t = &Term{Name: name, Slug: slug, Taxonomy: tax}
					bySlug[slug] = t
					tax.Terms = append(tax.Terms, t)
				} else if name < t.Name {
					t.Name = name // spellings that share a slug show one name, the same every build
				}
				if n := len(t.Pages); n == 0 || t.Pages[n-1] != p {
					t.Pages = append(t.Pages, p)
				}
				if p.Terms == nil {
					p.Terms = map[string][]*Term{}
				}
				if !slices.Contains(p.Terms[key], t) {
					p.Terms[key] = append(p.Terms[key], t)
				}
			}
		}
		if len(tax.Terms) == 0 {
			continue // a taxonomy no page uses gets no pages
		}
		b.claim(tax.Page, content.Pos{})
		slices.SortFunc(tax.Terms, func(a, b *Term) int {
			return cmpOr(len(b.Pages)-len(a.Pages), strings.Compare(a.Slug, b.Slug))
		})
		for _, t := range tax.Terms {
			t.Page = &Page{Kind: KindTerm, Title: t.Name, Path: tax.Page.Path + t.Slug + "/",
				Section: tax.Page.Section, Pages: t.Pages, Taxonomy: tax, Term: t,
				Site: b.site, Parent: tax.Page, Params: map[string]any{}}
			b.claim(t.Page, content.Pos{})
		}
		tax.Page.Pages = nil
		b.site.Taxonomies = append(b.site.Taxonomies, tax)
	}
}

// archives makes /archives/ and a page for each year that has articles.
func (b *builder) archives() {
	arch := &Page{Kind: KindArchives, Title: "归档", Path: "/archives/", Section: "archives",
		Site: b.site, Parent: b.site.Home, Params: map[string]any{}}
	b.site.Archives = arch
	b.claim(arch, content.Pos{})
	byYear := map[int]*Page{}
	for _, p := range b.site.RegularPages {
		if p.Date.IsZero() {
			continue
		}
		y := p.Date.Year()
		yp := byYear[y]
		if yp == nil {
			yp = &Page{Kind: KindYear, Title: fmt.Sprintf("%d 年", y), Year: y,
				Path: fmt.Sprintf("/archives/%d/", y), Section: "archives",
				Site: b.site, Parent: arch, Params: map[string]any{}}
			byYear[y] = yp
			arch.Sections = append(arch.Sections, yp)
		}
		yp.Pages = append(yp.Pages, p)
	}
	slices.SortFunc(arch.Sections, func(a, b *Page) int { return b.Year - a.Year })
	for _, yp := range arch.Sections {
		b.claim(yp, content.Pos{})
		slices.SortStableFunc(yp.Pages, func(a, b *Page) int { return b.Date.Compare(a.Date) })
	}
}

func (b *builder) notFound() {
	p := &Page{Kind: Kind404, Title: "页面未找到", Path: "/404.html", Site: b.site,
		Parent: b.site.Home, Params: map[string]any{}}
	b.site.NotFound = p
	b.claim(p, content.Pos{})
}

// files places the non-Markdown files of content/ at their own paths.
func (b *builder) files(files []content.File) {
	for _, f := range files {
		sitePath := "/" + slugPath(path.Dir(f.Path)) + "/" + path.Base(f.Path)
		if path.Dir(f.Path) == "." {
			sitePath = "/" + f.Path
		}
		sitePath = path.Clean(sitePath)
		b.site.Files = append(b.site.Files, File{Path: sitePath, Abs: f.Abs, Name: f.File})
		b.site.byFile[f.Path] = sitePath
	}
	slices.SortFunc(b.site.Files, func(a, b File) int {
		return cmpOr(strings.Compare(a.Path, b.Path), strings.Compare(a.Name, b.Name))
	})
	for i := 1; i < len(b.site.Files); i++ {
		if f, prev := b.site.Files[i], b.site.Files[i-1]; f.Path == prev.Path {
			b.add(diag.New(f.Name, 0, 0, "文件 %s 与 %s 发布到同一个网址 %s", f.Name, prev.Name, f.Path).
				WithHint("文件夹名按网址规则转换后相同(例如大小写不同):重命名其中一个"))
		}
	}
}

func (b *builder) aliases() {
	taken := map[string]*Page{}
	for _, p := range b.site.RegularPages {
		for _, a := range p.Aliases {
			from := cleanURL(a)
			old, what := b.site.byPath[from], "网址"
			if old == nil {
				old, what = taken[from], "别名"
			}
			if old != nil {
				pos := p.src.Front.Pos["aliases"]
				b.add(diag.New(p.File, pos.Line, pos.Col, "别名 %s 与 %s 的%s重复", from, describe(old), what).
					WithHint("删除或修改这个 aliases 条目"))
				continue
			}
			taken[from] = p
			b.site.Aliases = append(b.site.Aliases, Alias{From: from, To: p})
		}
	}
	slices.SortFunc(b.site.Aliases, func(a, b Alias) int { return strings.Compare(a.From, b.From) })
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
