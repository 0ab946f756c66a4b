package theme

import (
	"bytes"
	"slices"
	"testing"

	"yipin/generator/publish"
	"yipin/generator/site"
)

func TestPreminify(t *testing.T) {
	m := publish.NewMinifier()
	tests := []struct {
		name, src, want string
		ok              bool
	}{
		{"no actions", "<p class=\"a\">\n  一段  文字\n</p>\n", "<p class=a>一段 文字</p>", true},
		{"text and attribute values", "<ul>\n  {{ range .Pages }}\n  <li><a href=\"{{ .URL }}\" title=\"x\">{{ .Title }}</a></li>\n  {{ end }}\n</ul>\n",
			`<ul>{{ range .Pages }}<li><a href="{{ .URL }}" title=x>{{ .Title }}</a></li>{{ end }}</ul>`, true},
		{"space between two values stays", "<span>{{ .A }}  {{ .B }}</span>", "<span>{{ .A }} {{ .B }}</span>", true},
		// "&amp;" before a value stays: the value may go on as a name
		{"an entity before an action", "<p>a &amp;{{ .X }} &amp; b</p>", "<p>a &amp;{{ .X }} & b</p>", true},
		{"trim markers", "<p>\n  {{- .A -}}\n</p>", "<p>{{- .A -}}</p>", true},
		{"braces in strings and comments", "<p>{{ printf \"}}%s\" `}}` '}' }}</p>{{/* }} */}}<i>\n</i>",
			"<p>{{ printf \"}}%s\" `}}` '}' }}</p>{{/* }} */}}<i></i>", true},
		{"action between attributes", `<a href="{{ .URL }}"{{ if .Here }} aria-current="page"{{ end }}>x</a>`,
			`<a href="{{ .URL }}"{{ if .Here }} aria-current=page {{ end }}>x</a>`, true},
		{"actions between the options of a select", "<select>\n  <option value=\"\">全部</option>\n  {{ range . }}<option>{{ . }}</option>{{ end }}\n</select>",
			"<select><option value>全部</option>{{ range . }}<option>{{ . }}</option>{{ end }}</select>", true},
		{"action in a comment", "<!-- {{ .A }} --><p>x</p>", "", false},
		{"action in a boolean attribute", `<input checked="{{ .On }}">`, "", false},
		{"inline script with an action stays as written", "<script>var x = {{ .X }};\n var y = 1;</script>\n<p> x </p>",
			"<script>var x = {{ .X }};\n var y = 1;</script><p>x</p>", true},
		{"style with an action", "<style>p { color: {{ .C }}; }</style>", "<style>p{color:{{ .C }}}</style>", true},
		{"the placeholder's own text", "<p>yipinaction</p>", "", false},
		{"unclosed action", "<p>{{ .A </p>", "", false},
		{"unclosed comment", "<p>{{/* x }}</p>", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := preminify([]byte(tt.src), m.HTML)
			if ok != tt.ok || ok && string(got) != tt.want {
				t.Errorf("preminify(%q) = %q, %v; want %q, %v", tt.src, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// A placeholder that comes back twice is refused, wherever the copy is.
func TestPreminifyRepeated(t *testing.T) {
	p0 := []byte(placeholder(0))
	for name, repeat := range map[string]func(*bytes.Buffer, []byte) error{
		"at the end": func(dst *bytes.Buffer, src []byte) error { dst.Write(src); dst.Write(src); return nil },
		"before the next": func(dst *bytes.Buffer, src []byte) error {
			dst.Write(bytes.Replace(src, p0, append(slices.Clone(p0), p0...), 1))
			return nil
		},
	} {
		if out, ok := preminify([]byte("<p>{{ .A }}{{ .B }}</p>"), repeat); ok {
			t.Errorf("%s: accepted %q", name, out)
		}
	}
}

// FuzzPreminify: whatever the source, preminify does not panic, and what it
// accepts keeps every action, in order, as written.
func FuzzPreminify(f *testing.F) {
	for _, s := range []string{"<p>{{ .A }}</p>", "<a href=\"{{ .U }}\"{{ if .B }} x{{ end }}>", "{{/* }} */}}", "<script>{{ .J }}</script>", "{{ \"}}\" }}"} {
		f.Add(s)
	}
	m := publish.NewMinifier()
	f.Fuzz(func(t *testing.T, src string) {
		out, ok := preminify([]byte(src), m.HTML)
		if !ok {
			return
		}
		texts := func(b []byte) [][]byte {
			as, ok := templateActions(b)
			if !ok {
				t.Fatalf("accepted %q, but its output %q has an unclosed action", src, out)
			}
			var ts [][]byte
			for _, a := range as {
				ts = append(ts, b[a[0]:a[1]])
			}
			return ts
		}
		if !slices.EqualFunc(texts([]byte(src)), texts(out), bytes.Equal) {
			t.Errorf("preminify(%q) = %q: the actions changed", src, out)
		}
	})
}

// A theme loaded with Minify renders its layouts from minified text (a
// select's options included), says so, and leaves a layout that cannot be
// minified (an action in a comment) to whole-page minifying.
// An error is reported at the line of the template as written.
func TestLoadMinified(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"layouts/ok.html":            "<main>\n  <h1 class=\"title\">{{ .Title }}</h1>\n  {{ partial \"meta.html\" . }}\n</main>\n",
		"layouts/select.html":        "<select>\n  {{ range .Tags }}<option>{{ .Name }}</option>{{ end }}\n</select>",
		"layouts/comment.html":       "<p>{{ .Title }}</p><!-- {{ .Author }} -->",
		"layouts/broken.html":        "<main>\n  <p>\n    {{ .Nope }}\n  </p>\n</main>\n",
		"layouts/partials/meta.html": "<p class=\"meta\">\n  {{ .Author }}\n</p>\n",
	})
	env := testEnv(t)
	env.Minify = publish.NewMinifier().HTML
	th, ds := Load([]Dir{{Path: dir, Display: "themes/test"}}, env)
	for _, d := range ds {
		t.Fatal(d.Long())
	}
	if u := th.Unminified(); !slices.Equal(u, []string{"comment.html"}) {
		t.Errorf("Unminified() = %q", u)
	}
	page := &site.Page{Title: "标题", Author: "张三"}
	for i := 0; i < 2; i++ { // html/template, then the compiled program
		var b bytes.Buffer
		minified, d := th.Execute(&b, "ok.html", page, page)
		if d != nil || !minified || b.String() != `<main><h1 class=title>标题</h1><p class=meta>张三</p></main>` {
			t.Errorf("ok.html = %q, %v, %v", b.String(), minified, d)
		}
	}
	var b bytes.Buffer
	if minified, d := th.Execute(&b, "comment.html", page, page); d != nil || minified {
		t.Errorf("comment.html: minified = %v, %v", minified, d)
	}
	b.Reset()
	page.Terms = map[string][]*site.Term{"tags": {{Name: "甲"}, {Name: "乙"}}}
	if minified, d := th.Execute(&b, "select.html", page, page); d != nil || !minified || b.String() != "<select><option>甲</option><option>乙</option></select>" {
		t.Errorf("select.html = %q, %v, %v", b.String(), minified, d)
	}
	b.WriteString("before ")
	_, d := th.Execute(&b, "broken.html", page, page)
	if d == nil || d.Line != 3 || d.Col != 8 {
		t.Fatalf("broken.html: %v, want an error at 3:8", d)
	}
	th.Forget()
}
