package build

import (
	"cmp"
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"yipin/generator/diag"
	"yipin/generator/publish"
	"yipin/generator/render"
	"yipin/generator/site"
)

// writer is one file the build writes: an output the site renders, an
// asset, a static file or a file of content/.
type writer struct {
	rel  string         // slash path in the output folder
	out  *render.Output // the output, or nil for a file
	name string         // the file published, when out is nil
	what string         // "文件" or "资源文件", when out is nil
}

// describe names the writer in messages.
func (w writer) describe() string {
	if w.out != nil {
		return w.out.Describe()
	}
	return w.what + " " + w.name
}

// where is the place a message about the writer points at, and how
// much the writer is to blame for a clash: a page whose front matter
// chose its path (2), a file published as it is (1), an output whose path
// follows from a file's name (0), or one the site makes on its own, such
// as a feed or a redirect (-1), named by its list's file if it has one.
func (w writer) where() (file string, line, col, blame int) {
	if w.out == nil {
		return w.name, 0, 0, 1
	}
	p, key := w.out.Origin()
	switch {
	case p == nil && w.out.Page != nil && w.out.Page.File != "":
		return w.out.Page.File, 0, 0, -1
	case p == nil:
		return w.out.Rel, 0, 0, -1
	case key == "":
		return p.File, 0, 0, 0
	}
	pos := p.Origin().Front.Pos[key]
	return p.File, pos.Line, pos.Col, 2
}

// clashKey is the name two paths share when they would be one file on
// Windows or macOS, whose file systems ignore letter case.
func clashKey(rel string) string { return strings.ToLower(rel) }

// checkOutputs reports clashes between the files the build writes, and
// links of site.yaml to none of them.
func (b *run) checkOutputs(outs []render.Output) []*diag.Diagnostic {
	ws := b.writers(outs)
	if b.incomplete {
		// pages that failed to load would publish paths no one knows:
		// links to site paths are not checked until they load
		b.site.SetPublished(nil)
		return slices.Concat(clashes(ws), b.sameNames())
	}
	written := make(map[string]bool, len(ws))
	for _, w := range ws {
		written[w.rel] = true
	}
	// the links of pages to site paths ("/news/") are checked against
	// the same files when the pages render
	b.site.SetPublished(func(sitePath string) bool { return publishes(written, sitePath) })
	return slices.Concat(clashes(ws), b.sameNames(), b.siteLinks(written))
}

// sameNames reports a static or content file at the plain path of an
// asset ("/css/a.css"): the asset is published under a hashed name, and
// /css/a.css in a stylesheet leads to it, but a link elsewhere leads to
// the file.
func (b *run) sameNames() []*diag.Diagnostic {
	var diags []*diag.Diagnostic
	for _, files := range [][]site.File{b.statics, b.site.Files} {
		for _, f := range files {
			name := strings.TrimPrefix(f.Path, "/")
			if _, ok := b.assets[name]; !ok {
				continue
			}
			other := cmp.Or(f.Name, f.Abs)
			diags = append(diags, diag.New(other, 0, 0, "文件 %s 与资源文件 assets/%s 同名:资源文件发布时名字带内容哈希,样式表和脚本里写的 /%s 会指向资源文件,别处的链接却指向这个文件", other, name, name).
				WithHint("删掉其中一个,或者给其中一个改名;要替换主题里的文件,把新文件放在站点里对应的位置(主题 static/ 里的文件放站点 static/,assets/ 里的放 assets/)"))
		}
	}
	return diags
}

// publishes reports whether a site path ("/news/", "/images/a.png",
// "/news" for the folder) leads to a file among those written.
func publishes(written map[string]bool, sitePath string) bool {
	rel := strings.TrimPrefix(path.Clean(sitePath), "/")
	if strings.HasSuffix(sitePath, "/") || rel == "" {
		rel = path.Join(rel, "index.html")
	}
	return written[rel] || written[path.Join(rel, "index.html")]
}

// writers lists every file the build writes.
func (b *run) writers(outs []render.Output) []writer {
	ws := make([]writer, 0, len(outs)+len(b.assets)+len(b.statics)+len(b.site.Files)+1)
	for i := range outs {
		ws = append(ws, writer{rel: outs[i].Rel, out: &outs[i]})
	}
	for _, name := range slices.Sorted(maps.Keys(b.assets)) {
		ws = append(ws, writer{rel: strings.TrimPrefix(b.assets[name], "/"), name: "assets/" + name, what: "资源文件"})
	}
	for _, files := range [][]site.File{b.statics, b.site.Files} {
		for _, f := range files {
			ws = append(ws, writer{rel: strings.TrimPrefix(f.Path, "/"), name: cmp.Or(f.Name, f.Abs), what: "文件"})
		}
	}
	return append(ws, writer{rel: publish.Marker, name: publish.Marker, what: "yipin 标记输出文件夹的文件"})
}

// siteLinks reports the links of site.yaml to the site (menus, footer
// links, the badge image) that lead to no file the build writes: each
// would be broken on every page.
func (b *run) siteLinks(written map[string]bool) []*diag.Diagnostic {
	var diags []*diag.Diagnostic
	for _, l := range b.cfg.SiteLinks() {
		p, _, _ := strings.Cut(l.URL, "#")
		p, _, _ = strings.Cut(p, "?")
		if u, err := url.PathUnescape(p); err == nil {
			p = u
		}
		if !publishes(written, p) {
			diags = append(diags, b.cfg.LinkError(l))
		}
	}
	return diags
}

// clashes reports every two writers that would write one file, that
// differ only in letter case (one file on Windows and macOS), or where
// one writes a file at a path the other needs as a folder: one would
// silently replace the other, or the build would fail while writing. A
// theme's static file replaced by the site's own is an override, not a
// clash (walkFiles keeps only the site's), and so is a static
// robots.txt, which the renderer then leaves out.
func clashes(ws []writer) []*diag.Diagnostic {
	var diags []*diag.Diagnostic
	report := func(w, other writer, what string) {
		file, line, col, blame := w.where()
		if f, l, c, b := other.where(); b > blame {
			// point at the one whose author can move it
			w, other, file, line, col = other, w, f, l, c
		}
		diags = append(diags, diag.New(file, line, col, "%s 与 %s%s", w.describe(), other.describe(), what).
			WithHint("%s", clashHint(w)))
	}
	files := make(map[string]writer, len(ws))
	for _, w := range ws {
		key := clashKey(w.rel)
		prev, ok := files[key]
		switch {
		case !ok:
			files[key] = w
		case prev.rel == w.rel:
			report(w, prev, fmt.Sprintf(" 都要写出 /%s,一个会覆盖另一个", w.rel))
		default:
			report(w, prev, fmt.Sprintf(" 的路径 /%s 和 /%s 只差大小写,在 Windows、macOS 上是同一个文件", w.rel, prev.rel))
		}
	}
	for _, w := range ws {
		for dir := path.Dir(w.rel); dir != "."; dir = path.Dir(dir) {
			if f, ok := files[clashKey(dir)]; ok {
				report(w, f, fmt.Sprintf(" 冲突:/%s 要写成文件,而 /%s 要把它当作文件夹", f.rel, w.rel))
				break
			}
		}
	}
	return diags
}

// clashHint says how to move w out of the way.
func clashHint(w writer) string {
	switch _, _, _, blame := w.where(); {
	case blame < 0:
		return "这个文件由 yipin 生成:给另一方换个名字或网址"
	case blame == 1:
		return "重命名、移动或删除这个文件;另一方是页面时,也可以在它的 front matter 里用 slug 或 url 换一个网址"
	case w.out.IsAlias():
		return "删除或修改这个 aliases 条目"
	}
	return "在这个页面的 front matter 里用 slug 或 url 换一个网址(以 / 结尾,如 /news/a/),或重命名它的文件"
}
