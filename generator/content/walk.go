package content

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"yipin/generator/diag"
)

// entry is one file found under the content dir.
type entry struct {
	rel    string // slash path relative to the content dir, in Unicode form C (NormPath)
	abs    string // path on disk, as it is there (in form D, say)
	size   int64
	mod    time.Time // modification time
	result *result   // for a Markdown file, filled in by a reader (see Load)
}

// walker collects the files under a content dir.
type walker struct {
	dir      string // the content dir
	real     string // dir with symlinks resolved
	prefix   string // site-root-relative name of dir, for messages
	entries  []entry
	diags    []*diag.Diagnostic
	markdown chan<- []entry  // where Markdown files go to be read, in batches
	batch    []entry         // Markdown files not sent yet
	stop     <-chan struct{} // Options.Stop
}

// markdownBatch is how many Markdown files the walk sends to the readers at
// a time: few enough that the readers start soon and share the last ones
// evenly, enough that handing them over costs nothing.
const markdownBatch = 16

// walk lists the files under dir, skipping hidden and temporary files and
// symlinks that leave dir. Markdown files are sent to markdown as they are
// found, each with a new result for the reader to fill in. It ends early
// when stop is closed.
func walk(dir, prefix string, markdown chan<- []entry, stop <-chan struct{}) ([]entry, []*diag.Diagnostic) {
	w := &walker{dir: dir, prefix: prefix, markdown: markdown, stop: stop}
	info, err := os.Stat(dir)
	switch {
	case err != nil:
		return nil, []*diag.Diagnostic{diag.New(prefix, 0, 0, "找不到内容文件夹 %s", prefix).
			WithHint("在网站文件夹里新建 %s 文件夹,把文章(.md 文件)放进去", prefix)}
	case !info.IsDir():
		return nil, []*diag.Diagnostic{diag.New(prefix, 0, 0, "%s 应该是一个文件夹,现在是一个文件", prefix).
			WithHint("把这个文件改名或移走,再新建 %s 文件夹,把文章(.md 文件)放进去", prefix)}
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, []*diag.Diagnostic{diag.New(prefix, 0, 0, "无法读取内容文件夹 %s", prefix).
			WithHint("请检查文件夹是否有读取权限(%v)", err)}
	}
	// A content folder that is itself a link (content -> /data/articles)
	// is walked at its target.
	w.real, w.dir = real, real
	if err := filepath.WalkDir(real, w.visit); err != nil {
		w.diags = append(w.diags, diag.New(prefix, 0, 0, "无法读取内容文件夹 %s", prefix).
			WithHint("请检查文件夹是否存在、是否有读取权限(%v)", err))
	}
	w.flush()
	return w.entries, w.diags
}

// name is the site-root-relative name of rel for messages.
func (w *walker) name(rel string) string { return joinSlash(w.prefix, rel) }

func joinSlash(prefix, rel string) string {
	if prefix == "" {
		return rel
	}
	return path.Join(prefix, rel)
}

func (w *walker) visit(p string, d fs.DirEntry, err error) error {
	if p == w.dir {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return fs.ErrInvalid
		}
		return nil
	}
	if stopped(w.stop) {
		return filepath.SkipAll
	}
	rel, rerr := filepath.Rel(w.dir, p)
	if rerr != nil {
		return nil
	}
	rel = filepath.ToSlash(rel)
	if !utf8.ValidString(rel) { // its folders were checked: the name is wrong
		if d == nil || !ignored(d.Name(), d.IsDir()) {
			w.badName(rel, d != nil && d.IsDir())
		}
		if d != nil && d.IsDir() {
			return filepath.SkipDir
		}
		return nil
	}
	rel = NormPath(rel)
	if err != nil {
		w.diags = append(w.diags, diag.New(w.name(rel), 0, 0, "无法读取 %s", w.name(rel)).
			WithHint("请检查它是否有读取权限(%v)", err))
		if d != nil && d.IsDir() {
			return filepath.SkipDir
		}
		return nil
	}
	if ignored(d.Name(), d.IsDir()) {
		if d.IsDir() {
			return filepath.SkipDir
		}
		return nil
	}
	switch {
	case d.IsDir():
		return nil
	case d.Type()&fs.ModeSymlink != 0:
		w.symlink(p, rel)
		return nil
	case !d.Type().IsRegular():
		// sockets, pipes, devices: reading a pipe would wait for a writer
		w.diags = append(w.diags, diag.Warn(w.name(rel), 0, 0, "这不是普通文件(而是管道、套接字或设备),已跳过").
			WithHint("内容文件夹里只放文章、图片等普通文件;删掉它即可"))
		return nil
	}
	info, err := d.Info()
	if err != nil {
		w.diags = append(w.diags, diag.New(w.name(rel), 0, 0, "无法读取 %s", w.name(rel)).
			WithHint("请检查它是否有读取权限(%v)", err))
		return nil
	}
	w.add(rel, p, info)
	return nil
}

// badName reports the file or folder rel, whose name is not UTF-8: it
// would get a garbled URL, or none (a GBK name read as UTF-8). The
// message names the folder it is in, and shows the name with its bytes
// outside ASCII escaped.
func (w *walker) badName(rel string, isDir bool) {
	dir, name := path.Split(rel)
	what, left := "文件名", "这个文件没有发布"
	if isDir {
		what, left = "文件夹名", "它里面的文件都没有发布"
	}
	w.diags = append(w.diags, diag.New(w.name(strings.TrimSuffix(dir, "/")), 0, 0,
		"这个文件夹里有一个%s不是 UTF-8 编码:“%s”,%s", what, escapeBytes(name), left).
		WithHint("这种名字多半来自在中文 Windows 上打包的压缩文件(名字是 GBK 编码),网址会成为乱码。"+
			"请把它改成 UTF-8 的名字:在文件管理器里重命名一次(重新输入中文名)即可;"+
			"Linux 上可以在网站文件夹里运行 convmv -f gbk -t utf8 -r --notest content,一次改好全部名字;或者解压时就用 unzip -O gbk 压缩包.zip"))
}

// add lists a file; a Markdown file is also sent to be read.
func (w *walker) add(rel, abs string, info fs.FileInfo) {
	e := entry{rel: rel, abs: abs, size: info.Size(), mod: info.ModTime()}
	if isMarkdown(rel) {
		e.result = new(result)
		w.batch = append(w.batch, e)
		if len(w.batch) == markdownBatch {
			w.flush()
		}
	}
	w.entries = append(w.entries, e)
}

// flush sends the Markdown files not sent yet.
func (w *walker) flush() {
	if len(w.batch) > 0 {
		w.markdown <- w.batch
		w.batch = nil
	}
}

// isMarkdown reports whether the file name is a Markdown file.
func isMarkdown(name string) bool { return strings.EqualFold(path.Ext(name), ".md") }

// symlink adds a symlinked file when it points inside the content dir.
// Symlinked folders are not followed.
func (w *walker) symlink(p, rel string) {
	warn := func(msg, hint string) {
		w.diags = append(w.diags, diag.Warn(w.name(rel), 0, 0, "%s", msg).WithHint("%s", hint))
	}
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		warn("快捷方式(符号链接)指向的文件不存在,已跳过", "删掉这个链接,或把真正的文件放到这里")
		return
	}
	if r, err := filepath.Rel(w.real, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || filepath.IsAbs(r) {
		warn("快捷方式(符号链接)指向内容文件夹之外,已跳过", "出于安全考虑不会读取内容文件夹以外的文件;请把文件复制到内容文件夹里")
		return
	}
	info, err := os.Stat(target)
	if err != nil {
		warn("无法读取快捷方式(符号链接)指向的文件,已跳过", "删掉这个链接,或把真正的文件放到这里")
		return
	}
	if info.IsDir() {
		warn("不会进入快捷方式(符号链接)指向的文件夹,已跳过", "请把文件夹直接放在这里,而不是用链接")
		return
	}
	if !info.Mode().IsRegular() {
		return
	}
	w.add(rel, p, info)
}

// ignored reports whether a file or folder name is hidden or an editor's
// temporary or system file.
func ignored(name string, isDir bool) bool {
	if strings.HasPrefix(name, ".") {
		return true
	}
	if isDir {
		return false
	}
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(name, "~"),
		strings.HasSuffix(lower, ".swp"), strings.HasSuffix(lower, ".swx"),
		len(name) >= 2 && name[0] == '#' && name[len(name)-1] == '#',
		name == "4913",
		strings.HasPrefix(name, "~$"), // Office lock files
		lower == "thumbs.db", lower == "desktop.ini":
		return true
	}
	return false
}
