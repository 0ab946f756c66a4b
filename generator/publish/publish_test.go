package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestMinifyByType(t *testing.T) {
	m := NewMinifier()
	cases := []struct {
		name, in, want string
	}{
		{"a.html", "<!DOCTYPE html>\n<html>\n  <body>\n    <p class=\"x\">中文  段落</p>\n  </body>\n</html>\n",
			"<!doctype html><html><body><p class=x>中文 段落</p></body></html>"},
		{"a.css", "body {\n  color: #ff0000;\n}\n/* note */\n", "body{color:red}"},
		{"a.js", "function add(a, b) {\n  return a + b;\n}\n", "function add(e,t){return e+t}"},
		{"a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect  width=\"10\" height=\"10\"/>\n</svg>", `<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>`},
		{"a.json", "{\n  \"标题\": \"测试\"\n}", `{"标题":"测试"}`},
		{"a.xml", "<rss>\n  <title>标题</title>\n</rss>", "<rss><title>标题</title></rss>"},
		{"a.csv", "a, b\n1, 2\n", "a, b\n1, 2\n"},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		if err := m.Minify(&buf, c.name, []byte(c.in)); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if buf.String() != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, buf.String(), c.want)
		}
	}
}

func TestDirCommitReplacesWholeFolder(t *testing.T) {
	root := t.TempDir()
	final := filepath.Join(root, "public")
	// files at each depth the old folder is removed by, in parallel
	os.MkdirAll(filepath.Join(final, "stale", "deep", "er"), 0o755)
	os.WriteFile(filepath.Join(final, "stale", "old.html"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(final, "stale", "deep", "er", "old.html"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(final, "old.xml"), []byte("old"), 0o644)
	// page folders as builds write them: one index.html (removed without
	// listing), with a page below (a section), with resources (a bundle)
	for _, f := range []string{
		"news/index.html", "news/2024/index.html", "news/2024/a/index.html",
		"news/2024/b/index.html", "news/2024/b/photo.jpg", "news/2024/c/sub/index.html",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(final, f)), 0o755)
		os.WriteFile(filepath.Join(final, f), []byte("old"), 0o644)
	}
	os.MkdirAll(filepath.Join(final, "news", "2024", "empty"), 0o755)

	d, err := NewDir(final)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write("news/政策/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(final, "stale", "old.html")); err != nil {
		t.Fatal("the old site must stay in place until Commit")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, old := range []string{"stale", "old.xml", "news/index.html", "news/2024"} {
		if _, err := os.Stat(filepath.Join(final, old)); !os.IsNotExist(err) {
			t.Errorf("%s of the old build survived Commit", old)
		}
	}
	got, err := os.ReadFile(filepath.Join(final, "news", "政策", "index.html"))
	if err != nil || string(got) != "new" {
		t.Errorf("new file = %q, %v", got, err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("leftovers beside public/: %v", entries)
	}
}

// A public/ that is a link to a web root is built through: the folder
// it points to is replaced, and the link stays.
func TestDirCommitThroughLink(t *testing.T) {
	root := t.TempDir()
	www := filepath.Join(root, "www")
	os.MkdirAll(filepath.Join(www, "news", "a"), 0o755)
	os.WriteFile(filepath.Join(www, "news", "a", "index.html"), []byte("old"), 0o644)
	final := filepath.Join(root, "public")
	if err := os.Symlink(www, final); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(final)
	if err != nil {
		t.Fatal(err)
	}
	if real, _ := filepath.EvalSymlinks(www); d.Root() != real+".yipin-new" {
		t.Errorf("building into %s, want beside the folder linked to", d.Root())
	}
	d.Write("index.html", []byte("new"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(final); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("public/ is no longer a link: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(www, "index.html")); string(got) != "new" {
		t.Errorf("www/index.html = %q", got)
	}
	if _, err := os.Stat(filepath.Join(www, "news")); !os.IsNotExist(err) {
		t.Error("the old build's files survived in the folder linked to")
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 2 {
		t.Errorf("leftovers: %v", entries)
	}
}

// removeAll removes a link as a link: what it points to stays.
func TestRemoveAllLeavesLinkedFolder(t *testing.T) {
	root := t.TempDir()
	www := filepath.Join(root, "www")
	os.MkdirAll(filepath.Join(www, "a"), 0o755)
	os.WriteFile(filepath.Join(www, "a", "index.html"), []byte("served"), 0o644)
	link := filepath.Join(root, "old")
	if err := os.Symlink(www, link); err != nil {
		t.Fatal(err)
	}
	if err := removeAll(link); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(link); !os.IsNotExist(err) {
		t.Error("the link is still there")
	}
	if got, err := os.ReadFile(filepath.Join(www, "a", "index.html")); err != nil || string(got) != "served" {
		t.Errorf("a file under the linked folder = %q, %v; it must stay", got, err)
	}
}

func TestDirAbortKeepsOldSite(t *testing.T) {
	root := t.TempDir()
	final := filepath.Join(root, "public")
	os.MkdirAll(final, 0o755)
	os.WriteFile(filepath.Join(final, "index.html"), []byte("good"), 0o644)
	d, err := NewDir(final)
	if err != nil {
		t.Fatal(err)
	}
	d.Write("index.html", []byte("half"))
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(final, "index.html"))
	if string(got) != "good" {
		t.Errorf("index.html = %q after Abort", got)
	}
	if _, err := os.Stat(d.Root()); !os.IsNotExist(err) {
		t.Error("Abort left the new folder behind")
	}
}

func TestDirRefusesPathsOutside(t *testing.T) {
	d, err := NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, p := range []string{"../escape.html", "a/../../escape.html", "/../x", "a/../.."} {
		if err := d.Write(p, []byte("x")); err == nil {
			t.Errorf("Write(%q) succeeded", p)
		}
		if err := d.Copy(p, "publish_test.go"); err == nil {
			t.Errorf("Copy(%q) succeeded", p)
		}
	}
}

// memSink stores outputs in memory.
type memSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (s *memSink) Write(rel string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[rel] = bytes.Clone(data)
	return nil
}

func (s *memSink) Copy(rel, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return s.Write(rel, data)
}

func TestAssetFingerprint(t *testing.T) {
	sink := &memSink{files: map[string][]byte{}}
	p := New(sink, NewMinifier())
	a, err := p.Asset("css/main.css", []byte("body {  color: red; }"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := p.Asset("css/main.css", []byte("body{color:red}"))
	c, _ := p.Asset("css/main.css", []byte("body{color:blue}"))
	if a != b {
		t.Errorf("same minified content, different names: %s %s", a, b)
	}
	if a == c {
		t.Errorf("different content, same name %s", a)
	}
	if !strings.HasPrefix(a, "css/main.") || !strings.HasSuffix(a, ".css") || len(a) != len("css/main.0123456789.css") {
		t.Errorf("name %q is not css/main.<10 hex>.css", a)
	}
	if string(sink.files[a]) != "body{color:red}" {
		t.Errorf("asset content %q", sink.files[a])
	}
}

func TestOutputCountsAndCopies(t *testing.T) {
	sink := &memSink{files: map[string][]byte{}}
	p := New(sink, NewMinifier())
	dir := t.TempDir()
	pdf := filepath.Join(dir, "a.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 binary \x00\x01"), 0o644)
	svg := filepath.Join(dir, "a.svg")
	os.WriteFile(svg, []byte("<svg  xmlns=\"http://www.w3.org/2000/svg\"> </svg>"), 0o644)
	p.Output("index.html", []byte("<p>一</p>"))
	p.Output("sitemap.xml", []byte("<a> </a>"))
	p.File("files/a.pdf", pdf)
	p.File("images/a.svg", svg)
	pages, files := p.Counts()
	if pages != 1 || files != 3 {
		t.Errorf("counts = %d pages, %d files; want 1, 3", pages, files)
	}
	if string(sink.files["files/a.pdf"]) != "%PDF-1.4 binary \x00\x01" {
		t.Error("binary file changed on copy")
	}
	if string(sink.files["images/a.svg"]) != `<svg xmlns="http://www.w3.org/2000/svg"/>` && string(sink.files["images/a.svg"]) != `<svg xmlns="http://www.w3.org/2000/svg"></svg>` {
		t.Errorf("static SVG not minified: %q", sink.files["images/a.svg"])
	}
}
