package content

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"yipin/generator/diag"
)

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

func TestLoad(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	writeTree(t, dir, map[string]string{
		"_index.md":                        "---\ntitle: 首页\n---\n",
		"about.md":                         "---\ntitle: 关于我们\n---\n正文\n",
		"news/_index.md":                   "---\ntitle: 工作动态\n---\n",
		"news/2024/政策解读.md":                "---\ntitle: 政策解读\ndate: 2024-06-24\ntags: 党建, 学习\n---\n正文\n",
		"news/2024/bad-date.md":            "---\ntitle: 日期不对\ndate: 明天\n---\n",
		"cases/caihui/index.md":            "---\ntitle: 财惠临江\n---\n![](照片.jpg)\n",
		"cases/caihui/照片.jpg":              "jpg",
		"cases/caihui/附件/安排.csv":           "a,b\n",
		"cases/caihui/附件/说明.md":            "# 不该在这里\n",
		"cases/caihui/.hidden.png":         "x",
		"images/logo.png":                  "png",
		"images/logo.png~":                 "backup",
		"news/.草稿.md.swp":                  "swap",
		"news/a.md.swx":                    "swap",
		"news/#autosave#":                  "emacs",
		"news/4913":                        "vim",
		"news/.DS_Store":                   "mac",
		"news/Thumbs.db":                   "win",
		"news/~$文档.docx":                   "office",
		".git/config":                      "x",
		".obsidian/a.md":                   "x",
		"research/清廉机关.MD":                 "---\ntitle: 大写扩展名\n---\n",
		"index.md":                         "---\ntitle: 根目录不能有 index.md\n---\n",
		"cases/caihui/sub/index.md":        "---\ntitle: 嵌套页面包\n---\n",
		"notes/没有设置.md":                    "只有正文\n",
		"empty/空文件.md":                     "",
		"news/2024/kaishi/index.md":        "---\ntitle: 主题党日\n---\n",
		"news/2024/kaishi/xuanjiang.svg":   "<svg/>",
		"news/2024/kaishi/deep/a/b/c.pdf":  "pdf",
		"static-ish/download/文件.pdf":       "pdf",
		"news/2024/kaishi/deep/a/b/d.txt~": "backup",
	})
	outside := filepath.Join(root, "secret.md")
	writeTree(t, root, map[string]string{"secret.md": "---\ntitle: secret\n---\n"})
	symlinks := runtime.GOOS != "windows"
	if symlinks {
		must(t, os.Symlink(filepath.Join(dir, "about.md"), filepath.Join(dir, "news", "link-inside.md")))
		must(t, os.Symlink(outside, filepath.Join(dir, "news", "link-outside.md")))
		must(t, os.Symlink(filepath.Join(dir, "news"), filepath.Join(dir, "newslink")))
		must(t, os.Symlink(filepath.Join(root, "nowhere"), filepath.Join(dir, "broken.md")))
	}

	for _, workers := range []int{0, 1, 7} {
		sources, files, ds := Load(dir, "content", Options{Location: shanghai(t), Workers: workers})

		got := map[string]*Source{}
		var paths []string
		for _, s := range sources {
			got[s.Path] = s
			paths = append(paths, s.Path)
		}
		want := []string{"_index.md", "about.md", "cases/caihui/index.md", "empty/空文件.md", "news/2024/bad-date.md",
			"news/2024/kaishi/index.md", "news/2024/政策解读.md", "news/_index.md", "notes/没有设置.md", "research/清廉机关.MD"}
		if symlinks {
			want = append(want[:8], append([]string{"news/link-inside.md"}, want[8:]...)...)
		}
		if !reflect.DeepEqual(paths, want) {
			t.Fatalf("workers %d: sources\n got %q\nwant %q", workers, paths, want)
		}

		checkSource(t, got["_index.md"], Source{File: "content/_index.md", Kind: Section, Dir: "", Name: "_index"}, "首页")
		checkSource(t, got["news/_index.md"], Source{File: "content/news/_index.md", Kind: Section, Dir: "news", Name: "_index"}, "工作动态")
		checkSource(t, got["news/2024/政策解读.md"], Source{File: "content/news/2024/政策解读.md", Kind: Page, Dir: "news/2024", Name: "政策解读"}, "政策解读")
		checkSource(t, got["research/清廉机关.MD"], Source{File: "content/research/清廉机关.MD", Kind: Page, Dir: "research", Name: "清廉机关"}, "大写扩展名")
		bundle := got["cases/caihui/index.md"]
		checkSource(t, bundle, Source{File: "content/cases/caihui/index.md", Kind: Bundle, Dir: "cases", Name: "caihui"}, "财惠临江")
		if want := []string{"cases/caihui/照片.jpg", "cases/caihui/附件/安排.csv"}; !reflect.DeepEqual(resourcePaths(bundle.Resources), want) {
			t.Errorf("bundle resources = %q, want %q", resourcePaths(bundle.Resources), want)
		}
		kaishi := got["news/2024/kaishi/index.md"]
		checkSource(t, kaishi, Source{File: "content/news/2024/kaishi/index.md", Kind: Bundle, Dir: "news/2024", Name: "kaishi"}, "主题党日")
		if want := []string{"news/2024/kaishi/deep/a/b/c.pdf", "news/2024/kaishi/xuanjiang.svg"}; !reflect.DeepEqual(resourcePaths(kaishi.Resources), want) {
			t.Errorf("kaishi resources = %q, want %q", resourcePaths(kaishi.Resources), want)
		}
		if s := got["news/2024/政策解读.md"]; !reflect.DeepEqual(s.Front.Terms["tags"], []string{"党建", "学习"}) || string(s.Body) != "正文\n" || s.BodyLine != 6 {
			t.Errorf("政策解读: terms %v body %q line %d", s.Front.Terms, s.Body, s.BodyLine)
		}
		if s := got["notes/没有设置.md"]; string(s.Body) != "只有正文\n" || s.BodyLine != 1 {
			t.Errorf("no front matter: %q %d", s.Body, s.BodyLine)
		}

		var filePaths []string
		for _, f := range files {
			filePaths = append(filePaths, f.Path)
			if f.Abs != filepath.Join(dir, filepath.FromSlash(f.Path)) || f.Size != 3 {
				t.Errorf("file %+v", f)
			}
		}
		if want := []string{"images/logo.png", "static-ish/download/文件.pdf"}; !reflect.DeepEqual(filePaths, want) {
			t.Errorf("files = %q, want %q", filePaths, want)
		}

		expect := []struct {
			file string
			line int
			sev  diag.Severity
			msg  string
		}{
			{"content/cases/caihui/sub/index.md", 0, diag.Error, "页面包里不能再放 .md 文件"},
			{"content/cases/caihui/附件/说明.md", 0, diag.Error, "页面包里不能再放 .md 文件"},
			{"content/empty/空文件.md", 1, diag.Error, "文件是空的"},
			{"content/index.md", 0, diag.Error, "最外层不能用 index.md"},
			{"content/news/2024/bad-date.md", 3, diag.Error, "日期 “明天” 无法识别"},
		}
		if symlinks {
			expect = append(expect,
				struct {
					file string
					line int
					sev  diag.Severity
					msg  string
				}{"content/broken.md", 0, diag.Warning, "不存在"},
				struct {
					file string
					line int
					sev  diag.Severity
					msg  string
				}{"content/news/link-outside.md", 0, diag.Warning, "内容文件夹之外"},
				struct {
					file string
					line int
					sev  diag.Severity
					msg  string
				}{"content/newslink", 0, diag.Warning, "文件夹"})
		}
		if len(ds) != len(expect) {
			for _, d := range ds {
				t.Log(d.Error())
			}
			t.Fatalf("workers %d: %d diagnostics, want %d", workers, len(ds), len(expect))
		}
		for _, e := range expect {
			found := false
			for _, d := range ds {
				if d.File == e.file && d.Line == e.line && d.Severity == e.sev && strings.Contains(d.Message, e.msg) && d.Hint != "" {
					found = true
				}
			}
			if !found {
				t.Errorf("missing diagnostic %s:%d %q", e.file, e.line, e.msg)
			}
		}
	}
}

func checkSource(t *testing.T, s *Source, want Source, title string) {
	t.Helper()
	if s == nil {
		t.Fatalf("missing source %s", want.File)
	}
	if s.File != want.File || s.Kind != want.Kind || s.Dir != want.Dir || s.Name != want.Name || s.Front.Title != title {
		t.Errorf("source %s: got File=%q Kind=%v Dir=%q Name=%q Title=%q, want %q %v %q %q %q",
			s.Path, s.File, s.Kind, s.Dir, s.Name, s.Front.Title, want.File, want.Kind, want.Dir, want.Name, title)
	}
	if s.Kind != Bundle && s.Resources != nil {
		t.Errorf("source %s: resources %v on a %v", s.Path, s.Resources, s.Kind)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestLoadTooBig(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "大文件.md")
	f, err := os.Create(big)
	must(t, err)
	must(t, f.Close())
	must(t, os.Truncate(big, 50<<20)) // sparse: nothing is written
	writeTree(t, dir, map[string]string{"ok.md": "---\ntitle: ok\n---\n"})

	sources, _, ds := Load(dir, "content", Options{})
	if len(sources) != 1 || sources[0].Path != "ok.md" {
		t.Errorf("sources = %v", sources)
	}
	if len(ds) != 1 {
		t.Fatalf("diagnostics = %v", ds)
	}
	d := ds[0]
	if d.File != "content/大文件.md" || d.Line != 0 || d.Col != 0 || d.Severity != diag.Error ||
		!strings.Contains(d.Message, "50 MB") || !strings.Contains(d.Message, "10 MB") || d.Hint == "" {
		t.Errorf("got %s", d.Error())
	}

	// A smaller limit applies as well.
	writeTree(t, dir, map[string]string{"ok.md": "---\ntitle: ok\n---\n" + strings.Repeat("字", 1000)})
	_, _, ds = Load(dir, "", Options{MaxFileSize: 1000})
	if len(ds) != 2 || ds[0].File != "ok.md" || !strings.Contains(ds[0].Message, "KB") || !strings.Contains(ds[0].Message, "1000 字节") {
		t.Errorf("small limit: %v", ds)
	}
}

func TestLoadMissingDir(t *testing.T) {
	sources, files, ds := Load(filepath.Join(t.TempDir(), "content"), "content", Options{})
	if len(sources) != 0 || len(files) != 0 || len(ds) != 1 || ds[0].File != "content" || !strings.Contains(ds[0].Message, "找不到") {
		t.Errorf("got %v %v %v", sources, files, ds)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		".hidden": true, "a.md~": true, ".a.md.swp": true, "a.swx": true, "#a.md#": true, "4913": true,
		".DS_Store": true, "Thumbs.db": true, "~$报告.docx": true, "a.md": false, "政策解读.md": false,
		"#": false, "49130": false, "logo.png": false,
	} {
		if got := ignored(name, false); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
	if ignored("4913", true) || !ignored(".git", true) {
		t.Error("folder rules wrong")
	}
}

func resourcePaths(files []File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Path)
	}
	return out
}

func TestLoadSymlinkedContentFolder(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "articles")
	if err := os.MkdirAll(filepath.Join(real, "news"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "news", "a.md"), []byte("---\ntitle: 甲\n---\n正文\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "content")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	sources, _, diags := Load(link, "content", Options{})
	if len(diags) != 0 || len(sources) != 1 || sources[0].Path != "news/a.md" || sources[0].File != "content/news/a.md" {
		t.Fatalf("sources %v, diags %v", sources, diags)
	}
}

// TestLoadDropBody: with DropBody every file parses as without it, shared
// read buffers and all, and ReadBodyInto reads each body again into one
// reused buffer.
func TestLoadDropBody(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 40 {
		// sizes that go up and down, so buffers are both reused and grown
		body := strings.Repeat("党建引领，", 1+(i*37)%23)
		files[fmt.Sprintf("news/%02d.md", i)] = fmt.Sprintf("---\ntitle: 第%d篇\ntags: [标签%d]\n---\n%s\n", i, i%3, body)
	}
	writeTree(t, dir, files)
	kept, _, ds := Load(dir, "content", Options{Workers: 2})
	if len(ds) > 0 {
		t.Fatal(ds[0].Long())
	}
	dropped, _, ds := Load(dir, "content", Options{Workers: 2, DropBody: true})
	if len(ds) > 0 {
		t.Fatal(ds[0].Long())
	}
	var buf []byte
	for i, s := range dropped {
		k := kept[i]
		if s.Body != nil {
			t.Fatalf("%s: Body kept with DropBody", s.Path)
		}
		if !reflect.DeepEqual(s.Front.Title, k.Front.Title) || !reflect.DeepEqual(s.Front.Terms, k.Front.Terms) ||
			s.BodyOffset != k.BodyOffset || s.BodyLine != k.BodyLine {
			t.Errorf("%s: parsed differently with DropBody", s.Path)
		}
		body, read, err := s.ReadBodyInto(buf)
		if err != nil || string(body) != string(k.Body) {
			t.Fatalf("%s: ReadBodyInto = %q, %v; want %q", s.Path, body, err, k.Body)
		}
		if cap(buf) > len(read) && &read[:1][0] != &buf[:1][0] {
			t.Errorf("%s: a large enough buffer was not reused", s.Path)
		}
		buf = read
	}
}

// TestLoadStop: once Options.Stop is closed, Load reads no more files and
// the walk ends.
func TestLoadStop(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"news/a.jpg": "图"}
	for i := range 40 {
		files[fmt.Sprintf("news/%02d.md", i)] = fmt.Sprintf("---\ntitle: 第%d篇\n---\n正文。\n", i)
	}
	writeTree(t, dir, files)

	stop := make(chan struct{})
	var once sync.Once
	sources, _, _ := Load(dir, "content", Options{Workers: 1, Stop: stop, Known: func(string) *Source {
		once.Do(func() { close(stop) }) // the first file is read; the rest are not
		return nil
	}})
	if len(sources) != 1 {
		t.Errorf("%d files read after Stop was closed at the first, want 1", len(sources))
	}

	sources, others, _ := Load(dir, "content", Options{Stop: stop})
	if len(sources) != 0 || len(others) != 0 {
		t.Errorf("Load with Stop closed found %d Markdown and %d other files, want none", len(sources), len(others))
	}
}

// TestLoadKnown: a file Known vouches for is taken as it was (as a copy
// Load fills in) when its size and time agree, and read again otherwise.
func TestLoadKnown(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	writeTree(t, dir, map[string]string{
		"same.md":         "---\ntitle: 没变\n---\n正文\n",
		"grown.md":        "---\ntitle: 变长\n---\n正文\n",
		"touched.md":      "---\ntitle: 改了时间\n---\n正文\n",
		"case/index.md":   "---\ntitle: 页面包\n---\n正文\n",
		"case/photo.jpg":  "jpg",
		"news/_index.md":  "---\ntitle: 栏目\n---\n",
		"news/unknown.md": "---\ntitle: 不认识\n---\n",
	})
	first, _, ds := Load(dir, "content", Options{DropBody: true})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	// what the earlier Load made, marked so that a reuse shows
	earlier := map[string]*Source{}
	for _, src := range first {
		if src.Path == "news/unknown.md" {
			continue
		}
		marked := *src
		marked.Front = &FrontMatter{Title: "旧的 " + src.Front.Title}
		marked.Kind, marked.Dir, marked.Name, marked.Resources = 0, "旧", "旧", nil
		earlier[src.Abs] = &marked
	}
	// a file that grew within one tick of a coarse clock keeps its time
	grown := filepath.Join(dir, "grown.md")
	info, err := os.Stat(grown)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{"grown.md": "---\ntitle: 变长\n---\n正文多了一句。\n"})
	if err := os.Chtimes(grown, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	touched := filepath.Join(dir, "touched.md")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(touched, later, later); err != nil {
		t.Fatal(err)
	}
	second, _, ds := Load(dir, "content", Options{DropBody: true, Known: func(abs string) *Source { return earlier[abs] }})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	want := map[string]string{
		"same.md":         "旧的 没变",
		"grown.md":        "变长",
		"touched.md":      "改了时间",
		"case/index.md":   "旧的 页面包",
		"news/_index.md":  "旧的 栏目",
		"news/unknown.md": "不认识",
	}
	if len(second) != len(want) {
		t.Fatalf("%d sources, want %d", len(second), len(want))
	}
	for i, src := range second {
		if src.Front.Title != want[src.Path] {
			t.Errorf("%s: title %q, want %q", src.Path, src.Front.Title, want[src.Path])
		}
		// what the walk decides is filled in on a copy
		f := first[i]
		if src.Path != f.Path || src.Kind != f.Kind || src.Dir != f.Dir || src.Name != f.Name || !reflect.DeepEqual(src.Resources, f.Resources) {
			t.Errorf("%s: kind %v dir %q name %q resources %v, want %v %q %q %v", src.Path, src.Kind, src.Dir, src.Name, src.Resources, f.Kind, f.Dir, f.Name, f.Resources)
		}
		if e := earlier[src.Abs]; e != nil && (src == e || e.Dir != "旧") {
			t.Errorf("%s: the earlier Source was changed instead of copied", src.Path)
		}
	}
}
