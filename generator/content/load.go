package content

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"yipin/generator/diag"
	"yipin/generator/fileio"
)

// Load walks dir (e.g. "/site/content") and reads and parses its Markdown
// files in parallel. prefix (e.g. "content") is dir's name relative to the
// site root, used for Source.File and in messages. Sources and files are
// sorted by Path; diagnostics by position. A Markdown file that could be
// read is returned even when its front matter has errors.
//
// The walk hands the Markdown files it finds to a pool of readers at once,
// so that reading and parsing overlap with listing the folders rather than
// waiting for it. Whether a file is a page, a section or a bundle is only
// known once the walk is complete (a folder holding index.md is a bundle),
// but reading and parsing do not depend on it; a Markdown file that turns
// out not to be a page (one inside a bundle) is read for nothing and its
// result dropped.
func Load(dir, prefix string, o Options) ([]*Source, []File, []*diag.Diagnostic) {
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if o.misspelt == nil {
		o.misspelt = newMisspelt(o)
	}
	markdown := make(chan []entry, 64)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var buf []byte // reused file by file when o.DropBody
			for batch := range markdown {
				for _, e := range batch {
					if stopped(o.Stop) {
						continue
					}
					if known := o.known(e); known != nil {
						e.result.src = known
						continue
					}
					e.result.src, e.result.diags, buf = readSource(e, prefix, o, buf)
				}
			}
		})
	}
	entries, diags := walk(dir, prefix, markdown, o.Stop)
	close(markdown)
	jobs, files, cdiags := classify(entries, prefix) // while the readers finish
	diags = append(diags, cdiags...)
	wg.Wait()

	sources := make([]*Source, 0, len(jobs))
	for _, j := range jobs {
		if src := j.result.src; src != nil {
			src.Kind, src.Dir, src.Name, src.Resources = j.kind, j.dir, j.name, j.resources
			sources = append(sources, src)
		}
		diags = append(diags, j.result.diags...)
	}
	slices.SortFunc(sources, func(a, b *Source) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	diag.Sort(diags)
	return sources, files, diags
}

// known is a copy of the Source o.Known holds for e, or nil: the file is
// to be read. The copy is Load's to fill in; the earlier one stays as it
// was.
func (o Options) known(e entry) *Source {
	if o.Known == nil {
		return nil
	}
	src := o.Known(e.abs)
	if src == nil || int64(src.Size) != e.size || !src.ModTime.Equal(e.mod) {
		return nil
	}
	fresh := *src
	return &fresh
}

// result is the outcome of reading and parsing one Markdown file.
type result struct {
	src   *Source // nil when the file could not be read
	diags []*diag.Diagnostic
}

// readSource reads and parses the Markdown file e; it returns a nil Source
// when the file cannot be read. The Source's Kind, Dir, Name and Resources
// are left for Load to fill in. With o.DropBody the file is read into
// buf's storage, and the buffer is returned for the next file; else the
// Source's Body keeps the bytes read, and buf is not used.
func readSource(e entry, prefix string, o Options, buf []byte) (*Source, []*diag.Diagnostic, []byte) {
	file := joinSlash(prefix, e.rel)
	limit := o.maxFileSize()
	if e.size > limit {
		return nil, []*diag.Diagnostic{tooBig(file, e.size, limit)}, buf
	}
	if !o.DropBody {
		buf = nil
	}
	data, err := fileio.ReadInto(e.abs, buf, e.size, limit)
	if err != nil {
		return nil, []*diag.Diagnostic{diag.New(file, 0, 0, "无法读取这个文件").
			WithHint("请检查文件是否存在、是否有读取权限,或者是否正被其他程序占用(%v)", err)}, buf
	}
	if int64(len(data)) > limit {
		return nil, []*diag.Diagnostic{tooBig(file, int64(len(data)), limit)}, buf
	}
	fm, body, bodyLine, ds := ParseFrontMatter(file, data, o)
	src := &Source{
		Path:       e.rel,
		File:       file,
		Abs:        e.abs,
		BodyOffset: len(data) - len(body),
		Size:       len(data),
		ModTime:    e.mod,
		Front:      fm,
		Body:       body,
		BodyLine:   bodyLine,
	}
	if o.DropBody {
		// nothing parsed keeps a reference to data
		src.Body = nil
		return src, ds, data
	}
	return src, ds, buf
}

func tooBig(file string, size, limit int64) *diag.Diagnostic {
	return diag.New(file, 0, 0, "文件太大(%s),超过了 Markdown 文件 %s 的上限", megabytes(size), megabytes(limit)).
		WithHint("Markdown 文件里只放文字;图片、视频、附件等大文件请单独放在页面包文件夹或 static 文件夹里,在正文里用链接引用")
}

// megabytes formats a size like "52.4 MB" or "10 MB"; sizes under 1 MB
// are given in KB or bytes.
func megabytes(n int64) string {
	unit, name := int64(1<<20), "MB"
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d 字节", n)
	case n < 1<<20:
		unit, name = 1<<10, "KB"
	}
	if n%unit == 0 {
		return fmt.Sprintf("%d %s", n/unit, name)
	}
	return fmt.Sprintf("%.1f %s", float64(n)/float64(unit), name)
}

// Reread reads and parses the Markdown file of src again after it
// changed on disk, keeping what the folder walk decided (Kind, Dir, Name,
// Resources). It returns nil when the file can no longer be read. yipin
// serve uses it to take in an edit without walking content/ again.
func Reread(src *Source, o Options) (*Source, []*diag.Diagnostic) {
	info, err := os.Stat(src.Abs)
	if err != nil {
		return nil, []*diag.Diagnostic{diag.New(src.File, 0, 0, "无法读取这个文件").
			WithHint("请检查文件是否存在、是否有读取权限(%v)", err)}
	}
	prefix := strings.TrimSuffix(src.File, "/"+src.Path)
	fresh, ds, _ := readSource(entry{rel: src.Path, abs: src.Abs, size: info.Size(), mod: info.ModTime()}, prefix, o, nil)
	if fresh != nil {
		fresh.Kind, fresh.Dir, fresh.Name, fresh.Resources = src.Kind, src.Dir, src.Name, src.Resources
	}
	return fresh, ds
}
