package theme

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"yipin/generator/site"
)

func TestCandidates(t *testing.T) {
	tests := []struct {
		name string
		page site.Page
		want []string
	}{
		{"page", site.Page{Kind: site.KindPage, Section: "news"},
			[]string{"news/single.html", "_default/single.html"}},
		{"page with layout", site.Page{Kind: site.KindPage, Section: "news", Layout: "special"},
			[]string{"news/special.html", "_default/special.html", "news/single.html", "_default/single.html"}},
		{"page with type", site.Page{Kind: site.KindPage, Section: "news", Type: "cases"},
			[]string{"cases/single.html", "_default/single.html"}},
		{"page with type and layout", site.Page{Kind: site.KindPage, Section: "news", Type: "cases", Layout: "wide"},
			[]string{"cases/wide.html", "_default/wide.html", "cases/single.html", "_default/single.html"}},
		{"page at the root", site.Page{Kind: site.KindPage},
			[]string{"_default/single.html"}},
		{"page at the root with layout", site.Page{Kind: site.KindPage, Layout: "about"},
			[]string{"_default/about.html", "_default/single.html"}},
		{"home", site.Page{Kind: site.KindHome},
			[]string{"index.html", "_default/list.html"}},
		{"home with layout", site.Page{Kind: site.KindHome, Layout: "portal"},
			[]string{"_default/portal.html", "index.html", "_default/list.html"}},
		{"section", site.Page{Kind: site.KindSection, Section: "news"},
			[]string{"news/list.html", "_default/section.html", "_default/list.html"}},
		{"section with layout", site.Page{Kind: site.KindSection, Section: "news", Layout: "grid"},
			[]string{"news/grid.html", "_default/grid.html", "news/list.html", "_default/section.html", "_default/list.html"}},
		{"section with type", site.Page{Kind: site.KindSection, Section: "news", Type: "cases"},
			[]string{"cases/list.html", "_default/section.html", "_default/list.html"}},
		{"taxonomy", site.Page{Kind: site.KindTaxonomy, Section: "tags"},
			[]string{"tags/terms.html", "_default/terms.html"}},
		{"term", site.Page{Kind: site.KindTerm, Section: "tags"},
			[]string{"tags/term.html", "_default/term.html", "_default/list.html"}},
		{"archives", site.Page{Kind: site.KindArchives, Section: "archives"},
			[]string{"_default/archives.html"}},
		{"year", site.Page{Kind: site.KindYear, Section: "archives"},
			[]string{"_default/year.html", "_default/list.html"}},
		{"404", site.Page{Kind: site.Kind404},
			[]string{"404.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Candidates(&tt.page); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Candidates = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	th := mustLoad(t, map[string]string{
		"layouts/_default/single.html":  "single",
		"layouts/_default/list.html":    "list",
		"layouts/news/single.html":      "news single",
		"layouts/_default/special.html": "special",
		"layouts/_default/baseof.html":  `{{ block "main" . }}{{ end }}`,
		"layouts/partials/x.html":       "x",
	})
	tests := []struct {
		page site.Page
		want string
	}{
		{site.Page{Kind: site.KindPage, Section: "news"}, "news/single.html"},
		{site.Page{Kind: site.KindPage, Section: "cases"}, "_default/single.html"},
		{site.Page{Kind: site.KindPage, Section: "news", Layout: "special"}, "_default/special.html"},
		{site.Page{Kind: site.KindPage, Section: "news", Layout: "nope"}, "news/single.html"},
		{site.Page{Kind: site.KindHome}, "_default/list.html"},
		{site.Page{Kind: site.KindSection, Section: "news"}, "_default/list.html"},
		{site.Page{Kind: site.KindTerm, Section: "tags"}, "_default/list.html"},
		{site.Page{Kind: site.KindYear}, "_default/list.html"},
		{site.Page{Kind: site.KindTaxonomy, Section: "tags"}, ""},
		{site.Page{Kind: site.Kind404}, ""},
	}
	for _, tt := range tests {
		if got := th.Lookup(&tt.page); got != tt.want {
			t.Errorf("Lookup(%s %s %s) = %q, want %q", tt.page.Kind, tt.page.Section, tt.page.Layout, got, tt.want)
		}
	}
	// baseof and partials are not layouts.
	for name, want := range map[string]bool{
		"_default/single.html": true, "_default/baseof.html": false, "partials/x.html": false, "nope.html": false,
	} {
		if got := th.Has(name); got != want {
			t.Errorf("Has(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestLoadOverridesByName(t *testing.T) {
	themeDir, siteDir := t.TempDir(), t.TempDir()
	writeTree(t, themeDir, map[string]string{
		"layouts/_default/single.html": `theme single {{ partial "footer.html" . }} {{ T "home" }} {{ T "more" }}`,
		"layouts/_default/list.html":   `theme list {{ partial "nav.html" . }}`,
		"layouts/partials/footer.html": `theme footer`,
		"layouts/partials/nav.html":    `theme nav`,
		"i18n/zh-CN.yaml":              "home: 首页\nmore: 更多\n",
		"i18n/en.yaml":                 "home: Home\n",
	})
	writeTree(t, siteDir, map[string]string{
		"layouts/_default/list.html":   `site list {{ partial "nav.html" . }}`,
		"layouts/partials/footer.html": `site footer`,
		"i18n/zh-CN.yaml":              "more: 阅读全文\n",
	})
	th, ds := Load([]Dir{{Path: themeDir, Display: "themes/default"}, {Path: siteDir, Display: "."}}, testEnv(t))
	if len(ds) > 0 {
		t.Fatal(ds[0].Long())
	}
	// The site's footer partial replaces the theme's, even in a theme layout;
	// strings are merged key by key.
	if got := run(t, th, "_default/single.html", nil); got != "theme single site footer 首页 阅读全文" {
		t.Errorf("single = %q", got)
	}
	if got := run(t, th, "_default/list.html", nil); got != "site list theme nav" {
		t.Errorf("list = %q", got)
	}
	// Messages name the file that won.
	if th.files["_default/list.html"] != "layouts/_default/list.html" || th.files["_default/single.html"] != "themes/default/layouts/_default/single.html" {
		t.Errorf("display paths = %v", th.files)
	}
}

func TestLoadWithoutLayouts(t *testing.T) {
	th, ds := Load([]Dir{{Path: filepath.Join(t.TempDir(), "missing"), Display: "themes/missing"}}, testEnv(t))
	if len(ds) > 0 || th == nil {
		t.Fatalf("a folder without layouts/ is not an error: %v", ds)
	}
	if th.Lookup(&site.Page{Kind: site.KindHome}) != "" {
		t.Error("no layouts, no lookup")
	}
}

func TestLoadBadI18n(t *testing.T) {
	_, ds := loadOne(t, map[string]string{
		"layouts/index.html": "x",
		"i18n/zh-CN.yaml":    "home: [首页\n",
	})
	if len(ds) != 1 || ds[0].File != "themes/test/i18n/zh-CN.yaml" || ds[0].Hint == "" {
		t.Fatalf("want one diagnostic at the strings file, got %v", ds)
	}
}

func TestBaseof(t *testing.T) {
	th := mustLoad(t, map[string]string{
		"layouts/_default/baseof.html": `D[{{ block "main" . }}default main{{ end }}|{{ block "side" . }}default side{{ end }}]`,
		"layouts/news/baseof.html":     `N[{{ block "main" . }}{{ end }}]`,
		"layouts/_default/single.html": `{{ define "main" }}single {{ .Title }}{{ end }}`,
		"layouts/_default/list.html":   `{{- define "side" }}list side{{ end }}`,
		"layouts/news/single.html":     `{{ define "main" }}news single{{ end }}`,
		"layouts/cases/single.html":    "{{/* own baseof? no: _default */}}\n{{ define \"main\" }}cases single{{ end }}",
		"layouts/index.html":           `standalone {{ .Title }}`,
		"layouts/news/list.html":       `news list without define`,
	})
	data := &site.Page{Title: "标题"}
	tests := []struct{ layout, want string }{
		{"_default/single.html", "D[single 标题|default side]"},
		{"_default/list.html", "D[default main|list side]"},
		{"news/single.html", "N[news single]"},
		{"cases/single.html", "D[cases single|default side]"},
		{"index.html", "standalone 标题"},
		{"news/list.html", "news list without define"},
	}
	for _, tt := range tests {
		if got := run(t, th, tt.layout, data); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.layout, got, tt.want)
		}
	}
}

func TestBaseofOverriddenBySite(t *testing.T) {
	themeDir, siteDir := t.TempDir(), t.TempDir()
	writeTree(t, themeDir, map[string]string{
		"layouts/_default/baseof.html": `theme[{{ block "main" . }}{{ end }}]`,
		"layouts/_default/single.html": `{{ define "main" }}single{{ end }}`,
	})
	writeTree(t, siteDir, map[string]string{
		"layouts/_default/baseof.html": `site[{{ block "main" . }}{{ end }}]`,
	})
	th, ds := Load([]Dir{{Path: themeDir, Display: "themes/default"}, {Path: siteDir, Display: "."}}, testEnv(t))
	if len(ds) > 0 {
		t.Fatal(ds[0].Long())
	}
	if got := run(t, th, "_default/single.html", nil); got != "site[single]" {
		t.Errorf("single = %q, want the site's baseof", got)
	}
}

func TestDefineWithoutBaseof(t *testing.T) {
	_, ds := loadOne(t, map[string]string{
		"layouts/news/single.html": `{{ define "main" }}x{{ end }}`,
	})
	if len(ds) != 1 {
		t.Fatalf("want one diagnostic, got %v", ds)
	}
	if d := ds[0]; d.File != "themes/test/layouts/news/single.html" || d.Line != 1 || !strings.Contains(d.Message, "baseof.html") {
		t.Errorf("diagnostic = %s", d.Error())
	}
}

func TestExecuteErrorPosition(t *testing.T) {
	files := map[string]string{
		"layouts/_default/baseof.html": "<html>\n{{ block \"main\" . }}{{ end }}\n{{ .Nope }}\n</html>",
		"layouts/_default/single.html": "{{ define \"main\" }}\n<h1>{{ .Title }}</h1>\n<p>{{ .Missing }}</p>\n{{ end }}",
		"layouts/index.html":           "<h1>{{ .Title }}</h1>\n\n  {{ partial \"bad.html\" . }}\n",
		"layouts/partials/bad.html":    "<b>\n{{ .Title }}\n{{ .Broken }}</b>",
		"layouts/_default/list.html":   "{{ define \"main\" }}ok{{ end }}",
		"layouts/_default/terms.html":  "\n<h1>标题：{{ .Missing }}</h1>",
		"layouts/_default/term.html":   "<a href=\"{{ if .Title }}/path/{{ else }}/search?q={{ end }}{{ .Title }}\">x</a>",
		"layouts/_default/year.html":   "<a href=\"{{ .Title }}",
	}
	th := mustLoad(t, files)
	type page struct{ Title string }
	tests := []struct {
		layout    string
		data      any
		file      string
		line, col int
		excerpt   string // text of the error line
		message   string // part of the message
	}{
		{"_default/single.html", &page{"标题"}, "themes/test/layouts/_default/single.html", 3, 7, "<p>{{ .Missing }}</p>", "Missing"},
		// The layout's blocks run fine; the base fails after them.
		{"_default/list.html", &page{"标题"}, "themes/test/layouts/_default/baseof.html", 3, 4, "{{ .Nope }}", "Nope"},
		// An error inside a partial is reported in the partial.
		{"index.html", &page{"标题"}, "themes/test/layouts/partials/bad.html", 3, 4, "{{ .Broken }}</b>", "Broken"},
		// Columns count characters, not bytes.
		{"_default/terms.html", &page{"标题"}, "themes/test/layouts/_default/terms.html", 2, 11, "<h1>标题：{{ .Missing }}</h1>", "Missing"},
		// html/template's escaping errors, found on the first Execute.
		{"_default/term.html", &page{"标题"}, "themes/test/layouts/_default/term.html", 1, 63, "<a href=\"{{ if .Title }}/path/{{ else }}/search?q={{ end }}{{ .Title }}\">x</a>", "网址"},
		{"_default/year.html", &page{"标题"}, "themes/test/layouts/_default/year.html", 0, 0, "", "没闭合"},
	}
	for _, tt := range tests {
		t.Run(tt.layout, func(t *testing.T) {
			var b bytes.Buffer
			_, d := th.Execute(&b, tt.layout, &site.Page{}, tt.data)
			if d == nil {
				t.Fatalf("no error; output %q", b.String())
			}
			if d.File != tt.file || d.Line != tt.line || d.Col != tt.col {
				t.Errorf("at %s, want %s:%d:%d (%s)", d.Location(), tt.file, tt.line, tt.col, d.Message)
			}
			if !strings.HasPrefix(d.Message, "模板出错") || !strings.Contains(d.Message, tt.message) || d.Hint == "" {
				t.Errorf("message = %q", d.Message)
			}
			found := tt.line == 0 && len(d.Excerpt) == 0
			for _, l := range d.Excerpt {
				if l.Num == tt.line {
					found = l.Text == tt.excerpt
				}
			}
			if !found {
				t.Errorf("excerpt %+v should show line %d %q", d.Excerpt, tt.line, tt.excerpt)
			}
		})
	}
}

func TestExecuteFunctionError(t *testing.T) {
	d := renderErr(t, "a\n{{ asset \"css/none.css\" }}", nil)
	if d.File != "themes/test/layouts/test.html" || d.Line != 2 || !strings.Contains(d.Message, "css/none.css") {
		t.Errorf("diagnostic = %s", d.Error())
	}
}

func TestExecuteUnknownLayout(t *testing.T) {
	th := mustLoad(t, map[string]string{"layouts/index.html": "x"})
	var b bytes.Buffer
	_, d := th.Execute(&b, "", &site.Page{Kind: site.KindPage, Section: "news"}, nil)
	if d == nil || !strings.Contains(d.Message, "news/single.html") || !strings.Contains(d.Message, "_default/single.html") {
		t.Errorf("diagnostic should list the candidates: %v", d)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		src       string
		line, col int
	}{
		{"unknown function", "layouts/_default/single.html", "<html>\n<body>\n{{ nosuch .Title }}\n</body>", 3, 4},
		// Reported where the action starts, not where the file ends.
		{"unclosed action", "layouts/index.html", "a\nb\nc\n{{ .Title \n\n", 4, 1},
		// A missing end is reported at the action it should close.
		{"missing end", "layouts/_default/list.html", "{{ if .Title }}\nx", 1, 1},
		{"bad partial", "layouts/partials/nav.html", "<nav>\n{{ range }}\n</nav>", 2, 1},
		{"bad baseof", "layouts/_default/baseof.html", "x\n{{ block \"main\" . }}", 2, 1},
		{"unknown function in a define", "layouts/news/single.html", "{{ define \"main\" }}\n\n{{ nosuch }}{{ end }}", 3, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{tt.file: tt.src}
			if !strings.HasSuffix(tt.file, "baseof.html") {
				files["layouts/_default/baseof.html"] = `{{ block "main" . }}{{ end }}`
			} else {
				files["layouts/_default/single.html"] = `{{ define "main" }}x{{ end }}`
			}
			_, ds := loadOne(t, files)
			if len(ds) == 0 {
				t.Fatal("want a diagnostic")
			}
			d := ds[0]
			if d.File != "themes/test/"+tt.file || d.Line != tt.line || d.Col != tt.col {
				t.Errorf("at %s, want themes/test/%s:%d:%d (%s)", d.Location(), tt.file, tt.line, tt.col, d.Message)
			}
			if !strings.HasPrefix(d.Message, "模板语法") || d.Hint == "" {
				t.Errorf("message = %q hint = %q", d.Message, d.Hint)
			}
			if len(d.Excerpt) == 0 {
				t.Errorf("no source excerpt")
			}
		})
	}
}

func TestExecuteIsConcurrent(t *testing.T) {
	th := mustLoad(t, map[string]string{
		"layouts/_default/baseof.html": `<main>{{ block "main" . }}{{ end }}</main>{{ partialCached "f.html" . "all" }}`,
		"layouts/_default/single.html": `{{ define "main" }}{{ partial "p.html" . }}{{ end }}`,
		"layouts/partials/p.html":      `<p>{{ . }}</p>`,
		"layouts/partials/f.html":      `<footer>f</footer>`,
	})
	done := make(chan string)
	for i := range 8 {
		go func() {
			var b bytes.Buffer
			if _, d := th.Execute(&b, "_default/single.html", &site.Page{}, i); d != nil {
				done <- d.Error()
				return
			}
			done <- b.String()
		}()
	}
	for range 8 {
		if got := <-done; !strings.HasPrefix(got, "<main><p>") || !strings.HasSuffix(got, "</p></main><footer>f</footer>") {
			t.Errorf("output = %q", got)
		}
	}
}

// The source excerpt is read from disk when the error happens; without the
// file the position is still reported.
func TestExecuteErrorAfterFilesRemoved(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"layouts/index.html": "{{ .Nope }}"})
	th, ds := Load([]Dir{{Path: dir, Display: "themes/test"}}, testEnv(t))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	_, d := th.Execute(&b, "index.html", &site.Page{}, struct{}{})
	if d == nil || d.File != "themes/test/layouts/index.html" || d.Line != 1 {
		t.Errorf("diagnostic = %v", d)
	}
}

// TestSiteMethodsDirect: the methods a page's templates call most are
// called without reflect. A change of their signatures would not change
// any output, only make every page slower; this catches it.
func TestSiteMethodsDirect(t *testing.T) {
	ms := siteMethods()
	for typ, names := range map[reflect.Type][]string{
		reflect.TypeFor[*site.Page](): {"RelPermalink", "Permalink", "IsHome", "IsPage", "Summary",
			"Content", "WordCount", "Related", "KeywordList"},
		reflect.TypeFor[*site.Term](): {"RelPermalink"},
	} {
		for _, name := range names {
			if !ms.Holds(typ, name) {
				t.Errorf("%s.%s is called through reflect", typ, name)
			}
		}
	}
}
