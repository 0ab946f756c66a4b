package build

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"yipin/generator/config"
	"yipin/generator/diag"
	"yipin/generator/publish"
	"yipin/generator/render"
	"yipin/generator/site"
	"yipin/generator/theme"
)

// themeDirs are the folders templates, assets, static files and strings
// come from, in override order: the theme, then the site itself.
func themeDirs(source string, cfg *config.Config) []theme.Dir {
	dir, display := cfg.ThemeDir(source)
	return []theme.Dir{{Path: dir, Display: display}, {Path: source, Display: ""}}
}

// checkTheme reports a theme folder that does not exist.
func checkTheme(dirs []theme.Dir) *diag.Diagnostic {
	if exists(dirs[0].Path) {
		return nil
	}
	return diag.New("site.yaml", 0, 0, "找不到主题文件夹 %s", dirs[0].Display).
		WithHint("检查 site.yaml 中的 theme,它是 themes/ 下的文件夹名(默认 default),也可以写主题文件夹的路径")
}

// walkFiles lists the files under sub/ of each dir by their slash paths
// relative to sub/, later dirs replacing earlier ones; hidden files are
// skipped. Each file's Path is left empty.
func walkFiles(dirs []theme.Dir, sub string) (map[string]site.File, []*diag.Diagnostic) {
	files := map[string]site.File{}
	var diags []*diag.Diagnostic
	for _, d := range dirs {
		root := filepath.Join(d.Path, sub)
		err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(e.Name(), ".") && p != root {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !e.IsDir() {
				rel, _ := filepath.Rel(root, p)
				rel = filepath.ToSlash(rel)
				files[rel] = site.File{Abs: p, Name: path.Join(d.Display, sub, rel)}
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			diags = append(diags, diag.New(path.Join(d.Display, sub), 0, 0, "读取文件夹失败:%v", err))
		}
	}
	return files, diags
}

// staticFiles is every file of the theme's and the site's static/.
func staticFiles(dirs []theme.Dir) ([]site.File, []*diag.Diagnostic) {
	files, diags := walkFiles(dirs, "static")
	var out []site.File
	for rel, f := range files {
		f.Path = "/" + rel
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b site.File) int { return strings.Compare(a.Path, b.Path) })
	return out, diags
}

// publishAssets publishes the files of assets/: stylesheets and scripts
// minified and fingerprinted, the rest as they are. The highlighting
// stylesheet of the Markdown stage is published as css/syntax.css. It
// returns each asset's site path by its name ("css/main.css").
func publishAssets(pub *publish.Publisher, dirs []theme.Dir, syntaxCSS []byte) (map[string]string, []*diag.Diagnostic) {
	files, diags := walkFiles(dirs, "assets")
	names := make([]string, 0, len(files)+1)
	for rel := range files {
		names = append(names, rel)
	}
	slices.Sort(names)
	paths := map[string]string{}
	publishOne := func(name string, data []byte) {
		ext := path.Ext(name)
		if ext != ".css" && ext != ".js" {
			if err := pub.Output(name, data); err != nil {
				diags = append(diags, diag.New(name, 0, 0, "写出资源失败:%v", err))
			}
			paths[name] = "/" + name
			return
		}
		hashed, err := pub.Asset(name, data)
		if err != nil {
			diags = append(diags, diag.New(name, 0, 0, "%v", err).WithHint("检查这个文件的语法"))
			return
		}
		paths[name] = "/" + hashed
	}
	if _, ok := files["css/syntax.css"]; !ok {
		publishOne("css/syntax.css", syntaxCSS)
	}
	for _, name := range names {
		data, err := os.ReadFile(files[name].Abs)
		if err != nil {
			diags = append(diags, diag.New(files[name].Name, 0, 0, "读取资源失败:%v", err))
			continue
		}
		publishOne(name, data)
	}
	return paths, diags
}

// CheckDestination refuses output folders whose replacement would destroy
// files that are not an earlier build's: the site root or a folder above
// it, content/, themes/, layouts/, static/, assets/, i18n/, .git/, or any
// folder holding a site.yaml or go.mod; a file; and a folder that holds
// files but no publish.Marker (yipin did not make it), unless it is the
// site's own public/. A symbolic link is judged by the folder it points
// to, which is where the build goes.
func CheckDestination(source, dest string) *diag.Diagnostic {
	src, err1 := filepath.Abs(source)
	dst, err2 := filepath.Abs(dest)
	if err1 != nil || err2 != nil {
		return nil
	}
	if r, err := filepath.EvalSymlinks(src); err == nil {
		src = r
	}
	if r, err := filepath.EvalSymlinks(dst); err == nil {
		dst = r
	}
	bad := dst == src || strings.HasPrefix(src+string(filepath.Separator), dst+string(filepath.Separator))
	for _, keep := range []string{"content", "themes", "layouts", "static", "assets", "i18n", ".git"} {
		k := filepath.Join(src, keep)
		if dst == k || strings.HasPrefix(dst, k+string(filepath.Separator)) {
			bad = true
		}
	}
	if exists(filepath.Join(dst, "site.yaml")) || exists(filepath.Join(dst, "go.mod")) {
		bad = true
	}
	if bad {
		return diag.New("", 0, 0, "不能把网站输出到 %s:每次构建都会整体替换输出文件夹,那里的文件会丢失", dest).
			WithHint("换一个专用的输出文件夹,例如默认的 public")
	}
	fi, err := os.Stat(dst)
	switch {
	case err != nil:
		return nil // not there yet
	case !fi.IsDir():
		return diag.New("", 0, 0, "不能把网站输出到 %s:它是一个文件,不是文件夹", dest).
			WithHint("换一个文件夹名,或者先把这个文件移走")
	case dst == filepath.Join(src, "public") || exists(filepath.Join(dst, publish.Marker)):
		return nil
	}
	name, err := firstEntry(dst)
	if err != nil {
		return diag.New("", 0, 0, "无法读取输出文件夹 %s:%v", dest, err).
			WithHint("检查这个文件夹的权限,或者换一个输出文件夹")
	}
	if name != "" {
		return diag.New("", 0, 0, "不能把网站输出到 %s:这个文件夹里已有不是 yipin 生成的文件(例如 %s);每次构建都会整体替换输出文件夹,这些文件会被删除", dest, name).
			WithHint("换一个新的或空的文件夹;确认里面的文件都不要了,也可以先手工清空它(yipin 生成的文件夹里有 %s 这个标记文件,以后的构建会认出它)", publish.Marker)
	}
	return nil
}

// firstEntry is the first name a folder lists, "" when it is empty.
func firstEntry(dir string) (string, error) {
	f, err := os.Open(dir)
	if err != nil {
		return "", err
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	if len(names) == 0 {
		if errors.Is(err, io.EOF) {
			err = nil
		}
		return "", err
	}
	return names[0], nil
}

// collisions reports every file copied as it is (from static/ of the
// theme or the site, or from content/) that lands on the path of an
// output the site renders or of another such file: one would silently
// replace the other. A theme's static file replaced by the site's own
// is an override, not a collision (walkFiles keeps only the site's), and
// so is a static robots.txt, which the renderer then leaves out.
func (b *run) collisions(outs []render.Output) []*diag.Diagnostic {
	// who writes each path: an output (described only when it collides)
	// or a named file
	type owner struct {
		out  *render.Output
		name string
	}
	owners := make(map[string]owner, len(outs)+len(b.assets)+len(b.statics)+len(b.site.Files))
	for i := range outs {
		owners[outs[i].Rel] = owner{out: &outs[i]}
	}
	for name, p := range b.assets {
		owners[strings.TrimPrefix(p, "/")] = owner{name: "资源文件 assets/" + name}
	}
	var diags []*diag.Diagnostic
	for _, files := range [][]site.File{b.statics, b.site.Files} {
		for _, f := range files {
			rel := strings.TrimPrefix(f.Path, "/")
			name := cmp.Or(f.Name, f.Abs)
			prev, ok := owners[rel]
			if !ok {
				owners[rel] = owner{name: "文件 " + name}
				continue
			}
			if prev.out != nil {
				prev.name = prev.out.Describe()
			}
			diags = append(diags, diag.New(name, 0, 0, "文件 %s 与%s 都要发布到 /%s,一个会覆盖另一个", name, prev.name, rel).
				WithHint("重命名、移动或删除这个文件;另一方是页面时,也可以在它的 front matter 里用 slug 或 url 换一个网址"))
		}
	}
	return diags
}
