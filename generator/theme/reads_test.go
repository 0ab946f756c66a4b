package theme

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestReadsOthers(t *testing.T) {
	partial := `{{ define "partials/item.html" }}{{ .Title }}{{ .Summary }}{{ end }}`
	cases := []struct {
		name, src string
		want      []string
	}{
		{"own content", `{{ .Content }}{{ .TOC }}{{ $.WordCount }}`, nil},
		{"own content in with", `{{ with . }}{{ .Content }}{{ end }}`, nil},
		{"range", `{{ range .Pages }}{{ .Summary }}{{ end }}`, []string{"Summary"}},
		{"chain", `{{ .Prev.Content }}`, []string{"Content"}},
		{"with other", `{{ with .Next }}{{ .ReadingTime }}{{ end }}`, []string{"ReadingTime"}},
		{"variable", `{{ $p := .Prev }}{{ $p.TOC }}`, []string{"TOC"}},
		{"root in range", `{{ range .Pages }}{{ $.Content }}{{ end }}`, nil},
		{"partial with self", `{{ partial "item.html" . }}`, nil},
		{"partial with other", `{{ range .Pages }}{{ partial "item.html" . }}{{ end }}`, []string{"Summary"}},
		{"partial named at run time", `{{ $n := "item.html" }}{{ partial $n . }}`, []string{"Summary"}},
		{"where by name", `{{ range where .Pages "Truncated" true }}{{ .Title }}{{ end }}`, []string{"Truncated"}},
		{"sort by name", `{{ range sortBy .Pages "WordCount" "asc" }}{{ .Title }}{{ end }}`, []string{"WordCount"}},
		{"front matter only", `{{ range .Pages }}{{ .Title }}{{ .Date }}{{ end }}`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			th := mustLoad(t, map[string]string{"layouts/test.html": c.src, "layouts/partials/item.html": partial})
			if got := th.ReadsOthers("test.html"); !slices.Equal(got, c.want) {
				t.Errorf("ReadsOthers = %v, want %v", got, c.want)
			}
		})
	}
}

// The default theme's articles read no other page's body: an edit of one
// article's text re-renders that article, not its neighbours.
func TestDefaultThemeArticlesReadOwnBody(t *testing.T) {
	th, ds := Load([]Dir{{Path: filepath.Join("..", "..", "themes", "default"), Display: "themes/default"}}, testEnv(t))
	for _, d := range ds {
		t.Fatal(d.Long())
	}
	if got := th.ReadsOthers("_default/single.html"); len(got) > 0 {
		t.Errorf("single.html reads %v of other pages", got)
	}
	for name, want := range map[string]bool{
		"_default/single.html": true, "_default/baseof.html": true, "partials/footer.html": true,
		"partials/related.html": true, "cases/case.html": false, "partials/leaderboard.html": false,
	} {
		if th.Uses("_default/single.html", name) != want {
			t.Errorf("Uses(single.html, %s) = %v, want %v", name, !want, want)
		}
	}
	if got := th.ReadsOthers("index.html"); !slices.Contains(got, "Summary") {
		t.Errorf("index.html (lead stories with summaries) reads %v of other pages, want Summary among them", got)
	}
}
