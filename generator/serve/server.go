// Package serve is the live preview of `yipin serve`: it builds the site
// into memory, serves the last good build over HTTP, watches the site's
// files, rebuilds after every change and tells the open pages to reload
// (or to swap their stylesheets, or to show the build errors) over
// Server-Sent Events.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"yipin/generator/build"
	"yipin/generator/config"
	"yipin/generator/publish"
)

// Options are the choices of one preview server.
type Options struct {
	Source  string // site root, holding site.yaml
	BaseURL string // when set, used as the base URL instead of http://host:port/ + site.yaml's path
	Drafts  bool
	Future  bool
	Stdout  io.Writer // rebuild summaries
	Stderr  io.Writer // warnings and build errors
	// Debounce is how long the watcher waits after the last change
	// before rebuilding; 0 means 40 ms.
	Debounce time.Duration
	// Keepalive is how often an idle event stream gets a comment; 0
	// means 15 s.
	Keepalive time.Duration
}

// snapshot is one successful build, served as a whole.
type snapshot struct {
	files map[string][]byte // by slash path inside the site
	base  string            // the base path, "/" or "/dangjian/"
}

// Server is one preview server. Make it with New and start it with Run.
type Server struct {
	opts    Options
	origin  string // "http://127.0.0.1:1313"
	current atomic.Pointer[snapshot]
	broken  atomic.Pointer[[]byte] // the error page while no build has succeeded
	hub     *hub
	builds  atomic.Int64 // builds run, for tests

	mu           sync.Mutex // guards the two below
	lastError    string     // the errors last printed, so they are not printed again
	lastWarnings string     // the same for warnings
}

// New returns a server for the site at o.Source that will listen on ln's
// address (the base URL of the builds is made from it).
func New(o Options, ln net.Listener) *Server {
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	if o.Debounce <= 0 {
		o.Debounce = 40 * time.Millisecond
	}
	if o.Keepalive <= 0 {
		o.Keepalive = 15 * time.Second
	}
	return &Server{opts: o, origin: origin(ln.Addr()), hub: newHub()}
}

// origin is "http://host:port" for a listening address; an unspecified
// address (0.0.0.0, ::) shows as localhost.
func origin(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// URL is the address of the site's home page, for the terminal and
// --open.
func (s *Server) URL() string {
	base := "/"
	if snap := s.current.Load(); snap != nil {
		base = snap.base
	} else if cfg, _ := config.Load(filepath.Join(s.opts.Source, "site.yaml")); cfg != nil {
		base = cfg.BasePath()
	}
	return s.origin + base
}

// Run builds the site, then serves it on ln and rebuilds on every change
// until ctx is done. A broken site is served as an error page and
// watched like any other. ready, when not nil, is closed once the first
// build is done and the server is answering. Run returns when the server
// has shut down.
func (s *Server) Run(ctx context.Context, ln net.Listener, ready chan<- struct{}) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w, err := newWatcher(s.opts.Source, s.opts.Debounce)
	if err != nil {
		return fmt.Errorf("无法监视文件变化:%w", err)
	}
	defer w.close()
	w.refresh(s.rebuild(nil))

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if ready != nil {
		close(ready)
	}
	var watching sync.WaitGroup
	defer watching.Wait() // no rebuild outlives Run
	defer cancel()
	watching.Go(func() {
		w.run(ctx, func(changed []string) {
			w.refresh(s.rebuild(changed))
		}, func(err error) { fmt.Fprintf(s.opts.Stderr, "监视文件时出错:%v\n", err) })
	})

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, stop := context.WithTimeout(context.Background(), 3*time.Second)
	defer stop()
	err = srv.Shutdown(shutdown) // event streams end with ctx, so this does not wait for them
	if errors.Is(err, context.DeadlineExceeded) {
		err = srv.Close()
	}
	return err
}

// site reads site.yaml for what the server needs before a build: the
// base URL of the build (this server's origin with the path of base_url,
// unless Options.BaseURL says otherwise) and the theme folder to watch.
func (s *Server) site() (base, themeDir string, err error) {
	cfg, ds := config.Load(filepath.Join(s.opts.Source, "site.yaml"))
	if cfg == nil {
		if len(ds) > 0 {
			return "", "", ds[0]
		}
		return "", "", errors.New("无法读取 site.yaml")
	}
	themeDir, _ = cfg.ThemeDir(s.opts.Source)
	if s.opts.BaseURL != "" {
		return s.opts.BaseURL, themeDir, nil
	}
	return s.origin + cfg.BasePath(), themeDir, nil
}

// rebuild runs a full build into memory. On success it swaps the new
// build in and tells the browsers to reload (or only to swap stylesheets
// when every changed file is a stylesheet); on failure it keeps the last
// good build and sends the errors. It returns the theme folder to watch
// ("" when site.yaml cannot be read).
func (s *Server) rebuild(changed []string) (themeDir string) {
	s.builds.Add(1)
	start := time.Now()
	mem := publish.NewMemory()
	var stats *build.Stats
	base, themeDir, err := s.site()
	if err == nil {
		stats, err = build.Run(build.Options{Source: s.opts.Source, BaseURL: base, Drafts: s.opts.Drafts, Future: s.opts.Future, Memory: mem})
	}
	if err != nil {
		text := failureText(err)
		if s.current.Load() == nil {
			page := brokenPage(text)
			s.broken.Store(&page)
		}
		views, more := errorViews(err)
		s.hub.send(Message{Type: "error", Errors: views, More: more})
		s.reportFailure(text)
		return themeDir
	}
	u, _ := url.Parse(base)
	basePath := "/"
	if u != nil && u.Path != "" {
		basePath = u.Path
	}
	hadPage := s.broken.Swap(nil) != nil
	wasBroken := s.clearError() || hadPage
	s.current.Store(&snapshot{files: mem.Files(), base: basePath})
	s.reportSuccess(stats, time.Since(start), changed == nil)
	if changed == nil && !wasBroken {
		return themeDir // the first build: no page is open yet
	}
	if !wasBroken && onlyCSS(changed) {
		s.hub.send(Message{Type: "css"})
		return themeDir
	}
	s.hub.send(Message{Type: "reload"})
	return themeDir
}

// onlyCSS reports whether every changed file is a stylesheet.
func onlyCSS(changed []string) bool {
	for _, p := range changed {
		if !strings.EqualFold(filepath.Ext(p), ".css") {
			return false
		}
	}
	return len(changed) > 0
}
