package serve

import (
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"yipin/generator/publish"
)

func TestServePage(t *testing.T) {
	ts := startSite(t, smallSite(), false, Options{})
	code, body, h := ts.get("/dangjian/news/a/")
	if code != http.StatusOK || !strings.Contains(body, "正文第一段") {
		t.Fatalf("GET a page: %d\n%s", code, body)
	}
	if !strings.Contains(body, string(scriptTag)+"</body>") {
		t.Error("the live script is not injected before </body>")
	}
	if h.Get("Content-Type") != "text/html; charset=utf-8" || h.Get("Cache-Control") != "no-store" {
		t.Errorf("headers %v", h)
	}
	// links carry the server's origin and the base path of site.yaml
	if !strings.Contains(body, ts.url+"/dangjian/news/a/") {
		t.Errorf("canonical URL is not on the preview server %s", ts.url)
	}
	if !strings.Contains(ts.stdout.String(), "构建完成:") {
		t.Errorf("no build summary: %q", ts.stdout.String())
	}

	cases := []struct {
		path, status, location, contentType string
	}{
		{"/", "302", "/dangjian/", ""},
		{"/dangjian", "302", "/dangjian/", ""},
		{"/dangjian/news", "302", "/dangjian/news/", ""},
		{"/dangjian/news?page=2", "302", "/dangjian/news/?page=2", ""},
		{"/dangjian/", "200", "", "text/html; charset=utf-8"},
		{"/dangjian/index.xml", "200", "", "application/xml; charset=utf-8"},
		{"/dangjian/robots.txt", "200", "", "text/plain; charset=utf-8"},
		{"/dangjian/nosuch/", "404", "", "text/html; charset=utf-8"},
		{"/news/a/", "404", "", "text/html; charset=utf-8"}, // outside the base path
		{"/__yipin/nosuch", "404", "", ""},
		{scriptPath, "200", "", "text/javascript; charset=utf-8"},
	}
	for _, c := range cases {
		code, body, h := ts.get(c.path)
		if strconv.Itoa(code) != c.status {
			t.Errorf("%s: %d, want %s", c.path, code, c.status)
		}
		if c.location != "" && h.Get("Location") != c.location {
			t.Errorf("%s: Location %q, want %q", c.path, h.Get("Location"), c.location)
		}
		if c.contentType != "" && h.Get("Content-Type") != c.contentType {
			t.Errorf("%s: Content-Type %q, want %q", c.path, h.Get("Content-Type"), c.contentType)
		}
		if code == http.StatusNotFound && c.contentType != "" && !strings.Contains(body, string(scriptTag)) {
			t.Errorf("%s: the 404 page has no live script", c.path)
		}
	}
}

func TestLiveReload(t *testing.T) {
	ts := startSite(t, smallSite(), false, Options{})
	es := ts.events()
	a := filepath.Join(ts.root, "content", "news", "a.md")

	// an editor's atomic save: temporary file renamed over the page
	ts.save(a, "---\ntitle: 关于开展主题党日活动的通知\ndate: 2025-05-06\n---\n改过的正文。\n")
	if m := es.next("reload"); m.Path != "/dangjian/news/a/" {
		t.Errorf("reload path %q, want the page edited, /dangjian/news/a/ (the script follows the author there)", m.Path)
	}
	if _, body, _ := ts.get("/dangjian/news/a/"); !strings.Contains(body, "改过的正文") {
		t.Errorf("the edit is not served:\n%s", body)
	}
	if !strings.Contains(ts.stdout.String(), "已更新(正文有变):立即渲染") || !strings.Contains(ts.stdout.String(), " 毫秒") {
		t.Errorf("no rebuild summary: %q", ts.stdout.String())
	}

	// a new page in a new folder
	ts.write("content/notices/2025/c.md", "---\ntitle: 新栏目的通知\ndate: 2025-06-01\n---\n新栏目正文。\n")
	es.next("reload")
	waitFor(t, func() bool {
		code, body, _ := ts.get("/dangjian/notices/2025/c/")
		return code == http.StatusOK && strings.Contains(body, "新栏目正文")
	}, "the page in a new folder is not served")
	// a second page in that folder, created after it was first seen
	ts.write("content/notices/2025/d.md", "---\ntitle: 又一篇\ndate: 2025-06-02\n---\n又一篇正文。\n")
	es.next("reload")
	waitFor(t, func() bool {
		code, _, _ := ts.get("/dangjian/notices/2025/d/")
		return code == http.StatusOK
	}, "a page created later in the new folder is not served")

	// deleting a page
	if err := os.Remove(filepath.Join(ts.root, "content", "news", "b.md")); err != nil {
		t.Fatal(err)
	}
	es.next("reload")
	if code, _, _ := ts.get("/dangjian/news/b/"); code != http.StatusNotFound {
		t.Errorf("deleted page: %d, want 404", code)
	}
}

func TestBuildErrorOverlay(t *testing.T) {
	ts := startSite(t, smallSite(), false, Options{})
	es := ts.events()
	a := filepath.Join(ts.root, "content", "news", "a.md")

	ts.save(a, "---\ntitle: 关于开展主题党日活动的通知\ndate: 明天\n---\n坏掉的正文。\n")
	m := es.next("error")
	if len(m.Errors) == 0 || m.Errors[0].Location != "content/news/a.md:3:7" {
		t.Fatalf("error message %+v, want one at content/news/a.md:3:7", m)
	}
	if e := m.Errors[0]; !strings.Contains(e.Message, "错误:") || len(e.Lines) == 0 || !e.Lines[len(e.Lines)-2].Here {
		t.Errorf("error lacks its message or source lines: %+v", e)
	}
	if _, body, _ := ts.get("/dangjian/news/a/"); !strings.Contains(body, "正文第一段") {
		t.Error("the last good page is not served while the site is broken")
	}
	// a page opened now gets the error at once
	late := ts.events()
	late.next("error")

	// the same error again is not printed again
	ts.save(a, "---\ntitle: 关于开展主题党日活动的通知\ndate: 明天\n---\n坏掉的正文。\n")
	es.next("error")
	if n := strings.Count(ts.stderr.String(), "content/news/a.md:3:7"); n != 1 {
		t.Errorf("the error was printed %d times, want once:\n%s", n, ts.stderr.String())
	}

	ts.save(a, "---\ntitle: 关于开展主题党日活动的通知\ndate: 2025-05-06\n---\n修好的正文。\n")
	es.next("reload")
	if _, body, _ := ts.get("/dangjian/news/a/"); !strings.Contains(body, "修好的正文") {
		t.Error("the fixed page is not served")
	}
}

func TestBrokenAtStart(t *testing.T) {
	files := smallSite()
	files["content/news/a.md"] = "---\ntitle: 坏\ndate: 明天\n---\n"
	ts := startSite(t, files, false, Options{})
	code, body, _ := ts.get("/dangjian/news/b/")
	if code != http.StatusInternalServerError || !strings.Contains(body, "content/news/a.md:3:7") ||
		!strings.Contains(body, "yipin-overlay") || !strings.Contains(body, string(scriptTag)) {
		t.Fatalf("GET while broken: %d\n%s", code, body)
	}
	es := ts.events()
	es.next("error")
	ts.save(filepath.Join(ts.root, "content", "news", "a.md"), "---\ntitle: 好\ndate: 2025-01-01\n---\n")
	es.next("reload")
	if code, _, _ := ts.get("/dangjian/news/b/"); code != http.StatusOK {
		t.Errorf("after the fix: %d", code)
	}
}

func TestCSSChange(t *testing.T) {
	ts := startSite(t, smallSite(), true, Options{})
	es := ts.events()
	main := filepath.Join(ts.theme, "assets", "css", "main.css")
	css, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	ts.save(main, string(css)+"\n.yipin-test{color:red}\n")
	es.next("css")

	// a site-level override of the theme's stylesheet
	ts.write("assets/css/main.css", "body{color:#111}\n")
	es.next("css")
	_, body, _ := ts.get("/dangjian/")
	if !strings.Contains(body, "/dangjian/css/main.") {
		t.Fatalf("no stylesheet link:\n%s", body)
	}

	// a template change reloads
	ts.save(filepath.Join(ts.theme, "layouts", "404.html"), "<!DOCTYPE html><html><body>没有这一页</body></html>")
	es.next("reload")
}

func TestEditorFilesIgnored(t *testing.T) {
	ts := startSite(t, smallSite(), false, Options{})
	before := ts.srv.builds.Load()
	for _, name := range []string{".a.md.swp", "4913", "a.md~", "#a.md#", "~$报告.docx", ".goutputstream-XYZ"} {
		ts.write("content/news/"+name, "x")
	}
	ts.write("notes.txt", "not part of the site") // in the root: only site.yaml counts
	// nothing may happen for several debounce periods
	deadline := time.Now().Add(10 * ts.srv.opts.Debounce)
	for time.Now().Before(deadline) {
		if n := ts.srv.builds.Load(); n != before {
			t.Fatalf("editor files caused %d rebuilds", n-before)
		}
		time.Sleep(5 * time.Millisecond)
	}
	// and a real change still does
	es := ts.events()
	ts.write("site.yaml", "title: 改名的网站\nbase_url: https://example.gov.cn/dangjian/\ntheme: "+ts.theme+"\n")
	es.next("reload")
	if _, body, _ := ts.get("/dangjian/"); !strings.Contains(body, "改名的网站") {
		t.Error("site.yaml change not served")
	}
}

func TestKeepalive(t *testing.T) {
	ts := startSite(t, smallSite(), false, Options{Keepalive: 20 * time.Millisecond})
	es := ts.events()
	select {
	case c := <-es.comments:
		if c != "keepalive" {
			t.Errorf("comment %q", c)
		}
	case <-time.After(wait):
		t.Fatal("no keepalive comment")
	}
	// many browsers at once all hear of a change
	more := []*stream{ts.events(), ts.events(), ts.events()}
	ts.save(filepath.Join(ts.root, "content", "news", "a.md"), "---\ntitle: 又改\ndate: 2025-05-06\n---\n")
	es.next("reload")
	for _, s := range more {
		s.next("reload")
	}
}

func TestTraversal(t *testing.T) {
	ts := startSite(t, smallSite(), false, Options{})
	for _, target := range []string{
		"/../site.yaml",
		"/%2e%2e/site.yaml",
		"/%2E%2E/site.yaml",
		"/..%2fsite.yaml",
		"/dangjian/..%2f..%2fsite.yaml",
		"/news/..%5c..%5csite.yaml",
		"/dangjian/news/..%5c..%5csite.yaml",
		"/dangjian/../site.yaml",
		"/dangjian/%2e%2e/%2e%2e/site.yaml",
		"/dangjian/./news/a/",
		"//etc/passwd",
		"/dangjian//etc/passwd",
		"/dangjian/news/a/%00",
		"/dangjian/news\\a/",
		"/dangjian/content/news/a.md",
		"/site.yaml",
	} {
		t.Run(target, func(t *testing.T) {
			code, body := ts.raw(target)
			if code != http.StatusNotFound && code != http.StatusBadRequest {
				t.Errorf("status %d, want 404 or 400", code)
			}
			if strings.Contains(body, "base_url:") || strings.Contains(body, "root:") || strings.Contains(body, "title: ") {
				t.Errorf("answered with a file from disk:\n%s", body)
			}
		})
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md": false, "_index.md": false, "main.css": false, "site.yaml": false, "政策解读.md": false,
		"a.md~": true, ".a.md.swp": true, ".a.md.swx": true, "a.md.swo": true, "4913": true,
		"a.md.tmp": true, "A.TMP": true, ".#a.md": true, "#a.md#": true, ".DS_Store": true,
		"~$报告.docx": true, "file.pdf.crdownload": true, ".hidden": true, ".goutputstream-ABC123": true,
		"": true, "#tag": false, "4914": false,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

// waitFor polls cond until it holds, failing the test after the bound.
func waitFor(t *testing.T, cond func() bool, msg string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal(msg)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestListenNextPort(t *testing.T) {
	taken, err := Listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := Port(taken)
	ln, err := Listen("127.0.0.1", port)
	if err != nil {
		t.Fatalf("no free port in the %d after %d: %v", PortTries, port, err)
	}
	defer ln.Close()
	if got := Port(ln); got <= port || got > port+PortTries {
		t.Errorf("port %d, want one of %d…%d", got, port+1, port+PortTries)
	}
	for bind, want := range map[string]bool{"127.0.0.1": true, "::1": true, "localhost": true, "0.0.0.0": false, "192.168.1.5": false, "::": false} {
		if Local(bind) != want {
			t.Errorf("Local(%q) = %v", bind, !want)
		}
	}
}

// Drafts and future pages are served in preview, marked as such.
func TestDraftAndFutureBadges(t *testing.T) {
	files := smallSite()
	files["content/news/draft.md"] = "---\ntitle: 还没写完的稿子\ndate: 2025-05-01\ndraft: true\n---\n草稿正文。\n"
	files["content/news/later.md"] = "---\ntitle: 下个世纪的通知\ndate: 2125-05-01\n---\n未来正文。\n"
	ts := startSite(t, files, false, Options{})
	for path, want := range map[string]string{
		"/dangjian/news/draft/": "草稿：这个页面设了 draft: true",
		"/dangjian/news/later/": "未到发布时间：",
	} {
		code, body, _ := ts.get(path)
		if code != http.StatusOK || !strings.Contains(body, "preview-badge") || !strings.Contains(body, want) {
			t.Errorf("%s: %d, no badge %q", path, code, want)
		}
	}
	if _, body, _ := ts.get("/dangjian/news/a/"); strings.Contains(body, "preview-badge") {
		t.Error("a published page carries the preview badge")
	}
}

// Deleting the unit an article names shows the error where the reference
// now dangles, keeps the last good site, and renaming the unit back
// brings every page that showed it up to date.
func TestUnitDeletedAndRestored(t *testing.T) {
	files := smallSite()
	files["content/units/_index.md"] = "---\ntitle: 部门单位\n---\n"
	files["content/units/caizhengju/_index.md"] = "---\ntitle: 临江区财政局\nshort_name: 区财政局\nparty_org: 中共临江区财政局机关委员会\ncategory: 经济\n---\n"
	files["content/news/a.md"] = "---\ntitle: 关于开展主题党日活动的通知\ndate: 2025-05-06\nunit: caizhengju\n---\n正文第一段。\n"
	ts := startSite(t, files, false, Options{})
	es := ts.events()
	if _, body, _ := ts.get("/dangjian/news/a/"); !strings.Contains(body, "区财政局") {
		t.Fatalf("the article does not show its unit:\n%s", body)
	}
	unit := filepath.Join(ts.root, "content", "units", "caizhengju")
	moved := filepath.Join(ts.root, "content", "units", "czj")
	if err := os.Rename(unit, moved); err != nil {
		t.Fatal(err)
	}
	m := es.next("error")
	if len(m.Errors) == 0 || !strings.HasPrefix(m.Errors[0].Location, "content/news/a.md:4") || !strings.Contains(m.Errors[0].Message, "caizhengju") {
		t.Errorf("error %+v, want one at content/news/a.md:4 naming caizhengju", m.Errors)
	}
	if code, body, _ := ts.get("/dangjian/news/a/"); code != http.StatusOK || !strings.Contains(body, "区财政局") {
		t.Errorf("the last good page is not kept: %d", code)
	}
	// the article follows the unit's new folder name
	ts.save(filepath.Join(ts.root, "content", "news", "a.md"), "---\ntitle: 关于开展主题党日活动的通知\ndate: 2025-05-06\nunit: czj\n---\n正文第一段。\n")
	es.next("reload")
	waitFor(t, func() bool {
		code, body, _ := ts.get("/dangjian/units/czj/")
		return code == http.StatusOK && strings.Contains(body, "关于开展主题党日活动的通知")
	}, "the unit's page under its new name does not list the article")
	if code, _, _ := ts.get("/dangjian/units/caizhengju/"); code != http.StatusNotFound {
		t.Errorf("the unit's old page answers %d, want 404", code)
	}
}

// Files of the site under /__yipin/ cannot be previewed; the terminal
// says so.
func TestReservedPathWarning(t *testing.T) {
	files := smallSite()
	files["static/__yipin/note.txt"] = "占用了预览路径的文件\n"
	ts := startSite(t, files, false, Options{})
	ts.write("site.yaml", "title: 测试机关党建\nbase_url: https://example.gov.cn/\ntheme: "+ts.theme+"\n")
	es := ts.events()
	es.next("reload")
	waitFor(t, func() bool { return strings.Contains(ts.stderr.String(), "预览服务器占用了这个路径") }, "no warning about /__yipin/:\n"+ts.stderr.String()+ts.stdout.String())
	if !strings.Contains(ts.stderr.String(), "/__yipin/note.txt") {
		t.Errorf("the warning does not name the file:\n%s", ts.stderr.String())
	}
}

// With a destination, the site is also written to disk, and kept up to
// date after each change.
func TestWriteToDisk(t *testing.T) {
	ts := startSite(t, smallSite(), false, Options{Destination: "public"})
	page := filepath.Join(ts.root, "public", "news", "a", "index.html")
	read := func() string { data, _ := os.ReadFile(page); return string(data) }
	waitFor(t, func() bool { return strings.Contains(read(), "正文第一段") }, "the site is not written to public/")
	if strings.Contains(read(), string(scriptTag)) {
		t.Error("the live script is written to disk")
	}
	waitFor(t, func() bool { return strings.Contains(ts.stdout.String(), "已写入 ") }, "no line about writing")
	// Files written again get a new time; the others keep this one.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	public := filepath.Join(ts.root, "public")
	filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(p, old, old)
		}
		return err
	})

	es := ts.events()
	ts.save(filepath.Join(ts.root, "content", "news", "a.md"), "---\ntitle: 关于开展主题党日活动的通知\ndate: 2025-05-06\n---\n写到磁盘的新正文。\n")
	es.next("reload")
	waitFor(t, func() bool { return strings.Contains(read(), "写到磁盘的新正文") }, "the edit is not written to public/")
	waitFor(t, func() bool { return strings.Contains(ts.stdout.String(), "已更新 ") }, "no line about updating: "+ts.stdout.String())
	for _, rel := range []string{"news/b/index.html", "404.html"} {
		if fi, err := os.Stat(filepath.Join(public, filepath.FromSlash(rel))); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("%s was written again, though the edit did not change it", rel)
		}
	}

	// A page removed: its file and folder go.
	os.Remove(filepath.Join(ts.root, "content", "news", "b.md"))
	es.next("reload")
	waitFor(t, func() bool {
		_, err := os.Stat(filepath.Join(public, "news", "b"))
		return os.IsNotExist(err)
	}, "the removed page's folder is still in public/")
	waitFor(t, func() bool { return strings.Contains(ts.stdout.String(), "删除 1 个文件") }, "no line about removing: "+ts.stdout.String())
	if strings.Count(ts.stdout.String(), "已写入 ") != 1 {
		t.Errorf("the folder was written whole more than once:\n%s", ts.stdout.String())
	}
}

// While a build writes the destination, the server does not write it
// too: it says so once, and writes it after the next change once the
// build is done. From then on it holds the folder, so that a build
// refuses it, until the server stops.
func TestWriteToDiskWhileBuilding(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	t.Cleanup(func() { // after the server has stopped (cleanups run last first)
		if _, err := os.Stat(public + ".yipin-lock"); !os.IsNotExist(err) {
			t.Errorf("the lock file is left after the server stopped: %v", err)
		}
	})
	building, err := publish.Lock(t.Context(), public, "build", func(publish.Holder) bool { return false })
	if err != nil {
		t.Fatal(err)
	}
	ts := startSite(t, smallSite(), false, Options{Destination: public})
	busy := "正由另一个 yipin build(进程号 "
	waitFor(t, func() bool { return strings.Contains(ts.stderr.String(), busy) }, "no line about the build writing public/")
	if _, err := os.Stat(public); !os.IsNotExist(err) {
		t.Errorf("public/ written while a build holds it: %v", err)
	}

	es := ts.events()
	ts.save(filepath.Join(ts.root, "content", "news", "b.md"), "---\ntitle: 第二篇\ndate: 2025-05-07\n---\n构建还没结束时的修改。\n")
	es.next("reload")
	building.Unlock()
	ts.save(filepath.Join(ts.root, "content", "news", "a.md"), "---\ntitle: 关于开展主题党日活动的通知\ndate: 2025-05-06\n---\n构建结束后的修改。\n")
	es.next("reload")
	page := filepath.Join(public, "news", "a", "index.html")
	read := func() string { data, _ := os.ReadFile(page); return string(data) }
	waitFor(t, func() bool { return strings.Contains(read(), "构建结束后的修改") }, "public/ not written after the build let go")
	if n := strings.Count(ts.stderr.String(), busy); n != 1 {
		t.Errorf("the line about the build was printed %d times, want once:\n%s", n, ts.stderr.String())
	}

	_, err = publish.Lock(t.Context(), public, "build", func(h publish.Holder) bool {
		if h.Command != "serve" || h.PID != os.Getpid() {
			t.Errorf("holder = %+v, want this process's server", h)
		}
		return false
	})
	if err == nil {
		t.Error("a build could take public/ while the server writes it")
	}
}
