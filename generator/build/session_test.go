package build

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"yipin/generator/diag"
	"yipin/generator/publish"
)

var (
	seed  = flag.Uint64("seed", 0, "seed of TestSessionMatchesFullBuild; 0 picks one")
	steps = flag.Int("steps", 25, "random edits in TestSessionMatchesFullBuild")
)

// TestSessionMatchesFullBuild applies random edits of the demo site, the
// way an author makes them, through a Session, and checks after each
// edit that every file it serves is byte for byte what a fresh
// full build writes, and that it has no file the full build does not.
// An edit that breaks the site must fail in both; it is then undone.
func TestSessionMatchesFullBuild(t *testing.T) {
	s := *seed
	if s == 0 {
		s = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (rerun with -seed %d)", s, s)
	rng := rand.New(rand.NewPCG(s, 1))
	root := copyDemo(t)
	opts := Options{Source: root, BaseURL: "http://127.0.0.1:1313/dangjian/", Drafts: true, Future: true, Now: testNow}
	ses, _, err := NewSession(opts, func(ds []*diag.Diagnostic) {
		for _, d := range ds {
			t.Errorf("problem found later: %s", d.Long())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	e := &editor{t: t, root: root, rng: rng}
	for i := range *steps {
		changed, undo, what := e.edit()
		u, err := ses.Apply(changed, nil)
		if err != nil {
			t.Logf("step %d: %s: not taken in", i+1, what)
		} else {
			t.Logf("step %d: %s: %s, %d stale", i+1, what, u.Kind, u.Stale)
		}
		if err != nil {
			if _, ferr := Run(t.Context(), withDest(opts, t.TempDir())); ferr == nil {
				t.Fatalf("step %d (%s): the session failed but a full build works:\n%v", i+1, what, err)
			}
			changed = undo()
			if _, err := ses.Apply(changed, nil); err != nil {
				t.Fatalf("step %d: undoing %s: %v", i+1, what, err)
			}
		}
		compareWithFull(t, ses, opts, fmt.Sprintf("after step %d (%s)", i+1, what))
	}
}

// compareWithFull settles the session and compares it with a full build.
func compareWithFull(t *testing.T, ses *Session, opts Options, when string) {
	t.Helper()
	ses.Settle()
	if n := ses.Stale(); n > 0 {
		t.Fatalf("%s: %d outputs still stale after Settle", when, n)
	}
	dest := t.TempDir()
	if _, err := Run(t.Context(), withDest(opts, dest)); err != nil {
		t.Fatalf("%s: full build: %v", when, err)
	}
	want := readTree(t, dest)
	delete(want, publish.Marker) // a folder's, not the site's
	got := ses.Memory().Files()
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: the session has no %s", when, name)
		} else if !bytes.Equal(g, data) {
			t.Errorf("%s: %s differs from the full build:\n got: %.300s\nwant: %.300s", when, name, g, data)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: the session still has %s, which the full build does not write", when, name)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

func withDest(o Options, dest string) Options {
	o.Destination = dest
	return o
}

// copyDemo copies the demo site (site.yaml, content/, themes/) into a
// temporary folder.
func copyDemo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	repo := filepath.Join("..", "..")
	for _, name := range []string{"site.yaml", "content", "themes"} {
		src := filepath.Join(repo, name)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(repo, p)
			dst := filepath.Join(root, rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// editor makes random edits of a site, each returning the changed paths,
// a function that undoes it (returning the paths it changed), and what it
// did.
type editor struct {
	t    *testing.T
	root string
	rng  *rand.Rand
	n    int
}

var titleRE = regexp.MustCompile(`(?m)^title: .*$`)

func (e *editor) edit() (changed []string, undo func() []string, what string) {
	e.n++
	articles := e.files("content/news", "content/research")
	page := articles[e.rng.IntN(len(articles))]
	ops := []func() (string, []string){
		func() (string, []string) { // body: a new first paragraph changes the summary
			e.rewrite(page, func(s string) string {
				front, body := splitFront(s)
				return front + fmt.Sprintf("第 %d 次修改的开头段落,写在最前面。\n\n", e.n) + body
			})
			return "body of " + page, []string{page}
		},
		func() (string, []string) { // body: a line at the end
			e.rewrite(page, func(s string) string { return s + fmt.Sprintf("\n补充说明 %d。\n", e.n) })
			return "end of " + page, []string{page}
		},
		func() (string, []string) { // front matter: the title
			e.rewrite(page, func(s string) string {
				return titleRE.ReplaceAllString(s, fmt.Sprintf("title: 改过的标题 %d", e.n))
			})
			return "title of " + page, []string{page}
		},
		func() (string, []string) { // a new page linking to another
			dir := filepath.Dir(page)
			name := filepath.Join(dir, fmt.Sprintf("new-%d.md", e.n))
			target, _ := filepath.Rel(dir, articles[e.rng.IntN(len(articles))])
			e.write(name, fmt.Sprintf("---\ntitle: 新文章 %d\ndate: 2025-03-%02d\ntags: [清廉机关]\n---\n新文章正文,见[另一篇](%s)。\n", e.n, 1+e.n%28, filepath.ToSlash(target)))
			return "new page " + name, []string{name}
		},
		func() (string, []string) { // a page renamed (moved)
			to := strings.TrimSuffix(page, ".md") + fmt.Sprintf("-r%d.md", e.n)
			e.rename(page, to)
			return "rename " + page, []string{page, to}
		},
		func() (string, []string) { // a page deleted
			e.remove(page)
			return "delete " + page, []string{page}
		},
		func() (string, []string) { // the stylesheet
			css := filepath.Join("themes", "default", "assets", "css", "main.css")
			e.rewrite(css, func(s string) string { return s + fmt.Sprintf("\n.edit-%d{color:#333}\n", e.n) })
			return "css", []string{css}
		},
		func() (string, []string) { // a template every page uses
			footer := filepath.Join("themes", "default", "layouts", "partials", "footer.html")
			e.rewrite(footer, func(s string) string {
				return strings.Replace(s, "</footer>", fmt.Sprintf("<p>修改 %d</p></footer>", e.n), 1)
			})
			return "footer template", []string{footer}
		},
		func() (string, []string) { // a bundle's attachment, same name
			csv := filepath.Join("content", "news", "2024", "kaishi-zhutidangri", "anpai.csv")
			e.rewrite(csv, func(s string) string { return s + fmt.Sprintf("第%d行,补充\n", e.n) })
			return "attachment " + csv, []string{csv}
		},
		func() (string, []string) { // a template only some pages use
			layout := filepath.Join("themes", "default", "layouts", []string{"cases/case.html", "panggao/project.html"}[e.rng.IntN(2)])
			e.rewrite(layout, func(s string) string {
				return strings.Replace(s, "</article>", fmt.Sprintf("<p>版式修改 %d</p></article>", e.n), 1)
			})
			return "template " + layout, []string{layout}
		},
		func() (string, []string) { // a unit's front matter: its short name shows on many pages
			units := e.files("content/units")
			var index []string
			for _, u := range units {
				if strings.HasSuffix(u, "_index.md") && strings.Count(u, "/") == 3 {
					index = append(index, u)
				}
			}
			u := index[e.rng.IntN(len(index))]
			e.rewrite(u, func(s string) string {
				return titleRE.ReplaceAllString(s, fmt.Sprintf("title: 改名的单位 %d", e.n))
			})
			return "unit " + u, []string{u}
		},
	}
	saved := e.snapshot()
	what, rel := ops[e.rng.IntN(len(ops))]()
	for _, r := range rel {
		changed = append(changed, filepath.Join(e.root, r))
	}
	return changed, func() []string { return e.restore(saved) }, what
}

// files lists the Markdown files under the dirs, as slash paths from the
// site root.
func (e *editor) files(dirs ...string) []string {
	var out []string
	for _, d := range dirs {
		filepath.WalkDir(filepath.Join(e.root, d), func(p string, de fs.DirEntry, err error) error {
			if err == nil && !de.IsDir() && strings.HasSuffix(p, ".md") && de.Name() != "_index.md" || err == nil && strings.HasSuffix(d, "units") && de.Name() == "_index.md" {
				rel, _ := filepath.Rel(e.root, p)
				out = append(out, filepath.ToSlash(rel))
			}
			return nil
		})
	}
	slices.Sort(out)
	return out
}

func (e *editor) read(rel string) string {
	data, err := os.ReadFile(filepath.Join(e.root, rel))
	if err != nil {
		e.t.Fatal(err)
	}
	return string(data)
}

func (e *editor) write(rel, text string) {
	p := filepath.Join(e.root, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

func (e *editor) rewrite(rel string, f func(string) string) { e.write(rel, f(e.read(rel))) }

func (e *editor) rename(from, to string) {
	if err := os.Rename(filepath.Join(e.root, from), filepath.Join(e.root, to)); err != nil {
		e.t.Fatal(err)
	}
}

func (e *editor) remove(rel string) {
	if err := os.Remove(filepath.Join(e.root, rel)); err != nil {
		e.t.Fatal(err)
	}
}

// snapshot reads every file of content/ and themes/, to undo an edit.
func (e *editor) snapshot() map[string][]byte {
	out := map[string][]byte{}
	for _, d := range []string{"content", "themes"} {
		filepath.WalkDir(filepath.Join(e.root, d), func(p string, de fs.DirEntry, err error) error {
			if err == nil && !de.IsDir() {
				data, _ := os.ReadFile(p)
				out[p] = data
			}
			return nil
		})
	}
	return out
}

// restore puts the files back as snapshot found them and returns the
// paths it changed.
func (e *editor) restore(saved map[string][]byte) []string {
	var changed []string
	now := e.snapshot()
	for p := range now {
		if _, ok := saved[p]; !ok {
			os.Remove(p)
			changed = append(changed, p)
		}
	}
	for p, data := range saved {
		if !bytes.Equal(now[p], data) {
			os.WriteFile(p, data, 0o644)
			changed = append(changed, p)
		}
	}
	return changed
}

// splitFront splits a Markdown file after its front matter.
func splitFront(s string) (front, body string) {
	i := strings.Index(s[3:], "\n---\n")
	if !strings.HasPrefix(s, "---\n") || i < 0 {
		return "", s
	}
	return s[:i+3+5], s[i+3+5:]
}

// A file added under static/ or content/ that lands on an output is an
// error in a session as in a full build, and the session keeps serving
// the last good state; a static robots.txt replaces the generated one.
func TestSessionFileCollisions(t *testing.T) {
	root := copyDemo(t)
	opts := Options{Source: root, BaseURL: "http://127.0.0.1:1313/dangjian/", Drafts: true, Future: true, Now: testNow}
	ses, _, err := NewSession(opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	write := func(rel, text string) string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct{ rel, names string }{
		{"static/news/index.html", "页面 content/news/_index.md"},
		{"content/news/index.xml", "content/news/_index.md 的 RSS 订阅"},
		// an asset that is not fingerprinted keeps its path, and may land
		// on a static file; the theme's emblem must come back afterwards
		{"assets/images/emblem.svg", "static/images/emblem.svg"},
	} {
		p := write(c.rel, "<p>旧</p>")
		_, err := ses.Apply([]string{p}, nil)
		if err == nil || !strings.Contains(err.Error(), c.rel) || !strings.Contains(err.Error(), c.names) {
			t.Errorf("adding %s: error %v, want one naming it and %s", c.rel, err, c.names)
		}
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if _, err := ses.Apply([]string{p}, nil); err != nil {
			t.Fatalf("removing %s again: %v", c.rel, err)
		}
		compareWithFull(t, ses, opts, "after removing "+c.rel)
	}
	p := write("static/robots.txt", "User-agent: *\nDisallow: /\n")
	if _, err := ses.Apply([]string{p}, nil); err != nil {
		t.Fatal(err)
	}
	compareWithFull(t, ses, opts, "with a static robots.txt")
	if got, _ := ses.File("robots.txt"); string(got) != "User-agent: *\nDisallow: /\n" {
		t.Errorf("robots.txt = %q, want the site's own", got)
	}
}

// TestSessionStructuralRereads: when files come or go, the parses of
// files that did not change are reused (content.TestLoadKnown), but a
// file an event names is read again even when its size and time stayed
// the same (a coarse file system clock).
func TestSessionStructuralRereads(t *testing.T) {
	root := copyDemo(t)
	opts := Options{Source: root, BaseURL: "http://127.0.0.1:1313/dangjian/", Drafts: true, Future: true, Now: testNow}
	ses, _, err := NewSession(opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(root, "content", "news", "2025", "hongyan-qingfeng.md")
	info, err := os.Stat(edited)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(edited)
	if err != nil {
		t.Fatal(err)
	}
	// the title, with as many bytes as before: one Chinese character for
	// another (a body is read again when its page renders in any case)
	text := strings.Replace(string(data), "入选本年度", "入选今年度", 1)
	if text == string(data) || len(text) != len(data) {
		t.Fatal("the demo article changed; pick another edit")
	}
	if err := os.WriteFile(edited, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(edited, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	added := filepath.Join(root, "content", "news", "2025", "xinzeng.md")
	if err := os.WriteFile(added, []byte("---\ntitle: 新增的一篇\ndate: 2025-10-01\n---\n新写的正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ses.Apply([]string{added, edited}, nil); err != nil {
		t.Fatal(err)
	}
	compareWithFull(t, ses, opts, "after adding a page and editing another")
	got, _ := ses.File("news/2025/hongyan-qingfeng/index.html")
	if !strings.Contains(string(got), "入选今年度") {
		t.Error("the edited article still shows its old title")
	}
}

// TestSessionLinkChecks: a Session checks links as a full build does,
// and reports each error once: a link to a site path whose page was
// deleted, and a link in a summary written in the front matter.
func TestSessionLinkChecks(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/news/a.md":  "---\ntitle: 甲\n---\n见[新页](/news/np/)。\n",
		"content/news/np.md": "---\ntitle: 新页\n---\n正文。\n",
		"content/news/b.md":  "---\ntitle: 乙\nsummary: 摘要。\n---\n正文。\n",
	})
	ses, _, err := NewSession(Options{Source: root, Now: testNow}, func(ds []*diag.Diagnostic) {
		t.Errorf("problems found later: %v", ds)
	})
	if err != nil {
		t.Fatal(err)
	}
	oneError := func(when, file, part string, err error) {
		t.Helper()
		var errs *diag.Errors
		if !errors.As(err, &errs) || len(errs.List) != 1 || errs.List[0].File != file || !strings.Contains(errs.List[0].Message, part) {
			t.Errorf("%s: want one error in %s about %q, got %v", when, file, part, err)
		}
	}
	np := filepath.Join(root, "content", "news", "np.md")
	if err := os.Remove(np); err != nil {
		t.Fatal(err)
	}
	_, err = ses.Apply([]string{np}, nil)
	oneError("page deleted", "content/news/a.md", "/news/np/", err)
	if err := os.WriteFile(np, []byte("---\ntitle: 新页\n---\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ses.Apply([]string{np}, nil); err != nil {
		t.Fatalf("page back: %v", err)
	}
	b := filepath.Join(root, "content", "news", "b.md")
	if err := os.WriteFile(b, []byte("---\ntitle: 乙\nsummary: 见[缺](nope.md)。\n---\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ses.Apply([]string{b}, nil)
	oneError("summary link", "content/news/b.md", "nope.md", err)
}
