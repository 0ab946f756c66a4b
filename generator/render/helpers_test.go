package render_test

import (
	"html/template"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"yipin/generator/config"
	"yipin/generator/content"
	"yipin/generator/diag"
	"yipin/generator/markdown"
	"yipin/generator/render"
	"yipin/generator/site"
	"yipin/generator/theme"
)

// testNow is the build clock of every model here: pages dated after it
// are future pages.
var testNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// memOut is a Publisher that keeps every output in memory. It copies the
// data: the renderer reuses its buffers.
type memOut struct {
	mu    sync.Mutex
	files map[string][]byte
	calls int
	fail  func(rel string) error // when not nil, may refuse an output
	// minified holds the outputs handed over as minified already
	minified map[string]bool
}

func newMemOut() *memOut { return &memOut{files: map[string][]byte{}, minified: map[string]bool{}} }

func (m *memOut) Output(rel string, data []byte) error {
	if m.fail != nil {
		if err := m.fail(rel); err != nil {
			return err
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	m.files[rel] = slices.Clone(data)
	return nil
}

// Minified keeps data as Output does (memOut does not minify) and notes
// that it came this way.
func (m *memOut) Minified(rel string, data []byte) error {
	m.mu.Lock()
	m.minified[rel] = true
	m.mu.Unlock()
	return m.Output(rel, data)
}

func (m *memOut) names() []string { return slices.Sorted(maps.Keys(m.files)) }

// discard is a Publisher that throws outputs away, for benchmarks.
type discard struct{}

func (discard) Output(string, []byte) error   { return nil }
func (discard) Minified(string, []byte) error { return nil }

// writeFiles writes files (slash path → content) under root.
func writeFiles(tb testing.TB, root string, files map[string]string) {
	tb.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// noErrors fails the test on any diagnostic.
func noErrors(tb testing.TB, stage string, ds []*diag.Diagnostic) {
	tb.Helper()
	for _, d := range ds {
		tb.Errorf("%s: %s", stage, d.Long())
	}
	if len(ds) > 0 {
		tb.FailNow()
	}
}

// model is a site and a theme ready to render.
type model struct {
	site  *site.Site
	theme *theme.Theme
}

// loadSite reads the site at root the way build.Run does, without the
// build package: config, content, model, Markdown, and the theme at
// themeDir with the site's own layouts/ over it.
func loadSite(tb testing.TB, root, themeDir string) model {
	tb.Helper()
	cfg, ds := config.Load(filepath.Join(root, "site.yaml"))
	noErrors(tb, "config", ds)
	sources, files, ds := content.Load(filepath.Join(root, "content"), "content", content.Options{
		Location: cfg.Location(), Taxonomies: cfg.TaxonomyKeys(),
	})
	noErrors(tb, "content", ds)
	return newModel(tb, cfg, sources, files, []theme.Dir{{Path: themeDir, Display: "themes/test"}, {Path: root, Display: ""}})
}

// newModel builds the site model from sources, converts every page's
// Markdown and loads the theme.
func newModel(tb testing.TB, cfg *config.Config, sources []*content.Source, files []content.File, dirs []theme.Dir) model {
	tb.Helper()
	s, ds := site.New(cfg, sources, files, site.Options{Now: testNow})
	noErrors(tb, "site", ds)
	md := markdown.New(markdown.Options{
		SummaryLength: cfg.SummaryLength, ReadingSpeed: cfg.ReadingSpeed,
		TOCMinLevel: cfg.Markdown.TOCMinLevel, TOCMaxLevel: cfg.Markdown.TOCMaxLevel,
	})
	var mu sync.Mutex
	var mdDiags []*diag.Diagnostic
	s.SetConverter(func(p *site.Page, first bool) site.Body {
		src := p.Origin()
		body, err := src.ReadBody()
		if err != nil {
			tb.Error(err)
		}
		res := md.Convert(markdown.Document{
			File: src.File, Body: body, BodyLine: src.BodyLine,
			Resolve: func(dest string) (string, *diag.Diagnostic) { return s.ResolveLink(p, dest) },
		})
		if first {
			mu.Lock()
			mdDiags = append(mdDiags, res.Diagnostics...)
			mu.Unlock()
		}
		return site.Body{
			Content: template.HTML(res.HTML), Summary: template.HTML(res.Summary), TOC: template.HTML(res.TOC),
			Truncated: res.Truncated, WordCount: res.WordCount, ReadingTime: res.ReadingTime,
		}
	})
	for _, p := range s.WithSource() {
		p.Summary() // convert now, so that problems show before rendering
	}
	noErrors(tb, "markdown", mdDiags)
	th, ds := theme.Load(dirs, theme.Env{
		Config:      cfg,
		Asset:       func(name string) (string, error) { return cfg.RelURL("/" + name), nil },
		Markdownify: func(s string) template.HTML { return template.HTML(md.Inline(s)) },
	})
	noErrors(tb, "theme", ds)
	return model{s, th}
}

// render renders m with the given number of workers into memory.
func (m model) render(workers int) (*memOut, []*diag.Diagnostic) {
	out := newMemOut()
	r := &render.Renderer{Site: m.site, Theme: m.theme, Out: out, Workers: workers}
	return out, r.Run()
}

// testTheme is the absolute path of the small test theme, whose templates
// print what they were given in one line.
func testTheme(tb testing.TB) string {
	tb.Helper()
	dir, err := filepath.Abs("testdata/theme")
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}

// defaultTheme is the absolute path of the repository's default theme.
func defaultTheme(tb testing.TB) string {
	tb.Helper()
	dir, err := filepath.Abs("../../themes/default")
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}
