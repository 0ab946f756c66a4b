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
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"yipin/generator/build"
	"yipin/generator/config"
	"yipin/generator/diag"
	"yipin/generator/publish"
)

// Options are the choices of one preview server.
type Options struct {
	Source  string // site root, holding site.yaml
	BaseURL string // when set, used as the base URL instead of http://host:port/ + site.yaml's path
	Drafts  bool
	Future  bool
	// Destination, when set, is a folder the site is also written to
	// each time a change has settled (publish.Mirror: whole and swapped
	// in as yipin build does the first time, then only the files that
	// changed); relative to Source.
	Destination string
	Stdout      io.Writer // rebuild summaries
	Stderr      io.Writer // warnings and build errors
	// Debounce is how long the watcher waits after the last change
	// before rebuilding; 0 means 10 ms.
	Debounce time.Duration
	// Keepalive is how often an idle event stream gets a comment; 0
	// means 15 s.
	Keepalive time.Duration
}

// Server is one preview server. Make it with New and start it with Run.
type Server struct {
	opts    Options
	origin  string                        // "http://127.0.0.1:1313"
	session atomic.Pointer[build.Session] // nil until a build has succeeded
	broken  atomic.Pointer[[]byte]        // the error page while no build has succeeded
	hub     *hub
	builds  atomic.Int64                // builds run, for tests
	settle  chan struct{}               // wakes the background renderer
	mirror  *publish.Mirror             // Options.Destination kept up to date; nil without one; used by background only
	lock    interface{ Unlock() error } // the mirror's folder's (publish.Lock) once taken; background only
	busy    string                      // the last "folder busy" message, so that it is not repeated

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
		o.Debounce = 10 * time.Millisecond
	}
	if abs, err := filepath.Abs(o.Source); err == nil {
		o.Source = abs
	}
	if o.Keepalive <= 0 {
		o.Keepalive = 15 * time.Second
	}
	s := &Server{opts: o, origin: origin(ln.Addr()), hub: newHub(), settle: make(chan struct{}, 1)}
	if dest := o.Destination; dest != "" {
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(o.Source, dest)
		}
		s.mirror = publish.NewMirror(dest)
	}
	return s
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
	if ses := s.session.Load(); ses != nil {
		base = ses.BasePath()
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
	watching.Go(func() { s.background(ctx) })
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

// rebuild takes in the changed files (nil for the first build): a full
// build into memory the first time, then as little work as each change
// calls for (build.Session). On success it tells the browsers to reload
// (or only to swap stylesheets when only stylesheets changed, or to go to
// the page just edited); on failure it keeps the last good build and
// sends the errors. It returns the theme folder to watch ("" when
// site.yaml cannot be read).
func (s *Server) rebuild(changed []string) (themeDir string) {
	s.builds.Add(1)
	base, themeDir, err := s.site()
	ses := s.session.Load()
	var (
		msg     = Message{Type: "reload"}
		stats   *build.Stats
		warns   []*diag.Diagnostic
		summary string
		taken   bool // the change is in, though pages failed to render
	)
	switch {
	case err != nil:
	case ses == nil:
		ses, stats, err = build.NewSession(build.Options{Source: s.opts.Source, BaseURL: base, Drafts: s.opts.Drafts, Future: s.opts.Future}, s.lateProblems)
		if err == nil {
			s.session.Store(ses)
			warns, summary = stats.Warnings, firstSummary(stats)
		}
	default:
		var u *build.Update
		u, err = ses.ApplyAt(base, changed, s.hub.viewed(ses.BasePath()))
		taken = u != nil
		if u != nil {
			warns, summary = u.Warnings, updateSummary(u)
			if u.Kind == "css" {
				msg.Type = "css"
			}
			if len(u.Pages) == 1 && (u.Kind == "body" || u.Kind == "content") {
				msg.Path = ses.BasePath() + strings.TrimPrefix(u.Pages[0], "/")
			}
		}
	}
	if err != nil {
		s.fail(err, taken)
		return themeDir
	}
	warns = append(warns, reservedWarning(ses)...)
	hadPage := s.broken.Swap(nil) != nil
	wasBroken := s.clearError() || hadPage
	s.reportSuccess(warns, summary)
	select {
	case s.settle <- struct{}{}:
	default:
	}
	if changed == nil && !wasBroken {
		return themeDir // the first build: no page is open yet
	}
	if wasBroken {
		msg = Message{Type: "reload"}
	}
	s.hub.send(msg)
	return themeDir
}

// fail shows a failed build's errors in the browsers and, once, in the
// terminal. rendered: see failureText.
func (s *Server) fail(err error, rendered bool) {
	text := failureText(err, rendered)
	if s.session.Load() == nil {
		page := brokenPage(text)
		s.broken.Store(&page)
	}
	views, more := errorViews(err)
	s.hub.send(Message{Type: "error", Errors: views, More: more})
	s.reportFailure(text)
}

// lateProblems reports the errors of outputs rendered after their build,
// on request or in the background.
func (s *Server) lateProblems(ds []*diag.Diagnostic) {
	s.fail(&diag.Errors{List: ds}, true)
}

// background renders the outputs a change left stale, after each build,
// so that pages open quickly later; it gives way whenever a change comes.
func (s *Server) background(ctx context.Context) {
	defer func() {
		if s.lock != nil {
			s.lock.Unlock()
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.settle:
		}
		if ses := s.session.Load(); ses != nil {
			ses.Settle()
			if s.mirror != nil && ses.Stale() == 0 && len(s.settle) == 0 {
				s.writeOut(ses)
			}
		}
	}
}

// Browsers is how many pages are connected to the live-reload stream.
func (s *Server) Browsers() int { return s.hub.count() }

// reservedWarning warns of site files under the path the preview server
// keeps for itself: they are published by yipin build but cannot be seen
// while previewing.
func reservedWarning(ses *build.Session) []*diag.Diagnostic {
	base := strings.TrimPrefix(ses.BasePath(), "/")
	if base != "" {
		return nil // the reserved path lies outside the site
	}
	hidden := ses.Memory().Under(strings.TrimPrefix(reservedPrefix, "/"))
	if len(hidden) == 0 {
		return nil
	}
	return []*diag.Diagnostic{diag.Warn("", 0, 0, "网站里有 %d 个文件位于 %s(例如 /%s),预览服务器占用了这个路径,预览时打不开它们", len(hidden), reservedPrefix, hidden[0]).
		WithHint("把这些内容换个文件夹名(例如去掉开头的两个下划线);正式构建的输出不受影响")}
}

// writeOut writes the site, as served, to Options.Destination: whole
// the first time, then only the files that changed.
func (s *Server) writeOut(ses *build.Session) {
	dest := s.mirror.Root()
	if d := build.CheckDestination(s.opts.Source, dest); d != nil {
		fmt.Fprintln(s.opts.Stderr, d.Long())
		return
	}
	if !s.lockMirror(dest) {
		return
	}
	st, err := s.mirror.Sync(ses.Memory().Files())
	switch {
	case err != nil:
		fmt.Fprintf(s.opts.Stderr, "写入 %s 失败:%v\n检查文件夹是否可写、磁盘是否已满。\n", dest, err)
	case st.Whole:
		fmt.Fprintf(s.opts.Stdout, "已写入 %s:%d 个文件。\n", dest, st.Written)
	case st.Removed > 0:
		fmt.Fprintf(s.opts.Stdout, "已更新 %s:写入 %d 个文件,删除 %d 个文件。\n", dest, st.Written, st.Removed)
	case st.Written > 0:
		fmt.Fprintf(s.opts.Stdout, "已更新 %s:写入 %d 个文件。\n", dest, st.Written)
	}
}

// lockMirror takes the lock of the mirror's folder for the rest of the
// session, unless it holds it already. It does not wait: while another
// yipin process writes the folder, it says so (once) and reports false,
// and the next settled change tries again.
func (s *Server) lockMirror(dest string) bool {
	if s.lock != nil {
		return true
	}
	l, err := publish.Lock(context.Background(), dest, "serve", func(publish.Holder) bool { return false })
	if err != nil {
		msg := fmt.Sprintf("这次没有写入 %s:%v。\n", dest, err)
		var busy *publish.BusyError
		if errors.As(err, &busy) {
			msg = fmt.Sprintf("这次没有写入 %s:它正由%s写入。等那边结束后,下次保存修改时会再写入。\n", dest, busy.Holder)
		}
		if msg != s.busy {
			fmt.Fprint(s.opts.Stderr, msg)
			s.busy = msg
		}
		return false
	}
	s.lock, s.busy = l, ""
	return true
}
