package build

import (
	"context"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"yipin/generator/diag"
	"yipin/generator/publish"
	"yipin/generator/theme"
)

// assetSite writes a site folder holding files (slash path → content)
// and returns the folders publishAssets reads: an empty theme, then the
// site.
func assetSite(t *testing.T, files map[string]string) []theme.Dir {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, "site", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return []theme.Dir{{Path: filepath.Join(root, "theme"), Display: "themes/t"}, {Path: filepath.Join(root, "site")}}
}

// publishTo publishes the assets of dirs into memory.
func publishTo(dirs []theme.Dir) (*publish.Memory, map[string]string, []*diag.Diagnostic) {
	mem := publish.NewMemory()
	paths, diags := publishAssets(publish.New(mem, publish.NewMinifier()), dirs, []byte(".chroma{color:red}"))
	return mem, paths, diags
}

func TestAssetReferencesRewritten(t *testing.T) {
	dirs := assetSite(t, map[string]string{
		"assets/css/extra.css": `@import "more.css"; @import url(sub/deep.css);
a{background:url(base.css)} b{background:url('/images/emblem.svg')} c{background:url(../img/logo.png)}
d{background:url(https://example.gov.cn/x.png), url(data:image/gif;base64,R0lGOD), url(#clip)}`,
		"assets/css/more.css":      `i{color:red}`,
		"assets/css/base.css":      `u{color:blue}`,
		"assets/css/sub/deep.css":  `s{background:url(../../img/logo.png?v=2)}`,
		"assets/img/logo.png":      "PNG",
		"assets/js/loader.js":      "import \"./util.js\";\nimport(\"./util.js\").then(m => m.go());\nimport x from \"/js/util.js\";\nx();",
		"assets/js/util.js":        "export function go() {}\nexport default go;",
		"static/images/emblem.svg": "<svg/>",
	})
	mem, paths, diags := publishTo(dirs)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	hashed := regexp.MustCompile(`^/(css|js|img)/[a-z/]+\.[0-9a-f]{10}\.(css|js|png)$`)
	for name, p := range paths {
		if !hashed.MatchString(p) {
			t.Errorf("asset %s published as %s, want a fingerprinted name", name, p)
		}
	}
	base := func(p string) string { return path.Base(strings.TrimPrefix(paths[p], "/")) }
	extra, _ := mem.Get(strings.TrimPrefix(paths["css/extra.css"], "/"))
	for _, want := range []string{`@import "` + base("css/more.css") + `"`, `@import "sub/` + base("css/sub/deep.css") + `"`,
		"url(" + base("css/base.css") + ")", "url(../images/emblem.svg)", "url(../img/" + base("img/logo.png") + ")",
		"url(https://example.gov.cn/x.png)", "url(data:image/gif;base64,R0lGOD)", "url(#clip)"} {
		if !strings.Contains(string(extra), want) {
			t.Errorf("extra.css lacks %s:\n%s", want, extra)
		}
	}
	deep, _ := mem.Get(strings.TrimPrefix(paths["css/sub/deep.css"], "/"))
	if want := "url(../../img/" + base("img/logo.png") + "?v=2)"; !strings.Contains(string(deep), want) {
		t.Errorf("deep.css lacks %s:\n%s", want, deep)
	}
	loader, _ := mem.Get(strings.TrimPrefix(paths["js/loader.js"], "/"))
	if n := strings.Count(string(loader), `"./`+base("js/util.js")+`"`); n != 3 {
		t.Errorf("loader.js names %s %d times, want 3:\n%s", base("js/util.js"), n, loader)
	}
}

// TestAssetHashFollowsReferences: an asset's name changes when an asset
// it refers to changes, directly or through another, and only then.
func TestAssetHashFollowsReferences(t *testing.T) {
	files := map[string]string{
		"assets/css/a.css":    `@import "b.css"; a{color:red}`,
		"assets/css/b.css":    `b{background:url(../img/x.png)}`,
		"assets/css/c.css":    `c{color:blue}`,
		"assets/img/x.png":    "PNG 1",
		"assets/js/main.js":   `import "./lib.js";`,
		"assets/js/lib.js":    `export const a = 1;`,
		"assets/js/other.js":  `console.log(1);`,
		"static/images/y.svg": "<svg/>",
	}
	dirs := assetSite(t, files)
	_, before, diags := publishTo(dirs)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dirs[1].Path, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("assets/img/x.png", "PNG 2")
	write("assets/js/lib.js", `export const a = 2;`)
	_, after, diags := publishTo(dirs)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for name, changes := range map[string]bool{"img/x.png": true, "css/b.css": true, "css/a.css": true,
		"css/c.css": false, "js/lib.js": true, "js/main.js": true, "js/other.js": false, "css/syntax.css": false} {
		if (before[name] != after[name]) != changes {
			t.Errorf("%s: %s → %s, want changed %v", name, before[name], after[name], changes)
		}
	}
}

// TestAssetReferenceErrors: a cycle between assets, and a reference to a
// file that is nowhere, are errors at the reference; an asset and a file
// copied as it is with one name are an error at the file.
func TestAssetReferenceErrors(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string
		file      string
		line, col int
		message   string
	}{
		{"cycle", map[string]string{
			"assets/css/a.css": `@import "b.css";`,
			"assets/css/b.css": "b{}\n@import url(a.css);"},
			"assets/css/b.css", 2, 9, "css/a.css → css/b.css → css/a.css"},
		{"cycle through three", map[string]string{
			"assets/js/a.js": `import "./b.js";`,
			"assets/js/b.js": `import "/js/c.js";`,
			"assets/js/c.js": "// 第三个\nexport * from \"../js/a.js\";"},
			"assets/js/c.js", 2, 15, "js/a.js → js/b.js → js/c.js → js/a.js"},
		{"itself", map[string]string{
			"assets/css/a.css": `a{background:url(a.css)}`},
			"assets/css/a.css", 1, 14, "css/a.css → css/a.css"},
		{"missing stylesheet", map[string]string{
			"assets/css/a.css": "/* 甲 */\n@import \"moer.css\";"},
			"assets/css/a.css", 2, 9, "/css/moer.css"},
		{"missing image", map[string]string{
			"assets/css/a.css":         "a{\n  background: url(/images/embelm.svg);\n}",
			"static/images/emblem.svg": "<svg/>"},
			"assets/css/a.css", 2, 15, "/images/embelm.svg"},
		{"missing module", map[string]string{
			"assets/js/a.js": `const m = import("./utl.js");`},
			"assets/js/a.js", 1, 18, "/js/utl.js"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, diags := publishTo(assetSite(t, tt.files))
			if len(diags) != 1 {
				t.Fatalf("want one error, got %v", diags)
			}
			d := diags[0]
			if d.Severity != diag.Error || d.File != tt.file || d.Line != tt.line || d.Col != tt.col ||
				!strings.Contains(d.Message, tt.message) || d.Hint == "" || (d.Line > 0) != (len(d.Excerpt) > 0) {
				t.Errorf("got %s, want an error at %s:%d:%d naming %q", d.Long(), tt.file, tt.line, tt.col, tt.message)
			}
		})
	}
}

// TestAssetReferencesOutside: a reference to a static file or a content
// file is no error; from the site root it becomes relative.
func TestAssetReferencesOutside(t *testing.T) {
	dirs := assetSite(t, map[string]string{
		"assets/css/a.css":        `a{background:url(/images/e.svg)} b{background:url(../news/photo.jpg)}`,
		"static/images/e.svg":     "<svg/>",
		"content/news/photo.jpg":  "JPG",
		"content/news/_index.md":  "---\ntitle: 新闻\n---\n",
		"assets/css/b.css":        `b{background:url(/news/_index.md)}`,
		"assets/css/sub/c.css":    `c{background:url("../../images/e.svg")}`,
		"assets/img/not-used.png": "PNG",
	})
	mem, paths, diags := publishTo(dirs)
	if len(diags) != 1 || diags[0].File != "assets/css/b.css" {
		t.Fatalf("want one error, for the Markdown file, got %v", diags)
	}
	a, _ := mem.Get(strings.TrimPrefix(paths["css/a.css"], "/"))
	if want := "a{background:url(../images/e.svg)}b{background:url(../news/photo.jpg)}"; string(a) != want {
		t.Errorf("a.css = %s, want %s", a, want)
	}
}

// TestAssetReferencesBuild builds a site under a base path and follows
// every reference of every published stylesheet and script: each leads
// to a file of the site.
func TestAssetReferencesBuild(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/a.md": "---\ntitle: 甲\n---\n正文\n",
		"assets/css/extra.css": `@import "more.css"; a{background:url(base.css)} b{background:url('/images/emblem.svg')}
c{background:url(../img/bg.png)} @font-face{src:url(/fonts/f.woff2) format("woff2")}`,
		"assets/css/more.css":  `i{color:red}`,
		"assets/css/base.css":  `u{background:url(../img/bg.png)}`,
		"assets/img/bg.png":    "PNG",
		"static/fonts/f.woff2": "WOFF",
		"assets/js/loader.js":  "import \"./util.js\";\nimport(\"./util.js\").then(m => m.go());",
		"assets/js/util.js":    "export function go() {}",
		"layouts/partials/site-head.html": `<link rel="stylesheet" href="{{ asset "css/extra.css" }}">` +
			`<script type="module" src="{{ asset "js/loader.js" }}"></script>`,
	})
	const basePath = "/dangjian/"
	_, err := Run(context.Background(), Options{Source: root, Destination: "public", Now: testNow,
		BaseURL: "https://example.gov.cn" + basePath})
	if err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(root, "public")
	exists := func(sitePath string) bool {
		rel, ok := strings.CutPrefix(sitePath, basePath)
		if !ok {
			return false
		}
		fi, err := os.Stat(filepath.Join(public, filepath.FromSlash(rel)))
		return err == nil && !fi.IsDir()
	}
	followed := 0
	err = filepath.WalkDir(public, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || (path.Ext(p) != ".css" && path.Ext(p) != ".js") {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		page := &url.URL{Path: basePath + rel}
		for _, r := range publish.Refs(rel, data) {
			u, err := url.Parse(r.URL)
			if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
				continue
			}
			if to := page.ResolveReference(u).Path; !exists(to) {
				t.Errorf("%s: %s %q leads to %s, which the site does not have", rel, r.Kind, r.URL, to)
			}
			followed++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if followed < 7 {
		t.Errorf("followed %d references, want at least 7", followed)
	}
	page, err := os.ReadFile(filepath.Join(public, "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`/dangjian/css/extra\.[0-9a-f]{10}\.css`).Match(page) {
		t.Errorf("the page does not link the fingerprinted extra.css under the base path:\n%s", page)
	}
}
