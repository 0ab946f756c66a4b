package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"

	"yipin/generator/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "在本机预览网站:构建到内存并启动网页服务器,保存文件后浏览器自动刷新,出错时在浏览器中显示错误。", stdout, stderr)
	o := serve.Options{Stdout: stdout, Stderr: stderr}
	var bind string
	var port int
	var open bool
	fs.StringVar(&o.Source, "source", ".", "网站`文件夹`(含 site.yaml)")
	fs.IntVar(&port, "port", 1313, "网页服务器的端口`号码`(1 到 65535);被占用时依次尝试后面的 20 个;0 表示由系统任选一个空闲端口")
	fs.StringVar(&bind, "bind", "127.0.0.1", "监听的`地址`;0.0.0.0 让局域网内其他电脑也能访问")
	fs.StringVar(&o.BaseURL, "base-url", "", "网站`网址`,覆盖预览用的 http://地址:端口/ 加 site.yaml 中的路径")
	fs.BoolVar(&o.Drafts, "drafts", true, "包含草稿(draft: true),默认包含;--drafts=false 不包含")
	fs.BoolVar(&o.Future, "future", true, "包含发布时间在未来的页面,默认包含;--future=false 不包含")
	fs.BoolVar(&open, "open", false, "启动后用浏览器打开网站")
	var write bool
	fs.BoolVar(&write, "write", false, "同时把预览的网站写到磁盘(--destination),每次改动后更新;其中的网址是预览地址,且含草稿,不要拿去发布")
	fs.StringVar(&o.Destination, "destination", "public", "--write 时写到的`文件夹`(相对于网站文件夹)")
	if code, ok := fs.parse(args); !ok {
		return code
	}
	if !write {
		o.Destination = ""
	}
	if port < 0 || port > 65535 {
		fmt.Fprintf(stderr, "yipin serve:端口 %d 不对,请写 1 到 65535 之间的数(0 表示由系统任选一个空闲端口)\n", port)
		return exitUsage
	}
	var ok bool
	if o.BaseURL, ok = checkBaseURL("serve", o.BaseURL, stderr); !ok || !checkSource("serve", o.Source, stderr) {
		return exitUsage
	}
	ln, err := serve.Listen(bind, port)
	if err != nil {
		fmt.Fprintf(stderr, "yipin serve:无法在 %s 的端口 %d 到 %d 上启动网页服务器:%v\n请用 --port 换一个端口,或关掉占用端口的程序。\n",
			bind, port, port+serve.PortTries, err)
		return exitBuild
	}
	if got := serve.Port(ln); port != 0 && got != port {
		fmt.Fprintf(stdout, "端口 %d 已被占用,改用端口 %d。\n", port, got)
	}
	if !serve.Local(bind) {
		fmt.Fprintf(stderr, "警告:正在监听 %s,同一网络中的其他人也能打开这个预览,包括草稿和尚未发布的页面。只在本机预览时请去掉 --bind。\n", bind)
	}
	if os.Getenv("GOGC") == "" {
		// The server holds the whole site in memory for as long as it
		// runs; a heap that grows to 1.5× what it holds rather than 2×
		// keeps a 10,000-page site under 500 MB, for a little more GC.
		debug.SetGCPercent(50)
	}
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	s := serve.New(o, ln)
	ready := make(chan struct{})
	go func() {
		<-ready
		fmt.Fprintf(stdout, "预览地址:%s\n保存文件后浏览器会自动刷新。按 Ctrl+C 停止。\n", s.URL())
		if open {
			openBrowser(s.URL(), stderr)
		}
	}()
	err = s.Run(ctx, ln, ready)
	if err != nil {
		fmt.Fprintf(stderr, "yipin serve:%v\n", err)
		return exitBuild
	}
	fmt.Fprintln(stdout, "预览已停止。")
	return exitOK
}

// openBrowser opens url in the user's browser, without waiting for it.
func openBrowser(url string, stderr io.Writer) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "无法打开浏览器(%v),请手动打开上面的预览地址。\n", err)
		return
	}
	go cmd.Wait()
}
