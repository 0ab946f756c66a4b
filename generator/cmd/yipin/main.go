// Command yipin builds 机关党建 brand and culture sites from Markdown.
//
// This file only wires flags to the build (serve.go to the preview server); the work is in the packages
// under generator/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"yipin/generator/build"
	"yipin/generator/config"
	"yipin/generator/diag"
	"yipin/generator/publish"
)

// version is the release; the VCS revision is added from the build info.
const version = "0.1.0"

// Exit codes.
const (
	exitOK    = 0
	exitBuild = 1 // content or config errors
	exitUsage = 2 // wrong command line
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "构建网站,输出到 public/(或 --destination 指定的文件夹)", runBuild},
		{"serve", "在本机预览网站,保存后浏览器自动刷新", runServe},
		{"version", "显示版本", runVersion},
		{"help", "显示帮助;yipin help <命令> 显示该命令的选项", nil},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && name == "help" {
			return run([]string{rest[0], "-h"}, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	case "--version", "-version", "-v":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(rest, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "yipin:没有 %q 这个命令。\n\n", name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, "yipin(一品):机关党建品牌与文化网站生成器\n\n用法:\n  yipin <命令> [选项]\n\n命令:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\n每个命令都可加 -h 查看选项,例如 yipin build -h\n")
}

// flags is a command's flag set, with help and errors in Chinese: help
// goes to stdout (it was asked for), mistakes to stderr.
type flags struct {
	*flag.FlagSet
	synopsis       string
	stdout, stderr io.Writer
}

func newFlags(name, synopsis string, stdout, stderr io.Writer) *flags {
	f := &flags{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), synopsis: synopsis, stdout: stdout, stderr: stderr}
	f.SetOutput(io.Discard) // the flag package's own messages are English
	return f
}

// usage prints the command's options. A word in backquotes in a flag's
// text names its value: "网站`文件夹`" shows as --source 文件夹.
func (f *flags) usage(w io.Writer) {
	fmt.Fprintf(w, "用法:yipin %s [选项]\n\n%s\n\n选项:\n", f.Name(), f.synopsis)
	f.VisitAll(func(fl *flag.Flag) {
		arg, text := flag.UnquoteUsage(fl)
		if arg != "" {
			arg = " " + arg
		}
		fmt.Fprintf(w, "  --%s%s\n        %s\n", fl.Name, arg, withDefault(fl, text))
	})
}

// withDefault adds a flag's default to its text: inside the text's
// closing bracket when it ends with one ("输出文件夹(相对于网站文件夹;默认
// public)"), else in brackets of its own. Switches (bool flags) show none:
// off is their default, and the text of one that is on says so.
func withDefault(fl *flag.Flag, text string) string {
	if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); (ok && b.IsBoolFlag()) || fl.DefValue == "" {
		return text
	}
	def := "默认 " + fl.DefValue
	if fl.DefValue == "." {
		def = "默认当前文件夹"
	}
	if inner, ok := strings.CutSuffix(text, ")"); ok {
		return inner + ";" + def + ")"
	}
	return text + "(" + def + ")"
}

// parse parses flags, returning an exit code when the command should stop.
func (f *flags) parse(args []string) (int, bool) {
	err := f.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		f.usage(f.stdout)
		return exitOK, false
	case err != nil:
		fmt.Fprintf(f.stderr, "yipin %s:%s\n运行 yipin %s -h 查看全部选项。\n", f.Name(), flagError(err), f.Name())
		return exitUsage, false
	case f.NArg() > 0:
		fmt.Fprintf(f.stderr, "yipin %s:多余的参数 %q\n运行 yipin %s -h 查看用法。\n", f.Name(), strings.Join(f.Args(), " "), f.Name())
		return exitUsage, false
	}
	return 0, true
}

// flagError says in Chinese what the flag package found wrong. Options
// are named with two dashes, as the help shows them, however they were
// typed.
func flagError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "没有 " + dashes(name) + " 这个选项"
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "选项 " + dashes(name) + " 后面要写一个值"
	}
	// invalid boolean value "maybe" for -quiet: parse error
	// invalid value "x" for flag -n: …
	if strings.HasPrefix(msg, "invalid ") {
		if i := strings.Index(msg, " for "); i >= 0 {
			value := ""
			if q := strings.IndexByte(msg[:i], '"'); q >= 0 {
				value = " " + msg[q:i]
			}
			name, _, _ := strings.Cut(strings.TrimPrefix(msg[i+len(" for "):], "flag "), ":")
			return "选项 " + dashes(name) + " 的值" + value + " 不对"
		}
	}
	return msg
}

// dashes writes a flag name ("-nope" or "--nope") with two dashes.
func dashes(name string) string {
	return "--" + strings.TrimLeft(name, "-")
}

// checkSource reports a --source that is not a folder: a mistake on the
// command line (exit 2), whereas a folder without site.yaml is a mistake
// in the site (exit 1, from the build).
func checkSource(cmd, dir string, stderr io.Writer) bool {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(stderr, "yipin %s:找不到网站文件夹 %s\n请用 --source 指定含 site.yaml 的文件夹。\n", cmd, dir)
	case err != nil:
		fmt.Fprintf(stderr, "yipin %s:无法打开网站文件夹 %s(%v)\n请检查 --source 和文件夹的读取权限。\n", cmd, dir, err)
	case !info.IsDir():
		fmt.Fprintf(stderr, "yipin %s:%s 是一个文件,不是文件夹\n请用 --source 指定含 site.yaml 的文件夹。\n", cmd, dir)
	default:
		return true
	}
	return false
}

// checkBaseURL checks the value of --base-url ("" when not given) and
// returns it ending with "/"; a bad one is reported as a mistake on the
// command line.
func checkBaseURL(cmd, s string, stderr io.Writer) (string, bool) {
	if s == "" {
		return "", true
	}
	norm, d := config.CheckBaseURL(s)
	if d != nil {
		fmt.Fprint(stderr, d.Long())
		fmt.Fprintf(stderr, "运行 yipin %s -h 查看全部选项。\n", cmd)
		return "", false
	}
	return norm, true
}

// stopSignals are the signals that stop a build or a preview server
// cleanly: a build throws away what it wrote, and public/ stays as it was.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "读取 site.yaml、content/ 和主题,生成完整的静态网站。", stdout, stderr)
	var o build.Options
	var quiet, timings bool
	var cpuProfile, memProfile string
	fs.StringVar(&o.Source, "source", ".", "网站`文件夹`(含 site.yaml)")
	fs.StringVar(&o.Destination, "destination", "public", "输出`文件夹`(相对于网站文件夹)")
	fs.StringVar(&o.BaseURL, "base-url", "", "网站`网址`,覆盖 site.yaml 的 base_url,例如 https://example.gov.cn/dangjian/")
	fs.BoolVar(&o.Drafts, "drafts", false, "包含草稿(draft: true)")
	fs.BoolVar(&o.Future, "future", false, "包含发布时间在未来的页面")
	fs.BoolVar(&quiet, "quiet", false, "只输出错误")
	fs.BoolVar(&timings, "timings", false, "列出每个构建步骤的用时")
	fs.StringVar(&cpuProfile, "cpuprofile", "", "把构建的 CPU 剖析写入`文件`(供开发者用 go tool pprof 分析性能)")
	fs.StringVar(&memProfile, "memprofile", "", "把构建中内存分配的剖析写入`文件`(供开发者用 go tool pprof 分析)")
	if code, ok := fs.parse(args); !ok {
		return code
	}
	var ok bool
	if o.BaseURL, ok = checkBaseURL("build", o.BaseURL, stderr); !ok || !checkSource("build", o.Source, stderr) {
		return exitUsage
	}
	if cpuProfile != "" {
		stop, err := startCPUProfile(cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "错误:无法写入 CPU 剖析文件:%v\n", err)
			return exitBuild
		}
		defer stop()
	}
	if memProfile != "" {
		stop, err := startMemProfile(memProfile)
		if err != nil {
			fmt.Fprintf(stderr, "错误:无法写入内存剖析文件:%v\n", err)
			return exitBuild
		}
		defer stop()
	}
	o.TuneGC = true // this process makes one build and ends
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl+C ends the process at once
	}()
	if !quiet {
		o.Waiting = func(h publish.Holder) {
			fmt.Fprintf(stderr, "输出文件夹 %s 正由%s写入,等它结束后再构建……\n", o.Destination, h)
		}
	}
	stats, err := build.Run(ctx, o)
	if !quiet && stats != nil {
		for _, w := range stats.Warnings {
			fmt.Fprint(stderr, w.Long())
		}
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "构建已中断,输出文件夹保持原样。")
		return exitBuild
	}
	if err != nil {
		var errs *diag.Errors
		if errors.As(err, &errs) {
			for _, d := range errs.List {
				fmt.Fprint(stderr, d.Long())
			}
			if errs.Dropped > 0 {
				fmt.Fprintf(stderr, "……另有 %d 个错误未列出\n", errs.Dropped)
			}
			fmt.Fprintf(stderr, "构建失败:共 %d 个错误,输出文件夹保持原样。\n", len(errs.List)+errs.Dropped)
		} else {
			fmt.Fprintf(stderr, "构建失败:%v\n", err)
		}
		return exitBuild
	}
	if timings {
		for _, s := range stats.Steps {
			fmt.Fprintf(stdout, "  %-10s %s\n", s.Name, seconds(s.Duration))
		}
	}
	if !quiet {
		fmt.Fprintf(stdout, "构建完成:写出 %d 个页面和 %d 个其他文件,用时 %s。\n",
			stats.Pages, stats.Files, seconds(stats.Duration))
	}
	return exitOK
}

func seconds(d time.Duration) string {
	return fmt.Sprintf("%.2f 秒", d.Seconds())
}

// startMemProfile creates file; the function it returns writes the
// allocations made since the program started into it and closes it.
func startMemProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	return func() {
		pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}, nil
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "显示 yipin 的版本。", stdout, stderr)
	if code, ok := fs.parse(args); !ok {
		return code
	}
	v := version
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 7 {
				v += " (" + s.Value[:7] + ")"
			}
		}
	}
	fmt.Fprintf(stdout, "yipin %s\n", v)
	return exitOK
}

// startCPUProfile starts writing a CPU profile to file; the function it
// returns stops it and closes the file.
func startCPUProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
