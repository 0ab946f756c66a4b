package serve

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"yipin/generator/build"
)

// ServeHTTP answers the live-reload paths and, for everything else, the
// files of the last good build.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "只支持 GET 和 HEAD 请求", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.serveEvents(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", contentType(scriptPath))
		w.Write(liveScript)
		return
	}
	if page := s.broken.Load(); page != nil {
		w.Header().Set("Content-Type", contentType(".html"))
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(*page)
		return
	}
	ses := s.session.Load()
	if ses == nil {
		http.Error(w, "网站尚未构建完成,请稍后刷新", http.StatusServiceUnavailable)
		return
	}
	s.serveFile(w, r, ses)
}

// serveFile answers a request from the files of the session; a page a
// change left stale is rendered before it is sent.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, ses *build.Session) {
	base := ses.BasePath()
	if base != "/" && (r.URL.Path == "/" || r.URL.Path+"/" == base) {
		redirect(w, r, base)
		return
	}
	rel, ok := sitePath(r, base)
	if !ok || strings.HasPrefix(r.URL.Path, reservedPrefix) {
		s.notFound(w, ses)
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, ok := ses.File(name)
	if !ok {
		if _, dir := ses.File(rel + "/index.html"); dir {
			redirect(w, r, base+rel+"/")
			return
		}
		s.notFound(w, ses)
		return
	}
	s.write(w, r, name, data, http.StatusOK)
}

// write sends one file, with the live script in HTML pages.
func (s *Server) write(w http.ResponseWriter, r *http.Request, name string, data []byte, status int) {
	ct := contentType(name)
	if strings.HasPrefix(ct, "text/html") {
		data = injectScript(data)
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// notFound answers with the site's 404.html, or a plain message when the
// site has none.
func (s *Server) notFound(w http.ResponseWriter, ses *build.Session) {
	if page, ok := ses.File("404.html"); ok {
		s.write(w, &http.Request{Method: http.MethodGet}, "404.html", page, http.StatusNotFound)
		return
	}
	http.Error(w, "找不到这个页面", http.StatusNotFound)
}

// redirect sends the browser to path, keeping the query.
func redirect(w http.ResponseWriter, r *http.Request, path string) {
	if r.URL.RawQuery != "" {
		path += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, path, http.StatusFound)
}

// serveEvents is the Server-Sent Events stream of one browser tab: build
// results as they happen, and a comment every Keepalive so proxies and
// browsers keep the connection open.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "不支持事件流", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Connection", "keep-alive")
	// subscribed before the first line, so a client that has read it
	// misses no message
	page, err := url.PathUnescape(r.URL.Query().Get("path"))
	if err != nil {
		page = ""
	}
	ch := s.hub.subscribe(page)
	defer s.hub.unsubscribe(ch)
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("retry: 1000\n\n"))
	flusher.Flush()

	tick := time.NewTicker(s.opts.Keepalive)
	defer tick.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case msg := <-ch:
			_, err = w.Write(append(append([]byte("data: "), msg...), '\n', '\n'))
		case <-tick.C:
			_, err = w.Write([]byte(": keepalive\n\n"))
		}
		if err != nil {
			return
		}
		flusher.Flush()
	}
}
