package browsertest

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// brokenSite is a tiny site under basePath with one problem of each kind
// the tests look for.
var brokenSite = map[string][2]string{ // path → Content-Type, body
	"/dangjian/": {"text/html; charset=utf-8", `<!doctype html><html lang=en><head><title>t</title>
<link rel=stylesheet href=style.css></head><body><main>
<a href="missing/">missing</a> <a href="a/#nope">no such id</a> <a href="a/#here">fine</a>
<a href="/elsewhere/">outside the sub-path</a> <a href="https://example.com/">another host</a>
<img src="https://example.com/x.png"> <img src="pic.png">
<script>console.error('boom'); throw new Error('bang');</script></main></body></html>`},
	"/dangjian/a/":          {"text/html", `<!doctype html><html lang=en><title>a</title><p id=here>here</p></html>`},
	"/dangjian/style.css":   {"text/css", `main { background: url("bg.png") }`},
	"/dangjian/sitemap.xml": {"application/xml", `<urlset><url><loc>/dangjian/gone/</loc></url></urlset>`},
	"/dangjian/robots.txt":  {"text/plain", "User-agent: *\n"},
	"/dangjian/index.xml":   {"application/rss+xml", `<rss version="2.0"></rss>`},
}

// TestHarness checks that the checks catch what they should, on
// brokenSite served by net/http/httptest on 127.0.0.1.
func TestHarness(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := brokenSite[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", page[0])
		w.Write([]byte(page[1]))
	}))
	defer ts.Close()
	s := &server{origin: ts.URL, base: ts.URL + basePath}

	t.Run("crawler", func(t *testing.T) {
		c := newCrawler(s).run()
		expect(t, c.problems,
			"/missing/ answers 404", "/pic.png answers 404", "/bg.png answers 404", "/gone/ answers 404",
			`no id "nope"`, "/elsewhere/, outside the sub-path", `/a/ has Content-Type "text/html"`)
		for _, u := range []string{"https://example.com/", "https://example.com/x.png"} {
			if _, ok := c.external[u]; !ok {
				t.Errorf("outside link %s not collected: %v", u, c.external)
			}
		}
	})

	t.Run("browser", func(t *testing.T) {
		b := newTab(t, s)
		rec := &pageRecorder{outside: map[network.RequestID]string{}}
		if err := chromedp.Listen(b.ctx, rec.event); err != nil {
			t.Fatal(err)
		}
		rec.start()
		if err := b.open("/"); err != nil {
			t.Fatal(err)
		}
		must[int](t, b, "1")
		problems := rec.stop()
		expect(t, problems, "console.error: \"boom\"", "Error: bang", "(blocked): https://example.com/x.png", "404")
		for _, p := range problems {
			if strings.Contains(p, "NOT blocked") {
				t.Error(p)
			}
		}
	})

	t.Run("axe", func(t *testing.T) {
		needLong(t)
		src := axeSource(t)
		b := newTab(t, s)
		if err := b.open("/"); err != nil {
			t.Fatal(err)
		}
		must[chromedp.Void](t, b, src)
		var ids []string
		for _, v := range must[[]axeViolation](t, b, axeRun) {
			ids = append(ids, v.ID)
		}
		if !slices.Contains(ids, "image-alt") {
			t.Errorf("axe found %v on a page with an image without alt, want image-alt among them", ids)
		}
	})
}

// expect fails unless each wanted text is part of some problem.
func expect(t *testing.T, problems []string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, w) }) {
			t.Errorf("no problem mentions %q; problems:\n%s", w, strings.Join(problems, "\n"))
		}
	}
}
