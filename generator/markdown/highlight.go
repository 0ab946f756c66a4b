package markdown

import (
	"bytes"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// codeStyle is the chroma style whose CSS Converter.CSS returns: light, with
// good contrast.
const codeStyle = "github"

// codeRenderer renders fenced code blocks, highlighted by chroma with CSS
// classes (never inline styles). A block in an unknown language, or without
// one, is a plain escaped <pre><code>. Safe for concurrent use.
type codeRenderer struct {
	writer    html.Writer
	style     *chroma.Style
	formatter *chromahtml.Formatter // for the CSS
	html      *codeHTML             // writes what formatter would
	scratch   sync.Pool             // *codeScratch

	keysOnce sync.Once
	keys     map[string]struct{} // the names lexers.Get can resolve

	mu     sync.RWMutex
	lexers map[string]chroma.Lexer // nil value: no lexer for that name

	// Highlighting is slow (about a millisecond for a screenful of code),
	// so results are kept, keyed by language and code, for the pages that a
	// long-running process (the dev server) converts again and again.
	doneMu   sync.Mutex
	done     map[string][]byte
	doneSize int
	doneMax  int // bytes; 0 turns the cache off
}

// maxDoneBytes bounds the memory the highlighted-code cache holds.
const maxDoneBytes = 8 << 20

func newCodeRenderer(lineNumbers bool, w html.Writer) *codeRenderer {
	return &codeRenderer{
		writer: w,
		style:  styles.Get(codeStyle),
		formatter: chromahtml.New(
			chromahtml.WithClasses(true),
			chromahtml.WithLineNumbers(lineNumbers),
			chromahtml.LineNumbersInTable(lineNumbers),
		),
		html:    newCodeHTML(lineNumbers),
		scratch: sync.Pool{New: func() any { return new(codeScratch) }},
		lexers:  map[string]chroma.Lexer{},
		done:    map[string][]byte{},
		doneMax: maxDoneBytes,
	}
}

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

func (r *codeRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var lang []byte
	if n.Info != nil {
		lang = n.Language(src)
	}
	if lexer, name := r.lexer(lang); lexer != nil && r.highlight(w, lexer, name, n, src) {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString("<pre><code")
	if len(lang) > 0 {
		_, _ = w.WriteString(` class="language-`)
		r.writer.Write(w, lang)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	lines := n.Lines()
	for i := range lines.Len() {
		rawWrite(r.writer, w, lineAt(lines, i, src))
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// highlight writes the highlighted block and reports whether it could.
// Output is built aside first so that a failing lexer leaves nothing behind.
func (r *codeRenderer) highlight(w util.BufWriter, lexer chroma.Lexer, lang string, n *ast.FencedCodeBlock, src []byte) (ok bool) {
	s := r.scratch.Get().(*codeScratch)
	defer func() {
		if recover() != nil {
			ok = false
		}
		s.buf.Reset()
		clear(s.pieces) // drop the token strings
		r.scratch.Put(s)
	}()
	buf := &s.buf
	buf.WriteString(lang)
	buf.WriteByte(0)
	lines := n.Lines()
	for i := range lines.Len() {
		buf.Write(lineAt(lines, i, src))
	}
	if html, found := r.lookup(buf.Bytes()); found {
		_, _ = w.Write(html)
		return true
	}
	key := buf.String()
	buf.Reset()
	it, err := lexer.Tokenise(nil, key[len(lang)+1:])
	if err != nil {
		return false
	}
	r.html.format(s, it)
	buf.WriteByte('\n')
	_, _ = w.Write(buf.Bytes())
	r.store(key, buf.Bytes())
	return true
}

func (r *codeRenderer) lookup(key []byte) ([]byte, bool) {
	r.doneMu.Lock()
	defer r.doneMu.Unlock()
	html, found := r.done[string(key)]
	return html, found
}

// store keeps a copy of html under key, if the cache has room for it.
func (r *codeRenderer) store(key string, html []byte) {
	n := len(key) + len(html)
	if n > r.doneMax {
		return
	}
	html = bytes.Clone(html)
	r.doneMu.Lock()
	defer r.doneMu.Unlock()
	if r.doneSize+n > r.doneMax {
		clear(r.done)
		r.doneSize = 0
	}
	r.done[key] = html
	r.doneSize += n
}

// lexer returns the chroma lexer for a fence's language, or nil, and the
// language's name in lower case.
func (r *codeRenderer) lexer(lang []byte) (chroma.Lexer, string) {
	if len(lang) == 0 {
		return nil, ""
	}
	name := strings.ToLower(string(lang))
	r.mu.RLock()
	l, found := r.lexers[name]
	r.mu.RUnlock()
	if found {
		return l, name
	}
	// lexers.Get tries every file pattern of every lexer for a name it does
	// not know, which takes milliseconds; ask it only about names it can
	// answer. Those are few, so the cache stays small.
	r.keysOnce.Do(r.indexLexers)
	if _, known := r.keys[name]; !known {
		return nil, name
	}
	if l = lexers.Get(name); l != nil {
		l = chroma.Coalesce(l)
	}
	r.mu.Lock()
	r.lexers[name] = l
	r.mu.Unlock()
	return l, name
}

// indexLexers collects, in lower case, every lexer name and alias and every
// file extension or file name that a lexer claims.
func (r *codeRenderer) indexLexers() {
	r.keys = map[string]struct{}{}
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		cfg := l.Config()
		r.keys[strings.ToLower(cfg.Name)] = struct{}{}
		for _, a := range cfg.Aliases {
			r.keys[strings.ToLower(a)] = struct{}{}
		}
		for _, glob := range cfg.Filenames {
			key := strings.TrimPrefix(glob, "*.")
			if !strings.ContainsAny(key, "*?[\\") {
				r.keys[strings.ToLower(key)] = struct{}{}
			}
		}
	}
}

// css is the stylesheet for the classes the formatter emits.
func (r *codeRenderer) css() []byte {
	var b bytes.Buffer
	_ = r.formatter.WriteCSS(&b, r.style)
	return b.Bytes()
}
