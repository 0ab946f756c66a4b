package browsertest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// How to get what these tests need.
const (
	aptHint     = "安装办法:sudo apt-get install chromium nginx"
	fixtureHint = "获取办法:在仓库根目录运行 make fixtures"
)

// needLong skips the test under -short, except in CI, where every
// browser test must run.
func needLong(t *testing.T) {
	t.Helper()
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip("-short:跳过浏览器与 nginx 测试")
	}
}

// missing reports a missing tool and how to get it: a failure when CI is
// set, else a skip.
func missing(t *testing.T, hint, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...) + "。" + hint
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// chromiumPath finds Chromium: $YIPIN_CHROMIUM, else chromium,
// chromium-browser or google-chrome on PATH.
func chromiumPath(t *testing.T) string {
	t.Helper()
	return findTool(t, "YIPIN_CHROMIUM", "Chromium", []string{"chromium", "chromium-browser", "google-chrome"}, nil)
}

// nginxPath finds nginx: $YIPIN_NGINX, else nginx on PATH, else
// /usr/sbin/nginx (sbin is often not on a user's PATH).
func nginxPath(t *testing.T) string {
	t.Helper()
	return findTool(t, "YIPIN_NGINX", "nginx", []string{"nginx"}, []string{"/usr/sbin/nginx"})
}

func findTool(t *testing.T, env, what string, names, paths []string) string {
	t.Helper()
	if p := os.Getenv(env); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			missing(t, aptHint, "环境变量 %s=%s 指定的 %s 不能运行(%v)", env, p, what, err)
		}
		return p
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	for _, p := range paths {
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	missing(t, aptHint, "找不到 %s(找过 %v,也可用环境变量 %s 指定)", what, append(names, paths...), env)
	return ""
}

// axeSource is the text of axe-core, downloaded by `make fixtures`.
func axeSource(t *testing.T) string {
	t.Helper()
	p := filepath.Join("testdata", "axe.min.js")
	data, err := os.ReadFile(p)
	if err != nil {
		missing(t, fixtureHint, "找不到 axe-core(generator/browsertest/%s)", filepath.ToSlash(p))
	}
	return string(data)
}
