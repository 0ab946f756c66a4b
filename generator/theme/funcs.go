package theme

import (
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"strings"
	"time"

	"yipin/generator/config"
	"yipin/generator/diag"
	"yipin/generator/site"
)

// Env is what the template functions need from the rest of the build.
type Env struct {
	Config      *config.Config
	Asset       func(name string) (string, error) // "css/main.css" → fingerprinted URL
	Markdownify func(s string) template.HTML
	// MarkdownifyLinks, when set, is used by markdownify instead of
	// Markdownify: it renders s the same way, handing each link and image
	// destination to resolve first, as page bodies do
	// (markdown.Document.Resolve), and returns the diagnostics of the
	// links resolve rejected.
	MarkdownifyLinks func(s string, resolve func(dest string) (string, *diag.Diagnostic)) (template.HTML, []*diag.Diagnostic)
	// Site returns the site being rendered (nil before it is built): the
	// links of markdownify resolve against it when the template gives no
	// page.
	Site func() *site.Site
	// Minify, when set, minifies the templates' text once, at load, so
	// that Execute can report output that needs no minifying.
	Minify MinifyHTML
	// Stdlib executes every template with html/template alone, without
	// the compiled programs of tmplexec: for tests that compare the two.
	Stdlib bool
}

// funcs is the documented set of template functions (see the README's
// template section). Keep it small: every function here is API.
func (t *Theme) funcs(env Env) template.FuncMap {
	cfg := env.Config
	return template.FuncMap{
		"relURL":        cfg.RelURL,
		"absURL":        cfg.AbsURL,
		"asset":         env.Asset,
		"markdownify":   t.markdownify(env),
		"dateCN":        DateCN,
		"date":          formatDate,
		"truncate":      Truncate,
		"plainify":      Plainify,
		"where":         where,
		"sortBy":        sortBy,
		"first":         first,
		"groupByYear":   GroupByYear,
		"T":             t.translate,
		"partial":       t.partial,
		"partialCached": t.partialCached,
		"dict":          dict,
		"safeHTML":      func(s string) template.HTML { return template.HTML(s) },
		"add":           func(a, b int) int { return a + b },
		"slug":          site.Slug,
		"fileSize":      FileSize,
		"join":          strings.Join,
	}
}

// DateCN writes a date the Chinese way: 2024年6月24日. A zero time is "".
func DateCN(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// formatDate formats t with a Go layout ("2006-01-02 15:04"); zero is "".
func formatDate(layout string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(layout)
}

// FileSize writes a byte count for readers: 512 B, 12.3 KB, 4.5 MB.
func FileSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024-51: // below what would print as 1024.0 KB
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}

// YearGroup is the pages of one year, for archives.
type YearGroup struct {
	Year  int
	Pages []*site.Page
}

// GroupByYear groups pages by the year of their date, newest year first,
// keeping the pages' order within a year. Undated pages are left out.
func GroupByYear(pages []*site.Page) []YearGroup {
	var groups []YearGroup
	index := map[int]int{}
	for _, p := range pages {
		if p.Date.IsZero() {
			continue
		}
		y := p.Date.Year()
		i, ok := index[y]
		if !ok {
			i = len(groups)
			index[y] = i
			groups = append(groups, YearGroup{Year: y})
		}
		groups[i].Pages = append(groups[i].Pages, p)
	}
	slices.SortStableFunc(groups, func(a, b YearGroup) int { return b.Year - a.Year })
	return groups
}

// first returns at most n items of a list: pages, terms, words, any
// slice or array. nil gives nil.
func first(n int, list any) (any, error) {
	n = max(n, 0)
	if pages, ok := list.([]*site.Page); ok { // the common case, without reflect
		return pages[:min(n, len(pages))], nil
	}
	if list == nil {
		return nil, nil
	}
	v := reflect.ValueOf(list)
	switch v.Kind() {
	case reflect.Slice:
		return v.Slice(0, min(n, v.Len())).Interface(), nil
	case reflect.Array:
		out := reflect.MakeSlice(reflect.SliceOf(v.Type().Elem()), min(n, v.Len()), min(n, v.Len()))
		reflect.Copy(out, v)
		return out.Interface(), nil
	}
	return nil, &funcError{
		msg:  fmt.Sprintf("first 要从列表中取前几项,这里给的是%s", typeName(v.Type().String())),
		hint: "用法:first 5 .Pages;数字在前,列表在后",
	}
}

// where keeps the pages whose field (a field or method name such as
// "Section", "Kind", or "Params.key") equals value.
func where(pages []*site.Page, field string, value any) ([]*site.Page, error) {
	var out []*site.Page
	for _, p := range pages {
		v, err := fieldOf(p, field)
		if err != nil {
			return nil, err
		}
		if fmt.Sprint(v) == fmt.Sprint(value) {
			out = append(out, p)
		}
	}
	return out, nil
}

// sortBy returns a sorted copy of pages by "Date", "Lastmod", "Title",
// "Weight" or "WordCount"; order is "asc" or "desc".
func sortBy(pages []*site.Page, field, order string) ([]*site.Page, error) {
	var cmp func(a, b *site.Page) int
	switch field {
	case "Date":
		cmp = func(a, b *site.Page) int { return a.Date.Compare(b.Date) }
	case "Lastmod":
		cmp = func(a, b *site.Page) int { return a.Lastmod.Compare(b.Lastmod) }
	case "Title":
		cmp = func(a, b *site.Page) int { return strings.Compare(a.Title, b.Title) }
	case "Weight":
		cmp = func(a, b *site.Page) int { return a.Weight - b.Weight }
	case "WordCount":
		cmp = func(a, b *site.Page) int { return a.WordCount() - b.WordCount() }
	default:
		return nil, fmt.Errorf("sortBy 不支持按 %q 排序,可用 Date、Lastmod、Title、Weight、WordCount", field)
	}
	if order != "asc" && order != "desc" {
		return nil, fmt.Errorf("sortBy 的顺序只能是 asc(从小到大)或 desc(从大到小),不能是 %q", order)
	}
	out := slices.Clone(pages)
	slices.SortStableFunc(out, func(a, b *site.Page) int {
		if order == "desc" {
			return cmp(b, a)
		}
		return cmp(a, b)
	})
	return out, nil
}

// fieldOf reads a field or no-argument method of a page, or a front-matter
// parameter written as "Params.key".
func fieldOf(p *site.Page, name string) (any, error) {
	if key, ok := strings.CutPrefix(name, "Params."); ok {
		return p.Params[key], nil
	}
	v := reflect.ValueOf(p)
	if m := v.MethodByName(name); m.IsValid() && m.Type().NumIn() == 0 && m.Type().NumOut() == 1 {
		return m.Call(nil)[0].Interface(), nil
	}
	if f := v.Elem().FieldByName(name); f.IsValid() {
		return f.Interface(), nil
	}
	return nil, fmt.Errorf("页面没有字段 %q", name)
}

// dict builds a map from key, value pairs, for passing several values to
// a partial.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict 需要成对的键和值")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict 的键必须是字符串,第 %d 个不是", i/2+1)
		}
		m[k] = kv[i+1]
	}
	return m, nil
}
