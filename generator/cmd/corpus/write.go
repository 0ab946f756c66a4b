package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// markerName is the file that marks a folder as a corpus this tool wrote,
// and so safe to delete.
const markerName = ".yipin-corpus"

const siteYAML = `title: 某某区机关工委(测试语料)
base_url: https://example.gov.cn/dangjian/
language: zh-CN
page_size: 20
taxonomies:
  tags: 标签
menus:
  main:
    - {name: 首页, url: /, weight: 1}
    - {name: 工作动态, url: /news/, weight: 2}
    - {name: 党建研究, url: /research/, weight: 3}
    - {name: 基层风采, url: /units/, weight: 4}
footer:
  sponsor: 中共某某区委区级机关工作委员会
  operator: 某某区机关工委办公室
`

type options struct {
	Pages   int
	Out     string
	Seed    uint64
	Theme   string // theme folder the corpus uses; "" for none
	Workers int    // 0: one per CPU
}

type stats struct {
	Pages      int    // article pages
	Sections   int    // _index.md files
	PageBytes  int64  // bytes of the article pages
	TotalBytes int64  // bytes of every file written, the theme excepted
	Theme      string // absolute path of the theme, or ""
}

// generate writes the corpus described by o.
func generate(o options) (stats, error) {
	var st stats
	if o.Pages < 1 {
		return st, fmt.Errorf("页数必须至少为 1(收到 %d)", o.Pages)
	}
	v, err := newVocab()
	if err != nil {
		return st, err
	}
	if err := prepareOut(o.Out); err != nil {
		return st, err
	}
	marker := fmt.Sprintf("yipin 测试语料,由 generator/cmd/corpus 生成,可整体删除。\nn=%d seed=%d\n", o.Pages, o.Seed)
	if err := writeFile(&st, filepath.Join(o.Out, markerName), []byte(marker)); err != nil {
		return st, err
	}
	config := siteYAML
	if o.Theme != "" {
		if st.Theme, err = themePath(o.Theme); err != nil {
			return st, err
		}
		config = strings.Replace(config, "\npage_size:", "\ntheme: "+strconv.Quote(st.Theme)+"\npage_size:", 1)
	}
	if err := writeFile(&st, filepath.Join(o.Out, "site.yaml"), []byte(config)); err != nil {
		return st, err
	}

	s := planSite(v, o.Pages, o.Seed)
	content := filepath.Join(o.Out, "content")
	for i, sec := range s.sections {
		dir := filepath.Join(content, filepath.FromSlash(sec.Dir))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return st, err
		}
		var b bytes.Buffer
		writeSectionIndex(&b, v, sec, newRand(o.Seed, -1-i))
		if err := writeFile(&st, filepath.Join(dir, "_index.md"), b.Bytes()); err != nil {
			return st, err
		}
		st.Sections++
	}

	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	n, err := writePages(content, v, s, o.Seed, workers)
	st.Pages = len(s.pages)
	st.PageBytes = n
	st.TotalBytes += n
	return st, err
}

// prepareOut makes out an empty folder. It deletes an existing folder
// only if it is empty or carries the corpus marker.
func prepareOut(out string) error {
	fi, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(out, 0o755)
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("%s 已存在且不是目录,拒绝覆盖", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if m, err := os.Lstat(filepath.Join(out, markerName)); err != nil || !m.Mode().IsRegular() {
		return fmt.Errorf("拒绝清空目录 %s:其中没有标记文件 %s,看起来不是本工具生成的语料(请换一个输出目录,或确认无用后手动删除)", out, markerName)
	}
	if err := os.RemoveAll(out); err != nil {
		return fmt.Errorf("清空旧语料 %s 失败:%w", out, err)
	}
	return os.MkdirAll(out, 0o755)
}

func writeFile(st *stats, name string, data []byte) error {
	st.TotalBytes += int64(len(data))
	return os.WriteFile(name, data, 0o644)
}

// writeSectionIndex writes the _index.md of one section.
func writeSectionIndex(b *bytes.Buffer, v *vocab, sec section, r *rand.Rand) {
	g := &gen{b: b, r: r, v: v}
	b.WriteString("---\ntitle: ")
	writeQuoted(b, sec.Title)
	if sec.Unit >= 0 { // a unit page, with the fields yipin requires of one
		g.unit = &v.units[sec.Unit]
		b.WriteString("\nshort_name: ")
		writeQuoted(b, g.unit.Name)
		b.WriteString("\nparty_org: ")
		writeQuoted(b, "中共"+g.unit.Name+"机关委员会")
		b.WriteString("\ncategory: " + [...]string{"经济", "民生", "党群", "国企"}[sec.Unit%4])
		b.WriteString("\norder: " + strconv.Itoa(sec.Unit+1))
	}
	b.WriteString("\n---\n\n")
	switch {
	case sec.Dir == "":
		b.WriteString("欢迎访问某某区机关工委党建网站。本站为测试语料，文章、单位和数据均为虚构。\n")
	case sec.Unit >= 0:
		b.WriteString("## 品牌内涵\n\n")
		g.fill(v.intro)
		g.fill(v.sentence)
		b.WriteString("\n")
	default:
		b.WriteString("本栏目收录" + sec.Title + "相关文章。")
		g.fill(v.sentence)
		b.WriteString("\n")
	}
}

// writePages renders and writes every page, spread over workers
// goroutines. Each page has its own random stream, so the output does not
// depend on which goroutine writes it.
func writePages(content string, v *vocab, s *site, seed uint64, workers int) (int64, error) {
	var next, total atomic.Int64
	var failed atomic.Bool
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			var b bytes.Buffer
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(s.pages) {
					return
				}
				b.Reset()
				renderPage(&b, v, s, i, seed)
				name := filepath.Join(content, filepath.FromSlash(s.pages[i].Path()))
				if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
					errs[k] = err
					failed.Store(true)
					return
				}
				total.Add(int64(b.Len()))
			}
		})
	}
	wg.Wait()
	return total.Load(), errors.Join(errs...)
}

// humanBytes formats n as MB or KB with one decimal.
func humanBytes(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	}
	return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KB"
}
