package build

import (
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"yipin/generator/config"
	"yipin/generator/diag"
	"yipin/generator/publish"
	"yipin/generator/site"
	"yipin/generator/theme"
)

// themeDirs are the folders templates, assets, static files and strings
// come from, in override order: the theme, then the site itself.
func themeDirs(source string, cfg *config.Config) []theme.Dir {
	dir, display := cfg.ThemeDir(source)
	return []theme.Dir{{Path: dir, Display: display}, {Path: source, Display: ""}}
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

// publishAssets publishes the files of assets/ under names that carry a
// hash of their content ("css/main.css" → "css/main.3f9a2c1d7e.css",
// "img/x.png" → "img/x.5d41402abc.png"), minified when minify knows
// their type. In stylesheets and scripts, the references to other files
// (publish.Refs) are rewritten first: to another asset's hashed name, and
// from the site root to a path relative to the asset, so that they hold
// under any base path. Assets are published after the assets they refer
// to, so a change reaches the names of every asset that refers to it. The
// highlighting stylesheet of the Markdown stage is published as
// css/syntax.css. It returns each asset's site path by its name
// ("css/main.css").
func publishAssets(pub *publish.Publisher, dirs []theme.Dir, syntaxCSS []byte) (map[string]string, []*diag.Diagnostic) {
	files, diags := walkFiles(dirs, "assets")
	a := &assets{
		pub: pub, files: files, outside: newOutside(dirs),
		src: map[string][]byte{}, paths: map[string]string{}, state: map[string]visit{},
	}
	if _, ok := files["css/syntax.css"]; !ok {
		files["css/syntax.css"] = site.File{Name: "css/syntax.css"}
		a.src["css/syntax.css"] = syntaxCSS
	}
	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		a.visit(name)
	}
	return a.paths, append(diags, a.diags...)
}

// assets is the state of publishAssets.
type assets struct {
	pub     *publish.Publisher
	files   map[string]site.File // by name: "css/main.css"
	outside outside
	src     map[string][]byte // content given rather than read (css/syntax.css)
	paths   map[string]string // published: name → site path
	state   map[string]visit
	stack   []string // the assets being visited, each referring to the next
	diags   []*diag.Diagnostic
}

// visit is where publishAssets is with an asset.
type visit uint8

const (
	unseen visit = iota
	visiting
	done
)

// visit publishes the asset name after the assets it refers to.
func (a *assets) visit(name string) {
	if a.state[name] != unseen {
		return
	}
	a.state[name] = visiting
	a.stack = append(a.stack, name)
	defer func() {
		a.state[name] = done
		a.stack = a.stack[:len(a.stack)-1]
	}()
	f := a.files[name]
	data, ok := a.src[name]
	if !ok {
		var err error
		if data, err = os.ReadFile(f.Abs); err != nil {
			a.diags = append(a.diags, diag.New(f.Name, 0, 0, "读取资源失败:%v", err).
				WithHint("检查这个文件是否存在、能否读取"))
			return
		}
	}
	refs := publish.Refs(name, data)
	for _, r := range refs {
		if t, ok := a.assetTarget(name, r); ok && a.state[t] == visiting {
			a.diags = append(a.diags, a.cycle(f, data, r, t))
		} else if ok {
			a.visit(t)
		}
	}
	urls, ok := a.retarget(name, f, data, refs)
	if !ok {
		return
	}
	hashed, err := a.pub.Asset(name, publish.Rewrite(data, refs, urls))
	if err != nil {
		a.diags = append(a.diags, diag.New(f.Name, 0, 0, "%v", err).WithHint("检查这个文件的语法"))
		return
	}
	a.paths[name] = "/" + hashed
}

// assetTarget is the name of the asset r, in the asset from, refers to.
func (a *assets) assetTarget(from string, r publish.Ref) (string, bool) {
	t, ok := r.Target(from)
	if !ok {
		return "", false
	}
	t = strings.TrimPrefix(t, "/")
	_, ok = a.files[t]
	return t, ok
}

// retarget is the URL each reference of the asset name is to have: an
// asset's published name, a static or content file from the site root
// made relative, the rest as it is. It reports a reference to a file that
// does not exist, and returns false when a reference cannot be written.
func (a *assets) retarget(name string, f site.File, data []byte, refs []publish.Ref) ([]string, bool) {
	urls := make([]string, len(refs))
	ok := true
	for i, r := range refs {
		urls[i] = r.URL
		t, follow := r.Target(name)
		_, isAsset := a.files[strings.TrimPrefix(t, "/")]
		switch {
		case !follow:
		case isAsset:
			p, published := a.paths[strings.TrimPrefix(t, "/")]
			if !published { // a cycle, or the target failed: reported already
				ok = false
				continue
			}
			urls[i] = r.Retarget(name, p)
		case a.outside.find(t) != "":
			if r.Rooted() {
				urls[i] = r.Retarget(name, t)
			}
		default:
			a.diags = append(a.diags, missingRef(f, data, r, t))
			ok = false
		}
	}
	return urls, ok
}

// missingRef reports a reference to a file that is neither an asset nor
// a static or content file.
func missingRef(f site.File, data []byte, r publish.Ref, target string) *diag.Diagnostic {
	line, col := diag.Position(data, r.Start)
	where := ""
	if !r.Rooted() {
		where = "它指向网站的 " + target + ","
	}
	return diag.New(f.Name, line, col, "%s 引用的 “%s” 找不到:%sassets/、static/ 和 content/ 里都没有这个文件", r.Kind, r.URL, where).
		WithHint("检查文件名和路径的拼写(相对路径从这个文件所在的文件夹算起;以 / 开头的路径从网站根目录算起,不要写 base_url 里的路径前缀,yipin 会自动处理);被引用的文件放在 assets/(发布时文件名带内容哈希)或 static/(原样复制);外部网站的文件请写完整网址(https://…)").
		WithSource(data)
}

// cycle reports the reference r, in the asset f, that leads back to the
// asset to, which is being published: each name depends on the other's.
func (a *assets) cycle(f site.File, data []byte, r publish.Ref, to string) *diag.Diagnostic {
	i := slices.Index(a.stack, to)
	chain := strings.Join(append(slices.Clone(a.stack[i:]), to), " → ")
	line, col := diag.Position(data, r.Start)
	return diag.New(f.Name, line, col, "资源文件循环引用:%s", chain).
		WithHint("资源文件的名字带有内容哈希,被引用的文件要先定下名字,所以资源文件之间不能互相引用成环;把两边共用的部分移到第三个文件里,让它们都引用这个文件,或者删掉其中一个引用").
		WithSource(data)
}

// outside finds the files besides assets that a reference may name:
// the files of static/ and, by the same path, of content/. (A content
// file in a folder whose slug changes its path is not found: a
// stylesheet names it by its full URL.)
type outside struct {
	statics map[string]site.File // by path: "images/x.png"
	content string               // the content folder
}

func newOutside(dirs []theme.Dir) outside {
	statics, _ := walkFiles(dirs, "static") // staticFiles reports the errors
	return outside{statics: statics, content: filepath.Join(dirs[len(dirs)-1].Path, "content")}
}

// find is the name of the file at the site path p ("/images/x.png"), or
// "" when there is none.
func (o outside) find(p string) string {
	rel := strings.TrimPrefix(p, "/")
	if f, ok := o.statics[rel]; ok {
		return f.Name
	}
	if strings.HasSuffix(rel, "/") || strings.HasSuffix(rel, ".md") || !filepath.IsLocal(filepath.FromSlash(rel)) {
		return ""
	}
	if fi, err := os.Stat(filepath.Join(o.content, filepath.FromSlash(rel))); err == nil && fi.Mode().IsRegular() {
		return path.Join("content", rel)
	}
	return ""
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
