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
)

// The smoke test runs benchsite against this test binary itself: with
// fakeEnv set, TestMain acts as a tiny "yipin build" that checks its
// flags, allocates fakeMiB MiB, sleeps and writes one file.
const (
	fakeEnv   = "BENCHSITE_FAKE_BUILD"
	fakeMiB   = 64
	fakeSleep = 30 * time.Millisecond
)

func TestMain(m *testing.M) {
	if os.Getenv(fakeEnv) == "1" {
		os.Exit(fakeBuild(os.Args[1:]))
	}
	os.Exit(m.Run())
}

func fakeBuild(args []string) int {
	if len(args) > 0 && (args[0] == "version" || args[0] == "--source") {
		return fakeHugo(args)
	}
	if len(args) == 0 || args[0] != "build" || !slices.Contains(args, "--quiet") {
		fmt.Fprintf(os.Stderr, "假构建:参数不对 %q\n", args)
		return 4
	}
	if slices.Contains(args, "--fail") {
		fmt.Fprintln(os.Stderr, "content/news/p1.md:3:1: 错误:模拟的构建失败")
		return 3
	}
	var src, dest string
	for i := 1; i+1 < len(args); i++ {
		switch args[i] {
		case "--source":
			src = args[i+1]
		case "--destination":
			dest = args[i+1]
		}
	}
	if _, err := os.Stat(filepath.Join(src, "content")); err != nil || dest == "" {
		fmt.Fprintf(os.Stderr, "假构建:--source 或 --destination 不对 %q\n", args)
		return 4
	}
	mem := make([]byte, fakeMiB<<20)
	for i := range mem {
		mem[i] = byte(i)
	}
	time.Sleep(fakeSleep)
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return 5
	}
	if err := os.WriteFile(filepath.Join(dest, "index.html"), mem[:16], 0o644); err != nil {
		return 5
	}
	return 0
}

// testSite writes a site with 3 .md files, one of them an _index.md.
func testSite(t *testing.T) string {
	t.Helper()
	site := t.TempDir()
	for _, f := range []string{"content/_index.md", "content/news/a.md", "content/news/2024/b.md", "content/img.png"} {
		p := filepath.Join(site, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\ntitle: x\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

func TestBenchWithFakeBuild(t *testing.T) {
	t.Setenv(fakeEnv, "1")
	site := testSite(t)
	var progress bytes.Buffer
	s, err := bench(config{Bin: os.Args[0], Site: site, Runs: 3, Extra: []string{"--extra-flag"}}, &progress)
	if err != nil {
		t.Fatal(err)
	}
	if s.Pages != 3 || s.Sections != 1 || s.Runs != 3 {
		t.Errorf("页面 %d、栏目 %d、次数 %d,应为 3、1、3", s.Pages, s.Sections, s.Runs)
	}
	if s.Min < fakeSleep || s.Min > s.Median || s.Median > s.Max {
		t.Errorf("耗时不合理:最短 %v,中位数 %v,最长 %v", s.Min, s.Median, s.Max)
	}
	if s.RSSMedian < fakeMiB*1024 || s.RSSMax < s.RSSMedian || s.RSSMax > 16*fakeMiB*1024 {
		t.Errorf("峰值内存 %d / %d KiB,应略高于 %d KiB", s.RSSMedian, s.RSSMax, fakeMiB*1024)
	}
	if n := strings.Count(progress.String(), "峰值内存"); n != 3 {
		t.Errorf("进度应有 3 行,得到:\n%s", progress.String())
	}
	if s.Yardstick != 0 {
		t.Errorf("yardstick %v, not asked for", s.Yardstick)
	}
	progress.Reset()
	s, err = bench(config{Bin: os.Args[0], Site: site, Runs: 2, Yardstick: true}, &progress)
	if err != nil {
		t.Fatal(err)
	}
	if s.Yardstick <= 0 || strings.Count(progress.String(), "只用 goldmark") != 2 {
		t.Errorf("yardstick %v; progress:\n%s", s.Yardstick, progress.String())
	}
}

// TestYardstickBodies: the yardstick converts bodies, not front matter.
func TestYardstickBodies(t *testing.T) {
	for in, want := range map[string]string{
		"---\ntitle: x\n---\n正文\n": "正文\n",
		"---\ntitle: x\n---\n":     "",
		"只有正文\n":                   "只有正文\n",
		"---\n没有结束\n":              "---\n没有结束\n",
	} {
		if got := string(body([]byte(in))); got != want {
			t.Errorf("body(%q) = %q, want %q", in, got, want)
		}
	}
	y, err := newYardstick(testSite(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(y.bodies) != 3 {
		t.Errorf("%d bodies, want the 3 .md files", len(y.bodies))
	}
}

func TestBuildFailure(t *testing.T) {
	t.Setenv(fakeEnv, "1")
	site := testSite(t)
	_, err := bench(config{Bin: os.Args[0], Site: site, Runs: 2, Extra: []string{"--fail"}}, &bytes.Buffer{})
	var be *buildError
	if !errors.As(err, &be) || be.Run != 0 || !strings.Contains(string(be.Stderr), "模拟的构建失败") {
		t.Fatalf("应得到预热失败和子进程的错误输出,得到 %v", err)
	}

	var stdout, stderr bytes.Buffer
	code := run([]string{"-bin", os.Args[0], "-site", site, "-runs", "1", "-args", "--fail"}, &stdout, &stderr)
	if code == 0 || !strings.Contains(stderr.String(), "模拟的构建失败") || stdout.Len() != 0 {
		t.Errorf("退出码 %d,stderr:\n%s", code, stderr.String())
	}

	_, err = bench(config{Bin: filepath.Join(t.TempDir(), "missing"), Site: site, Runs: 1}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "无法运行") {
		t.Errorf("程序不存在时应报“无法运行”,得到 %v", err)
	}
	if _, err := bench(config{Bin: os.Args[0], Site: t.TempDir(), Runs: 1}, &bytes.Buffer{}); err == nil {
		t.Error("没有 content/ 时应报错")
	}
}

func TestRunOutput(t *testing.T) {
	t.Setenv(fakeEnv, "1")
	site := testSite(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-bin", os.Args[0], "-site", site, "-runs", "2", "-args", `--title "a b"`}, &stdout, &stderr); code != 0 {
		t.Fatalf("退出码 %d:\n%s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "benchsite pages=3 runs=2 median_ms=") || !strings.Contains(stdout.String(), "页/秒") {
		t.Errorf("输出不对:\n%s", stdout.String())
	}
	if code := run([]string{"-site", site, "-runs", "0"}, &stdout, &stderr); code != 2 {
		t.Errorf("-runs 0 的退出码 %d,应为 2", code)
	}
}
