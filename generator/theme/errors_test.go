package theme

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yipin/generator/config"
	"yipin/generator/diag"
	"yipin/generator/site"
)

// englishMarks are pieces of Go's template errors that must not reach
// users untranslated.
var englishMarks = []string{"can't", "executing", "error calling", "runtime error", "wrong type",
	"undefined", "not defined", "unexpected", "expected", "nil pointer", "index of", "Go 的原始信息"}

// TestErrorsInChinese: each kind of template error says in Chinese what
// is wrong, where (file:line:col) and how to fix it.
func TestErrorsInChinese(t *testing.T) {
	cfg := config.Default()
	cfg.Params["emblem"] = 3 // params.emblem: 3 in site.yaml, where the theme wants a path
	page := &site.Page{Title: "标题", Site: &site.Site{Config: cfg}}
	tests := []struct {
		name      string
		src       string // layouts/test.html
		line, col int
		msg       []string // parts of the message
		hint      string   // part of the hint
	}{
		// Executing.
		{"unknown field", "<p>\n  {{ .NoSuchMethod }}</p>", 2, 6,
			[]string{"模板出错:页面没有名为 NoSuchMethod 的字段或方法(.NoSuchMethod)"}, "可用的有 .Kind、.Title、.Date"},
		{"field in the wrong case", "{{ .title }}", 1, 4,
			[]string{"页面没有名为 title 的字段或方法"}, "是不是 .Title?"},
		{"field of the site", "{{ .Site.Titel }}", 1, 4,
			[]string{"站点(.Site)没有名为 Titel 的字段或方法(.Site.Titel)"}, "是不是 .Title?"},
		{"index of nil", "x\n{{ index .Params.list 0 }}", 2, 4,
			[]string{"{{ index }} 的对象是空值(nil)"}, "{{ with"},
		{"index out of range", "{{ index .Aliases 3 }}", 1, 4,
			[]string{"{{ index }} 的序号 3 超出了列表的范围"}, "从 0 开始"},
		{"missing partial", "<div>\n{{ partial \"nonexist.html\" . }}</div>", 2, 4,
			[]string{"找不到片段 partials/nonexist.html"}, "layouts/partials/"},
		{"partial name almost right", `{{ partial "nva.html" . }}`, 1, 4,
			[]string{"找不到片段 partials/nva.html"}, "是不是 partials/nav.html?"},
		{"missing template", `{{ template "partials/nonexist.html" . }}`, 1, 13,
			[]string{"找不到片段 partials/nonexist.html"}, "layouts/partials/"},
		{"site parameter of the wrong type", "<img src=\"{{ relURL (or .Site.Config.Params.emblem \"/images/emblem.svg\") }}\">", 1, 25,
			[]string{"站点设置 params.emblem 是整数,这里需要文字"}, "site.yaml"},
		{"front-matter parameter of the wrong type", `{{ truncate .Params.n .Title }}`, 1, 13,
			[]string{"front matter 的 n 没有值"}, "front matter"},
		{"no paginator on an article", "<nav>{{ .Paginator.URL -5 }}</nav>", 1, 9,
			[]string{"调用 .Paginator.URL 时遇到空值(nil)"}, "只有列表页"},
		{"no parent on the home page", "{{ .Parent.Title }}", 1, 4,
			[]string{".Parent 是空值(nil),取不到它的 .Title"}, "{{ with .Parent }}"},
		{"comparing text with a number", `{{ if eq .Title 3 }}x{{ end }}`, 1, 7,
			[]string{"eq 比较的两个值类型不同:一个是文字,一个是整数"}, "数字不加引号"},
		{"constant of the wrong kind", `{{ truncate "30" .Title }}`, 1, 13,
			[]string{"这里需要整数,写的却是 \"30\""}, "数字不加引号"},
		{"too few arguments", `{{ dateCN }}`, 1, 4,
			[]string{"函数 dateCN 需要 1 个参数,这里给了 0 个"}, "dateCN .Date"},
		{"arguments after a field", `{{ .Title 3 }}`, 1, 4,
			[]string{".Title 是字段而不是函数"}, "(len .Pages)"},
		{"error of a yipin function", `{{ sortBy .Pages "Nope" "asc" }}`, 1, 4,
			[]string{"sortBy 不支持按 \"Nope\" 排序"}, "sortBy .Pages"},
		{"range over a number with a fraction", `{{ range 3.5 }}x{{ end }}`, 1, 10,
			[]string{"range 只能遍历列表"}, "range .Pages"},
		{"escaping: URL in two places", `<a href="{{ if .Title }}/a/{{ else }}/s?q={{ end }}{{ .Title }}">x</a>`, 1, 55,
			[]string{"网址里的值无法确定怎样转义"}, "每个分支"},

		// Parsing: the column is found in the line the parser names.
		{"stray brace", "a\n<p>{{ .Title } }}</p>", 2, 14,
			[]string{"模板语法有误:{{ }} 里多了一个 }"}, "}}"},
		{"unknown function", "a\n<p>{{ nofunc .Title }}</p>", 2, 7,
			[]string{"没有名为 nofunc 的模板函数"}, "README"},
		{"unknown function, near a known one", "{{ datecn .Date }}", 1, 4,
			[]string{"没有名为 datecn 的模板函数"}, "是不是 dateCN?"},
		{"HTML inside an action", "a\n<p>{{ <b> }}</p>", 2, 7,
			[]string{"{{ }} 里出现了 <"}, "HTML 标签要写在 {{ }} 外面"},
		{"Chinese quotes", "{{ partial “nav.html” . }}", 1, 12,
			[]string{"{{ }} 里有中文标点 “"}, "改成 \""},
		{"unclosed if", "<ul>\n  {{ if .Title }}<li>{{ .Title }}</li>\n  {{ with .Date }}x{{ end }}\n</ul>\n", 2, 3,
			[]string{"这个 {{ if }} 没有对应的 {{ end }}"}, "加上 {{ end }}"},
		{"extra end", "{{ if .Title }}x{{ end }}\n\n  {{ end }}", 3, 3,
			[]string{"多了一个 {{ end }}"}, "删掉多余的 {{ end }}"},
		{"else outside if", "a\n <b>{{ else }}</b>", 2, 5,
			[]string{"{{ else }} 不在 {{ if }}"}, "{{ if .Title }}"},
		{"second else", "{{ if .Title }}a{{ else }}b{{ else }}c{{ end }}", 1, 28,
			[]string{"多了一个 {{ else }}"}, "{{ else if … }}"},
		{"three variables in range", "{{ range $a, $b, $c := .Tags }}{{ end }}", 1, 12,
			[]string{"range 最多声明两个变量"}, "{{ range $i, $p := .Pages }}"},
		{"undefined variable", "{{ range .Pages }}{{ $x }}{{ end }}", 1, 22,
			[]string{"变量 $x 没有定义"}, "{{ $x := 值 }}"},
		{"if without a value", "<p>{{ if }}x{{ end }}</p>", 1, 4,
			[]string{"{{ if }} 后面缺少要判断的值"}, "{{ if .Title }}"},
		{"unclosed quote", `<p>{{ partial "nav.html . }}</p>`, 1, 15,
			[]string{"双引号没有配对"}, "英文双引号"},
		{"stray dot", "{{ .Title. }}", 1, 10,
			[]string{"{{ }} 里多了一个 ."}, ".Title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, ds := loadOne(t, map[string]string{
				"layouts/test.html":         tt.src,
				"layouts/partials/nav.html": "<nav></nav>",
			})
			d := firstDiag(ds)
			if d == nil {
				var b bytes.Buffer
				if _, d = th.Execute(&b, "test.html", page, page); d == nil {
					t.Fatalf("no error; output %q", b.String())
				}
			}
			if d.File != "themes/test/layouts/test.html" || d.Line != tt.line || d.Col != tt.col {
				t.Errorf("at %s, want line %d col %d (%s)", d.Location(), tt.line, tt.col, d.Message)
			}
			for _, m := range tt.msg {
				if !strings.Contains(d.Message, m) {
					t.Errorf("message %q lacks %q", d.Message, m)
				}
			}
			for _, e := range englishMarks {
				if strings.Contains(d.Message, e) {
					t.Errorf("message %q keeps Go's English (%q)", d.Message, e)
				}
			}
			if !strings.Contains(d.Hint, tt.hint) {
				t.Errorf("hint %q lacks %q", d.Hint, tt.hint)
			}
			if len(d.Excerpt) == 0 {
				t.Error("no source lines")
			}
		})
	}
}

// firstDiag is the first of ds, or nil.
func firstDiag(ds []*diag.Diagnostic) *diag.Diagnostic {
	if len(ds) == 0 {
		return nil
	}
	return ds[0]
}

// The audit's case: {{ if .Title }} left open on line 3 of the default
// theme's single.html was reported at line 26, past the end of the file.
func TestUnclosedIfInDefaultTheme(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "themes", "default", "layouts", "_default", "single.html"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	const h1 = `<h1 class="article-title">`
	if !strings.HasPrefix(strings.TrimSpace(lines[2]), h1) {
		t.Fatalf("line 3 of single.html changed: %q", lines[2])
	}
	lines[2] = strings.Replace(lines[2], h1, h1+"{{ if .Title }}", 1)
	siteDir := t.TempDir()
	writeTree(t, siteDir, map[string]string{"layouts/_default/single.html": strings.Join(lines, "\n")})
	_, ds := Load([]Dir{{Path: filepath.Join("..", "..", "themes", "default"), Display: "themes/default"},
		{Path: siteDir, Display: "."}}, testEnv(t))
	if len(ds) != 1 {
		t.Fatalf("want one diagnostic, got %v", ds)
	}
	d := ds[0]
	col := strings.Index(lines[2], "{{ if") + 1
	if d.File != "layouts/_default/single.html" || d.Line != 3 || d.Col != col {
		t.Errorf("at %s, want layouts/_default/single.html:3:%d", d.Location(), col)
	}
	if d.Message != "模板语法有误:这个 {{ if }} 没有对应的 {{ end }}" || !strings.Contains(d.Hint, "{{ end }}") {
		t.Errorf("message %q, hint %q", d.Message, d.Hint)
	}
	if !strings.Contains(d.Long(), "\n      |"+strings.Repeat(" ", col)+"^") {
		t.Errorf("no caret under the {{ if:\n%s", d.Long())
	}
}

func TestUnclosedBlock(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		word      string
		line, col int
	}{
		{"alone", "{{ if .Title }}\nx", "if", 1, 1},
		{"innermost of two", "{{ range .Pages }}\n  {{ with .Title }}\n", "with", 2, 3},
		// The end of the define closed the if: the if is the culprit.
		{"inner block closed by the outer end", "{{ define \"main\" }}\n  <h1>{{ if .Title }}{{ .Title }}</h1>\n  {{ with .Date }}x{{ end }}\n{{ end }}\n", "if", 2, 7},
		{"nested", "{{ define \"main\" }}\n  {{ range .Pages }}\n    {{ if .Title }}<b>\n  {{ end }}\n{{ end }}", "if", 3, 5},
		// Actions in comments and strings do not count.
		{"comment and string", "{{/* {{ if }} */}}{{ with \"{{ if\" }}\n{{ range .Pages }}{{ end }}", "with", 1, 19},
		{"trim markers", "{{- if .Title -}}\n{{- range .Pages -}}{{- end -}}", "if", 1, 1},
		{"else is no block", "{{ if .A }}a{{ else if .B }}b{{ else }}c\n", "if", 1, 1},
		{"columns count characters", "标题：{{ block \"main\" . }}", "block", 1, 4},
	}
	for _, tt := range tests {
		a, ok := unclosedBlock([]byte(tt.src))
		if !ok || a.word != tt.word || a.line != tt.line || a.col != tt.col {
			t.Errorf("%s: got %+v %v, want %s at %d:%d", tt.name, a, ok, tt.word, tt.line, tt.col)
		}
	}
	for _, src := range []string{"", "{{ if .X }}{{ end }}", "{{ .Title }}", "{{ if .X }}{{ end }}{{ end }}", "{{ if "} {
		if a, ok := unclosedBlock([]byte(src)); ok {
			t.Errorf("%q: found %+v, want nothing", src, a)
		}
	}
	if a, ok := extraEnd([]byte("{{ if .X }}\n{{ end }}\n  {{- end }}")); !ok || a.line != 3 || a.col != 3 {
		t.Errorf("extraEnd = %+v %v, want 3:3", a, ok)
	}
}

// An error in a partial is reported in the partial, and a missing partial
// called by a partial at the call.
func TestErrorsInPartials(t *testing.T) {
	th := mustLoad(t, map[string]string{
		"layouts/test.html":                   "<main>\n{{ partial \"outer.html\" . }}</main>",
		"layouts/partials/outer.html":         "<div>\n\n  {{ partial \"inner.html\" . }}\n</div>",
		"layouts/partials/inner.html":         "<p>{{ .Nope }}</p>",
		"layouts/missing.html":                "{{ partial \"calls-missing.html\" . }}",
		"layouts/partials/calls-missing.html": "x\n{{ partial \"gone.html\" . }}",
	})
	tests := []struct {
		layout, file string
		line, col    int
		msg          string
	}{
		{"test.html", "themes/test/layouts/partials/inner.html", 1, 7, "页面没有名为 Nope 的字段或方法"},
		{"missing.html", "themes/test/layouts/partials/calls-missing.html", 2, 4, "找不到片段 partials/gone.html"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		_, d := th.Execute(&b, tt.layout, &site.Page{}, &site.Page{})
		if d == nil {
			t.Fatalf("%s: no error", tt.layout)
		}
		if d.File != tt.file || d.Line != tt.line || d.Col != tt.col || !strings.Contains(d.Message, tt.msg) {
			t.Errorf("%s: %s, want %s:%d:%d %s", tt.layout, d.Error(), tt.file, tt.line, tt.col, tt.msg)
		}
	}
}

// Translation never panics and always says something, whatever the text.
func TestExplainOddErrors(t *testing.T) {
	th := mustLoad(t, map[string]string{"layouts/test.html": "x"})
	for _, rest := range []string{"", "executing \"x\" at <>: ", "executing \"x\" at <.A>: error calling : ",
		"error calling index: ", "wrong number of args for : want 1 got 2", "something new in Go 1.30",
		"executing \"x\" at <.A.B>: nil pointer evaluating .B", "error calling eq: something"} {
		e := th.explainExec(errorString(rest), rest)
		if e.msg == "" || e.hint == "" {
			t.Errorf("explainExec(%q) = %+v", rest, e)
		}
		e = th.explainSyntax(rest, nil, 3)
		if e.msg == "" || e.hint == "" {
			t.Errorf("explainSyntax(%q) = %+v", rest, e)
		}
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

// FuzzBlockActions: the scan that finds unclosed and extra {{ end }}s in
// a template's text never panics, and what it finds is in the text.
func FuzzBlockActions(f *testing.F) {
	for _, s := range []string{
		"{{ if .A }}\n  {{ range .B }}\n{{ end }}\n", "{{/* {{ if }} */}}{{ \"{{ end }}\" }}{{ end }}",
		"{{- with .X -}}{{ else }}{{ end }}{{ end }}", "{{ define \"a\" }}{{ block \"b\" . }}", "{{ if `{{` }}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Count(s, "\n") + 1
		for _, find := range []func([]byte) (blockAction, bool){unclosedBlock, extraEnd} {
			if a, ok := find([]byte(s)); ok && (a.line < 1 || a.line > lines || a.col < 1) {
				t.Fatalf("%q: action at %d:%d outside the text of %d lines", s, a.line, a.col, lines)
			}
		}
	})
}
