package site

import (
	"path"
	"strings"
	"testing"
	"time"

	"yipin/generator/config"
	"yipin/generator/content"
	"yipin/generator/diag"
)

// cst is the zone of every date in these tests.
var cst = time.FixedZone("CST", 8*3600)

// now is the build clock of these tests.
var now = time.Date(2025, 6, 1, 12, 0, 0, 0, cst)

// day returns midnight of a date in cst.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, cst) }

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

// fm is a front matter with the maps content.ParseFrontMatter never leaves nil.
func fm(title string) *content.FrontMatter {
	return &content.FrontMatter{
		Title:  title,
		Terms:  map[string][]string{},
		Params: map[string]any{},
		Pos:    map[string]content.Pos{},
	}
}

// src builds a content.Source the way content.Load does for a content
// path: _index.md is a Section, dir/index.md a Bundle, anything else a Page.
func src(contentPath string, f *content.FrontMatter) *content.Source {
	dir, base := path.Split(contentPath)
	dir = strings.TrimSuffix(dir, "/")
	s := &content.Source{Path: contentPath, File: "content/" + contentPath, Front: f}
	switch {
	case base == "_index.md":
		s.Kind, s.Dir, s.Name = content.Section, dir, "_index"
	case base == "index.md":
		s.Kind, s.Name = content.Bundle, path.Base(dir)
		s.Dir = path.Dir(dir)
		if s.Dir == "." {
			s.Dir = ""
		}
	default:
		s.Kind, s.Dir, s.Name = content.Page, dir, strings.TrimSuffix(base, ".md")
	}
	return s
}

// dated is src for a page with a title and a date.
func dated(contentPath, title string, date time.Time) *content.Source {
	f := fm(title)
	f.Date = date
	return src(contentPath, f)
}

// build runs New and fails on any diagnostic.
func build(t *testing.T, cfg *config.Config, sources []*content.Source, files []content.File) *Site {
	t.Helper()
	s, ds := New(cfg, sources, files, Options{Now: now})
	for _, d := range ds {
		t.Errorf("unexpected diagnostic: %s", d.Error())
	}
	return s
}

// paths lists the site paths of pages.
func paths(pages []*Page) []string {
	out := make([]string, 0, len(pages))
	for _, p := range pages {
		out = append(out, p.Path)
	}
	return out
}

// titles lists the titles of pages.
func titles(pages []*Page) []string {
	out := make([]string, 0, len(pages))
	for _, p := range pages {
		out = append(out, p.Title)
	}
	return out
}

// mustPage returns the page at a site path or stops the test.
func mustPage(t *testing.T, s *Site, sitePath string) *Page {
	t.Helper()
	p := s.Page(sitePath)
	if p == nil {
		t.Fatalf("no page at %s; have %v", sitePath, paths(s.All))
	}
	return p
}

// messages lists the one-line forms of diagnostics.
func messages(ds []*diag.Diagnostic) []string {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		out = append(out, d.Error())
	}
	return out
}
