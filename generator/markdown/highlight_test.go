package markdown

import (
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name        string
		lineNumbers bool
		in          string
		contains    []string
		exact       string
	}{
		{name: "go", in: "```go\nfunc main() {\n\tfmt.Println(\"<党>\")\n}\n```",
			contains: []string{`<pre class="chroma">`, `<span class="kd">func</span>`, `&lt;党&gt;`}},
		{name: "language is case-insensitive", in: "```YAML\ntitle: 通知\n```",
			contains: []string{`<pre class="chroma">`, `class="nt"`}},
		{name: "line numbers", lineNumbers: true, in: "```go\na := 1\nb := 2\n```",
			contains: []string{`class="lntable"`, `class="lnt"`, `<pre class="chroma">`}},
		{name: "unknown language", in: "```nosuchlang\n<a> & b\n```",
			exact: "<pre><code class=\"language-nosuchlang\">&lt;a&gt; &amp; b\n</code></pre>\n"},
		{name: "no language", in: "```\n<a> & b\n```",
			exact: "<pre><code>&lt;a&gt; &amp; b\n</code></pre>\n"},
		{name: "indented code", in: "    <a>\n",
			exact: "<pre><code>&lt;a&gt;\n</code></pre>\n"},
		{name: "info string with attributes", in: "```go {.x}\nx := 1\n```",
			contains: []string{`<pre class="chroma">`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := body(t, Options{LineNumbers: tt.lineNumbers}, tt.in)
			if tt.exact != "" && got != tt.exact {
				t.Errorf("\ngot  %q\nwant %q", got, tt.exact)
			}
			for _, want := range tt.contains {
				if !strings.Contains(got, want) {
					t.Errorf("output lacks %q:\n%s", want, got)
				}
			}
			if strings.Contains(got, "style=") {
				t.Errorf("inline style in output:\n%s", got)
			}
		})
	}
}

func TestHighlightConcurrent(t *testing.T) {
	c := New(Options{LineNumbers: true})
	src := []byte("```go\npackage main\n\nfunc main() { println(\"党建\") }\n```\n\n```python\nprint('x')\n```\n")
	want := string(c.Convert(Document{Body: src}).HTML)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := string(c.Convert(Document{Body: src}).HTML); got != want {
					t.Errorf("concurrent output differs:\n%s", got)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestHighlightCache(t *testing.T) {
	c := New(Options{})
	c.code.doneMax = 300
	src := func(s string) []byte { return []byte("```go\nx := \"" + s + "\"\n```\n") }
	first := c.Convert(Document{Body: src("甲")}).HTML
	if len(c.code.done) != 1 {
		t.Fatalf("cache holds %d entries; want 1", len(c.code.done))
	}
	if again := c.Convert(Document{Body: src("甲")}).HTML; string(again) != string(first) {
		t.Errorf("cached output differs:\n%s\n%s", again, first)
	}
	for _, s := range []string{"乙", "丙", "丁", "戊"} {
		c.Convert(Document{Body: src(s)})
	}
	if c.code.doneSize > c.code.doneMax {
		t.Errorf("cache holds %d bytes, more than %d", c.code.doneSize, c.code.doneMax)
	}
}

func TestLexerLookup(t *testing.T) {
	r := newCodeRenderer(false, nil)
	for _, name := range []string{
		"go", "Go", "golang", "python", "py", "python3", "yml", "yaml", "sh", "bash", "shell", "console",
		"json", "html", "xml", "js", "javascript", "ts", "typescript", "css", "sql", "mysql", "java", "c",
		"cpp", "c++", "cs", "csharp", "rust", "php", "ruby", "toml", "ini", "diff", "docker", "dockerfile",
		"makefile", "make", "powershell", "bat", "text", "plaintext", "markdown", "md", "nginx", "lua",
	} {
		l, _ := r.lexer([]byte(name))
		if want := lexers.Get(strings.ToLower(name)); (l == nil) != (want == nil) {
			t.Errorf("lexer(%q) = %v; chroma has %v", name, l, want)
		} else if l == nil {
			t.Errorf("no lexer for %q", name)
		}
	}
	for _, name := range []string{"mermaid", "nosuchlang", "goC8unc", "中文", "flow"} {
		if l, _ := r.lexer([]byte(name)); l != nil {
			t.Errorf("lexer(%q) = %v; want none", name, l.Config().Name)
		}
	}
}
