// Command benchsite measures full builds of a site with the yipin binary:
// it runs "<bin> build --source <site> --destination <tmp> --quiet" a
// number of times after one uncounted warm-up, and reports wall time,
// pages per second and peak memory (max RSS) of the build process. With
// -hugo it also builds the same content with Hugo after each build (see
// rival in hugo.go) and compares the two.
//
//	go run ./generator/cmd/benchsite -bin bin/yipin -site corpus/10000 -runs 5
//	go run ./generator/cmd/benchsite -bin bin/yipin -site corpus/10000 -hugo hugo
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("benchsite", flag.ContinueOnError)
	fl.SetOutput(stderr)
	bin := fl.String("bin", "bin/yipin", "yipin 可执行文件")
	site := fl.String("site", "", "站点目录(含 content/),必填")
	runs := fl.Int("runs", 5, "计时的构建次数(另有 1 次预热不计入)")
	extra := fl.String("args", "", "附加给 build 的参数,如 \"--drafts\";可用引号")
	yard := fl.Bool("yardstick", true, "每次构建后再计时只用 goldmark 转换同一批正文,作为换算到别的机器的参照")
	hugo := fl.String("hugo", "", "Hugo 可执行文件:每次构建后再用 Hugo 构建同一批内容,报告两者的用时和峰值内存")
	tmp := fl.String("tmp", "", "放构建结果的文件夹(默认系统临时文件夹);用内存盘(如 /dev/shm)可排除磁盘的影响")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "用法: benchsite -bin bin/yipin -site corpus/10000 [-runs 5] [-args \"...\"] [-hugo hugo]")
		fmt.Fprintln(stderr, "多次完整构建一个站点,报告耗时、每秒页数和峰值内存。")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *site == "" || *runs < 1 || fl.NArg() > 0 {
		fl.Usage()
		return 2
	}
	extraArgs, err := splitArgs(*extra)
	if err != nil {
		fmt.Fprintf(stderr, "错误:-args 无法解析:%v\n", err)
		return 2
	}

	s, err := bench(config{Bin: *bin, Site: *site, Runs: *runs, Extra: extraArgs, Tmp: *tmp, Yardstick: *yard, Hugo: *hugo}, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "错误:%v\n", err)
		var be *buildError
		if errors.As(err, &be) && len(be.Stderr) > 0 {
			fmt.Fprintf(stderr, "---- 构建程序的错误输出 ----\n%s", be.Stderr)
			if be.Stderr[len(be.Stderr)-1] != '\n' {
				fmt.Fprintln(stderr)
			}
		}
		return 1
	}
	fmt.Fprint(stdout, s.human(*bin, *site))
	fmt.Fprintln(stdout, s.machine())
	return 0
}
