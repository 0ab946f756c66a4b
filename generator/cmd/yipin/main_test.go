package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// call runs the CLI with args and returns the exit code and both outputs.
func call(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// commandList is what the usage text must show.
var commandList = []string{"用法:", "yipin <命令> [选项]", "build", "version", "help", "yipin build -h"}

func TestUsage(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout bool // usage on stdout (asked for) or stderr (a mistake)
	}{
		{"no args", nil, exitUsage, false},
		{"help", []string{"help"}, exitOK, true},
		{"-h", []string{"-h"}, exitOK, true},
		{"-help", []string{"-help"}, exitOK, true},
		{"--help", []string{"--help"}, exitOK, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := call(c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d", code, c.code)
			}
			usage, other := stderr, stdout
			if c.stdout {
				usage, other = stdout, stderr
			}
			for _, want := range commandList {
				if !strings.Contains(usage, want) {
					t.Errorf("usage lacks %q:\n%s", want, usage)
				}
			}
			if other != "" {
				t.Errorf("unexpected output on the other stream: %q", other)
			}
		})
	}
}

// buildFlags are the options `yipin build -h` lists, with their Chinese
// descriptions and defaults.
var buildFlags = []string{
	"用法:yipin build [选项]",
	"读取 site.yaml、content/ 和主题",
	"--source 文件夹", "网站文件夹(含 site.yaml;默认当前文件夹)\n",
	"--destination 文件夹", "输出文件夹(相对于网站文件夹;默认 public)\n",
	"--base-url 网址", "覆盖 site.yaml 的 base_url",
	"--drafts\n", "包含草稿",
	"--future\n", "包含发布时间在未来的页面",
	"--quiet\n", "只输出错误",
	"--timings\n", "列出每个构建步骤的用时",
	"--cpuprofile 文件", "CPU 剖析", "--memprofile 文件",
}

func TestBuildHelp(t *testing.T) {
	for _, args := range [][]string{
		{"help", "build"},
		{"build", "-h"},
		{"build", "--help"},
		{"build", "-help"},
		{"build", "--quiet", "-h"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := call(args...)
			if code != exitOK {
				t.Errorf("exit %d, want 0", code)
			}
			// Help that was asked for goes to stdout.
			if stderr != "" {
				t.Errorf("stderr %q, want nothing", stderr)
			}
			help := stdout
			for _, want := range buildFlags {
				if !strings.Contains(help, want) {
					t.Errorf("help lacks %q:\n%s", want, help)
				}
			}
			if strings.Count(help, "用法:yipin build") != 1 {
				t.Errorf("help printed %d times", strings.Count(help, "用法:yipin build"))
			}
			if strings.Contains(help, "构建完成") || strings.Contains(help, "构建失败") {
				t.Errorf("help ran a build:\n%s", help)
			}
			if strings.Contains(help, ")(") {
				t.Errorf("help has brackets side by side:\n%s", help)
			}
		})
	}
}

func TestVersionHelp(t *testing.T) {
	for _, args := range [][]string{{"help", "version"}, {"version", "-h"}} {
		code, stdout, stderr := call(args...)
		if code != exitOK || !strings.Contains(stdout+stderr, "用法:yipin version [选项]") {
			t.Errorf("%q: exit %d, output %q %q", args, code, stdout, stderr)
		}
		if strings.Contains(stdout, "yipin 0.1.0") {
			t.Errorf("%q printed the version instead of help", args)
		}
	}
}

var versionRE = regexp.MustCompile(`^yipin 0\.1\.0( \([0-9a-f]{7}\))?\n$`)

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}, {"-v"}} {
		code, stdout, stderr := call(args...)
		if code != exitOK || !versionRE.MatchString(stdout) || stderr != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want []string // on stderr
	}{
		{"unknown command", []string{"serve2"}, []string{"yipin:没有 \"serve2\" 这个命令。", "用法:"}},
		{"unknown command in Chinese", []string{"构建"}, []string{"没有 \"构建\" 这个命令"}},
		{"help for an unknown command", []string{"help", "nosuch"}, []string{"没有 \"nosuch\" 这个命令"}},
		{"flag before the command", []string{"--quiet", "build"}, []string{"没有 \"--quiet\" 这个命令"}},
		{"unknown build flag", []string{"build", "--nope"}, []string{"没有 --nope 这个选项", "yipin build -h"}},
		{"unknown build flag, one dash", []string{"build", "-nope"}, []string{"没有 --nope 这个选项"}},
		{"build flag without value", []string{"build", "--source"}, []string{"选项 --source 后面要写一个值", "yipin build -h"}},
		{"bad bool value", []string{"build", "-quiet=maybe"}, []string{"选项 --quiet 的值 \"maybe\" 不对"}},
		{"bad --base-url ::", []string{"build", "--base-url", "::"}, []string{"命令行参数 --base-url: 错误:--base-url “::” 不是有效的网址", "提示:", "yipin build -h"}},
		{"bad --base-url ftp", []string{"build", "--base-url", "ftp://x"}, []string{"--base-url “ftp://x” 只能以 http:// 或 https:// 开头"}},
		{"bad --base-url x", []string{"build", "--base-url=x"}, []string{"--base-url “x” 不是有效的网址"}},
		{"--source missing", []string{"build", "--source", "/nonexistent/yipin-site"}, []string{"yipin build:找不到网站文件夹 /nonexistent/yipin-site", "--source"}},
		{"--source is a file", []string{"build", "--source", "main.go"}, []string{"yipin build:main.go 是一个文件,不是文件夹"}},
		{"extra argument to build", []string{"build", "site"}, []string{"yipin build:多余的参数 \"site\""}},
		{"extra arguments after flags", []string{"build", "--quiet", "a", "b"}, []string{"多余的参数 \"a b\""}},
		{"extra argument to version", []string{"version", "x"}, []string{"yipin version:多余的参数 \"x\""}},
		{"unknown version flag", []string{"version", "--short"}, []string{"没有 --short 这个选项"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := call(c.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			for _, want := range c.want {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}

// writeSite writes a site (slash path → content) into a new folder and
// returns it. site.yaml names the repository's default theme by its
// absolute path unless files has one.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	theme, err := filepath.Abs("../../../themes/default")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(theme, "layouts")); err != nil {
		t.Fatalf("default theme: %v", err)
	}
	if _, ok := files["site.yaml"]; !ok {
		files["site.yaml"] = "title: 测试机关党建\nbase_url: https://example.gov.cn/\ntheme: " + theme + "\n"
	}
	return writeFiles(t, files)
}

// writeFiles writes files (slash path → content) into a new folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func tinySite() map[string]string {
	return map[string]string{
		"content/_index.md":        "---\ntitle: 首页\n---\n欢迎。\n",
		"content/news/_index.md":   "---\ntitle: 工作动态\n---\n",
		"content/news/a.md":        "---\ntitle: 关于开展主题党日活动的通知\ndate: 2025-05-06\ntags: [主题党日]\n---\n正文第一段。\n",
		"content/news/政策解读.md":     "---\ntitle: 政策解读\ndate: 2025-05-07 09:30\n---\n见[通知](a.md)。\n",
		"content/news/b/index.md":  "---\ntitle: 页面包\ndate: 2025-05-08\n---\n![附件图](logo.svg)\n",
		"content/news/b/logo.svg":  `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>`,
		"static/robots-note.txt":   "静态文件\n",
		"content/about/_index.md":  "---\ntitle: 关于\n---\n",
		"content/about/contact.md": "---\ntitle: 联系我们\n---\n电话。\n",
	}
}

var summaryRE = regexp.MustCompile(`^构建完成:写出 (\d+) 个页面和 (\d+) 个其他文件,用时 \d+\.\d\d 秒。\n$`)

// countOutputs counts the HTML pages and the other files under dir.
func countOutputs(t *testing.T, dir string) (pages, files int) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || e.Name() == ".yipin-output" { // the folder's marker is not counted
			return err
		}
		if strings.HasSuffix(p, ".html") {
			pages++
		} else {
			files++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages, files
}

func TestBuild(t *testing.T) {
	root := writeSite(t, tinySite())
	code, stdout, stderr := call("build", "--source", root)
	if code != exitOK {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	m := summaryRE.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("stdout is not the one-line summary: %q", stdout)
	}
	if stderr != "" {
		t.Errorf("stderr %q, want nothing for a site without warnings", stderr)
	}
	pages, files := countOutputs(t, filepath.Join(root, "public"))
	if n, _ := strconv.Atoi(m[1]); n != pages || n < 10 {
		t.Errorf("summary says %s pages, public/ has %d HTML files", m[1], pages)
	}
	if n, _ := strconv.Atoi(m[2]); n != files {
		t.Errorf("summary says %s other files, public/ has %d", m[2], files)
	}
	for _, f := range []string{"index.html", "news/政策解读/index.html", "news/b/logo.svg", "robots-note.txt", "sitemap.xml", "index.xml"} {
		if _, err := os.Stat(filepath.Join(root, "public", filepath.FromSlash(f))); err != nil {
			t.Errorf("public/%s: %v", f, err)
		}
	}
}

func TestBuildFlags(t *testing.T) {
	root := writeSite(t, tinySite())
	dest := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := call("build", "--source="+root, "--destination", dest, "--base-url", "https://staging.example.gov.cn/dj/")
	if code != exitOK || !summaryRE.MatchString(stdout) {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	robots, err := os.ReadFile(filepath.Join(dest, "robots.txt"))
	if err != nil || !strings.Contains(string(robots), "https://staging.example.gov.cn/dj/sitemap.xml") {
		t.Errorf("--base-url not used: %s %v", robots, err)
	}
	if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
		t.Error("public/ written although --destination was given")
	}
}

func TestBuildQuiet(t *testing.T) {
	files := tinySite()
	files["content/news/noalt.md"] = "---\ntitle: 缺少替代文字\ndate: 2025-01-01\n---\n![](photo.png)\n"
	files["content/news/photo.png"] = "png"
	root := writeSite(t, files)

	code, stdout, stderr := call("build", "--quiet", "--source", root)
	if code != exitOK || stdout != "" || stderr != "" {
		t.Errorf("--quiet: exit %d, stdout %q, stderr %q; want 0 and nothing", code, stdout, stderr)
	}

	// Without --quiet the warning is shown, with its place, and the build
	// still succeeds.
	code, stdout, stderr = call("build", "--source", root)
	if code != exitOK || !summaryRE.MatchString(stdout) {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	if !strings.Contains(stderr, "content/news/noalt.md:5:") || !strings.Contains(stderr, "警告:") {
		t.Errorf("warning not shown:\n%s", stderr)
	}
}

func TestBuildTimings(t *testing.T) {
	root := writeSite(t, tinySite())
	code, stdout, stderr := call("build", "--timings", "--source", root)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	steps := []string{"配置", "读取", "模型", "渲染", "发布"}
	if len(lines) != len(steps)+1 {
		t.Fatalf("want %d step lines and the summary, got:\n%s", len(steps), stdout)
	}
	for i, s := range steps {
		if !regexp.MustCompile(`^  ` + s + ` +\d+\.\d\d 秒$`).MatchString(lines[i]) {
			t.Errorf("line %d = %q, want step %s with its time", i+1, lines[i], s)
		}
	}
	if !summaryRE.MatchString(lines[len(lines)-1] + "\n") {
		t.Errorf("last line %q is not the summary", lines[len(lines)-1])
	}

	code, stdout, _ = call("build", "--timings", "--quiet", "--source", root)
	if code != exitOK || strings.Contains(stdout, "构建完成") || !strings.Contains(stdout, "渲染") {
		t.Errorf("--timings --quiet: exit %d, stdout %q; want the steps without the summary", code, stdout)
	}
}

// TestBuildProfiles: --cpuprofile and --memprofile write profiles for go
// tool pprof; a file that cannot be created is an error before the build.
func TestBuildProfiles(t *testing.T) {
	root := writeSite(t, tinySite())
	for flag, what := range map[string]string{"--cpuprofile": " CPU 剖析文件", "--memprofile": "内存剖析文件"} {
		prof := filepath.Join(t.TempDir(), "prof.pprof")
		code, _, stderr := call("build", "--quiet", flag, prof, "--source", root)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", flag, code, stderr)
		}
		data, err := os.ReadFile(prof)
		if err != nil || len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
			t.Fatalf("%s %s: %d bytes, %v; want a gzipped pprof profile", flag, prof, len(data), err)
		}
		code, _, stderr = call("build", "--quiet", flag, filepath.Join(root, "missing", "prof.pprof"), "--source", root)
		if code != exitBuild || !strings.Contains(stderr, "无法写入"+what) {
			t.Errorf("%s unwritable: exit %d, stderr %q", flag, code, stderr)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	files := tinySite()
	files["content/news/a.md"] = "---\ntitle: 关于开展主题党日活动的通知\ndate: 明天\n---\n正文。\n"
	root := writeSite(t, files)
	if err := os.MkdirAll(filepath.Join(root, "public"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "public", "keep.txt"), []byte("上次的结果"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, quiet := range []bool{false, true} {
		args := []string{"build", "--source", root}
		if quiet {
			args = append(args, "--quiet")
		}
		code, stdout, stderr := call(args...)
		if code != exitBuild {
			t.Errorf("quiet %v: exit %d, want %d", quiet, code, exitBuild)
		}
		if stdout != "" {
			t.Errorf("quiet %v: stdout %q, want nothing", quiet, stdout)
		}
		for _, want := range []string{
			"content/news/a.md:3:7: 错误:日期 “明天” 无法识别\n",
			"    2 | title: 关于开展主题党日活动的通知\n",
			"  > 3 | date: 明天\n",
			"      |       ^\n",
			"  提示:",
			"构建失败:共 1 个错误,输出文件夹保持原样。\n",
		} {
			if !strings.Contains(stderr, want) {
				t.Errorf("quiet %v: stderr lacks %q:\n%s", quiet, want, stderr)
			}
		}
		if !strings.HasSuffix(stderr, "构建失败:共 1 个错误,输出文件夹保持原样。\n") {
			t.Errorf("quiet %v: the count is not the last line:\n%s", quiet, stderr)
		}
	}
	if data, err := os.ReadFile(filepath.Join(root, "public", "keep.txt")); err != nil || string(data) != "上次的结果" {
		t.Errorf("public/ was changed by a failed build: %v", err)
	}
}

func TestBuildManyErrors(t *testing.T) {
	files := tinySite()
	for i := range 60 {
		files["content/bad/"+strconv.Itoa(100+i)+".md"] = "---\ntitle: 坏日期\ndate: 明天\n---\n"
	}
	root := writeSite(t, files)
	code, _, stderr := call("build", "--source", root)
	if code != exitBuild {
		t.Fatalf("exit %d", code)
	}
	if n := strings.Count(stderr, ": 错误:"); n != 50 {
		t.Errorf("%d errors listed, want 50", n)
	}
	for _, want := range []string{"content/bad/100.md:3:7", "content/bad/149.md:3:7",
		"……另有 10 个错误未列出\n", "构建失败:共 60 个错误"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	if strings.Contains(stderr, "content/bad/150.md") {
		t.Error("listed an error past the first 50 in file order")
	}
}

func TestBuildOtherFailures(t *testing.T) {
	cases := []struct {
		name string
		site func(t *testing.T) string
		args []string
		want string
	}{
		{"no site.yaml", func(t *testing.T) string {
			return writeFiles(t, map[string]string{"content/a.md": "---\ntitle: a\n---\n"})
		},
			nil, "找不到网站设置文件"},
		{"missing theme", func(t *testing.T) string {
			return writeFiles(t, map[string]string{"site.yaml": "title: 站\ntheme: nosuch\n", "content/a.md": "---\ntitle: a\n---\n"})
		}, nil, "找不到主题文件夹 themes/nosuch"},
		{"destination is the site", func(t *testing.T) string { return writeSite(t, tinySite()) },
			[]string{"--destination", "."}, "不能把网站输出到"},
		{"destination holds other files", func(t *testing.T) string {
			root := writeSite(t, tinySite())
			os.MkdirAll(filepath.Join(root, "www"), 0o755)
			os.WriteFile(filepath.Join(root, "www", "通知.pdf"), []byte("%PDF"), 0o644)
			return root
		}, []string{"--destination", "www"}, "已有不是 yipin 生成的文件(例如 通知.pdf)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := c.site(t)
			code, stdout, stderr := call(append([]string{"build", "--source", root}, c.args...)...)
			if code != exitBuild || stdout != "" || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "构建失败") {
				t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
			}
		})
	}
}

// TestBuildFooterContact: the default theme shows footer.address, phone
// and email (as a mailto: link) on one line.
func TestBuildFooterContact(t *testing.T) {
	files := tinySite()
	theme, err := filepath.Abs("../../../themes/default")
	if err != nil {
		t.Fatal(err)
	}
	files["site.yaml"] = "title: 测试机关党建\nbase_url: https://example.gov.cn/\ntheme: " + theme + "\n" +
		"footer:\n  address: 临江市江滨路 1 号\n  phone: 0571-00000000\n  email: dj@example.gov.cn\n"
	root := writeSite(t, files)
	if code, _, stderr := call("build", "--quiet", "--source", root); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	home, err := os.ReadFile(filepath.Join(root, "public", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`class=footer-contact`, "地址：临江市江滨路 1 号", "电话：0571-00000000",
		`邮箱：<a href=`, `mailto:dj@example.gov.cn`, `>dj@example.gov.cn</a>`} {
		if !strings.Contains(string(home), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}

	// Without them there is no empty line.
	root = writeSite(t, tinySite())
	if code, _, stderr := call("build", "--quiet", "--source", root); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if home, err := os.ReadFile(filepath.Join(root, "public", "index.html")); err != nil || strings.Contains(string(home), "footer-contact") {
		t.Errorf("index.html shows the contact line without contacts: %v", err)
	}
}
