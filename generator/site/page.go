package site

import (
	"cmp"
	"path"
	"strings"
	"time"

	"yipin/generator/content"
)

// Kind says what a page is, and so which templates render it.
type Kind string

const (
	KindHome     Kind = "home"     // the site's home page
	KindSection  Kind = "section"  // a folder of content: /news/
	KindPage     Kind = "page"     // one article: /news/a/
	KindTaxonomy Kind = "taxonomy" // all terms of a taxonomy: /tags/
	KindTerm     Kind = "term"     // the pages of one term: /tags/清廉机关/
	KindArchives Kind = "archives" // the years: /archives/
	KindYear     Kind = "year"     // the pages of one year: /archives/2024/
	Kind404      Kind = "404"      // the not-found page: /404.html
	KindFilter   Kind = "filter"   // a static filter of a list: /cases/theme/共同富裕/
	KindSiteMap  Kind = "sitemap"  // the human-readable site map (网站地图): /sitemap/
)

// Role says what a page is in the Party-building content model (party.go);
// "" for ordinary pages. Templates are looked up by role first.
type Role string

const (
	RoleUnits       Role = "units"        // the units directory: /units/
	RoleUnit        Role = "unit"         // one unit: /units/caizhengju/
	RoleBrand       Role = "brand"        // a unit's brand: /units/caizhengju/brand/
	RoleBranch      Role = "branch"       // a branch's own page, linked from its brand
	RoleBrands      Role = "brands"       // the brand matrix: /brands/
	RoleCases       Role = "cases"        // the case library: /cases/
	RoleCase        Role = "case"         // one case study
	RoleCaseFilter  Role = "case-filter"  // the cases of one theme, unit or year
	RolePanggao     Role = "panggao"      // the 攀高 contest over the years: /panggao/
	RolePanggaoYear Role = "panggao-year" // one year: /panggao/2025/
	RolePanggaoUnit Role = "panggao-unit" // one unit's year: /panggao/2025/caizhengju/
	RoleProject     Role = "project"      // one 攀高 project
)

// Page is anything the site renders to an HTML file. Templates see its
// exported fields and methods; nothing changes once the site is built.
type Page struct {
	Kind  Kind
	Title string
	Date  time.Time // publication date (发布时间); zero when not set
	// Lastmod is the last change; it equals Date unless set.
	Lastmod time.Time
	Draft   bool
	Future  bool // dated after the build (shown only with --future or in serve)
	Weight  int
	Author  string // 作者
	Source  string // 信息来源
	Editor  string // 责任编辑
	Aliases []string
	Params  map[string]any
	Layout  string // template named in front matter
	Type    string // template folder named in front matter; defaults to Section

	// Metadata from front matter (meta.go).
	Description string   // 描述; "" when not set
	Keywords    []string // 关键词 as written; see KeywordList
	Image       string   // 题图, a site path; "" when not set
	Language    string   // the page's own language tag; see Lang
	Featured    bool     // 头条: a lead story
	ColumnType  string   // 栏目类型 of a section

	Section string // top-level content folder, slugged ("news"); "" at the root
	Dir     string // content folder as written ("news/2024")
	File    string // source file for messages ("content/news/a.md"); "" for generated pages
	Path    string // site path without the base path: "/news/a/"

	Parent    *Page   // the section above; nil for the home page
	Sections  []*Page // sections directly below (home and sections)
	Pages     []*Page // what a list shows, in list order
	Terms     map[string][]*Term
	Prev      *Page // the page published before this one in its section
	Next      *Page // the page published after it
	Resources []Resource
	Taxonomy  *Taxonomy // taxonomy and term pages
	Term      *Term     // term pages
	Year      int       // year pages
	Site      *Site
	// Paginator is the pager page being rendered, for lists; see WithPager.
	Paginator *Pager

	// The Party-building model (party.go). Role says which of these the
	// page carries; Units is set on any page that names its units.
	Role    Role
	Units   []*Unit       // the units the page belongs to; the unit itself on a unit page
	Brand   *Brand        // brand pages
	Branch  *Branch       // branch pages
	Case    *Case         // case pages
	Filter  *CaseFilter   // case filter pages
	Project *Project      // 攀高 project pages
	Entry   *PanggaoEntry // a unit's 攀高 year
	Contest *PanggaoYear  // a 攀高 year page

	src  *content.Source
	url  string    // RelPermalink of Path, set once the site is built
	ord  int       // index in Site.RegularPages (list order), for Related
	lazy *lazyBody // Content, Summary, TOC and counts of src; see body.go
}

// Resource is a file of a page bundle, published beside the page.
type Resource struct {
	Name string // path inside the bundle ("images/a.png")
	Path string // site path ("/news/a/images/a.png")
	Abs  string // file on disk
	Size int64
	Ext  string // lower-case extension without the dot ("pdf")
}

// WithPager returns a copy of a list page for rendering pager page pg: its
// Paginator is pg and its URLs are those of that pager page. The copy is
// the template's dot; the model itself is not changed. It shares the
// page's body with the page.
func (p *Page) WithPager(pg *Pager) *Page {
	c := *p
	c.Paginator = pg
	return &c
}

// sitePath is the path being rendered: the page's own, or its pager page's.
func (p *Page) sitePath() string {
	if p.Paginator != nil {
		return p.Paginator.Path()
	}
	return p.Path
}

// RelPermalink is the page's URL path with the site's base path:
// "/dangjian/news/a/" (for pager page 2 of a list, "/dangjian/news/page/2/").
// Templates ask for it on every link to a page, so it is made once.
func (p *Page) RelPermalink() string {
	if p.Paginator == nil && p.url != "" {
		return p.url
	}
	return p.Site.Config.RelURL(p.sitePath())
}

// Permalink is the page's absolute URL.
func (p *Page) Permalink() string { return p.Site.Config.AbsURL(p.sitePath()) }

// SourcePath is the content path of the page's Markdown file, "" for
// generated pages.
func (p *Page) SourcePath() string {
	if p.src == nil {
		return ""
	}
	return p.src.Path
}

// Origin is the parsed Markdown file the page was made from, or nil.
func (p *Page) Origin() *content.Source { return p.src }

// IsHome, IsPage and IsList say what kind of page this is.
func (p *Page) IsHome() bool { return p.Kind == KindHome }
func (p *Page) IsPage() bool { return p.Kind == KindPage }
func (p *Page) IsList() bool {
	return p.Kind != KindPage && p.Kind != Kind404
}

// Themes is the page's terms of the "themes" taxonomy (案例主题).
func (p *Page) Themes() []*Term { return p.Terms["themes"] }

// Unit is the first of the page's units, or nil.
func (p *Page) Unit() *Unit {
	if len(p.Units) == 0 {
		return nil
	}
	return p.Units[0]
}

// Tags is the page's terms of the "tags" taxonomy.
func (p *Page) Tags() []*Term { return p.Terms["tags"] }

// Ancestors lists the pages above this one, from the home page down, for
// breadcrumbs.
func (p *Page) Ancestors() []*Page {
	var up []*Page
	for q := p.Parent; q != nil; q = q.Parent {
		up = append(up, q)
	}
	for i, j := 0, len(up)-1; i < j; i, j = i+1, j-1 {
		up[i], up[j] = up[j], up[i]
	}
	return up
}

// InSection reports whether the page's site path lies at or below the menu
// or section path p (a site path like "/news/"). The home path "/" only
// matches the home page.
func (p *Page) InSection(sitePath string) bool {
	if sitePath == "/" {
		return p.Path == "/"
	}
	return strings.HasPrefix(p.Path, sitePath)
}

// Param returns a front-matter parameter, or nil.
func (p *Page) Param(key string) any { return p.Params[key] }

// Term is one value of a taxonomy, such as the tag 清廉机关.
type Term struct {
	Name     string
	Slug     string
	Pages    []*Page // in list order
	Page     *Page   // the term's own list page
	Taxonomy *Taxonomy
	ords     []int // the indexes of Pages in Site.RegularPages, for Related
}

// RelPermalink is the URL of the term's page.
func (t *Term) RelPermalink() string { return t.Page.RelPermalink() }

// Count is how many pages carry the term.
func (t *Term) Count() int { return len(t.Pages) }

// Taxonomy is a way of grouping pages (标签, 主题 …) named in site.yaml.
type Taxonomy struct {
	Key   string  // front-matter key: "tags"
	Title string  // display name: "标签"
	Terms []*Term // most pages first, then by name
	Page  *Page   // the page listing all terms
}

// listOrder sorts the pages of a list: pinned pages (weight > 0, smallest
// first), then newest first, then by title and path so ties never depend on
// the order files were read in.
func listOrder(a, b *Page) int {
	aw, bw := a.Weight > 0, b.Weight > 0
	if aw != bw {
		if aw {
			return -1
		}
		return 1
	}
	return cmp.Or(cmp.Compare(a.Weight, b.Weight), b.Date.Compare(a.Date),
		cmp.Compare(a.Title, b.Title), cmp.Compare(a.Path, b.Path))
}

// sectionKey is the top-level section of a content dir, slugged.
func sectionKey(dir string) string {
	first, _, _ := strings.Cut(dir, "/")
	return Slug0(first)
}

// Slug0 is Slug, except that "" stays "".
func Slug0(s string) string {
	if s == "" {
		return ""
	}
	return Slug(s)
}

// parentDir is the folder above a content dir ("" above a top-level one).
func parentDir(dir string) string {
	if !strings.Contains(dir, "/") {
		return ""
	}
	return path.Dir(dir)
}
