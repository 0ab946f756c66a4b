package publish

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestRefs lists the references the lexers find, each as "kind URL".
func TestRefs(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"a.css", `@import "more.css";`, []string{"@import more.css"}},
		{"a.css", `@import 'more.css' screen;`, []string{"@import more.css"}},
		{"a.css", `@IMPORT url(more.css);`, []string{"@import more.css"}},
		{"a.css", `@import /* why */ url( "a b.css" ) layer(x);`, []string{"@import a b.css"}},
		{"a.css", `a{background:url(base.css)}`, []string{"url() base.css"}},
		{"a.css", `a{background:url( 'q.png' ) no-repeat, URL("/images/emblem.svg")}`,
			[]string{"url() q.png", "url() /images/emblem.svg"}},
		{"a.css", `@font-face{src:url(f.woff2?v=1) format("woff2"),url(f.svg#font)}`,
			[]string{"url() f.woff2?v=1", "url() f.svg#font"}},
		{"a.css", `a{b:url(data:image/png;base64,AAAA)}`, []string{"url() data:image/png;base64,AAAA"}},
		{"a.css", `a{b:image-set("a.png" 1x, "b.png" type("image/png") 2x)}`, []string{"url() a.png", "url() b.png"}},
		{"a.css", `a{b:-webkit-image-set(url(a.png) 1x)}`, []string{"url() a.png"}},
		{"a.css", `a::before{content:"x.png"} /* url(c.png) */`, nil},
		{"a.css", `a{b:url(a\ b.png)}`, nil}, // escapes are left alone
		{"a.css", `a{b:url("unclosed`, nil},
		{"a.mjs", `import "./util.js";`, []string{"import ./util.js"}},
		{"a.js", `import x from './a.js'`, []string{"import ./a.js"}},
		{"a.js", "import {a,\n  b as c} from \"./b.js\";\nimport * as d from \"../d.js\"",
			[]string{"import ./b.js", "import ../d.js"}},
		{"a.js", `import from from "./from.js"`, []string{"import ./from.js"}},
		{"a.js", `export * from "./c.js"; export {d, e as from} from "./d.js"`, []string{"import ./c.js", "import ./d.js"}},
		{"a.js", `export const a = 1` + "\n" + `import "./o.js"`, []string{"import ./o.js"}},
		{"a.js", `const m = await import("./e.js"); import("./f.js", {with: {type: "json"}})`,
			[]string{"import ./e.js", "import ./f.js"}},
		{"a.js", `import json from "./data.json" with { type: "json" }`, []string{"import ./data.json"}},
		{"a.js", `export async function f() { return import("./lazy.js") }`, []string{"import ./lazy.js"}},
		{"a.js", "const s = `${await import(\"./t.js\")}`", []string{"import ./t.js"}},
		// URLs built at run time, and what only looks like an import
		{"a.js", `import("./g" + x); import(x); import(` + "`./h.js`" + `)`, nil},
		{"a.js", `console.log(import.meta.url, "./i.js"); obj.import("./j.js"); a?.import("./k.js")`, nil},
		{"a.js", `// import "./l.js"` + "\n" + `/* import "./m.js" */ const s = "import './n.js'"`, nil},
		{"a.js", `let from = "./p.js"; fetch("/data.json")`, nil},
		// a slash: a regular expression or a division
		{"a.js", `const r = /import "q"/; import "./r.js"`, []string{"import ./r.js"}},
		{"a.js", `a = b / 2; c = (d) / 3 / e; import "./s.js"`, []string{"import ./s.js"}},
		{"a.js", `if (/["']/.test(x)) y(); import "./u.js"`, []string{"import ./u.js"}},
		{"a.js", `import "./一.js"`, []string{"import ./一.js"}},
		{"a.js", `import "./a\u0062.js"`, nil}, // an escape: left alone
		{"a.js", `import "./a.js`, nil},
		{"a.txt", `@import "x.css"`, nil},
	}
	for _, tt := range tests {
		refs := Refs(tt.name, []byte(tt.src))
		var got []string
		for _, r := range refs {
			got = append(got, fmt.Sprintf("%s %s", r.Kind, r.URL))
			if tok := tt.src[r.Start:r.End]; !strings.Contains(tok, r.URL) {
				t.Errorf("Refs(%s, %q): %q is not in its token %q", tt.name, tt.src, r.URL, tok)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Refs(%s, %q) = %q, want %q", tt.name, tt.src, got, tt.want)
		}
	}
}

// TestRefsBadInput: whatever the bytes, Refs does not panic and its
// offsets stay inside the source.
func TestRefsBadInput(t *testing.T) {
	inputs := []string{"", "url(", "@import", "@import url(", "image-set(", ")))", "import", "import(",
		"import(\"", "/", "a /", "`${", "`${import(\"./a.js\")", "\x00\xff", "/* ", "\"\\", "import'\xff'"}
	for _, in := range inputs {
		for _, name := range []string{"a.css", "a.js"} {
			for _, r := range Refs(name, []byte(in)) {
				if r.Start < 0 || r.End > len(in) || r.Start > r.End {
					t.Errorf("Refs(%s, %q): token %d:%d outside the source", name, in, r.Start, r.End)
				}
			}
		}
	}
}

func TestTarget(t *testing.T) {
	css := func(u string) Ref { return Ref{Kind: CSSURL, URL: u} }
	mod := func(u string) Ref { return Ref{Kind: JSImport, URL: u} }
	tests := []struct {
		from string
		ref  Ref
		want string // "" for left alone
	}{
		{"css/a.css", css("base.css"), "/css/base.css"},
		{"css/a.css", css("./base.css"), "/css/base.css"},
		{"css/a.css", css("../img/x.png"), "/img/x.png"},
		{"css/sub/a.css", css("../../img/x.png?v=2#top"), "/img/x.png"},
		{"css/a.css", css("/images/emblem.svg"), "/images/emblem.svg"},
		{"css/a.css", css("../../../x.png"), "/x.png"},
		{"css/a.css", css("x.svg#icon"), "/css/x.svg"},
		{"css/a.css", css("fonts/a%20b.woff?v=1"), "/css/fonts/a b.woff"},
		{"css/a.css", css("../news/"), "/news/"},
		{"css/a.css", css(".."), "/"},
		{"a.css", css("img/x.png"), "/img/x.png"},
		{"css/a.css", css("https://example.gov.cn/x.png"), ""},
		{"css/a.css", css("HTTP://example.gov.cn/x.png"), ""},
		{"css/a.css", css("//cdn.example.gov.cn/x.png"), ""},
		{"css/a.css", css("data:image/svg+xml,%3Csvg/%3E"), ""},
		{"css/a.css", css("#clip"), ""},
		{"css/a.css", css("?v=1"), ""},
		{"css/a.css", css(""), ""},
		{"css/a.css", css("a%zz.png"), ""},
		{"js/a.js", mod("./util.js"), "/js/util.js"},
		{"js/a.js", mod("../lib/util.js"), "/lib/util.js"},
		{"js/a.js", mod("/js/util.js"), "/js/util.js"},
		{"js/a.js", mod("util.js"), ""}, // a module name (import map), not a path
		{"js/a.js", mod("vue"), ""},
		{"js/a.js", mod("https://esm.example.gov.cn/x.js"), ""},
	}
	for _, tt := range tests {
		got, ok := tt.ref.Target(tt.from)
		if !ok {
			got = ""
		}
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: Target(%q) = %q, %v; want %q", tt.from, tt.ref.URL, got, ok, tt.want)
		}
	}
}

func TestRetarget(t *testing.T) {
	tests := []struct {
		kind      RefKind
		url, from string
		to, want  string
	}{
		{CSSImport, "more.css", "css/a.css", "/css/more.0123456789.css", "more.0123456789.css"},
		{CSSURL, "./base.css", "css/a.css", "/css/base.0123456789.css", "./base.0123456789.css"},
		{CSSURL, "/images/emblem.svg", "css/a.css", "/images/emblem.svg", "../images/emblem.svg"},
		{CSSURL, "/img/x.png", "a.css", "/img/x.0123456789.png", "img/x.0123456789.png"},
		{CSSURL, "../../img/x.png?v=2#h", "css/sub/a.css", "/img/x.0123456789.png", "../../img/x.0123456789.png?v=2#h"},
		{CSSURL, "/css/sub/x.png", "css/a.css", "/css/sub/x.png", "sub/x.png"},
		{CSSURL, "/news/", "css/a.css", "/news/", "../news/"},
		{CSSURL, "/css/", "css/a.css", "/css/", "./"},
		{CSSURL, "/", "css/sub/a.css", "/", "../../"},
		{CSSURL, "100%25.png", "css/a.css", "/css/100%.0123456789.png", "100%25.0123456789.png"},
		{JSImport, "./util.js", "js/a.js", "/js/util.0123456789.js", "./util.0123456789.js"},
		{JSImport, "/js/util.js", "js/a.js", "/js/util.0123456789.js", "./util.0123456789.js"},
		{JSImport, "/lib/x.js", "js/a.js", "/lib/x.0123456789.js", "../lib/x.0123456789.js"},
	}
	for _, tt := range tests {
		r := Ref{Kind: tt.kind, URL: tt.url}
		if got := r.Retarget(tt.from, tt.to); got != tt.want {
			t.Errorf("%s in %s → %s: Retarget = %q, want %q", tt.url, tt.from, tt.to, got, tt.want)
		}
	}
}

// TestRewrite: each reference's token is written again holding the new
// URL, quoted as it was; the rest of the source keeps its bytes.
func TestRewrite(t *testing.T) {
	tests := []struct {
		name, src string
		urls      []string
		want      string
	}{
		{"a.css", `@import "more.css";a{b:url(base.css);c:url( '/e.svg' )}`,
			[]string{"more.1.css", "base.2.css", "../e.svg"},
			`@import "more.1.css";a{b:url(base.2.css);c:url('../e.svg')}`},
		{"a.css", `@import url(more.css) screen;`, []string{"more.1.css"}, `@import url(more.1.css) screen;`},
		{"a.css", `a{b:url(x.png)}`, []string{"a b(1).png"}, `a{b:url("a b(1).png")}`},
		{"a.css", `a{b:url("x.png")}`, []string{`a"b\.png`}, `a{b:url("a\"b\\.png")}`},
		{"a.css", `a{b:image-set("a.png" 1x, 'b.png' 2x)}`, []string{"a.1.png", "b.png"},
			`a{b:image-set("a.1.png" 1x, 'b.png' 2x)}`},
		{"a.js", `import './util.js'; import("./lazy.js").then(f)`, []string{"./util.1.js", "./lazy.2.js"},
			`import './util.1.js'; import("./lazy.2.js").then(f)`},
		{"a.js", `export {a} from "./a.js"`, []string{"./a.js"}, `export {a} from "./a.js"`},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		refs := Refs(tt.name, src)
		if len(refs) != len(tt.urls) {
			t.Fatalf("Refs(%q) found %d references, want %d", tt.src, len(refs), len(tt.urls))
		}
		if got := string(Rewrite(src, refs, tt.urls)); got != tt.want {
			t.Errorf("Rewrite(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// FuzzRefs: for any stylesheet or script, Refs does not panic, its tokens
// lie inside the source in order, hold the URL they report, and rewriting
// every reference to itself changes nothing, while rewriting one to a new
// URL leaves the text around it as it was.
func FuzzRefs(f *testing.F) {
	for _, s := range []string{
		`@import "a.css"; .x{background:url(img/x.png)} .y{background:image-set("a.png" 1x)}`,
		`import a from "./a.js"; import("./b.js"); export {c} from '../c.js'; let r = /import "x"/;`,
		"url(  'a b.png'  )", "`${import(\"./a.js\")}`", "a / import('./x.js')",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		for _, name := range []string{"a.css", "a.js"} {
			refs := Refs(name, src)
			last := 0
			urls := make([]string, len(refs))
			for i, r := range refs {
				if r.Start < last || r.End > len(src) || r.Start > r.End {
					t.Fatalf("Refs(%s, %q): token %d:%d out of order or outside the source", name, s, r.Start, r.End)
				}
				last, urls[i] = r.End, r.URL
				_, _ = r.Target("css/a.css")
			}
			if got := Rewrite(src, refs, urls); !bytes.Equal(got, src) {
				t.Fatalf("Rewrite to the same URLs changed %q into %q", s, got)
			}
			if len(refs) > 0 {
				urls[0] = "new.css"
				got := Rewrite(src, refs, urls)
				r := refs[0]
				if !bytes.HasPrefix(got, src[:r.Start]) || !bytes.HasSuffix(got, src[r.End:]) {
					t.Fatalf("Rewrite of one reference in %q changed the text around it: %q", s, got)
				}
			}
		}
	})
}
