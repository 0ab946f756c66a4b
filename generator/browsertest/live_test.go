package browsertest

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"yipin/generator/serve"
)

// TestLiveReloadInBrowser runs yipin serve on a small site and keeps a
// page open in Chromium while its Markdown is saved, as an author works:
// the new text appears without the test touching the browser; broken
// front matter shows the error overlay with the file and line; fixing it
// takes the overlay away and shows the fixed text.
func TestLiveReloadInBrowser(t *testing.T) {
	browser(t)
	theme, err := filepath.Abs(filepath.Join("..", "..", "themes", "default"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	page := filepath.Join(root, "content", "news", "a.md")
	write := func(p, text string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(p), 0o755)
		tmp := p + ".tmp~" // saved as editors do: a temporary file renamed over the page
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "site.yaml"), "title: 测试机关党建\nbase_url: https://example.gov.cn/dangjian/\ntheme: "+theme+"\n")
	write(filepath.Join(root, "content", "_index.md"), "---\ntitle: 首页\n---\n")
	write(filepath.Join(root, "content", "news", "_index.md"), "---\ntitle: 工作动态\n---\n")
	write(page, "---\ntitle: 主题党日活动\ndate: 2025-05-06\n---\n第一版正文。\n")

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := serve.New(serve.Options{Source: root, Drafts: true, Future: true}, ln)
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan struct{}), make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln, ready) }()
	t.Cleanup(func() { cancel(); <-done })
	<-ready

	b := newTab(t, &server{origin: "http://" + ln.Addr().String()})
	if err := b.open("/news/a/"); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the page's live script to connect", func() bool { return srv.Browsers() > 0 })
	if !must[bool](t, b, `document.body.innerText.includes("第一版正文")`) {
		t.Fatal("the page does not show its text")
	}
	must[bool](t, b, `window.yipinMark = true`) // gone if the test reloaded the page itself

	write(page, "---\ntitle: 主题党日活动\ndate: 2025-05-06\n---\n第二版正文,保存后自动出现。\n")
	waitFor(t, b, "the edit to appear", `document.body.innerText.includes("第二版正文")`)
	if must[bool](t, b, `window.yipinMark === true`) {
		t.Error("the page was not reloaded, yet shows the new text")
	}

	write(page, "---\ntitle: [没有闭合的方括号\ndate: 2025-05-06\n---\n第二版正文。\n")
	waitFor(t, b, "the error overlay", `(() => { const o = document.getElementById("yipin-overlay");
		return o !== null && o.getBoundingClientRect().height > 0 && o.innerText.includes("content/news/a.md:2") })()`)
	if !must[bool](t, b, `document.body.innerText.includes("第二版正文")`) {
		t.Error("the last good page is not kept under the overlay")
	}

	write(page, "---\ntitle: 主题党日活动\ndate: 2025-05-06\n---\n第三版正文,错误已改正。\n")
	waitFor(t, b, "the overlay to go and the fix to show", `document.getElementById("yipin-overlay") === null && document.body.innerText.includes("第三版正文")`)
}

// waitUntil polls cond for up to 10 s.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitFor polls a JavaScript condition in the tab for up to 10 s; the page
// may be reloading meanwhile.
func waitFor(t *testing.T, b *tab, what, expr string) {
	t.Helper()
	waitUntil(t, what, func() bool {
		ok, err := eval[bool](b, expr)
		return err == nil && ok
	})
}
