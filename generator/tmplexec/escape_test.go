package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// A probe is a template with one action whose escaped form runs chain; its
// output is pre, the escaped value, then post.
type probe struct {
	tmpl      string
	chain     []string
	pre, post string
}

const (
	hHTML     = "_html_template_htmlescaper"
	hAttr     = "_html_template_attrescaper"
	hRCDATA   = "_html_template_rcdataescaper"
	hNospace  = "_html_template_nospaceescaper"
	hURLFilt  = "_html_template_urlfilter"
	hURLNorm  = "_html_template_urlnormalizer"
	hURLEsc   = "_html_template_urlescaper"
	hCSSValue = "_html_template_cssvaluefilter"
	hComment  = "_html_template_commentescaper"
)

var probes = []probe{
	{`<p>{{.}}</p>`, []string{hHTML}, "<p>", "</p>"},
	{`<a title="{{.}}">`, []string{hAttr}, `<a title="`, `">`},
	{`<a title='{{.}}'>`, []string{hAttr}, `<a title='`, `'>`},
	{`<title>{{.}}</title>`, []string{hRCDATA}, "<title>", "</title>"},
	{`<textarea>{{.}}</textarea>`, []string{hRCDATA}, "<textarea>", "</textarea>"},
	{`<a title={{.}}>`, []string{hNospace}, "<a title=", ">"},
	{`<a href="{{.}}">`, []string{hURLFilt, hURLNorm, hAttr}, `<a href="`, `">`},
	{`<a href={{.}}>`, []string{hURLFilt, hURLNorm, hNospace}, "<a href=", ">"},
	{`<a href="/x/{{.}}">`, []string{hURLNorm, hAttr}, `<a href="/x/`, `">`},
	{`<a href=/x/{{.}}>`, []string{hURLNorm, hNospace}, "<a href=/x/", ">"},
	{`<a href="/x?q={{.}}">`, []string{hURLEsc, hAttr}, `<a href="/x?q=`, `">`},
	{`<p style="--a: {{.}}">`, []string{hCSSValue, hAttr}, `<p style="--a: `, `">`},
	{`<p style=color:{{.}}>`, []string{hCSSValue, hNospace}, "<p style=color:", ">"},
	{`<!-- {{.}} -->`, []string{hComment}, "", ""},
}

var (
	probeOnce sync.Once
	probeTpls []*template.Template
)

// probeTemplates returns the escaped probe templates, in the order of probes.
func probeTemplates(t testing.TB) []*template.Template {
	probeOnce.Do(func() {
		for _, p := range probes {
			tpl := template.Must(template.New("probe").Parse(p.tmpl))
			if err := tpl.Execute(io.Discard, ""); err != nil {
				panic(err)
			}
			probeTpls = append(probeTpls, tpl)
		}
	})
	return probeTpls
}

func TestProbeChains(t *testing.T) {
	for i, tpl := range probeTemplates(t) {
		p := probes[i]
		tree := tpl.Tree.Root.String()
		_, action, _ := strings.Cut(tree, "{{. | ")
		action, _, _ = strings.Cut(action, "}}")
		if got := strings.Split(action, " | "); !slices.Equal(got, p.chain) {
			t.Errorf("%s escapes to %s, want chain %v", p.tmpl, tree, p.chain)
		}
		for _, name := range p.chain {
			if escaper(name) == nil {
				t.Errorf("no escaper %s", name)
			}
		}
	}
	if escaper("_html_template_jsvalescaper") != nil || escaper("print") != nil {
		t.Error("escaper returns an implementation for an unsupported name")
	}
}

// run applies chain to v.
func run(chain []string, v any) (s string, ok bool) {
	for i, name := range chain {
		if i > 0 {
			s, ok = escaper(name)(s, plain)
		} else {
			s, ok = escapeAny(escaper(name), v)
		}
		if !ok {
			return "", false
		}
	}
	return s, true
}

// check compares the chain of probe i on v with html/template's output.
func check(t *testing.T, i int, v any) {
	t.Helper()
	p := probes[i]
	got, ok := run(p.chain, v)
	if !ok {
		return
	}
	var buf bytes.Buffer
	err := probeTemplates(t)[i].Execute(&buf, v)
	if err != nil {
		t.Errorf("%s on %#v: html/template fails (%v), we give %q", p.tmpl, v, err, got)
		return
	}
	if want := buf.String(); p.pre+got+p.post != want {
		t.Errorf("%s on %T %#v:\n got %q\nwant %q", p.tmpl, v, v, p.pre+got+p.post, want)
	}
}

// wrap returns s as a plain string and as each typed string.
func wrap(s string) []any {
	return []any{s, template.HTML(s), template.HTMLAttr(s), template.URL(s),
		template.CSS(s), template.JS(s), template.JSStr(s), template.Srcset(s)}
}

var trickyStrings = []string{
	"", " ", "a", "\x00", "a\x00b", `<>&'"+` + "`=", "&amp;", "&lt;b&gt;", "a&b",
	"javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "java\nscript:x",
	"jAvAsCrIpT:x", " data:text/html,x", "data:x", "mailto:a@b.c", "MAILTO:x",
	"http://x.y/p?q=1&r=2#f", "HTTPS://x", "https://例子.测试/路径?q=值",
	"//evil.com", "/a/b:c", "a/b:c", "ftp://x", ":x", "x:", "%zz", "%2F", "%2f%",
	"%", "%%", "%a", "%A0%", "a b\tc\nd", "中文标题：测试", "\xff", "a\xffb", "\xe4\xb8",
	"\u2028\u2029", "\ufdd0\ufdef\ufff0\ufffd\uffff", "\U0001F600", "\\", `a\`, `\\`,
	`\41`, `\41 b`, `\000041`, `\110000`, `\d800`, `\0`, `\"`, `\'`, "\\\r\nx",
	"\\41\r\nx", `\2f\2a`, "expression(alert(1))", "Expression", "exp\\72 ession",
	"e-x-p-r-e-s-s-i-o-n", "mozbinding", "moz-binding", "-moz-binding", "url(x)",
	"/*", "*/", "--", "-a-", "<!--", "-->", "red", "#fff", "10px", "1px solid red",
	"rgba(0,0,0,0)", "a;b", "a{b}", "<b>bold</b>", "I <3 Ponies", "<a href=\"x\">y</a>",
	"<script>alert(1)</script>", "<", "a<", "<!-- c -->x", "x=y", "a`b", "1e3",
	"\t\n\v\f\r", "ſ", "httpſ:x", "\u212Aey", "HTTP\u017F://x",
}

// asciiStrings holds every ASCII byte alone and between letters.
func asciiStrings() []string {
	var ss []string
	for c := range 128 {
		ss = append(ss, string(rune(c)), "a"+string(rune(c))+"b")
	}
	return ss
}

type stringer struct{ s string }

func (s stringer) String() string { return "<" + s.s + ">" }

type ptrStringer struct{ s string }

func (s *ptrStringer) String() string { return "&" + s.s }

type myErr struct{}

func (myErr) Error() string { return `err "<x>"` }

type myString string

type panicky struct{}

func (panicky) String() string { panic("<boom>") }

func otherValues() []any {
	i, s, h, u := 42, "a<b", template.HTML("<b>x</b>"), template.URL("javascript:x")
	ps, ph := &s, &h
	var anyv any = "x&y"
	ps2 := &ptrStringer{"p<q"}
	return []any{
		nil, 0, -7, int8(-3), uint(7), int64(math.MinInt64), uint64(math.MaxUint64),
		3.14, 1e21, 1e-7, math.Inf(1), math.NaN(), float32(0.1), complex(1, 2),
		true, false, 'x', byte('<'),
		time.Date(2024, 5, 6, 7, 8, 9, 10, time.UTC),
		&i, &s, &ps, &h, &ph, &u, &anyv,
		(*int)(nil), (*string)(nil), (*template.HTML)(nil), (*stringer)(nil),
		(*ptrStringer)(nil), (**ptrStringer)(nil), panicky{},
		stringer{"a&b"}, &stringer{"c"}, ptrStringer{"v"}, ps2, &ps2,
		errors.New("<oops> & 'x'"), myErr{}, &myErr{}, fmt.Errorf("w: %w", myErr{}),
		myString("m<n"), []string{"a<b", "c"}, []byte("x<y"), []any{nil, 1, "z"},
		map[string]int{"b": 2, "a": 1}, struct{ A, B string }{"<", ">"},
		[2]template.HTML{"<i>", "j"},
	}
}

func TestEscapersMatchStdlib(t *testing.T) {
	var values []any
	for _, s := range append(trickyStrings, asciiStrings()...) {
		values = append(values, wrap(s)...)
		values = append(values, &s)
	}
	values = append(values, otherValues()...)
	for i := range probes {
		for _, v := range values {
			check(t, i, v)
		}
	}
}

func TestCommonCasesOK(t *testing.T) {
	plain := []any{"Hello, 世界 <&>", "", "javascript:x", 42, int64(-1), 3.5, true, nil}
	for _, p := range probes {
		for _, v := range plain {
			if _, ok := run(p.chain, v); !ok {
				t.Errorf("%s on %#v: ok=false", p.tmpl, v)
			}
		}
	}
	typed := []struct {
		name string
		v    any
	}{
		{hHTML, template.HTML("<b>x</b>")},
		{hRCDATA, template.HTML("<b>x</b>")},
		{hAttr, template.HTML("a &amp; b")},
		{hNospace, template.HTML("a&amp;b")},
		{hURLFilt, template.URL("javascript:x")},
		{hURLNorm, template.URL("/a b")},
		{hURLEsc, template.URL("/a b")},
		{hCSSValue, template.CSS("url(x)")},
		{hAttr, template.URL("/a?b&c")},
		{hAttr, template.CSS("a:b")},
		{hHTML, template.JS("a<b")},
		{hComment, template.HTML("<b>")},
	}
	for _, c := range typed {
		if _, ok := escapeAny(escaper(c.name), c.v); !ok {
			t.Errorf("%s on %#v: ok=false", c.name, c.v)
		}
	}
	// Only template.HTML with tags in an attribute needs html/template.
	if _, ok := escapeAny(escaper(hAttr), template.HTML("<b>x</b>")); ok {
		t.Error("attrescaper on template.HTML with a tag: ok=true")
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range probes {
			for _, v := range wrap(s) {
				check(t, i, v)
			}
		}
	})
}

const (
	benchTitle = "静夜思：床前明月光，疑是地上霜。举头望明月，低头思故乡。李白诗选读与赏析笔记两则"
	benchURL   = "/posts/2024/05/静夜思-notes/index.html"
)

func benchStdlib(b *testing.B, i int, v any) {
	tpl := probeTemplates(b)[i]
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := tpl.Execute(&buf, v); err != nil {
			b.Fatal(err)
		}
	}
}

func benchChain(b *testing.B, i int, v any) {
	var chain []escaperFunc
	for _, name := range probes[i].chain {
		chain = append(chain, escaper(name))
	}
	for b.Loop() {
		s, ok := escapeValue(chain[0], reflect.ValueOf(v))
		for _, e := range chain[1:] {
			if !ok {
				break
			}
			s, ok = e(s, plain)
		}
		if !ok {
			b.Fatal("ok=false")
		}
	}
}

func BenchmarkHTMLTitle(b *testing.B) {
	b.Run("ours", func(b *testing.B) { benchChain(b, 0, benchTitle) })
	b.Run("stdlib", func(b *testing.B) { benchStdlib(b, 0, benchTitle) })
}

func BenchmarkAttrURL(b *testing.B) {
	b.Run("ours", func(b *testing.B) { benchChain(b, 6, benchURL) })
	b.Run("stdlib", func(b *testing.B) { benchStdlib(b, 6, benchURL) })
}

// TestEscapeValue: the first escaper gets the same text and content kind
// from a reflect.Value (strings and typed strings read without an
// interface) as from the value itself through stringify.
func TestEscapeValue(t *testing.T) {
	str := "指针"
	values := []any{nil, 42, 1.5, true, &str, testStringer{3}, []string{"a"}}
	for _, s := range trickyStrings {
		for _, v := range wrap(s) {
			values = append(values, v)
		}
	}
	names := map[string]bool{}
	for _, p := range probes {
		for _, n := range p.chain {
			names[n] = true
		}
	}
	for n := range names {
		e := escaper(n)
		for _, v := range values {
			got, gotOK := escapeValue(e, reflect.ValueOf(v))
			want, wantOK := escapeAny(e, v)
			if got != want || gotOK != wantOK {
				t.Errorf("%s on %#v: got %q %v, want %q %v", n, v, got, gotOK, want, wantOK)
			}
		}
	}
}
