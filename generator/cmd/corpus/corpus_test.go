package main

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

const testPages = 300

// corpusFiles reads every file of a corpus, keyed by slash path.
func corpusFiles(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
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

func generateInto(t *testing.T, dir string, pages int, seed uint64, workers int) stats {
	t.Helper()
	st, err := generate(options{Pages: pages, Out: dir, Seed: seed, Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// frontField returns the value of "key: " in the front matter of page.
func frontField(page []byte, key string) string {
	fm, _, _ := strings.Cut(strings.TrimPrefix(string(page), "---\n"), "\n---\n")
	for line := range strings.SplitSeq(fm, "\n") {
		if v, ok := strings.CutPrefix(line, key+": "); ok {
			return v
		}
	}
	return ""
}

var (
	linkRE = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	// A sentence end followed by more paragraph text on the next line.
	softWrapRE = regexp.MustCompile(`。\n[^\n#>|\-*0-9]`)
)

func TestCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "c")
	st := generateInto(t, dir, testPages, 1, 3)
	files := corpusFiles(t, dir)
	v, err := newVocab()
	if err != nil {
		t.Fatal(err)
	}

	for _, name := range []string{"site.yaml", markerName, "content/_index.md"} {
		if files[name] == nil {
			t.Errorf("缺少 %s", name)
		}
	}

	pages := map[string][]byte{}
	sections := map[string]bool{}
	for name, data := range files {
		switch {
		case !strings.HasPrefix(name, "content/") || !strings.HasSuffix(name, ".md"):
		case path.Base(name) == "_index.md":
			sections[path.Dir(name)] = true
		default:
			pages[name] = data
		}
	}
	if len(pages) != testPages || st.Pages != testPages {
		t.Fatalf("文章数 %d(统计 %d),应为 %d", len(pages), st.Pages, testPages)
	}
	for name := range pages {
		if !sections[path.Dir(name)] {
			t.Errorf("%s 所在目录没有 _index.md", name)
		}
	}
	if len(sections) != 1+4+3*3+30 {
		t.Errorf("栏目数 %d,应为 44", len(sections))
	}

	var total int
	tags, units, titles := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var chinese, more, code, table, quote, softWrapped, repeated, bold int
	lo := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for name, data := range pages {
		total += len(data)
		text := string(data)
		if !strings.HasPrefix(text, "---\ntitle: \"") || !strings.HasSuffix(text, "\n") || strings.HasSuffix(text, "\n\n") {
			t.Errorf("%s: 文件开头或结尾格式不对", name)
		}
		title := frontField(data, "title")
		if titles[title] {
			t.Errorf("%s: 标题重复 %s", name, title)
		}
		titles[title] = true
		date, err := time.Parse("2006-01-02 15:04", frontField(data, "date"))
		if err != nil || date.Before(lo) || !date.Before(hi) {
			t.Errorf("%s: 日期 %q 不在 2023-2025 年内", name, frontField(data, "date"))
		}
		for _, key := range []string{"author", "source", "editor", "unit"} {
			if frontField(data, key) == "" {
				t.Errorf("%s: 缺少 %s", name, key)
			}
		}
		units[frontField(data, "unit")] = true
		list := strings.Trim(frontField(data, "tags"), "[]")
		n := 0
		for tag := range strings.SplitSeq(list, ", ") {
			tags[tag] = true
			n++
		}
		if n < 1 || n > 4 {
			t.Errorf("%s: 标签数 %d,应为 1-4", name, n)
		}

		links := 0
		for _, m := range linkRE.FindAllStringSubmatch(text, -1) {
			target := m[1]
			if !strings.HasSuffix(target, ".md") || strings.Contains(target, "://") || strings.HasPrefix(target, "/") {
				t.Errorf("%s: 链接 %q 不是相对的 .md 路径", name, target)
				continue
			}
			links++
			resolved := path.Join(path.Dir(name), target)
			if resolved == name {
				t.Errorf("%s: 链接指向自身", name)
			}
			if pages[resolved] == nil {
				t.Errorf("%s: 链接 %q 指向的文件 %s 不存在", name, target, resolved)
			}
		}
		if links < 2 || links > 4 {
			t.Errorf("%s: 链接数 %d,应为 2-4", name, links)
		}

		if !strings.HasPrefix(path.Base(name), "p") {
			chinese++
		}
		count := func(cond bool, n *int) {
			if cond {
				*n++
			}
		}
		count(strings.Contains(text, "\n<!--more-->\n"), &more)
		count(strings.Contains(text, "\n```yaml\n") || strings.Contains(text, "\n```go\n"), &code)
		count(strings.Contains(text, "\n| --- |") || strings.Contains(text, "\n| :---: |"), &table)
		count(strings.Contains(text, "\n> "), &quote)
		count(softWrapRE.MatchString(text), &softWrapped)
		count(strings.Contains(text, "。**") && strings.Contains(text, "，**"), &bold)
		seen := map[string]bool{}
		dup := false
		for line := range strings.SplitSeq(text, "\n") {
			if strings.HasPrefix(line, "#") {
				dup = dup || seen[line]
				seen[line] = true
			}
		}
		count(dup, &repeated)
	}

	if avg := total / len(pages); avg < 5000 || avg > 9000 {
		t.Errorf("平均大小 %d 字节,应在 5-9 KB 之间", avg)
	}
	if len(tags) != 50 || len(v.tags) != 50 {
		t.Errorf("用到 %d 个标签(词表 %d 个),应为 50", len(tags), len(v.tags))
	}
	if len(units) != 30 || len(v.units) != 30 {
		t.Errorf("用到 %d 个单位(词表 %d 个),应为 30", len(units), len(v.units))
	}
	// Rough shares; the ranges are wide enough for any seed.
	shares := []struct {
		what   string
		n      int
		lo, hi int // per cent
	}{
		{"中文文件名", chinese, 1, 12},
		{"<!--more-->", more, 3, 20},
		{"代码块", code, 3, 20},
		{"表格", table, 70, 97},
		{"引用", quote, 15, 50},
		{"软换行", softWrapped, 15, 50},
		{"重复标题", repeated, 20, 100},
		{"加粗引导语", bold, 50, 100},
	}
	for _, s := range shares {
		pct := s.n * 100 / len(pages)
		t.Logf("%s: %d%%", s.what, pct)
		if pct < s.lo || pct > s.hi {
			t.Errorf("%s 出现在 %d%% 的页面,应在 %d%%-%d%% 之间", s.what, pct, s.lo, s.hi)
		}
	}
}

func TestDeterministic(t *testing.T) {
	tmp := t.TempDir()
	a, b, c := filepath.Join(tmp, "a"), filepath.Join(tmp, "b"), filepath.Join(tmp, "c")
	generateInto(t, a, testPages, 1, 1)
	generateInto(t, b, testPages, 1, 4)
	generateInto(t, c, testPages, 2, 2)
	fa, fb, fc := corpusFiles(t, a), corpusFiles(t, b), corpusFiles(t, c)
	if len(fa) != len(fb) {
		t.Fatalf("两次生成的文件数不同:%d 与 %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s 两次生成的内容不同", name)
		}
	}
	same := 0
	for name, data := range fa {
		if strings.HasSuffix(name, ".md") && bytes.Equal(data, fc[name]) {
			same++
		}
	}
	if same > 50 {
		t.Errorf("换了种子,仍有 %d 个 .md 文件相同", same)
	}
}

func TestOutputFolderSafety(t *testing.T) {
	tmp := t.TempDir()
	other := filepath.Join(tmp, "other")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(other, "keep.txt")
	if err := os.WriteFile(keep, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := generate(options{Pages: 5, Out: other, Seed: 1}); err == nil {
		t.Error("没有标记文件的目录被清空了")
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("不该删除的文件没了:%v", err)
	}

	dir := filepath.Join(tmp, "corpus")
	generateInto(t, dir, 20, 1, 0)
	stale := filepath.Join(dir, "content", "stale.md")
	if err := os.WriteFile(stale, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	generateInto(t, dir, 10, 1, 0) // a marked corpus is replaced
	if _, err := os.Stat(stale); err == nil {
		t.Error("重新生成后旧文件仍在")
	}
	if _, err := generate(options{Pages: 0, Out: dir, Seed: 1}); err == nil {
		t.Error("页数为 0 时应报错")
	}
}

func TestTheme(t *testing.T) {
	tmp := t.TempDir()
	theme := filepath.Join(tmp, "src", "plain")
	files := map[string]string{"layouts/_default/single.html": "<p>{{ .Title }}</p>", "static/a.css": "body{}"}
	for name, text := range files {
		p := filepath.Join(theme, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(tmp, "c")
	st, err := generate(options{Pages: 3, Out: out, Seed: 1, Theme: theme})
	if err != nil || st.Theme != theme {
		t.Fatalf("st.Theme = %q, err = %v", st.Theme, err)
	}
	got := corpusFiles(t, out)
	if !strings.Contains(string(got["site.yaml"]), "\ntheme: "+strconv.Quote(theme)+"\npage_size: 20\n") {
		t.Errorf("site.yaml 中没有 theme:\n%s", got["site.yaml"])
	}
	if _, err := generate(options{Pages: 3, Out: out, Seed: 1, Theme: filepath.Join(tmp, "missing")}); err == nil {
		t.Error("主题文件夹不存在时应报错")
	}
}

func TestTinyCorpus(t *testing.T) {
	// One page has no other page to link to; two pages link to each other.
	for _, n := range []int{1, 2} {
		dir := filepath.Join(t.TempDir(), "c")
		if st := generateInto(t, dir, n, 1, 0); st.Pages != n {
			t.Errorf("n=%d: 生成 %d 篇", n, st.Pages)
		}
	}
}

func TestRelPath(t *testing.T) {
	cases := []struct{ from, target, want string }{
		{"news/2024", "research/2024/p00042.md", "../../research/2024/p00042.md"},
		{"news/2024", "news/2024/p00007.md", "p00007.md"},
		{"news/2024", "news/2023/p00007.md", "../2023/p00007.md"},
		{"units/caizhengju", "news/2025/专题报道-00012.md", "../../news/2025/专题报道-00012.md"},
		{"news/2024", "units/news/p1.md", "../../units/news/p1.md"},
	}
	for _, c := range cases {
		if got := relPath(c.from, c.target); got != c.want {
			t.Errorf("relPath(%q, %q) = %q,应为 %q", c.from, c.target, got, c.want)
		}
	}
}

func TestCNNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 23: "二十三"} {
		if got := cnNumber(n); got != want {
			t.Errorf("cnNumber(%d) = %q,应为 %q", n, got, want)
		}
	}
}
