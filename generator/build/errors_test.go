package build

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"yipin/generator/diag"
	"yipin/generator/publish"
)

// writeSite writes files (slash path → content) under a new site root that
// uses the repository's default theme, and a public/ holding a sentinel.
// A site.yaml given may name the theme as {{theme}}.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	theme, err := filepath.Abs("../../themes/default")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["site.yaml"]; !ok {
		files["site.yaml"] = "title: 测试站点\ntheme: {{theme}}\n"
	}
	files["site.yaml"] = strings.ReplaceAll(files["site.yaml"], "{{theme}}", theme)
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(root, "public"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "public", "last-good.txt"), []byte("上次的结果"), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

var testNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func buildSite(root string) (*Stats, error) {
	return Run(context.Background(), Options{Source: root, Destination: "public", Now: testNow})
}

// TestBadInput builds one site per kind of bad input and checks that the
// build fails with a message at the right place, and that public/ is left
// as it was.
func TestBadInput(t *testing.T) {
	article := func(front string) string { return "---\n" + front + "\n---\n正文。\n" }
	cases := []struct {
		name      string
		files     map[string]string
		file      string
		line, col int
		message   string
	}{
		{"malformed yaml", map[string]string{"content/a.md": article("title: 甲\ntags: [一, 二")},
			"content/a.md", 3, 0, "YAML"},
		{"missing closing ---", map[string]string{"content/a.md": "---\ntitle: 甲\n正文\n"},
			"content/a.md", 1, 0, "---"},
		{"date not a date", map[string]string{"content/a.md": article("title: 甲\ndate: 明天")},
			"content/a.md", 3, 7, "明天"},
		{"tags as a mapping", map[string]string{"content/a.md": article("title: 甲\ntags:\n  a: b")},
			"content/a.md", 4, 3, "tags"},
		{"two pages one url", map[string]string{
			"content/news/a.md": article("title: 甲"),
			"content/news/b.md": article("title: 乙\nslug: a")},
			"content/news/b.md", 3, 7, "content/news/a.md"},
		{"url leaves public", map[string]string{"content/a.md": article("title: 甲\nurl: ../../etc")},
			"content/a.md", 3, 6, "url"},
		{"slug leaves public", map[string]string{"content/a.md": article("title: 甲\nslug: ../x")},
			"content/a.md", 3, 7, "slug"},
		{"not utf-8", map[string]string{"content/a.md": article("title: \xd6\xd0\xce\xc4")},
			"content/a.md", 2, 8, "UTF-8"},
		{"empty file", map[string]string{"content/a.md": ""},
			"content/a.md", 1, 1, "空"},
		{"link to a missing page", map[string]string{"content/a.md": article("title: 甲") + "\n见[乙](b.md)。\n"},
			"content/a.md", 6, 6, "b.md"},
		{"template error", map[string]string{
			"content/a.md":                 article("title: 甲"),
			"layouts/_default/single.html": "{{ define \"main\" }}\n<p>{{ .NoSuchField }}</p>\n{{ end }}\n"},
			"layouts/_default/single.html", 2, 0, "content/a.md"},
		{"template syntax error", map[string]string{
			"layouts/_default/single.html": "{{ define \"main\" }}\n{{ if }}\n{{ end }}\n"},
			"layouts/_default/single.html", 2, 0, "模板语法"},
		{"unknown site.yaml key", map[string]string{"site.yaml": "title: 测试\ntitel: 错\n"},
			"site.yaml", 2, 1, "titel"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, errs := failedBuild(t, c.files)
			found := false
			for _, d := range errs.List {
				if d.File == c.file && d.Line == c.line && (c.col == 0 || d.Col == c.col) &&
					strings.Contains(d.Error(), c.message) {
					found = true
				}
			}
			if !found {
				t.Errorf("no error at %s:%d:%d mentioning %q; got:\n%v", c.file, c.line, c.col, c.message, errs)
			}
			assertUntouched(t, root)
		})
	}
}

// failedBuild writes a site of files and builds it, which must fail with
// diagnostics; it returns the site root and the diagnostics.
func failedBuild(t *testing.T, files map[string]string) (string, *diag.Errors) {
	t.Helper()
	root := writeSite(t, files)
	_, err := buildSite(root)
	var errs *diag.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("build error = %v, want diagnostics", err)
	}
	return root, errs
}

// assertUntouched checks that a failed build left public/ as it was and
// cleaned up after itself.
func assertUntouched(t *testing.T, root string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(root, "public"))
	if err != nil || len(entries) != 1 || entries[0].Name() != "last-good.txt" {
		t.Errorf("public/ changed by a failed build: %v %v", entries, err)
	}
	for _, leftover := range []string{"public.yipin-new", "public.yipin-old"} {
		if _, err := os.Stat(filepath.Join(root, leftover)); err == nil {
			t.Errorf("%s left behind", leftover)
		}
	}
}

func TestLargeFile(t *testing.T) {
	root := writeSite(t, map[string]string{"content/a.md": "---\ntitle: 甲\n---\n"})
	big := filepath.Join(root, "content", "big.md")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = buildSite(root)
	if err == nil || !strings.Contains(err.Error(), "content/big.md") || !strings.Contains(err.Error(), "MB") {
		t.Errorf("error = %v, want one naming content/big.md and its size", err)
	}
	assertUntouched(t, root)
}

func TestDestinationGuard(t *testing.T) {
	root := writeSite(t, map[string]string{"content/a.md": "---\ntitle: 甲\n---\n"})
	for _, dest := range []string{".", "content", "..", "themes"} {
		_, err := Run(t.Context(), Options{Source: root, Destination: dest, Now: testNow})
		if err == nil || !strings.Contains(err.Error(), "不能把网站输出到") {
			t.Errorf("destination %q: error = %v, want a refusal", dest, err)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "content", "a.md")); err != nil {
		t.Errorf("content lost: %v", err)
	}
}

// A folder yipin did not make is not replaced, unless it is empty or the
// site's own public/; a folder it made is.
// A preview server writing public/ (yipin serve --write) holds it for
// its whole session: a build refuses at once, naming it. Another build
// holds it for a few seconds: a build waits for it, then runs.
func TestDestinationLocked(t *testing.T) {
	root := writeSite(t, map[string]string{"content/a.md": "---\ntitle: 甲\n---\n"})
	public := filepath.Join(root, "public")
	never := func(publish.Holder) bool { t.Error("asked to wait for a free folder"); return false }

	serving, err := publish.Lock(t.Context(), public, "serve", never)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(t.Context(), Options{Source: root, Destination: "public", Now: testNow,
		Waiting: func(publish.Holder) { t.Error("waited for a preview server") }})
	var busy *publish.BusyError
	if !errors.As(err, &busy) || busy.Holder.Command != "serve" || busy.Holder.PID != os.Getpid() ||
		!strings.Contains(err.Error(), "yipin serve --write") || !strings.Contains(err.Error(), "--destination") {
		t.Errorf("build while serve writes public/: error = %v, want one naming the server and how to go on", err)
	}
	assertUntouched(t, root)
	serving.Unlock()

	building, err := publish.Lock(t.Context(), public, "build", never)
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan publish.Holder, 1)
	done := make(chan error)
	go func() {
		_, err := Run(t.Context(), Options{Source: root, Destination: "public", Now: testNow,
			Waiting: func(h publish.Holder) { waiting <- h }})
		done <- err
	}()
	if h := <-waiting; h.Command != "build" || h.PID != os.Getpid() {
		t.Errorf("waiting for %+v, want this process's build", h)
	}
	select {
	case err := <-done:
		t.Fatalf("the build ran while another held public/: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	building.Unlock()
	if err := <-done; err != nil {
		t.Fatalf("the build after the wait: %v", err)
	}
	if _, err := os.Stat(filepath.Join(public, "index.html")); err != nil {
		t.Errorf("the build after the wait wrote no public/index.html: %v", err)
	}
	if _, err := os.Stat(public + ".yipin-lock"); !os.IsNotExist(err) {
		t.Errorf("the lock file is left after the build: %v", err)
	}

	// Ctrl+C while waiting: the build gives up at once.
	building, err = publish.Lock(t.Context(), public, "build", never)
	if err != nil {
		t.Fatal(err)
	}
	defer building.Unlock()
	ctx, cancel := context.WithCancel(t.Context())
	_, err = Run(ctx, Options{Source: root, Destination: "public", Now: testNow,
		Waiting: func(publish.Holder) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("build stopped while waiting: error = %v, want context.Canceled", err)
	}
}

// A build stopped before it swaps public/ in leaves it as it was.
// (cmd/yipin's TestBuildInterrupted stops one in the middle of writing.)
func TestCanceled(t *testing.T) {
	root := writeSite(t, map[string]string{"content/a.md": "---\ntitle: 甲\n---\n"})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := Run(ctx, Options{Source: root, Destination: "public", Now: testNow}); !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	assertUntouched(t, root)
	if _, err := os.Stat(filepath.Join(root, "public.yipin-lock")); err == nil {
		t.Error("public.yipin-lock left behind")
	}
}

func TestDestinationOfOtherFiles(t *testing.T) {
	root := writeSite(t, map[string]string{"content/a.md": "---\ntitle: 甲\n---\n"})
	tests := []struct {
		name    string
		setup   func(t *testing.T) string // returns the destination
		refusal string                    // "" when the build may go there
	}{
		{"a folder of other files", func(t *testing.T) string {
			d := t.TempDir()
			os.WriteFile(filepath.Join(d, "报告.docx"), []byte("keep"), 0o644)
			return d
		}, "已有不是 yipin 生成的文件(例如 报告.docx)"},
		{"a file", func(t *testing.T) string {
			f := filepath.Join(t.TempDir(), "out")
			os.WriteFile(f, []byte("keep"), 0o644)
			return f
		}, "它是一个文件"},
		{"a link to content/", func(t *testing.T) string {
			l := filepath.Join(t.TempDir(), "out")
			if err := os.Symlink(filepath.Join(root, "content"), l); err != nil {
				t.Fatal(err)
			}
			return l
		}, "那里的文件会丢失"},
		{"an empty folder", func(t *testing.T) string { return t.TempDir() }, ""},
		{"a folder not there yet", func(t *testing.T) string { return filepath.Join(t.TempDir(), "新") }, ""},
		{"an earlier build", func(t *testing.T) string {
			d := filepath.Join(t.TempDir(), "out")
			if _, err := Run(t.Context(), Options{Source: root, Destination: d, Now: testNow}); err != nil {
				t.Fatal(err)
			}
			return d
		}, ""},
		{"the site's public/ from before the marker", func(t *testing.T) string {
			d := filepath.Join(root, "public")
			os.MkdirAll(d, 0o755)
			os.WriteFile(filepath.Join(d, "index.html"), []byte("old"), 0o644)
			return d
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dest := tc.setup(t)
			watch := filepath.Dir(dest) // what a refused build must leave alone
			if fi, err := os.Lstat(dest); err == nil && fi.Mode()&os.ModeSymlink != 0 {
				watch = root
			}
			before := readTree(t, watch)
			_, err := Run(t.Context(), Options{Source: root, Destination: dest, Now: testNow})
			if tc.refusal == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if _, err := os.Stat(filepath.Join(dest, publish.Marker)); err != nil {
					t.Errorf("no marker in the output: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.refusal) {
				t.Fatalf("error = %v, want %q", err, tc.refusal)
			}
			if after := readTree(t, watch); !maps.EqualFunc(before, after, bytes.Equal) {
				t.Error("a refused build changed the folder")
			}
		})
	}
}

func TestTagsAsString(t *testing.T) {
	root := writeSite(t, map[string]string{"content/a.md": "---\ntitle: 甲\ntags: 清廉机关，模范机关、党建\n---\n正文\n"})
	if _, err := buildSite(root); err != nil {
		t.Fatal(err)
	}
	for _, term := range []string{"清廉机关", "模范机关", "党建"} {
		if _, err := os.Stat(filepath.Join(root, "public", "tags", term, "index.html")); err != nil {
			t.Errorf("term page for %s: %v", term, err)
		}
	}
}

// TestFileCollisions: a file copied as it is that lands where an output of
// the site, or another file, lands is an error naming both, whichever of
// them is written last.
func TestFileCollisions(t *testing.T) {
	article := func(front string) string { return "---\n" + front + "\n---\n正文。\n" }
	cases := []struct {
		name  string
		files map[string]string
		file  string // where the error is
		other string // what it must name
	}{
		{"static file on a page", map[string]string{
			"content/news/a.md": article("title: 甲"), "static/news/a/index.html": "<p>旧页面</p>"},
			"static/news/a/index.html", "页面 content/news/a.md"},
		{"static file on the sitemap", map[string]string{
			"content/a.md": article("title: 甲"), "static/sitemap.xml": "<urlset/>"},
			"static/sitemap.xml", "自动生成的 sitemap.xml"},
		{"content file on a feed", map[string]string{
			"content/news/_index.md": article("title: 新闻"), "content/news/a.md": article("title: 甲"),
			"content/news/index.xml": "<rss/>"},
			"content/news/index.xml", "content/news/_index.md 的 RSS 订阅"},
		{"content file on a static file", map[string]string{
			"content/a.md": article("title: 甲"), "content/photo.jpg": "jpg", "static/photo.jpg": "jpg"},
			"content/photo.jpg", "文件 static/photo.jpg"},
		{"static file on an alias", map[string]string{
			"content/a.md": article("title: 甲\naliases: [/old/]"), "static/old/index.html": "<p>旧</p>"},
			"content/a.md", "文件 static/old/index.html"},
		{"static file on an asset", map[string]string{
			"content/a.md": article("title: 甲"), "assets/images/logo.svg": "<svg/>", "static/images/logo.svg": "<svg/>"},
			"static/images/logo.svg", "资源文件 assets/images/logo.svg 同名"},
		{"content file on an asset", map[string]string{
			"content/a.md": article("title: 甲"), "assets/news/a.png": "PNG", "content/news/a.png": "PNG"},
			"content/news/a.png", "资源文件 assets/news/a.png 同名"},
		{"static file on a pager page", map[string]string{
			"site.yaml":              "title: 测试站点\ntheme: {{theme}}\npage_size: 1\n",
			"content/news/_index.md": article("title: 新闻"), "content/news/a.md": article("title: 甲\ndate: 2024-01-02"),
			"content/news/b.md": article("title: 乙\ndate: 2024-01-01"), "static/news/page/2/index.html": "<p>旧</p>"},
			"static/news/page/2/index.html", "content/news/_index.md 的第 2 页"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, errs := failedBuild(t, c.files)
			if len(errs.List) != 1 || errs.List[0].File != c.file || !strings.Contains(errs.List[0].Error(), c.other) {
				t.Errorf("want one error at %s naming %q; got:\n%v", c.file, c.other, errs)
			}
			assertUntouched(t, root)
		})
	}
}

// A site's own static files replace the theme's file by file, and a static
// robots.txt replaces the generated one: neither is a collision.
func TestStaticOverrides(t *testing.T) {
	robots := "User-agent: *\nDisallow: /内部/\n"
	root := writeSite(t, map[string]string{
		"content/a.md":             "---\ntitle: 甲\n---\n正文\n",
		"static/robots.txt":        robots,
		"static/images/emblem.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>本站徽标</title></svg>",
	})
	if _, err := buildSite(root); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "public", "robots.txt")); string(got) != robots {
		t.Errorf("robots.txt = %q, want the site's own", got)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "public", "images", "emblem.svg")); !strings.Contains(string(got), "本站徽标") {
		t.Errorf("emblem.svg = %q, want the site's own", got)
	}
}

// TestDestinationUnusable: a destination the system refuses is explained
// in Chinese before the system's own words.
func TestDestinationUnusable(t *testing.T) {
	root := writeSite(t, map[string]string{"content/a.md": "---\ntitle: 甲\n---\n正文。\n"})
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(context.Background(), Options{Source: root, Destination: filepath.Join(file, "public"), Now: testNow})
	if err == nil || !strings.Contains(err.Error(), "路径中有一段是文件,不是文件夹") {
		t.Errorf("build into a path under a file: %v", err)
	}
}
