package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// wait bounds every wait for the server in these tests.
const wait = 10 * time.Second

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testSite is a site in a temporary folder with a running preview server.
type testSite struct {
	t      *testing.T
	root   string
	theme  string // the theme folder (a copy when asked for)
	url    string // http://127.0.0.1:port
	srv    *Server
	stdout syncBuffer
	stderr syncBuffer
}

// smallSite is a site under the base path /dangjian/.
func smallSite() map[string]string {
	return map[string]string{
		"content/_index.md":      "---\ntitle: 首页\n---\n欢迎。\n",
		"content/news/_index.md": "---\ntitle: 工作动态\n---\n",
		"content/news/a.md":      "---\ntitle: 关于开展主题党日活动的通知\ndate: 2025-05-06\n---\n正文第一段。\n",
		"content/news/b.md":      "---\ntitle: 第二篇\ndate: 2025-05-07\n---\n第二篇正文。\n",
	}
}

// startSite writes files into a new folder, with a site.yaml naming the
// repository's default theme (or a copy of it, when copyTheme), and runs
// a preview server for it until the test ends.
func startSite(t *testing.T, files map[string]string, copyTheme bool, o Options) *testSite {
	t.Helper()
	theme, err := filepath.Abs("../../themes/default")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testSite{t: t, root: t.TempDir(), theme: theme}
	if copyTheme {
		ts.theme = filepath.Join(t.TempDir(), "theme")
		if err := os.CopyFS(ts.theme, os.DirFS(theme)); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := files["site.yaml"]; !ok {
		files["site.yaml"] = "title: 测试机关党建\nbase_url: https://example.gov.cn/dangjian/\ntheme: " + ts.theme + "\n"
	}
	for name, text := range files {
		ts.write(name, text)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.url = "http://" + ln.Addr().String()
	o.Source, o.Stdout, o.Stderr = ts.root, &ts.stdout, &ts.stderr
	o.Drafts, o.Future = true, true
	ts.srv = New(o, ln)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() { done <- ts.srv.Run(ctx, ln, ready) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(wait):
			t.Error("Run did not return after cancel")
		}
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(wait):
		t.Fatal("server not ready")
	}
	return ts
}

// write writes a file of the site (slash path under the root).
func (ts *testSite) write(name, text string) {
	ts.t.Helper()
	p := filepath.Join(ts.root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		ts.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		ts.t.Fatal(err)
	}
}

// save writes a file as editors do: into a temporary file beside it,
// then renamed over it.
func (ts *testSite) save(p, text string) {
	ts.t.Helper()
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		ts.t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		ts.t.Fatal(err)
	}
}

// get fetches a path and returns the status, the body and the headers.
func (ts *testSite) get(path string) (int, string, http.Header) {
	ts.t.Helper()
	c := &http.Client{Timeout: wait, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(ts.url + path)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	return resp.StatusCode, string(body), resp.Header
}

// raw sends a request line as it is, so that no client cleans the path,
// and returns the status and body.
func (ts *testSite) raw(target string) (int, string) {
	ts.t.Helper()
	conn, err := net.DialTimeout("tcp", strings.TrimPrefix(ts.url, "http://"), wait)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(wait))
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); err != nil {
		ts.t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// stream is one browser's event stream.
type stream struct {
	t        *testing.T
	messages chan Message
	comments chan string
}

// events connects to the event stream like a browser tab.
func (ts *testSite) events() *stream {
	ts.t.Helper()
	before := ts.srv.hub.count()
	ctx, cancel := context.WithCancel(context.Background())
	ts.t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.url+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		ts.t.Fatalf("event stream Content-Type %q", ct)
	}
	s := &stream{t: ts.t, messages: make(chan Message, 32), comments: make(chan string, 32)}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if c, ok := strings.CutPrefix(line, ":"); ok {
				select {
				case s.comments <- strings.TrimSpace(c):
				default:
				}
				continue
			}
			if data, ok := strings.CutPrefix(line, "data: "); ok {
				var m Message
				if err := json.Unmarshal([]byte(data), &m); err == nil {
					s.messages <- m
				}
			}
		}
	}()
	// the stream is open once the server counts it
	deadline := time.Now().Add(wait)
	for ts.srv.hub.count() <= before {
		if time.Now().After(deadline) {
			ts.t.Fatal("event stream not registered")
		}
		time.Sleep(time.Millisecond)
	}
	return s
}

// next returns the next message of type want, skipping others.
func (s *stream) next(want string) Message {
	s.t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case m := <-s.messages:
			if m.Type == want {
				return m
			}
			s.t.Logf("skipped a %q message while waiting for %q", m.Type, want)
		case <-timeout:
			s.t.Fatalf("no %q message within %v", want, wait)
		}
	}
}
