package main

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	siteconfig "yipin/generator/config"
	"yipin/generator/diag"
)

// The Hugo comparison builds the same content with Hugo, the widely used
// Go generator the issue gives for scale (about 18 s and 1.5 GB for
// 10,000 pages), alternating with yipin's builds. The layouts in
// hugo/layouts make the pages yipin's default theme makes, with the
// same per-page work: a TOC, word count and
// reading time, tags, previous and next, related pages, breadcrumbs,
// paginated lists with sub-sections, term pages, RSS for the site and
// each section, a sitemap, minified output and fingerprinted CSS and JS.
//
// Hugo cannot read dates written "2024-06-24 09:26" (yipin can), so both
// build a copy of the content with such dates written in RFC 3339, in the
// site's time zone: the same instants.

//go:embed all:hugo
var hugoFiles embed.FS

// rival is the site copy both generators build.
type rival struct {
	Root  string // the temporary folder holding the rest
	Yipin string // a yipin site: site.yaml, content/ (dates rewritten), links to the site's other folders
	Hugo  string // a Hugo project whose contentDir is Yipin's content/
	Cache string // Hugo's cacheDir, removed before each run so that every build starts cold
}

// newRival makes the copies for a comparison with Hugo under a new
// folder in tmp ("" is the system's temporary folder).
func newRival(site, tmp string) (*rival, error) {
	cfg, ds := siteconfig.Load(filepath.Join(site, "site.yaml"))
	for _, d := range ds {
		if d.Severity == diag.Error {
			return nil, d
		}
	}
	if cfg == nil {
		return nil, fmt.Errorf("无法读取 %s", filepath.Join(site, "site.yaml"))
	}
	root, err := os.MkdirTemp(tmp, "yipin-vs-hugo-")
	if err != nil {
		return nil, err
	}
	r := &rival{Root: root, Yipin: filepath.Join(root, "site"), Hugo: filepath.Join(root, "hugo"), Cache: filepath.Join(root, "hugo-cache")}
	if err := r.write(site, cfg); err != nil {
		os.RemoveAll(root)
		return nil, err
	}
	return r, nil
}

func (r *rival) write(site string, cfg *siteconfig.Config) error {
	if err := os.MkdirAll(r.Yipin, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(site)
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(site)
	if err != nil {
		return err
	}
	for _, e := range entries {
		switch name := e.Name(); name {
		case "content", "public":
		case "site.yaml":
			data, err := os.ReadFile(filepath.Join(site, name))
			if err == nil {
				err = os.WriteFile(filepath.Join(r.Yipin, name), data, 0o644)
			}
			if err != nil {
				return err
			}
		default: // themes/, layouts/, static/, …: shared, not copied
			if err := os.Symlink(filepath.Join(abs, name), filepath.Join(r.Yipin, name)); err != nil {
				return err
			}
		}
	}
	if err := copyContent(filepath.Join(site, "content"), filepath.Join(r.Yipin, "content"), cfg.Location()); err != nil {
		return err
	}
	theme, _ := cfg.ThemeDir(abs)
	yml, err := hugoConfig(cfg, filepath.Join(r.Yipin, "content"), filepath.Join(theme, "assets"), r.Cache)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(r.Hugo, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(r.Hugo, "hugo.yaml"), yml, 0o644); err != nil {
		return err
	}
	layouts, _ := fs.Sub(hugoFiles, "hugo")
	return os.CopyFS(r.Hugo, layouts)
}

// clean removes what a Hugo build leaves in its project and cache, so
// that the next build starts cold, as every yipin build does.
func (r *rival) clean() error {
	for _, p := range []string{r.Cache, filepath.Join(r.Hugo, "resources"), filepath.Join(r.Hugo, ".hugo_build.lock")} {
		if err := os.RemoveAll(p); err != nil {
			return err
		}
	}
	return nil
}

// hugoArgs is Hugo's command line for a build into dest.
func (r *rival) hugoArgs(dest string) []string {
	return []string{"--source", r.Hugo, "--destination", dest, "--quiet"}
}

// hugoVersion is the first line of "hugo version", or the error.
func hugoVersion(bin string) (string, error) {
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		return "", fmt.Errorf("无法运行 Hugo(%s):%w(用 go install github.com/gohugoio/hugo@v0.155.0 安装;不在 PATH 里时,用 make bench-hugo HUGO=路径 或 -hugo 路径指明)", bin, err)
	}
	line, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(line), nil
}

// hugoSettings is hugo.yaml.
type hugoSettings struct {
	BaseURL                string                    `yaml:"baseURL"`
	LanguageCode           string                    `yaml:"languageCode"`
	DefaultContentLanguage string                    `yaml:"defaultContentLanguage"`
	HasCJKLanguage         bool                      `yaml:"hasCJKLanguage"`
	Title                  string                    `yaml:"title"`
	TimeZone               string                    `yaml:"timeZone"`
	ContentDir             string                    `yaml:"contentDir"`
	AssetDir               string                    `yaml:"assetDir"`
	CacheDir               string                    `yaml:"cacheDir"`
	SummaryLength          int                       `yaml:"summaryLength"`
	Pagination             map[string]int            `yaml:"pagination"`
	Taxonomies             map[string]string         `yaml:"taxonomies"`
	Outputs                map[string][]string       `yaml:"outputs"`
	Minify                 map[string]bool           `yaml:"minify"`
	Markup                 map[string]any            `yaml:"markup"`
	Menus                  map[string][]hugoMenuItem `yaml:"menus"`
	Params                 map[string]string         `yaml:"params"` // the footer's sponsor and operator
	Services               map[string]map[string]int `yaml:"services"`
}

type hugoMenuItem struct {
	Name    string `yaml:"name"`
	PageRef string `yaml:"pageRef,omitempty"`
	URL     string `yaml:"url,omitempty"`
	Weight  int    `yaml:"weight"`
}

// hugoConfig is the hugo.yaml that matches cfg: the same title, base URL,
// time zone, page size, summary length, feed length, taxonomies, main
// menu and Markdown options (CJK line breaks, highlighting with classes, TOC
// levels).
func hugoConfig(cfg *siteconfig.Config, content, assets, cache string) ([]byte, error) {
	s := hugoSettings{
		BaseURL: cfg.BaseURL, LanguageCode: cfg.Language, DefaultContentLanguage: "zh", HasCJKLanguage: true,
		Title: cfg.Title, TimeZone: cfg.Location().String(),
		ContentDir: content, AssetDir: assets, CacheDir: cache,
		SummaryLength: cfg.SummaryLength,
		Pagination:    map[string]int{"pagerSize": cfg.PageSize},
		Taxonomies:    map[string]string{},
		// yipin writes feeds for the site and each section
		Outputs: map[string][]string{"home": {"html", "rss"}, "section": {"html", "rss"}, "taxonomy": {"html"}, "term": {"html"}},
		Minify:  map[string]bool{"minifyOutput": true},
		Markup: map[string]any{
			"goldmark": map[string]any{
				"extensions": map[string]any{"cjk": map[string]bool{"enable": true, "eastAsianLineBreaks": true, "escapedSpace": true}},
				"renderer":   map[string]bool{"unsafe": cfg.Markdown.Unsafe},
			},
			"highlight":       map[string]bool{"noClasses": false, "lineNos": cfg.Markdown.LineNumbers},
			"tableOfContents": map[string]int{"startLevel": cfg.Markdown.TOCMinLevel, "endLevel": cfg.Markdown.TOCMaxLevel},
		},
		Menus:    map[string][]hugoMenuItem{},
		Params:   map[string]string{"sponsor": cfg.Footer.Sponsor, "operator": cfg.Footer.Operator},
		Services: map[string]map[string]int{"rss": {"limit": cfg.RSSLimit}},
	}
	for _, key := range cfg.TaxonomyKeys() {
		s.Taxonomies[key] = key
	}
	for _, item := range cfg.Menus["main"] {
		m := hugoMenuItem{Name: item.Name, Weight: item.Weight}
		if strings.HasPrefix(item.URL, "/") {
			m.PageRef = "/" + strings.Trim(item.URL, "/")
		} else {
			m.URL = item.URL
		}
		s.Menus["main"] = append(s.Menus["main"], m)
	}
	return yaml.Marshal(s)
}

// copyContent copies the content folder src to dst, writing the dates of
// Markdown front matter in RFC 3339 (see rewriteDates).
func copyContent(src, dst string, loc *time.Location) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".md") {
			data = rewriteDates(data, loc)
		}
		return os.WriteFile(out, data, 0o644)
	})
}

// frontDate is a date or lastmod line of front matter written the way
// Hugo cannot read: "date: 2024-06-24 09:26", quoted or not.
var frontDate = regexp.MustCompile(`(?m)^((?:date|lastmod):[ \t]*)(["']?)(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})?(["']?)[ \t]*$`)

// rewriteDates writes the "2024-06-24 09:26" dates and lastmods of a
// Markdown file's front matter as RFC 3339 in loc
// ("2024-06-24T09:26:00+08:00"); the body and every other line are left
// as they are.
func rewriteDates(data []byte, loc *time.Location) []byte {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return data
	}
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		return data
	}
	front := frontDate.ReplaceAllFunc(rest[:end+1], func(line []byte) []byte {
		m := frontDate.FindSubmatch(line)
		if string(m[2]) != string(m[6]) {
			return line // mismatched quotes: not a date this rewrites
		}
		sec := string(m[5])
		if sec == "" {
			sec = ":00"
		}
		t, err := time.ParseInLocation("2006-01-02 15:04:05", string(m[3])+" "+string(m[4])+sec, loc)
		if err != nil {
			return line
		}
		return append(slices.Clip(m[1]), t.Format(time.RFC3339)...) // m[1] shares the source
	})
	out := make([]byte, 0, len(data)+64)
	out = append(out, "---\n"...)
	out = append(out, front...)
	return append(out, rest[end+1:]...)
}
