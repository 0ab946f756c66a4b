// Package theme loads a theme's templates (and a site's own layouts/ over
// them, file by file), picks the template for each page, and holds the
// template functions. Templates are parsed once, when the theme is loaded,
// and are then executed by many goroutines at once.
package theme

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"yipin/generator/diag"
	"yipin/generator/site"
	"yipin/generator/tmplexec"
)

// Theme is a parsed set of layouts.
type Theme struct {
	files        map[string]string // layout name ("_default/single.html") → file for messages
	abs          map[string]string // layout name → file on disk
	partialNames []string
	entries      map[string]*template.Template // layout name → ready template
	partials     *template.Template            // every partial, for the partial function
	cache        sync.Map                      // partialCached: name + variant → template.HTML
	paginates    map[string]bool               // layout name → reads .Paginator
	others       map[string][]string           // layout name → body fields it may read on other pages
	reach        map[string][]string           // layout name → the templates it executes
	strings      map[string]uiString           // T's strings
	funcMap      template.FuncMap
	methods      *tmplexec.Methods // site's methods that compiled templates call directly
	stdlib       bool              // Env.Stdlib
	fastLayouts  map[string]*fast  // layout name → its compiled form (fast.go)
	fastPartials map[string]*fast  // partial name → its compiled form, for partial and partialCached
	// minified holds the layouts whose every template was minified at
	// load (preminify.go): their output needs no minifying.
	minified map[string]bool
	// original is the theme parsed from the templates as written, for a
	// theme whose templates were minified: it reports errors at the
	// lines of the source, and renders when a minified template fails.
	original       func() *Theme
	originalParsed atomic.Bool
}

// Dir is one folder of templates and the name to show for its files.
type Dir struct {
	Path    string // folder on disk, e.g. /site/themes/default
	Display string // the same, relative to the site root, for messages
}

// Load parses the layouts/ of every dir, later dirs overriding earlier ones
// file by file (pass the theme first, then the site). It reads i18n/LANG.yaml
// from each dir in the same way.
func Load(dirs []Dir, env Env) (*Theme, []*diag.Diagnostic) {
	lang := env.Config.Language
	t := &Theme{files: map[string]string{}, abs: map[string]string{}, strings: map[string]uiString{}, stdlib: env.Stdlib, methods: siteMethods()}
	t.reset()
	var diags []*diag.Diagnostic
	sources := map[string][]byte{}
	for _, d := range dirs {
		root := filepath.Join(d.Path, "layouts")
		err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			name := filepath.ToSlash(rel)
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sources[name] = src
			t.files[name] = path.Join(d.Display, "layouts", name)
			t.abs[name] = p
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			diags = append(diags, diag.New(path.Join(d.Display, "layouts"), 0, 0, "读取模板失败:%v", err))
		}
		diags = append(diags, t.loadStrings(d, lang)...)
	}
	if len(diags) == 0 {
		t.funcMap = t.funcs(env)
		if env.Minify != nil {
			if m := t.minify(sources, env); m != nil {
				return m, nil
			}
		}
		diags = t.parse(sources, t.funcMap)
	}
	return t, diags
}

// reset empties what parse fills in.
func (t *Theme) reset() {
	t.partialNames = nil
	t.paginates, t.others, t.reach = map[string]bool{}, map[string][]string{}, map[string][]string{}
	t.entries = map[string]*template.Template{}
	t.fastLayouts, t.fastPartials = map[string]*fast{}, map[string]*fast{}
}

// minify returns the theme parsed from sources with their text minified
// (preminify.go), or nil when they do not parse that way: t then parses
// them as written and reports their errors. t, unparsed, becomes the
// minified theme's original, parsed when it is first needed.
func (t *Theme) minify(sources map[string][]byte, env Env) *Theme {
	m := &Theme{files: t.files, abs: t.abs, strings: t.strings, stdlib: t.stdlib, methods: t.methods, minified: map[string]bool{}}
	m.reset()
	m.funcMap = m.funcs(env)
	mini := make(map[string][]byte, len(sources))
	ok := make(map[string]bool, len(sources))
	partialsOK := true
	for name, src := range sources {
		mini[name], ok[name] = preminify(src, env.Minify)
		if !ok[name] {
			mini[name] = src
			partialsOK = partialsOK && !strings.HasPrefix(name, "partials/")
		}
	}
	if len(m.parse(mini, m.funcMap)) > 0 {
		return nil
	}
	for name, entry := range m.entries {
		m.minified[name] = partialsOK && ok[name] && ok[entry.Name()]
	}
	m.original = sync.OnceValue(func() *Theme {
		t.parse(sources, t.funcMap)
		m.originalParsed.Store(true)
		return t
	})
	return m
}

// parse builds, for every layout, a template holding the partials, the
// layout's base (when it defines blocks) and the layout itself.
func (t *Theme) parse(sources map[string][]byte, funcs template.FuncMap) []*diag.Diagnostic {
	var diags []*diag.Diagnostic
	names := make([]string, 0, len(sources))
	for n := range sources {
		names = append(names, n)
	}
	slices.Sort(names)
	t.partials = template.New("").Funcs(funcs)
	for _, n := range names {
		if strings.HasPrefix(n, "partials/") {
			t.partialNames = append(t.partialNames, n)
			t.fastPartials[n] = &fast{}
			if _, err := t.partials.New(n).Parse(string(sources[n])); err != nil {
				diags = append(diags, t.parseError(err))
			}
		}
	}
	if len(diags) > 0 {
		return diags
	}
	t.foldStrings(t.partials)
	for _, n := range names {
		if strings.HasPrefix(n, "partials/") || path.Base(n) == "baseof.html" {
			continue
		}
		entry, err := t.parseLayout(n, sources, funcs)
		if err != nil {
			diags = append(diags, t.parseError(err))
			continue
		}
		t.entries[n] = entry
		t.fastLayouts[n] = &fast{}
		t.paginates[n] = usesField(entry, t.partials, "Paginator")
		t.others[n], t.reach[n] = othersRead(entry, t.partials)
	}
	return diags
}

var defineRE = regexp.MustCompile(`\{\{-?\s*define\s`)

func (t *Theme) parseLayout(name string, sources map[string][]byte, funcs template.FuncMap) (*template.Template, error) {
	src := sources[name]
	base := ""
	if defineRE.Match(src) {
		base = path.Join(path.Dir(name), "baseof.html")
		if _, ok := sources[base]; !ok {
			base = "_default/baseof.html"
		}
		if _, ok := sources[base]; !ok {
			return nil, fmt.Errorf("template: %s:1: 模板用了 define,但找不到 baseof.html", name)
		}
	}
	entry := name
	if base != "" {
		entry = base
	}
	root := template.New(entry).Funcs(funcs)
	if base != "" {
		if _, err := root.Parse(string(sources[base])); err != nil {
			return nil, err
		}
		if _, err := root.New(name).Parse(string(src)); err != nil {
			return nil, err
		}
	} else if _, err := root.Parse(string(src)); err != nil {
		return nil, err
	}
	// Each template set escapes its own trees, so partials are parsed anew
	// into every layout's set rather than shared.
	for _, n := range t.partialNames {
		if _, err := root.New(n).Parse(string(sources[n])); err != nil {
			return nil, err
		}
	}
	t.foldStrings(root)
	return root, nil
}

// Has reports whether a layout exists.
func (t *Theme) Has(name string) bool { return t.entries[name] != nil }

// Lookup returns the name of the layout that renders p, following the
// documented lookup order, or "" when the theme has none.
func (t *Theme) Lookup(p *site.Page) string {
	for _, name := range Candidates(p) {
		if t.entries[name] != nil {
			return name
		}
	}
	return ""
}

// Candidates lists the layouts that may render p, most specific first.
func Candidates(p *site.Page) []string {
	typ := p.Type
	if typ == "" {
		typ = p.Section
	}
	var c []string
	if p.Layout != "" {
		if typ != "" {
			c = append(c, typ+"/"+p.Layout+".html")
		}
		c = append(c, "_default/"+p.Layout+".html")
	}
	if p.Role != "" {
		if typ != "" {
			c = append(c, typ+"/"+string(p.Role)+".html")
		}
		c = append(c, "_default/"+string(p.Role)+".html")
	}
	switch p.Kind {
	case site.KindHome:
		c = append(c, "index.html", "_default/list.html")
	case site.KindSection:
		c = append(c, typ+"/list.html", "_default/section.html", "_default/list.html")
	case site.KindTaxonomy:
		c = append(c, typ+"/terms.html", "_default/terms.html")
	case site.KindTerm:
		c = append(c, typ+"/term.html", "_default/term.html", "_default/list.html")
	case site.KindArchives:
		c = append(c, "_default/archives.html")
	case site.KindYear:
		c = append(c, "_default/year.html", "_default/list.html")
	case site.KindFilter:
		c = append(c, typ+"/filter.html", "_default/filter.html", "_default/list.html")
	case site.KindSiteMap:
		c = append(c, "_default/sitemap.html")
	case site.Kind404:
		c = append(c, "404.html")
	default:
		if typ != "" {
			c = append(c, typ+"/single.html")
		}
		c = append(c, "_default/single.html")
	}
	return c
}

// Execute renders p with the named layout, appending to w; data is the
// template's dot. minified reports that the output is minified already
// (every template it came from was minified at load). An error is a
// diagnostic at the template's file:line:col; the caller says which page
// it was rendering.
func (t *Theme) Execute(w *bytes.Buffer, layout string, p *site.Page, data any) (minified bool, d *diag.Diagnostic) {
	tpl := t.entries[layout]
	if tpl == nil {
		return false, diag.New("", 0, 0, "找不到渲染此页面的模板,试过:%s", strings.Join(Candidates(p), "、")).
			WithHint("在主题或站点的 layouts/ 中添加其中一个模板")
	}
	mark := w.Len()
	err := t.execute(w, tpl, tpl.Name(), t.fastLayouts[layout], data)
	if err != nil && t.original != nil {
		// the template as written tells the line of the error, or renders
		// where its minified text went wrong
		w.Truncate(mark)
		return t.original().Execute(w, layout, p, data)
	}
	if err != nil {
		return false, t.execError(err)
	}
	return t.minified[layout], nil
}

// partial renders a partial template by name ("header.html" or
// "partials/header.html") and returns its HTML.
func (t *Theme) partial(name string, data any) (template.HTML, error) {
	if !strings.HasPrefix(name, "partials/") {
		name = "partials/" + name
	}
	f := t.fastPartials[name]
	if f == nil {
		e := t.missingPartial(name)
		return "", &funcError{msg: e.msg, hint: e.hint}
	}
	var b bytes.Buffer
	if err := t.execute(&b, t.partials, name, f, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// partialCached renders a partial once per build for each variant and
// reuses the result: for parts of a page that are the same on many pages,
// such as the footer, or the navigation of one section. The variant values
// (any number, printed with fmt) name what the output depends on besides
// the partial; the first page rendered for a variant provides the data.
func (t *Theme) partialCached(name string, data any, variant ...any) (template.HTML, error) {
	// One value after another, each printed on its own: fmt.Sprint of the
	// whole list would join ("news", "page") and ("newsp", "age") alike.
	var kb strings.Builder
	kb.WriteString(name)
	for _, v := range variant {
		kb.WriteByte(0)
		fmt.Fprint(&kb, v)
	}
	key := kb.String()
	if h, ok := t.cache.Load(key); ok {
		return h.(template.HTML), nil
	}
	h, err := t.partial(name, data)
	if err != nil {
		return "", err
	}
	actual, _ := t.cache.LoadOrStore(key, h)
	return actual.(template.HTML), nil
}

// Forget drops every partial kept by partialCached, so that the next
// render of the site (yipin serve, after a change) makes them again.
func (t *Theme) Forget() {
	t.cache.Clear()
	if t.originalParsed.Load() {
		t.original().Forget()
	}
}

// Unminified lists the layouts whose templates could not be minified at
// load (Env.Minify), sorted: their pages are minified whole.
func (t *Theme) Unminified() []string {
	var out []string
	for name := range t.entries {
		if !t.minified[name] {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}
