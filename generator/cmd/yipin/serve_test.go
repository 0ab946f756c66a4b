package main

import (
	"strings"
	"testing"
)

func TestServeHelp(t *testing.T) {
	for _, args := range [][]string{{"help", "serve"}, {"serve", "-h"}, {"serve", "--help"}} {
		code, stdout, stderr := call(args...)
		if code != exitOK || stderr != "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
		for _, want := range []string{
			"用法:yipin serve [选项]", "--source 文件夹", "--port 号码", "(默认 1313)", "0 表示由系统任选一个空闲端口",
			"--bind 地址", "(默认 127.0.0.1)", "--base-url 网址", "--drafts\n", "默认包含;--drafts=false 不包含\n",
			"--future\n", "--open\n", "(相对于网站文件夹;默认 public)",
		} {
			if !strings.Contains(stdout, want) {
				t.Errorf("%q: help lacks %q:\n%s", args, want, stdout)
			}
		}
	}
	if _, stdout, _ := call("help"); !strings.Contains(stdout, "serve") {
		t.Error("yipin help does not list serve")
	}
}

func TestServeUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--port", "x"}, "选项 --port 的值 \"x\" 不对"},
		{[]string{"serve", "--port", "70000"}, "端口 70000 不对"},
		{[]string{"serve", "--port", "-1"}, "端口 -1 不对"},
		{[]string{"serve", "--drafts=maybe"}, "选项 --drafts 的值 \"maybe\" 不对"},
		{[]string{"serve", "site"}, "yipin serve:多余的参数 \"site\""},
		{[]string{"serve", "--source", "/nonexistent/yipin-site"}, "yipin serve:找不到网站文件夹"},
		{[]string{"serve", "--base-url", "ftp://x"}, "--base-url “ftp://x” 只能以 http:// 或 https:// 开头"},
		{[]string{"serve", "--base-url", "::", "--port", "0"}, "--base-url “::” 不是有效的网址"},
	}
	for _, c := range cases {
		code, stdout, stderr := call(c.args...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, stdout, stderr, c.want)
		}
	}
}
