package site

import (
	"html/template"
	"strings"
	"testing"

	"yipin/generator/content"
)

func resolveSite(t *testing.T) *Site {
	t.Helper()
	draft := src("news/draft.md", fm("草稿"))
	draft.Front.Draft = true
	future := dated("news/future.md", "未来", now.AddDate(1, 0, 0))
	bundle := src("cases/linan/index.md", fm("临安"))
	bundle.Resources = []content.File{{Path: "cases/linan/data.csv", Abs: "/disk/data.csv", Size: 14}}
	s, ds := New(testConfig(t), []*content.Source{
		src("news/_index.md", fm("工作动态")),
		src("news/a.md", fm("A")),
		src("news/b.md", fm("B")),
		src("news/2024/政策解读.md", fm("政策解读")),
		src("cases/145.md", fm("145")),
		bundle, draft, future,
	}, []content.File{{Path: "images/logo.png", Abs: "/disk/logo.png"}}, Options{Now: now})
	if len(ds) > 0 {
		t.Fatal(messages(ds))
	}
	return s
}

func TestResolveLink(t *testing.T) {
	s := resolveSite(t)
	tests := []struct {
		from, dest, want string
	}{
		{"/news/a/", "../cases/145.md", "/dangjian/cases/145/"},
		{"/news/a/", "../cases/145.md#成效", "/dangjian/cases/145/#成效"},
		{"/news/a/", "../cases/145.md?from=a#成效", "/dangjian/cases/145/?from=a#成效"},
		{"/news/a/", "b.md", "/dangjian/news/b/"},
		{"/news/a/", "./b.md", "/dangjian/news/b/"},
		{"/news/a/", "2024/政策解读.md", "/dangjian/news/2024/政策解读/"},
		{"/news/a/", "_index.md", "/dangjian/news/"},
		{"/news/a/", "../cases/linan/index.md", "/dangjian/cases/linan/"},
		{"/news/2024/政策解读/", "../../cases/145.md", "/dangjian/cases/145/"},
		{"/news/a/", "/cases/145.md", "/dangjian/cases/145/"},
		{"/news/a/", "/news/", "/dangjian/news/"},
		{"/news/a/", "/news/#top", "/dangjian/news/#top"},
		{"/news/a/", "/search/?q=党建", "/dangjian/search/?q=党建"},
		{"/news/a/", "#top", "#top"},
		{"/news/a/", "?page=2", "?page=2"},
		{"/news/a/", "../images/logo.png", "/dangjian/images/logo.png"},
		{"/news/a/", "/images/logo.png", "/dangjian/images/logo.png"},
		{"/news/a/", "../cases/linan/data.csv", "/dangjian/cases/linan/data.csv"},
		{"/news/a/", "2024/%E6%94%BF%E7%AD%96%E8%A7%A3%E8%AF%BB.md", "/dangjian/news/2024/政策解读/"}, // percent-encoded
		{"/news/a/", "../cases/linan/data%2Ecsv", "/dangjian/cases/linan/data.csv"},
		{"/news/a/", "../news/", "/dangjian/news/"},                   // a section's folder
		{"/news/a/", "..", "/dangjian/"},                              // the home page's
		{"/news/a/", "2024", "/dangjian/news/2024/"},                  // a section without _index.md
		{"/news/a/", "../cases/linan/#x", "/dangjian/cases/linan/#x"}, // a page bundle's
		{"/cases/linan/", "data.csv", "/dangjian/cases/linan/data.csv"},
		{"/cases/linan/", "data.csv#row2", "/dangjian/cases/linan/data.csv#row2"},
		{"/cases/linan/", "../145.md", "/dangjian/cases/145/"},
		{"/news/", "a.md", "/dangjian/news/a/"},       // from a section's _index.md
		{"/cases/", "145.md", "/dangjian/cases/145/"}, // from a generated section
		{"/", "news/a.md", "/dangjian/news/a/"},       // from a generated home page
	}
	for _, tt := range tests {
		got, d := s.ResolveLink(mustPage(t, s, tt.from), tt.dest)
		if d != nil {
			t.Errorf("ResolveLink(%s, %q): unexpected diagnostic %s", tt.from, tt.dest, d.Error())
			continue
		}
		if got != tt.want {
			t.Errorf("ResolveLink(%s, %q) = %q, want %q", tt.from, tt.dest, got, tt.want)
		}
	}
}

func TestResolveLinkErrors(t *testing.T) {
	s := resolveSite(t)
	tests := []struct {
		from, dest string
		message    []string // parts of the message
	}{
		{"/news/a/", "missing.md", []string{"不存在", "missing.md"}},
		{"/news/a/", "../cases/146.md#成效", []string{"不存在", "../cases/146.md#成效"}},
		{"/news/a/", "/news/missing.md", []string{"不存在"}},
		{"/news/a/", "draft.md", []string{"没有发布", "草稿"}},
		{"/news/a/", "future.md#x", []string{"没有发布", "未来"}},
		{"/news/a/", "../../outside.md", []string{"内容文件夹之外"}},
		{"/news/a/", "../../images/logo.png", []string{"内容文件夹之外"}},
		{"/news/2024/政策解读/", "../../..", []string{"内容文件夹之外"}},
		{"/", "../a.md", []string{"内容文件夹之外"}},
		{"/news/a/", "photo.jpg", []string{"文件或文件夹不存在", "photo.jpg"}},
		{"/news/a/", "../cases/linan/nope.csv", []string{"文件或文件夹不存在"}},
		{"/news/a/", "../other/", []string{"文件或文件夹不存在"}},
		{"/news/a/", "../images/", []string{"文件夹 ../images/ 不是一个页面"}}, // holds logo.png only
		{"/news/a/", "my%20case.md", []string{"不存在"}},
	}
	for _, tt := range tests {
		got, d := s.ResolveLink(mustPage(t, s, tt.from), tt.dest)
		if d == nil {
			t.Errorf("ResolveLink(%s, %q) = %q, want a diagnostic", tt.from, tt.dest, got)
			continue
		}
		if got != tt.dest {
			t.Errorf("ResolveLink(%s, %q) returned %q with an error; want the link as written", tt.from, tt.dest, got)
		}
		// The caller knows where the link is written.
		if d.File != "" || d.Line != 0 || d.Hint == "" {
			t.Errorf("diagnostic should have no position and a hint: %+v", d)
		}
		for _, part := range tt.message {
			if !strings.Contains(d.Message, part) {
				t.Errorf("ResolveLink(%s, %q): message %q should contain %q", tt.from, tt.dest, d.Message, part)
			}
		}
	}
}

// TestResolveLinkPublished: once the site knows what is published, a
// link to a site path that leads nowhere is an error.
func TestResolveLinkPublished(t *testing.T) {
	s := resolveSite(t)
	s.SetPublished(func(p string) bool { return p == "/news/" || p == "/images/logo.png" })
	from := mustPage(t, s, "/news/a/")
	for dest, want := range map[string]string{"/news/#top": "/dangjian/news/#top", "/images/logo.png": "/dangjian/images/logo.png"} {
		if got, d := s.ResolveLink(from, dest); d != nil || got != want {
			t.Errorf("ResolveLink(%q) = %q, %v; want %q", dest, got, d, want)
		}
	}
	for _, dest := range []string{"/nosuch/", "/dangjian/news/", "/images/nope.png?x=1"} {
		if got, d := s.ResolveLink(from, dest); d == nil || got != dest || !strings.Contains(d.Message, "没有对应的页面或文件") {
			t.Errorf("ResolveLink(%q) = %q, %v; want an error", dest, got, d)
		}
	}
}

// TestResolveLinkNFD: a link typed in the decomposed form (as macOS may
// write it) finds a page whose path is in the composed form.
func TestResolveLinkNFD(t *testing.T) {
	s := build(t, testConfig(t), []*content.Source{src("news/a.md", fm("A")), src("news/caf\u00e9.md", fm("B"))}, nil)
	if got, d := s.ResolveLink(mustPage(t, s, "/news/a/"), "cafe\u0301.md"); d != nil || got != "/dangjian/news/caf\u00e9/" {
		t.Errorf("ResolveLink(NFD) = %q, %v", got, d)
	}
}

func TestResolveLinkWithRootBase(t *testing.T) {
	cfg := testConfig(t)
	if d := cfg.SetBaseURL("/"); d != nil {
		t.Fatal(d)
	}
	s := build(t, cfg, []*content.Source{src("news/a.md", fm("A")), src("cases/b.md", fm("B"))}, nil)
	for dest, want := range map[string]string{
		"../cases/b.md#x": "/cases/b/#x",
		"/news/":          "/news/",
	} {
		if got, d := s.ResolveLink(mustPage(t, s, "/news/a/"), dest); d != nil || got != want {
			t.Errorf("ResolveLink(%q) = %q, %v; want %q", dest, got, d, want)
		}
	}
}

func TestLazyBody(t *testing.T) {
	s := build(t, testConfig(t), []*content.Source{src("news/a.md", fm("A"))}, nil)
	p := mustPage(t, s, "/news/a/")
	var calls []bool
	s.SetConverter(func(q *Page, first bool) Body {
		calls = append(calls, first)
		return Body{Content: "<p>正文</p>", Summary: "<p>摘要</p>", TOC: "<ul></ul>", Truncated: true, WordCount: 2, ReadingTime: 1}
	})
	if p.Content() != template.HTML("<p>正文</p>") || p.Summary() != "<p>摘要</p>" || p.TOC() != "<ul></ul>" ||
		!p.Truncated() || p.WordCount() != 2 || p.ReadingTime() != 1 {
		t.Errorf("body not as converted")
	}
	if len(calls) != 1 || !calls[0] {
		t.Fatalf("converter calls = %v, want one first call", calls)
	}
	p.ReleaseContent()
	if p.Summary() != "<p>摘要</p>" || p.WordCount() != 2 || len(calls) != 1 {
		t.Errorf("after release, summary and counts must stay without converting again (calls %v)", calls)
	}
	if p.Content() != "<p>正文</p>" || len(calls) != 2 || calls[1] {
		t.Errorf("after release, Content must be made again with first=false (calls %v)", calls)
	}
	if h := s.Home.Content(); h != "" || len(calls) != 2 {
		t.Errorf("a generated page has no body: %q, calls %v", h, calls)
	}
}
