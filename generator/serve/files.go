package serve

import (
	"mime"
	"net/http"
	"path"
	"strings"
)

// textTypes are the content types of text files, always with their
// charset; mime.TypeByExtension depends on the system's tables.
var textTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".svg":         "image/svg+xml; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".rss":         "application/rss+xml; charset=utf-8",
	".atom":        "application/atom+xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".webmanifest": "application/manifest+json; charset=utf-8",
}

// contentType is the Content-Type for a file name.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := textTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// sitePath checks a request and returns its path inside the site
// ("news/a/index.html" style, no leading slash; "" for the site root).
// It refuses, with ok false, anything that could name a file outside the
// site or is ambiguous: ".." or "." segments (also percent-encoded),
// encoded slashes, backslashes, NUL and other control characters, empty
// segments ("//"), and paths outside the base path.
func sitePath(r *http.Request, base string) (rel string, ok bool) {
	raw := r.URL.EscapedPath()
	lower := strings.ToLower(raw)
	for _, bad := range []string{"%2f", "%5c", "%00", "\\"} {
		if strings.Contains(lower, bad) {
			return "", false
		}
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for i := 0; i < len(p); i++ {
		if p[i] < 0x20 || p[i] == 0x7f {
			return "", false
		}
	}
	segs := strings.Split(p[1:], "/")
	for i, s := range segs {
		if s == ".." || s == "." || (s == "" && i != len(segs)-1) {
			return "", false
		}
	}
	rest, found := strings.CutPrefix(p, base)
	if !found {
		return "", false
	}
	return rest, true
}
