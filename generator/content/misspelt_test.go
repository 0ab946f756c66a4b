package content

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"yipin/generator/diag"
)

func TestMisspeltKeys(t *testing.T) {
	o := Options{Taxonomies: []string{"tags", "themes"}, Fields: []string{"unit"}}
	tests := []struct {
		src, field string
		line, col  int
	}{
		{"darft: true", "draft", 3, 1},
		{"daet: 2024-06-24", "date", 3, 1},
		{"slg: zhengce", "slug", 3, 1},
		{"titel: 标题", "title", 3, 1},
		{"tgas: [党建]", "tags", 3, 1},
		{"themse: [清廉机关]", "themes", 3, 1},
		{"unti: caizhengju", "unit", 3, 1},
		{"Darft: true", "draft", 3, 1},
		{"last_mod: 2024-06-24", "lastmod", 3, 1},
		{"Column-Type: 要闻", "column_type", 3, 1},
		{"sumary: 摘要", "summary", 3, 1},
		{"uri: /a/", "url", 3, 1},
		{"tag: 党建", "tags", 3, 1},
		{"draftt: true", "draft", 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			src := "---\ntitle: t\n" + tt.src + "\n---\n"
			_, _, _, ds := ParseFrontMatter("content/a.md", []byte(src), o)
			key, _, _ := strings.Cut(tt.src, ":")
			want := "设置名 “" + key + "” 是不是想写 “" + tt.field + "”?"
			for _, d := range ds {
				if d.Line == tt.line && d.Col == tt.col && d.Message == want &&
					strings.Contains(d.Hint, "改成 "+tt.field) && strings.Contains(d.Hint, `.Param "`+key+`"`) {
					return
				}
			}
			for _, d := range ds {
				t.Logf("got %s", d.Error())
			}
			t.Errorf("want %d:%d %s", tt.line, tt.col, want)
		})
	}
	// The draft case says what is at stake.
	_, _, _, ds := ParseFrontMatter("a.md", []byte("---\ndarft: true\n---\n"), Options{})
	if len(ds) != 1 || !strings.Contains(ds[0].Hint, "正式发布") {
		t.Errorf("darft: %v", ds)
	}
}

// Keys that are merely other names stay free parameters: those of the
// README, of the Party-building pages (checked by their own schemas in
// site), and of the test corpus (cmd/corpus).
func TestFreeParamsNotMisspelt(t *testing.T) {
	free := []string{
		"unit", "project_id", "cover", "color", "extra", "k", "x", "id", "toc", "img", "year", "note", "name",
		"link", "menu", "math", "file", "page", "top", "alt",
		// Party-building schemas (README “党建内容”)
		"short_name", "party_org", "category", "parent", "order", "contact", "slogan", "meaning",
		"logo", "logo_alt", "logo_parts", "accent", "pillars", "measures", "figures", "positions", "branches",
		"region", "formula", "target", "milestones", "status", "result", "scores", "multiplier",
		// cmd/corpus
		"project",
		// free parameters built on a field's name: bilingual sites, ids
		"title_en", "summary_en", "tags_en", "keywords_en", "description_en", "unit_id", "source_url",
		"author_title", "date_text",
	}
	for _, o := range []Options{{}, {Taxonomies: []string{"tags", "themes"}, Fields: []string{"unit"}}} {
		for _, key := range free {
			fm, _, _, ds := ParseFrontMatter("a.md", []byte("---\n"+key+": 1\n---\n"), o)
			if len(ds) > 0 {
				t.Errorf("%s (taxonomies %v): %s", key, o.Taxonomies, ds[0].Error())
			}
			if fm.Params[key] != 1 {
				t.Errorf("%s: Params = %v", key, fm.Params)
			}
		}
	}
}

// Load's readers share one misspelt; each key is looked up once.
func TestMisspeltShared(t *testing.T) {
	m := newMisspelt(Options{Fields: []string{"unit"}})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				if m.of("darft") != "draft" || m.of("unit") != "" || m.of("Unit") != "" || m.of("cover") != "" {
					t.Error("wrong answer")
					return
				}
			}
		})
	}
	wg.Wait()
	if len(m.seen) != 2 { // darft and cover; unit and Unit are fields
		t.Errorf("seen = %v", m.seen)
	}
}

// TestTagsNotTaxonomy: tags in the front matter of a site whose
// taxonomies leave tags out is a free parameter, and the build says so
// once, not once a page.
func TestTagsNotTaxonomy(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(root, name), []byte("---\ntitle: t\ntags: [党建]\n---\n正文\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srcs, _, ds := Load(root, "content", Options{Taxonomies: []string{"themes"}})
	if len(srcs) != 2 || len(ds) != 1 || ds[0].Severity != diag.Warning || ds[0].Line != 3 ||
		!strings.Contains(ds[0].Message, "taxonomies 里没有 tags") {
		t.Fatalf("want one warning at line 3, got %d sources and %v", len(srcs), ds)
	}
	if got := srcs[0].Front.Params["tags"]; got == nil {
		t.Errorf("tags should stay a free parameter, Params = %v", srcs[0].Front.Params)
	}
}
