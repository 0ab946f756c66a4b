// Command corpus writes a realistic Chinese test site for yipin: a
// district 机关工委 portal with news, research, notices and 30 department
// folders, filled with generated official prose. Output is deterministic
// for a given page count and seed.
//
//	go run ./generator/cmd/corpus -n 10000 -o corpus/10000
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	n := fl.Int("n", 1000, "文章页数")
	out := fl.String("o", "", "输出目录(默认 corpus/<页数>);已有目录须带 "+markerName+" 标记才会被清空")
	seed := fl.Uint64("seed", 1, "随机种子;页数和种子相同,输出逐字节相同")
	theme := fl.String("theme", "", "主题文件夹(如 themes/default);给出时在 site.yaml 中写 theme: 它的绝对路径")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "用法: corpus [-n 页数] [-o 输出目录] [-seed 种子] [-theme 主题文件夹]")
		fmt.Fprintln(stderr, "生成用于测试和性能评估的中文党建网站语料。")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "错误:多余的参数 %q\n", fl.Args())
		return 2
	}
	if *out == "" {
		*out = filepath.Join("corpus", strconv.Itoa(*n))
	}

	start := time.Now()
	st, err := generate(options{Pages: *n, Out: *out, Seed: *seed, Theme: *theme})
	if err != nil {
		fmt.Fprintf(stderr, "错误:%v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "已生成测试语料:%d 篇文章(平均 %s),另有 %d 个栏目首页,共 %s(%d 字节),目录 %s,用时 %.2f 秒\n",
		st.Pages, humanBytes(st.PageBytes/int64(st.Pages)), st.Sections, humanBytes(st.TotalBytes),
		st.TotalBytes, *out, time.Since(start).Seconds())
	if st.Theme != "" {
		fmt.Fprintf(stdout, "主题:%s\n", st.Theme)
	}
	return 0
}
