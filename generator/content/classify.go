package content

import (
	"cmp"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"yipin/generator/diag"
)

// job is one Markdown file to read and parse.
type job struct {
	entry
	kind      Kind
	dir       string // Source.Dir
	name      string // Source.Name
	bundle    string // for a Bundle, its folder
	resources []File // for a Bundle, its resources
}

// classify sorts the entries into Markdown jobs, bundle resources and
// static files. A folder holding index.md is a page bundle: every other
// file below it is a resource of that bundle, and Markdown there is an
// error.
func classify(entries []entry, prefix string) ([]job, []File, []*diag.Diagnostic) {
	entries, diags := dropSameNames(entries, prefix)
	bundles := map[string]bool{}
	for _, e := range entries {
		if dir, base := path.Split(e.rel); strings.EqualFold(base, "index.md") && dir != "" {
			bundles[strings.TrimSuffix(dir, "/")] = true
		}
	}
	var (
		jobs      = make([]job, 0, len(entries))
		files     []File
		resources = map[string][]File{}
	)
	for _, e := range entries {
		dir, base := path.Split(e.rel)
		dir = strings.TrimSuffix(dir, "/")
		isMD := isMarkdown(base)
		if b := outerBundle(e.rel, bundles); b != "" {
			switch {
			case dir == b && strings.EqualFold(base, "index.md"):
				jobs = append(jobs, job{entry: e, kind: Bundle, dir: parentDir(b), name: path.Base(b), bundle: b})
			case isMD:
				diags = append(diags, diag.New(joinSlash(prefix, e.rel), 0, 0, "页面包里不能再放 .md 文件").
					WithHint("文件夹 %s 里有 index.md,是一个页面包,里面只能放图片、附件等文件。"+
						"请把这个 .md 文件移到页面包外面;或者把 index.md 改名为 _index.md,让这个文件夹成为栏目", joinSlash(prefix, b)))
			default:
				resources[b] = append(resources[b], File{Path: e.rel, File: joinSlash(prefix, e.rel), Abs: e.abs, Size: e.size})
			}
			continue
		}
		switch {
		case !isMD:
			files = append(files, File{Path: e.rel, File: joinSlash(prefix, e.rel), Abs: e.abs, Size: e.size})
		case strings.EqualFold(base, "_index.md"):
			jobs = append(jobs, job{entry: e, kind: Section, dir: dir, name: strings.TrimSuffix(base, path.Ext(base))})
		case dir == "" && strings.EqualFold(base, "index.md"):
			diags = append(diags, diag.New(joinSlash(prefix, e.rel), 0, 0, "内容文件夹最外层不能用 index.md").
				WithHint("首页请命名为 _index.md"))
		default:
			jobs = append(jobs, job{entry: e, kind: Page, dir: dir, name: strings.TrimSuffix(base, path.Ext(base))})
		}
	}
	for i := range jobs {
		if jobs[i].kind == Bundle {
			jobs[i].resources = resources[jobs[i].bundle] // entries are sorted, so these are too
		}
	}
	return jobs, files, diags
}

// dropSameNames sorts the entries by path and leaves out each whose path
// is that of the one before: two names on disk that differ only in their
// Unicode form (NFC "café" and NFD "cafe\u0301"). They look the same, and
// on macOS they are the same file; which one a URL would show is a guess,
// so it is an error.
func dropSameNames(entries []entry, prefix string) ([]entry, []*diag.Diagnostic) {
	slices.SortFunc(entries, func(a, b entry) int {
		return cmp.Or(strings.Compare(a.rel, b.rel), strings.Compare(a.abs, b.abs))
	})
	var diags []*diag.Diagnostic
	kept := entries[:0]
	for i, e := range entries {
		if i == 0 || e.rel != entries[i-1].rel {
			kept = append(kept, e)
			continue
		}
		a, b := diskNames(entries[i-1].abs, e.abs)
		diags = append(diags, diag.New(joinSlash(prefix, e.rel), 0, 0,
			"有两个文件都叫这个名字:“%s” 和 “%s” 看起来一样,只是带附加符号的字母写法不同"+
				"(一个写成一个字符,一个写成“字母 + 附加符号”两个字符,macOS 常这样存)", escapeMarks(a), escapeMarks(b)).
			WithHint("在 macOS 上它们是同一个文件,网址也相同;请删掉其中一个,或给它改个名字"))
	}
	return kept, diags
}

// diskNames returns the paths a and b from the first element in which
// they differ: "café/a.md" and "cafe\u0301/a.md" rather than the whole
// paths on disk.
func diskNames(a, b string) (string, string) {
	start := 0
	for i := 0; i < min(len(a), len(b)) && a[i] == b[i]; i++ {
		if os.IsPathSeparator(a[i]) {
			start = i + 1
		}
	}
	return filepath.ToSlash(a[start:]), filepath.ToSlash(b[start:])
}

// outerBundle returns the outermost bundle folder that holds rel, or "".
func outerBundle(rel string, bundles map[string]bool) string {
	if len(bundles) == 0 {
		return ""
	}
	for i := 0; i < len(rel); i++ {
		if rel[i] == '/' && bundles[rel[:i]] {
			return rel[:i]
		}
	}
	return ""
}

// parentDir is path.Dir with "" for the root.
func parentDir(p string) string {
	if d := path.Dir(p); d != "." {
		return d
	}
	return ""
}
