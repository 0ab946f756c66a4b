package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkSaveToReload measures what an author waits for: from saving a
// file to the message the browser acts on, with a real server, a real
// watcher and a real event stream, on the corpus of `make corpus`
// (YIPIN_BENCH_SITE, default corpus/10000). Each edit changes the
// opening paragraph of a different article (so its summary changes too),
// saved the way editors save, while a browser shows that article; then
// the stylesheet; then a new article, and its removal. It reports the
// median, 95th percentile and worst latency of each, and the server's
// memory. Run it with `make bench-serve`. The files edited are put back
// at the end.
func BenchmarkSaveToReload(b *testing.B) {
	root := os.Getenv("YIPIN_BENCH_SITE")
	if root == "" {
		root = filepath.Join("..", "..", "corpus", "10000")
	}
	if _, err := os.Stat(filepath.Join(root, "site.yaml")); err != nil {
		b.Skipf("no corpus at %s: run make corpus N=10000 first", root)
	}
	root, _ = filepath.Abs(root)
	var articles []string
	filepath.WalkDir(filepath.Join(root, "content", "news"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			articles = append(articles, p)
		}
		return nil
	})
	slices.Sort(articles)
	css := filepath.Join(root, "..", "..", "themes", "default", "assets", "css", "main.css")
	if theme := themeOf(root); theme != "" {
		css = filepath.Join(theme, "assets", "css", "main.css")
	}
	originals := map[string][]byte{}
	keep := func(p string) []byte {
		if data, ok := originals[p]; ok {
			return data
		}
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		originals[p] = data
		return data
	}
	b.Cleanup(func() {
		for p, data := range originals {
			os.WriteFile(p, data, 0o644)
		}
	})

	// the memory figures are this run's: what an earlier run of the
	// benchmark function held goes back to the system, and the peak is reset
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50) // as yipin serve does
	}
	runtime.GC()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := New(Options{Source: root, Drafts: true, Future: true}, ln)
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan struct{}), make(chan error, 1)
	start := time.Now()
	go func() { done <- srv.Run(ctx, ln, ready) }()
	defer func() { cancel(); <-done }()
	<-ready
	b.Logf("first build: %v (edits pick from the %d articles under news/)", time.Since(start).Round(time.Millisecond), len(articles))
	base := "http://" + ln.Addr().String()

	var pageMs, cssMs, addMs, removeMs []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := articles[(i*7919)%len(articles)]
		rel, _ := filepath.Rel(filepath.Join(root, "content"), p)
		page := srv.URL() + strings.TrimSuffix(filepath.ToSlash(rel), ".md") + "/"
		page = strings.TrimPrefix(page, base)
		es := openStream(b, base, page)
		text := string(keep(p))
		front, body, _ := strings.Cut(text[4:], "\n---\n")
		edited := "---\n" + front + "\n---\n" + fmt.Sprintf("第 %d 次保存时新写的开头段落。\n\n", i) + body
		t0 := time.Now()
		atomicSave(b, p, edited)
		es.wait(b, "reload")
		pageMs = append(pageMs, float64(time.Since(t0).Microseconds())/1000)
		// the CSS, every fifth save
		if i%5 == 0 {
			sheet := string(keep(css))
			t0 = time.Now()
			atomicSave(b, css, sheet+fmt.Sprintf("\n.bench-%d{color:#222}\n", i))
			es.wait(b, "css")
			cssMs = append(cssMs, float64(time.Since(t0).Microseconds())/1000)
		}
		// a new article, and then its removal, every fifth save: content/
		// is walked again, and only that file is read
		if i%5 == 0 {
			added := filepath.Join(filepath.Dir(p), fmt.Sprintf("bench-new-%d.md", i))
			b.Cleanup(func() { os.Remove(added) })
			t0 = time.Now()
			atomicSave(b, added, fmt.Sprintf("---\ntitle: 第 %d 篇新文章\ndate: 2024-06-24\n---\n新文章的正文。\n", i))
			es.wait(b, "reload")
			addMs = append(addMs, float64(time.Since(t0).Microseconds())/1000)
			time.Sleep(150 * time.Millisecond)
			t0 = time.Now()
			if err := os.Remove(added); err != nil {
				b.Fatal(err)
			}
			es.wait(b, "reload")
			removeMs = append(removeMs, float64(time.Since(t0).Microseconds())/1000)
		}
		es.close()
		time.Sleep(150 * time.Millisecond) // an author does not save ten times a second
	}
	b.StopTimer()
	report(b, "page", pageMs)
	report(b, "css", cssMs)
	report(b, "add", addMs)
	report(b, "remove", removeMs)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "liveheap-MiB")
	if rss, hwm := memory(); rss > 0 {
		b.ReportMetric(float64(rss)/(1<<20), "RSS-MiB")
		b.ReportMetric(float64(hwm)/(1<<20), "peakRSS-MiB")
	}
}

// themeOf reads the theme folder from a site.yaml written by make corpus.
func themeOf(root string) string {
	data, err := os.ReadFile(filepath.Join(root, "site.yaml"))
	if err != nil {
		return ""
	}
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, "theme:"); ok {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return ""
}

// report adds the median, 95th percentile and worst of ms to b's metrics.
func report(b *testing.B, name string, ms []float64) {
	if len(ms) == 0 {
		return
	}
	slices.Sort(ms)
	at := func(q float64) float64 { return ms[min(len(ms)-1, int(q*float64(len(ms))))] }
	b.ReportMetric(at(0.5), name+"-p50-ms")
	b.ReportMetric(at(0.95), name+"-p95-ms")
	b.ReportMetric(ms[len(ms)-1], name+"-max-ms")
	b.Logf("%s: %d saves, p50 %.1f ms, p95 %.1f ms, max %.1f ms", name, len(ms), at(0.5), at(0.95), ms[len(ms)-1])
}

// memory reads the process's resident and peak resident memory in bytes.
func memory() (rss, hwm int64) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	for line := range strings.Lines(string(data)) {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb << 10
		case "VmHWM:":
			hwm = kb << 10
		}
	}
	return rss, hwm
}

// atomicSave writes a file as editors do: a temporary file renamed over it.
func atomicSave(b *testing.B, p, text string) {
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".swp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		b.Fatal(err)
	}
}

// benchStream is a browser tab's event stream.
type benchStream struct {
	msgs  chan Message
	close context.CancelFunc
}

func openStream(b *testing.B, base, page string) *benchStream {
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+eventsPath+"?path="+page, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	s := &benchStream{msgs: make(chan Message, 16), close: cancel}
	opened := make(chan struct{})
	go func() {
		defer resp.Body.Close()
		r := bufio.NewReader(resp.Body)
		first := true
		for {
			line, err := r.ReadString('\n')
			if err == io.EOF || err != nil {
				return
			}
			if first {
				close(opened) // "retry:" comes first
				first = false
			}
			if data, ok := strings.CutPrefix(strings.TrimSpace(line), "data: "); ok {
				var m Message
				if json.Unmarshal([]byte(data), &m) == nil {
					s.msgs <- m
				}
			}
		}
	}()
	<-opened
	return s
}

func (s *benchStream) wait(b *testing.B, want string) {
	timeout := time.After(30 * time.Second)
	for {
		select {
		case m := <-s.msgs:
			if m.Type == want {
				return
			}
			if m.Type == "error" {
				b.Fatalf("build error while waiting for %q: %+v", want, m.Errors)
			}
		case <-timeout:
			b.Fatalf("no %q message in 30 s", want)
		}
	}
}
