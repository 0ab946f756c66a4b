// Package publish takes finished outputs to their destination: it minifies
// them, fingerprints assets (rewriting the references between stylesheets,
// scripts and the files they use, refs.go), and writes them into a fresh
// folder that replaces public/ only when the whole build has succeeded.
package publish

import (
	"bytes"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"
)

// Minifier minifies outputs by file type. It is safe for concurrent use.
type Minifier struct {
	m      *minify.M
	simple sync.Pool // *simpleScratch
}

// NewMinifier sets up minifiers for HTML, CSS, JS, SVG, XML and JSON.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepSpecialComments: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Minifier{m: m, simple: sync.Pool{New: func() any { return new(simpleScratch) }}}
}

// MediaType is the type minify knows a file name by, or "" for files it
// leaves alone.
func MediaType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "text/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".xml", ".rss", ".atom":
		return "application/xml"
	case ".json", ".webmanifest":
		return "application/json"
	}
	return ""
}

// Minify returns data minified for the type of name, appending to dst.
// Types it does not know come back unchanged.
func (m *Minifier) Minify(dst *bytes.Buffer, name string, data []byte) error {
	mt := MediaType(name)
	if mt == "" {
		dst.Write(data)
		return nil
	}
	// A reader with a Bytes method lets minify parse data in place
	// instead of copying it first.
	return m.m.Minify(mt, dst, buffer.NewReader(data))
}

// HTML minifies a page or a piece of one, appending to dst. The HTML
// Markdown renders to takes a shortcut (simpleHTML) to the same bytes.
func (m *Minifier) HTML(dst *bytes.Buffer, src []byte) error {
	s := m.simple.Get().(*simpleScratch)
	out, ok := simpleHTML(dst.AvailableBuffer(), src, s)
	m.simple.Put(s)
	if ok {
		dst.Write(out)
		return nil
	}
	return m.m.Minify("text/html", dst, buffer.NewReader(src))
}
