package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The tests execute each template with html/template and with its
// compiled program and require the same bytes, or that the program
// declines (ErrFallback) where html/template fails.

type inner struct{ Deep string }

type item struct {
	Name  string
	Score int
	*inner
}

func (i item) Upper() string          { return strings.ToUpper(i.Name) }
func (i *item) Greet(s string) string { return s + "," + i.Name }

type data struct {
	Title    string
	Count    int
	Unsigned uint
	Ratio    float64
	Flag     bool
	Empty    string
	Items    []*item
	Values   []item
	Map      map[string]int
	IntMap   map[int]string
	Nested   *item
	NilPtr   *item
	Iface    any
	NilIface any
	Stringer fmt.Stringer
	HTML     htmltemplate.HTML
	URL      htmltemplate.URL
	Link     string
	Tags     []string
	Grid     [][]int
	Posted   time.Time
}

func (d *data) Join(a, b string) string       { return a + "|" + b }
func (d *data) Fail() (string, error)         { return "", errors.New("失败") }
func (d *data) Maybe(ok bool) (string, error) { return map[bool]string{true: "yes"}[ok], nil }
func (d *data) Sum(xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
func (d *data) Ptr() *item                                  { return d.Nested }
func (d data) ByValue() string                              { return "value:" + d.Title }
func (d *data) Pick(i int, list []string) string            { return list[i] }
func (d *data) Typed(h htmltemplate.HTML) htmltemplate.HTML { return "<b>" + h + "</b>" }

// Methods of the shapes that AddMethods calls directly.
func (d *data) Loud() bool              { return d.Flag }
func (d *data) Double() int             { return 2 * d.Count }
func (d *data) Bold() htmltemplate.HTML { return "<b>" + d.HTML + "</b>" }
func (d *data) When() time.Time         { return testTime }
func (d *data) Self() *data             { return d }
func (d *data) Copies() []*data         { return []*data{d, d} }
func (d *data) Words() []string         { return d.Tags }
func (d *data) NilSelf() *data          { return nil }
func (d *data) Broken() (string, error) { return "", errors.New("坏了") }

var testTime = time.Date(2024, 6, 24, 9, 26, 0, 0, time.FixedZone("CST", 8*3600))

type testStringer struct{ n int }

func (s testStringer) String() string { return fmt.Sprintf("S%d", s.n) }

func testData() *data {
	shared := &inner{Deep: "深"}
	return &data{
		Title: `党建<引领>&"发展"+'未来'`, Count: 3, Unsigned: 3, Ratio: 1.25, Flag: true,
		Items:    []*item{{Name: "甲", Score: 90, inner: shared}, {Name: "乙", Score: 85, inner: shared}, {Name: "丙", Score: 0, inner: shared}},
		Values:   []item{{Name: "x", inner: shared}, {Name: "y", inner: shared}},
		Map:      map[string]int{"b": 2, "a": 1, "中": 3},
		IntMap:   map[int]string{10: "十", 2: "二", -1: "负"},
		Nested:   &item{Name: "嵌套", inner: shared},
		Iface:    &item{Name: "接口", inner: shared},
		Stringer: testStringer{7},
		HTML:     "<em>强调</em>",
		URL:      "https://example.gov.cn/a?b=1&c=中",
		Link:     "/新闻/a b?q=1&r=<x>",
		Tags:     []string{"清廉", "攀高", "品牌"},
		Grid:     [][]int{{1, 2}, {3, 4}},
		Posted:   testTime,
	}
}

var testFuncs = htmltemplate.FuncMap{
	"upper":  strings.ToUpper,
	"repeat": func(n int, s string) string { return strings.Repeat(s, n) },
	"join":   strings.Join,
	"concat": func(xs ...any) string { return fmt.Sprint(xs...) },
	"fail":   func() (string, error) { return "", errors.New("函数失败") },
	"safe":   func(s string) htmltemplate.HTML { return htmltemplate.HTML(s) },
	"url":    func(s string) htmltemplate.URL { return htmltemplate.URL(s) },
	"add":    func(a, b int) int { return a + b },
	"boom":   func() string { panic("boom") },
	// The shapes that direct calls without reflect.
	"day":   func(t time.Time) string { return t.Format("2006年1月2日") },
	"date":  func(layout string, t time.Time) string { return t.Format(layout) },
	"plain": func(h htmltemplate.HTML) string { return strings.ReplaceAll(string(h), "<", "[") },
	"cut": func(n int, v any) any {
		if s, ok := v.(string); ok && len([]rune(s)) > n {
			return string([]rune(s)[:n])
		}
		return v
	},
	"tr": func(key string, args ...any) (string, error) {
		if key == "坏" {
			return "", errors.New("界面文字失败")
		}
		return key + fmt.Sprint(len(args), args), nil
	},
	"part": func(name string, data any, variant ...any) (htmltemplate.HTML, error) {
		if name == "坏" {
			return "", errors.New("部分模板失败")
		}
		return htmltemplate.HTML(fmt.Sprintf("<i>%s %v %v</i>", name, data, variant)), nil
	},
}

// testMethods are the test types' methods called without reflect.
func testMethods() *Methods {
	ms := &Methods{}
	AddMethods[*data](ms)
	AddMethods[*item](ms)
	return ms
}

// bothWays executes src both ways. fast reports whether the compiled
// program produced the output itself.
func bothWays(t *testing.T, src string) (out string, fast bool) {
	t.Helper()
	set, err := htmltemplate.New("t").Funcs(testFuncs).Parse(src)
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	d := testData() // one value: printed pointers must agree
	var want bytes.Buffer
	stdErr := set.Execute(&want, d)
	var escErr *htmltemplate.Error
	if errors.As(stdErr, &escErr) {
		t.Fatalf("%q does not escape: %v", src, stdErr)
	}
	p, err := Compile(set, "t", testFuncs, testMethods())
	if err != nil {
		if stdErr == nil {
			t.Logf("%q: not compiled: %v", src, err)
		}
		return want.String(), false
	}
	got := bytes.NewBufferString("前")
	err = p.Execute(got, d)
	switch {
	case err != nil && !errors.Is(err, ErrFallback):
		t.Fatalf("%q: error %v is not ErrFallback", src, err)
	case err != nil:
		return want.String(), false
	case stdErr != nil:
		t.Fatalf("%q: html/template fails (%v), the program wrote %q", src, stdErr, got)
	case got.String() != "前"+want.String():
		t.Fatalf("%q:\n got %q\nwant %q", src, strings.TrimPrefix(got.String(), "前"), want.String())
	}
	return want.String(), true
}

func TestSameOutput(t *testing.T) {
	for _, src := range []string{
		// Escaping contexts.
		`<p>{{.Title}}</p>`,
		`<a title="{{.Title}}">x</a>`,
		`<a title={{.Title}}>x</a>`,
		`<title>{{.Title}}</title>`,
		`<a href="{{.Link}}">x</a>`,
		`<a href="/search?q={{.Title}}&n={{.Count}}">x</a>`,
		`<a href="{{.URL}}">x</a>`,
		`<a href="javascript:{{.Title}}">x</a>`,
		`<p style="--accent: {{"#c00"}}">x</p>`,
		`<p>{{.HTML}}</p>`,
		`<!-- 注释 --><p>{{.Count}} {{.Ratio}} {{.Flag}} {{.Unsigned}}</p>`,
		`<p>{{.Stringer}} {{.NilIface}} {{.Map.missing}} {{.Tags}}</p>`,
		// Fields, methods, chains, maps.
		`{{.Nested.Name}} {{.Nested.Deep}} {{.Nested.Upper}} {{.Nested.Greet "你好"}}`,
		`{{.Iface.Name}} {{.Ptr.Name}} {{(.Ptr).Name}} {{.ByValue}}`,
		`{{.Map.a}} {{.Map.中}} {{index .Map "b"}} {{index .IntMap 10}} {{index .Grid 1 0}} {{index .Tags 2}}`,
		`{{.Join "a" "b"}} {{.Title | .Join "前"}} {{.Sum 1 2 3}} {{.Sum}} {{.Maybe true}} {{.Pick 1 .Tags}}`,
		`{{.Typed .HTML}} {{.Typed "<i>"}}`,
		`{{range .Values}}{{.Upper}}{{.Name}}{{end}}`,
		// Variables and scopes.
		`{{$x := .Title}}{{$x}}{{with .Nested}}{{$x}}{{$.Count}}{{$x = .Name}}{{end}}{{$x}}`,
		`{{$n := .Nested}}{{$n.Name}}{{$n.Greet "hi"}}{{$.Count}}`,
		`{{range $i, $e := .Items}}{{$i}}={{$e.Name}};{{end}}{{range $e := .Items}}{{$e.Score}}{{end}}`,
		`{{$i := 0}}{{range $i, $e := .Tags}}{{end}}{{$i}}{{$v := 1}}{{range .Tags}}{{$v = .}}{{end}}{{$v}}`,
		// Control flow.
		`{{if .Empty}}a{{else if .Count}}b{{else}}c{{end}}{{if not .Flag}}x{{end}}`,
		`{{with .Empty}}a{{else with .Nested}}{{.Name}}{{end}}{{with .NilPtr}}n{{else}}无{{end}}`,
		`{{range .Map}}{{.}}{{end}}{{range $k, $v := .Map}}{{$k}}{{$v}}{{end}}{{range $k, $v := .IntMap}}{{$k}}{{$v}}{{end}}`,
		`{{range 3}}{{.}}{{end}}{{range .Map.zz}}x{{else}}空{{end}}{{range .NilIface}}x{{else}}nil{{end}}`,
		`{{range .Items}}{{if eq .Score 85}}{{continue}}{{end}}{{if not .Score}}{{break}}{{end}}{{.Name}}{{end}}`,
		`{{range .Grid}}[{{range .}}{{if gt . 2}}{{break}}{{end}}{{.}}{{end}}]{{end}}`,
		// Templates.
		`{{define "item"}}<li>{{.Name}}{{$.Score}}</li>{{end}}{{range .Items}}{{template "item" .}}{{end}}{{template "item" .Nested}}`,
		`{{define "count"}}{{if gt . 0}}{{.}}{{template "count" add . -1}}{{end}}{{end}}{{template "count" .Count}}`,
		`{{block "b" .Title}}<b>{{.}}</b>{{end}}<title>{{template "b" .Count}}</title>`,
		`{{define "none"}}[{{.}}]{{end}}{{template "none"}}`,
		// Builtins.
		`{{and .Flag .Count}} {{and .Empty .Fail}} {{or .Empty "默认"}} {{or .Count .Fail}} {{.Title | or .Empty}}`,
		`{{len .Tags}} {{len .Title}} {{len .Map}} {{not .Empty}}`,
		`{{eq .Count 3}} {{eq .Count 1 2 3}} {{eq .Unsigned 3}} {{eq .Title "x"}} {{eq .NilPtr nil}} {{eq .Nested .Nested}}`,
		`{{ne .Count 3}} {{lt .Count 4}} {{le .Count 3}} {{gt .Ratio 1.0}} {{ge .Title "a"}} {{lt -1 .Unsigned}}`,
		`{{printf "%d-%s-%v" .Count .Title .Flag}} {{print 1 "a" 2}} {{println .Count}} {{.Count | printf "%03d"}}`,
		// Functions and constants.
		`{{upper .Title}} {{repeat 2 "党"}} {{join .Tags "、"}} {{concat 1 "a" .Count nil}} {{add 1 2}}`,
		`{{safe "<i>可信</i>"}} <a href="{{url "javascript:void(0)"}}">x</a> {{"常量" | upper}} {{(upper "x")}}`,
		`{{3}} {{1.5}} {{1e3}} {{true}} {{'a'}} {{0x10}} {{"s"}} {{/* 注释 */}} {{- " 紧 " -}} 挨`,
		// Direct calls (methods.go).
		`{{.Loud}} {{.Double}} {{.Bold}} {{.When}} {{.Self.Title}} {{.Self.Self.Double}} {{len .Copies}} {{.Words}}`,
		`{{range .Copies}}{{.Count}}{{end}} {{if .NilSelf}}x{{else}}无{{end}} {{with .Self}}{{.Loud}}{{end}} {{.Nested.Upper}}`,
		`<a href="/{{.Self.Double}}" title="{{.Double}}">{{.When.Year}}</a> {{range .Values}}{{.Upper}}{{end}}`,
		`{{day .When}} {{date "2006-01-02 15:04" .When}} {{.When | date "15:04"}} {{plain .HTML}} {{plain .Bold}}`,
		`{{day .Posted}} {{date "2006-01-02" .Posted}} {{with .Posted}}{{day .}}{{end}} {{.Posted | date "15:04"}}`,
		`{{cut 2 .Title}} {{cut 2 .Count}} {{cut 2 .NilIface}} {{cut 9 "短"}}`,
		`{{tr "键"}} {{tr "键" 1 .Title nil}} {{tr "键" .Tags}} {{part "名" .Count}} {{part "名" .Title 1 "b"}} {{.Count | part "名" .Title}}`,
	} {
		if _, fast := bothWays(t, src); !fast {
			t.Errorf("%q: the compiled program did not produce the output", src)
		}
	}
}

// TestDeclines covers what the program leaves to html/template: every
// error, and what it does not implement. The output must still be right.
func TestDeclines(t *testing.T) {
	for _, src := range []string{
		`{{.NilPtr.Name}}`,
		`{{.Fail}}`,
		`{{fail}}`,
		`{{boom}}`,
		`{{.Nope}}`,
		`{{.Nested.Greet}}`,
		`{{.Count.Name}}`,
		`{{index .Tags 9}}`,
		`{{lt .Title 1}}`,
		`{{eq .Nested 1}}`,
		`{{len .Count}}`,
		`{{repeat "2" "x"}}`,
		`{{range .Flag}}x{{end}}`,
		`{{range .Empty}}x{{end}}`,
		`{{range .NilPtr}}x{{end}}`,
		`<script>var t = {{.Title}};</script>`,
		`<a title="{{.HTML}}">x</a>`,
		`{{html .Title}}`,
		`{{call .Join}}`,
		`{{.Broken}}`,
		`{{.Loud 1}}`,
		`{{.Title | .Double}}`,
		`{{.NilSelf.Double}}`,
		`{{part "坏" .Count}}`,
		`{{tr "坏" .Count}}`,
		`{{cut "2" .Title}}`,
		`{{day .Title}}`,
	} {
		if _, fast := bothWays(t, src); fast {
			t.Errorf("%q: the compiled program should have declined", src)
		}
	}
}

// TestDirect checks that the shapes meant to be called without reflect
// are: TestSameOutput then proves those calls right.
func TestDirect(t *testing.T) {
	for _, name := range []string{"upper", "day", "date", "plain", "cut", "tr", "part"} {
		if directFunc(reflect.ValueOf(testFuncs[name])) == nil {
			t.Errorf("%s is called through reflect", name)
		}
	}
	for _, name := range []string{"repeat", "join", "concat", "fail", "safe", "add"} {
		if directFunc(reflect.ValueOf(testFuncs[name])) != nil {
			t.Errorf("%s has no direct shape but got one", name)
		}
	}
	ms := testMethods()
	dataPtr := reflect.TypeFor[*data]()
	for _, name := range []string{"Loud", "Double", "Bold", "When", "Self", "Copies", "Words", "NilSelf", "ByValue"} {
		if ms.lookup(dataPtr, name) == nil {
			t.Errorf("(*data).%s is called through reflect", name)
		}
	}
	for _, name := range []string{"Join", "Fail", "Ptr", "Broken", "Sum", "Typed"} {
		if ms.lookup(dataPtr, name) != nil {
			t.Errorf("(*data).%s has no direct shape but got one", name)
		}
	}
	if ms.lookup(reflect.TypeFor[*item](), "Upper") == nil {
		t.Error("(*item).Upper, a value method, is called through reflect")
	}
	var none *Methods
	if none.lookup(dataPtr, "Loud") != nil {
		t.Error("nil Methods hold a method")
	}
}

// TestConcurrent runs one program from many goroutines (go test -race).
func TestConcurrent(t *testing.T) {
	src := `{{range .Items}}<a href="/u/{{.Name}}">{{.Nested.Name}}{{.Upper}}</a>{{end}}`
	src = strings.ReplaceAll(src, ".Nested.Name", "$.Nested.Name")
	want, _ := bothWays(t, src)
	set := htmltemplate.Must(htmltemplate.New("t").Funcs(testFuncs).Parse(src))
	set.Execute(new(bytes.Buffer), testData())
	p, err := Compile(set, "t", testFuncs, testMethods())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string)
	for range 8 {
		go func() {
			var b bytes.Buffer
			for range 50 {
				b.Reset()
				if err := p.Execute(&b, testData()); err != nil {
					done <- err.Error()
					return
				}
			}
			done <- b.String()
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// FuzzSameOutput executes fuzzed templates over the test data both ways.
func FuzzSameOutput(f *testing.F) {
	for _, s := range []string{
		`<p>{{.Title}}</p>`, `{{range $i, $e := .Items}}{{$i}}{{$e.Name}}{{end}}`,
		`{{if eq .Count 3}}{{.Map.a}}{{else}}{{index .Tags 0}}{{end}}`,
		`<a href="{{.Link}}" title="{{printf "%d" .Count}}">{{with .Nested}}{{.Greet "x"}}{{end}}</a>`,
		`{{define "x"}}{{.}}{{end}}{{template "x" .Title}}{{or .Empty .Count | printf "%v"}}`,
		`{{range .Self.Copies}}{{.Double}}{{tr "键" .Loud}}{{end}}{{cut 1 .Bold}}{{part "名" .When}}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		set, err := htmltemplate.New("t").Funcs(testFuncs).Parse(src)
		if err != nil {
			return
		}
		var want bytes.Buffer
		if err := set.Execute(&want, testData()); err != nil {
			var escErr *htmltemplate.Error
			if errors.As(err, &escErr) {
				return
			}
		}
		bothWays(t, src)
	})
}

// BenchmarkExecute compares html/template and the compiled program on a
// template like an article's: text, attributes, links, a range, a call.
func BenchmarkExecute(b *testing.B) {
	src := `<title>{{.Title}}</title><meta name="description" content="{{.Title}}">` +
		`<h1>{{.Title}}</h1><p>{{.Count}} {{if .Flag}}{{.Nested.Name}}{{end}}</p>` +
		`<ul>{{range .Items}}<li><a href="/news/{{.Name}}/">{{.Upper}}</a> {{.Score}}</li>{{end}}</ul>` +
		`{{with .Tags}}<p>{{range .}}<a href="{{$.Link}}">{{.}}</a>{{end}}</p>{{end}}{{printf "%d" .Count}}`
	set := htmltemplate.Must(htmltemplate.New("t").Funcs(testFuncs).Parse(src))
	d := testData()
	var buf bytes.Buffer
	if err := set.Execute(&buf, d); err != nil {
		b.Fatal(err)
	}
	p, err := Compile(set, "t", testFuncs, testMethods())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("html-template", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			set.Execute(&buf, d)
		}
	})
	b.Run("compiled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := p.Execute(&buf, d); err != nil {
				b.Fatal(err)
			}
		}
	})
}
