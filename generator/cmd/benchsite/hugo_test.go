package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	siteconfig "yipin/generator/config"
)

// fakeHugo is the test binary acting as Hugo (see TestMain): "version"
// prints a version; "--source DIR --destination DEST --quiet" checks the
// project benchsite made and writes two pages.
func fakeHugo(args []string) int {
	if args[0] == "version" {
		fmt.Println("hugo v0.0.0-fake linux/amd64")
		return 0
	}
	if len(args) != 5 || args[2] != "--destination" || args[4] != "--quiet" {
		fmt.Fprintf(os.Stderr, "假 Hugo:参数不对 %q\n", args)
		return 4
	}
	var cfg hugoSettings
	data, err := os.ReadFile(filepath.Join(args[1], "hugo.yaml"))
	if err == nil {
		err = yaml.Unmarshal(data, &cfg)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "假 Hugo:hugo.yaml 不对:%v\n", err)
		return 4
	}
	if _, err := os.Stat(filepath.Join(args[1], "layouts", "_partials", "header.html")); err != nil {
		fmt.Fprintf(os.Stderr, "假 Hugo:没有模板:%v\n", err)
		return 4
	}
	if _, err := os.Stat(cfg.CacheDir); err == nil {
		fmt.Fprintln(os.Stderr, "假 Hugo:上一次的缓存还在,这次构建不是冷启动")
		return 4
	}
	md, err := os.ReadFile(filepath.Join(cfg.ContentDir, "news", "a.md"))
	if err != nil || !bytes.Contains(md, []byte("date: 2024-06-24T09:26:00+08:00\n")) {
		fmt.Fprintf(os.Stderr, "假 Hugo:内容里的日期没有改写:%q %v\n", md, err)
		return 4
	}
	for _, dir := range []string{args[3], filepath.Join(args[3], "news"), cfg.CacheDir} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return 5
		}
	}
	for _, f := range []string{"index.html", "news/index.html", "index.xml"} {
		if err := os.WriteFile(filepath.Join(args[3], f), []byte("<p>x</p>"), 0o644); err != nil {
			return 5
		}
	}
	return 0
}

// hugoTestSite is testSite with a site.yaml and a dated page.
func hugoTestSite(t *testing.T) string {
	t.Helper()
	site := testSite(t)
	files := map[string]string{
		"site.yaml":         "title: 测试站\nbase_url: https://example.gov.cn/dangjian/\nmenus:\n  main:\n    - {name: 首页, url: /, weight: 1}\n    - {name: 动态, url: /news/, weight: 2}\n",
		"content/news/a.md": "---\ntitle: a\ndate: 2024-06-24 09:26\n---\n正文\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(site, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

func TestBenchWithFakeHugo(t *testing.T) {
	t.Setenv(fakeEnv, "1")
	site, tmp := hugoTestSite(t), t.TempDir()
	var progress bytes.Buffer
	s, err := bench(config{Bin: os.Args[0], Site: site, Runs: 3, Tmp: tmp, Hugo: os.Args[0]}, &progress)
	if err != nil {
		t.Fatalf("%v\n%s", err, progress.String())
	}
	h := s.Hugo
	if h == nil || h.Runs != 3 || h.Median < fakeSleep/10 || h.HTML != 2 || s.HTML != 1 || s.Version != "" || h.Version != "hugo v0.0.0-fake linux/amd64" {
		t.Fatalf("summary %+v, Hugo's %+v", s, h)
	}
	if n := strings.Count(progress.String(), ";Hugo:"); n != 3 {
		t.Errorf("每次构建的进度应带 Hugo 的用时:\n%s", progress.String())
	}
	for _, want := range []string{"对比:hugo v0.0.0-fake linux/amd64 构建同一批内容", "写出 HTML 文件 yipin 1 个,Hugo 2 个"} {
		if !strings.Contains(s.human("bin/yipin", site), want) {
			t.Errorf("报告缺少 %q:\n%s", want, s.human("bin/yipin", site))
		}
	}
	if !strings.Contains(s.machine(), " html=1 hugo_median_ms=") {
		t.Errorf("machine() = %s", s.machine())
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("对比用的副本没有删掉:%v", left)
	}
	if md, _ := os.ReadFile(filepath.Join(site, "content", "news", "a.md")); !bytes.Contains(md, []byte("date: 2024-06-24 09:26\n")) {
		t.Errorf("原来的内容被改了:%q", md)
	}
}

func TestHugoFailure(t *testing.T) {
	t.Setenv(fakeEnv, "1")
	site := hugoTestSite(t)
	// a page dated the way Hugo cannot read is left so: the fake Hugo fails
	if err := os.WriteFile(filepath.Join(site, "content", "news", "a.md"), []byte("---\ndate: 明天\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := bench(config{Bin: os.Args[0], Site: site, Runs: 1, Hugo: os.Args[0]}, &bytes.Buffer{})
	var be *buildError
	if !errors.As(err, &be) || be.Program != "Hugo" || !strings.HasPrefix(err.Error(), "Hugo 的预热构建失败") || !strings.Contains(string(be.Stderr), "日期没有改写") {
		t.Errorf("应得到 Hugo 预热失败和它的错误输出,得到 %v", err)
	}
	_, err = bench(config{Bin: os.Args[0], Site: site, Runs: 1, Hugo: filepath.Join(t.TempDir(), "hugo")}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "无法运行 Hugo") {
		t.Errorf("Hugo 不存在时应报“无法运行 Hugo”,得到 %v", err)
	}
	if err := os.WriteFile(filepath.Join(site, "site.yaml"), []byte("titel: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = bench(config{Bin: os.Args[0], Site: site, Runs: 1, Hugo: os.Args[0]}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "site.yaml:1") {
		t.Errorf("site.yaml 有错时应指出位置,得到 %v", err)
	}
}

func TestRewriteDates(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		in, want string
		loc      *time.Location
	}{
		{"---\ndate: 2024-06-24 09:26\n---\n正文\n", "---\ndate: 2024-06-24T09:26:00+08:00\n---\n正文\n", shanghai},
		{"---\ntitle: x\nlastmod: \"2024-06-24 09:26:30\"\n---\n", "---\ntitle: x\nlastmod: 2024-06-24T09:26:30+08:00\n---\n", shanghai},
		{"---\ndate: '2024-01-02 03:04'  \n---\n", "---\ndate: 2024-01-02T03:04:00+08:00\n---\n", shanghai},
		// the zone's offset on that day: summer time in New York
		{"---\ndate: 2024-07-01 12:00\n---\n", "---\ndate: 2024-07-01T12:00:00-04:00\n---\n", newYork},
		{"---\ndate: 2024-12-01 12:00\n---\n", "---\ndate: 2024-12-01T12:00:00-05:00\n---\n", newYork},
		// left alone: what Hugo reads already, other keys, the body,
		// mismatched quotes, no front matter, an unclosed one, no date
		{"---\ndate: 2024-06-24\n---\n", "---\ndate: 2024-06-24\n---\n", shanghai},
		{"---\ndate: 2024-06-24T09:26:00+08:00\n---\n", "---\ndate: 2024-06-24T09:26:00+08:00\n---\n", shanghai},
		{"---\npublished: 2024-06-24 09:26\n---\n", "---\npublished: 2024-06-24 09:26\n---\n", shanghai},
		{"---\ntitle: x\n---\ndate: 2024-06-24 09:26\n", "---\ntitle: x\n---\ndate: 2024-06-24 09:26\n", shanghai},
		{"---\ndate: \"2024-06-24 09:26'\n---\n", "---\ndate: \"2024-06-24 09:26'\n---\n", shanghai},
		{"date: 2024-06-24 09:26\n", "date: 2024-06-24 09:26\n", shanghai},
		{"---\ndate: 2024-06-24 09:26\n", "---\ndate: 2024-06-24 09:26\n", shanghai},
		{"---\ndate: 2024-13-40 25:61\n---\n", "---\ndate: 2024-13-40 25:61\n---\n", shanghai},
	}
	for _, c := range cases {
		if got := string(rewriteDates([]byte(c.in), c.loc)); got != c.want {
			t.Errorf("rewriteDates(%q) =\n%q\nwant\n%q", c.in, got, c.want)
		}
	}
}

// TestHugoConfig: hugo.yaml carries the site's settings over.
func TestHugoConfig(t *testing.T) {
	cfg, ds := siteconfig.Load(filepath.Join(hugoTestSite(t), "site.yaml"))
	if cfg == nil || len(ds) != 0 {
		t.Fatal(ds)
	}
	cfg.Markdown.TOCMaxLevel = 3
	data, err := hugoConfig(cfg, "/c", "/a", "/cache")
	if err != nil {
		t.Fatal(err)
	}
	var got hugoSettings
	if err := yaml.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.Title != "测试站" || got.BaseURL != "https://example.gov.cn/dangjian/" || got.TimeZone != "Asia/Shanghai" ||
		got.ContentDir != "/c" || got.AssetDir != "/a" || got.CacheDir != "/cache" ||
		got.Pagination["pagerSize"] != cfg.PageSize || got.SummaryLength != cfg.SummaryLength || got.Taxonomies["tags"] != "tags" ||
		got.Services["rss"]["limit"] != cfg.RSSLimit || got.Params["sponsor"] != cfg.Footer.Sponsor {
		t.Errorf("hugo.yaml:\n%s", data)
	}
	toc := got.Markup["tableOfContents"].(map[string]any)
	if toc["startLevel"] != 2 || toc["endLevel"] != 3 {
		t.Errorf("TOC levels %v", toc)
	}
	menu := got.Menus["main"]
	if len(menu) != 2 || menu[0].PageRef != "/" || menu[1].PageRef != "/news" || menu[1].Name != "动态" || menu[1].Weight != 2 {
		t.Errorf("menu %+v", menu)
	}
	if !slices.Equal(got.Outputs["section"], []string{"html", "rss"}) || !slices.Equal(got.Outputs["term"], []string{"html"}) {
		t.Errorf("outputs %v", got.Outputs)
	}
}
