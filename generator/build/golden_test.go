package build

import (
	"bytes"
	"context"
	"flag"
	"html/template"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"yipin/generator/diag"
	"yipin/generator/publish"
	"yipin/generator/render"
)

var update = flag.Bool("update", false, "rewrite the golden files of whole-site tests")

// TestGolden builds every fixture site under testdata/sites and compares
// the whole output, file by file, with testdata/golden/<site>/. Run
// `go test ./generator/build -run TestGolden -update` to accept changes,
// then read the diff before committing it.
func TestGolden(t *testing.T) {
	sites, err := os.ReadDir("testdata/sites")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sites {
		t.Run(s.Name(), func(t *testing.T) {
			src := filepath.Join("testdata", "sites", s.Name())
			dest := t.TempDir()
			stats, err := Run(t.Context(), Options{Source: src, Destination: dest, Now: testNow})
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			got := readTree(t, dest)
			var warnings strings.Builder
			for _, w := range stats.Warnings {
				warnings.WriteString(w.Error() + "\n")
			}
			got["_warnings.txt"] = []byte(warnings.String())
			golden := filepath.Join("testdata", "golden", s.Name())
			if *update {
				os.RemoveAll(golden)
				for name, data := range got {
					p := filepath.Join(golden, filepath.FromSlash(name))
					os.MkdirAll(filepath.Dir(p), 0o755)
					if err := os.WriteFile(p, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			want := readTree(t, golden)
			for name, data := range want {
				if g, ok := got[name]; !ok {
					t.Errorf("missing output %s", name)
				} else if !bytes.Equal(g, data) {
					t.Errorf("%s differs:\n got: %s\nwant: %s", name, g, data)
				}
			}
			for name := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("unexpected output %s", name)
				}
			}
		})
	}
}

// readTree reads every file below root, by slash path.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestDeterministic builds the demo site twice, with one worker and with
// many, and expects byte-identical output.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	now := time.Now()
	for i, dest := range []string{a, b} {
		if _, err := Run(t.Context(), Options{Source: "../..", Destination: dest, Now: now, Workers: 1 + i*7}); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files vs %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between builds", name)
		}
	}
}

// TestDemoSite builds the demo site in content/, as `make build` does
// today, and expects no warnings.
func TestDemoSite(t *testing.T) {
	dest := t.TempDir()
	stats, err := Run(t.Context(), Options{Source: "../..", Destination: dest, Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range stats.Warnings {
		t.Errorf("warning: %v", w)
	}
	if stats.Pages < 10 {
		t.Errorf("only %d pages", stats.Pages)
	}
	// Every Party-building page type is there, rendered by the default
	// theme with the parts that make it what it is.
	for page, wants := range map[string][]string{
		"units/index.html":                  {"经济类", "国企类", "财惠临江·寸金有情"},
		"units/caizhengju/index.html":       {"中共临江区财政局机关委员会", "一支部一特色", "攀高项目", "典型案例"},
		"units/caizhengju/brand/index.html": {"标志释义", "品牌嵌入", "关键数字", "--accent:#9f1d20", "logo.svg"},
		"brands/index.html":                 {"class=tree", "class=twigs"},
		"cases/index.html":                  {"case-filter-form", "data-filter=", "/cases/theme/"},
		"cases/yinzhou-145/index.html":      {"“145”", "916", "相关案例"},
		"panggao/2025/index.html": {"<svg", `role="img"`, "（并列）", "党建乘数计分", "progress",
			`<nav class=sub-nav aria-label="攀高比拼">`, "aria-current=page >2025 年度"}, // the menu's second level
		"panggao/2025/caizhengju/index.html":                     {"攀高指数 =", "党建乘数 ="},
		"panggao/2025/caizhengju/lingji-yusuan-gaige/index.html": {"class=timeline", "攀高目标"},
		// The government page conventions of the default theme.
		"index.html": {"class=home-lead", "lead-first", "name=SiteIDCode", "id=elder-toggle", "网站地图"},
		"news/2026/panggao-2025-jieguo/index.html": {"class=reader-tools", "data-eyecare=almond", "name=ArticleTitle", "name=PubDate", "相关文章", "您当前的位置："},
		"news/index.html":                          {"name=ColumnName", "name=ColumnType"},
		"sitemap/index.html":                       {"单位名录", "攀高比拼", "class=map-tree"},
	} {
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(page)))
		if err != nil {
			t.Errorf("demo page missing: %v", err)
			continue
		}
		for _, w := range wants {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s lacks %q", page, w)
			}
		}
	}
}

// TestDraftsAndFuture checks that drafts and future pages are left out by
// default and published when asked for.
func TestDraftsAndFuture(t *testing.T) {
	src := filepath.Join("testdata", "sites", "basic")
	for _, c := range []struct {
		drafts, future bool
	}{{false, false}, {true, false}, {false, true}, {true, true}} {
		dest := t.TempDir()
		if _, err := Run(t.Context(), Options{Source: src, Destination: dest, Now: testNow, Drafts: c.drafts, Future: c.future}); err != nil {
			t.Fatal(err)
		}
		for page, want := range map[string]bool{"news/draft/index.html": c.drafts, "news/future/index.html": c.future} {
			_, err := os.Stat(filepath.Join(dest, page))
			if got := err == nil; got != want {
				t.Errorf("drafts=%v future=%v: %s published = %v, want %v", c.drafts, c.future, page, got, want)
			}
		}
	}
}

// TestBaseURLFlag checks that --base-url replaces site.yaml's base_url and
// that every internal link then carries the new path prefix.
func TestBaseURLFlag(t *testing.T) {
	dest := t.TempDir()
	src := filepath.Join("testdata", "sites", "basic")
	if _, err := Run(t.Context(), Options{Source: src, Destination: dest, Now: testNow, BaseURL: "http://127.0.0.1:8080/preview"}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dest, "news", "first", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="/preview/news/"`, `href="http://127.0.0.1:8080/preview/news/first/"`, "/preview/css/site."} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	if bytes.Contains(page, []byte("/dangjian/")) {
		t.Errorf("page still links to the base path of site.yaml:\n%s", page)
	}
	if _, err := Run(t.Context(), Options{Source: src, Destination: dest, Now: testNow, BaseURL: "ftp://x/"}); err == nil {
		t.Error("a base URL that is not http(s) was accepted")
	}
}

// TestCompiledTemplates builds the demo site and every fixture site with
// html/template alone, and again as always, with templates compiled by
// tmplexec after their first execution, and then renders the second site
// once more, so that every output of every layout comes from a compiled
// template. All three must agree byte for byte. On the demo site (the
// default theme) no template may be left to html/template.
func TestCompiledTemplates(t *testing.T) {
	sites := []string{"../.."}
	fixtures, _ := filepath.Glob("testdata/sites/*")
	sites = append(sites, fixtures...)
	build := func(src string, stdlib bool) (*run, map[string][]byte) {
		return buildWith(t, src, func(b *run) { b.stdlib = stdlib })
	}
	for _, src := range sites {
		_, want := build(src, true)
		b, got := build(src, false)
		mem := publish.NewMemory()
		again := &render.Renderer{Site: b.site, Theme: b.theme, Out: publish.New(mem, publish.NewMinifier()), Workers: 2}
		if ds := again.Run(); len(ds) > 0 {
			t.Fatalf("%s: %s", src, ds[0].Long())
		}
		maps.Copy(got, mem.Files())
		if src == "../.." {
			for _, s := range b.theme.SlowPaths() {
				t.Errorf("default theme: %s", s)
			}
		}
		if len(got) != len(want) || len(mem.Files()) < 10 {
			t.Errorf("%s: %d files compiled (%d rendered again), %d with html/template", src, len(got), len(mem.Files()), len(want))
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s: %s differs:\ncompiled:      %s\nhtml/template: %s", src, name, got[name], data)
			}
		}
	}
}

// TestMinifiedTemplates builds the demo site and every fixture site twice:
// as always, with the templates minified once at load, and with every page
// minified whole instead. Minifying a page of the first build must give
// the page of the second byte for byte (the two say the same), and the
// first may be only a little longer: it keeps the quotes around values
// and some spaces next to actions. Every other file is the same. On the
// demo site no layout is left to whole-page minifying.
func TestMinifiedTemplates(t *testing.T) {
	sites := []string{"../.."}
	fixtures, _ := filepath.Glob("testdata/sites/*")
	sites = append(sites, fixtures...)
	build := func(src string, whole bool) (*run, map[string][]byte) {
		return buildWith(t, src, func(b *run) { b.wholePages = whole })
	}
	m := publish.NewMinifier()
	for _, src := range sites {
		_, want := build(src, true)
		b, got := build(src, false)
		if src == "../.." {
			if u := b.theme.Unminified(); len(u) > 0 {
				t.Errorf("default theme: layouts minified whole = %q, want none", u)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d files, %d when minified whole", src, len(got), len(want))
		}
		// what Markdown brings into a page is minified on its own
		bodies := 0
		for _, p := range b.site.All {
			for _, h := range []template.HTML{p.Content(), p.TOC(), p.Summary()} {
				var again bytes.Buffer
				if err := m.HTML(&again, []byte(h)); err != nil {
					t.Fatal(err)
				}
				if again.String() != string(h) {
					t.Errorf("%s: page %s: HTML from Markdown is not minified:\n%s", src, p.RelPermalink(), h)
				}
				bodies += len(h)
			}
		}
		if bodies == 0 {
			t.Errorf("%s: no page has a body", src)
		}
		var gotSize, wantSize int
		for name, data := range want {
			if !strings.HasSuffix(name, ".html") {
				if !bytes.Equal(got[name], data) {
					t.Errorf("%s: %s differs", src, name)
				}
				continue
			}
			var again bytes.Buffer
			if err := m.HTML(&again, got[name]); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Bytes(), data) {
				t.Errorf("%s: %s says something else than when minified whole:\nminified again: %s\nminified whole: %s", src, name, again.Bytes(), data)
			}
			gotSize += len(got[name])
			wantSize += len(data)
		}
		if gotSize > wantSize*103/100 {
			t.Errorf("%s: pages are %d bytes, %d when minified whole: more than 3%% longer", src, gotSize, wantSize)
		}
	}
}

// buildWith builds the site in src, with set adjusting the build first,
// and returns the build and its output.
func buildWith(t *testing.T, src string, set func(*run)) (*run, map[string][]byte) {
	t.Helper()
	dest := t.TempDir()
	now := time.Now()
	b := &run{ctx: context.Background(), opts: Options{Source: src, Destination: dest, Now: now, Workers: 2}, stats: &Stats{}, last: now,
		diags: &diag.List{Max: diag.DefaultMax}}
	set(b)
	if err := b.build(); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return b, readTree(t, dest)
}
