package theme

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"testing"
	"time"

	"yipin/generator/config"
	"yipin/generator/content"
	"yipin/generator/diag"
	"yipin/generator/publish"
	"yipin/generator/site"
)

var cst = time.FixedZone("CST", 8*3600)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, cst) }

// writeTree creates files (slash paths → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// testConfig is the default config with a title and a base path.
func testConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg := config.Default()
	cfg.Title = "测试机关工委"
	if d := cfg.SetBaseURL("https://example.gov.cn/dangjian/"); d != nil {
		t.Fatal(d)
	}
	return cfg
}

// testEnv knows one asset, css/main.css, and marks markdownify output. It
// minifies the templates at load, as every build does, so every test here
// also checks that minified templates behave as written (errors included).
func testEnv(t *testing.T) Env {
	cfg := testConfig(t)
	return Env{
		Config: cfg,
		Asset: func(name string) (string, error) {
			if name == "css/main.css" {
				return cfg.RelURL("/css/main.3f9a2c1d7e.css"), nil
			}
			return "", fmt.Errorf("找不到资源文件 %q", name)
		},
		Markdownify: func(s string) template.HTML { return template.HTML("<md>" + s + "</md>") },
		Minify:      publish.NewMinifier().HTML,
	}
}

// loadOne writes one theme folder (files under layouts/ and i18n/) and
// loads it, shown in messages as themes/test.
func loadOne(t *testing.T, files map[string]string) (*Theme, []*diag.Diagnostic) {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, files)
	return Load([]Dir{{Path: dir, Display: "themes/test"}}, testEnv(t))
}

// mustLoad is loadOne that fails on any diagnostic.
func mustLoad(t *testing.T, files map[string]string) *Theme {
	t.Helper()
	th, ds := loadOne(t, files)
	for _, d := range ds {
		t.Fatalf("Load: %s", d.Long())
	}
	return th
}

// run executes a layout with data and fails on an error.
func run(t *testing.T, th *Theme, layout string, data any) string {
	t.Helper()
	var b bytes.Buffer
	if _, d := th.Execute(&b, layout, &site.Page{}, data); d != nil {
		t.Fatalf("Execute(%s): %s", layout, d.Long())
	}
	return b.String()
}

// render loads a theme holding one standalone layout, test.html, with the
// given source, and executes it with data.
func render(t *testing.T, src string, data any) string {
	t.Helper()
	return run(t, mustLoad(t, map[string]string{"layouts/test.html": src}), "test.html", data)
}

// renderErr is render for a template that must fail; it returns the
// diagnostic.
func renderErr(t *testing.T, src string, data any) *diag.Diagnostic {
	t.Helper()
	th := mustLoad(t, map[string]string{"layouts/test.html": src})
	var b bytes.Buffer
	_, d := th.Execute(&b, "test.html", &site.Page{}, data)
	if d == nil {
		t.Fatalf("Execute(%q) succeeded with %q, want an error", src, b.String())
	}
	return d
}

// testPages is a small list of pages for the list functions, made by
// site.New from hand-written sources so that they have bodies (word
// counts) like real pages.
func testPages(t *testing.T) []*site.Page {
	t.Helper()
	type spec struct {
		title, section string
		kind           site.Kind
		date           time.Time
		weight, words  int
		unit           string
	}
	specs := []spec{
		{"b", "news", site.KindPage, day(2024, 3, 1), 0, 300, "caizheng"},
		{"a", "news", site.KindPage, day(2023, 5, 1), 2, 100, ""},
		{"d", "cases", site.KindPage, day(2024, 1, 1), 1, 200, "caizheng"},
		{"c", "cases", site.KindSection, time.Time{}, 0, 0, "jiaoyu"},
		{"e", "news", site.KindPage, day(2022, 8, 1), 0, 50, ""},
	}
	var sources []*content.Source
	words := map[string]int{}
	for _, sp := range specs {
		fm := &content.FrontMatter{Title: sp.title, Date: sp.date, Lastmod: sp.date, Weight: sp.weight,
			Params: map[string]any{}, Terms: map[string][]string{}, Pos: map[string]content.Pos{}}
		if sp.unit != "" {
			fm.Params["unit"] = sp.unit
		}
		src := &content.Source{Path: sp.section + "/" + sp.title + ".md", Kind: content.Page, Dir: sp.section, Name: sp.title, Front: fm}
		if sp.kind == site.KindSection {
			src = &content.Source{Path: sp.section + "/_index.md", Kind: content.Section, Dir: sp.section, Name: "_index", Front: fm}
		}
		src.File = "content/" + src.Path
		sources = append(sources, src)
		words[sp.title] = sp.words
	}
	s, ds := site.New(testConfig(t), sources, nil, site.Options{Now: day(2030, 1, 1)})
	if len(ds) > 0 {
		t.Fatalf("site.New: %v", ds)
	}
	s.SetConverter(func(p *site.Page, first bool) site.Body { return site.Body{WordCount: words[p.Title]} })
	var pages []*site.Page
	for _, sp := range specs {
		path := "/" + sp.section + "/" + sp.title + "/"
		if sp.kind == site.KindSection {
			path = "/" + sp.section + "/"
		}
		p := s.Page(path)
		if p == nil {
			t.Fatalf("no page at %s", path)
		}
		pages = append(pages, p)
	}
	return pages
}

func titlesOf(pages []*site.Page) string {
	var b bytes.Buffer
	for _, p := range pages {
		b.WriteString(p.Title)
	}
	return b.String()
}
