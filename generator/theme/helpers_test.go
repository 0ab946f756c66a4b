package theme

import (
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"yipin/generator/config"
	"yipin/generator/diag"
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

// testEnv knows one asset, css/main.css, and marks markdownify output.
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
	var b strings.Builder
	if d := th.Execute(&b, layout, &site.Page{}, data); d != nil {
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
	var b strings.Builder
	d := th.Execute(&b, "test.html", &site.Page{}, data)
	if d == nil {
		t.Fatalf("Execute(%q) succeeded with %q, want an error", src, b.String())
	}
	return d
}

// testPages is a small list of pages for the list functions.
func testPages(t *testing.T) []*site.Page {
	s := &site.Site{Config: testConfig(t)}
	mk := func(title, section string, kind site.Kind, date time.Time, weight, words int, unit string) *site.Page {
		p := &site.Page{Title: title, Section: section, Kind: kind, Date: date, Lastmod: date,
			Weight: weight, WordCount: words, Site: s, Params: map[string]any{}, Path: "/" + section + "/" + title + "/"}
		if unit != "" {
			p.Params["unit"] = unit
		}
		return p
	}
	return []*site.Page{
		mk("b", "news", site.KindPage, day(2024, 3, 1), 0, 300, "caizheng"),
		mk("a", "news", site.KindPage, day(2023, 5, 1), 2, 100, ""),
		mk("d", "cases", site.KindPage, day(2024, 1, 1), 1, 200, "caizheng"),
		mk("c", "cases", site.KindSection, time.Time{}, 0, 0, "jiaoyu"),
		mk("e", "news", site.KindPage, day(2022, 8, 1), 0, 50, ""),
	}
}

func titlesOf(pages []*site.Page) string {
	var b strings.Builder
	for _, p := range pages {
		b.WriteString(p.Title)
	}
	return b.String()
}
